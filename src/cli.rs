//! The command line: argument parsing (clap), file I/O and exit codes. Thin by design: all
//! the work is in the library.
//!
//! Exit codes: 0 no errors; 1 errors found (or warnings under `--deny warnings`); 2 usage or
//! I/O failure.

use crate::diagnostics::render::{self, Format};
use crate::diagnostics::{codes, Code, Diagnostic, Summary};
use crate::source::Sources;
use crate::{compile, Options};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// jues: check and render 部门决算 disclosure documents.
#[derive(Parser, Debug)]
#[command(name = "jues", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check documents and report every problem found.
    Check {
        /// The `.jues` files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// How to print diagnostics.
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
        /// Treat warnings as errors (`--deny warnings`).
        #[arg(long, value_enum)]
        deny: Option<Deny>,
        /// Also report values consistent only thanks to the rounding of their inputs.
        #[arg(long)]
        strict: bool,
        /// When to colour the output.
        #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
        color: ColorArg,
    },
    /// Explain a diagnostic code, or list all codes.
    Explain {
        /// A code such as `J0101`; without one, every code is listed.
        code: Option<String>,
        /// Print the full documentation of every code as Markdown (`docs/diagnostics.md`).
        #[arg(long, conflicts_with = "code")]
        all: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    /// Source excerpts with labels, help and notes.
    Human,
    /// One line per diagnostic: `file:line:col: severity[CODE]: message`.
    Short,
    /// One JSON document with every diagnostic and a summary.
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Deny {
    /// Warnings make the check fail.
    Warnings,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

/// Runs the command line and returns the process exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            files,
            format,
            deny,
            strict,
            color,
        } => {
            let format = match format {
                FormatArg::Human => Format::Human,
                FormatArg::Short => Format::Short,
                FormatArg::Json => Format::Json,
            };
            let color = match color {
                ColorArg::Always => true,
                ColorArg::Never => false,
                ColorArg::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            check(&files, format, deny.is_some(), Options { strict }, color)
        }
        Command::Explain { code, all } => explain(code.as_deref(), all),
    }
}

fn check(
    files: &[PathBuf],
    format: Format,
    deny_warnings: bool,
    options: Options,
    color: bool,
) -> ExitCode {
    let mut io_failed = false;
    let mut out = String::new();
    let mut all_sources = Sources::new();
    let mut all_diagnostics: Vec<Diagnostic> = Vec::new();
    let mut summary = Summary::default();

    for path in files {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("error: cannot read `{}`: {}", path.display(), io_reason(&e));
                io_failed = true;
                continue;
            }
        };
        let mut sources = Sources::new();
        sources.add_bytes(path.display().to_string(), &bytes);
        let compilation = compile(sources, &options);
        let file_summary = compilation.summary();
        summary.errors += file_summary.errors;
        summary.warnings += file_summary.warnings;
        summary.notes += file_summary.notes;
        match format {
            Format::Json => {
                // One JSON document for all files: re-home the diagnostics into one set.
                let offset = all_sources.len() as u32;
                for (_, file) in compilation.sources.iter() {
                    all_sources.add(file.name(), file.text());
                }
                all_diagnostics.extend(compilation.diagnostics.into_iter().map(|mut d| {
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
    }

    match format {
        Format::Json => out = render::json(&all_sources, &all_diagnostics),
        Format::Human => out.push_str(&summary_line(files.len(), summary)),
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

fn summary_line(files: usize, summary: Summary) -> String {
    let count = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let what = if files == 1 {
        "1 file".to_owned()
    } else {
        format!("{files} files")
    };
    if summary.errors + summary.warnings + summary.notes == 0 {
        return format!("checked {what}: no problems found\n");
    }
    format!(
        "checked {what}: {}, {}, {}\n",
        count(summary.errors, "error"),
        count(summary.warnings, "warning"),
        count(summary.notes, "note")
    )
}

fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => error.to_string(),
    }
}

fn explain(code: Option<&str>, all: bool) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    let text = if all {
        explain_all_markdown()
    } else if let Some(code) = code {
        match Code::from_id(code) {
            Some(code) => explain_one(code),
            None => {
                eprintln!("error: unknown diagnostic code `{code}`; `jues explain` lists them");
                return ExitCode::from(2);
            }
        }
    } else {
        codes::ALL
            .iter()
            .map(|i| format!("{}  {:<7}  {}\n", i.id, i.severity.as_str(), i.title))
            .collect()
    };
    let _ = stdout.write_all(text.as_bytes());
    ExitCode::SUCCESS
}

fn explain_one(code: Code) -> String {
    let info = code.info();
    format!(
        "{}: {} ({} by default)\n\n{}\n",
        info.id,
        info.title,
        info.severity.as_str(),
        info.explanation
    )
}

/// The Markdown of `docs/diagnostics.md`: every code with its explanation.
pub fn explain_all_markdown() -> String {
    let mut out = String::from(
        "# Diagnostics\n\n\
         <!-- Generated by `jues explain --all`; a test keeps this file equal to that output. -->\n\n\
         Every problem jues reports has a stable code, a severity and an explanation; \
         `jues explain CODE` prints the entry below. Severities: **error** (the check fails), \
         **warning** (fails only with `--deny warnings`), **note** (information).\n\n\
         The `--format json` output of `jues check` is one document: \
         `{\"diagnostics\": [{\"severity\", \"code\", \"message\", \"file\", \"line\", \"column\", \
         \"end_line\", \"end_column\", \"labels\": [{\"file\", \"line\", \"column\", \"end_line\", \
         \"end_column\", \"message\", \"primary\"}], \"help\", \"notes\"}], \"summary\": \
         {\"errors\", \"warnings\", \"notes\"}}`. Lines and columns are 1-based; a column counts \
         characters, so a Chinese character is one column.\n\n\
         | code | severity | title |\n|---|---|---|\n",
    );
    for info in codes::ALL {
        out.push_str(&format!(
            "| [{}](#{}) | {} | {} |\n",
            info.id,
            info.id.to_lowercase(),
            info.severity.as_str(),
            info.title
        ));
    }
    for info in codes::ALL {
        out.push_str(&format!(
            "\n## {}\n\n**{}** ({} by default)\n\n{}\n",
            info.id,
            info.title,
            info.severity.as_str(),
            info.explanation
        ));
    }
    out
}
