//! Eval stage: the inconsistencies found by evaluating a document, and their wording.
//!
//! Messages show the stated value as written, the computed value with enough digits to see
//! the difference, the interval when the difference is a matter of rounding, and a help line
//! that says what to write.

use crate::check::classification;
use crate::diagnostics::{Code, Diagnostic, Label};
use crate::source::Span;

/// A stated value and what it was checked against, shared by the consistency errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The stated literal.
    pub span: Span,
    /// The stated value as written (`165%`).
    pub stated: String,
    /// The formula or figure it is checked against.
    pub formula_span: Span,
    /// What was computed, quoted for the message (`` `share(收入.财政拨款, 收入.合计)` ``).
    pub formula: String,
    /// The computed value with more digits than stated (`165.8777%`).
    pub computed: String,
    /// The computed interval (`[82.2525%, 82.2575%]`), when inputs are rounded.
    pub interval: Option<String>,
    /// The computed value rounded as the stated one is written: what to write.
    pub write: String,
}

/// A problem found while evaluating.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvalError {
    /// `{share(a, b) = 72.81%}` where the share is 72.80%.
    Mismatch(Statement),
    /// `{… = 165%}` where the value is 165.88%: truncated instead of rounded.
    Truncated(Statement),
    /// Consistent only because the inputs are rounded (reported with `--strict`).
    RoundingOnly(Statement),
    /// `{采购.中小企业 = 214.12元}` where the figure is 214.12 万元.
    WrongScale {
        statement: Statement,
        /// The stated digits with the unit that makes them right (`214.12万元`).
        meant: String,
    },
    /// `completion(0, 0)`: a rate over a zero base. `what` names the base.
    ZeroBase {
        span: Span,
        function: String,
        base: String,
    },
    /// `{x 按 大写}`.
    UnknownFormat { span: Span, option: String },
    /// `收入 + 人数`.
    Dims {
        span: Span,
        op: &'static str,
        left: String,
        right: String,
    },
    /// `5公斤`.
    UnknownUnit {
        span: Span,
        unit: String,
        suggestion: Option<String>,
    },
    /// `a + a` where `a` is 9999999999999999999999999999亿元: beyond the range of decimals.
    Overflow {
        span: Span,
        /// What was computed, quoted (`` `a + a` ``).
        expression: String,
        /// What overflowed, with the operands' values: `…亿元 + …亿元 has more than 28
        /// significant digits`.
        operation: String,
    },
    /// A value computed through more than `limit` steps nested in one another (a figure
    /// computed from a figure computed from …).
    TooDeep {
        span: Span,
        /// Where evaluation started (`a1000`'s formula).
        root: String,
        /// Where it went past the limit.
        expression: String,
        limit: usize,
    },
    /// `上年.收入总计` where the imported document defines no such figure.
    UnknownImported {
        span: Span,
        name: String,
        suggestion: Option<String>,
        /// Whether the suggestion is the figure whose label is the name written.
        by_label: bool,
    },
    /// `a = b + 1`, `b = a - 1`.
    Cycle { span: Span, path: String },
    /// `检查 a == b "…"` is false.
    CheckFailed {
        span: Span,
        message: Option<String>,
        detail: String,
        /// Where the report defines the figures the condition names.
        figures: Vec<(Span, String)>,
        /// The report type whose standard identity this is (`部门决算`), for a check of the
        /// library: it is reported at the report's own figures.
        standard: Option<String>,
        /// The standard figures the condition names that the report does not give (each is
        /// still its library default), as messages name them.
        defaults: Vec<String>,
    },
    /// A check or stated value skipped because it depends on figures the report does not
    /// publish (`未公开`, or left out of an excerpt).
    NotChecked {
        /// Where the first of them is declared unpublished (or the `摘录` setting).
        span: Span,
        /// What was not checked: a check's wording, a stated value.
        what: String,
        /// Where that is written.
        at: Span,
        /// The unpublished figures, as messages name them.
        figures: Vec<String>,
        /// Whether they are unpublished because the document is an excerpt.
        excerpt: bool,
        /// Whether what was not checked is a standard identity (written in the library, so
        /// the note is shown at the declaration instead).
        standard: bool,
    },
    /// Tables whose amounts are all whole numbers, read as published to whole units.
    InferredPrecision {
        span: Span,
        tables: Vec<String>,
        /// The money unit of the first (`万元`).
        unit: String,
    },
    /// Statements about an unknown figure (`= ?`) that no one value satisfies: the bound
    /// `span` gives and the one `other` gives do not meet.
    Contradiction {
        span: Span,
        figure: String,
        other: Span,
        /// What each statement says of the figure.
        implied: String,
        other_implied: String,
        /// The figure's `?`.
        declared: Span,
    },
    /// An unknown figure (`= ?`) that no stated value bounds.
    Unbounded { span: Span, figure: String },
    /// `其中` rows that add up to more than the row they are parts of.
    PartsExceedWhole {
        span: Span,
        table: String,
        row: String,
        column: String,
        whole: String,
        parts: String,
        part_rows: Vec<Span>,
    },
    /// A `其中` row with no row above it to be a part of.
    PartWithoutWhole { span: Span, row: String },
    /// A figure known only by bounds (`= ?`), printed in the text.
    UnknownShown {
        span: Span,
        figures: Vec<String>,
        declared: Span,
    },
    /// A figure the report does not publish, printed in the text.
    UnpublishedShown {
        span: Span,
        figures: Vec<String>,
        declared: Span,
    },
    /// Text or a comparison where a number is needed.
    NotANumber { span: Span, what: String },
    /// A stated subtotal or total that is not the sum of its rows.
    TotalMismatch {
        span: Span,
        table: String,
        row: String,
        column: String,
        stated: String,
        computed: String,
        difference: String,
        /// The sum as the stated cell is written: what to write.
        write: String,
        rows: Vec<Span>,
        /// In a table whose amounts are published to a `金额精度`: that precision, and the
        /// intervals of the sum and of the stated total.
        rounding: Option<(String, String, String)>,
    },
    /// A table setting with a value it cannot take (`合计行 也许`).
    Setting(crate::check::CheckError),
    /// A table with no rows and no `空表说明`.
    EmptyTable { span: Span, table: String },
    /// Standard tables (`公开08表`) the report of a standard type does not declare: (number,
    /// table name, title) each.
    MissingTables {
        span: Span,
        /// The report type (`部门决算`).
        kind: String,
        tables: Vec<(String, String, String)>,
    },
    /// A budget line far from its budget, with no `说明`.
    MissingReason {
        span: Span,
        row: String,
        budget: String,
        actual: String,
    },
    /// The same classification code (or label) twice in one table.
    DuplicateRow {
        span: Span,
        first: Span,
        key: String,
    },
    /// A row's name is not the classification's name for its code.
    CodeName {
        span: Span,
        code: String,
        written: String,
        expected: String,
    },
    /// The codes of the document's tables that no list has (a note until the list is
    /// complete): one note for the whole document.
    UnlistedCodes {
        /// The first row whose code no list has.
        span: Span,
        /// Each such code once, in the order of the document.
        codes: Vec<String>,
        /// The tables they are in, each with how many of its codes no list has.
        tables: Vec<(String, usize)>,
        /// Whether the document brings its own list (`科目表`), consulted too.
        own_list: bool,
    },
    /// A code of the wrong shape (not 3, 5 or 7 digits), or whose parent is not in the table.
    InvalidCode {
        span: Span,
        code: String,
        reason: String,
    },
    /// A cell whose value does not fit its column.
    CellType {
        span: Span,
        column: String,
        expected: String,
    },
    /// More cells than input columns.
    TooManyCells { span: Span, columns: usize },
    /// A row listed under a 类 or 款 its code is not part of: `2080105` after `20802`.
    WrongParent {
        span: Span,
        /// The row, as messages name it (`` row `2080105 劳动保障监察` ``).
        row: String,
        code: String,
        /// The 类 or 款 row it is listed under.
        under: Span,
        under_code: String,
        under_name: String,
        /// Its code's 类 or 款, at the level of the row it is listed under (`20801`).
        belongs: String,
        /// The row its amounts are added to by its code; `None`: only the total.
        counted: Option<String>,
    },
    /// One code with two names: in two tables of the document, or here and in last year's
    /// imported report.
    CodeTwoNames {
        span: Span,
        code: String,
        written: String,
        table: String,
        /// The other name, where it is written and in which table.
        other: String,
        other_span: Span,
        other_table: String,
        /// The name the imported report is bound to (`上年`), when the other name is its.
        prior: Option<String>,
    },
    /// `增加 {change(…)}` where the change is negative.
    Direction {
        span: Span,
        word_span: Span,
        word: String,
        actual: String,
        expected_word: String,
        /// The word and the value to write instead, when the value is wrong too.
        write: Option<String>,
    },
    /// `减少{change(a, b) = 77.31}万元，增长{growth(a, b) = 8.46%}`: two words of one paragraph
    /// say opposite things of the change between the same figures.
    WordsDisagree {
        first: Span,
        first_word: String,
        second: Span,
        second_word: String,
        /// The change's operands as written (`收入.财政拨款, 上年.财政拨款收入`).
        change: String,
    },
}

impl EvalError {
    /// The wording of this error as a diagnostic.
    pub fn to_diagnostic(&self) -> Diagnostic {
        match self {
            EvalError::Mismatch(s) => Diagnostic::new(
                Code::StatedMismatch,
                format!("stated `{}`, but {} is {}", s.stated, s.formula, s.computed),
                Label::new(s.span, format!("computed: {}", s.computed)),
            )
            .with_label(s.formula_span, "computed from this")
            .with_notes(s.interval.iter().map(|i| format!("with the rounding of its inputs the value lies in {i}")))
            .with_help(format!("write `{}`", s.write)),
            EvalError::Truncated(s) => Diagnostic::new(
                Code::Truncated,
                format!("`{}` looks truncated: {} is {}, which rounds to `{}`", s.stated, s.formula, s.computed, s.write),
                Label::new(s.span, "cut off instead of rounded"),
            )
            .with_label(s.formula_span, "computed from this")
            .with_notes(s.interval.iter().map(|i| format!("with the rounding of its inputs the value lies in {i}")))
            .with_help(format!("round half up (四舍五入): write `{}`", s.write)),
            EvalError::RoundingOnly(s) => Diagnostic::new(
                Code::RoundingOnly,
                format!("`{}` holds only through the rounding of its inputs: {} is {}", s.stated, s.formula, s.computed),
                Label::new(s.span, format!("the inputs as written give {}", s.write)),
            )
            .with_label(s.formula_span, "computed from this")
            .with_notes(s.interval.iter().map(|i| format!("with the rounding of its inputs the value lies in {i}")))
            .with_help("check the unrounded source data; the published figures do not add up exactly"),
            EvalError::WrongScale { statement: s, meant } => Diagnostic::new(
                Code::WrongScale,
                format!("stated `{}`, but {} is {}", s.stated, s.formula, s.computed),
                Label::new(s.span, "wrong unit"),
            )
            .with_label(s.formula_span, "computed from this")
            .with_help(format!("did you mean `{meant}`?")),
            EvalError::ZeroBase { span, function, base } => Diagnostic::new(
                Code::ZeroBase,
                format!("`{function}` over a zero base: {base} is 0"),
                Label::new(*span, "undefined"),
            )
            .with_help("a rate over zero has no value: write the amounts (\"预算为0万元，决算为0万元\") or \"不适用\" instead of a percentage"),
            EvalError::UnknownFormat { span, option } => Diagnostic::new(
                Code::UnknownFormat,
                format!("unknown format option `{option}`"),
                Label::new(*span, "not a format option"),
            )
            .with_help("the options are a unit (`元`, `万元`, `%` …), decimals (`.1`, `2位`), `绝对值`, `千分位` and `增减`"),
            EvalError::Dims { span, op, left, right } => Diagnostic::new(
                Code::UnitMismatch,
                format!("cannot apply `{op}` to {left} and {right}"),
                Label::new(*span, "units do not agree"),
            )
            .with_help("amounts of money, counts of different things and ratios cannot be mixed; check the units of the operands"),
            EvalError::UnknownUnit { span, unit, suggestion } => {
                let d = Diagnostic::new(
                    Code::UnknownUnit,
                    format!("unknown unit `{unit}`"),
                    Label::new(*span, "not a unit"),
                );
                match suggestion {
                    Some(s) => d.with_help(format!("did you mean `{s}`?")),
                    None => d.with_help("money is 元, 千元, 万元 or 亿元; counts are 人, 人次, 家, 个, 项, 辆, 台(套), 期, 场, 份, 件, 批次, 团组 …; ratios are % and ‰ (see `docs/language.md`)"),
                }
            }
            EvalError::Overflow { span, expression, operation } => Diagnostic::new(
                Code::Overflow,
                format!("cannot compute {expression} exactly: {operation}"),
                Label::new(*span, "beyond the range of exact decimals"),
            )
            .with_help("no amount in a report is this large or this precise: check the values it is computed from, or write them in a larger unit (`万元`, `亿元`) or with fewer decimals"),
            EvalError::TooDeep { span, root, expression, limit } => Diagnostic::new(
                Code::TooDeeplyNested,
                format!("computing `{root}` goes more than {limit} steps deep (figures computed from figures, cells and operators, one inside another), down to `{expression}` here"),
                Label::new(*span, format!("step {limit}")),
            )
            .with_help("compute it through fewer figures in a row: add many parts up with `sum(…)` or from a table's total, or write an intermediate figure as a number (`x = 1149.45`) and compute the rest from it"),
            EvalError::UnknownImported { span, name, suggestion, by_label } => {
                let d = Diagnostic::new(
                    Code::UnknownName,
                    format!("unknown name `{name}`: the imported document does not define it"),
                    Label::new(*span, "not in the imported document"),
                );
                match suggestion {
                    Some(s) if *by_label => d.with_help(format!("the imported report calls it `{s}`: write that")),
                    Some(s) => d.with_help(format!("did you mean `{s}`?")),
                    None => d.with_help("an imported report's figures keep the names it gives them (`上年.收入.合计`, `上年.总计.收入`): use one of those, or define the figure in the imported report"),
                }
            }
            EvalError::Cycle { span, path } => Diagnostic::new(
                Code::Cycle,
                format!("circular definition: {path}"),
                Label::new(*span, "depends on itself"),
            )
            .with_help("give one of them a value (a number) instead of a formula"),
            EvalError::CheckFailed { span, message, detail, figures, standard, defaults } => {
                let wording = match message {
                    Some(m) => format!("check failed: {m}"),
                    None => "check failed".to_owned(),
                };
                // A standard identity is the report's figures disagreeing: it is shown at them,
                // and the identity's own line is a note.
                let at_figures = standard.is_some() && !figures.is_empty();
                let mut d = match (standard, figures.first()) {
                    (Some(kind), Some((first, _))) if at_figures => Diagnostic::new(
                        Code::CheckFailed,
                        format!("{wording} (a standard identity of {kind})"),
                        Label::new(*first, detail.clone()),
                    )
                    .with_label(*span, format!("the identity of {kind}")),
                    _ => Diagnostic::new(Code::CheckFailed, wording, Label::new(*span, detail.clone())),
                };
                let rest = if at_figures { figures.get(1..).unwrap_or_default() } else { figures };
                for (figure, name) in rest {
                    d = d.with_label(*figure, format!("`{name}` is defined here"));
                }
                for name in defaults {
                    d = d.with_note(format!("{name} is not given in the report, so it counts as 0"));
                }
                if defaults.is_empty() {
                    d.with_help("correct the figures so that the condition holds")
                } else {
                    d.with_help("correct the figures so that the condition holds; give each figure the report publishes its value, and write `= 未公开` for one it does not publish (in an excerpt, `摘录 是` in the `报告` block)")
                }
            }
            EvalError::NotChecked { span, what, at, figures, excerpt, standard } => {
                let names = figures.join(", ");
                let verb = if figures.len() == 1 { "is" } else { "are" };
                let (reason, declared) = if *excerpt {
                    (
                        "the document is an excerpt (`摘录 是`): a standard figure it does not give is not published, not 0",
                        "an excerpt: what it does not give is not published",
                    )
                } else {
                    ("a figure written `= 未公开` has no value, not 0", "not published")
                };
                let message = format!("not checked: {what}, because {names} {verb} not published");
                let d = if *standard {
                    Diagnostic::new(Code::NotChecked, message, Label::new(*span, declared))
                        .with_label(*at, "the identity")
                } else {
                    Diagnostic::new(Code::NotChecked, message, Label::new(*at, "not checked"))
                        .with_label(*span, declared)
                };
                d.with_note(reason)
                    .with_help("give the figure its published value to have this checked")
            }
            EvalError::InferredPrecision { span, tables, unit } => {
                let names: Vec<String> = tables.iter().map(|t| format!("`{t}`")).collect();
                let (which, verb) = if tables.len() == 1 {
                    (format!("table {}", names.join("")), "is")
                } else {
                    (format!("tables {}", names.join(", ")), "are")
                };
                Diagnostic::new(
                    Code::InferredPrecision,
                    format!("every amount of {which} {verb} a whole number: read as published to whole {unit} (`金额精度 1`)"),
                    Label::new(*span, format!("amounts rounded to whole {unit}")),
                )
                .with_note(format!("so `23653` stands for any amount from 23652.5 to 23653.5 {unit}, and the rows of a 类 may add up to it within that rounding"))
                .with_help("say so in the `报告` block (`金额精度 1`), and this note goes; if the amounts are exact, write `金额精度 0.01` there or in the table")
            }
            EvalError::Contradiction { span, figure, other, implied, other_implied, declared } => Diagnostic::new(
                Code::Contradiction,
                format!("the statements about {figure} contradict each other: this one needs it {implied}, another {other_implied}"),
                Label::new(*span, format!("needs it {implied}")),
            )
            .with_label(*other, format!("needs it {other_implied}"))
            .with_label(*declared, "known only through what the text says of it")
            .with_note("each stated value, read with its rounding, bounds the figure; no one value of it makes both statements true")
            .with_help("one of the two stated values is wrong: check both against the source data"),
            EvalError::Unbounded { span, figure } => Diagnostic::new(
                Code::Unbounded,
                format!("nothing the text states bounds {figure}"),
                Label::new(*span, "no stated value gives it"),
            )
            .with_note("an unknown figure (`= ?`) is inferred from the stated values whose formula names it once and names no other unknown figure, such as `{completion(决算数, 年初预算) = 91.27%}`; what depends on it is not checked")
            .with_help("state a value that gives it, or give the figure its published value"),
            EvalError::PartsExceedWhole { span, table, row, column, whole, parts, part_rows } => {
                let mut d = Diagnostic::new(
                    Code::PartRows,
                    format!("the 其中 rows under {row} of table `{table}` add up to {parts} in `{column}`, more than the row's {whole}"),
                    Label::new(*span, format!("{column}: {whole}")),
                );
                for part in part_rows {
                    d = d.with_label(*part, "其中");
                }
                d.with_note("其中 rows are parts of the row above them: together they cannot hold more than it")
                    .with_help("correct the row or its parts against the source data")
            }
            EvalError::PartWithoutWhole { span, row } => Diagnostic::new(
                Code::PartRows,
                format!("the 其中 row `{row}` has no row above it to be a part of"),
                Label::new(*span, "a part of what?"),
            )
            .with_help("put it under the row it is a part of, or write it without `其中`"),
            EvalError::UnknownShown { span, figures, declared } => Diagnostic::new(
                Code::UnpublishedShown,
                format!("the text prints {}, which the report gives only through what it says of it", figures.join(", ")),
                Label::new(*span, "no value to print"),
            )
            .with_label(*declared, "known only by bounds")
            .with_note("its value is known only to lie within the bounds its statements give: any number printed for it would be a guess")
            .with_help("write the number the published text gives as a stated value (`{名称 = 数值}`), or give the figure its published value"),
            EvalError::UnpublishedShown { span, figures, declared } => Diagnostic::new(
                Code::UnpublishedShown,
                format!("the text prints {}, which the report does not publish", figures.join(", ")),
                Label::new(*span, "no value to print"),
            )
            .with_label(*declared, "not published")
            .with_help("give the figure its published value, or write the published number as a stated value (`{名称 = 数值}`)"),
            EvalError::NotANumber { span, what } => Diagnostic::new(
                Code::UnitMismatch,
                format!("{what} is not a number"),
                Label::new(*span, "a number is needed here"),
            ),
            EvalError::TotalMismatch { span, table, row, column, stated, computed, difference, write, rows, rounding } => {
                let mut d = Diagnostic::new(
                    Code::TotalMismatch,
                    format!("{row} of `{table}` states {column} {stated}, but its rows sum to {computed} (difference {difference})"),
                    Label::new(*span, format!("rows sum to {computed}")),
                );
                for r in rows.iter().take(12) {
                    d = d.with_label(*r, "");
                }
                if let Some((precision, sum, total)) = rounding {
                    d = d.with_note(format!("with amounts published to `金额精度 {precision}`, the rows sum to {sum} and the total stands for {total}: the two do not meet"));
                }
                d.with_help(format!("write `{write}`, or correct the rows"))
            }
            EvalError::Setting(error) => error.to_diagnostic(),
            EvalError::EmptyTable { span, table } => Diagnostic::new(
                Code::EmptyTable,
                format!("table `{table}` has no rows and does not say why"),
                Label::new(*span, "empty"),
            )
            .with_help("give the table its rows, or say why it has none: `空表说明 \"本单位无…\"` (in a transcription whose source did not publish them, `未公开 \"…\"`)"),
            EvalError::MissingTables { span, kind, tables } => {
                let list: Vec<String> = tables
                    .iter()
                    .map(|(number, table, title)| format!("{number} {title} (`{table}`)"))
                    .collect();
                let declarations: Vec<String> =
                    tables.iter().map(|(_, table, _)| format!("`表 {table} {{ … }}`")).collect();
                Diagnostic::new(
                    Code::MissingTable,
                    format!(
                        "the report leaves out {} of the tables a {kind} publishes: {}",
                        tables.len(),
                        list.join(", ")
                    ),
                    Label::new(*span, format!("a {kind} publishes every 公开表")),
                )
                .with_help(format!(
                    "declare each in 第二部分, in its place: {}, with its rows, or with `空表说明 \"本单位无…\"` when there is nothing to show",
                    declarations.join(", ")
                ))
            }
            EvalError::MissingReason { span, row, budget, actual } => Diagnostic::new(
                Code::MissingReason,
                format!("{row} spent {actual} against a budget of {budget}, with no reason given"),
                Label::new(*span, "needs a reason"),
            )
            .with_help("write the reason in the row's `说明` cell (决算数与年初预算差异超过10%或无年初预算时须说明原因)"),
            EvalError::DuplicateRow { span, first, key } => Diagnostic::new(
                Code::DuplicateRow,
                format!("row `{key}` appears twice in the table"),
                Label::new(*span, "again here"),
            )
            .with_label(*first, "first here")
            .with_help("merge the two rows, or give the second its own classification code"),
            EvalError::CodeName { span, code, written, expected } => Diagnostic::new(
                Code::CodeName,
                format!("code `{code}` is named `{expected}`, not `{written}`"),
                Label::new(*span, format!("expected `{expected}`")),
            )
            .with_help(format!("write `\"{expected}\"`")),
            EvalError::UnlistedCodes { span, codes, tables, own_list } => {
                // The list is capped: a real report has a hundred codes or more. ("and 1 more"
                // would take the place of the code it stands for.)
                const SHOWN: usize = 10;
                let shown = if codes.len() > SHOWN + 1 { SHOWN } else { codes.len() };
                let mut list: Vec<String> = codes.iter().take(shown).map(|c| format!("`{c}`")).collect();
                if codes.len() > shown {
                    list.push(format!("and {} more", codes.len().saturating_sub(shown)));
                }
                let list = list.join(", ");
                let where_ = if *own_list {
                    "the built-in classification list or the report's `科目表`"
                } else {
                    "the built-in classification list"
                };
                let (message, label) = match (codes.as_slice(), tables.as_slice()) {
                    ([one], [(table, _)]) => (
                        format!("code `{one}` of table `{table}` is not in {where_}"),
                        "not in the list".to_owned(),
                    ),
                    (_, [(table, _)]) => (
                        format!("{} codes of table `{table}` are not in {where_}: {list}", codes.len()),
                        format!("the first of {} codes not in the list", codes.len()),
                    ),
                    _ => (
                        format!("{} codes in {} tables are not in {where_}: {list}", codes.len(), tables.len()),
                        format!("the first of {} codes not in the list", codes.len()),
                    ),
                };
                let mut d = Diagnostic::new(Code::UnlistedCode, message, Label::new(*span, label))
                    .with_note("their names were not checked: the built-in list holds only codes verified against a public source (`stdlib/codes/`)");
                if tables.len() > 1 {
                    let each: Vec<String> = tables.iter().map(|(t, n)| format!("`{t}` {n}")).collect();
                    d = d.with_note(format!("codes not in the list by table: {}", each.join(", ")));
                }
                if *own_list {
                    d.with_help("to have their names checked, add them to the report's `科目表`, each with its name, its level and where the name is from (`jues explain J0304`)")
                } else {
                    d.with_help("to have their names checked, give the report its own list of the year's codes: `科目表 \"codes.tsv\"` in the `报告` block (`jues explain J0304` shows the file)")
                }
            }
            EvalError::InvalidCode { span, code, reason } => Diagnostic::new(
                Code::InvalidCode,
                format!("`{code}` is not a classification code: {reason}"),
                Label::new(*span, "invalid code"),
            )
            .with_help("功能分类 codes have 3 (类), 5 (款) or 7 (项) digits; 经济分类 codes 3 or 5"),
            EvalError::CellType { span, column, expected } => Diagnostic::new(
                Code::CellType,
                format!("column `{column}` holds {expected}"),
                Label::new(*span, format!("expected {expected}")),
            )
            .with_help("check the order of the cells against the `列` line"),
            EvalError::TooManyCells { span, columns } => Diagnostic::new(
                Code::CellType,
                format!("this row has more cells than the table's {columns} input columns"),
                Label::new(*span, "extra cell"),
            )
            .with_help("remove the cell, or add a column to the `列` line"),
            EvalError::WrongParent { span, row, code, under, under_code, under_name, belongs, counted } => {
                let level = classification::level_name(under_code.len());
                let own = classification::level_name(code.len());
                let above = if under_name.is_empty() {
                    format!("{level} `{under_code}`")
                } else {
                    format!("{level} `{under_code} {under_name}`")
                };
                let counted = match counted {
                    Some(row) => format!("its amounts are added to {row}, the {level} of its code, not to `{under_code}`"),
                    None => format!("its amounts are added to no row of the table but the total, not to `{under_code}`"),
                };
                Diagnostic::new(
                    Code::WrongParent,
                    format!("{row} is listed under {above}, but {code} is a {own} of {level} {belongs}"),
                    Label::new(*span, format!("a {own} of {level} {belongs}")),
                )
                .with_label(*under, format!("listed under this {level}"))
                .with_note(format!("subtotals follow the codes: {counted}"))
                .with_help(format!("{code} 属于 {belongs} {level}，却列在 {under_code} {level}下: move the row under {level} {belongs}, or correct its code"))
            }
            EvalError::CodeTwoNames { span, code, written, table, other, other_span, other_table, prior } => match prior {
                None => Diagnostic::new(
                    Code::CodeTwoNames,
                    format!("code `{code}` is `{written}` in table `{table}`, but `{other}` in table `{other_table}`"),
                    Label::new(*span, format!("not as `{other_table}` names it")),
                )
                .with_label(*other_span, format!("named `{other}` here"))
                .with_help(format!("one code has one name: write the name the 政府收支分类科目 gives {code} in both tables")),
                Some(alias) => Diagnostic::new(
                    Code::CodeTwoNames,
                    format!("code `{code}` is `{written}` here, but last year's report (`{alias}`) called it `{other}`"),
                    Label::new(*span, format!("last year: `{other}`")),
                )
                .with_label(*other_span, format!("last year's table `{other_table}`"))
                .with_help(format!("write the name the 政府收支分类科目 gives {code}; if this year's classification renamed it, keep the new name and give the report a `科目表` with this year's names, which jues checks instead")),
            },
            EvalError::Direction { span, word_span, word, actual, expected_word, write } => {
                let d = Diagnostic::new(
                    Code::Direction,
                    format!("the text says `{word}`, but the value is {actual}"),
                    Label::new(*word_span, format!("should be `{expected_word}`")),
                )
                .with_label(*span, format!("is {actual}"));
                match write {
                    Some(write) => d.with_help(format!("write `{write}` in its place")),
                    None => d.with_help(format!("write `{expected_word}`, or let jues choose the word: interpolate the change without a word before it")),
                }
            }
            EvalError::WordsDisagree { first, first_word, second, second_word, change } => Diagnostic::new(
                Code::WordsDisagree,
                format!("`{first_word}` and `{second_word}` say opposite things of one change ({change})"),
                Label::new(*second, format!("`{second_word}` here")),
            )
            .with_label(*first, format!("`{first_word}` here"))
            .with_help("an amount and its rate change the same way: keep the word that is true and correct the other"),
        }
    }
}
