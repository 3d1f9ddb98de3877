//! `jues check`: documents, folders and globs checked in parallel, with a summary.

use super::{io_reason, say, summary_line};
use crate::diagnostics::render::{self, Format};
use crate::diagnostics::{Diagnostic, Summary};
use crate::files::Disk;
use crate::source::Sources;
use crate::width::{pad, width};
use crate::{compile_path, Options};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The files named by the arguments, each real file once (under the first name it is found
/// by), in a stable order: files as given (a symbolic link too), folders searched for `.jues`
/// files, and glob patterns (`reports/**/*.jues`) expanded. Searching a folder never enters a
/// symbolically linked folder: a link to a sibling would check its files again, and two
/// folders linked to each other would never end. A linked file inside is checked, once.
fn expand(args: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut add = |path: PathBuf| {
        // A name that does not resolve (missing, a dangling link) is kept as it is, to be
        // reported as unreadable.
        let real = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if seen.insert(real) {
            files.push(path);
        }
    };
    for arg in args {
        let text = arg.to_string_lossy();
        if arg.is_dir() {
            walk(arg, usize::MAX)
                .into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == "jues"))
                .for_each(&mut add);
        } else if !arg.exists() && text.contains(['*', '?', '[']) {
            let matched = expand_glob(&text);
            if matched.is_empty() {
                add(arg.clone()); // reported as unreadable
            }
            matched.into_iter().for_each(&mut add);
        } else {
            add(arg.clone());
        }
    }
    files
}

/// The files a glob pattern names: the folder its pattern starts in searched as
/// [`walk`] searches (without entering linked folders), each file matched against the
/// pattern (`*` within one name, `**` across folders).
fn expand_glob(pattern: &str) -> Vec<PathBuf> {
    let Ok(compiled) = glob::Pattern::new(pattern) else {
        return Vec::new();
    };
    // The leading names without wildcards are a folder to start in.
    let path = Path::new(pattern);
    let mut base = PathBuf::new();
    let mut rest = 0;
    let mut recursive = false;
    for component in path.components() {
        let name = component.as_os_str().to_string_lossy();
        if rest == 0 && !name.contains(['*', '?', '[']) {
            base.push(component);
        } else {
            rest += 1;
            recursive |= name.contains("**");
        }
    }
    let depth = if recursive { usize::MAX } else { rest };
    let options = glob::MatchOptions {
        require_literal_separator: true,
        ..glob::MatchOptions::new()
    };
    let start = if base.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        base.clone()
    };
    walk(&start, depth)
        .into_iter()
        // `walk(".")` names `./a.jues`; the pattern `*.jues` names `a.jues`.
        .map(|p| {
            if base.as_os_str().is_empty() {
                p.strip_prefix(".").map(Path::to_path_buf).unwrap_or(p)
            } else {
                p
            }
        })
        .filter(|p| compiled.matches_path_with(p, options))
        .collect()
}

/// The files under `dir`, at most `depth` folders down (1: those in `dir` itself), in name
/// order, a folder's files where the folder is in the order (walkdir). Symbolic links to
/// folders are not entered (a link to a folder above it would check its files again and
/// again); links to files, and dangling links, are files. An unreadable folder is passed by.
fn walk(dir: &Path, depth: usize) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .max_depth(depth)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| {
            let kind = entry.file_type();
            if kind.is_symlink() {
                !entry.path().is_dir()
            } else {
                !kind.is_dir()
            }
        })
        .map(walkdir::DirEntry::into_path)
        .collect()
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
                eprintln!("{}", super::cannot_read(path, reason));
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
            format if format.is_document() => {
                // One document for all files: re-home the diagnostics into one set.
                let offset = all_sources.append(std::mem::take(&mut compilation.sources));
                let diagnostics = std::mem::take(&mut compilation.diagnostics);
                all_diagnostics.extend(diagnostics.into_iter().map(|mut d| {
                    d.primary.span.file.0 += offset;
                    for label in &mut d.secondary {
                        label.span.file.0 += offset;
                    }
                    if let Some(fix) = &mut d.fix {
                        fix.span.file.0 += offset;
                    }
                    d
                }));
            }
            _ => out.push_str(&render::render(
                &compilation.sources,
                &compilation.diagnostics,
                format,
                color,
                super::lang(),
            )),
        }
        // The process ends soon after, and freeing a large document node by node costs a
        // tenth of checking it: leave the memory to the operating system. Nothing is held
        // longer than before (all results were collected above).
        std::mem::forget(compilation);
    }

    match format {
        Format::Json => out = render::json(&all_sources, &all_diagnostics, super::lang()),
        Format::Sarif => {
            out = render::sarif(&all_sources, &all_diagnostics, super::lang(), !io_failed);
        }
        Format::Human => {
            if table.len() > 1 {
                out.push_str(&summary_table(&table));
            }
            // Files that could not be read were reported above and are not counted as checked.
            if !table.is_empty() {
                out.push_str(&summary_line(table.len(), summary));
            }
        }
        Format::Short | Format::Github => {}
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

/// One line per file with errors or warnings, then the count of the others. Columns are
/// aligned by display width: file names and headings may be Chinese.
fn summary_table(rows: &[(String, Summary)]) -> String {
    let headings = [
        say("table-file", &[]),
        say("table-errors", &[]),
        say("table-warnings", &[]),
        say("table-notes", &[]),
    ];
    let columns = rows
        .iter()
        .map(|(name, _)| width(name))
        .chain(std::iter::once(width(&headings[0])))
        .max()
        .unwrap_or(4);
    let counts: Vec<usize> = headings[1..].iter().map(|h| width(h).max(5)).collect();
    let right = |text: &str, columns: usize| {
        let mut cell = " ".repeat(columns.saturating_sub(width(text)));
        cell.push_str(text);
        cell
    };
    let mut out = pad(&headings[0], columns);
    for (heading, &columns) in headings[1..].iter().zip(&counts) {
        out.push_str("  ");
        out.push_str(&right(heading, columns));
    }
    out.push('\n');
    let mut clean = 0;
    for (name, s) in rows {
        if s.errors + s.warnings == 0 {
            clean += 1;
            continue;
        }
        out.push_str(&pad(name, columns));
        for (count, &columns) in [s.errors, s.warnings, s.notes].iter().zip(&counts) {
            out.push_str("  ");
            out.push_str(&right(&count.to_string(), columns));
        }
        out.push('\n');
    }
    let args = [("clean", clean.into()), ("files", rows.len().into())];
    out.push_str(&say("table-clean", &args));
    out.push('\n');
    out
}
