//! Syntax stage: grammar rules named in the words of the language reference, for syntax errors.

use super::grammar::Rule;

/// What a rule stands for in an error message, or `None` for rules that only make noise
/// there (inner pieces of a token, whose enclosing rule is named instead).
pub(super) fn describe(rule: Rule) -> Option<&'static str> {
    use Rule as R;
    Some(match rule {
        R::lbrace => "`{`",
        R::rbrace => "`}`",
        R::lparen => "`(`",
        R::rparen => "`)`",
        R::lbracket => "`[`",
        R::rbracket => "`]`",
        R::eq => "`=`",
        R::comma => "`,`",
        R::colon => "`:`",
        R::dot => "`.`",
        R::ident | R::quoted_ident | R::name | R::name_path => "a name",
        R::string => "a quoted text (`\"…\"`)",
        R::literal | R::number => "a number",
        R::unit | R::unit_word => "a unit",
        R::code => "a classification code",
        R::expr | R::operand | R::reference | R::argument => "an expression",
        R::path => "a table name",
        R::arguments => "`(`",
        R::neg => "`-`",
        R::cmp_op | R::add_op | R::mul_op => "an operator",
        R::row_selector => "a code or a quoted row label",
        R::setting | R::setting_value => "a setting (`名称 值`)",
        R::figure | R::nested_group => "a figure (`名称 = 值`)",
        R::columns => "a `列` line",
        R::column => "a column (`名称: 类型` or `名称 = 公式`)",
        R::row | R::row_label => "a row",
        R::cell | R::named_cell | R::empty_cell => "a cell value",
        R::stated => "`=` and the stated value",
        R::format | R::format_kw => "`按` and a format",
        R::format_option => "a format option",
        R::where_kw => "`其中`",
        R::from_kw => "`来自`",
        R::as_kw => "`为`",
        R::else_kw => "`否则`",
        R::each_kw => "`每行`",
        R::if_kw => "`如果`",
        R::eol => "the end of the line",
        R::EOI | R::end_of_file => "the end of the line",
        R::interpolation => "`{`",
        R::strong | R::emphasis => "`*`",
        R::text | R::inner_text | R::escape | R::stray_star | R::soft_break => "text",
        R::heading | R::paragraph | R::list_item | R::each_block | R::if_block => "a paragraph",
        R::exact => "`!`",
        _ => return None,
    })
}
