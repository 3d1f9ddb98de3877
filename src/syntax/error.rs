//! Syntax stage: the problems found while reading a file, and their wording.

use crate::diagnostics::{Code, Diagnostic, Label};
use crate::source::Span;

/// A problem found while reading or parsing one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxError {
    /// The text does not follow the grammar.
    ///
    /// `报告 "x" { 年度 2019` (no closing brace) gives `expected: ["a setting", "`}`"]`.
    Unexpected {
        span: Span,
        /// What the grammar would have accepted, in words, deduplicated and sorted.
        expected: Vec<&'static str>,
        /// What is there instead, in words (`` `；` ``, "the end of the line").
        found: String,
    },
    /// The file is not UTF-8, has NUL bytes, or is too large: `reason` says which.
    Unreadable { span: Span, reason: String },
    /// `x = 123456789012345678901234567890.5`: more digits than a decimal holds.
    NumberOutOfRange { span: Span },
    /// Parentheses or blocks nested past the limit.
    TooDeep { span: Span, limit: usize },
    /// An expression whose operators nest past the limit (`1 + 1 + …`, `------1`).
    TooManyOperators { span: Span, limit: usize },
    /// `x = 1 = 2`: two stated values (`both_literal`), or `x = a = b`: two formulas.
    MalformedFigure {
        span: Span,
        name: String,
        both_literal: bool,
    },
    /// `{change(a, b) = 大概}`: after `=`, a word that says nothing of a change.
    UnknownClaim { span: Span, word: String },
}

impl SyntaxError {
    /// The wording of this error as a diagnostic.
    pub fn to_diagnostic(&self) -> Diagnostic {
        match self {
            SyntaxError::Unexpected {
                span,
                expected,
                found,
            } => {
                let wanted = list_in_words(expected);
                let message = if wanted.is_empty() {
                    format!("unexpected {found}")
                } else {
                    format!("expected {wanted}, found {found}")
                };
                let label = if wanted.is_empty() {
                    "not expected here".to_owned()
                } else {
                    format!("expected {wanted}")
                };
                let mut d = Diagnostic::new(Code::SyntaxError, message, Label::new(*span, label));
                if let Some(help) = help_for(expected, found) {
                    d = d.with_help(help);
                }
                d
            }
            SyntaxError::Unreadable { span, reason } => Diagnostic::new(
                Code::UnreadableSource,
                format!("this file cannot be read as a jues document: {reason}"),
                Label::new(*span, "here"),
            )
            .with_help("save the document as UTF-8 text"),
            SyntaxError::NumberOutOfRange { span } => Diagnostic::new(
                Code::NumberOutOfRange,
                "this number has more digits than jues can compute with exactly",
                Label::new(*span, "more than 28 significant digits"),
            )
            .with_help("write the amount in a larger unit (`万元`, `亿元`) or with fewer decimals"),
            SyntaxError::TooDeep { span, limit } => Diagnostic::new(
                Code::TooDeeplyNested,
                format!("nested more than {limit} levels deep"),
                Label::new(*span, "too deep"),
            )
            .with_help("nest less: split a formula into named figures, or a block into blocks side by side"),
            SyntaxError::TooManyOperators { span, limit } => Diagnostic::new(
                Code::TooDeeplyNested,
                format!("this formula has more than {limit} operators one after another"),
                Label::new(*span, "too long"),
            )
            .with_help("split the formula into named figures (`小计一 = a + b + …`, then `合计 = 小计一 + 小计二`), or add a table's rows up with `sum(表.列)`"),
            SyntaxError::MalformedFigure {
                span,
                name,
                both_literal,
            } => {
                let (label, help) = if *both_literal {
                    (
                        "two stated values",
                        format!("keep the published value and write the formula that should give it: `{name} = 公式 = 数值`"),
                    )
                } else {
                    (
                        "two formulas",
                        format!("keep one formula; to check a published value, write it as a number: `{name} = 公式 = 数值`"),
                    )
                };
                Diagnostic::new(
                    Code::MalformedFigure,
                    format!("figure `{name}` needs one formula and at most one stated value"),
                    Label::new(*span, label),
                )
                .with_help(help)
            }
            SyntaxError::UnknownClaim { span, word } => Diagnostic::new(
                Code::SyntaxError,
                format!("`{word}` is neither a number nor a word of change"),
                Label::new(*span, "not a stated value"),
            )
            .with_help("state the value as published (`= 8.46%`), or the change in words: `持平`, `无变化`, `增加`, `减少`, `增长`, `下降` …"),
        }
    }
}

/// "a, b or c".
fn list_in_words(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// A hint for the mistakes authors make most.
fn help_for(expected: &[&str], found: &str) -> Option<String> {
    let wants = |w: &str| expected.contains(&w);
    if found == "`}`" && wants("the end of the line") && !wants("an expression") {
        return Some("a `}` in prose is written `\\}`".to_owned());
    }
    if found == "`{`" && wants("the end of the line") {
        return Some("a `{` in prose is written `\\{`".to_owned());
    }
    if found == "`；`" || found == "`（`" || found == "`）`" {
        return Some(
            "inside `{…}` and declarations use ASCII punctuation: `;`, `(` and `)`".to_owned(),
        );
    }
    if wants("`}`") && found == "the end of the file" {
        return Some("close the block with `}` on a line of its own".to_owned());
    }
    None
}

impl crate::ast::SpansMut for SyntaxError {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            SyntaxError::Unexpected { span, .. }
            | SyntaxError::Unreadable { span, .. }
            | SyntaxError::NumberOutOfRange { span }
            | SyntaxError::TooDeep { span, .. }
            | SyntaxError::TooManyOperators { span, .. }
            | SyntaxError::MalformedFigure { span, .. }
            | SyntaxError::UnknownClaim { span, .. } => f(span),
        }
    }
}
