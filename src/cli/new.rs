//! `jues new`: a report of a standard type, in its official parts, to fill in.

use super::{say, shown, write_files};
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
    let prior = prior.map_or(crate::library::Prior::Block, crate::library::Prior::Import);
    let Some(files) = crate::library::scaffold(kind, entity, year, prior) else {
        let types: Vec<&str> = crate::library::TYPES.iter().map(|t| t.0).collect();
        let types = types.join(", ");
        eprintln!(
            "{}",
            say(
                "new-unknown-type",
                &[("kind", kind.into()), ("types", types.into())]
            )
        );
        return ExitCode::from(2);
    };
    if let Err(code) = new_folder(dir) {
        return code;
    }
    if let Err(code) = write_files(dir, files) {
        return code;
    }
    let report = shown(&dir.join("report.jues"));
    eprintln!("{}", say("new-next", &[("path", report)]));
    ExitCode::SUCCESS
}

/// `jues new DIR --from 公开表.xlsx`: the report written from the workbook, which is copied
/// beside it (see `data::report`).
pub(super) fn from_workbook(
    dir: &Path,
    workbook: &Path,
    entity: Option<&str>,
    year: Option<u16>,
    prior: Option<&str>,
) -> ExitCode {
    let prior = prior.map_or(crate::library::Prior::Block, crate::library::Prior::Import);
    let bytes = match crate::files::read_regular(workbook) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{}", super::cannot_read(workbook, super::io_reason(&e)));
            return ExitCode::from(2);
        }
    };
    let name = workbook.file_name().map_or_else(
        || "公开表.xlsx".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    let made = match crate::data::report::from_workbook(&bytes, &name, entity, year, prior) {
        Ok(made) => made,
        Err(reason) => {
            let reason = reason.text(super::lang());
            let args = [("path", shown(workbook)), ("reason", reason.into())];
            eprintln!("{}", say("new-cannot-make", &args));
            return ExitCode::from(2);
        }
    };
    if let Err(code) = new_folder(dir) {
        return code;
    }
    let files: Vec<(&str, &[u8])> = vec![
        ("report.jues", made.report.as_bytes()),
        (name.as_str(), bytes.as_slice()),
    ];
    if let Err(code) = write_files(dir, files) {
        return code;
    }
    for sheet in &made.sheets {
        match &sheet.table {
            Some(table) => eprintln!("  {} → 表 {table}", sheet.sheet),
            None => {
                let args = [
                    ("sheet", sheet.sheet.as_str().into()),
                    ("title", sheet.title.as_str().into()),
                ];
                eprintln!("{}", say("new-sheet-not-read", &args));
            }
        }
    }
    for table in &made.missing {
        let args = [("table", table.as_str().into())];
        eprintln!("{}", say("new-no-sheet", &args));
    }
    let report = shown(&dir.join("report.jues"));
    eprintln!("{}", say("new-next-from", &[("path", report)]));
    ExitCode::SUCCESS
}

/// Refuses a folder that exists with something in it: `jues new` never writes over files.
fn new_folder(dir: &Path) -> Result<(), ExitCode> {
    if std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some()) {
        eprintln!("{}", say("new-not-empty", &[("path", shown(dir))]));
        return Err(ExitCode::from(2));
    }
    Ok(())
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
