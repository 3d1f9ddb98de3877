//! Eval stage: values and the arithmetic on them. Helpers return plain results; the caller
//! attaches the span.

use super::format;
use super::interval::{half_unit, Interval, Overflow};
use super::unit::{Dim, Unit};
use rust_decimal::Decimal;

/// A number with its dimension, its nominal value and its precision interval.
///
/// Money is held in 元, ratios as fractions, plain numbers as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quantity {
    pub dim: Dim,
    /// The value computed from the inputs as written.
    pub nominal: Decimal,
    /// Every value the inputs could stand for, given their rounding.
    pub interval: Interval,
    /// Whether the quantity depends on a figure the report gives only through statements
    /// about it (`年初预算 = ?`): then only the interval means anything, and `nominal` is a
    /// point of it kept for the arithmetic, never shown nor compared.
    pub inferred: bool,
}

/// What an expression evaluates to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Num(Quantity),
    Bool(bool),
    Text(String),
}

/// Why an operation has no value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpError {
    /// `a + b` where a is money and b a count, and the like.
    Dims {
        op: &'static str,
        left: Dim,
        right: Dim,
    },
    /// A rate over a base that is, or may be, zero.
    ZeroBase,
    /// Beyond the range of decimals.
    Overflow,
    /// A ratio whose value in per cent (how every ratio is shown) is beyond the range of
    /// decimals: the ratio, as a fraction.
    PerCent(Decimal),
    /// Text or a comparison used as a number.
    NotANumber,
}

impl From<Overflow> for OpError {
    fn from(_: Overflow) -> OpError {
        OpError::Overflow
    }
}

impl Quantity {
    /// An exact quantity.
    pub fn exact(dim: Dim, v: Decimal) -> Quantity {
        Quantity {
            dim,
            nominal: v,
            interval: Interval::exact(v),
            inferred: false,
        }
    }

    /// A quantity known only by its interval (see [`Quantity::inferred`]).
    pub fn bounded(dim: Dim, interval: Interval) -> Quantity {
        let nominal = interval
            .lo
            .checked_add(interval.hi)
            .and_then(|s| s.checked_div(Decimal::TWO))
            .unwrap_or(interval.lo);
        Quantity {
            dim,
            nominal,
            interval,
            inferred: true,
        }
    }

    /// A literal `digits` written in `unit` (or without one). A literal with decimals stands
    /// for the interval of values that round to it; an integer is exact, except a ratio
    /// (`165%` stands for [164.5%, 165.5%]); `exact` (a trailing `!`) makes any literal exact.
    pub fn literal(digits: Decimal, unit: Option<Unit>, exact: bool) -> Result<Quantity, OpError> {
        Quantity::amount(digits, unit, exact, None)
    }

    /// A literal as [`Quantity::literal`], where amounts are published to `precision` (the
    /// unit of their last digit, `金额精度`): an amount written without decimals then stands
    /// for the values that round to it at that precision (`23653` at `1`: [23652.5, 23653.5]).
    /// This is the one place the precision of a written number is decided.
    pub fn amount(
        digits: Decimal,
        unit: Option<Unit>,
        exact: bool,
        precision: Option<Decimal>,
    ) -> Result<Quantity, OpError> {
        let (dim, factor) = match unit {
            Some(u) => (u.dim(), u.factor()),
            None => (Dim::Plain, Decimal::ONE),
        };
        let whole_amount = dim == Dim::Money && digits.scale() == 0;
        let half = match precision {
            _ if exact => Decimal::ZERO,
            Some(p) if whole_amount => p.checked_div(Decimal::TWO).ok_or(OpError::Overflow)?,
            _ if digits.scale() > 0 || dim == Dim::Ratio => half_unit(digits.scale()),
            _ => Decimal::ZERO,
        };
        let nominal = digits.checked_mul(factor).ok_or(OpError::Overflow)?;
        let bounds = Interval::around(digits, half)?;
        Quantity {
            dim,
            nominal,
            interval: bounds.checked_mul(Interval::exact(factor))?,
            inferred: false,
        }
        .shown()
    }

    /// The quantity, if it can be shown: a ratio is shown in per cent, so one whose value (or
    /// a bound of it) in per cent is beyond the decimal range is an overflow, never a number
    /// shown 100 times too small.
    fn shown(self) -> Result<Quantity, OpError> {
        if self.dim == Dim::Ratio {
            for v in [self.nominal, self.interval.lo, self.interval.hi] {
                if format::in_unit(v, Some(Unit::Percent)).is_none() {
                    return Err(OpError::PerCent(self.nominal));
                }
            }
        }
        Ok(self)
    }

    /// The quantity as money, a plain number being taken in `money` (the document's unit).
    pub fn as_dim(self, dim: Dim, money: Unit) -> Result<Quantity, OpError> {
        if self.dim == dim {
            return Ok(self);
        }
        if self.dim != Dim::Plain {
            return Err(OpError::Dims {
                op: "convert",
                left: self.dim,
                right: dim,
            });
        }
        let factor = match dim {
            Dim::Money => money.factor(),
            _ => Decimal::ONE,
        };
        self.scaled(factor, dim)
    }

    fn scaled(self, factor: Decimal, dim: Dim) -> Result<Quantity, OpError> {
        Quantity {
            dim,
            nominal: self.nominal.checked_mul(factor).ok_or(OpError::Overflow)?,
            interval: self.interval.checked_mul(Interval::exact(factor))?,
            inferred: self.inferred,
        }
        .shown()
    }

    fn map2(
        self,
        other: Quantity,
        dim: Dim,
        nominal: impl Fn(Decimal, Decimal) -> Option<Decimal>,
        interval: impl Fn(Interval, Interval) -> Result<Interval, Overflow>,
    ) -> Result<Quantity, OpError> {
        Quantity {
            dim,
            nominal: nominal(self.nominal, other.nominal).ok_or(OpError::Overflow)?,
            interval: interval(self.interval, other.interval)?,
            inferred: self.inferred || other.inferred,
        }
        .shown()
    }
}

/// Brings two operands of `+`, `-`, comparisons, `min`/`max` to one dimension.
pub fn unify(
    a: Quantity,
    b: Quantity,
    op: &'static str,
    money: Unit,
) -> Result<(Quantity, Quantity), OpError> {
    match (a.dim, b.dim) {
        (x, y) if x == y => Ok((a, b)),
        (Dim::Plain, d) if d != Dim::Ratio => Ok((a.as_dim(d, money)?, b)),
        (d, Dim::Plain) if d != Dim::Ratio => Ok((a, b.as_dim(d, money)?)),
        (left, right) => Err(OpError::Dims { op, left, right }),
    }
}

pub fn add(a: Quantity, b: Quantity, money: Unit) -> Result<Quantity, OpError> {
    let (a, b) = unify(a, b, "+", money)?;
    a.map2(b, a.dim, Decimal::checked_add, Interval::checked_add)
}

pub fn sub(a: Quantity, b: Quantity, money: Unit) -> Result<Quantity, OpError> {
    let (a, b) = unify(a, b, "-", money)?;
    a.map2(b, a.dim, Decimal::checked_sub, Interval::checked_sub)
}

pub fn mul(a: Quantity, b: Quantity) -> Result<Quantity, OpError> {
    let dim = match (a.dim, b.dim) {
        (Dim::Plain, d) | (d, Dim::Plain) => d,
        (Dim::Ratio, d) | (d, Dim::Ratio) => d,
        (left, right) => {
            return Err(OpError::Dims {
                op: "*",
                left,
                right,
            })
        }
    };
    a.map2(b, dim, Decimal::checked_mul, Interval::checked_mul)
}

/// `a / b`; a quotient of like quantities is a ratio.
pub fn div(a: Quantity, b: Quantity, money: Unit) -> Result<Quantity, OpError> {
    let dim = match (a.dim, b.dim) {
        (d, Dim::Plain) => d,
        (Dim::Ratio, Dim::Ratio) => Dim::Ratio,
        (x, y) if x == y => Dim::Ratio,
        (Dim::Plain, d) if d != Dim::Ratio => {
            let a = a.as_dim(d, money)?;
            return div(a, b, money);
        }
        (left, right) => {
            return Err(OpError::Dims {
                op: "/",
                left,
                right,
            })
        }
    };
    if b.nominal.is_zero() {
        return Err(OpError::ZeroBase);
    }
    let interval = a
        .interval
        .checked_div(b.interval)?
        .ok_or(OpError::ZeroBase)?;
    let nominal = a.nominal.checked_div(b.nominal).ok_or(OpError::Overflow)?;
    Quantity {
        dim,
        nominal,
        interval,
        inferred: a.inferred || b.inferred,
    }
    .shown()
}

/// `-a`: flipping the sign of a decimal never overflows.
pub fn neg(a: Quantity) -> Quantity {
    Quantity {
        dim: a.dim,
        nominal: -a.nominal,
        interval: a.interval.negated(),
        inferred: a.inferred,
    }
}

impl Value {
    /// The quantity, or `NotANumber`.
    pub fn num(&self) -> Result<Quantity, OpError> {
        match self {
            Value::Num(q) => Ok(*q),
            _ => Err(OpError::NotANumber),
        }
    }
}
