//! Check stage: the built-in functions of the formula language, their names and arity.

/// A built-in function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Function {
    /// `sum(a, b, …)` or `sum(表.列 其中 条件)`.
    Sum,
    /// `share(part, whole)`: part / whole, a ratio.
    Share,
    /// `growth(current, previous)`: (current − previous) / previous, a ratio.
    Growth,
    /// `change(current, previous)`: current − previous, worded 增加/减少/持平.
    Change,
    /// `completion(actual, budget)`: actual / budget, a ratio.
    Completion,
    /// `abs(x)`.
    Abs,
    /// `round(x)` or `round(x, decimals)`, half up.
    Round,
    /// `min(a, b, …)`.
    Min,
    /// `max(a, b, …)`.
    Max,
}

/// Every function with its names (English first) and its arity (minimum, maximum).
pub const FUNCTIONS: &[(Function, &[&str], usize, Option<usize>)] = &[
    (Function::Sum, &["sum", "合计", "求和"], 1, None),
    (Function::Share, &["share", "占比"], 2, Some(2)),
    (Function::Growth, &["growth", "增长率"], 2, Some(2)),
    (Function::Change, &["change", "增减"], 2, Some(2)),
    (Function::Completion, &["completion", "完成率"], 2, Some(2)),
    (Function::Abs, &["abs", "绝对值"], 1, Some(1)),
    (Function::Round, &["round", "舍入"], 1, Some(2)),
    (Function::Min, &["min", "最小"], 1, None),
    (Function::Max, &["max", "最大"], 1, None),
];

impl Function {
    /// The function called `name`, in any of its spellings.
    pub fn lookup(name: &str) -> Option<Function> {
        FUNCTIONS
            .iter()
            .find(|(_, names, _, _)| names.contains(&name))
            .map(|(f, _, _, _)| *f)
    }

    /// All spellings of all functions, for suggestions.
    pub fn all_names() -> impl Iterator<Item = &'static str> {
        FUNCTIONS
            .iter()
            .flat_map(|(_, names, _, _)| names.iter().copied())
    }

    /// The English name.
    pub fn name(self) -> &'static str {
        self.entry().1[0]
    }

    /// How many arguments it takes: at least, and at most (`None`: any number).
    pub fn arity(self) -> (usize, Option<usize>) {
        let entry = self.entry();
        (entry.2, entry.3)
    }

    fn entry(self) -> &'static (Function, &'static [&'static str], usize, Option<usize>) {
        FUNCTIONS
            .iter()
            .find(|(f, ..)| *f == self)
            .unwrap_or(&FUNCTIONS[0])
    }
}
