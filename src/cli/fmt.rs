//! `jues fmt`: the canonical layout of declarations, in place or as a diff.

use super::write::{self, WriteError};
use super::{io_reason, say, shown};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub(super) fn fmt(files: &[PathBuf], check: bool) -> ExitCode {
    let mut unformatted = 0;
    let mut failed = false;
    for path in files {
        // Read as `jues check` reads a document: a regular file, in UTF-8.
        let bytes = match crate::files::read_regular(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("{}", super::cannot_read(path, io_reason(&e)));
                failed = true;
                continue;
            }
        };
        let text = match crate::source::decode(&bytes) {
            (text, None) => text,
            (_, Some(problem)) => {
                let lang = super::lang();
                let args = [
                    ("path", shown(path)),
                    ("reason", problem.reason.text(lang).into()),
                    ("help", problem.help.text(lang).into()),
                ];
                eprintln!("{}", say("fmt-unreadable", &args));
                failed = true;
                continue;
            }
        };
        let Some(formatted) = crate::fmt::format(&text) else {
            eprintln!("{}", say("fmt-syntax-errors", &[("path", shown(path))]));
            failed = true;
            continue;
        };
        if formatted == text {
            continue;
        }
        unformatted += 1;
        if check {
            let diff = similar::TextDiff::from_lines(&text, &formatted);
            let name = path.display().to_string();
            let text = diff
                .unified_diff()
                .header(&name, &format!("{name} (formatted)"))
                .to_string();
            // A closed pipe (`jues fmt --check … | head`) is not an error worth reporting.
            let _ = std::io::stdout().write_all(text.as_bytes());
        } else if let Err(e) = write_in_place(path, &formatted) {
            let reason = io_reason(&e.error);
            let args = [("path", shown(&e.path)), ("reason", reason.into())];
            eprintln!("{}", say("fmt-cannot-write", &args));
            failed = true;
        } else {
            eprintln!("{}", say("fmt-formatted", &[("path", shown(path))]));
        }
    }
    if failed {
        ExitCode::from(2)
    } else if check && unformatted > 0 {
        eprintln!(
            "{}",
            say("fmt-unformatted", &[("count", unformatted.into())])
        );
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Replaces the file at `path` with `text`, whole or not at all, keeping its permissions. A
/// link named on the command line is followed: the file it points to is formatted, and the
/// link stays.
fn write_in_place(path: &Path, text: &str) -> Result<(), WriteError> {
    let fail = |error| WriteError {
        path: path.to_path_buf(),
        error,
    };
    let real = std::fs::canonicalize(path).map_err(fail)?;
    let permissions = std::fs::metadata(&real).map_err(fail)?.permissions();
    write::write_all([(real, text.as_bytes(), Some(permissions))])
}
