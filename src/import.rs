//! Imports (`导入 "…" 为 上年`): why one cannot be loaded. `lib.rs` loads them through the files door and compiles each.

use crate::diagnostics::{Code, Diagnostic, Label};
use crate::i18n::Message;
use crate::msg;
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
    Unreadable(Message),
    /// `导入 "2018.jues"` without `为 名称`: its figures would have no name to be reached by.
    NoName,
}

impl ImportError {
    /// The wording of this error as a diagnostic.
    pub(crate) fn to_diagnostic(&self) -> Diagnostic {
        let why = match &self.reason {
            ImportFailure::Refused(refusal) => refusal.reason(),
            ImportFailure::Cycle => msg!("import-reason-cycle"),
            ImportFailure::TooDeep => {
                msg!("import-reason-too-deep", depth = crate::MAX_IMPORT_DEPTH)
            }
            ImportFailure::Unreadable(reason) => reason.clone(),
            ImportFailure::NoName => msg!("import-reason-no-name"),
        };
        let help = match self.reason {
            ImportFailure::NoName => msg!("J0501-failed.help-no-name", path = &self.path),
            _ => msg!("J0501-failed.help"),
        };
        Diagnostic::new(
            Code::ImportFailed,
            msg!("J0501-failed", path = &self.path, reason = why),
            Label::new(self.span, msg!("J0501-failed.label")),
        )
        .with_help(help)
    }
}
