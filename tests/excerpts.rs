//! A report cut to one of its sections (an excerpt) gives no finding that the section itself
//! does not contain: the seed report as published, cut section by section, as it is and as a
//! 部门决算 excerpt (`类型 部门决算`, `摘录 是`).

use jues::source::Sources;
use jues::{compile, Options};
use std::collections::BTreeSet;
use std::path::Path;

/// The errors and warnings of a document: (severity, code, line) each.
fn findings(text: &str) -> BTreeSet<(String, String, usize)> {
    let mut sources = Sources::new();
    sources.add("as-published.jues".to_owned(), text.to_owned());
    let compilation = compile(sources, &Options::default());
    compilation
        .diagnostics
        .iter()
        .filter(|d| d.severity.as_str() != "note")
        .map(|d| {
            let span = d.primary.span;
            let file = compilation.sources.get(span.file);
            // A finding outside the document (in the standard library) counts as line 0.
            let line = if file.name() == "as-published.jues" {
                file.line_col(span.start as usize).0
            } else {
                0
            };
            (d.severity.as_str().to_owned(), d.code.id().to_owned(), line)
        })
        .collect()
}

fn seed() -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/lusong-hrss-2019/as-published.jues");
    std::fs::read_to_string(path).unwrap()
}

/// The seed report typed as a 部门决算, and with `摘录 是` when `excerpt`.
fn typed(text: &str, excerpt: bool) -> String {
    let setting = "  转录     是\n";
    assert!(text.contains(setting));
    let extra = if excerpt {
        "  类型     部门决算\n  摘录     是\n"
    } else {
        "  类型     部门决算\n"
    };
    text.replacen(setting, &format!("{setting}{extra}"), 1)
}

/// The document cut to each of its sections: its declarations (everything before the first
/// heading) and the lines from one heading to the next, the other lines left blank so that
/// every line keeps its number. Each cut with its first and last line (1-based).
fn cuts(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let headings: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with('#'))
        .collect();
    let preamble = headings.first().copied().unwrap_or(lines.len());
    headings
        .iter()
        .enumerate()
        .map(|(k, &start)| {
            let end = headings.get(k + 1).copied().unwrap_or(lines.len());
            let kept: Vec<&str> = (0..lines.len())
                .map(|i| {
                    if i < preamble || (start..end).contains(&i) {
                        lines[i]
                    } else {
                        ""
                    }
                })
                .collect();
            (kept.join("\n") + "\n", start + 1, end)
        })
        .collect()
}

/// Every cut gives exactly the findings of the whole that lie in its lines (its own
/// section's, and those of the declarations every cut keeps).
fn assert_cuts_agree(text: &str) {
    let whole = findings(text);
    let preamble = text.lines().take_while(|l| !l.starts_with('#')).count();
    let sections = cuts(text);
    assert!(sections.len() >= 10, "{}", sections.len());
    for (cut, first, last) in sections {
        let found = findings(&cut);
        let expected: BTreeSet<_> = whole
            .iter()
            .filter(|(_, _, line)| *line <= preamble || (first..=last).contains(line))
            .cloned()
            .collect();
        assert_eq!(found, expected, "the cut to lines {first}–{last}");
    }
}

#[test]
fn the_seed_report_cut_to_any_one_section_finds_only_what_the_section_has() {
    let text = seed();
    assert!(findings(&text).len() >= 9);
    assert_cuts_agree(&text);
}

#[test]
fn the_seed_report_as_a_standard_excerpt_cut_to_any_one_section() {
    let text = seed();
    // Typed as a 部门决算, the report that did not publish its 年末结转和结余 fails the
    // identity 收入总计 = 支出总计 (1149.45 against 1075.27 and zeros), and lacks eight
    // tables: findings of jues, not of the report.
    let whole_report = findings(&typed(&text, false));
    assert!(whole_report.iter().any(|(_, code, _)| code == "J0210"));
    assert!(whole_report.iter().any(|(_, code, _)| code == "J0309"));
    // As an excerpt it has the findings of the report as published, and no others.
    let excerpt = typed(&text, true);
    let shifted: BTreeSet<_> = findings(&text)
        .into_iter()
        .map(|(severity, code, line)| (severity, code, line + 2))
        .collect();
    assert_eq!(findings(&excerpt), shifted);
    assert_cuts_agree(&excerpt);
}
