//! Eval stage: `其中` rows, the parts of the row above them.
//!
//! A table such as the 三公 one prints a row and then its parts: 公务用车购置及运行费, 其中：
//! 公务用车购置费, 公务用车运行维护费. The parts are shown under the row and never added up
//! again (the total counts the row once); they may list only some of what the row holds, so
//! they are checked only not to exceed it (J0314), within the rounding of the amounts.

use super::error::EvalError;
use super::table::{ColKind, RowKind, Table};
use super::value::{self, Value};
use super::Evaluator;
use crate::source::Span;

impl Table<'_> {
    /// Whether row `i` is a `其中` row.
    fn is_part(&self, i: usize) -> bool {
        matches!(self.rows[i].kind, RowKind::Part(_))
    }

    /// A row's name as the table shows it: the first part of a row as `其中：…` (unless it is
    /// written so), the parts after it indented under it, like a printed table.
    pub(crate) fn shown_name(&self, i: usize) -> String {
        let name = &self.rows[i].name;
        if !self.is_part(i) || crate::words::part_label(name) {
            return name.clone();
        }
        let first = i == 0 || !self.is_part(i.saturating_sub(1));
        if first {
            format!("其中：{name}")
        } else {
            format!("\u{3000}\u{3000}\u{3000}{name}")
        }
    }
}

impl<'a> Evaluator<'a> {
    /// Makes each `其中` row a part of the nearest row above it that is not a part: its
    /// `parent`, though not among that row's `children`. A part with no such row is J0314.
    pub(super) fn link_parts(&mut self, table: &mut Table<'a>) {
        let mut whole = None;
        for i in 0..table.rows.len() {
            match table.rows[i].kind {
                RowKind::Part(_) => match whole {
                    Some(w) => table.rows[i].parent = Some(w),
                    None => self.error(EvalError::PartWithoutWhole {
                        span: table.rows[i].span,
                        row: table.rows[i].name.clone(),
                    }),
                },
                RowKind::Code(_) | RowKind::Label => whole = Some(i),
                RowKind::Total | RowKind::Subtotal => whole = None,
            }
        }
    }

    /// Checks that the parts of each row do not add up to more than the row, in each column
    /// of amounts.
    pub(super) fn check_parts(&mut self) {
        let mut names: Vec<String> = self.tables.keys().cloned().collect();
        names.sort();
        for name in names {
            let Some(t) = self.tables.get(&name) else {
                continue;
            };
            // (whole, its parts) in table order.
            let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
            for (i, r) in t.rows.iter().enumerate() {
                if let (RowKind::Part(_), Some(w)) = (&r.kind, r.parent) {
                    match groups.last_mut() {
                        Some((last, parts)) if *last == w => parts.push(i),
                        _ => groups.push((w, vec![i])),
                    }
                }
            }
            let columns: Vec<String> = t
                .columns
                .iter()
                .filter(|c| matches!(c.kind, ColKind::Number(..)))
                .map(|c| c.name.clone())
                .collect();
            for (whole, parts) in groups {
                for column in &columns {
                    self.check_part_sum(&name, whole, &parts, column);
                }
            }
        }
    }

    fn check_part_sum(&mut self, table: &str, whole: usize, parts: &[usize], column: &str) {
        let Some(Value::Num(total)) = self.cell(table, whole, column, Span::default()) else {
            return;
        };
        let money = self.settings.money;
        let mut sum = None;
        for &p in parts {
            let Some(Value::Num(q)) = self.cell(table, p, column, Span::default()) else {
                return;
            };
            sum = Some(match sum {
                None => q,
                Some(s) => match value::add(s, q, money) {
                    Ok(s) => s,
                    Err(_) => return,
                },
            });
        }
        let Some(sum) = sum else {
            return;
        };
        if sum.interval.lo <= total.interval.hi {
            return;
        }
        let Some(t) = self.tables.get(table) else {
            return;
        };
        let unit = super::format::display_unit(sum.dim, t.money);
        let show = |q: &value::Quantity| super::format::precise(q, unit, 2, self.settings.rounding);
        let error = EvalError::PartsExceedWhole {
            span: t.rows[whole].span,
            table: table.to_owned(),
            row: t.row_label(whole),
            column: column.to_owned(),
            whole: show(&total),
            parts: show(&sum),
            part_rows: parts.iter().map(|&p| t.rows[p].span).collect(),
        };
        self.error(error);
    }
}
