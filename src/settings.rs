//! The settings of `报告` and `表` blocks: each one's Chinese and English spelling, defined here
//! and nowhere else. Every stage that reads a setting asks for it by its variant
//! ([`ReportSetting::find`], [`TableSetting::find`]); the checker reports keys that are none
//! of these.

use crate::ast::Setting;

/// Declares a settings enum with its spellings, in the order the documentation lists them.
macro_rules! settings {
    ($(#[$meta:meta])* $name:ident { $( $(#[$vmeta:meta])* $variant:ident = ($chinese:literal, $english:literal), )* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every setting with its Chinese and English spelling.
            pub const ALL: &'static [($name, &'static str, &'static str)] =
                &[ $( ($name::$variant, $chinese, $english), )* ];

            /// The setting a key spells, in either language.
            pub fn parse(key: &str) -> Option<$name> {
                Self::ALL
                    .iter()
                    .find(|(_, chinese, english)| *chinese == key || *english == key)
                    .map(|(setting, ..)| *setting)
            }

            /// Its Chinese spelling, as messages name it.
            pub fn chinese(self) -> &'static str {
                Self::ALL
                    .iter()
                    .find(|(setting, ..)| *setting == self)
                    .map_or("", |(_, chinese, _)| chinese)
            }

            /// Every setting's Chinese and English spelling, as messages list them.
            pub fn spelled() -> Vec<(&'static str, &'static str)> {
                Self::ALL
                    .iter()
                    .map(|(_, chinese, english)| (*chinese, *english))
                    .collect()
            }

            /// The first of `settings` that is this one.
            pub fn find(self, settings: &[Setting]) -> Option<&Setting> {
                settings
                    .iter()
                    .find(|s| Self::parse(&s.key.text) == Some(self))
            }
        }
    };
}

settings! {
    /// A setting of the `报告` block.
    ReportSetting {
        /// `单位`: the department's name.
        Entity = ("单位", "entity"),
        /// `年度`: the year reported on.
        Year = ("年度", "year"),
        /// `金额单位`: the default money unit.
        MoneyUnit = ("金额单位", "unit"),
        /// `舍入`: the rounding rule of published numbers.
        Rounding = ("舍入", "rounding"),
        /// `科目年度`: the year of the classification code list.
        CodeYear = ("科目年度", "codes"),
        /// `金额精度`: the unit of the last digit amounts are published to (`1`: whole 万元).
        Precision = ("金额精度", "amount_precision"),
        /// `千分位`: thousands separators in rendered amounts.
        Thousands = ("千分位", "thousands"),
        /// `类型`: the report type from the standard library.
        Type = ("类型", "type"),
        /// `转录`: a transcription of a published report.
        Transcribed = ("转录", "transcribed"),
        /// `摘录`: an excerpt of a report: what it does not give is not published.
        Excerpt = ("摘录", "excerpt"),
        /// `字体`: the PDF's font.
        Font = ("字体", "font"),
        /// `科目表`: the document's own classification codes.
        CodeList = ("科目表", "code_list"),
    }
}

settings! {
    /// A setting of a `表` block.
    TableSetting {
        /// `科目`: which classification the row codes follow.
        Codes = ("科目", "codes"),
        /// `空表说明`: why the table has no rows.
        Empty = ("空表说明", "empty"),
        /// `未公开`: the table's data were not published.
        Unpublished = ("未公开", "unpublished"),
        /// `单位`: the table's money unit.
        Unit = ("单位", "unit"),
        /// `工作表`: the sheet of a workbook the rows come from.
        Sheet = ("工作表", "sheet"),
        /// `侧`: the side of a two-sided sheet (a 总表's 收入 or 支出) the rows come from.
        Side = ("侧", "side"),
        /// `编号`: its number among the published tables.
        Number = ("编号", "number"),
        /// `合计行`: whether a 合计 row is computed.
        TotalRow = ("合计行", "total_row"),
        /// `金额精度`: the unit of the last digit the table's amounts are published to.
        Precision = ("金额精度", "amount_precision"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_names_one_setting() {
        for (setting, chinese, english) in ReportSetting::ALL {
            assert_eq!(ReportSetting::parse(chinese), Some(*setting));
            assert_eq!(ReportSetting::parse(english), Some(*setting));
            assert_eq!(setting.chinese(), *chinese);
        }
        for (setting, chinese, english) in TableSetting::ALL {
            assert_eq!(TableSetting::parse(chinese), Some(*setting));
            assert_eq!(TableSetting::parse(english), Some(*setting));
        }
        let mut report: Vec<&str> = ReportSetting::spelled()
            .into_iter()
            .flat_map(|(chinese, english)| [chinese, english])
            .collect();
        report.sort_unstable();
        report.dedup();
        assert_eq!(report.len(), 2 * ReportSetting::ALL.len());
        assert_eq!(ReportSetting::parse("单为"), None);
    }
}

/// A style of CJK font, named by a keyword instead of a path in `字体` or `--font`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FontFamily {
    /// 宋体/明体 (Song/Ming), as official documents are set: `宋体`, `serif`.
    Serif,
    /// 黑体 (Hei, sans serif): `黑体`, `sans`.
    Sans,
}

impl FontFamily {
    /// The family a keyword names: `宋体`, `明体`, `serif` or `黑体`, `sans`.
    pub fn parse(word: &str) -> Option<FontFamily> {
        match word.trim() {
            "宋体" | "明体" | "serif" | "song" => Some(FontFamily::Serif),
            "黑体" | "sans" | "sans-serif" | "hei" => Some(FontFamily::Sans),
            _ => None,
        }
    }
}
