//! Workbooks as the 决算 software exports them, and the ways a reader misreads them. Each test
//! writes a workbook (rust_xlsxwriter) or a CSV file (UTF-8 or GBK), compiles a report that
//! reads it, and checks that it loads to the right values or fails with a diagnostic at the
//! cell; none may load wrong.

use jues::diagnostics::Severity;
use jues::doc::{RowKind, Table};
use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet};

const FOLDER: &str = "p/2019";

/// Compiles `doc` as `p/2019/report.jues` with `files` beside it.
fn compile(doc: &str, files: Vec<(&str, Vec<u8>)>) -> jues::Compilation {
    let mut memory = jues::files::Memory::new();
    for (name, bytes) in files {
        memory.insert(format!("{FOLDER}/{name}"), bytes);
    }
    let path = format!("{FOLDER}/report.jues");
    memory.insert(&path, doc.as_bytes().to_vec());
    let mut sources = jues::source::Sources::new();
    sources.add(path, doc.to_owned());
    jues::compile_with(sources, &jues::Options::default(), &memory)
}

fn table<'a>(c: &'a jues::Compilation, name: &str) -> &'a Table {
    c.evaluated
        .document
        .table(name)
        .unwrap_or_else(|| panic!("no table {name}"))
}

/// Each row as (first key cell, exact values of the number cells).
fn rows(t: &Table) -> Vec<(String, Vec<Option<String>>)> {
    t.rows
        .iter()
        .map(|r| {
            let key = r.cells[..t.keys].iter().find(|c| !c.is_empty()).cloned();
            (key.unwrap_or_default(), r.exact[t.keys..].to_vec())
        })
        .collect()
}

/// The stated values of a one-column table's rows read from the file (not its computed total):
/// the sheet's text under each cell's span.
fn stated(c: &jues::Compilation, name: &str) -> Vec<Option<String>> {
    table(c, name)
        .rows
        .iter()
        .filter(|r| r.span.file.0 != 0)
        .map(|r| {
            r.cell_spans
                .last()
                .copied()
                .flatten()
                .map(|span| c.sources.get(span.file).slice(span).to_owned())
        })
        .collect()
}

fn errors(c: &jues::Compilation) -> Vec<String> {
    c.diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{} {}", d.code.id(), d.message.text(jues::i18n::Lang::En)))
        .collect()
}

/// The diagnostics with `code`, each as (its cell, its message).
fn with_code(c: &jues::Compilation, code: &str) -> Vec<(Option<String>, String)> {
    c.diagnostics
        .iter()
        .filter(|d| d.code.id() == code)
        .map(|d| {
            let file = c.sources.get(d.primary.span.file);
            (
                file.cell_at(d.primary.span.start as usize),
                d.message.text(jues::i18n::Lang::En),
            )
        })
        .collect()
}

fn some(values: &[&str]) -> Vec<Option<String>> {
    values
        .iter()
        .map(|v| (!v.is_empty()).then(|| v.to_string()))
        .collect()
}

// ------------------------------------------------------------------ 公开05表 as exported

/// The rows of the seed report's 公开05表: (类, 款, 项, name, 年初预算, 决算数).
const SPENDING: &[(&str, &str, &str, &str, f64, f64)] = &[
    ("201", "", "", "一般公共服务支出", 467.86, 656.63),
    ("201", "03", "", "政府办公厅(室)及相关机构事务", 0.0, 286.33),
    ("201", "03", "01", "行政运行", 0.0, 281.85),
    (
        "201",
        "03",
        "99",
        "其他政府办公厅（室）及相关机构事务支出",
        0.0,
        4.48,
    ),
    ("201", "06", "", "财政事务", 0.0, 3.31),
    ("201", "06", "01", "行政运行", 0.0, 3.31),
    ("201", "50", "", "人力资源事务", 467.86, 364.19),
    ("201", "50", "01", "行政运行", 467.86, 330.38),
    ("201", "50", "06", "引进人才费用", 0.0, 33.81),
    ("201", "11", "", "纪检监察事务", 0.0, 2.8),
    ("201", "11", "01", "行政运行", 0.0, 2.8),
    ("208", "", "", "社会保障和就业支出", 191.11, 180.15),
    (
        "208",
        "01",
        "",
        "人力资源和社会保障管理事务",
        191.11,
        162.15,
    ),
    ("208", "01", "01", "行政运行", 0.0, 2.4),
    ("208", "01", "02", "一般行政管理事务", 0.0, 14.88),
    ("208", "01", "05", "劳动保障监察", 15.0, 14.99),
    ("208", "01", "07", "社会保险业务管理事务", 1.0, 1.0),
    ("208", "01", "09", "社会保险经办机构", 135.11, 88.86),
    (
        "208",
        "01",
        "99",
        "其他人力资源和社会保障管理事务支出",
        40.0,
        40.01,
    ),
    ("208", "07", "", "就业补助", 0.0, 18.0),
    ("208", "07", "11", "高技能人才培养补助", 0.0, 18.0),
];

const DEPARTMENT: &str = "株洲市芦淞区人力资源和社会保障局";

/// Writes 公开05表 as the 决算 software exports it: a title, a caption, a header merged over
/// two rows with the code split into 类 / 款 / 项, a 栏次 row and the total first.
/// `amount` gives each 决算数 (to spoil one), `unit` the caption's unit and its factor.
fn spending_sheet(sheet: &mut Worksheet, amount: &dyn Fn(usize, f64) -> f64, unit: (&str, f64)) {
    let plain = Format::new();
    sheet.set_name("一般公共预算财政拨款支出决算表").unwrap();
    sheet
        .merge_range(0, 0, 0, 5, "一般公共预算财政拨款支出决算表", &plain)
        .unwrap();
    sheet
        .write_string(1, 0, format!("编制单位：{DEPARTMENT}"))
        .unwrap();
    sheet
        .write_string(1, 5, format!("金额单位：{}", unit.0))
        .unwrap();
    sheet.merge_range(2, 0, 2, 2, "科目编码", &plain).unwrap();
    sheet.merge_range(2, 3, 3, 3, "科目名称", &plain).unwrap();
    sheet.merge_range(2, 4, 3, 4, "年初预算数", &plain).unwrap();
    sheet.merge_range(2, 5, 3, 5, "决算数", &plain).unwrap();
    for (c, word) in ["类", "款", "项"].iter().enumerate() {
        sheet.write_string(3, c as u16, *word).unwrap();
    }
    sheet.merge_range(4, 0, 4, 3, "栏次", &plain).unwrap();
    sheet.write_number(4, 4, 1).unwrap();
    sheet.write_number(4, 5, 2).unwrap();
    sheet.merge_range(5, 0, 5, 3, "合　计", &plain).unwrap();
    let budget: f64 = SPENDING
        .iter()
        .filter(|r| r.1.is_empty())
        .map(|r| r.4)
        .sum();
    let spent: f64 = SPENDING
        .iter()
        .enumerate()
        .filter(|(_, r)| r.1.is_empty())
        .map(|(i, r)| amount(i, r.5))
        .sum();
    sheet.write_number(5, 4, budget * unit.1).unwrap();
    sheet.write_number(5, 5, spent * unit.1).unwrap();
    for (i, (lei, kuan, xiang, name, budget, spent)) in SPENDING.iter().enumerate() {
        let row = 6 + i as u32;
        // Excel keeps 类 as a number and 款/项 as text with their leading zero; one 款 is a
        // number, as a hand edit leaves it.
        sheet
            .write_number(row, 0, lei.parse::<f64>().unwrap())
            .unwrap();
        if *kuan == "06" {
            sheet.write_number(row, 1, 6).unwrap();
        } else if !kuan.is_empty() {
            sheet.write_string(row, 1, *kuan).unwrap();
        }
        if !xiang.is_empty() {
            sheet.write_string(row, 2, *xiang).unwrap();
        }
        sheet.write_string(row, 3, *name).unwrap();
        sheet.write_number(row, 4, budget * unit.1).unwrap();
        sheet
            .write_number(row, 5, amount(i, *spent) * unit.1)
            .unwrap();
    }
}

fn xlsx(build: impl FnOnce(&mut Workbook)) -> Vec<u8> {
    let mut workbook = Workbook::new();
    build(&mut workbook);
    workbook.save_to_buffer().unwrap()
}

const SPENDING_DOC: &str = "报告 \"株洲市芦淞区人力资源和社会保障局2019年度部门决算\" {
  单位     \"株洲市芦淞区人力资源和社会保障局\"
  年度     2019
  金额单位 万元
}

表 财政拨款支出 \"一般公共预算财政拨款支出决算表\" 来自 \"公开表.xlsx\" {
  工作表 \"一般公共预算财政拨款支出决算表\"
  科目   功能分类
  列 年初预算: 金额, 决算数: 金额
}
";

#[test]
fn the_exported_layout_loads_to_the_right_values() {
    let book = xlsx(|w| spending_sheet(w.add_worksheet(), &|_, v| v, ("万元", 1.0)));
    keep("exported.xlsx", &book);
    let c = compile(SPENDING_DOC, vec![("公开表.xlsx", book)]);
    assert_eq!(errors(&c), Vec::<String>::new());
    let t = table(&c, "财政拨款支出");
    let loaded = rows(t);
    // The total first, as the sheet has it; the codes rebuilt with their leading zeros.
    assert_eq!(loaded[0], ("合计".to_owned(), some(&["658.97", "836.78"])));
    assert_eq!(t.rows[0].kind, RowKind::Total);
    let codes: Vec<&str> = loaded[1..].iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        codes,
        [
            "201", "20103", "2010301", "2010399", "20106", "2010601", "20150", "2015001",
            "2015006", "20111", "2011101", "208", "20801", "2080101", "2080102", "2080105",
            "2080107", "2080109", "2080199", "20807", "2080711"
        ]
    );
    assert_eq!(loaded[3].1, some(&["0", "281.85"]));
    assert_eq!(loaded[10].1, some(&["0", "2.8"]));
    // The 栏次 row (1, 2) is neither a row nor added to the totals.
    assert_eq!(loaded.len(), SPENDING.len() + 1);
    // The facts of a workbook row carry its sheet and cell.
    let facts = jues::render::facts::render(&c.evaluated.document, &c.sources);
    assert!(
        facts.contains("\"cell\": \"一般公共预算财政拨款支出决算表!F9\""),
        "{facts}"
    );
    assert!(facts.contains("\"file\": \"公开表.xlsx\""), "{facts}");
}

#[test]
fn a_total_the_rows_do_not_add_up_to_is_an_error_at_its_cell() {
    // The 行政运行 of 20103 is 1 more than the workbook's own 款 and 类 and 合计 say.
    let book = xlsx(|w| {
        spending_sheet(
            w.add_worksheet(),
            &|i, v| if i == 2 { v + 1.0 } else { v },
            ("万元", 1.0),
        );
    });
    keep("spoilt.xlsx", &book);
    // The spoilt amount is written, but the totals above it were computed before.
    let c = compile(SPENDING_DOC, vec![("公开表.xlsx", book)]);
    let found = with_code(&c, "J0301");
    assert!(!found.is_empty(), "{:?}", c.diagnostics);
    assert!(
        found.iter().any(|(cell, _)| cell
            .as_deref()
            .is_some_and(|c| c.starts_with("一般公共预算财政拨款支出决算表!F"))),
        "{found:?}"
    );
}

#[test]
fn a_caption_in_yuan_is_honoured_in_a_report_in_ten_thousands() {
    // In 元 the rounding of the 万元 figures shows: 20801 states 162.15 where its rows add up
    // to 162.14. One 项 is a cent more, so that the rows add up in 元 too.
    let book = xlsx(|w| {
        spending_sheet(
            w.add_worksheet(),
            &|i, v| if i == 18 { 40.02 } else { v },
            ("元", 10_000.0),
        )
    });
    let c = compile(SPENDING_DOC, vec![("公开表.xlsx", book)]);
    assert_eq!(errors(&c), Vec::<String>::new());
    let t = table(&c, "财政拨款支出");
    assert_eq!(rows(t)[0].1, some(&["658.97", "836.78"]));
    assert_eq!(t.rows[0].cells[3], "836.78");
}

/// `JUES_WRITE_WORKBOOKS=DIR cargo test workbook` writes the workbooks the tests read, to look
/// at them in a spreadsheet program or try `jues check` on them.
fn keep(name: &str, bytes: &[u8]) {
    if let Ok(dir) = std::env::var("JUES_WRITE_WORKBOOKS") {
        std::fs::write(std::path::Path::new(&dir).join(name), bytes).unwrap();
    }
}

// ------------------------------------------------------------------ the two-sided 总表

/// 公开01表 with its two sides, from the seed report's figures; `income_total` is what the
/// sheet states as 收入总计.
fn summary_book(income_total: f64) -> Vec<u8> {
    xlsx(|w| {
        let plain = Format::new();
        let s = w.add_worksheet();
        s.set_name("收入支出决算总表").unwrap();
        s.merge_range(0, 0, 0, 5, "收入支出决算总表", &plain)
            .unwrap();
        s.write_string(1, 0, format!("编制单位：{DEPARTMENT}"))
            .unwrap();
        s.write_string(1, 4, "公开01表").unwrap();
        s.write_string(1, 5, "单位：万元").unwrap();
        s.merge_range(2, 0, 2, 2, "收入", &plain).unwrap();
        s.merge_range(2, 3, 2, 5, "支出", &plain).unwrap();
        for (c, word) in ["项目", "行次", "金额", "项目", "行次", "金额"]
            .iter()
            .enumerate()
        {
            s.write_string(3, c as u16, *word).unwrap();
        }
        let income: &[(&str, f64)] = &[
            ("一、财政拨款收入", 836.78),
            ("二、上级补助收入", 0.0),
            ("三、事业收入", 0.0),
            ("四、经营收入", 0.0),
            ("五、附属单位上缴收入", 0.0),
            ("六、其他收入", 312.67),
            ("本年收入合计", 1149.45),
            ("用事业基金弥补收支差额", 0.0),
            ("年初结转和结余", 0.0),
            ("收入总计", income_total),
        ];
        let spending: &[(&str, f64)] = &[
            ("一、基本支出", 819.40),
            ("二、项目支出", 255.87),
            ("三、上缴上级支出", 0.0),
            ("四、经营支出", 0.0),
            ("五、对附属单位补助支出", 0.0),
            ("", 0.0),
            ("本年支出合计", 1075.27),
            ("结余分配", 0.0),
            ("年末结转和结余", 74.18),
            ("支出总计", 1149.45),
        ];
        for (i, ((a, x), (b, y))) in income.iter().zip(spending).enumerate() {
            let row = 4 + i as u32;
            s.write_string(row, 0, *a).unwrap();
            s.write_number(row, 1, (i + 1) as f64).unwrap();
            s.write_number(row, 2, *x).unwrap();
            if !b.is_empty() {
                s.write_string(row, 3, *b).unwrap();
                s.write_number(row, 4, (i + 11) as f64).unwrap();
                s.write_number(row, 5, *y).unwrap();
            }
        }
    })
}

const SUMMARY_DOC: &str = "表 收入 \"收入支出决算总表（收入）\" 来自 \"公开表.xlsx\" {
  工作表 \"收入支出决算总表\"
  侧     收入
  列 决算数 \"金额\": 金额
}

表 支出 \"收入支出决算总表（支出）\" 来自 \"公开表.xlsx\" {
  工作表 \"收入支出决算总表\"
  侧     支出
  列 决算数 \"金额\": 金额
}
";

#[test]
fn a_two_sided_sheet_is_read_as_two_tables() {
    let book = summary_book(1149.45);
    keep("summary.xlsx", &book);
    let c = compile(SUMMARY_DOC, vec![("公开表.xlsx", book)]);
    assert_eq!(errors(&c), Vec::<String>::new());
    let income = table(&c, "收入");
    let loaded = rows(income);
    assert_eq!(loaded.len(), 10, "{loaded:?}");
    assert_eq!(
        loaded[0],
        ("一、财政拨款收入".to_owned(), some(&["836.78"]))
    );
    // 本年收入合计 adds up the six kinds of income; 收入总计 adds the rest to them.
    assert_eq!(income.rows[6].kind, RowKind::Subtotal);
    assert_eq!(income.rows[9].kind, RowKind::Total);
    let spending = rows(table(&c, "支出"));
    assert_eq!(
        spending.len(),
        9,
        "the empty row of the 支出 side is no row"
    );
    assert_eq!(spending[0], ("一、基本支出".to_owned(), some(&["819.4"])));
    // A workbook's total keeps its words.
    assert_eq!(spending[8], ("支出总计".to_owned(), some(&["1149.45"])));
}

#[test]
fn a_two_sided_sheets_totals_are_checked() {
    let c = compile(SUMMARY_DOC, vec![("公开表.xlsx", summary_book(1249.45))]);
    let found = with_code(&c, "J0301");
    assert_eq!(found.len(), 1, "{:?}", c.diagnostics);
    assert_eq!(found[0].0.as_deref(), Some("收入支出决算总表!C14"));
}

#[test]
fn a_two_sided_sheet_without_a_side_is_refused() {
    let doc =
        "表 收入 \"收入支出决算总表\" 来自 \"公开表.xlsx\" {\n  列 决算数 \"金额\": 金额\n}\n";
    let c = compile(doc, vec![("公开表.xlsx", summary_book(1149.45))]);
    let found = with_code(&c, "J0502");
    assert_eq!(found.len(), 1, "{:?}", c.diagnostics);
    assert!(found[0].1.contains("two sides (收入、支出)"), "{found:?}");
}

// ------------------------------------------------------------------ CSV as Excel saves it

const CSV_DOC: &str = "表 支出 \"支出决算表\" 来自 \"支出.csv\" {\n  列 决算数: 金额\n}\n";

fn csv(text: &str) -> jues::Compilation {
    compile(CSV_DOC, vec![("支出.csv", text.as_bytes().to_vec())])
}

#[test]
fn a_gbk_csv_is_read_in_its_encoding() {
    let text = "科目编码,科目名称,决算数\n合　计,,836.78\n201,一般公共服务支出,656.63\n208,社会保障和就业支出,180.15\n";
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    let c = compile(CSV_DOC, vec![("支出.csv", gbk.into_owned())]);
    assert_eq!(errors(&c), Vec::<String>::new());
    let t = table(&c, "支出");
    assert_eq!(t.rows[0].kind, RowKind::Total);
    assert_eq!(rows(t)[2], ("208".to_owned(), some(&["180.15"])));
}

#[test]
fn a_total_with_a_full_width_space_is_the_total_and_is_checked() {
    let c = csv("科目编码,科目名称,决算数\n,合　计,900.00\n201,一般公共服务支出,656.63\n208,社会保障和就业支出,180.15\n");
    let found = with_code(&c, "J0301");
    assert_eq!(found.len(), 1, "{:?}", c.diagnostics);
    assert_eq!(found[0].0.as_deref(), Some("C2"));
}

#[test]
fn a_comma_that_does_not_group_thousands_is_not_read_as_one() {
    let c = csv("科目编码,科目名称,决算数\n201,一般公共服务支出,\"836,78\"\n208,社会保障和就业支出,\"1,2345\"\n");
    let found = with_code(&c, "J0502");
    let cells: Vec<_> = found
        .iter()
        .map(|(cell, _)| cell.clone().unwrap())
        .collect();
    assert_eq!(cells, ["C2", "C3"], "{found:?}");
    assert!(
        found[0].1.contains("does not separate thousands"),
        "{found:?}"
    );
    // Neither amount reaches the table as stated (an empty cell of a leaf row counts as 0,
    // after the error).
    assert!(stated(&c, "支出").iter().all(Option::is_none));
}

#[test]
fn digits_that_could_be_misread_are_refused() {
    let c =
        csv("科目编码,科目名称,决算数\n201,一般公共服务支出,1_000\n208,社会保障和就业支出,12 34\n");
    assert_eq!(with_code(&c, "J0502").len(), 2, "{:?}", c.diagnostics);
}

#[test]
fn an_unclosed_quote_is_refused_not_read_as_a_label() {
    let c = csv(
        "科目编码,科目名称,决算数\n201,\"一般公共服务支出,656.63\n208,社会保障和就业支出,180.15\n",
    );
    let found = with_code(&c, "J0502");
    assert_eq!(found.len(), 1, "{:?}", c.diagnostics);
    assert!(found[0].1.contains("row 2"), "{found:?}");
}

#[test]
fn a_row_with_amounts_but_no_key_is_an_error() {
    let c = csv("科目编码,科目名称,决算数\n201,一般公共服务支出,656.63\n,,180.15\n");
    let found = with_code(&c, "J0502");
    assert_eq!(found.len(), 1, "{:?}", c.diagnostics);
    assert_eq!(found[0].0.as_deref(), Some("C3"));
}

#[test]
fn a_code_written_before_its_name_in_one_column_is_its_code() {
    let doc = "表 支出 \"支出决算表\" 来自 \"支出.csv\" {\n  列 决算数: 金额\n}\n";
    let text =
        "项目,决算数\n201 一般公共服务支出,656.63\n20103 政府办公厅(室)及相关机构事务,656.63\n";
    let c = compile(doc, vec![("支出.csv", text.as_bytes().to_vec())]);
    assert_eq!(errors(&c), Vec::<String>::new());
    // The 款 is under its 类, so the total is 656.63, not both rows added up.
    let t = table(&c, "支出");
    assert_eq!(rows(t)[0], ("201".to_owned(), some(&["656.63"])));
    assert_eq!(rows(t)[2], ("合计".to_owned(), some(&["656.63"])));
}

#[test]
fn an_amount_above_the_header_is_reported() {
    let c = csv("支出决算表\n1149.45\n科目编码,科目名称,决算数\n201,一般公共服务支出,656.63\n");
    let found = with_code(&c, "J0502");
    assert_eq!(found.len(), 1, "{:?}", c.diagnostics);
    assert_eq!(found[0].0.as_deref(), Some("A2"));
}

#[test]
fn a_column_no_table_column_reads_is_reported() {
    let c = csv("科目编码,科目名称,决算数,调整预算数\n201,一般公共服务支出,656.63,700\n");
    let found = with_code(&c, "J0504");
    assert_eq!(found.len(), 1, "{:?}", c.diagnostics);
    assert_eq!(found[0].0.as_deref(), Some("D1"));
}

// ------------------------------------------------------------------ cells a reader misreads

fn one_sheet(build: impl FnOnce(&mut Worksheet)) -> Vec<u8> {
    xlsx(|w| {
        let s = w.add_worksheet();
        s.set_name("支出").unwrap();
        s.write_string(0, 0, "科目编码").unwrap();
        s.write_string(0, 1, "科目名称").unwrap();
        s.write_string(0, 2, "决算数").unwrap();
        s.write_number(1, 0, 201).unwrap();
        s.write_string(1, 1, "一般公共服务支出").unwrap();
        build(s);
    })
}

const XLSX_DOC: &str = "表 支出 \"支出决算表\" 来自 \"支出.xlsx\" {\n  列 决算数: 金额\n}\n";

fn sheet_compile(book: Vec<u8>) -> jues::Compilation {
    compile(XLSX_DOC, vec![("支出.xlsx", book)])
}

#[test]
fn float_noise_is_rounded_away_and_more_digits_are_reported() {
    let c = sheet_compile(one_sheet(|s| {
        s.write_number(1, 2, 286.33000000000004).unwrap();
        s.write_number(2, 0, 208).unwrap();
        s.write_string(2, 1, "社会保障和就业支出").unwrap();
        s.write_number(2, 2, 180.155).unwrap();
    }));
    let t = table(&c, "支出");
    assert_eq!(rows(t)[0].1, some(&["286.33"]));
    assert_eq!(rows(t)[1].1, some(&["180.155"]));
    let found = with_code(&c, "J0505");
    assert_eq!(found.len(), 1, "{:?}", c.diagnostics);
    assert_eq!(found[0].0.as_deref(), Some("支出!C3"));
    // The facts and the HTML never see the noise.
    assert!(!t.rows[0].cells.iter().any(|c| c.contains("0000")));
}

#[test]
fn a_date_in_an_amount_column_is_not_its_serial_number() {
    let c = sheet_compile(one_sheet(|s| {
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2019, 12, 31).unwrap();
        let format = Format::new().set_num_format("yyyy-mm-dd");
        s.write_datetime_with_format(1, 2, &date, &format).unwrap();
    }));
    let found = with_code(&c, "J0502");
    assert_eq!(found.len(), 1, "{:?}", c.diagnostics);
    assert_eq!(found[0].0.as_deref(), Some("支出!C2"));
    assert!(
        found[0].1.contains("2019-12-31") && found[0].1.contains("43830"),
        "{found:?}"
    );
    assert_eq!(stated(&c, "支出"), [None]);
}

#[test]
fn a_formula_whose_value_was_never_computed_is_not_zero() {
    // rust_xlsxwriter, like other programs that write workbooks, stores formulas with a
    // result of 0 and asks the spreadsheet to compute them when it opens the file.
    let c = sheet_compile(one_sheet(|s| {
        s.write_formula(1, 2, Formula::new("=600+56.63")).unwrap();
    }));
    let found = with_code(&c, "J0502");
    assert_eq!(found.len(), 1, "{:?}", c.diagnostics);
    assert!(found[0].1.contains("never saved"), "{found:?}");
    assert_eq!(stated(&c, "支出"), [None]);
}

#[test]
fn a_merged_name_keeps_the_amount_of_its_second_row() {
    let plain = Format::new();
    let c = sheet_compile(one_sheet(|s| {
        s.merge_range(1, 1, 2, 1, "一般公共服务支出", &plain)
            .unwrap();
        s.write_number(2, 2, 656.63).unwrap();
    }));
    assert_eq!(errors(&c), Vec::<String>::new());
    assert_eq!(
        rows(table(&c, "支出"))[..1],
        [("201".to_owned(), some(&["656.63"]))]
    );
    assert_eq!(stated(&c, "支出"), [Some("656.63".to_owned())]);
    // Both rows with an amount: which is it?
    let c = sheet_compile(one_sheet(|s| {
        s.merge_range(1, 1, 2, 1, "一般公共服务支出", &plain)
            .unwrap();
        s.write_number(1, 2, 600).unwrap();
        s.write_number(2, 2, 56.63).unwrap();
    }));
    let found = with_code(&c, "J0502");
    assert_eq!(found.len(), 1, "{:?}", c.diagnostics);
    assert_eq!(found[0].0.as_deref(), Some("支出!C3"));
}

#[test]
fn a_far_away_cell_costs_one_cell_and_is_reported() {
    let book = one_sheet(|s| {
        s.write_number(1, 2, 656.63).unwrap();
        s.write_string(1_048_575, 16_383, "x").unwrap();
    });
    assert!(book.len() < 10_000);
    let c = sheet_compile(book);
    let found = with_code(&c, "J0502");
    assert_eq!(found.len(), 1, "{:?}", c.diagnostics);
    assert_eq!(found[0].0.as_deref(), Some("支出!XFD1048576"));
    assert_eq!(stated(&c, "支出"), [Some("656.63".to_owned())]);
}

#[test]
fn a_zip_bomb_is_refused_unpacked() {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/workbook.xml", options).unwrap();
    zip.write_all(b"<workbook/>").unwrap();
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    let block = vec![b' '; 1 << 20];
    for _ in 0..80 {
        zip.write_all(&block).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 1 << 20, "{}", bytes.len());
    let c = sheet_compile(bytes);
    let found = with_code(&c, "J0502");
    assert_eq!(found.len(), 1, "{:?}", c.diagnostics);
    assert!(found[0].1.contains("unpacks to 80 MB"), "{found:?}");
}

#[test]
fn the_document_gives_the_reasons_the_workbook_does_not_have() {
    let doc = "表 支出 \"支出决算表\" 来自 \"支出.csv\" {
  列 年初预算: 金额, 决算数: 金额, 说明: 文本
  2010301 说明=\"在预算执行的过程中，功能科目有进一步细化。\"
  2080109 说明=待填
}
";
    let text = "科目编码,科目名称,年初预算,决算数\n2010301,行政运行,0,281.85\n2080109,社会保险经办机构,135.11,88.86\n";
    let c = compile(doc, vec![("支出.csv", text.as_bytes().to_vec())]);
    assert_eq!(errors(&c), Vec::<String>::new());
    let t = table(&c, "支出");
    assert_eq!(
        t.rows[0].cells[4],
        "在预算执行的过程中，功能科目有进一步细化。"
    );
    // The 待填 reason is unfilled, not missing as well.
    assert_eq!(with_code(&c, "J0405").len(), 1, "{:?}", c.diagnostics);
    assert_eq!(with_code(&c, "J0308").len(), 0, "{:?}", c.diagnostics);
    // A row the file does not have, an amount the file has, a cell without its column.
    let doc = "表 支出 \"支出决算表\" 来自 \"支出.csv\" {
  列 年初预算: 金额, 决算数: 金额, 说明: 文本
  2010399 说明=\"…\"
  2010301 决算数=282
  2080109 \"社会保险经办机构\" 1 2
}
";
    let c = compile(doc, vec![("支出.csv", text.as_bytes().to_vec())]);
    let found: Vec<String> = with_code(&c, "J0502").into_iter().map(|(_, m)| m).collect();
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(found[0].contains("has no row"), "{found:?}");
    assert!(
        found[1].contains("gives this row's `决算数` already"),
        "{found:?}"
    );
    assert_eq!(rows(table(&c, "支出"))[0].1[1], Some("281.85".to_owned()));
}

// ------------------------------------------------------------------ the nine 公开表

/// A sheet: a title, a caption, a header, the rows. A header row is a list of (column, words,
/// columns merged to its right); a body row a list of cells, text or number.
enum Cell {
    T(&'static str),
    N(f64),
    E,
}

use Cell::{E, N, T};

fn sheet(
    w: &mut Workbook,
    name: &str,
    title: &str,
    header: &[&[(u16, &str, u16)]],
    rows: &[Vec<Cell>],
) {
    let plain = Format::new();
    let s = w.add_worksheet();
    s.set_name(name).unwrap();
    let width = header
        .iter()
        .flat_map(|r| r.iter().map(|(c, _, span)| c + span))
        .max()
        .unwrap_or(1);
    s.merge_range(0, 0, 0, width, title, &plain).unwrap();
    s.write_string(1, 0, format!("编制单位：{DEPARTMENT}"))
        .unwrap();
    s.write_string(1, width, "金额单位：万元").unwrap();
    let top = 2;
    for (r, line) in header.iter().enumerate() {
        let row = top + r as u32;
        for (column, words, span) in line.iter() {
            if *span > 0 {
                s.merge_range(row, *column, row, column + span, words, &plain)
                    .unwrap();
            } else {
                s.write_string(row, *column, *words).unwrap();
            }
        }
    }
    let first = top + header.len() as u32;
    for (i, cells) in rows.iter().enumerate() {
        for (c, cell) in cells.iter().enumerate() {
            let (row, column) = (first + i as u32, c as u16);
            match cell {
                T(t) => s.write_string(row, column, *t).map(|_| ()).unwrap(),
                N(n) => s.write_number(row, column, *n).map(|_| ()).unwrap(),
                E => {}
            }
        }
    }
}

/// The nine 公开表 of the seed report (株洲市芦淞区人力资源和社会保障局, 2019), as the 决算
/// software exports them. The published report gives only 公开05表 and 公开07表 and the totals
/// its narrative states; the rest is made up to agree with them.
pub(crate) fn seed_workbook() -> Vec<u8> {
    xlsx(|w| {
        let two = |l: &'static str, r: &'static str| -> Vec<(u16, &'static str, u16)> {
            vec![(0, l, 2), (3, r, 2)]
        };
        let leaves: Vec<(u16, &str, u16)> = ["项目", "行次", "金额", "项目", "行次", "金额"]
            .iter()
            .enumerate()
            .map(|(i, w)| (i as u16, *w, 0))
            .collect();
        let side = |a: &'static str, i: f64, x: f64, b: &'static str, y: f64| -> Vec<Cell> {
            let mut row = vec![T(a), N(i), N(x)];
            if b.is_empty() {
                row.extend([E, E, E]);
            } else {
                row.extend([T(b), N(i + 20.0), N(y)]);
            }
            row
        };
        sheet(
            w,
            "公开01表",
            "2019年度收入支出决算总表",
            &[&two("收入", "支出"), &leaves],
            &[
                side(
                    "一、财政拨款收入",
                    1.0,
                    836.78,
                    "一、一般公共服务支出",
                    800.00,
                ),
                side(
                    "二、上级补助收入",
                    2.0,
                    0.0,
                    "二、社会保障和就业支出",
                    275.27,
                ),
                side("三、事业收入", 3.0, 0.0, "", 0.0),
                side("四、经营收入", 4.0, 0.0, "", 0.0),
                side("五、附属单位上缴收入", 5.0, 0.0, "", 0.0),
                side("六、其他收入", 6.0, 312.67, "", 0.0),
                side("本年收入合计", 7.0, 1149.45, "本年支出合计", 1075.27),
                side("用事业基金弥补收支差额", 8.0, 0.0, "结余分配", 0.0),
                side("年初结转和结余", 9.0, 0.0, "年末结转和结余", 74.18),
                side("收入总计", 10.0, 1149.45, "支出总计", 1149.45),
            ],
        );
        let code_header: Vec<(u16, &str, u16)> = vec![(0, "科目编码", 0), (1, "科目名称", 0)];
        let with = |words: &[&'static str]| -> Vec<(u16, &'static str, u16)> {
            let mut h = code_header.clone();
            h.extend(words.iter().enumerate().map(|(i, w)| (2 + i as u16, *w, 0)));
            h
        };
        sheet(
            w,
            "公开02表",
            "收入决算表",
            &[&with(&[
                "合计",
                "财政拨款收入",
                "上级补助收入",
                "事业收入",
                "经营收入",
                "附属单位上缴收入",
                "其他收入",
            ])],
            &[
                vec![
                    T("合计"),
                    E,
                    N(1149.45),
                    N(836.78),
                    N(0.0),
                    N(0.0),
                    N(0.0),
                    N(0.0),
                    N(312.67),
                ],
                vec![
                    N(201.0),
                    T("一般公共服务支出"),
                    N(856.63),
                    N(656.63),
                    E,
                    E,
                    E,
                    E,
                    N(200.0),
                ],
                vec![
                    N(208.0),
                    T("社会保障和就业支出"),
                    N(292.82),
                    N(180.15),
                    E,
                    E,
                    E,
                    E,
                    N(112.67),
                ],
            ],
        );
        sheet(
            w,
            "公开03表",
            "支出决算表",
            &[&with(&[
                "合计",
                "基本支出",
                "项目支出",
                "上缴上级支出",
                "经营支出",
                "对附属单位补助支出",
            ])],
            &[
                vec![
                    T("合计"),
                    E,
                    N(1075.27),
                    N(819.40),
                    N(255.87),
                    N(0.0),
                    N(0.0),
                    N(0.0),
                ],
                vec![
                    N(201.0),
                    T("一般公共服务支出"),
                    N(800.0),
                    N(600.0),
                    N(200.0),
                ],
                vec![
                    N(208.0),
                    T("社会保障和就业支出"),
                    N(275.27),
                    N(219.40),
                    N(55.87),
                ],
            ],
        );
        let spending_side: Vec<(u16, &str, u16)> = [
            "项目",
            "行次",
            "金额",
            "项目",
            "行次",
            "合计",
            "一般公共预算财政拨款",
            "政府性基金预算财政拨款",
            "国有资本经营预算财政拨款",
        ]
        .iter()
        .enumerate()
        .map(|(i, w)| (i as u16, *w, 0))
        .collect();
        let grant = |a: &'static str, x: f64, b: &'static str, y: f64| -> Vec<Cell> {
            let mut row = if a.is_empty() {
                vec![E, E, E]
            } else {
                vec![T(a), N(1.0), N(x)]
            };
            row.extend([T(b), N(11.0), N(y), N(y), N(0.0), N(0.0)]);
            row
        };
        sheet(
            w,
            "公开04表",
            "财政拨款收入支出决算总表",
            &[&[(0, "收入", 2), (3, "支出", 5)], &spending_side],
            &[
                grant(
                    "一、一般公共预算财政拨款",
                    836.78,
                    "一、一般公共服务支出",
                    656.63,
                ),
                grant(
                    "二、政府性基金预算财政拨款",
                    0.0,
                    "二、社会保障和就业支出",
                    180.15,
                ),
                grant("本年收入合计", 836.78, "本年支出合计", 836.78),
                grant("年初财政拨款结转和结余", 0.0, "年末财政拨款结转和结余", 0.0),
                grant("收入总计", 836.78, "支出总计", 836.78),
            ],
        );
        spending_sheet(w.add_worksheet(), &|_, v| v, ("万元", 1.0));
        sheet(
            w,
            "公开06表",
            "一般公共预算财政拨款基本支出决算表",
            &[&with(&["人员经费", "公用经费"])],
            &[
                vec![T("合计"), E, N(420.89), N(160.02)],
                vec![N(301.0), T("工资福利支出"), N(400.0), E],
                vec![N(302.0), T("商品和服务支出"), E, N(160.02)],
                vec![N(303.0), T("对个人和家庭的补助"), N(20.89), E],
            ],
        );
        sheet(
            w,
            "公开07表",
            "2019年度一般公共预算财政拨款“三公”经费支出决算表",
            &[&[(0, "项目", 0), (1, "预算数", 0), (2, "决算数", 0)]],
            &[
                vec![T("合计"), N(0.5), N(0.07)],
                vec![T("因公出国（境）费"), N(0.0), N(0.0)],
                vec![T("公务用车购置及运行费"), N(0.0), N(0.0)],
                vec![T("公务接待费"), N(0.5), N(0.07)],
            ],
        );
        sheet(
            w,
            "公开08表",
            "政府性基金预算财政拨款收入支出决算表",
            &[&with(&[
                "年初结转和结余",
                "本年收入",
                "本年支出",
                "年末结转和结余",
            ])],
            &[vec![T("注：本单位无政府性基金预算财政拨款收入和支出。")]],
        );
        sheet(
            w,
            "公开09表",
            "国有资本经营预算财政拨款支出决算表",
            &[&with(&["年初预算", "决算数"])],
            &[],
        );
    })
}

/// The example's workbook (`examples/lusong-hrss-2019/公开表.xlsx`, which the tutorial starts
/// from) is the one [`seed_workbook`] writes, cell by cell and merge by merge. To write it
/// again: `JUES_WRITE_WORKBOOKS=examples/lusong-hrss-2019 cargo test workbook::the_example`.
#[test]
fn the_example_workbook_is_the_seed_workbook() {
    use calamine::{Reader, Xlsx};
    let made = seed_workbook();
    keep("公开表.xlsx", &made);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/lusong-hrss-2019/公开表.xlsx");
    let open = |bytes: Vec<u8>| Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let mut committed = open(std::fs::read(path).unwrap());
    let mut made = open(made);
    assert_eq!(committed.sheet_names(), made.sheet_names());
    for name in made.sheet_names() {
        assert_eq!(
            committed.worksheet_range(&name).unwrap(),
            made.worksheet_range(&name).unwrap(),
            "{name}"
        );
        assert_eq!(
            committed.merge_cells_by_sheet_name(&name).unwrap(),
            made.merge_cells_by_sheet_name(&name).unwrap(),
            "{name}"
        );
    }
}

// ------------------------------------------------------------------ a whole report from it

fn jues(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    crate::jues_command()
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// The amounts and rates a markdown text states in its 第三部分 before 八 (the figures of the
/// tables; 八 … 十 are what only the department knows).
fn stated_in_narrative(markdown: &str) -> Vec<String> {
    let start = markdown.find("# 第三部分").expect("a 第三部分");
    let end = markdown[start..]
        .find("## 八、")
        .map_or(markdown.len(), |e| start + e);
    let text = &markdown[start..end];
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit()
            || (c == '.' && !current.is_empty())
            || (c == '%' && !current.is_empty())
        {
            current.push(c);
            continue;
        }
        let number = current.trim_end_matches('.').to_owned();
        if number.contains('.') || number.ends_with('%') {
            out.push(number);
        }
        current.clear();
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn a_whole_report_is_made_from_the_workbook() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("from-workbook");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("公开表.xlsx"), seed_workbook()).unwrap();
    let made = jues(&dir, &["new", "2019决算", "--from", "公开表.xlsx"]);
    let said = String::from_utf8_lossy(&made.stderr);
    assert!(made.status.success(), "{said}");
    // Every sheet found its table.
    assert!(
        !said.contains("not a standard table") && !said.contains("no sheet"),
        "{said}"
    );
    // The report checks clean but for what only the department knows (and unverified codes).
    let report = "2019决算/report.jues";
    let checked = jues(&dir, &["check", report, "--format", "short"]);
    let out = String::from_utf8_lossy(&checked.stdout);
    assert!(checked.status.success(), "{out}");
    let findings: Vec<&str> = out.lines().filter(|l| l.contains("]: ")).collect();
    assert!(
        findings
            .iter()
            .all(|l| l.contains("warning[J0405]") || l.contains("note[J0304]")),
        "{out}"
    );
    assert!(
        findings.iter().filter(|l| l.contains("J0405")).count() >= 10,
        "{out}"
    );
    // Nothing is published while a 待填 is left.
    let refused = jues(&dir, &["build", report, "-o", "out"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(!dir.join("out").exists());
    // The department writes what only it knows; last year's figures are the seed report's.
    let path = dir.join(report);
    let text = std::fs::read_to_string(&path).unwrap();
    let filled = text
        .replace("总计.收入       = 待填", "总计.收入       = 1084.35")
        .replace("收入.财政拨款   = 待填", "收入.财政拨款   = 914.09")
        .replace("三公.接待.决算  = 待填", "三公.接待.决算  = 0.06")
        .replace("说明=待填", "说明=\"年初预算时功能科目未细化。\"")
        .replace("{待填}", "（本单位填写）");
    let left: Vec<&str> = filled
        .lines()
        .filter(|l| l.contains("待填") && !l.trim_start().starts_with("//"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    std::fs::write(&path, filled).unwrap();
    let checked = jues(
        &dir,
        &["check", report, "--format", "short", "--deny", "warnings"],
    );
    let out = String::from_utf8_lossy(&checked.stdout);
    assert!(checked.status.success(), "{out}");
    let built = jues(&dir, &["build", report, "-o", "out"]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    for ext in ["html", "md", "pdf"] {
        assert!(dir.join(format!("out/report.{ext}")).exists(), "no {ext}");
    }
    // Its narrative states every figure of the tables that the seed report's narrative states.
    let seed_dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/lusong-hrss-2019");
    let seed = jues(
        &seed_dir,
        &[
            "build",
            "report.jues",
            "-o",
            dir.join("seed").to_str().unwrap(),
        ],
    );
    assert!(
        seed.status.success(),
        "{}",
        String::from_utf8_lossy(&seed.stderr)
    );
    let seed = stated_in_narrative(&std::fs::read_to_string(dir.join("seed/report.md")).unwrap());
    let made = stated_in_narrative(&std::fs::read_to_string(dir.join("out/report.md")).unwrap());
    let missing: Vec<&String> = seed.iter().filter(|n| !made.contains(n)).collect();
    assert!(
        missing.is_empty(),
        "not stated: {missing:?}\nseed: {seed:?}\nmade: {made:?}"
    );
    assert!(seed.len() > 30, "{seed:?}");
}

#[test]
fn a_formulas_saved_result_with_float_noise_is_read_as_excel_shows_it() {
    // A workbook saved by a spreadsheet keeps each formula's result (here with the noise of
    // binary arithmetic) and does not ask for the formulas to be computed again.
    let mut workbook = Workbook::new();
    workbook.set_calculation_mode(rust_xlsxwriter::CalculationMode::Manual);
    let s = workbook.add_worksheet();
    s.set_name("支出").unwrap();
    for (c, word) in ["科目编码", "科目名称", "决算数"].iter().enumerate() {
        s.write_string(0, c as u16, *word).unwrap();
    }
    s.write_number(1, 0, 201).unwrap();
    s.write_string(1, 1, "一般公共服务支出").unwrap();
    s.write_formula(
        1,
        2,
        Formula::new("=281.85+4.48").set_result("286.33000000000004"),
    )
    .unwrap();
    let c = sheet_compile(workbook.save_to_buffer().unwrap());
    assert_eq!(errors(&c), Vec::<String>::new());
    assert!(with_code(&c, "J0505").is_empty(), "{:?}", c.diagnostics);
    assert_eq!(rows(table(&c, "支出"))[0].1, some(&["286.33"]));
}

/// `jues check` of a report reading `book`, in a process that may not take more than 1 GB.
#[cfg(unix)]
fn check_in_a_gigabyte(name: &str, book: &[u8]) -> String {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("支出.xlsx"), book).unwrap();
    std::fs::write(dir.join("report.jues"), XLSX_DOC).unwrap();
    let output = std::process::Command::new("sh")
        .args([
            "-c",
            "ulimit -v 1048576; exec \"$0\" check report.jues --format short --lang en",
        ])
        .arg(env!("CARGO_BIN_EXE_jues"))
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[cfg(unix)]
#[test]
fn a_far_cell_and_a_zip_bomb_are_read_in_bounded_memory() {
    let far = one_sheet(|s| {
        s.write_number(1, 2, 656.63).unwrap();
        s.write_string(1_048_575, 16_383, "x").unwrap();
    });
    let out = check_in_a_gigabyte("bounded-far", &far);
    assert!(out.contains("支出!XFD1048576"), "{out}");
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/workbook.xml", options).unwrap();
    zip.write_all(b"<workbook/>").unwrap();
    zip.start_file("xl/sharedStrings.xml", options).unwrap();
    let block = vec![b'a'; 1 << 20];
    for _ in 0..300 {
        zip.write_all(&block).unwrap();
    }
    let bomb = zip.finish().unwrap().into_inner();
    let out = check_in_a_gigabyte("bounded-bomb", &bomb);
    assert!(out.contains("unpacks to 300 MB"), "{out}");
}

#[test]
fn a_rate_must_say_it_is_per_cent() {
    let doc = "表 t \"完成情况\" 来自 \"率.xlsx\" {\n  列 完成率: 比率, 人数: 人\n}\n";
    let book = |header: &'static str| {
        xlsx(|w| {
            let s = w.add_worksheet();
            s.set_name("率").unwrap();
            s.write_string(0, 0, "金额单位：万元").unwrap();
            for (c, word) in ["项目", header, "人数"].iter().enumerate() {
                s.write_string(1, c as u16, *word).unwrap();
            }
            s.write_string(2, 0, "社保经办").unwrap();
            // A percentage cell of Excel: 72.80% is stored as 0.728.
            s.write_number(2, 1, 0.728).unwrap();
            s.write_number(2, 2, 791).unwrap();
            s.write_string(3, 0, "劳动监察").unwrap();
            s.write_string(3, 1, "99.93%").unwrap();
            s.write_number(3, 2, 12).unwrap();
        })
    };
    let c = compile(doc, vec![("率.xlsx", book("完成率"))]);
    let found = with_code(&c, "J0502");
    assert_eq!(found.len(), 1, "{:?}", c.diagnostics);
    assert_eq!(found[0].0.as_deref(), Some("率!B3"));
    assert!(found[0].1.contains("per cent"), "{found:?}");
    let t = table(&c, "t");
    // Exact values are in the column's unit, per cent.
    assert_eq!(rows(t)[1].1, some(&["99.93", "12"]));
    // The caption's 万元 is for amounts, not for a count of people.
    assert_eq!(rows(t)[0].1[1], Some("791".to_owned()));
    // A header in per cent says what a bare number is: per cent.
    let c = compile(doc, vec![("率.xlsx", book("完成率（%）"))]);
    assert_eq!(errors(&c), Vec::<String>::new());
    assert_eq!(rows(table(&c, "t"))[0].1[0], Some("0.728".to_owned()));
}

#[test]
fn a_sheet_is_matched_by_its_number_when_its_title_is_unlike() {
    let book = xlsx(|w| {
        let s = w.add_worksheet();
        s.set_name("表三").unwrap();
        s.write_string(0, 0, "本部门年度支出情况一览").unwrap();
        s.write_string(1, 0, "公开03表").unwrap();
        for (c, word) in ["科目编码", "科目名称", "基本支出", "项目支出"]
            .iter()
            .enumerate()
        {
            s.write_string(2, c as u16, *word).unwrap();
        }
        s.write_number(3, 0, 201).unwrap();
        s.write_string(3, 1, "一般公共服务支出").unwrap();
        s.write_number(3, 2, 600).unwrap();
        s.write_number(3, 3, 200).unwrap();
    });
    let made = jues::data::report::from_workbook(
        &book,
        "x.xlsx",
        None,
        Some(2019),
        jues::library::Prior::Block,
    )
    .unwrap();
    assert_eq!(
        made.sheets[0].table.as_deref(),
        Some("支出决算"),
        "{:?}",
        made.sheets
    );
}
