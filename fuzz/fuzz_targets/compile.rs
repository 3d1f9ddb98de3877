//! Fuzzes the whole pipeline on arbitrary bytes: read, parse, check, evaluate, render HTML,
//! Markdown and the diagnostics, and format. Nothing may panic, hang or grow without bound. Parsing the text again
//! after an edit (`syntax::Incremental`, here: from its first half to the whole) must give what
//! a fresh parse gives. Formatting must be idempotent and keep every comment and the facts.
//! Run: `cargo fuzz run compile fuzz/corpus/compile tests/cases examples stdlib`: the first
//! folder is the fuzzer's own corpus, the others seed it with every case, example and library file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut sources = jues::source::Sources::new();
    sources.add_bytes("fuzz.jues", data);
    let compilation = jues::compile(sources, &jues::Options { strict: true, ..jues::Options::default() });
    let document = &compilation.evaluated.document;
    let _ = jues::render::html::render(document, &[], false);
    let _ = jues::render::markdown::render(document);
    let _ = jues::diagnostics::render::render(
        &compilation.sources,
        &compilation.diagnostics,
        jues::diagnostics::render::Format::Human,
        true,
    );
    if let Ok(text) = std::str::from_utf8(data) {
        let file = jues::source::FileId(0);
        let mut half = text.len() / 2;
        while !text.is_char_boundary(half) {
            half -= 1;
        }
        let mut incremental = jues::syntax::Incremental::default();
        incremental.parse(file, &text[..half]);
        let again = incremental.parse(file, text);
        let fresh = jues::syntax::parse(file, text);
        assert_eq!(format!("{again:?}"), format!("{fresh:?}"), "parsing again differs");
        if let Some(once) = jues::fmt::format(text) {
            // Formatting is idempotent on anything it accepts, keeps every comment and the
            // facts (without their positions and formulas, which formatting moves and lays out).
            assert_eq!(jues::fmt::format(&once).as_deref(), Some(once.as_str()));
            assert_eq!(comments(&once), comments(text), "formatting changed a comment");
            let before = facts(&compilation);
            let mut sources = jues::source::Sources::new();
            sources.add("fuzz.jues".to_owned(), once);
            let after = jues::compile(sources, &jues::Options { strict: true, ..jues::Options::default() });
            assert_eq!(facts(&after), before, "formatting changed the facts");
        }
    }
});

/// The comments of `text` as the grammar reads them, without trailing spaces, sorted.
fn comments(text: &str) -> Option<Vec<String>> {
    let marks = jues::syntax::marks(jues::source::FileId(0), text)?;
    let mut comments: Vec<String> = marks
        .comments
        .iter()
        .map(|c| text[c.range()].trim_end_matches([' ', '\t', '\u{3000}', '\r']).to_owned())
        .collect();
    comments.sort();
    Some(comments)
}

/// The facts file without the lines that formatting may change: positions and formulas.
fn facts(compilation: &jues::Compilation) -> String {
    let json = jues::render::facts::render(&compilation.evaluated.document, &compilation.sources);
    json.lines()
        .filter(|l| !["\"line\":", "\"column\":", "\"formula\":"].iter().any(|k| l.trim_start().starts_with(k)))
        .collect::<Vec<_>>()
        .join("\n")
}
