//! Imports (`导入 "…" 为 上年`): why one cannot be loaded. `lib.rs` loads them through the files door and compiles each.

use crate::diagnostics::{Code, Diagnostic, Label};
use crate::source::Span;

/// An import that cannot be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ImportError {
    /// The path as written.
    pub path: String,
    pub span: Span,
    pub reason: ImportFailure,
}

/// Why an import cannot be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ImportFailure {
    /// The path leaves the project folder (`导入 "../../x.jues" 为 上年`), or no file is there.
    Refused(crate::files::Refusal),
    /// The file imports the importing file again.
    Cycle,
    /// Imports nested past [`crate::MAX_IMPORT_DEPTH`].
    TooDeep,
    /// The file exists but cannot be read.
    Unreadable(String),
    /// `导入 "2018.jues"` without `为 名称`: its figures would have no name to be reached by.
    NoName,
}

impl ImportError {
    /// The wording of this error as a diagnostic.
    pub(crate) fn to_diagnostic(&self) -> Diagnostic {
        let why = match &self.reason {
            ImportFailure::Refused(refusal) => refusal.reason().to_owned(),
            ImportFailure::Cycle => "it imports this file again (an import cycle)".to_owned(),
            ImportFailure::TooDeep => {
                format!(
                    "imports are nested more than {} deep",
                    crate::MAX_IMPORT_DEPTH
                )
            }
            ImportFailure::Unreadable(reason) => reason.clone(),
            ImportFailure::NoName => "it has no name (`为 名称`)".to_owned(),
        };
        let help = match self.reason {
            ImportFailure::NoName => format!(
                "name what it brings: `导入 \"{}\" 为 上年`, then refer to its figures as `上年.名称`",
                self.path
            ),
            _ => "the path is relative to the importing file and must stay inside its folder"
                .to_owned(),
        };
        Diagnostic::new(
            Code::ImportFailed,
            format!("cannot import `{}`: {why}", self.path),
            Label::new(self.span, "here"),
        )
        .with_help(help)
    }
}
