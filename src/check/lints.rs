//! Check stage: lints on the prose itself, which need no values: template text left in,
//! a number missing before its unit, amounts typed into the prose of an authored document.

use crate::ast::*;
use crate::diagnostics::{Code, Diagnostic, Label};
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
                format!("template text left in: `{text}`"),
                Label::new(*span, "placeholder"),
            )
            .with_help("keep the alternative that is true, or let jues choose it with `@如果 条件 { … } 否则 { … }`"),
            Lint::MissingNumber { span, text, unit } => Diagnostic::new(
                Code::MissingNumber,
                format!("a number is missing before `{unit}` in `{text}`"),
                Label::new(*span, format!("how many {unit}?")),
            )
            .with_help(format!("write the number before `{unit}`, or refer to a figure: `{{名称}}{unit}`")),
            Lint::LiteralInProse { span, text } => Diagnostic::new(
                Code::LiteralInProse,
                format!("`{text}` is typed into the prose and is not checked"),
                Label::new(*span, "unchecked number"),
            )
            .with_help("refer to a figure (`{名称}`) or state it (`{名称 = 数值}`); in a transcribed report set `转录 是`"),
            Lint::Hidden { span, kind, chars } => {
                let codes: Vec<String> = chars.chars().map(|c| format!("U+{:04X}", u32::from(c))).collect();
                Diagnostic::new(
                    Code::HiddenCharacter,
                    format!("{} in the text ({}): what is shown is not what is checked", kind.describe(), codes.join(" ")),
                    Label::new(*span, "hidden here"),
                )
                .with_help("delete it: retype the words around it")
            }
        }
    }
}

/// Template alternatives and placeholders.
const PLACEHOLDERS: &[&str] = &[
    "大于（小于）",
    "大于(小于)",
    "增加（减少）",
    "增加(减少)",
    "增长（下降）",
    "增长(下降)",
    "高于（低于）",
    "高于(低于)",
    "（小于）",
    "(小于)",
    "（减少）",
    "(减少)",
    "（下降）",
    "(下降)",
    "XX",
    "××",
    "ＸＸ",
];

/// The characters a placeholder or a count unit starts with.
const PLACEHOLDER_STARTS: &[char] = &['大', '增', '高', '（', '(', 'X', '×', 'Ｘ'];
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

fn lint_text(text: &str, span: Span, transcribed: bool, out: &mut Vec<Lint>) {
    // Placeholders: the longest match at each place, once. Only a few characters can start
    // one, so the others are passed over without comparing.
    let mut covered = 0;
    for (i, c) in text.char_indices() {
        if i < covered || !PLACEHOLDER_STARTS.contains(&c) {
            continue;
        }
        if let Some(p) = PLACEHOLDERS.iter().find(|p| text[i..].starts_with(*p)) {
            out.push(Lint::Placeholder {
                span: at(span, i, p.len()),
                text: (*p).to_owned(),
            });
            covered = i + p.len();
        }
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
                text: text[start..end].to_owned(),
                unit: (*unit).to_owned(),
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
                text: text[start..end].to_owned(),
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
        assert!(
            matches!(&lints("其中，今年新增参保单位家，全年")[..], [Lint::MissingNumber { text, .. }] if text == "新增参保单位家")
        );
        assert!(lints("引进专家，国家级").is_empty());
        assert!(
            matches!(&lints("收入 1149.45 万元，2019 年")[..], [Lint::LiteralInProse { text, .. }] if text == "1149.45 万元")
        );
    }
}
