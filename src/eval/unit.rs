//! Eval stage: units. Money has one dimension in four scales (元, 千元, 万元, 亿元) with exact
//! conversion; counts carry their own unit (人, 家 …) and may be scaled (`11.3万人`); ratios
//! are `%` and `‰`.

use rust_decimal::Decimal;

/// A unit as written after a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Money, with its factor in 元 (1, 1000, 10000, 100000000).
    Money(Scale),
    /// A count of something (`人`), with a scale factor (`万人`).
    Count(&'static str, Scale),
    /// `%`.
    Percent,
    /// `‰`.
    Permille,
}

/// A power-of-ten scale: 1, 千, 万, 亿.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scale {
    One,
    Thousand,
    TenThousand,
    HundredMillion,
}

impl Scale {
    /// The factor: 1, 1000, 10000 or 100000000.
    pub fn factor(self) -> Decimal {
        match self {
            Scale::One => Decimal::ONE,
            Scale::Thousand => Decimal::from(1_000),
            Scale::TenThousand => Decimal::from(10_000),
            Scale::HundredMillion => Decimal::from(100_000_000),
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            Scale::One => "",
            Scale::Thousand => "千",
            Scale::TenThousand => "万",
            Scale::HundredMillion => "亿",
        }
    }
}

/// The money units, smallest first.
pub const MONEY: [Unit; 4] = [
    Unit::Money(Scale::One),
    Unit::Money(Scale::Thousand),
    Unit::Money(Scale::TenThousand),
    Unit::Money(Scale::HundredMillion),
];

/// Count units and their aliases (alias, canonical).
const COUNTS: &[(&str, &str)] = &[
    ("人", "人"),
    ("名", "人"),
    ("位", "人"),
    ("人次", "人次"),
    ("家", "家"),
    ("个", "个"),
    ("项", "项"),
    ("辆", "辆"),
    ("台(套)", "台(套)"),
    ("台（套）", "台(套)"),
    ("台套", "台(套)"),
    ("台", "台"),
    ("套", "套"),
    ("期", "期"),
    ("场", "场"),
    ("份", "份"),
    ("件", "件"),
    ("批次", "批次"),
    ("团组", "团组"),
    ("次", "次"),
    ("户", "户"),
    ("条", "条"),
    ("所", "所"),
    ("座", "座"),
    ("张", "张"),
];

impl Unit {
    /// The unit a word names, if any: `万元`, `亿`, `人`, `万人`, `%`.
    pub fn parse(word: &str) -> Option<Unit> {
        // `萬元` is `万元`, `億` is `亿` (looked up as written first: most units are simplified).
        if let Some(unit) = Self::parse_simplified(word) {
            return Some(unit);
        }
        let folded = crate::words::simplified(word);
        match folded {
            std::borrow::Cow::Owned(word) => Self::parse_simplified(&word),
            std::borrow::Cow::Borrowed(_) => None,
        }
    }

    fn parse_simplified(word: &str) -> Option<Unit> {
        match word {
            "%" | "％" => return Some(Unit::Percent),
            "‰" => return Some(Unit::Permille),
            "元" => return Some(Unit::Money(Scale::One)),
            "千元" => return Some(Unit::Money(Scale::Thousand)),
            "万元" | "万" => return Some(Unit::Money(Scale::TenThousand)),
            "亿元" | "亿" => return Some(Unit::Money(Scale::HundredMillion)),
            _ => {}
        }
        let (scale, base) = if let Some(rest) = word.strip_prefix('万') {
            (Scale::TenThousand, rest)
        } else if let Some(rest) = word.strip_prefix('亿') {
            (Scale::HundredMillion, rest)
        } else {
            (Scale::One, word)
        };
        COUNTS
            .iter()
            .find(|(alias, _)| *alias == base)
            .map(|(_, canonical)| Unit::Count(canonical, scale))
    }

    /// The longest unit written at the start of `text` (`万元` of `万元，`, `人次` of `人次。`),
    /// as [`Unit::parse`] reads units; for keeping a number with its unit when lines break.
    pub fn prefix_of(text: &str) -> Option<&str> {
        // Most characters start no unit: they are turned away by the first one alone (this
        // runs at every character of every table cell when a table is fitted to the page).
        let first = text.chars().next()?;
        let fixed = matches!(
            first,
            '%' | '％' | '‰' | '元' | '千' | '万' | '亿' | '萬' | '億'
        );
        if !fixed && !COUNTS.iter().any(|(alias, _)| alias.starts_with(first)) {
            return None;
        }
        // The longest spelling is `万台（套）`: six characters.
        let mut ends = [0usize; 6];
        for (end, (i, c)) in ends.iter_mut().zip(text.char_indices()) {
            *end = i.saturating_add(c.len_utf8());
        }
        ends.into_iter()
            .rev()
            .filter(|&end| end > 0)
            .filter_map(|end| text.get(..end))
            .find(|word| Unit::parse(word).is_some())
    }

    /// How many base units (元, one counted thing, or the ratio 1) one of this unit is.
    pub fn factor(self) -> Decimal {
        match self {
            Unit::Money(s) | Unit::Count(_, s) => s.factor(),
            Unit::Percent => Decimal::new(1, 2),
            Unit::Permille => Decimal::new(1, 3),
        }
    }

    /// The unit as written.
    pub fn name(self) -> String {
        match self {
            Unit::Money(s) => format!("{}元", s.prefix()),
            Unit::Count(c, s) => format!("{}{c}", s.prefix()),
            Unit::Percent => "%".to_owned(),
            Unit::Permille => "‰".to_owned(),
        }
    }

    /// The dimension of the unit.
    pub fn dim(self) -> Dim {
        match self {
            Unit::Money(_) => Dim::Money,
            Unit::Count(c, _) => Dim::Count(c),
            Unit::Percent | Unit::Permille => Dim::Ratio,
        }
    }
}

/// What a number measures. Values of different dimensions cannot be added or compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dim {
    /// An amount of money, held in 元.
    Money,
    /// A count of the named unit.
    Count(&'static str),
    /// A ratio, held as a fraction (72.80% is 0.7280).
    Ratio,
    /// A number written without a unit; it takes the dimension its use gives it (an amount in
    /// the document's money unit when added to money, a factor when multiplying).
    Plain,
}

impl Dim {
    /// The dimension in words, for messages.
    pub fn describe(self) -> crate::i18n::Message {
        match self {
            Dim::Money => crate::msg!("eval-dim-money"),
            Dim::Count(c) => crate::msg!("eval-dim-count", unit = c),
            Dim::Ratio => crate::msg!("eval-dim-ratio"),
            Dim::Plain => crate::msg!("eval-dim-plain"),
        }
    }
}
