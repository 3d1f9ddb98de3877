//! Eval stage: the narrative. Every interpolation is evaluated in its context (a `@每行` row,
//! a `@如果` branch); stated values are checked, and a direction word written before a value
//! (增加, 减少, 大于 …) is checked against the value's sign.

use super::error::EvalError;
use super::stated::Word;
use super::value::Value;
use super::{Ctx, Evaluator};
use crate::ast::*;
use crate::check::Target;
use crate::source::Span;
use rust_decimal::Decimal;

/// Direction words: (word, means a decrease, the opposite word).
const WORDS: &[(&str, bool, &str)] = &[
    ("增加", false, "减少"),
    ("增长", false, "下降"),
    ("上升", false, "下降"),
    ("提高", false, "降低"),
    ("大于", false, "小于"),
    ("高于", false, "低于"),
    ("多于", false, "少于"),
    ("超过", false, "低于"),
    ("超出", false, "低于"),
    ("减少", true, "增加"),
    ("下降", true, "增长"),
    ("降低", true, "提高"),
    ("小于", true, "大于"),
    ("低于", true, "高于"),
    ("少于", true, "多于"),
    ("缩减", true, "增加"),
];

/// The direction word `text` ends with (spaces aside), with its span.
fn direction_word(text: &str, span: Span) -> Option<Word> {
    let trimmed = text.trim_end();
    WORDS
        .iter()
        .find(|(w, ..)| trimmed.ends_with(w))
        .map(|(w, negative, opposite)| {
            let end = span.start as usize + trimmed.len();
            Word {
                negative: *negative,
                text: (*w).to_owned(),
                span: Span::new(span.file, end - w.len()..end),
                opposite,
            }
        })
}

impl Evaluator<'_> {
    pub(super) fn block(&mut self, block: &Block, ctx: Ctx<'_>) {
        match block {
            Block::Heading(h) => self.inlines(&h.content, ctx),
            Block::Paragraph(p) => self.inlines(&p.content, ctx),
            Block::List(list) => {
                for item in &list.items {
                    self.inlines(&item.content, ctx);
                }
            }
            Block::Each(each) => self.each(each, ctx),
            Block::If(block) => match self.condition(&block.condition, ctx) {
                Some(true) => block.then_body.iter().for_each(|b| self.block(b, ctx)),
                Some(false) => block.else_body.iter().for_each(|b| self.block(b, ctx)),
                None => {}
            },
        }
    }

    fn each(&mut self, each: &EachBlock, ctx: Ctx<'_>) {
        let context = crate::check::Context {
            table: ctx.row.map(|(t, _)| t),
            in_loop: ctx.in_loop,
            group: ctx.group,
        };
        let Ok(Target::Table(table)) = self.scope.resolve(&each.table, context) else {
            return; // reported by the checker
        };
        let rows = self
            .tables
            .get(&table)
            .map(|t| t.leaf_rows())
            .unwrap_or_default();
        let mut index = 0;
        for row in rows {
            let row_ctx = Ctx {
                group: ctx.group,
                row: Some((table.as_str(), row)),
                in_loop: true,
                index: index + 1,
            };
            if let Some(filter) = &each.filter {
                match self.condition(filter, row_ctx) {
                    Some(true) => {}
                    Some(false) => continue,
                    None => return,
                }
            }
            index += 1;
            let row_ctx = Ctx { index, ..row_ctx };
            for b in &each.body {
                self.block(b, row_ctx);
            }
        }
    }

    fn inlines(&mut self, inlines: &[Inline], ctx: Ctx<'_>) {
        let mut before: Option<(&str, Span)> = None;
        for inline in inlines {
            match inline {
                Inline::Text(text, span) => before = Some((text, *span)),
                Inline::SoftBreak(_) => {}
                Inline::Strong(inner, _) | Inline::Emphasis(inner, _) => {
                    self.inlines(inner, ctx);
                    before = None;
                }
                Inline::Interpolation(i) => {
                    let word = before.and_then(|(text, span)| direction_word(text, span));
                    self.interpolation(i, word, ctx);
                    before = None;
                }
            }
        }
    }

    fn interpolation(&mut self, i: &Interpolation, word: Option<Word>, ctx: Ctx<'_>) {
        let Some(value) = self.eval(&i.expr, ctx) else {
            return;
        };
        match (value, &i.stated) {
            (Value::Num(q), Some(literal)) => {
                self.check_stated(q, literal, word.as_ref(), i.expr.span)
            }
            (Value::Num(q), None) => {
                let Some(word) = word else { return };
                let wrong = if word.negative {
                    q.interval.lo > Decimal::ZERO
                } else {
                    q.interval.hi < Decimal::ZERO
                };
                if wrong {
                    let unit = super::format::display_unit(q.dim, self.settings.money);
                    let decimals = super::format::default_decimals(q.dim, q.nominal);
                    self.error(EvalError::Direction {
                        span: i.expr.span,
                        word_span: word.span,
                        word: word.text.clone(),
                        actual: super::format::quantity(&q, unit, decimals, self.settings.rounding),
                        expected_word: word.opposite.to_owned(),
                    });
                }
            }
            (_, Some(literal)) => self.error(EvalError::NotANumber {
                span: literal.span,
                what: format!("`{}` (text) compared with a number", self.text(i.expr.span)),
            }),
            _ => {}
        }
    }
}
