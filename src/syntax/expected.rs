//! Syntax stage: grammar rules named in the words of the language reference, for syntax errors.

use super::grammar::Rule;
use crate::i18n::{Arg, Message};
use crate::msg;

/// What the grammar would have accepted, in the words of a syntax error: a token (`` `}` ``),
/// a keyword (`` `其中` ``) or a kind of thing ("a name", "the end of the line"). Each is a
/// message of `syntax.ftl` ([`Expected::message`]).
///
/// The order is the order of their English words (a test holds it to that), the order a
/// syntax error lists them in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Expected {
    Exact,
    LParen,
    RParen,
    Star,
    Comma,
    Minus,
    Dot,
    Colon,
    Eq,
    Stated,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    As,
    Where,
    Else,
    If,
    Format,
    From,
    Each,
    ColumnsLine,
    CellValue,
    Code,
    RowSelector,
    Column,
    Figure,
    FormatOption,
    Name,
    Number,
    Paragraph,
    Quoted,
    Row,
    Setting,
    TableName,
    Unit,
    Expression,
    Operator,
    Text,
    EndOfLine,
}

impl Expected {
    /// Its words.
    pub fn message(self) -> Message {
        use Expected as E;
        let token = |token: &str| msg!("syntax-token", token = token);
        match self {
            E::Exact => token("!"),
            E::LParen => token("("),
            E::RParen => token(")"),
            E::Star => token("*"),
            E::Comma => token(","),
            E::Minus => token("-"),
            E::Dot => token("."),
            E::Colon => token(":"),
            E::Eq => token("="),
            E::Stated => msg!("syntax-expected-stated"),
            E::LBracket => token("["),
            E::RBracket => token("]"),
            E::LBrace => token("{"),
            E::RBrace => token("}"),
            E::As => token("为"),
            E::Where => token("其中"),
            E::Else => token("否则"),
            E::If => token("如果"),
            E::Format => msg!("syntax-expected-format"),
            E::From => token("来自"),
            E::Each => token("每行"),
            E::ColumnsLine => msg!("syntax-expected-columns-line"),
            E::CellValue => msg!("syntax-expected-cell-value"),
            E::Code => msg!("syntax-expected-code"),
            E::RowSelector => msg!("syntax-expected-row-selector"),
            E::Column => msg!("syntax-expected-column"),
            E::Figure => msg!("syntax-expected-figure"),
            E::FormatOption => msg!("syntax-expected-format-option"),
            E::Name => msg!("syntax-expected-name"),
            E::Number => msg!("syntax-expected-number"),
            E::Paragraph => msg!("syntax-expected-paragraph"),
            E::Quoted => msg!("syntax-expected-quoted"),
            E::Row => msg!("syntax-expected-row"),
            E::Setting => msg!("syntax-expected-setting"),
            E::TableName => msg!("syntax-expected-table-name"),
            E::Unit => msg!("syntax-expected-unit"),
            E::Expression => msg!("syntax-expected-expression"),
            E::Operator => msg!("syntax-expected-operator"),
            E::Text => msg!("syntax-expected-text"),
            E::EndOfLine => msg!("syntax-end-of-line"),
        }
    }

    /// Alternatives in words: "a, b or c" in English, "a、b或c" in Chinese; empty for none.
    pub fn alternatives(items: &[Expected]) -> Message {
        match items {
            [] => Message::empty(),
            [one] => one.message(),
            [init @ .., last] => msg!(
                "syntax-alternatives",
                init = Arg::list(init.iter().map(|e| e.message())),
                last = last.message(),
            ),
        }
    }
}

/// What a rule stands for in an error message, or `None` for rules that only make noise
/// there (inner pieces of a token, whose enclosing rule is named instead).
pub(super) fn describe(rule: Rule) -> Option<Expected> {
    use Expected as E;
    use Rule as R;
    Some(match rule {
        R::lbrace => E::LBrace,
        R::rbrace => E::RBrace,
        R::lparen => E::LParen,
        R::rparen => E::RParen,
        R::lbracket => E::LBracket,
        R::rbracket => E::RBracket,
        R::eq => E::Eq,
        R::comma => E::Comma,
        R::colon => E::Colon,
        R::dot => E::Dot,
        R::ident | R::quoted_ident | R::name | R::name_path => E::Name,
        R::string => E::Quoted,
        R::literal | R::number => E::Number,
        R::unit | R::unit_word => E::Unit,
        R::code => E::Code,
        R::expr | R::operand | R::reference | R::argument => E::Expression,
        R::path => E::TableName,
        R::arguments => E::LParen,
        R::neg => E::Minus,
        R::cmp_op | R::add_op | R::mul_op => E::Operator,
        R::row_selector => E::RowSelector,
        R::setting | R::setting_value => E::Setting,
        R::figure | R::nested_group => E::Figure,
        R::columns => E::ColumnsLine,
        R::column => E::Column,
        R::row | R::row_label => E::Row,
        R::cell | R::named_cell | R::empty_cell => E::CellValue,
        R::stated => E::Stated,
        R::format | R::format_kw => E::Format,
        R::format_option => E::FormatOption,
        R::where_kw => E::Where,
        R::from_kw => E::From,
        R::as_kw => E::As,
        R::else_kw => E::Else,
        R::each_kw => E::Each,
        R::if_kw => E::If,
        R::eol => E::EndOfLine,
        R::EOI | R::end_of_file => E::EndOfLine,
        R::interpolation => E::LBrace,
        R::strong | R::emphasis => E::Star,
        R::text | R::inner_text | R::escape | R::stray_star | R::soft_break => E::Text,
        R::heading | R::paragraph | R::list_item | R::each_block | R::if_block => E::Paragraph,
        R::exact => E::Exact,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_order_is_the_order_of_the_english_words() {
        // Every word a rule stands for, in the order of the variants.
        let mut all: Vec<Expected> = Rule::all_rules()
            .iter()
            .filter_map(|r| describe(*r))
            .collect();
        all.sort();
        all.dedup();
        let english: Vec<String> = all.iter().map(|e| e.message().text(Lang::En)).collect();
        let mut by_words = english.clone();
        by_words.sort();
        by_words.dedup();
        assert_eq!(
            english, by_words,
            "the variants are in the order of their English"
        );
    }

    #[test]
    fn alternatives_are_joined_as_each_language_joins_them() {
        use Expected as E;
        let words = |items: &[Expected], lang| Expected::alternatives(items).text(lang);
        assert_eq!(words(&[], Lang::En), "");
        assert_eq!(words(&[E::Name], Lang::En), "a name");
        assert_eq!(
            words(&[E::RBrace, E::Name, E::EndOfLine], Lang::En),
            "`}`, a name or the end of the line"
        );
        assert_eq!(
            words(&[E::RBrace, E::Name, E::EndOfLine], Lang::Zh),
            "`}`、名称或行尾"
        );
    }
}
