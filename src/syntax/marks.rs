//! Syntax stage: what the formatter asks of the grammar, so that it never reads `.jues` text
//! on its own: where the comments are, which characters are text that must stay as written,
//! and whether a name may stand without corner brackets.

use super::grammar::{JuesParser, Rule};
use super::parse::{deep_places, start_of};
use crate::source::{FileId, Span};
use pest::Parser;

/// The marks of a text that parses: its comments, and its strings and escapes.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// Every comment, in order: the span of its text after `//`, to the end of its line.
    pub comments: Vec<Span>,
    /// Strings (`"…"`, which may hold spaces before a line break) and the escapes of prose
    /// (`\ `): their characters are text, so trailing spaces in them are not trimmed.
    pub literal: Vec<Span>,
}

/// The marks of `text`, read from the same parse as [`super::parse`] (rule `item_or_end`, item
/// by item); `None` when the text does not parse (a syntax error, or nesting past the limit).
pub fn marks(file: FileId, text: &str) -> Option<Marks> {
    if !deep_places(text).is_empty() {
        return None;
    }
    let mut marks = Marks::default();
    let mut pos = start_of(text);
    loop {
        let input = text.get(pos..)?;
        let top = JuesParser::parse(Rule::item_or_end, input).ok()?.next()?;
        let end = pos + top.as_span().end();
        let mut done = false;
        for pair in top.into_inner().flatten() {
            let span = pair.as_span();
            let span = Span::new(file, pos + span.start()..pos + span.end());
            match pair.as_rule() {
                Rule::comment_text => marks.comments.push(span),
                Rule::string | Rule::escape => marks.literal.push(span),
                Rule::end_of_file => done = true,
                _ => {}
            }
        }
        if done || end == pos {
            return Some(marks);
        }
        pos = end;
    }
}

/// Where a name stands, for [`needs_quotes`]: the places where the grammar tries a keyword
/// before a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamePlace {
    /// The key of a `报告` setting: `列` starts a column line.
    ReportSetting,
    /// The key of a `表` setting: `列` starts a column line, `合计` and `小计` a row.
    TableSetting,
    /// A function called in an expression: `待填` is the placeholder.
    Function,
    /// Anywhere else a name stands.
    Other,
}

/// Whether the name `text` must be written in corner brackets (`「…」`) at `place`: exactly
/// when the grammar would not read it bare there, that is when it is not an `ident` or is a
/// keyword the grammar reads first at that place.
pub fn needs_quotes(text: &str, place: NamePlace) -> bool {
    let keywords: &[Rule] = match place {
        NamePlace::ReportSetting => &[Rule::column_kw],
        NamePlace::TableSetting => &[Rule::column_kw, Rule::total_kw, Rule::subtotal_kw],
        NamePlace::Function => &[Rule::placeholder],
        NamePlace::Other => &[],
    };
    !reads_whole(Rule::ident, text) || keywords.iter().any(|&rule| reads_whole(rule, text))
}

/// Whether `rule` matches all of `text`.
fn reads_whole(rule: Rule, text: &str) -> bool {
    JuesParser::parse(rule, text)
        .ok()
        .and_then(|mut pairs| pairs.next())
        .is_some_and(|pair| pair.as_span().end() == text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_bare_exactly_when_the_grammar_reads_it_bare() {
        for bare in ["收入", "x", "_a", "a1", "合计", "列表"] {
            assert!(!needs_quotes(bare, NamePlace::Other), "{bare}");
        }
        for quoted in ["x²", "1a", "a b", "因公出国(境)费", "a-b", ""] {
            assert!(needs_quotes(quoted, NamePlace::Other), "{quoted}");
        }
        assert!(needs_quotes("列", NamePlace::ReportSetting));
        assert!(!needs_quotes("列表", NamePlace::ReportSetting));
        assert!(needs_quotes("合计", NamePlace::TableSetting));
        assert!(needs_quotes("subtotal", NamePlace::TableSetting));
        assert!(!needs_quotes("合计", NamePlace::ReportSetting));
        assert!(needs_quotes("待填", NamePlace::Function));
        assert!(!needs_quotes("待填", NamePlace::Other));
    }

    #[test]
    fn every_comment_is_marked_and_nothing_in_a_string() {
        let text = "报告 \"a//b\" { // 一\n  单位 \"x\\\\\" // 二\n}\n// 三\n「a\"b」 = 1 // 四\n甲 http://x\n// 五\n乙\n";
        let marks = marks(FileId(0), text).unwrap();
        let comments: Vec<&str> = marks.comments.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(comments, [" 一", " 二", " 三", " 四", " 五"]);
        assert_eq!(marks.literal.len(), 2);
    }
}
