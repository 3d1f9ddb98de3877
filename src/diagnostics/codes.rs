//! Diagnostics stage: the registry of stable diagnostic codes.
//!
//! A code never changes meaning once released. Each has a default severity, a title and an
//! explanation with an example; `jues explain CODE` prints it and `docs/diagnostics.md` is
//! generated from this table (a test keeps the two equal).
//!
//! Numbering: `J00xx` reading and parsing, `J01xx` names and declarations, `J02xx` values
//! and stated numbers, `J03xx` tables and classification codes, `J04xx` prose.

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

    /// Whether this code marks a document as not finished: a `待填` left in, a standard table
    /// left out, an empty table without its reason. A check only warns of these, so a report
    /// can be checked while it is written; publishing (`jues build`) makes them errors.
    pub fn unfinished(self) -> bool {
        matches!(self, Code::Unfilled | Code::MissingTable | Code::EmptyTable)
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
"Parentheses, brackets or blocks are nested more deeply than jues allows (64 levels), a
formula has more than 200 operators one inside another (a sum of more than 201 terms), or a
value is computed through more than 250 steps nested in one another (each operator, function
call, figure and table cell on the way one; a chain of more than 126 figures each computed
from the next). No real report needs this; the limits keep the compiler from exhausting its
stack.

```jues
x = ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))
```

Split the formula into named figures, add many parts up with `sum(…)` or a table's total, or
write an intermediate figure as a number.";

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

    UnknownSetting = "J0105", Error, "unknown setting or setting value",
"A line in a `报告` or `表` block names a setting jues does not know, or gives a setting a
value it cannot take (`舍入 五入`). The help names the setting meant, or lists the settings of the block; all of them,
with their English spellings and values, are in `docs/language.md`.

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

    UnknownFormat = "J0107", Error, "unknown format option",
"An interpolation asks for a format jues does not know (`{x 按 …}`). The options are a unit
(`元`, `万元`, `亿元`, `%`, `‰`, a count unit), decimals (`.1`, `2位`), `绝对值` (`abs`), `千分位`
(`thousands`) and `增减` (`wording`: 增加/减少/持平 or 增长/下降/持平 from the sign).

```jues
收入 = 836.78
{收入 按 大写}
```";

    StatedMismatch = "J0201", Error, "stated value differs from the computed value",
"A number written in the document (a figure's stated value, a `{公式 = 数值}` in prose, a
named table cell) is not consistent with what its formula computes. Consistency follows the
precision of what is written: `72.80%` stands for [72.795%, 72.805%], and a computed value
carries the rounding of its own inputs as an interval; the stated value is consistent when the
two intervals meet.

```jues
收入.财政拨款 = 836.78
收入.合计 = 1149.45
占 {share(收入.财政拨款, 收入.合计) = 72.81%}
```

The message shows the computed value with more digits than were stated; the help gives the
value to write.";

    Truncated = "J0202", Error, "stated value looks truncated",
"The stated value is the computed value cut off after the written digits instead of rounded.
Chinese reports round half up (四舍五入) unless the document declares another rule; truncation
is never accepted silently.

```jues
参保.目标 = 20661人
参保.实际 = 34272人
实际参保总人数占目标任务的 {share(参保.实际, 参保.目标) = 165%}
```

34272 / 20661 = 165.88%, which rounds to `166%`.";

    RoundingOnly = "J0203", Note, "consistent only through the rounding of the inputs",
"The stated value is consistent with its formula only because the inputs are themselves
rounded: computed from the numbers as written, the result rounds to something else. This is a
note, shown with `jues check --strict`: published figures are rounded independently, so small
differences are normal, but they are worth a look.

```jues
组 项 { a = 2.40  b = 14.88  c = 14.99  d = 1.00  e = 88.86  f = 40.01  g = 18.00 }
类合计 = 项.a + 项.b + 项.c + 项.d + 项.e + 项.f + 项.g = 180.15
```

The seven items as written add up to 180.14; each stands for ±0.005, so the stated 180.15 is
within their rounding.";

    WrongScale = "J0204", Error, "wrong unit or scale",
"The stated number is right, but in another unit: the digits match the computed value when
read as 万元 instead of 元, and so on.

```jues
采购.总额 = 214.12
授予中小企业合同金额 {采购.总额 = 214.12元}
```

The figure is 214.12 万元; the help says `did you mean 214.12万元?`.";

    ZeroBase = "J0205", Error, "rate over a zero base",
"`share`, `growth`, `completion` (and `/`) are undefined when the base is zero. Reports often
print \"完成预算的0%\" for 0/0 or \"增长100%\" from nothing; both are wrong.

```jues
三公.出国.预算 = 0
三公.出国.决算 = 0
完成预算的 {completion(三公.出国.决算, 三公.出国.预算) = 0%}
```

Write the amounts instead, or \"不适用\".";

    UnitMismatch = "J0206", Error, "units do not agree",
"An operation mixes values of different dimensions: money with a count, counts of different
things (人 and 家), or a ratio with an amount; or text is used as a number.

```jues
参保人数 = 2489人
参保单位 = 987家
合计 = 参保人数 + 参保单位
```";

    UnknownUnit = "J0207", Error, "unknown unit",
"A number carries a unit jues does not know, or a table column has an unknown type. Money is
元, 千元, 万元, 亿元 (and 亿); counts are 人 (名, 位), 人次, 家, 个, 项, 辆, 台, 台(套), 套, 期, 场,
份, 件, 批次, 团组, 次, 户, 条, 所, 座, 张, optionally scaled by 万 or 亿 (`11.3万人`); ratios are `%`
and `‰`. Column types are `金额`, `文本`, `比率` or a unit.

```jues
重量 = 5公斤
```";

    Overflow = "J0208", Error, "result out of range",
"A computation leaves the range of exact decimals (28 significant digits): a sum, a
difference, a product or a quotient of figures or cells, a total against its rows, a value in
the unit it is shown in (a ratio is shown in per cent, so one whose value in per cent is beyond
the range has none). The message names the operation and its operands' values.

```jues
a = 99999999999999999999999999亿元
b = a * a
```";

    Cycle = "J0209", Error, "circular definition",
"A figure's formula depends, directly or through other figures, on the figure itself, so it has
no value.

```jues
a = b + 1
b = a - 1
```";

    CheckFailed = "J0210", Error, "check failed",
"An explicit `检查` assertion is false for the document's figures (compared within the precision
of the values).

```jues
收入.总计 = 1149.45
支出.总计 = 1075.27
检查 收入.总计 == 支出.总计 \"收入总计应等于支出总计\"
```";

    InferredPrecision = "J0211", Note, "amounts read as whole units",
"Every amount of a table is written as a whole number (`23653`), so jues reads them as
published to whole units of the table's unit: `23653` stands for [23652.5, 23653.5], and items
rounded to whole 万元 may add up to their 类 within that rounding (XBRL Calculations 1.1). Without
it, a whole number is exact and such a table could never add up.

```jues
报告 \"2024年度部门预算\" {
  金额单位 万元
}

表 支出 \"一般公共预算支出表\" {
  列 预算数: 金额
  \"社会保障和就业支出\"  12346
  \"卫生健康支出\"        3201
  合计                  15548
}
```

Declare it and the note goes: `金额精度 1` in the `报告` block (or in the table) says that amounts
without decimals are published to whole units. `金额精度 0.01` says they are exact to the fen; a
single amount written with `!` (`15548!`) is exact whatever the precision.";

    Contradiction = "J0212", Error, "statements about an unknown figure contradict each other",
"A figure declared unknown (`年初预算 = ?`) is known only through the stated values whose
formula names it: each, read with its rounding, bounds it. Two of them give bounds that do not
meet, so no value of the figure makes both true: one of the two stated values is wrong. Both are
named, each with what it needs of the figure.

```jues
报告 \"2023年度部门决算\" {
  金额单位 万元
}

决算数   = 912.70
年初预算 = ?

完成年初预算的{completion(决算数, 年初预算) = 91.27%}，比年初预算增加{change(决算数, 年初预算) = 2.70}万元。
```

Check both stated values against the source data and correct the wrong one.";

    Unbounded = "J0213", Warning, "unknown figure not bounded",
"A figure is declared unknown (`= ?`), but no stated value bounds it: none of the text's stated
values has a formula that names it once. It has no value, and nothing that depends on it is
checked.

```jues
报告 \"2023年度部门决算\" {
  金额单位 万元
}

年初预算 = ?
```

State the value that gives it (`完成年初预算的{completion(决算数, 年初预算) = 91.27%}`), or give
the figure its published value.";

    NotChecked = "J0214", Note, "not checked: the figure is not published",
"A check, a standard identity or a stated value depends on a figure the report does not
publish: one written `= 未公开`, or, in an excerpt (`摘录 是` in the `报告` block), a standard
figure the excerpt does not give. Such a figure has no value (it is not 0), so what depends on
it is not checked, and this note says which and why.

```jues
报告 \"2019年度部门决算（摘录）\" {
  金额单位 万元
  类型     部门决算
  摘录     是
}

收入.财政拨款 = 836.78
收入.其他     = 312.67
```

Give the figure its value if the report publishes it, and the check is made.";

    UnpublishedShown = "J0215", Error, "an unpublished figure is printed",
"The text prints a figure the report does not publish (`= 未公开`, or left out of an excerpt):
there is no value to print.

```jues
组 收入 {
  事业 = 未公开
}
事业收入 {收入.事业} 万元。
```

Give the figure its published value, or state the published number (`{收入.事业 = 12.30}`).";

    TotalMismatch = "J0301", Error, "total or subtotal differs from its rows",
"A table's stated total (合计), subtotal (小计), or a 类/款 row is not the sum of the rows under
it. The message gives the computed sum and the difference.

```jues
表 支出 \"支出决算表\" {
  列 年初预算: 金额
  2010301 \"行政运行\" 467.86
  2080105 \"劳动保障监察\" 15
  合计 775.19
}
```";

    DuplicateRow = "J0302", Error, "duplicate row",
"The same classification code (or label) appears twice in one table, so its amounts cannot be
told apart and the table's sums are ambiguous.

```jues
表 支出 \"支出决算表\" {
  列 决算数: 金额
  2015006 \"引进人才费用\" 25.96
  2015006 \"引进人才费用\" 7.85
}
```";

    CodeName = "J0303", Warning, "code and name disagree",
"A row's name is not the name of its classification code in the code list: usually a typo (高进
for 高技能, 实务 for 事务). The help gives the expected name.

```jues
表 支出 \"支出决算表\" {
  列 决算数: 金额
  20103 \"政府办公厅（室）及相关机构实务\" 281.85
}
```";

    UnlistedCode = "J0304", Note, "code not in the built-in list",
"Codes of the document's tables are not in the built-in classification list (nor in the report's
own list), so their names could not be checked. One note for the whole document names how many
codes in how many tables, and lists them (the first ten, and how many more). The built-in list
holds only codes verified against a public source (`stdlib/codes/`); a code is added only with
its source.

```jues
表 支出 \"支出决算表\" {
  列 决算数: 金额
  2019999 \"某项支出\" 1
}
```

To have the names checked, give the report a list of its own with the year's codes:
`科目表 \"codes.tsv\"` in the `报告` block names a tab-separated file in the built-in list's
format, a header line and then one line a code, with its classification (`function` for 功能分类,
`economic` for 经济分类), the code, its name, its level and where the name is from:

```text
kind\tcode\tname\tlevel\tsource
function\t2080711\t高技能人才培养补助\t项\t2019年政府收支分类科目
```

It is consulted before the built-in list, and its names are checked as the built-in ones are
(J0303).";

    InvalidCode = "J0305", Error, "invalid classification code",
"A row key is not a well-formed classification code: 功能分类 codes have 3 (类), 5 (款) or 7 (项)
digits, 经济分类 codes 3 or 5.

```jues
表 支出 \"支出决算表\" {
  列 决算数: 金额
  20103011 \"行政运行\" 1
}
```";

    CellType = "J0306", Error, "cell does not fit its column",
"A cell holds text where the column holds amounts (or the reverse), a number in the wrong unit,
or a row has more cells than the table has input columns.

```jues
表 支出 \"支出决算表\" {
  列 决算数: 金额, 说明: 文本
  2010301 \"行政运行\" \"在预算执行的过程中\" 281.85
}
```";

    EmptyTable = "J0307", Warning, "empty table without a reason",
"A table has no rows and does not say why. The standard report prints every table; an empty one
carries a note such as \"本单位无政府性基金预算财政拨款收入和支出\".

```jues
表 政府性基金 \"政府性基金预算财政拨款收入支出决算表\" {
  列 本年支出: 金额
}
```

Add `空表说明 \"本单位无政府性基金预算财政拨款收入和支出\"` to the table.";

    MissingReason = "J0308", Warning, "budget line without a reason",
"A row's 决算数 differs from its 年初预算 by more than a tenth, or it had no budget, and its
`说明` is empty. Reports must explain such differences (决算数大于/小于年初预算数的主要原因).
The check applies to tables with columns named `年初预算`, `决算数` and `说明`.

```jues
表 支出 \"支出决算表\" {
  列 年初预算: 金额, 决算数: 金额, 说明: 文本
  2080109 \"社会保险经办机构\" 135.11 88.86
}
```";

    MissingTable = "J0309", Warning, "standard table missing",
"A report of a standard type (`类型 部门决算`, `类型 部门预算`) leaves out one of the tables the
type publishes (a 部门决算's nine, 公开01表 … 公开09表; a 部门预算's eight, 表1 … 表8). Every one
is printed in 第二部分, in its place; a table the department has no data for says so instead of
being left out.

```jues
报告 \"2019年度部门决算\" {
  类型 部门决算
}
```

Declare the table where 第二部分 shows it: with its rows (`表 收支总表 { … }`), with
`空表说明 \"本单位无…\"` when the department had none, or with `未公开 \"…\"` in a
transcription whose source did not publish the table's data. `jues build` treats a missing table
as an error.";

    TableTooWide = "J0310", Error, "table too wide for the page",
"A table has more columns than a printed page can hold: even on a landscape A4 page in 7-point
type, its columns (each at least as wide as its widest amount, which is never broken) are wider
than the page. The PDF would have to cut cells or break numbers, so jues reports the table
instead. Columns are measured with widths no usual Chinese font exceeds; a table jues passes
always fits the PDF.

```jues
表 宽表 \"二十列的表\" {
  列 c1: 金额, c2: 金额, c3: 金额, c4: 金额, c5: 金额, c6: 金额, c7: 金额, c8: 金额, c9: 金额, c10: 金额, c11: 金额, c12: 金额, c13: 金额, c14: 金额, c15: 金额, c16: 金额, c17: 金额, c18: 金额, c19: 金额, c20: 金额
  \"项目\" 12345.67 12345.67 12345.67 12345.67 12345.67 12345.67 12345.67 12345.67 12345.67 12345.67 12345.67 12345.67 12345.67 12345.67 12345.67 12345.67 12345.67 12345.67 12345.67 12345.67
}
```

Split the table into two tables of fewer columns, each with the rows' codes and names, as the
published tables continue on a 续表.";

    WrongParent = "J0312", Error, "row under the wrong 款 or 类",
"A row is listed under a 类 or 款 that its code is not part of: a 项 sits under a 款 whose code
is not the first five digits of its own, or a 款 under a 类 whose code is not its first three.
By position, a row is under the nearest row above it with a shorter code, as a reader reads the
printed table; jues adds a row's amounts to the 类 and 款 of its code, wherever it stands, so the
table and its subtotals say different things.

```jues
表 支出 \"支出决算表\" {
  科目 功能分类
  列 决算数: 金额
  20801   \"人力资源和社会保障管理事务\"
  2080101 \"行政运行\"       2.40
  20802   \"民政管理事务\"
  2080105 \"劳动保障监察\"   14.99
}
```

2080105 属于 20801 款，却列在 20802 款下: move the row under its 款, or correct its code. A
table that lists only 项 rows, without their 款 and 类, has nothing above them and is never
reported; nor is a row after a heading, a `小计` or the `合计`, which end what is above them.";

    CodeTwoNames = "J0313", Warning, "one code, two names",
"The same classification code is written with two names: in two tables of the document (the
支出决算表 and the 财政拨款支出决算表 list many of the same codes), or in this report and last
year's imported one (`导入 \"…\" 为 上年`). Names are compared as reports print them: script
(繁體 or 简体), the width of brackets and digits, spaces and a level marker such as `（项）` do
not matter. Codes a list has are checked against its name instead (J0303); this check is what
keeps the names of the other codes consistent.

```jues
表 支出决算 \"支出决算表\" {
  科目 功能分类
  列 决算数: 金额
  2080199 \"其他人力资源和社会保障管理事务支出\" 40.01
}
表 财政拨款支出 \"一般公共预算财政拨款支出决算表\" {
  科目 功能分类
  列 决算数: 金额
  2080199 \"其他人力资源和社会保障事务支出\" 40.01
}
```

Write the name the year's 政府收支分类科目 gives the code, in every table. When the
classification renamed a code since last year, keep the new name, and give the report a
`科目表` with this year's names: the code is then checked against that list.";
    PartRows = "J0314", Error, "其中 rows do not fit the row above",
"A row written `其中` (or labelled `其中：…`) is a part of the row above it: the 三公 table's
公务用车购置及运行费, 其中 公务用车购置费 and 公务用车运行维护费. Parts are shown under their row
and never added up again, so a total counts the row once. They may list only some of what the
row holds, but together they cannot hold more: parts that add up to more than their row (beyond
the rounding of the amounts), or a `其中` row with no row above it, are this error.

```jues
表 三公经费 \"一般公共预算财政拨款“三公”经费支出决算表\" {
  列 预算数: 金额, 决算数: 金额
  \"因公出国(境)费\"       0     0
  \"公务用车购置及运行费\" 12.00 9.70
  其中 \"公务用车购置费\"   0     0
  其中 \"公务用车运行维护费\" 12.00 9.80
  \"公务接待费\"           1.20  0.45
}
```

Correct the amounts of the row or of its parts against the source data; a row that is not a
part of the one above it is written without `其中`.";

    Direction = "J0401", Error, "wording contradicts the sign",
"A word written before a value says the opposite of what the value is, or a claim in words
(`= 持平`, `= 增加`) is not true of the change. The words are those reports use for a change, in
either script: verbs (增加, 减少, 下降, 压减, 缩减, 下调, 节约 …), with 了, 约, 为 after them
(增长了, 降幅为), single characters after a comparison (比上年增, 同比降), comparisons (大于,
低于, 超过) and nouns of the size of a change (增幅, 降幅, 增长率). A value after 增加到 or 降至 is
a level, not a change, and a change stated with no word says nothing of its sign: only its size
is checked.

```jues
上年.公务接待费 = 0.06
公务接待费 = 0.07
与上年相比减少 {change(公务接待费, 上年.公务接待费) = 0.01} 万元
```

Write the word that fits, or interpolate the change without a word and let jues write it. When
the number is wrong as well, the help gives the word and the number to write together.";

    Placeholder = "J0402", Warning, "template text left in",
"Prose still contains a template's alternatives or placeholders: \"大于（小于）\", \"增加（减少）\",
\"XX\", \"××\".

```jues
决算数大于（小于）年初预算数的主要原因是严格执行八项规定。
```

Keep the alternative that is true (or choose it with `@如果`), and fill in the placeholder.";

    MissingNumber = "J0403", Error, "number missing before a unit",
"A counted thing is followed directly by its unit, with the number that should stand between
them missing.

```jues
其中，今年新增参保单位家，全年新增参保人员 2489 人。
```";

    LiteralInProse = "J0404", Warning, "amount typed into prose",
"An amount or a percentage is typed into the prose of an authored document, where jues cannot
check it. Refer to a figure instead (`{收入.合计}`), or state it (`{收入.合计 = 1149.45}`) so it is
checked. Transcribed documents (`转录 是` in the `报告` block) do not get this warning.

```jues
本年收入合计 1149.45 万元。
```";

    Unfilled = "J0405", Warning, "value not filled in",
"A value is still `待填` (`todo`): the author has not filled it in. `jues new` writes `待填` for
every figure, cell and text only the department knows. `jues check` warns, so a report can be
checked while it is written; `jues build` treats it as an error and publishes nothing until
every `待填` is replaced. Formulas and statements that use the value are not checked until then.

```jues
组 收入 {
  财政拨款 = 待填
}
```

Write the value from the 决算 software's export (`财政拨款 = 836.78`).";

    HiddenCharacter = "J0406", Error, "hidden character in the text",
"The text holds a character a reader cannot see, or one that changes how the text around it is
shown: a direction control (U+202E and its kin reorder the characters on screen, so `少减`
between them reads 减少 while jues reads 少减), an invisible one (a zero-width space, a soft
hyphen), a control character (ESC, vertical tab), or a variation selector or tag character, which
makes a name look like another. What is published would not be what was checked.

```jues
本年收入\u{200b}合计 1149.45 万元。
```

Here a zero-width space stands between 收入 and 合计. Delete the character: retype the words
around it. (Messages show it as `\\u{200b}`.)";

    WordsDisagree = "J0407", Error, "words about one change disagree",
"Two direction words of one paragraph say opposite things of the change between the same two
figures: the amount \"decreased\" and its rate \"increased\". Whatever the figures are, one
of the words is wrong; this is reported even when the figures are not known.

```jues
上年.财政拨款 = 914.09
财政拨款 = 836.78

财政拨款减少 {change(财政拨款, 上年.财政拨款) = 77.31} 万元，增长 {growth(财政拨款, 上年.财政拨款) = 8.46%}。
```

An amount and its rate change the same way: here write 下降 for 增长.";

    YearMismatch = "J0408", Warning, "year does not fit the report's year",
"A year in the prose does not fit the report's year (`年度`). A final account compares its year
with the one before, so in a 2019 report `与2019年相比` (or `比2020年`) compares the year with
itself or with the future: the prior year's text with one number changed, or a slip. A
comparison with the same year's budget (`与2019年年初预算相比`) is not flagged. A year other
than the report's written before this year's figures (`2018年度收入合计` in a 2019 report) is
last year's text left in.

```jues
报告 \"2019年度部门决算\" {
  年度 2019
}
上年 2018 {
  收支总计 = 1084.35
}
收支总计 = 1149.45
与2019年相比，增加 {change(收支总计, 上年.收支总计) = 65.10} 万元。
```

Write the year meant, or let jues write it: `{年度}` is the report's year and `{上年.年度}`
the prior year's.";

    DataFile = "J0502", Error, "data file problem",
"A table's data file (`表 名称 \"标题\" 来自 \"公开表.xlsx\"`) cannot be read, lacks a column the
table needs, or has something the reader does not understand: a cell of an amount column that is
not a number (words, a date, an error value, a formula whose result was never saved, a comma
that does not group thousands, a rate without its `%`), a row with amounts but no code or name, a cell outside the
table's columns, two sides of a 总表 without `侧`. The message names the cell
(`收入支出决算总表!C12`) and the excerpt shows it; nothing the reader cannot understand becomes a
number.

```csv 支出.csv
科目编码,科目名称,决算数
201,一般公共服务支出,\"836,78\"
```

```jues
表 支出 \"支出决算表\" 来自 \"支出.csv\" {
  列 决算数: 金额
}
```

Here `836,78` could be 836.78 or 83678: write it as the workbook shows it (`836.78`). The reader
finds the title, the caption (`编制单位：… 金额单位：万元`), the header (over one row or two, merged
or not), the 栏次 row, the key columns (`科目编码` or `类 款 项`, `科目名称` or `项目`) and the
totals (`合计`, `合　计`, `本年收入合计` …) by what they say; see `docs/language.md`.";

    ImportFailed = "J0501", Error, "import cannot be loaded",
"An `导入` names a file that cannot be read, lies outside the folder of the importing document,
or imports the importing document again (a cycle); or it has no name (`为 上年`) to reach its
figures by.

```jues
导入 \"../2018/report.jues\" 为 上年
```

Check the path: it is relative to the importing file.";

    FontFile = "J0503", Error, "font file cannot be used",
"The report's `字体` names a font file that does not exist or lies outside the project folder
(the folder above the document's). A font is read only from inside the project, as every file a
document names is, so that a report from elsewhere cannot make jues read other files.

```jues
报告 \"某局2019年度部门决算\" {
  字体 \"/etc/passwd\"
}
```

Name a TrueType font inside the project (`字体 \"fonts/simsun.ttc\"`), a family (`字体 宋体`,
`字体 黑体`), or give the file with `--font` when building.";

    NotRead = "J0504", Warning, "part of a data file not read",
"A column of a table's data file has amounts, but no column of the table reads it: what the
workbook says there is neither shown nor checked.

```csv 支出.csv
科目编码,科目名称,决算数,调整预算数
201,一般公共服务支出,656.63,700.00
```

```jues
表 支出 \"支出决算表\" 来自 \"支出.csv\" {
  列 决算数: 金额
}
```

Add the column to the table with the header's words as its name or label
(`列 决算数: 金额, 调整预算 \"调整预算数\": 金额`), or delete it from the file.";

    MorePrecise = "J0505", Warning, "amount more precise than its column",
"A cell of a data file has more decimals than the published table shows (two), and the rest is
not the noise of binary arithmetic (`286.33000000000004` is read as 286.33 without a word). The
amount is kept as it is, so totals are checked with every digit, but the table will show it
rounded.

```csv 支出.csv
科目编码,科目名称,决算数
201,一般公共服务支出,656.635
```

```jues
表 支出 \"支出决算表\" 来自 \"支出.csv\" {
  列 决算数: 金额
}
```

Round the amount in the workbook, or check the formula that computes it.";

    OtherDepartment = "J0506", Warning, "data file of another department",
"The caption of a data file (`编制单位：…`) names another department than the report's `单位`:
the workbook may be another unit's.

```csv 支出.csv
一般公共预算财政拨款支出决算表
编制单位：某某县教育局,金额单位：万元
科目编码,科目名称,决算数
201,一般公共服务支出,656.63
```

```jues
报告 \"某某县人力资源和社会保障局2019年度部门决算\" {
  单位 \"某某县人力资源和社会保障局\"
}
表 支出 \"支出决算表\" 来自 \"支出.csv\" {
  列 决算数: 金额
}
```

Check that the workbook is the department's own; if the two names differ only in wording, write
the workbook's name as the report's `单位`.";
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
