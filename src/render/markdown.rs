//! Render stage: GitHub-flavoured Markdown, readable as plain text.

use crate::doc::{Block, Document, Inline, RowKind, Table};

/// The document as Markdown.
pub fn render(document: &Document) -> String {
    let mut out = String::new();
    if !document.title.is_empty() {
        out.push_str(&format!("# {}\n\n", escape(&document.title)));
    }
    for block in &document.blocks {
        match block {
            Block::Heading { level, content } => {
                let marks = "#".repeat(usize::from(*level).clamp(1, 6));
                out.push_str(&format!("{marks} {}\n\n", inlines(content)));
            }
            Block::Paragraph(content) => out.push_str(&format!("{}\n\n", inlines(content))),
            Block::List { ordered, items } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = if *ordered {
                        format!("{}.", i + 1)
                    } else {
                        "-".to_owned()
                    };
                    out.push_str(&format!("{marker} {}\n", inlines(item)));
                }
                out.push('\n');
            }
            Block::Table(table) => out.push_str(&self::table(table, document.entity.as_deref())),
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn inlines(content: &[Inline]) -> String {
    let mut out = String::new();
    for (i, inline) in content.iter().enumerate() {
        match inline {
            Inline::Text(text, _) => out.push_str(&escape(text)),
            Inline::SoftBreak => {
                let joint = crate::doc::soft_break(&out, content, i);
                out.push_str(joint);
            }
            Inline::Strong(inner) => out.push_str(&format!("**{}**", inlines(inner))),
            Inline::Emphasis(inner) => out.push_str(&format!("*{}*", inlines(inner))),
            Inline::Fact(fact) => out.push_str(&escape(&fact.text)),
        }
    }
    out
}

/// Escapes the characters Markdown would read as markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn table(table: &Table, entity: Option<&str>) -> String {
    let heading = escape(&table.heading());
    if let Some(note) = table.empty_note() {
        return format!("**{heading}**\n\n{}\n\n", escape(note));
    }
    let mut out = format!("**{heading}**\n\n{}\n\n", escape(&table.caption(entity)));
    let header: Vec<String> = table.header.iter().map(|h| escape(h)).collect();
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| {
            row.cells
                .iter()
                .map(|c| match (row.kind, c.is_empty()) {
                    (RowKind::Total, false) => format!("**{}**", escape(c)),
                    _ => escape(c),
                })
                .collect()
        })
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|c| {
            std::iter::once(&header[c])
                .chain(rows.iter().filter_map(|r| r.get(c)))
                .map(|s| display_width(s))
                .max()
                .unwrap_or(0)
                .max(3)
        })
        .collect();
    let numeric = |c: usize| table.numeric.get(c).copied().unwrap_or(false);
    let line = |cells: &[String]| -> String {
        let padded: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(c, text)| pad(text, widths[c], numeric(c)))
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

/// Columns a string takes in a monospace font: Chinese characters take two.
fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| {
            if (c as u32) >= 0x1100 && !matches!(c, '\u{2000}'..='\u{206f}') {
                2
            } else {
                1
            }
        })
        .sum()
}

fn pad(text: &str, width: usize, right: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(display_width(text)));
    if right {
        format!("{fill}{text}")
    } else {
        format!("{text}{fill}")
    }
}
