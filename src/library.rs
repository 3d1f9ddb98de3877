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

/// The scaffold of a new report of each type, with `$单位$`, `$年度$` and `$上年$` to fill in.
const TEMPLATES: &[(&str, &str)] = &[(
    "部门决算",
    include_str!("../stdlib/templates/部门决算.jues.tmpl"),
)];

/// The files of a new report of type `kind` for `entity` and `year`: (file name, contents).
pub fn scaffold(kind: &str, entity: &str, year: u16) -> Option<Vec<(&'static str, String)>> {
    let template = TEMPLATES.iter().find(|(name, _)| *name == kind)?.1;
    let report = template
        .replace("$单位$", entity)
        .replace("$年度$", &year.to_string())
        .replace("$上年$", &year.saturating_sub(1).to_string());
    let csv = "科目编码,科目名称,年初预算,决算数,说明\n".to_owned();
    Some(vec![("report.jues", report), ("财政拨款支出.csv", csv)])
}
