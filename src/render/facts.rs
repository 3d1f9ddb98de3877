//! Render stage: the facts file, every figure, table cell and stated number of the document
//! as JSON, with values as decimal strings (never floats) and source positions. The schema is
//! in `docs/facts.md`.

use crate::doc::{Block, Check, Document, Inline};
use crate::source::{Sources, Span};
use serde::Serialize;

#[derive(Serialize)]
struct Facts<'a> {
    schema: &'static str,
    document: Meta<'a>,
    figures: Vec<Figure<'a>>,
    tables: Vec<Table<'a>>,
    statements: Vec<Statement<'a>>,
}

#[derive(Serialize)]
struct Meta<'a> {
    title: &'a str,
    entity: Option<&'a str>,
    year: Option<&'a str>,
    money_unit: &'a str,
}

#[derive(Serialize)]
struct Position<'a> {
    file: std::borrow::Cow<'a, str>,
    line: usize,
    column: usize,
    /// For a figure read from a data file's sheet, its cell: `收入支出决算总表!C12`.
    #[serde(skip_serializing_if = "Option::is_none")]
    cell: Option<String>,
}

#[derive(Serialize)]
struct Figure<'a> {
    name: &'a str,
    label: Option<&'a str>,
    value: &'a str,
    unit: Option<&'a str>,
    lower: Option<&'a str>,
    upper: Option<&'a str>,
    formula: Option<&'a str>,
    stated: Option<&'a str>,
    source: Position<'a>,
}

#[derive(Serialize)]
struct Table<'a> {
    name: &'a str,
    title: &'a str,
    unit: &'a str,
    cells: Vec<Cell<'a>>,
}

#[derive(Serialize)]
struct Cell<'a> {
    row: &'a str,
    row_name: &'a str,
    column: &'a str,
    value: &'a str,
    /// The precision interval, when the cell's inputs are rounded.
    lower: Option<String>,
    upper: Option<String>,
    shown: &'a str,
    stated: bool,
    /// The formula of a computed column, as written.
    formula: Option<&'a str>,
    source: Position<'a>,
}

#[derive(Serialize)]
struct Statement<'a> {
    text: &'a str,
    formula: &'a str,
    name: Option<&'a str>,
    value: Option<&'a str>,
    unit: Option<&'a str>,
    check: Option<&'static str>,
    code: Option<&'a str>,
    source: Position<'a>,
}

fn position(sources: &Sources, span: Span) -> Position<'_> {
    let file = sources.get(span.file);
    let (line, column) = file.line_col(span.start as usize);
    Position {
        file: from_main_folder(sources, file.name()),
        line,
        column,
        cell: file.cell_at(span.start as usize),
    }
}

/// A file's name relative to the main document's folder, with `/` between folders: the same
/// bytes whatever the working folder was (`jues build report.jues` in its folder, or
/// `jues build 2019/report.jues` above it). The main file is its bare name, an import of the
/// year before `../2018/report.jues`; a name from elsewhere (the built-in library) is kept.
fn from_main_folder<'a>(sources: &Sources, name: &'a str) -> std::borrow::Cow<'a, str> {
    use std::path::Path;
    let main = Path::new(sources.get(crate::source::FileId(0)).name());
    let folder = main.parent().unwrap_or(Path::new(""));
    match Path::new(name).strip_prefix(folder) {
        Ok(relative) => {
            let relative = crate::files::normal(relative);
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            std::borrow::Cow::Owned(parts.join("/"))
        }
        Err(_) => std::borrow::Cow::Borrowed(name),
    }
}

/// The facts of `document` as pretty-printed JSON.
pub fn render(document: &Document, sources: &Sources) -> String {
    let figures = document
        .figures
        .iter()
        .map(|f| Figure {
            name: &f.name,
            label: f.label.as_deref(),
            value: &f.value,
            unit: f.unit.as_deref(),
            lower: f.lower.as_deref(),
            upper: f.upper.as_deref(),
            formula: f.formula.as_deref(),
            stated: f.stated.as_deref(),
            source: position(sources, f.span),
        })
        .collect();
    let mut tables = Vec::new();
    let mut statements = Vec::new();
    for block in &document.blocks {
        match block {
            Block::Table(t) => {
                let mut cells = Vec::new();
                for row in &t.rows {
                    let (key, row_name) = match (t.keys, row.cells.as_slice()) {
                        (2, [code, name, ..]) if code.is_empty() => (name.as_str(), name.as_str()),
                        (2, [code, name, ..]) => (code.as_str(), name.as_str()),
                        (_, [label, ..]) => (label.as_str(), label.as_str()),
                        _ => ("", ""),
                    };
                    for (c, exact) in row.exact.iter().enumerate() {
                        let Some(value) = exact else { continue };
                        let interval = row.interval(c);
                        cells.push(Cell {
                            row: key,
                            row_name,
                            column: &t.header[c],
                            value,
                            lower: interval.as_ref().map(|(lo, _)| lo.clone()),
                            upper: interval.map(|(_, hi)| hi),
                            shown: &row.cells[c],
                            stated: row.cell_spans.get(c).is_some_and(Option::is_some),
                            formula: t.formulas.get(c).and_then(Option::as_deref),
                            source: position(
                                sources,
                                row.cell_spans.get(c).copied().flatten().unwrap_or(row.span),
                            ),
                        });
                    }
                }
                tables.push(Table {
                    name: &t.name,
                    title: &t.title,
                    unit: &t.unit,
                    cells,
                });
            }
            Block::Heading { content, .. } | Block::Paragraph(content) => {
                statements_in(content, sources, &mut statements)
            }
            Block::List { items, .. } => {
                for item in items {
                    statements_in(item, sources, &mut statements);
                }
            }
        }
    }
    let facts = Facts {
        schema: "jues-facts/1",
        document: Meta {
            title: &document.title,
            entity: document.entity.as_deref(),
            year: document.year.as_deref(),
            money_unit: &document.money_unit,
        },
        figures,
        tables,
        statements,
    };
    let mut out =
        serde_json::to_string_pretty(&facts).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}

fn statements_in<'a>(content: &'a [Inline], sources: &'a Sources, out: &mut Vec<Statement<'a>>) {
    for inline in content {
        match inline {
            Inline::Fact(fact) => out.push(Statement {
                text: &fact.text,
                formula: &fact.formula,
                name: fact.name.as_deref(),
                value: fact.exact.as_deref(),
                unit: fact.unit.as_deref(),
                check: match &fact.check {
                    Some(Check::Verified) => Some("verified"),
                    Some(Check::Failed { .. }) => Some("failed"),
                    None => None,
                },
                code: match &fact.check {
                    Some(Check::Failed { code, .. }) => Some(code),
                    _ => None,
                },
                source: position(sources, fact.span),
            }),
            Inline::Strong(inner) | Inline::Emphasis(inner) => statements_in(inner, sources, out),
            Inline::Text(..) | Inline::SoftBreak => {}
        }
    }
}
