//! Syntax stage output: the typed abstract syntax tree of one `.jues` file.
//!
//! Every node carries the [`Span`] of the source it was read from. The tree is what the
//! author wrote, normalised only where the grammar allows two spellings of one thing (keywords,
//! the order of a figure's formula and its stated value). Nothing here knows about units,
//! values or pest.

// Decimals are never added with bare operators (see `src/eval/mod.rs`).
#![warn(clippy::arithmetic_side_effects)]

use crate::source::{FileId, Span};
use rust_decimal::Decimal;

/// One parsed file.
#[derive(Debug, Clone)]
pub struct Module {
    pub file: FileId,
    pub items: Vec<Item>,
    pub span: Span,
    /// A standard-library module: its figures are defaults a report may redefine, and its
    /// tables are templates whose columns a report's table of the same name takes.
    pub library: bool,
}

/// A top-level item: a declaration or a block of narrative.
#[derive(Debug, Clone)]
pub enum Item {
    Report(ReportDecl),
    Prior(PriorDecl),
    Group(GroupDecl),
    Figure(Figure),
    Table(TableDecl),
    Check(CheckDecl),
    Import(ImportDecl),
    Block(Block),
}

impl Item {
    /// The source the item was read from.
    pub fn span(&self) -> Span {
        match self {
            Item::Report(r) => r.span,
            Item::Prior(p) => p.span,
            Item::Group(g) => g.span,
            Item::Figure(f) => f.span,
            Item::Table(t) => t.span,
            Item::Check(c) => c.span,
            Item::Import(i) => i.span,
            Item::Block(b) => match b {
                Block::Heading(h) => h.span,
                Block::Paragraph(p) => p.span,
                Block::List(l) => l.span,
                Block::Each(e) => e.span,
                Block::If(i) => i.span,
            },
        }
    }
}

/// A name as written: `收入`, or `「因公出国(境)费」` (stored without the brackets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub text: String,
    pub span: Span,
}

/// A dotted name: `收入.财政拨款`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamePath {
    pub segments: Vec<Name>,
    pub span: Span,
}

impl NamePath {
    /// The segments joined with `.`, the way the name is shown in messages.
    pub fn dotted(&self) -> String {
        join_names(&self.segments)
    }
}

/// Joins names with `.`.
pub fn join_names(names: &[Name]) -> String {
    let mut out = String::new();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        out.push_str(&name.text);
    }
    out
}

/// A quoted string with its escapes resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Str {
    pub value: String,
    pub span: Span,
}

/// A number as written, with the unit written after it.
///
/// `value` keeps the scale it was written with (`72.80` has scale 2), which is what gives a
/// literal its precision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Literal {
    pub value: Decimal,
    pub unit: Option<Name>,
    /// Marked exact with a trailing `!`.
    pub exact: bool,
    pub span: Span,
}

// ------------------------------------------------------------------ declarations

/// `报告 "标题" { 单位 "…" 年度 2019 … }`: the document's metadata.
#[derive(Debug, Clone)]
pub struct ReportDecl {
    pub title: Str,
    pub settings: Vec<Setting>,
    pub span: Span,
}

impl ReportDecl {
    /// The first `报告` block of `modules`.
    pub fn find(modules: &[Module]) -> Option<&ReportDecl> {
        modules
            .iter()
            .flat_map(|m| &m.items)
            .find_map(|item| match item {
                Item::Report(r) => Some(r),
                _ => None,
            })
    }
}

/// One `key value` line of a report or table block.
#[derive(Debug, Clone)]
pub struct Setting {
    pub key: Name,
    pub value: SettingValue,
    pub span: Span,
}

/// The value of a setting.
#[derive(Debug, Clone)]
pub enum SettingValue {
    Str(Str),
    Number(Literal),
    Name(NamePath),
}

impl SettingValue {
    /// The value as text: a string's contents, a number's digits, a name's dots.
    pub fn text(&self) -> String {
        match self {
            SettingValue::Str(s) => s.value.clone(),
            SettingValue::Number(l) => l.value.to_string(),
            SettingValue::Name(n) => n.dotted(),
        }
    }

    /// The span of the value.
    pub fn span(&self) -> Span {
        match self {
            SettingValue::Str(s) => s.span,
            SettingValue::Number(l) => l.span,
            SettingValue::Name(n) => n.span,
        }
    }
}

/// `上年 2018 { … }`: the previous year's figures, referred to as `上年.名称`.
#[derive(Debug, Clone)]
pub struct PriorDecl {
    pub keyword: Name,
    pub year: Option<Literal>,
    pub members: Vec<Member>,
    pub span: Span,
}

/// `组 三公 { … }`: figures under a common prefix.
#[derive(Debug, Clone)]
pub struct GroupDecl {
    pub name: NamePath,
    pub members: Vec<Member>,
    pub span: Span,
}

/// What a prior-year block or a group contains.
#[derive(Debug, Clone)]
pub enum Member {
    Figure(Figure),
    Group(GroupDecl),
}

/// A figure: `名称 = 公式`, `名称 = 1149.45`, or both (`名称 = 公式 = 1149.45`, either order),
/// in which case the literal is the stated value and is checked against the formula.
#[derive(Debug, Clone)]
pub struct Figure {
    pub name: NamePath,
    /// The formula, when the figure is computed.
    pub formula: Option<Expr>,
    /// The value as written, when the figure is stated.
    pub stated: Option<Literal>,
    /// A display label: `收入.合计 = … "本年收入合计"`.
    pub label: Option<Str>,
    /// `= 未公开` or `= ?` where the value would be, and where (then the figure has no formula
    /// and no stated value).
    pub absent: Option<(Absent, Span)>,
    pub span: Span,
}

/// Why a figure has no value as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Absent {
    /// `未公开`: the report does not publish it.
    Unpublished,
    /// `?`: the report gives it only through statements about it (a rate, a change), from
    /// which its interval is inferred.
    Unknown,
}

impl Figure {
    /// Where the figure is written `= 未公开`.
    pub fn unpublished(&self) -> Option<Span> {
        self.absent
            .filter(|(why, _)| *why == Absent::Unpublished)
            .map(|(_, span)| span)
    }

    /// Where the figure is written `= ?`.
    pub fn unknown(&self) -> Option<Span> {
        self.absent
            .filter(|(why, _)| *why == Absent::Unknown)
            .map(|(_, span)| span)
    }
}

/// `检查 表达式 "说明"`: an explicit assertion.
#[derive(Debug, Clone)]
pub struct CheckDecl {
    pub condition: Expr,
    pub message: Option<Str>,
    pub span: Span,
}

/// `导入 "../2018/report.jues" 为 上年`.
#[derive(Debug, Clone)]
pub struct ImportDecl {
    pub path: Str,
    pub alias: Option<Name>,
    pub span: Span,
}

/// `表 名称 "标题" 来自 "file.csv" { 列 …; 行 … }`.
#[derive(Debug, Clone)]
pub struct TableDecl {
    pub name: Name,
    pub title: Option<Str>,
    pub source: Option<Str>,
    pub settings: Vec<Setting>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    pub span: Span,
    /// Set by the data stage when the table's data file could not be read (already reported
    /// there), so that its missing rows are not reported again.
    pub data_failed: bool,
}

/// A column: `名称 "表头": 类型` (input) or `名称 = 公式` (computed).
#[derive(Debug, Clone)]
pub struct Column {
    pub name: Name,
    pub label: Option<Str>,
    pub kind: ColumnKind,
    pub span: Span,
}

/// Whether a column is filled by rows or computed.
#[derive(Debug, Clone)]
pub enum ColumnKind {
    /// Filled by rows; the type is a name such as `金额`, `万元`, `人`, `比率`, `文本`.
    Input(NamePath),
    /// Computed per row.
    Computed(Expr),
}

/// One row of a table.
#[derive(Debug, Clone)]
pub struct Row {
    pub key: RowKey,
    pub cells: Vec<Cell>,
    /// `其中` before the row, or a label that starts with it: the row is a part of the row
    /// above it (its parent), not one more row to add up.
    pub part: Option<Span>,
    pub span: Span,
}

/// How a row is identified.
#[derive(Debug, Clone)]
pub enum RowKey {
    /// A classification code, with the name written after it.
    Code {
        code: String,
        name: Option<Str>,
        span: Span,
    },
    /// A quoted label.
    Label(Str),
    /// `合计` / `总计`.
    Total(Span),
    /// `小计`.
    Subtotal(Span),
}

impl RowKey {
    /// The span of the key.
    pub fn span(&self) -> Span {
        match self {
            RowKey::Code { span, .. } | RowKey::Total(span) | RowKey::Subtotal(span) => *span,
            RowKey::Label(s) => s.span,
        }
    }
}

/// One cell of a row; positional cells fill the input columns in order.
#[derive(Debug, Clone)]
pub struct Cell {
    /// `列名=值` names its column.
    pub column: Option<Name>,
    pub value: CellValue,
    pub span: Span,
}

/// What a cell holds.
#[derive(Debug, Clone)]
pub enum CellValue {
    Number(Literal),
    Text(Str),
    /// `_`, `-` or `—`: nothing.
    Empty,
    /// `待填`: not filled in yet.
    Placeholder(Span),
}

// ------------------------------------------------------------------ expressions

/// An expression.
#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

impl Expr {
    /// Pushes the expressions whose values this one is computed from, left to right: the
    /// operand of `-`, both sides of an operator, a call's arguments (not their row filters,
    /// which are read in each row's context). The one step of every walk over the figures an
    /// expression depends on.
    pub fn push_operands<'a>(&'a self, out: &mut Vec<&'a Expr>) {
        match &self.kind {
            ExprKind::Neg(inner) => out.push(inner),
            ExprKind::Binary(_, left, right) => {
                out.push(left);
                out.push(right);
            }
            ExprKind::Call(call) => out.extend(call.args.iter().map(|a| &a.value)),
            ExprKind::Literal(_) | ExprKind::Ref(_) | ExprKind::Placeholder => {}
        }
    }

    /// How deeply the expression nests: 1 for a literal or a reference, one more for each
    /// operator or call around it (`-(a + b)` is 3). Computed without recursion, so it can
    /// measure any tree; the lowering refuses one deeper than `syntax::MAX_OPERATORS`, which
    /// keeps every stage that walks an expression by recursion within its stack.
    pub fn depth(&self) -> usize {
        let mut deepest = 0;
        let mut todo = vec![(self, 1usize)];
        while let Some((expr, depth)) = todo.pop() {
            deepest = deepest.max(depth);
            let below = depth.saturating_add(1);
            match &expr.kind {
                ExprKind::Neg(inner) => todo.push((inner, below)),
                ExprKind::Binary(_, left, right) => {
                    todo.push((left, below));
                    todo.push((right, below));
                }
                ExprKind::Call(call) => {
                    for arg in &call.args {
                        todo.push((&arg.value, below));
                        todo.extend(arg.filter.iter().map(|f| (f, below)));
                    }
                }
                ExprKind::Literal(_) | ExprKind::Ref(_) | ExprKind::Placeholder => {}
            }
        }
        deepest
    }
}

/// The kinds of expression.
#[derive(Debug, Clone)]
pub enum ExprKind {
    Literal(Literal),
    Ref(Reference),
    Neg(Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Call(Call),
    /// `待填`: a value not filled in yet; it has none.
    Placeholder,
}

/// A reference: `收入.合计`, `上年.收支总计`, `表名[2080105].决算数`, `表名.合计.年初预算`.
#[derive(Debug, Clone)]
pub struct Reference {
    pub segments: Vec<Segment>,
    pub span: Span,
}

/// One step of a reference.
#[derive(Debug, Clone)]
pub enum Segment {
    Name(Name),
    /// `[2080105]` or `["行政运行"]`: a row of a table.
    Row(RowSelector),
}

/// Selects a table row in a reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowSelector {
    Code(String, Span),
    Label(Str),
}

impl Reference {
    /// The reference as written, for messages.
    pub fn display(&self) -> String {
        let mut out = String::new();
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Name(name) => {
                    if i > 0 {
                        out.push('.');
                    }
                    out.push_str(&name.text);
                }
                Segment::Row(RowSelector::Code(code, _)) => {
                    out.push('[');
                    out.push_str(code);
                    out.push(']');
                }
                Segment::Row(RowSelector::Label(label)) => {
                    out.push_str("[\"");
                    out.push_str(&label.value);
                    out.push_str("\"]");
                }
            }
        }
        out
    }

    /// The leading names, up to the first row selector.
    pub fn leading_names(&self) -> Vec<&Name> {
        self.segments
            .iter()
            .map_while(|s| match s {
                Segment::Name(n) => Some(n),
                Segment::Row(_) => None,
            })
            .collect()
    }
}

/// A binary operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl BinOp {
    /// The operator as written in jues.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
        }
    }
}

/// A function call: `share(财政拨款收入, 本年收入合计)`.
#[derive(Debug, Clone)]
pub struct Call {
    pub function: Name,
    pub args: Vec<Argument>,
    pub span: Span,
}

/// A call argument with an optional row filter: `表.决算数 其中 年初预算 > 0`.
#[derive(Debug, Clone)]
pub struct Argument {
    pub value: Expr,
    pub filter: Option<Expr>,
    pub span: Span,
}

// ------------------------------------------------------------------ narrative

/// A block of narrative.
#[derive(Debug, Clone)]
pub enum Block {
    Heading(Heading),
    Paragraph(Paragraph),
    List(List),
    Each(EachBlock),
    If(IfBlock),
}

/// `# 标题` (level 1 to 6).
#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    pub content: Vec<Inline>,
    pub span: Span,
}

/// Lines of prose up to a blank line.
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub content: Vec<Inline>,
    pub span: Span,
}

/// Consecutive list items of one kind.
#[derive(Debug, Clone)]
pub struct List {
    pub ordered: bool,
    pub items: Vec<Paragraph>,
    pub span: Span,
}

/// `@每行 表名 其中 条件 { … }`: the body once per row.
#[derive(Debug, Clone)]
pub struct EachBlock {
    pub table: Reference,
    pub filter: Option<Expr>,
    pub body: Vec<Block>,
    pub span: Span,
}

/// `@如果 条件 { … } 否则 { … }`.
#[derive(Debug, Clone)]
pub struct IfBlock {
    pub condition: Expr,
    pub then_body: Vec<Block>,
    pub else_body: Vec<Block>,
    pub span: Span,
}

/// A piece of inline content.
#[derive(Debug, Clone)]
pub enum Inline {
    /// Prose as written (escapes resolved).
    Text(String, Span),
    /// A line break inside a paragraph (joined without space between Chinese characters).
    SoftBreak(Span),
    Strong(Vec<Inline>, Span),
    Emphasis(Vec<Inline>, Span),
    Interpolation(Interpolation),
}

/// `{expr}`, `{expr = 72.80%}`, `{expr 按 元 .2}`.
#[derive(Debug, Clone)]
pub struct Interpolation {
    pub expr: Expr,
    /// The value as published, checked against `expr` and rendered as written.
    pub stated: Option<Literal>,
    /// A claim in words instead of a number (`= 持平`), checked against `expr`'s sign.
    pub claim: Option<Box<ClaimWord>>,
    pub format: Vec<FormatOption>,
    pub span: Span,
}

/// `持平`, `无变化`, `增加` after `=` in an interpolation: what the published text says of a
/// change, rendered as written.
#[derive(Debug, Clone)]
pub struct ClaimWord {
    pub text: String,
    pub span: Span,
}

/// One formatting option of an interpolation, as written (`元`, `.2`, `绝对值`).
#[derive(Debug, Clone)]
pub struct FormatOption {
    pub text: String,
    pub span: Span,
}

// ------------------------------------------------------------------ spans

/// A node whose every [`Span`] can be visited and changed: the parser moves the items that an
/// edit did not touch to their new place this way (see `syntax::Incremental`). A new node type
/// or span field must be visited here; the test of incremental parsing fails until it is.
pub trait SpansMut {
    /// Calls `f` on every span of the node and of the nodes under it.
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span));
}

impl<T: SpansMut> SpansMut for Vec<T> {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        for node in self {
            node.spans_mut(f);
        }
    }
}

impl<T: SpansMut> SpansMut for Option<T> {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        if let Some(node) = self {
            node.spans_mut(f);
        }
    }
}

impl<T: SpansMut> SpansMut for Box<T> {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        (**self).spans_mut(f);
    }
}

impl SpansMut for Span {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        f(self);
    }
}

impl SpansMut for Item {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            Item::Report(r) => {
                r.title.spans_mut(f);
                r.settings.spans_mut(f);
                f(&mut r.span);
            }
            Item::Prior(p) => {
                p.keyword.spans_mut(f);
                p.year.spans_mut(f);
                p.members.spans_mut(f);
                f(&mut p.span);
            }
            Item::Group(g) => g.spans_mut(f),
            Item::Figure(x) => x.spans_mut(f),
            Item::Table(t) => {
                t.name.spans_mut(f);
                t.title.spans_mut(f);
                t.source.spans_mut(f);
                t.settings.spans_mut(f);
                t.columns.spans_mut(f);
                t.rows.spans_mut(f);
                f(&mut t.span);
            }
            Item::Check(c) => {
                c.condition.spans_mut(f);
                c.message.spans_mut(f);
                f(&mut c.span);
            }
            Item::Import(i) => {
                i.path.spans_mut(f);
                i.alias.spans_mut(f);
                f(&mut i.span);
            }
            Item::Block(b) => b.spans_mut(f),
        }
    }
}

impl SpansMut for Name {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        f(&mut self.span);
    }
}

impl SpansMut for NamePath {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        self.segments.spans_mut(f);
        f(&mut self.span);
    }
}

impl SpansMut for Str {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        f(&mut self.span);
    }
}

impl SpansMut for Literal {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        self.unit.spans_mut(f);
        f(&mut self.span);
    }
}

impl SpansMut for Setting {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        self.key.spans_mut(f);
        match &mut self.value {
            SettingValue::Str(s) => s.spans_mut(f),
            SettingValue::Number(l) => l.spans_mut(f),
            SettingValue::Name(n) => n.spans_mut(f),
        }
        f(&mut self.span);
    }
}

impl SpansMut for GroupDecl {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        self.name.spans_mut(f);
        self.members.spans_mut(f);
        f(&mut self.span);
    }
}

impl SpansMut for Member {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            Member::Figure(x) => x.spans_mut(f),
            Member::Group(g) => g.spans_mut(f),
        }
    }
}

impl SpansMut for Figure {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        self.name.spans_mut(f);
        self.formula.spans_mut(f);
        self.stated.spans_mut(f);
        self.label.spans_mut(f);
        if let Some((_, span)) = &mut self.absent {
            f(span);
        }
        f(&mut self.span);
    }
}

impl SpansMut for Column {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        self.name.spans_mut(f);
        self.label.spans_mut(f);
        match &mut self.kind {
            ColumnKind::Input(path) => path.spans_mut(f),
            ColumnKind::Computed(expr) => expr.spans_mut(f),
        }
        f(&mut self.span);
    }
}

impl SpansMut for Row {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match &mut self.key {
            RowKey::Code { name, span, .. } => {
                name.spans_mut(f);
                f(span);
            }
            RowKey::Label(s) => s.spans_mut(f),
            RowKey::Total(span) | RowKey::Subtotal(span) => f(span),
        }
        self.cells.spans_mut(f);
        if let Some(span) = &mut self.part {
            f(span);
        }
        f(&mut self.span);
    }
}

impl SpansMut for Cell {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        self.column.spans_mut(f);
        match &mut self.value {
            CellValue::Number(l) => l.spans_mut(f),
            CellValue::Text(s) => s.spans_mut(f),
            CellValue::Empty => {}
            CellValue::Placeholder(span) => f(span),
        }
        f(&mut self.span);
    }
}

impl SpansMut for Expr {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match &mut self.kind {
            ExprKind::Literal(l) => l.spans_mut(f),
            ExprKind::Ref(r) => r.spans_mut(f),
            ExprKind::Neg(e) => e.spans_mut(f),
            ExprKind::Binary(_, a, b) => {
                a.spans_mut(f);
                b.spans_mut(f);
            }
            ExprKind::Call(c) => {
                c.function.spans_mut(f);
                for arg in &mut c.args {
                    arg.value.spans_mut(f);
                    arg.filter.spans_mut(f);
                    f(&mut arg.span);
                }
                f(&mut c.span);
            }
            ExprKind::Placeholder => {}
        }
        f(&mut self.span);
    }
}

impl SpansMut for Reference {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        for segment in &mut self.segments {
            match segment {
                Segment::Name(n) => n.spans_mut(f),
                Segment::Row(RowSelector::Code(_, span)) => f(span),
                Segment::Row(RowSelector::Label(s)) => s.spans_mut(f),
            }
        }
        f(&mut self.span);
    }
}

impl SpansMut for Block {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            Block::Heading(h) => {
                h.content.spans_mut(f);
                f(&mut h.span);
            }
            Block::Paragraph(p) => p.spans_mut(f),
            Block::List(l) => {
                l.items.spans_mut(f);
                f(&mut l.span);
            }
            Block::Each(e) => {
                e.table.spans_mut(f);
                e.filter.spans_mut(f);
                e.body.spans_mut(f);
                f(&mut e.span);
            }
            Block::If(i) => {
                i.condition.spans_mut(f);
                i.then_body.spans_mut(f);
                i.else_body.spans_mut(f);
                f(&mut i.span);
            }
        }
    }
}

impl SpansMut for Paragraph {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        self.content.spans_mut(f);
        f(&mut self.span);
    }
}

impl SpansMut for Inline {
    fn spans_mut(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            Inline::Text(_, span) | Inline::SoftBreak(span) => f(span),
            Inline::Strong(content, span) | Inline::Emphasis(content, span) => {
                content.spans_mut(f);
                f(span);
            }
            Inline::Interpolation(i) => {
                i.expr.spans_mut(f);
                i.stated.spans_mut(f);
                if let Some(claim) = &mut i.claim {
                    f(&mut claim.span);
                }
                for option in &mut i.format {
                    f(&mut option.span);
                }
                f(&mut i.span);
            }
        }
    }
}
