//! The command line: argument parsing (clap), file I/O and exit codes. Thin by design: all
//! the work is in the library. This file holds the arguments and what the commands share
//! (writing files, output names, the summary line); each command has a file of its own:
//! `check.rs`, `build.rs`, `watch.rs`, `fmt.rs`, `new.rs`, `explain.rs`, `manual.rs`.
//!
//! Exit codes: 0 no errors; 1 errors found (or warnings under `--deny warnings`); 2 usage or
//! I/O failure.

mod build;
mod check;
mod explain;
mod fmt;
mod help;
mod manual;
mod new;
mod usage_error;
mod watch;
mod write;

pub use explain::explain_all_markdown;

use crate::diagnostics::render::Format;
use crate::diagnostics::Summary;
use crate::i18n::Lang;
use crate::Options;
use build::Build;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The command line, as clap reads it. Its help texts are in the catalogs (`help.rs`).
#[derive(Parser, Debug)]
#[command(name = "jues", version, disable_help_subcommand = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    // `--lang zh|en`: read before the arguments are parsed (`lang_flag`), so that their help
    // speaks it; declared here so that clap takes it with every command and checks its value.
    #[arg(long, global = true, value_parser = parse_lang)]
    lang: Option<Lang>,
}

/// `--lang`: a language tag or locale jues speaks (`zh`, `en`, `zh_CN.UTF-8`).
fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| {
        let tags = crate::i18n::Arg::list(Lang::ALL.iter().map(|l| l.tag()));
        crate::msg!("lang-unknown", text = text, tags = tags).text(lang())
    })
}

/// A whole number from 0 to 65535 (`--serve 8080`, `--year 2024`), refused in the user's
/// language (clap's own parser gives the standard library's English reason).
fn whole_number(text: &str) -> Result<u16, String> {
    text.parse()
        .map_err(|_| crate::msg!("arg-not-whole-number", text = text).text(lang()))
}

/// The language `--lang X` or `--lang=X` asks for, read from the arguments before they are
/// parsed (a value it does not name is left to the parser to refuse).
fn lang_flag(args: &[OsString]) -> Option<Lang> {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    let mut words = args.iter().take_while(|a| **a != "--");
    while let Some(arg) = words.next() {
        let value = match arg.strip_prefix("--lang") {
            Some("") => words.next().copied(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(Lang::parse) {
            return Some(lang);
        }
    }
    None
}

#[derive(Subcommand, Debug)]
enum Command {
    // Check documents and report every problem found.
    Check {
        // The `.jues` files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        report: ReportArgs,
    },
    // Check a document, then write it as HTML, Markdown and facts JSON.
    Build {
        // The `.jues` file to build.
        file: PathBuf,
        #[command(flatten)]
        output: OutputArgs,
        // Write the outputs even when the document has errors.
        #[arg(long)]
        allow_errors: bool,
        // Mark every stated value in the HTML as verified or wrong, with a summary of all
        // findings: an audit view of a published report (implies --allow-errors).
        #[arg(long)]
        annotate: bool,
        #[command(flatten)]
        report: ReportArgs,
    },
    // Build a document, then rebuild it whenever it (or a file next to it) changes. Outputs
    // are only replaced by an error-free build, so the last good ones stay.
    Watch {
        // The `.jues` file to watch and build.
        file: PathBuf,
        #[command(flatten)]
        output: OutputArgs,
        // Serve the HTML on http://127.0.0.1:PORT/ (loopback only), reloading the page after
        // every good build; port 0 picks a free one.
        #[arg(long, value_parser = whole_number)]
        serve: Option<u16>,
        #[command(flatten)]
        report: ReportArgs,
    },
    // Run the language server over stdin and stdout (for editors).
    Lsp,
    // Format documents in place: a canonical layout for declarations, prose as written.
    Fmt {
        // The `.jues` files to format.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        // Change nothing; list the files that are not formatted, with a diff, and exit 1.
        #[arg(long)]
        check: bool,
    },
    // Create a new report from the standard library, ready to fill in.
    New {
        // The folder to create (it must not exist, or be empty).
        dir: PathBuf,
        // The report type, one of the standard library's.
        #[arg(long = "type", default_value = "部门决算", value_parser = report_types())]
        kind: String,
        // The department (单位); with `--from`, the workbook's 编制单位 by default.
        #[arg(long)]
        entity: Option<String>,
        // The year reported on (年度); by default, last year.
        #[arg(long, value_parser = whole_number)]
        year: Option<u16>,
        // Last year's report, to import as `上年` instead of typing last year's figures: its
        // path as seen from the new report's folder (`../2024决算/report.jues`).
        #[arg(long)]
        prior: Option<String>,
        // The workbook of the 公开表 as the 决算 software exports it (`.xlsx`, `.xls`): it is
        // copied into the folder, every table reads its rows from it, and the 情况说明 states
        // every figure of its tables.
        #[arg(long)]
        from: Option<PathBuf>,
    },
    // Explain a diagnostic code, or list all codes.
    Explain {
        // A code such as `J0101`; without one, every code is listed.
        code: Option<String>,
        // Print the full documentation of every code as Markdown, in the language of
        // `--lang` (`docs/diagnostics.md`, `docs/diagnostics.zh.md`).
        #[arg(long, conflicts_with = "code")]
        all: bool,
    },
    // Print the completions of jues's commands and arguments for a shell.
    Completions {
        // The shell: bash, zsh, fish, powershell or elvish.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    // Print jues's manual page (roff, for `man`).
    Man,
    // Print the help of jues or of a command (`jues help check`). jues's own rather than
    // clap's, whose help command is built apart from the others and speaks English.
    Help {
        // The command to show the help of.
        subcommand: Option<String>,
    },
}

/// The values `jues new --type` takes: the standard library's report types, which its help
/// lists.
fn report_types() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(crate::library::TYPES.iter().map(|(name, ..)| *name))
}

/// What to write and where, shared by `build` and `watch`.
#[derive(clap::Args, Debug)]
struct OutputArgs {
    // The formats to write, separated by commas.
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = [Output::Html, Output::Md, Output::Json, Output::Pdf])]
    to: Vec<Output>,
    // The CJK TrueType font for the PDF: a path, or `宋体`/`serif` or `黑体`/`sans` for a
    // system font of that style (else the document's `字体`, `JUES_FONT`, or a system font,
    // 宋体 style first).
    #[arg(long)]
    font: Option<PathBuf>,
    // The folder to write into (created if needed).
    #[arg(short = 'o', long = "out", default_value = "out")]
    out: PathBuf,
}

/// How to check and report, shared by `check` and `build`.
#[derive(clap::Args, Debug)]
struct ReportArgs {
    // How to print diagnostics.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
    // Treat warnings as errors (`--deny warnings`).
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    // Also report values consistent only thanks to the rounding of their inputs.
    #[arg(long)]
    strict: bool,
    // When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    // Let the document read files outside its project folder (the folder above its own):
    // imports, data files, code lists and fonts.
    #[arg(long, alias = "allow-outside-imports")]
    allow_outside_project: bool,
}

impl ReportArgs {
    fn options(&self) -> Options {
        Options {
            strict: self.strict,
            allow_outside_project: self.allow_outside_project,
            publish: false,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FormatArg {
    // Source excerpts with labels, help and notes.
    Human,
    // One line per diagnostic: `file:line:col: severity[CODE]: message`.
    Short,
    // One JSON document with every diagnostic and a summary.
    Json,
    // GitHub Actions annotations, one workflow command per diagnostic.
    Github,
    // One SARIF 2.1.0 log, for code-scanning services.
    Sarif,
}

/// An output format of `jues build`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Output {
    // `<stem>.html`: one self-contained page.
    Html,
    // `<stem>.md`: GitHub-flavoured Markdown.
    Md,
    // `<stem>.facts.json`: every figure, cell and stated number.
    Json,
    // `<stem>.pdf`.
    Pdf,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Deny {
    // Warnings make the check fail.
    Warnings,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

impl ColorArg {
    fn enabled(self) -> bool {
        match self {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => auto_color(std::io::stdout().is_terminal()),
        }
    }
}

/// Whether `--color auto` colours, by the conventions terminal programs share: `NO_COLOR`
/// (not empty) never; `CLICOLOR_FORCE` (not `0`) or `FORCE_COLOR` (not empty, `0` or
/// `false`) always, also into a pipe (a CI log that shows colour); else on a terminal unless
/// `CLICOLOR=0` or the terminal cannot show colour (`TERM=dumb`, as in Emacs's `M-x compile`).
fn auto_color(terminal: bool) -> bool {
    if anstyle_query::no_color() {
        return false;
    }
    let force_color = std::env::var("FORCE_COLOR")
        .is_ok_and(|v| !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false"));
    if anstyle_query::clicolor_force() || force_color {
        return true;
    }
    terminal && anstyle_query::term_supports_color() && anstyle_query::clicolor() != Some(false)
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Format {
        match format {
            FormatArg::Human => Format::Human,
            FormatArg::Short => Format::Short,
            FormatArg::Json => Format::Json,
            FormatArg::Github => Format::Github,
            FormatArg::Sarif => Format::Sarif,
        }
    }
}

/// Runs the command line and returns the process exit code.
pub fn run() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    // The language is known before the arguments are read: their help and errors speak it.
    let lang = Lang::detect(lang_flag(&args));
    let _ = LANG.set(lang);
    let cli = match help::parse::<Cli>(&args, lang) {
        Ok(cli) => cli,
        Err(said) => return said,
    };
    match cli.command {
        Command::Check { files, report } => check::check(
            &files,
            report.format.into(),
            report.deny.is_some(),
            report.options(),
            report.color.enabled(),
        ),
        Command::Build {
            file,
            output,
            allow_errors,
            annotate,
            report,
        } => {
            Build::new(output, allow_errors, annotate)
                .run(&file, &report)
                .0
        }
        Command::Fmt { files, check } => fmt::fmt(&files, check),
        Command::Lsp => match crate::lsp::run() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{}", say("lsp-stopped", &[("reason", e.into())]));
                ExitCode::from(2)
            }
        },
        Command::Watch {
            file,
            output,
            serve,
            report,
        } => watch::watch(&Build::new(output, false, false), &file, &report, serve),
        Command::New {
            dir,
            kind,
            entity,
            year,
            prior,
            from,
        } => match from {
            // The workbook is read as the 决算 software exports it: it makes a 部门决算 only.
            Some(_) if kind != crate::data::report::TYPE => {
                let args = [
                    ("from_type", crate::data::report::TYPE.into()),
                    ("kind", kind.into()),
                ];
                eprintln!("{}", say("new-from-other-type", &args));
                ExitCode::from(2)
            }
            Some(workbook) => {
                new::from_workbook(&dir, &workbook, entity.as_deref(), year, prior.as_deref())
            }
            None => new::new(
                &dir,
                &kind,
                entity.as_deref().unwrap_or("某某单位"),
                year,
                prior.as_deref(),
            ),
        },
        Command::Explain { code, all } => explain::explain(code.as_deref(), all, lang),
        // The whole command line, each command built (parsing built only the one it took).
        Command::Completions { shell } => {
            manual::completions(shell, help::localized(Cli::command(), lang))
        }
        Command::Man => manual::man(help::localized(Cli::command(), lang), lang),
        Command::Help { subcommand } => help::print(
            help::localized(Cli::command(), lang),
            subcommand.as_deref(),
            &args,
            lang,
        ),
    }
}

/// Creates `dir` and writes the files into it, all or none (see `write`), saying what it
/// wrote; on an I/O error, one line and exit code 2.
fn write_files<N: AsRef<Path>, C: AsRef<[u8]>>(
    dir: &Path,
    files: impl IntoIterator<Item = (N, C)>,
) -> Result<(), ExitCode> {
    if let Err(e) = std::fs::create_dir_all(dir) {
        let reason = io_reason(&e);
        eprintln!(
            "{}",
            say(
                "cannot-create",
                &[("path", shown(dir)), ("reason", reason.into())]
            )
        );
        return Err(ExitCode::from(2));
    }
    let files: Vec<(PathBuf, C)> = files
        .into_iter()
        .map(|(name, contents)| (dir.join(name), contents))
        .collect();
    let staged = files
        .iter()
        .map(|(path, contents)| (path.clone(), contents.as_ref(), None));
    if let Err(e) = write::write_all(staged) {
        let reason = io_reason(&e.error);
        eprintln!(
            "{}",
            say(
                "cannot-write-none-changed",
                &[("path", shown(&e.path)), ("reason", reason.into())]
            )
        );
        return Err(ExitCode::from(2));
    }
    for (path, _) in &files {
        eprintln!("{}", say("wrote", &[("path", shown(path))]));
    }
    Ok(())
}

/// The name the outputs of `path` share: its file name without the extension. It is one
/// file-name component (never a separator, `.` or `..` on its own), so `-o DIR` joined with
/// it and an extension always names a file directly inside `DIR`.
fn output_stem(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem: String = stem
        .chars()
        .map(|c| {
            if std::path::is_separator(c) || c == '\0' {
                '_'
            } else {
                c
            }
        })
        .collect();
    if stem.is_empty() || stem.chars().all(|c| c == '.') {
        "report".to_owned()
    } else {
        stem
    }
}

/// The language of this run of the CLI, chosen once (`--lang`, then the environment).
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// The language of this run.
pub(super) fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// The CLI's text `id` in the language of this run, its placeholders filled from `args`.
pub(crate) fn say(id: &str, args: &[(&str, crate::i18n::FluentArg<'_>)]) -> String {
    crate::i18n::tr(lang(), id, args)
}

/// A path as messages show it.
fn shown(path: &Path) -> crate::i18n::FluentArg<'static> {
    path.display().to_string().into()
}

/// `checked 2 files: 1 error, 0 warnings, 3 notes`, with its line end.
fn summary_line(files: usize, summary: Summary) -> String {
    let clean = summary.errors + summary.warnings + summary.notes == 0;
    let id = if clean {
        "check-summary-clean"
    } else {
        "check-summary"
    };
    let mut line = say(
        id,
        &[
            ("files", files.into()),
            ("errors", summary.errors.into()),
            ("warnings", summary.warnings.into()),
            ("notes", summary.notes.into()),
        ],
    );
    line.push('\n');
    line
}

/// Why a file could not be read or written, in the language of this run.
fn io_reason(error: &std::io::Error) -> String {
    crate::files::io_reason(error).text(lang())
}

/// `error: cannot read `path`: reason`.
fn cannot_read(path: &Path, reason: String) -> String {
    say(
        "cannot-read",
        &[("path", shown(path)), ("reason", reason.into())],
    )
}
