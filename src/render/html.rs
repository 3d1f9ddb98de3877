//! Render stage: one self-contained HTML file (inline CSS, no scripts, nothing fetched).
//!
//! Every rendered value is a `<span class="fact">` carrying its figure name, formula, exact
//! value and unit in `data-` attributes and a tooltip (the Inline XBRL idea), so a reader can
//! hover it and a machine can extract it. With annotations (`jues build --annotate`) the page
//! becomes an audit view: stated values are marked verified or wrong, flagged text and table
//! cells are highlighted, and a summary box lists every finding.

use crate::doc::{Annotation, Block, Check, Document, Fact, Inline, RowKind, Table};
use crate::source::Span;
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use std::fmt::Write;

const STYLE: &str = r#"
:root { --ink: #1a1a1a; --rule: #888; --soft: #f3f3f0; --error: #b3261e; --warning: #8a5a00; --ok: #1b6e3a; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52em; padding: 2em 1.5em 4em; color: var(--ink); background: #fff;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, "WenQuanYi Micro Hei", serif;
  font-size: 16px; line-height: 1.85; }
header.title { text-align: center; margin: 3em 0 2.5em; }
header.title h1 { font-size: 1.9em; line-height: 1.4; margin: 0 0 .6em; }
header.title p { margin: .2em 0; color: #444; text-indent: 0; text-align: center; }
nav.toc { border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); padding: .5em 0 1em; margin-bottom: 2em; }
nav.toc h2 { font-size: 1.1em; margin: .5em 0; }
nav.toc ol { list-style: none; margin: 0; padding: 0; }
nav.toc li.level-2 { padding-left: 1.5em; }
nav.toc li.level-3 { padding-left: 3em; }
nav.toc a { color: inherit; text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
h2 { font-size: 1.45em; margin: 2em 0 .8em; text-align: center; }
h3 { font-size: 1.2em; margin: 1.6em 0 .6em; }
h4, h5, h6 { font-size: 1.05em; margin: 1.2em 0 .4em; }
p { margin: .6em 0; text-indent: 2em; text-align: justify; }
li p { text-indent: 0; }
.fact { font-variant-numeric: tabular-nums; white-space: nowrap; border-bottom: 1px dotted #bbb; }
figure.table { margin: 1.5em 0; overflow-x: auto; }
figure.table figcaption { font-weight: bold; text-align: center; margin-bottom: .4em; }
figure.table p.caption { margin: 0 0 .3em; text-align: right; font-size: .85em; color: #444; }
table { border-collapse: collapse; width: 100%; font-size: .92em; line-height: 1.5; }
th, td { border: 1px solid var(--rule); padding: .3em .5em; vertical-align: top; }
th { background: var(--soft); font-weight: bold; text-align: center; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.subtotal td { font-weight: bold; }
tr.total td { font-weight: bold; background: var(--soft); border-top: 2px solid var(--ink); }
.audit { border: 2px solid var(--ink); padding: .8em 1.2em; margin: 0 0 2em; background: #fbfbf8; }
.audit h2 { text-align: left; font-size: 1.15em; margin: .2em 0 .6em; }
.audit p { text-indent: 0; }
.audit ol { margin: .4em 0; padding-left: 1.4em; font-size: .92em; }
.audit code { font-family: inherit; background: #ecebe4; padding: 0 .2em; border-radius: 2px; }
.audit .error, .fact.wrong, mark.error { color: var(--error); }
.audit .warning, mark.warning { color: var(--warning); }
.fact.verified { border-bottom: 2px solid var(--ok); }
.fact.wrong { background: #fde8e6; border-bottom: 2px solid var(--error); }
mark { background: #fff2c2; color: inherit; }
mark.error { background: #fde8e6; }
td.flagged, tr.flagged td:first-child { background: #fde8e6; }
@media print {
  @page { size: A4; margin: 25mm 22mm 22mm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  header.title { margin-top: 35%; break-after: page; }
  nav.toc { break-after: page; border: none; }
  h2.part { break-before: page; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .fact { border-bottom: none; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// The document as one HTML page; `annotations` (possibly empty) make it an audit view.
pub fn render(document: &Document, annotations: &[Annotation], audit: bool) -> String {
    let mut html = String::with_capacity(64 * 1024);
    let title = if document.title.is_empty() {
        "jues"
    } else {
        &document.title
    };
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"jues {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        text(title)
    );
    let _ = write!(html, "<header class=\"title\">\n<h1>{}</h1>\n", text(title));
    if let Some(entity) = &document.entity {
        let _ = writeln!(html, "<p class=\"entity\">{}</p>", text(entity));
    }
    if let Some(year) = &document.year {
        let _ = writeln!(html, "<p class=\"year\">{}年度</p>", text(year));
    }
    html.push_str("</header>\n");
    if audit {
        summary(&mut html, document, annotations);
    }
    toc(&mut html, document);
    html.push_str("<main>\n");
    let page = Page { annotations, audit };
    let mut heading = 0;
    for block in &document.blocks {
        match block {
            Block::Heading { level, content } => {
                heading += 1;
                let tag = (level + 1).min(6);
                let class = if *level == 1 { " class=\"part\"" } else { "" };
                let _ = writeln!(
                    html,
                    "<h{tag} id=\"h{heading}\"{class}>{}</h{tag}>",
                    page.inlines(content)
                );
            }
            Block::Paragraph(content) => {
                let _ = writeln!(html, "<p>{}</p>", page.inlines(content));
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                let _ = writeln!(html, "<{tag}>");
                for item in items {
                    let _ = writeln!(html, "<li>{}</li>", page.inlines(item));
                }
                let _ = writeln!(html, "</{tag}>");
            }
            Block::Table(table) => page.table(&mut html, table, document.entity.as_deref()),
        }
    }
    html.push_str("</main>\n</body>\n</html>\n");
    html
}

/// The table of contents: the headings to the third level, and under the heading they stand
/// below, the numbered tables (the 公开表), as the published 目录 lists them.
fn toc(html: &mut String, document: &Document) {
    let mut entries: Vec<(u8, String, String)> = Vec::new();
    let mut heading = 0;
    let mut level = 0;
    for block in &document.blocks {
        match block {
            Block::Heading { level: l, content } => {
                heading += 1;
                level = *l;
                if *l <= 3 {
                    entries.push((*l, format!("h{heading}"), Inline::plain(content)));
                }
            }
            Block::Table(t) if t.number.is_some() => {
                entries.push(((level + 1).min(3), format!("t-{}", t.name), t.heading()));
            }
            _ => {}
        }
    }
    if entries.is_empty() {
        return;
    }
    html.push_str("<nav class=\"toc\">\n<h2>目录</h2>\n<ol>\n");
    for (level, id, title) in entries {
        let _ = writeln!(
            html,
            "<li class=\"level-{level}\"><a href=\"#{}\">{}</a></li>",
            attr(&id),
            text(&title)
        );
    }
    html.push_str("</ol>\n</nav>\n");
}

fn summary(html: &mut String, document: &Document, annotations: &[Annotation]) {
    let count = |s: &str| annotations.iter().filter(|a| a.severity == s).count();
    let mut verified = 0;
    let mut wrong = 0;
    visit_facts(&document.blocks, &mut |fact| match fact.check {
        Some(Check::Verified) => verified += 1,
        Some(Check::Failed { .. }) => wrong += 1,
        None => {}
    });
    let _ = write!(
        html,
        "<section class=\"audit\">\n<h2>审核结果</h2>\n<p>{} 处错误，{} 处警告，{} 处提示；\
         文中数字 {} 处核对无误，{} 处有误。</p>\n",
        count("error"),
        count("warning"),
        count("note"),
        verified,
        wrong
    );
    if !annotations.is_empty() {
        html.push_str("<ol>\n");
        for a in annotations {
            let help = a
                .help
                .as_deref()
                .map(|h| format!("（{}）", quoted(h)))
                .unwrap_or_default();
            let _ = writeln!(
                html,
                "<li class=\"{}\">第 {} 行 [{}] {}{help}</li>",
                attr(&a.severity),
                a.line,
                text(&a.code),
                quoted(&a.message)
            );
        }
        html.push_str("</ol>\n");
    }
    html.push_str("</section>\n");
}

/// A finding's words as HTML: what it quotes in backticks (a name, what to write) set as
/// code, as a terminal shows it between backticks; with an odd backtick, the text as it is.
fn quoted(words: &str) -> String {
    let pieces: Vec<&str> = words.split('`').collect();
    if pieces.len().is_multiple_of(2) {
        return text(words).into_owned();
    }
    let mut out = String::new();
    for (i, piece) in pieces.iter().enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", text(piece));
        } else {
            out.push_str(&text(piece));
        }
    }
    out
}

fn visit_facts(blocks: &[Block], f: &mut impl FnMut(&Fact)) {
    fn inlines(content: &[Inline], f: &mut impl FnMut(&Fact)) {
        for inline in content {
            match inline {
                Inline::Fact(fact) => f(fact),
                Inline::Strong(inner) | Inline::Emphasis(inner) => inlines(inner, f),
                Inline::Text(..) | Inline::SoftBreak => {}
            }
        }
    }
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => inlines(content, f),
            Block::List { items, .. } => items.iter().for_each(|i| inlines(i, f)),
            Block::Table(_) => {}
        }
    }
}

struct Page<'a> {
    annotations: &'a [Annotation],
    audit: bool,
}

fn overlaps(a: Span, b: Span) -> bool {
    a.file == b.file && a.start < b.end.max(b.start + 1) && b.start < a.end.max(a.start + 1)
}

impl Page<'_> {
    /// The annotations at `span`, when annotating.
    fn at(&self, span: Span) -> Vec<&Annotation> {
        if !self.audit {
            return Vec::new();
        }
        self.annotations
            .iter()
            .filter(|a| overlaps(a.span, span))
            .collect()
    }

    fn inlines(&self, content: &[Inline]) -> String {
        let mut out = String::new();
        for (i, inline) in content.iter().enumerate() {
            match inline {
                Inline::Text(t, span) => self.prose(&mut out, t, *span),
                Inline::SoftBreak => {
                    let joint = crate::doc::soft_break(&out, content, i);
                    out.push_str(joint);
                }
                Inline::Strong(inner) => {
                    let _ = write!(out, "<strong>{}</strong>", self.inlines(inner));
                }
                Inline::Emphasis(inner) => {
                    let _ = write!(out, "<em>{}</em>", self.inlines(inner));
                }
                Inline::Fact(fact) => self.fact(&mut out, fact),
            }
        }
        out
    }

    /// Prose, with flagged stretches marked when annotating.
    fn prose(&self, out: &mut String, t: &str, span: Span) {
        let flags = self.at(span);
        let exact_text = (span.end - span.start) as usize == t.len();
        if flags.is_empty() || !exact_text {
            out.push_str(&text(t));
            return;
        }
        let mut pos = 0;
        for flag in flags {
            let start = (flag.span.start.max(span.start) - span.start) as usize;
            let end = (flag.span.end.min(span.end) - span.start) as usize;
            let (Some(before), Some(marked)) = (t.get(pos..start), t.get(start..end)) else {
                continue;
            };
            out.push_str(&text(before));
            let _ = write!(
                out,
                "<mark class=\"{}\" title=\"{}\">{}</mark>",
                attr(&flag.severity),
                attr(&tooltip(flag)),
                text(marked)
            );
            pos = end;
        }
        out.push_str(&text(t.get(pos..).unwrap_or("")));
    }

    fn fact(&self, out: &mut String, fact: &Fact) {
        let mut class = String::from("fact");
        let mut title = match (&fact.name, &fact.exact) {
            (Some(name), Some(v)) if *name == fact.formula => {
                format!("{name} = {v}{}", fact.unit.as_deref().unwrap_or(""))
            }
            (_, Some(v)) => format!(
                "{} = {v}{}",
                fact.formula,
                fact.unit.as_deref().unwrap_or("")
            ),
            _ => fact.formula.clone(),
        };
        if self.audit {
            let flags = self.at(fact.span);
            if let Some(flag) = flags.first() {
                class.push_str(if flag.severity == "error" {
                    " wrong"
                } else {
                    " flagged"
                });
                title = format!("{title}\n{}", tooltip(flag));
            } else if fact.check == Some(Check::Verified) {
                class.push_str(" verified");
                title.push_str("\n核对无误");
            }
        }
        let _ = write!(
            out,
            "<span class=\"{class}\" data-formula=\"{}\"",
            attr(&fact.formula)
        );
        if let Some(name) = &fact.name {
            let _ = write!(out, " data-name=\"{}\"", attr(name));
        }
        if let Some(exact) = &fact.exact {
            let _ = write!(out, " data-value=\"{}\"", attr(exact));
        }
        if let Some(unit) = &fact.unit {
            let _ = write!(out, " data-unit=\"{}\"", attr(unit));
        }
        if fact.check.is_some() {
            out.push_str(" data-stated=\"true\"");
        }
        let _ = write!(
            out,
            " title=\"{}\">{}</span>",
            attr(&title),
            text(&fact.text)
        );
    }

    fn table(&self, html: &mut String, table: &Table, entity: Option<&str>) {
        let _ = write!(
            html,
            "<figure class=\"table\" id=\"t-{}\">\n<figcaption>{}</figcaption>\n",
            attr(&table.name),
            text(&table.heading()),
        );
        if let Some(note) = table.empty_note() {
            let _ = write!(html, "<p class=\"empty\">{}</p>\n</figure>\n", text(note));
            return;
        }
        let _ = write!(
            html,
            "<p class=\"caption\">{}</p>\n<table>\n<thead>\n<tr>",
            text(&table.caption(entity)),
        );
        for h in &table.header {
            let _ = write!(html, "<th scope=\"col\">{}</th>", text(h));
        }
        html.push_str("</tr>\n</thead>\n<tbody>\n");
        for row in &table.rows {
            let mut class = match row.kind {
                RowKind::Item => String::new(),
                RowKind::Subtotal => "subtotal".to_owned(),
                RowKind::Total => "total".to_owned(),
            };
            let row_flags = self.at(row.span);
            if !row_flags.is_empty() {
                class = format!("{class} flagged").trim().to_owned();
            }
            let title = row_flags
                .iter()
                .map(|a| tooltip(a))
                .collect::<Vec<_>>()
                .join("\n");
            let _ = write!(html, "<tr");
            if !class.is_empty() {
                let _ = write!(html, " class=\"{class}\"");
            }
            if !title.is_empty() {
                let _ = write!(html, " title=\"{}\"", attr(&title));
            }
            html.push('>');
            for (c, cell) in row.cells.iter().enumerate() {
                let mut classes = Vec::new();
                if table.numeric.get(c).copied().unwrap_or(false) {
                    classes.push("num");
                }
                let flags = row
                    .cell_spans
                    .get(c)
                    .copied()
                    .flatten()
                    .map(|s| self.at(s))
                    .unwrap_or_default();
                if !flags.is_empty() {
                    classes.push("flagged");
                }
                html.push_str("<td");
                if !classes.is_empty() {
                    let _ = write!(html, " class=\"{}\"", classes.join(" "));
                }
                if let Some(flag) = flags.first() {
                    let _ = write!(html, " title=\"{}\"", attr(&tooltip(flag)));
                }
                let _ = write!(html, ">{}</td>", text(cell));
            }
            html.push_str("</tr>\n");
        }
        html.push_str("</tbody>\n</table>\n</figure>\n");
    }
}

fn tooltip(a: &Annotation) -> String {
    let severity = &a.severity_word;
    match &a.help {
        Some(help) => format!("{severity} [{}] {}；{}", a.code, a.message, help),
        None => format!("{severity} [{}] {}", a.code, a.message),
    }
}
