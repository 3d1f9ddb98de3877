//! `jues fmt`: the canonical layout of declarations, in place or as a diff.

use super::io_reason;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub(super) fn fmt(files: &[PathBuf], check: bool) -> ExitCode {
    let mut unformatted = 0;
    let mut failed = false;
    for path in files {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("error: cannot read `{}`: {}", path.display(), io_reason(&e));
                failed = true;
                continue;
            }
        };
        let Some(formatted) = crate::fmt::format(&text) else {
            eprintln!(
                "error: `{}` has syntax errors; run `jues check` on it first",
                path.display()
            );
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
        } else if let Err(e) = std::fs::write(path, formatted) {
            eprintln!(
                "error: cannot write `{}`: {}",
                path.display(),
                io_reason(&e)
            );
            failed = true;
        } else {
            eprintln!("formatted {}", path.display());
        }
    }
    if failed {
        ExitCode::from(2)
    } else if check && unformatted > 0 {
        eprintln!(
            "{unformatted} file{} not formatted",
            if unformatted == 1 { " is" } else { "s are" }
        );
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
