//! Syntax stage: lowering pest's parse tree to the typed AST.
//!
//! Every function takes a pair of a known rule and returns its AST node. The grammar
//! guarantees the shape of each pair, so a missing child is a grammar/lowering mismatch: the
//! lowering then returns what it has (an empty name, no node) rather than panicking.

// Decimals are never added with bare operators (see `src/eval/mod.rs`).
#![warn(clippy::arithmetic_side_effects)]

use super::error::SyntaxError;
use super::grammar::Rule;
use crate::ast::*;
use crate::source::{FileId, Span};
use pest::iterators::Pair;
use rust_decimal::Decimal;

/// The full-width digits, in order: `８` is `8`.
const WIDE_DIGITS: &str = "０１２３４５６７８９";

/// Lowers the pairs of one item parsed at byte offset `base` of `file`.
/// How many operators (and function calls) an expression may nest one inside another: a sum
/// of at most 201 terms, at most 200 minus signs before a number. Deeper is J0004: checking,
/// evaluating, formatting and dropping an expression recurse over it, and the limit keeps
/// them within a small stack (and within `eval::MAX_DEPTH`). No formula of a real report
/// comes near it; the limit is written in `docs/language.md`.
pub const MAX_OPERATORS: usize = 200;

pub(super) struct Lowerer<'e> {
    file: FileId,
    base: usize,
    pub(super) errors: &'e mut Vec<SyntaxError>,
}

impl<'e> Lowerer<'e> {
    pub(super) fn new(file: FileId, base: usize, errors: &'e mut Vec<SyntaxError>) -> Self {
        Lowerer { file, base, errors }
    }

    pub(super) fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        let at = |offset: usize| self.base.saturating_add(offset);
        Span::new(self.file, at(s.start())..at(s.end()))
    }

    /// A top-level item, or `None` for pairs that carry nothing (such as line ends).
    pub(super) fn item(&mut self, pair: Pair<'_, Rule>) -> Option<Item> {
        Some(match pair.as_rule() {
            Rule::report_decl => Item::Report(self.report(pair)),
            Rule::prior_decl => Item::Prior(self.prior(pair)),
            Rule::group_decl => Item::Group(self.group(pair)),
            Rule::figure_line => {
                let figure = pair.into_inner().find(|p| p.as_rule() == Rule::figure)?;
                Item::Figure(self.figure(figure)?)
            }
            Rule::table_decl => Item::Table(self.table(pair)),
            Rule::check_decl => Item::Check(self.check(pair)?),
            Rule::import_decl => Item::Import(self.import(pair)),
            _ => Item::Block(self.block(pair)?),
        })
    }

    // -------------------------------------------------------------- declarations

    fn report(&mut self, pair: Pair<'_, Rule>) -> ReportDecl {
        let span = self.span(&pair);
        let mut title = None;
        let mut settings = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::string => title = Some(self.string(p)),
                Rule::setting => settings.push(self.setting(p)),
                _ => {}
            }
        }
        ReportDecl {
            title: title.unwrap_or_else(|| self.empty_str(span)),
            settings,
            span,
        }
    }

    fn setting(&mut self, pair: Pair<'_, Rule>) -> Setting {
        let span = self.span(&pair);
        let mut key = None;
        let mut value = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::name => key = Some(self.name(p)),
                Rule::setting_value => {
                    if let Some(v) = p.into_inner().next() {
                        value = Some(match v.as_rule() {
                            Rule::string => SettingValue::Str(self.string(v)),
                            Rule::literal => SettingValue::Number(self.literal(v)),
                            _ => SettingValue::Name(self.name_path(v)),
                        });
                    }
                }
                _ => {}
            }
        }
        Setting {
            key: key.unwrap_or_else(|| self.empty_name(span)),
            value: value.unwrap_or_else(|| SettingValue::Str(self.empty_str(span))),
            span,
        }
    }

    fn prior(&mut self, pair: Pair<'_, Rule>) -> PriorDecl {
        let span = self.span(&pair);
        let mut keyword = None;
        let mut year = None;
        let mut members = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::prior_kw => keyword = Some(self.name(p)),
                Rule::literal => year = Some(self.literal(p)),
                _ => self.member(p, &mut members),
            }
        }
        PriorDecl {
            keyword: keyword.unwrap_or_else(|| self.empty_name(span)),
            year,
            members,
            span,
        }
    }

    fn group(&mut self, pair: Pair<'_, Rule>) -> GroupDecl {
        let span = self.span(&pair);
        let mut name = None;
        let mut members = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::name_path => name = Some(self.name_path(p)),
                _ => self.member(p, &mut members),
            }
        }
        GroupDecl {
            name: name.unwrap_or_else(|| self.empty_path(span)),
            members,
            span,
        }
    }

    fn member(&mut self, pair: Pair<'_, Rule>, members: &mut Vec<Member>) {
        match pair.as_rule() {
            Rule::figure => {
                if let Some(f) = self.figure(pair) {
                    members.push(Member::Figure(f));
                }
            }
            Rule::nested_group => members.push(Member::Group(self.group(pair))),
            _ => {}
        }
    }

    /// A figure; `None` (with an error recorded) when it has two literals or two formulas.
    fn figure(&mut self, pair: Pair<'_, Rule>) -> Option<Figure> {
        let span = self.span(&pair);
        let mut name = None;
        let mut sides = Vec::new();
        let mut label = None;
        let mut absent = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::name_path => name = Some(self.name_path(p)),
                Rule::unpublished => absent = Some((Absent::Unpublished, self.span(&p))),
                Rule::unknown => absent = Some((Absent::Unknown, self.span(&p))),
                Rule::expr => sides.push(self.expr(p)),
                Rule::string => label = Some(self.string(p)),
                _ => {}
            }
        }
        let name = name.unwrap_or_else(|| self.empty_path(span));
        let mut formula = None;
        let mut stated = None;
        for side in sides {
            match as_literal(&side) {
                Some(literal) if stated.is_none() => stated = Some(literal),
                Some(_) => {
                    self.errors.push(SyntaxError::MalformedFigure {
                        span: side.span,
                        name: name.dotted(),
                        both_literal: true,
                    });
                    return None;
                }
                None if formula.is_none() => formula = Some(side),
                None => {
                    self.errors.push(SyntaxError::MalformedFigure {
                        span: side.span,
                        name: name.dotted(),
                        both_literal: false,
                    });
                    return None;
                }
            }
        }
        Some(Figure {
            name,
            formula,
            stated,
            label,
            absent,
            span,
        })
    }

    fn check(&mut self, pair: Pair<'_, Rule>) -> Option<CheckDecl> {
        let span = self.span(&pair);
        let mut condition = None;
        let mut message = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::expr => condition = Some(self.expr(p)),
                Rule::string => message = Some(self.string(p)),
                _ => {}
            }
        }
        Some(CheckDecl {
            condition: condition?,
            message,
            span,
        })
    }

    fn import(&mut self, pair: Pair<'_, Rule>) -> ImportDecl {
        let span = self.span(&pair);
        let mut path = None;
        let mut alias = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::string => path = Some(self.string(p)),
                Rule::name => alias = Some(self.name(p)),
                _ => {}
            }
        }
        ImportDecl {
            path: path.unwrap_or_else(|| self.empty_str(span)),
            alias,
            span,
        }
    }

    fn table(&mut self, pair: Pair<'_, Rule>) -> TableDecl {
        let span = self.span(&pair);
        let mut name = None;
        let mut title = None;
        let mut source = None;
        let mut after_from = false;
        let mut settings = Vec::new();
        let mut columns = Vec::new();
        let mut rows = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::name => name = Some(self.name(p)),
                Rule::from_kw => after_from = true,
                Rule::string if after_from => source = Some(self.string(p)),
                Rule::string => title = Some(self.string(p)),
                Rule::setting => settings.push(self.setting(p)),
                Rule::columns => {
                    for c in p.into_inner().filter(|c| c.as_rule() == Rule::column) {
                        columns.push(self.column(c));
                    }
                }
                Rule::row => rows.push(self.row(p)),
                _ => {}
            }
        }
        TableDecl {
            name: name.unwrap_or_else(|| self.empty_name(span)),
            title,
            source,
            settings,
            columns,
            rows,
            span,
            data_failed: false,
        }
    }

    fn column(&mut self, pair: Pair<'_, Rule>) -> Column {
        let span = self.span(&pair);
        let mut name = None;
        let mut label = None;
        let mut kind = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::name => name = Some(self.name(p)),
                Rule::string => label = Some(self.string(p)),
                Rule::name_path => kind = Some(ColumnKind::Input(self.name_path(p))),
                Rule::expr => kind = Some(ColumnKind::Computed(self.expr(p))),
                _ => {}
            }
        }
        Column {
            name: name.unwrap_or_else(|| self.empty_name(span)),
            label,
            kind: kind.unwrap_or_else(|| ColumnKind::Input(self.empty_path(span))),
            span,
        }
    }

    fn row(&mut self, pair: Pair<'_, Rule>) -> Row {
        let span = self.span(&pair);
        let mut key = None;
        let mut cells = Vec::new();
        let mut part = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::part_kw => part = Some(self.span(&p)),
                Rule::code => {
                    key = Some(RowKey::Code {
                        code: p.as_str().to_owned(),
                        name: None,
                        span: self.span(&p),
                    })
                }
                Rule::string => {
                    let s = self.string(p);
                    if let Some(RowKey::Code { name, .. }) = &mut key {
                        *name = Some(s);
                    }
                }
                Rule::row_label => {
                    if let Some(inner) = p.into_inner().next() {
                        let inner_span = self.span(&inner);
                        key = Some(match inner.as_rule() {
                            Rule::total_kw => RowKey::Total(inner_span),
                            Rule::subtotal_kw => RowKey::Subtotal(inner_span),
                            _ => RowKey::Label(self.string(inner)),
                        });
                    }
                }
                Rule::cell => cells.push(self.cell(p)),
                _ => {}
            }
        }
        let key = key.unwrap_or(RowKey::Total(span));
        if let RowKey::Label(label) = &key {
            if crate::words::part_label(&label.value) {
                part = part.or(Some(label.span));
            }
        }
        Row {
            key,
            cells,
            part,
            span,
        }
    }

    fn cell(&mut self, pair: Pair<'_, Rule>) -> Cell {
        let span = self.span(&pair);
        let mut column = None;
        let mut value = CellValue::Empty;
        let mut todo = vec![pair];
        while let Some(p) = todo.pop() {
            for c in p.into_inner() {
                match c.as_rule() {
                    Rule::named_cell => todo.push(c),
                    Rule::name => column = Some(self.name(c)),
                    Rule::printed => value = CellValue::Number(self.literal(c)),
                    Rule::string => value = CellValue::Text(self.string(c)),
                    Rule::placeholder => value = CellValue::Placeholder(self.span(&c)),
                    _ => {}
                }
            }
        }
        Cell {
            column,
            value,
            span,
        }
    }

    // -------------------------------------------------------------- expressions

    /// An `expr` pair: operands and operators in a flat run, grouped by [`group`]. One
    /// nesting more than [`MAX_OPERATORS`] operators is refused (J0004) before it is built.
    pub(super) fn expr(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let span = self.span(&pair);
        let mut pieces = Vec::new();
        // The grouped tree is at most as deep as its deepest operand plus its operators.
        let (mut operators, mut deepest) = (0usize, 0usize);
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::operand => {
                    let operand = self.operand(p);
                    deepest = deepest.max(operand.depth());
                    pieces.push(Piece::Operand(operand));
                }
                Rule::add_op | Rule::mul_op => {
                    operators = operators.saturating_add(1);
                    pieces.push(Piece::Arith(binop(p.as_str())));
                }
                Rule::cmp_op => {
                    operators = operators.saturating_add(1);
                    pieces.push(Piece::Compare(binop(p.as_str())));
                }
                _ => {}
            }
        }
        if deepest.saturating_add(operators) > MAX_OPERATORS.saturating_add(1) {
            return self.refused(span);
        }
        group(pieces).unwrap_or_else(|| self.error_expr(span))
    }

    /// An expression nested past [`MAX_OPERATORS`]: reported, and left without a value (a
    /// placeholder the checker does not report, told apart by its empty span).
    fn refused(&mut self, span: Span) -> Expr {
        self.errors.push(SyntaxError::TooManyOperators {
            span,
            limit: MAX_OPERATORS,
        });
        Expr {
            kind: ExprKind::Placeholder,
            span: Span::new(span.file, span.start as usize..span.start as usize),
        }
    }

    /// `-`s, then a number, a reference, a call or a parenthesised expression.
    fn operand(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let span = self.span(&pair);
        let mut negations = Vec::new();
        let mut operand = None;
        // A parenthesised expression spans its parentheses: `(a+b)+c` is all of the sum's text.
        let mut open = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::neg => negations.push(self.span(&p)),
                Rule::lparen => open = Some(self.span(&p)),
                Rule::rparen => {
                    if let (Some(open), Some(inner)) = (open, operand.as_mut()) {
                        let inner: &mut Expr = inner;
                        inner.span = open.to(self.span(&p));
                    }
                }
                Rule::literal => {
                    let literal = self.literal(p);
                    operand = Some(Expr {
                        span: literal.span,
                        kind: ExprKind::Literal(literal),
                    });
                }
                Rule::placeholder => {
                    operand = Some(Expr {
                        span: self.span(&p),
                        kind: ExprKind::Placeholder,
                    })
                }
                Rule::reference => operand = Some(self.reference_or_call(p)),
                Rule::expr => operand = Some(self.expr(p)),
                _ => {}
            }
        }
        let mut expr = operand.unwrap_or_else(|| self.error_expr(Span::default()));
        if negations.len().saturating_add(expr.depth()) > MAX_OPERATORS.saturating_add(1) {
            return self.refused(span);
        }
        for neg in negations.into_iter().rev() {
            let span = neg.to(expr.span);
            expr = Expr {
                kind: ExprKind::Neg(Box::new(expr)),
                span,
            };
        }
        expr
    }

    /// A `reference` pair: a call when the name is followed by arguments, else a reference.
    fn reference_or_call(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let span = self.span(&pair);
        let mut inner = pair.clone().into_inner();
        let arguments = inner.nth(1).filter(|p| p.as_rule() == Rule::arguments);
        let Some(arguments) = arguments else {
            return Expr {
                kind: ExprKind::Ref(self.reference(pair)),
                span,
            };
        };
        let function = match pair.into_inner().next() {
            Some(name) => self.name(name),
            None => self.empty_name(span),
        };
        let mut args = Vec::new();
        for p in arguments.into_inner() {
            if p.as_rule() != Rule::argument {
                continue;
            }
            let arg_span = self.span(&p);
            let mut parts = p
                .into_inner()
                .filter(|q| q.as_rule() == Rule::expr)
                .map(|q| self.expr(q));
            if let Some(value) = parts.next() {
                args.push(Argument {
                    value,
                    filter: parts.next(),
                    span: arg_span,
                });
            }
        }
        Expr {
            kind: ExprKind::Call(Call {
                function,
                args,
                span,
            }),
            span,
        }
    }

    /// A `reference` (without arguments) or `path` pair.
    pub(super) fn reference(&mut self, pair: Pair<'_, Rule>) -> Reference {
        let span = self.span(&pair);
        let mut segments = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::name => segments.push(Segment::Name(self.name(p))),
                Rule::row_selector => {
                    if let Some(sel) = p.into_inner().next() {
                        let sel_span = self.span(&sel);
                        segments.push(Segment::Row(match sel.as_rule() {
                            Rule::code => RowSelector::Code(sel.as_str().to_owned(), sel_span),
                            _ => RowSelector::Label(self.string(sel)),
                        }));
                    }
                }
                _ => {}
            }
        }
        Reference { segments, span }
    }

    /// A `literal`, or a `printed` value (which may group its digits by thousands, or write
    /// them full-width).
    pub(super) fn literal(&mut self, pair: Pair<'_, Rule>) -> Literal {
        let span = self.span(&pair);
        let mut negative = false;
        let mut value = Decimal::ZERO;
        let mut unit = None;
        let mut exact = false;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::sign => negative = p.as_str() == "-",
                Rule::number | Rule::grouped | Rule::wide => {
                    // Thousands separators dropped, full-width digits read as ASCII ones.
                    let digits: String = p
                        .as_str()
                        .chars()
                        .filter(|c| *c != ',')
                        .map(|c| match c {
                            '．' => '.',
                            c => WIDE_DIGITS
                                .chars()
                                .zip('0'..='9')
                                .find_map(|(wide, ascii)| (wide == c).then_some(ascii))
                                .unwrap_or(c),
                        })
                        .collect();
                    match Decimal::from_str_exact(&digits) {
                        Ok(v) => value = v,
                        Err(_) => self.errors.push(SyntaxError::NumberOutOfRange {
                            span: self.span(&p),
                        }),
                    }
                }
                Rule::unit => unit = Some(self.plain_name(&p)),
                Rule::exact => exact = true,
                _ => {}
            }
        }
        if negative {
            value.set_sign_negative(true);
        }
        Literal {
            value,
            unit,
            exact,
            span,
        }
    }

    fn error_expr(&self, span: Span) -> Expr {
        Expr {
            kind: ExprKind::Literal(Literal {
                value: Decimal::ZERO,
                unit: None,
                exact: true,
                span,
            }),
            span,
        }
    }

    // -------------------------------------------------------------- names and strings

    pub(super) fn name(&mut self, pair: Pair<'_, Rule>) -> Name {
        let span = self.span(&pair);
        let text = match pair.as_rule() {
            Rule::name => match pair.into_inner().next() {
                Some(inner) if inner.as_rule() == Rule::quoted_ident => inner
                    .into_inner()
                    .next()
                    .map_or_else(String::new, |t| t.as_str().to_owned()),
                Some(inner) => inner.as_str().to_owned(),
                None => String::new(),
            },
            _ => pair.as_str().to_owned(),
        };
        Name {
            text: composed(text),
            span,
        }
    }

    fn plain_name(&self, pair: &Pair<'_, Rule>) -> Name {
        Name {
            text: composed(pair.as_str().to_owned()),
            span: self.span(pair),
        }
    }

    fn name_path(&mut self, pair: Pair<'_, Rule>) -> NamePath {
        let span = self.span(&pair);
        let segments = pair
            .into_inner()
            .filter(|p| p.as_rule() == Rule::name)
            .map(|p| self.name(p))
            .collect();
        NamePath { segments, span }
    }

    pub(super) fn string(&mut self, pair: Pair<'_, Rule>) -> Str {
        let span = self.span(&pair);
        let raw = pair.into_inner().next().map_or("", |inner| inner.as_str());
        Str {
            value: unescape(raw),
            span,
        }
    }

    fn empty_str(&self, span: Span) -> Str {
        Str {
            value: String::new(),
            span,
        }
    }

    fn empty_name(&self, span: Span) -> Name {
        Name {
            text: String::new(),
            span,
        }
    }

    fn empty_path(&self, span: Span) -> NamePath {
        NamePath {
            segments: Vec::new(),
            span,
        }
    }
}

/// The literal a figure side is, if it is one (`836.78`, `-77.31`).
pub(super) fn as_literal(expr: &Expr) -> Option<Literal> {
    match &expr.kind {
        ExprKind::Literal(l) => Some(l.clone()),
        ExprKind::Neg(inner) => match &inner.kind {
            ExprKind::Literal(l) => {
                let mut l = l.clone();
                l.value.set_sign_negative(!l.value.is_sign_negative());
                l.span = expr.span;
                Some(l)
            }
            _ => None,
        },
        _ => None,
    }
}

/// One piece of an expression as written: the grammar gives operands and operators in a
/// flat run (see `expr` in the grammar).
pub(super) enum Piece {
    Operand(Expr),
    /// `+ - * / × ÷`
    Arith(BinOp),
    /// `== != < <= > >=`, at most one per expression.
    Compare(BinOp),
}

/// Groups a flat run by precedence: `*` `/` before `+` `-`, both before the comparison, each
/// level left to right. `None` when the run has no operand.
pub(super) fn group(pieces: Vec<Piece>) -> Option<Expr> {
    let mut sides: Vec<Expr> = Vec::with_capacity(1);
    let mut comparison = None;
    // The terms of the side being read, each with the `+`/`-` before it.
    let mut terms: Vec<(BinOp, Expr)> = Vec::new();
    let mut pending = BinOp::Add;
    for piece in pieces {
        match piece {
            Piece::Operand(operand) => match (pending, terms.pop()) {
                (BinOp::Mul | BinOp::Div, Some((before, left))) => {
                    terms.push((before, binary(pending, left, operand)));
                }
                (_, last) => {
                    terms.extend(last);
                    terms.push((pending, operand));
                }
            },
            Piece::Arith(op) => pending = op,
            Piece::Compare(op) => {
                sides.extend(fold_terms(std::mem::take(&mut terms)));
                comparison = Some(op);
                pending = BinOp::Add;
            }
        }
    }
    let last = fold_terms(terms)?;
    Some(match (comparison, sides.pop()) {
        (Some(op), Some(left)) => binary(op, left, last),
        _ => last,
    })
}

fn binary(op: BinOp, left: Expr, right: Expr) -> Expr {
    let span = left.span.to(right.span);
    Expr {
        kind: ExprKind::Binary(op, Box::new(left), Box::new(right)),
        span,
    }
}

/// `t1 ± t2 ± …`, folded to the left; `None` when there is no term.
fn fold_terms(terms: Vec<(BinOp, Expr)>) -> Option<Expr> {
    let mut terms = terms.into_iter();
    let (_, mut sum) = terms.next()?;
    for (op, term) in terms {
        sum = binary(op, sum, term);
    }
    Some(sum)
}

pub(super) fn binop(op: &str) -> BinOp {
    match op {
        "+" => BinOp::Add,
        "-" => BinOp::Sub,
        "*" | "×" => BinOp::Mul,
        "/" | "÷" => BinOp::Div,
        "==" => BinOp::Eq,
        "!=" => BinOp::Ne,
        "<" => BinOp::Lt,
        "<=" => BinOp::Le,
        ">" => BinOp::Gt,
        _ => BinOp::Ge,
    }
}

/// Resolves `\"`, `\\`, `\n` and `\t` in a quoted string; any other escaped character stands
/// for itself.
pub(super) fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A name in its composed form (Unicode NFC), so that two spellings a reader cannot tell apart
/// are one name: `é` typed as one character or as `e` and an accent, a CJK compatibility
/// ideograph (U+F900 豈) and the ideograph it stands for (U+8C48 豈).
fn composed(text: String) -> String {
    use unicode_normalization::UnicodeNormalization;
    // ASCII and the CJK unified ideographs neither decompose nor combine: most names.
    let plain = |c: char| c.is_ascii() || ('\u{3400}'..='\u{9fff}').contains(&c);
    if text.chars().all(plain) || unicode_normalization::is_nfc(&text) {
        text
    } else {
        text.nfc().collect()
    }
}
