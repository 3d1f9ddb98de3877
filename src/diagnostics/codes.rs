//! Diagnostics stage: the registry of stable diagnostic codes.
//!
//! A code never changes meaning once released. Each has a default severity, a title and an
//! explanation with an example; `jues explain CODE` prints it and `docs/diagnostics.md` is
//! generated from this table (a test keeps the two equal).
//!
//! Numbering: `J00xx` reading and parsing, `J01xx` names and declarations.

use super::Severity;

/// Everything known about one code.
#[derive(Debug)]
pub struct CodeInfo {
    pub code: Code,
    /// The stable identifier, e.g. `J0101`.
    pub id: &'static str,
    pub severity: Severity,
    /// A short lowercase title.
    pub title: &'static str,
    /// Markdown: what the diagnostic means, an example that triggers it, and the fix.
    pub explanation: &'static str,
}

macro_rules! codes {
    ($( $variant:ident = $id:literal, $severity:ident, $title:literal, $explanation:literal; )*) => {
        /// A stable diagnostic code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $( #[doc = $title] $variant, )*
        }

        /// Every registered code, in order.
        pub static ALL: &[CodeInfo] = &[
            $( CodeInfo {
                code: Code::$variant,
                id: $id,
                severity: Severity::$severity,
                title: $title,
                explanation: $explanation,
            }, )*
        ];
    };
}

impl Code {
    /// The registry entry of this code.
    pub fn info(self) -> &'static CodeInfo {
        &ALL[self as usize]
    }

    /// The stable identifier, e.g. `J0101`.
    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// Looks a code up by its identifier (case-insensitive).
    pub fn from_id(id: &str) -> Option<Code> {
        ALL.iter()
            .find(|info| info.id.eq_ignore_ascii_case(id.trim()))
            .map(|info| info.code)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

codes! {
    SyntaxError = "J0001", Error, "syntax error",
"The text does not follow the grammar of jues. The message says what was expected at the
marked place, in the words of the language reference (`docs/language.md`).

```jues
报告 \"2019年度部门决算\" {
  年度 2019
  金额单位 万元
// the closing `}` is missing
```

jues reports every syntax error it can: after an error it skips to the next top-level item
(the end of the broken block, or the next line) and goes on parsing.";

    UnreadableSource = "J0002", Error, "file cannot be read as a jues document",
"The file is not UTF-8 text, contains NUL bytes (a binary file, such as a spreadsheet saved
with a `.jues` name), or is larger than the 16 MiB jues reads. Nothing in it is checked.

Save the document as UTF-8 text. Spreadsheets are loaded from a table declaration
(`表 名称 \"标题\" 来自 \"data.csv\" { … }`), not given to `jues check` directly.";

    NumberOutOfRange = "J0003", Error, "number too large or too precise",
"jues computes with exact decimals of at most 28 significant digits. A literal with more
digits cannot be represented exactly and is refused rather than rounded.

```jues
收入.合计 = 123456789012345678901234567890.12
```

Write the amount in a larger unit (`万元`, `亿元`) or with fewer decimals.";

    TooDeeplyNested = "J0004", Error, "expression nested too deeply",
"Parentheses, brackets or blocks are nested more deeply than jues allows (64 levels). No
real report needs this; the limit keeps the compiler from exhausting its stack.

```jues
x = ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
```

Split the formula into named figures.";

    MalformedFigure = "J0005", Error, "figure needs one formula and at most one stated value",
"A figure is a literal (`x = 836.78`), a formula (`x = a + b`), or a formula with the value
as published (`x = a + b = 1149.45`, either order). Two literals or two formulas on one
figure cannot be told apart.

```jues
收入.合计 = 1149.45 = 1149.46
```

Keep the published value and replace the other side with the formula that should give it.";

    UnknownName = "J0101", Error, "unknown name",
"A reference names no figure, table, prior-year figure or loop column. The help suggests a
defined name when one is a likely typo.

```jues
财政拨款收入 = 836.78
本年财政拨款 {财政拔款收入}。
```

Correct the spelling, or define the figure (`财政拔款收入 = …`).";

    DuplicateDefinition = "J0102", Error, "defined more than once",
"Two figures, tables, columns or settings have the same name. A name stands for one value,
so the second definition is refused; the first is kept.

```jues
收入.合计 = 1149.45
收入.合计 = 1149.46
```

Remove one definition, or rename it.";

    UnknownFunction = "J0103", Error, "unknown function",
"A call names a function jues does not have. The functions are `sum`, `share`, `growth`,
`change`, `completion`, `abs`, `round`, `min`, `max` and their Chinese names (合计, 占比,
增长率, 增减, 完成率, 绝对值, 舍入, 最小, 最大); see `docs/language.md`.

```jues
{percent(支出.基本, 支出.合计)}
```

Use one of the functions listed, here `share(支出.基本, 支出.合计)`.";

    WrongArgumentCount = "J0104", Error, "wrong number of arguments",
"A function is called with more or fewer arguments than it takes.

```jues
{share(财政拨款收入)}
```

`share(part, whole)` takes two: `share(财政拨款收入, 本年收入合计)`.";

    UnknownSetting = "J0105", Error, "unknown setting",
"A line in a `报告` or `表` block names a setting jues does not know. Report settings are
`单位`, `年度`, `金额单位`, `舍入`, `科目年度` and `千分位`; table settings are `科目` and
`空表说明` (English spellings in `docs/language.md`).

```jues
报告 \"2019年度部门决算\" {
  单为 \"某某局\"
}
```

Correct the spelling (`单位`).";

    UnknownColumn = "J0106", Error, "unknown column",
"A cell reference, a named cell or a loop body names a column the table does not declare.

```jues
表 支出 \"支出决算表\" {
  列 年初预算: 金额, 决算数: 金额
  2010301 \"行政运行\" 0 281.85
}
{支出[2010301].决算}
```

Use a declared column (`决算数`), or add the column to the `列` line.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_consistent() {
        for (i, info) in ALL.iter().enumerate() {
            assert_eq!(info.code as usize, i, "{} is out of order", info.id);
            assert_eq!(Code::from_id(info.id), Some(info.code));
            assert!(info.id.starts_with('J') && info.id.len() == 5);
        }
        let mut ids: Vec<_> = ALL.iter().map(|i| i.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ALL.len(), "duplicate code identifiers");
    }
}
