//! `jues fmt`: idempotent, keeps every comment and the meaning (the facts, the rendered page,
//! the diagnostics), and the examples and stdlib are formatted.

use jues::source::{FileId, Sources};
use jues::{compile, Options};
use std::path::{Path, PathBuf};

fn jues_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            jues_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "jues") {
            out.push(path);
        }
    }
}

fn all_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests/cases", "examples", "stdlib"] {
        jues_files(&root.join(dir), &mut files);
    }
    files.sort();
    files
}

/// What a document means: its figures' values and its rendered numbers, without positions.
fn meaning(name: &Path, text: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let mut sources = Sources::new();
    sources.add(name.display().to_string(), text.to_owned());
    let compilation = compile(sources, &Options::default());
    let document = &compilation.evaluated.document;
    let figures = document
        .figures
        .iter()
        .map(|f| {
            format!(
                "{} = {} {:?} [{:?}, {:?}]",
                f.name, f.value, f.unit, f.lower, f.upper
            )
        })
        .collect();
    // Spaces at the end of a line are not part of what a page shows (the Markdown writes them
    // as references, `&#32;`, so that they are kept).
    let rendered = jues::render::markdown::render(document)
        .lines()
        .map(|l| {
            let mut l = l.trim_end();
            while let Some(rest) = l.strip_suffix("&#32;").or_else(|| l.strip_suffix("&#9;")) {
                l = rest.trim_end();
            }
            l.to_owned()
        })
        .collect();
    let mut codes: Vec<String> = compilation
        .diagnostics
        .iter()
        .map(|d| d.code.id().to_owned())
        .collect();
    codes.sort();
    (figures, rendered, codes)
}

/// The comments of `text` as the grammar reads them, sorted (a multiset), each without the
/// spaces at its end (the formatter trims line ends); `None` when `text` does not parse.
pub(crate) fn comments(text: &str) -> Option<Vec<String>> {
    let marks = jues::syntax::marks(FileId(0), text)?;
    let mut comments: Vec<String> = marks
        .comments
        .iter()
        .map(|c| {
            text[c.range()]
                .trim_end_matches([' ', '\t', '\u{3000}', '\r'])
                .to_owned()
        })
        .collect();
    comments.sort();
    Some(comments)
}

/// The facts file (`report.facts.json`) of `text`, without source positions (formatting moves
/// them) and with each formula in its formatted layout (formatting lays formulas out).
pub(crate) fn facts(text: &str) -> serde_json::Value {
    fn normalise(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                map.remove("source");
                for (key, value) in map.iter_mut() {
                    match value {
                        serde_json::Value::String(formula) if key == "formula" => {
                            if let Some(laid_out) = jues::fmt::format(&format!("x = {formula}\n")) {
                                *formula = laid_out;
                            }
                        }
                        _ => normalise(value),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(normalise),
            _ => {}
        }
    }
    let mut sources = Sources::new();
    sources.add("report.jues".to_owned(), text.to_owned());
    let compilation = compile(sources, &Options::default());
    let json = jues::render::facts::render(&compilation.evaluated.document, &compilation.sources);
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    normalise(&mut value);
    value
}

/// Formats `text` and checks the formatted text: formatting it again changes nothing, it has
/// the same comments, the same facts, and means the same. `Ok(None)` when `text` does not
/// parse (the formatter leaves it alone).
pub(crate) fn check_formatting(name: &Path, text: &str) -> Result<Option<String>, String> {
    let Some(once) = jues::fmt::format(text) else {
        return Ok(None);
    };
    let twice = jues::fmt::format(&once).ok_or("the formatted text does not parse")?;
    if twice != once {
        return Err(format!(
            "fmt(fmt(x)) differs from fmt(x):\n{once}\n---\n{twice}"
        ));
    }
    if comments(&once) != comments(text) {
        return Err(format!(
            "a comment changed: {:?} became {:?}",
            comments(text),
            comments(&once)
        ));
    }
    if facts(&once) != facts(text) {
        return Err(format!(
            "the facts changed:\n{:#}\n---\n{:#}",
            facts(text),
            facts(&once)
        ));
    }
    if meaning(name, &once) != meaning(name, text) {
        return Err(format!(
            "the meaning changed: {:?}\n---\n{:?}",
            meaning(name, text),
            meaning(name, &once)
        ));
    }
    Ok(Some(once))
}

#[test]
fn formatting_is_idempotent_and_keeps_the_comments_and_the_meaning() {
    let mut formatted_count = 0;
    for path in all_files() {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        match check_formatting(&path, &text) {
            Ok(Some(_)) => formatted_count += 1,
            Ok(None) => {}
            Err(e) => panic!("{}: {e}", path.display()),
        }
    }
    assert!(formatted_count > 30, "the cases were formatted");
}

/// Formats `text`, checks it with [`check_formatting`], and returns the formatted text.
fn formatted(text: &str) -> String {
    match check_formatting(Path::new("report.jues"), text) {
        Ok(Some(once)) => once,
        Ok(None) => panic!("{text:?} does not parse"),
        Err(e) => panic!("{text:?}: {e}"),
    }
}

// Reproductions of issue #13: the formatter read strings and names on its own.

#[test]
fn a_comment_after_a_string_ending_in_an_escaped_backslash_stays() {
    let text = "报告 \"x\\\\\" { // 说明\n  单位 \"某局\"\n}\n检查 1 == 1 \"a\\\\\" // 检查说明\n";
    let once = formatted(text);
    assert!(
        once.contains("// 说明") && once.contains("// 检查说明"),
        "{once}"
    );
}

#[test]
fn a_comment_after_a_quoted_name_with_a_quote_stays() {
    let text = "组 g {\n  「a\"b」 = 1 // 说明\n}\n「c\"d」 = 2 // 又一条\n";
    let once = formatted(text);
    assert!(
        once.contains("// 说明") && once.contains("// 又一条"),
        "{once}"
    );
}

#[test]
fn a_name_the_grammar_reads_only_quoted_stays_quoted() {
    // `²` is alphanumeric but not XID_CONTINUE: bare, `x² = 1` is prose.
    let once = formatted("「x²」 = 1\n检查 「x²」 == 1\n");
    assert!(once.starts_with("「x²」 = 1\n"), "{once}");
    // Keywords that the grammar reads before a name where they stand.
    let once =
        formatted("报告 \"x\" {\n  「列」 1\n}\n表 t {\n  「合计」 \"x\"\n  「小计」 1\n}\n");
    assert!(
        once.contains("「列」 1") && once.contains("「合计」 \"x\"") && once.contains("「小计」 1"),
        "{once}"
    );
    // And a name that needs no brackets loses them.
    assert_eq!(formatted("「收入」 = 1\n"), "收入 = 1\n");
}

#[test]
fn spaces_inside_a_string_at_a_line_end_stay() {
    // A string may run over a line break; the spaces before it are part of its value.
    let text = "组 g { // 说明\n  a = 1 \"甲  \n乙\"\n}\n";
    let once = formatted(text);
    assert!(once.contains("\"甲  \n乙\""), "{once:?}");
}

#[test]
fn spaces_at_a_prose_line_end_are_not_text() {
    // Found by the property test: the formatter trims them, so the page must not show them
    // (before a line break of a paragraph they showed as spaces between the lines).
    let text = "本年收入 {1} 万元  \n续行\n";
    assert_eq!(formatted(text), "本年收入 {1} 万元\n续行\n");
}

#[test]
fn a_formula_with_parentheses_is_shown_whole() {
    // Found by the property test: the facts showed `a+b)*2`, the text after `(`.
    let facts = facts("a = 1\nb = 2\nc = (a+b)*2\n");
    assert_eq!(
        facts["figures"][2]["formula"], "x = (a + b) * 2\n",
        "{facts:#}"
    );
    formatted("a = 1\nb = 2\nc = (a+b)*2\n");
}

/// Every entity `jues new` may be given: the report of each type parses and shows it as given.
#[test]
fn new_writes_any_entity_as_given() {
    for (kind, ..) in jues::library::TYPES {
        new_writes_any_entity_as_given_in(kind);
    }
}

fn new_writes_any_entity_as_given_in(kind: &str) {
    for entity in [
        "某\"局\"",
        "某\\局",
        "某局\\",
        "某\\\"局",
        "{某}局",
        "*某*",
        "「某」局",
        "某\n局",
        "某\r\n局",
        "某\t局",
        "某\u{b}局\u{1}",
        "某$年度$局",
        "$单位$",
        "$标题$$单位串$",
        "// 某",
        "# 某",
        "某\u{2028}局",
        " 某局 ",
    ] {
        let files =
            jues::library::scaffold(kind, entity, 2024, jues::library::Prior::Block).unwrap();
        let report = &files[0].1;
        let mut sources = Sources::new();
        sources.add("report.jues".to_owned(), report.clone());
        let compilation = compile(sources, &Options::default());
        let syntax: Vec<_> = compilation
            .diagnostics
            .iter()
            .filter(|d| d.code.id() == "J0001")
            .collect();
        assert!(syntax.is_empty(), "{entity:?}: {syntax:?}\n{report}");
        let document = &compilation.evaluated.document;
        assert_eq!(document.entity.as_deref(), Some(entity), "{entity:?}");
        assert_eq!(
            document.title,
            format!("{entity}2024年度{kind}"),
            "{entity:?}"
        );
        // Prose shows a line break as a space.
        let shown = format!("第一部分 {}概况", entity.replace(['\n', '\r'], " "));
        let headings: Vec<String> = document
            .blocks
            .iter()
            .filter_map(|b| match b {
                jues::doc::Block::Heading { content, .. } => Some(
                    content
                        .iter()
                        .map(|i| match i {
                            jues::doc::Inline::Text(text, _) => text.as_str(),
                            _ => "",
                        })
                        .collect(),
                ),
                _ => None,
            })
            .collect();
        assert!(headings.contains(&shown), "{entity:?}: {headings:?}");
        assert_eq!(
            jues::fmt::format(report).as_deref(),
            Some(report.as_str()),
            "{entity:?}: the new report is formatted"
        );
    }
}

/// The command line writes a department's name with quotes so that the report parses.
#[test]
fn new_quotes_an_entity_with_quotes() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fmt-new-quotes");
    let _ = std::fs::remove_dir_all(&dir);
    let output = crate::jues_command()
        .args(["new", dir.to_str().unwrap(), "--entity", "某\"局\"$年度$"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let report = std::fs::read_to_string(dir.join("report.jues")).unwrap();
    assert!(
        report.contains("单位     \"某\\\"局\\\"$年度$\""),
        "{report}"
    );
    let mut sources = Sources::new();
    sources.add("report.jues".to_owned(), report);
    let compilation = compile(sources, &Options::default());
    assert_eq!(
        compilation.evaluated.document.entity.as_deref(),
        Some("某\"局\"$年度$")
    );
}

#[test]
fn examples_and_stdlib_are_formatted() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    jues_files(&root.join("examples"), &mut files);
    jues_files(&root.join("stdlib"), &mut files);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            jues::fmt::format(&text).as_deref(),
            Some(text.as_str()),
            "{} is not formatted: run `jues fmt` on it",
            path.display()
        );
    }
}

#[test]
fn fmt_check_reports_and_fmt_rewrites() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fmt");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("x.jues");
    std::fs::write(&file, "a=1\nb = a+1\n").unwrap();
    let run = |args: &[&str]| crate::jues_command().args(args).output().unwrap();
    let check = run(&["fmt", "--check", file.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&check.stdout).contains("+a = 1"),
        "a diff is shown"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "a=1\nb = a+1\n",
        "--check changes nothing"
    );
    assert_eq!(run(&["fmt", file.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "a = 1\nb = a + 1\n"
    );
    assert_eq!(
        run(&["fmt", "--check", file.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
}

/// A file the compiler does not read (a NUL byte: a binary file, J0002) is not formatted
/// either: the fuzzer found one formatted into a document with figures the original never had.
#[test]
fn a_binary_file_is_not_formatted() {
    assert_eq!(jues::fmt::format("a = 1 // \0\n"), None);
    assert_eq!(jues::fmt::format("a  =  1\n").as_deref(), Some("a = 1\n"));
}

/// A comment on the last line of a file without a final line break stays (the fuzzer found
/// it deleted).
#[test]
fn a_comment_on_the_last_line_without_a_line_break_stays() {
    for (text, formatted) in [
        ("x = 1\n// 注释", "x = 1\n// 注释\n"),
        ("x = 1 // 注释", "x = 1 // 注释\n"),
        ("// 只有注释", "// 只有注释\n"),
        ("x = 1\n\n// 注释  ", "x = 1\n\n// 注释\n"),
    ] {
        assert_eq!(
            jues::fmt::format(text).as_deref(),
            Some(formatted),
            "{text:?}"
        );
    }
}

/// Old Mac line ends (a lone CR) become line ends, except inside a string, where a CR is a
/// character of the value (the fuzzer found a title changed by it).
#[test]
fn a_lone_cr_inside_a_string_stays_a_character() {
    let text = "报告 \"201\r年度\" {\r  单位 \"甲\\\r乙\"\r}\r// 注释\r\r正文。\r";
    let formatted = jues::fmt::format(text).unwrap();
    assert_eq!(
        formatted,
        "报告 \"201\\r年度\" {\n  单位 \"甲\\r乙\"\n}\n// 注释\n\n正文。\n"
    );
    let title = |text: &str| {
        let mut sources = jues::source::Sources::new();
        sources.add("t.jues", text.to_owned());
        let compilation = jues::compile(sources, &jues::Options::default());
        (
            compilation.evaluated.document.title.clone(),
            compilation.evaluated.document.entity.clone(),
        )
    };
    assert_eq!(title(text), title(&formatted));
}
