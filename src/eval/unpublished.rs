//! Eval stage: figures the report does not publish.
//!
//! A figure written `= 未公开`, and in an excerpt (`摘录 是`) every standard figure the document
//! does not give, has no value: it is not 0. Whatever depends on it is not checked, and each
//! check or stated value skipped for it gets a note (J0214) saying which and why; printing it
//! is an error (J0215), since nothing can be printed for it.

use super::Evaluator;
use crate::ast::{Expr, ExprKind};
use crate::check::Target;
use crate::i18n::Message;
use crate::source::Span;
use rustc_hash::FxHashSet;

impl Evaluator<'_> {
    /// Marks the figures without a value: those written `= 未公开`, and in an excerpt the
    /// standard figures whose library default (a number) the document leaves in place.
    pub(super) fn mark_unpublished(&mut self) {
        for (name, figure) in &self.figures {
            if let Some(span) = figure.unpublished() {
                self.unpublished.insert(name.clone(), span);
            } else if let Some(excerpt) = self.settings.excerpt {
                let default = self.library_figures.contains(name)
                    && figure.formula.is_none()
                    && figure.stated.is_some();
                if default {
                    self.unpublished.insert(name.clone(), excerpt);
                }
            }
        }
    }

    /// The unpublished figures `expr` depends on, through the formulas of the figures it
    /// names, sorted. Each figure is visited once, so a cycle ends the walk.
    pub(super) fn unpublished_behind(&self, expr: &Expr) -> Vec<String> {
        if self.unpublished.is_empty() {
            return Vec::new();
        }
        let mut found = Vec::new();
        let mut seen = FxHashSet::default();
        let mut todo = vec![expr];
        while let Some(e) = todo.pop() {
            match &e.kind {
                ExprKind::Ref(r) => {
                    let Some(Target::Figure(name)) = self.target(r) else {
                        continue;
                    };
                    if !seen.insert(name.as_str()) {
                        continue;
                    }
                    if self.unpublished.contains_key(name) {
                        found.push(name.clone());
                    } else if let Some(formula) =
                        self.figures.get(name).and_then(|f| f.formula.as_ref())
                    {
                        todo.push(formula);
                    }
                }
                _ => e.push_operands(&mut todo),
            }
        }
        found.sort();
        found
    }

    /// Where the document says that `name` is not published: its `未公开`, or the `摘录`
    /// setting.
    pub(super) fn unpublished_at(&self, name: &str) -> Span {
        self.unpublished.get(name).copied().unwrap_or_default()
    }

    /// The note for something not checked because of `figures`; `what` names it (a check's
    /// wording, a stated value), `at` is where it is written. It is shown there, or, for a
    /// standard identity (`standard`, written in the library), where the first of the figures
    /// is declared unpublished.
    pub(super) fn not_checked(
        &mut self,
        what: Message,
        at: Span,
        figures: Vec<String>,
        standard: bool,
    ) {
        let Some(first) = figures.first() else {
            return;
        };
        let span = self.unpublished_at(first);
        let excerpt = self.settings.excerpt == Some(span);
        let figures = figures
            .into_iter()
            .map(|name| self.described(&name))
            .collect();
        self.error(super::EvalError::NotChecked {
            span,
            what,
            at,
            figures,
            excerpt,
            standard,
        });
    }

    /// A figure as a message names it: `总计.年末结转和结余` (年末结转和结余), with its label
    /// when it has one.
    pub(super) fn described(&self, name: &str) -> Message {
        let label = self
            .figures
            .get(name)
            .and_then(|f| f.label.as_ref().map(|l| l.value.clone()))
            .or_else(|| self.library_labels.get(name).cloned());
        match label {
            Some(label) if label != name => {
                crate::msg!("eval-figure-labelled", name = name, label = label)
            }
            _ => super::quoted(name),
        }
    }
}
