//! Eval stage: numbers as text. Used by messages now and by the renderers later, so a value
//! reads the same everywhere.

use super::interval::Rounding;
use super::unit::{Dim, Scale, Unit};
use super::value::Quantity;
use crate::i18n::Message;
use rust_decimal::{Decimal, RoundingStrategy};

/// The unit a quantity is shown in: money in the document's unit, ratios in per cent, counts
/// in their own unit; `None` for plain numbers.
pub(crate) fn display_unit(dim: Dim, money: Unit) -> Option<Unit> {
    match dim {
        Dim::Money => Some(money),
        Dim::Ratio => Some(Unit::Percent),
        Dim::Count(c) => Some(Unit::Count(c, Scale::One)),
        Dim::Plain => None,
    }
}

/// How many decimals a quantity is shown with by default.
pub(crate) fn default_decimals(dim: Dim, nominal: Decimal) -> u32 {
    match dim {
        Dim::Money | Dim::Ratio => 2,
        Dim::Count(_) => 0,
        Dim::Plain => nominal.scale(),
    }
}

/// `v` (in base units) expressed in `unit`; `None` when that is beyond the decimal range (a
/// ratio of 10²⁷ has no value in per cent): such a value is an overflow, never shown.
pub(crate) fn in_unit(v: Decimal, unit: Option<Unit>) -> Option<Decimal> {
    match unit {
        Some(u) => v.checked_div(u.factor()),
        None => Some(v),
    }
}

/// A value with all its digits, for messages: `7000000000000000000000000万元`, `72.8%`; a
/// ratio beyond the range of per cent as a multiple (`7922816251426433759354395034倍`).
pub(crate) fn exact(v: Decimal, dim: Dim, money: Unit) -> String {
    let unit = display_unit(dim, money);
    match in_unit(v, unit) {
        Some(shown) => {
            let name = unit.map(Unit::name).unwrap_or_default();
            format!("{}{name}", shown.normalize())
        }
        None => format!("{}倍", v.normalize()),
    }
}

/// `v` rounded to `decimals` and written with exactly that many.
pub(crate) fn decimal(v: Decimal, decimals: u32, rounding: Rounding) -> String {
    rounding.round(v, decimals).to_string()
}

/// A quantity with its unit: `836.78万元`, `72.80%`, `34272人`; in messages. A quantity known
/// only by its interval is shown by its bounds (`between 1230.15万元 and 1232.40万元`).
pub(crate) fn quantity(
    q: &Quantity,
    unit: Option<Unit>,
    decimals: u32,
    rounding: Rounding,
) -> Message {
    if q.inferred {
        return bounds(q, unit, decimals);
    }
    Message::verbatim(rounded(q, unit, decimals, rounding))
}

/// The nominal value of a quantity with its unit, rounded to `decimals`: `836.78万元`. A value
/// beyond the range of `unit` (a computation that overflowed, which is reported) is shown with
/// all its digits in its base unit, as [`exact`] shows it.
pub(crate) fn rounded(
    q: &Quantity,
    unit: Option<Unit>,
    decimals: u32,
    rounding: Rounding,
) -> String {
    let Some(shown) = in_unit(q.nominal, unit) else {
        return exact(q.nominal, q.dim, Unit::Money(Scale::One));
    };
    let digits = decimal(shown, decimals, rounding);
    match unit {
        Some(u) => format!("{digits}{}", u.name()),
        None => digits,
    }
}

/// A quantity known only by its interval, in messages: `between 1230.15万元 and 1232.40万元`,
/// its bounds rounded outwards, so that the text never claims more than is known.
fn bounds(q: &Quantity, unit: Option<Unit>, decimals: u32) -> Message {
    let name = unit.map(Unit::name).unwrap_or_default();
    let side = |v: Decimal, strategy: RoundingStrategy| match in_unit(v, unit) {
        Some(shown) => {
            let mut bound = shown.round_dp_with_strategy(decimals, strategy);
            bound.rescale(decimals); // written with all its decimals: 909.9900, not 909.99
            bound.to_string()
        }
        None => v.normalize().to_string(),
    };
    let lo = side(q.interval.lo, RoundingStrategy::ToNegativeInfinity);
    let hi = side(q.interval.hi, RoundingStrategy::ToPositiveInfinity);
    if lo == hi {
        Message::verbatim(format!("{lo}{name}"))
    } else {
        crate::msg!(
            "eval-between",
            lo = format!("{lo}{name}"),
            hi = format!("{hi}{name}")
        )
    }
}

/// The interval of a quantity, `[82.2525%, 82.2575%]`, or `None` when it is too narrow to
/// show at `decimals`.
pub(crate) fn interval(
    q: &Quantity,
    unit: Option<Unit>,
    decimals: u32,
    rounding: Rounding,
) -> Option<String> {
    let name = unit.map(Unit::name).unwrap_or_default();
    let lo = decimal(in_unit(q.interval.lo, unit)?, decimals, rounding);
    let hi = decimal(in_unit(q.interval.hi, unit)?, decimals, rounding);
    (lo != hi).then(|| format!("[{lo}{name}, {hi}{name}]"))
}

/// A computed quantity with enough digits to see how it differs from a value stated with
/// `decimals`: exact when it has few digits (`180.14万元`), else two more than stated
/// (`165.88%`).
pub(crate) fn precise(
    q: &Quantity,
    unit: Option<Unit>,
    decimals: u32,
    rounding: Rounding,
) -> Message {
    if q.inferred {
        return bounds(q, unit, decimals.saturating_add(2));
    }
    let natural = in_unit(q.nominal, unit).map_or(0, |v| v.normalize().scale());
    let more = decimals.saturating_add(2);
    let shown = if natural <= more {
        natural.max(decimals)
    } else {
        more
    };
    quantity(q, unit, shown, rounding)
}

/// How an interpolation is shown: `{x 按 元 .1 绝对值}`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Style {
    /// Show in this unit instead of the default one.
    pub unit: Option<Unit>,
    /// Show this many decimals instead of the default.
    pub decimals: Option<u32>,
    /// Drop the sign.
    pub abs: bool,
    /// Group thousands with `,`.
    pub thousands: bool,
    /// Put the direction in words: 增加/减少/持平 (amounts), 增长/下降/持平 (ratios).
    pub wording: bool,
    /// Leave the unit out (table cells, whose unit is in the header).
    pub bare: bool,
}

/// A quantity as shown in the document: `836.78万元`, `增加65.10万元`, `72.80%`, `持平`;
/// `None` when its value in the unit asked for is beyond the decimal range (an overflow).
pub(crate) fn show(q: &Quantity, style: Style, money: Unit, rounding: Rounding) -> Option<String> {
    let unit = style.unit.or_else(|| display_unit(q.dim, money));
    let shown = in_unit(q.nominal, unit)?;
    let decimals = style
        .decimals
        .unwrap_or_else(|| default_decimals(q.dim, shown));
    let value = rounding.round(shown, decimals);
    let unit_name = match unit {
        Some(u) if !style.bare || u.dim() == Dim::Ratio => u.name(),
        _ => String::new(),
    };
    if style.wording {
        let (up, down) = if q.dim == Dim::Ratio {
            ("增长", "下降")
        } else {
            ("增加", "减少")
        };
        if value.is_zero() {
            return Some("持平".to_owned());
        }
        let word = if value.is_sign_negative() { down } else { up };
        return Some(format!(
            "{word}{}{unit_name}",
            digits(value.abs(), style.thousands)
        ));
    }
    let value = if style.abs { value.abs() } else { value };
    Some(format!("{}{unit_name}", digits(value, style.thousands)))
}

/// A decimal's digits, optionally with thousands grouped: `1,149.45`.
pub(crate) fn digits(v: Decimal, thousands: bool) -> String {
    let text = v.to_string();
    if !thousands {
        return text;
    }
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && int.len().saturating_sub(i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_values_with_words_and_groups() {
        let money = Unit::Money(Scale::TenThousand);
        let q = Quantity::literal(Decimal::new(-7731, 2), Some(money), false).unwrap();
        let style = Style {
            wording: true,
            ..Style::default()
        };
        assert_eq!(
            show(&q, style, money, Rounding::HalfUp).unwrap(),
            "减少77.31万元"
        );
        assert_eq!(
            show(&q, Style::default(), money, Rounding::HalfUp).unwrap(),
            "-77.31万元"
        );
        assert_eq!(digits(Decimal::new(123456789, 2), true), "1,234,567.89");
    }
}
