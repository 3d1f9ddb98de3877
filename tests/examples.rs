//! Every example and stdlib document is checked by the suite.

use jues::source::Sources;
use jues::{compile, Options};
use std::path::{Path, PathBuf};

fn jues_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "jues") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Examples whose purpose is to show defects: they are checked by their own tests.
const AUDITED: &[&str] = &["as-published.jues"];

#[test]
fn examples_and_stdlib_check_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let examples = jues_files(&root.join("examples"));
    assert!(!examples.is_empty(), "there are examples");
    let files = examples.into_iter();
    for path in files {
        if AUDITED.iter().any(|a| path.ends_with(a)) {
            continue;
        }
        let mut sources = Sources::new();
        sources.add_bytes(path.display().to_string(), &std::fs::read(&path).unwrap());
        let compilation = compile(sources, &Options::default());
        let short = jues::diagnostics::render::render(
            &compilation.sources,
            &compilation.diagnostics,
            jues::diagnostics::render::Format::Short,
            false,
            jues::i18n::Lang::En,
        );
        // Notes (codes not yet in the verified list) are information; nothing else may show.
        let problems = compilation
            .diagnostics
            .iter()
            .filter(|d| d.severity != jues::diagnostics::Severity::Note)
            .count();
        assert_eq!(problems, 0, "{}:\n{short}", path.display());
    }
}

/// Every standard-library file is a registered report type, and a report of each type that
/// fills in nothing has no error (the library's own identities hold on its defaults).
#[test]
fn stdlib_types_check_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for path in jues_files(&root.join("stdlib")) {
        let name = path.file_stem().unwrap().to_str().unwrap();
        let registered =
            jues::library::report_type(name).expect("every stdlib file is a report type");
        assert_eq!(
            registered.1,
            std::fs::read_to_string(&path).unwrap(),
            "{name} is embedded as it is on disk"
        );
        let mut sources = Sources::new();
        sources.add(
            "empty.jues",
            format!("报告 \"空报告\" {{\n  类型 {name}\n}}\n"),
        );
        let compilation = compile(sources, &Options::default());
        let short = jues::diagnostics::render::render(
            &compilation.sources,
            &compilation.diagnostics,
            jues::diagnostics::render::Format::Short,
            false,
            jues::i18n::Lang::En,
        );
        // The library's own identities hold on its defaults; what the empty report lacks is
        // its tables, said once.
        let codes: Vec<&str> = compilation
            .diagnostics
            .iter()
            .map(|d| d.code.id())
            .collect();
        assert_eq!(codes, ["J0309"], "{name}:\n{short}");
    }
}

/// The published report: every defect of `lusong-hrss-2019-defects.md` is reported at its
/// place, and nothing else is flagged.
#[test]
fn as_published_reports_every_defect_and_nothing_else() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/lusong-hrss-2019/as-published.jues");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut sources = Sources::new();
    sources.add("as-published.jues", text.clone());
    let compilation = compile(
        sources,
        &Options {
            strict: true,
            ..Options::default()
        },
    );
    let file = compilation.sources.get(jues::source::FileId(0));
    let found: Vec<(String, usize)> = compilation
        .diagnostics
        .iter()
        .filter(|d| d.code.id() != "J0304")
        .map(|d| {
            (
                d.code.id().to_owned(),
                file.line_col(d.primary.span.start as usize).0,
            )
        })
        .collect();

    // (defect, code, a piece of the line it must be reported on, which occurrence)
    let expected: &[(u32, &str, &str, usize)] = &[
        (1, "J0301", "775.19", 0),
        (2, "J0203", "\"社会保障和就业支出\"", 0),
        (3, "J0202", "= 165%}", 0),
        (4, "J0202", "= 82.2%}", 0),
        (5, "J0204", "= 214.12元}", 0),
        (6, "J0403", "今年新增参保单位家", 0),
        (7, "J0402", "大于（小于）", 0),
        (
            8,
            "J0205",
            "completion(三公.出国.决算, 三公.出国.预算) = 0%",
            0,
        ),
        (
            8,
            "J0205",
            "completion(三公.用车.决算, 三公.用车.预算) = 0%",
            0,
        ),
        (9, "J0302", "\"引进人才费用\"", 1),
    ];
    let line_of = |piece: &str, occurrence: usize| -> usize {
        text.lines()
            .enumerate()
            .filter(|(_, l)| l.contains(piece))
            .nth(occurrence)
            .map(|(i, _)| i + 1)
            .unwrap_or_else(|| panic!("`{piece}` is not in the transcription"))
    };
    let mut wanted: Vec<(String, usize)> = expected
        .iter()
        .map(|(_, code, piece, n)| ((*code).to_owned(), line_of(piece, *n)))
        .collect();
    let mut found_sorted = found.clone();
    wanted.sort();
    found_sorted.sort();
    assert_eq!(
        found_sorted, wanted,
        "defects reported differ from the defect list"
    );

    // Defects 10 and 11 (实务, 高进) are in the names of codes the verified list lacks: one note
    // for the document counts them among the codes whose names were not checked (a `科目表`
    // finds both: tests/cases/table/own_code_list.jues).
    let unlisted: Vec<String> = compilation
        .diagnostics
        .iter()
        .filter(|d| d.code.id() == "J0304")
        .map(|d| d.message.text(jues::i18n::Lang::En))
        .collect();
    assert_eq!(unlisted.len(), 1, "{unlisted:?}");
    assert!(
        unlisted[0].starts_with("16 codes of table `财政拨款支出`"),
        "{unlisted:?}"
    );
    assert!(compilation.has_errors());
}

/// The authored example renders: its Markdown is pinned (values, wording, loops, tables).
#[test]
fn report_renders_to_markdown() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/lusong-hrss-2019/report.jues");
    let mut sources = Sources::new();
    sources.add("report.jues", std::fs::read_to_string(path).unwrap());
    let compilation = compile(sources, &Options::default());
    assert!(!compilation.has_errors());
    let markdown = jues::render::markdown::render(&compilation.evaluated.document);
    insta::assert_snapshot!("report_markdown", markdown);
}
