//! The standard library: report types written in jues (`stdlib/*.jues`), embedded in the
//! binary. A report that declares `类型 部门决算` is compiled together with `stdlib/部门决算.jues`,
//! one that declares `类型 部门预算` with `stdlib/部门预算.jues`.

use crate::ast::{Module, SpansMut};
use crate::source::{FileId, Span};
use crate::syntax::{self, SyntaxError};
use std::sync::OnceLock;

/// Every report type: (name, the file's name as shown in diagnostics, its source). This is the
/// one list of the types: `类型`, `jues new --type` and their messages read it.
pub const TYPES: &[(&str, &str, &str)] = &[
    (
        "部门决算",
        "stdlib/部门决算.jues",
        include_str!("../stdlib/部门决算.jues"),
    ),
    (
        "部门预算",
        "stdlib/部门预算.jues",
        include_str!("../stdlib/部门预算.jues"),
    ),
];

/// Each type's library, parsed once in a process (as file 0): its text is the binary's own, so
/// the parse is the same every time. A language server compiles on every edit, and `jues check`
/// of a folder compiles each report with its library.
static PARSED: [OnceLock<(Module, Vec<SyntaxError>)>; TYPES.len()] =
    [const { OnceLock::new() }; TYPES.len()];

/// The process's parse of the library of the type at `index` of [`TYPES`], done on first use.
fn parsed(index: usize) -> Option<&'static (Module, Vec<SyntaxError>)> {
    let (_, _, text) = TYPES.get(index)?;
    Some(
        PARSED
            .get(index)?
            .get_or_init(|| syntax::parse(FileId(0), text)),
    )
}

/// The library of the report type `name`, parsed as file `id`: a copy of the process's one
/// parse, with every place moved to `id`. `None` for a name that is no type.
pub fn parse_as(name: &str, id: FileId) -> Option<(Module, Vec<SyntaxError>)> {
    let index = TYPES
        .iter()
        .position(|(type_name, ..)| *type_name == name)?;
    let (mut module, mut errors) = parsed(index)?.clone();
    let mut to_file = |span: &mut Span| span.file = id;
    module.items.spans_mut(&mut to_file);
    errors.spans_mut(&mut to_file);
    module.span.file = id;
    module.file = id;
    Some((module, errors))
}

/// The library file of a report type, by the name a `类型` setting gives.
pub fn report_type(name: &str) -> Option<(&'static str, &'static str)> {
    TYPES
        .iter()
        .find(|(type_name, ..)| *type_name == name)
        .map(|(_, file, source)| (*file, *source))
}

/// The types as a message lists what `类型` takes: `` `部门决算` or `部门预算` ``.
pub fn type_names() -> crate::i18n::Message {
    let names: Vec<String> = TYPES.iter().map(|(name, ..)| format!("`{name}`")).collect();
    match names.split_last() {
        Some((last, [])) => crate::i18n::Message::verbatim(last.clone()),
        Some((last, rest)) => crate::msg!(
            "check-either",
            rest = crate::i18n::Arg::list(rest.iter().cloned()),
            last = last
        ),
        None => crate::i18n::Message::empty(),
    }
}

/// The scaffold of a new report of a type (`jues new`).
struct Template {
    /// The report type.
    kind: &'static str,
    /// The report. `$标题$` and `$单位串$` stand for the title and the department as string
    /// literals, `$单位$` for the department in prose, `$年度$` and `$上年$` for the years, and
    /// `$上年块$` for last year's figures.
    text: &'static str,
    /// The figures of last year the narrative compares with (`上年.总计.收入`): the `上年`
    /// block of a report that does not import last year's.
    prior: &'static [&'static str],
    /// The data file a table of the report reads (`来自`), written with only its header row:
    /// (file name, header).
    data: (&'static str, &'static str),
}

/// The scaffold of each type.
const TEMPLATES: &[Template] = &[
    Template {
        kind: "部门决算",
        text: include_str!("../stdlib/templates/部门决算.jues.tmpl"),
        prior: &["总计.收入", "收入.财政拨款"],
        data: ("财政拨款支出.csv", "科目编码,科目名称,年初预算,决算数,说明"),
    },
    Template {
        kind: "部门预算",
        text: include_str!("../stdlib/templates/部门预算.jues.tmpl"),
        prior: &["总计.收入", "收入.财政拨款", "三公.合计", "机关运行经费"],
        data: (
            "一般公共预算支出.csv",
            "科目编码,科目名称,上年预算数,基本支出,项目支出,说明",
        ),
    },
];

/// The scaffold template of a report type.
pub fn template(kind: &str) -> Option<&'static str> {
    find_template(kind).map(|t| t.text)
}

/// The scaffold of a report type, with what `scaffold` needs besides its text.
fn find_template(kind: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.kind == kind)
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
    let template = find_template(kind)?;
    let last = year.saturating_sub(1);
    // A year's report lives in a folder named by its year and kind (`2023决算`, `2023预算`).
    let folder = format!("{last}{}", kind.strip_prefix("部门").unwrap_or(kind));
    let prior = match prior {
        Prior::Block => {
            let figures: String = template
                .prior
                .iter()
                .map(|name| format!("  {name} = 待填\n"))
                .collect();
            let block = format!("上年 {last} {{\n{figures}}}\n");
            // Aligned as `jues fmt` aligns it, so that the new report is formatted.
            let block = crate::fmt::format(&block).unwrap_or(block);
            format!(
                "// {last}年度{kind}的数字，供“与上年相比”使用。也可以导入上年的报告代替这一段：\n\
                 // `导入 \"../{folder}/report.jues\" 为 上年`（`jues new --prior` 会写好这一行）。\n\
                 {}",
                block.trim_end()
            )
        }
        Prior::Import(path) => format!(
            "// 上年的报告：每一处“与上年相比”都按它的数字检查。\n导入 {} 为 上年",
            string(path)
        ),
    };
    let report = fill(
        template.text,
        &[
            ("$上年块$", prior),
            ("$标题$", string(&format!("{entity}{year}年度{kind}"))),
            ("$单位串$", string(entity)),
            ("$单位$", escape_prose(entity)),
            ("$年度$", year.to_string()),
            ("$上年$", last.to_string()),
        ],
    );
    let (data, header) = template.data;
    Some(vec![("report.jues", report), (data, format!("{header}\n"))])
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The copy of a library's parse, moved to the file it is given, is what parsing it as that
    /// file gives: every place, in every item and error.
    #[test]
    fn a_library_copied_from_the_one_parse_is_its_parse_as_that_file() {
        for (name, file_name, text) in TYPES {
            let source = crate::source::SourceFile::new(*file_name, *text);
            for id in [FileId(1), FileId(7), FileId(1)] {
                let (copied, copied_errors) = parse_as(name, id).unwrap();
                let (fresh, fresh_errors) = crate::syntax::parse_file(id, &source, None);
                assert_eq!(format!("{copied:?}"), format!("{fresh:?}"), "{file_name}");
                assert_eq!(format!("{copied_errors:?}"), format!("{fresh_errors:?}"));
                assert!(format!("{copied:?}").contains(&format!("file: FileId({})", id.0)));
            }
        }
        assert!(parse_as("部门决算表", FileId(1)).is_none());
    }

    /// Every type has its scaffold, whose `上年` block gives each figure of last year its
    /// narrative compares with, and which reads the data file the scaffold writes.
    #[test]
    fn each_template_names_its_prior_figures_and_data_file() {
        assert_eq!(TYPES.len(), TEMPLATES.len());
        for (kind, ..) in TYPES {
            let template = find_template(kind).expect("every type has a scaffold");
            let mut used: Vec<&str> = template
                .text
                .match_indices("上年.")
                .map(|(at, found)| {
                    let rest = &template.text[at + found.len()..];
                    let end = rest
                        .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '_'))
                        .unwrap_or(rest.len());
                    &rest[..end]
                })
                .filter(|name| *name != "年度")
                .collect();
            used.sort_unstable();
            used.dedup();
            let mut given = template.prior.to_vec();
            given.sort_unstable();
            assert_eq!(used, given, "{kind}");
            let (data, _) = template.data;
            assert!(
                template.text.contains(&format!("来自 \"{data}\"")),
                "{kind} reads {data}"
            );
        }
    }

    /// The title, the import hint and the data file are the type's own.
    #[test]
    fn a_budget_scaffold_is_a_budget() {
        let files = scaffold("部门预算", "某局", 2024, Prior::Block).expect("a known type");
        let (name, report) = &files[0];
        assert_eq!(*name, "report.jues");
        assert!(report.contains("报告 \"某局2024年度部门预算\""), "{report}");
        assert!(report.contains("../2023预算/report.jues"), "{report}");
        assert!(!report.contains("决算"), "{report}");
        assert_eq!(
            files[1],
            (
                "一般公共预算支出.csv",
                "科目编码,科目名称,上年预算数,基本支出,项目支出,说明\n".to_owned()
            )
        );
        let names = type_names();
        assert_eq!(
            names.text(crate::i18n::Lang::En),
            "`部门决算` or `部门预算`"
        );
        assert_eq!(names.text(crate::i18n::Lang::Zh), "`部门决算`或`部门预算`");
    }
}
