//! `jues build`: check, then write HTML, Markdown, PDF and the facts file.

use super::{io_reason, output_stem, summary_line, write_files, Output, OutputArgs, ReportArgs};
use crate::diagnostics::render::{self, Format};
use crate::files::{Disk, Input};
use crate::i18n::Message;
use crate::{compile_path, Options};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What `jues build` writes, and where.
pub(super) struct Build {
    pub(super) to: Vec<Output>,
    pub(super) font: Option<PathBuf>,
    pub(super) out: PathBuf,
    pub(super) allow_errors: bool,
    pub(super) annotate: bool,
}

impl Build {
    /// What `output` asks for; `--annotate` implies `--allow-errors`.
    pub(super) fn new(output: OutputArgs, allow_errors: bool, annotate: bool) -> Build {
        Build {
            to: output.to,
            font: output.font,
            out: output.out,
            allow_errors: allow_errors || annotate,
            annotate,
        }
    }

    /// Builds, and says which files the build read, with the bytes it read (for `watch`): the
    /// document, and what it brings in.
    pub(super) fn run(&self, path: &Path, args: &ReportArgs) -> (ExitCode, Vec<Input>) {
        let format: Format = args.format.into();
        let deny_warnings = args.deny.is_some();
        let color = args.color.enabled();
        // An audit view (`--annotate`) shows a published report as it is; a build publishes.
        let options = Options {
            publish: !self.annotate,
            ..args.options()
        };
        let compilation = match compile_path(path, &options, &Disk) {
            Ok(compilation) => compilation,
            Err(e) => {
                eprintln!("{}", super::cannot_read(path, io_reason(&e)));
                let missing = Input {
                    path: path.to_path_buf(),
                    bytes: None,
                };
                return (ExitCode::from(2), vec![missing]);
            }
        };
        let inputs = compilation.inputs.clone();
        let summary = compilation.summary();
        let mut report = render::render(
            &compilation.sources,
            &compilation.diagnostics,
            format,
            color,
            super::lang(),
        );
        if format == Format::Human {
            report.push_str(&summary_line(1, summary));
        }
        let _ = std::io::stdout().lock().write_all(report.as_bytes());
        let failed = summary.errors > 0 || (deny_warnings && summary.warnings > 0);

        if summary.errors > 0 && !self.allow_errors {
            let args = [
                ("path", super::shown(path)),
                ("errors", summary.errors.into()),
            ];
            eprintln!("{}", super::say("build-refused", &args));
            return (ExitCode::from(1), inputs);
        }
        let stem = output_stem(path);
        let document = &compilation.evaluated.document;
        let mut files: Vec<(String, String)> = Vec::new();
        let mut pdf: Option<(String, Vec<u8>)> = None;
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
                Output::Pdf => match self.pdf(&compilation) {
                    Ok(bytes) => pdf = Some((format!("{stem}.pdf"), bytes)),
                    Err(e) => {
                        // The other outputs are not written either: the folder keeps the
                        // last build's set whole rather than new pages beside an old PDF.
                        let reason = [("reason", e.text(super::lang()).into())];
                        eprintln!("{}", super::say("pdf-failed", &reason));
                        return (ExitCode::from(2), inputs);
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
        let code = if failed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        };
        (code, inputs)
    }

    /// The PDF, with the font from `--font`, the document's `字体` (a path relative to the
    /// document, or a family keyword), `JUES_FONT` or the system.
    #[cfg(feature = "pdf")]
    fn pdf(&self, compilation: &crate::Compilation) -> Result<Vec<u8>, Message> {
        let options = crate::render::pdf::Options {
            font: self.font.clone().or_else(|| compilation.font.clone()),
            epoch: std::env::var("SOURCE_DATE_EPOCH")
                .ok()
                .and_then(|s| s.trim().parse().ok()),
        };
        crate::render::pdf::render(&compilation.evaluated.document, &options)
            .map_err(|e| e.message())
    }

    #[cfg(not(feature = "pdf"))]
    fn pdf(&self, _: &crate::Compilation) -> Result<Vec<u8>, Message> {
        Err(if self.font.is_some() {
            crate::msg!("pdf-no-feature.font")
        } else {
            crate::msg!("pdf-no-feature")
        })
    }
}

/// The diagnostics of a compilation as the HTML audit view shows them.
fn annotations(compilation: &crate::Compilation) -> Vec<crate::doc::Annotation> {
    compilation
        .diagnostics
        .iter()
        .map(|d| {
            let file = compilation.sources.get(d.primary.span.file);
            let texts = d.texts(super::lang());
            crate::doc::Annotation {
                span: d.primary.span,
                severity: d.severity.as_str().to_owned(),
                severity_word: d.severity.word(super::lang()),
                code: d.code.id().to_owned(),
                message: texts.message,
                help: texts.help,
                line: file.line_col(d.primary.span.start as usize).0,
            }
        })
        .collect()
}
