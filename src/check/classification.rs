//! Check stage: the classification code lists (政府收支分类科目) built into jues.
//!
//! `stdlib/codes/gov-classification.tsv` holds every code verified so far, each with its public
//! source; it is embedded in the binary. A code absent from it is only a note: the list is not
//! complete, and a code is added only with a source.

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

fn list() -> &'static HashMap<(Kind, String), String> {
    static CODES: OnceLock<HashMap<(Kind, String), String>> = OnceLock::new();
    CODES.get_or_init(|| {
        LIST.lines()
            .skip(1)
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let kind = match fields.next()? {
                    "function" => Kind::Function,
                    "economic" => Kind::Economic,
                    _ => return None,
                };
                let code = fields.next()?.trim().to_owned();
                let name = fields.next()?.trim().to_owned();
                Some(((kind, code), name))
            })
            .collect()
    })
}

/// The name of a code in the built-in list.
pub fn lookup(kind: Kind, code: &str) -> Option<&'static str> {
    list().get(&(kind, code.to_owned())).map(String::as_str)
}

/// How many codes the built-in list holds.
pub fn len() -> usize {
    list().len()
}

/// 类, 款 or 项 for a code of this many digits.
pub fn level_name(digits: usize) -> &'static str {
    match digits {
        3 => "类",
        5 => "款",
        _ => "项",
    }
}

/// Whether `code` has a shape the classification allows.
pub fn check_shape(kind: Kind, code: &str) -> Result<(), String> {
    let allowed: &[usize] = match kind {
        Kind::Function => &[3, 5, 7],
        Kind::Economic => &[3, 5],
    };
    if allowed.contains(&code.len()) {
        Ok(())
    } else {
        Err(format!("it has {} digits", code.len()))
    }
}

/// Whether two names are the same classification name, ignoring full- or half-width
/// parentheses, spaces and a trailing level marker such as `（项）`.
pub fn same_name(a: &str, b: &str) -> bool {
    normalize(a) == normalize(b)
}

fn normalize(name: &str) -> String {
    let mut s: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect();
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
        assert!(len() > 50);
        assert_eq!(lookup(Kind::Function, "208"), Some("社会保障和就业支出"));
        assert!(same_name(
            "政府办公厅（室）及相关机构事务（款）",
            "政府办公厅(室)及相关机构事务"
        ));
        assert!(!same_name("高进人才培养补助", "高技能人才培养补助"));
        assert!(check_shape(Kind::Function, "20103011").is_err());
    }
}
