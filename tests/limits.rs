//! The limits of `docs/language.md` (operators in a formula, the depth of a computation) on
//! documents far past them and just within them: generated here, since they are long. Each is
//! compiled, rendered, formatted and dropped in a thread with a 2 MiB stack (a worker
//! thread's, the language server's), so that the test proves the bound; and `jues check` runs
//! on each as a file. Before the limits, each of these exhausted the stack and aborted.

use jues::source::Sources;
use jues::{compile, Options};
use std::collections::BTreeSet;

/// The stack the pipeline must fit in.
const STACK: usize = 2 << 20;

struct Case {
    name: &'static str,
    text: String,
    /// The codes reported, as `severity code`.
    expected: &'static [&'static str],
}

/// `n` figures, each computed from the next (`链000 = 链001 + 1`, …, the last `1`): the first
/// is evaluated first (names are evaluated in order), so the whole chain at once.
fn chain(n: usize, last: &str) -> String {
    let mut text = String::new();
    for i in 0..n {
        if i + 1 == n {
            text.push_str(&format!("链{i:05} = {last}\n"));
        } else {
            text.push_str(&format!("链{i:05} = 链{:05} + 1\n", i + 1));
        }
    }
    text
}

/// A table with a column computed from `figure`, and its total, checked.
fn table_over(figure: &str) -> String {
    format!(
        "表 链表 \"链表\" {{\n  列 金额: 金额, 加 = 金额 + {figure}\n  \"甲\" 1\n  \"乙\" 2\n  合计 3\n}}\n\
         检查 链表.合计.加 > 0\n"
    )
}

fn cases() -> Vec<Case> {
    let terms = |n: usize| vec!["1"; n].join(" + ");
    let max = jues::syntax::MAX_OPERATORS;
    // Within the limits: the most operators a formula may have, a chain of figures as deep as
    // evaluation may go (two steps each: the `+` and the reference; the last, a number, none),
    // used by a table too.
    let figures = jues::eval::MAX_DEPTH / 2 + 1;
    let within = format!(
        "{}{}合 = {}\n负 = {}1\n本年{{链00000}}，{{合}}，{{负}}。\n",
        chain(figures, "1"),
        table_over("链00000"),
        terms(max + 1),
        "-".repeat(max),
    );
    vec![
        Case {
            name: "negations",
            text: format!("x = {}1\n本年 {{x}}。\n", "-".repeat(18_000)),
            expected: &["error J0004"],
        },
        Case {
            name: "long_sum",
            text: format!("x = {}\n本年 {{x}}。\n", terms(18_000)),
            expected: &["error J0004"],
        },
        Case {
            name: "one_operator_too_many",
            text: format!("x = {}\ny = {}1\n", terms(max + 2), "-".repeat(max + 1)),
            expected: &["error J0004"],
        },
        Case {
            name: "figure_chain",
            text: format!(
                "{}{}本年 {{链00000}}。\n",
                chain(12_000, "1"),
                table_over("链00000")
            ),
            expected: &["error J0004"],
        },
        Case {
            name: "one_figure_too_many",
            text: chain(figures + 1, "1"),
            expected: &["error J0004"],
        },
        Case {
            name: "column_chain",
            text: {
                let columns: Vec<String> = (1..1_000)
                    .map(|i| format!("c{i} = c{} + 1", i - 1))
                    .collect();
                format!(
                    "表 宽表 \"宽表\" {{\n  列 c0: 金额, {}\n  \"甲\" 1\n}}\n本年 {{宽表[\"甲\"].c999}}。\n",
                    columns.join(", ")
                )
            },
            // A thousand columns do not fit a page either (J0310).
            expected: &["error J0004", "error J0310"],
        },
        Case {
            name: "within_limits",
            text: within,
            expected: &[],
        },
    ]
}

/// The codes a compilation reports (notes aside), as `severity code`.
fn codes(compilation: &jues::Compilation) -> BTreeSet<String> {
    compilation
        .diagnostics
        .iter()
        .filter(|d| d.severity != jues::diagnostics::Severity::Note)
        .map(|d| format!("{} {}", d.severity.as_str(), d.code.id()))
        .collect()
}

#[test]
fn deep_documents_fit_a_small_stack() {
    for case in cases() {
        let Case {
            name,
            text,
            expected,
        } = case;
        eprintln!("limits: {name}");
        let found = std::thread::Builder::new()
            .stack_size(STACK)
            .spawn(move || {
                let mut sources = Sources::new();
                sources.add(format!("{name}.jues"), text.clone());
                let compilation = compile(sources, &Options::default());
                let rendered = jues::diagnostics::render::render(
                    &compilation.sources,
                    &compilation.diagnostics,
                    jues::diagnostics::render::Format::Human,
                    false,
                    jues::i18n::Lang::Zh,
                );
                assert!(!rendered.is_empty() || compilation.diagnostics.is_empty());
                if !compilation.has_errors() {
                    let document = &compilation.evaluated.document;
                    assert!(!jues::render::markdown::render(document).is_empty());
                    assert!(!jues::render::html::render(document, &[], false).is_empty());
                    let formatted = jues::fmt::format(&text).expect("no syntax errors");
                    assert_eq!(jues::fmt::format(&formatted).as_deref(), Some(&*formatted));
                }
                codes(&compilation)
                // The compilation (its syntax tree) is dropped here, in the small stack too.
            })
            .unwrap()
            .join()
            .unwrap_or_else(|_| panic!("{name}: the pipeline panicked"));
        let expected: BTreeSet<String> = expected.iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(found, expected, "{name}");
    }
}

#[test]
fn jues_check_survives_deep_documents() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("limits");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for case in cases() {
        let path = dir.join(format!("{}.jues", case.name));
        std::fs::write(&path, &case.text).unwrap();
        let output = crate::jues_command()
            .args(["check", "--format", "short"])
            .arg(&path)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let errors = case.expected.iter().any(|c| c.starts_with("error"));
        assert_eq!(
            output.status.code(),
            Some(if errors { 1 } else { 0 }),
            "{}: {stdout}{stderr}",
            case.name
        );
        for code in case.expected {
            let id = code.split_whitespace().last().unwrap_or_default();
            assert!(
                stdout.contains(id) || stderr.contains(id),
                "{}: {id} not reported\n{stdout}{stderr}",
                case.name
            );
        }
    }
}

/// `docs/language.md` states each limit with the value of its constant.
#[test]
fn limits_are_documented() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/language.md")).unwrap();
    let operators = jues::syntax::MAX_OPERATORS;
    let depth = jues::eval::MAX_DEPTH;
    for words in [
        format!("more than {operators} operators one inside another"),
        format!("a sum of more than {} terms", operators + 1),
        format!("more than {depth} steps nested in one another"),
        format!("a chain of more than {} figures", depth / 2 + 1),
    ] {
        assert!(
            doc.contains(&words),
            "docs/language.md does not say {words:?}"
        );
    }
}
