//! Render stage: GitHub-flavoured Markdown, readable as plain text.
//!
//! Markdown reads structure into characters, so text is written by where it goes (`Place`):
//! every character that could be markup is escaped with a backslash (which a renderer drops),
//! the characters that start a block (`1.`, `- `, `+ `) only where a block starts, and what
//! Markdown has no escape for (a line break inside a block, a space at either end of a block,
//! a control character) as a character reference (`&#10;`, `&#32;`), so that every block is one
//! line and renders as exactly the characters of the document. Bold and italic are `**…**` and
//! `*…*` where CommonMark's delimiter rules are sure to read them so, and `<strong>`/`<em>`
//! elsewhere (`**“甲”**` after a letter is not bold in CommonMark). A test parses the output of
//! every case with a CommonMark parser and compares it with the document (`tests/markdown.rs`).

use crate::doc::{Block, Document, Inline, RowKind, Table};
use crate::width::width;

/// The document as Markdown.
pub fn render(document: &Document) -> String {
    let mut out = String::new();
    if !document.title.is_empty() {
        let title = Line::text(&document.title);
        out.push_str(&format!("# {}\n\n", title.write(Place::Inline)));
    }
    // The last list's marker: a list right after another one takes the other marker, so that
    // Markdown does not join the two.
    let mut last_list: Option<(bool, bool)> = None;
    for block in &document.blocks {
        let written = out.len();
        let mut this_list = None;
        match block {
            Block::Heading { level, content } => {
                let marks = "#".repeat(usize::from(*level).clamp(1, 6));
                let text = Line::inlines(content).write(Place::Inline);
                out.push_str(&format!("{marks} {text}\n\n"));
            }
            Block::Paragraph(content) => {
                let text = Line::inlines(content).write(Place::BlockStart);
                if !text.is_empty() {
                    out.push_str(&format!("{text}\n\n"));
                }
            }
            Block::List { ordered, items } if !items.is_empty() => {
                let other = last_list == Some((*ordered, false));
                this_list = Some((*ordered, other));
                for (i, item) in items.iter().enumerate() {
                    let marker = match (*ordered, other) {
                        (true, false) => format!("{}.", i + 1),
                        (true, true) => format!("{})", i + 1),
                        (false, false) => "-".to_owned(),
                        (false, true) => "+".to_owned(),
                    };
                    let text = Line::inlines(item).write(Place::BlockStart);
                    if text.is_empty() {
                        out.push_str(&format!("{marker}\n"));
                    } else {
                        out.push_str(&format!("{marker} {text}\n"));
                    }
                }
                out.push('\n');
            }
            Block::List { .. } => {}
            Block::Table(table) => out.push_str(&self::table(table, document.entity.as_deref())),
        }
        // A block that wrote nothing (an empty paragraph) does not part two lists.
        if out.len() > written {
            last_list = this_list;
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Where text is written: what Markdown would read into it there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// The start of a paragraph or a list item: `1.`, `1)`, `- `, `+ ` would start a list.
    BlockStart,
    /// Inside a line: a heading, a table cell (block markers mean nothing there).
    Inline,
}

/// A piece of a line: text to escape, or markup written as is.
#[derive(Debug)]
enum Piece {
    Text(String),
    Mark(&'static str),
}

/// One block's content, as pieces, before escaping.
#[derive(Debug, Default)]
struct Line {
    pieces: Vec<Piece>,
    /// The plain text so far (for what a soft break becomes).
    plain: String,
}

impl Line {
    fn text(text: &str) -> Line {
        let mut line = Line::default();
        line.push_text(text);
        line
    }

    fn inlines(content: &[Inline]) -> Line {
        let mut line = Line::default();
        line.push_inlines(content);
        line
    }

    fn push_text(&mut self, text: &str) {
        self.plain.push_str(text);
        match self.pieces.last_mut() {
            Some(Piece::Text(last)) => last.push_str(text),
            _ => self.pieces.push(Piece::Text(text.to_owned())),
        }
    }

    fn push_inlines(&mut self, content: &[Inline]) {
        for (i, inline) in content.iter().enumerate() {
            match inline {
                Inline::Text(text, _) => self.push_text(text),
                Inline::SoftBreak => {
                    let joint = crate::doc::soft_break(&self.plain, content, i);
                    self.push_text(joint);
                }
                Inline::Strong(inner) => {
                    self.push_styled(Line::inlines(inner), Style::Strong, false)
                }
                Inline::Emphasis(inner) => {
                    self.push_styled(Line::inlines(inner), Style::Emphasis, false)
                }
                Inline::Fact(fact) => self.push_text(&fact.text),
            }
        }
    }

    /// Appends `inner` in bold or italic: with `**`/`*` when CommonMark's delimiter rules are
    /// sure to read them so, else with the HTML elements. Empty, it is left out. A delimiter
    /// is read as such when it touches a letter or digit inside, or a punctuation mark written
    /// as itself when nothing stands on its other side (`whole`: the styled text is the whole
    /// line, a table cell), and no other delimiter touches it.
    fn push_styled(&mut self, inner: Line, style: Style, whole: bool) {
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mark = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace() && !escaped(c));
        let start = !self.pieces.iter().any(Piece::is_content);
        let mut content = inner.pieces.iter().filter(|p| p.is_content());
        let (first, last) = match (content.next(), content.next_back()) {
            (None, _) => return,
            (Some(Piece::Text(only)), None) => (only.chars().next(), only.chars().next_back()),
            (Some(Piece::Text(first)), Some(Piece::Text(last))) => {
                (first.chars().next(), last.chars().next_back())
            }
            _ => (None, None),
        };
        let before = self.pieces.iter().rev().find(|p| p.is_content());
        let touching = matches!(before, Some(Piece::Mark(m)) if m.ends_with('*'));
        let opens = word(first) || ((whole || start) && mark(first));
        let closes = word(last) || (whole && mark(last));
        let delimited = opens && closes && !touching;
        let (open, close) = match (style, delimited) {
            (Style::Strong, true) => ("**", "**"),
            (Style::Emphasis, true) => ("*", "*"),
            (Style::Strong, false) => ("<strong>", "</strong>"),
            (Style::Emphasis, false) => ("<em>", "</em>"),
        };
        self.pieces.push(Piece::Mark(open));
        self.plain.push_str(&inner.plain);
        self.pieces.extend(inner.pieces);
        self.pieces.push(Piece::Mark(close));
    }

    /// The Markdown of the line at `place`.
    fn write(&self, place: Place) -> String {
        let first = self.pieces.iter().position(Piece::is_content);
        let last = self.pieces.iter().rposition(Piece::is_content);
        let mut out = String::new();
        for (i, piece) in self.pieces.iter().enumerate() {
            match piece {
                Piece::Mark(mark) => out.push_str(mark),
                Piece::Text(text) => {
                    let start = Some(i) == first;
                    escape(&mut out, text, start, Some(i) == last, place);
                }
            }
        }
        out
    }
}

impl Piece {
    fn is_content(&self) -> bool {
        match self {
            Piece::Text(text) => !text.is_empty(),
            Piece::Mark(_) => true,
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Style {
    Strong,
    Emphasis,
}

/// Writes `text` so that Markdown reads it as these characters at `place`: `start` and `end`
/// say whether it begins or ends its block (where spaces would be dropped).
fn escape(out: &mut String, text: &str, start: bool, end: bool, place: Place) {
    // At the start of a paragraph or list item, a number followed by `.` or `)` is a list
    // marker: the point is escaped (`1\.`).
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let marker_at = (start && place == Place::BlockStart && (1..=9).contains(&digits))
        .then_some(digits)
        .filter(|&d| matches!(text.chars().nth(d), Some('.' | ')')));
    let count = text.chars().count();
    for (i, c) in text.chars().enumerate() {
        let edge = (start && i == 0) || (end && i + 1 == count);
        match c {
            c if escaped(c) => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' if start && i == 0 && place == Place::BlockStart => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if marker_at == Some(i) => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_ascii_control() || (edge && c.is_whitespace()) => {
                out.push_str(&format!("&#{};", u32::from(c)))
            }
            c => out.push(c),
        }
    }
}

/// Whether `c` is escaped wherever it stands: the characters of inline markup, and `#`, `>`,
/// `|` and `~`, which open headings, quotes, table cells, fences and struck-out text.
fn escaped(c: char) -> bool {
    matches!(
        c,
        '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&'
    )
}

fn table(table: &Table, entity: Option<&str>) -> String {
    let mut out = String::new();
    let mut heading = Line::default();
    heading.push_styled(Line::text(&table.heading()), Style::Strong, true);
    let heading = heading.write(Place::BlockStart);
    if !heading.is_empty() {
        out.push_str(&format!("{heading}\n\n"));
    }
    if let Some(note) = table.empty_note() {
        let note = Line::text(note).write(Place::BlockStart);
        if !note.is_empty() {
            out.push_str(&format!("{note}\n\n"));
        }
        return out;
    }
    let caption = Line::text(&table.caption(entity)).write(Place::BlockStart);
    out.push_str(&format!("{caption}\n\n"));
    let columns = table.columns();
    if columns == 0 {
        return out;
    }
    let cell = |text: &str| Line::text(text).write(Place::Inline);
    let fill = |mut cells: Vec<String>| {
        cells.resize(columns, String::new());
        cells
    };
    let header = fill(table.header.iter().map(|h| cell(h)).collect());
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| {
            fill(
                row.cells
                    .iter()
                    .map(|c| match row.kind {
                        RowKind::Total => {
                            let mut bold = Line::default();
                            bold.push_styled(Line::text(c), Style::Strong, true);
                            bold.write(Place::Inline)
                        }
                        _ => cell(c),
                    })
                    .collect(),
            )
        })
        .collect();
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            std::iter::once(&header)
                .chain(&rows)
                .filter_map(|r| r.get(c))
                .map(|s| width(s))
                .max()
                .unwrap_or(0)
                .max(3)
        })
        .collect();
    let numeric = |c: usize| table.numeric.get(c).copied().unwrap_or(false);
    let line = |cells: &[String]| -> String {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(c, (text, width))| pad(text, *width, numeric(c)))
            .collect();
        format!("| {} |\n", padded.join(" | "))
    };
    out.push_str(&line(&header));
    let rule: Vec<String> = widths
        .iter()
        .enumerate()
        .map(|(c, w)| {
            if numeric(c) {
                format!("{}:", "-".repeat(w - 1))
            } else {
                "-".repeat(*w)
            }
        })
        .collect();
    out.push_str(&format!("| {} |\n", rule.join(" | ")));
    for row in &rows {
        out.push_str(&line(row));
    }
    out.push('\n');
    out
}

fn pad(text: &str, columns: usize, right: bool) -> String {
    let fill = " ".repeat(columns.saturating_sub(width(text)));
    if right {
        format!("{fill}{text}")
    } else {
        format!("{text}{fill}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> String {
        Line::text(text).write(Place::BlockStart)
    }

    #[test]
    fn block_markers_are_escaped_where_a_block_starts_only() {
        assert_eq!(paragraph("1. 项"), "1\\. 项");
        assert_eq!(paragraph("2019) 年"), "2019\\) 年");
        assert_eq!(paragraph("- 项"), "\\- 项");
        assert_eq!(paragraph("+ 项"), "\\+ 项");
        assert_eq!(paragraph("增长-1.5"), "增长-1.5");
        assert_eq!(Line::text("-1.50").write(Place::Inline), "-1.50");
        assert_eq!(paragraph("~~~"), "\\~\\~\\~");
        assert_eq!(paragraph("    代码"), "&#32;   代码");
        assert_eq!(paragraph("甲\n乙 "), "甲&#10;乙&#32;");
        assert_eq!(paragraph("a|b"), "a\\|b");
    }

    #[test]
    fn bold_uses_delimiters_only_where_they_are_read_as_such() {
        let bold = |before: &str, inner: &str| {
            let mut line = Line::text(before);
            line.push_styled(Line::text(inner), Style::Strong, false);
            line.write(Place::BlockStart)
        };
        assert_eq!(bold("", "公开01表"), "**公开01表**");
        assert_eq!(bold("是", "“三公”"), "是<strong>“三公”</strong>");
        assert_eq!(bold("", " 甲"), "<strong> 甲</strong>");
        assert_eq!(bold("甲", ""), "甲");
        assert_eq!(
            bold("", "“三公”"),
            "<strong>“三公”</strong>",
            "not the whole line"
        );
        let cell = |text: &str| {
            let mut line = Line::default();
            line.push_styled(Line::text(text), Style::Strong, true);
            line.write(Place::Inline)
        };
        assert_eq!(cell("126.98%"), "**126.98%**");
        assert_eq!(cell("-5.00"), "**-5.00**");
        assert_eq!(cell("*"), "<strong>\\*</strong>");
    }
}
