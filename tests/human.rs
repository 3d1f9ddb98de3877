//! The human format's layout: every line of a report fits in 100 display columns (a Chinese
//! character takes two), long source lines are shown in windows cut with `…`, and each label's
//! underline stands under the text it labels, on the line with the true line number.

use jues::diagnostics::render;
use jues::source::Sources;
use jues::{compile, Options};
use std::path::Path;
use std::process::Command;
use unicode_width::UnicodeWidthStr;

/// The widest line a report may have.
const WIDTH: usize = 100;

/// A label as the test expects to see it: the line number the gutter shows, and the text of
/// that line the label points at, from its `start`th character.
#[derive(Debug)]
struct Expected {
    line: usize,
    start: usize,
    text: String,
}

/// The human reports in `output`, one per diagnostic, in order.
fn reports(output: &str) -> Vec<String> {
    let mut reports: Vec<String> = Vec::new();
    for line in output.lines() {
        let header = ["error[", "warning[", "note[", "错误[", "警告[", "提示["]
            .iter()
            .any(|s| line.starts_with(s));
        if header {
            reports.push(String::new());
        }
        if let Some(report) = reports.last_mut() {
            report.push_str(line);
            report.push('\n');
        }
    }
    reports
}

/// Every line of `output` fits in [`WIDTH`] columns.
fn assert_fits(output: &str) {
    for line in output.lines() {
        assert!(
            line.width() <= WIDTH,
            "a line of {} columns:\n{line}\nin\n{output}",
            line.width()
        );
    }
}

/// The gutter of an excerpt's row: the line number of a source row, and where its text starts
/// (after `│ ` or `· `).
fn gutter(row: &str) -> Option<(Option<usize>, usize)> {
    let (bar, mark) = [("│ ", true), ("· ", false)]
        .iter()
        .filter_map(|&(bar, numbered)| row.find(bar).map(|at| (at, numbered)))
        .min()?;
    let before = &row[..bar];
    if !before.chars().all(|c| c == ' ' || c.is_ascii_digit()) {
        return None;
    }
    let number = before.trim();
    match (mark, number.parse().ok()) {
        (true, Some(n)) => Some((Some(n), bar + "│ ".len())),
        (false, None) if number.is_empty() => Some((None, bar + "· ".len())),
        _ => None,
    }
}

/// The characters of `text` whose display columns start in `from..to`.
fn under(text: &str, from: usize, to: usize) -> String {
    let mut column = 0;
    let mut out = String::new();
    for c in text.chars() {
        if (from..to).contains(&column) {
            out.push(c);
        }
        column += c.to_string().width();
    }
    out
}

/// The underlines of a marks row (`───┬───   ─┬─`, `▲`): their display columns.
fn underlines(marks: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut column = 0;
    for c in marks.chars().chain([' ']) {
        let drawn = matches!(c, '─' | '┬' | '▲');
        match (drawn, start) {
            (true, None) => start = Some(column),
            (false, Some(s)) => {
                out.push((s, column));
                start = None;
            }
            _ => {}
        }
        column += c.to_string().width();
    }
    out
}

/// Each expected label has its underline under its text in `report`: the row numbered with
/// its line shows a window of `lines[line - 1]`, and the text above its underline is the
/// label's (or its start, cut at a `…`). Labels of a line are matched to the underlines of
/// the row in order of their text.
fn assert_labels_under_text(report: &str, lines: &[&str], expected: &[Expected]) {
    let rows: Vec<&str> = report.lines().collect();
    let mut numbers = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let Some((Some(number), at)) = gutter(row) else {
            continue;
        };
        numbers.push(number);
        let text = &row[at..];
        // The row is the line, or pieces of it between `…`.
        let line = lines[number - 1];
        for piece in text.split('…').filter(|p| !p.is_empty()) {
            assert!(
                line.contains(piece),
                "row {number} shows `{piece}`, not in its line\n{report}"
            );
        }
        let mut on_line: Vec<&Expected> = expected.iter().filter(|e| e.line == number).collect();
        if on_line.is_empty() {
            continue;
        }
        on_line.sort_by_key(|e| (e.start, e.text.len()));
        let marks = rows
            .get(i + 1)
            .and_then(|row| gutter(row).filter(|g| g.0.is_none()).map(|g| &row[g.1..]))
            .unwrap_or_else(|| panic!("no underline under row {number}\n{report}"));
        let drawn = underlines(marks);
        assert_eq!(
            drawn.len(),
            on_line.len(),
            "row {number}: underlines {drawn:?} for labels {on_line:?}\n{report}"
        );
        for ((from, to), label) in drawn.into_iter().zip(on_line) {
            let shown = under(text, from, to);
            let cut = under(text, to, to + 1) == "…";
            assert!(
                shown == label.text || (cut && label.text.starts_with(&shown) && !shown.is_empty()),
                "row {number}: `{shown}` above the underline of `{}`\n{report}",
                label.text
            );
        }
    }
    for e in expected {
        assert!(
            numbers.contains(&e.line),
            "no row numbered {} for {e:?}\n{report}",
            e.line
        );
    }
}

/// The published report, checked by the binary in each language: its human report fits in
/// 100 columns, and every label (taken from the JSON report) stands under its text, with the
/// header at the primary label's true line and column.
#[test]
fn the_published_report_fits_and_its_labels_stand_under_their_text() {
    for lang in ["zh", "en"] {
        the_published_report_fits_in(lang);
    }
}

fn the_published_report_fits_in(lang: &str) {
    const FILE: &str = "examples/lusong-hrss-2019/as-published.jues";
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_jues"))
            .args(args)
            .args(["--lang", lang])
            .current_dir(root)
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let human = run(&["check", "--color", "never", FILE]);
    let json: serde_json::Value =
        serde_json::from_str(&run(&["check", "--format", "json", FILE])).unwrap();
    let text = std::fs::read_to_string(root.join(FILE)).unwrap();
    let lines: Vec<&str> = text.lines().collect();

    assert_fits(&human);
    let diagnostics = json["diagnostics"].as_array().unwrap();
    let reports = reports(&human);
    assert_eq!(reports.len(), diagnostics.len(), "{human}");
    let mut cut = 0;
    for (report, diagnostic) in reports.iter().zip(diagnostics) {
        let header = format!("╭─[{FILE}:{}:{}]", diagnostic["line"], diagnostic["column"]);
        assert!(report.contains(&header), "{header} not in\n{report}");
        let expected: Vec<Expected> = diagnostic["labels"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| l["file"] == FILE && l["line"] == l["end_line"])
            .map(|l| {
                let number = l["line"].as_u64().unwrap() as usize;
                let (from, to) = (
                    l["column"].as_u64().unwrap(),
                    l["end_column"].as_u64().unwrap(),
                );
                let text = lines[number - 1]
                    .chars()
                    .skip(from as usize - 1)
                    .take((to - from) as usize)
                    .collect();
                Expected {
                    line: number,
                    start: from as usize - 1,
                    text,
                }
            })
            .collect();
        assert!(!expected.is_empty());
        assert_labels_under_text(report, &lines, &expected);
        cut += usize::from(report.contains('…'));
    }
    // The paragraphs' findings are shown in windows.
    assert!(cut >= 6, "{human}");
    // (Where the window starts depends on how wide its labels are in the language shown.)
    let finding = "，占目标任务 {share(企业养老.征缴实际, 企业养老.征缴目标) = 82.2%}";
    assert!(human
        .lines()
        .any(|l| l.contains(" │ …") && l.contains(finding)));
}

/// Every case file, rendered in process: each report fits in 100 columns (a few words too long
/// for any line aside), and its labels in the file stand under their text.
#[test]
fn every_case_fits_and_its_labels_stand_under_their_text() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pattern = root.join("tests/cases/**/*.jues");
    let mut checked = 0;
    for path in glob::glob(pattern.to_str().unwrap()).unwrap() {
        let path = path.unwrap();
        let mut sources = Sources::new();
        let name = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        sources.add_bytes(name, &std::fs::read(&path).unwrap());
        let compilation = compile(sources, &Options::default());
        for (diagnostic, lang) in compilation
            .diagnostics
            .iter()
            .flat_map(|d| jues::i18n::Lang::ALL.map(|lang| (d, lang)))
        {
            let report = render::human(&compilation.sources, diagnostic, false, lang);
            assert_fits(&report);
            let file = compilation.sources.get(diagnostic.primary.span.file);
            let text = file.shown();
            let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
            let mut labels = vec![&diagnostic.primary];
            if file.sheet_places().is_none() {
                labels.extend(
                    diagnostic
                        .secondary
                        .iter()
                        .filter(|l| l.span.file == diagnostic.primary.span.file),
                );
            }
            let expected: Vec<Expected> = labels
                .iter()
                .filter_map(|l| {
                    let start = l.span.start as usize;
                    let labelled = text.get(l.span.range())?.trim_end_matches(['\r', '\n']);
                    let index = file.line_index(start);
                    // Labels over several lines, empty ones, and lines with tabs (which miette
                    // widens) are drawn otherwise.
                    if labelled.is_empty() || labelled.contains('\n') || lines[index].contains('\t')
                    {
                        return None;
                    }
                    let line_start = file.line_starts()[index];
                    Some(Expected {
                        line: file.line_number(index),
                        start: text[line_start..start].chars().count(),
                        text: labelled.to_owned(),
                    })
                })
                .collect();
            // A sheet's rows are numbered as in the sheet: its line is found by the row.
            let rows: Vec<&str> = match file.sheet_places() {
                Some(places) => {
                    let last = places.rows.iter().copied().max().unwrap_or(0) as usize;
                    let mut rows = vec![""; last];
                    for (i, &row) in places.rows.iter().enumerate() {
                        rows[row as usize - 1] = lines[i];
                    }
                    rows
                }
                None => lines.clone(),
            };
            // Two labels over the same text are drawn one after the other.
            let overlapping = expected.iter().enumerate().any(|(i, a)| {
                expected[..i].iter().any(|b| {
                    let end = |e: &Expected| e.start + e.text.chars().count();
                    a.line == b.line && a.start < end(b) && b.start < end(a)
                })
            });
            if !overlapping {
                assert_labels_under_text(&report, &rows, &expected);
            }
            checked += 1;
        }
    }
    assert!(checked > 200, "{checked}");
}
