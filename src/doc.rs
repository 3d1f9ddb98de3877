//! The evaluated document: the one input of every renderer.
//!
//! Loops are expanded, conditions decided, and every interpolation rendered to its text (with
//! its unit, precision and wording) and kept as a [`Fact`] that says what it is, so renderers
//! only lay out. Invariant: renderers read this model, never the AST or the checker.
#![warn(clippy::arithmetic_side_effects)]

use crate::source::Span;

/// A whole evaluated document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    /// The department (`单位`).
    pub entity: Option<String>,
    /// The year reported on (`年度`).
    pub year: Option<String>,
    /// The report type from the standard library (`类型 部门预算`), when it declares a known one.
    pub kind: Option<String>,
    /// The money unit amounts are shown in (`万元`).
    pub money_unit: String,
    pub blocks: Vec<Block>,
    /// Every figure with its value, for the facts file.
    pub figures: Vec<FigureFact>,
}

/// A figure's value, unit, precision and origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureFact {
    pub name: String,
    /// The display label (`收入.财政拨款 = … "财政拨款收入"`).
    pub label: Option<String>,
    /// The value (exact, as a decimal string) in `unit`; text for text figures.
    pub value: String,
    pub unit: Option<String>,
    /// The precision interval in `unit`.
    pub lower: Option<String>,
    pub upper: Option<String>,
    /// The formula as written.
    pub formula: Option<String>,
    /// The stated value as written.
    pub stated: Option<String>,
    /// Where the figure's name is written.
    pub span: Span,
}

/// A diagnostic as a renderer shows it in an annotated (audit) document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub span: Span,
    /// `error`, `warning` or `note`.
    pub severity: String,
    /// The severity as the reader's language says it (`错误`).
    pub severity_word: String,
    pub code: String,
    pub message: String,
    pub help: Option<String>,
    /// 1-based line of the span, for the summary.
    pub line: usize,
}

/// A block of the document, in source order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    Table(Box<Table>),
}

/// Inline content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Prose, with the span of the source text it comes from.
    Text(String, Span),
    /// A line break inside a paragraph: no space between Chinese characters.
    SoftBreak,
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Fact(Fact),
}

/// A rendered value and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// The text shown: `836.78万元`, `增加65.10万元`, `72.80%`.
    pub text: String,
    /// The expression as written: `share(收入.财政拨款, 收入.合计)`.
    pub formula: String,
    /// The figure, when the expression is one reference.
    pub name: Option<String>,
    /// The exact computed value in `unit` (a decimal string, never a float).
    pub exact: Option<String>,
    /// The unit of `exact`: `万元`, `%`, `人`.
    pub unit: Option<String>,
    /// For a stated value: whether it was verified.
    pub check: Option<Check>,
    pub span: Span,
}

/// The outcome of checking a stated value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    Verified,
    /// The diagnostic code and message.
    Failed {
        code: String,
        message: crate::i18n::Message,
    },
}

/// A rendered table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub name: String,
    pub title: String,
    /// Its number among the published tables (`公开01表`), from `编号`.
    pub number: Option<String>,
    /// The money unit of its amounts (`万元`).
    pub unit: String,
    /// Header texts: the key columns (编码, 名称) then each column.
    pub header: Vec<String>,
    /// How many key columns lead the header: 2 (code and name) or 1 (a label).
    pub keys: usize,
    /// `空表说明`: shown instead of rows when the table has none.
    pub note: Option<String>,
    /// Which columns hold numbers (right-aligned).
    pub numeric: Vec<bool>,
    /// For each column, the formula of a computed one as written (`决算数 - 年初预算`); `None`
    /// for the key columns and the columns the rows fill.
    pub formulas: Vec<Option<String>>,
    pub rows: Vec<TableRow>,
    /// Where the table's name is written in its declaration.
    pub span: Span,
}

/// One rendered row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub kind: RowKind,
    pub cells: Vec<String>,
    /// The row's key in the source.
    pub span: Span,
    /// For each cell, the source of its stated value.
    pub cell_spans: Vec<Option<Span>>,
    /// For each number cell, its exact value (a decimal string in the table's unit).
    pub exact: Vec<Option<String>>,
    /// For each number cell whose inputs are rounded, every value it may stand for: the
    /// lower and upper ends, in the table's unit (formatted only when shown: most never are).
    pub intervals: Vec<Option<(rust_decimal::Decimal, rust_decimal::Decimal)>>,
}

/// How a row is styled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Item,
    /// A row with rows under it (类, 款).
    Subtotal,
    Total,
}

impl Document {
    /// The tables the document shows, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t.as_ref()),
            _ => None,
        })
    }

    /// The table named `name` (`财政拨款支出`), if the document shows it.
    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables().find(|t| t.name == name)
    }
}

impl TableRow {
    /// The precision interval of the cell in `column`, when its inputs are rounded: the lower
    /// and upper ends as decimal strings in the table's unit (`281.845`, `281.855`).
    pub fn interval(&self, column: usize) -> Option<(String, String)> {
        let (lo, hi) = self.intervals.get(column).copied().flatten()?;
        Some((lo.normalize().to_string(), hi.normalize().to_string()))
    }
}

impl Table {
    /// The heading every renderer shows above the table: its number, if it has one, and its
    /// title (`公开01表　收入支出决算总表`).
    pub fn heading(&self) -> String {
        match &self.number {
            Some(number) => format!("{number}\u{3000}{}", self.title),
            None => self.title.clone(),
        }
    }

    /// The line under the heading, as the published tables print it:
    /// `编制单位：某某局　　金额单位：万元` (the unit alone when the entity is not known).
    pub fn caption(&self, entity: Option<&str>) -> String {
        match entity {
            Some(entity) => format!("编制单位：{entity}\u{3000}\u{3000}金额单位：{}", self.unit),
            None => format!("金额单位：{}", self.unit),
        }
    }

    /// How many columns the table shows: the header's, or the longest row's if longer (a
    /// header without a cell there is empty).
    pub fn columns(&self) -> usize {
        self.rows
            .iter()
            .map(|r| r.cells.len())
            .fold(self.header.len(), usize::max)
    }

    /// The note to show instead of the table, when it has no rows of its own.
    pub fn empty_note(&self) -> Option<&str> {
        let empty = self.rows.iter().all(|r| r.kind == RowKind::Total);
        self.note.as_deref().filter(|_| empty)
    }
}

/// What a soft line break at `content[at]` becomes after the text `before`: nothing between
/// Chinese characters (a Chinese paragraph has no spaces), a space between Latin words or
/// digits.
pub fn soft_break(before: &str, content: &[Inline], at: usize) -> &'static str {
    let after = content
        .get(at.saturating_add(1))
        .map(|next| Inline::plain(std::slice::from_ref(next)))
        .unwrap_or_default();
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '%');
    if latin(before.chars().next_back()) && latin(after.chars().next()) {
        " "
    } else {
        ""
    }
}

impl Inline {
    /// The plain text of inline content, soft breaks joined as [`soft_break`] says.
    pub fn plain(inlines: &[Inline]) -> String {
        let mut out = String::new();
        for (i, inline) in inlines.iter().enumerate() {
            match inline {
                Inline::Text(t, _) => out.push_str(t),
                Inline::SoftBreak => {
                    let joint = soft_break(&out, inlines, i);
                    out.push_str(joint);
                }
                Inline::Strong(inner) | Inline::Emphasis(inner) => {
                    out.push_str(&Inline::plain(inner))
                }
                Inline::Fact(f) => out.push_str(&f.text),
            }
        }
        out
    }
}
