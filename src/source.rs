//! Source stage: the files of a compilation, spans into them, and line/column lookup.
//!
//! A [`Span`] is a file id and a byte range, nothing more. Lines and columns are computed only
//! when a diagnostic is rendered, from the line index each [`SourceFile`] builds once.

use std::ops::Range;

/// Identifies one file of a [`Sources`] set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// A byte range in one source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// A span of `range` in `file`. Offsets beyond `u32::MAX` are clamped: files that large are
    /// refused before parsing (see [`MAX_SOURCE_BYTES`]).
    pub fn new(file: FileId, range: Range<usize>) -> Span {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            file,
            start: clamp(range.start),
            end: clamp(range.end.max(range.start)),
        }
    }

    /// The byte range, for slicing the file's text.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The smallest span covering both `self` and `other` (same file assumed).
    pub fn to(self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// The largest source file jues reads (16 MiB); a report is tens of kilobytes.
pub const MAX_SOURCE_BYTES: usize = 16 * 1024 * 1024;

/// One source file: its display name, its text and the byte offsets where its lines start.
#[derive(Debug, Clone)]
pub struct SourceFile {
    name: String,
    text: String,
    line_starts: Vec<usize>,
    unreadable: Option<Unreadable>,
    /// The text as an excerpt shows it (see [`SourceFile::shown`]), when it differs.
    shown: std::sync::OnceLock<Option<String>>,
    /// For the text of a data file's sheet: where its lines and cells are in the sheet.
    sheet: Option<SheetPlaces>,
    /// Whether the file is one of jues's own (the standard library, `stdlib/部门决算.jues`),
    /// built into the program: its name names no file on the user's disk.
    builtin: bool,
}

/// Where the text of a sheet came from. A data file's sheet is read into a text of one line a
/// row (`A12 2080501 │ B12 行政运行 │ C12 281.85`), so that a diagnostic on a cell points at it
/// and shows it like a line of a document: its line is the sheet's row, its column the cell's.
#[derive(Debug, Clone)]
pub struct SheetPlaces {
    /// The sheet's name (`收入支出决算总表`); empty for a CSV file.
    pub sheet: String,
    /// The sheet row (1-based) of each line.
    pub rows: Vec<u32>,
    /// Each cell's text as (byte offset, 1-based column), in order of offset.
    pub cells: Vec<(u32, u32)>,
    /// The `来自` of the document that read it: editors show a sheet's findings there.
    pub origin: Span,
}

/// The letters of a spreadsheet column: 1 is `A`, 27 is `AA`.
pub fn column_name(column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// The name of a cell as a spreadsheet shows it: row 12, column 3 is `C12` (both 1-based).
pub fn cell_name(row: u32, column: u32) -> String {
    format!("{}{row}", column_name(column))
}

/// A character a reader cannot see, or one that changes how the text around it looks. jues
/// reports it in a document (J0406) and never prints it raw to a terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hidden {
    /// A control character other than tab and line ends (ESC, vertical tab, NUL …).
    Control,
    /// A bidirectional control, which reorders the characters around it on screen
    /// (`少减` between U+2066 U+202E and U+202C U+2069 is shown as 减少).
    Direction,
    /// A character that takes no room (zero-width space, joiner, soft hyphen …).
    Invisible,
    /// A variation selector or tag character: text that looks like other text.
    Variant,
}

impl Hidden {
    /// What kind of hidden character `c` is, if it is one.
    pub fn of(c: char) -> Option<Hidden> {
        match c {
            '\t' | '\n' | '\r' => None,
            '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => Some(Hidden::Control),
            '\u{61c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}' => Some(Hidden::Direction),
            '\u{ad}'
            | '\u{34f}'
            | '\u{115f}'
            | '\u{1160}'
            | '\u{17b4}'
            | '\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200d}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206a}'..='\u{206f}'
            | '\u{3164}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff9}'..='\u{fffb}' => Some(Hidden::Invisible),
            '\u{fe00}'..='\u{fe0f}' | '\u{e0000}'..='\u{e007f}' | '\u{e0100}'..='\u{e01ef}' => {
                Some(Hidden::Variant)
            }
            _ => None,
        }
    }

    /// Whether the UTF-8 text at the start of `bytes` may be a hidden character: a cheap test
    /// on its first bytes, true for every character [`Hidden::of`] names (and a few others),
    /// false for the Chinese characters and punctuation that make up most of a report.
    pub fn may_start(bytes: &[u8]) -> bool {
        Hidden::may_lead(bytes.first().copied().unwrap_or(0)) && Hidden::may_start_with(bytes)
    }

    /// Whether a byte may be the first of a hidden character (the first test of
    /// [`Hidden::may_start`], on one byte).
    const fn may_lead(byte: u8) -> bool {
        byte < 0x20
            || matches!(
                byte,
                0x7f | 0xc2 | 0xcd | 0xd8 | 0xe1 | 0xe2 | 0xe3 | 0xef | 0xf3
            )
    }

    fn may_start_with(bytes: &[u8]) -> bool {
        let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
        match at(0) {
            0x00..=0x08 | 0x0b | 0x0c | 0x0e..=0x1f | 0x7f => true,
            0xc2 | 0xcd | 0xd8 | 0xe1 | 0xf3 => true,
            // U+200B–U+200F, U+202A–U+202E, U+2060–U+206F
            0xe2 => {
                matches!((at(1), at(2)), (0x80, 0x8b..=0x8f | 0xaa..=0xae) | (0x81, 0xa0..=0xaf))
            }
            // U+3164
            0xe3 => at(1) == 0x85,
            // U+FE00–U+FE0F, U+FEFF, U+FFA0, U+FFF9–U+FFFB
            0xef => matches!(at(1), 0xb8 | 0xbb | 0xbe | 0xbf),
            _ => false,
        }
    }

    /// What the character does, in a message.
    pub fn describe(self) -> &'static str {
        match self {
            Hidden::Control => "a control character",
            Hidden::Direction => "a character that changes the reading direction",
            Hidden::Invisible => "an invisible character",
            Hidden::Variant => "a variation selector or tag character, which makes look-alike text",
        }
    }
}

/// The offsets and characters of the hidden characters in `text`. The text is scanned a byte
/// at a time for one that may start one ([`LEADS`]); only there is a character decoded. The
/// text is mostly Chinese, whose characters start with other bytes.
pub fn hidden_at(text: &str) -> impl Iterator<Item = (usize, char, Hidden)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(offset) = bytes.get(at..)?.iter().position(|&b| LEADS[usize::from(b)]) {
            let here = at + offset;
            // A lead byte never continues a character, so the next one is after this byte.
            at = here + 1;
            if bytes.get(here..).is_some_and(Hidden::may_start_with) {
                let c = text.get(here..).and_then(|t| t.chars().next());
                if let Some(found) = c.and_then(|c| Some((here, c, Hidden::of(c)?))) {
                    return Some(found);
                }
            }
        }
        at = bytes.len();
        None
    })
}

/// The bytes that may start a hidden character ([`Hidden::may_lead`]), as a table, less the
/// tab and the line ends, which are never hidden.
static LEADS: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = Hidden::may_lead(b as u8) && !matches!(b, 0x09 | 0x0a | 0x0d);
        b += 1;
    }
    table
};

/// Whether the byte at `i` of `bytes` is a lone `\r` (an old Mac line end, not the first half
/// of `\r\n`): the one rule by which the line index, excerpts and the formatter end a line
/// there, as the grammar's NEWLINE does.
pub fn is_lone_cr(bytes: &[u8], i: usize) -> bool {
    bytes.get(i) == Some(&b'\r') && bytes.get(i.saturating_add(1)) != Some(&b'\n')
}

/// `text` with every hidden character written as `\u{…}`: how messages print text taken
/// from a document or a data file, so that no escape sequence reaches the terminal.
pub fn escaped(text: &str) -> std::borrow::Cow<'_, str> {
    if hidden_at(text).next().is_none() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match Hidden::of(c) {
            Some(_) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            None => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Why a file's bytes are not a jues document; its text is then a lossy rendering, or the text
/// as another encoding reads it (see [`decode`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// Byte offset (in that text) of the first problem.
    pub offset: usize,
    /// Why, in words: "it is not UTF-8 text …" (in `syntax.ftl`).
    pub reason: crate::i18n::Message,
    /// What to do about it.
    pub help: crate::i18n::Message,
}

/// Why a text that is valid UTF-8 is still not read as a document: it is too large, or it
/// holds a NUL byte (a binary file). The one rule, for the compiler and the formatter.
pub fn unreadable_text(text: &str) -> Option<Unreadable> {
    too_large(text.len()).or_else(|| {
        text.find('\0').map(|offset| Unreadable {
            offset,
            reason: crate::msg!("syntax-unreadable-nul"),
            help: crate::msg!("syntax-unreadable-nul.help"),
        })
    })
}

fn too_large(len: usize) -> Option<Unreadable> {
    (len > MAX_SOURCE_BYTES).then(|| Unreadable {
        offset: 0,
        reason: crate::msg!(
            "syntax-unreadable-too-large",
            size = len,
            max = MAX_SOURCE_BYTES
        ),
        help: crate::msg!("syntax-unreadable-too-large.help"),
    })
}

/// Checks that `bytes` are a readable document: UTF-8, no NUL byte, not too large.
/// Returns the text (lossy when unreadable) and the problem, if any.
///
/// A document saved in another encoding, as Windows editors save text (记事本's "ANSI" is GBK
/// on Chinese Windows, its "Unicode" UTF-16), is not read either: which encoding a file is in
/// cannot be known from its bytes, and a wrong guess would publish garbled text. But the
/// problem names the encoding whose reading has no error, and the text is that reading, so
/// that the excerpt shows the line as its author sees it.
pub fn decode(bytes: &[u8]) -> (String, Option<Unreadable>) {
    if let Some(problem) = too_large(bytes.len()) {
        return (String::new(), Some(problem));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), unreadable_text(text)),
        Err(e) => {
            let valid = e.valid_up_to();
            if let Some((text, offset, encoding)) = other_encoding(bytes, valid) {
                let problem = Unreadable {
                    offset,
                    reason: crate::msg!("syntax-unreadable-encoding", encoding = encoding),
                    help: crate::msg!("syntax-unreadable-encoding.help"),
                };
                return (text, Some(problem));
            }
            let problem = Unreadable {
                offset: valid,
                reason: crate::msg!("syntax-unreadable-not-utf8", offset = valid),
                help: crate::msg!("syntax-unreadable-not-utf8.help"),
            };
            (String::from_utf8_lossy(bytes).into_owned(), Some(problem))
        }
    }
}

/// `bytes`, not UTF-8 from byte `valid` on, read without an error as UTF-16 (after its byte
/// order mark) or GB18030 (which reads GBK and GB2312): the text, the offset in it of the first
/// character that is not ASCII (of the whole file for UTF-16), and the encoding's name as users
/// know it.
fn other_encoding(bytes: &[u8], valid: usize) -> Option<(String, usize, &'static str)> {
    use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        if encoding == UTF_16LE || encoding == UTF_16BE {
            let text = encoding
                .decode_without_bom_handling_and_without_replacement(&bytes[bom..])?
                .into_owned();
            return Some((text, 0, "UTF-16"));
        }
    }
    let text = GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)?
        .into_owned();
    // The valid part of the bytes reads alike in both when it is ASCII.
    let offset = if bytes[..valid].is_ascii() { valid } else { 0 };
    Some((text, offset, "GBK"))
}

impl SourceFile {
    /// A file from its name (as shown in diagnostics) and its text.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let text = text.into();
        // A line ends at `\n`, `\r\n` or a lone `\r`, as the grammar's NEWLINE has it.
        let bytes = text.as_bytes();
        let line_starts = std::iter::once(0)
            .chain(
                bytes
                    .iter()
                    .enumerate()
                    .filter(|&(i, &b)| b == b'\n' || is_lone_cr(bytes, i))
                    .map(|(i, _)| i + 1),
            )
            .collect();
        SourceFile {
            name: name.into(),
            text,
            line_starts,
            unreadable: None,
            shown: std::sync::OnceLock::new(),
            sheet: None,
            builtin: false,
        }
    }

    /// The text of a sheet (see [`SheetPlaces`]).
    pub fn sheet(
        name: impl Into<String>,
        text: impl Into<String>,
        places: SheetPlaces,
    ) -> SourceFile {
        let mut file = SourceFile::new(name, text);
        file.sheet = Some(places);
        file
    }

    /// Whether the file is built into jues (the standard library), not read from the disk.
    pub fn is_builtin(&self) -> bool {
        self.builtin
    }

    /// Where this text came from, when it is a sheet's.
    pub fn sheet_places(&self) -> Option<&SheetPlaces> {
        self.sheet.as_ref()
    }

    /// The cell at a byte offset of a sheet's text, as `收入支出决算总表!C12`.
    pub fn cell_at(&self, offset: usize) -> Option<String> {
        let places = self.sheet.as_ref()?;
        let (row, column) = self.line_col(offset);
        let cell = cell_name(u32::try_from(row).ok()?, u32::try_from(column).ok()?);
        Some(if places.sheet.is_empty() {
            cell
        } else {
            format!("{}!{cell}", places.sheet)
        })
    }

    /// The 1-based number a line is shown with: its line number, or for a sheet its row.
    pub fn line_number(&self, line_index: usize) -> usize {
        match &self.sheet {
            Some(places) => places
                .rows
                .get(line_index)
                .map_or(line_index + 1, |&row| row as usize),
            None => line_index + 1,
        }
    }

    /// A file from raw bytes, which may turn out not to be readable text (see [`decode`]).
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> SourceFile {
        let (text, unreadable) = decode(bytes);
        let mut file = SourceFile::new(name, text);
        file.unreadable = unreadable;
        file
    }

    /// Why the file's bytes are not a readable document, if they are not.
    pub fn unreadable(&self) -> Option<&Unreadable> {
        self.unreadable.as_ref()
    }

    /// The name shown in diagnostics (usually the path as given on the command line).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The full text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Byte offsets of line starts (the first is 0).
    pub fn line_starts(&self) -> &[usize] {
        &self.line_starts
    }

    /// The text under `span`, or "" if the span does not fit the file.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// 0-based line index of a byte offset.
    pub fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    /// The text as a source excerpt shows it on a terminal: a lone `\r` ends its line as
    /// `\n` does, and each hidden character ([`Hidden`]) is shown as `�` (or `?` for each of
    /// its bytes when it is not three bytes long). Byte for byte the same length, so every
    /// span points at the same place.
    pub fn shown(&self) -> &str {
        let shown = self.shown.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let differs = hidden_at(&self.text).next().is_some()
                || (0..bytes.len()).any(|i| is_lone_cr(bytes, i));
            differs.then(|| {
                let mut out = String::with_capacity(self.text.len());
                for (i, c) in self.text.char_indices() {
                    if is_lone_cr(bytes, i) {
                        out.push('\n');
                    } else if Hidden::of(c).is_none() {
                        out.push(c);
                    } else if c.len_utf8() == '\u{fffd}'.len_utf8() {
                        out.push('\u{fffd}');
                    } else {
                        out.extend(std::iter::repeat_n('?', c.len_utf8()));
                    }
                }
                out
            })
        });
        shown.as_deref().unwrap_or(&self.text)
    }

    /// 1-based line and column of a byte offset. Columns count Unicode scalar values, so a
    /// Chinese character is one column.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_index(offset);
        if let Some(places) = &self.sheet {
            let at = places
                .cells
                .partition_point(|&(start, _)| start as usize <= offset);
            let column = at
                .checked_sub(1)
                .and_then(|i| places.cells.get(i))
                .filter(|&&(start, _)| start as usize >= self.line_starts[line])
                .map_or(1, |&(_, column)| column as usize);
            return (self.line_number(line), column);
        }
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |prefix| prefix.chars().count());
        (line + 1, column + 1)
    }
}

/// All source files of one compilation.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    /// An empty set.
    pub fn new() -> Sources {
        Sources::default()
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(SourceFile::new(name, text));
        id
    }

    /// Adds a file of jues's own standard library (see [`SourceFile::is_builtin`]) and
    /// returns its id.
    pub fn add_builtin(&mut self, name: impl Into<String>, text: impl Into<String>) -> FileId {
        let id = self.add(name, text);
        if let Some(file) = self.files.last_mut() {
            file.builtin = true;
        }
        id
    }

    /// Adds the text of a sheet (see [`SheetPlaces`]) and returns its id.
    pub fn add_sheet(
        &mut self,
        name: impl Into<String>,
        text: impl Into<String>,
        places: SheetPlaces,
    ) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(SourceFile::sheet(name, text, places));
        id
    }

    /// Adds a file read from raw bytes (see [`SourceFile::from_bytes`]) and returns its id.
    pub fn add_bytes(&mut self, name: impl Into<String>, bytes: &[u8]) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(SourceFile::from_bytes(name, bytes));
        id
    }

    /// Moves the files of `other` after these, as they are (a sheet keeps its cells), and
    /// returns how much their ids grew by: a file `FileId(i)` of `other` is now
    /// `FileId(i + offset)`.
    pub fn append(&mut self, other: Sources) -> u32 {
        let offset = u32::try_from(self.files.len()).unwrap_or(u32::MAX);
        self.files.extend(other.files);
        offset
    }

    /// The file with this id. Ids come only from [`Sources::add`], so they are always valid.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// All files with their ids, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }

    /// How many files there are.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_in_another_encoding_is_named_and_shown_as_it_reads() {
        let text = "// 报告\n收入 = 1149.45\n本年收入合计 {收入} 万元。\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let mut utf16be = vec![0xfe, 0xff];
        utf16be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        for (bytes, encoding, offset) in [
            (&gbk[..], "GBK", 3),
            (&utf16[..], "UTF-16", 0),
            (&utf16be[..], "UTF-16", 0),
        ] {
            let (read, problem) = decode(bytes);
            assert_eq!(read, text);
            let problem = problem.expect("not read");
            assert_eq!(problem.offset, offset);
            assert_eq!(
                problem.reason,
                crate::msg!("syntax-unreadable-encoding", encoding = encoding)
            );
        }
        // Bytes that no encoding reads without an error are not UTF-8 text, shown lossily.
        let (read, problem) = decode(b"// \x80\xff\n");
        assert_eq!(read, "// \u{fffd}\u{fffd}\n");
        assert_eq!(
            problem.unwrap().reason,
            crate::msg!("syntax-unreadable-not-utf8", offset = 3)
        );
        // UTF-8 is read.
        assert_eq!(decode(text.as_bytes()), (text.to_owned(), None));
    }

    #[test]
    fn every_hidden_character_starts_with_bytes_that_may_start_one() {
        let mut buffer = [0u8; 4];
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            if Hidden::of(c).is_some() {
                let bytes = c.encode_utf8(&mut buffer).as_bytes();
                assert!(Hidden::may_start(bytes), "U+{:04X}", u32::from(c));
            }
        }
    }

    #[test]
    fn hidden_at_finds_what_a_scan_of_every_character_finds() {
        // Every hidden character, each between Chinese text, punctuation and ASCII, and at
        // both ends: the byte scan must find each at its offset, and nothing else.
        let hidden: Vec<char> = (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|c| Hidden::of(*c).is_some())
            .collect();
        let mut text = String::new();
        for (i, c) in hidden.iter().enumerate() {
            text.push(*c);
            text.push_str(["收入，", "a\t\r\n", "。「」\u{3000}", "\u{ff10}\u{3131}x"][i % 4]);
        }
        let expected: Vec<(usize, char)> = text
            .char_indices()
            .filter(|(_, c)| Hidden::of(*c).is_some())
            .collect();
        let found: Vec<(usize, char)> = hidden_at(&text).map(|(at, c, _)| (at, c)).collect();
        assert_eq!(found.len(), hidden.len());
        assert_eq!(found, expected);
    }

    #[test]
    fn a_lone_cr_ends_a_line() {
        let file = SourceFile::new("a.jues", "一\r二\r\n三\n四");
        let offsets: Vec<usize> = ["二", "三", "四"]
            .iter()
            .map(|s| file.text().find(s).unwrap())
            .collect();
        let lines: Vec<usize> = offsets.iter().map(|&o| file.line_col(o).0).collect();
        assert_eq!(lines, [2, 3, 4]);
        assert_eq!(file.shown(), "一\n二\r\n三\n四");
    }

    #[test]
    fn line_col_counts_characters() {
        let file = SourceFile::new("a.jues", "第一行\n本年收入 {x}\n");
        let brace = file.text().find('{').unwrap();
        assert_eq!(file.line_col(brace), (2, 6));
        assert_eq!(file.line_col(0), (1, 1));
        assert_eq!(file.line_col(file.text().len()), (3, 1));
    }
}
