//! The PDF output, read back with poppler (`pdftotext`, `pdffonts`, `pdfinfo`, `pdftoppm`,
//! installed by `.ci/run` with the CJK fonts `fonts-arphic-uming` and `fonts-wqy-microhei`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn jues(args: &[&str]) -> Output {
    crate::jues_command()
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
        info.contains("Subject:         部门决算"),
        "the report's type: {info}"
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
fn a_missing_font_fails_the_build_and_keeps_the_last_outputs() {
    let dir = scratch("pdf-no-font");
    let build = |font: &str| {
        jues(&[
            "build",
            "examples/lusong-hrss-2019/report.jues",
            "--font",
            font,
            "-o",
            dir.to_str().unwrap(),
        ])
    };
    assert_eq!(build("黑体").status.code(), Some(0));
    let before: Vec<Vec<u8>> = ["report.html", "report.md", "report.pdf"]
        .iter()
        .map(|name| std::fs::read(dir.join(name)).unwrap())
        .collect();
    std::fs::write(dir.join("report.md"), "the last build's Markdown").unwrap();
    let output = build("/no/such/font.ttc");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("无法生成 PDF")
            && stderr.contains("/no/such/font.ttc")
            && stderr.contains("未写出任何文件"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(dir.join("report.html")).unwrap(), before[0]);
    assert_eq!(
        std::fs::read_to_string(dir.join("report.md")).unwrap(),
        "the last build's Markdown",
        "no new output beside the old PDF"
    );
    assert_eq!(std::fs::read(dir.join("report.pdf")).unwrap(), before[2]);
}

#[test]
fn a_character_the_font_lacks_is_reported_not_drawn_wrong() {
    let dir = scratch("pdf-lacks");
    let source = dir.join("rare.jues");
    std::fs::write(&source, "本段含有罕见字𠀀。\n").unwrap();
    let output = jues(&[
        "--lang",
        "en",
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
    let build = |font: &str| {
        std::fs::write(
            &source,
            format!("报告 \"字体\" {{\n  字体 \"{font}\"\n}}\n\n正文。\n"),
        )
        .unwrap();
        jues(&[
            "build",
            source.to_str().unwrap(),
            "--to",
            "pdf",
            "-o",
            dir.to_str().unwrap(),
        ])
    };
    // A missing file is found by the check, at the setting.
    let output = build("no/such/font.ttc");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("J0503") && stdout.contains("no/such/font.ttc"),
        "the document's 字体 is checked: {stdout}"
    );
    assert!(!dir.join("font.pdf").exists());
    // A font inside the project is used.
    std::fs::create_dir_all(dir.join("fonts")).unwrap();
    std::fs::copy(
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        dir.join("fonts/黑体.ttc"),
    )
    .unwrap();
    let output = build("fonts/黑体.ttc");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let fonts = tool("pdffonts", &[dir.join("font.pdf").to_str().unwrap()]);
    assert!(fonts.contains("CID TrueType"), "{fonts}");
}

/// Writes `source` as `<name>.jues` in a scratch folder and builds its PDF.
fn build_generated(name: &str, source: &str) -> PathBuf {
    let dir = scratch(name);
    let path = dir.join(format!("{name}.jues"));
    std::fs::write(&path, source).unwrap();
    build_pdf(path.to_str().unwrap(), &dir)
}

/// Pairs of consecutive lines of `pdftotext -layout` where a number ends one line and its unit
/// starts the next (`…1149.45` / `万元…`), or `万` ends one and `元` starts the next.
fn units_split_from_numbers(pdf: &Path) -> Vec<String> {
    let text = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    lines
        .windows(2)
        .filter(|pair| {
            let (end, start) = (pair[0], pair[1]);
            let number_then_unit = end.ends_with(|c: char| c.is_ascii_digit())
                && jues::eval::unit::Unit::prefix_of(start).is_some();
            number_then_unit || (end.ends_with('万') && start.starts_with('元'))
        })
        .map(|pair| format!("{} / {}", pair[0], pair[1]))
        .collect()
}

#[test]
fn a_number_is_never_split_from_its_unit() {
    let dir = scratch("pdf-units-example");
    let pdf = build_pdf("examples/lusong-hrss-2019/report.jues", &dir);
    assert_eq!(units_split_from_numbers(&pdf), Vec::<String>::new());

    // Every offset of a number in the line, so that some line would end between a number and
    // its unit if they could be parted.
    let filler: Vec<char> = "财政拨款收入支出决算预算基本项目".chars().collect();
    let mut source = String::new();
    for k in 0..40 {
        let lead: String = (0..k).map(|i| filler[i % filler.len()]).collect();
        source.push_str(&format!(
            "{lead}增加1234.56万元，职工2489人，接待12人次，车辆3辆，设备2台(套)，占72.80%。\n\n"
        ));
    }
    let pdf = build_generated("pdf-units", &source);
    assert_eq!(units_split_from_numbers(&pdf), Vec::<String>::new());
    let text: String = flowing_text(&pdf).split_whitespace().collect();
    assert_eq!(
        text.matches("增加1234.56万元，职工2489人，接待12人次，车辆3辆，设备2台(套)，占72.80%。")
            .count(),
        40,
        "the text reads back whole"
    );
}

#[test]
fn the_cover_title_breaks_after_the_entity() {
    let dir = scratch("pdf-cover");
    let pdf = build_pdf("examples/lusong-hrss-2019/report.jues", &dir);
    let page = tool(
        "pdftotext",
        &["-f", "1", "-l", "1", pdf.to_str().unwrap(), "-"],
    );
    let lines: Vec<&str> = page
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        lines[..2],
        ["株洲市芦淞区人力资源和社会保障局", "2019年度部门决算"],
        "{page}"
    );
    // Centred: the two lines' middles agree.
    let boxes = tool(
        "pdftotext",
        &["-f", "1", "-l", "1", "-bbox", pdf.to_str().unwrap(), "-"],
    );
    let middles: Vec<f64> = boxes
        .lines()
        .filter(|l| {
            l.contains("株洲市芦淞区人力资源和社会保障局</word>")
                || l.contains(">2019年度部门决算<")
        })
        .take(2)
        .map(|l| (attribute(l, "xMin") + attribute(l, "xMax")) / 2.0)
        .collect();
    assert_eq!(middles.len(), 2, "{boxes}");
    assert!((middles[0] - middles[1]).abs() < 2.0, "{middles:?}");
}

/// The value of `name="…"` in a line of poppler's bounding-box output.
fn attribute(line: &str, name: &str) -> f64 {
    line.split(&format!("{name}=\""))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no {name} in {line}"))
}

/// The number of pages of a PDF.
fn page_count(pdf: &Path) -> usize {
    tool("pdfinfo", &[pdf.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

/// A table of `rows` items whose 说明 cells take two or three lines.
fn long_table(rows: usize) -> String {
    let mut source = String::from("表 t \"长表\" {\n  列 说明: 文本, 数: 金额\n");
    for i in 0..rows {
        let note = "年初预算时功能科目未细化在预算执行过程中调整".repeat(1 + i % 2);
        source.push_str(&format!(
            "  {} \"行政运行\" \"第{i}行{note}\" 1.5\n",
            2_010_301 + i
        ));
    }
    source.push_str("}\n");
    source
}

#[test]
fn table_headers_repeat_on_every_page() {
    let pdf = build_generated("pdf-header", &long_table(120));
    let pages = page_count(&pdf);
    // The title page, then the table over three pages or more.
    assert!(pages >= 4, "{pages} pages");
    for page in 2..=pages {
        let n = page.to_string();
        let text = tool(
            "pdftotext",
            &["-f", &n, "-l", &n, "-layout", pdf.to_str().unwrap(), "-"],
        );
        let header = text.lines().find(|l| l.contains("科目编码"));
        assert!(
            header.is_some_and(|l| l.contains("科目名称") && l.contains("说明")),
            "page {page} has the header row:\n{text}"
        );
    }
}

#[test]
fn a_table_row_is_never_split_across_pages() {
    // genpdfi's own table split rows at the foot of a page, and began a row of which no line
    // fitted (a sliver of an empty row); rows are now moved to the next page whole.
    let pdf = build_generated("pdf-rows", &long_table(120));
    let pages = page_count(&pdf);
    let texts: Vec<String> = (2..=pages)
        .map(|page| {
            let n = page.to_string();
            let text = tool(
                "pdftotext",
                &["-f", &n, "-l", &n, pdf.to_str().unwrap(), "-"],
            );
            text.split_whitespace().collect()
        })
        .collect();
    for i in 0..120 {
        let note = "年初预算时功能科目未细化在预算执行过程中调整".repeat(1 + i % 2);
        let row = format!("第{i}行{note}");
        let whole = texts.iter().filter(|t| t.contains(&row)).count();
        assert_eq!(whole, 1, "row {i} is whole on one page");
    }
}

#[test]
fn subtotal_and_total_rows_are_bold() {
    // Text shown with rendering mode 2 (fill and stroke: the faux bold), counted per page.
    fn bold_texts(pdf: &Path) -> usize {
        let document = lopdf::Document::load(pdf).unwrap();
        let mut count = 0;
        for page in document.get_pages().values() {
            let content = document.get_and_decode_page_content(*page).unwrap();
            let mut mode = 0;
            for op in &content.operations {
                match op.operator.as_str() {
                    "Tr" => mode = op.operands.first().and_then(|o| o.as_i64().ok()).unwrap(),
                    "TJ" | "Tj" if mode == 2 => count += 1,
                    _ => {}
                }
            }
        }
        count
    }
    let table = |rows: &str| format!("表 t \"表\" {{\n  列 说明: 文本, 数: 金额\n{rows}}}\n");
    let items = build_generated(
        "pdf-plain",
        &table("  2010301 \"行政运行\" \"项\" 1.5\n  2010302 \"一般行政管理事务\" \"项\" 1.5\n"),
    );
    let subtotals = build_generated(
        "pdf-bold",
        &table(
            "  201 \"一般公共服务支出\" \"类\" 3\n  20103 \"政府办公厅\" \"款\" 3\n  2010301 \"行政运行\" \"项\" 1.5\n  2010302 \"一般行政管理事务\" \"项\" 1.5\n",
        ),
    );
    let (plain, bold) = (bold_texts(&items), bold_texts(&subtotals));
    // Two subtotal rows of three bold cells each, at least one piece of text per cell.
    assert!(
        bold >= plain + 6,
        "bold text: {plain} without subtotals, {bold} with"
    );
    let text: String = flowing_text(&subtotals).split_whitespace().collect();
    assert!(
        text.contains("201一般公共服务支出类3.00") && text.contains("合计3.00"),
        "bold text is still text: {text}"
    );
}

#[test]
fn list_items_hang_from_their_markers() {
    let item = "第一项说明文字".repeat(12);
    let pdf = build_generated("pdf-list", &format!("1. {item}\n2. 第二项。\n"));
    let boxes = tool(
        "pdftotext",
        &[
            "-f",
            "2",
            "-l",
            "2",
            "-bbox-layout",
            pdf.to_str().unwrap(),
            "-",
        ],
    );
    let words: Vec<&str> = boxes
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("<word"))
        .collect();
    assert!(words.len() >= 3, "{boxes}");
    let (marker, first, wrapped) = (words[0], words[1], words[2]);
    assert!(marker.contains(">1.<"), "{marker}");
    assert!(
        attribute(first, "xMin") > attribute(marker, "xMax"),
        "the text follows the marker"
    );
    assert!(
        (attribute(wrapped, "xMin") - attribute(first, "xMin")).abs() < 1.5,
        "the wrapped line aligns with the text, not the marker: {first} / {wrapped}"
    );
}

const UMING: &str = "/usr/share/fonts/truetype/arphic/uming.ttc";
const MICROHEI: &str = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

#[test]
fn font_keywords_name_installed_fonts() {
    use jues::render::pdf::font::{candidates, Family};
    assert_eq!(Family::parse("宋体"), Some(Family::Serif));
    assert_eq!(Family::parse("serif"), Some(Family::Serif));
    assert_eq!(Family::parse("黑体"), Some(Family::Sans));
    assert_eq!(Family::parse("sans"), Some(Family::Sans));
    assert_eq!(Family::parse("./serif"), None);
    if Path::new(UMING).exists() {
        for keyword in ["宋体", "serif"] {
            let found = candidates(Some(Path::new(keyword))).unwrap();
            assert_eq!(found[0], Path::new(UMING), "{keyword}");
        }
        if std::env::var_os("JUES_FONT").is_none() {
            assert_eq!(
                candidates(None).unwrap()[0],
                Path::new(UMING),
                "the default is the 宋体 style"
            );
        }
    }
    if Path::new(MICROHEI).exists() {
        for keyword in ["黑体", "sans"] {
            let found = candidates(Some(Path::new(keyword))).unwrap();
            assert_eq!(found[0], Path::new(MICROHEI), "{keyword}");
        }
    }
    let path = candidates(Some(Path::new("fonts/my.ttf"))).unwrap();
    assert_eq!(
        path,
        [Path::new("fonts/my.ttf")],
        "a path is taken as it is"
    );
}

#[test]
fn the_default_pdf_font_is_the_serif_one() {
    if !Path::new(UMING).exists() || !Path::new(MICROHEI).exists() {
        return; // both styles are needed to tell them apart (`.ci/run` installs both)
    }
    let source = "examples/lusong-hrss-2019/report.jues";
    let build = |name: &str, font: Option<&str>| {
        let dir = scratch(name);
        let mut args = vec!["build", source, "--to", "pdf", "-o", dir.to_str().unwrap()];
        if let Some(font) = font {
            args.extend(["--font", font]);
        }
        let output = crate::jues_command()
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env_remove("SOURCE_DATE_EPOCH")
            .env_remove("JUES_FONT")
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        dir.join("report.pdf")
    };
    let default = std::fs::read(build("pdf-font-default", None)).unwrap();
    let serif = build("pdf-font-serif", Some("宋体"));
    let sans = std::fs::read(build("pdf-font-sans", Some("黑体"))).unwrap();
    assert_eq!(
        default,
        std::fs::read(&serif).unwrap(),
        "the default is 宋体"
    );
    assert_ne!(default, sans, "黑体 is another font");
    let fonts = tool("pdffonts", &[serif.to_str().unwrap()]);
    assert_eq!(fonts.lines().skip(2).count(), 1, "one font: {fonts}");
    assert!(fonts.contains("CID TrueType"), "{fonts}");
}

#[test]
fn a_cff_font_is_refused_with_the_way_out() {
    let noto = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
    if !Path::new(noto).exists() {
        return;
    }
    let dir = scratch("pdf-cff");
    let output = jues(&[
        "build",
        "examples/lusong-hrss-2019/report.jues",
        "--to",
        "pdf",
        "--font",
        noto,
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("CFF") && stderr.contains("fonts-arphic-uming"),
        "{stderr}"
    );
}

#[test]
fn the_document_may_name_a_font_family() {
    if !Path::new(MICROHEI).exists() {
        return;
    }
    let pdf = build_generated(
        "pdf-setting-family",
        "报告 \"字体\" {\n  字体 \"黑体\"\n}\n\n正文。\n",
    );
    assert!(flowing_text(&pdf).contains("正文。"));
}

#[test]
fn a_short_table_is_kept_on_one_page() {
    // Short tables (the 三公 table has three rows and a 合计) after prose of every length, so
    // that some of them would meet the foot of a page: each is on one page, its heading too.
    let mut source = String::new();
    for i in 0..30 {
        for _ in 0..(i % 7) {
            source.push_str(
                "本单位严格执行预算，各项支出均按规定程序办理，没有超预算支出的情况。\n\n",
            );
        }
        source.push_str(&format!(
            "表 t{i} \"短表{i}号\" {{\n  列 预算数: 金额, 决算数: 金额\n  \"甲{i}项\"  1  1\n  \"乙{i}项\"  2  2\n  \"丙{i}项\"  3  3\n  合计\n}}\n\n"
        ));
    }
    let pdf = build_generated("pdf-short-tables", &source);
    let pages = page_count(&pdf);
    assert!(pages >= 4, "{pages} pages");
    let texts: Vec<String> = (1..=pages)
        .map(|page| {
            let n = page.to_string();
            tool(
                "pdftotext",
                &["-f", &n, "-l", &n, pdf.to_str().unwrap(), "-"],
            )
            .split_whitespace()
            .collect()
        })
        .collect();
    for i in 0..30 {
        let parts = [
            format!("短表{i}号"),
            format!("甲{i}项"),
            format!("乙{i}项"),
            format!("丙{i}项"),
        ];
        let page = texts.iter().position(|t| t.contains(&parts[0])).unwrap();
        for part in &parts {
            assert!(
                texts[page].contains(part.as_str()),
                "table {i}: `{part}` is on the page of its heading ({})",
                page + 1
            );
        }
    }
}

/// Asserts that every amount of every row of the document's first table is whole on the line
/// of `pdftotext -layout` that begins the row (found by its code, or by its name).
fn assert_amounts_whole_in_their_rows(source: &str, pdf: &Path) {
    let mut sources = jues::source::Sources::new();
    sources.add("t.jues", source.to_owned());
    let compilation = jues::compile(sources, &jues::Options::default());
    let table = compilation
        .evaluated
        .document
        .blocks
        .iter()
        .find_map(|b| match b {
            jues::doc::Block::Table(t) => Some(t.clone()),
            _ => None,
        })
        .expect("a table");
    let text = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    let lines: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert!(table.rows.len() > 2);
    for row in &table.rows {
        let key = row.cells.iter().find(|c| !c.is_empty()).unwrap();
        let line = lines
            .iter()
            .find(|words| words.first() == Some(&key.as_str()))
            .unwrap_or_else(|| panic!("a line begins with `{key}`:\n{text}"));
        for (cell, numeric) in row.cells.iter().zip(&table.numeric) {
            if *numeric && !cell.is_empty() {
                assert!(
                    line.contains(&cell.as_str()),
                    "`{cell}` whole in the row of `{key}`: {line:?}\n{text}"
                );
            }
        }
    }
}

/// The orientation of each page: `true` for landscape.
fn landscape_pages(pdf: &Path) -> Vec<bool> {
    let pages = page_count(pdf).to_string();
    tool("pdfinfo", &["-f", "1", "-l", &pages, pdf.to_str().unwrap()])
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .map(|l| l.contains("841.89 x 595.276"))
        .collect()
}

#[test]
fn a_standard_income_table_with_five_digit_amounts_keeps_them_whole() {
    // 公开02表 has seven amount columns; with 12345.67-sized amounts they were broken over two
    // lines of narrow columns.
    let mut source = String::from(
        "表 收入决算 \"收入决算表\" {\n  编号 \"公开02表\"\n  科目 功能分类\n  列 合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入, 财政拨款收入: 金额, 上级补助收入: 金额, 事业收入: 金额, 经营收入: 金额, 附属单位上缴收入: 金额, 其他收入: 金额\n",
    );
    for (i, (code, name)) in [
        ("2010301", "行政运行"),
        ("2080109", "社会保险经办机构"),
        ("2080199", "其他人力资源和社会保障管理事务支出"),
    ]
    .into_iter()
    .enumerate()
    {
        let amounts: Vec<String> = (1..=6).map(|j| format!("{}{j}{i}45.6{j}", 1 + i)).collect();
        source.push_str(&format!("  {code} \"{name}\" {}\n", amounts.join(" ")));
    }
    source.push_str("}\n");
    let pdf = build_generated("pdf-income", &source);
    assert_amounts_whole_in_their_rows(&source, &pdf);
    assert_eq!(landscape_pages(&pdf), [false, false], "portrait fits it");
}

#[test]
fn a_table_of_twelve_amount_columns_is_set_on_landscape_pages() {
    let columns: Vec<String> = (1..=12).map(|c| format!("支出{c}: 金额")).collect();
    let mut source = format!(
        "# 第二部分 报表\n\n表 宽 \"十二列表\" {{\n  列 {}\n",
        columns.join(", ")
    );
    for row in 1..=40 {
        let amounts: Vec<String> = (1..=12).map(|c| format!("{row:02}{c:03}.{c:02}")).collect();
        source.push_str(&format!("  \"第{row}项\" {}\n", amounts.join(" ")));
    }
    source.push_str("}\n\n# 第三部分 说明\n\n表后的说明。\n");
    let pdf = build_generated("pdf-twelve", &source);
    assert_amounts_whole_in_their_rows(&source, &pdf);
    // The cover portrait; the part heading with the table on landscape pages (the table is
    // longer than one); the next part portrait again.
    let pages = landscape_pages(&pdf);
    assert!(pages.len() >= 4, "{pages:?}");
    assert!(!pages[0] && !pages[pages.len() - 1], "{pages:?}");
    assert!(pages[1..pages.len() - 1].iter().all(|l| *l), "{pages:?}");
    let heading = tool(
        "pdftotext",
        &["-f", "2", "-l", "2", pdf.to_str().unwrap(), "-"],
    );
    assert!(
        heading.contains("第二部分 报表") && heading.contains("十二列表"),
        "{heading}"
    );
    let last = pages.len().to_string();
    let after = tool(
        "pdftotext",
        &["-f", &last, "-l", &last, pdf.to_str().unwrap(), "-"],
    );
    assert!(after.contains("表后的说明。"), "{after}");
}

#[test]
fn a_table_too_wide_for_any_page_is_reported_at_the_table() {
    let dir = scratch("pdf-too-wide");
    let columns: Vec<String> = (1..=40).map(|c| format!("c{c}: 金额")).collect();
    let amounts = vec!["12345.67"; 40].join(" ");
    let path = dir.join("wide.jues");
    std::fs::write(
        &path,
        format!(
            "表 宽 \"四十列表\" {{\n  列 {}\n  \"项目\" {amounts}\n}}\n",
            columns.join(", ")
        ),
    )
    .unwrap();
    let output = jues(&[
        "--lang",
        "en",
        "build",
        path.to_str().unwrap(),
        "--to",
        "pdf",
        "-o",
        dir.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("J0310") && stdout.contains("`四十列表` is too wide for the page"),
        "{stdout}"
    );
    assert!(
        stdout.contains("wide.jues:1:3"),
        "at the table's name: {stdout}"
    );
    assert!(
        !dir.join("wide.pdf").exists(),
        "no PDF with a clipped table"
    );
}
