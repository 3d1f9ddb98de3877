//! A report in traditional script (繁體, as many portals publish) checks with the same findings
//! as its simplified twin: each case and the seed report as published are converted by OpenCC,
//! in the parts a transcriber copies from the published text (the prose, the titles and the
//! names of table rows, total rows), and checked again.

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;
use jues::ast::{Block, Inline, Item, RowKey};
use jues::source::{Sources, Span};
use jues::{compile, Options};
use std::path::Path;

/// The byte ranges of the published text in `module`: prose, titles, row names and total rows.
fn published_text(module: &jues::ast::Module) -> Vec<Span> {
    fn inlines(content: &[Inline], out: &mut Vec<Span>) {
        for inline in content {
            match inline {
                Inline::Text(_, span) => out.push(*span),
                Inline::Strong(inner, _) | Inline::Emphasis(inner, _) => inlines(inner, out),
                Inline::SoftBreak(_) | Inline::Interpolation(_) => {}
            }
        }
    }
    fn block(b: &Block, out: &mut Vec<Span>) {
        match b {
            Block::Heading(h) => inlines(&h.content, out),
            Block::Paragraph(p) => inlines(&p.content, out),
            Block::List(list) => list.items.iter().for_each(|i| inlines(&i.content, out)),
            Block::Each(each) => each.body.iter().for_each(|b| block(b, out)),
            Block::If(b) => b
                .then_body
                .iter()
                .chain(&b.else_body)
                .for_each(|b| block(b, out)),
        }
    }
    let mut out = Vec::new();
    for item in &module.items {
        match item {
            Item::Block(b) => block(b, &mut out),
            Item::Report(r) => out.push(r.title.span),
            Item::Table(t) => {
                out.extend(t.title.as_ref().map(|t| t.span));
                for row in &t.rows {
                    match &row.key {
                        RowKey::Code {
                            name: Some(name), ..
                        } => out.push(name.span),
                        RowKey::Label(label) => out.push(label.span),
                        RowKey::Total(span) | RowKey::Subtotal(span) => out.push(*span),
                        RowKey::Code { name: None, .. } => {}
                    }
                }
            }
            _ => {}
        }
    }
    out.sort_by_key(|s| s.start);
    out
}

/// `text` with its published parts in traditional script.
fn traditional(name: &str, text: &str, cc: &OpenCC) -> String {
    let mut sources = Sources::new();
    sources.add(name.to_owned(), text.to_owned());
    let compilation = compile(sources, &Options::default());
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for span in published_text(&compilation.module) {
        let (start, end) = (span.start as usize, span.end as usize);
        if start < at || end > text.len() {
            continue;
        }
        out.push_str(&text[at..start]);
        out.push_str(&cc.convert(&text[start..end]));
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// The findings of a document: (severity, code, line) each, in order.
fn findings(name: &str, text: &str) -> Vec<(String, String, usize)> {
    let mut sources = Sources::new();
    sources.add(name.to_owned(), text.to_owned());
    let compilation = compile(sources, &Options::default());
    compilation
        .diagnostics
        .iter()
        .map(|d| {
            let span = d.primary.span;
            let line = compilation
                .sources
                .get(span.file)
                .line_col(span.start as usize)
                .0;
            (d.severity.as_str().to_owned(), d.code.id().to_owned(), line)
        })
        .collect()
}

/// The cases that also have a twin in traditional script among the case files.
const TWINS: &[&str] = &[
    "prose/vocabulary.jues",
    "prose/distributive.jues",
    "prose/placeholder.jues",
    "prose/template_remnants.jues",
    "prose/words_disagree.jues",
    "prose/direction.jues",
    "prose/missing_number.jues",
];

fn s2t() -> OpenCC {
    OpenCC::from_config(BuiltinConfig::S2t).unwrap()
}

#[test]
fn a_case_in_traditional_script_has_the_same_findings() {
    let cc = s2t();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut converted = 0;
    for dir in ["prose", "eval", "table", "stdlib", "ok"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join("tests/cases").join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "jues"))
            .collect();
        paths.sort();
        for path in paths {
            let name = format!("{dir}/{}", path.file_name().unwrap().to_string_lossy());
            let text = std::fs::read_to_string(&path).unwrap();
            let other = traditional(&name, &text, &cc);
            if other == text {
                continue;
            }
            converted += 1;
            // `JUES_WRITE_TRADITIONAL=1` writes the converted twin of the cases that words are
            // about, for their own snapshots (`…_traditional.jues`).
            if std::env::var_os("JUES_WRITE_TRADITIONAL").is_some()
                && TWINS.contains(&name.as_str())
            {
                let twin = path.with_file_name(format!(
                    "{}_traditional.jues",
                    path.file_stem().unwrap().to_string_lossy()
                ));
                std::fs::write(twin, &other).unwrap();
            }
            assert_eq!(
                findings(&name, &other),
                findings(&name, &text),
                "{name} in traditional script:\n{other}"
            );
        }
    }
    assert!(
        converted >= 20,
        "only {converted} cases have text to convert"
    );
}

#[test]
fn the_seed_report_as_published_in_traditional_script() {
    let cc = s2t();
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/lusong-hrss-2019/as-published.jues");
    let text = std::fs::read_to_string(path).unwrap();
    let other = traditional("as-published.jues", &text, &cc);
    // The conversion reached the prose, the table rows and the totals.
    for word in ["減少", "財政撥款", "一般公共服務支出", "合計"] {
        assert!(other.contains(word), "{word}");
    }
    let simplified = findings("as-published.jues", &text);
    assert!(simplified.len() >= 10, "{simplified:?}");
    assert_eq!(findings("as-published.jues", &other), simplified);
}
