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
