//! Words as a reader compares them, in one place: the two scripts as one (a report published
//! in 繁體 says 減少 where another says 减少), width and white space aside, and the vocabulary of
//! change (增加, 下降, 压减, 降幅 …) that gives a stated value its sign.
//!
//! Script conversion is OpenCC's traditional-to-simplified table (the `ferrous-opencc` crate).
//! [`simplified`] keeps every character's byte length, so a span found in the converted text is
//! a span of the original: diagnostics point at what the author wrote.

mod gb2312;

use std::borrow::Cow;
use std::sync::OnceLock;

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;
use unicode_normalization::UnicodeNormalization;

fn converter() -> Option<&'static OpenCC> {
    static CONVERTER: OnceLock<Option<OpenCC>> = OnceLock::new();
    CONVERTER
        .get_or_init(|| OpenCC::from_config(BuiltinConfig::T2s).ok())
        .as_ref()
}

/// `text` in simplified script, each character converted in its context (乾淨 → 干净, but 乾隆
/// stays), with the same byte length as `text`: a character whose simplified form is longer or
/// shorter in UTF-8 is kept as written. Text that is simplified already is returned as it is.
pub(crate) fn simplified(text: &str) -> Cow<'_, str> {
    if !may_be_traditional(text) {
        return Cow::Borrowed(text);
    }
    let Some(cc) = converter() else {
        return Cow::Borrowed(text);
    };
    let converted = cc.convert(text);
    if converted == text {
        return Cow::Borrowed(text);
    }
    if converted.chars().count() == text.chars().count() {
        let kept: String = text
            .chars()
            .zip(converted.chars())
            .map(|(a, b)| if a.len_utf8() == b.len_utf8() { b } else { a })
            .collect();
        return Cow::Owned(kept);
    }
    // A phrase rule changed the number of characters: convert character by character.
    let mut out = String::with_capacity(text.len());
    let mut buffer = [0u8; 4];
    for c in text.chars() {
        let alone = cc.convert(c.encode_utf8(&mut buffer));
        let mut chars = alone.chars();
        match (chars.next(), chars.next()) {
            (Some(s), None) if s.len_utf8() == c.len_utf8() => out.push(s),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The hanzi of GB2312 (the character set of simplified script) that OpenCC still converts:
/// traditional forms GB2312 keeps for other uses. A test derives this list from OpenCC.
const GB2312_CONVERTED: &[char] = &[
    '乾', '菸', '薹', '捱', '摺', '吒', '後', '徵', '夥', '甯', '榘', '於', '麴', '醣', '麽',
];

/// Whether `text` may hold traditional script: an ideograph outside GB2312's hanzi, or one of
/// [`GB2312_CONVERTED`]. Text in simplified script, the common case, is then never converted
/// (conversion looks up every position in OpenCC's dictionaries).
fn may_be_traditional(text: &str) -> bool {
    // One pass; every character of GB2312_CONVERTED is an ideograph (a test holds it to that).
    text.chars()
        .any(|c| is_ideograph(c) && (!gb2312::contains(c) || GB2312_CONVERTED.contains(&c)))
}

fn is_ideograph(c: char) -> bool {
    matches!(u32::from(c), 0x3400..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x323af)
}

/// `text` as labels, headers and names of codes are compared: NFKC (full-width letters and
/// digits as ASCII, `（` as `(`), simplified script, without any white space (`合　計` is
/// `合计`, `項    目` is `项目`).
pub(crate) fn key(text: &str) -> String {
    let narrow: String = text.nfkc().filter(|c| !c.is_whitespace()).collect();
    simplified(&narrow).into_owned()
}

/// Whether a row's label marks it as a part of the row above (`其中：公务用车购置费`, either
/// script, either width of colon).
pub(crate) fn part_label(label: &str) -> bool {
    key(label).starts_with("其中")
}

/// Whether a name is the total row's (`Some(false)`: 合计, 總計, total) or a subtotal's
/// (`Some(true)`: 小计, 小計, subtotal): the words of the grammar's `total_kw` and `subtotal_kw`.
pub(crate) fn total_word(name: &str) -> Option<bool> {
    match name {
        "合计" | "合計" | "总计" | "總計" | "total" => Some(false),
        "小计" | "小計" | "subtotal" => Some(true),
        _ => None,
    }
}

/// Which way a word says a value went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sense {
    Up,
    Down,
}

/// A direction word found before a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Direction {
    pub sense: Sense,
    /// The word as written (traditional script kept), and its byte range in the text searched.
    pub written: String,
    pub range: std::ops::Range<usize>,
    /// The word of the other direction, in simplified script, for the help line.
    pub opposite: &'static str,
}

/// How a word of the lexicon may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Use {
    /// A verb or adjective of change: `减少`, `压减`, `高于`.
    Verb,
    /// A single character that is a direction only after a comparison in the same clause
    /// (`比上年增5%`, `较上年少12人`), never after 最/至 (`最多`, `至少`).
    Short,
    /// A noun of the size of a change: `降幅`, `增长率`, `减少额`.
    Noun,
}

/// The vocabulary of change: (word, sense, opposite, use). Collected from how 部门决算 and 部门
/// 预算 reports word a change; the longest word at the end of the text wins (`增长` over `长`).
const LEXICON: &[Entry] = {
    use Sense::{Down, Up};
    use Use::{Noun, Short, Verb};
    &[
        // Up.
        ("增加", Up, "减少", Verb),
        ("增长", Up, "下降", Verb),
        ("增多", Up, "减少", Verb),
        ("增大", Up, "减小", Verb),
        ("上升", Up, "下降", Verb),
        ("上涨", Up, "下降", Verb),
        ("提高", Up, "降低", Verb),
        ("提升", Up, "降低", Verb),
        ("扩大", Up, "缩小", Verb),
        ("攀升", Up, "回落", Verb),
        ("上调", Up, "下调", Verb),
        ("调增", Up, "调减", Verb),
        ("追加", Up, "减少", Verb),
        ("净增", Up, "净减", Verb),
        ("增收", Up, "减收", Verb),
        ("增支", Up, "减支", Verb),
        ("多支", Up, "少支", Verb),
        ("多收", Up, "少收", Verb),
        ("超支", Up, "节约", Verb),
        ("超过", Up, "低于", Verb),
        ("超出", Up, "低于", Verb),
        ("高出", Up, "低于", Verb),
        ("多出", Up, "少于", Verb),
        ("大于", Up, "小于", Verb),
        ("高于", Up, "低于", Verb),
        ("多于", Up, "少于", Verb),
        ("增", Up, "减", Short),
        ("升", Up, "降", Short),
        ("涨", Up, "跌", Short),
        ("多", Up, "少", Short),
        ("高", Up, "低", Short),
        ("超", Up, "低", Short),
        ("增幅", Up, "降幅", Noun),
        ("涨幅", Up, "降幅", Noun),
        ("升幅", Up, "降幅", Noun),
        ("增速", Up, "降幅", Noun),
        ("增长率", Up, "下降率", Noun),
        ("增长幅度", Up, "下降幅度", Noun),
        ("增加幅度", Up, "减少幅度", Noun),
        ("提高幅度", Up, "降低幅度", Noun),
        ("上升幅度", Up, "下降幅度", Noun),
        ("增加额", Up, "减少额", Noun),
        ("增长额", Up, "减少额", Noun),
        ("增加数", Up, "减少数", Noun),
        ("增量", Up, "减量", Noun),
        // Down.
        ("减少", Down, "增加", Verb),
        ("减小", Down, "增大", Verb),
        ("减低", Down, "提高", Verb),
        ("下降", Down, "增长", Verb),
        ("降低", Down, "提高", Verb),
        ("下调", Down, "上调", Verb),
        ("调减", Down, "调增", Verb),
        ("压减", Down, "增加", Verb),
        ("压缩", Down, "增加", Verb),
        ("缩减", Down, "增加", Verb),
        ("削减", Down, "增加", Verb),
        ("核减", Down, "核增", Verb),
        ("缩小", Down, "扩大", Verb),
        ("回落", Down, "上升", Verb),
        ("下滑", Down, "上升", Verb),
        ("下跌", Down, "上涨", Verb),
        ("净减", Down, "净增", Verb),
        ("减收", Down, "增收", Verb),
        ("减支", Down, "增支", Verb),
        ("少支", Down, "多支", Verb),
        ("少收", Down, "多收", Verb),
        ("短收", Down, "超收", Verb),
        ("节约", Down, "超支", Verb),
        ("节省", Down, "超支", Verb),
        ("节支", Down, "超支", Verb),
        ("不足", Down, "超过", Verb),
        ("小于", Down, "大于", Verb),
        ("低于", Down, "高于", Verb),
        ("少于", Down, "多于", Verb),
        ("减", Down, "增", Short),
        ("降", Down, "升", Short),
        ("跌", Down, "涨", Short),
        ("少", Down, "多", Short),
        ("低", Down, "高", Short),
        ("降幅", Down, "增幅", Noun),
        ("减幅", Down, "增幅", Noun),
        ("跌幅", Down, "涨幅", Noun),
        ("下降率", Down, "增长率", Noun),
        ("降低率", Down, "提高率", Noun),
        ("下降幅度", Down, "增长幅度", Noun),
        ("减少幅度", Down, "增加幅度", Noun),
        ("降低幅度", Down, "提高幅度", Noun),
        ("缩减幅度", Down, "增加幅度", Noun),
        ("减少额", Down, "增加额", Noun),
        ("减少数", Down, "增加数", Noun),
        ("减量", Down, "增量", Noun),
    ]
};

/// Written between a word and its value without changing what it says: `增长了5%`,
/// `降幅为3%`, `增加约2万元`, `减少：4万元`.
const FILLERS: &[&str] = &["了", "约", "近", "达", "为", "是", "：", ":", "共", "计"];

/// After a verb of change, the value is the new level, not the change (`增加到`, `降至`,
/// `减为`): nothing is said of a sign.
const TO_LEVEL: &[&str] = &["到", "至", "为", "成"];

/// Marks of a comparison, which a single-character word needs in its clause.
const COMPARISONS: &[&str] = &["比", "较", "相比", "同比", "环比"];

/// What a clause may end with before the value: everything after the last of these is one
/// clause.
const CLAUSE_ENDS: &[char] = &['，', '。', '；', ',', ';', '！', '？', '\n'];

/// The direction word at the end of `text` (the text before a value), if any. A word the
/// lexicon does not know, or a value that is a level (`增加到`), gives `None`: nothing is then
/// said about the value's sign.
pub(crate) fn direction_before(text: &str) -> Option<Direction> {
    // The last clause, at most 24 characters: enough for any word and its comparison.
    let clause_start = text
        .char_indices()
        .rev()
        .find(|(_, c)| CLAUSE_ENDS.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let start = text[clause_start..]
        .char_indices()
        .rev()
        .nth(23)
        .map_or(clause_start, |(i, _)| clause_start + i);
    let tail = &text[start..];
    let folded = simplified(tail);
    let folded: &str = &folded;

    // Fillers after the word (unless the word ends with one: 节约), and whether the value is
    // a level.
    let mut end = folded.trim_end().len();
    let mut level = false;
    let (word, sense, opposite, use_) = loop {
        let before = &folded[..end];
        if let Some(entry) = longest_word_at_end(before) {
            break entry;
        }
        let f = FILLERS
            .iter()
            .chain(TO_LEVEL)
            .find(|f| before.ends_with(*f))?;
        level |= TO_LEVEL.contains(f);
        end = folded[..end - f.len()].trim_end().len();
    };
    let word_start = end - word.len();
    match use_ {
        // `增加到100万元`, `降至3%`: a level. A noun takes `为` as a filler (`降幅为3%`).
        Use::Verb | Use::Short if level => return None,
        Use::Short => {
            let head = &folded[..word_start];
            let after_limit = head.ends_with('最') || head.ends_with('至') || head.ends_with('之');
            if after_limit || !COMPARISONS.iter().any(|c| head.contains(c)) {
                return None;
            }
        }
        Use::Verb | Use::Noun => {}
    }
    Some(Direction {
        sense: *sense,
        written: tail[word_start..end].to_owned(),
        range: start + word_start..start + end,
        opposite,
    })
}

/// The direction word (simplified script) that `text` ends with, the longest if several:
/// `增加` of `收入增加`. Single characters count too (`增（减）`).
pub(crate) fn ends_with_direction_word(text: &str) -> Option<&'static str> {
    longest_word_at_end(text).map(|(w, ..)| *w)
}

/// Whether `text` (simplified script) is a direction word of the lexicon.
pub(crate) fn is_direction_word(text: &str) -> bool {
    lexicon().contains_key(text)
}

type Entry = (&'static str, Sense, &'static str, Use);

/// The lexicon by word.
fn lexicon() -> &'static rustc_hash::FxHashMap<&'static str, &'static Entry> {
    static BY_WORD: OnceLock<rustc_hash::FxHashMap<&'static str, &'static Entry>> = OnceLock::new();
    BY_WORD.get_or_init(|| LEXICON.iter().map(|e| (e.0, e)).collect())
}

/// The longest word of the lexicon that `text` ends with: its last four characters looked up,
/// then three, two and one.
fn longest_word_at_end(text: &str) -> Option<&'static Entry> {
    let starts: Vec<usize> = text.char_indices().rev().take(4).map(|(i, _)| i).collect();
    let words = lexicon();
    starts
        .iter()
        .rev()
        .find_map(|&i| words.get(&text[i..]).copied())
}

/// A claim about a change made by a word alone, without a number: `持平`, `无变化`, `增加`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Claim {
    /// The change is zero: `持平`, `无变化`, `无增减`, `没有变化`, `不变`.
    Unchanged,
    /// The change is positive (`增加`, `增长` …) or negative (`减少`, `下降` …).
    Changed(Sense),
}

/// Words that say a change is zero.
const UNCHANGED: &[&str] = &[
    "持平",
    "基本持平",
    "无变化",
    "没有变化",
    "无增减",
    "无增减变化",
    "不变",
    "未变化",
    "未发生变化",
    "一致",
];

/// The claim `word` makes about a change, when it is one (either script, spaces aside).
pub(crate) fn claim(word: &str) -> Option<Claim> {
    let word = key(word);
    if UNCHANGED.contains(&word.as_str()) {
        return Some(Claim::Unchanged);
    }
    lexicon()
        .get(word.as_str())
        .filter(|(.., use_)| *use_ == Use::Verb)
        .map(|(_, sense, ..)| Claim::Changed(*sense))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sense(text: &str) -> Option<(Sense, String)> {
        direction_before(text).map(|d| (d.sense, d.written))
    }

    #[test]
    fn the_two_scripts_are_one() {
        assert_eq!(simplified("減少"), "减少");
        assert_eq!(simplified("收、支總計各減少"), "收、支总计各减少");
        assert_eq!(simplified("大小於"), "大小于");
        assert_eq!(key("合　計"), "合计");
        assert_eq!(key("項    目"), "项目");
        assert_eq!(key("（款）"), "(款)");
        assert_eq!(simplified("abc 123"), "abc 123");
        // Byte lengths are kept, so spans found in the converted text hold in the original.
        for text in [
            "財政撥款收入下降12.34%",
            "一般公共服務（類）支出",
            "乾淨",
            "𠀀後",
        ] {
            assert_eq!(simplified(text).len(), text.len(), "{text}");
        }
    }

    #[test]
    fn the_simplified_characters_are_known_without_converting() {
        // Every hanzi of GB2312 (rows 16 to 87) is left alone by OpenCC, but for those listed.
        let cc = converter().unwrap_or_else(|| unreachable!());
        let mut converted = Vec::new();
        for lead in 0xB0u8..=0xF7 {
            for trail in 0xA1u8..=0xFE {
                let code = [lead, trail];
                let (text, _, malformed) = encoding_rs::GBK.decode(&code);
                if malformed {
                    continue;
                }
                if cc.convert(&text) != text {
                    converted.extend(text.chars());
                }
                assert!(!may_be_traditional(&text) || converted.iter().any(|c| text.contains(*c)));
            }
        }
        assert_eq!(converted, GB2312_CONVERTED);
        assert!(GB2312_CONVERTED.iter().all(|c| is_ideograph(*c)));
        for c in GB2312_CONVERTED {
            assert!(may_be_traditional(&format!("收入{c}合计")), "{c}");
        }
        for traditional in ["減少", "合計", "項目", "萬元", "𠀀"] {
            assert!(may_be_traditional(traditional), "{traditional}");
        }
        assert!(!may_be_traditional("收入合计增加（减少）。"));
    }

    #[test]
    fn the_vocabulary_of_change() {
        use Sense::{Down, Up};
        let cases: &[(&str, Option<(Sense, &str)>)] = &[
            ("与上年相比增加", Some((Up, "增加"))),
            ("增长了", Some((Up, "增长"))),
            ("比上年下调", Some((Down, "下调"))),
            ("压减", Some((Down, "压减"))),
            ("缩减", Some((Down, "缩减"))),
            ("降幅为", Some((Down, "降幅"))),
            ("降幅", Some((Down, "降幅"))),
            ("同比增长约", Some((Up, "增长"))),
            ("减少：", Some((Down, "减少"))),
            ("財政撥款減少", Some((Down, "減少"))),
            ("下降了 ", Some((Down, "下降"))),
            ("比上年增", Some((Up, "增"))),
            ("较上年少", Some((Down, "少"))),
            ("同比降", Some((Down, "降"))),
            ("节约", Some((Down, "节约"))),
            ("低于", Some((Down, "低于"))),
            ("增长率", Some((Up, "增长率"))),
            // A level, not a change: nothing is said of a sign.
            ("增加到", None),
            ("下降至", None),
            ("减为", None),
            // A single character needs a comparison, and is no direction after 最 or 至.
            ("其中最多", None),
            ("比上年至少", None),
            ("人数多", None),
            ("共计", None),
            ("年初预算", None),
            ("完成年初预算的", None),
            // The clause ends at its punctuation.
            ("比上年增加，其中", None),
        ];
        for (text, expected) in cases {
            let expected = expected.map(|(s, w)| (s, w.to_owned()));
            assert_eq!(sense(text), expected, "{text}");
        }
        let text = "財政撥款收入下降了 ";
        let found = direction_before(text).unwrap_or_else(|| unreachable!());
        assert_eq!(&text[found.range.clone()], "下降");
    }

    #[test]
    fn every_word_has_its_opposite_in_the_lexicon_or_is_plain() {
        for (word, sense, opposite, _) in LEXICON {
            assert_ne!(word, opposite);
            if let Some((_, other, ..)) = LEXICON.iter().find(|(w, ..)| w == opposite) {
                assert_ne!(sense, other, "{word} and {opposite}");
            }
        }
    }

    #[test]
    fn claims_without_numbers() {
        assert_eq!(claim("持平"), Some(Claim::Unchanged));
        assert_eq!(claim("無變化"), Some(Claim::Unchanged));
        assert_eq!(claim("增加"), Some(Claim::Changed(Sense::Up)));
        assert_eq!(claim("減少"), Some(Claim::Changed(Sense::Down)));
        assert_eq!(claim("降"), None);
        assert_eq!(claim("无增减"), Some(Claim::Unchanged));
    }
}
