//! `jues new DIR --from 公开表.xlsx`: a whole report from the workbook the 决算 software
//! exports. Each sheet is matched to a standard table by its title (titles vary by province, so
//! by likeness, among the tables with as many sides as the sheet), each table reads its rows
//! from the workbook (`来自`), the standard figures are formulas over the tables' cells, and the
//! 情况说明 states every figure as a formula, so the words can never disagree with the tables.
//! What only the department knows (主要原因, 部门职责, a row's 说明) is `待填`, which
//! `jues build` refuses to publish until it is written.
//!
//! The report is written twice: the first draft is compiled in memory against the workbook,
//! and what it finds (the kinds of income and spending the department has, the budget lines
//! that need a reason by rule J0308) shapes the second. The rules stay where they are defined.

// No decimals are computed here: amounts are only compared with zero.
#![allow(clippy::arithmetic_side_effects)]

use super::layout::{self, normal, Key, Layout};
use super::read;
use crate::ast::{Item, TableDecl};
use crate::i18n::Message;
use crate::settings::TableSetting;
use crate::width::{pad, width};
use std::collections::HashSet;
use std::fmt::Write as _;

/// The report type a workbook makes: the 决算 software's export is a 部门决算's tables.
pub const TYPE: &str = "部门决算";

/// A sheet of the workbook and what it was taken for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matched {
    /// The sheet's name.
    pub sheet: String,
    /// Its title as the sheet gives it (or the sheet's name).
    pub title: String,
    /// The standard table it fills (`收支总表`), if any.
    pub table: Option<String>,
}

/// A new report written from a workbook.
#[derive(Debug, Clone)]
pub struct FromWorkbook {
    /// The text of `report.jues`.
    pub report: String,
    /// Every sheet, with the table it fills.
    pub sheets: Vec<Matched>,
    /// The standard tables no sheet fills (each written with `待填`).
    pub missing: Vec<String>,
}

/// One standard table, as the standard library declares it.
struct Standard {
    name: String,
    title: String,
    /// Its number among the published tables (`公开05表`).
    number: Option<String>,
    /// Whether the published table has two sides (收入 | 支出).
    two_sided: bool,
}

/// What the generator takes from the standard 部门决算 (`stdlib/部门决算.jues`), parsed once.
struct Library {
    tables: Vec<Standard>,
    /// The kinds of income (`收入.财政拨款`, labelled `财政拨款收入`, which is also the column of
    /// 收入决算表 that has it) and of spending: the stated figures of the groups `收入`, `支出`.
    income: Vec<(String, String)>,
    spending: Vec<(String, String)>,
}

impl Library {
    fn load() -> Library {
        let text = crate::library::report_type(TYPE).map_or("", |(_, text)| text);
        let (module, _) = crate::syntax::parse(crate::source::FileId(0), text);
        let kinds = |group: &str| -> Vec<(String, String)> {
            module
                .items
                .iter()
                .filter_map(|item| match item {
                    Item::Group(g) if g.name.dotted() == group => Some(&g.members),
                    _ => None,
                })
                .flatten()
                .filter_map(|member| match member {
                    crate::ast::Member::Figure(f) if f.formula.is_none() => {
                        Some((f.name.dotted(), f.label.as_ref().map(|l| l.value.clone())?))
                    }
                    _ => None,
                })
                .collect()
        };
        Library {
            tables: module
                .items
                .iter()
                .filter_map(|item| match item {
                    Item::Table(t) => Some(standard(t)),
                    _ => None,
                })
                .collect(),
            income: kinds("收入"),
            spending: kinds("支出"),
        }
    }
}

fn standard(t: &TableDecl) -> Standard {
    let title = t.title.as_ref().map_or(String::new(), |s| s.value.clone());
    // The two 总表 are the tables without a computed 合计 row.
    let two_sided = TableSetting::TotalRow
        .find(&t.settings)
        .is_some_and(|s| s.value.text() == "否");
    Standard {
        name: t.name.text.clone(),
        title,
        number: TableSetting::Number
            .find(&t.settings)
            .map(|s| s.value.text()),
        two_sided,
    }
}

/// A title as titles are compared: without the year, the department, the table's number,
/// brackets and punctuation (`2019年度一般公共预算财政拨款“三公”经费支出决算表` is
/// `一般公共预算财政拨款三公经费支出决算表`).
fn title_key(title: &str, entity: Option<&str>) -> String {
    let mut t = normal(title);
    if let Some(e) = entity {
        t = t.replace(&normal(e), "");
    }
    if let Some(i) = t.find("公开") {
        let rest = &t[i + "公开".len()..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if rest[digits..].starts_with('表') {
            t.replace_range(i..i + "公开".len() + digits + '表'.len_utf8(), "");
        }
    }
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit());
    let t = t.trim_start_matches("年度").trim_start_matches('年');
    t.chars()
        .filter(|c| !"()[]“”\"'‘’《》〈〉、，,.:：-—".contains(*c))
        .collect()
}

/// The workbook's sheets matched to the standard tables: each table takes the sheet with its
/// number (`公开05表`), else the sheet most like it by title (at least 0.6 alike), among the
/// sheets with as many sides.
fn match_sheets(
    standards: &[Standard],
    found: &[(String, String, Layout)],
    entity: Option<&str>,
) -> Vec<Option<String>> {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, (_, title, layout)) in found.iter().enumerate() {
        let key = title_key(title, entity);
        if key.is_empty() {
            continue;
        }
        let two = layout.sides.len() > 1;
        for (j, s) in standards.iter().enumerate() {
            if s.two_sided != two {
                continue;
            }
            // The number a sheet gives (`公开05表`) is the national one; else the title decides.
            let score = if layout.number.is_some() && layout.number == s.number {
                1.0
            } else {
                strsim::normalized_levenshtein(&key, &title_key(&s.title, None))
            };
            if score >= 0.6 {
                pairs.push((score, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut out = vec![None; found.len()];
    let mut taken = HashSet::new();
    for (_, i, j) in pairs {
        if out[i].is_none() && taken.insert(j) {
            out[i] = Some(standards[j].name.clone());
        }
    }
    out
}

/// What the first draft tells the second.
#[derive(Default)]
struct Found {
    /// The figures (`收入.上级补助`) that are zero: not written out in the narrative.
    zero: HashSet<String>,
    /// The rows of 公开05表 that need a reason (J0308), by code.
    reasons: Vec<String>,
}

/// The report of `entity` for `year` from the workbook `bytes`, saved beside the report as
/// `file`. `entity` and `year` default to what the workbook says (编制单位, the title's year).
/// The error is why the workbook cannot be read.
pub fn from_workbook(
    bytes: &[u8],
    file: &str,
    entity: Option<&str>,
    year: Option<u16>,
    prior: crate::library::Prior<'_>,
) -> Result<FromWorkbook, Message> {
    let names = read::sheet_names(bytes)?;
    if names.iter().all(String::is_empty) {
        return Err(crate::msg!("data-reason-csv-report"));
    }
    let mut found = Vec::new();
    for name in &names {
        let sheet = read::sheet(bytes.to_vec(), Some(name))?;
        let layout = layout::find(&sheet);
        let title = layout
            .title
            .as_ref()
            .map_or_else(|| name.clone(), |(_, t)| t.clone());
        found.push((name.clone(), title, layout));
    }
    let entity = entity
        .map(str::to_owned)
        .or_else(|| found.iter().find_map(|(_, _, l)| l.entity.clone()))
        .unwrap_or_else(|| "某某单位".to_owned());
    let year = year
        .or_else(|| found.iter().find_map(|(_, t, _)| year_in(t)))
        .unwrap_or(2024);
    let library = Library::load();
    let tables = match_sheets(&library.tables, &found, Some(&entity));
    let plan = Plan {
        library: &library,
        file,
        entity: &entity,
        year,
        prior,
        found: &found,
        tables: &tables,
    };
    let draft = plan.write(&Found::default());
    let learnt = plan.learn(&draft, bytes);
    let report = plan.write(&learnt);
    let sheets = found
        .iter()
        .zip(&tables)
        .map(|((sheet, title, _), table)| Matched {
            sheet: sheet.clone(),
            title: title.clone(),
            table: table.clone(),
        })
        .collect();
    let missing = library
        .tables
        .iter()
        .map(|s| s.name.clone())
        .filter(|n| !tables.iter().any(|t| t.as_deref() == Some(n.as_str())))
        .collect();
    Ok(FromWorkbook {
        report,
        sheets,
        missing,
    })
}

/// `2019` of `2019年度部门决算`.
fn year_in(title: &str) -> Option<u16> {
    let n = normal(title);
    let at = n.find("年")?;
    let digits: String = n[..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().ok().filter(|y| (1990..2200).contains(y))
}

struct Plan<'a> {
    library: &'a Library,
    file: &'a str,
    entity: &'a str,
    year: u16,
    prior: crate::library::Prior<'a>,
    found: &'a [(String, String, Layout)],
    tables: &'a [Option<String>],
}

/// The words of a side's row as a label reference finds it (`收支总表["年初结转和结余"]`).
fn side_label(layout: &Layout, side: usize, wanted: &str) -> Option<String> {
    let side = layout.sides.get(side)?;
    side.rows.iter().find_map(|r| match &r.key {
        Key::Label(l) if strip_numbering(&normal(l)) == wanted => Some(l.clone()),
        _ => None,
    })
}

/// What an empty table says: `本单位无政府性基金预算财政拨款收入和支出。`.
fn empty_note(title: &str) -> String {
    let what = title
        .trim_end_matches("决算表")
        .replace("收入支出", "收入和支出");
    format!("本单位无{what}。")
}

/// `一、财政拨款收入` as `财政拨款收入`.
fn strip_numbering(n: &str) -> &str {
    match n.find('、') {
        Some(i) if n[..i].chars().all(|c| "一二三四五六七八九十".contains(c)) => {
            &n[i + '、'.len_utf8()..]
        }
        _ => n,
    }
}

impl Plan<'_> {
    /// The sheet and layout of a standard table.
    fn sheet_of(&self, table: &str) -> Option<(&str, &Layout)> {
        self.tables
            .iter()
            .position(|t| t.as_deref() == Some(table))
            .map(|i| (self.found[i].0.as_str(), &self.found[i].2))
    }

    fn has(&self, table: &str) -> bool {
        self.sheet_of(table).is_some()
    }

    /// Compiles the draft against the workbook and reads what it found.
    fn learn(&self, draft: &str, bytes: &[u8]) -> Found {
        let mut files = crate::files::Memory::new();
        files.insert(format!("new/{}", self.file), bytes.to_vec());
        files.insert("new/report.jues", draft.as_bytes().to_vec());
        let mut sources = crate::source::Sources::new();
        sources.add("new/report.jues", draft.to_owned());
        let compilation = crate::compile_with(sources, &crate::Options::default(), &files);
        let mut learnt = Found::default();
        for (name, value) in &compilation.evaluated.figures {
            if let crate::eval::value::Value::Num(q) = value {
                if q.nominal.is_zero() {
                    learnt.zero.insert(name.clone());
                }
            }
        }
        let table = compilation.evaluated.document.table("财政拨款支出");
        for d in &compilation.diagnostics {
            if d.code != crate::diagnostics::Code::MissingReason {
                continue;
            }
            let row = table.and_then(|t| t.rows.iter().find(|r| r.span == d.primary.span));
            if let Some(code) = row.and_then(|r| r.cells.first()) {
                if !code.is_empty() {
                    learnt.reasons.push(code.clone());
                }
            }
        }
        learnt
    }

    fn write(&self, found: &Found) -> String {
        let mut out = String::new();
        let year = self.year;
        let last = year.saturating_sub(1);
        let string = crate::fmt::string;
        let prose = crate::fmt::escape_prose;
        let _ = writeln!(
            out,
            "// {entity}{year}年度部门决算，由 `jues new --from {file}` 从决算软件导出的工作簿生成。\n\
             // 九张公开表的各行都读自工作簿（`来自`），情况说明里的每个数字都是取自表的公式：\n\
             // 文字与表不会不一致，工作簿改了，重新生成公开文件即可。只有本单位知道的文字写作\n\
             // `待填`（主要原因、部门职责、各行的说明……）：逐一写好（`jues check report.jues`\n\
             // 列出剩下的；还有 `待填` 时 `jues build` 不生成任何文件），再\n\
             // `jues build report.jues -o out`。",
            entity = prose(self.entity),
            file = self.file,
        );
        let _ = writeln!(
            out,
            "报告 {} {{\n  单位     {}\n  年度     {year}\n  金额单位 万元\n  类型     部门决算\n}}\n",
            string(&format!("{}{year}年度部门决算", self.entity)),
            string(self.entity),
        );
        out.push_str(&match self.prior {
            crate::library::Prior::Block => format!(
                "// {last}年度的数字，供“与上年相比”使用（或导入上年的报告：`导入 \"../{last}决算/report.jues\" 为 上年`）。\n\
                 上年 {last} {{\n  总计.收入       = 待填\n  收入.财政拨款   = 待填\n  三公.接待.决算  = 待填\n}}\n\n"
            ),
            crate::library::Prior::Import(path) => format!(
                "// 上年的报告：每一处“与上年相比”都按它的数字检查。\n导入 {} 为 上年\n\n",
                string(path)
            ),
        });
        self.figures(&mut out, found);
        self.part_one(&mut out);
        self.part_two(&mut out, found);
        self.part_three(&mut out, found);
        out.push_str(part_four_five());
        out
    }

    /// The standard figures as formulas over the tables' cells.
    fn figures(&self, out: &mut String, found: &Found) {
        let string = crate::fmt::string;
        out.push_str("// 本年数字，都取自下面的表；工作簿里没有的写作 `待填`。\n");
        let cell = |table: &str, row: &str, column: &str| -> String {
            if self.has(table) {
                format!("{table}.{row}.{column}")
            } else {
                "待填".to_owned()
            }
        };
        let group = |out: &mut String, name: &str, rows: &[(&str, String)]| {
            // The `=` lined up as the formatter lines it up: by display width.
            let columns = rows.iter().map(|(n, _)| width(n)).max().unwrap_or(0);
            let _ = writeln!(out, "组 {name} {{");
            for (figure, formula) in rows {
                let _ = writeln!(out, "  {} = {formula}", pad(figure, columns));
            }
            out.push_str("}\n");
        };
        for (name, table, kinds) in [
            ("收入", "收入决算", &self.library.income),
            ("支出", "支出决算", &self.library.spending),
        ] {
            let rows: Vec<(&str, String)> = kinds
                .iter()
                .map(|(figure, column)| (figure.as_str(), cell(table, "合计", column)))
                .collect();
            group(out, name, &rows);
        }
        // The 总表's rows by their words: 收入 on the left, 支出 on the right.
        let summary = self.sheet_of("收支总表").map(|(_, l)| l);
        let by_label = |side: usize, table: &str, words: &str| -> String {
            match summary.and_then(|l| side_label(l, side, words)) {
                Some(label) => format!("{table}[{}].决算数", string(&label)),
                None => "待填".to_owned(),
            }
        };
        let rows = vec![
            (
                "用事业基金弥补收支差额",
                by_label(0, "收支总表", "用事业基金弥补收支差额"),
            ),
            ("年初结转和结余", by_label(0, "收支总表", "年初结转和结余")),
            ("结余分配", by_label(1, "收支总表支出", "结余分配")),
            (
                "年末结转和结余",
                by_label(1, "收支总表支出", "年末结转和结余"),
            ),
        ];
        group(out, "总计", &rows);
        let rows = vec![
            ("人员经费", cell("基本支出明细", "合计", "人员经费")),
            ("公用经费", cell("基本支出明细", "合计", "公用经费")),
        ];
        group(out, "基本支出", &rows);
        // 三公经费 by the words of its rows.
        let three = self.sheet_of("三公经费").map(|(_, l)| l);
        let row = |words: &[&str], column: &str| -> String {
            let label = three.and_then(|l| {
                l.sides.first()?.rows.iter().find_map(|r| match &r.key {
                    Key::Label(label) if words.iter().all(|w| normal(label).contains(w)) => {
                        Some(label.clone())
                    }
                    _ => None,
                })
            });
            match label {
                Some(label) => format!("三公经费[{}].{column}", string(&label)),
                None => "待填".to_owned(),
            }
        };
        // Without 公务用车 spending its two parts are nothing; else they come from the
        // software's detail, which the 公开表 do not show.
        let no_cars =
            found.zero.contains("三公.用车.决算") && found.zero.contains("三公.用车.预算");
        let parts = if no_cars {
            "    购置 = 0\n    运行 = 0"
        } else {
            "    // 公务用车购置费和运行维护费：取自决算软件的明细。\n    购置 = 待填\n    运行 = 待填"
        };
        let _ = writeln!(
            out,
            "组 三公 {{\n  组 出国 {{\n    预算 = {}\n    决算 = {}\n  }}\n  组 接待 {{\n    预算 = {}\n    决算 = {}\n  }}\n  \
             组 用车 {{\n    预算 = {}\n    决算 = {}\n{parts}\n  }}\n}}",
            row(&["出国"], "预算数"),
            row(&["出国"], "决算数"),
            row(&["接待"], "预算数"),
            row(&["接待"], "决算数"),
            row(&["用车"], "预算数"),
            row(&["用车"], "决算数"),
        );
        if self.has("财政拨款支出") {
            out.push_str(
                "检查 财政拨款支出.合计.决算数 == 收入.财政拨款 \"财政拨款支出等于财政拨款收入\"\n",
            );
        }
        if self.has("三公经费") {
            out.push_str(
                "检查 三公经费.合计.决算数 == 三公.决算 \"三公经费表的合计等于三公经费决算\"\n",
            );
        }
        out.push('\n');
    }

    fn part_one(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "# 第一部分 {}概况\n\n## 一、部门职责\n\n// 按“三定”规定写明部门职责。\n{{待填}}\n\n\
             ## 二、机构设置及决算单位构成\n\n// 写明内设机构，以及本部门决算汇总的单位（本级及所属单位）。\n{{待填}}\n",
            crate::fmt::escape_prose(self.entity)
        );
    }

    /// 第二部分: the nine tables, each from its sheet.
    fn part_two(&self, out: &mut String, found: &Found) {
        let string = crate::fmt::string;
        let _ = writeln!(
            out,
            "# 第二部分 {}年度部门决算表\n\n// 各表的行读自 {}；表名、表号和列取自标准报告。\n",
            self.year, self.file
        );
        for s in &self.library.tables {
            let Some((sheet, layout)) = self.sheet_of(&s.name) else {
                let _ = writeln!(
                    out,
                    "// 工作簿里没有“{}”：填上各行，或写 `空表说明 \"本单位无……\"`。\n表 {} {{\n}}\n",
                    s.title, s.name
                );
                continue;
            };
            let from = format!(
                "来自 {} {{\n  工作表 {}\n",
                string(self.file),
                string(sheet)
            );
            let empty =
                layout.sides.iter().all(|side| side.rows.is_empty()) && layout.problems.is_empty();
            if empty {
                let _ = writeln!(
                    out,
                    "// 工作簿的“{}”没有数据行。\n表 {} {{\n  空表说明 {}\n}}\n",
                    s.title,
                    s.name,
                    string(&empty_note(&s.title))
                );
                continue;
            }
            if s.two_sided {
                // The 支出 side is the standard table of 财政拨款总表 (its columns are the
                // spending side's); 收支总表's two sides have one column each.
                let (left, right) = match s.name.as_str() {
                    "财政拨款总表" => (
                        format!("表 财政拨款总表收入 \"{}（收入）\" {from}  侧 左\n  编号 \"公开04表\"\n  合计行 否\n  列 金额: 金额\n}}\n", s.title),
                        format!("表 财政拨款总表 {from}  侧 右\n}}\n"),
                    ),
                    _ => (
                        format!("表 {} {from}  侧 左\n}}\n", s.name),
                        format!("表 {}支出 \"{}（支出）\" {from}  侧 右\n  编号 \"公开01表\"\n  合计行 否\n  列 决算数: 金额\n}}\n", s.name, s.title),
                    ),
                };
                let _ = writeln!(out, "{left}\n{right}");
                continue;
            }
            let _ = write!(out, "表 {} {from}", s.name);
            if s.name == "财政拨款支出" {
                for code in &found.reasons {
                    let _ = writeln!(out, "  {code} 说明=待填");
                }
            }
            out.push_str("}\n\n");
        }
    }

    /// 七: the 三公 经费, with a rate only over a budget that is not zero.
    fn three(&self, found: &Found) -> String {
        let zero = |name: &str| found.zero.contains(name);
        let rate = |spent: &str, budget: &str| -> String {
            if zero(budget) {
                String::new()
            } else {
                format!("，完成预算的 {{completion({spent}, {budget})}}")
            }
        };
        let mut t = format!(
            "## 七、一般公共预算财政拨款三公经费支出决算情况说明\n\n\
             ### （一）“三公”经费财政拨款支出决算总体情况说明\n\n\
             “三公”经费财政拨款支出预算为 {{三公.预算}}，支出决算为 {{三公.决算}}{}，其中：\n\n",
            rate("三公.决算", "三公.预算")
        );
        for (group, words) in [
            ("出国", "因公出国（境）费"),
            ("接待", "公务接待费"),
            ("用车", "公务用车购置费及运行维护费"),
        ] {
            let _ = write!(
                t,
                "{words}支出预算为 {{三公.{group}.预算}}，支出决算为 {{三公.{group}.决算}}{}",
                rate(&format!("三公.{group}.决算"), &format!("三公.{group}.预算"))
            );
            if group == "接待" {
                t.push_str("；与上年相比 {change(三公.接待.决算, 上年.三公.接待.决算)}");
                if !zero("上年.三公.接待.决算") {
                    t.push_str("，{growth(三公.接待.决算, 上年.三公.接待.决算)}");
                }
            }
            t.push_str("。\n\n");
        }
        t.push_str("决算数与预算数差异的主要原因：{待填}\n\n### （二）“三公”经费财政拨款支出决算具体情况说明\n\n");
        if zero("三公.决算") {
            t.push_str("本年度无“三公”经费财政拨款支出。");
        } else {
            let parts: Vec<String> = [
                ("接待", "公务接待费"),
                ("出国", "因公出国（境）费"),
                ("用车", "公务用车购置费及运行维护费"),
            ]
            .iter()
            .map(|(g, w)| {
                format!("{w}支出决算 {{三公.{g}.决算}}，占 {{share(三公.{g}.决算, 三公.决算)}}")
            })
            .collect();
            let _ = write!(
                t,
                "“三公”经费财政拨款支出决算中，{}。其中：公务用车购置费 {{三公.用车.购置}}，公务用车运行维护费 {{三公.用车.运行}}。",
                parts.join("；")
            );
        }
        t
    }

    /// 第三部分: the 情况说明, every number a formula.
    fn part_three(&self, out: &mut String, found: &Found) {
        let three = self.three(found);
        let fund = match self.sheet_of("政府性基金") {
            Some((_, l)) if l.sides.iter().all(|s| s.rows.is_empty()) && l.problems.is_empty() => {
                "本单位无政府性基金预算财政拨款收入和支出。".to_owned()
            }
            _ => "// 写明政府性基金预算收支情况。\n{待填}".to_owned(),
        };
        let y = self.year;
        let listed = |group: &str, kinds: &[(String, String)]| -> String {
            kinds
                .iter()
                .filter(|(figure, _)| !found.zero.contains(&format!("{group}.{figure}")))
                .map(|(figure, words)| {
                    format!(
                        "{words} {{{group}.{figure}}}，占 {{share({group}.{figure}, {group}.合计)}}"
                    )
                })
                .collect::<Vec<_>>()
                .join("；")
        };
        let income = listed("收入", &self.library.income);
        let spending = listed("支出", &self.library.spending);
        let _ = writeln!(
            out,
            "# 第三部分 {y}年度部门决算情况说明\n\n## 一、收入支出决算总体情况说明\n\n\
             {y}年度收、支总计 {{总计.收入}}。与 {{上年.年度}} 年相比，{{change(总计.收入, 上年.总计.收入)}}，\n\
             {{growth(总计.收入, 上年.总计.收入)}}，主要原因是：{{待填}}\n\n\
             ## 二、收入决算情况说明\n\n本年收入合计 {{收入.合计}}，其中：{income}。\n\n\
             ## 三、支出决算情况说明\n\n本年支出合计 {{支出.合计}}，其中：{spending}。\n\n\
             ## 四、财政拨款收入支出决算总体情况说明\n\n\
             {y}年度财政拨款收、支总计 {{收入.财政拨款}}，与 {{上年.年度}} 年相比，\n\
             {{change(收入.财政拨款, 上年.收入.财政拨款)}}，{{growth(收入.财政拨款, 上年.收入.财政拨款)}}，主要原因是：{{待填}}\n"
        );
        out.push_str("## 五、一般公共预算财政拨款支出决算情况说明\n\n");
        if let Some((_, layout)) = self.sheet_of("财政拨款支出") {
            let classes: Vec<(String, String)> = layout
                .sides
                .first()
                .map(|side| {
                    side.rows
                        .iter()
                        .filter_map(|r| match &r.key {
                            Key::Code { code, name } if code.len() == 3 => {
                                Some((code.clone(), name.clone().unwrap_or_default()))
                            }
                            _ => None,
                        })
                        .collect()
                })
                .unwrap_or_default();
            let parts: Vec<String> = classes
                .iter()
                .map(|(code, name)| {
                    format!(
                        "{} {{财政拨款支出[{code}].决算数}}，占 {{share(财政拨款支出[{code}].决算数, 财政拨款支出.合计.决算数)}}",
                        crate::fmt::escape_prose(name)
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "### （一）财政拨款支出决算总体情况\n\n\
                 {y}年度财政拨款支出 {{财政拨款支出.合计.决算数}}，占本年支出合计的 {{share(财政拨款支出.合计.决算数, 支出.合计)}}。\n\n\
                 ### （二）财政拨款支出决算结构情况\n\n\
                 {y}年度财政拨款支出 {{财政拨款支出.合计.决算数}}，主要用于以下方面：{}。\n\n\
                 ### （三）财政拨款支出决算具体情况\n\n\
                 {y}年度财政拨款支出年初预算数为 {{财政拨款支出.合计.年初预算}}，支出决算数为 {{财政拨款支出.合计.决算数}}，\n\
                 完成年初预算的 {{completion(财政拨款支出.合计.决算数, 财政拨款支出.合计.年初预算)}}，其中：\n\n\
                 @每行 财政拨款支出 {{\n@如果 年初预算 > 0 {{\n\
                 {{序号}}、{{全称}}。年初预算为 {{年初预算}}，支出决算为 {{决算数}}，完成年初预算的 {{完成率}}。{{说明}}\n\
                 }} 否则 {{\n{{序号}}、{{全称}}。年初预算为 {{年初预算}}，支出决算为 {{决算数}}。{{说明}}\n}}\n}}\n",
                parts.join("；")
            );
        } else {
            out.push_str(
                "// 工作簿里没有一般公共预算财政拨款支出决算表：写明财政拨款支出情况。\n{待填}\n\n",
            );
        }
        let _ = writeln!(
            out,
            "## 六、一般公共预算财政拨款基本支出决算情况说明\n\n\
             {y}年度财政拨款基本支出 {{基本支出.合计}}，其中：人员经费 {{基本支出.人员经费}}，\n\
             占基本支出的 {{share(基本支出.人员经费, 基本支出.合计)}}，主要包括：{{待填}}；\n\
             公用经费 {{基本支出.公用经费}}，占基本支出的 {{share(基本支出.公用经费, 基本支出.合计)}}，主要包括：{{待填}}。\n\n\
             {three}\n\n\
             ## 八、政府性基金预算收入支出决算情况\n\n{fund}\n\n\
             ## 九、预算绩效情况说明\n\n// 写明本年度预算绩效管理工作开展情况和绩效自评结果。\n{{待填}}\n\n\
             ## 十、其他重要事项情况说明\n\n// 写明机关运行经费、政府采购、国有资产占用等情况。\n{{待填}}\n"
        );
    }
}

/// 第四部分 and 第五部分 (名词解释, 附件), as the standard template has them.
fn part_four_five() -> &'static str {
    let template = crate::library::template(TYPE).unwrap_or("");
    template.find("# 第四部分").map_or("", |at| &template[at..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_compared_without_year_department_number_and_quotes() {
        assert_eq!(
            title_key(
                "公开07表 2019年度某局一般公共预算财政拨款“三公”经费支出决算表",
                Some("某局")
            ),
            "一般公共预算财政拨款三公经费支出决算表"
        );
        assert_eq!(year_in("株洲市某局2019年度部门决算"), Some(2019));
        assert_eq!(strip_numbering("一、财政拨款收入"), "财政拨款收入");
        assert_eq!(strip_numbering("年初结转和结余"), "年初结转和结余");
    }
}
