//! Eval stage: numbers as text. Used by messages now and by the renderers later, so a value
//! reads the same everywhere.

use super::interval::Rounding;
use super::unit::{Dim, Scale, Unit};
use super::value::Quantity;
use rust_decimal::Decimal;

/// The unit a quantity is shown in: money in the document's unit, ratios in per cent, counts
/// in their own unit; `None` for plain numbers.
pub fn display_unit(dim: Dim, money: Unit) -> Option<Unit> {
    match dim {
        Dim::Money => Some(money),
        Dim::Ratio => Some(Unit::Percent),
        Dim::Count(c) => Some(Unit::Count(c, Scale::One)),
        Dim::Plain => None,
    }
}

/// How many decimals a quantity is shown with by default.
pub fn default_decimals(dim: Dim, nominal: Decimal) -> u32 {
    match dim {
        Dim::Money | Dim::Ratio => 2,
        Dim::Count(_) => 0,
        Dim::Plain => nominal.scale(),
    }
}

/// `v` (in base units) expressed in `unit`.
pub fn in_unit(v: Decimal, unit: Option<Unit>) -> Decimal {
    match unit {
        Some(u) => v.checked_div(u.factor()).unwrap_or(v),
        None => v,
    }
}

/// `v` rounded to `decimals` and written with exactly that many.
pub fn decimal(v: Decimal, decimals: u32, rounding: Rounding) -> String {
    rounding.round(v, decimals).to_string()
}

/// A quantity with its unit: `836.78万元`, `72.80%`, `34272人`.
pub fn quantity(q: &Quantity, unit: Option<Unit>, decimals: u32, rounding: Rounding) -> String {
    let digits = decimal(in_unit(q.nominal, unit), decimals, rounding);
    match unit {
        Some(u) => format!("{digits}{}", u.name()),
        None => digits,
    }
}

/// The interval of a quantity, `[82.2525%, 82.2575%]`, or `None` when it is too narrow to
/// show at `decimals`.
pub fn interval(
    q: &Quantity,
    unit: Option<Unit>,
    decimals: u32,
    rounding: Rounding,
) -> Option<String> {
    let name = unit.map(Unit::name).unwrap_or_default();
    let lo = decimal(in_unit(q.interval.lo, unit), decimals, rounding);
    let hi = decimal(in_unit(q.interval.hi, unit), decimals, rounding);
    (lo != hi).then(|| format!("[{lo}{name}, {hi}{name}]"))
}

/// A computed quantity with enough digits to see how it differs from a value stated with
/// `decimals`: exact when it has few digits (`180.14万元`), else two more than stated
/// (`165.88%`).
pub fn precise(q: &Quantity, unit: Option<Unit>, decimals: u32, rounding: Rounding) -> String {
    let natural = in_unit(q.nominal, unit).normalize().scale();
    let shown = if natural <= decimals + 2 {
        natural.max(decimals)
    } else {
        decimals + 2
    };
    quantity(q, unit, shown, rounding)
}
