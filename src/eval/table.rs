//! Eval stage: tables. Rows keyed by classification code form a hierarchy (项 → 款 → 类):
//! a row with rows under it is a subtotal, computed when its cells are empty and checked when
//! they are stated; the total row (合计) is the sum of the top-level rows. Codes are checked
//! against the built-in classification list.

use super::error::{EvalError, OtherReport};
use super::settings::Expected;
use super::unit::{Dim, Unit};
use super::value::{Quantity, Value};
use super::Evaluator;
use crate::ast::*;
use crate::check::classification::{self, Kind};
use crate::check::CheckError;
use crate::i18n::Message;
use crate::msg;
use crate::settings::TableSetting;
use crate::source::Span;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// A table with its cells read and its hierarchy known.
#[derive(Debug)]
pub(crate) struct Table<'a> {
    pub decl: &'a TableDecl,
    /// The declarations of its columns: its own, or its library template's.
    pub column_decls: &'a [Column],
    /// Its title: its own, or its template's.
    pub title: Option<String>,
    /// `空表说明`: why the table has no rows.
    pub empty_note: Option<String>,
    /// `编号`: its number among the published tables (`公开01表`).
    pub number: Option<String>,
    /// The money unit its amounts are in (`单位`, else the document's).
    pub money: Unit,
    pub columns: Vec<Col<'a>>,
    pub rows: Vec<TRow>,
    /// The classification the codes are from.
    pub kind: Kind,
    /// The unit of the last digit its amounts are published to (`金额精度`), for amounts
    /// written without decimals.
    pub precision: Option<Decimal>,
    /// Whether that precision was inferred: every amount is a whole number.
    pub inferred: bool,
    /// Its codes that no list has, once each, with the first row of each (noted once for the
    /// whole document, J0304).
    pub unlisted: Vec<(String, Span)>,
}

/// A code row as the document names it: what another document (the next year's report,
/// importing this one) compares its own names with (J0313).
#[derive(Debug, Clone)]
pub(crate) struct CodeRow {
    pub kind: Kind,
    pub code: String,
    pub name: String,
    /// The table's name.
    pub table: String,
    pub span: Span,
}

/// A column and what it holds.
#[derive(Debug)]
pub(crate) struct Col<'a> {
    pub name: String,
    pub kind: ColKind<'a>,
}

/// The kinds of column.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ColKind<'a> {
    /// Numbers of one dimension; cells without a unit are in `unit`.
    Number(Dim, Option<Unit>),
    Text,
    Computed(&'a Expr),
}

/// What a row is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RowKind {
    Code(String),
    Label,
    Total,
    Subtotal,
    /// A `其中` row (with its code, if it has one): a part of the row above it, which its
    /// `parent` names; it is not among that row's `children`, so it is never added up again.
    Part(Option<String>),
}

/// One row: its key, its name and its cells (one slot per column).
#[derive(Debug)]
pub(crate) struct TRow {
    pub kind: RowKind,
    pub name: String,
    pub span: Span,
    /// Where the name is written (its string, quotes and all), when it is.
    pub name_span: Option<Span>,
    pub cells: Vec<Option<TCell>>,
    /// For each column, whether its cell is `待填`: it has no value, and neither has what
    /// adds it up.
    pub unfilled: Vec<bool>,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
}

/// A cell as written.
#[derive(Debug, Clone)]
pub(crate) struct TCell {
    pub value: Value,
    pub span: Span,
    /// The literal, for cells that state a number.
    pub literal: Option<Literal>,
}

impl Table<'_> {
    /// Whether the cell of `row` in `column` is `待填`.
    pub(crate) fn unfilled(&self, row: usize, column: &str) -> bool {
        self.column(column)
            .is_some_and(|c| self.rows.get(row).is_some_and(|r| r.unfilled[c]))
    }

    /// Rows that are neither totals nor have rows under them: what loops and column sums
    /// go over.
    pub(crate) fn leaf_rows(&self) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|&i| {
                let r = &self.rows[i];
                r.children.is_empty() && matches!(r.kind, RowKind::Code(_) | RowKind::Label)
            })
            .collect()
    }

    /// Rows with no parent row (what the total adds up).
    pub(super) fn top_rows(&self) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|&i| {
                let r = &self.rows[i];
                r.parent.is_none() && matches!(r.kind, RowKind::Code(_) | RowKind::Label)
            })
            .collect()
    }

    pub(super) fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }

    /// The row as messages name it: "row `208 社会保障和就业支出`", "the total row".
    pub(crate) fn row_label(&self, row: usize) -> Message {
        let r = &self.rows[row];
        match &r.kind {
            RowKind::Code(code) | RowKind::Part(Some(code)) => {
                msg!("eval-row", name = format!("{code} {}", r.name))
            }
            RowKind::Label | RowKind::Part(None) => msg!("eval-row", name = &r.name),
            RowKind::Total => msg!("eval-row-total"),
            RowKind::Subtotal => msg!("eval-row-subtotal"),
        }
    }

    /// The full classification name of a code row, from the names of its ancestors in the
    /// table: 一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）.
    pub(crate) fn full_name(&self, row: usize) -> String {
        let mut chain = vec![row];
        let mut at = row;
        while let Some(p) = self.rows[at].parent {
            chain.push(p);
            at = p;
        }
        chain
            .iter()
            .rev()
            .map(|&i| {
                let r = &self.rows[i];
                match &r.kind {
                    RowKind::Code(code) => {
                        format!("{}（{}）", r.name, classification::level_name(code.len()))
                    }
                    _ => r.name.clone(),
                }
            })
            .collect()
    }
}

impl<'a> Evaluator<'a> {
    pub(super) fn build_tables(&mut self) {
        let decls = self.table_decls.clone();
        for decl in decls {
            if self.tables.contains_key(&decl.name.text) {
                continue; // a duplicate, reported by the checker
            }
            let table = self.build_table(decl);
            self.tables.insert(decl.name.text.clone(), table);
        }
    }

    fn build_table(&mut self, decl: &'a TableDecl) -> Table<'a> {
        let money = self.settings.money;
        let mut table_money = money;
        let mut kind = None;
        let mut empty_note = None;
        let mut number = None;
        let mut total_row = true;
        let mut precision = None;
        let template = self.templates.get(&decl.name.text).copied();
        let template_settings = template.map(|t| t.settings.as_slice()).unwrap_or_default();
        for setting in template_settings.iter().chain(&decl.settings) {
            let value = setting.value.text();
            let bad = |expected: Expected| {
                EvalError::Setting(CheckError::BadSettingValue {
                    key: setting.key.text.clone(),
                    value: value.clone(),
                    span: setting.value.span(),
                    expected: expected.into(),
                })
            };
            // Unknown keys were reported by the checker.
            let Some(key) = TableSetting::parse(&setting.key.text) else {
                continue;
            };
            match key {
                TableSetting::Codes => match Kind::parse(&value) {
                    Some(k) => kind = Some(k),
                    None => self.error(bad(Expected::Classification)),
                },
                TableSetting::TotalRow => match super::settings::yes_no(&value) {
                    Some(yes) => total_row = yes,
                    None => self.error(bad(Expected::YesNo)),
                },
                TableSetting::Empty | TableSetting::Unpublished => empty_note = Some(value),
                TableSetting::Number => number = Some(value),
                TableSetting::Unit => match Unit::parse(&value) {
                    Some(Unit::Money(s)) => table_money = Unit::Money(s),
                    _ => self.error(bad(Expected::MoneyUnit)),
                },
                TableSetting::Precision => match super::settings::precision(&value) {
                    Some(p) => precision = Some(p),
                    None => self.error(bad(Expected::Precision)),
                },
                // Read by the data stage.
                TableSetting::Sheet | TableSetting::Side => {}
            }
        }
        let column_decls: &'a [Column] = match template {
            Some(t) if decl.columns.is_empty() => &t.columns,
            _ => &decl.columns,
        };
        let title = decl
            .title
            .as_ref()
            .or(template.and_then(|t| t.title.as_ref()))
            .map(|s| s.value.clone());
        let mut columns = Vec::new();
        for column in column_decls {
            let kind = match &column.kind {
                ColumnKind::Computed(expr) => ColKind::Computed(expr),
                ColumnKind::Input(ty) => match ty.dotted().as_str() {
                    "金额" | "money" => ColKind::Number(Dim::Money, Some(table_money)),
                    "文本" | "text" => ColKind::Text,
                    "比率" | "ratio" => ColKind::Number(Dim::Ratio, Some(Unit::Percent)),
                    "数值" | "number" => ColKind::Number(Dim::Plain, None),
                    other => match Unit::parse(other) {
                        Some(unit) => ColKind::Number(unit.dim(), Some(unit)),
                        None => {
                            self.error(EvalError::UnknownUnit {
                                span: ty.span,
                                unit: other.to_owned(),
                                suggestion: None,
                            });
                            ColKind::Number(Dim::Money, Some(table_money))
                        }
                    },
                },
            };
            columns.push(Col {
                name: column.name.text.clone(),
                kind,
            });
        }
        // Amounts without decimals: the table's `金额精度`, else the document's, else whole
        // units when every amount of the table is a whole number (noted, J0211).
        let inferred = precision.is_none()
            && self.settings.precision.is_none()
            && whole_amounts(decl, &columns);
        let precision = precision
            .or(self.settings.precision)
            .or(inferred.then_some(Decimal::ONE));
        let mut table = Table {
            decl,
            column_decls,
            precision,
            inferred,
            title,
            empty_note,
            number,
            money: table_money,
            columns,
            rows: Vec::new(),
            kind: kind.unwrap_or(Kind::Function),
            unlisted: Vec::new(),
        };
        for row in &decl.rows {
            let r = self.build_row(&table, row);
            table.rows.push(r);
        }
        if kind.is_none() {
            // Infer the classification from the codes: 经济分类 codes start with 3 or 5.
            if let Some(RowKind::Code(code)) = table
                .rows
                .iter()
                .map(|r| &r.kind)
                .find(|k| matches!(k, RowKind::Code(_)))
            {
                if code.starts_with('3') || code.starts_with('5') {
                    table.kind = Kind::Economic;
                }
            }
        }
        self.link_rows(&mut table);
        self.link_parts(&mut table);
        let numeric = table
            .columns
            .iter()
            .any(|c| !matches!(c.kind, ColKind::Text));
        if numeric && total_row && !table.rows.iter().any(|r| r.kind == RowKind::Total) {
            // Every table has a total (unless `合计行 否`: its rows are not parts of one
            // whole); without a stated one it is computed from the top rows.
            let columns = table.columns.len();
            table.rows.push(TRow {
                kind: RowKind::Total,
                name: "合计".to_owned(),
                span: decl.name.span,
                name_span: None,
                cells: vec![None; columns],
                unfilled: vec![false; columns],
                parent: None,
                children: Vec::new(),
            });
        }
        table
    }

    /// The words of a total row as printed (at `span`, white space aside: `本年收入合計`), or
    /// `keyword` for the English keyword (`total`).
    fn sheet_words(&self, span: Span, keyword: &str) -> String {
        let words: String = self
            .sources
            .get(span.file)
            .slice(span)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if words.is_empty() || words.is_ascii() {
            keyword.to_owned()
        } else {
            words
        }
    }

    fn build_row(&mut self, table: &Table<'a>, row: &Row) -> TRow {
        let (mut kind, name) = match &row.key {
            RowKey::Code { code, name, .. } => (
                RowKind::Code(code.clone()),
                name.as_ref().map(|n| n.value.clone()).unwrap_or_default(),
            ),
            RowKey::Label(label) => (RowKind::Label, label.value.clone()),
            // A workbook's total keeps its words (`本年收入合计`, `收入总计`).
            RowKey::Total(span) => (RowKind::Total, self.sheet_words(*span, "合计")),
            RowKey::Subtotal(span) => (RowKind::Subtotal, self.sheet_words(*span, "小计")),
        };
        if row.part.is_some() {
            kind = match kind {
                RowKind::Code(code) => RowKind::Part(Some(code)),
                _ => RowKind::Part(None),
            };
        }
        let mut cells: Vec<Option<TCell>> = vec![None; table.columns.len()];
        let mut unfilled = vec![false; table.columns.len()];
        for (cell, index) in cell_columns(&table.columns, row) {
            let Some(index) = index else {
                self.error(EvalError::TooManyCells {
                    span: cell.span,
                    columns: inputs(&table.columns).count(),
                });
                break;
            };
            unfilled[index] = matches!(cell.value, CellValue::Placeholder(_));
            cells[index] = self.read_cell(&table.columns[index], cell, table.precision);
        }
        let name_span = match &row.key {
            RowKey::Code { name, .. } => name.as_ref().map(|n| n.span),
            RowKey::Label(label) => Some(label.span),
            _ => None,
        };
        TRow {
            kind,
            name,
            span: row.key.span(),
            name_span,
            cells,
            unfilled,
            parent: None,
            children: Vec::new(),
        }
    }

    fn read_cell(
        &mut self,
        column: &Col<'a>,
        cell: &Cell,
        precision: Option<Decimal>,
    ) -> Option<TCell> {
        let expected = |dim: Dim| msg!("J0306-cell-type.numbers", dim = dim.describe());
        match (&cell.value, column.kind) {
            (CellValue::Empty | CellValue::Placeholder(_), _) => None,
            (CellValue::Text(text), ColKind::Text) => Some(TCell {
                value: Value::Text(text.value.clone()),
                span: cell.span,
                literal: None,
            }),
            (CellValue::Number(literal), ColKind::Number(dim, unit)) => {
                let unit = match &literal.unit {
                    Some(name) => self.unit(name)?,
                    None => unit?,
                };
                if unit.dim() != dim && dim != Dim::Plain {
                    self.error(EvalError::CellType {
                        span: cell.span,
                        column: column.name.clone(),
                        expected: expected(dim),
                    });
                    return None;
                }
                let q = match Quantity::amount(literal.value, Some(unit), literal.exact, precision)
                {
                    Ok(q) => q,
                    Err(e) => {
                        let operation = super::literal_in_base(literal, Some(unit));
                        self.op_error(e, cell.span, None, Some(operation));
                        return None;
                    }
                };
                Some(TCell {
                    value: Value::Num(q),
                    span: cell.span,
                    literal: Some(literal.clone()),
                })
            }
            (CellValue::Number(literal), ColKind::Computed(_)) => Some(TCell {
                value: Value::Num(Quantity::exact(Dim::Plain, literal.value)),
                span: cell.span,
                literal: Some(literal.clone()),
            }),
            (_, kind) => {
                let expected = match kind {
                    ColKind::Text => msg!("J0306-cell-type.text"),
                    ColKind::Number(dim, _) => expected(dim),
                    ColKind::Computed(_) => msg!("J0306-cell-type.stated-number"),
                };
                self.error(EvalError::CellType {
                    span: cell.span,
                    column: column.name.clone(),
                    expected,
                });
                None
            }
        }
    }

    /// Finds each code row's parent (the nearest row whose code is a prefix of its own),
    /// checks code shapes, duplicates and names.
    fn link_rows(&mut self, table: &mut Table<'a>) {
        let mut seen: HashMap<String, Span> = HashMap::new();
        for i in 0..table.rows.len() {
            let key = match &table.rows[i].kind {
                RowKind::Code(code) => code.clone(),
                RowKind::Label => table.rows[i].name.clone(),
                _ => continue,
            };
            let span = table.rows[i].span;
            if let Some(first) = seen.get(&key) {
                let name = &table.rows[i].name;
                self.error(EvalError::DuplicateRow {
                    span,
                    first: *first,
                    key: if name == &key {
                        key.clone()
                    } else {
                        format!("{key} {name}")
                    },
                });
            } else {
                seen.insert(key, span);
            }
        }
        let mut unlisted = Vec::new();
        for i in 0..table.rows.len() {
            let RowKind::Code(code) = table.rows[i].kind.clone() else {
                continue;
            };
            if let Err(reason) = classification::shape(table.kind, &code) {
                self.error(EvalError::InvalidCode {
                    span: table.rows[i].span,
                    code: code.clone(),
                    reason,
                });
                continue;
            }
            let parent = (0..table.rows.len())
                .filter(|&j| j != i)
                .filter_map(|j| match &table.rows[j].kind {
                    // A code of the wrong shape (J0305) is no 类 or 款 of anything.
                    RowKind::Code(c)
                        if c.len() < code.len()
                            && code.starts_with(c.as_str())
                            && classification::shape(table.kind, c).is_ok() =>
                    {
                        Some((c.len(), j))
                    }
                    _ => None,
                })
                .max()
                .map(|(_, j)| j);
            table.rows[i].parent = parent;
            if let Some(p) = parent {
                table.rows[p].children.push(i);
            }
            let name = table.rows[i].name.clone();
            match classification::lookup(self.codes, table.kind, &code) {
                Some(expected)
                    if !classification::same_name(&name, expected) && !name.is_empty() =>
                {
                    self.error(EvalError::CodeName {
                        span: table.rows[i].span,
                        name_span: table.rows[i].name_span,
                        code,
                        written: name,
                        expected: expected.to_owned(),
                    });
                }
                Some(_) => {}
                None if unlisted.iter().any(|(c, _)| *c == code) => {}
                None => unlisted.push((code, table.rows[i].span)),
            }
        }
        table.unlisted = unlisted;
        self.check_positions(table);
    }

    /// A row listed under a 类 or 款 its code is not part of (J0312). By position, a row is
    /// under the nearest row above it with a shorter code, as a reader of the printed table
    /// reads it; a row that is not a code (a heading, `小计`, `合计`) ends what is above it.
    /// Subtotals follow the codes, so such a row counts where its code says, not where it
    /// stands. A table that lists only 项 rows has nothing above them: no finding.
    fn check_positions(&mut self, table: &Table<'a>) {
        let code_of = |i: usize| match &table.rows[i].kind {
            RowKind::Code(code) => code.as_str(),
            _ => "",
        };
        // The rows a row may be under: the open 类 and 款 above it, outermost first.
        let mut open: Vec<usize> = Vec::new();
        for (i, row) in table.rows.iter().enumerate() {
            let RowKind::Code(code) = &row.kind else {
                open.clear();
                continue;
            };
            // A code of the wrong shape was reported (J0305) and has no place.
            if classification::shape(table.kind, code).is_err() {
                continue;
            }
            while open.last().is_some_and(|&j| code_of(j).len() >= code.len()) {
                open.pop();
            }
            if let Some(&above) = open.last() {
                let under = code_of(above);
                let belongs = code.get(..under.len()).unwrap_or_default();
                if !code.starts_with(under) {
                    self.error(EvalError::WrongParent {
                        span: row.span,
                        row: table.row_label(i),
                        code: code.clone(),
                        under: table.rows[above].span,
                        under_code: under.to_owned(),
                        under_name: table.rows[above].name.clone(),
                        belongs: belongs.to_owned(),
                        counted: row.parent.map(|p| table.row_label(p)),
                    });
                }
            }
            open.push(i);
        }
    }

    /// The checks of codes across the document's tables: one code with two names (J0313),
    /// in two tables or against last year's imported report, and one note for every code no
    /// list has (J0304). Codes a list has are checked against it instead (J0303).
    pub(super) fn check_codes(&mut self) {
        let mut tables: Vec<&Table<'a>> = self.tables.values().collect();
        tables.sort_by_key(|t| t.decl.name.span);
        let mut findings = Vec::new();
        // Each unlisted code's names so far, each at its first row.
        let mut names: HashMap<(Kind, &str), Vec<Named<'_>>> = HashMap::new();
        let mut order: Vec<(Kind, &str)> = Vec::new();
        let mut unlisted: Vec<&str> = Vec::new();
        let mut unlisted_tables: Vec<(String, usize)> = Vec::new();
        for table in &tables {
            let name = table.decl.name.text.as_str();
            for (code, _) in &table.unlisted {
                if !unlisted.contains(&code.as_str()) {
                    unlisted.push(code);
                }
            }
            if !table.unlisted.is_empty() {
                unlisted_tables.push((name.to_owned(), table.unlisted.len()));
            }
            // The table's own names, checked against those of the tables before it (a code
            // twice in one table is J0302).
            let mut own: Vec<(Kind, &str, &str, Span)> = Vec::new();
            for row in &table.rows {
                let RowKind::Code(code) = &row.kind else {
                    continue;
                };
                let listed = table.unlisted.iter().all(|(c, _)| c != code);
                if listed || row.name.is_empty() || own.iter().any(|o| o.1 == code) {
                    continue;
                }
                own.push((table.kind, code, &row.name, row.span));
            }
            for (kind, code, written, span) in own {
                let seen = names.entry((kind, code)).or_default();
                match seen.first() {
                    None => order.push((kind, code)),
                    Some(first)
                        if !seen
                            .iter()
                            .any(|s| classification::same_name(s.name, written)) =>
                    {
                        findings.push(EvalError::CodeTwoNames {
                            span,
                            code: code.to_owned(),
                            written: written.to_owned(),
                            table: name.to_owned(),
                            other: first.name.to_owned(),
                            other_span: first.span,
                            other_table: first.table.to_owned(),
                            prior: None,
                        });
                    }
                    Some(_) => continue,
                }
                seen.push(Named {
                    name: written,
                    span,
                    table: name,
                });
            }
        }
        // Against the imported reports (last year's, as a rule): each code as the document
        // first names it.
        let mut aliases: Vec<&String> = self.imported.keys().collect();
        aliases.sort();
        for alias in aliases {
            let imported = &self.imported[alias.as_str()];
            let prior = &imported.codes;
            for key in &order {
                let Some(first) = names.get(key).and_then(|n| n.first()) else {
                    continue;
                };
                let Some(before) = prior.get(&(key.0, key.1.to_owned())) else {
                    continue;
                };
                if !classification::same_name(&before.name, first.name) {
                    findings.push(EvalError::CodeTwoNames {
                        span: first.span,
                        code: key.1.to_owned(),
                        written: first.name.to_owned(),
                        table: first.table.to_owned(),
                        other: before.name.clone(),
                        other_span: before.span,
                        other_table: before.table.clone(),
                        prior: Some(self.other_report(alias, imported)),
                    });
                }
            }
        }
        let first = tables
            .iter()
            .find_map(|t| t.unlisted.first().map(|(_, span)| *span));
        if let Some(span) = first {
            findings.push(EvalError::UnlistedCodes {
                span,
                codes: unlisted.iter().map(|c| (*c).to_owned()).collect(),
                tables: unlisted_tables,
                own_list: !self.codes.is_empty(),
            });
        }
        for finding in findings {
            self.error(finding);
        }
    }

    /// Every code row of the document's tables, in the order of the tables' declarations.
    /// The report imported as `alias`, and how its year stands to this report's.
    fn other_report(&self, alias: &str, imported: &super::ImportedDocument) -> OtherReport {
        let year = match imported.values.get(crate::check::resolve::REPORT_YEAR) {
            Some(Value::Num(q)) if q.interval.is_exact() && !q.inferred => Some(q.nominal),
            _ => None,
        };
        let before = self.year.and_then(|y| y.checked_sub(Decimal::ONE));
        OtherReport {
            alias: alias.to_owned(),
            year,
            last_year: year.is_some() && year == before,
            other_year: year.is_some() && self.year.is_some() && year != self.year,
        }
    }

    pub(super) fn code_rows(&self) -> Vec<CodeRow> {
        let mut tables: Vec<&Table<'a>> = self.tables.values().collect();
        tables.sort_by_key(|t| t.decl.name.span);
        tables
            .iter()
            .flat_map(|t| {
                t.rows.iter().filter_map(|r| match &r.kind {
                    RowKind::Code(code) if !r.name.is_empty() => Some(CodeRow {
                        kind: t.kind,
                        code: code.clone(),
                        name: r.name.clone(),
                        table: t.decl.name.text.clone(),
                        span: r.span,
                    }),
                    _ => None,
                })
            })
            .collect()
    }
}

/// A name a code is written with, at the first row that writes it, and that row's table.
struct Named<'t> {
    name: &'t str,
    span: Span,
    table: &'t str,
}

/// A literal as written: `775.19`, `-77.31`, `165%`.
pub(crate) fn literal_text(literal: &Literal) -> String {
    let unit = literal.unit.as_ref().map_or("", |u| u.text.as_str());
    format!("{}{unit}", literal.value)
}

/// The input columns (not computed) of `columns`, by index: a row's cells without a name fill
/// them in order.
fn inputs<'c>(columns: &'c [Col<'_>]) -> impl Iterator<Item = usize> + 'c {
    (0..columns.len()).filter(|&i| !matches!(columns[i].kind, ColKind::Computed(_)))
}

/// Each cell of `row` with the column it fills: its named column, or the next input column
/// (`None` past the last one: too many cells). A cell naming no column of the table is left
/// out (the checker reported it).
fn cell_columns<'r>(columns: &[Col<'_>], row: &'r Row) -> Vec<(&'r Cell, Option<usize>)> {
    let mut inputs = inputs(columns);
    let mut out = Vec::new();
    for cell in &row.cells {
        match &cell.column {
            Some(name) => {
                if let Some(i) = columns.iter().position(|c| c.name == name.text) {
                    out.push((cell, Some(i)));
                }
            }
            None => {
                let next = inputs.next();
                out.push((cell, next));
                if next.is_none() {
                    break;
                }
            }
        }
    }
    out
}

/// Whether every amount of the table is written as a whole number (not `!` exact), and one
/// at least is not 0: then they are taken as published to whole units.
fn whole_amounts(decl: &TableDecl, columns: &[Col<'_>]) -> bool {
    let mut nonzero = false;
    for row in &decl.rows {
        for (cell, index) in cell_columns(columns, row) {
            let Some(column) = index.and_then(|i| columns.get(i)) else {
                continue;
            };
            let (CellValue::Number(literal), ColKind::Number(Dim::Money, _)) =
                (&cell.value, &column.kind)
            else {
                continue;
            };
            if literal.value.scale() > 0 || literal.exact {
                return false;
            }
            nonzero |= !literal.value.is_zero();
        }
    }
    nonzero
}
