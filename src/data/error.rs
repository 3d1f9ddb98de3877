//! The problems of reading a data file, as diagnostics. Each names the cell
//! (`收入支出决算总表!C12`) in its words as well as by its place, so the short format (which
//! shows only the file) says where to look.

// No decimals here, only places and counts in a sheet of bounded size (`read::MAX_CELLS`).
#![allow(clippy::arithmetic_side_effects)]

use super::layout::ProblemKind;
use crate::diagnostics::{Code, Diagnostic, Label};
use crate::i18n::{Arg, Message};
use crate::msg;
use crate::source::Span;

/// A problem reading a table's data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DataError {
    /// The file cannot be read or parsed.
    Unreadable {
        span: Span,
        file: String,
        reason: Message,
    },
    /// The header lacks a column the table needs.
    MissingColumn {
        span: Span,
        file: String,
        column: String,
        found: Vec<String>,
    },
    /// A cell holds a character a reader cannot see (`source::Hidden`).
    Hidden {
        span: Span,
        /// `收入决算表!B7`.
        place: String,
        kind: crate::source::Hidden,
        char: char,
    },
    /// The report's `字体` names a file that may not be read.
    Font {
        span: Span,
        file: String,
        reason: Message,
    },
    /// A cell of a number column is not a number.
    BadNumber {
        span: Span,
        place: String,
        value: String,
        why: Why,
    },
    /// A part of the sheet that is not part of the table as the reader understands it.
    Layout {
        span: Span,
        place: String,
        problem: ProblemKind,
    },
    /// A two-sided sheet read without `侧`, or with one that names no side.
    Side {
        span: Span,
        file: String,
        sides: Vec<String>,
        wanted: Option<String>,
    },
    /// The caption's 编制单位 is not the report's 单位.
    OtherEntity {
        span: Span,
        file: String,
        entity: String,
        found: String,
    },
    /// Something of the sheet that the table does not read.
    NotRead {
        span: Span,
        place: String,
        what: Unread,
    },
    /// A row written in the document of a table read from a file that does not fit it.
    Written {
        span: Span,
        file: String,
        problem: Written,
    },
    /// An amount with more decimals than the column shows (not float noise).
    Precise {
        span: Span,
        place: String,
        value: String,
    },
}

/// Why a cell is not a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Why {
    /// Words, or digits written in a way that could be misread (`1_000`, `12 34`).
    Text,
    /// A comma that does not group thousands (`836,78`).
    Grouping,
    /// A date (with the serial number Excel stores it as).
    Date(Option<f64>),
    /// A formula whose value was never saved.
    NoValue,
    /// An error value (`#DIV/0!`).
    ErrorValue,
    /// Beyond the range of a decimal.
    TooLarge,
    /// A number in a column of rates that does not say it is a percentage.
    RateWithoutPercent,
}

impl Eq for Why {}

/// How a row written in the document does not fit the file's rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Written {
    /// The file has no row with its key.
    NoRow,
    /// The file has several (subtotals).
    SeveralRows,
    /// A cell that does not name its column.
    Unnamed,
    /// The file gives this column of the row already.
    InFile(String),
}

/// What of a sheet is not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unread {
    /// A column with amounts that no column of the table reads (its header words).
    Column(String),
}

impl DataError {
    /// The wording of this error as a diagnostic.
    pub(crate) fn to_diagnostic(&self) -> Diagnostic {
        match self {
            DataError::Unreadable { span, file, reason } => Diagnostic::new(
                Code::DataFile,
                msg!("J0502-unreadable", file = file, reason = reason),
                Label::new(*span, msg!("data-named-here")),
            )
            .with_help(msg!("J0502-unreadable.help")),
            DataError::Hidden {
                span,
                place,
                kind,
                char,
            } => Diagnostic::new(
                Code::HiddenCharacter,
                msg!(
                    "J0406-in-cell",
                    place = place,
                    kind = hidden_words(*kind),
                    code = format!("{:04X}", u32::from(*char)),
                ),
                Label::new(*span, msg!("data-in-this-cell")),
            )
            .with_help(msg!("J0406-in-cell.help")),
            DataError::Font { span, file, reason } => Diagnostic::new(
                Code::FontFile,
                msg!("J0503-unusable", file = file, reason = reason),
                Label::new(*span, msg!("data-named-here")),
            )
            .with_help(msg!("J0503-unusable.help")),
            DataError::MissingColumn {
                span,
                file,
                column,
                found,
            } => Diagnostic::new(
                Code::DataFile,
                msg!("J0502-no-column", file = file, column = column),
                Label::new(*span, msg!("J0502-no-column.label", column = column)),
            )
            .with_help(if found.is_empty() {
                msg!("J0502-no-column.help-none")
            } else {
                msg!(
                    "J0502-no-column.help",
                    found = Arg::list(found),
                    column = column
                )
            }),
            DataError::BadNumber {
                span,
                place,
                value,
                why,
            } => {
                let (message, help) = number_words(place, value, *why);
                Diagnostic::new(
                    Code::DataFile,
                    message,
                    Label::new(*span, msg!("data-in-this-cell")),
                )
                .with_help(help)
            }
            DataError::Layout {
                span,
                place,
                problem,
            } => {
                let (message, label, help) = layout_words(place, problem);
                Diagnostic::new(Code::DataFile, message, Label::new(*span, label)).with_help(help)
            }
            DataError::Side {
                span,
                file,
                sides,
                wanted,
            } => {
                // The sides' labels are Chinese words, joined as Chinese joins them.
                let names = sides.join("、");
                let message = match wanted {
                    Some(w) if sides.len() > 1 => {
                        msg!("J0502-no-side", file = file, side = w, sides = names)
                    }
                    Some(_) => msg!("J0502-one-side", file = file),
                    None => msg!("J0502-two-sides", file = file, sides = names),
                };
                let first = sides.first().map_or("收入", String::as_str);
                Diagnostic::new(
                    Code::DataFile,
                    message,
                    Label::new(*span, msg!("data-read-here")),
                )
                .with_help(msg!("J0502-two-sides.help", first = first))
            }
            DataError::OtherEntity {
                span,
                file,
                entity,
                found,
            } => Diagnostic::new(
                Code::OtherDepartment,
                msg!(
                    "J0506-other-entity",
                    file = file,
                    found = found,
                    entity = entity
                ),
                Label::new(*span, msg!("data-read-here")),
            )
            .with_help(msg!("J0506-other-entity.help")),
            DataError::NotRead { span, place, what } => match what {
                Unread::Column(words) => Diagnostic::new(
                    Code::NotRead,
                    msg!("J0504-column", place = place, words = words),
                    Label::new(*span, msg!("data-not-read")),
                )
                .with_help(msg!("J0504-column.help")),
            },
            DataError::Written {
                span,
                file,
                problem,
            } => {
                let (message, label, help) = match problem {
                    Written::NoRow => (
                        msg!("J0502-no-row", file = file),
                        msg!("J0502-no-row.label"),
                        msg!("J0502-no-row.help"),
                    ),
                    Written::SeveralRows => (
                        msg!("J0502-several-rows", file = file),
                        msg!("J0502-several-rows.label"),
                        msg!("J0502-several-rows.help"),
                    ),
                    Written::Unnamed => (
                        msg!("J0502-unnamed"),
                        msg!("J0502-unnamed.label"),
                        msg!("J0502-unnamed.help"),
                    ),
                    Written::InFile(column) => (
                        msg!("J0502-in-file", file = file, column = column),
                        msg!("J0502-in-file.label"),
                        msg!("J0502-in-file.help"),
                    ),
                };
                Diagnostic::new(Code::DataFile, message, Label::new(*span, label)).with_help(help)
            }
            DataError::Precise { span, place, value } => Diagnostic::new(
                Code::MorePrecise,
                msg!("J0505-more-decimals", place = place, value = value),
                Label::new(*span, msg!("J0505-more-decimals.label")),
            )
            .with_help(msg!("J0505-more-decimals.help")),
        }
    }
}

/// What kind of hidden character a cell holds, in words.
fn hidden_words(kind: crate::source::Hidden) -> Message {
    use crate::source::Hidden;
    match kind {
        Hidden::Control => msg!("hidden-control"),
        Hidden::Direction => msg!("hidden-direction"),
        Hidden::Invisible => msg!("hidden-invisible"),
        Hidden::Variant => msg!("hidden-variant"),
    }
}

/// The message and help of a cell that is not a number.
fn number_words(place: &str, value: &str, why: Why) -> (Message, Message) {
    let (message, help) = match why {
        Why::Text => (
            msg!("J0502-not-number", place = place, value = value),
            msg!("J0502-not-number.help"),
        ),
        Why::Grouping => (
            msg!("J0502-grouping", place = place, value = value),
            msg!("J0502-grouping.help", decimal = value.replace(',', ".")),
        ),
        Why::Date(serial) => (
            match serial {
                Some(s) => msg!(
                    "J0502-date-stored",
                    place = place,
                    value = value,
                    serial = s.to_string()
                ),
                None => msg!("J0502-date", place = place, value = value),
            },
            msg!("J0502-date.help"),
        ),
        Why::NoValue => (
            msg!("J0502-no-value", place = place),
            msg!("J0502-no-value.help"),
        ),
        Why::ErrorValue => (
            msg!("J0502-error-value", place = place, value = value),
            msg!("J0502-error-value.help"),
        ),
        Why::RateWithoutPercent => (
            msg!("J0502-rate", place = place, value = value),
            msg!("J0502-rate.help"),
        ),
        Why::TooLarge => (
            msg!("J0502-too-large", place = place, value = value),
            msg!("J0502-too-large.help"),
        ),
    };
    (message, help)
}

/// The message, label and help of a layout problem at `place`.
fn layout_words(place: &str, problem: &ProblemKind) -> (Message, Message, Message) {
    match problem {
        ProblemKind::NoHeader => (
            msg!("J0502-no-header", place = place),
            msg!("J0502-no-header.label"),
            msg!("J0502-no-header.help"),
        ),
        ProblemKind::NoKey => (
            msg!("J0502-no-key", place = place),
            msg!("J0502-no-key.label"),
            msg!("J0502-no-key.help"),
        ),
        ProblemKind::MergedAmounts { first_row } => (
            msg!(
                "J0502-merged-amounts",
                place = place,
                row = first_row.saturating_add(1).to_string()
            ),
            msg!("J0502-merged-amounts.label"),
            msg!("J0502-merged-amounts.help"),
        ),
        ProblemKind::CodeGap(code) => (
            msg!("J0502-code-gap", place = place, code = code),
            msg!("J0502-code-gap.label"),
            msg!("J0502-code-gap.help"),
        ),
        ProblemKind::BadCodePart(text) => (
            msg!("J0502-bad-code", place = place, text = text),
            msg!("J0502-bad-code.label"),
            msg!("J0502-bad-code.help"),
        ),
        ProblemKind::Stray(text) => (
            msg!("J0502-stray", place = place, text = text),
            msg!("data-not-read"),
            msg!("J0502-stray.help"),
        ),
        ProblemKind::Unit(unit) => (
            msg!("J0502-unit", place = place, unit = unit),
            msg!("J0502-unit.label"),
            msg!("J0502-unit.help"),
        ),
        ProblemKind::TwoColumns(column, letters) => (
            msg!(
                "J0502-two-columns",
                place = place,
                column = column,
                letters = Arg::list(letters)
            ),
            msg!("J0502-two-columns.label"),
            msg!("J0502-two-columns.help"),
        ),
    }
}
