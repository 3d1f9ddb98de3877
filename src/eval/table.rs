//! Eval stage: tables. Rows keyed by classification code form a hierarchy (项 → 款 → 类):
//! a row with rows under it is a subtotal, computed when its cells are empty and checked when
//! they are stated; the total row (合计) is the sum of the top-level rows. Codes are checked
//! against the built-in classification list.

use super::error::EvalError;
use super::format;
use super::unit::{Dim, Unit};
use super::value::{self, Quantity, Value};
use super::{Ctx, Evaluator};
use crate::ast::*;
use crate::check::classification::{self, Kind};
use crate::source::Span;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// A table with its cells read and its hierarchy known.
#[derive(Debug)]
pub struct Table<'a> {
    pub decl: &'a TableDecl,
    pub columns: Vec<Col<'a>>,
    pub rows: Vec<TRow>,
    /// The classification the codes are from.
    pub kind: Kind,
}

/// A column and what it holds.
#[derive(Debug)]
pub struct Col<'a> {
    pub name: String,
    pub kind: ColKind<'a>,
}

/// The kinds of column.
#[derive(Debug, Clone, Copy)]
pub enum ColKind<'a> {
    /// Numbers of one dimension; cells without a unit are in `unit`.
    Number(Dim, Option<Unit>),
    Text,
    Computed(&'a Expr),
}

/// What a row is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowKind {
    Code(String),
    Label,
    Total,
    Subtotal,
}

/// One row: its key, its name and its cells (one slot per column).
#[derive(Debug)]
pub struct TRow {
    pub kind: RowKind,
    pub name: String,
    pub span: Span,
    pub cells: Vec<Option<TCell>>,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
}

/// A cell as written.
#[derive(Debug, Clone)]
pub struct TCell {
    pub value: Value,
    pub span: Span,
    /// The literal, for cells that state a number.
    pub literal: Option<Literal>,
}

impl Table<'_> {
    /// Rows that are neither totals nor have rows under them: what loops and column sums
    /// go over.
    pub fn leaf_rows(&self) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|&i| {
                let r = &self.rows[i];
                r.children.is_empty() && matches!(r.kind, RowKind::Code(_) | RowKind::Label)
            })
            .collect()
    }

    /// Rows with no parent row (what the total adds up).
    fn top_rows(&self) -> Vec<usize> {
        (0..self.rows.len())
            .filter(|&i| {
                let r = &self.rows[i];
                r.parent.is_none() && matches!(r.kind, RowKind::Code(_) | RowKind::Label)
            })
            .collect()
    }

    fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }

    /// "row `208 社会保障和就业支出`", "the total row".
    pub fn row_label(&self, row: usize) -> String {
        let r = &self.rows[row];
        match &r.kind {
            RowKind::Code(code) => format!("row `{code} {}`", r.name),
            RowKind::Label => format!("row `{}`", r.name),
            RowKind::Total => "the total row".to_owned(),
            RowKind::Subtotal => "the subtotal row".to_owned(),
        }
    }

    /// The full classification name of a code row, from the names of its ancestors in the
    /// table: 一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）.
    pub fn full_name(&self, row: usize) -> String {
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
        for setting in &decl.settings {
            match (setting.key.text.as_str(), &setting.value) {
                ("科目" | "codes", SettingValue::Name(n)) => kind = Kind::parse(&n.dotted()),
                ("单位" | "unit", SettingValue::Name(n)) => {
                    if let Some(Unit::Money(s)) = Unit::parse(&n.dotted()) {
                        table_money = Unit::Money(s);
                    }
                }
                _ => {}
            }
        }
        let mut columns = Vec::new();
        for column in &decl.columns {
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
        let mut table = Table {
            decl,
            columns,
            rows: Vec::new(),
            kind: kind.unwrap_or(Kind::Function),
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
        let numeric = table
            .columns
            .iter()
            .any(|c| !matches!(c.kind, ColKind::Text));
        if numeric && !table.rows.iter().any(|r| r.kind == RowKind::Total) {
            // Every table has a total; without a stated one it is computed from the top rows.
            let columns = table.columns.len();
            table.rows.push(TRow {
                kind: RowKind::Total,
                name: "合计".to_owned(),
                span: decl.name.span,
                cells: vec![None; columns],
                parent: None,
                children: Vec::new(),
            });
        }
        table
    }

    fn build_row(&mut self, table: &Table<'a>, row: &Row) -> TRow {
        let (kind, name) = match &row.key {
            RowKey::Code { code, name, .. } => (
                RowKind::Code(code.clone()),
                name.as_ref().map(|n| n.value.clone()).unwrap_or_default(),
            ),
            RowKey::Label(label) => (RowKind::Label, label.value.clone()),
            RowKey::Total(_) => (RowKind::Total, "合计".to_owned()),
            RowKey::Subtotal(_) => (RowKind::Subtotal, "小计".to_owned()),
        };
        let mut cells: Vec<Option<TCell>> = vec![None; table.columns.len()];
        let inputs: Vec<usize> = (0..table.columns.len())
            .filter(|&i| !matches!(table.columns[i].kind, ColKind::Computed(_)))
            .collect();
        let mut next_input = 0;
        for cell in &row.cells {
            let index = match &cell.column {
                Some(name) => match table.column(&name.text) {
                    Some(i) => i,
                    None => continue, // reported by the checker
                },
                None => {
                    let Some(&i) = inputs.get(next_input) else {
                        self.error(EvalError::TooManyCells {
                            span: cell.span,
                            columns: inputs.len(),
                        });
                        break;
                    };
                    next_input += 1;
                    i
                }
            };
            cells[index] = self.read_cell(&table.columns[index], cell);
        }
        TRow {
            kind,
            name,
            span: row.key.span(),
            cells,
            parent: None,
            children: Vec::new(),
        }
    }

    fn read_cell(&mut self, column: &Col<'a>, cell: &Cell) -> Option<TCell> {
        let expected = |dim: Dim| format!("numbers ({})", dim.describe());
        match (&cell.value, column.kind) {
            (CellValue::Empty, _) => None,
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
                let q = match Quantity::literal(literal.value, Some(unit), literal.exact) {
                    Ok(q) => q,
                    Err(e) => {
                        self.op_error(e, cell.span, None);
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
                    ColKind::Text => "text in quotes".to_owned(),
                    ColKind::Number(dim, _) => expected(dim),
                    ColKind::Computed(_) => "a stated number".to_owned(),
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
        for i in 0..table.rows.len() {
            let RowKind::Code(code) = table.rows[i].kind.clone() else {
                continue;
            };
            if let Err(reason) = classification::check_shape(table.kind, &code) {
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
                    RowKind::Code(c) if c.len() < code.len() && code.starts_with(c.as_str()) => {
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
            match classification::lookup(table.kind, &code) {
                Some(expected)
                    if !classification::same_name(&name, expected) && !name.is_empty() =>
                {
                    self.error(EvalError::CodeName {
                        span: table.rows[i].span,
                        code,
                        written: name,
                        expected: expected.to_owned(),
                    });
                }
                Some(_) => {}
                None => self.error(EvalError::UnlistedCode {
                    span: table.rows[i].span,
                    code,
                }),
            }
        }
    }

    /// A cell's value: as stated, or computed (subtotals, totals, computed columns).
    pub(super) fn cell(
        &mut self,
        table: &str,
        row: usize,
        column: &str,
        span: Span,
    ) -> Option<Value> {
        let t = self.tables.get(table)?;
        let col = t.column(column)?;
        match t.columns[col].kind {
            ColKind::Computed(expr) => {
                let ctx = Ctx {
                    row: Some((t.decl.name.text.as_str(), row)),
                    ..Ctx::default()
                };
                self.eval(expr, ctx)
            }
            ColKind::Text => Some(
                t.rows[row].cells[col]
                    .as_ref()
                    .map_or_else(|| Value::Text(String::new()), |c| c.value.clone()),
            ),
            ColKind::Number(dim, _) => {
                if let Some(cell) = &t.rows[row].cells[col] {
                    return Some(cell.value.clone());
                }
                let parts = self.parts(table, row);
                if parts.is_empty() {
                    // An empty cell of a row with nothing under it is zero.
                    let dim = if dim == Dim::Plain { Dim::Plain } else { dim };
                    return Some(Value::Num(Quantity::exact(dim, Decimal::ZERO)));
                }
                self.sum_rows(table, &parts, column, span).map(Value::Num)
            }
        }
    }

    /// The rows a row adds up: its children, the rows before a subtotal, the top rows for
    /// the total; none for a plain row.
    fn parts(&self, table: &str, row: usize) -> Vec<usize> {
        let Some(t) = self.tables.get(table) else {
            return Vec::new();
        };
        match t.rows[row].kind {
            RowKind::Total => t.top_rows(),
            RowKind::Subtotal => {
                let start = (0..row)
                    .rev()
                    .find(|&i| matches!(t.rows[i].kind, RowKind::Subtotal | RowKind::Total))
                    .map_or(0, |i| i + 1);
                (start..row)
                    .filter(|&i| t.rows[i].parent.is_none())
                    .collect()
            }
            _ => t.rows[row].children.clone(),
        }
    }

    fn sum_rows(
        &mut self,
        table: &str,
        rows: &[usize],
        column: &str,
        span: Span,
    ) -> Option<Quantity> {
        let money = self.settings.money;
        let mut acc: Option<Quantity> = None;
        for &r in rows {
            let v = self.cell(table, r, column, span)?;
            let q = self.num(&v, span)?;
            acc = Some(match acc {
                None => q,
                Some(a) => match value::add(a, q, money) {
                    Ok(s) => s,
                    Err(e) => {
                        self.op_error(e, span, None);
                        return None;
                    }
                },
            });
        }
        acc
    }

    pub(super) fn find_row(
        &mut self,
        table: &str,
        selector: &RowSelector,
        span: Span,
    ) -> Option<usize> {
        let t = self.tables.get(table)?;
        let found = t.rows.iter().position(|r| match (selector, &r.kind) {
            (RowSelector::Code(code, _), RowKind::Code(c)) => c == code,
            (RowSelector::Label(label), RowKind::Label) => r.name == label.value,
            _ => false,
        });
        if found.is_none() {
            let wanted = match selector {
                RowSelector::Code(code, _) => code.clone(),
                RowSelector::Label(label) => label.value.clone(),
            };
            self.error(EvalError::NotANumber {
                span,
                what: format!("`{table}[{wanted}]` (the table has no such row)"),
            });
        }
        found
    }

    /// The total (or first subtotal) row.
    pub(super) fn total_row(&self, table: &str, subtotal: bool) -> Option<usize> {
        let wanted = if subtotal {
            RowKind::Subtotal
        } else {
            RowKind::Total
        };
        self.tables
            .get(table)?
            .rows
            .iter()
            .position(|r| r.kind == wanted)
    }

    /// Fields of the current row in a `@每行` body.
    pub(super) fn loop_field(
        &mut self,
        table: &str,
        row: usize,
        field: &str,
        index: usize,
    ) -> Option<Value> {
        let t = self.tables.get(table)?;
        let r = &t.rows[row];
        Some(match field {
            "序号" | "index" => {
                Value::Num(Quantity::exact(Dim::Plain, Decimal::from(index as u64)))
            }
            "编码" | "code" => Value::Text(match &r.kind {
                RowKind::Code(c) => c.clone(),
                _ => String::new(),
            }),
            "名称" | "name" => Value::Text(r.name.clone()),
            _ => Value::Text(t.full_name(row)),
        })
    }

    /// Checks every stated subtotal and total, and every stated value of a computed column.
    pub(super) fn check_tables(&mut self) {
        let mut names: Vec<String> = self.tables.keys().cloned().collect();
        names.sort();
        for name in names {
            let (rows, columns) = match self.tables.get(&name) {
                Some(t) => (t.rows.len(), t.columns.len()),
                None => continue,
            };
            for row in 0..rows {
                for col in 0..columns {
                    self.check_cell(&name, row, col);
                }
            }
        }
    }

    fn check_cell(&mut self, table: &str, row: usize, col: usize) {
        let Some(t) = self.tables.get(table) else {
            return;
        };
        let Some(cell) = t.rows[row].cells[col].clone() else {
            return;
        };
        let column = t.columns[col].name.clone();
        let kind = t.columns[col].kind;
        let row_label = t.row_label(row);
        match kind {
            ColKind::Computed(expr) => {
                let ctx = Ctx {
                    row: Some((t.decl.name.text.as_str(), row)),
                    ..Ctx::default()
                };
                let (Some(literal), Some(Value::Num(q))) =
                    (cell.literal.as_ref(), self.eval(expr, ctx))
                else {
                    return;
                };
                self.check_stated(q, literal, None, expr.span);
            }
            ColKind::Number(..) => {
                let parts = self.parts(table, row);
                if parts.is_empty() {
                    return;
                }
                let Value::Num(stated) = cell.value else {
                    return;
                };
                let Some(computed) = self.sum_rows(table, &parts, &column, cell.span) else {
                    return;
                };
                let Some(literal) = cell.literal.as_ref() else {
                    return;
                };
                let decimals = literal.value.scale();
                let unit = literal
                    .unit
                    .as_ref()
                    .and_then(|u| Unit::parse(&u.text))
                    .or_else(|| format::display_unit(stated.dim, self.settings.money));
                let rounding = self.settings.rounding;
                let show = |q: &Quantity| format::quantity(q, unit, decimals, rounding);
                let spans: Vec<Span> = parts
                    .iter()
                    .filter_map(|&p| self.tables.get(table).map(|t| t.rows[p].span))
                    .collect();
                if !stated.interval.intersects(computed.interval) {
                    let difference = Quantity::exact(stated.dim, stated.nominal - computed.nominal);
                    self.error(EvalError::TotalMismatch {
                        span: cell.span,
                        table: table.to_owned(),
                        row: row_label,
                        column,
                        stated: show(&stated),
                        computed: format::precise(&computed, unit, decimals, rounding),
                        difference: format::precise(&difference, unit, decimals, rounding),
                        write: format!(
                            "{}{}",
                            {
                                let v = format::in_unit(computed.nominal, unit).normalize();
                                rounding.round(v, v.scale().max(decimals))
                            },
                            literal.unit.as_ref().map_or("", |u| u.text.as_str())
                        ),
                        rows: spans,
                    });
                } else if self.settings.strict && show(&computed) != show(&stated) {
                    let statement = super::error::Statement {
                        span: cell.span,
                        stated: literal_text(literal),
                        formula_span: spans.first().copied().unwrap_or(cell.span),
                        formula: format!(
                            "the sum of the rows under {row_label} (column `{column}`)"
                        ),
                        computed: format::precise(&computed, unit, decimals, rounding),
                        interval: format::interval(&computed, unit, decimals + 3, rounding),
                        write: show(&computed),
                    };
                    self.error(EvalError::RoundingOnly(statement));
                }
            }
            ColKind::Text => {}
        }
    }
}

/// A literal as written: `775.19`, `-77.31`, `165%`.
pub fn literal_text(literal: &Literal) -> String {
    let unit = literal.unit.as_ref().map_or("", |u| u.text.as_str());
    format!("{}{unit}", literal.value)
}

impl Evaluator<'_> {
    /// The table as shown: key columns, then every column, with subtotals and totals computed.
    /// Cells without a value (a rate over a zero budget) are left blank, not reported.
    pub(super) fn table_view(&mut self, name: &str) -> Option<crate::doc::Table> {
        use crate::doc;
        let t = self.tables.get(name)?;
        let coded = t.rows.iter().any(|r| matches!(r.kind, RowKind::Code(_)));
        let mut header: Vec<String> = if coded {
            vec!["科目编码".to_owned(), "科目名称".to_owned()]
        } else {
            vec!["项目".to_owned()]
        };
        let mut numeric = vec![false; header.len()];
        for (column, decl) in t.columns.iter().zip(&t.decl.columns) {
            header.push(
                decl.label
                    .as_ref()
                    .map_or_else(|| column.name.clone(), |l| l.value.clone()),
            );
            numeric.push(!matches!(column.kind, ColKind::Text));
        }
        let title = t
            .decl
            .title
            .as_ref()
            .map_or_else(|| name.to_owned(), |s| s.value.clone());
        let columns: Vec<String> = t.columns.iter().map(|c| c.name.clone()).collect();
        let rows: Vec<(RowKind, String, bool)> = t
            .rows
            .iter()
            .map(|r| (r.kind.clone(), r.name.clone(), !r.children.is_empty()))
            .collect();
        self.quiet = true;
        let mut out = Vec::new();
        for (index, (kind, row_name, has_children)) in rows.into_iter().enumerate() {
            let mut cells = match (&kind, coded) {
                (RowKind::Code(code), _) => vec![code.clone(), row_name],
                (_, true) => vec![String::new(), row_name],
                (_, false) => vec![row_name],
            };
            for column in &columns {
                let bare = format::Style {
                    bare: true,
                    thousands: self.settings.thousands,
                    ..format::Style::default()
                };
                let text = match self.cell(name, index, column, Span::default()) {
                    Some(Value::Num(q)) => {
                        format::show(&q, bare, self.settings.money, self.settings.rounding)
                    }
                    Some(Value::Text(text)) => text,
                    _ => String::new(),
                };
                cells.push(text);
            }
            let kind = match kind {
                RowKind::Total => doc::RowKind::Total,
                RowKind::Subtotal => doc::RowKind::Subtotal,
                _ if has_children => doc::RowKind::Subtotal,
                _ => doc::RowKind::Item,
            };
            out.push(doc::TableRow { kind, cells });
        }
        self.quiet = false;
        Some(doc::Table {
            name: name.to_owned(),
            title,
            header,
            numeric,
            rows: out,
        })
    }
}
