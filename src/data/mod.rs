//! Data stage: table rows from spreadsheets. A table declared `表 名称 "标题" 来自 "公开表.xlsx"`
//! (or a `.xls`, `.ods` or `.csv` file) gets its rows from the file before checking; the rows
//! become ordinary AST rows, so every later stage treats them like rows written in the source,
//! and checks them the same way: a stated 合计 that its rows do not add up to is an error.
//!
//! The file is read as the 决算 software exports it ([`read`]); the parts of the 公开表 are
//! found by what they say ([`layout`]): title, caption (编制单位, 金额单位), header rows merged
//! or not, the 栏次 row, codes whole or split over 类 / 款 / 项, totals by their words, two-sided
//! sheets. The sheet is added to the compilation's sources as a text of one line a row
//! (`SheetPlaces`), so that every diagnostic and fact of a workbook row points at its cell.
//! What the reader does not understand is a diagnostic at its cell, never a guess.

// Decimals are never added with bare operators (see `src/eval/mod.rs`).
#![warn(clippy::arithmetic_side_effects)]

mod error;
pub(crate) mod layout;
pub(crate) mod number;
pub(crate) mod read;
pub mod report;

pub(crate) use error::{DataError, Unread, Why, Written};

use crate::ast::*;
use crate::settings::TableSetting;
use crate::source::{cell_name, column_name, SheetPlaces, Sources, Span};
use layout::{normal, At, HeaderColumn, Key, Layout, Role, Side};
use read::{Raw, Sheet};
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Loads the rows of every table of `module` that names a data file, relative to `base`
/// and inside the project folder unless `allow_outside` (see `Recorder::confine`). Each sheet
/// read is added to `sources`. `templates` are the library's tables, whose columns a table
/// without its own takes.
pub(crate) fn load(
    module: &mut Module,
    base: &Path,
    templates: &[&TableDecl],
    files: &crate::files::Recorder<'_>,
    allow_outside: bool,
    sources: &mut Sources,
) -> Vec<DataError> {
    let mut errors = Vec::new();
    let mut read_before: HashMap<(PathBuf, Option<String>), (Sheet, Layout, SheetText)> =
        HashMap::new();
    let entity = module.items.iter().find_map(|item| match item {
        Item::Report(report) => crate::settings::ReportSetting::Entity
            .find(&report.settings)
            .map(|s| s.value.text()),
        _ => None,
    });
    for item in &mut module.items {
        let Item::Table(table) = item else { continue };
        let Some(source) = table.source.clone() else {
            continue;
        };
        let template = templates.iter().find(|t| t.name.text == table.name.text);
        let columns: Vec<Column> = if table.columns.is_empty() {
            template.map(|t| t.columns.clone()).unwrap_or_default()
        } else {
            table.columns.clone()
        };
        let setting = |s: TableSetting| {
            s.find(&table.settings)
                .or_else(|| template.and_then(|t| s.find(&t.settings)))
                .map(|s| (s.value.text(), s.value.span()))
        };
        let wanted_sheet = setting(TableSetting::Sheet).map(|(v, _)| v);
        let read = files
            .confine(base, &source.value, allow_outside)
            .map_err(crate::files::Refusal::reason)
            .and_then(|(path, _)| {
                let key = (path.clone(), wanted_sheet.clone());
                if read_before.contains_key(&key) {
                    return Ok((key, None));
                }
                let bytes = files.read(&path).map_err(|e| crate::files::io_reason(&e))?;
                Ok((key, Some(read::sheet(bytes, wanted_sheet.as_deref())?)))
            });
        let (key, sheet) = match read {
            Ok(read) => read,
            Err(reason) => {
                table.data_failed = true;
                errors.push(DataError::Unreadable {
                    span: source.span,
                    file: source.value.clone(),
                    reason,
                });
                continue;
            }
        };
        // A sheet read by two tables (the two sides of a 总表) is read, shown and reported once.
        let first = sheet.is_some();
        if let Some(sheet) = sheet {
            let text = SheetText::add(sources, &key.0, &sheet, source.span);
            let layout = layout::find(&sheet);
            read_before.insert(key.clone(), (sheet, layout, text));
        }
        let Some((sheet, layout, text)) = read_before.get(&key) else {
            continue;
        };
        let mut reading = Reading {
            sheet,
            text,
            file: &source.value,
            origin: source.span,
            errors: &mut errors,
        };
        if first {
            reading.hidden_characters();
            reading.layout_problems(layout);
            if let (Some(entity), Some(found)) = (&entity, &layout.entity) {
                if normal(entity) != normal(found) {
                    reading.errors.push(DataError::OtherEntity {
                        span: reading.origin,
                        file: reading.file.to_owned(),
                        entity: entity.clone(),
                        found: found.clone(),
                    });
                }
            }
        }
        let side = reading.side(layout, setting(TableSetting::Side));
        let Some(side) = side else {
            table.data_failed = true;
            continue;
        };
        let unit = reading.caption_unit(layout, first);
        let rows = reading.rows(side, &columns, unit.as_deref());
        // Rows written in the document give what the file does not have (a row's `说明`).
        let written = std::mem::take(&mut table.rows);
        table.rows = reading.with_written(rows, written);
    }
    errors
}

/// Where the cells of a sheet are in its text (see `SheetPlaces`).
struct SheetText {
    cells: HashMap<At, Span>,
    rows: HashMap<u32, Span>,
}

impl SheetText {
    /// Adds the text of `sheet` to `sources`: a line for each row with a value, each cell
    /// written after its name (`C12 281.85`), separated by ` │ `.
    fn add(sources: &mut Sources, path: &Path, sheet: &Sheet, origin: Span) -> SheetText {
        let mut text = String::new();
        let mut rows = Vec::new();
        let mut places = Vec::new();
        let mut ranges: Vec<(At, std::ops::Range<usize>)> = Vec::new();
        let mut row_ranges: Vec<(u32, std::ops::Range<usize>)> = Vec::new();
        let mut current: Option<(u32, usize)> = None;
        for (&(row, column), raw) in &sheet.cells {
            match current {
                Some((r, _)) if r == row => text.push_str(" │ "),
                _ => {
                    if let Some((r, start)) = current {
                        row_ranges.push((r, start..text.len()));
                        text.push('\n');
                    }
                    current = Some((row, text.len()));
                    rows.push(row.saturating_add(1));
                }
            }
            let start = text.len();
            places.push((
                u32::try_from(start).unwrap_or(u32::MAX),
                column.saturating_add(1),
            ));
            text.push_str(&cell_name(row.saturating_add(1), column.saturating_add(1)));
            text.push(' ');
            let value_start = text.len();
            text.push_str(&raw.shown());
            ranges.push(((row, column), value_start..text.len()));
        }
        if let Some((r, start)) = current {
            row_ranges.push((r, start..text.len()));
            text.push('\n');
        }
        let name = path.display().to_string();
        let file = sources.add_sheet(
            name,
            text,
            SheetPlaces {
                sheet: sheet.name.clone(),
                rows,
                cells: places,
                origin,
            },
        );
        SheetText {
            cells: ranges
                .into_iter()
                .map(|(at, range)| (at, Span::new(file, range)))
                .collect(),
            rows: row_ranges
                .into_iter()
                .map(|(r, range)| (r, Span::new(file, range)))
                .collect(),
        }
    }
}

/// The reading of one table's sheet.
struct Reading<'a> {
    sheet: &'a Sheet,
    text: &'a SheetText,
    file: &'a str,
    origin: Span,
    errors: &'a mut Vec<DataError>,
}

/// Column names that mean the same in the 公开表 of different provinces.
const SAME_COLUMNS: &[&[&str]] = &[
    &["决算数", "金额", "本年决算数", "决算金额", "本年数"],
    &["年初预算", "年初预算数", "预算数"],
    &[
        "合计",
        "本年收入合计",
        "本年支出合计",
        "收入合计",
        "支出合计",
    ],
];

impl Reading<'_> {
    /// The span of a cell: its text, or its row's, or the `来自`.
    fn span(&self, at: At) -> Span {
        // A cell inside a merged block is shown as the block's first cell.
        let first = self.sheet.merge_at(at.0, at.1).map(|m| m.first);
        self.text
            .cells
            .get(&at)
            .or_else(|| first.and_then(|f| self.text.cells.get(&f)))
            .or_else(|| self.text.rows.get(&at.0))
            .copied()
            .unwrap_or(self.origin)
    }

    /// `收入支出决算总表!C12` (or `C12` for a CSV file).
    fn place(&self, at: At) -> String {
        let cell = cell_name(at.0.saturating_add(1), at.1.saturating_add(1));
        if self.sheet.name.is_empty() {
            format!("{}!{cell}", self.file)
        } else {
            format!("{}!{cell}", self.sheet.name)
        }
    }

    fn hidden_characters(&mut self) {
        for (&at, raw) in &self.sheet.cells {
            let Raw::Text(t) = raw else { continue };
            let hidden = t
                .chars()
                .find_map(|c| crate::source::Hidden::of(c).map(|kind| (kind, c)));
            if let Some((kind, char)) = hidden {
                self.errors.push(DataError::Hidden {
                    span: self.span(at),
                    place: self.place(at),
                    kind,
                    char,
                });
            }
        }
    }

    fn layout_problems(&mut self, layout: &Layout) {
        for problem in &layout.problems {
            let error = DataError::Layout {
                span: self.span(problem.at),
                place: self.place(problem.at),
                problem: problem.kind.clone(),
            };
            self.errors.push(error);
        }
    }

    /// The side the table reads: the only one, or the one its `侧` names.
    fn side<'l>(&mut self, layout: &'l Layout, wanted: Option<(String, Span)>) -> Option<&'l Side> {
        let labels: Vec<String> = layout.sides.iter().map(|s| s.label.clone()).collect();
        match (layout.sides.as_slice(), wanted) {
            ([], _) => None,
            ([only], None) => Some(only),
            (sides, Some((name, span))) => {
                let n = normal(&name);
                let index = match n.as_str() {
                    "左" | "left" | "1" => Some(0),
                    "右" | "right" | "2" => Some(1),
                    _ => sides
                        .iter()
                        .position(|s| s.label == n || s.label.starts_with(&n)),
                };
                match index.and_then(|i| sides.get(i)) {
                    Some(side) if sides.len() > 1 => Some(side),
                    _ => {
                        self.errors.push(DataError::Side {
                            span,
                            file: self.file.to_owned(),
                            sides: labels,
                            wanted: Some(name),
                        });
                        None
                    }
                }
            }
            (_, None) => {
                self.errors.push(DataError::Side {
                    span: self.origin,
                    file: self.file.to_owned(),
                    sides: labels,
                    wanted: None,
                });
                None
            }
        }
    }

    /// The money unit the caption states (`金额单位：元`), when it names one.
    fn caption_unit(&mut self, layout: &Layout, report: bool) -> Option<String> {
        let (at, unit) = layout.unit.as_ref()?;
        match crate::eval::unit::Unit::parse(unit) {
            Some(u) if u.dim() == crate::eval::unit::Dim::Money => Some(unit.clone()),
            _ if !report => None,
            _ => {
                self.errors.push(DataError::Layout {
                    span: self.span(*at),
                    place: self.place(*at),
                    problem: layout::ProblemKind::Unit(unit.clone()),
                });
                None
            }
        }
    }

    /// The header column a table column reads: by name or header label, else by a name that
    /// means the same ([`SAME_COLUMNS`]); `Err` with the candidates when two match.
    fn column_for<'s>(
        side: &'s Side,
        column: &Column,
    ) -> Result<Option<&'s HeaderColumn>, Vec<&'s HeaderColumn>> {
        let values = || side.columns.iter().filter(|c| c.role == Role::Value);
        let mut names = vec![normal(&column.name.text)];
        if let Some(label) = &column.label {
            names.push(normal(&label.value));
        }
        let exact: Vec<&HeaderColumn> = values()
            .filter(|c| names.contains(&c.name) || names.contains(&c.path.concat()))
            .collect();
        let found = if exact.is_empty() {
            let same: Vec<&str> = SAME_COLUMNS
                .iter()
                .filter(|group| names.iter().any(|n| group.contains(&n.as_str())))
                .flat_map(|group| group.iter().copied())
                .collect();
            values()
                .filter(|c| same.contains(&c.name.as_str()))
                .collect()
        } else {
            exact
        };
        match found.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(one)),
            _ => Err(found),
        }
    }

    /// The AST rows of `side` for a table with `columns`.
    fn rows(&mut self, side: &Side, columns: &[Column], unit: Option<&str>) -> Vec<Row> {
        let mut wanted: Vec<(&Column, &HeaderColumn, Holds)> = Vec::new();
        let mut found_names: Vec<String> = side
            .columns
            .iter()
            .filter(|c| c.role == Role::Value)
            .map(|c| c.name.clone())
            .collect();
        found_names.dedup();
        for column in columns {
            let holds = Holds::of(column);
            let text = holds == Holds::Text;
            match Self::column_for(side, column) {
                Ok(Some(header)) => wanted.push((column, header, holds)),
                // A computed column is checked where the sheet has it; a text column (说明)
                // may be missing from an export.
                Ok(None) if matches!(column.kind, ColumnKind::Computed(_)) || text => {}
                Ok(None) => self.errors.push(DataError::MissingColumn {
                    span: self.origin,
                    file: self.file.to_owned(),
                    column: column.name.text.clone(),
                    found: found_names.clone(),
                }),
                Err(several) => {
                    let at = several[1].at;
                    self.errors.push(DataError::Layout {
                        span: self.span(at),
                        place: self.place(at),
                        problem: layout::ProblemKind::TwoColumns(
                            column.name.text.clone(),
                            several
                                .iter()
                                .map(|c| column_name(c.column.saturating_add(1)))
                                .collect(),
                        ),
                    });
                }
            }
        }
        // A column of the sheet with amounts that no column of the table reads.
        for header in side.columns.iter().filter(|c| c.role == Role::Value) {
            let read = wanted.iter().any(|(_, h, _)| h.column == header.column);
            let filled = side
                .rows
                .iter()
                .any(|r| r.values.iter().any(|(at, _)| at.1 == header.column));
            if !read && filled {
                self.errors.push(DataError::NotRead {
                    span: self.span(header.at),
                    place: self.place(header.at),
                    what: Unread::Column(header.path.join("/")),
                });
            }
        }
        let mut out = Vec::new();
        // Whether the row above is a `其中` part: an indented label after it is one more.
        let mut in_parts = false;
        for body in &side.rows {
            let key_span = self.span(body.key_at);
            let row_span = self.text.rows.get(&body.row).copied().unwrap_or(key_span);
            let key = match &body.key {
                Key::Total => RowKey::Total(key_span),
                Key::Subtotal => RowKey::Subtotal(key_span),
                Key::Label(label) => RowKey::Label(Str {
                    value: label.clone(),
                    span: key_span,
                }),
                Key::Code { code, name } => RowKey::Code {
                    code: code.clone(),
                    name: name.as_ref().map(|n| Str {
                        value: n.clone(),
                        span: key_span,
                    }),
                    span: body.code_at.map_or(key_span, |at| self.span(at)),
                },
            };
            let mut cells = Vec::new();
            for (column, header, holds) in &wanted {
                let Some((at, raw)) = body.values.iter().find(|(at, _)| at.1 == header.column)
                else {
                    continue;
                };
                let at = *at;
                let span = self.span(at);
                // The caption's money unit is for amounts; a header's unit for its column.
                let unit = match holds {
                    Holds::Money => header.unit.as_deref().or(unit),
                    _ => header.unit.as_deref(),
                };
                let value = if *holds == Holds::Text {
                    CellValue::Text(Str {
                        value: match raw {
                            Raw::Text(t) => t.trim().to_owned(),
                            other => other.shown(),
                        },
                        span,
                    })
                } else {
                    match self.number(raw, at, unit, *holds == Holds::Rate) {
                        Some(value) => value,
                        None => continue,
                    }
                };
                cells.push(Cell {
                    column: Some(Name {
                        text: column.name.text.clone(),
                        span,
                    }),
                    value,
                    span,
                });
            }
            // A row the sheet labels `其中：…` is a part of the row above it, and so is each
            // indented label right after it (`　　公务用车运行维护费`).
            let part = match &key {
                RowKey::Label(label)
                    if crate::words::part_label(&label.value) || (in_parts && body.indented) =>
                {
                    Some(label.span)
                }
                _ => None,
            };
            in_parts = part.is_some();
            out.push(Row {
                key,
                cells,
                part,
                span: row_span,
            });
        }
        out
    }

    /// A cell of a number column as a literal (in `unit` when the sheet states one), or
    /// `CellValue::Empty` for a dash; `None` after reporting a cell that is not a number.
    /// A rate (`rate`) must say it is one: a `%` in the cell (`72.80%`) or over its column
    /// (`完成率（%）`). A bare 0.728 could be 72.8% (a percentage cell of Excel) or 0.728%.
    fn number(&mut self, raw: &Raw, at: At, unit: Option<&str>, rate: bool) -> Option<CellValue> {
        let span = self.span(at);
        let bad = |why: Why| DataError::BadNumber {
            span,
            place: String::new(),
            value: raw.shown(),
            why,
        };
        let (value, percent, extra) = match raw {
            Raw::Float(f) => match number::from_float(*f, 2) {
                // A workbook's amounts are kept to the cent: 836.7 is 836.70.
                Some((v, extra)) => (if v.scale() < 2 { rescaled(v, 2) } else { v }, false, extra),
                None => {
                    self.push(bad(Why::TooLarge), at);
                    return None;
                }
            },
            Raw::Int(i) => (Decimal::from(*i), false, false),
            Raw::Text(t) => {
                let n = normal(t);
                if matches!(n.as_str(), "-" | "—" | "–" | "/" | "——" | "--") {
                    return Some(CellValue::Empty);
                }
                match number::parse(t) {
                    Ok((v, percent)) => {
                        let (v, extra) = number::round_noise(v, if percent { 4 } else { 2 });
                        (v, percent, extra)
                    }
                    Err(number::NotANumber::Grouping) => {
                        self.push(bad(Why::Grouping), at);
                        return None;
                    }
                    Err(number::NotANumber::Other) => {
                        self.push(bad(Why::Text), at);
                        return None;
                    }
                }
            }
            Raw::Date { serial, .. } => {
                self.push(bad(Why::Date(*serial)), at);
                return None;
            }
            Raw::NoValue => {
                self.push(bad(Why::NoValue), at);
                return None;
            }
            Raw::Error(_) => {
                self.push(bad(Why::ErrorValue), at);
                return None;
            }
            Raw::Bool(_) => {
                self.push(bad(Why::Text), at);
                return None;
            }
        };
        if extra {
            self.errors.push(DataError::Precise {
                span,
                place: self.place(at),
                value: value.to_string(),
            });
        }
        let unit = if percent { Some("%") } else { unit };
        if rate && unit != Some("%") {
            self.push(bad(Why::RateWithoutPercent), at);
            return None;
        }
        Some(CellValue::Number(Literal {
            value,
            unit: unit.map(|u| Name {
                text: u.to_owned(),
                span,
            }),
            exact: false,
            span,
        }))
    }

    /// The file's `rows` with the cells of the rows the document writes: each written row
    /// names a row of the file by its key and gives cells the file leaves empty
    /// (`2010301 说明="…"`); it may not change an amount of the file, nor add a row.
    fn with_written(&mut self, mut rows: Vec<Row>, written: Vec<Row>) -> Vec<Row> {
        for row in written {
            let same: Vec<usize> = (0..rows.len())
                .filter(|&i| same_key(&rows[i].key, &row.key))
                .collect();
            let [at] = same.as_slice() else {
                self.errors.push(DataError::Written {
                    span: row.key.span(),
                    file: self.file.to_owned(),
                    problem: if same.is_empty() {
                        Written::NoRow
                    } else {
                        Written::SeveralRows
                    },
                });
                continue;
            };
            for cell in row.cells {
                let Some(column) = &cell.column else {
                    self.errors.push(DataError::Written {
                        span: cell.span,
                        file: self.file.to_owned(),
                        problem: Written::Unnamed,
                    });
                    continue;
                };
                let filled = rows[*at].cells.iter().any(|c| {
                    c.column.as_ref().is_some_and(|n| n.text == column.text)
                        && !matches!(c.value, CellValue::Empty)
                });
                if filled {
                    self.errors.push(DataError::Written {
                        span: cell.span,
                        file: self.file.to_owned(),
                        problem: Written::InFile(column.text.clone()),
                    });
                    continue;
                }
                rows[*at].cells.push(cell);
            }
        }
        rows
    }

    fn push(&mut self, mut error: DataError, at: At) {
        if let DataError::BadNumber { place, .. } = &mut error {
            *place = self.place(at);
        }
        self.errors.push(error);
    }
}

/// What a table column holds, as the reader treats its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holds {
    /// Amounts of money: the caption's 金额单位 applies.
    Money,
    /// Rates: a cell must say `%`, or its header.
    Rate,
    Text,
    /// Counts and plain numbers.
    Other,
}

impl Holds {
    fn of(column: &Column) -> Holds {
        use crate::eval::unit::{Dim, Unit};
        match &column.kind {
            ColumnKind::Input(ty) => match ty.dotted().as_str() {
                "文本" | "text" => Holds::Text,
                "金额" | "money" => Holds::Money,
                "比率" | "ratio" => Holds::Rate,
                other => match Unit::parse(other).map(Unit::dim) {
                    Some(Dim::Money) => Holds::Money,
                    Some(Dim::Ratio) => Holds::Rate,
                    _ => Holds::Other,
                },
            },
            // A computed column's kind shows only in its value: a 率 is a rate (完成率,
            // 增长率), anything else an amount (合计).
            ColumnKind::Computed(_) if column.name.text.contains('率') => Holds::Rate,
            ColumnKind::Computed(_) => Holds::Money,
        }
    }
}

/// Whether two row keys name the same row.
fn same_key(a: &RowKey, b: &RowKey) -> bool {
    match (a, b) {
        (RowKey::Code { code: x, .. }, RowKey::Code { code: y, .. }) => x == y,
        (RowKey::Label(x), RowKey::Label(y)) => normal(&x.value) == normal(&y.value),
        (RowKey::Total(_), RowKey::Total(_)) | (RowKey::Subtotal(_), RowKey::Subtotal(_)) => true,
        _ => false,
    }
}

/// `v` with `scale` decimals (836.7 as 836.70); `v` itself when it cannot have them.
fn rescaled(v: Decimal, scale: u32) -> Decimal {
    let mut out = v;
    out.rescale(scale);
    if out == v {
        out
    } else {
        v
    }
}
