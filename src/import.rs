//! Imports (`导入 "…" 为 上年`): why one cannot be loaded, and how a path is judged to leave
//! the project folder. `lib.rs` loads them through the files door and compiles each.

use crate::diagnostics::{Code, Diagnostic, Label};
use crate::source::Span;
use std::path::Path;

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
    /// `导入 "../../x.jues" 为 上年`: the path leaves the project folder.
    Outside,
    /// No such file.
    NotFound,
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
            ImportFailure::Outside => {
                "it is outside the project folder (`--allow-outside-imports` allows it)".to_owned()
            }
            ImportFailure::NotFound => "no such file".to_owned(),
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

/// Whether an import path, read relative to the importing file's folder, leaves the
/// project folder (that folder's parent) by its words alone: an absolute path, or more
/// `..` than the one step up to the project folder. Checked before the file system is
/// asked, so the answer does not depend on which files exist; a symbolic link that leads
/// out is caught after canonicalising.
pub(crate) fn leaves_project(path: &Path) -> bool {
    let mut depth: i64 = 1;
    for component in path.components() {
        match component {
            std::path::Component::Prefix(_) | std::path::Component::RootDir => return true,
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                depth -= 1;
                if depth < 0 {
                    return true;
                }
            }
            std::path::Component::Normal(_) => depth += 1,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::leaves_project;
    use std::path::Path;

    #[test]
    fn import_paths_are_judged_by_their_words() {
        assert!(!leaves_project(Path::new("2018.jues")));
        assert!(!leaves_project(Path::new("./data/2018.jues")));
        assert!(!leaves_project(Path::new("../2018/report.jues")));
        assert!(!leaves_project(Path::new("a/../../2018/report.jues")));
        assert!(leaves_project(Path::new("../../secret.jues")));
        assert!(leaves_project(Path::new("../../../../../etc/passwd")));
        assert!(leaves_project(Path::new("/etc/passwd")));
    }
}
