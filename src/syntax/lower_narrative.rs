//! Syntax stage: lowering the narrative (headings, paragraphs, lists, `@` blocks, inline
//! content) to the AST.

use super::grammar::Rule;
use super::lower::Lowerer;
use crate::ast::*;
use crate::source::Span;
use pest::iterators::Pair;

impl Lowerer<'_> {
    /// `持平` after `=`: a claim about a change, refused when no reader takes it for one.
    fn claim(&mut self, pair: Pair<'_, Rule>) -> ClaimWord {
        let span = self.span(&pair);
        let text = pair.as_str().to_owned();
        if crate::words::claim(&text).is_none() {
            self.errors.push(super::error::SyntaxError::UnknownClaim {
                span,
                word: text.clone(),
            });
        }
        ClaimWord { text, span }
    }

    pub(super) fn block(&mut self, pair: Pair<'_, Rule>) -> Option<Block> {
        let span = self.span(&pair);
        Some(match pair.as_rule() {
            Rule::heading => {
                let mut level = 1;
                let mut content = Vec::new();
                for p in pair.into_inner() {
                    if p.as_rule() == Rule::heading_marks {
                        level = u8::try_from(p.as_str().len()).unwrap_or(6);
                    } else {
                        self.inline(p, &mut content);
                    }
                }
                Block::Heading(Heading {
                    level,
                    content: trim_line_ends(merge_text(content)),
                    span,
                })
            }
            Rule::paragraph => Block::Paragraph(self.paragraph(pair)),
            Rule::list_item => {
                let mut ordered = false;
                let mut content = Vec::new();
                for p in pair.into_inner() {
                    if p.as_rule() == Rule::list_marker {
                        ordered = p.as_str().ends_with('.');
                    } else {
                        self.inline(p, &mut content);
                    }
                }
                Block::List(List {
                    ordered,
                    items: vec![Paragraph {
                        content: trim_line_ends(merge_text(content)),
                        span,
                    }],
                    span,
                })
            }
            Rule::each_block => {
                let mut table = None;
                let mut filter = None;
                let mut body = Vec::new();
                for p in pair.into_inner() {
                    match p.as_rule() {
                        Rule::block_head_each => {
                            for q in p.into_inner() {
                                match q.as_rule() {
                                    Rule::path => table = Some(self.reference(q)),
                                    Rule::expr => filter = Some(self.expr(q)),
                                    _ => {}
                                }
                            }
                        }
                        Rule::block_body => body = self.body(p),
                        _ => {}
                    }
                }
                Block::Each(EachBlock {
                    table: table?,
                    filter,
                    body,
                    span,
                })
            }
            Rule::if_block => {
                let mut condition = None;
                let mut then_body = Vec::new();
                let mut else_body = Vec::new();
                for p in pair.into_inner() {
                    match p.as_rule() {
                        Rule::block_head_if => {
                            condition = p
                                .into_inner()
                                .find(|q| q.as_rule() == Rule::expr)
                                .map(|q| self.expr(q));
                        }
                        Rule::block_body => then_body = self.body(p),
                        Rule::else_branch => {
                            if let Some(b) =
                                p.into_inner().find(|q| q.as_rule() == Rule::block_body)
                            {
                                else_body = self.body(b);
                            }
                        }
                        _ => {}
                    }
                }
                Block::If(IfBlock {
                    condition: condition?,
                    then_body,
                    else_body,
                    span,
                })
            }
            _ => return None,
        })
    }

    fn body(&mut self, pair: Pair<'_, Rule>) -> Vec<Block> {
        let mut blocks: Vec<Block> = Vec::new();
        for p in pair.into_inner() {
            if let Some(block) = self.block(p) {
                match (blocks.last_mut(), block) {
                    (Some(Block::List(list)), Block::List(next))
                        if list.ordered == next.ordered =>
                    {
                        list.span = list.span.to(next.span);
                        list.items.extend(next.items);
                    }
                    (_, block) => blocks.push(block),
                }
            }
        }
        blocks
    }

    fn paragraph(&mut self, pair: Pair<'_, Rule>) -> Paragraph {
        let span = self.span(&pair);
        let mut content = Vec::new();
        for p in pair.into_inner() {
            self.inline(p, &mut content);
        }
        Paragraph {
            content: trim_line_ends(merge_text(content)),
            span,
        }
    }

    fn inline(&mut self, pair: Pair<'_, Rule>, out: &mut Vec<Inline>) {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::text | Rule::inner_text | Rule::stray_star => {
                out.push(Inline::Text(pair.as_str().to_owned(), span));
            }
            Rule::escape => {
                let escaped: String = pair.as_str().chars().skip(1).collect();
                out.push(Inline::Text(escaped, span));
            }
            Rule::soft_break => out.push(Inline::SoftBreak(span)),
            Rule::strong | Rule::emphasis => {
                let strong = pair.as_rule() == Rule::strong;
                let mut inner = Vec::new();
                for p in pair.into_inner() {
                    self.inline(p, &mut inner);
                }
                let inner = merge_text(inner);
                out.push(if strong {
                    Inline::Strong(inner, span)
                } else {
                    Inline::Emphasis(inner, span)
                });
            }
            Rule::interpolation => {
                let mut expr = None;
                let mut stated = None;
                let mut claim = None;
                let mut format = Vec::new();
                for p in pair.into_inner() {
                    match p.as_rule() {
                        Rule::expr => expr = Some(self.expr(p)),
                        Rule::stated => {
                            for q in p.into_inner() {
                                match q.as_rule() {
                                    Rule::printed => stated = Some(self.literal(q)),
                                    Rule::claim => claim = Some(Box::new(self.claim(q))),
                                    _ => {}
                                }
                            }
                        }
                        Rule::format => {
                            for o in p.into_inner() {
                                if o.as_rule() == Rule::format_option {
                                    format.push(FormatOption {
                                        text: o.as_str().to_owned(),
                                        span: self.span(&o),
                                    });
                                }
                            }
                        }
                        _ => {}
                    }
                }
                if let Some(expr) = expr {
                    out.push(Inline::Interpolation(Interpolation {
                        expr,
                        stated,
                        claim,
                        format,
                        span,
                    }));
                }
            }
            _ => {}
        }
    }
}

/// Joins adjacent text pieces (escapes split text into several pairs).
///
/// Only pieces whose text is exactly their source are joined, so that every text piece keeps
/// a span whose bytes are its text (an escape `\{` stays a piece of its own).
/// Spaces at the end of a line of prose are not text, as those at the start of a continued line
/// are not (the grammar passes over them): each line's last text piece loses its trailing
/// spaces, unless they are escaped (`\ `, a piece of its own).
fn trim_line_ends(mut content: Vec<Inline>) -> Vec<Inline> {
    let mut i = 0;
    while i < content.len() {
        let line_end = matches!(content.get(i + 1), None | Some(Inline::SoftBreak(_)));
        if let (true, Some(Inline::Text(text, span))) = (line_end, content.get_mut(i)) {
            if text.len() == (span.end - span.start) as usize {
                let trimmed = text.trim_end_matches([' ', '\t', '\u{3000}']).len();
                span.end -= (text.len() - trimmed) as u32;
                text.truncate(trimmed);
                if text.is_empty() {
                    content.remove(i);
                    continue;
                }
            }
        }
        i += 1;
    }
    content
}

pub(super) fn merge_text(pieces: Vec<Inline>) -> Vec<Inline> {
    let verbatim = |text: &str, span: Span| text.len() == (span.end - span.start) as usize;
    let mut out: Vec<Inline> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        if let (Some(Inline::Text(text, span)), Inline::Text(more, more_span)) =
            (out.last_mut(), &piece)
        {
            if verbatim(text, *span) && verbatim(more, *more_span) && span.end == more_span.start {
                text.push_str(more);
                *span = span.to(*more_span);
                continue;
            }
        }
        out.push(piece);
    }
    out
}
