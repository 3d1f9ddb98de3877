//! Eval stage: closed intervals of decimals, the precision model of jues.
//!
//! A literal written `1149.45` stands for any value that rounds to it: [1149.445, 1149.455].
//! Every operation maps intervals to an interval that contains every possible result
//! (XBRL Calculations 1.1): sums add bounds, quotients take the extreme quotients of the
//! bounds. Inexact decimal division is widened outward by one unit of its last digit, so the
//! result always contains the exact one.

use rust_decimal::{Decimal, RoundingStrategy};

/// A closed interval `[lo, hi]` of decimals, `lo <= hi`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub lo: Decimal,
    pub hi: Decimal,
}

/// Arithmetic that leaves the decimal range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overflow;

impl Interval {
    /// The single point `v`.
    pub fn exact(v: Decimal) -> Interval {
        Interval { lo: v, hi: v }
    }

    /// `[v − half, v + half]`.
    pub fn around(v: Decimal, half: Decimal) -> Result<Interval, Overflow> {
        Ok(Interval {
            lo: v.checked_sub(half).ok_or(Overflow)?,
            hi: v.checked_add(half).ok_or(Overflow)?,
        })
    }

    /// `[-hi, -lo]`: flipping the sign of a decimal never overflows.
    pub fn negated(self) -> Interval {
        Interval {
            lo: -self.hi,
            hi: -self.lo,
        }
    }

    /// Whether the two intervals share a point.
    pub fn intersects(self, other: Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }

    /// Whether `v` lies in the interval.
    pub fn contains(self, v: Decimal) -> bool {
        self.lo <= v && v <= self.hi
    }

    /// Whether the interval is one point.
    pub fn is_exact(self) -> bool {
        self.lo == self.hi
    }

    pub fn checked_add(self, other: Interval) -> Result<Interval, Overflow> {
        Ok(Interval {
            lo: self.lo.checked_add(other.lo).ok_or(Overflow)?,
            hi: self.hi.checked_add(other.hi).ok_or(Overflow)?,
        })
    }

    pub fn checked_sub(self, other: Interval) -> Result<Interval, Overflow> {
        Ok(Interval {
            lo: self.lo.checked_sub(other.hi).ok_or(Overflow)?,
            hi: self.hi.checked_sub(other.lo).ok_or(Overflow)?,
        })
    }

    pub fn checked_mul(self, other: Interval) -> Result<Interval, Overflow> {
        let products = [
            mul_bound(self.lo, other.lo)?,
            mul_bound(self.lo, other.hi)?,
            mul_bound(self.hi, other.lo)?,
            mul_bound(self.hi, other.hi)?,
        ];
        Ok(hull(&products))
    }

    /// `self / other`; `None` when `other` contains zero (the quotient is unbounded).
    pub fn checked_div(self, other: Interval) -> Result<Option<Interval>, Overflow> {
        if other.contains(Decimal::ZERO) {
            return Ok(None);
        }
        let quotients = [
            div_bound(self.lo, other.lo)?,
            div_bound(self.lo, other.hi)?,
            div_bound(self.hi, other.lo)?,
            div_bound(self.hi, other.hi)?,
        ];
        Ok(Some(hull(&quotients)))
    }

    pub fn abs(self) -> Interval {
        if self.lo >= Decimal::ZERO {
            self
        } else if self.hi <= Decimal::ZERO {
            self.negated()
        } else {
            Interval {
                lo: Decimal::ZERO,
                hi: (-self.lo).max(self.hi),
            }
        }
    }

    pub fn min(self, other: Interval) -> Interval {
        Interval {
            lo: self.lo.min(other.lo),
            hi: self.hi.min(other.hi),
        }
    }

    pub fn max(self, other: Interval) -> Interval {
        Interval {
            lo: self.lo.max(other.lo),
            hi: self.hi.max(other.hi),
        }
    }
}

/// A product bound, widened when the decimal product had to drop digits.
fn mul_bound(a: Decimal, b: Decimal) -> Result<(Decimal, Decimal), Overflow> {
    let p = a.checked_mul(b).ok_or(Overflow)?;
    if a.scale().saturating_add(b.scale()) > p.scale() {
        let ulp = Decimal::new(1, p.scale());
        return Ok((
            p.checked_sub(ulp).ok_or(Overflow)?,
            p.checked_add(ulp).ok_or(Overflow)?,
        ));
    }
    Ok((p, p))
}

/// A quotient bound, widened by one unit of its last digit when the division is inexact.
fn div_bound(a: Decimal, b: Decimal) -> Result<(Decimal, Decimal), Overflow> {
    let q = a.checked_div(b).ok_or(Overflow)?;
    // A quotient with few digits that multiplies back exactly is exact; one that fills the
    // decimal's 28 digits was rounded (its product may round back to `a` all the same).
    let short = q.mantissa().unsigned_abs() < 10u128.pow(20);
    if short && q.checked_mul(b) == Some(a) {
        return Ok((q, q));
    }
    let ulp = Decimal::new(1, q.scale());
    Ok((
        q.checked_sub(ulp).ok_or(Overflow)?,
        q.checked_add(ulp).ok_or(Overflow)?,
    ))
}

fn hull(bounds: &[(Decimal, Decimal)]) -> Interval {
    let lo = bounds.iter().map(|b| b.0).min().unwrap_or_default();
    let hi = bounds.iter().map(|b| b.1).max().unwrap_or_default();
    Interval { lo, hi }
}

/// How published numbers are rounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Rounding {
    /// 四舍五入: half away from zero. The default.
    #[default]
    HalfUp,
    /// 银行家舍入: half to even.
    HalfEven,
}

impl Rounding {
    /// `v` rounded to `decimals` places (negative `decimals` are not used).
    pub fn round(self, v: Decimal, decimals: u32) -> Decimal {
        let strategy = match self {
            Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
        };
        let mut r = v.round_dp_with_strategy(decimals, strategy);
        r.rescale(decimals);
        r
    }
}

/// `v` truncated (toward zero) to `decimals` places.
pub(crate) fn truncate(v: Decimal, decimals: u32) -> Decimal {
    let mut t = v.round_dp_with_strategy(decimals, RoundingStrategy::ToZero);
    t.rescale(decimals);
    t
}

/// Half a unit of the last written digit: 0.005 for two decimals.
pub(crate) fn half_unit(decimals: u32) -> Decimal {
    Decimal::new(5, decimals.saturating_add(1).min(28))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn quotient_contains_the_exact_value() {
        let a = Interval::around(d("34272"), Decimal::ZERO).unwrap();
        let b = Interval::exact(d("20661"));
        let q = a.checked_div(b).unwrap().unwrap();
        assert!(q.lo < q.hi, "an inexact quotient is widened");
        // lo * b <= a <= hi * b: the interval brackets the exact quotient.
        assert!(q.lo * d("20661") <= d("34272") && d("34272") <= q.hi * d("20661"));
        assert!(q.lo > d("1.6587774067") && q.hi < d("1.6587774068"));
    }

    #[test]
    fn rounding_rules() {
        assert_eq!(Rounding::HalfUp.round(d("82.255"), 1).to_string(), "82.3");
        assert_eq!(Rounding::HalfEven.round(d("0.125"), 2).to_string(), "0.12");
        assert_eq!(truncate(d("165.88"), 0).to_string(), "165");
        assert_eq!(half_unit(2), d("0.005"));
    }
}
