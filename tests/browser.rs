//! The HTML output in a real browser: headless Chromium (Debian's `chromium`, installed by
//! `.ci/run`; `JUES_CHROMIUM` names another binary) loads the page, and the test reads the
//! rendered DOM and the browser's console log.

use std::path::Path;
use std::process::Command;

fn chromium() -> String {
    std::env::var("JUES_CHROMIUM").unwrap_or_else(|_| "chromium".to_owned())
}

/// The text of an HTML document: tags removed, entities of the few kinds jues writes decoded.
fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
}

#[test]
fn the_report_renders_in_chromium_without_console_errors() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let build = crate::jues_command()
        .args([
            "build",
            "examples/lusong-hrss-2019/report.jues",
            "--to",
            "html",
            "-o",
        ])
        .arg(&dir)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let page = dir.join("report.html");

    let output = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run `{}` ({e}): install Debian's `chromium` package",
                chromium()
            )
        });
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );

    let log = String::from_utf8_lossy(&output.stderr);
    let console: Vec<&str> = log.lines().filter(|l| l.contains("CONSOLE")).collect();
    assert!(console.is_empty(), "console messages: {console:#?}");

    let dom = String::from_utf8(output.stdout).unwrap();
    assert!(dom.contains("<html lang=\"zh-CN\">"), "the DOM was dumped");
    let text = text_of(&dom);
    for sentence in [
        "2019 年度收、支总计 1149.45万元。与 2018 年相比，增加65.10万元，增长6.00%。",
        "本年收入合计 1149.45万元，其中：财政拨款收入 836.78万元，占 72.80%；其他收入 312.67万元，占 27.20%。",
        "本年支出合计 1075.27万元，其中：基本支出 819.40万元，占 76.20%；项目支出 255.87万元，占 23.80%。",
        "2019 年度财政拨款收、支总计 836.78万元，与 2018 年相比，减少77.31万元，下降8.46%",
        "一般公共服务支出 656.63万元，占 78.47%；社会保障和就业支出 180.15万元，占 21.53%。",
        "年初预算数为 658.97万元，支出决算数为 836.78万元，完成年初预算的 126.98%",
        "13、社会保障和就业支出（类）就业补助（款）高技能人才培养补助（项）。",
    ] {
        assert!(text.contains(sentence), "the page shows `{sentence}`");
    }
}
