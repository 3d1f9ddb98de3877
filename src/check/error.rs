//! Check stage: the problems found while resolving names, and their wording.

use crate::diagnostics::{Code, Diagnostic, Label};
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
    /// `收入.合计` defined twice; `what` is "figure", "table", "column" or "setting".
    Duplicate {
        what: &'static str,
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
    /// `单为 "…"` in a report block; `place` is "report" or "table".
    UnknownSetting {
        key: String,
        span: Span,
        place: &'static str,
        suggestion: Option<String>,
        known: Vec<&'static str>,
    },
    /// `舍入 五入`: a known setting with a value it cannot take.
    BadSettingValue {
        key: String,
        value: String,
        span: Span,
        expected: &'static str,
    },
    /// `{支出[2010301].决算}` where the table has no column `决算`.
    UnknownColumn {
        table: String,
        column: String,
        span: Span,
        table_span: Span,
        suggestion: Option<String>,
    },
    /// `财政拨款 = 待填`: a value not filled in yet; `what` says whose (`` figure `收入.财政拨款` ``,
    /// `` table `支出` ``, `the text here`).
    Unfilled { span: Span, what: String },
}

impl CheckError {
    /// The wording of this error as a diagnostic.
    pub fn to_diagnostic(&self) -> Diagnostic {
        match self {
            CheckError::Unfilled { span, what } => Diagnostic::new(
                Code::Unfilled,
                format!("{what} is not filled in yet (`待填`)"),
                Label::new(*span, "待填"),
            )
            .with_help(
                "replace `待填` with the value; `jues build` publishes nothing while one is left",
            ),
            CheckError::UnknownName {
                name,
                span,
                suggestion,
            } => {
                let d = Diagnostic::new(
                    Code::UnknownName,
                    format!("unknown name `{name}`"),
                    Label::new(*span, "not defined"),
                );
                match suggestion {
                    Some(s) => d.with_help(format!("did you mean `{s}`?")),
                    None if name.contains('[') => d.with_help(
                        "a row is written `表名[编码].列名`, after a table declared with `表`",
                    ),
                    None => d.with_help(format!("define it first: `{name} = …`")),
                }
            }
            CheckError::Duplicate {
                what,
                name,
                span,
                first,
            } => Diagnostic::new(
                Code::DuplicateDefinition,
                format!("{what} `{name}` is defined more than once"),
                Label::new(*span, "defined again here"),
            )
            .with_label(*first, "first defined here")
            .with_help(format!(
                "remove one of the definitions, or rename this {what}"
            )),
            CheckError::UnknownFunction {
                name,
                span,
                suggestion,
            } => {
                let d = Diagnostic::new(
                    Code::UnknownFunction,
                    format!("unknown function `{name}`"),
                    Label::new(*span, "no such function"),
                );
                match suggestion {
                    Some(s) => d.with_help(format!("did you mean `{s}`?")),
                    None => d.with_help(
                        "the functions are sum, share, growth, change, completion, abs, round, min and max (see `docs/language.md`)",
                    ),
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
                    Some(max) if max == min => format!("{min} argument{}", plural(*min)),
                    Some(max) => format!("{min} to {max} arguments"),
                    None => format!("at least {min} argument{}", plural(*min)),
                };
                Diagnostic::new(
                    Code::WrongArgumentCount,
                    format!(
                        "`{function}` takes {takes}, but {found} {} given",
                        if *found == 1 { "was" } else { "were" }
                    ),
                    Label::new(*span, format!("{found} argument{}", plural(*found))),
                )
                .with_help(arity_help(function))
            }
            CheckError::UnknownSetting {
                key,
                span,
                place,
                suggestion,
                known,
            } => {
                let d = Diagnostic::new(
                    Code::UnknownSetting,
                    format!("unknown {place} setting `{key}`"),
                    Label::new(*span, "not a setting"),
                );
                match suggestion {
                    Some(s) => d.with_help(format!("did you mean `{s}`?")),
                    None => d.with_help(format!("the {place} settings are {}", known.join(", "))),
                }
            }
            CheckError::BadSettingValue {
                key,
                value,
                span,
                expected,
            } => Diagnostic::new(
                Code::UnknownSetting,
                format!("`{value}` is not a value of `{key}`"),
                Label::new(*span, "not allowed here"),
            )
            .with_help(format!("`{key}` takes {expected}")),
            CheckError::UnknownColumn {
                table,
                column,
                span,
                table_span,
                suggestion,
            } => {
                let d = Diagnostic::new(
                    Code::UnknownColumn,
                    format!("table `{table}` has no column `{column}`"),
                    Label::new(*span, "no such column"),
                )
                .with_label(*table_span, format!("table `{table}` is declared here"));
                match suggestion {
                    Some(s) => d.with_help(format!("did you mean `{s}`?")),
                    None => d.with_help(format!("add `{column}` to the `列` line of `{table}`")),
                }
            }
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn arity_help(function: &str) -> String {
    use super::functions::Function;
    let example = match Function::lookup(function) {
        Some(Function::Share) => "share(部分, 总数)",
        Some(Function::Growth) => "growth(本年, 上年)",
        Some(Function::Change) => "change(本年, 上年)",
        Some(Function::Completion) => "completion(决算数, 预算数)",
        Some(Function::Abs) => "abs(数值)",
        Some(Function::Round) => "round(数值, 位数)",
        Some(Function::Sum) => "sum(甲, 乙) or sum(表.列)",
        Some(Function::Min) | Some(Function::Max) | None => "max(甲, 乙)",
    };
    format!("write it as `{example}`")
}
