//! The PDF output, read back with poppler (`pdftotext`, `pdffonts`, `pdfinfo`, `pdftoppm`,
//! installed by `.ci/run` with the CJK font `fonts-wqy-microhei`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn jues(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jues"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("the jues binary runs")
}

fn tool(name: &str, args: &[&str]) -> String {
    let output = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run `{name}` ({e}): install Debian's `poppler-utils`"));
    assert!(
        output.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The text of a PDF as one line: line breaks, page footers (`— 3 —`) and the spaces poppler
/// puts at line ends removed, so sentences that wrap can be found whole.
fn flowing_text(pdf: &Path) -> String {
    let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    text.lines()
        .map(str::trim)
        .filter(|l| !(l.starts_with('—') && l.ends_with('—')))
        .collect::<Vec<_>>()
        .concat()
}

fn build_pdf(source: &str, dir: &Path) -> PathBuf {
    let output = jues(&["build", source, "--to", "pdf", "-o", dir.to_str().unwrap()]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stem = Path::new(source).file_stem().unwrap().to_str().unwrap();
    dir.join(format!("{stem}.pdf"))
}

#[test]
fn the_report_pdf_is_small_searchable_and_complete() {
    let dir = scratch("pdf-report");
    let pdf = build_pdf("examples/lusong-hrss-2019/report.jues", &dir);
    let size = std::fs::metadata(&pdf).unwrap().len();
    assert!(size < 1_000_000, "the PDF is {size} bytes");

    let text = flowing_text(&pdf);
    for sentence in [
        "2019 年度收、支总计 1149.45万元。与 2018 年相比，增加65.10万元，增长6.00%。",
        "本年收入合计 1149.45万元，其中：财政拨款收入 836.78万元，占 72.80%；其他收入 312.67万元，占 27.20%。",
        "本年支出合计 1075.27万元，其中：基本支出 819.40万元，占 76.20%；项目支出 255.87万元，占 23.80%。",
        "与 2018 年相比，减少77.31万元，下降8.46%",
        "社会保障和就业支出 180.15万元，占 21.53%。",
        "完成年初预算的 126.98%",
        "一般公共预算财政拨款支出决算表",
    ] {
        assert!(text.contains(sentence), "the PDF text has `{sentence}`:\n{text}");
    }

    let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 1, "one font: {fonts}");
    let columns: Vec<&str> = rows[0].split_whitespace().collect();
    assert!(columns[0].contains('+'), "a subset name: {fonts}");
    assert_eq!(
        &columns[columns.len() - 5..columns.len() - 2],
        ["yes", "yes", "yes"],
        "embedded, subset, unicode: {fonts}"
    );

    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(
        info.contains("Title:           株洲市芦淞区人力资源和社会保障局2019年度部门决算"),
        "{info}"
    );
    assert!(
        info.contains("Author:          株洲市芦淞区人力资源和社会保障局"),
        "{info}"
    );
    assert!(
        info.contains("Page size:       595.276 x 841.89 pts (A4)"),
        "{info}"
    );
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!(pages > 3);

    let images = dir.join("pages");
    std::fs::create_dir_all(&images).unwrap();
    tool(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "30",
            pdf.to_str().unwrap(),
            images.join("page").to_str().unwrap(),
        ],
    );
    let rendered = std::fs::read_dir(&images).unwrap().count();
    assert_eq!(rendered, pages, "every page renders");
}

#[test]
fn the_same_input_gives_the_same_pdf() {
    let first = build_pdf(
        "examples/lusong-hrss-2019/report.jues",
        &scratch("pdf-first"),
    );
    let second = build_pdf(
        "examples/lusong-hrss-2019/report.jues",
        &scratch("pdf-second"),
    );
    assert_eq!(
        std::fs::read(first).unwrap(),
        std::fs::read(second).unwrap()
    );
}

#[test]
fn long_text_without_spaces_and_long_cells_come_out_complete() {
    let dir = scratch("pdf-long");
    let alphabet: Vec<char> = "财政拨款收入支出决算预算基本项公用经费人员社会保障就业一般共服务"
        .chars()
        .collect();
    let long: String = (0..2000)
        .map(|i| alphabet[(i * 7 + i / 13) % alphabet.len()])
        .collect();
    let cell: String = (0..300)
        .map(|i| alphabet[(i * 5 + 3) % alphabet.len()])
        .collect();
    let source = dir.join("long.jues");
    std::fs::write(
        &source,
        format!("{long}\n\n表 t \"长表\" {{\n  列 说明: 文本, 数: 金额\n  2010301 \"{cell}\" \"{cell}\" 1.5\n}}\n"),
    )
    .unwrap();
    let pdf = build_pdf(source.to_str().unwrap(), &dir);
    let text: String = flowing_text(&pdf).split_whitespace().collect();
    // The paragraph reads back whole; the cells wrap inside their columns, so they are counted.
    assert!(
        text.contains(&long),
        "the 2,000-character paragraph is complete"
    );
    let table_text: String = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    let kept: usize = table_text.chars().filter(|c| alphabet.contains(c)).count();
    assert_eq!(
        kept,
        2000 + 300 + 300,
        "every character of the paragraph and both long cells is on a page"
    );
}

#[test]
fn a_missing_font_fails_the_pdf_only() {
    let dir = scratch("pdf-no-font");
    let output = jues(&[
        "build",
        "examples/lusong-hrss-2019/report.jues",
        "--font",
        "/no/such/font.ttc",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("not writing the PDF") && stderr.contains("/no/such/font.ttc"),
        "{stderr}"
    );
    assert!(
        dir.join("report.html").exists() && dir.join("report.md").exists(),
        "the other formats are written"
    );
    assert!(!dir.join("report.pdf").exists());
}

#[test]
fn a_character_the_font_lacks_is_reported_not_drawn_wrong() {
    let dir = scratch("pdf-lacks");
    let source = dir.join("rare.jues");
    std::fs::write(&source, "本段含有罕见字𠀀。\n").unwrap();
    let output = jues(&[
        "build",
        source.to_str().unwrap(),
        "--to",
        "pdf",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("lacks 1 character")
            && stderr.contains("U+20000")
            && stderr.contains("--font"),
        "{stderr}"
    );
    assert!(!dir.join("rare.pdf").exists());
}

#[test]
fn the_document_names_its_pdf_font() {
    let dir = scratch("pdf-setting");
    let source = dir.join("font.jues");
    std::fs::write(
        &source,
        "报告 \"字体\" {\n  字体 \"no/such/font.ttc\"\n}\n\n正文。\n",
    )
    .unwrap();
    let output = jues(&[
        "build",
        source.to_str().unwrap(),
        "--to",
        "pdf",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no/such/font.ttc"),
        "the document's 字体 is used: {stderr}"
    );
}
