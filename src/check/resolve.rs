//! Check stage: name resolution.
//!
//! [`Scope::collect`] gathers every definition of a compilation (figures, prior-year figures,
//! tables and their columns, import namespaces) and reports duplicates. [`Scope::resolve`]
//! says what a reference names, in a [`Context`] (inside a table's computed column, inside a
//! `@每行` loop, inside a group). [`resolve_all`] walks every expression of the documents and
//! reports what does not resolve. Later stages use [`Scope::resolve`] too, so a name means the
//! same thing everywhere.

use super::error::CheckError;
use crate::ast::*;
use crate::diagnostics::did_you_mean;
use crate::msg;
use crate::source::Span;
use std::collections::BTreeMap;

/// Names a `@每行` body can use besides the table's columns.
pub(crate) const LOOP_FIELDS: &[&str] = &[
    "序号",
    "index",
    "编码",
    "code",
    "名称",
    "name",
    "全称",
    "full_name",
];

/// A defined figure.
#[derive(Debug, Clone)]
pub struct FigureDef {
    /// Where its name is written.
    pub span: Span,
    /// A standard-library default, which a report's own definition replaces.
    pub library: bool,
}

/// A declared table.
#[derive(Debug, Clone)]
pub struct TableDef {
    /// Where its name is written.
    pub span: Span,
    /// Its columns in order, with the spans of their names.
    pub columns: Vec<(String, Span)>,
}

impl TableDef {
    /// Whether the table declares a column of this name.
    pub fn has_column(&self, name: &str) -> bool {
        self.columns.iter().any(|(c, _)| c == name)
    }

    /// The error for `column`, which this table (called `table`) does not have.
    pub fn unknown_column(&self, table: &str, column: &Name) -> CheckError {
        CheckError::UnknownColumn {
            table: table.to_owned(),
            column: column.text.clone(),
            span: column.span,
            table_span: self.span,
            suggestion: did_you_mean(&column.text, self.columns.iter().map(|(c, _)| c.as_str()))
                .map(str::to_owned),
        }
    }
}

/// Every name a compilation defines.
#[derive(Debug, Default)]
pub struct Scope {
    pub figures: BTreeMap<String, FigureDef>,
    pub tables: BTreeMap<String, TableDef>,
    /// Tables of the standard library: templates for a report's tables of the same name.
    pub templates: BTreeMap<String, TableDef>,
    /// Namespaces bound by `导入 … 为 名称`, with the span of the alias.
    pub imports: BTreeMap<String, Span>,
    /// Whether definitions being collected come from the standard library.
    library: bool,
}

/// Where a reference is being resolved.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The table whose columns are in scope (computed columns, loop bodies, filters).
    pub table: Option<&'a str>,
    /// Inside a `@每行` body: `序号`, `编码` … are in scope.
    pub in_loop: bool,
    /// The group prefix the expression is written in (`组 收入 { 合计 = 财政拨款 + 其他 }`).
    pub group: &'a [String],
}

/// What a reference names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A figure, by its full dotted name.
    Figure(String),
    /// A column of the table in context: the current row's cell.
    Column { table: String, column: String },
    /// A built-in field of the current loop row (`序号`).
    LoopField(String),
    /// A whole table (`@每行 表名`).
    Table(String),
    /// A column of a table as a list of values (`sum(表.决算数)`).
    ColumnValues { table: String, column: String },
    /// One cell: `表[2080105].决算数`.
    Cell {
        table: String,
        row: RowSelector,
        column: String,
    },
    /// A row without a column: `表[2080105]`.
    Row { table: String, row: RowSelector },
    /// The total (or subtotal) row's cell: `表.合计.年初预算`.
    Total {
        table: String,
        column: String,
        subtotal: bool,
    },
    /// A name in an imported document.
    Imported { namespace: String, name: String },
}

/// The name of the report's year in formulas and prose: `{年度}`.
pub(crate) const REPORT_YEAR: &str = "年度";

/// The `年度` setting of the document's `报告` block.
pub(crate) fn report_year(modules: &[Module]) -> Option<&Setting> {
    let report = ReportDecl::find(modules)?;
    crate::settings::ReportSetting::Year.find(&report.settings)
}

/// What each reference of a document names, by the reference's span.
pub type Resolutions = rustc_hash::FxHashMap<Span, Target>;

impl Scope {
    /// Collects the definitions of `modules`, reporting duplicates into `errors`.
    pub fn collect(modules: &[Module], errors: &mut Vec<CheckError>) -> Scope {
        let mut scope = Scope::default();
        // Library modules first, so that a report's definitions replace their defaults.
        let ordered = modules
            .iter()
            .filter(|m| m.library)
            .chain(modules.iter().filter(|m| !m.library));
        for module in ordered {
            scope.library = module.library;
            for item in &module.items {
                match item {
                    Item::Figure(f) => scope.define_figure(&[], f, errors),
                    Item::Group(g) => scope.define_group(&[], g, errors),
                    Item::Prior(p) => {
                        let prefix = vec![p.keyword.text.clone()];
                        if let Some(year) = &p.year {
                            let name = format!("{}.年度", p.keyword.text);
                            scope.insert_figure(name, year.span, errors);
                        }
                        scope.define_members(&prefix, &p.members, errors);
                    }
                    Item::Table(t) => scope.define_table(t, errors),
                    Item::Import(i) => {
                        if let Some(alias) = &i.alias {
                            if let Some(first) = scope.imports.get(&alias.text) {
                                errors.push(CheckError::Duplicate {
                                    what: msg!("check-defined-import"),
                                    name: alias.text.clone(),
                                    span: alias.span,
                                    first: *first,
                                });
                            } else {
                                scope.imports.insert(alias.text.clone(), alias.span);
                            }
                        }
                    }
                    Item::Report(_) | Item::Check(_) | Item::Block(_) => {}
                }
            }
        }
        // `年度`: the report's year, unless the document defines a figure of that name.
        if let Some(year) = report_year(modules) {
            if !scope.figures.contains_key(REPORT_YEAR) {
                scope.library = false;
                scope.insert_figure(REPORT_YEAR.to_owned(), year.value.span(), errors);
            }
        }
        scope
    }

    fn define_members(
        &mut self,
        prefix: &[String],
        members: &[Member],
        errors: &mut Vec<CheckError>,
    ) {
        for member in members {
            match member {
                Member::Figure(f) => self.define_figure(prefix, f, errors),
                Member::Group(g) => self.define_group(prefix, g, errors),
            }
        }
    }

    fn define_group(&mut self, prefix: &[String], group: &GroupDecl, errors: &mut Vec<CheckError>) {
        let mut inner = prefix.to_vec();
        inner.extend(group.name.segments.iter().map(|s| s.text.clone()));
        self.define_members(&inner, &group.members, errors);
    }

    fn define_figure(&mut self, prefix: &[String], figure: &Figure, errors: &mut Vec<CheckError>) {
        let name = qualified(prefix, &figure.name.dotted());
        self.insert_figure(name, figure.name.span, errors);
    }

    fn insert_figure(&mut self, name: String, span: Span, errors: &mut Vec<CheckError>) {
        let first = self
            .figures
            .get(&name)
            .filter(|f| !f.library)
            .map(|f| f.span)
            .or_else(|| self.tables.get(&name).map(|t| t.span));
        match first {
            Some(first) => errors.push(CheckError::Duplicate {
                what: msg!("check-defined-figure"),
                name,
                span,
                first,
            }),
            None => {
                let library = self.library;
                self.figures.insert(name, FigureDef { span, library });
            }
        }
    }

    fn define_table(&mut self, table: &TableDecl, errors: &mut Vec<CheckError>) {
        let name = table.name.text.clone();
        if self.library {
            let columns = table
                .columns
                .iter()
                .map(|c| (c.name.text.clone(), c.name.span))
                .collect();
            self.templates.insert(
                name,
                TableDef {
                    span: table.name.span,
                    columns,
                },
            );
            return;
        }
        let first = self
            .tables
            .get(&name)
            .map(|t| t.span)
            .or_else(|| self.figures.get(&name).map(|f| f.span));
        if let Some(first) = first {
            errors.push(CheckError::Duplicate {
                what: msg!("check-defined-table"),
                name,
                span: table.name.span,
                first,
            });
            return;
        }
        let mut columns: Vec<(String, Span)> = Vec::new();
        if table.columns.is_empty() {
            // A standard table: its columns come from the library's template.
            if let Some(template) = self.templates.get(&name) {
                columns = template.columns.clone();
            }
        }
        for column in &table.columns {
            if let Some((_, first)) = columns.iter().find(|(c, _)| *c == column.name.text) {
                errors.push(CheckError::Duplicate {
                    what: msg!("check-defined-column"),
                    name: column.name.text.clone(),
                    span: column.name.span,
                    first: *first,
                });
            } else {
                columns.push((column.name.text.clone(), column.name.span));
            }
        }
        self.tables.insert(
            name,
            TableDef {
                span: table.name.span,
                columns,
            },
        );
    }

    /// What `reference` names in `context`.
    pub fn resolve(
        &self,
        reference: &Reference,
        context: Context<'_>,
    ) -> Result<Target, CheckError> {
        let leading = reference.leading_names();
        let all_names = leading.len() == reference.segments.len();
        let Some(first) = leading.first() else {
            return Err(self.unknown(reference, context));
        };

        // A column or loop field of the row in context.
        if let (Some(table), true, 1) = (context.table, all_names, leading.len()) {
            if self
                .tables
                .get(table)
                .is_some_and(|t| t.has_column(&first.text))
            {
                return Ok(Target::Column {
                    table: table.to_owned(),
                    column: first.text.clone(),
                });
            }
            if context.in_loop && LOOP_FIELDS.contains(&first.text.as_str()) {
                return Ok(Target::LoopField(first.text.clone()));
            }
        }

        // A figure, relative to the enclosing groups first.
        if all_names {
            // `group.name`, from the innermost group out, built in one buffer.
            let mut name = String::new();
            for depth in (0..=context.group.len()).rev() {
                name.clear();
                for group in &context.group[..depth] {
                    name.push_str(group);
                    name.push('.');
                }
                for (i, segment) in leading.iter().enumerate() {
                    if i > 0 {
                        name.push('.');
                    }
                    name.push_str(&segment.text);
                }
                if self.figures.contains_key(name.as_str()) {
                    return Ok(Target::Figure(name));
                }
            }
        }

        // A table, its rows, columns and totals.
        if let Some(table) = self.tables.get(&first.text) {
            return self.resolve_in_table(&first.text, table, &reference.segments[1..], reference);
        }

        // A name in an imported document: checked when the import is loaded.
        if self.imports.contains_key(&first.text) && leading.len() > 1 {
            let name: Vec<&str> = leading[1..].iter().map(|n| n.text.as_str()).collect();
            return Ok(Target::Imported {
                namespace: first.text.clone(),
                name: name.join("."),
            });
        }

        Err(self.unknown(reference, context))
    }

    fn resolve_in_table(
        &self,
        name: &str,
        table: &TableDef,
        rest: &[Segment],
        reference: &Reference,
    ) -> Result<Target, CheckError> {
        let column = |segment: &Segment| -> Result<String, CheckError> {
            match segment {
                Segment::Name(column) if table.has_column(&column.text) => Ok(column.text.clone()),
                Segment::Name(column) => Err(table.unknown_column(name, column)),
                Segment::Row(_) => Err(self.unknown(reference, Context::default())),
            }
        };
        let total = |segment: &Segment| match segment {
            Segment::Name(n) => crate::words::total_word(&n.text),
            Segment::Row(_) => None,
        };
        match rest {
            [] => Ok(Target::Table(name.to_owned())),
            [Segment::Row(row)] => Ok(Target::Row {
                table: name.to_owned(),
                row: row.clone(),
            }),
            [Segment::Row(row), col] => Ok(Target::Cell {
                table: name.to_owned(),
                row: row.clone(),
                column: column(col)?,
            }),
            [first, col] if total(first).is_some() => Ok(Target::Total {
                table: name.to_owned(),
                column: column(col)?,
                subtotal: total(first) == Some(true),
            }),
            [col] => Ok(Target::ColumnValues {
                table: name.to_owned(),
                column: column(col)?,
            }),
            _ => Err(self.unknown(reference, Context::default())),
        }
    }

    fn unknown(&self, reference: &Reference, context: Context<'_>) -> CheckError {
        let wanted = reference.display();
        let mut candidates: Vec<String> = self.figures.keys().cloned().collect();
        // Names as they can be written inside the current group.
        for depth in 1..=context.group.len() {
            let prefix = format!("{}.", context.group[..depth].join("."));
            candidates.extend(
                self.figures
                    .keys()
                    .filter_map(|k| k.strip_prefix(&prefix))
                    .map(str::to_owned),
            );
        }
        candidates.extend(self.tables.keys().cloned());
        if let Some(table) = context.table.and_then(|t| self.tables.get(t)) {
            candidates.extend(table.columns.iter().map(|(c, _)| c.clone()));
        }
        if context.in_loop {
            candidates.extend(LOOP_FIELDS.iter().map(|s| (*s).to_owned()));
        }
        let suggestion =
            did_you_mean(&wanted, candidates.iter().map(String::as_str)).map(str::to_owned);
        // Inside a table, a near miss of a column is a column typo.
        if let (Some(name), Some(table), Some(s)) = (
            context.table,
            context.table.and_then(|t| self.tables.get(t)),
            &suggestion,
        ) {
            if table.has_column(s) {
                return CheckError::UnknownColumn {
                    table: name.to_owned(),
                    column: wanted,
                    span: reference.span,
                    table_span: table.span,
                    suggestion,
                };
            }
        }
        CheckError::UnknownName {
            name: wanted,
            span: reference.span,
            suggestion,
        }
    }
}

/// `prefix.name`, or `name` when there is no prefix.
fn qualified(prefix: &[String], name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{}.{name}", prefix.join("."))
    }
}
