//! Eval stage: table cells. A cell is its stated value, or computed: the sum of the rows
//! under it (subtotals, the total), or its column's formula. Also the checks of stated
//! subtotals and totals, and the table as shown in the document.

use super::error::EvalError;
use super::format;
use super::table::{literal_text, ColKind, RowKind};
use super::unit::{Dim, Unit};
use super::value::{self, Quantity, Value};
use super::{Ctx, Evaluator};
use crate::ast::*;
use crate::i18n::Message;
use crate::msg;
use crate::source::Span;
use rust_decimal::Decimal;

impl Evaluator<'_> {
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
        if t.rows[row].unfilled[col] {
            return None; // `待填`, reported by the checker
        }
        match t.columns[col].kind {
            ColKind::Computed(expr) => {
                let ctx = Ctx {
                    row: Some((t.decl.name.text.as_str(), row)),
                    ..Ctx::default()
                };
                // A column computed from itself (`列 a = b + 1, b = a + 1`) has no value.
                let key = (t.decl.name.text.clone(), row, col);
                let declared = t.column_decls.get(col).map_or(span, |c| c.name.span);
                if self.cyclic.contains(&key) {
                    return None; // reported where the cycle was found
                }
                if !self.computing.insert(key.clone()) {
                    // Reported even while a table is only being shown (quietly), and once:
                    // every cell being computed now depends on this one and has no value.
                    self.errors.push(EvalError::Cycle {
                        span: declared,
                        path: msg!("J0209-cycle.column", column = column, table = table),
                    });
                    self.cyclic.extend(self.computing.iter().cloned());
                    return None;
                }
                let value = self.eval(expr, ctx);
                self.computing.remove(&key);
                value
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
                let unfilled =
                    t.empty_note.is_none() && t.rows.iter().all(|r| r.kind == RowKind::Total);
                if parts.is_empty() && t.rows[row].kind == RowKind::Total && unfilled {
                    // The total of a table not filled in yet has no value (J0307 says so), so
                    // nothing is checked against a zero it does not have.
                    return None;
                }
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
                    .map_or(0, |i| i.saturating_add(1));
                (start..row)
                    .filter(|&i| {
                        t.rows[i].parent.is_none()
                            && matches!(t.rows[i].kind, RowKind::Code(_) | RowKind::Label)
                    })
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
                        let operation = msg!(
                            "J0208-overflow.column",
                            column = column,
                            operation = self.operation("+", &[a, q]),
                        );
                        self.op_error(e, span, None, Some(operation));
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
            (RowSelector::Code(code, _), RowKind::Code(c) | RowKind::Part(Some(c))) => c == code,
            (
                RowSelector::Label(label),
                RowKind::Label | RowKind::Total | RowKind::Subtotal | RowKind::Part(_),
            ) => {
                r.name == label.value
                    || crate::words::key(&r.name) == crate::words::key(&label.value)
            }
            _ => false,
        });
        if found.is_none() {
            let wanted = match selector {
                RowSelector::Code(code, _) => code.clone(),
                RowSelector::Label(label) => label.value.clone(),
            };
            self.error(EvalError::NotANumber {
                span,
                what: msg!("J0206-not-a-number.no-row", table = table, row = wanted),
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
                RowKind::Code(c) | RowKind::Part(Some(c)) => c.clone(),
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
            self.check_empty(&name);
            self.check_reasons(&name);
        }
        self.note_inferred_precision();
    }

    /// A table without rows must say why (`空表说明` or `未公开`), as the standard report
    /// requires; so must one whose data file has no rows.
    fn check_empty(&mut self, table: &str) {
        let Some(t) = self.tables.get(table) else {
            return;
        };
        let has_rows = t.rows.iter().any(|r| r.kind != RowKind::Total);
        // A table whose data file failed was reported where the file is named.
        if !has_rows && t.empty_note.is_none() && !t.decl.data_failed {
            let span = t.decl.name.span;
            self.error(EvalError::EmptyTable {
                span,
                table: table.to_owned(),
            });
        }
    }

    /// A budget line whose actual differs from its 年初预算 by more than a tenth (or that had no
    /// budget) needs a reason in its `说明`.
    fn check_reasons(&mut self, table: &str) {
        let Some(t) = self.tables.get(table) else {
            return;
        };
        let (Some(budget), Some(actual), Some(reason)) =
            (t.column("年初预算"), t.column("决算数"), t.column("说明"))
        else {
            return;
        };
        if !matches!(t.columns[reason].kind, ColKind::Text) {
            return;
        }
        let rows = t.leaf_rows();
        let names = (
            t.columns[budget].name.clone(),
            t.columns[actual].name.clone(),
        );
        for row in rows {
            let Some(t) = self.tables.get(table) else {
                return;
            };
            // A `待填` reason is reported as unfilled (J0405), not once more as missing.
            let explained = t.rows[row].unfilled[reason]
                || t.rows[row].cells[reason]
                    .as_ref()
                    .is_some_and(|c| matches!(&c.value, Value::Text(s) if !s.trim().is_empty()));
            let span = t.rows[row].span;
            let label = t.row_label(row);
            if explained {
                continue;
            }
            let (Some(Value::Num(b)), Some(Value::Num(a))) = (
                self.cell(table, row, &names.0, span),
                self.cell(table, row, &names.1, span),
            ) else {
                continue;
            };
            // |actual − budget| > |budget| / 10, compared as 10 × |actual − budget| > |budget|:
            // without a quotient, which a budget of 0.0…01 would take out of range.
            let Some(change) = a.nominal.checked_sub(b.nominal) else {
                let operation = self.operation("-", &[a, b]);
                self.error(EvalError::Overflow {
                    span,
                    expression: msg!(
                        "J0208-overflow.row-change",
                        actual = &names.1,
                        budget = &names.0,
                        row = label,
                    ),
                    operation: msg!("J0208-overflow.digits", operation = operation),
                });
                continue;
            };
            let differs = if b.nominal.is_zero() {
                !a.nominal.is_zero()
            } else {
                // Ten times a change beyond the decimal range is more than any budget.
                change
                    .abs()
                    .checked_mul(Decimal::TEN)
                    .is_none_or(|tenfold| tenfold > b.nominal.abs())
            };
            if differs {
                let unit = format::display_unit(b.dim, self.settings.money);
                let show = |q: &Quantity| format::quantity(q, unit, 2, self.settings.rounding);
                self.error(EvalError::MissingReason {
                    span,
                    row: label,
                    budget: show(&b),
                    actual: show(&a),
                });
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
                self.check_stated(q, literal, None, false, expr.span, None);
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
                let precision = self.tables.get(table).and_then(|t| t.precision);
                let spans: Vec<Span> = parts
                    .iter()
                    .filter_map(|&p| self.tables.get(table).map(|t| t.rows[p].span))
                    .collect();
                if !stated.interval.intersects(computed.interval) {
                    let Some(difference) = stated.nominal.checked_sub(computed.nominal) else {
                        let operation = self.operation("-", &[stated, computed]);
                        self.error(EvalError::Overflow {
                            span: cell.span,
                            expression: msg!(
                                "J0208-overflow.total-difference",
                                row = row_label,
                                column = column,
                            ),
                            operation: msg!("J0208-overflow.difference", operation = operation),
                        });
                        return;
                    };
                    let difference = Quantity::exact(stated.dim, difference);
                    let write = match format::in_unit(computed.nominal, unit) {
                        Some(v) => {
                            let v = v.normalize();
                            rounding.round(v, v.scale().max(decimals)).to_string()
                        }
                        None => format::exact(computed.nominal, computed.dim, self.settings.money),
                    };
                    self.error(EvalError::TotalMismatch {
                        span: cell.span,
                        table: table.to_owned(),
                        row: row_label,
                        column,
                        stated: show(&stated),
                        computed: format::precise(&computed, unit, decimals, rounding),
                        difference: format::precise(&difference, unit, decimals, rounding),
                        write: format!(
                            "{write}{}",
                            literal.unit.as_ref().map_or("", |u| u.text.as_str())
                        ),
                        rows: spans,
                        rounding: precision.map(|p| {
                            let digits = decimals.saturating_add(p.scale()).saturating_add(1);
                            let interval = |q: &Quantity| {
                                format::interval(q, unit, digits, rounding)
                                    .map_or_else(|| show(q), Message::verbatim)
                            };
                            (
                                p.normalize().to_string(),
                                interval(&computed),
                                interval(&stated),
                            )
                        }),
                    });
                } else if self.settings.strict && show(&computed) != show(&stated) {
                    let statement = super::error::Statement {
                        span: cell.span,
                        stated: literal_text(literal),
                        formula_span: spans.first().copied().unwrap_or(cell.span),
                        formula: msg!("eval-sum-of-rows", row = row_label, column = &column),
                        computed: format::precise(&computed, unit, decimals, rounding),
                        interval: format::interval(
                            &computed,
                            unit,
                            decimals.saturating_add(3),
                            rounding,
                        ),
                        write: format::rounded(&computed, unit, decimals, rounding),
                    };
                    self.error(EvalError::RoundingOnly(statement));
                }
            }
            ColKind::Text => {}
        }
    }
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
        let mut formulas = vec![None; header.len()];
        for (column, decl) in t.columns.iter().zip(t.column_decls) {
            formulas.push(match &decl.kind {
                crate::ast::ColumnKind::Computed(expr) => Some(self.text(expr.span)),
                crate::ast::ColumnKind::Input(_) => None,
            });
            header.push(
                decl.label
                    .as_ref()
                    .map_or_else(|| column.name.clone(), |l| l.value.clone()),
            );
            numeric.push(!matches!(column.kind, ColKind::Text));
        }
        let title = t.title.clone().unwrap_or_else(|| name.to_owned());
        let note = t.empty_note.clone();
        let number = t.number.clone();
        let table_money = t.money;
        let unit = table_money.name();
        let columns: Vec<String> = t.columns.iter().map(|c| c.name.clone()).collect();
        let key_columns = if coded { 2 } else { 1 };
        let span = t.decl.name.span;
        // Amounts written with thousands separators (`1,234,567.89`) are shown so.
        let grouped = self.settings.thousands
            || t.decl.rows.iter().flat_map(|r| &r.cells).any(|c| {
                matches!(&c.value, crate::ast::CellValue::Number(l) if self.text(l.span).contains(','))
            });
        // What each row shows besides its cells (collected first: cells need `&mut self`).
        struct Head {
            kind: RowKind,
            name: String,
            has_children: bool,
            span: Span,
            cell_spans: Vec<Option<Span>>,
        }
        let rows: Vec<Head> = t
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let mut cell_spans = vec![None; key_columns];
                cell_spans.extend(r.cells.iter().map(|c| c.as_ref().map(|c| c.span)));
                Head {
                    kind: r.kind.clone(),
                    name: t.shown_name(i),
                    has_children: !r.children.is_empty(),
                    span: r.span,
                    cell_spans,
                }
            })
            .collect();
        self.quiet = true;
        let mut out = Vec::new();
        for (index, head) in rows.into_iter().enumerate() {
            let Head {
                kind,
                name: row_name,
                has_children,
                span,
                cell_spans,
            } = head;
            let mut exact = vec![None; key_columns];
            let mut intervals = vec![None; key_columns];
            let mut cells = match (&kind, coded) {
                (RowKind::Code(code) | RowKind::Part(Some(code)), _) => {
                    vec![code.clone(), row_name]
                }
                (_, true) => vec![String::new(), row_name],
                (_, false) => vec![row_name],
            };
            for column in &columns {
                let bare = format::Style {
                    bare: true,
                    thousands: grouped,
                    ..format::Style::default()
                };
                let (text, number, interval) = match self.cell(name, index, column, Span::default())
                {
                    // Known only by bounds (a formula over a `= ?` figure): no number to show.
                    Some(Value::Num(q)) if q.inferred => ("？".to_owned(), None, None),
                    // Every value that has one can be shown in its unit (see `value`).
                    Some(Value::Num(q)) => {
                        let unit = format::display_unit(q.dim, table_money);
                        let in_unit = |v| format::in_unit(v, unit);
                        let interval = (q.interval.lo != q.interval.hi)
                            .then(|| in_unit(q.interval.lo).zip(in_unit(q.interval.hi)))
                            .flatten();
                        (
                            format::show(&q, bare, table_money, self.settings.rounding)
                                .unwrap_or_default(),
                            in_unit(q.nominal).map(|v| v.normalize().to_string()),
                            interval,
                        )
                    }
                    Some(Value::Text(text)) => (text, None, None),
                    _ if self
                        .tables
                        .get(name)
                        .is_some_and(|t| t.unfilled(index, column)) =>
                    {
                        ("【待填】".to_owned(), None, None)
                    }
                    _ => (String::new(), None, None),
                };
                cells.push(text);
                exact.push(number);
                intervals.push(interval);
            }
            let kind = match kind {
                RowKind::Total => doc::RowKind::Total,
                RowKind::Subtotal => doc::RowKind::Subtotal,
                _ if has_children => doc::RowKind::Subtotal,
                _ => doc::RowKind::Item,
            };
            out.push(doc::TableRow {
                kind,
                cells,
                span,
                cell_spans,
                exact,
                intervals,
            });
        }
        self.quiet = false;
        Some(doc::Table {
            name: name.to_owned(),
            title,
            number,
            unit,
            header,
            keys: key_columns,
            note,
            numeric,
            formulas,
            rows: out,
            span,
        })
    }
}

impl Evaluator<'_> {
    /// One note for the tables whose amounts are all whole numbers and so are read as
    /// published to whole units (J0211), at the first of them.
    fn note_inferred_precision(&mut self) {
        let mut inferred: Vec<(Span, String, String)> = self
            .tables
            .values()
            .filter(|t| t.inferred)
            .map(|t| {
                (
                    t.decl.name.span,
                    t.decl.name.text.clone(),
                    t.money.name().to_owned(),
                )
            })
            .collect();
        inferred.sort();
        let Some((span, _, unit)) = inferred.first().cloned() else {
            return;
        };
        self.error(EvalError::InferredPrecision {
            span,
            tables: inferred.into_iter().map(|(_, name, _)| name).collect(),
            unit,
        });
    }
}
