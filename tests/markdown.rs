//! The Markdown output read back with a CommonMark parser (pulldown-cmark, with GitHub's
//! tables, strikethrough, task lists and footnotes): for every case file, every example and
//! generated documents full of Markdown's special characters, the blocks Markdown reads (their
//! kind, heading level, list items, table rows and columns) and the text of each are what the
//! document ([`jues::doc::Document`]) says they are.

use jues::doc::{Block, Document, Fact, Inline, RowKind, Table, TableRow};
use jues::source::{Sources, Span};
use jues::{compile, Options};
use proptest::prelude::*;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// A block as Markdown reads it, with its plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Read {
    Heading(u8, String),
    Paragraph(String),
    List {
        ordered: bool,
        items: Vec<String>,
    },
    /// Rows (the header first) of cells.
    Table(Vec<Vec<String>>),
    /// Anything jues never means to write: a code block, a quote, a rule, raw HTML.
    Other(String),
}

/// The blocks of `markdown` as a CommonMark parser reads them. What changes the text's meaning
/// inside a block (a code span, a link, a line break, raw HTML other than `<strong>`/`<em>`)
/// is written into the text as `⟨…⟩`, so that it differs from the document's.
fn read(markdown: &str) -> Vec<Read> {
    use pulldown_cmark::Options as O;
    let options = O::ENABLE_TABLES
        | O::ENABLE_STRIKETHROUGH
        | O::ENABLE_TASKLISTS
        | O::ENABLE_FOOTNOTES
        | O::ENABLE_GFM;
    let mut blocks = Vec::new();
    let mut text = String::new();
    let mut list: Option<(bool, Vec<String>)> = None;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut depth = 0usize;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { .. } | Tag::Paragraph | Tag::Item | Tag::TableCell => {
                    if list.is_some() && matches!(tag, Tag::Paragraph) {
                        text.push_str("⟨paragraph in an item⟩");
                    } else {
                        text.clear();
                    }
                }
                Tag::List(start) => {
                    depth += 1;
                    if depth > 1 {
                        text.push_str("⟨list in an item⟩");
                    } else {
                        list = Some((start.is_some(), Vec::new()));
                    }
                }
                Tag::Table(_) => rows.clear(),
                Tag::TableHead | Tag::TableRow => rows.push(Vec::new()),
                Tag::Strong | Tag::Emphasis => {}
                other => {
                    if depth > 0 || !text.is_empty() || is_inline(&other) {
                        text.push_str(&format!("⟨{other:?}⟩"));
                    } else {
                        blocks.push(Read::Other(format!("{other:?}")));
                    }
                }
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(level) => blocks.push(Read::Heading(level as u8, text.clone())),
                TagEnd::Paragraph if list.is_none() => blocks.push(Read::Paragraph(text.clone())),
                TagEnd::Item => {
                    if let Some((_, items)) = &mut list {
                        items.push(text.clone());
                    }
                }
                TagEnd::List(_) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        if let Some((ordered, items)) = list.take() {
                            blocks.push(Read::List { ordered, items });
                        }
                    }
                }
                TagEnd::TableCell => {
                    if let Some(row) = rows.last_mut() {
                        row.push(text.clone());
                    }
                }
                TagEnd::Table => blocks.push(Read::Table(std::mem::take(&mut rows))),
                _ => {}
            },
            Event::Text(t) => text.push_str(&t),
            Event::InlineHtml(h) if ["<strong>", "</strong>", "<em>", "</em>"].contains(&&*h) => {}
            Event::Code(c) => text.push_str(&format!("⟨code {c}⟩")),
            Event::SoftBreak | Event::HardBreak => text.push_str("⟨break⟩"),
            other => {
                if depth > 0 || !text.is_empty() {
                    text.push_str(&format!("⟨{other:?}⟩"));
                } else {
                    blocks.push(Read::Other(format!("{other:?}")));
                }
            }
        }
    }
    blocks
}

fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
    )
}

/// The blocks the document says its Markdown has: the title as a heading, a table as its
/// heading and caption (or its note) in paragraphs and its header and rows (as many columns as
/// the longest row), empty paragraphs and lists left out.
fn expected(document: &Document) -> Vec<Read> {
    let mut out = Vec::new();
    if !document.title.is_empty() {
        out.push(Read::Heading(1, document.title.clone()));
    }
    for block in &document.blocks {
        match block {
            Block::Heading { level, content } => {
                out.push(Read::Heading((*level).clamp(1, 6), Inline::plain(content)));
            }
            Block::Paragraph(content) => {
                let text = Inline::plain(content);
                if !text.is_empty() {
                    out.push(Read::Paragraph(text));
                }
            }
            Block::List { ordered, items } if !items.is_empty() => out.push(Read::List {
                ordered: *ordered,
                items: items.iter().map(|i| Inline::plain(i)).collect(),
            }),
            Block::List { .. } => {}
            Block::Table(table) => {
                let heading = table.heading();
                if !heading.is_empty() {
                    out.push(Read::Paragraph(heading));
                }
                if let Some(note) = table.empty_note() {
                    if !note.is_empty() {
                        out.push(Read::Paragraph(note.to_owned()));
                    }
                    continue;
                }
                out.push(Read::Paragraph(table.caption(document.entity.as_deref())));
                let columns = table.columns();
                if columns > 0 {
                    let fill = |cells: &[String]| {
                        let mut cells = cells.to_vec();
                        cells.resize(columns, String::new());
                        cells
                    };
                    let mut rows = vec![fill(&table.header)];
                    rows.extend(table.rows.iter().map(|r| fill(&r.cells)));
                    out.push(Read::Table(rows));
                }
            }
        }
    }
    out
}

/// Renders `document`, reads the Markdown back and compares it with the document.
fn check(document: &Document, what: &str) -> Result<(), String> {
    let markdown = jues::render::markdown::render(document);
    let found = read(&markdown);
    let wanted = expected(document);
    if found == wanted {
        return Ok(());
    }
    let at = found
        .iter()
        .zip(&wanted)
        .position(|(f, w)| f != w)
        .unwrap_or(found.len().min(wanted.len()));
    Err(format!(
        "{what}: block {at} of the Markdown reads as\n  {:?}\nbut the document has\n  {:?}\n\
         ({} blocks read, {} in the document)\n----- markdown -----\n{markdown}",
        found.get(at),
        wanted.get(at),
        found.len(),
        wanted.len()
    ))
}

fn files(pattern: &str) -> Vec<std::path::PathBuf> {
    let root = env!("CARGO_MANIFEST_DIR");
    glob::glob(&format!("{root}/{pattern}"))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn every_case_and_example_reads_back_as_its_document() {
    let mut failures = Vec::new();
    let paths: Vec<_> = files("tests/cases/**/*.jues")
        .into_iter()
        .chain(files("examples/**/*.jues"))
        .collect();
    assert!(paths.len() > 50, "{} files", paths.len());
    for path in &paths {
        for options in [
            Options::default(),
            Options {
                publish: true,
                ..Options::default()
            },
        ] {
            let compilation = jues::compile_path(path, &options, &jues::files::Disk).unwrap();
            let name = path
                .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .unwrap_or(path);
            if let Err(e) = check(&compilation.evaluated.document, &name.display().to_string()) {
                failures.push(e);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn paragraphs_that_look_like_markup_stay_paragraphs() {
    // The openings an adversarial probe found (issue #13), each as a paragraph of its own.
    let span = Span::default();
    let openings = [
        "~~~",
        "```",
        "\\1. 项",
        "1) 项",
        "1. 项",
        "2019. 年",
        "---",
        "***",
        "___",
        "- 项",
        "+ 项",
        "* 项",
        "# 项",
        "> 项",
        "| a | b |",
        "    四个空格",
        "\t制表",
        "===",
        "<div>",
        "<!-- x -->",
        "[a]: http://x",
        "&amp; &#32;",
        "行末两个空格  ",
        "行末反斜杠\\",
        "*甲*",
        "_乙_",
        "`丙`",
        "[丁](x)",
        "<http://x>",
        "~~戊~~",
        "[^1]",
        "- [ ] 任务",
        "甲\n===",
        "甲\n---",
        "甲\n- 乙",
        "甲\n    乙",
        "甲\r乙",
        "\u{3000}\u{3000}缩进",
        " ",
        "||",
    ];
    let text = |t: &str| vec![Inline::Text(t.to_owned(), span)];
    let mut blocks: Vec<Block> = Vec::new();
    for opening in openings {
        blocks.push(Block::Paragraph(text(opening)));
        blocks.push(Block::Heading {
            level: 2,
            content: text(opening),
        });
        blocks.push(Block::List {
            ordered: true,
            items: vec![text(opening), text(opening)],
        });
        blocks.push(Block::List {
            ordered: true,
            items: vec![text(opening)],
        });
    }
    let cells: Vec<String> = openings.iter().map(|o| (*o).to_owned()).collect();
    let row = |kind| TableRow {
        kind,
        cells: cells.clone(),
        span,
        cell_spans: Vec::new(),
        exact: Vec::new(),
        intervals: Vec::new(),
    };
    blocks.push(Block::Table(Box::new(Table {
        name: "t".to_owned(),
        title: "标题\n第二行 #".to_owned(),
        number: None,
        unit: "万元".to_owned(),
        header: cells.clone(),
        keys: 1,
        note: None,
        numeric: vec![true; cells.len()],
        formulas: Vec::new(),
        rows: vec![row(RowKind::Item), row(RowKind::Total)],
        span,
    })));
    let document = Document {
        title: "# 标题\n- 第二行".to_owned(),
        entity: Some("某*局*".to_owned()),
        blocks,
        ..Document::default()
    };
    check(&document, "openings").unwrap();
}

#[test]
fn bold_runs_joined_by_a_soft_break_stay_two_bold_runs() {
    // Found by the generated documents below: a soft break between Chinese and Latin text
    // joins without a space, so the second `**` touched the first (`**1.收入****a**`).
    let span = Span::default();
    let strong = |t: &str| Inline::Strong(vec![Inline::Text(t.to_owned(), span)]);
    for (a, b) in [("1.收入", "a"), ("收入", "合计"), ("72.80%", "收入")] {
        let document = Document {
            blocks: vec![Block::Paragraph(vec![
                strong(a),
                Inline::SoftBreak,
                strong(b),
            ])],
            ..Document::default()
        };
        check(&document, "two bold runs").unwrap();
    }
}

/// Text full of what Markdown reads as markup, line breaks and spaces at either end.
fn nasty() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        "~~~",
        "```",
        "`",
        "\\",
        "\\1.",
        "1.",
        "1)",
        "12.",
        "---",
        "- ",
        "+ ",
        "* ",
        "# ",
        "#",
        ">",
        "|",
        "    ",
        "\t",
        "===",
        "\n",
        "\r\n",
        "  \n",
        "\\\n",
        "*",
        "**",
        "_",
        "__",
        "[",
        "]",
        "](",
        "<",
        "</",
        "<b>",
        "&",
        "&amp;",
        "&#32;",
        "&copy",
        "!",
        "[^",
        ":",
        "~",
        "~~",
        "$",
        " ",
        "\u{3000}",
        "www.x.com",
        "http://x",
        "<http://x>",
        "[ ] ",
        "\u{a0}",
    ]);
    let word = prop::sample::select(vec![
        "收入",
        "合计",
        "。",
        "，",
        "“三公”",
        "a",
        "72.80%",
        "1149.45",
    ]);
    let piece =
        prop_oneof![2 => special.prop_map(str::to_owned), 1 => word.prop_map(str::to_owned)];
    proptest::collection::vec(piece, 0..6).prop_map(|p| p.concat())
}

fn inlines() -> impl Strategy<Value = Vec<Inline>> {
    let leaf = prop_oneof![
        4 => nasty().prop_map(|t| Inline::Text(t, Span::default())),
        1 => Just(Inline::SoftBreak),
        1 => nasty().prop_map(|t| Inline::Fact(Fact {
            text: t,
            formula: String::new(),
            name: None,
            exact: None,
            unit: None,
            check: None,
            span: Span::default(),
        })),
    ];
    let inline = leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(Inline::Strong),
            proptest::collection::vec(inner, 0..3).prop_map(Inline::Emphasis),
        ]
    });
    proptest::collection::vec(inline, 0..5)
}

fn table() -> impl Strategy<Value = Table> {
    let kind = prop::sample::select(vec![RowKind::Item, RowKind::Subtotal, RowKind::Total]);
    let row = (kind, proptest::collection::vec(nasty(), 0..5)).prop_map(|(kind, cells)| TableRow {
        kind,
        cells,
        span: Span::default(),
        cell_spans: Vec::new(),
        exact: Vec::new(),
        intervals: Vec::new(),
    });
    (
        nasty(),
        proptest::option::of(nasty()),
        proptest::collection::vec(nasty(), 0..5),
        proptest::option::of(nasty()),
        proptest::collection::vec(any::<bool>(), 0..5),
        proptest::collection::vec(row, 0..4),
    )
        .prop_map(|(title, number, header, note, numeric, rows)| Table {
            name: "t".to_owned(),
            title,
            number,
            unit: "万元".to_owned(),
            header,
            keys: 1,
            note,
            numeric,
            formulas: Vec::new(),
            rows,
            span: Span::default(),
        })
}

fn document() -> impl Strategy<Value = Document> {
    let block = prop_oneof![
        1 => (0u8..9, inlines()).prop_map(|(level, content)| Block::Heading { level, content }),
        3 => inlines().prop_map(Block::Paragraph),
        1 => (any::<bool>(), proptest::collection::vec(inlines(), 0..4))
            .prop_map(|(ordered, items)| Block::List { ordered, items }),
        1 => table().prop_map(|t| Block::Table(Box::new(t))),
    ];
    (
        nasty(),
        proptest::option::of(nasty()),
        proptest::collection::vec(block, 0..8),
    )
        .prop_map(|(title, entity, blocks)| Document {
            title,
            entity,
            blocks,
            ..Document::default()
        })
}

/// A report's source with prose, headings, list items, titles and cells full of markup.
fn source() -> impl Strategy<Value = String> {
    let quoted = || nasty().prop_map(|t| format!("\"{}\"", t.replace(['\\', '"'], "")));
    let line = prop_oneof![
        nasty(),
        nasty().prop_map(|t| format!("## {t}")),
        nasty().prop_map(|t| format!("- {t}")),
        nasty().prop_map(|t| format!("1. {t}")),
        (quoted(), quoted(), quoted()).prop_map(|(title, a, b)| format!(
            "表 t {title} {{\n  列 说明: 文本, 备注: 文本\n  \"项\" {a} {b}\n}}"
        )),
        quoted().prop_map(|title| format!("报告 {title} {{}}")),
    ];
    proptest::collection::vec(line, 1..8).prop_map(|lines| lines.join("\n\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_documents_read_back_as_they_are(document in document()) {
        if let Err(e) = check(&document, "generated") {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn generated_reports_read_back_as_their_documents(text in source()) {
        let mut sources = Sources::new();
        sources.add("generated.jues", text.clone());
        let compilation = compile(sources, &Options::default());
        if let Err(e) = check(&compilation.evaluated.document, &text) {
            prop_assert!(false, "{}", e);
        }
    }
}

#[test]
fn the_reader_sees_a_broken_structure() {
    // The reader itself: a list where the document has a paragraph is a mismatch.
    let document = Document {
        blocks: vec![Block::Paragraph(vec![Inline::Text(
            "项".to_owned(),
            Span::default(),
        )])],
        ..Document::default()
    };
    assert_eq!(
        read("- 项"),
        [Read::List {
            ordered: false,
            items: vec!["项".to_owned()]
        }]
    );
    assert_ne!(read("- 项"), expected(&document));
    assert!(matches!(&read("~~~\n项")[..], [Read::Other(_)]));
}
