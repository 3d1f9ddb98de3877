//! Eval stage: every figure, table cell and stated number computed with exact decimals, units
//! and precision intervals, and checked.
//!
//! [`evaluate`] builds the tables (`table`), evaluates figures on demand (memoised, with
//! cycle detection), checks every stated value (`stated`) and walks the narrative
//! (`narrative`). Problems are [`EvalError`]s; an error is reported once, where it happens,
//! and whatever depends on the failed value is skipped silently.

// Arithmetic on decimals is checked (`checked_add` …), never `+` `-` `*` `/`, which panic
// when the result is beyond the range of decimals: the lint finds every bare operator, and a
// test (`decimal_arithmetic_is_checked`) that every file naming `Decimal` is under it.
#![warn(clippy::arithmetic_side_effects)]

mod cells;
pub(crate) mod error;
mod expr;
pub(crate) mod format;
pub(crate) mod interval;
mod narrative;
mod parts;
mod settings;
mod stated;
pub(crate) mod table;
pub mod unit;
mod unknown;
mod unpublished;
pub mod value;

pub use error::EvalError;

use crate::ast::*;
use crate::check::classification::Kind;
use crate::check::{Checked, Resolutions};
use crate::doc::{self, Document};
use crate::i18n::Message;
use crate::msg;
use crate::settings::{ReportSetting, TableSetting};
use crate::source::{Sources, Span};
use interval::Rounding;
use rust_decimal::Decimal;
use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use table::Table;
use unit::{Dim, Scale, Unit};
use value::{OpError, Quantity, Value};

/// Document settings that change evaluation.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// The money unit of numbers written without one (`金额单位`).
    pub money: Unit,
    /// The rounding rule of published numbers (`舍入`).
    pub rounding: Rounding,
    /// A transcription of a published report (`转录 是`): typed amounts in prose are expected.
    pub transcribed: bool,
    /// Report what holds only through the rounding of inputs.
    pub strict: bool,
    /// Group thousands in rendered amounts (`千分位 是`).
    pub thousands: bool,
    /// An excerpt of a report (`摘录 是`, at this value): the standard figures it does not give
    /// are not published, and the standard tables it leaves out are not missing.
    pub excerpt: Option<Span>,
    /// `金额精度`: the unit of the last digit amounts are published to, for amounts written
    /// without decimals (see [`value::Quantity::amount`]).
    pub precision: Option<Decimal>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            money: Unit::Money(Scale::TenThousand),
            rounding: Rounding::HalfUp,
            transcribed: false,
            strict: false,
            thousands: false,
            excerpt: None,
            precision: None,
        }
    }
}

/// Values of another document, bound by `导入 … 为 名称`.
pub type Imported = std::collections::HashMap<String, ImportedDocument>;

/// What an imported document gives the document that imports it.
#[derive(Debug, Default, Clone)]
pub struct ImportedDocument {
    /// Its figures' values by full name, and `年度`, its year.
    pub values: std::collections::HashMap<String, Value>,
    /// Its figures' full names by their display label (`财政拨款收入` → `收入.财政拨款`), so
    /// that a name written as last year's `上年 { … }` block spelled it can be pointed to the
    /// imported report's own name.
    pub labels: std::collections::HashMap<String, String>,
    /// Its code rows by classification and code, each as its first table names it: the
    /// importing report (next year's) names its codes the same way (J0313).
    pub(crate) codes: std::collections::HashMap<(Kind, String), table::CodeRow>,
}

impl ImportedDocument {
    /// The figures of an evaluated document, its labels and its year.
    pub fn new(evaluated: Evaluated) -> ImportedDocument {
        let mut labels = std::collections::HashMap::new();
        for fact in &evaluated.document.figures {
            if let Some(label) = &fact.label {
                labels
                    .entry(label.clone())
                    .or_insert_with(|| fact.name.clone());
            }
        }
        let mut values: std::collections::HashMap<String, Value> =
            evaluated.figures.into_iter().collect();
        let year = evaluated
            .document
            .year
            .as_deref()
            .and_then(|y| y.trim().parse::<rust_decimal::Decimal>().ok());
        if let Some(year) = year {
            values
                .entry("年度".to_owned())
                .or_insert_with(|| Value::Num(Quantity::exact(Dim::Plain, year)));
        }
        let mut codes = std::collections::HashMap::new();
        for row in evaluated.codes {
            codes.entry((row.kind, row.code.clone())).or_insert(row);
        }
        ImportedDocument {
            values,
            labels,
            codes,
        }
    }
}

/// What a document brings from outside its own text.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    /// The figures of imported documents, by alias.
    pub imported: &'a Imported,
    /// The document's own classification codes (`科目表`), consulted before the built-in list.
    pub codes: &'a crate::check::classification::CodeList,
}

/// The evaluated values of a document.
#[derive(Debug, Default)]
pub struct Evaluated {
    /// Every figure that has a value, by full name.
    pub figures: std::collections::HashMap<String, Value>,
    /// The document with its loops expanded and its values rendered.
    pub document: Document,
    pub errors: Vec<EvalError>,
    /// The code rows of its tables, for a report that imports it (see [`ImportedDocument`]).
    pub(crate) codes: Vec<table::CodeRow>,
}

/// Evaluates `modules` (already resolved into `scope`) and checks every stated value.
pub fn evaluate(
    sources: &Sources,
    modules: &[Module],
    checked: &Checked,
    settings: Settings,
    inputs: Inputs<'_>,
) -> Evaluated {
    let mut ev = Evaluator::new(sources, checked, settings, inputs);
    // Library modules first: a report's own definitions replace their defaults.
    for module in modules.iter().filter(|m| m.library) {
        ev.collect(module);
    }
    for module in modules.iter().filter(|m| !m.library) {
        ev.collect(module);
    }
    // `{年度}`, the report's year (unless the document defines a figure of that name).
    let year = crate::check::resolve::report_year(modules)
        .and_then(|s| s.value.text().trim().parse::<Decimal>().ok());
    ev.year = year;
    if let Some(year) = year {
        if !ev.figures.contains_key(crate::check::resolve::REPORT_YEAR) {
            let v = Value::Num(Quantity::exact(Dim::Plain, year));
            ev.synthetic
                .insert(crate::check::resolve::REPORT_YEAR.to_owned(), v);
        }
    }
    ev.mark_unpublished();
    ev.collect_statements(modules);
    ev.build_tables();
    ev.check_codes();
    ev.check_standard_tables(modules);
    let names: Vec<String> = ev.figures.keys().cloned().collect();
    let mut names = names;
    names.sort();
    for name in &names {
        ev.figure(name);
    }
    let mut blocks = Vec::new();
    let kind = ReportDecl::find(modules)
        .and_then(|r| ReportSetting::Type.find(&r.settings))
        .map(|s| s.value.text());
    for module in modules {
        for item in &module.items {
            match item {
                Item::Check(check) => {
                    ev.check(check, kind.as_deref().filter(|_| module.library));
                }
                Item::Block(block) => ev.block(block, Ctx::default(), &mut blocks),
                // A library table is a template, shown only where a report declares it.
                Item::Table(table) if !module.library => {
                    if let Some(view) = ev.table_view(&table.name.text) {
                        blocks.push(doc::Block::Table(Box::new(view)));
                    }
                }
                _ => {}
            }
        }
    }
    ev.check_tables();
    ev.check_parts();
    let document = Document {
        blocks,
        money_unit: settings.money.name(),
        figures: ev.figure_facts(),
        ..metadata(modules)
    };
    let figures = ev
        .values
        .iter()
        .filter_map(|(k, v)| match v {
            // A figure known only by bounds has no value to give an importing report.
            Slot::Done(Some(Value::Num(q))) if q.inferred => None,
            Slot::Done(Some(v)) => Some((k.clone(), v.clone())),
            _ => None,
        })
        .collect();
    Evaluated {
        figures,
        document,
        codes: ev.code_rows(),
        errors: ev.errors,
    }
}

/// The title, entity and year of the `报告` block.
fn metadata(modules: &[Module]) -> Document {
    let mut document = Document::default();
    if let Some(report) = ReportDecl::find(modules) {
        document.title = report.title.value.clone();
        let text = |key: ReportSetting| key.find(&report.settings).map(|s| s.value.text());
        document.entity = text(ReportSetting::Entity);
        document.year = text(ReportSetting::Year);
    }
    document
}

/// A literal converted to its base unit, as an overflow message names it:
/// `9999999999999999999999999999亿元 in 元`.
pub(crate) fn literal_in_base(literal: &Literal, unit: Option<Unit>) -> Message {
    let text = table::literal_text(literal);
    match unit.map(Unit::dim) {
        Some(Dim::Money) => msg!("J0208-overflow.in-yuan", literal = text),
        Some(Dim::Ratio) => msg!("J0208-overflow.as-fraction", literal = text),
        _ => Message::verbatim(text),
    }
}

/// Source text quoted in a message as it is written: `` `a + b` ``.
pub(crate) fn quoted(text: &str) -> Message {
    Message::verbatim(format!("`{text}`"))
}

#[derive(Debug, Clone)]
enum Slot {
    InProgress,
    Done(Option<Value>),
}

/// Where an expression is evaluated: the table row of a loop or computed column, and a loop's
/// counter. (What names mean there was settled by the checker.)
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Ctx<'c> {
    row: Option<(&'c str, usize)>,
    index: usize,
}

pub(crate) struct Evaluator<'a> {
    sources: &'a Sources,
    /// What each reference names, as the checker resolved it.
    resolutions: &'a Resolutions,
    settings: Settings,
    imported: &'a Imported,
    /// The document's own classification codes (`科目表`).
    codes: &'a crate::check::classification::CodeList,
    /// Figure definitions, by full name.
    figures: HashMap<String, &'a Figure>,
    /// Figures with a synthetic value (`上年.年度`).
    synthetic: HashMap<String, Value>,
    /// The report's `年度`.
    year: Option<Decimal>,
    table_decls: Vec<&'a TableDecl>,
    /// The standard library's tables, by name.
    templates: HashMap<String, &'a TableDecl>,
    /// Figures whose definition is still a library default.
    library_figures: FxHashSet<String>,
    /// Figures the report does not publish, with where it says so (see `unpublished`).
    unpublished: HashMap<String, Span>,
    /// The stated values that may bound the report's unknown figures (see `unknown`).
    statements: Vec<unknown::Statement<'a>>,
    /// The unknown figures being inferred now, innermost last.
    inferring: Vec<String>,
    /// The labels of the library's figures (`收入.财政拨款` → `财政拨款收入`).
    library_labels: HashMap<String, String>,
    collecting_library: bool,
    tables: HashMap<String, Table<'a>>,
    values: HashMap<String, Slot>,
    errors: Vec<EvalError>,
    /// While set, errors are dropped (rendering table cells that need not have a value).
    quiet: bool,
    /// How deeply evaluation is nested now (see [`MAX_DEPTH`]).
    depth: usize,
    /// Whether evaluation went past [`MAX_DEPTH`] (reported once).
    too_deep: bool,
    /// The computed cells being evaluated (table, row, column): one met again is a cycle.
    computing: FxHashSet<(String, usize, usize)>,
    /// The computed cells found on a cycle (or depending on one): they have no value.
    cyclic: FxHashSet<(String, usize, usize)>,
    /// The outermost expression being evaluated, named when evaluation goes too deep.
    root: Span,
}

/// How deeply evaluation may nest: a figure computed from a figure computed from …, each
/// figure, cell, operator and function call on the way one step (a figure computed from the
/// next is two: its operator and the reference). Deeper is J0004, so that no input exhausts
/// the stack: a step takes up to 5.5 KiB of it in a debug build, and the limit keeps
/// evaluation within 1.4 MiB of the 2 MiB a worker thread and the language server have
/// (`tests/limits.rs` proves it). The limit is written in `docs/language.md`.
pub const MAX_DEPTH: usize = 250;

impl<'a> Evaluator<'a> {
    fn new(
        sources: &'a Sources,
        checked: &'a Checked,
        settings: Settings,
        inputs: Inputs<'a>,
    ) -> Self {
        let resolutions = &checked.resolutions;
        Evaluator {
            sources,
            resolutions,
            settings,
            imported: inputs.imported,
            codes: inputs.codes,
            figures: HashMap::default(),
            year: None,
            synthetic: HashMap::default(),
            table_decls: Vec::new(),
            templates: HashMap::default(),
            library_figures: FxHashSet::default(),
            unpublished: HashMap::default(),
            statements: Vec::new(),
            inferring: Vec::new(),
            library_labels: HashMap::default(),
            collecting_library: false,
            tables: HashMap::default(),
            values: HashMap::default(),
            errors: Vec::new(),
            quiet: false,
            depth: 0,
            too_deep: false,
            computing: FxHashSet::default(),
            cyclic: FxHashSet::default(),
            root: Span::default(),
        }
    }

    fn collect(&mut self, module: &'a Module) {
        self.collecting_library = module.library;
        for item in &module.items {
            match item {
                Item::Figure(f) => self.collect_figure(&[], f),
                Item::Group(g) => self.collect_group(&[], g),
                Item::Prior(p) => {
                    let prefix = vec![p.keyword.text.clone()];
                    if let Some(year) = &p.year {
                        let v = Value::Num(Quantity::exact(Dim::Plain, year.value));
                        self.synthetic.insert(format!("{}.年度", p.keyword.text), v);
                    }
                    self.collect_members(&prefix, &p.members);
                }
                Item::Table(t) if module.library => {
                    self.templates.insert(t.name.text.clone(), t);
                }
                Item::Table(t) => self.table_decls.push(t),
                _ => {}
            }
        }
    }

    /// A report of a standard type declares every numbered table of the type (`编号`, the
    /// 公开表), in the place its 第二部分 shows it.
    fn check_standard_tables(&mut self, modules: &[Module]) {
        if self.settings.excerpt.is_some() {
            return;
        }
        let Some(setting) =
            ReportDecl::find(modules).and_then(|r| ReportSetting::Type.find(&r.settings))
        else {
            return;
        };
        let mut missing: Vec<(String, String, String)> = self
            .templates
            .values()
            .filter(|t| !self.table_decls.iter().any(|d| d.name.text == t.name.text))
            .filter_map(|t| {
                let number = TableSetting::Number.find(&t.settings)?.value.text();
                let title = t
                    .title
                    .as_ref()
                    .map_or_else(String::new, |s| s.value.clone());
                Some((number, t.name.text.clone(), title))
            })
            .collect();
        missing.sort();
        if !missing.is_empty() {
            self.error(EvalError::MissingTables {
                span: setting.value.span(),
                kind: setting.value.text(),
                tables: missing,
            });
        }
    }

    fn collect_members(&mut self, prefix: &[String], members: &'a [Member]) {
        for member in members {
            match member {
                Member::Figure(f) => self.collect_figure(prefix, f),
                Member::Group(g) => self.collect_group(prefix, g),
            }
        }
    }

    fn collect_group(&mut self, prefix: &[String], group: &'a GroupDecl) {
        let mut inner = prefix.to_vec();
        inner.extend(group.name.segments.iter().map(|s| s.text.clone()));
        self.collect_members(&inner, &group.members);
    }

    fn collect_figure(&mut self, prefix: &[String], figure: &'a Figure) {
        let dotted = figure.name.dotted();
        let name = if prefix.is_empty() {
            dotted
        } else {
            format!("{}.{dotted}", prefix.join("."))
        };
        // A report's definition replaces a library default; otherwise the first definition
        // wins (duplicates were reported by the checker).
        let replace = self
            .figures
            .get(&name)
            .is_none_or(|_| self.library_figures.contains(&name) && !self.collecting_library);
        if replace {
            self.library_figures.remove(&name);
            if self.collecting_library {
                self.library_figures.insert(name.clone());
                if let Some(label) = &figure.label {
                    self.library_labels
                        .insert(name.clone(), label.value.clone());
                }
            }
            self.figures.insert(name, figure);
        }
    }

    /// Every figure with a value, in source order, for the facts file.
    fn figure_facts(&self) -> Vec<doc::FigureFact> {
        let mut facts: Vec<doc::FigureFact> = self
            .figures
            .iter()
            .filter_map(|(name, figure)| {
                let Some(Slot::Done(Some(value))) = self.values.get(name) else {
                    return None;
                };
                let (value, unit, lower, upper) = match value {
                    // Known only by bounds: no value to publish.
                    Value::Num(q) if q.inferred => return None,
                    Value::Num(q) => {
                        let unit = format::display_unit(q.dim, self.settings.money);
                        // Every value that has one can be shown in its unit (see `value`).
                        let show = |v: Decimal| {
                            format::in_unit(v, unit).map(|v| v.normalize().to_string())
                        };
                        (
                            show(q.nominal)?,
                            unit.map(Unit::name),
                            show(q.interval.lo),
                            show(q.interval.hi),
                        )
                    }
                    Value::Text(t) => (t.clone(), None, None, None),
                    Value::Bool(b) => (b.to_string(), None, None, None),
                };
                Some(doc::FigureFact {
                    name: name.clone(),
                    // A report's figure without a label keeps the standard one.
                    label: figure
                        .label
                        .as_ref()
                        .map(|l| l.value.clone())
                        .or_else(|| self.library_labels.get(name).cloned()),
                    value,
                    unit,
                    lower,
                    upper,
                    formula: figure.formula.as_ref().map(|f| self.text(f.span)),
                    stated: figure.stated.as_ref().map(|l| self.text(l.span)),
                    span: figure.name.span,
                })
            })
            .collect();
        facts.sort_by(|a, b| (a.span, &a.name).cmp(&(b.span, &b.name)));
        facts
    }

    /// The source text under a span, for messages.
    fn text(&self, span: Span) -> String {
        self.sources.get(span.file).slice(span).trim().to_owned()
    }

    /// What `reference` names, as the checker resolved it (`None`: reported there).
    fn target(&self, reference: &Reference) -> Option<&'a crate::check::Target> {
        let resolutions = self.resolutions;
        resolutions.get(&reference.span)
    }

    fn error(&mut self, error: EvalError) {
        if !self.quiet {
            self.errors.push(error);
        }
    }

    /// An operation as an overflow message names it: the operands' values joined by `op`
    /// (`9999999999999999999999999999亿元 + 9999999999999999999999999999亿元`).
    fn operation(&self, op: &str, operands: &[Quantity]) -> Message {
        let shown: Vec<String> = operands
            .iter()
            .map(|q| format::exact(q.nominal, q.dim, self.settings.money))
            .collect();
        Message::verbatim(shown.join(&format!(" {op} ")))
    }

    /// Turns an operation's failure into a diagnostic at `span`. `operation` names what was
    /// computed, with its operands' values (see [`Evaluator::operation`]), for an overflow.
    fn op_error(
        &mut self,
        error: OpError,
        span: Span,
        function: Option<(&str, Span)>,
        operation: Option<Message>,
    ) {
        let e = match error {
            OpError::Dims { op, left, right } => EvalError::Dims {
                span,
                op,
                left: left.describe(),
                right: right.describe(),
            },
            OpError::ZeroBase => {
                let (function, base) = match function {
                    Some((f, base)) => (f.to_owned(), quoted(&self.text(base))),
                    None => ("/".to_owned(), msg!("J0205-zero-base.divisor")),
                };
                EvalError::ZeroBase {
                    span,
                    function,
                    base,
                }
            }
            OpError::Overflow => EvalError::Overflow {
                span,
                expression: quoted(&self.text(span)),
                operation: msg!(
                    "J0208-overflow.digits",
                    operation = operation.unwrap_or_else(|| msg!("J0208-overflow.result")),
                ),
            },
            OpError::PerCent(ratio) => EvalError::Overflow {
                span,
                expression: quoted(&self.text(span)),
                operation: msg!(
                    "J0208-overflow.per-cent",
                    operation = operation.unwrap_or_else(|| msg!("J0208-overflow.ratio")),
                    ratio = ratio.normalize().to_string(),
                ),
            },
            OpError::NotANumber => EvalError::NotANumber {
                span,
                what: quoted(&self.text(span)),
            },
        };
        self.error(e);
    }

    // -------------------------------------------------------------- figures

    /// The value of a figure, evaluating it on first use.
    fn figure(&mut self, name: &str) -> Option<Value> {
        if let Some(v) = self.synthetic.get(name) {
            return Some(v.clone());
        }
        match self.values.get(name) {
            Some(Slot::Done(v)) => return v.clone(),
            Some(Slot::InProgress) => {
                if let Some(figure) = self.figures.get(name) {
                    let span = figure.name.span;
                    self.error(EvalError::Cycle {
                        span,
                        path: msg!("J0209-cycle.figure", name = name),
                    });
                }
                self.values.insert(name.to_owned(), Slot::Done(None));
                return None;
            }
            None => {}
        }
        let figure = self.figures.get(name).copied()?;
        if self.unpublished.contains_key(name) {
            self.values.insert(name.to_owned(), Slot::Done(None));
            return None;
        }
        self.values.insert(name.to_owned(), Slot::InProgress);
        if let Some(declared) = figure.unknown() {
            let value = self.infer(name, declared);
            self.values
                .insert(name.to_owned(), Slot::Done(value.clone()));
            return value;
        }
        let ctx = Ctx::default();
        let computed = figure.formula.as_ref().map(|f| (f, self.eval(f, ctx)));
        let value = match (&figure.stated, computed) {
            (Some(literal), Some((formula, Some(Value::Num(c))))) => {
                let stated = self.stated_quantity(literal, Some(c.dim));
                if let Some(s) = stated {
                    self.check_stated(c, literal, None, false, formula.span, None);
                    Some(Value::Num(s))
                } else {
                    None
                }
            }
            // A stated figure whose formula depends on what is not published: the stated
            // value is what the report publishes, unchecked (and a note says so).
            (Some(literal), Some((formula, None))) => {
                let behind = self.unpublished_behind(formula);
                if behind.is_empty() {
                    None
                } else {
                    let what = msg!("J0214-not-checked.stated-value", name = name);
                    self.not_checked(what, literal.span, behind, false);
                    self.stated_quantity(literal, None).map(Value::Num)
                }
            }
            (Some(literal), _) => self.stated_quantity(literal, None).map(Value::Num),
            (None, Some((_, v))) => v,
            (None, None) => None,
        };
        // A cycle found while evaluating marks the slot failed; keep that.
        if let Some(Slot::Done(None)) = self.values.get(name) {
            return None;
        }
        self.values
            .insert(name.to_owned(), Slot::Done(value.clone()));
        value
    }

    /// The quantity a stated literal stands for. A literal without a unit takes the dimension
    /// of what it is compared with (`like`), or is money in the document's unit.
    fn stated_quantity(&mut self, literal: &Literal, like: Option<Dim>) -> Option<Quantity> {
        let unit = match &literal.unit {
            Some(name) => Some(self.unit(name)?),
            None => match like {
                Some(Dim::Plain) => None,
                Some(dim) => format::display_unit(dim, self.settings.money),
                None => Some(self.settings.money),
            },
        };
        match Quantity::amount(literal.value, unit, literal.exact, self.settings.precision) {
            Ok(q) => Some(q),
            Err(e) => {
                let operation = literal_in_base(literal, unit);
                self.op_error(e, literal.span, None, Some(operation));
                None
            }
        }
    }

    fn unit(&mut self, name: &Name) -> Option<Unit> {
        match Unit::parse(&name.text) {
            Some(u) => Some(u),
            None => {
                let known = [
                    "元", "千元", "万元", "亿元", "人", "人次", "家", "个", "项", "辆", "台(套)",
                    "期", "场", "份", "件", "批次", "团组", "%", "‰",
                ];
                let suggestion =
                    crate::diagnostics::did_you_mean(&name.text, known).map(str::to_owned);
                self.error(EvalError::UnknownUnit {
                    span: name.span,
                    unit: name.text.clone(),
                    suggestion,
                });
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    const LINT: &str = "#![warn(clippy::arithmetic_side_effects)]";

    fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// Decimal arithmetic is checked everywhere: every source file that names `Decimal` is
    /// under `clippy::arithmetic_side_effects` (itself, or through the `mod.rs` of its
    /// folder), which finds a bare `+ - * /` (and `+=` …) on decimals; and none adds or
    /// multiplies with an iterator (its `sum` or `product`), which the lint does not see.
    #[test]
    fn decimal_arithmetic_is_checked() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        sources(&root, &mut files);
        let mut unchecked = Vec::new();
        for file in &files {
            let text = std::fs::read_to_string(file).unwrap();
            if !text.contains("Decimal") {
                continue;
            }
            let module = file.with_file_name("mod.rs");
            let linted = text.contains(LINT)
                || (file.parent() != Some(root.as_path())
                    && std::fs::read_to_string(&module).is_ok_and(|m| m.contains(LINT)));
            // (Spelled apart so that this file does not match itself.)
            let iterated = ["sum", "product"]
                .iter()
                .any(|f| text.contains(&format!(".{f}()")) || text.contains(&format!(".{f}::<")));
            if !linted || iterated {
                unchecked.push(file.display().to_string());
            }
        }
        assert!(
            unchecked.is_empty(),
            "unchecked decimal arithmetic in {unchecked:?}"
        );
    }
}
