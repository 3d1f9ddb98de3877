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
use std::path::{Path, PathBuf};
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
        #[command(flatten)]
        report: ReportArgs,
    },
    /// Check a document, then write it as HTML, Markdown and facts JSON.
    Build {
        /// The `.jues` file to build.
        file: PathBuf,
        #[command(flatten)]
        output: OutputArgs,
        /// Write the outputs even when the document has errors.
        #[arg(long)]
        allow_errors: bool,
        /// Mark every stated value in the HTML as verified or wrong, with a summary of all
        /// findings: an audit view of a published report (implies --allow-errors).
        #[arg(long)]
        annotate: bool,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// Build a document, then rebuild it whenever it (or a file next to it) changes. Outputs
    /// are only replaced by an error-free build, so the last good ones stay.
    Watch {
        /// The `.jues` file to watch and build.
        file: PathBuf,
        #[command(flatten)]
        output: OutputArgs,
        /// Serve the HTML on http://127.0.0.1:PORT/ (loopback only), reloading the page after
        /// every good build; port 0 picks a free one.
        #[arg(long, value_name = "PORT")]
        serve: Option<u16>,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// Run the language server over stdin and stdout (for editors).
    Lsp,
    /// Format documents in place: a canonical layout for declarations, prose as written.
    Fmt {
        /// The `.jues` files to format.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Change nothing; list the files that are not formatted, with a diff, and exit 1.
        #[arg(long)]
        check: bool,
    },
    /// Create a new report from the standard library, ready to fill in.
    New {
        /// The folder to create (it must not exist, or be empty).
        dir: PathBuf,
        /// The report type.
        #[arg(long = "type", default_value = "部门决算")]
        kind: String,
        /// The department (单位).
        #[arg(long, default_value = "某某单位")]
        entity: String,
        /// The year reported on (年度); by default, last year.
        #[arg(long)]
        year: Option<u16>,
        /// Last year's report, to import as `上年` instead of typing last year's figures: its
        /// path as seen from the new report's folder (`../2024决算/report.jues`).
        #[arg(long, value_name = "PATH")]
        prior: Option<String>,
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

/// What to write and where, shared by `build` and `watch`.
#[derive(clap::Args, Debug)]
struct OutputArgs {
    /// The formats to write, separated by commas.
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = [Output::Html, Output::Md, Output::Json, Output::Pdf])]
    to: Vec<Output>,
    /// The CJK TrueType font for the PDF: a path, or `宋体`/`serif` or `黑体`/`sans` for a
    /// system font of that style (else the document's `字体`, `JUES_FONT`, or a system font,
    /// 宋体 style first).
    #[arg(long)]
    font: Option<PathBuf>,
    /// The folder to write into (created if needed).
    #[arg(short = 'o', long = "out", default_value = "out")]
    out: PathBuf,
}

/// How to check and report, shared by `check` and `build`.
#[derive(clap::Args, Debug)]
struct ReportArgs {
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
    /// Let `导入` read files outside the project folder.
    #[arg(long)]
    allow_outside_imports: bool,
}

impl ReportArgs {
    fn options(&self) -> Options {
        Options {
            strict: self.strict,
            allow_outside_imports: self.allow_outside_imports,
            publish: false,
        }
    }
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

/// An output format of `jues build`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Output {
    /// `<stem>.html`: one self-contained page.
    Html,
    /// `<stem>.md`: GitHub-flavoured Markdown.
    Md,
    /// `<stem>.facts.json`: every figure, cell and stated number.
    Json,
    /// `<stem>.pdf`.
    Pdf,
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

impl ColorArg {
    fn enabled(self) -> bool {
        match self {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        }
    }
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Format {
        match format {
            FormatArg::Human => Format::Human,
            FormatArg::Short => Format::Short,
            FormatArg::Json => Format::Json,
        }
    }
}

/// Runs the command line and returns the process exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { files, report } => check(
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
            let build = Build {
                to: output.to,
                font: output.font,
                out: output.out,
                allow_errors: allow_errors || annotate,
                annotate,
            };
            build.run(
                &file,
                report.format.into(),
                report.deny.is_some(),
                report.options(),
                report.color.enabled(),
            )
        }
        Command::Fmt { files, check } => fmt(&files, check),
        Command::Lsp => match crate::lsp::run() {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: the language server stopped: {e}");
                ExitCode::from(2)
            }
        },
        Command::Watch {
            file,
            output,
            serve,
            report,
        } => {
            let build = Build {
                to: output.to,
                font: output.font,
                out: output.out,
                allow_errors: false,
                annotate: false,
            };
            watch(&build, &file, &report, serve)
        }
        Command::New {
            dir,
            kind,
            entity,
            year,
            prior,
        } => new(&dir, &kind, &entity, year, prior.as_deref()),
        Command::Explain { code, all } => explain(code.as_deref(), all),
    }
}

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

fn check(
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
    // Every file is compiled on its own, in parallel; results are reported in order.
    let results: Vec<Result<crate::Compilation, String>> = files
        .par_iter()
        .map(|path| {
            let result = std::fs::read(path).map_err(|e| io_reason(&e)).map(|bytes| {
                let mut sources = Sources::new();
                sources.add_bytes(path.display().to_string(), &bytes);
                compile(sources, &options)
            });
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            result
        })
        .collect();
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

/// What `jues build` writes, and where.
struct Build {
    to: Vec<Output>,
    font: Option<PathBuf>,
    out: PathBuf,
    allow_errors: bool,
    annotate: bool,
}

impl Build {
    fn run(
        &self,
        path: &Path,
        format: Format,
        deny_warnings: bool,
        options: Options,
        color: bool,
    ) -> ExitCode {
        self.run_with_inputs(path, format, deny_warnings, options, color)
            .0
    }

    /// Builds, and says which files the build read (for `watch`): the document, and what it
    /// brings in, when it could be read.
    fn run_with_inputs(
        &self,
        path: &Path,
        format: Format,
        deny_warnings: bool,
        options: Options,
        color: bool,
    ) -> (ExitCode, Vec<PathBuf>) {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("error: cannot read `{}`: {}", path.display(), io_reason(&e));
                return (ExitCode::from(2), vec![path.to_path_buf()]);
            }
        };
        let mut sources = Sources::new();
        sources.add_bytes(path.display().to_string(), &bytes);
        // An audit view (`--annotate`) shows a published report as it is; a build publishes.
        let options = Options {
            publish: !self.annotate,
            ..options
        };
        let compilation = compile(sources, &options);
        let inputs = compilation.inputs.clone();
        let summary = compilation.summary();
        let mut report = render::render(
            &compilation.sources,
            &compilation.diagnostics,
            format,
            color,
        );
        if format == Format::Human {
            report.push_str(&summary_line(1, summary));
        }
        let _ = std::io::stdout().lock().write_all(report.as_bytes());
        let failed = summary.errors > 0 || (deny_warnings && summary.warnings > 0);

        if summary.errors > 0 && !self.allow_errors {
            eprintln!(
                "error: not writing outputs: `{}` has {} error{} (`--allow-errors` writes them anyway)",
                path.display(),
                summary.errors,
                if summary.errors == 1 { "" } else { "s" }
            );
            return (ExitCode::from(1), inputs);
        }
        let stem = output_stem(path);
        let document = &compilation.evaluated.document;
        let mut files: Vec<(String, String)> = Vec::new();
        let mut pdf: Option<(String, Vec<u8>)> = None;
        let mut pdf_failed = false;
        for output in &self.to {
            match output {
                Output::Html => {
                    let annotations = if self.annotate {
                        annotations(&compilation)
                    } else {
                        Vec::new()
                    };
                    files.push((
                        format!("{stem}.html"),
                        crate::render::html::render(document, &annotations, self.annotate),
                    ));
                }
                Output::Md => files.push((
                    format!("{stem}.md"),
                    crate::render::markdown::render(document),
                )),
                Output::Json => files.push((
                    format!("{stem}.facts.json"),
                    crate::render::facts::render(document, &compilation.sources),
                )),
                Output::Pdf => match self.pdf(path, &compilation) {
                    Ok(bytes) => pdf = Some((format!("{stem}.pdf"), bytes)),
                    Err(e) => {
                        eprintln!("error: not writing the PDF: {e}");
                        pdf_failed = true;
                    }
                },
            }
        }
        let files = files
            .into_iter()
            .map(|(n, c)| (n, c.into_bytes()))
            .chain(pdf);
        if let Err(code) = write_files(&self.out, files) {
            return (code, inputs);
        }
        let code = if pdf_failed {
            ExitCode::from(2)
        } else if failed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        };
        (code, inputs)
    }

    /// The PDF, with the font from `--font`, the document's `字体` (a path relative to the
    /// document, or a family keyword), `JUES_FONT` or the system.
    #[cfg(feature = "pdf")]
    fn pdf(&self, path: &Path, compilation: &crate::Compilation) -> Result<Vec<u8>, String> {
        let setting = crate::ast::ReportDecl::find(std::slice::from_ref(&compilation.module))
            .and_then(|r| crate::settings::ReportSetting::Font.find(&r.settings))
            .map(|s| {
                let value = s.value.text();
                // A family keyword (`宋体`, `黑体` …) is not a path.
                if crate::render::pdf::font::Family::parse(&value).is_some() {
                    PathBuf::from(value)
                } else {
                    path.parent().unwrap_or(Path::new("")).join(value)
                }
            });
        let options = crate::render::pdf::Options {
            font: self.font.clone().or(setting),
            epoch: std::env::var("SOURCE_DATE_EPOCH")
                .ok()
                .and_then(|s| s.trim().parse().ok()),
        };
        crate::render::pdf::render(&compilation.evaluated.document, &options)
            .map_err(|e| e.to_string())
    }

    #[cfg(not(feature = "pdf"))]
    fn pdf(&self, _: &Path, _: &crate::Compilation) -> Result<Vec<u8>, String> {
        let font = if self.font.is_some() {
            " (so `--font` has no effect)"
        } else {
            ""
        };
        Err(format!(
            "this jues was built without the `pdf` feature{font}"
        ))
    }
}

/// The diagnostics of a compilation as the HTML audit view shows them.
fn annotations(compilation: &crate::Compilation) -> Vec<crate::doc::Annotation> {
    compilation
        .diagnostics
        .iter()
        .map(|d| {
            let file = compilation.sources.get(d.primary.span.file);
            crate::doc::Annotation {
                span: d.primary.span,
                severity: d.severity.as_str().to_owned(),
                code: d.code.id().to_owned(),
                message: d.message.clone(),
                help: d.help.clone(),
                line: file.line_col(d.primary.span.start as usize).0,
            }
        })
        .collect()
}

/// Builds `path`, then again whenever the content of a file the build read changes (the
/// document, its imports, its data files and code list). The folders of those files are
/// watched rather than the files, so editors that save by writing a new file and renaming it
/// over the old one are seen too. Events are gathered until the folder has been quiet for a
/// moment (one build per burst of saves), and a build runs only when some input's bytes
/// differ from the last build's: the build's own reads, and writes of its outputs, never
/// start another.
fn watch(build: &Build, path: &Path, report: &ReportArgs, serve: Option<u16>) -> ExitCode {
    use std::collections::BTreeSet;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Arc;
    use std::time::Duration;
    /// How long the watched folders must be quiet before a burst of events is acted on.
    const QUIET: Duration = Duration::from_millis(150);
    // Counts good builds; a served page reloads when it changes.
    let version = Arc::new(AtomicU64::new(0));
    // Builds, and returns the inputs of the build with their bytes as they were before it
    // started (`previous` are the last build's inputs): a change made while the build runs is
    // then still a change afterwards, and starts the next build.
    let run = |previous: &[PathBuf]| -> Vec<(PathBuf, Option<Vec<u8>>)> {
        let mut before: Vec<(PathBuf, Option<Vec<u8>>)> = previous
            .iter()
            .map(|p| (p.clone(), std::fs::read(p).ok()))
            .collect();
        let (code, inputs) = build.run_with_inputs(
            path,
            report.format.into(),
            report.deny.is_some(),
            report.options(),
            report.color.enabled(),
        );
        if code == ExitCode::SUCCESS {
            version.fetch_add(1, Ordering::SeqCst);
        }
        before.retain(|(p, _)| inputs.contains(p));
        for input in inputs {
            if !before.iter().any(|(p, _)| *p == input) {
                let bytes = std::fs::read(&input).ok();
                before.push((input, bytes));
            }
        }
        before
    };
    let paths = |inputs: &[(PathBuf, Option<Vec<u8>>)]| -> Vec<PathBuf> {
        inputs.iter().map(|(p, _)| p.clone()).collect()
    };
    let mut inputs = run(&[path.to_path_buf()]);
    if let Some(port) = serve {
        let stem = output_stem(path);
        let page = build.out.join(format!("{stem}.html"));
        if let Err(e) = crate::serve::start(port, page, Arc::clone(&version)) {
            eprintln!("error: cannot serve on port {port}: {e}");
            return ExitCode::from(2);
        }
    }
    let (events, received) = std::sync::mpsc::channel();
    let mut watcher = match notify::recommended_watcher(events) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: cannot watch files: {e}");
            return ExitCode::from(2);
        }
    };
    let mut watched: BTreeSet<PathBuf> = BTreeSet::new();
    watch_folders(&inputs, &mut watcher, &mut watched);
    if watched.is_empty() {
        eprintln!("error: cannot watch `{}`", folder_of(path).display());
        return ExitCode::from(2);
    }
    eprintln!("watching {} (Ctrl-C stops)", folder_of(path).display());
    // An event speaks of an input when it names the input's file (by name, in its folder).
    let names = |inputs: &[(PathBuf, Option<Vec<u8>>)]| -> BTreeSet<std::ffi::OsString> {
        inputs
            .iter()
            .filter_map(|(p, _)| p.file_name().map(ToOwned::to_owned))
            .collect()
    };
    let mut input_names = names(&inputs);
    let touches_input = |event: &notify::Result<notify::Event>,
                         names: &BTreeSet<std::ffi::OsString>| {
        let Ok(event) = event else { return false };
        !matches!(event.kind, notify::EventKind::Access(_))
            && event
                .paths
                .iter()
                .any(|p| p.file_name().is_some_and(|n| names.contains(n)))
    };
    while let Ok(event) = received.recv() {
        if !touches_input(&event, &input_names) {
            continue;
        }
        // Gather the rest of the burst.
        while received.recv_timeout(QUIET).is_ok() {}
        let changed = inputs
            .iter()
            .any(|(p, bytes)| std::fs::read(p).ok() != *bytes);
        if !changed {
            continue;
        }
        eprintln!("── change seen, rebuilding ──");
        inputs = run(&paths(&inputs));
        input_names = names(&inputs);
        watch_folders(&inputs, &mut watcher, &mut watched);
    }
    ExitCode::SUCCESS
}

/// The folder a file is in (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(f) if !f.as_os_str().is_empty() => f.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Adds a watch on the folder of every input not watched yet.
fn watch_folders(
    inputs: &[(PathBuf, Option<Vec<u8>>)],
    watcher: &mut impl notify::Watcher,
    watched: &mut std::collections::BTreeSet<PathBuf>,
) {
    for (input, _) in inputs {
        let folder = folder_of(input);
        if watched.contains(&folder) {
            continue;
        }
        match watcher.watch(&folder, notify::RecursiveMode::NonRecursive) {
            Ok(()) => {
                watched.insert(folder);
            }
            Err(e) => eprintln!("warning: cannot watch `{}`: {e}", folder.display()),
        }
    }
}

fn fmt(files: &[PathBuf], check: bool) -> ExitCode {
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

fn new(dir: &Path, kind: &str, entity: &str, year: Option<u16>, prior: Option<&str>) -> ExitCode {
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

/// Creates `dir` and writes each file into it, saying what it wrote; on an I/O error, one
/// line and exit code 2.
fn write_files<N: AsRef<Path>, C: AsRef<[u8]>>(
    dir: &Path,
    files: impl IntoIterator<Item = (N, C)>,
) -> Result<(), ExitCode> {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!(
            "error: cannot create `{}`: {}",
            dir.display(),
            io_reason(&e)
        );
        return Err(ExitCode::from(2));
    }
    for (name, contents) in files {
        let path = dir.join(name);
        if let Err(e) = std::fs::write(&path, contents) {
            eprintln!(
                "error: cannot write `{}`: {}",
                path.display(),
                io_reason(&e)
            );
            return Err(ExitCode::from(2));
        }
        eprintln!("wrote {}", path.display());
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

/// The year before the current one (reports are made the year after), from the system clock.
fn last_year() -> u16 {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // A mean Gregorian year (365.2425 days) is exact enough to know the year.
    let year = 1970 + seconds / 31_556_952;
    u16::try_from(year).unwrap_or(2024).saturating_sub(1)
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
