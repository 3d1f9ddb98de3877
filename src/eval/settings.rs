//! Eval stage: reading the document settings that change evaluation from the `报告` block.

use super::interval::Rounding;
use super::unit::Unit;
use super::Settings;
use crate::ast::{Module, ReportDecl};
use crate::check::CheckError;
use crate::i18n::Message;
use crate::msg;
use crate::settings::ReportSetting;
use rust_decimal::Decimal;

impl Settings {
    /// The settings of `modules` (the first `报告` block), and the values it cannot take.
    pub fn read(modules: &[Module], strict: bool) -> (Settings, Vec<CheckError>) {
        let mut settings = Settings {
            strict,
            ..Settings::default()
        };
        let mut errors = Vec::new();
        let Some(report) = ReportDecl::find(modules) else {
            return (settings, errors);
        };
        for setting in &report.settings {
            let key = setting.key.text.as_str();
            let text = setting.value.text();
            let mut bad = |expected: Expected| {
                errors.push(CheckError::BadSettingValue {
                    key: key.to_owned(),
                    value: text.clone(),
                    span: setting.value.span(),
                    expected: expected.into(),
                })
            };
            match ReportSetting::parse(key) {
                Some(ReportSetting::MoneyUnit) => match Unit::parse(&text) {
                    Some(u @ Unit::Money(_)) => settings.money = u,
                    _ => bad(Expected::MoneyUnit),
                },
                Some(ReportSetting::Rounding) => match text.as_str() {
                    "四舍五入" | "half-up" => settings.rounding = Rounding::HalfUp,
                    "银行家舍入" | "half-even" => settings.rounding = Rounding::HalfEven,
                    _ => bad(Expected::Rounding),
                },
                Some(ReportSetting::Transcribed) => match yes_no(&text) {
                    Some(v) => settings.transcribed = v,
                    None => bad(Expected::YesNo),
                },
                Some(ReportSetting::Precision) => match precision(&text) {
                    Some(p) => settings.precision = Some(p),
                    None => bad(Expected::Precision),
                },
                Some(ReportSetting::Excerpt) => match yes_no(&text) {
                    Some(v) => settings.excerpt = v.then(|| setting.value.span()),
                    None => bad(Expected::YesNo),
                },
                Some(ReportSetting::Thousands) => match yes_no(&text) {
                    Some(v) => settings.thousands = v,
                    None => bad(Expected::YesNo),
                },
                // Read where they are used (`单位`, `年度`, `类型`, `字体`, `科目表`), or
                // unknown (reported by the checker).
                _ => {}
            }
        }
        (settings, errors)
    }
}

/// What a setting of the `报告` block or of a table may be, as the message of a value it
/// cannot take says it (`` `合计行` takes `是` or `否` ``).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Expected {
    /// `金额单位`, `单位`: a money unit.
    MoneyUnit,
    /// `舍入`.
    Rounding,
    /// `是` or `否`.
    YesNo,
    /// `金额精度`: a power of ten.
    Precision,
    /// `科目`: a classification.
    Classification,
}

impl From<Expected> for Message {
    fn from(expected: Expected) -> Message {
        match expected {
            Expected::MoneyUnit => msg!("eval-setting-money-unit"),
            Expected::Rounding => msg!("eval-setting-rounding"),
            Expected::YesNo => msg!("eval-setting-yes-no"),
            Expected::Precision => msg!("eval-setting-precision"),
            Expected::Classification => msg!("eval-setting-classification"),
        }
    }
}

/// A `金额精度`: the unit of the last published digit, a power of ten from 0.0001 to 10000.
pub(super) fn precision(text: &str) -> Option<Decimal> {
    let value = text.trim().parse::<Decimal>().ok()?.normalize();
    let shown = value.to_string();
    let power = match shown.strip_prefix("0.") {
        Some(fraction) => fraction.trim_start_matches('0') == "1",
        None => shown
            .strip_prefix('1')
            .is_some_and(|zeros| zeros.bytes().all(|b| b == b'0')),
    };
    let range = Decimal::new(1, 4) <= value && value <= Decimal::new(10_000, 0);
    (power && range).then_some(value)
}

/// `是`/`否` (`yes`/`no`, `true`/`false`).
pub(super) fn yes_no(text: &str) -> Option<bool> {
    match text {
        "是" | "yes" | "true" => Some(true),
        "否" | "no" | "false" => Some(false),
        _ => None,
    }
}
