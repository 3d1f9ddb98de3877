//! Eval stage: the narrative. Every interpolation is evaluated in its context (a `@每行` row,
//! a `@如果` branch) and rendered into the evaluated document; stated values are checked, and a
//! direction word written before a value (增加, 减少, 大于 …) is checked against its sign.

use super::error::EvalError;
use super::format::{self, Style};
use super::stated::Word;
use super::unit::Unit;
use super::value::{OpError, Quantity, Value};
use super::{Ctx, Evaluator};
use crate::ast::*;
use crate::check::functions::Function;
use crate::check::Target;
use crate::doc;
use crate::i18n::Message;
use crate::msg;
use crate::source::Span;
use crate::words::{Claim, Sense};
use rust_decimal::Decimal;

/// The direction word `text` ends with (spaces and fillers aside, either script), with its
/// span; the vocabulary is `words::direction_before`.
fn direction_word(text: &str, span: Span) -> Option<Word> {
    let found = crate::words::direction_before(text)?;
    let start = (span.start as usize).saturating_add(found.range.start);
    let end = (span.start as usize).saturating_add(found.range.end);
    Some(Word {
        negative: found.sense == Sense::Down,
        text: found.written,
        span: Span::new(span.file, start..end),
        opposite: found.opposite,
    })
}

/// Whether `between`, the text from one value to the next, continues a list the word before
/// the first governs: `各减少120.50、98.30万元`, `分别增长3%、5%`, `减少2万元和3万元`.
fn continues_list(between: &str) -> bool {
    let text = between.trim();
    let Some(rest) = ["、", "和", "及", "与", "以及"]
        .iter()
        .find_map(|sep| text.strip_suffix(sep))
    else {
        return false;
    };
    let rest = rest.trim_end();
    rest.is_empty() || Unit::parse(rest).is_some()
}

/// A unit the text after a value starts with (`{收入 = 1149.45} 万元`): the unit, where its word
/// is, and where the spaces before it start.
#[derive(Clone, Copy)]
pub(super) struct UnitAfter {
    pub unit: Unit,
    pub word: Span,
    pub from: usize,
}

/// The unit `text` (at `span`, right after a value) starts with, after spaces.
fn unit_after(text: &str, span: Span) -> Option<UnitAfter> {
    let rest = text.trim_start_matches([' ', '\u{3000}']);
    let word = Unit::prefix_of(rest)?;
    let unit = Unit::parse(word)?;
    // `rest` is a suffix of `text`: the spaces before it are the difference.
    let start = (span.start as usize).saturating_add(text.len().saturating_sub(rest.len()));
    Some(UnitAfter {
        unit,
        word: Span::new(span.file, start..start.saturating_add(word.len())),
        from: span.start as usize,
    })
}

/// The word that governs a value: the direction word the text before it ends with, or, when
/// that text continues a list, the word of the value before it.
pub(super) fn governing_word(before: Option<(&str, Span)>, last: Option<&Word>) -> Option<Word> {
    before.and_then(|(text, span)| {
        direction_word(text, span).or_else(|| last.cloned().filter(|_| continues_list(text)))
    })
}

/// Appends a block, merging consecutive lists of one kind (list items from a loop).
fn push(out: &mut Vec<doc::Block>, block: doc::Block) {
    if let doc::Block::List { ordered, items } = &block {
        if let Some(doc::Block::List {
            ordered: last_ordered,
            items: last_items,
        }) = out.last_mut()
        {
            if last_ordered == ordered {
                last_items.extend(items.iter().cloned());
                return;
            }
        }
    }
    out.push(block);
}

impl Evaluator<'_> {
    pub(super) fn block(&mut self, block: &Block, ctx: Ctx<'_>, out: &mut Vec<doc::Block>) {
        match block {
            Block::Heading(h) => {
                let content = self.inlines(&h.content, ctx);
                push(
                    out,
                    doc::Block::Heading {
                        level: h.level,
                        content,
                    },
                );
            }
            Block::Paragraph(p) => {
                let content = self.inlines(&p.content, ctx);
                push(out, doc::Block::Paragraph(content));
            }
            Block::List(list) => {
                let items = list
                    .items
                    .iter()
                    .map(|item| self.inlines(&item.content, ctx))
                    .collect();
                push(
                    out,
                    doc::Block::List {
                        ordered: list.ordered,
                        items,
                    },
                );
            }
            Block::Each(each) => self.each(each, out),
            Block::If(block) => {
                let body = match self.condition(&block.condition, ctx) {
                    Some(true) => &block.then_body,
                    Some(false) => &block.else_body,
                    None => return,
                };
                for b in body {
                    self.block(b, ctx, out);
                }
            }
        }
    }

    fn each(&mut self, each: &EachBlock, out: &mut Vec<doc::Block>) {
        let Some(Target::Table(table)) = self.target(&each.table).cloned() else {
            return; // reported by the checker
        };
        let rows = self
            .tables
            .get(&table)
            .map(|t| t.leaf_rows())
            .unwrap_or_default();
        let mut index: usize = 0;
        for row in rows {
            let row_ctx = Ctx {
                row: Some((table.as_str(), row)),
                index: index.saturating_add(1),
            };
            if let Some(filter) = &each.filter {
                match self.condition(filter, row_ctx) {
                    Some(true) => {}
                    Some(false) => continue,
                    None => return,
                }
            }
            index = index.saturating_add(1);
            let row_ctx = Ctx { index, ..row_ctx };
            for b in &each.body {
                self.block(b, row_ctx, out);
            }
        }
    }

    fn inlines(&mut self, inlines: &[Inline], ctx: Ctx<'_>) -> Vec<doc::Inline> {
        let mut out = Vec::with_capacity(inlines.len());
        let mut before: Option<(&str, Span)> = None;
        // The word before the last value, which the values of a list after it share.
        let mut last_word: Option<Word> = None;
        // The words said of each change in this paragraph, by the change's operands.
        let mut said: Vec<(String, Word)> = Vec::new();
        for (k, inline) in inlines.iter().enumerate() {
            match inline {
                Inline::Text(text, span) => {
                    before = Some((text, *span));
                    out.push(doc::Inline::Text(text.clone(), *span));
                }
                Inline::SoftBreak(_) => out.push(doc::Inline::SoftBreak),
                Inline::Strong(inner, _) => {
                    out.push(doc::Inline::Strong(self.inlines(inner, ctx)));
                    before = None;
                    last_word = None;
                }
                Inline::Emphasis(inner, _) => {
                    out.push(doc::Inline::Emphasis(self.inlines(inner, ctx)));
                    before = None;
                    last_word = None;
                }
                Inline::Interpolation(i) => {
                    let word = governing_word(before, last_word.as_ref());
                    if let (Some(word), Some(change)) = (&word, self.change_operands(&i.expr)) {
                        self.agree(&mut said, change, word);
                    }
                    let after = match inlines.get(k.saturating_add(1)) {
                        Some(Inline::Text(text, span)) => unit_after(text, *span),
                        _ => None,
                    };
                    out.push(self.interpolation(i, word.clone(), after, ctx));
                    last_word = word;
                    before = None;
                }
            }
        }
        out
    }

    /// Reports two words of one paragraph that say opposite things of one change (`减少77.31万元，
    /// 增长8.46%` of the same two figures), whatever the values are.
    fn agree(&mut self, said: &mut Vec<(String, Word)>, change: String, word: &Word) {
        if let Some((_, first)) = said
            .iter()
            .find(|(c, w)| *c == change && w.negative != word.negative)
        {
            self.error(EvalError::WordsDisagree {
                first: first.span,
                first_word: first.text.clone(),
                second: word.span,
                second_word: word.text.clone(),
                change: change.clone(),
            });
            return;
        }
        said.push((change, word.clone()));
    }

    /// The operands of a `change` or `growth`, as written (spaces aside): two interpolations
    /// with the same operands speak of one change.
    fn change_operands(&self, expr: &Expr) -> Option<String> {
        let ExprKind::Call(call) = &expr.kind else {
            return None;
        };
        if !matches!(
            Function::lookup(&call.function.text),
            Some(Function::Change | Function::Growth)
        ) {
            return None;
        }
        let operands: Vec<String> = call
            .args
            .iter()
            .map(|a| self.text(a.span).split_whitespace().collect())
            .collect();
        Some(operands.join(", "))
    }

    fn interpolation(
        &mut self,
        i: &Interpolation,
        word: Option<Word>,
        after: Option<UnitAfter>,
        ctx: Ctx<'_>,
    ) -> doc::Inline {
        let mut style = self.style(&i.format);
        if self.is_year(&i.expr) {
            style.thousands = false; // 2019, never 2,019
        }
        let formula = self.text(i.expr.span);
        let errors_before = self.errors.len();
        let value = self.eval(&i.expr, ctx);
        let mut fact = doc::Fact {
            text: String::new(),
            formula: formula.clone(),
            name: self.figure_name(&i.expr),
            exact: None,
            unit: None,
            check: None,
            span: i.span,
        };
        let quantity = match &value {
            Some(Value::Num(q)) => Some(*q),
            Some(Value::Text(text)) => {
                if let Some(literal) = &i.stated {
                    self.error(EvalError::NotANumber {
                        span: literal.span,
                        what: msg!("J0206-not-a-number.text-compared", formula = &formula),
                    });
                }
                return doc::Inline::Text(text.clone(), i.span);
            }
            Some(Value::Bool(_)) => {
                self.error(EvalError::NotANumber {
                    span: i.expr.span,
                    what: msg!("J0206-not-a-number.comparison-shown", formula = &formula),
                });
                None
            }
            None => None,
        };
        if let Some(q) = quantity {
            let unit = style
                .unit
                .or_else(|| format::display_unit(q.dim, self.settings.money));
            if let Some(u) = style.unit {
                if u.dim() != q.dim && q.dim != super::unit::Dim::Plain {
                    self.error(EvalError::Dims {
                        span: i.format.first().map_or(i.span, |f| f.span),
                        op: "按",
                        left: q.dim.describe(),
                        right: msg!("eval-dim-unit", unit = u.name()),
                    });
                    style.unit = None;
                }
            }
            fact.exact = format::in_unit(q.nominal, unit)
                .filter(|_| !q.inferred)
                .map(|v| v.normalize().to_string());
            fact.unit = unit.map(Unit::name);
        }
        if let Some(claim) = &i.claim {
            if let Some(q) = quantity {
                self.check_claim(q, claim, i.expr.span);
            }
            fact.check = Some(self.verdict(errors_before, quantity.is_some()));
            fact.text = claim.text.clone();
            return doc::Inline::Fact(fact);
        }
        match (&i.stated, quantity) {
            (Some(literal), q) => {
                if let Some(q) = q {
                    let unsigned = self.is_change(&i.expr);
                    let after = after.filter(|a| literal.unit.is_none() && a.unit.dim() == q.dim);
                    self.check_stated(q, literal, word.as_ref(), unsigned, i.expr.span, after);
                } else if value.is_none() {
                    let behind = self.unpublished_behind(&i.expr);
                    let what =
                        Message::verbatim(format!("`{{{formula} = {}}}`", self.text(literal.span)));
                    self.not_checked(what, literal.span, behind, false);
                }
                fact.check = Some(self.verdict(errors_before, q.is_some()));
                let written = self.text(literal.span);
                let written = written.trim_end_matches('!');
                fact.text = if style.abs {
                    written.trim_start_matches('-').to_owned()
                } else {
                    written.to_owned()
                };
            }
            (None, Some(q)) if q.inferred => {
                self.unknown_shown(&i.expr);
                fact.text = format!("{{{formula}}}");
            }
            (None, Some(q)) => {
                if let Some(word) = &word {
                    self.check_direction(q, word, i.expr.span);
                    style.abs = true;
                } else if self.is_change(&i.expr) {
                    style.wording = true;
                }
                match format::show(&q, style, self.settings.money, self.settings.rounding) {
                    Some(text) => {
                        // `{收入.合计} 万元`: the value is shown with its unit, and the text
                        // after it writes one again.
                        if let Some(a) =
                            after.filter(|a| a.unit.dim() == q.dim && fact.unit.is_some())
                        {
                            let remove = Span::new(a.word.file, a.from..a.word.end as usize);
                            self.error(EvalError::UnitTwice {
                                span: a.word,
                                value: i.expr.span,
                                printed: format!(
                                    "{text}{}",
                                    self.sources.get(remove.file).slice(remove)
                                ),
                                same: fact.unit == Some(a.unit.name()),
                                shown: text.clone(),
                                written: self.text(a.word),
                                remove,
                            });
                        }
                        fact.text = text
                    }
                    None => {
                        // `{x 按 ‰}` of a ratio whose value in ‰ is beyond the decimal range.
                        let unit_name = style
                            .unit
                            .or_else(|| format::display_unit(q.dim, self.settings.money))
                            .map(Unit::name)
                            .unwrap_or_default();
                        let operation = msg!(
                            "J0208-overflow.in-unit",
                            value = format::exact(q.nominal, q.dim, self.settings.money),
                            unit = unit_name,
                        );
                        self.op_error(OpError::Overflow, i.span, None, Some(operation));
                        fact.text = format!("{{{formula}}}");
                    }
                }
            }
            // Not filled in yet: marked so that no reader takes it for a value.
            // (An empty span is an expression refused by the lowering, not a `待填`.)
            (None, None)
                if matches!(i.expr.kind, ExprKind::Placeholder)
                    && i.expr.span.start != i.expr.span.end =>
            {
                fact.text = "【待填】".to_owned()
            }
            (None, None) if !self.unknown_behind(&i.expr).is_empty() => {
                self.unknown_shown(&i.expr);
                fact.text = format!("{{{formula}}}");
            }
            (None, None) => {
                let behind = self.unpublished_behind(&i.expr);
                if let Some(first) = behind.first() {
                    let declared = self.unpublished_at(first);
                    let figures = behind.iter().map(|n| self.described(n)).collect();
                    self.error(EvalError::UnpublishedShown {
                        span: i.expr.span,
                        figures,
                        declared,
                    });
                }
                fact.text = format!("{{{formula}}}");
            }
        }
        doc::Inline::Fact(fact)
    }

    /// J0215 for printing what depends on unknown figures (`= ?`): they are known only by
    /// bounds, and a number printed for them would be a guess.
    fn unknown_shown(&mut self, expr: &Expr) {
        let behind = self.unknown_behind(expr);
        let Some(first) = behind.first() else {
            return;
        };
        let declared = self.unknown_at(first);
        let figures = behind.iter().map(|n| self.described(n)).collect();
        self.error(EvalError::UnknownShown {
            span: expr.span,
            figures,
            declared,
        });
    }

    /// Whether a stated value was verified: neither evaluating nor checking it found a problem.
    fn verdict(&self, errors_before: usize, has_value: bool) -> doc::Check {
        match self.errors.get(errors_before) {
            None if has_value => doc::Check::Verified,
            None => doc::Check::Failed {
                code: String::new(),
                message: crate::msg!("fact-no-value"),
            },
            Some(e) => {
                let d = e.to_diagnostic();
                doc::Check::Failed {
                    code: d.code.id().to_owned(),
                    message: d.message,
                }
            }
        }
    }

    /// Checks a claim in words (`持平`, `增加`) against the computed change. A change whose
    /// inputs are rounded is unchanged when zero lies within its interval.
    fn check_claim(&mut self, q: Quantity, claim: &ClaimWord, span: Span) {
        let Some(kind) = crate::words::claim(&claim.text) else {
            return; // refused by the parser
        };
        let zero = Decimal::ZERO;
        let wrong = match kind {
            Claim::Unchanged => q.interval.lo > zero || q.interval.hi < zero,
            Claim::Changed(Sense::Up) => q.interval.hi <= zero,
            Claim::Changed(Sense::Down) => q.interval.lo >= zero,
        };
        if !wrong {
            return;
        }
        let ratio = q.dim == super::unit::Dim::Ratio;
        let expected = match q.nominal.cmp(&zero) {
            std::cmp::Ordering::Greater if ratio => "增长",
            std::cmp::Ordering::Greater => "增加",
            std::cmp::Ordering::Less if ratio => "下降",
            std::cmp::Ordering::Less => "减少",
            std::cmp::Ordering::Equal => "持平",
        };
        let unit = format::display_unit(q.dim, self.settings.money);
        let decimals = format::default_decimals(q.dim, q.nominal);
        self.error(EvalError::Direction {
            span,
            word_span: claim.span,
            word: claim.text.clone(),
            actual: format::quantity(&q, unit, decimals, self.settings.rounding),
            expected_word: expected.to_owned(),
            write: Some(expected.to_owned()),
        });
    }

    /// Checks a computed value against the direction word before it.
    fn check_direction(&mut self, q: Quantity, word: &Word, span: Span) {
        let wrong = if word.negative {
            q.interval.lo > Decimal::ZERO
        } else {
            q.interval.hi < Decimal::ZERO
        };
        if wrong {
            let unit = format::display_unit(q.dim, self.settings.money);
            let decimals = format::default_decimals(q.dim, q.nominal);
            self.error(EvalError::Direction {
                span,
                word_span: word.span,
                word: word.text.clone(),
                actual: format::quantity(&q, unit, decimals, self.settings.rounding),
                expected_word: word.opposite.to_owned(),
                write: None,
            });
        }
    }

    /// Whether an expression is a `change` or `growth`, shown with 增加/减少 by default.
    pub(super) fn is_change(&self, expr: &Expr) -> bool {
        matches!(&expr.kind, ExprKind::Call(call)
            if matches!(Function::lookup(&call.function.text), Some(Function::Change | Function::Growth)))
    }

    /// The figure an expression names, when it is a single reference to one.
    fn figure_name(&self, expr: &Expr) -> Option<String> {
        let ExprKind::Ref(reference) = &expr.kind else {
            return None;
        };
        match self.target(reference)? {
            Target::Figure(name) => Some(name.clone()),
            _ => Some(reference.display()),
        }
    }

    /// Whether an expression is a year: `年度`, `上年.年度` (of a `上年` block or an import).
    fn is_year(&self, expr: &Expr) -> bool {
        let ExprKind::Ref(reference) = &expr.kind else {
            return false;
        };
        let name = self
            .figure_name(expr)
            .unwrap_or_else(|| reference.display());
        let last = name.rsplit('.').next().unwrap_or_default();
        last == crate::check::resolve::REPORT_YEAR
            && (self.synthetic.contains_key(&name) || name.contains('.'))
    }

    /// The style an interpolation's `按 …` options ask for.
    fn style(&mut self, options: &[FormatOption]) -> Style {
        let mut style = Style {
            thousands: self.settings.thousands,
            ..Style::default()
        };
        for option in options {
            let text = option.text.as_str();
            let decimals = text
                .strip_prefix('.')
                .or_else(|| text.strip_suffix('位'))
                .and_then(|d| d.parse::<u32>().ok())
                .filter(|d| *d <= 20);
            match text {
                _ if decimals.is_some() => style.decimals = decimals,
                "绝对值" | "abs" => style.abs = true,
                "千分位" | "thousands" => style.thousands = true,
                "增减" | "wording" => style.wording = true,
                _ => match Unit::parse(text) {
                    Some(unit) => style.unit = Some(unit),
                    None => self.error(EvalError::UnknownFormat {
                        span: option.span,
                        option: text.to_owned(),
                    }),
                },
            }
        }
        style
    }
}
