//! `jues build`: the files it writes, determinism, refusal on errors, escaping, the facts file
//! and the audit view.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn jues(args: &[&str]) -> Output {
    crate::jues_command()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the jues binary runs")
}

/// A fresh folder under the target directory for one test's outputs.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const REPORT: &str = "examples/lusong-hrss-2019/report.jues";
const PUBLISHED: &str = "examples/lusong-hrss-2019/as-published.jues";

#[test]
fn build_writes_html_markdown_and_facts_deterministically() {
    let first = scratch("build-first");
    let second = scratch("build-second");
    for dir in [&first, &second] {
        let output = jues(&["build", REPORT, "-o", dir.to_str().unwrap()]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    for name in ["report.html", "report.md", "report.facts.json"] {
        let a = std::fs::read(first.join(name)).unwrap_or_else(|_| panic!("{name} is written"));
        let b = std::fs::read(second.join(name)).unwrap();
        assert!(!a.is_empty());
        assert_eq!(a, b, "{name} differs between two runs");
    }
    let html = std::fs::read_to_string(first.join("report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"));
    assert!(html.contains("<nav class=\"toc\">") && html.contains("@page { size: A4;"));
    assert!(
        html.contains(r#"data-name="收入.财政拨款" data-value="836.78" data-unit="万元""#),
        "facts carry their value"
    );
    assert!(html.contains("<tr class=\"total\">"));
}

#[test]
fn the_facts_file_has_every_figure_with_its_source() {
    let dir = scratch("build-facts");
    let output = jues(&["build", REPORT, "--to", "json", "-o", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        !dir.join("report.html").exists(),
        "only the asked format is written"
    );
    let facts: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("report.facts.json")).unwrap())
            .unwrap();
    let figure = facts["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["label"] == "财政拨款收入")
        .expect("the figure 财政拨款收入");
    assert_eq!(figure["name"], "收入.财政拨款");
    assert_eq!(figure["value"], "836.78");
    assert_eq!(figure["unit"], "万元");
    let source =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(REPORT)).unwrap();
    let line = source
        .lines()
        .position(|l| l.contains("财政拨款 = 836.78"))
        .unwrap()
        + 1;
    assert_eq!(figure["source"]["line"], line);
    let table = facts["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "财政拨款支出")
        .expect("the table 财政拨款支出");
    let cells = table["cells"].as_array().unwrap();
    assert!(cells
        .iter()
        .any(|c| c["row"] == "合计" && c["column"] == "年初预算" && c["value"] == "658.97"));
    assert!(facts["statements"].as_array().unwrap().len() > 50);
}

#[test]
fn build_refuses_to_write_a_document_with_errors() {
    let dir = scratch("build-refuses");
    let output = jues(&["build", PUBLISHED, "-o", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("未写出文件"));
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "nothing is written"
    );
    let output = jues(&[
        "build",
        PUBLISHED,
        "--allow-errors",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1), "errors still fail the build");
    assert!(dir.join("as-published.html").exists());
}

#[test]
fn everything_in_html_is_escaped() {
    let dir = scratch("build-escape");
    let source = dir.join("escape.jues");
    std::fs::write(
        &source,
        "报告 \"<script>alert(1)</script>\" {\n  单位 \"A & B \\\"局\\\" 'x'\"\n}\n\n\
         组 数 { 「<b>x</b>」 = 1.5 }\n\n# 标题 <img src=x onerror=alert(1)>\n\n\
         正文 <script>alert(2)</script> & {数.「<b>x</b>」} \"引号\" 'apos'。\n\n\
         表 t \"<i>表</i>\" {\n  列 说明: 文本\n  \"<td>\" \"</table><script>\"\n}\n",
    )
    .unwrap();
    let output = jues(&[
        "build",
        source.to_str().unwrap(),
        "--to",
        "html",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let html = std::fs::read_to_string(dir.join("escape.html")).unwrap();
    assert!(!html.contains("<script"), "no script element");
    assert!(
        !html.contains("<img")
            && !html.contains("<b>")
            && !html.contains("<i>")
            && !html.contains("<td>\"")
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("A &amp; B"));
    assert!(
        html.contains("data-name=\"数.&lt;b&gt;x&lt;/b&gt;\""),
        "attributes are escaped"
    );
}

#[test]
fn the_audit_view_marks_every_defect_of_the_published_report() {
    let dir = scratch("build-annotate");
    let output = jues(&[
        "build",
        PUBLISHED,
        "--annotate",
        "--strict",
        "--to",
        "html",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "the published report has errors"
    );
    let html = std::fs::read_to_string(dir.join("as-published.html")).unwrap();
    assert!(html.contains("<section class=\"audit\">"));
    let wrong = |stated: &str| {
        html.split("<span class=\"fact wrong\"")
            .skip(1)
            .any(|rest| {
                rest.split("</span>")
                    .next()
                    .is_some_and(|s| s.ends_with(&format!(">{stated}")))
            })
    };
    // Defects 3, 4, 5 and 8: stated numbers marked wrong where they stand.
    for stated in ["165%", "82.2%", "214.12元", "0%"] {
        assert!(wrong(stated), "`{stated}` is marked wrong");
    }
    // Defects 6 and 7: the text is marked.
    assert!(html.contains(">新增参保单位家</mark>"));
    assert!(html.contains(">大于（小于）</mark>"));
    // Defects 1, 2 and 9: the table cells and rows are flagged.
    assert!(
        html.contains("<td class=\"num flagged\" title=\"错误 [J0301]"),
        "the 年初预算 total"
    );
    assert!(
        html.contains("<td class=\"num flagged\" title=\"提示 [J0203]"),
        "the 208 subtotal"
    );
    assert!(html.contains("title=\"错误 [J0302]"), "the duplicate row");
    // Verified values are marked as verified, and the summary counts them.
    assert!(html.matches("class=\"fact verified\"").count() > 50);
    assert!(html.contains("处核对无误"));
    // The findings are in the reader's language, what they quote set as code.
    assert!(
        html.contains("[J0302] 表中 <code>2015006 引进人才费用</code> 行出现了两次"),
        "the duplicate row in the summary"
    );
}

/// Every file under `dir`, relative to it, sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(folder) = todo.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                found.push(path.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    found.sort();
    found
}

#[test]
fn no_output_path_escapes_the_output_folder() {
    let dir = scratch("build-confined");
    let source = std::fs::read_to_string("examples/lusong-hrss-2019/report.jues").unwrap();
    // File names whose stems are `.`, `..` or look like paths or markup.
    let names = ["..jues", "...jues", "..%2f..%2fx.jues", "<b>.jues"];
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    for name in names {
        std::fs::write(inputs.join(name), &source).unwrap();
    }
    let out = dir.join("in").join("out");
    for name in names {
        let input = inputs.join(name);
        let output = jues(&[
            "build",
            input.to_str().unwrap(),
            "--to",
            "html,md,json",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    // Nothing was written beside the inputs or above them: only the inputs and `out/*`.
    let mut expected: Vec<PathBuf> = names.iter().map(PathBuf::from).collect();
    for stem in ["report", "..%2f..%2fx", "<b>"] {
        for extension in ["html", "md", "facts.json"] {
            expected.push(Path::new("out").join(format!("{stem}.{extension}")));
        }
    }
    expected.sort();
    assert_eq!(files_under(&inputs), expected);
    assert_eq!(
        files_under(&dir),
        expected
            .iter()
            .map(|p| Path::new("in").join(p))
            .collect::<Vec<_>>()
    );
}

/// The headings of the tables the document places (`公开01表　收入支出决算总表` …), from the
/// compiler itself.
fn table_headings(path: &Path) -> Vec<String> {
    let mut sources = jues::source::Sources::new();
    sources.add(
        path.display().to_string(),
        std::fs::read_to_string(path).unwrap(),
    );
    let compilation = jues::compile(sources, &jues::Options::default());
    compilation
        .evaluated
        .document
        .blocks
        .iter()
        .filter_map(|b| match b {
            jues::doc::Block::Table(t) => Some(t.heading()),
            _ => None,
        })
        .collect()
}

/// Every table of the document at `source`, built into `dir`, appears exactly once in each
/// output a reader sees: the HTML (its `id`), the Markdown (its heading) and the PDF text (its
/// number, which nothing else prints); the document has `tables` of them (a 部门决算 nine, a
/// 部门预算 eight).
pub(crate) fn assert_each_table_once(source: &Path, dir: &Path, tables: usize) {
    let headings = table_headings(source);
    assert_eq!(headings.len(), tables, "the standard tables: {headings:?}");
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    let ids: Vec<&str> = html
        .match_indices("<figure class=\"table\" id=\"")
        .map(|(at, m)| {
            let rest = &html[at + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(
        ids.len(),
        unique.len(),
        "a table id twice in the HTML: {ids:?}"
    );
    assert_eq!(ids.len(), tables, "every table in the HTML: {ids:?}");
    for id in &ids {
        assert_eq!(
            html.matches(&format!("<a href=\"#{id}\">")).count(),
            1,
            "the table of contents lists `{id}` under 第二部分"
        );
    }
    let markdown = std::fs::read_to_string(dir.join("report.md")).unwrap();
    let pdf = Command::new("pdftotext")
        .args([dir.join("report.pdf").to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    let pdf = String::from_utf8_lossy(&pdf.stdout);
    for heading in &headings {
        assert_eq!(
            markdown.matches(&format!("**{heading}**")).count(),
            1,
            "`{heading}` once in the Markdown"
        );
        assert_eq!(
            html.matches(&format!("<figcaption>{heading}</figcaption>"))
                .count(),
            1,
            "`{heading}` once in the HTML"
        );
        let number = heading.split('\u{3000}').next().unwrap();
        assert_eq!(pdf.matches(number).count(), 1, "`{number}` once in the PDF");
    }
}

#[test]
fn the_example_shows_every_table_once() {
    let dir = scratch("build-tables-once");
    let output = jues(&["build", REPORT, "-o", dir.to_str().unwrap()]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_each_table_once(&Path::new(env!("CARGO_MANIFEST_DIR")).join(REPORT), &dir, 9);
}

/// A fresh `jues new` report: it checks (with a warning for every `待填`), is formatted, is
/// refused by `jues build` while unfilled, and shows every table once when built anyway.
#[test]
fn a_new_report_is_formatted_unfinished_and_shows_every_table_once() {
    let dir = scratch("build-new-report");
    let report_dir = dir.join("2024决算");
    let new = jues(&[
        "new",
        report_dir.to_str().unwrap(),
        "--entity",
        "某某局",
        "--year",
        "2024",
    ]);
    assert_eq!(new.status.code(), Some(0));
    let report = report_dir.join("report.jues");
    let report = report.to_str().unwrap();

    let check = jues(&["check", "--format", "short", report]);
    let said = String::from_utf8_lossy(&check.stdout).into_owned();
    assert_eq!(check.status.code(), Some(0), "a scaffold checks: {said}");
    assert!(!said.contains("error["), "{said}");
    assert!(
        said.contains("warning[J0405]") && said.contains("warning[J0307]"),
        "{said}"
    );
    let denied = jues(&["check", "--deny", "warnings", report]);
    assert_eq!(denied.status.code(), Some(1), "placeholders are not facts");

    let fmt = jues(&["fmt", "--check", report]);
    assert_eq!(
        fmt.status.code(),
        Some(0),
        "the scaffold is formatted:\n{}",
        String::from_utf8_lossy(&fmt.stdout)
    );

    let out = dir.join("out");
    let build = jues(&["build", report, "-o", out.to_str().unwrap()]);
    assert_eq!(
        build.status.code(),
        Some(1),
        "an unfilled report is not published"
    );
    assert!(String::from_utf8_lossy(&build.stdout).contains("错误[J0405]"));
    assert!(!out.exists(), "nothing is written");

    let anyway = jues(&[
        "build",
        report,
        "--allow-errors",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(anyway.status.code(), Some(1));
    assert_each_table_once(Path::new(report), &out, 9);
    let markdown = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(
        markdown.contains("【待填】") && !markdown.contains("0.00万元"),
        "an unfilled value never shows as a number"
    );
}

/// The facts file names each source file relative to the main document's folder, so it is the
/// same bytes whatever folder jues was run from (docs/facts.md), imports included.
#[test]
fn the_facts_file_is_the_same_from_any_working_folder() {
    let dir = scratch("build-facts-folder");
    std::fs::create_dir_all(dir.join("r/2018")).unwrap();
    std::fs::create_dir_all(dir.join("r/2019")).unwrap();
    std::fs::write(dir.join("r/2018/report.jues"), "x = 1\n").unwrap();
    std::fs::write(
        dir.join("r/2019/report.jues"),
        "导入 \"../2018/report.jues\" 为 上年\n\ny = 上年.x + 1\n\n比上年多 {y - 上年.x = 1}。\n",
    )
    .unwrap();
    let build = |cwd: &Path, file: &str, out: &Path| {
        let output = crate::jues_command()
            .args(["build", file, "--to", "json", "-o"])
            .arg(out)
            .current_dir(cwd)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        std::fs::read_to_string(out.join("report.facts.json")).unwrap()
    };
    let here = build(&dir.join("r/2019"), "report.jues", &dir.join("out1"));
    let above = build(&dir, "r/2019/report.jues", &dir.join("out2"));
    let absolute = build(
        Path::new("/"),
        dir.join("r/2019/../2019/report.jues").to_str().unwrap(),
        &dir.join("out3"),
    );
    assert_eq!(here, above);
    assert_eq!(here, absolute);
    assert!(here.contains("\"file\": \"report.jues\""), "{here}");
}
