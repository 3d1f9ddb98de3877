//! Data stage: table rows from spreadsheets. A table declared `表 名称 "标题" 来自 "data.csv"`
//! (or `.xlsx`) gets its rows from the file, by column name, before checking; the rows become
//! ordinary AST rows, so every later stage treats them like rows written in the source.
//!
//! A file's first row names its columns: the key (`编码`/`科目编码`, and `名称`/`科目名称`/`项目`)
//! and the table's input columns by name (or header label). Excel stores numbers as binary
//! floating point; a number cell is read as the shortest decimal that the float stands for
//! (what Excel shows), never computed with as a float.

// Decimals are never added with bare operators (see `src/eval/mod.rs`).
#![warn(clippy::arithmetic_side_effects)]

use crate::ast::*;
use crate::diagnostics::{Code, Diagnostic, Label};
use crate::source::Span;
use rust_decimal::Decimal;
use std::path::Path;

/// A problem reading a table's data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DataError {
    /// The file cannot be read or parsed.
    Unreadable {
        span: Span,
        file: String,
        reason: String,
    },
    /// The header row lacks a column the table needs.
    MissingColumn {
        span: Span,
        file: String,
        column: String,
        found: Vec<String>,
    },
    /// A cell holds a character a reader cannot see (`source::Hidden`).
    Hidden {
        span: Span,
        /// `data.csv, row 5, column 名称`.
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
        /// `data.xlsx, sheet 支出, row 5, column 决算数`.
        place: String,
        value: String,
    },
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
                "the path is relative to the document and stays inside its project folder; CSV (UTF-8) and XLSX files are read",
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
                Label::new(*span, "in this data file"),
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
            .with_help(format!("its header row has: {}", found.join(", "))),
            DataError::BadNumber { span, place, value } => Diagnostic::new(
                Code::DataFile,
                format!("{place}: `{value}` is not a number"),
                Label::new(*span, "in this data file"),
            )
            .with_help(
                "write the amount as digits (`836.78`, `1,149.45`), or leave the cell empty",
            ),
        }
    }
}

/// Key columns a data file may have.
const CODE_HEADERS: &[&str] = &["编码", "科目编码", "code"];
const NAME_HEADERS: &[&str] = &["名称", "科目名称", "项目", "name"];

/// Loads the rows of every table of `module` that names a data file, relative to `base`
/// and inside the project folder unless `allow_outside` (see `Recorder::confine`).
/// `templates` are the library's tables, whose columns a table without its own takes.
pub(crate) fn load(
    module: &mut Module,
    base: &Path,
    templates: &[&TableDecl],
    files: &crate::files::Recorder<'_>,
    allow_outside: bool,
) -> Vec<DataError> {
    let mut errors = Vec::new();
    for item in &mut module.items {
        let Item::Table(table) = item else { continue };
        let Some(source) = table.source.clone() else {
            continue;
        };
        let columns: Vec<Column> = if table.columns.is_empty() {
            templates
                .iter()
                .find(|t| t.name.text == table.name.text)
                .map(|t| t.columns.clone())
                .unwrap_or_default()
        } else {
            table.columns.clone()
        };
        let sheet = crate::settings::TableSetting::Sheet
            .find(&table.settings)
            .map(|s| s.value.text());
        let rows = files
            .confine(base, &source.value, allow_outside)
            .map_err(|refusal| refusal.reason().to_owned())
            .and_then(|(path, _)| read_rows(files, &path, sheet.as_deref()));
        match rows {
            Ok((sheet_name, rows)) => {
                let file = match sheet_name {
                    Some(sheet) => format!("{}, sheet {sheet}", source.value),
                    None => source.value.clone(),
                };
                table
                    .rows
                    .extend(to_rows(&rows, &columns, &file, source.span, &mut errors));
            }
            Err(reason) => {
                table.data_failed = true;
                errors.push(DataError::Unreadable {
                    span: source.span,
                    file: source.value.clone(),
                    reason,
                })
            }
        }
    }
    errors
}

/// The cells of a file as text, by row, with the name of the sheet read (for XLSX).
fn read_rows(
    files: &crate::files::Recorder<'_>,
    path: &Path,
    sheet: Option<&str>,
) -> Result<(Option<String>, Vec<Vec<String>>), String> {
    let bytes = files.read(path).map_err(|e| e.to_string())?;
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match extension.as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" => read_workbook(bytes, sheet),
        _ => read_csv(&bytes).map(|rows| (None, rows)),
    }
}

fn read_csv(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| "it is not UTF-8 text (save the CSV as UTF-8)".to_owned())?;
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| {
            r.map(|r| r.iter().map(|c| c.trim().to_owned()).collect())
                .map_err(|e| e.to_string())
        })
        .collect()
}

fn read_workbook(
    bytes: Vec<u8>,
    sheet: Option<&str>,
) -> Result<(Option<String>, Vec<Vec<String>>), String> {
    use calamine::{open_workbook_auto_from_rs, Data, Reader};
    let mut workbook =
        open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(s) if names.iter().any(|n| n == s) => s.to_owned(),
        Some(s) => {
            return Err(format!(
                "it has no sheet `{s}` (sheets: {})",
                names.join(", ")
            ))
        }
        None => names.first().cloned().ok_or("it has no sheets")?,
    };
    let range = workbook.worksheet_range(&name).map_err(|e| e.to_string())?;
    let rows = range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty => String::new(),
                    Data::String(s) => s.trim().to_owned(),
                    Data::Int(i) => i.to_string(),
                    // The shortest decimal that reads back as this float: what Excel shows.
                    Data::Float(f) => format!("{f}"),
                    Data::Bool(b) => b.to_string(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    Ok((Some(name), rows))
}

/// The AST rows of a file's cells, for a table with `columns`.
fn to_rows(
    rows: &[Vec<String>],
    columns: &[Column],
    file: &str,
    span: Span,
    errors: &mut Vec<DataError>,
) -> Vec<Row> {
    let Some((header, body)) = rows.split_first() else {
        return Vec::new();
    };
    let find = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let code_at = find(CODE_HEADERS);
    let name_at = find(NAME_HEADERS);
    if code_at.is_none() && name_at.is_none() {
        errors.push(DataError::MissingColumn {
            span,
            file: file.to_owned(),
            column: "编码 or 名称".to_owned(),
            found: header.clone(),
        });
        return Vec::new();
    }
    let mut wanted = Vec::new();
    for column in columns {
        let ColumnKind::Input(ty) = &column.kind else {
            continue;
        };
        let label = column.label.as_ref().map(|l| l.value.as_str());
        match header
            .iter()
            .position(|h| *h == column.name.text || Some(h.as_str()) == label)
        {
            Some(at) => wanted.push((column, at, ty.dotted())),
            None => errors.push(DataError::MissingColumn {
                span,
                file: file.to_owned(),
                column: column.name.text.clone(),
                found: header.clone(),
            }),
        }
    }
    let mut out = Vec::new();
    for (index, cells) in body.iter().enumerate() {
        let line = index.saturating_add(2); // the header is row 1
        for (at, value) in cells.iter().enumerate() {
            let hidden = value
                .chars()
                .find_map(|c| crate::source::Hidden::of(c).map(|kind| (kind, c)));
            if let Some((kind, char)) = hidden {
                let column = header.get(at).map_or("", String::as_str);
                errors.push(DataError::Hidden {
                    span,
                    place: format!("{file}, row {line}, column {column}"),
                    kind,
                    char,
                });
            }
        }
        let cell = |at: Option<usize>| {
            at.and_then(|a| cells.get(a))
                .map(String::as_str)
                .unwrap_or("")
        };
        let (code, name) = (cell(code_at), cell(name_at));
        if code.is_empty() && name.is_empty() {
            continue;
        }
        let text = |value: &str| Str {
            value: value.to_owned(),
            span,
        };
        let key = match (code, name) {
            ("合计" | "总计", _) | ("", "合计" | "总计") => RowKey::Total(span),
            ("小计", _) | ("", "小计") => RowKey::Subtotal(span),
            ("", label) => RowKey::Label(text(label)),
            (code, name) => RowKey::Code {
                code: code.to_owned(),
                name: (!name.is_empty()).then(|| text(name)),
                span,
            },
        };
        let mut row_cells = Vec::new();
        for (column, at, ty) in &wanted {
            let raw = cells.get(*at).map(String::as_str).unwrap_or("");
            let value = if matches!(ty.as_str(), "文本" | "text") {
                if raw.is_empty() {
                    CellValue::Empty
                } else {
                    CellValue::Text(text(raw))
                }
            } else if raw.is_empty() || raw == "-" || raw == "—" {
                CellValue::Empty
            } else {
                match parse_number(raw) {
                    Some((value, percent)) => CellValue::Number(Literal {
                        value,
                        unit: percent.then(|| Name {
                            text: "%".to_owned(),
                            span,
                        }),
                        exact: false,
                        span,
                    }),
                    None => {
                        errors.push(DataError::BadNumber {
                            span,
                            place: format!("{file}, row {line}, column {}", column.name.text),
                            value: raw.to_owned(),
                        });
                        CellValue::Empty
                    }
                }
            };
            row_cells.push(Cell {
                column: Some(column.name.clone()),
                value,
                span,
            });
        }
        out.push(Row {
            key,
            cells: row_cells,
            span,
        });
    }
    out
}

/// A number as a spreadsheet shows it (`836.78`, `1,149.45`, `-77.31`, `72.80%`), and whether
/// it was written as a percentage.
fn parse_number(raw: &str) -> Option<(Decimal, bool)> {
    let cleaned: String = raw
        .chars()
        .filter(|c| *c != ',' && !c.is_whitespace())
        .collect();
    let (digits, percent) = match cleaned.strip_suffix('%') {
        Some(d) => (d, true),
        None => (cleaned.as_str(), false),
    };
    Decimal::from_str_exact(digits).ok().map(|v| (v, percent))
}
