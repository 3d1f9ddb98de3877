//! Finding the parts of a 公开表 in a sheet by what they say, wherever they stand: the title
//! (`收入支出决算总表`), the caption (`编制单位：… 金额单位：万元`), the header rows (merged
//! over two rows or not), the 栏次 row (`栏次 1 2 3`), the key columns (`科目编码` or
//! `类 款 项`, `科目名称` or `项目`), the 行次 column, and the body rows with their totals.
//! A sheet whose header repeats its key column (`项目 行次 金额 项目 行次 金额`) has two sides,
//! read as two tables. What is found is [`Layout`]; what cannot be understood is a
//! [`Problem`] at its cell, never a guess.

// No decimals here, only places and counts in a sheet of bounded size (`read::MAX_CELLS`).
#![allow(clippy::arithmetic_side_effects)]

use super::read::{Raw, Sheet};
use unicode_normalization::UnicodeNormalization;

/// A cell's place: (row, column), 0-based.
pub(crate) type At = (u32, u32);

/// What was found in a sheet.
#[derive(Debug, Default)]
pub(crate) struct Layout {
    /// The title (`收入支出决算总表`) and where it stands.
    pub title: Option<(At, String)>,
    /// The table's number (`公开01表`).
    pub number: Option<String>,
    /// The caption's 编制单位.
    pub entity: Option<String>,
    /// The caption's money unit (`万元`, `元`) and the cell it is in.
    pub unit: Option<(At, String)>,
    pub sides: Vec<Side>,
    pub problems: Vec<Problem>,
}

/// One side of a sheet (the only one, or 收入 and 支出 of a 总表).
#[derive(Debug)]
pub(crate) struct Side {
    /// What the header says above the side (`收入`), or `左`/`右`.
    pub label: String,
    pub columns: Vec<HeaderColumn>,
    pub rows: Vec<BodyRow>,
}

/// A column as the header names it.
#[derive(Debug, Clone)]
pub(crate) struct HeaderColumn {
    pub column: u32,
    /// The header cell that names it (the lowest).
    pub at: At,
    /// The header's words from top to bottom, each normalised (see [`normal`]).
    pub path: Vec<String>,
    /// The lowest words without a unit in brackets: `决算数（万元）` is `决算数`.
    pub name: String,
    /// The unit the header gives (`万元`, `%`).
    pub unit: Option<String>,
    pub role: Role,
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The whole classification code.
    Code,
    /// One level of a code split over 类 / 款 / 项 columns (0, 1, 2).
    CodePart(u8),
    /// The name of the row (`科目名称`, `项目`).
    Name,
    /// The 行次 (line numbers of the form, not amounts).
    LineNumber,
    /// Amounts or text.
    Value,
}

/// A row of the body with its key.
#[derive(Debug, Clone)]
pub(crate) struct BodyRow {
    pub row: u32,
    pub key: Key,
    /// The cell of the key (the name's, else the code's).
    pub key_at: At,
    /// The cell of the code, if the row has one (not for a code split over 类 / 款 / 项).
    pub code_at: Option<At>,
    /// The cells of the side's value columns that hold something, with their places (a
    /// row under a merged name gives its amounts to the merge's first row).
    pub values: Vec<(At, Raw)>,
    /// Whether the name is indented in its cell (`　　公务用车运行维护费`): under a `其中：` row,
    /// the sheet's way of showing one more part of the row above.
    pub indented: bool,
}

/// How a body row is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Key {
    Code { code: String, name: Option<String> },
    Label(String),
    Total,
    Subtotal,
}

/// Something in the sheet that cannot be read as part of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub at: At,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ProblemKind {
    /// No row names the columns.
    NoHeader,
    /// A row has amounts but neither a code nor a name.
    NoKey,
    /// Two rows share a merged name and both have amounts.
    MergedAmounts { first_row: u32 },
    /// A 款 or 项 without the levels above it.
    CodeGap(String),
    /// A code part that is not digits.
    BadCodePart(String),
    /// A cell beside or below the table that belongs to none of its columns.
    Stray(String),
    /// A caption's 金额单位 that is not a money unit.
    Unit(String),
    /// A table column that two columns of the sheet could be (their letters).
    TwoColumns(String, Vec<String>),
}

/// `text` as headers and labels are compared (`words::key`): `合　計` is `合计`.
pub(crate) fn normal(text: &str) -> String {
    crate::words::key(text)
}

/// The labels of a total row; a side with several has subtotals before its last total.
const TOTALS: &[&str] = &[
    "合计",
    "总计",
    "本年收入合计",
    "本年支出合计",
    "收入合计",
    "支出合计",
    "收入总计",
    "支出总计",
    "收支总计",
    "本年合计",
];

fn is_code_header(name: &str) -> bool {
    name.ends_with("编码") || name.ends_with("代码") || name == "编号" || name == "code"
}

fn is_name_header(name: &str) -> bool {
    name == "项目" || name.ends_with("名称") || name == "科目" || name == "name"
}

fn role_of(name: &str) -> Role {
    match name {
        "类" => Role::CodePart(0),
        "款" => Role::CodePart(1),
        "项" => Role::CodePart(2),
        "行次" | "栏次" | "序号" => Role::LineNumber,
        _ if is_code_header(name) => Role::Code,
        _ if is_name_header(name) => Role::Name,
        _ => Role::Value,
    }
}

/// The text of a cell, if it holds text.
fn text(raw: Option<&Raw>) -> Option<&str> {
    match raw {
        Some(Raw::Text(t)) if !t.trim().is_empty() => Some(t.as_str()),
        _ => None,
    }
}

/// Whether a cell holds a number, or text that reads as one.
fn numeric(raw: &Raw) -> bool {
    match raw {
        Raw::Float(_) | Raw::Int(_) => true,
        Raw::Text(t) => super::number::parse(t).is_ok(),
        _ => false,
    }
}

/// `决算数（万元）` as (`决算数`, `万元`).
fn split_unit(name: &str) -> (String, Option<String>) {
    if let Some(inner) = name
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once('('))
    {
        let (head, unit) = inner;
        if !head.is_empty()
            && ["万元", "元", "千元", "亿元", "%", "人", "个", "辆", "家"].contains(&unit)
        {
            return (head.to_owned(), Some(unit.to_owned()));
        }
    }
    (name.to_owned(), None)
}

/// The layout of `sheet`.
pub(crate) fn find(sheet: &Sheet) -> Layout {
    let mut layout = Layout::default();
    let rows = rows_of(sheet);
    let Some(first) = rows
        .iter()
        .copied()
        .take(40)
        .find(|&r| is_header_row(sheet, r))
    else {
        layout.problems.push(Problem {
            at: sheet.cells.keys().next().copied().unwrap_or((0, 0)),
            kind: ProblemKind::NoHeader,
        });
        return layout;
    };
    let first = upper_header_row(sheet, &rows, first).unwrap_or(first);
    for &r in rows.iter().take_while(|&&r| r < first) {
        read_heading(sheet, r, &mut layout);
    }
    let last = last_header_row(sheet, &rows, first);
    let columns = header_columns(sheet, first, last);
    let sides = split_sides(columns);
    let two = sides.len() > 1;
    for (i, columns) in sides.into_iter().enumerate() {
        let label = side_label(&columns, two, i);
        layout.sides.push(Side {
            label,
            columns,
            rows: Vec::new(),
        });
    }
    // The 栏次 rows right under the header are the form's column numbers.
    let body: Vec<u32> = rows
        .iter()
        .copied()
        .filter(|&r| r > last)
        .skip_while(|&r| is_column_number_row(sheet, r, &layout.sides))
        .collect();
    for side in &mut layout.sides {
        side.rows = body_rows(sheet, side, &body, &mut layout.problems);
    }
    stray_cells(sheet, &layout.sides, last, &mut layout.problems);
    layout
}

/// The rows that have a cell with a value, in order.
fn rows_of(sheet: &Sheet) -> Vec<u32> {
    let mut rows: Vec<u32> = sheet.cells.keys().map(|&(r, _)| r).collect();
    rows.dedup();
    rows
}

fn row_cells(sheet: &Sheet, row: u32) -> impl Iterator<Item = (u32, &Raw)> {
    sheet
        .cells
        .range((row, 0)..=(row, u32::MAX))
        .map(|(&(_, c), raw)| (c, raw))
}

/// A row that names the columns: it has a key header (`项目`, `科目名称`, `科目编码`, `类`) and
/// another header beside it, and no numbers.
fn is_header_row(sheet: &Sheet, row: u32) -> bool {
    let mut key = false;
    let mut count = 0;
    for (_, raw) in row_cells(sheet, row) {
        let Some(t) = text(Some(raw)) else {
            return false;
        };
        if numeric(raw) {
            return false;
        }
        let name = split_unit(&normal(t)).0;
        key |= matches!(role_of(&name), Role::Code | Role::CodePart(_) | Role::Name);
        count += 1;
    }
    key && count >= 2
}

/// The row right above the key header row when it is part of the header: words over the
/// columns (`收入 | 支出` over `项目 行次 金额 项目 行次 金额`), not a title or caption.
fn upper_header_row(sheet: &Sheet, rows: &[u32], first: u32) -> Option<u32> {
    let above = first.checked_sub(1).filter(|r| rows.contains(r))?;
    let mut count = 0;
    let mut wide = false;
    for (column, raw) in row_cells(sheet, above) {
        let t = text(Some(raw))?;
        let n = normal(t);
        if numeric(raw) || n.contains("单位") || n.contains('表') {
            return None;
        }
        count += 1;
        wide |= sheet
            .merge_at(above, column)
            .is_some_and(|m| m.first.1 != m.last.1);
    }
    (count >= 2 || (count == 1 && wide)).then_some(above)
}

/// The title, number and caption in a row above the header.
fn read_heading(sheet: &Sheet, row: u32, layout: &mut Layout) {
    for (column, raw) in row_cells(sheet, row) {
        // Words above the table (`附件1`) are not read; an amount there belongs to no column.
        if numeric(raw) || !matches!(raw, Raw::Text(_)) {
            layout.problems.push(Problem {
                at: (row, column),
                kind: ProblemKind::Stray(raw.shown()),
            });
            continue;
        }
        let Some(t) = text(Some(raw)) else { continue };
        let n = normal(t);
        if let Some(number) = table_number(&n) {
            layout.number = Some(number);
        }
        if n.contains("单位") {
            read_caption(t, (row, column), layout);
        } else if n.contains('表') && table_number(&n).as_deref() != Some(n.as_str()) {
            let longer = layout
                .title
                .as_ref()
                .is_none_or(|(_, old)| old.chars().count() < n.chars().count());
            if longer {
                layout.title = Some(((row, column), t.trim().to_owned()));
            }
        }
    }
}

/// `公开01表` in a text.
fn table_number(n: &str) -> Option<String> {
    let start = n.find("公开")?;
    let rest = &n[start + "公开".len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    (!digits.is_empty() && rest[digits.len()..].starts_with('表'))
        .then(|| format!("公开{digits}表"))
}

/// `编制单位：某局    金额单位：万元` (in one cell or two).
fn read_caption(t: &str, at: At, layout: &mut Layout) {
    let n: String = t.nfkc().collect();
    let mut rest = n.as_str();
    while let Some(i) = rest.find("单位") {
        let before = &rest[..i];
        let after = rest[i + "单位".len()..].trim_start_matches([':', ' ', '\u{3000}']);
        let end = after
            .find(|c: char| c.is_whitespace())
            .map_or(after.len(), |e| e);
        let value = after[..end].trim();
        let value = value.split("金额").next().unwrap_or(value).trim();
        if before.ends_with("编制") {
            if !value.is_empty() {
                layout.entity = Some(value.to_owned());
            }
        } else if !value.is_empty() {
            layout.unit = Some((at, value.trim_end_matches([')', ']']).to_owned()));
        }
        rest = &after[end..];
    }
}

/// The last header row: the header goes on over rows of text only that refine it (a cell
/// under a merged or empty header cell above), for at most four rows.
fn last_header_row(sheet: &Sheet, rows: &[u32], first: u32) -> u32 {
    let mut last = first;
    for &r in rows.iter().filter(|&&r| r > first).take(3) {
        if r != last + 1 {
            break;
        }
        let mut cells = row_cells(sheet, r).peekable();
        if cells.peek().is_none() {
            break;
        }
        let mut refines = false;
        for (i, (column, raw)) in cells.enumerate() {
            let Some(t) = text(Some(raw)) else {
                return last;
            };
            let n = normal(t);
            // A total row starts with its words; a header may name a column `合计`.
            if numeric(raw) || n == "栏次" || (i == 0 && TOTALS.contains(&n.as_str())) {
                return last;
            }
            let above_merged = sheet
                .merge_at(last, column)
                .is_some_and(|m| m.first.1 != m.last.1 || m.last.0 >= r);
            let above_empty = (first..=last).all(|h| text(sheet.cells.get(&(h, column))).is_none());
            refines |= above_merged || above_empty;
        }
        if !refines {
            break;
        }
        last = r;
    }
    last
}

/// The columns the header rows name, left to right.
fn header_columns(sheet: &Sheet, first: u32, last: u32) -> Vec<HeaderColumn> {
    let mut columns: Vec<u32> = (first..=last)
        .flat_map(|r| row_cells(sheet, r).map(|(c, _)| c))
        .collect();
    for m in &sheet.merges {
        if m.first.0 <= last && m.last.0 >= first {
            columns.extend(m.first.1..=m.last.1);
        }
    }
    columns.sort_unstable();
    columns.dedup();
    let mut out = Vec::new();
    for &column in &columns {
        let mut path: Vec<String> = Vec::new();
        let mut at = (first, column);
        for r in first..=last {
            let mut words = text(sheet.merged(r, column)).map(normal);
            if words.is_none() && r < last {
                // A CSV file keeps a merged header's words in its first cell only: a cell
                // over named columns takes the words to its left.
                let below = (r + 1..=last).any(|b| text(sheet.cells.get(&(b, column))).is_some());
                if below {
                    words = columns
                        .iter()
                        .rev()
                        .filter(|&&c| c < column)
                        .find_map(|&c| text(sheet.merged(r, c)))
                        .map(normal);
                }
            }
            if let Some(w) = words {
                if path.last() != Some(&w) {
                    path.push(w);
                }
                if text(sheet.merged(r, column)).is_some() {
                    at = (r, column);
                }
            }
        }
        let Some(leaf) = path.last() else { continue };
        let (name, unit) = split_unit(leaf);
        let role = role_of(&name);
        out.push(HeaderColumn {
            column,
            at,
            path,
            name,
            unit,
            role,
        });
    }
    out
}

/// The header's columns as sides: a side starts again where the first side's first key
/// column is named again.
fn split_sides(columns: Vec<HeaderColumn>) -> Vec<Vec<HeaderColumn>> {
    let Some(first_key) = columns
        .iter()
        .find(|c| c.role != Role::Value && c.role != Role::LineNumber)
        .map(|c| c.name.clone())
    else {
        return vec![columns];
    };
    let mut sides: Vec<Vec<HeaderColumn>> = vec![Vec::new()];
    let mut seen_value = false;
    for c in columns {
        if c.name == first_key && seen_value {
            sides.push(Vec::new());
            seen_value = false;
        }
        seen_value |= c.role == Role::Value;
        if let Some(side) = sides.last_mut() {
            side.push(c);
        }
    }
    sides
}

fn side_label(columns: &[HeaderColumn], two: bool, index: usize) -> String {
    let top = columns
        .iter()
        .filter(|c| c.path.len() > 1)
        .map(|c| c.path[0].clone())
        .next();
    match top {
        Some(t) if two => t,
        _ if two => if index == 0 { "左" } else { "右" }.to_owned(),
        _ => String::new(),
    }
}

/// A 栏次 row (`栏次 | | 1 | 2 | 3`, or `甲 | 乙 | 1 | 2`): the form's column numbers, not
/// amounts. It says 栏次 or 行次, or its key cells say 甲, 乙 … over amounts that count 1, 2, 3.
fn is_column_number_row(sheet: &Sheet, row: u32, sides: &[Side]) -> bool {
    let mut said = false;
    let mut lettered = false;
    let mut numbers = Vec::new();
    for (column, raw) in row_cells(sheet, row) {
        let role = sides
            .iter()
            .flat_map(|s| &s.columns)
            .find(|c| c.column == column)
            .map(|c| c.role);
        match raw {
            Raw::Text(t) if matches!(normal(t).as_str(), "栏次" | "行次") => said = true,
            Raw::Text(t)
                if matches!(normal(t).as_str(), "甲" | "乙" | "丙" | "丁")
                    && role != Some(Role::Value) =>
            {
                lettered = true
            }
            Raw::Int(i) => numbers.push(*i as f64),
            Raw::Float(f) => numbers.push(*f),
            Raw::Text(t) => match super::number::parse(t) {
                Ok((v, false)) if role == Some(Role::Value) || role == Some(Role::LineNumber) => {
                    numbers.push(f64::try_from(v).unwrap_or(f64::NAN))
                }
                _ => return false,
            },
            _ => return false,
        }
    }
    let counting = !numbers.is_empty()
        && numbers
            .iter()
            .enumerate()
            .all(|(i, &n)| n == (i + 1) as f64);
    // One number over `甲` may be a row named 甲: a 栏次 row counts at least two columns.
    said || (counting && numbers.len() >= 2 && (lettered || !has_key(sheet, row, sides)))
}

/// Whether a row has a code or a name in its key columns.
fn has_key(sheet: &Sheet, row: u32, sides: &[Side]) -> bool {
    sides.iter().flat_map(|s| &s.columns).any(|c| {
        matches!(c.role, Role::Code | Role::CodePart(_) | Role::Name)
            && sheet
                .cells
                .get(&(row, c.column))
                .is_some_and(|raw| match raw {
                    Raw::Text(t) => !matches!(normal(t).as_str(), "甲" | "乙" | "丙" | "丁"),
                    _ => true,
                })
    })
}

/// What a code cell holds.
#[derive(Debug, Clone, PartialEq, Eq)]
enum CodeCell {
    None,
    Digits(String),
    /// The words of a total (`合计` written across the key columns).
    Total(String),
    /// A note under the table (`注：…`).
    Note,
    /// Anything else: not a code.
    Bad(String),
}

fn classify_code(raw: &Raw, width: usize) -> CodeCell {
    if let Raw::Text(t) = raw {
        let n = normal(t);
        if TOTALS.contains(&n.as_str()) || n == "小计" {
            return CodeCell::Total(n);
        }
        if is_note(&n) {
            return CodeCell::Note;
        }
    }
    match code_digits(raw, width) {
        Ok(d) => CodeCell::Digits(d),
        Err(bad) => CodeCell::Bad(bad),
    }
}

/// The digits of a code cell: `208`, `05` (an Excel number 5 in a 款 column is `05`).
fn code_digits(raw: &Raw, width: usize) -> Result<String, String> {
    let digits = match raw {
        Raw::Int(i) if *i >= 0 => i.to_string(),
        Raw::Float(f) if f.fract() == 0.0 && *f >= 0.0 && *f < 1e15 => format!("{f}"),
        Raw::Text(t) => normal(t),
        other => return Err(other.shown()),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(digits);
    }
    Ok(if digits.len() < width {
        format!("{digits:0>width$}")
    } else {
        digits
    })
}

/// The body rows of one side.
fn body_rows(
    sheet: &Sheet,
    side: &Side,
    rows: &[u32],
    problems: &mut Vec<Problem>,
) -> Vec<BodyRow> {
    let find = |role: Role| {
        side.columns
            .iter()
            .find(|c| c.role == role)
            .map(|c| c.column)
    };
    let code_at = find(Role::Code);
    let parts: Vec<Option<u32>> = (0..3).map(|l| find(Role::CodePart(l))).collect();
    let name_at = find(Role::Name);
    let values: Vec<u32> = side
        .columns
        .iter()
        .filter(|c| c.role == Role::Value)
        .map(|c| c.column)
        .collect();
    let mut out: Vec<BodyRow> = Vec::new();
    let mut last_parts: [Option<String>; 3] = [None, None, None];
    // The first row of a merged name and its index in `out`.
    let mut merged_from: Option<(u32, usize)> = None;
    for &row in rows {
        let cells: Vec<(At, Raw)> = values
            .iter()
            .filter_map(|&c| {
                sheet
                    .cells
                    .get(&(row, c))
                    .map(|raw| ((row, c), raw.clone()))
            })
            .collect();
        let name_raw = name_at.and_then(|c| sheet.merged(row, c));
        let indented = text(name_raw).is_some_and(|t| t.starts_with(char::is_whitespace));
        let name =
            text(name_raw).map(|t| t.trim().trim_start_matches('\u{3000}').trim().to_owned());
        let name_norm = name.as_deref().map(normal);
        // A merged name continued from a row above: this row's amounts are that row's.
        let continues = name_at
            .and_then(|c| sheet.merge_at(row, c))
            .filter(|m| m.first.0 < row)
            .map(|m| m.first.0);
        if let Some(first_row) = continues {
            if let Some((from, index)) = merged_from.filter(|(f, _)| *f == first_row) {
                if !cells.is_empty() {
                    if out[index].values.is_empty() {
                        out[index].values = cells;
                    } else {
                        problems.push(Problem {
                            at: cells[0].0,
                            kind: ProblemKind::MergedAmounts { first_row: from },
                        });
                    }
                }
                continue;
            }
        }
        // The code: whole, or rebuilt from 类 / 款 / 项; or the words of a total, or of a
        // note, written across the key columns.
        let mut code = CodeCell::None;
        let mut code_cell = None;
        if let Some(c) = code_at {
            if let Some(raw) = sheet.merged(row, c) {
                code_cell = Some((row, c));
                code = classify_code(raw, 0);
            }
        } else if parts.iter().any(Option::is_some) {
            let mut levels: [Option<String>; 3] = [None, None, None];
            for (level, column) in parts.iter().enumerate() {
                let Some(c) = column else { continue };
                let Some(raw) = sheet.merged(row, *c) else {
                    continue;
                };
                code_cell.get_or_insert((row, *c));
                match classify_code(raw, if level == 0 { 3 } else { 2 }) {
                    CodeCell::Digits(d) => levels[level] = Some(d),
                    other => {
                        code = other;
                        break;
                    }
                }
            }
            if code == CodeCell::None {
                if let Some(deepest) = levels.iter().rposition(Option::is_some) {
                    let mut whole = String::new();
                    let mut gap = false;
                    for level in 0..=deepest {
                        match levels[level].clone().or_else(|| last_parts[level].clone()) {
                            Some(d) => {
                                levels[level] = Some(d.clone());
                                whole.push_str(&d);
                            }
                            None => gap = true,
                        }
                    }
                    if gap {
                        problems.push(Problem {
                            at: code_cell.unwrap_or((row, 0)),
                            kind: ProblemKind::CodeGap(whole),
                        });
                        continue;
                    }
                    for (level, part) in last_parts.iter_mut().enumerate() {
                        *part = if level <= deepest {
                            levels[level].clone()
                        } else {
                            None
                        };
                    }
                    code = CodeCell::Digits(whole);
                }
            }
        }
        let key_at = name_at
            .filter(|_| name.is_some())
            .map(|c| (row, c))
            .or(code_cell)
            .unwrap_or(cells.first().map_or((row, 0), |(at, _)| *at));
        let total_word = match (&code, &name_norm) {
            (CodeCell::Total(word), _) => Some(word.clone()),
            (CodeCell::None, Some(n)) if TOTALS.contains(&n.as_str()) || n == "小计" => {
                Some(n.clone())
            }
            _ => None,
        };
        let key = if let Some(word) = total_word {
            if word == "小计" {
                Key::Subtotal
            } else {
                Key::Total
            }
        } else {
            match (code, name) {
                (CodeCell::Digits(code), name) => Key::Code { code, name },
                (CodeCell::Note, None) if cells.is_empty() => continue,
                (CodeCell::Bad(bad), _) => {
                    problems.push(Problem {
                        at: code_cell.unwrap_or(key_at),
                        kind: ProblemKind::BadCodePart(bad),
                    });
                    continue;
                }
                (CodeCell::Note, _) => {
                    let shown = code_cell
                        .and_then(|at| sheet.cells.get(&at))
                        .map(Raw::shown)
                        .unwrap_or_default();
                    problems.push(Problem {
                        at: code_cell.unwrap_or(key_at),
                        kind: ProblemKind::BadCodePart(shown),
                    });
                    continue;
                }
                (CodeCell::Total(_), _) => continue,
                // `2080501 行政运行` in a name column without a code column: the code leads.
                (CodeCell::None, Some(name))
                    if code_at.is_none() && leading_code(&name).is_some() =>
                {
                    let (code, rest) = leading_code(&name).unwrap_or_default();
                    Key::Code {
                        code,
                        name: (!rest.is_empty()).then_some(rest),
                    }
                }
                (CodeCell::None, Some(name)) => {
                    let n = normal(&name);
                    if cells.is_empty() && is_note(&n) {
                        continue;
                    }
                    Key::Label(name)
                }
                (CodeCell::None, None) => {
                    if let Some((at, _)) = cells.first() {
                        problems.push(Problem {
                            at: *at,
                            kind: ProblemKind::NoKey,
                        });
                    }
                    continue;
                }
            }
        };
        if name_at
            .and_then(|c| sheet.merge_at(row, c))
            .is_some_and(|m| m.last.0 > row)
        {
            merged_from = Some((row, out.len()));
        }
        out.push(BodyRow {
            row,
            key,
            key_at,
            // A code split over 类 / 款 / 项 has no one cell: its row is shown by its name.
            code_at: code_cell.filter(|_| code_at.is_some()),
            values: cells,
            indented,
        });
    }
    // Of several total rows, all but the last are subtotals (`本年收入合计` … `收入总计`).
    let totals: Vec<usize> = (0..out.len())
        .filter(|&i| out[i].key == Key::Total)
        .collect();
    if let Some((_, before)) = totals.split_last() {
        for &i in before {
            out[i].key = Key::Subtotal;
        }
    }
    out
}

/// The code and name of `2080501 行政运行` (a code of 3 to 7 digits, then white space).
fn leading_code(name: &str) -> Option<(String, String)> {
    let name: String = name.nfkc().collect();
    let digits = name.chars().take_while(char::is_ascii_digit).count();
    let rest = &name[digits..];
    let spaced = rest.starts_with(char::is_whitespace);
    ((3..=7).contains(&digits) && spaced)
        .then(|| (name[..digits].to_owned(), rest.trim().to_owned()))
}

/// A note under a table (`注：…`, `说明：…`), which is not a row.
fn is_note(n: &str) -> bool {
    ["注", "说明", "备注", "填报说明", "数据来源"]
        .iter()
        .any(|w| n.starts_with(w) && n[w.len()..].starts_with([':', '1', '(']))
}

/// Cells below the header that lie in none of the header's columns.
fn stray_cells(sheet: &Sheet, sides: &[Side], last_header: u32, problems: &mut Vec<Problem>) {
    let known: Vec<u32> = sides
        .iter()
        .flat_map(|s| s.columns.iter().map(|c| c.column))
        .collect();
    for (&(row, column), raw) in sheet.cells.range((last_header + 1, 0)..) {
        if known.contains(&column)
            || sheet
                .merge_at(row, column)
                .is_some_and(|m| known.iter().any(|k| (m.first.1..=m.last.1).contains(k)))
        {
            continue;
        }
        if let Some(t) = text(Some(raw)) {
            if is_note(&normal(t)) {
                continue;
            }
        }
        problems.push(Problem {
            at: (row, column),
            kind: ProblemKind::Stray(raw.shown()),
        });
    }
}
