//! Eval stage: figures the report gives only through what it says of them (`年初预算 = ?`).
//!
//! Budgets and last year's values are often published only through a rate or a change
//! ("完成年初预算91.27%", "比上年增加45.60万元"). Each stated value whose formula names such a
//! figure once bounds it: the stated value, read with its rounding (and the sign of the word
//! before it), is solved for the figure, the other operands taken with their intervals. The
//! figure's interval is the intersection of those bounds (the rule is in docs/language.md); it
//! is used in every other check and never printed. Bounds that do not meet are J0212, naming
//! two statements that contradict each other; a figure nothing bounds is J0213.

use super::error::EvalError;
use super::interval::Interval;
use super::narrative::governing_word;
use super::stated::Word;
use super::unit::{Dim, Unit};
use super::value::{self, Quantity, Value};
use super::{Ctx, Evaluator};
use crate::ast::{BinOp, Block, Expr, ExprKind, Inline, Item, Literal, Module};
use crate::check::functions::Function;
use crate::check::Target;
use crate::source::Span;
use rust_decimal::Decimal;

/// How many references the walk that counts a figure's uses in one statement follows (through
/// the formulas of the figures it names) before it gives up on the statement: a bound on the
/// work, whatever the document.
const WALK_LIMIT: usize = 4096;

/// A value the text states, with the word that governs it: what may bound an unknown figure.
#[derive(Debug, Clone)]
pub(super) struct Statement<'a> {
    pub expr: &'a Expr,
    pub literal: &'a Literal,
    pub word: Option<Word>,
    /// A change (`change`, `growth`) stated with neither a word nor a sign: only its size is
    /// known.
    pub unsigned: bool,
}

/// A ratio as the plain number it is (a fraction), to divide an amount by.
fn plain(q: Quantity) -> Quantity {
    match q.dim {
        Dim::Ratio => Quantity {
            dim: Dim::Plain,
            ..q
        },
        _ => q,
    }
}

/// One statement's bound on an unknown figure.
#[derive(Debug, Clone, Copy)]
struct Bound {
    quantity: Quantity,
    /// The stated value.
    at: Span,
}

impl<'a> Evaluator<'a> {
    /// Collects the stated values of the report that may bound its unknown figures: those of
    /// its paragraphs, headings and lists (a `@每行` row or a `@如果` branch is read in its own
    /// context, so it does not bound), and figures written `公式 = 数值`.
    pub(super) fn collect_statements(&mut self, modules: &'a [Module]) {
        if !self.figures.values().any(|f| f.unknown().is_some()) {
            return;
        }
        let mut statements = Vec::new();
        for module in modules.iter().filter(|m| !m.library) {
            for item in &module.items {
                match item {
                    Item::Block(Block::Heading(h)) => self.stated_in(&h.content, &mut statements),
                    Item::Block(Block::Paragraph(p)) => self.stated_in(&p.content, &mut statements),
                    Item::Block(Block::List(list)) => {
                        for entry in &list.items {
                            self.stated_in(&entry.content, &mut statements);
                        }
                    }
                    _ => {}
                }
            }
        }
        let mut figures: Vec<_> = self.figures.iter().collect();
        figures.sort_by_key(|(_, f)| f.span);
        for (_, figure) in figures {
            if let (Some(formula), Some(literal)) = (&figure.formula, &figure.stated) {
                statements.push(Statement {
                    expr: formula,
                    literal,
                    word: None,
                    unsigned: false,
                });
            }
        }
        self.statements = statements;
    }

    /// The stated values of one run of text, each with the word that governs it (as the
    /// narrative reads them).
    fn stated_in(&self, inlines: &'a [Inline], out: &mut Vec<Statement<'a>>) {
        let mut before: Option<(&str, Span)> = None;
        let mut last_word: Option<Word> = None;
        for inline in inlines {
            match inline {
                Inline::Text(text, span) => before = Some((text, *span)),
                Inline::SoftBreak(_) => {}
                Inline::Strong(inner, _) | Inline::Emphasis(inner, _) => {
                    self.stated_in(inner, out);
                    before = None;
                    last_word = None;
                }
                Inline::Interpolation(i) => {
                    let word = governing_word(before, last_word.as_ref());
                    if let Some(literal) = &i.stated {
                        out.push(Statement {
                            expr: &i.expr,
                            literal,
                            unsigned: word.is_none() && self.is_change(&i.expr),
                            word: word.clone(),
                        });
                    }
                    last_word = word;
                    before = None;
                }
            }
        }
    }

    /// The value of the unknown figure `name`: the intersection of the bounds its statements
    /// give, or `None` (reported) when they contradict each other or there are none.
    pub(super) fn infer(&mut self, name: &str, declared: Span) -> Option<Value> {
        self.inferring.push(name.to_owned());
        let statements = self.statements.clone();
        let mut bounds: Vec<Bound> = Vec::new();
        for statement in &statements {
            if !self.bounds_only(statement.expr, name) {
                continue;
            }
            let Some(target) = self.stated_bound(statement) else {
                continue;
            };
            let Some(quantity) = self.solve(statement.expr, target, name) else {
                continue;
            };
            // Bounds of another kind (a count where the others are amounts) say nothing of
            // this one; the statement is still checked against the result.
            if bounds
                .first()
                .is_some_and(|b| b.quantity.dim != quantity.dim)
            {
                continue;
            }
            bounds.push(Bound {
                quantity,
                at: statement.literal.span,
            });
        }
        self.inferring.pop();
        let Some(first) = bounds.first() else {
            self.error(EvalError::Unbounded {
                span: declared,
                figure: self.described(name),
            });
            return None;
        };
        // The highest lower bound and the lowest upper bound: in one dimension, bounds meet
        // all together exactly when these two meet.
        let mut low = *first;
        let mut high = *first;
        for b in &bounds {
            if b.quantity.interval.lo > low.quantity.interval.lo {
                low = *b;
            }
            if b.quantity.interval.hi < high.quantity.interval.hi {
                high = *b;
            }
        }
        if low.quantity.interval.lo > high.quantity.interval.hi {
            let unit = super::format::display_unit(first.quantity.dim, self.settings.money);
            // Printed as the bounds they are, never as one number.
            let show = |q: &Quantity| {
                let bound = Quantity::bounded(q.dim, q.interval);
                super::format::precise(&bound, unit, 2, self.settings.rounding)
            };
            self.error(EvalError::Contradiction {
                span: high.at,
                figure: self.described(name),
                other: low.at,
                implied: show(&high.quantity),
                other_implied: show(&low.quantity),
                declared,
            });
            return None;
        }
        let interval = Interval {
            lo: low.quantity.interval.lo,
            hi: high.quantity.interval.hi,
        };
        Some(Value::Num(Quantity::bounded(first.quantity.dim, interval)))
    }

    /// Whether `expr` names `name` exactly once and no other figure being inferred (through
    /// the formulas of the figures it names): then solving it for `name` bounds it.
    fn bounds_only(&self, expr: &Expr, name: &str) -> bool {
        self.uses(expr, name) == Some(1)
    }

    /// Whether `expr` names `name` (in an expression that [`Self::bounds_only`] passed).
    fn names(&self, expr: &Expr, name: &str) -> bool {
        self.uses(expr, name).is_some_and(|n| n > 0)
    }

    /// How many times `expr` names `name`, through the formulas of the figures it names;
    /// `None` when it names another figure being inferred, or the walk is too long to finish.
    fn uses(&self, expr: &Expr, name: &str) -> Option<usize> {
        let mut uses = 0usize;
        let mut steps = 0usize;
        let mut todo = vec![expr];
        while let Some(e) = todo.pop() {
            steps = steps.saturating_add(1);
            if steps > WALK_LIMIT {
                return None;
            }
            match &e.kind {
                ExprKind::Ref(r) => {
                    let Some(Target::Figure(figure)) = self.target(r) else {
                        continue;
                    };
                    if figure == name {
                        uses = uses.saturating_add(1);
                    } else if self.inferring.iter().any(|n| n == figure) {
                        return None;
                    } else if let Some(formula) = self.through(figure) {
                        todo.push(formula);
                    }
                }
                _ => e.push_operands(&mut todo),
            }
        }
        Some(uses)
    }

    /// The formula a figure's value comes from, when it is computed (a stated value, even
    /// with a formula, is what the figure is).
    fn through(&self, figure: &str) -> Option<&'a Expr> {
        self.figures
            .get(figure)
            .filter(|f| f.stated.is_none() && f.absent.is_none())
            .and_then(|f| f.formula.as_ref())
    }

    /// What a statement says its formula is: the stated literal with its rounding, its sign
    /// from the word before it; a change stated without word or sign, anywhere from minus to
    /// plus its size. A literal without a unit is in the unit its formula is shown in: per
    /// cent for a rate (`share`, `completion`, `growth`), else the document's money unit.
    fn stated_bound(&self, statement: &Statement<'_>) -> Option<Quantity> {
        let literal = statement.literal;
        let unit = match &literal.unit {
            Some(name) => Some(Unit::parse(&name.text)?),
            None if self.is_rate(statement.expr) => Some(Unit::Percent),
            None => Some(self.settings.money),
        };
        let mut digits = literal.value;
        if statement.word.as_ref().is_some_and(|w| w.negative) && digits > Decimal::ZERO {
            digits = -digits;
        }
        let q = Quantity::amount(digits, unit, literal.exact, self.settings.precision).ok()?;
        if statement.unsigned && statement.word.is_none() && digits > Decimal::ZERO {
            let size = q.interval.hi;
            return Some(Quantity {
                interval: Interval {
                    lo: -size,
                    hi: size,
                },
                ..q
            });
        }
        Some(q)
    }

    /// Whether an expression is a rate: a call of `share`, `completion` or `growth`.
    fn is_rate(&self, expr: &Expr) -> bool {
        matches!(&expr.kind, ExprKind::Call(call)
            if matches!(Function::lookup(&call.function.text),
                Some(Function::Share | Function::Completion | Function::Growth)))
    }

    /// The values of `name` for which `expr` can be `target`: `expr` solved for `name`, the
    /// rest of it taken with the intervals of its values. `None` when `expr` is not of a form
    /// that can be solved (a `sum`, a comparison, a divisor that may be zero).
    fn solve(&mut self, expr: &Expr, target: Quantity, name: &str) -> Option<Quantity> {
        let money = self.settings.money;
        match &expr.kind {
            ExprKind::Ref(r) => match self.target(r)? {
                Target::Figure(figure) if figure == name => Some(target),
                Target::Figure(figure) => {
                    let formula = self.through(figure)?;
                    self.solve(formula, target, name)
                }
                _ => None,
            },
            ExprKind::Neg(inner) => self.solve(inner, value::neg(target), name),
            ExprKind::Binary(op, l, r) => {
                let left = self.names(l, name);
                let (inner, other) = if left { (l, r) } else { (r, l) };
                let other = self.operand(other)?;
                let next = match (op, left) {
                    (BinOp::Add, _) => value::sub(target, other, money),
                    (BinOp::Sub, true) => value::add(target, other, money),
                    (BinOp::Sub, false) => value::sub(other, target, money),
                    (BinOp::Mul, _) => value::div(target, plain(other), money),
                    (BinOp::Div, true) => value::mul(target, other),
                    (BinOp::Div, false) => value::div(other, plain(target), money),
                    _ => return None,
                };
                self.solve(inner, next.ok()?, name)
            }
            ExprKind::Call(call) => {
                let function = Function::lookup(&call.function.text)?;
                let [a, b] = call.args.as_slice() else {
                    return None;
                };
                let left = self.names(&a.value, name);
                let (inner, other) = if left { (a, b) } else { (b, a) };
                let other = self.operand(&other.value)?;
                // A rate of `a` over `b` is `a / b` (a growth one less); a change is `a - b`.
                let next = match function {
                    Function::Change if left => value::add(target, other, money),
                    Function::Change => value::sub(other, target, money),
                    Function::Share | Function::Completion | Function::Growth => {
                        let ratio = if function == Function::Growth {
                            let one = Quantity::exact(Dim::Ratio, Decimal::ONE);
                            value::add(target, one, money).ok()?
                        } else {
                            target
                        };
                        let other = match other.dim {
                            Dim::Plain => other.as_dim(Dim::Money, money).ok()?,
                            _ => other,
                        };
                        if left {
                            value::mul(ratio, other)
                        } else {
                            value::div(other, plain(ratio), money)
                        }
                    }
                    _ => return None,
                };
                self.solve(&inner.value, next.ok()?, name)
            }
            ExprKind::Literal(_) | ExprKind::Placeholder => None,
        }
    }

    /// The value of an operand that does not name the unknown figure. The figures it names
    /// are evaluated first, as everywhere (their errors reported once); the operand itself is
    /// evaluated quietly, since the statement it belongs to is checked, and reported, later.
    fn operand(&mut self, expr: &Expr) -> Option<Quantity> {
        let mut todo = vec![expr];
        let mut named = Vec::new();
        while let Some(e) = todo.pop() {
            match &e.kind {
                ExprKind::Ref(r) => {
                    if let Some(Target::Figure(figure)) = self.target(r) {
                        named.push(figure.clone());
                    }
                }
                _ => e.push_operands(&mut todo),
            }
        }
        for figure in &named {
            self.figure(figure);
        }
        let quiet = std::mem::replace(&mut self.quiet, true);
        let value = self.eval(expr, Ctx::default());
        self.quiet = quiet;
        value?.num().ok()
    }

    /// The unknown figures `expr` depends on, through the formulas of the figures it names.
    pub(super) fn unknown_behind(&self, expr: &Expr) -> Vec<String> {
        let mut found = Vec::new();
        let mut steps = 0usize;
        let mut todo = vec![expr];
        while let Some(e) = todo.pop() {
            steps = steps.saturating_add(1);
            if steps > WALK_LIMIT {
                break;
            }
            match &e.kind {
                ExprKind::Ref(r) => {
                    let Some(Target::Figure(figure)) = self.target(r) else {
                        continue;
                    };
                    match self.figures.get(figure) {
                        Some(f) if f.unknown().is_some() && !found.contains(figure) => {
                            found.push(figure.clone());
                        }
                        Some(f) if f.unknown().is_some() => {}
                        Some(f) => todo.extend(f.formula.as_ref()),
                        None => {}
                    }
                }
                _ => e.push_operands(&mut todo),
            }
        }
        found.sort();
        found
    }

    /// Where the document declares an unknown figure (its `?`).
    pub(super) fn unknown_at(&self, name: &str) -> Span {
        self.figures
            .get(name)
            .and_then(|f| f.unknown())
            .unwrap_or_default()
    }
}
