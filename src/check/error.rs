//! Check stage: the problems found while resolving names, and their wording.

use crate::diagnostics::{Code, Diagnostic, Label};
use crate::i18n::{Arg, Message};
use crate::msg;
use crate::source::Span;

/// A problem found while checking declarations and references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckError {
    /// `{财政拔款收入}` where only `财政拨款收入` is defined.
    UnknownName {
        name: String,
        span: Span,
        suggestion: Option<String>,
    },
    /// `收入.合计` defined twice; `what` is "figure", "table", "column", "setting" or
    /// "import" (`check-defined-…`).
    Duplicate {
        what: Message,
        name: String,
        span: Span,
        first: Span,
    },
    /// `{percent(a, b)}`.
    UnknownFunction {
        name: String,
        span: Span,
        suggestion: Option<String>,
    },
    /// `{share(a)}`.
    WrongArity {
        function: String,
        span: Span,
        min: usize,
        max: Option<usize>,
        found: usize,
    },
    /// `单为 "…"` in a report block; `place` is "report" or "table" (`check-settings-of-…`).
    UnknownSetting {
        key: String,
        span: Span,
        place: Message,
        suggestion: Option<String>,
        /// Each setting of the block: its Chinese and English spelling.
        known: Vec<(&'static str, &'static str)>,
        /// In a table, when the value is a number (`工资福利支出 100`): most likely a row whose
        /// label lacks its quotes.
        row: bool,
    },
    /// `舍入 五入`: a known setting with a value it cannot take.
    BadSettingValue {
        key: String,
        value: String,
        span: Span,
        /// The values it takes, in words (made by the evaluator and the library's types;
        /// shown as written until they are messages too).
        expected: crate::i18n::Message,
    },
    /// `{支出[2010301].决算}` where the table has no column `决算`.
    UnknownColumn {
        table: String,
        column: String,
        span: Span,
        table_span: Span,
        suggestion: Option<String>,
    },
    /// `财政拨款 = 待填`: a value not filled in yet; `what` says whose (`check-unfilled-…`:
    /// `` figure `收入.财政拨款` ``, `` table `支出` ``, `the text here`).
    Unfilled { span: Span, what: Message },
}

impl CheckError {
    /// The wording of this error as a diagnostic.
    pub fn to_diagnostic(&self) -> Diagnostic {
        match self {
            CheckError::Unfilled { span, what } => Diagnostic::new(
                Code::Unfilled,
                msg!("J0405-unfilled", what = what),
                Label::new(*span, msg!("J0405-unfilled.label")),
            )
            .with_help(msg!("J0405-unfilled.help")),
            CheckError::UnknownName {
                name,
                span,
                suggestion,
            } => {
                let d = Diagnostic::new(
                    Code::UnknownName,
                    msg!("J0101-unknown-name", name = name),
                    Label::new(*span, msg!("J0101-unknown-name.label")),
                );
                match suggestion {
                    Some(s) => d.with_fix(did_you_mean(s), *span, s),
                    None if name.contains('[') => d.with_help(msg!("J0101-unknown-name.row")),
                    None => d.with_help(msg!("J0101-unknown-name.define", name = name)),
                }
            }
            CheckError::Duplicate {
                what,
                name,
                span,
                first,
            } => Diagnostic::new(
                Code::DuplicateDefinition,
                msg!("J0102-duplicate", what = what, name = name),
                Label::new(*span, msg!("J0102-duplicate.label")),
            )
            .with_label(*first, msg!("J0102-duplicate.first"))
            .with_help(msg!("J0102-duplicate.help", what = what)),
            CheckError::UnknownFunction {
                name,
                span,
                suggestion,
            } => {
                let d = Diagnostic::new(
                    Code::UnknownFunction,
                    msg!("J0103-unknown-function", name = name),
                    Label::new(*span, msg!("J0103-unknown-function.label")),
                );
                match suggestion {
                    Some(s) => d.with_fix(did_you_mean(s), *span, s),
                    None => d.with_help(msg!("J0103-unknown-function.help")),
                }
            }
            CheckError::WrongArity {
                function,
                span,
                min,
                max,
                found,
            } => {
                let takes = match max {
                    Some(max) if max == min => msg!("check-takes-exactly", min = min),
                    Some(max) => msg!("check-takes-between", min = min, max = max),
                    None => msg!("check-takes-at-least", min = min),
                };
                Diagnostic::new(
                    Code::WrongArgumentCount,
                    msg!(
                        "J0104-arity",
                        function = function,
                        takes = takes,
                        found = found
                    ),
                    Label::new(*span, msg!("J0104-arity.label", found = found)),
                )
                .with_help(arity_help(function))
            }
            CheckError::UnknownSetting {
                key,
                span,
                place,
                suggestion,
                known,
                row,
            } => {
                let d = Diagnostic::new(
                    Code::UnknownSetting,
                    msg!("J0105-unknown-setting", place = place, key = key),
                    Label::new(*span, msg!("J0105-unknown-setting.label")),
                );
                match suggestion {
                    Some(s) => d.with_fix(did_you_mean(s), *span, s),
                    None if *row => {
                        let quoted = format!("\"{key}\"");
                        d.with_fix(
                            msg!("J0105-unknown-setting.row", write = &quoted),
                            *span,
                            quoted,
                        )
                    }
                    None => d.with_help(msg!(
                        "J0105-unknown-setting.help",
                        place = place,
                        known = Arg::list(known.iter().map(|(chinese, english)| msg!(
                            "check-setting-spelling",
                            chinese = *chinese,
                            english = *english
                        )))
                    )),
                }
            }
            CheckError::BadSettingValue {
                key,
                value,
                span,
                expected,
            } => Diagnostic::new(
                Code::UnknownSetting,
                msg!("J0105-bad-value", value = value, key = key),
                Label::new(*span, msg!("J0105-bad-value.label")),
            )
            .with_help(msg!("J0105-bad-value.help", key = key, expected = expected)),
            CheckError::UnknownColumn {
                table,
                column,
                span,
                table_span,
                suggestion,
            } => {
                let d = Diagnostic::new(
                    Code::UnknownColumn,
                    msg!("J0106-unknown-column", table = table, column = column),
                    Label::new(*span, msg!("J0106-unknown-column.label")),
                )
                .with_label(
                    *table_span,
                    msg!("J0106-unknown-column.declared", table = table),
                );
                match suggestion {
                    Some(s) => d.with_fix(did_you_mean(s), *span, s),
                    None => d.with_help(msg!(
                        "J0106-unknown-column.help",
                        column = column,
                        table = table
                    )),
                }
            }
        }
    }
}

/// "did you mean `…`?"
fn did_you_mean(name: &str) -> Message {
    msg!("check-did-you-mean", name = name)
}

/// How to call `function`: `` write it as `share(部分, 总数)` ``.
fn arity_help(function: &str) -> Message {
    use super::functions::Function;
    let example = match Function::lookup(function) {
        Some(Function::Share) => "share(部分, 总数)",
        Some(Function::Growth) => "growth(本年, 上年)",
        Some(Function::Change) => "change(本年, 上年)",
        Some(Function::Completion) => "completion(决算数, 预算数)",
        Some(Function::Abs) => "abs(数值)",
        Some(Function::Round) => "round(数值, 位数)",
        // Two ways to call it: the words join them.
        Some(Function::Sum) => return msg!("J0104-arity.help-sum"),
        Some(Function::Min) | Some(Function::Max) | None => "max(甲, 乙)",
    };
    msg!("J0104-arity.help", example = example)
}
