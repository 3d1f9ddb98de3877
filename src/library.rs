//! The standard library: report types written in jues (`stdlib/*.jues`), embedded in the
//! binary. A report that declares `类型 部门决算` is compiled together with `stdlib/部门决算.jues`.

/// Every report type: (name, the file's name as shown in diagnostics, its source).
pub const TYPES: &[(&str, &str, &str)] = &[(
    "部门决算",
    "stdlib/部门决算.jues",
    include_str!("../stdlib/部门决算.jues"),
)];

/// The library file of a report type, by the name a `类型` setting gives.
pub fn report_type(name: &str) -> Option<(&'static str, &'static str)> {
    TYPES
        .iter()
        .find(|(type_name, ..)| *type_name == name)
        .map(|(_, file, source)| (*file, *source))
}

/// The scaffold of a new report of each type. In the template, `$标题$` and `$单位串$` stand
/// for the title and the department as string literals, `$单位$` for the department in prose,
/// `$年度$` and `$上年$` for the years, and `$上年块$` for last year's figures.
const TEMPLATES: &[(&str, &str)] = &[(
    "部门决算",
    include_str!("../stdlib/templates/部门决算.jues.tmpl"),
)];

/// The scaffold template of a report type.
pub fn template(kind: &str) -> Option<&'static str> {
    TEMPLATES
        .iter()
        .find(|(name, _)| *name == kind)
        .map(|(_, text)| *text)
}

/// Where a new report's "与上年相比" figures come from.
#[derive(Debug, Clone, Copy)]
pub enum Prior<'a> {
    /// A `上年` block of last year's figures, each `待填`.
    Block,
    /// An import of last year's report, by its path from the new report's folder.
    Import(&'a str),
}

/// The files of a new report of type `kind` for `entity` and `year`: (file name, contents).
pub fn scaffold(
    kind: &str,
    entity: &str,
    year: u16,
    prior: Prior<'_>,
) -> Option<Vec<(&'static str, String)>> {
    use crate::fmt::{escape_prose, string};
    let template = template(kind)?;
    let last = year.saturating_sub(1);
    let prior = match prior {
        Prior::Block => format!(
            "// {last}年度的数字，供“与上年相比”使用。也可以导入上年的报告代替这一段：\n\
             // `导入 \"../{last}决算/report.jues\" 为 上年`（`jues new --prior` 会写好这一行）。\n\
             上年 {last} {{\n  总计.收入     = 待填\n  收入.财政拨款 = 待填\n}}"
        ),
        Prior::Import(path) => format!(
            "// 上年的报告：每一处“与上年相比”都按它的数字检查。\n导入 {} 为 上年",
            string(path)
        ),
    };
    let report = fill(
        template,
        &[
            ("$上年块$", prior),
            ("$标题$", string(&format!("{entity}{year}年度部门决算"))),
            ("$单位串$", string(entity)),
            ("$单位$", escape_prose(entity)),
            ("$年度$", year.to_string()),
            ("$上年$", last.to_string()),
        ],
    );
    let csv = "科目编码,科目名称,年初预算,决算数,说明\n".to_owned();
    Some(vec![("report.jues", report), ("财政拨款支出.csv", csv)])
}

/// `template` with each placeholder replaced by its value, in one pass: a value is never read
/// again, so a department named `某$年度$局` stays as given.
fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match values.iter().find(|(key, _)| rest.starts_with(key)) {
            Some((key, value)) => {
                out.push_str(value);
                rest = &rest[key.len()..];
            }
            None => {
                out.push('$');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
