//! Check stage: the years written in the prose, against the report's own year (`年度`).
//!
//! A final account compares its year with the one before: in a 2019 report, `与2019年相比`
//! (or `比2020年`) compares the year with itself or with the future, and is the prior year's
//! text with one number changed, or a slip. Comparisons with a budget of the same year
//! (`与2019年年初预算相比`) are what a 决算 does, and are not flagged. A year other than the
//! report's written before this year's figures (`2018年度收入合计 {收入.合计}` in a 2019 report)
//! is last year's text left in. Both are J0408.

use crate::ast::*;
use crate::diagnostics::{Code, Diagnostic, Label};
use crate::msg;
use crate::settings::ReportSetting;
use crate::source::Span;

/// A year in the prose that does not fit the report's year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YearMismatch {
    pub span: Span,
    /// The year as written.
    pub written: u32,
    /// The report's year.
    pub year: u32,
    /// Whether the year is what a comparison is made with (else a statement's year).
    pub comparison: bool,
}

impl YearMismatch {
    pub(crate) fn to_diagnostic(&self) -> Diagnostic {
        // Years as written, not as counts (`2019`, never `2,019`).
        let written = self.written.to_string();
        let year = self.year.to_string();
        let prior = self.year.saturating_sub(1).to_string();
        let label = msg!("J0408-label", written = &written, year = &year);
        if self.comparison {
            Diagnostic::new(
                Code::YearMismatch,
                msg!(
                    "J0408-comparison",
                    year = &year,
                    written = &written,
                    prior = &prior
                ),
                Label::new(self.span, label),
            )
            .with_help(msg!("J0408-comparison.help", prior = prior))
        } else {
            Diagnostic::new(
                Code::YearMismatch,
                msg!("J0408-statement", written = written, year = &year),
                Label::new(self.span, label),
            )
            .with_help(msg!("J0408-statement.help", year = year))
        }
    }
}

/// The report's year (`年度`), when it is one.
fn report_year(modules: &[Module]) -> Option<u32> {
    let report = ReportDecl::find(modules)?;
    let text = ReportSetting::Year.find(&report.settings)?.value.text();
    text.trim()
        .parse()
        .ok()
        .filter(|y| (1000..=9999).contains(y))
}

/// Every year of the prose that does not fit the report's year.
pub(crate) fn check(modules: &[Module]) -> Vec<YearMismatch> {
    let mut out = Vec::new();
    let Some(year) = report_year(modules) else {
        return out;
    };
    // The names that reach another year's figures: `上年` blocks and imports.
    let mut other_years: Vec<&str> = vec!["上年", "prior"];
    for module in modules {
        for item in &module.items {
            match item {
                Item::Prior(p) => other_years.push(&p.keyword.text),
                Item::Import(i) => other_years.extend(i.alias.as_ref().map(|a| a.text.as_str())),
                _ => {}
            }
        }
    }
    let context = Context { year, other_years };
    for module in modules.iter().filter(|m| !m.library) {
        for item in &module.items {
            if let Item::Block(block) = item {
                context.block(block, &mut out);
            }
        }
    }
    out
}

struct Context<'a> {
    year: u32,
    other_years: Vec<&'a str>,
}

/// A piece of a paragraph, in order: text, or an interpolation (whether it names another
/// year's figures).
enum Piece<'a> {
    Text(&'a str, Span),
    Value { other_year: bool },
}

/// What may stand before a year that a comparison is made with.
const COMPARING: &[&str] = &["与", "和", "同", "比", "较", "相较于", "对比"];
/// A clause ends at these.
const CLAUSE_ENDS: &[char] = &['，', '。', '；', '！', '？', ',', ';', '\n'];

impl Context<'_> {
    fn block(&self, block: &Block, out: &mut Vec<YearMismatch>) {
        match block {
            Block::Heading(h) => self.inlines(&h.content, out),
            Block::Paragraph(p) => self.inlines(&p.content, out),
            Block::List(list) => list
                .items
                .iter()
                .for_each(|i| self.inlines(&i.content, out)),
            Block::Each(each) => each.body.iter().for_each(|b| self.block(b, out)),
            Block::If(b) => b
                .then_body
                .iter()
                .chain(&b.else_body)
                .for_each(|b| self.block(b, out)),
        }
    }

    fn inlines(&self, inlines: &[Inline], out: &mut Vec<YearMismatch>) {
        let mut pieces = Vec::new();
        self.flatten(inlines, &mut pieces);
        for (k, piece) in pieces.iter().enumerate() {
            if let Piece::Text(text, span) = piece {
                self.text(text, *span, &pieces[k + 1..], out);
            }
        }
    }

    fn flatten<'i>(&self, inlines: &'i [Inline], out: &mut Vec<Piece<'i>>) {
        for inline in inlines {
            match inline {
                Inline::Text(text, span) => out.push(Piece::Text(text, *span)),
                Inline::Strong(inner, _) | Inline::Emphasis(inner, _) => self.flatten(inner, out),
                Inline::SoftBreak(_) => {}
                Inline::Interpolation(i) => out.push(Piece::Value {
                    other_year: self.names_other_year(&i.expr),
                }),
            }
        }
    }

    /// Whether an expression names a figure of another year (`上年.收支总计`).
    fn names_other_year(&self, expr: &Expr) -> bool {
        let mut todo = vec![expr];
        while let Some(e) = todo.pop() {
            match &e.kind {
                ExprKind::Ref(r) => {
                    let first = match r.segments.first() {
                        Some(Segment::Name(n)) => n.text.as_str(),
                        _ => "",
                    };
                    if self.other_years.contains(&first) {
                        return true;
                    }
                }
                _ => e.push_operands(&mut todo),
            }
        }
        false
    }

    /// The years of one text piece; `after` is the rest of the paragraph.
    fn text(&self, text: &str, span: Span, after: &[Piece<'_>], out: &mut Vec<YearMismatch>) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i + 4 <= bytes.len() {
            let four = bytes.get(i..i + 4).unwrap_or_default();
            let is_year = four.iter().all(u8::is_ascii_digit)
                && (i == 0 || !bytes[i - 1].is_ascii_digit() && bytes[i - 1] != b'.')
                && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit);
            if !is_year {
                i += 1;
                continue;
            }
            let rest = text[i + 4..].trim_start_matches([' ', '\u{3000}']);
            let Some(rest) = rest.strip_prefix('年') else {
                i += 4;
                continue;
            };
            let written: u32 = text[i..i + 4].parse().unwrap_or(0);
            let rest = rest.strip_prefix('度').unwrap_or(rest);
            let before = text[..i].trim_end_matches([' ', '\u{3000}']);
            let before = crate::words::simplified(before);
            let comparison = COMPARING.iter().any(|w| before.ends_with(w));
            let year_span = Span::new(
                span.file,
                span.start as usize + i..span.start as usize + i + 4,
            );
            let mismatch = if comparison {
                // A 决算 is compared with its own year's budget; a comparison with the same
                // year's outturn, or a later year, is not what it means.
                let rest = crate::words::simplified(rest);
                let budget = ["年初", "预算", "全年预算"]
                    .iter()
                    .any(|w| rest.starts_with(w));
                written >= self.year && !budget
            } else {
                written != self.year && self.before_this_years_figures(rest, after)
            };
            if mismatch {
                out.push(YearMismatch {
                    span: year_span,
                    written,
                    year: self.year,
                    comparison,
                });
            }
            i += 4;
        }
    }

    /// Whether the clause that `rest` starts goes on to state this year's figures: its next
    /// value (before the clause ends) names no other year's figure.
    fn before_this_years_figures(&self, rest: &str, after: &[Piece<'_>]) -> bool {
        if rest.contains(CLAUSE_ENDS) {
            return false;
        }
        for piece in after {
            match piece {
                Piece::Value { other_year } => return !other_year,
                Piece::Text(text, _) if text.contains(CLAUSE_ENDS) => return false,
                Piece::Text(..) => {}
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Sources;

    fn years(text: &str) -> Vec<(u32, bool)> {
        let mut sources = Sources::new();
        let id = sources.add("t.jues".to_owned(), text.to_owned());
        let (module, errors) = crate::syntax::parse_file(id, sources.get(id), None);
        assert!(errors.is_empty(), "{errors:?}");
        check(&[module])
            .into_iter()
            .map(|m| (m.written, m.comparison))
            .collect()
    }

    const HEAD: &str = "报告 \"t\" {\n  年度 2019\n}\n上年 2018 {\n  a = 1\n}\nb = 2\n";

    #[test]
    fn a_comparison_with_the_year_itself_or_later_is_found() {
        assert_eq!(
            years(&format!("{HEAD}与2019年决算数相比，增加{{b}}。\n")),
            [(2019, true)]
        );
        assert_eq!(
            years(&format!("{HEAD}比 2020 年增加{{b}}。\n")),
            [(2020, true)]
        );
        assert_eq!(
            years(&format!("{HEAD}與2019年相比，增加{{b}}。\n")),
            [(2019, true)]
        );
    }

    #[test]
    fn comparisons_a_final_account_makes_are_not_found() {
        assert!(years(&format!("{HEAD}与2018年相比，增加{{b}}。\n")).is_empty());
        assert!(years(&format!("{HEAD}与2019年年初预算相比，增加{{b}}。\n")).is_empty());
        assert!(years(&format!("{HEAD}比2019年预算数增加{{b}}。\n")).is_empty());
    }

    #[test]
    fn last_years_text_before_this_years_figures_is_found() {
        assert_eq!(
            years(&format!("{HEAD}2018年度收入合计{{b}}万元。\n")),
            [(2018, false)]
        );
        assert!(years(&format!("{HEAD}2019年度收入合计{{b}}万元。\n")).is_empty());
        // The year of another year's figure, or a year in a clause without figures.
        assert!(years(&format!("{HEAD}2018年度收入合计{{上年.a}}万元。\n")).is_empty());
        assert!(years(&format!("{HEAD}截止2020年3月，收入{{b}}万元。\n")).is_empty());
        assert!(years(&format!("{HEAD}共12345年{{b}}。\n")).is_empty());
    }
}
