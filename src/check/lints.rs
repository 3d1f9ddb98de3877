//! Check stage: lints on the prose itself, which need no values: template text left in,
//! a number missing before its unit, amounts typed into the prose of an authored document.

use crate::ast::*;
use crate::diagnostics::{Code, Diagnostic, Label};
use crate::i18n::Message;
use crate::msg;
use crate::source::{FileId, Hidden, Span};

/// A problem in the wording of the prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Lint {
    /// `大于（小于）`, `XX`, `××`.
    Placeholder { span: Span, text: String },
    /// `新增参保单位家`: a counted thing directly followed by its unit.
    MissingNumber {
        span: Span,
        text: String,
        unit: String,
    },
    /// `1149.45万元` typed into prose.
    LiteralInProse { span: Span, text: String },
    /// `檢查 收入.合计 == …`: a line that starts with a declaration keyword written in
    /// traditional script, which the grammar reads as prose.
    TraditionalKeyword {
        span: Span,
        written: String,
        keyword: String,
    },
    /// `支出 ＝ 收入`: a line that starts with a name and a full-width equals sign, which the
    /// grammar reads as prose, not as the figure it defines.
    FullWidthEquals { span: Span, name: String },
    /// `收入.合计 == 支出.合计`, `检查收入.合计 == 支出.合计`: a line that compares figures but does
    /// not start with the keyword `检查` and a space, which the grammar reads as prose, so the
    /// check is never made.
    ComparisonWithoutCheck {
        span: Span,
        operator: String,
        /// Where the line starts (after its indent).
        line_start: usize,
        /// `检查` or `check`, when the line starts with it but no space follows.
        keyword: Option<String>,
    },
    /// A run of characters a reader cannot see (`source::Hidden`), anywhere in a file.
    Hidden {
        span: Span,
        kind: Hidden,
        chars: String,
    },
}

impl Lint {
    /// The wording of this lint as a diagnostic.
    pub(crate) fn to_diagnostic(&self) -> Diagnostic {
        match self {
            Lint::Placeholder { span, text } => Diagnostic::new(
                Code::Placeholder,
                msg!("J0402-placeholder", text = text),
                Label::new(*span, msg!("J0402-placeholder.label")),
            )
            .with_help(msg!("J0402-placeholder.help")),
            Lint::MissingNumber { span, text, unit } => Diagnostic::new(
                Code::MissingNumber,
                msg!("J0403-missing-number", unit = unit, text = text),
                Label::new(*span, msg!("J0403-missing-number.label", unit = unit)),
            )
            .with_help(msg!("J0403-missing-number.help", unit = unit)),
            Lint::LiteralInProse { span, text } => Diagnostic::new(
                Code::LiteralInProse,
                msg!("J0404-literal", text = text),
                Label::new(*span, msg!("J0404-literal.label")),
            )
            .with_help(msg!("J0404-literal.help")),
            Lint::TraditionalKeyword {
                span,
                written,
                keyword,
            } => Diagnostic::new(
                Code::TraditionalKeyword,
                msg!(
                    "J0409-traditional-keyword",
                    written = written,
                    keyword = keyword
                ),
                Label::new(
                    *span,
                    msg!("J0409-traditional-keyword.label", keyword = keyword),
                ),
            )
            .with_fix(
                msg!(
                    "J0409-traditional-keyword.help",
                    written = written,
                    keyword = keyword
                ),
                *span,
                keyword.clone(),
            ),
            Lint::FullWidthEquals { span, name } => Diagnostic::new(
                Code::FullWidthEquals,
                msg!("J0410-full-width-equals", name = name),
                Label::new(*span, msg!("J0410-full-width-equals.label")),
            )
            .with_fix(
                msg!("J0410-full-width-equals.help", name = name),
                *span,
                "=".to_owned(),
            ),
            Lint::ComparisonWithoutCheck {
                span,
                operator,
                line_start,
                keyword,
            } => {
                let file = span.file;
                match keyword {
                    Some(keyword) => {
                        let end = line_start + keyword.len();
                        Diagnostic::new(
                            Code::ComparisonWithoutCheck,
                            msg!("J0411-no-space", operator = operator, keyword = keyword),
                            Label::new(
                                Span::new(file, *line_start..end),
                                msg!("J0411-no-space.label"),
                            ),
                        )
                        .with_fix(
                            msg!("J0411-no-space.help", keyword = keyword),
                            Span::new(file, end..end),
                            " ".to_owned(),
                        )
                    }
                    None => Diagnostic::new(
                        Code::ComparisonWithoutCheck,
                        msg!("J0411-no-keyword", operator = operator),
                        Label::new(*span, msg!("J0411-no-keyword.label")),
                    )
                    .with_fix(
                        msg!("J0411-no-keyword.help"),
                        Span::new(file, *line_start..*line_start),
                        format!("{} ", super::misread::CHECK),
                    ),
                }
            }
            Lint::Hidden { span, kind, chars } => {
                let codes: Vec<String> = chars
                    .chars()
                    .map(|c| format!("U+{:04X}", u32::from(c)))
                    .collect();
                Diagnostic::new(
                    Code::HiddenCharacter,
                    msg!(
                        "J0406-hidden",
                        kind = hidden_kind(*kind),
                        codes = codes.join(" ")
                    ),
                    Label::new(*span, msg!("J0406-hidden.label")),
                )
                .with_help(msg!("J0406-hidden.help"))
            }
        }
    }
}

/// What a kind of hidden character does, in words: "a control character" …
pub(crate) fn hidden_kind(kind: Hidden) -> Message {
    match kind {
        Hidden::Control => msg!("check-hidden-control"),
        Hidden::Direction => msg!("check-hidden-direction"),
        Hidden::Invisible => msg!("check-hidden-invisible"),
        Hidden::Variant => msg!("check-hidden-variant"),
    }
}

/// Two words of opposite sense merged into one by a template: `大小于` (大于 or 小于).
const MERGED: &[&str] = &["大小于", "高低于", "多少于", "增减少", "上下降"];

/// The length in bytes of the placeholder that `window` (simplified script) starts with, if
/// any: a run of `XX`, `××` or `___`, a merged pair (`大小于`), or brackets that are empty
/// (`（  ）`) or hold a direction word (`（减少）`, `(下降)`).
fn placeholder_at(window: &str) -> Option<usize> {
    let first = window.chars().next()?;
    if matches!(first, 'X' | '×' | 'Ｘ' | '_' | '＿') {
        let run: usize = window
            .chars()
            .take_while(|c| matches!(c, 'X' | '×' | 'Ｘ' | '_' | '＿'))
            .map(char::len_utf8)
            .sum();
        let count = window[..run].chars().count();
        let underscores = window[..run].chars().all(|c| c == '_');
        return (count >= 2 && !(underscores && count < 3)).then_some(run);
    }
    if let Some(m) = MERGED.iter().find(|m| window.starts_with(*m)) {
        return Some(m.len());
    }
    let close = match first {
        '（' => '）',
        '(' => ')',
        _ => return None,
    };
    let inner_start = first.len_utf8();
    // Either width closes either width: `(减少）` is as much a placeholder as `（减少）`.
    let (inner_end, found) = window[inner_start..]
        .char_indices()
        .take(8)
        .find(|(_, c)| *c == close || *c == '）' || *c == ')')
        .map(|(i, c)| (inner_start + i, c))?;
    let inner = window[inner_start..inner_end].trim_matches(|c: char| c.is_whitespace());
    (inner.is_empty() || crate::words::is_direction_word(inner))
        .then(|| inner_end + found.len_utf8())
}

/// The characters a placeholder or a count unit starts with.
const PLACEHOLDER_STARTS: &[char] = &[
    '大', '高', '多', '增', '上', '（', '(', 'X', '×', 'Ｘ', '_', '＿',
];
const UNIT_STARTS: &[char] = &[
    '家', '个', '人', '辆', '台', '项', '场', '期', '名', '户', '件',
];

/// Verbs that introduce a count, and nouns that are counted.
const VERBS: &[&str] = &[
    "新增", "增加", "减少", "共有", "累计", "达到", "完成", "实现", "接待", "安排", "招聘", "引进",
    "认定", "参保",
];
const NOUNS: &[&str] = &[
    "单位", "企业", "人员", "团组", "车辆", "项目", "人数", "机构", "设备",
];
const COUNT_UNITS: &[&str] = &[
    "家", "个", "人次", "人", "辆", "台", "项", "场", "期", "名", "户", "件",
];
const MONEY_UNITS: &[&str] = &["亿元", "万元", "千元", "元", "%", "％", "‰"];

/// Lints every piece of prose in `modules`.
pub(crate) fn lint(modules: &[Module], transcribed: bool) -> Vec<Lint> {
    let mut lints = Vec::new();
    for module in modules {
        for item in &module.items {
            if let Item::Block(block) = item {
                lint_block(block, transcribed, &mut lints);
            }
        }
    }
    lints
}

fn lint_block(block: &Block, transcribed: bool, out: &mut Vec<Lint>) {
    match block {
        Block::Heading(h) => lint_inlines(&h.content, transcribed, out),
        Block::Paragraph(p) => lint_inlines(&p.content, transcribed, out),
        Block::List(list) => list
            .items
            .iter()
            .for_each(|i| lint_inlines(&i.content, transcribed, out)),
        Block::Each(each) => each
            .body
            .iter()
            .for_each(|b| lint_block(b, transcribed, out)),
        Block::If(b) => b
            .then_body
            .iter()
            .chain(&b.else_body)
            .for_each(|b| lint_block(b, transcribed, out)),
    }
}

fn lint_inlines(inlines: &[Inline], transcribed: bool, out: &mut Vec<Lint>) {
    for inline in inlines {
        match inline {
            Inline::Text(text, span) => lint_text(text, *span, transcribed, out),
            Inline::Strong(inner, _) | Inline::Emphasis(inner, _) => {
                lint_inlines(inner, transcribed, out)
            }
            Inline::SoftBreak(_) | Inline::Interpolation(_) => {}
        }
    }
}

fn at(span: Span, start: usize, len: usize) -> Span {
    let s = span.start as usize + start;
    Span::new(span.file, s..s + len)
}

fn lint_text(original: &str, span: Span, transcribed: bool, out: &mut Vec<Lint>) {
    // Words are compared in simplified script (`萬元` is `万元`, `大小於` is `大小于`); the
    // bytes of a character keep their length in either script, so a place in `text` is a place
    // in `original`, which the messages quote.
    let text: &str = &crate::words::simplified(original);
    // Placeholders. Only a few characters can start one, so the others are passed over.
    let mut covered = 0;
    for (i, c) in text.char_indices() {
        if i < covered || !PLACEHOLDER_STARTS.contains(&c) {
            continue;
        }
        let window_end = text[i..]
            .char_indices()
            .nth(12)
            .map_or(text.len(), |(j, _)| i + j);
        let Some(len) = placeholder_at(&text[i..window_end]) else {
            continue;
        };
        // `增加（减少）`: the word before the brackets belongs to the placeholder.
        let mut start = i;
        if matches!(c, '（' | '(') {
            if let Some(word) = crate::words::ends_with_direction_word(&text[..i]) {
                start = i - word.len();
            }
        }
        out.push(Lint::Placeholder {
            span: at(span, start, i + len - start),
            text: original[start..i + len].to_owned(),
        });
        covered = i + len;
    }

    // A counted noun followed directly by its unit and punctuation: `新增参保单位家，`.
    for (i, c) in text.char_indices() {
        if !UNIT_STARTS.contains(&c) {
            continue;
        }
        let rest = &text[i..];
        let Some(unit) = COUNT_UNITS.iter().find(|u| rest.starts_with(*u)) else {
            continue;
        };
        let after = rest[unit.len()..].chars().next();
        if !after.is_none_or(|c| "，。；、,;：:）)".contains(c)) {
            continue;
        }
        let before = &text[..i];
        let Some(noun) = NOUNS.iter().find(|n| before.ends_with(*n)) else {
            continue;
        };
        let window_start = before.char_indices().rev().nth(8).map_or(0, |(j, _)| j);
        let window = &before[window_start..before.len() - noun.len()];
        if let Some(verb) = VERBS
            .iter()
            .filter_map(|v| window.find(v).map(|p| (p, v)))
            .min()
        {
            let start = window_start + verb.0;
            let end = i + unit.len();
            out.push(Lint::MissingNumber {
                span: at(span, start, end - start),
                text: original[start..end].to_owned(),
                unit: original[i..i + unit.len()].to_owned(),
            });
        }
    }

    // Amounts and percentages typed into an authored document.
    if transcribed {
        return;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit()
            || (i > 0 && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b'.'))
        {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
            i += 1;
        }
        let number_end = i;
        let gap = text[i..].len() - text[i..].trim_start_matches(' ').len();
        if let Some(unit) = MONEY_UNITS.iter().find(|u| text[i + gap..].starts_with(*u)) {
            let end = i + gap + unit.len();
            out.push(Lint::LiteralInProse {
                span: at(span, start, end - start),
                text: original[start..end].to_owned(),
            });
            i = end;
        } else {
            i = number_end;
        }
    }
}

/// Every run of hidden characters in `text`, the whole of file `file` (prose, names, strings
/// and comments alike: a direction control in a comment can make the line after it look like
/// other code). A byte-order mark at the start is the file's encoding, not text.
pub(crate) fn hidden_characters(file: FileId, text: &str) -> Vec<Lint> {
    let mut lints: Vec<Lint> = Vec::new();
    let mut last_end = usize::MAX;
    for (i, c, kind) in crate::source::hidden_at(text) {
        if i == 0 && c == '\u{feff}' {
            continue;
        }
        let end = i + c.len_utf8();
        match lints.last_mut() {
            Some(Lint::Hidden {
                span,
                kind: k,
                chars,
            }) if last_end == i && *k == kind => {
                span.end = u32::try_from(end).unwrap_or(u32::MAX);
                chars.push(c);
            }
            _ => lints.push(Lint::Hidden {
                span: Span::new(file, i..end),
                kind,
                chars: c.to_string(),
            }),
        }
        last_end = end;
    }
    lints
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lints(text: &str) -> Vec<Lint> {
        let mut out = Vec::new();
        lint_text(text, Span::default(), false, &mut out);
        out
    }

    #[test]
    fn finds_the_seed_report_problems() {
        assert!(
            matches!(&lints("决算数大于（小于）年初预算数")[..], [Lint::Placeholder { text, .. }] if text == "大于（小于）")
        );
        // Brackets of mixed width, and empty ones.
        assert!(
            matches!(&lints("增加(减少）")[..], [Lint::Placeholder { text, .. }] if text == "增加(减少）")
        );
        assert!(matches!(&lints("(）")[..], [Lint::Placeholder { text, .. }] if text == "(）"));
        let placeholders = |text: &str| -> Vec<String> {
            lints(text)
                .into_iter()
                .filter_map(|l| match l {
                    Lint::Placeholder { text, .. } => Some(text),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(placeholders("决算数大小於年初预算数"), ["大小於"]);
        assert_eq!(
            placeholders("支出增加(減少)，收入上升（下降）"),
            ["增加(減少)", "上升（下降）"]
        );
        assert_eq!(placeholders("主要原因是（  ）。"), ["（  ）"]);
        assert_eq!(
            placeholders("收入XX万元，支出××万元，人数___人"),
            ["XX", "××", "___"]
        );
        assert_eq!(placeholders("增（减）"), ["增（减）"]);
        // Brackets that hold anything else, and single letters, are prose.
        assert!(placeholders("政府办公厅（室）及相关机构、A级、X光机（项）").is_empty());
        assert!(placeholders("my_name").is_empty());
        assert!(
            matches!(&lints("其中，今年新增参保单位家，全年")[..], [Lint::MissingNumber { text, .. }] if text == "新增参保单位家")
        );
        assert!(lints("引进专家，国家级").is_empty());
        assert!(
            matches!(&lints("收入 1149.45 万元，2019 年")[..], [Lint::LiteralInProse { text, .. }] if text == "1149.45 万元")
        );
    }
}
