//! `jues new`: a report of a standard type, in its official parts, to fill in.

use super::write_files;
use std::path::Path;
use std::process::ExitCode;

pub(super) fn new(
    dir: &Path,
    kind: &str,
    entity: &str,
    year: Option<u16>,
    prior: Option<&str>,
) -> ExitCode {
    let year = year.unwrap_or_else(last_year);
    let prior = match prior {
        Some(path) => crate::library::Prior::Import(path),
        None => crate::library::Prior::Block,
    };
    let Some(files) = crate::library::scaffold(kind, entity, year, prior) else {
        let types: Vec<&str> = crate::library::TYPES.iter().map(|t| t.0).collect();
        eprintln!(
            "error: unknown report type `{kind}`; the types are {}",
            types.join(", ")
        );
        return ExitCode::from(2);
    };
    if std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some()) {
        eprintln!(
            "error: `{}` exists and is not empty; choose a new folder",
            dir.display()
        );
        return ExitCode::from(2);
    }
    if let Err(code) = write_files(dir, files) {
        return code;
    }
    eprintln!(
        "next: replace every `待填` in {0} (`jues check {0}` lists them), then `jues build {0} -o out`",
        dir.join("report.jues").display()
    );
    ExitCode::SUCCESS
}

/// The year before the current one (reports are made the year after), from the system clock.
fn last_year() -> u16 {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // A mean Gregorian year (365.2425 days) is exact enough to know the year.
    let year = 1970 + seconds / 31_556_952;
    u16::try_from(year).unwrap_or(2024).saturating_sub(1)
}
