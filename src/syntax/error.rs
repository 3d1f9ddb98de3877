//! Syntax stage: the problems found while reading a file, and their wording.

use super::expected::Expected;
use crate::diagnostics::{Code, Diagnostic, Label};
use crate::i18n::Message;
use crate::msg;
use crate::source::Span;

/// A problem found while reading or parsing one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxError {
    /// The text does not follow the grammar.
    ///
    /// `报告 "x" { 年度 2019` (no closing brace) gives `expected: [Expected::RBrace]`.
    Unexpected {
        span: Span,
        /// What the grammar would have accepted, deduplicated and sorted.
        expected: Vec<Expected>,
        /// What is there instead, in words (`` `；` ``, "the end of the line").
        found: Message,
        /// A hint read from the text around the place, which says more than the grammar's
        /// expectations: see `parse::hint`.
        hint: Option<Message>,
    },
    /// The file is not UTF-8, has NUL bytes, or is too large: `reason` says which.
    Unreadable {
        span: Span,
        reason: Message,
        help: Message,
    },
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
                hint,
            } => {
                let (message, label) = if expected.is_empty() {
                    (
                        msg!("J0001-unexpected", found = found),
                        msg!("J0001-unexpected.label"),
                    )
                } else {
                    let wanted = Expected::alternatives(expected);
                    (
                        msg!("J0001-expected", expected = &wanted, found = found),
                        msg!("J0001-expected.label", expected = wanted),
                    )
                };
                let mut d = Diagnostic::new(Code::SyntaxError, message, Label::new(*span, label));
                if let Some(help) = hint.clone().or_else(|| help_for(expected, found)) {
                    d = d.with_help(help);
                }
                d
            }
            SyntaxError::Unreadable { span, reason, help } => Diagnostic::new(
                Code::UnreadableSource,
                msg!("J0002-unreadable", reason = reason),
                Label::new(*span, msg!("J0002-unreadable.label")),
            )
            .with_help(help.clone()),
            SyntaxError::NumberOutOfRange { span } => Diagnostic::new(
                Code::NumberOutOfRange,
                msg!("J0003-out-of-range"),
                Label::new(*span, msg!("J0003-out-of-range.label")),
            )
            .with_help(msg!("J0003-out-of-range.help")),
            SyntaxError::TooDeep { span, limit } => Diagnostic::new(
                Code::TooDeeplyNested,
                msg!("J0004-nested", limit = limit),
                Label::new(*span, msg!("J0004-nested.label")),
            )
            .with_help(msg!("J0004-nested.help")),
            SyntaxError::TooManyOperators { span, limit } => Diagnostic::new(
                Code::TooDeeplyNested,
                msg!("J0004-operators", limit = limit),
                Label::new(*span, msg!("J0004-operators.label")),
            )
            .with_help(msg!("J0004-operators.help")),
            SyntaxError::MalformedFigure {
                span,
                name,
                both_literal,
            } => {
                let (label, help) = if *both_literal {
                    (
                        msg!("J0005-two-values"),
                        msg!("J0005-two-values.help", name = name),
                    )
                } else {
                    (
                        msg!("J0005-two-formulas"),
                        msg!("J0005-two-formulas.help", name = name),
                    )
                };
                Diagnostic::new(
                    Code::MalformedFigure,
                    msg!("J0005-malformed", name = name),
                    Label::new(*span, label),
                )
                .with_help(help)
            }
            SyntaxError::UnknownClaim { span, word } => Diagnostic::new(
                Code::SyntaxError,
                msg!("J0001-unknown-claim", word = word),
                Label::new(*span, msg!("J0001-unknown-claim.label")),
            )
            .with_help(msg!("J0001-unknown-claim.help")),
        }
    }
}

/// What stands where the grammar wanted something else: a word or character of the text
/// (`` `；` ``).
pub(super) fn found_text(text: &str) -> Message {
    msg!("syntax-token", token = text)
}

/// The end of the line, as what was found.
pub(super) fn found_end_of_line() -> Message {
    msg!("syntax-end-of-line")
}

/// The end of the file, as what was found.
pub(super) fn found_end_of_file() -> Message {
    msg!("syntax-end-of-file")
}

/// A space, as what was found.
pub(super) fn found_space() -> Message {
    msg!("syntax-space")
}

/// `text` with its full-width letters, digits and signs (U+FF01 to U+FF5E) in half-width, if
/// it has any: `（` → `(`, `１１４９.４５万元` → `1149.45万元`.
pub(super) fn half_width(text: &str) -> Option<String> {
    let wide = |c: char| ('\u{ff01}'..='\u{ff5e}').contains(&c);
    text.contains(wide).then(|| {
        text.chars()
            .map(|c| match wide(c) {
                true => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
                false => c,
            })
            .collect()
    })
}

/// A hint for the mistakes authors make most.
fn help_for(expected: &[Expected], found: &Message) -> Option<Message> {
    let wants = |w: Expected| expected.contains(&w);
    let found_is = |text: &str| *found == found_text(text);
    if found_is("}") && wants(Expected::EndOfLine) && !wants(Expected::Expression) {
        return Some(msg!("J0001-help-close-brace"));
    }
    if found_is("{") && wants(Expected::EndOfLine) {
        return Some(msg!("J0001-help-open-brace"));
    }
    if wants(Expected::RBrace) && *found == found_end_of_file() {
        return Some(msg!("J0001-help-close-block"));
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
