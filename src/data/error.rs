//! The problems of reading a data file, as diagnostics. Each names the cell
//! (`收入支出决算总表!C12`) in its words as well as by its place, so the short format (which
//! shows only the file) says where to look.

// No decimals here, only places and counts in a sheet of bounded size (`read::MAX_CELLS`).
#![allow(clippy::arithmetic_side_effects)]

use super::layout::ProblemKind;
use crate::diagnostics::{Code, Diagnostic, Label};
use crate::source::Span;

/// A problem reading a table's data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DataError {
    /// The file cannot be read or parsed.
    Unreadable {
        span: Span,
        file: String,
        reason: String,
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
        reason: &'static str,
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
                format!("cannot read the data file `{file}`: {reason}"),
                Label::new(*span, "named here"),
            )
            .with_help(
                "the path is relative to the document and stays inside its project folder; workbooks (.xlsx, .xls, .ods) and CSV files (UTF-8 or GBK) are read",
            ),
            DataError::Hidden {
                span,
                place,
                kind,
                char,
            } => Diagnostic::new(
                Code::HiddenCharacter,
                format!(
                    "{place}: {} (U+{:04X}): what is shown is not what is checked",
                    kind.describe(),
                    u32::from(*char)
                ),
                Label::new(*span, "in this cell"),
            )
            .with_help("delete it in the workbook: retype the cell"),
            DataError::Font { span, file, reason } => Diagnostic::new(
                Code::FontFile,
                format!("cannot use the font `{file}`: {reason}"),
                Label::new(*span, "named here"),
            )
            .with_help(
                "name a font file inside the project, a family (`宋体`, `黑体`), or use `--font`",
            ),
            DataError::MissingColumn {
                span,
                file,
                column,
                found,
            } => Diagnostic::new(
                Code::DataFile,
                format!("the data file `{file}` has no column `{column}`"),
                Label::new(*span, format!("no column `{column}`")),
            )
            .with_help(if found.is_empty() {
                "its header names no columns of amounts".to_owned()
            } else {
                format!(
                    "its columns of amounts are: {}; if one of them is `{column}` by another name, give the column that header as its label (`{column} \"表头\": 金额`)",
                    found.join(", ")
                )
            }),
            DataError::BadNumber {
                span,
                place,
                value,
                why,
            } => {
                let (message, help) = match why {
                    Why::Text => (
                        format!("{place}: `{value}` is not a number"),
                        "write the amount as digits (`836.78`, `1,149.45`), or leave the cell empty".to_owned(),
                    ),
                    Why::Grouping => (
                        format!("{place}: `{value}` is not a number: its comma does not separate thousands"),
                        format!("if it is {}, write a decimal point; thousands are grouped by threes (`1,149.45`)", value.replace(',', ".")),
                    ),
                    Why::Date(serial) => (
                        format!(
                            "{place}: the amount is a date (`{value}`{}), not a number",
                            serial.map_or(String::new(), |s| format!(", stored as {s}"))
                        ),
                        "the cell is formatted as a date in the workbook: format it as a number and check its value".to_owned(),
                    ),
                    Why::NoValue => (
                        format!("{place}: a formula whose result was never saved"),
                        "the file was written by a program that did not compute its formulas: open it in Excel or WPS and save it, or write the amount".to_owned(),
                    ),
                    Why::ErrorValue => (
                        format!("{place}: the cell holds the error `{value}`, not an amount"),
                        "correct the formula in the workbook".to_owned(),
                    ),
                    Why::RateWithoutPercent => (
                        format!("{place}: `{value}` in a column of rates does not say whether it is per cent"),
                        "write the rate with `%` (`72.80%`), or give its column a header in per cent (`完成率（%）`): a percentage cell of Excel stores 72.80% as 0.728".to_owned(),
                    ),
                    Why::TooLarge => (
                        format!("{place}: `{value}` is beyond the range of an amount"),
                        "check the cell in the workbook".to_owned(),
                    ),
                };
                Diagnostic::new(Code::DataFile, message, Label::new(*span, "in this cell"))
                    .with_help(help)
            }
            DataError::Layout {
                span,
                place,
                problem,
            } => {
                let (message, label, help) = layout_words(problem);
                Diagnostic::new(Code::DataFile, format!("{place}: {message}"), Label::new(*span, label))
                    .with_help(help)
            }
            DataError::Side {
                span,
                file,
                sides,
                wanted,
            } => {
                let names = sides.join("、");
                let message = match wanted {
                    Some(w) if sides.len() > 1 => format!("the sheet of `{file}` has no side `{w}` (its sides: {names})"),
                    Some(_) => format!("the sheet of `{file}` has one side: `侧` chooses between two"),
                    None => format!("the sheet of `{file}` has two sides ({names}): which does this table read?"),
                };
                Diagnostic::new(Code::DataFile, message, Label::new(*span, "read here"))
                    .with_help(format!(
                        "write `侧 {}` in the table (or `侧 左`, `侧 右`); each side is a table of its own",
                        sides.first().map_or("收入", String::as_str)
                    ))
            }
            DataError::OtherEntity {
                span,
                file,
                entity,
                found,
            } => Diagnostic::new(
                Code::OtherDepartment,
                format!("`{file}` is the workbook of 编制单位 `{found}`, but the report is of `{entity}`"),
                Label::new(*span, "read here"),
            )
            .with_help("check that this is the department's own workbook; if the names differ only in wording, make the report's 单位 the workbook's"),
            DataError::NotRead { span, place, what } => match what {
                Unread::Column(words) => Diagnostic::new(
                    Code::NotRead,
                    format!("{place}: the column `{words}` has amounts, but the table has no column that reads it"),
                    Label::new(*span, "not read"),
                )
                .with_help("add the column to the table (`列 …`), with the header's words as its name or label; or delete it from the file"),
            },
            DataError::Written {
                span,
                file,
                problem,
            } => {
                let (message, label, help) = match problem {
                    Written::NoRow => (
                        format!("`{file}` has no row with this key"),
                        "not in the file",
                        "a row written in a table read from a file adds to a row of the file (its `说明`); write the row in the file".to_owned(),
                    ),
                    Written::SeveralRows => (
                        format!("`{file}` has several rows with this key"),
                        "which one?",
                        "name the row by its code".to_owned(),
                    ),
                    Written::Unnamed => (
                        "a cell added to a row of the file names its column".to_owned(),
                        "which column?",
                        "write it as `说明=\"…\"`".to_owned(),
                    ),
                    Written::InFile(column) => (
                        format!("`{file}` gives this row's `{column}` already"),
                        "given twice",
                        "change the amount in the workbook, not in the document".to_owned(),
                    ),
                };
                Diagnostic::new(Code::DataFile, message, Label::new(*span, label)).with_help(help)
            }
            DataError::Precise { span, place, value } => Diagnostic::new(
                Code::MorePrecise,
                format!("{place}: the amount `{value}` has more decimals than its column shows"),
                Label::new(*span, "more than two decimals"),
            )
            .with_help("the published table shows two decimals: round the amount in the workbook, or check the formula that makes it"),
        }
    }
}

/// The message, label and help of a layout problem.
fn layout_words(problem: &ProblemKind) -> (String, &'static str, String) {
    match problem {
        ProblemKind::NoHeader => (
            "no row of the sheet names the columns".to_owned(),
            "the table was looked for from here",
            "the header row names the key column (`科目编码`, `科目名称` or `项目`) and the columns of amounts; is this the right sheet (`工作表`)?".to_owned(),
        ),
        ProblemKind::NoKey => (
            "a row with amounts but neither a code nor a name".to_owned(),
            "whose amount is this?",
            "write the row's 科目编码 or 项目 in the workbook, or delete the row".to_owned(),
        ),
        ProblemKind::MergedAmounts { first_row } => (
            format!("two rows share the merged name of row {} and both have amounts", first_row.saturating_add(1)),
            "a second amount",
            "unmerge the name cells and name each row, or keep one row's amounts".to_owned(),
        ),
        ProblemKind::CodeGap(code) => (
            format!("the code `{code}` lacks a level (类, 款 or 项) above it"),
            "incomplete code",
            "write the 类 and 款 of every row, or its whole code".to_owned(),
        ),
        ProblemKind::BadCodePart(text) => (
            format!("`{text}` is not a classification code"),
            "not a code",
            "a code is digits: 类 three (`208`), 款 and 项 two each (`05`, `01`)".to_owned(),
        ),
        ProblemKind::Stray(text) => (
            format!("`{text}` stands outside the table's columns"),
            "not read",
            "delete it from the sheet, or give its column a header".to_owned(),
        ),
        ProblemKind::Unit(unit) => (
            format!("the caption's unit `{unit}` is not a unit of money"),
            "unknown unit",
            "write 元, 千元, 万元 or 亿元".to_owned(),
        ),
        ProblemKind::TwoColumns(column, letters) => (
            format!("the table's column `{column}` could be any of the sheet's columns {}", letters.join(", ")),
            "which one?",
            "give the table's column the whole header as its label (`合计 \"本年支出合计\"`)".to_owned(),
        ),
    }
}
