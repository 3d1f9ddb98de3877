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
use std::collections::{BTreeMap, BTreeSet};
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

/// A case file compiled with the options its second line asks for (`// option: strict`):
/// its name, its text and the compilation.
fn compiled(path: &Path) -> (String, String, jues::Compilation) {
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
    let options = Options {
        strict,
        publish,
        ..Options::default()
    };
    let compilation = compile(sources, &options);
    (name, text, compilation)
}

#[test]
fn cases() {
    insta::glob!("cases/**/*.jues", |path| {
        let (name, text, compilation) = compiled(path);

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

/// A Chinese reader finds no English word in the Chinese rendering of any case: every run of
/// Latin letters is a code (`J0201`), something the case itself wrote (a name, a function such
/// as `share`, a file), or one of the few names of formats and tools that have no Chinese.
#[test]
fn the_chinese_output_has_no_english_words() {
    const NAMES: &[&str] = &[
        "jues",
        "CSV",
        "UTF",
        "GBK",
        "GB",
        "Excel",
        "PDF",
        "HTML",
        "JSON",
        "TrueType",
        "xlsx",
        "xls",
        "ods",
        "csv",
        "tsv",
        "MB",
        "KB",
        "NUL",
        // The functions of the language, which J0102 lists.
        "share",
        "completion",
        "growth",
        "change",
        "sum",
        "abs",
        "round",
        "min",
        "max",
    ];
    let mut found: Vec<String> = Vec::new();
    insta::glob!("cases/**/*.jues", |path| {
        let (name, _, compilation) = compiled(path);
        // What each diagnostic says in Chinese (message, labels, help, notes), but what it
        // quotes in backticks (what to type: a flag, a path, a command, a name).
        let rendered: String = compilation
            .diagnostics
            .iter()
            .flat_map(|d| {
                let t = d.texts(Lang::Zh);
                let mut texts = vec![t.message, t.primary];
                texts.extend(t.secondary);
                texts.extend(t.help);
                texts.extend(t.notes);
                texts
            })
            .map(|text| text.split('`').step_by(2).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n");
        // What the case's own files say (its text, the data files and imports it read), but
        // their comments, which are English notes for developers.
        let written: String = (0..compilation.sources.len())
            .map(|i| compilation.sources.get(jues::source::FileId(i as u32)))
            .flat_map(|f| {
                let lines = f
                    .text()
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("//"));
                std::iter::once(f.name()).chain(lines)
            })
            .collect::<Vec<_>>()
            .join("\n");
        let mut word = String::new();
        for c in rendered.chars().chain(std::iter::once(' ')) {
            if c.is_ascii_alphabetic() || (c == '_' && !word.is_empty()) {
                word.push(c);
                continue;
            }
            let code = word.len() == 1 && word == "J" && c.is_ascii_digit();
            let english = word.len() > 1
                && !NAMES.contains(&word.as_str())
                && !written.contains(word.as_str());
            if english && !code {
                found.push(format!("{name}: `{word}`"));
            }
            word.clear();
        }
    });
    found.dedup();
    assert!(
        found.is_empty(),
        "{} English words in the Chinese output:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// Every registered code is said in both languages: over all the case files, each code's
/// diagnostics have a message and help in Chinese and in English, none of them left as a
/// catalog id or empty, and none the same in both languages (an untranslated text). Each
/// code has a case (`every_code_has_a_case`), so a code whose words are missing fails here.
#[test]
fn every_code_has_a_message_and_help_in_both_languages() {
    let mut said: BTreeMap<String, [bool; 2]> = BTreeMap::new();
    let mut problems = Vec::new();
    insta::glob!("cases/**/*.jues", |path| {
        let (name, _, compilation) = compiled(path);
        for d in &compilation.diagnostics {
            let code = d.code.id().to_owned();
            let zh = d.texts(Lang::Zh);
            let en = d.texts(Lang::En);
            for (lang, t) in [("zh", &zh), ("en", &en)] {
                let mut texts = vec![&t.message];
                texts.extend(&t.help);
                texts.extend(&t.notes);
                for text in texts {
                    let id_like = text.starts_with('J')
                        && text.contains('-')
                        && !text.contains(' ')
                        && text.is_ascii();
                    if text.trim().is_empty() || id_like {
                        problems.push(format!("{name} {code} {lang}: `{text}`"));
                    }
                }
            }
            if zh.message == en.message {
                problems.push(format!("{name} {code}: the same in both: {}", zh.message));
            }
            let entry = said.entry(code).or_default();
            entry[0] |= true;
            entry[1] |= zh.help.is_some() && en.help.is_some() && zh.help != en.help;
        }
    });
    for info in codes::ALL {
        match said.get(info.id) {
            None => problems.push(format!("{}: no case reports it", info.id)),
            Some([_, false]) => problems.push(format!("{}: no help in both languages", info.id)),
            Some(_) => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The codes whose help suggests an edit, each with its fix (a replacement over a span) in
/// some case: the quick fix an editor offers and the JSON carries.
const FIXED_CODES: &[&str] = &[
    "J0101", "J0103", "J0105", "J0106", "J0201", "J0202", "J0204", "J0207", "J0301", "J0303",
    "J0401", "J0409", "J0410", "J0411", "J0412",
];

/// Every fix in every case does what its help says: written into the case, the diagnostic
/// it came with is gone and no more errors than before are found.
/// Each code of [`FIXED_CODES`] has a case with a fix, and no other code has one.
#[test]
fn every_fix_resolves_its_diagnostic() {
    let mut fixed: BTreeSet<String> = BTreeSet::new();
    let mut problems = Vec::new();
    insta::glob!("cases/**/*.jues", |path| {
        let (name, text, compilation) = compiled(path);
        let errors = |c: &jues::Compilation| {
            c.diagnostics
                .iter()
                .filter(|d| d.severity == jues::diagnostics::Severity::Error)
                .count()
        };
        for d in &compilation.diagnostics {
            let Some(fix) = &d.fix else { continue };
            let code = d.code.id();
            if !FIXED_CODES.contains(&code) {
                problems.push(format!(
                    "{name}: {code} has a fix but is not in FIXED_CODES"
                ));
            }
            if fix.span.file.0 != 0 {
                continue;
            }
            let (start, end) = (fix.span.start as usize, fix.span.end as usize);
            let edited = format!("{}{}{}", &text[..start], fix.replacement, &text[end..]);
            let mut sources = Sources::new();
            sources.add_bytes(name.clone(), edited.as_bytes());
            let after = compile(sources, &Options::default());
            // The diagnostic is gone from where it was (the text before the edit is as it
            // was, so a diagnostic there keeps its place).
            let at = d.primary.span.start.min(fix.span.start);
            let still = after
                .diagnostics
                .iter()
                .any(|a| a.code == d.code && a.primary.span.start == at);
            if still || errors(&after) > errors(&compilation) {
                problems.push(format!(
                    "{name}: {code} `{}` → `{}`: still there: {still}, {} → {} errors",
                    &text[start..end],
                    fix.replacement,
                    errors(&compilation),
                    errors(&after)
                ));
            } else {
                fixed.insert(code.to_owned());
            }
        }
    });
    for code in FIXED_CODES {
        if !fixed.contains(*code) {
            problems.push(format!("{code}: no case has a fix that resolves it"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
