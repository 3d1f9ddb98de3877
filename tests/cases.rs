//! Runs every case file under `tests/cases/`: adding a test means adding a file.
//!
//! The first line of a case says what it expects:
//! `// expect: ok`, or `// expect: error J0101` (several: `// expect: error J0101, warning J0201`).
//! The runner checks that exactly those codes (with those severities) are reported, and pins
//! the rendered diagnostics (human and short formats) in an insta snapshot per language:
//! `case@….snap` in English (with the rendered document), `case_zh@….snap` in Chinese. Notes
//! are compared only when the line expects one. A second line `// option: strict` compiles with `--strict`,
//! `// option: publish` as `jues build` does (unfinished parts are errors).

use jues::diagnostics::codes;
use jues::diagnostics::render::{self, Format};
use jues::i18n::Lang;
use jues::source::Sources;
use jues::{compile, Options};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What a case file expects: (severity, code) pairs; empty for `ok`.
fn expectation(path: &Path, text: &str) -> BTreeSet<(String, String)> {
    let first = text
        .trim_start_matches('\u{feff}')
        .split(['\r', '\n'])
        .next()
        .unwrap_or_default();
    let Some(spec) = first.strip_prefix("// expect:") else {
        panic!("{}: the first line must be `// expect: …`", path.display());
    };
    let spec = spec.trim();
    if spec == "ok" {
        return BTreeSet::new();
    }
    spec.split(',')
        .map(|part| {
            let mut words = part.split_whitespace();
            let (Some(severity), Some(code), None) = (words.next(), words.next(), words.next())
            else {
                panic!("{}: cannot read expectation `{part}`", path.display());
            };
            (severity.to_owned(), code.to_owned())
        })
        .collect()
}

/// The case's path from the crate root (`tests/cases/…`): the name shown in diagnostics, and
/// the base of the case's imports (tests run in the crate root).
fn case_name(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Long texts (the limit cases) are shown in part in snapshots.
fn abridged(text: &str) -> String {
    const SHOWN: usize = 3000;
    let count = text.chars().count();
    if count <= SHOWN {
        return text.to_owned();
    }
    let head: String = text.chars().take(SHOWN).collect();
    format!("{head}\n… ({} more characters)", count - SHOWN)
}

#[test]
fn cases() {
    insta::glob!("cases/**/*.jues", |path| {
        let bytes = std::fs::read(path).unwrap();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let name = case_name(path);
        let option = |name: &str| {
            text.lines()
                .nth(1)
                .is_some_and(|l| l.starts_with("// option:") && l.contains(name))
        };
        let (strict, publish) = (option("strict"), option("publish"));
        let mut sources = Sources::new();
        sources.add_bytes(name.clone(), &bytes);
        let compilation = compile(
            sources,
            &Options {
                strict,
                publish,
                ..Options::default()
            },
        );

        // Notes count only in cases that expect a note; elsewhere they are information (the
        // snapshot still pins them).
        let expected = expectation(path, &text);
        let with_notes = expected.iter().any(|(severity, _)| severity == "note");
        let found: BTreeSet<(String, String)> = compilation
            .diagnostics
            .iter()
            .filter(|d| with_notes || d.severity != jues::diagnostics::Severity::Note)
            .map(|d| (d.severity.as_str().to_owned(), d.code.id().to_owned()))
            .collect();
        let rendered = |format, lang| {
            render::render(
                &compilation.sources,
                &compilation.diagnostics,
                format,
                false,
                lang,
            )
        };
        let short = rendered(Format::Short, Lang::En);
        assert_eq!(
            found, expected,
            "{name}: reported codes differ from the `// expect:` line\n{short}"
        );

        let human = rendered(Format::Human, Lang::En);
        // Control characters (a NUL byte in a case) are shown as their visible symbols.
        let shown = abridged(&text.trim_end().replace('\0', "␀"));
        let mut snapshot =
            format!("{shown}\n----- short -----\n{short}\n----- human -----\n{human}");
        if !compilation.has_errors() {
            // The rendered document: interpolated values, wording, expanded loops, tables.
            let markdown = jues::render::markdown::render(&compilation.evaluated.document);
            snapshot.push_str(&format!("----- markdown -----\n{}\n", abridged(&markdown)));
        }
        let suffix = name.trim_start_matches("tests/cases/").replace('/', "__");
        let chinese = format!(
            "{shown}\n----- short -----\n{}\n----- human -----\n{}",
            rendered(Format::Short, Lang::Zh),
            rendered(Format::Human, Lang::Zh)
        );
        insta::with_settings!({ snapshot_suffix => suffix, prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("case", snapshot);
            insta::assert_snapshot!("case_zh", chinese);
        });
    });
}

/// Every registered code has at least one case file that expects it.
#[test]
fn every_code_has_a_case() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut expected = BTreeSet::new();
    let mut stack: Vec<PathBuf> = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "jues") {
                let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
                expected.extend(expectation(&path, &text).into_iter().map(|(_, code)| code));
            }
        }
    }
    let missing: Vec<_> = codes::ALL
        .iter()
        .filter(|info| !expected.contains(info.id))
        .map(|info| info.id)
        .collect();
    assert!(missing.is_empty(), "codes without a case file: {missing:?}");
}
