//! Diagnostics stage: problems as data, their stable codes, and their rendering.
//!
//! Every stage reports problems as its own error enum; each enum has one `to_diagnostic`
//! that gives the wording. A [`Diagnostic`] is plain data: code, severity, message, labels,
//! help and notes, each a [`Message`] of the catalogs (`i18n/*/`), language-free until it is
//! shown ([`Diagnostic::texts`]). Rendering lives in [`render`]; it is the only
//! terminal-aware code in jues.

pub mod codes;
pub mod render;

use crate::i18n::{Lang, Message};
use crate::source::Span;
use serde::Serialize;

pub use codes::{Code, CodeInfo};

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; shown only when asked for (`--strict`) unless a code says otherwise.
    Note,
    /// Probably wrong; fails the check only with `--deny warnings`.
    Warning,
    /// Wrong: the check fails.
    Error,
}

impl Severity {
    /// The word in the short and JSON formats, for tools: `error`, `warning`, `note`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The word people read: `错误`, `警告`, `提示` in Chinese.
    pub fn word(self, lang: Lang) -> String {
        let id = match self {
            Severity::Note => "severity-note",
            Severity::Warning => "severity-warning",
            Severity::Error => "severity-error",
        };
        crate::i18n::tr(lang, id, &[])
    }
}

/// A source span with a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: Message,
}

impl Label {
    /// A label at `span` saying `message`.
    pub fn new(span: Span, message: impl Into<Message>) -> Label {
        Label {
            span,
            message: message.into(),
        }
    }
}

/// One problem found in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// One line, lowercase, no final period, names in backticks.
    pub message: Message,
    /// Where the problem is: the stated value, the unknown name …
    pub primary: Label,
    /// The figures and rows involved.
    pub secondary: Vec<Label>,
    /// What to write instead.
    pub help: Option<Message>,
    /// Computed values, intervals and other facts behind the message.
    pub notes: Vec<Message>,
    /// The edit the help suggests, when it is one: what an editor's quick fix applies and
    /// the JSON output carries for tools.
    pub fix: Option<Fix>,
}

/// An edit that resolves a diagnostic: `replacement` written over `span` (the stated value,
/// the misspelt name …), as the help says it in words ("write `166%`").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

/// What a diagnostic says, in one language: what every format shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Texts {
    pub message: String,
    pub primary: String,
    /// One per secondary label, in order.
    pub secondary: Vec<String>,
    pub help: Option<String>,
    pub notes: Vec<String>,
}

impl Texts {
    /// The message, then the help and each note on a line of its own, headed as the human
    /// format heads them (`help: `, `建议：`): the whole of a diagnostic in one text, for the
    /// formats that have one message field (the language server, SARIF).
    pub fn whole(&self, lang: Lang) -> String {
        let mut whole = self.message.clone();
        let help = self.help.iter().map(|h| ("human-help", h));
        let notes = self.notes.iter().map(|n| ("human-note", n));
        for (id, text) in help.chain(notes) {
            whole.push('\n');
            whole.push_str(crate::i18n::tr(lang, id, &[]).trim_start());
            whole.push_str(text);
        }
        whole
    }
}

impl Diagnostic {
    /// A diagnostic of `code` at its default severity.
    pub fn new(code: Code, message: impl Into<Message>, primary: Label) -> Diagnostic {
        Diagnostic {
            code,
            severity: code.info().severity,
            message: message.into(),
            primary,
            secondary: Vec::new(),
            help: None,
            notes: Vec::new(),
            fix: None,
        }
    }

    /// Adds a secondary label.
    pub fn with_label(mut self, span: Span, message: impl Into<Message>) -> Diagnostic {
        self.secondary.push(Label::new(span, message));
        self
    }

    /// Sets the help line.
    pub fn with_help(mut self, help: impl Into<Message>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Sets the help line and the edit it suggests: `replacement` over `span`.
    pub fn with_fix(
        mut self,
        help: impl Into<Message>,
        span: Span,
        replacement: impl Into<String>,
    ) -> Diagnostic {
        self.help = Some(help.into());
        self.fix = Some(Fix {
            span,
            replacement: replacement.into(),
        });
        self
    }

    /// Adds a note.
    pub fn with_note(mut self, note: impl Into<Message>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    /// Adds several notes.
    pub fn with_notes<M: Into<Message>>(
        mut self,
        notes: impl IntoIterator<Item = M>,
    ) -> Diagnostic {
        self.notes.extend(notes.into_iter().map(Into::into));
        self
    }

    /// What it says in `lang`.
    pub fn texts(&self, lang: Lang) -> Texts {
        Texts {
            message: self.message.text(lang),
            primary: self.primary.message.text(lang),
            secondary: self
                .secondary
                .iter()
                .map(|l| l.message.text(lang))
                .collect(),
            help: self.help.as_ref().map(|h| h.text(lang)),
            notes: self.notes.iter().map(|n| n.text(lang)).collect(),
        }
    }

    /// Overrides the default severity.
    pub fn with_severity(mut self, severity: Severity) -> Diagnostic {
        self.severity = severity;
        self
    }
}

/// Counts of diagnostics by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Summary {
    /// Counts `diagnostics`.
    pub fn of<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> Summary {
        let mut summary = Summary::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Note => summary.notes += 1,
            }
        }
        summary
    }
}

/// Suggests the candidate closest to `wanted`, if one is close enough to be a likely typo.
///
/// Distance is counted in characters, so one wrong Chinese character is distance 1.
pub fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let wanted_len = wanted.chars().count();
    let limit = (wanted_len / 3).max(1);
    candidates
        .into_iter()
        .filter(|c| *c != wanted)
        .map(|c| (strsim::levenshtein(wanted, c), c))
        .filter(|(d, c)| *d <= limit && *d < c.chars().count().max(wanted_len))
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggests_one_character_typos() {
        let names = ["财政拨款收入", "其他收入", "本年收入合计"];
        assert_eq!(
            did_you_mean("财政拔款收入", names.iter().copied()),
            Some("财政拨款收入")
        );
        assert_eq!(did_you_mean("完全不同", names.iter().copied()), None);
    }
}
