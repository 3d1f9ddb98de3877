//! Eval stage: checking a stated value against the value computed for it.
//!
//! A stated value is consistent when its interval (from the digits written) meets the
//! computed interval. When it does not, the message explains why: the digits belong to
//! another unit (wrong scale), the value was cut off instead of rounded (truncated), the word
//! before it has the wrong sign (direction), or it is simply different (mismatch).

use super::error::{EvalError, Statement};
use super::format;
use super::interval::truncate;
use super::unit::{Dim, MONEY};
use super::value::Quantity;
use super::Evaluator;
use crate::ast::Literal;
use crate::source::Span;
use rust_decimal::Decimal;

/// A direction word written before a value.
#[derive(Debug, Clone)]
pub(super) struct Word {
    /// Whether the word means a decrease (减少, 下降, 小于 …).
    pub negative: bool,
    pub text: String,
    pub span: Span,
    /// The word of the opposite direction, for the help line.
    pub opposite: &'static str,
}

impl Evaluator<'_> {
    /// Checks `literal` (as written, with the word before it) against `computed`. A change
    /// (`unsigned`) stated with neither a word nor a sign says nothing of its sign: only its
    /// size is compared.
    pub(super) fn check_stated(
        &mut self,
        computed: Quantity,
        literal: &Literal,
        word: Option<&Word>,
        unsigned: bool,
        formula_span: Span,
        after: Option<super::narrative::UnitAfter>,
    ) {
        // A value without a unit is read in the unit the text after it writes (`{… = 1149.45}
        // 万元`), else in the one the computed value is shown in.
        let unit = match &literal.unit {
            Some(name) => match self.unit(name) {
                Some(u) => Some(u),
                None => return,
            },
            None => match after {
                Some(a) => Some(a.unit),
                None => format::display_unit(computed.dim, self.settings.money),
            },
        };
        let mut digits = literal.value;
        let unsigned = unsigned && word.is_none() && digits > Decimal::ZERO;
        let negative = match word {
            Some(w) => w.negative,
            // Known only by bounds: the size is read with the sign its bounds allow.
            None if unsigned && computed.inferred => {
                let reads = |d: Decimal| {
                    Quantity::amount(d, unit, literal.exact, self.settings.precision)
                        .is_ok_and(|q| q.interval.intersects(computed.interval))
                };
                !reads(digits) && reads(-digits)
            }
            None => unsigned && computed.nominal < Decimal::ZERO,
        };
        if negative && digits > Decimal::ZERO {
            digits = -digits;
        }
        let stated = match Quantity::amount(digits, unit, literal.exact, self.settings.precision) {
            Ok(stated) => stated,
            Err(e) => {
                let operation = super::literal_in_base(literal, unit);
                self.op_error(e, literal.span, None, Some(operation));
                return;
            }
        };
        let computed = match computed.dim {
            Dim::Plain if stated.dim != Dim::Plain => {
                match computed.as_dim(stated.dim, self.settings.money) {
                    Ok(c) => c,
                    Err(_) => return,
                }
            }
            _ => computed,
        };
        if stated.dim != computed.dim && stated.dim != Dim::Plain {
            self.error(EvalError::Dims {
                span: literal.span,
                op: "=",
                left: crate::msg!("eval-dim-stated", dim = stated.dim.describe()),
                right: crate::msg!("eval-dim-computed", dim = computed.dim.describe()),
            });
            return;
        }

        let decimals = digits.scale();
        let rounding = self.settings.rounding;
        let Some(shown) = format::in_unit(computed.nominal, unit) else {
            // A ratio stated in ‰ whose value in ‰ is beyond the decimal range.
            let unit_name = unit.map(|u| u.name()).unwrap_or_default();
            let operation = crate::msg!(
                "J0208-overflow.computed-in-unit",
                value = format::exact(computed.nominal, computed.dim, self.settings.money),
                unit = unit_name,
            );
            self.op_error(
                super::value::OpError::Overflow,
                formula_span,
                None,
                Some(operation),
            );
            return;
        };
        let unit_text = literal.unit.as_ref().map_or("", |u| u.text.as_str());
        // Known only by bounds, the value to write is the stated one brought within them.
        let mut write_value = if computed.inferred {
            let bound = |v: Decimal| format::in_unit(v, unit).unwrap_or(v);
            let (lo, hi) = (bound(computed.interval.lo), bound(computed.interval.hi));
            rounding.round(digits.max(lo).min(hi), decimals)
        } else {
            rounding.round(shown, decimals)
        };
        if word.is_some() || unsigned {
            write_value = write_value.abs();
        }
        let statement = Statement {
            span: literal.span,
            // The unit after it, as the reader sees it: `836.78 元`.
            stated: match after {
                Some(a) => format!(
                    "{}{}",
                    super::table::literal_text(literal),
                    self.sources
                        .get(a.word.file)
                        .slice(Span::new(a.word.file, a.from..a.word.end as usize))
                ),
                None => super::table::literal_text(literal),
            },
            formula_span,
            formula: super::quoted(&self.text(formula_span)),
            computed: format::precise(&computed, unit, decimals, rounding),
            interval: format::interval(&computed, unit, decimals.saturating_add(3), rounding)
                .filter(|_| !computed.inferred),
            write: format!("{write_value}{unit_text}"),
        };

        if stated.interval.intersects(computed.interval) {
            if self.settings.strict
                && !computed.inferred
                && rounding.round(shown, decimals) != digits
            {
                self.error(EvalError::RoundingOnly(statement));
            }
            return;
        }
        if let Some(word) = word {
            // Only the word is wrong (the value with the other sign fits), or the value lies
            // wholly on the other side and has another size: then the word and the number are
            // rewritten together, never a sign after the word.
            let flipped = Quantity::amount(-digits, unit, literal.exact, self.settings.precision)
                .is_ok_and(|f| f.interval.intersects(computed.interval));
            let other_side = if word.negative {
                computed.interval.lo > Decimal::ZERO
            } else {
                computed.interval.hi < Decimal::ZERO
            };
            if flipped || other_side {
                self.error(EvalError::Direction {
                    span: literal.span,
                    word_span: word.span,
                    word: word.text.clone(),
                    actual: format::quantity(&computed, unit, decimals, rounding),
                    expected_word: word.opposite.to_owned(),
                    write: (!flipped).then(|| format!("{}{}", word.opposite, statement.write)),
                });
                return;
            }
        }
        if computed.dim == Dim::Money {
            for other in MONEY {
                if Some(other) == unit {
                    continue;
                }
                let reread =
                    Quantity::amount(digits, Some(other), literal.exact, self.settings.precision);
                if reread.is_ok_and(|r| r.interval.intersects(computed.interval)) {
                    let meant = format!("{}{}", literal.value, other.name());
                    let statement = Statement {
                        computed: format::quantity(&computed, Some(other), decimals, rounding),
                        ..statement
                    };
                    let unit_after = after.map(|a| (a.word, other.name()));
                    self.error(EvalError::WrongScale {
                        statement,
                        meant,
                        unit_after,
                    });
                    return;
                }
            }
        }
        if !computed.inferred
            && truncate(shown, decimals) == digits
            && rounding.round(shown, decimals) != digits
        {
            self.error(EvalError::Truncated(statement));
            return;
        }
        self.error(EvalError::Mismatch(statement));
    }
}
