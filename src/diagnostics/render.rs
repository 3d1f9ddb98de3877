//! Diagnostics stage: rendering diagnostics as text for people, one line each for tools, or
//! JSON. The only terminal-aware code in jues.
//!
//! - human: miette's graphical report, coloured only when asked (the CLI asks on a TTY);
//! - short: `file:line:col: severity[CODE]: message`, via codespan-reporting;
//! - json: one document with every diagnostic and a summary (its JSON Schema is
//!   `docs/schemas/diagnostics.schema.json`);
//! - github: GitHub Actions workflow commands;
//! - sarif: one SARIF 2.1.0 log ([`sarif`]).
//!
//! Each is given the language to speak ([`Lang`]): the words of a diagnostic are put into
//! it here, and nowhere before. The short and JSON formats keep the severity's English word
//! (`error`), which tools match; the human format says it in the language (`错误`).

mod excerpt;
mod sarif;

pub use sarif::sarif;

use super::{Diagnostic, Label, Severity, Summary, Texts};
use crate::i18n::{tr, Lang};
use crate::source::{escaped, FileId, Sources, Span};
use excerpt::{Excerpt, Marked};
use serde::Serialize;
use std::borrow::Cow;
use std::fmt::{self, Display};

/// The output formats of `jues check --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Source excerpts with labels, help and notes.
    Human,
    /// One line per diagnostic: `file:line:col: severity[CODE]: message`.
    Short,
    /// One JSON document.
    Json,
    /// GitHub Actions workflow commands, one per diagnostic (`::error file=…,line=…::…`): the
    /// annotations a pull request shows at each line.
    Github,
    /// One SARIF 2.1.0 log.
    Sarif,
}

impl Format {
    /// Whether the format is one document for all files (JSON, SARIF), not a text per file.
    pub fn is_document(self) -> bool {
        matches!(self, Format::Json | Format::Sarif)
    }
}

/// Renders `diagnostics` in `format`, in `lang`. `color` applies to the human and short
/// formats.
pub fn render(
    sources: &Sources,
    diagnostics: &[Diagnostic],
    format: Format,
    color: bool,
    lang: Lang,
) -> String {
    match format {
        Format::Human => diagnostics
            .iter()
            .map(|d| human(sources, d, color, lang))
            .collect(),
        Format::Short => diagnostics
            .iter()
            .map(|d| short(sources, d, color, lang))
            .collect(),
        Format::Json => json(sources, diagnostics, lang),
        Format::Sarif => sarif(sources, diagnostics, lang, true),
        Format::Github => diagnostics
            .iter()
            .map(|d| github(sources, d, lang))
            .collect(),
    }
}

// ------------------------------------------------------------------ github

/// One diagnostic as a GitHub Actions workflow command: `::error file=F,line=L,col=C,
/// endLine=…,endColumn=…,title=J0201::message` and the help on a line of its own, escaped as
/// the runner reads them (`%`, line breaks, and in the properties `:` and `,`).
pub fn github(sources: &Sources, diagnostic: &Diagnostic, lang: Lang) -> String {
    fn data(text: &str) -> String {
        text.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    }
    fn property(text: &str) -> String {
        data(text).replace(':', "%3A").replace(',', "%2C")
    }
    let texts = diagnostic.texts(lang);
    let span = diagnostic.primary.span;
    let file = sources.get(span.file);
    let (line, column) = file.line_col(span.start as usize);
    let (end_line, end_column) = file.line_col(span.end as usize);
    let command = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    };
    let mut message = texts.message;
    if let Some(help) = &texts.help {
        message.push('\n');
        message.push_str(crate::i18n::tr(lang, "human-help", &[]).trim_start());
        message.push_str(help);
    }
    format!(
        "::{command} file={},line={line},col={column},endLine={end_line},endColumn={end_column},title={}::{}\n",
        property(file.name()),
        property(diagnostic.code.id()),
        data(&message)
    )
}

// ------------------------------------------------------------------ human (miette)

/// The rich, human format of one diagnostic, ending in a blank line. Every line fits in
/// [`excerpt::WIDTH`] columns (but a file name or a word longer than that): long source lines
/// are shown in windows around the labels ([`excerpt`]), miette wraps the message, and this
/// the help and the notes, at that width.
pub fn human(sources: &Sources, diagnostic: &Diagnostic, color: bool, lang: Lang) -> String {
    let texts = printable(diagnostic.texts(lang));
    let file = sources.get(diagnostic.primary.span.file);
    let name = escaped(file.name());
    let mut notes = Vec::new();
    let primary = Marked {
        span: diagnostic.primary.span,
        message: &texts.primary,
    };
    let mut labels = vec![(primary, true)];
    let secondary = diagnostic.secondary.iter().zip(&texts.secondary);
    for (Label { span, .. }, message) in secondary {
        let label = Marked {
            span: *span,
            message,
        };
        let other = sources.get(label.span.file);
        // A sheet's row is shown alone, so a label on another cell is a note with its cell.
        if label.span.file == diagnostic.primary.span.file && file.sheet_places().is_none() {
            labels.push((label, false));
        } else {
            let place = match other.cell_at(label.span.start as usize) {
                Some(cell) => format!("{} {}", escaped(other.name()), escaped(&cell)),
                None => {
                    let (line, column) = other.line_col(label.span.start as usize);
                    format!("{}:{line}:{column}", escaped(other.name()))
                }
            };
            let shown = escaped(other.slice(label.span)).into_owned();
            let shown = if other.sheet_places().is_some() && !shown.is_empty() {
                format!(" `{shown}`")
            } else {
                String::new()
            };
            let place = format!("{place}{shown}");
            notes.push(if label.message.is_empty() {
                place
            } else {
                let label = label.message;
                tr(
                    lang,
                    "label-elsewhere",
                    &[("label", label.into()), ("place", place.into())],
                )
            });
        }
    }
    notes.extend(texts.notes.iter().cloned());
    // A sheet's finding is headed by its cell (`公开表.xlsx 收入决算表!C12`), not line:column.
    let name = match file.cell_at(diagnostic.primary.span.start as usize) {
        Some(cell) => format!("{name} {}", escaped(&cell)),
        None => name.into_owned(),
    };
    let view = MietteView {
        diagnostic,
        texts: &texts,
        lang,
        source: Excerpt::new(&name, file, &labels),
    };
    let theme = if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let mut handler = miette::GraphicalReportHandler::new_themed(theme)
        .with_width(excerpt::WIDTH)
        .with_context_lines(excerpt::CONTEXT)
        .with_links(false);
    if file.sheet_places().is_some() {
        handler = handler.without_primary_span_start();
    }
    let mut out = String::new();
    if handler.render_report(&mut out, &view).is_err() {
        // Rendering into a String cannot fail short of a bug in the handler; fall back to
        // the short form rather than losing the diagnostic.
        out = short(sources, diagnostic, false, lang);
    }
    let help = texts.help.iter().map(|h| ("human-help", h));
    for (lead, text) in help.chain(notes.iter().map(|n| ("human-note", n))) {
        footer(&mut out, &tr(lang, lead, &[]), text);
    }
    out.push('\n');
    out
}

/// Writes one line of the human format's footer: `lead` (`  help: `, `  建议：`) and `text`,
/// wrapped as miette wraps the message, within the width less two, the lines after the first
/// indented as far as the text of the first.
fn footer(out: &mut String, lead: &str, text: &str) {
    let indent = crate::width::width(lead);
    let lines = crate::width::wrap(text, excerpt::WIDTH - 2 - indent);
    for (i, line) in lines.iter().enumerate() {
        if i == 0 {
            out.push_str(lead);
        } else {
            out.extend(std::iter::repeat_n(' ', indent));
        }
        out.push_str(line);
        out.push('\n');
    }
}

struct MietteView<'a> {
    diagnostic: &'a Diagnostic,
    texts: &'a Texts,
    lang: Lang,
    source: Excerpt<'a>,
}

impl fmt::Debug for MietteView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.texts.message)
    }
}

impl Display for MietteView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.texts.message)
    }
}

impl std::error::Error for MietteView<'_> {}

impl miette::Diagnostic for MietteView<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn Display + 'b>> {
        let d = self.diagnostic;
        Some(Box::new(format!(
            "{}[{}]",
            d.severity.word(self.lang),
            d.code.id()
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        })
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        Some(Box::new(self.source.labels().iter().cloned()))
    }
}

// ------------------------------------------------------------------ short (codespan)

/// The short format of one diagnostic: one line, ending in a newline.
pub fn short(sources: &Sources, diagnostic: &Diagnostic, color: bool, lang: Lang) -> String {
    use codespan_reporting::diagnostic as cs;
    use codespan_reporting::term::{self, termcolor};
    let message = printable(diagnostic.texts(lang)).message;

    let severity = match diagnostic.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Note => cs::Severity::Note,
    };
    let primary = &diagnostic.primary;
    let report = cs::Diagnostic::new(severity)
        .with_code(diagnostic.code.id())
        .with_message(&message)
        .with_labels(vec![cs::Label::primary(
            primary.span.file,
            primary.span.range(),
        )]);
    let config = term::Config {
        display_style: term::DisplayStyle::Short,
        ..term::Config::default()
    };
    let files = CodespanFiles(sources);
    let emitted = if color {
        let mut writer = termcolor::Ansi::new(Vec::new());
        term::emit(&mut writer, &config, &files, &report).map(|()| writer.into_inner())
    } else {
        let mut writer = termcolor::NoColor::new(Vec::new());
        term::emit(&mut writer, &config, &files, &report).map(|()| writer.into_inner())
    };
    match emitted {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        // Spans always come from the files they point into; keep the diagnostic anyway.
        Err(_) => {
            let file = sources.get(primary.span.file);
            let (line, column) = file.line_col(primary.span.start as usize);
            format!(
                "{}:{line}:{column}: {}[{}]: {}\n",
                escaped(file.name()),
                diagnostic.severity.as_str(),
                diagnostic.code.id(),
                message
            )
        }
    }
}

/// `texts` with every hidden character (a control character, a direction control …) written
/// as `\u{…}`: the human and short formats go to terminals, where an ESC from a document or a
/// data file would be obeyed, not shown.
fn printable(mut texts: Texts) -> Texts {
    let escape = |text: &mut String| {
        if let Cow::Owned(shown) = escaped(text) {
            *text = shown;
        }
    };
    escape(&mut texts.message);
    escape(&mut texts.primary);
    texts.secondary.iter_mut().for_each(escape);
    texts.help.iter_mut().for_each(escape);
    texts.notes.iter_mut().for_each(escape);
    texts
}

struct CodespanFiles<'a>(&'a Sources);

impl<'a> codespan_reporting::files::Files<'a> for CodespanFiles<'a> {
    type FileId = FileId;
    type Name = String;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<String, codespan_reporting::files::Error> {
        let file = self.0.get(id);
        Ok(match file.sheet_places() {
            // `公开表.xlsx[收入支出决算总表]:12:3`: the line is the sheet's row, the column its.
            Some(places) if !places.sheet.is_empty() => {
                format!("{}[{}]", escaped(file.name()), escaped(&places.sheet))
            }
            _ => escaped(file.name()).into_owned(),
        })
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, codespan_reporting::files::Error> {
        Ok(self.0.get(id).shown())
    }

    fn line_index(
        &'a self,
        id: FileId,
        byte_index: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self.0.get(id).line_index(byte_index))
    }

    fn line_number(
        &'a self,
        id: FileId,
        line_index: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self.0.get(id).line_number(line_index))
    }

    fn column_number(
        &'a self,
        id: FileId,
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        Ok(self.0.get(id).line_col(byte_index).1)
    }

    fn line_range(
        &'a self,
        id: FileId,
        line_index: usize,
    ) -> Result<std::ops::Range<usize>, codespan_reporting::files::Error> {
        let file = self.0.get(id);
        let starts = file.line_starts();
        let start =
            *starts
                .get(line_index)
                .ok_or(codespan_reporting::files::Error::LineTooLarge {
                    given: line_index,
                    max: starts.len().saturating_sub(1),
                })?;
        let end = starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(file.text().len());
        Ok(start..end)
    }
}

// ------------------------------------------------------------------ json

/// The name and version of the JSON diagnostics document, its first field: a reader checks it
/// (`docs/schemas/diagnostics.schema.json` describes this version). The version changes when a
/// field is removed or changes its meaning; new fields may be added within a version.
pub const JSON_VERSION: &str = "jues-diagnostics/1";

#[derive(Serialize)]
struct JsonDocument<'a> {
    schema: &'static str,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    code: &'static str,
    message: String,
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    labels: Vec<JsonLabel<'a>>,
    help: Option<String>,
    /// The edit the help suggests, when it is one: `replacement` over the range.
    fix: Option<JsonFix<'a>>,
    notes: Vec<String>,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    replacement: &'a str,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    /// For a data file's sheet, the cell: `收入支出决算总表!C12`.
    #[serde(skip_serializing_if = "Option::is_none")]
    cell: Option<String>,
    /// True for a place in jues's built-in library (`stdlib/部门决算.jues`), which names no
    /// file of the user's; absent otherwise.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    builtin: bool,
    message: String,
    primary: bool,
}

fn json_label(sources: &Sources, span: Span, message: String, primary: bool) -> JsonLabel<'_> {
    let file = sources.get(span.file);
    let (line, column) = file.line_col(span.start as usize);
    let (end_line, end_column) = file.line_col(span.end as usize);
    JsonLabel {
        file: file.name(),
        line,
        column,
        end_line,
        end_column,
        cell: file.cell_at(span.start as usize),
        builtin: file.is_builtin(),
        message,
        primary,
    }
}

/// The JSON document for `diagnostics`, its words in `lang` (pretty-printed, ending in a
/// newline).
pub fn json(sources: &Sources, diagnostics: &[Diagnostic], lang: Lang) -> String {
    let document = JsonDocument {
        schema: JSON_VERSION,
        diagnostics: diagnostics
            .iter()
            .map(|d| {
                let texts = d.texts(lang);
                let primary = json_label(sources, d.primary.span, texts.primary.clone(), true);
                let mut labels = vec![json_label(sources, d.primary.span, texts.primary, true)];
                let secondary = d.secondary.iter().zip(texts.secondary);
                labels.extend(secondary.map(|(l, m)| json_label(sources, l.span, m, false)));
                JsonDiagnostic {
                    severity: d.severity,
                    code: d.code.id(),
                    message: texts.message,
                    file: primary.file,
                    line: primary.line,
                    column: primary.column,
                    end_line: primary.end_line,
                    end_column: primary.end_column,
                    labels,
                    help: texts.help,
                    fix: d.fix.as_ref().map(|fix| {
                        let at = json_label(sources, fix.span, String::new(), false);
                        JsonFix {
                            file: at.file,
                            line: at.line,
                            column: at.column,
                            end_line: at.end_line,
                            end_column: at.end_column,
                            replacement: &fix.replacement,
                        }
                    }),
                    notes: texts.notes,
                }
            })
            .collect(),
        summary: Summary::of(diagnostics),
    };
    let mut out = serde_json::to_string_pretty(&document)
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}
