//! `jues check`: documents, folders and globs checked in parallel, with a summary.

use super::{io_reason, summary_line};
use crate::diagnostics::render::{self, Format};
use crate::diagnostics::{Diagnostic, Summary};
use crate::files::Disk;
use crate::source::Sources;
use crate::{compile_path, Options};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The files named by the arguments: files as given, folders searched for `.jues` files,
/// and glob patterns (`reports/**/*.jues`) expanded, in a stable order.
fn expand(args: &[PathBuf]) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "jues") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    for arg in args {
        let text = arg.to_string_lossy();
        if arg.is_dir() {
            walk(arg, &mut files);
        } else if !arg.exists() && text.contains(['*', '?', '[']) {
            let mut matched: Vec<PathBuf> = glob::glob(&text)
                .map(|paths| paths.filter_map(Result::ok).collect())
                .unwrap_or_default();
            matched.sort();
            if matched.is_empty() {
                files.push(arg.clone()); // reported as unreadable
            }
            files.extend(matched);
        } else {
            files.push(arg.clone());
        }
    }
    files
}

pub(super) fn check(
    args: &[PathBuf],
    format: Format,
    deny_warnings: bool,
    options: Options,
    color: bool,
) -> ExitCode {
    use rayon::prelude::*;
    let files = expand(args);
    let progress = (files.len() > 1 && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(files.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("checking {pos}/{len} {wide_bar} {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    // Every file is compiled on its own, in parallel; results are reported in order. One file
    // is compiled on this thread: starting the pool of threads costs more than it saves.
    let one = |path: &PathBuf| {
        let result = compile_path(path, &options, &Disk).map_err(|e| io_reason(&e));
        if let Some(bar) = &progress {
            bar.inc(1);
        }
        result
    };
    let results: Vec<Result<crate::Compilation, String>> = if files.len() == 1 {
        files.iter().map(one).collect()
    } else {
        files.par_iter().map(one).collect()
    };
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }

    let mut io_failed = false;
    let mut out = String::new();
    let mut all_sources = Sources::new();
    let mut all_diagnostics: Vec<Diagnostic> = Vec::new();
    let mut summary = Summary::default();
    let mut table: Vec<(String, Summary)> = Vec::new();
    for (path, result) in files.iter().zip(results) {
        let mut compilation = match result {
            Ok(compilation) => compilation,
            Err(reason) => {
                eprintln!("error: cannot read `{}`: {reason}", path.display());
                io_failed = true;
                continue;
            }
        };
        let file_summary = compilation.summary();
        summary.errors += file_summary.errors;
        summary.warnings += file_summary.warnings;
        summary.notes += file_summary.notes;
        table.push((path.display().to_string(), file_summary));
        match format {
            Format::Json => {
                // One JSON document for all files: re-home the diagnostics into one set.
                let offset = all_sources.len() as u32;
                for (_, file) in compilation.sources.iter() {
                    all_sources.add(file.name(), file.text());
                }
                let diagnostics = std::mem::take(&mut compilation.diagnostics);
                all_diagnostics.extend(diagnostics.into_iter().map(|mut d| {
                    d.primary.span.file.0 += offset;
                    for label in &mut d.secondary {
                        label.span.file.0 += offset;
                    }
                    d
                }));
            }
            _ => out.push_str(&render::render(
                &compilation.sources,
                &compilation.diagnostics,
                format,
                color,
            )),
        }
        // The process ends soon after, and freeing a large document node by node costs a
        // tenth of checking it: leave the memory to the operating system. Nothing is held
        // longer than before (all results were collected above).
        std::mem::forget(compilation);
    }

    match format {
        Format::Json => out = render::json(&all_sources, &all_diagnostics),
        Format::Human => {
            if table.len() > 1 {
                out.push_str(&summary_table(&table));
            }
            // Files that could not be read were reported above and are not counted as checked.
            if !table.is_empty() {
                out.push_str(&summary_line(table.len(), summary));
            }
        }
        Format::Short => {}
    }
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`jues check … | head`) is not an error worth reporting.
    let _ = stdout.write_all(out.as_bytes());
    let _ = stdout.flush();

    if io_failed {
        ExitCode::from(2)
    } else if summary.errors > 0 || (deny_warnings && summary.warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// One line per file with errors or warnings, then the count of the others.
fn summary_table(rows: &[(String, Summary)]) -> String {
    let width = rows
        .iter()
        .map(|(name, _)| name.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = format!("{:<width$}  errors  warnings  notes\n", "file");
    let mut clean = 0;
    for (name, s) in rows {
        if s.errors + s.warnings == 0 {
            clean += 1;
            continue;
        }
        out.push_str(&format!(
            "{name:<width$}  {:>6}  {:>8}  {:>5}\n",
            s.errors, s.warnings, s.notes
        ));
    }
    out.push_str(&format!(
        "{clean} of {} files have no errors or warnings\n",
        rows.len()
    ));
    out
}
