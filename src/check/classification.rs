//! Check stage: the classification code lists (政府收支分类科目) built into jues.
//!
//! `stdlib/codes/gov-classification.tsv` holds every code verified so far, each with its public
//! source; it is embedded in the binary. A code absent from it is only a note: the list is not
//! complete, and a code is added only with a source.

use crate::i18n::Message;
use crate::msg;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Which classification a table's codes are from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// 功能分类: 类 3 digits, 款 5, 项 7.
    Function,
    /// 经济分类: 类 3 digits, 款 5.
    Economic,
}

impl Kind {
    /// The kind a `科目` setting names.
    pub fn parse(name: &str) -> Option<Kind> {
        match name {
            "功能分类" | "function" => Some(Kind::Function),
            "经济分类" | "economic" => Some(Kind::Economic),
            _ => None,
        }
    }
}

const LIST: &str = include_str!("../../stdlib/codes/gov-classification.tsv");

/// A list of classification codes with their names.
///
/// The file format is the built-in list's: tab-separated `kind code name level source`, with a
/// header line; `kind` is `function` (功能分类) or `economic` (经济分类).
#[derive(Debug, Clone, Default)]
pub struct CodeList {
    names: HashMap<(Kind, String), String>,
}

impl CodeList {
    /// Reads a list; `Err` names the first line that is not `kind code name …`.
    pub fn parse(text: &str) -> Result<CodeList, Message> {
        let mut names = HashMap::new();
        for (i, line) in text.lines().enumerate().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let kind = match fields.next().map(str::trim) {
                Some("function" | "功能分类") => Kind::Function,
                Some("economic" | "经济分类") => Kind::Economic,
                other => {
                    return Err(msg!(
                        "check-codes-bad-kind",
                        line = i + 1,
                        kind = other.unwrap_or("")
                    ))
                }
            };
            let (Some(code), Some(name)) = (fields.next(), fields.next()) else {
                return Err(msg!("check-codes-bad-line", line = i + 1));
            };
            names.insert((kind, code.trim().to_owned()), name.trim().to_owned());
        }
        Ok(CodeList { names })
    }

    /// The name of `code`, if the list has it.
    pub fn get(&self, kind: Kind, code: &str) -> Option<&str> {
        self.names.get(&(kind, code.to_owned())).map(String::as_str)
    }

    /// Whether the list has no code (a document without its own list).
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Every code with its kind and name, sorted by code.
    pub fn entries(&self) -> Vec<(Kind, &str, &str)> {
        let mut entries: Vec<(Kind, &str, &str)> = self
            .names
            .iter()
            .map(|((kind, code), name)| (*kind, code.as_str(), name.as_str()))
            .collect();
        entries.sort_by(|a, b| a.1.cmp(b.1));
        entries
    }
}

/// The built-in list (`stdlib/codes/gov-classification.tsv`).
pub(crate) fn builtin() -> &'static CodeList {
    static CODES: OnceLock<CodeList> = OnceLock::new();
    CODES.get_or_init(|| CodeList::parse(LIST).unwrap_or_default())
}

/// The name of a code: from the document's own list first, then the built-in one.
pub(crate) fn lookup<'a>(own: &'a CodeList, kind: Kind, code: &str) -> Option<&'a str> {
    own.get(kind, code).or_else(|| builtin().get(kind, code))
}

/// 类, 款 or 项 for a code of this many digits.
pub(crate) fn level_name(digits: usize) -> &'static str {
    match digits {
        3 => "类",
        5 => "款",
        _ => "项",
    }
}

/// Whether `code` has a shape the classification allows; `Err` says why not ("it has 4
/// digits").
pub(crate) fn shape(kind: Kind, code: &str) -> Result<(), Message> {
    let allowed: &[usize] = match kind {
        Kind::Function => &[3, 5, 7],
        Kind::Economic => &[3, 5],
    };
    // Counted in characters: a code that is not all ASCII digits is no code at all.
    if let Some(c) = code.chars().find(|c| !c.is_ascii_digit()) {
        return Err(msg!("check-code-not-a-digit", character = c.to_string()));
    }
    if allowed.contains(&code.len()) {
        Ok(())
    } else {
        Err(msg!("check-code-digits", digits = code.len()))
    }
}

#[cfg(test)]
mod shape_tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn a_code_is_ascii_digits_counted_as_digits() {
        let reason = |kind, code, lang| shape(kind, code).map_err(|m| m.text(lang));
        assert!(shape(Kind::Function, "2010301").is_ok());
        assert!(shape(Kind::Function, "20103").is_ok());
        assert_eq!(
            reason(Kind::Function, "２０１", Lang::En),
            Err("`２` is not a digit".to_owned())
        );
        assert_eq!(
            reason(Kind::Function, "2010", Lang::En),
            Err("it has 4 digits".to_owned())
        );
        assert_eq!(
            reason(Kind::Function, "2010", Lang::Zh),
            Err("它有4位数字".to_owned())
        );
        // Counted in characters, not bytes: a Chinese character is not taken for digits.
        assert_eq!(
            reason(Kind::Function, "20801零9", Lang::En),
            Err("`零` is not a digit".to_owned())
        );
        assert_eq!(
            reason(Kind::Economic, "3010101", Lang::En),
            Err("it has 7 digits".to_owned())
        );
    }
}

/// Whether two names are the same classification name, ignoring the script (繁體 or 简体),
/// full- or half-width parentheses, spaces and a trailing level marker such as `（项）`.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    a == b || normalize(a) == normalize(b)
}

fn normalize(name: &str) -> String {
    // Width, white space and script aside: `（類）` is `(类)`.
    let mut s = crate::words::key(name);
    for marker in ["(类)", "(款)", "(项)"] {
        if let Some(stripped) = s.strip_suffix(marker) {
            s = stripped.to_owned();
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_loads_and_names_compare() {
        assert!(builtin().entries().len() > 50);
        let own =
            CodeList::parse("kind\tcode\tname\nfunction\t2080711\t高技能人才培养补助\n").unwrap();
        assert_eq!(
            lookup(&own, Kind::Function, "208"),
            Some("社会保障和就业支出")
        );
        assert_eq!(
            lookup(&own, Kind::Function, "2080711"),
            Some("高技能人才培养补助")
        );
        assert_eq!(
            CodeList::parse("kind\tcode\nother\t1\n")
                .map_err(|m| m.text(crate::i18n::Lang::En))
                .err(),
            Some("line 2: `other` is not `function` or `economic`".to_owned())
        );
        assert_eq!(
            CodeList::parse("kind\tcode\nfunction\t1\n")
                .map_err(|m| m.text(crate::i18n::Lang::Zh))
                .err(),
            Some("第2行：应为 `kind<TAB>code<TAB>name`".to_owned())
        );
        assert!(same_name(
            "政府办公厅（室）及相关机构事务（款）",
            "政府办公厅(室)及相关机构事务"
        ));
        assert!(!same_name("高进人才培养补助", "高技能人才培养补助"));
        assert!(shape(Kind::Function, "20103011").is_err());
    }
}
