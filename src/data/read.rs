//! Reading a data file into a sheet of cells: a workbook (`.xlsx`, `.xls`, `.ods`) through
//! calamine, a CSV file through the csv crate after finding its encoding (UTF-8, UTF-16 or the
//! GBK/GB18030 of Excel on Chinese Windows). Every read is bounded: a workbook is refused
//! before it is unpacked when its parts would unpack to more than [`MAX_UNPACKED`], and a sheet
//! is kept as its cells, never as the rectangle from its first to its last cell, so a stray cell
//! at `XFD1048576` costs one cell.

// No decimals here, only places and counts in a sheet of bounded size (`read::MAX_CELLS`).
#![allow(clippy::arithmetic_side_effects)]

use crate::i18n::{Arg, Message};
use crate::msg;
use std::collections::BTreeMap;
use std::io::Cursor;

/// The most a workbook's parts may unpack to, in all (a zip bomb is refused unread).
pub(crate) const MAX_UNPACKED: u64 = 256 << 20;
/// The most a single part of a workbook may unpack to.
pub(crate) const MAX_PART: u64 = 64 << 20;
/// The most cells with a value a sheet may have (a 公开表 has a few thousand).
pub(crate) const MAX_CELLS: usize = 200_000;

/// What a cell holds, as the file stores it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Raw {
    Text(String),
    /// A workbook's number (binary floating point; see `number::from_float`).
    Float(f64),
    Int(i64),
    /// A date or time, as the workbook shows it, with the serial number it is stored as.
    Date {
        shown: String,
        serial: Option<f64>,
    },
    Bool(bool),
    /// An error value (`#DIV/0!`, `#REF!`).
    Error(String),
    /// A formula whose value was never computed and saved (a file written by a program).
    NoValue,
}

impl Raw {
    /// What a workbook's cell holds; `None` for an empty one (or one of white space only).
    fn of(data: calamine::Data) -> Option<Raw> {
        use calamine::Data;
        Some(match data {
            Data::Empty => return None,
            Data::String(s) if s.trim().is_empty() => return None,
            Data::String(s) => Raw::Text(s),
            Data::Int(i) => Raw::Int(i),
            Data::Float(f) => Raw::Float(f),
            Data::Bool(b) => Raw::Bool(b),
            Data::DateTime(d) => Raw::Date {
                shown: date_shown(d.as_f64(), d.is_duration()),
                serial: Some(d.as_f64()),
            },
            Data::DateTimeIso(s) | Data::DurationIso(s) => Raw::Date {
                shown: s,
                serial: None,
            },
            Data::Error(e) => Raw::Error(e.to_string()),
        })
    }

    /// The cell as the sheet's text shows it (one line).
    pub(crate) fn shown(&self) -> String {
        match self {
            Raw::Text(t) => t.replace(['\n', '\r', '\t'], " "),
            Raw::Float(f) => format!("{f}"),
            Raw::Int(i) => i.to_string(),
            Raw::Date { shown, .. } => shown.clone(),
            Raw::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
            Raw::Error(e) => e.clone(),
            Raw::NoValue => "=（公式，未保存结果）".to_owned(),
        }
    }
}

/// A block of merged cells, 0-based and inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Merge {
    pub first: (u32, u32),
    pub last: (u32, u32),
}

impl From<calamine::Dimensions> for Merge {
    fn from(d: calamine::Dimensions) -> Merge {
        Merge {
            first: d.start,
            last: d.end,
        }
    }
}

/// One sheet: its cells with a value by (row, column), 0-based, and its merged blocks.
#[derive(Debug, Default)]
pub(crate) struct Sheet {
    /// The sheet's name; empty for a CSV file.
    pub name: String,
    pub cells: BTreeMap<(u32, u32), Raw>,
    pub merges: Vec<Merge>,
}

impl Sheet {
    /// The merged block a cell lies in, if any.
    pub(crate) fn merge_at(&self, row: u32, column: u32) -> Option<Merge> {
        self.merges.iter().copied().find(|m| {
            (m.first.0..=m.last.0).contains(&row) && (m.first.1..=m.last.1).contains(&column)
        })
    }

    /// The cell's value, or for a cell inside a merged block the value of the block.
    pub(crate) fn merged(&self, row: u32, column: u32) -> Option<&Raw> {
        match self.cells.get(&(row, column)) {
            Some(raw) => Some(raw),
            None => {
                let m = self.merge_at(row, column)?;
                self.cells.get(&m.first)
            }
        }
    }
}

/// Why a file could not be read (the words go into J0502's message).
pub(crate) type Refused = Message;

/// A workbook the reader cannot open, with the reader's words.
fn not_workbook(error: impl std::fmt::Display) -> Refused {
    msg!("data-reason-not-workbook", error = error.to_string())
}

/// The sheet named `wanted` (or the first) of a data file's bytes, by what the bytes are: a zip
/// (xlsx, ods), an OLE file (xls), else text (CSV).
pub(crate) fn sheet(bytes: Vec<u8>, wanted: Option<&str>) -> Result<Sheet, Refused> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        check_unpacked(&bytes)?;
        if is_xlsx(&bytes) {
            return xlsx(bytes, wanted);
        }
        return workbook(bytes, wanted);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return workbook(bytes, wanted);
    }
    if let Some(name) = wanted {
        return Err(msg!("data-reason-csv-no-sheet", sheet = name));
    }
    csv(&bytes)
}

/// The names of a workbook's sheets, in order (a CSV file has one, without a name).
pub(crate) fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, Refused> {
    use calamine::{open_workbook_auto_from_rs, Reader};
    let zip = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06");
    let ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    if !zip && !ole {
        return Ok(vec![String::new()]);
    }
    if zip {
        check_unpacked(bytes)?;
    }
    let workbook = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(not_workbook)?;
    Ok(workbook.sheet_names())
}

/// Refuses a zip whose parts say they unpack to more than the limits (a zip bomb). The zip
/// reader stops any part that unpacks to more than it says, so what is said is what is read.
fn check_unpacked(bytes: &[u8]) -> Result<(), Refused> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(not_workbook)?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let part = archive.by_index_raw(i).map_err(not_workbook)?;
        if part.size() > MAX_PART {
            return Err(msg!(
                "data-reason-part-too-large",
                part = part.name().unwrap_or_default().into_owned(),
                size = megabytes(part.size()),
                limit = megabytes(MAX_PART),
            ));
        }
        total = total.saturating_add(part.size());
    }
    if total > MAX_UNPACKED {
        return Err(msg!(
            "data-reason-too-large",
            size = megabytes(total),
            limit = megabytes(MAX_UNPACKED),
        ));
    }
    Ok(())
}

/// Whole megabytes (MiB) in `bytes`, as messages count them.
fn megabytes(bytes: u64) -> usize {
    usize::try_from(bytes >> 20).unwrap_or(usize::MAX)
}

fn is_xlsx(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes)).is_ok_and(|mut a| a.by_name("xl/workbook.xml").is_ok())
}

/// Whether the workbook asks to compute every formula when it is opened
/// (`<calcPr fullCalcOnLoad="1"/>`): a file written by a program that stores formulas without
/// computing them, whose saved results (0, or whatever it wrote) are not the formulas' values.
/// Excel and WPS compute formulas before they save and do not write this.
fn formulas_uncomputed(bytes: &[u8]) -> bool {
    use std::io::Read;
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return false;
    };
    let Ok(part) = archive.by_name("xl/workbook.xml") else {
        return false;
    };
    let mut xml = String::new();
    if part.take(MAX_PART).read_to_string(&mut xml).is_err() {
        return false;
    }
    xml.split("<calcPr").nth(1).is_some_and(|rest| {
        let element = rest.split('>').next().unwrap_or("");
        element.contains("fullCalcOnLoad=\"1\"") || element.contains("fullCalcOnLoad=\"true\"")
    })
}

fn pick(names: &[String], wanted: Option<&str>) -> Result<String, Refused> {
    match wanted {
        Some(s) if names.iter().any(|n| n == s) => Ok(s.to_owned()),
        Some(s) => Err(msg!(
            "data-reason-no-sheet",
            sheet = s,
            sheets = Arg::list(names)
        )),
        None => names
            .first()
            .cloned()
            .ok_or_else(|| msg!("data-reason-no-sheets")),
    }
}

fn too_many() -> Refused {
    msg!("data-reason-too-many-cells", limit = MAX_CELLS)
}

/// A sheet the reader opened but cannot read, with the reader's words.
fn bad_sheet(name: &str) -> impl Fn(calamine::XlsxError) -> Refused + '_ {
    move |error| {
        msg!(
            "data-reason-bad-sheet",
            sheet = name,
            error = error.to_string()
        )
    }
}

/// An xlsx sheet, read cell by cell.
fn xlsx(bytes: Vec<u8>, wanted: Option<&str>) -> Result<Sheet, Refused> {
    use calamine::{Reader, Xlsx};
    let uncomputed = formulas_uncomputed(&bytes);
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(not_workbook)?;
    let name = pick(&workbook.sheet_names(), wanted)?;
    let merges = workbook
        .merge_cells_by_sheet_name(&name)
        .map_err(bad_sheet(&name))?
        .into_iter()
        .map(Merge::from)
        .collect();
    let mut sheet = Sheet {
        name: name.clone(),
        merges,
        ..Sheet::default()
    };
    let mut reader = workbook
        .worksheet_cells_reader(&name)
        .map_err(bad_sheet(&name))?;
    while let Some(cell) = reader
        .next_cell_with_formula_metadata()
        .map_err(bad_sheet(&name))?
    {
        let formula = cell.formula.is_some();
        let raw = match Raw::of(calamine::Data::from(cell.value)) {
            _ if uncomputed && formula => Raw::NoValue,
            None if formula => Raw::NoValue,
            None => continue,
            Some(raw) => raw,
        };
        sheet.cells.insert(cell.pos, raw);
        if sheet.cells.len() > MAX_CELLS {
            return Err(too_many());
        }
    }
    Ok(sheet)
}

/// An xls or ods sheet. calamine reads these whole; an xls sheet is at most 65,536 × 256.
fn workbook(bytes: Vec<u8>, wanted: Option<&str>) -> Result<Sheet, Refused> {
    use calamine::{open_workbook_auto_from_rs, Reader};
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(not_workbook)?;
    let name = pick(&workbook.sheet_names(), wanted)?;
    let range = workbook.worksheet_range(&name).map_err(|error| {
        msg!(
            "data-reason-bad-sheet",
            sheet = &name,
            error = error.to_string()
        )
    })?;
    let merges = match &mut workbook {
        calamine::Sheets::Xls(xls) => xls.merge_cells_by_sheet_name(&name).unwrap_or_default(),
        _ => Vec::new(),
    }
    .into_iter()
    .map(Merge::from)
    .collect();
    let mut sheet = Sheet {
        name,
        merges,
        ..Sheet::default()
    };
    let (start_row, start_column) = range.start().unwrap_or((0, 0));
    for (row, column, cell) in range.used_cells() {
        let Some(raw) = Raw::of(cell.clone()) else {
            continue;
        };
        let at = (
            start_row.saturating_add(u32::try_from(row).unwrap_or(u32::MAX)),
            start_column.saturating_add(u32::try_from(column).unwrap_or(u32::MAX)),
        );
        sheet.cells.insert(at, raw);
        if sheet.cells.len() > MAX_CELLS {
            return Err(too_many());
        }
    }
    Ok(sheet)
}

/// A date serial as Excel shows it by default (`2019-12-31`), or the serial itself for a
/// duration or a date out of range.
fn date_shown(serial: f64, duration: bool) -> String {
    if duration || !(1.0..2_958_466.0).contains(&serial) {
        return format!("{serial}");
    }
    // Days since 1899-12-30 (Excel's day 0, counting its 1900 leap-year mistake).
    let days = serial.floor() as i64;
    let (y, m, d) = civil_from_days(days.saturating_sub(25_569));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The calendar date of a day count from 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z.saturating_add(719_468);
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// A CSV file's text, in the encoding found from its bytes.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, &'static str), Refused> {
    use encoding_rs::{GB18030, UTF_16BE, UTF_16LE, UTF_8};
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let rest = bytes.get(bom..).unwrap_or(&[]);
        let text = encoding
            .decode_without_bom_handling_and_without_replacement(rest)
            .ok_or_else(|| msg!("data-reason-bad-text", encoding = encoding.name()))?;
        let name = if encoding == UTF_8 {
            "UTF-8"
        } else if encoding == UTF_16LE {
            "UTF-16LE"
        } else if encoding == UTF_16BE {
            "UTF-16BE"
        } else {
            "UTF-8"
        };
        return Ok((text.into_owned(), name));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), "UTF-8"));
    }
    // Excel on Chinese Windows saves CSV in the system code page, GBK; GB18030 reads GBK and
    // more, and refuses bytes that are neither.
    match GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok((text.into_owned(), "GB18030")),
        None => Err(msg!("data-reason-encoding")),
    }
}

/// A CSV file as a sheet: a record is a row.
fn csv(bytes: &[u8]) -> Result<Sheet, Refused> {
    let (text, _) = decode(bytes)?;
    if let Some(row) = open_quote(&text) {
        return Err(msg!("data-reason-open-quote", row = row.to_string()));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut sheet = Sheet::default();
    for (row, record) in reader.records().enumerate() {
        let record = record.map_err(|e| msg!("data-reason-bad-csv", error = e.to_string()))?;
        let row = u32::try_from(row).map_err(|_| too_many())?;
        for (column, cell) in record.iter().enumerate() {
            // Leading white space is kept as a workbook cell keeps it: an indented name
            // (`　　公务用车运行维护费`) is one more part under a `其中：` row.
            let cell = cell.trim_end_matches(|c: char| c.is_whitespace());
            if cell.trim_start().is_empty() {
                continue;
            }
            let column = u32::try_from(column).map_err(|_| too_many())?;
            sheet
                .cells
                .insert((row, column), Raw::Text(cell.to_owned()));
            if sheet.cells.len() > MAX_CELLS {
                return Err(too_many());
            }
        }
    }
    Ok(sheet)
}

/// The 1-based row of a quote that opens a cell and is never closed.
fn open_quote(text: &str) -> Option<usize> {
    let mut row = 1;
    let mut opened = None;
    let mut at_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (opened, c) {
            (None, '"') if at_start => opened = Some(row),
            (Some(_), '"') => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    opened = None;
                }
            }
            (_, '\n') => {
                row += 1;
                if opened.is_none() {
                    at_start = true;
                    continue;
                }
            }
            _ => {}
        }
        at_start = opened.is_none() && c == ',';
    }
    opened
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_encoding() {
        let (gbk, _, _) = encoding_rs::GBK.encode("编码,名称\n201,一般公共服务支出\n");
        assert_eq!(
            decode(&gbk).unwrap(),
            ("编码,名称\n201,一般公共服务支出\n".to_owned(), "GB18030")
        );
        assert_eq!(decode("合计".as_bytes()).unwrap().1, "UTF-8");
        assert_eq!(
            decode(b"\xef\xbb\xbf\xe5\x90\x88").unwrap(),
            ("合".to_owned(), "UTF-8")
        );
        assert_eq!(
            decode(b"\xff\xfe\x08\x54").unwrap(),
            ("合".to_owned(), "UTF-16LE")
        );
        assert!(decode(&[0x81, 0x20, 0xff]).is_err());
    }

    #[test]
    fn an_unclosed_quote_is_found() {
        assert_eq!(open_quote("a,b\n\"c,d\n1,2\n"), Some(2));
        assert_eq!(open_quote("a,\"b\"\"c\"\n\"x\ny\",2\n"), None);
        assert_eq!(open_quote("a,b\"c\n"), None);
    }

    #[test]
    fn dates_are_shown_as_excel_shows_them() {
        assert_eq!(date_shown(43830.0, false), "2019-12-31");
        assert_eq!(date_shown(25569.0, false), "1970-01-01");
    }
}
