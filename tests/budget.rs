//! `jues new --type 部门预算`: a budget in the official three parts, which checks with only
//! what is left to fill in (`待填`, tables without rows), is refused by `jues build` until it is
//! filled, and once filled in as a department would checks clean and builds to HTML, Markdown
//! and PDF with the budget's title, tables and type.

use crate::build::assert_each_table_once;
use crate::tutorial::{apply_edit, apply_fill};
use std::path::Path;
use std::process::{Command, Output};

fn jues(args: &[&str]) -> Output {
    crate::jues_command()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("the jues binary runs")
}

fn said(output: &Output) -> String {
    format!(
        "exit {:?}\n{}{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The lines of a report that are not comments: where a `待填` is a value still to write.
fn code_lines(source: &str) -> impl Iterator<Item = &str> {
    source.lines().filter(|l| !l.trim_start().starts_with("//"))
}

/// The department's figures and tables, each replacing the scaffold's declaration of its name.
/// They agree with each other as a real budget's do: 收入总计 570.00 = 支出总计, 表5's 合计 is
/// the 一般公共预算 income and its 基本支出 the 合计 of 表6, 表7's 合计 the 三公 figures.
const FIGURES_AND_TABLES: &str = r#"
上年 2023 {
  总计.收入     = 540.00
  收入.财政拨款 = 500.00
  三公.合计     = 16.00
  机关运行经费  = 75.00
}

组 收入 {
  一般公共预算 = 520.00
  政府性基金   = 0
  国有资本经营 = 0
  事业         = 0
  事业单位经营 = 0
  其他         = 30.00
}

组 支出 {
  基本           = 420.00
  项目           = 150.00
  事业单位经营   = 0
  上缴上级       = 0
  对附属单位补助 = 0
}

组 总计 {
  上年结转 = 20.00
  结转下年 = 0
}

组 基本支出 {
  人员经费 = 300.00
  公用经费 = 70.00
}

组 三公 {
  出国 = 0
  接待 = 5.00
  组 用车 {
    购置 = 0
    运行 = 8.00
  }
}

机关运行经费 = 70.00

组 政府采购 {
  货物 = 12.00
  工程 = 0
  服务 = 8.00
}

表 收支总表 {
  "一般公共预算拨款收入"      520.00
  "政府性基金预算拨款收入"    0
  "国有资本经营预算拨款收入"  0
  "事业收入"                  0
  "事业单位经营收入"          0
  "其他收入"                  30.00
  "本年收入合计"              550.00
  "上年结转"                  20.00
  "收入总计"                  570.00
  "一般公共服务支出"          465.00
  "社会保障和就业支出"        73.00
  "卫生健康支出"              20.00
  "住房保障支出"              12.00
  "本年支出合计"              570.00
  "结转下年"                  0
  "支出总计"                  570.00
}

表 收入总表 {
  201   "一般公共服务支出"    20.00  415.00  0  0  0  0  30.00
  208   "社会保障和就业支出"  0      73.00   0  0  0  0  0
  210   "卫生健康支出"        0      20.00   0  0  0  0  0
  221   "住房保障支出"        0      12.00   0  0  0  0  0
  合计
}

表 支出总表 {
  201   "一般公共服务支出"    315.00  150.00  0  0  0
  208   "社会保障和就业支出"  73.00   0       0  0  0
  210   "卫生健康支出"        20.00   0       0  0  0
  221   "住房保障支出"        12.00   0       0  0  0
  合计
}

表 财政拨款总表 {
  "本年收入"            520.00  0  0
  "上年结转"            0       0  0
  "收入总计"            520.00  0  0
  "一般公共服务支出"    415.00  0  0
  "社会保障和就业支出"  73.00   0  0
  "卫生健康支出"        20.00   0  0
  "住房保障支出"        12.00   0  0
  "本年支出合计"        520.00  0  0
  "结转下年"            0       0  0
  "支出总计"            520.00  0  0
}

表 基本支出明细 {
  301    "工资福利支出"
  30101  "基本工资"                      130.00  _
  30102  "津贴补贴"                      95.00   _
  30108  "机关事业单位基本养老保险缴费"  45.00   _
  30110  "职工基本医疗保险缴费"          30.00   _
  302    "商品和服务支出"
  30201  "办公费"                        _       30.00
  30211  "差旅费"                        _       15.00
  30217  "公务接待费"                    _       5.00
  30231  "公务用车运行维护费"            _       8.00
  30239  "其他交通费用"                  _       12.00
  合计
}

表 三公经费 {
  "因公出国（境）费"      0      0
  "公务用车购置及运行费"  10.00  8.00
  "公务接待费"            6.00   5.00
  合计
}

表 政府性基金 {
  空表说明 "本单位无政府性基金预算拨款收入，也没有使用政府性基金预算拨款安排的支出。"
}
"#;

/// 表5 as the budget software exports it.
const TABLE_5: &str = r"科目编码,科目名称,上年预算数,基本支出,项目支出,说明
201,一般公共服务支出,,,,
20129,群众团体事务,,,,
2012902,一般行政管理事务,412.00,265.00,150.00,人员调整，工作经费相应增加。
208,社会保障和就业支出,,,,
20805,行政事业单位养老支出,,,,
2080501,行政单位离退休,30.00,28.00,,
2080505,机关事业单位基本养老保险缴费支出,40.00,45.00,,
210,卫生健康支出,,,,
21011,行政事业单位医疗,,,,
2101101,行政单位医疗,18.00,20.00,,
221,住房保障支出,,,,
22102,住房改革支出,,,,
2210203,购房补贴,,12.00,,新增住房改革支出的购房补贴。
合计,,500.00,370.00,150.00,
";

/// The text only the department can write, one paragraph for each `{待填}` of the narrative.
const TEXT: &str = r"
贯彻执行国家、省、市有关人力资源和社会保障工作的法律、法规和方针、政策，拟定全区人力资源和社会保障事业的总体规划和实施办法，并组织实施和监督检查。

局内设办公室、人事股、社会保障股、就业促进股；纳入本部门预算编制范围的为局本级。

人员增加，工作经费相应增加。

人员增加，财政拨款安排的工作经费相应增加。

人员调整，基本支出相应增加。

严格执行中央八项规定精神，压减公务用车运行维护费和公务接待费。

本单位无政府性基金预算拨款收入，也没有使用政府性基金预算拨款安排的支出。

压减日常公用经费。

本部门国有资产主要为办公用房、公务用车和办公设备，无大型专用设备。

本部门实行绩效目标管理的项目为全部项目支出，绩效目标随本预算一并公开。
";

#[test]
fn a_new_budget_is_unfinished_until_filled_then_builds() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("new-budget");
    let _ = std::fs::remove_dir_all(&dir);
    let folder = dir.join("2024预算");
    let new = jues(&[
        "new",
        folder.to_str().unwrap(),
        "--type",
        "部门预算",
        "--entity",
        "某某区人力资源和社会保障局",
        "--year",
        "2024",
    ]);
    assert_eq!(new.status.code(), Some(0), "{}", said(&new));
    let path = folder.join("report.jues");
    let report = path.to_str().unwrap();
    let source = std::fs::read_to_string(&path).unwrap();
    assert!(
        source.contains("报告 \"某某区人力资源和社会保障局2024年度部门预算\"")
            && source.contains("类型     部门预算")
            && source.contains("上年 2023 {"),
        "{source}"
    );
    for part in [
        "# 第一部分 某某区人力资源和社会保障局概况",
        "# 第二部分 2024年度部门预算表",
        "# 第三部分 2024年度部门预算情况说明",
        "## 十、名词解释",
    ] {
        assert!(source.contains(part), "the scaffold has `{part}`");
    }
    assert!(
        !source.contains("决算"),
        "a budget says nothing of 决算: {source}"
    );
    let header = std::fs::read_to_string(folder.join("一般公共预算支出.csv")).unwrap();
    assert_eq!(
        header,
        "科目编码,科目名称,上年预算数,基本支出,项目支出,说明\n"
    );

    // What `jues check` says of the scaffold: a J0405 at each `待填`, a J0307 at each table
    // still without rows, and nothing else.
    let check = jues(&["check", "--format", "short", report]);
    let text = String::from_utf8_lossy(&check.stdout).into_owned();
    assert_eq!(check.status.code(), Some(0), "a scaffold checks: {text}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines
            .iter()
            .all(|l| l.contains(": warning[J0405]: ") || l.contains(": warning[J0307]: ")),
        "{text}"
    );
    let placeholders: usize = code_lines(&source).map(|l| l.matches("待填").count()).sum();
    let unfilled = lines.iter().filter(|l| l.contains("[J0405]")).count();
    assert_eq!(unfilled, placeholders, "one J0405 for each `待填`: {text}");
    let empty: Vec<&str> = lines
        .iter()
        .filter(|l| l.contains("[J0307]"))
        .map(|l| l.split('`').nth(1).unwrap())
        .collect();
    assert_eq!(
        empty,
        [
            "收支总表",
            "收入总表",
            "支出总表",
            "财政拨款总表",
            "一般公共预算支出",
            "基本支出明细",
            "政府性基金"
        ],
        "{text}"
    );
    let fmt = jues(&["fmt", "--check", report]);
    assert_eq!(
        fmt.status.code(),
        Some(0),
        "the scaffold is formatted: {}",
        said(&fmt)
    );
    let out = dir.join("out");
    let refused = jues(&["build", report, "-o", out.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1), "{}", said(&refused));
    assert!(!out.exists(), "an unfilled budget is not published");

    // Filled in, it checks clean (notes aside) and builds.
    let filled = apply_fill(&apply_edit(&source, FIGURES_AND_TABLES), TEXT);
    assert!(code_lines(&filled).all(|l| !l.contains("待填")), "{filled}");
    std::fs::write(&path, &filled).unwrap();
    std::fs::write(folder.join("一般公共预算支出.csv"), TABLE_5).unwrap();
    let clean = jues(&["check", "--deny", "warnings", "--format", "short", report]);
    assert_eq!(clean.status.code(), Some(0), "{}", said(&clean));
    assert!(
        !String::from_utf8_lossy(&clean.stdout).contains("warning["),
        "{}",
        said(&clean)
    );
    let fmt = jues(&["fmt", "--check", report]);
    assert_eq!(
        fmt.status.code(),
        Some(0),
        "still formatted: {}",
        said(&fmt)
    );
    let build = jues(&["build", report, "-o", out.to_str().unwrap()]);
    assert_eq!(build.status.code(), Some(0), "{}", said(&build));
    for file in [
        "report.html",
        "report.md",
        "report.pdf",
        "report.facts.json",
    ] {
        assert!(out.join(file).is_file(), "{file} is written");
    }
    assert_each_table_once(&path, &out, 8);

    let markdown = std::fs::read_to_string(out.join("report.md")).unwrap();
    for text in [
        "**表1　部门收支总表**",
        "**表5　一般公共预算支出表**",
        "**表7　一般公共预算“三公”经费支出表**",
        "与 2023 年相比，收、支总计各增加30.00万元，增长5.56%",
        "2024年度一般公共预算当年拨款 520.00万元，与上年预算相比，增加20.00万元，增长4.00%",
        "2、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）。\
         预算数为 28.00万元，占 5.38%，与上年预算相比，减少2.00万元，下降6.67%。",
        "5、住房保障支出（类）住房改革支出（款）购房补贴（项）。预算数为 12.00万元，占 2.31%，\
         上年无预算。新增住房改革支出的购房补贴。",
        "| 公务用车购置及运行费 |      10.00 |       8.00 |     -2.00 |",
    ] {
        assert!(
            markdown.contains(text),
            "the Markdown has `{text}`:\n{markdown}"
        );
    }
    let info = Command::new("pdfinfo")
        .arg(out.join("report.pdf"))
        .output()
        .expect("pdfinfo (poppler-utils) is installed");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.contains("Title:           某某区人力资源和社会保障局2024年度部门预算")
            && info.contains("Subject:         部门预算"),
        "{info}"
    );
}
