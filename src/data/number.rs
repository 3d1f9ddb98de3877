//! Numbers in data files: the text of a cell read strictly (`1,149.45` is one thousand …, but
//! `836,78` is not a number), and a workbook's binary floats read as the decimals Excel shows.

// Decimals are never added with bare operators (see `src/eval/mod.rs`).
#![warn(clippy::arithmetic_side_effects)]

use rust_decimal::Decimal;
use unicode_normalization::UnicodeNormalization;

/// Why a cell's text is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotANumber {
    /// A comma that does not group thousands (`836,78`, `1,2345`): a decimal comma, or a typo.
    Grouping,
    /// Anything else (`十五`, `1_000`, `12 34`, `1.2.3`).
    Other,
}

/// What a number cell's text means: its value and whether it was written as a percentage.
/// Full-width digits and signs (`８３６．７８`, `－77.31`, `７２.８０％`) are read as their
/// ASCII forms; a comma must group thousands (`1,149.45`); a negative may be written in
/// parentheses as accountants do (`(77.31)`).
pub(crate) fn parse(raw: &str) -> Result<(Decimal, bool), NotANumber> {
    let text: String = raw.nfkc().collect();
    let text = text.trim();
    let (text, percent) = match text.strip_suffix('%') {
        Some(t) => (t.trim_end(), true),
        None => (text, false),
    };
    let (negative, text) =
        if let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
            (true, inner)
        } else if let Some(rest) = text.strip_prefix(['-', '−']) {
            (true, rest)
        } else {
            (false, text.strip_prefix('+').unwrap_or(text))
        };
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (text, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if fraction.is_some_and(|f| !digits(f)) || whole.is_empty() {
        return Err(if fraction.is_some_and(|f| f.contains(',')) {
            NotANumber::Grouping
        } else {
            NotANumber::Other
        });
    }
    let whole: String = if whole.contains(',') {
        let mut groups = whole.split(',');
        let first = groups.next().unwrap_or("");
        let grouped =
            digits(first) && first.len() <= 3 && groups.clone().all(|g| g.len() == 3 && digits(g));
        if !grouped {
            let all_digits = whole.split(',').all(digits);
            return Err(if all_digits {
                NotANumber::Grouping
            } else {
                NotANumber::Other
            });
        }
        whole.split(',').collect()
    } else if digits(whole) {
        whole.to_owned()
    } else {
        return Err(NotANumber::Other);
    };
    let literal = match fraction {
        Some(f) => format!("{whole}.{f}"),
        None => whole,
    };
    let mut value = Decimal::from_str_exact(&literal).map_err(|_| NotANumber::Other)?;
    value.set_sign_negative(negative && !value.is_zero());
    Ok((value, percent))
}

/// What a workbook's number cell holds, as a decimal: the shortest decimal that reads back as
/// the float (what Excel shows), rounded to `decimals` places when the rest is only the noise
/// of binary arithmetic (`286.33000000000004` is 286.33). `None` for a value beyond the range
/// of a decimal. The flag tells that the value has digits beyond `decimals` that are not noise.
pub(crate) fn from_float(f: f64, decimals: u32) -> Option<(Decimal, bool)> {
    if !f.is_finite() {
        return None;
    }
    let shortest = Decimal::from_str_exact(&format!("{f}")).ok()?;
    Some(round_noise(shortest, decimals))
}

/// `value` at `decimals` places when what lies beyond them is float noise (less than a
/// millionth of the last place), with the flag set when it is more than that.
pub(crate) fn round_noise(value: Decimal, decimals: u32) -> (Decimal, bool) {
    let rounded = value.round_dp(decimals);
    if rounded == value {
        return (value, false);
    }
    let noise = Decimal::new(1, decimals.saturating_add(6).min(28));
    let off = value.checked_sub(rounded).map(|d| d.abs());
    match off {
        Some(off) if off < noise => (rounded, false),
        _ => (value, true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn reads_what_finance_offices_write() {
        assert_eq!(parse("836.78"), Ok((d("836.78"), false)));
        assert_eq!(parse("1,149.45"), Ok((d("1149.45"), false)));
        assert_eq!(parse("1,234,567"), Ok((d("1234567"), false)));
        assert_eq!(parse("-77.31"), Ok((d("-77.31"), false)));
        assert_eq!(parse("(77.31)"), Ok((d("-77.31"), false)));
        assert_eq!(parse("７２.８０％"), Ok((d("72.80"), true)));
        assert_eq!(parse("－5"), Ok((d("-5"), false)));
        assert_eq!(parse(" 12 "), Ok((d("12"), false)));
    }

    #[test]
    fn refuses_what_could_be_misread() {
        assert_eq!(parse("836,78"), Err(NotANumber::Grouping));
        assert_eq!(parse("1,2345"), Err(NotANumber::Grouping));
        assert_eq!(parse("12,34,567"), Err(NotANumber::Grouping));
        assert_eq!(parse("1_000"), Err(NotANumber::Other));
        assert_eq!(parse("12 34"), Err(NotANumber::Other));
        assert_eq!(parse("1.2.3"), Err(NotANumber::Other));
        assert_eq!(parse("十五"), Err(NotANumber::Other));
        assert_eq!(parse(".5"), Err(NotANumber::Other));
        assert_eq!(parse(""), Err(NotANumber::Other));
        assert_eq!(parse("1e5"), Err(NotANumber::Other));
    }

    #[test]
    fn float_noise_is_rounded_away_and_real_digits_are_kept() {
        assert_eq!(
            from_float(286.33000000000004, 2),
            Some((d("286.33"), false))
        );
        assert_eq!(from_float(0.1 + 0.2, 2), Some((d("0.3"), false)));
        assert_eq!(from_float(836.785, 2), Some((d("836.785"), true)));
        assert_eq!(from_float(34272.0, 2), Some((d("34272"), false)));
        assert_eq!(from_float(f64::NAN, 2), None);
        assert_eq!(from_float(1e300, 2), None);
    }
}
