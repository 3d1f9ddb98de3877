//! Eval stage: expressions, references and the formula functions. Helpers in [`super::value`]
//! return plain results; here each failure gets its span.

use super::error::EvalError;
use super::format;
use super::interval::Interval;
use super::table::Table;
use super::unit::{Dim, Unit};
use super::value::{self, OpError, Quantity, Value};
use super::{Ctx, Evaluator, MAX_DEPTH};
use crate::ast::*;
use crate::check::functions::Function;
use crate::check::Target;
use crate::i18n::Message;
use crate::msg;
use crate::source::Span;
use rust_decimal::Decimal;
use rustc_hash::FxHashSet;

impl Evaluator<'_> {
    // -------------------------------------------------------------- expressions

    /// The value of `expr`. Evaluation nests (a figure computed from a figure, a cell from
    /// a cell, an operand of an operand): past [`MAX_DEPTH`] levels it stops with J0004, so
    /// no input exhausts the stack.
    pub(crate) fn eval(&mut self, expr: &Expr, ctx: Ctx<'_>) -> Option<Value> {
        if self.depth >= MAX_DEPTH {
            if !self.too_deep && !self.quiet {
                // Reported once, at the deepest place: every value above it fails with it.
                self.too_deep = true;
                self.error(EvalError::TooDeep {
                    span: expr.span,
                    root: self.text(self.root),
                    expression: self.text(expr.span),
                    limit: MAX_DEPTH,
                });
            }
            return None;
        }
        if self.depth == 0 {
            self.root = expr.span;
        }
        self.depth = self.depth.saturating_add(1);
        let value = self.eval_nested(expr, ctx);
        self.depth = self.depth.saturating_sub(1);
        value
    }

    fn eval_nested(&mut self, expr: &Expr, ctx: Ctx<'_>) -> Option<Value> {
        match &expr.kind {
            ExprKind::Literal(literal) => {
                let unit = match &literal.unit {
                    Some(name) => Some(self.unit(name)?),
                    None => None,
                };
                match Quantity::literal(literal.value, unit, literal.exact) {
                    Ok(q) => Some(Value::Num(q)),
                    Err(e) => {
                        let operation = super::literal_in_base(literal, unit);
                        self.op_error(e, literal.span, None, Some(operation));
                        None
                    }
                }
            }
            ExprKind::Ref(reference) => self.reference(reference, ctx),
            ExprKind::Neg(inner) => {
                let v = self.eval(inner, ctx)?;
                self.num(&v, inner.span).map(|q| Value::Num(value::neg(q)))
            }
            ExprKind::Binary(op, left, right) => {
                let l = self.eval(left, ctx)?;
                let r = self.eval(right, ctx)?;
                let (l, r) = (self.num(&l, left.span)?, self.num(&r, right.span)?);
                self.binary(*op, l, r, expr.span, right.span)
            }
            ExprKind::Call(call) => self.call(call, ctx),
            // Reported by the checker; what depends on it is not evaluated.
            ExprKind::Placeholder => None,
        }
    }

    pub(super) fn num(&mut self, v: &Value, span: Span) -> Option<Quantity> {
        match v.num() {
            Ok(q) => Some(q),
            Err(e) => {
                self.op_error(e, span, None, None);
                None
            }
        }
    }

    fn binary(
        &mut self,
        op: BinOp,
        l: Quantity,
        r: Quantity,
        span: Span,
        right: Span,
    ) -> Option<Value> {
        let money = self.settings.money;
        let result = match op {
            BinOp::Add => value::add(l, r, money).map(Value::Num),
            BinOp::Sub => value::sub(l, r, money).map(Value::Num),
            BinOp::Mul => value::mul(l, r).map(Value::Num),
            BinOp::Div => value::div(l, r, money).map(Value::Num),
            cmp => value::unify(l, r, cmp.symbol(), money)
                .map(|(l, r)| Value::Bool(compare(cmp, l, r))),
        };
        match result {
            Ok(v) => Some(v),
            Err(OpError::ZeroBase) => {
                self.op_error(OpError::ZeroBase, span, Some(("/", right)), None);
                None
            }
            Err(e) => {
                let operation = self.operation(op.symbol(), &[l, r]);
                self.op_error(e, span, None, Some(operation));
                None
            }
        }
    }

    fn reference(&mut self, reference: &Reference, ctx: Ctx<'_>) -> Option<Value> {
        // Unresolved names were reported by the checker.
        let target = self.target(reference)?;
        match target {
            Target::Figure(name) => self.figure(name),
            Target::Column { table, column } => {
                let (_, row) = ctx.row?;
                self.cell(table, row, column, reference.span)
            }
            Target::LoopField(field) => {
                let (table, row) = ctx.row?;
                self.loop_field(table, row, field, ctx.index)
            }
            Target::Cell { table, row, column } => {
                let index = self.find_row(table, row, reference.span)?;
                self.cell(table, index, column, reference.span)
            }
            Target::Total {
                table,
                column,
                subtotal,
            } => {
                let index = self.total_row(table, *subtotal)?;
                self.cell(table, index, column, reference.span)
            }
            Target::Imported { namespace, name } => {
                // A failed import was reported where it is declared.
                let imported = self.imported.get(namespace)?;
                let found = imported.values.get(name).cloned();
                if found.is_none() {
                    // The imported report's own name for what was meant: by its label
                    // (`上年.财政拨款收入` is `收入.财政拨款` "财政拨款收入"), else a likely typo.
                    let by_label = imported.labels.get(name);
                    let suggestion = by_label
                        .map(String::as_str)
                        .or_else(|| {
                            crate::diagnostics::did_you_mean(
                                name,
                                imported.values.keys().map(String::as_str),
                            )
                        })
                        .map(|s| format!("{namespace}.{s}"));
                    let by_label = by_label.is_some();
                    self.error(EvalError::UnknownImported {
                        span: reference.span,
                        name: format!("{namespace}.{name}"),
                        suggestion,
                        by_label,
                    });
                }
                found
            }
            Target::Table(_) | Target::Row { .. } | Target::ColumnValues { .. } => {
                self.error(EvalError::NotANumber {
                    span: reference.span,
                    what: msg!(
                        "J0206-not-a-number.not-a-cell",
                        reference = reference.display()
                    ),
                });
                None
            }
        }
    }

    fn call(&mut self, call: &Call, ctx: Ctx<'_>) -> Option<Value> {
        let function = Function::lookup(&call.function.text)?;
        let (min, max) = function.arity();
        if call.args.len() < min || max.is_some_and(|m| call.args.len() > m) {
            return None; // reported by the checker
        }
        let span = call.span;
        match function {
            Function::Sum | Function::Min | Function::Max => {
                let mut values = Vec::new();
                for arg in &call.args {
                    values.extend(self.argument_values(arg, ctx)?);
                }
                let money = self.settings.money;
                let mut acc: Option<Quantity> = None;
                for q in values {
                    let next =
                        match acc {
                            None => Ok(q),
                            Some(a) => match function {
                                Function::Sum => value::add(a, q, money),
                                Function::Min => value::unify(a, q, "min", money)
                                    .map(|(a, q)| min_max(a, q, true)),
                                _ => value::unify(a, q, "max", money)
                                    .map(|(a, q)| min_max(a, q, false)),
                            },
                        };
                    match next {
                        Ok(v) => acc = Some(v),
                        Err(e) => {
                            let operation = acc.map(|a| self.operation("+", &[a, q]));
                            self.op_error(e, span, None, operation);
                            return None;
                        }
                    }
                }
                Some(Value::Num(acc.unwrap_or_else(|| {
                    Quantity::exact(Dim::Plain, Decimal::ZERO)
                })))
            }
            Function::Share | Function::Completion | Function::Growth | Function::Change => {
                let a = self.eval(&call.args[0].value, ctx)?;
                let b = self.eval(&call.args[1].value, ctx)?;
                let a = self.num(&a, call.args[0].span)?;
                let b = self.num(&b, call.args[1].span)?;
                let money = self.settings.money;
                let base = (call.function.text.as_str(), call.args[1].span);
                let result = match function {
                    Function::Change => value::sub(a, b, money),
                    Function::Growth => value::unify(a, b, "growth", money)
                        .and_then(|(a, b)| value::div(a, b, money))
                        .and_then(|q| {
                            value::sub(q, Quantity::exact(Dim::Ratio, Decimal::ONE), money)
                        }),
                    _ => value::unify(a, b, function.name(), money)
                        .and_then(|(a, b)| value::div(a, b, money)),
                };
                match result {
                    Ok(q) => Some(Value::Num(q)),
                    Err(e) => {
                        let op = if function == Function::Change {
                            "-"
                        } else {
                            "/"
                        };
                        let operation = self.operation(op, &[a, b]);
                        self.op_error(e, span, Some(base), Some(operation));
                        None
                    }
                }
            }
            Function::Abs => {
                let v = self.eval(&call.args[0].value, ctx)?;
                let q = self.num(&v, call.args[0].span)?;
                Some(Value::Num(Quantity {
                    dim: q.dim,
                    nominal: q.nominal.abs(),
                    interval: q.interval.abs(),
                    inferred: q.inferred,
                }))
            }
            Function::Round => {
                let v = self.eval(&call.args[0].value, ctx)?;
                let q = self.num(&v, call.args[0].span)?;
                let decimals = match call.args.get(1) {
                    Some(arg) => match &arg.value.kind {
                        ExprKind::Literal(l)
                            if l.value.scale() == 0
                                && l.value >= Decimal::ZERO
                                && l.value <= Decimal::from(20) =>
                        {
                            u32::try_from(l.value.mantissa()).unwrap_or(0)
                        }
                        _ => {
                            self.error(EvalError::NotANumber {
                                span: arg.span,
                                what: msg!("J0206-not-a-number.decimals"),
                            });
                            return None;
                        }
                    },
                    None => 0,
                };
                // Rounded as shown: in the display unit, and back. (Rounding a value that is
                // shown cannot take it out of range, but every step is checked all the same.)
                let unit = format::display_unit(q.dim, self.settings.money);
                let factor = unit.map_or(Decimal::ONE, Unit::factor);
                let rounding = self.settings.rounding;
                let r = |v: Decimal| {
                    format::in_unit(v, unit)
                        .and_then(|shown| rounding.round(shown, decimals).checked_mul(factor))
                };
                let (Some(nominal), Some(lo), Some(hi)) =
                    (r(q.nominal), r(q.interval.lo), r(q.interval.hi))
                else {
                    let operation = self.operation("", &[q]);
                    self.op_error(OpError::Overflow, span, None, Some(operation));
                    return None;
                };
                Some(Value::Num(Quantity {
                    dim: q.dim,
                    nominal,
                    interval: Interval { lo, hi },
                    inferred: q.inferred,
                }))
            }
        }
    }

    /// The numbers an argument of `sum`/`min`/`max` stands for: one value, or a column's
    /// leaf rows (filtered).
    fn argument_values(&mut self, arg: &Argument, ctx: Ctx<'_>) -> Option<Vec<Quantity>> {
        if let ExprKind::Ref(reference) = &arg.value.kind {
            if let Some(Target::ColumnValues { table, column }) = self.target(reference) {
                let rows = self
                    .tables
                    .get(table)
                    .map(Table::leaf_rows)
                    .unwrap_or_default();
                let mut values = Vec::new();
                for row in rows {
                    if let Some(filter) = &arg.filter {
                        let row_ctx = Ctx {
                            row: Some((table.as_str(), row)),
                            ..ctx
                        };
                        if !self.condition(filter, row_ctx)? {
                            continue;
                        }
                    }
                    let v = self.cell(table, row, column, arg.span)?;
                    values.push(self.num(&v, arg.span)?);
                }
                return Some(values);
            }
        }
        let v = self.eval(&arg.value, ctx)?;
        Some(vec![self.num(&v, arg.span)?])
    }

    /// A condition's truth; `None` when it could not be evaluated.
    pub(crate) fn condition(&mut self, expr: &Expr, ctx: Ctx<'_>) -> Option<bool> {
        match self.eval(expr, ctx)? {
            Value::Bool(b) => Some(b),
            _ => {
                self.error(EvalError::NotANumber {
                    span: expr.span,
                    what: msg!(
                        "J0206-not-a-number.not-a-condition",
                        expression = self.text(expr.span),
                    ),
                });
                None
            }
        }
    }

    /// The figures of the report (not the library) an expression depends on, with the spans
    /// of their definitions, in the order the expression names them, each once. A standard
    /// figure the report leaves to the library (`总计.收入`) is followed into its formula, so
    /// that a standard identity is shown at the report's own figures.
    fn figures_in(&self, expr: &Expr) -> Vec<(Span, String)> {
        let mut found = Vec::new();
        let mut seen = FxHashSet::default();
        // Children are pushed last first, so that they are visited in source order.
        let mut todo = vec![expr];
        while let Some(e) = todo.pop() {
            match &e.kind {
                ExprKind::Ref(r) => {
                    let Some(Target::Figure(name)) = self.target(r) else {
                        continue;
                    };
                    let Some(figure) = self.figures.get(name) else {
                        continue;
                    };
                    if !seen.insert(name.as_str()) {
                        continue;
                    }
                    if !self.library_figures.contains(name) {
                        found.push((figure.name.span, name.clone()));
                    } else if let Some(formula) = &figure.formula {
                        todo.push(formula);
                    }
                }
                _ => {
                    let from = todo.len();
                    e.push_operands(&mut todo);
                    todo[from..].reverse();
                }
            }
        }
        found
    }

    /// Checks `检查 条件 "说明"`. `standard` is the report type when the check is one of its
    /// standard identities (the library's).
    pub(super) fn check(&mut self, check: &CheckDecl, standard: Option<&str>) {
        let message = check.message.as_ref().map(|m| m.value.clone());
        let failed = |ev: &Self, detail: Message| EvalError::CheckFailed {
            span: check.condition.span,
            message: message.clone(),
            detail,
            figures: ev.figures_in(&check.condition),
            standard: standard.map(str::to_owned),
            defaults: ev.defaults_in(&check.condition),
        };
        if let ExprKind::Binary(op, left, right) = &check.condition.kind {
            if matches!(
                op,
                BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge
            ) {
                let ctx = Ctx::default();
                let (Some(l), Some(r)) = (self.eval(left, ctx), self.eval(right, ctx)) else {
                    self.not_published_check(check, standard);
                    return;
                };
                let (Some(lq), Some(rq)) = (self.num(&l, left.span), self.num(&r, right.span))
                else {
                    return;
                };
                let (lq, rq) = match value::unify(lq, rq, op.symbol(), self.settings.money) {
                    Ok(unified) => unified,
                    Err(e) => {
                        let operation = self.operation(op.symbol(), &[lq, rq]);
                        self.op_error(e, check.condition.span, None, Some(operation));
                        return;
                    }
                };
                if !compare(*op, lq, rq) {
                    let unit = format::display_unit(lq.dim, self.settings.money);
                    let show = |q: &Quantity| {
                        let decimals = format::default_decimals(q.dim, q.nominal);
                        format::precise(q, unit, decimals, self.settings.rounding)
                    };
                    let detail = msg!(
                        "J0210-check-failed.sides",
                        left = self.text(left.span),
                        left_value = show(&lq),
                        right = self.text(right.span),
                        right_value = show(&rq),
                    );
                    let error = failed(self, detail);
                    self.error(error);
                }
                return;
            }
        }
        match self.condition(&check.condition, Ctx::default()) {
            Some(false) => {
                let error = failed(self, msg!("J0210-check-failed.false"));
                self.error(error);
            }
            Some(true) => {}
            None => self.not_published_check(check, standard),
        }
    }

    /// The note for a check that has no value because it depends on unpublished figures.
    fn not_published_check(&mut self, check: &CheckDecl, standard: Option<&str>) {
        let behind = self.unpublished_behind(&check.condition);
        if behind.is_empty() {
            return;
        }
        // An excerpt leaves out most of the standard figures: a standard identity it gives
        // nothing of is outside the excerpt, and not worth a note.
        let outside = standard.is_some()
            && self.settings.excerpt.is_some()
            && self.figures_in(&check.condition).is_empty();
        if outside {
            return;
        }
        let condition = self.text(check.condition.span);
        let what = match (&check.message, standard) {
            (Some(m), Some(kind)) => msg!(
                "J0214-not-checked.standard-said",
                kind = kind,
                message = &m.value,
            ),
            (Some(m), None) => msg!("J0214-not-checked.check-said", message = &m.value),
            (None, Some(kind)) => msg!(
                "J0214-not-checked.standard",
                kind = kind,
                condition = condition,
            ),
            (None, None) => msg!("J0214-not-checked.check", condition = condition),
        };
        self.not_checked(what, check.condition.span, behind, standard.is_some());
    }

    /// The standard figures an expression names that still have their library default (the
    /// report does not give them), as messages name them, in the order of their names.
    fn defaults_in(&self, expr: &Expr) -> Vec<Message> {
        let mut found = Vec::new();
        let mut todo = vec![expr];
        while let Some(e) = todo.pop() {
            match &e.kind {
                ExprKind::Ref(r) => {
                    if let Some(Target::Figure(name)) = self.target(r) {
                        let default = self.library_figures.contains(name)
                            && self
                                .figures
                                .get(name)
                                .is_some_and(|f| f.formula.is_none() && f.stated.is_some());
                        if default {
                            found.push(name);
                        }
                    }
                }
                _ => e.push_operands(&mut todo),
            }
        }
        found.sort();
        found.dedup();
        found.into_iter().map(|name| self.described(name)).collect()
    }
}

/// A comparison within precision: `==` holds when the intervals meet; an ordering holds when
/// it holds for the nominal values, or, for a quantity known only by its interval
/// (`inferred`), when it holds for some values of the intervals.
fn compare(op: BinOp, l: Quantity, r: Quantity) -> bool {
    let (lo, hi) = (l.interval, r.interval);
    match op {
        BinOp::Eq => lo.intersects(hi),
        BinOp::Ne => !lo.intersects(hi),
        _ if l.inferred || r.inferred => match op {
            BinOp::Lt => lo.lo < hi.hi,
            BinOp::Le => lo.lo <= hi.hi,
            BinOp::Gt => lo.hi > hi.lo,
            _ => lo.hi >= hi.lo,
        },
        BinOp::Lt => l.nominal < r.nominal,
        BinOp::Le => l.nominal <= r.nominal,
        BinOp::Gt => l.nominal > r.nominal,
        _ => l.nominal >= r.nominal,
    }
}

fn min_max(a: Quantity, b: Quantity, min: bool) -> Quantity {
    Quantity {
        dim: a.dim,
        nominal: if min {
            a.nominal.min(b.nominal)
        } else {
            a.nominal.max(b.nominal)
        },
        interval: if min {
            a.interval.min(b.interval)
        } else {
            a.interval.max(b.interval)
        },
        inferred: a.inferred || b.inferred,
    }
}
