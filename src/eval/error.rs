//! Eval stage: the inconsistencies found by evaluating a document, and their wording.
//!
//! Messages show the stated value as written, the computed value with enough digits to see
//! the difference, the interval when the difference is a matter of rounding, and a help line
//! that says what to write.

use crate::check::classification;
use crate::diagnostics::{Code, Diagnostic, Label};
use crate::i18n::{Arg, Message};
use crate::msg;
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
    pub formula: Message,
    /// The computed value with more digits than stated (`165.8777%`).
    pub computed: Message,
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
        /// When the stated value's unit is the one the text after it writes (`{… = 214.12}
        /// 元`): that word, and the unit to write there instead.
        unit_after: Option<(Span, String)>,
    },
    /// `{收入.合计} 万元`: a value shown with its unit (`1149.45万元`), and the text after it
    /// writes a unit again.
    UnitTwice {
        /// The unit written after the value.
        span: Span,
        /// The value's expression, inside its `{…}`.
        value: Span,
        shown: String,
        written: String,
        /// What the published text would read: the value as shown, the spaces and the unit.
        printed: String,
        /// Whether the unit written after is the one the value is shown in.
        same: bool,
        /// The unit written after the value, with the spaces before it: what to delete.
        remove: Span,
    },
    /// `completion(0, 0)`: a rate over a zero base. `base` names it (`` `b` ``, the divisor).
    ZeroBase {
        span: Span,
        function: String,
        base: Message,
    },
    /// `{x 按 大写}`.
    UnknownFormat { span: Span, option: String },
    /// `收入 + 人数`.
    Dims {
        span: Span,
        op: &'static str,
        left: Message,
        right: Message,
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
        expression: Message,
        /// What overflowed, with the operands' values: `…亿元 + …亿元 has more than 28
        /// significant digits`.
        operation: Message,
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
    Cycle { span: Span, path: Message },
    /// `检查 a == b "…"` is false.
    CheckFailed {
        span: Span,
        message: Option<String>,
        /// What the condition's sides are (`` `a` is 1, `b` is 2 ``), or that it is false.
        detail: Message,
        /// Where the report defines the figures the condition names.
        figures: Vec<(Span, String)>,
        /// The report type whose standard identity this is (`部门决算`), for a check of the
        /// library: it is reported at the report's own figures.
        standard: Option<String>,
        /// The standard figures the condition names that the report does not give (each is
        /// still its library default), as messages name them.
        defaults: Vec<Message>,
    },
    /// A check or stated value skipped because it depends on figures the report does not
    /// publish (`未公开`, or left out of an excerpt).
    NotChecked {
        /// Where the first of them is declared unpublished (or the `摘录` setting).
        span: Span,
        /// What was not checked: a check's wording, a stated value.
        what: Message,
        /// Where that is written.
        at: Span,
        /// The unpublished figures, as messages name them.
        figures: Vec<Message>,
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
        figure: Message,
        other: Span,
        /// What each statement says of the figure.
        implied: Message,
        other_implied: Message,
        /// The figure's `?`.
        declared: Span,
    },
    /// An unknown figure (`= ?`) that no stated value bounds.
    Unbounded { span: Span, figure: Message },
    /// `其中` rows that add up to more than the row they are parts of.
    PartsExceedWhole {
        span: Span,
        table: String,
        row: Message,
        column: String,
        whole: Message,
        parts: Message,
        part_rows: Vec<Span>,
    },
    /// A `其中` row with no row above it to be a part of.
    PartWithoutWhole { span: Span, row: String },
    /// A figure known only by bounds (`= ?`), printed in the text.
    UnknownShown {
        span: Span,
        figures: Vec<Message>,
        declared: Span,
    },
    /// A figure the report does not publish, printed in the text.
    UnpublishedShown {
        span: Span,
        figures: Vec<Message>,
        declared: Span,
    },
    /// Text or a comparison where a number is needed.
    NotANumber { span: Span, what: Message },
    /// A stated subtotal or total that is not the sum of its rows.
    TotalMismatch {
        span: Span,
        table: String,
        row: Message,
        column: String,
        stated: Message,
        computed: Message,
        difference: Message,
        /// The sum as the stated cell is written: what to write.
        write: String,
        rows: Vec<Span>,
        /// In a table whose amounts are published to a `金额精度`: that precision, and the
        /// intervals of the sum and of the stated total.
        rounding: Option<(String, Message, Message)>,
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
        row: Message,
        budget: Message,
        actual: Message,
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
        /// Where the name is written, for the fix that writes the list's name there.
        name_span: Option<Span>,
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
        reason: Message,
    },
    /// A cell whose value does not fit its column.
    CellType {
        span: Span,
        column: String,
        expected: Message,
    },
    /// More cells than input columns.
    TooManyCells { span: Span, columns: usize },
    /// A row listed under a 类 or 款 its code is not part of: `2080105` after `20802`.
    WrongParent {
        span: Span,
        /// The row, as messages name it (`` row `2080105 劳动保障监察` ``).
        row: Message,
        code: String,
        /// The 类 or 款 row it is listed under.
        under: Span,
        under_code: String,
        under_name: String,
        /// Its code's 类 or 款, at the level of the row it is listed under (`20801`).
        belongs: String,
        /// The row its amounts are added to by its code; `None`: only the total.
        counted: Option<Message>,
    },
    /// One code with two names: in two tables of the document, or here and in an imported
    /// report (last year's, as a rule).
    CodeTwoNames {
        span: Span,
        code: String,
        written: String,
        table: String,
        /// The other name, where it is written and in which table.
        other: String,
        other_span: Span,
        other_table: String,
        /// The imported report, when the other name is its.
        prior: Option<OtherReport>,
    },
    /// `增加 {change(…)}` where the change is negative.
    Direction {
        span: Span,
        word_span: Span,
        word: String,
        actual: Message,
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

/// An imported report that names a code otherwise than this one (J0313).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherReport {
    /// The name it is imported as (`上年`).
    pub alias: String,
    /// Its `年度`, when it states one.
    pub year: Option<rust_decimal::Decimal>,
    /// Whether that is the year before this report's: last year's report.
    pub last_year: bool,
    /// Whether that is another year than this report's, whose classification may have named the
    /// code otherwise.
    pub other_year: bool,
}

impl Statement {
    /// The note on the interval of the computed value, when there is one.
    fn interval_note(&self) -> Option<Message> {
        self.interval
            .as_ref()
            .map(|i| msg!("eval-interval", interval = i))
    }
}

/// `did you mean `…`?`.
fn did_you_mean(name: &str) -> Message {
    msg!("eval-did-you-mean", name = name)
}

impl EvalError {
    /// The wording of this error as a diagnostic.
    pub fn to_diagnostic(&self) -> Diagnostic {
        match self {
            EvalError::Mismatch(s) => Diagnostic::new(
                Code::StatedMismatch,
                msg!(
                    "J0201-mismatch",
                    stated = &s.stated,
                    formula = &s.formula,
                    computed = &s.computed
                ),
                Label::new(s.span, msg!("J0201-mismatch.label", computed = &s.computed)),
            )
            .with_label(s.formula_span, msg!("eval-computed-from"))
            .with_notes(s.interval_note())
            .with_fix(
                msg!("J0201-mismatch.help", write = &s.write),
                s.span,
                &s.write,
            ),
            EvalError::Truncated(s) => Diagnostic::new(
                Code::Truncated,
                msg!(
                    "J0202-truncated",
                    stated = &s.stated,
                    formula = &s.formula,
                    computed = &s.computed,
                    write = &s.write
                ),
                Label::new(s.span, msg!("J0202-truncated.label")),
            )
            .with_label(s.formula_span, msg!("eval-computed-from"))
            .with_notes(s.interval_note())
            .with_fix(
                msg!("J0202-truncated.help", write = &s.write),
                s.span,
                &s.write,
            ),
            EvalError::RoundingOnly(s) => Diagnostic::new(
                Code::RoundingOnly,
                msg!(
                    "J0203-rounding-only",
                    stated = &s.stated,
                    formula = &s.formula,
                    computed = &s.computed
                ),
                Label::new(s.span, msg!("J0203-rounding-only.label", write = &s.write)),
            )
            .with_label(s.formula_span, msg!("eval-computed-from"))
            .with_notes(s.interval_note())
            .with_help(msg!("J0203-rounding-only.help")),
            EvalError::WrongScale {
                statement: s,
                meant,
                unit_after,
            } => {
                let d = Diagnostic::new(
                    Code::WrongScale,
                    msg!(
                        "J0204-wrong-scale",
                        stated = &s.stated,
                        formula = &s.formula,
                        computed = &s.computed
                    ),
                    Label::new(s.span, msg!("J0204-wrong-scale.label")),
                )
                .with_label(s.formula_span, msg!("eval-computed-from"));
                match unit_after {
                    Some((word, unit)) => d.with_fix(did_you_mean(meant), *word, unit),
                    None => d.with_fix(did_you_mean(meant), s.span, meant),
                }
            }
            EvalError::UnitTwice {
                span,
                value,
                shown,
                written,
                printed,
                same,
                remove,
            } => {
                let help = if *same {
                    msg!("J0412-unit-twice.help", written = written)
                } else {
                    msg!("J0412-unit-twice.help-other", written = written)
                };
                Diagnostic::new(
                    Code::UnitTwice,
                    msg!(
                        "J0412-unit-twice",
                        shown = shown,
                        written = written,
                        printed = printed
                    ),
                    Label::new(*span, msg!("J0412-unit-twice.label")),
                )
                .with_label(*value, msg!("J0412-unit-twice.value", shown = shown))
                .with_fix(help, *remove, String::new())
            }
            EvalError::ZeroBase {
                span,
                function,
                base,
            } => Diagnostic::new(
                Code::ZeroBase,
                msg!("J0205-zero-base", function = function, base = base),
                Label::new(*span, msg!("J0205-zero-base.label")),
            )
            .with_help(msg!("J0205-zero-base.help")),
            EvalError::UnknownFormat { span, option } => Diagnostic::new(
                Code::UnknownFormat,
                msg!("J0107-unknown-format", option = option),
                Label::new(*span, msg!("J0107-unknown-format.label")),
            )
            .with_help(msg!("J0107-unknown-format.help")),
            EvalError::Dims {
                span,
                op,
                left,
                right,
            } => Diagnostic::new(
                Code::UnitMismatch,
                msg!("J0206-units", op = *op, left = left, right = right),
                Label::new(*span, msg!("J0206-units.label")),
            )
            .with_help(msg!("J0206-units.help")),
            EvalError::UnknownUnit {
                span,
                unit,
                suggestion,
            } => {
                let d = Diagnostic::new(
                    Code::UnknownUnit,
                    msg!("J0207-unknown-unit", unit = unit),
                    Label::new(*span, msg!("J0207-unknown-unit.label")),
                );
                match suggestion {
                    Some(s) => d.with_fix(did_you_mean(s), *span, s),
                    None => d.with_help(msg!("J0207-unknown-unit.help")),
                }
            }
            EvalError::Overflow {
                span,
                expression,
                operation,
            } => Diagnostic::new(
                Code::Overflow,
                msg!(
                    "J0208-overflow",
                    expression = expression,
                    operation = operation
                ),
                Label::new(*span, msg!("J0208-overflow.label")),
            )
            .with_help(msg!("J0208-overflow.help")),
            EvalError::TooDeep {
                span,
                root,
                expression,
                limit,
            } => Diagnostic::new(
                Code::TooDeeplyNested,
                msg!(
                    "J0004-too-deep-computing",
                    root = root,
                    limit = limit,
                    expression = expression
                ),
                Label::new(*span, msg!("J0004-too-deep-computing.label", limit = limit)),
            )
            .with_help(msg!("J0004-too-deep-computing.help")),
            EvalError::UnknownImported {
                span,
                name,
                suggestion,
                by_label,
            } => {
                let d = Diagnostic::new(
                    Code::UnknownName,
                    msg!("J0101-unknown-imported", name = name),
                    Label::new(*span, msg!("J0101-unknown-imported.label")),
                );
                match suggestion {
                    Some(s) if *by_label => {
                        d.with_help(msg!("J0101-unknown-imported.by-label", name = s))
                    }
                    Some(s) => d.with_fix(did_you_mean(s), *span, s),
                    None => d.with_help(msg!("J0101-unknown-imported.help")),
                }
            }
            EvalError::Cycle { span, path } => Diagnostic::new(
                Code::Cycle,
                msg!("J0209-cycle", path = path),
                Label::new(*span, msg!("J0209-cycle.label")),
            )
            .with_help(msg!("J0209-cycle.help")),
            EvalError::CheckFailed {
                span,
                message,
                detail,
                figures,
                standard,
                defaults,
            } => {
                let wording = match message {
                    Some(m) => msg!("J0210-check-failed.said", message = m),
                    None => msg!("J0210-check-failed"),
                };
                // A standard identity is the report's figures disagreeing: it is shown at them,
                // and the identity's own line is a note.
                let at_figures = standard.is_some() && !figures.is_empty();
                let mut d = match (standard, figures.first()) {
                    (Some(kind), Some((first, _))) if at_figures => Diagnostic::new(
                        Code::CheckFailed,
                        msg!("J0210-check-failed.standard", check = wording, kind = kind),
                        Label::new(*first, detail.clone()),
                    )
                    .with_label(*span, msg!("J0210-check-failed.identity", kind = kind)),
                    _ => Diagnostic::new(
                        Code::CheckFailed,
                        wording,
                        Label::new(*span, detail.clone()),
                    ),
                };
                let rest = if at_figures {
                    figures.get(1..).unwrap_or_default()
                } else {
                    figures
                };
                for (figure, name) in rest {
                    d = d.with_label(*figure, msg!("J0210-check-failed.defined", name = name));
                }
                for name in defaults {
                    d = d.with_note(msg!("J0210-check-failed.default", name = name));
                }
                if defaults.is_empty() {
                    d.with_help(msg!("J0210-check-failed.help"))
                } else {
                    d.with_help(msg!("J0210-check-failed.help-defaults"))
                }
            }
            EvalError::NotChecked {
                span,
                what,
                at,
                figures,
                excerpt,
                standard,
            } => {
                let (reason, declared) = if *excerpt {
                    (
                        msg!("J0214-not-checked.excerpt"),
                        msg!("J0214-not-checked.excerpt-label"),
                    )
                } else {
                    (
                        msg!("J0214-not-checked.unpublished"),
                        msg!("eval-not-published"),
                    )
                };
                let message = msg!(
                    "J0214-not-checked",
                    what = what,
                    figures = Arg::list(figures),
                    count = figures.len(),
                );
                let d = if *standard {
                    Diagnostic::new(Code::NotChecked, message, Label::new(*span, declared))
                        .with_label(*at, msg!("J0214-not-checked.identity"))
                } else {
                    Diagnostic::new(
                        Code::NotChecked,
                        message,
                        Label::new(*at, msg!("J0214-not-checked.label")),
                    )
                    .with_label(*span, declared)
                };
                d.with_note(reason)
                    .with_help(msg!("J0214-not-checked.help"))
            }
            EvalError::InferredPrecision { span, tables, unit } => {
                let names = Arg::list(tables.iter().map(|t| format!("`{t}`")));
                Diagnostic::new(
                    Code::InferredPrecision,
                    msg!(
                        "J0211-whole-units",
                        tables = names,
                        count = tables.len(),
                        unit = unit
                    ),
                    Label::new(*span, msg!("J0211-whole-units.label", unit = unit)),
                )
                .with_note(msg!("J0211-whole-units.note", unit = unit))
                .with_help(msg!("J0211-whole-units.help"))
            }
            EvalError::Contradiction {
                span,
                figure,
                other,
                implied,
                other_implied,
                declared,
            } => Diagnostic::new(
                Code::Contradiction,
                msg!(
                    "J0212-contradiction",
                    figure = figure,
                    implied = implied,
                    other_implied = other_implied
                ),
                Label::new(*span, msg!("J0212-contradiction.needs", implied = implied)),
            )
            .with_label(
                *other,
                msg!("J0212-contradiction.needs", implied = other_implied),
            )
            .with_label(*declared, msg!("J0212-contradiction.declared"))
            .with_note(msg!("J0212-contradiction.note"))
            .with_help(msg!("J0212-contradiction.help")),
            EvalError::Unbounded { span, figure } => Diagnostic::new(
                Code::Unbounded,
                msg!("J0213-unbounded", figure = figure),
                Label::new(*span, msg!("J0213-unbounded.label")),
            )
            .with_note(msg!("J0213-unbounded.note"))
            .with_help(msg!("J0213-unbounded.help")),
            EvalError::PartsExceedWhole {
                span,
                table,
                row,
                column,
                whole,
                parts,
                part_rows,
            } => {
                let mut d = Diagnostic::new(
                    Code::PartRows,
                    msg!(
                        "J0314-parts-exceed",
                        row = row,
                        table = table,
                        parts = parts,
                        column = column,
                        whole = whole
                    ),
                    Label::new(
                        *span,
                        msg!("J0314-parts-exceed.label", column = column, whole = whole),
                    ),
                );
                for part in part_rows {
                    d = d.with_label(*part, msg!("J0314-parts-exceed.part"));
                }
                d.with_note(msg!("J0314-parts-exceed.note"))
                    .with_help(msg!("J0314-parts-exceed.help"))
            }
            EvalError::PartWithoutWhole { span, row } => Diagnostic::new(
                Code::PartRows,
                msg!("J0314-part-without-whole", row = row),
                Label::new(*span, msg!("J0314-part-without-whole.label")),
            )
            .with_help(msg!("J0314-part-without-whole.help")),
            EvalError::UnknownShown {
                span,
                figures,
                declared,
            } => Diagnostic::new(
                Code::UnpublishedShown,
                msg!("J0215-unknown-shown", figures = Arg::list(figures)),
                Label::new(*span, msg!("eval-no-value-to-print")),
            )
            .with_label(*declared, msg!("J0215-unknown-shown.declared"))
            .with_note(msg!("J0215-unknown-shown.note"))
            .with_help(msg!("J0215-unknown-shown.help")),
            EvalError::UnpublishedShown {
                span,
                figures,
                declared,
            } => Diagnostic::new(
                Code::UnpublishedShown,
                msg!("J0215-unpublished-shown", figures = Arg::list(figures)),
                Label::new(*span, msg!("eval-no-value-to-print")),
            )
            .with_label(*declared, msg!("eval-not-published"))
            .with_help(msg!("J0215-unpublished-shown.help")),
            EvalError::NotANumber { span, what } => Diagnostic::new(
                Code::UnitMismatch,
                msg!("J0206-not-a-number", what = what),
                Label::new(*span, msg!("J0206-not-a-number.label")),
            ),
            EvalError::TotalMismatch {
                span,
                table,
                row,
                column,
                stated,
                computed,
                difference,
                write,
                rows,
                rounding,
            } => {
                let mut d = Diagnostic::new(
                    Code::TotalMismatch,
                    msg!(
                        "J0301-total-mismatch",
                        row = row,
                        table = table,
                        column = column,
                        stated = stated,
                        computed = computed,
                        difference = difference,
                    ),
                    Label::new(
                        *span,
                        msg!("J0301-total-mismatch.label", computed = computed),
                    ),
                );
                for r in rows.iter().take(12) {
                    d = d.with_label(*r, Message::empty());
                }
                if let Some((precision, sum, total)) = rounding {
                    d = d.with_note(msg!(
                        "J0301-total-mismatch.rounding",
                        precision = precision,
                        sum = sum,
                        total = total
                    ));
                }
                d.with_fix(
                    msg!("J0301-total-mismatch.help", write = write),
                    *span,
                    write,
                )
            }
            EvalError::Setting(error) => error.to_diagnostic(),
            EvalError::EmptyTable { span, table } => Diagnostic::new(
                Code::EmptyTable,
                msg!("J0307-empty-table", table = table),
                Label::new(*span, msg!("J0307-empty-table.label")),
            )
            .with_help(msg!("J0307-empty-table.help")),
            EvalError::MissingTables { span, kind, tables } => {
                let list = tables.iter().map(|(number, table, title)| {
                    msg!(
                        "J0309-missing-tables.table",
                        number = number,
                        title = title,
                        table = table
                    )
                });
                let declarations = tables
                    .iter()
                    .map(|(_, table, _)| format!("`表 {table} {{ … }}`"));
                Diagnostic::new(
                    Code::MissingTable,
                    msg!(
                        "J0309-missing-tables",
                        count = tables.len(),
                        kind = kind,
                        tables = Arg::list(list)
                    ),
                    Label::new(*span, msg!("J0309-missing-tables.label", kind = kind)),
                )
                .with_help(msg!(
                    "J0309-missing-tables.help",
                    declarations = Arg::list(declarations)
                ))
            }
            EvalError::MissingReason {
                span,
                row,
                budget,
                actual,
            } => Diagnostic::new(
                Code::MissingReason,
                msg!(
                    "J0308-missing-reason",
                    row = row,
                    actual = actual,
                    budget = budget
                ),
                Label::new(*span, msg!("J0308-missing-reason.label")),
            )
            .with_help(msg!("J0308-missing-reason.help")),
            EvalError::DuplicateRow { span, first, key } => Diagnostic::new(
                Code::DuplicateRow,
                msg!("J0302-duplicate-row", key = key),
                Label::new(*span, msg!("J0302-duplicate-row.label")),
            )
            .with_label(*first, msg!("J0302-duplicate-row.first"))
            .with_help(msg!("J0302-duplicate-row.help")),
            EvalError::CodeName {
                span,
                name_span,
                code,
                written,
                expected,
            } => {
                let d = Diagnostic::new(
                    Code::CodeName,
                    msg!(
                        "J0303-code-name",
                        code = code,
                        expected = expected,
                        written = written
                    ),
                    Label::new(*span, msg!("J0303-code-name.label", expected = expected)),
                );
                let help = msg!("J0303-code-name.help", expected = expected);
                match name_span {
                    Some(at) => d.with_fix(help, *at, crate::fmt::string(expected)),
                    None => d.with_help(help),
                }
            }
            EvalError::UnlistedCodes {
                span,
                codes,
                tables,
                own_list,
            } => {
                // The list is capped: a real report has a hundred codes or more. ("and 1 more"
                // would take the place of the code it stands for.)
                const SHOWN: usize = 10;
                let shown = if codes.len() > SHOWN + 1 {
                    SHOWN
                } else {
                    codes.len()
                };
                let mut list: Vec<Arg> = codes
                    .iter()
                    .take(shown)
                    .map(|c| Arg::from(format!("`{c}`")))
                    .collect();
                if codes.len() > shown {
                    list.push(
                        msg!(
                            "J0304-unlisted.more",
                            count = codes.len().saturating_sub(shown)
                        )
                        .into(),
                    );
                }
                let list = Arg::List(list);
                let lists = if *own_list {
                    msg!("J0304-unlisted.lists-own")
                } else {
                    msg!("J0304-unlisted.lists")
                };
                let count = codes.len();
                let (message, label) = match (codes.as_slice(), tables.as_slice()) {
                    ([one], [(table, _)]) => (
                        msg!("J0304-unlisted", code = one, table = table, lists = lists),
                        msg!("J0304-unlisted.label"),
                    ),
                    (_, [(table, _)]) => (
                        msg!(
                            "J0304-unlisted.table",
                            count = count,
                            table = table,
                            lists = lists,
                            codes = list
                        ),
                        msg!("J0304-unlisted.first", count = count),
                    ),
                    _ => (
                        msg!(
                            "J0304-unlisted.tables",
                            count = count,
                            tables = tables.len(),
                            lists = lists,
                            codes = list
                        ),
                        msg!("J0304-unlisted.first", count = count),
                    ),
                };
                let mut d = Diagnostic::new(Code::UnlistedCode, message, Label::new(*span, label))
                    .with_note(msg!("J0304-unlisted.note"));
                if tables.len() > 1 {
                    let each = tables
                        .iter()
                        .map(|(t, n)| msg!("J0304-unlisted.in-table", table = t, count = n));
                    d = d.with_note(msg!("J0304-unlisted.by-table", tables = Arg::list(each)));
                }
                if *own_list {
                    d.with_help(msg!("J0304-unlisted.help-own"))
                } else {
                    d.with_help(msg!("J0304-unlisted.help"))
                }
            }
            EvalError::InvalidCode { span, code, reason } => Diagnostic::new(
                Code::InvalidCode,
                msg!("J0305-invalid-code", code = code, reason = reason),
                Label::new(*span, msg!("J0305-invalid-code.label")),
            )
            .with_help(msg!("J0305-invalid-code.help")),
            EvalError::CellType {
                span,
                column,
                expected,
            } => Diagnostic::new(
                Code::CellType,
                msg!("J0306-cell-type", column = column, expected = expected),
                Label::new(*span, msg!("J0306-cell-type.label", expected = expected)),
            )
            .with_help(msg!("J0306-cell-type.help")),
            EvalError::TooManyCells { span, columns } => Diagnostic::new(
                Code::CellType,
                msg!("J0306-too-many-cells", columns = columns),
                Label::new(*span, msg!("J0306-too-many-cells.label")),
            )
            .with_help(msg!("J0306-too-many-cells.help")),
            EvalError::WrongParent {
                span,
                row,
                code,
                under,
                under_code,
                under_name,
                belongs,
                counted,
            } => {
                let level = classification::level_name(under_code.len());
                let own = classification::level_name(code.len());
                let above = if under_name.is_empty() {
                    msg!("J0312-wrong-parent.level", level = level, code = under_code)
                } else {
                    msg!(
                        "J0312-wrong-parent.level-named",
                        level = level,
                        code = under_code,
                        name = under_name
                    )
                };
                let counted = match counted {
                    Some(row) => msg!(
                        "J0312-wrong-parent.counted",
                        row = row,
                        level = level,
                        under = under_code
                    ),
                    None => msg!("J0312-wrong-parent.counted-total", under = under_code),
                };
                Diagnostic::new(
                    Code::WrongParent,
                    msg!(
                        "J0312-wrong-parent",
                        row = row,
                        above = above,
                        code = code,
                        own = own,
                        level = level,
                        belongs = belongs
                    ),
                    Label::new(
                        *span,
                        msg!(
                            "J0312-wrong-parent.label",
                            own = own,
                            level = level,
                            belongs = belongs
                        ),
                    ),
                )
                .with_label(*under, msg!("J0312-wrong-parent.under", level = level))
                .with_note(msg!("J0312-wrong-parent.note", counted = counted))
                .with_help(msg!(
                    "J0312-wrong-parent.help",
                    code = code,
                    belongs = belongs,
                    level = level,
                    under = under_code
                ))
            }
            EvalError::CodeTwoNames {
                span,
                code,
                written,
                table,
                other,
                other_span,
                other_table,
                prior,
            } => match prior {
                None => Diagnostic::new(
                    Code::CodeTwoNames,
                    msg!(
                        "J0313-two-names",
                        code = code,
                        written = written,
                        table = table,
                        other = other,
                        other_table = other_table
                    ),
                    Label::new(
                        *span,
                        msg!("J0313-two-names.label", other_table = other_table),
                    ),
                )
                .with_label(*other_span, msg!("J0313-two-names.other", other = other))
                .with_help(msg!("J0313-two-names.help", code = code)),
                Some(report) => {
                    let which = match report.year {
                        _ if report.last_year => msg!("J0313-report-last-year"),
                        Some(year) => msg!("J0313-report-year", year = year.to_string()),
                        None => msg!("J0313-report-imported"),
                    };
                    let help = if report.other_year {
                        msg!("J0313-imported.help", code = code)
                    } else {
                        msg!("J0313-imported.help-same", code = code)
                    };
                    Diagnostic::new(
                        Code::CodeTwoNames,
                        msg!(
                            "J0313-imported",
                            code = code,
                            written = written,
                            report = &which,
                            alias = &report.alias,
                            other = other
                        ),
                        Label::new(
                            *span,
                            msg!("J0313-imported.label", report = &which, other = other),
                        ),
                    )
                    .with_label(
                        *other_span,
                        msg!(
                            "J0313-imported.other",
                            report = &which,
                            other_table = other_table
                        ),
                    )
                    .with_help(help)
                }
            },
            EvalError::Direction {
                span,
                word_span,
                word,
                actual,
                expected_word,
                write,
            } => {
                let d = Diagnostic::new(
                    Code::Direction,
                    msg!("J0401-direction", word = word, actual = actual),
                    Label::new(
                        *word_span,
                        msg!("J0401-direction.label", expected = expected_word),
                    ),
                )
                .with_label(*span, msg!("J0401-direction.value", actual = actual));
                match write {
                    Some(write) => d.with_fix(
                        msg!("J0401-direction.help-write", write = write),
                        *word_span,
                        write,
                    ),
                    None => d.with_help(msg!("J0401-direction.help", expected = expected_word)),
                }
            }
            EvalError::WordsDisagree {
                first,
                first_word,
                second,
                second_word,
                change,
            } => Diagnostic::new(
                Code::WordsDisagree,
                msg!(
                    "J0407-words-disagree",
                    first = first_word,
                    second = second_word,
                    change = change
                ),
                Label::new(
                    *second,
                    msg!("J0407-words-disagree.here", word = second_word),
                ),
            )
            .with_label(*first, msg!("J0407-words-disagree.here", word = first_word))
            .with_help(msg!("J0407-words-disagree.help")),
        }
    }
}
