//! The language server (`jues lsp`), over stdio with `lsp-server`.
//!
//! Each open document is compiled in full on every change (a report compiles in about a
//! millisecond; what it imports is read from the open buffers first, saved or not, and an open
//! document that imports the changed one is compiled again; see `files::Overlay`), and the
//! answers come from that compilation: diagnostics, hover (a figure's or
//! an interpolation's exact value, unit, precision interval and formula), go to definition,
//! references, completion of names, functions and codes, document symbols, formatting, and a
//! code action that applies a diagnostic's suggested fix (its `Fix`: "write `166%`").
//!
//! No document and no message stops the server. Messages are read by `transport` (a size
//! limit, garbage skipped); a panic while compiling a document or answering a request is
//! caught for that message: the document gets a diagnostic saying that jues failed on it, the
//! request an error answer, and the server goes on. For the tests of that, the hidden
//! environment variable `JUES_TEST_PANIC` makes the server panic while compiling a text that
//! contains its value and while answering a request whose method is its value.

mod transport;

use crate::check::Target;
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::doc::{Block, Fact, Inline};
use crate::i18n::{tr, Lang};
use crate::source::{SourceFile, Sources, Span};
use crate::{compile_again, Compilation, Options};
use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types as lsp;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Runs the server until the client shuts it down.
pub(crate) fn run() -> Result<(), String> {
    let (connection, writer) = transport::stdio();
    let capabilities = lsp::ServerCapabilities {
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Kind(
            lsp::TextDocumentSyncKind::FULL,
        )),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        definition_provider: Some(lsp::OneOf::Left(true)),
        references_provider: Some(lsp::OneOf::Left(true)),
        completion_provider: Some(lsp::CompletionOptions::default()),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        document_formatting_provider: Some(lsp::OneOf::Left(true)),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Simple(true)),
        ..lsp::ServerCapabilities::default()
    };
    let capabilities = serde_json::to_value(capabilities).map_err(|e| e.to_string())?;
    let params = connection
        .initialize(capabilities)
        .map_err(|e| e.to_string())?;
    // The editor's language (`initialize.locale`, `zh-cn`), else the environment's.
    let lang = params["locale"]
        .as_str()
        .and_then(Lang::parse)
        .unwrap_or_else(|| Lang::detect(None));
    // Data files and imports are watched when the editor can be asked to: an edit of the
    // workbook or CSV a table reads checks the document again.
    let watches = params["capabilities"]["workspace"]["didChangeWatchedFiles"]
        ["dynamicRegistration"]
        .as_bool()
        .unwrap_or(false);
    if watches {
        let registration = json!({ "registrations": [{
            "id": "jues-inputs",
            "method": "workspace/didChangeWatchedFiles",
            "registerOptions": { "watchers": [{ "globPattern": WATCHED }] },
        }] });
        let request = lsp_server::Request::new(
            lsp_server::RequestId::from("jues-inputs".to_owned()),
            "client/registerCapability".to_owned(),
            registration,
        );
        let _ = connection.sender.send(Message::Request(request));
    }
    let mut server = Server {
        connection: &connection,
        lang,
        documents: HashMap::new(),
        test_panic: std::env::var("JUES_TEST_PANIC")
            .ok()
            .filter(|marker| !marker.is_empty()),
        explanations: HashMap::new(),
    };
    // The connection hands messages over one at a time (a rendezvous channel); a thread of its
    // own queues them, so that everything that arrived during a compilation can be taken at
    // once and a burst of edits compiled for its last text only.
    let (queue, queued) = std::sync::mpsc::channel();
    let incoming = connection.receiver.clone();
    std::thread::spawn(move || {
        for message in incoming {
            if queue.send(message).is_err() {
                break;
            }
        }
    });
    'serve: while let Ok(first) = queued.recv() {
        let mut batch = vec![first];
        batch.extend(queued.try_iter());
        let batch = coalesce(batch);
        for message in batch {
            match message {
                // After `shutdown` is answered, the client sends `exit`.
                Message::Request(request) if request.method == "shutdown" => {
                    server.send(Message::Response(lsp_server::Response::new_ok(
                        request.id,
                        Value::Null,
                    )));
                }
                Message::Request(request) => server.request(request),
                Message::Notification(notification) if notification.method == "exit" => {
                    break 'serve;
                }
                Message::Notification(notification) => {
                    let method = notification.method.clone();
                    // Compilations catch their own panics; this is for the rest.
                    if let Err(e) = guarded(|| server.notification(notification)) {
                        eprintln!("jues lsp: internal error handling {method}: {e}");
                    }
                }
                Message::Response(_) => {}
            }
        }
    }
    drop(server);
    drop(connection);
    // Everything sent is written before the process ends.
    writer
        .join()
        .map_err(|_| "the writer of the language server failed".to_owned())
}

/// Runs `f`, catching a panic; `Err` is what the panic said.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_owned())
    })
}

/// `messages` without the changes of a document that a later change of the same document
/// replaces before any request is answered: with full-text sync only the last text counts.
fn coalesce(messages: Vec<Message>) -> Vec<Message> {
    fn changed(message: &Message) -> Option<&str> {
        match message {
            Message::Notification(n) if n.method == "textDocument/didChange" => {
                n.params["textDocument"]["uri"].as_str()
            }
            _ => None,
        }
    }
    let mut keep = vec![true; messages.len()];
    for (i, message) in messages.iter().enumerate() {
        let Some(uri) = changed(message) else {
            continue;
        };
        for later in &messages[i + 1..] {
            if matches!(later, Message::Request(_)) {
                break;
            }
            if changed(later) == Some(uri) {
                keep[i] = false;
                break;
            }
        }
    }
    messages
        .into_iter()
        .zip(keep)
        .filter_map(|(m, k)| k.then_some(m))
        .collect()
}

/// An open document and its latest compilation.
struct Document {
    text: String,
    /// The version the editor gave with the text, published with its diagnostics.
    version: Option<i64>,
    /// `None` when compiling the text failed inside jues (a panic, caught).
    compilation: Option<Compilation>,
    /// What the last parse kept, so that the next edit re-parses only what it touched.
    incremental: crate::syntax::Incremental,
}

struct Server<'c> {
    connection: &'c Connection,
    /// The language messages are shown in.
    lang: Lang,
    documents: HashMap<String, Document>,
    /// `JUES_TEST_PANIC`, for tests only: a text containing it, or a request whose method it
    /// is, makes the server panic.
    test_panic: Option<String>,
    /// The page each code's diagnostics link to (`codeDescription`), once written.
    explanations: HashMap<Code, Option<lsp::Uri>>,
}

/// The page explaining `code` in `lang` (what `jues explain` prints), written once into the
/// user's cache folder (`$XDG_CACHE_HOME/jues/<version>/explain/<lang>/J0201.md`, else
/// `~/.cache/…`, else the temporary folder), so that an editor can open it from the
/// diagnostic: jues publishes no pages elsewhere. `None` if it cannot be written.
fn explanation_page(code: Code, lang: Lang) -> Option<lsp::Uri> {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    let folder = cache
        .join("jues")
        .join(env!("CARGO_PKG_VERSION"))
        .join("explain")
        .join(lang.tag());
    let path = folder.join(format!("{}.md", code.id()));
    let page = code.info().page(lang);
    if std::fs::read_to_string(&path).ok().as_deref() != Some(page.as_str()) {
        std::fs::create_dir_all(&folder).ok()?;
        // Written aside, then renamed: another server reading it never sees half a page.
        let aside = folder.join(format!("{}.{}.tmp", code.id(), std::process::id()));
        std::fs::write(&aside, &page).ok()?;
        std::fs::rename(&aside, &path).ok()?;
    }
    let url = url::Url::from_file_path(std::path::absolute(&path).ok()?).ok()?;
    lsp::Uri::from_str(url.as_str()).ok()
}

/// The files the editor is asked to watch: what a document may read (imports, data files,
/// code lists).
const WATCHED: &str = "**/*.{jues,csv,tsv,txt,xlsx,xls,ods}";

/// The file path of a document's `file:` URI, which imports and data files are read relative
/// to: percent escapes decoded (`%E6%8A%A5` is `报`), a `localhost` host dropped, a drive
/// letter read as Windows reads it (by `url`, on Windows). A URI of another kind (an unsaved
/// buffer's `untitled:1`) is kept as it is: it names no folder to read from.
fn path_of(uri: &str) -> String {
    match url::Url::parse(uri) {
        Ok(parsed) if parsed.scheme() == "file" => match parsed.to_file_path() {
            Ok(path) => path.display().to_string(),
            Err(()) => uri.to_owned(),
        },
        _ => uri.to_owned(),
    }
}

/// LSP position (line, UTF-16 column) of a byte offset.
fn position(file: &SourceFile, offset: usize) -> lsp::Position {
    let offset = offset.min(file.text().len());
    let line = file.line_index(offset);
    let start = file.line_starts()[line];
    let column: usize = file
        .text()
        .get(start..offset)
        .map_or(0, |s| s.encode_utf16().count());
    lsp::Position::new(line as u32, column as u32)
}

/// Byte offset of an LSP position.
fn offset(file: &SourceFile, position: &Value) -> usize {
    let line = position["line"].as_u64().unwrap_or(0) as usize;
    let character = position["character"].as_u64().unwrap_or(0) as usize;
    let Some(&start) = file.line_starts().get(line) else {
        return file.text().len();
    };
    let mut units = 0;
    for (i, c) in file.text()[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += c.len_utf16();
    }
    file.text().len()
}

fn range(file: &SourceFile, span: Span) -> lsp::Range {
    lsp::Range::new(
        position(file, span.start as usize),
        position(file, span.end as usize),
    )
}

fn facts(blocks: &[Block]) -> Vec<&Fact> {
    fn inlines<'a>(content: &'a [Inline], out: &mut Vec<&'a Fact>) {
        for inline in content {
            match inline {
                Inline::Fact(f) => out.push(f),
                Inline::Strong(inner) | Inline::Emphasis(inner) => inlines(inner, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => {
                inlines(content, &mut out)
            }
            Block::List { items, .. } => items.iter().for_each(|i| inlines(i, &mut out)),
            Block::Table(_) => {}
        }
    }
    out
}

impl Server<'_> {
    fn send(&self, message: Message) {
        let _ = self.connection.sender.send(message);
    }

    fn notification(&mut self, notification: Notification) {
        let params = &notification.params;
        match notification.method.as_str() {
            "textDocument/didOpen" => {
                let uri = params["textDocument"]["uri"]
                    .as_str()
                    .unwrap_or("")
                    .to_owned();
                let text = params["textDocument"]["text"]
                    .as_str()
                    .unwrap_or("")
                    .to_owned();
                self.update(uri, text, params["textDocument"]["version"].as_i64());
            }
            "textDocument/didChange" => {
                let uri = params["textDocument"]["uri"]
                    .as_str()
                    .unwrap_or("")
                    .to_owned();
                let text = params["contentChanges"]
                    .as_array()
                    .and_then(|c| c.last())
                    .and_then(|c| c["text"].as_str())
                    .map(str::to_owned);
                if let Some(text) = text {
                    self.update(uri, text, params["textDocument"]["version"].as_i64());
                }
            }
            "workspace/didChangeWatchedFiles" => {
                let changed: Vec<PathBuf> = params["changes"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|change| change["uri"].as_str())
                    .map(|uri| crate::files::normal(Path::new(&path_of(uri))))
                    .collect();
                self.inputs_changed(&changed);
            }
            "textDocument/didClose" => {
                if let Some(uri) = params["textDocument"]["uri"].as_str() {
                    self.documents.remove(uri);
                    // A closed document's problems leave the editor's list with it.
                    self.send(Message::Notification(Notification::new(
                        "textDocument/publishDiagnostics".to_owned(),
                        json!({ "uri": uri, "diagnostics": [] }),
                    )));
                }
            }
            _ => {}
        }
    }

    /// Compiles a document and publishes its diagnostics; then compiles again each other open
    /// document that read this one (an import), so that it sees the unsaved text too.
    fn update(&mut self, uri: String, text: String, version: Option<i64>) {
        self.compile(uri.clone(), text, version);
        let path = crate::files::normal(Path::new(&path_of(&uri)));
        let readers: Vec<(String, String, Option<i64>)> = self
            .documents
            .iter()
            .filter(|(other, document)| {
                // One that failed to compile is tried again: it may have failed on this one.
                **other != uri
                    && document.compilation.as_ref().is_none_or(|c| {
                        c.inputs
                            .iter()
                            .any(|i| crate::files::normal(&i.path) == path)
                    })
            })
            .map(|(other, document)| (other.clone(), document.text.clone(), document.version))
            .collect();
        for (other, text, version) in readers {
            self.compile(other, text, version);
        }
    }

    /// Compiles again each open document that read one of the files `changed` on disk (a data
    /// file, a code list, an import not open), or whose last compilation failed.
    fn inputs_changed(&mut self, changed: &[PathBuf]) {
        let readers: Vec<(String, String, Option<i64>)> = self
            .documents
            .iter()
            .filter(|(_, document)| {
                document.compilation.as_ref().is_none_or(|c| {
                    c.inputs
                        .iter()
                        .any(|i| changed.contains(&crate::files::normal(&i.path)))
                })
            })
            .map(|(uri, document)| (uri.clone(), document.text.clone(), document.version))
            .collect();
        for (uri, text, version) in readers {
            self.compile(uri, text, version);
        }
    }

    /// Compiles one document, reading the other open documents from their buffers, and
    /// publishes its diagnostics for the document's `version`.
    fn compile(&mut self, uri: String, text: String, version: Option<i64>) {
        let mut incremental = self
            .documents
            .get_mut(&uri)
            .map(|d| std::mem::take(&mut d.incremental))
            .unwrap_or_default();
        let mut sources = Sources::new();
        sources.add(path_of(&uri), text.clone());
        let buffers: Vec<(PathBuf, &str)> = self
            .documents
            .iter()
            .filter(|(other, _)| **other != uri)
            .map(|(other, document)| (PathBuf::from(path_of(other)), document.text.as_str()))
            .collect();
        let files = crate::files::Overlay::new(buffers, &crate::files::Disk);
        let compiled = guarded(|| {
            if self
                .test_panic
                .as_ref()
                .is_some_and(|m| text.contains(m.as_str()))
            {
                test_panic("compiling");
            }
            let compilation = compile_again(sources, &Options::default(), &files, &mut incremental);
            let diagnostics: Vec<lsp::Diagnostic> = compilation
                .diagnostics
                .iter()
                .filter_map(|d| in_document(&compilation, d, &uri, self.lang))
                .collect();
            (compilation, diagnostics)
        });
        let (compilation, mut diagnostics) = match compiled {
            Ok((compilation, diagnostics)) => (Some(compilation), diagnostics),
            Err(e) => {
                eprintln!("jues lsp: internal error compiling {uri}: {e}");
                // What the failed parse left behind is not to be trusted.
                incremental = crate::syntax::Incremental::default();
                (None, vec![internal_error(&e, self.lang)])
            }
        };
        // Each code links to its explanation.
        for d in &mut diagnostics {
            let Some(lsp::NumberOrString::String(id)) = &d.code else {
                continue;
            };
            let Some(code) = Code::from_id(id) else {
                continue;
            };
            let lang = self.lang;
            d.code_description = self
                .explanations
                .entry(code)
                .or_insert_with(|| explanation_page(code, lang))
                .clone()
                .map(|href| lsp::CodeDescription { href });
        }
        let mut params = json!({ "uri": uri, "diagnostics": diagnostics });
        if let Some(version) = version {
            params["version"] = json!(version);
        }
        self.send(Message::Notification(Notification::new(
            "textDocument/publishDiagnostics".to_owned(),
            params,
        )));
        self.documents.insert(
            uri,
            Document {
                text,
                version,
                compilation,
                incremental,
            },
        );
    }

    fn request(&mut self, request: Request) {
        let answer = guarded(|| self.answer(&request));
        let response = match answer {
            Ok(result) => Response::new_ok(request.id, result),
            Err(e) => {
                eprintln!("jues lsp: internal error answering {}: {e}", request.method);
                Response::new_err(
                    request.id,
                    lsp_server::ErrorCode::InternalError as i32,
                    format!(
                        "jues failed inside while answering {}: {e} (a bug in jues, not in the \
                         report)",
                        request.method
                    ),
                )
            }
        };
        self.send(Message::Response(response));
    }

    fn answer(&self, request: &Request) -> Value {
        if self.test_panic.as_deref() == Some(request.method.as_str()) {
            test_panic("answering");
        }
        let params = &request.params;
        let uri = params["textDocument"]["uri"].as_str().unwrap_or("");
        let Some(compilation) = self.documents.get(uri).and_then(|d| d.compilation.as_ref()) else {
            return Value::Null;
        };
        match request.method.as_str() {
            "textDocument/hover" => hover(compilation, &params["position"], self.lang),
            "textDocument/definition" => definition(compilation, uri, &params["position"]),
            "textDocument/references" => references(compilation, uri, &params["position"]),
            "textDocument/completion" => completion(compilation, &params["position"]),
            "textDocument/documentSymbol" => symbols(compilation),
            "textDocument/formatting" => formatting(compilation),
            "textDocument/codeAction" => {
                code_actions(compilation, uri, &params["range"], self.lang)
            }
            _ => Value::Null,
        }
    }
}

/// The panic `JUES_TEST_PANIC` asks for (tests only).
#[allow(clippy::panic)]
fn test_panic(while_doing: &str) -> ! {
    panic!("JUES_TEST_PANIC while {while_doing}")
}

/// The diagnostic of a document that jues failed on (a panic, caught): at its start, saying
/// that the other diagnostics are missing, and that the fault is jues's.
fn internal_error(panic: &str, lang: Lang) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: lsp::Range::default(),
        severity: Some(lsp::DiagnosticSeverity::ERROR),
        source: Some("jues".to_owned()),
        message: tr(lang, "lsp-internal-error", &[("panic", panic.into())]),
        ..lsp::Diagnostic::default()
    }
}

/// A diagnostic as the editor of the main document shows it: one of a data file's sheet at
/// the `来自` that read it, its message headed by the cell; one of another file not at all.
fn in_document(
    compilation: &Compilation,
    d: &Diagnostic,
    uri: &str,
    lang: Lang,
) -> Option<lsp::Diagnostic> {
    let sources = &compilation.sources;
    let main = sources.get(crate::source::FileId(0));
    if d.primary.span.file.0 == 0 {
        return Some(to_lsp(compilation, d, uri, lang));
    }
    let file = sources.get(d.primary.span.file);
    let origin = file.sheet_places()?.origin;
    if origin.file.0 != 0 {
        return None;
    }
    let mut shown = to_lsp(compilation, d, uri, lang);
    shown.range = range(main, origin);
    if let Some(cell) = file.cell_at(d.primary.span.start as usize) {
        shown.message = headed_by_cell(cell, std::mem::take(&mut shown.message), lang);
    }
    Some(shown)
}

/// `message` about a cell of a sheet, shown at the `来自` that reads it: headed by the cell
/// (`支出!C4: …`), unless it names the cell already; the cell alone if there is no message.
fn headed_by_cell(cell: String, message: String, lang: Lang) -> String {
    if message.is_empty() {
        cell
    } else if message.contains(cell.as_str()) {
        message
    } else {
        tr(
            lang,
            "label-elsewhere",
            &[("label", cell.into()), ("place", message.into())],
        )
    }
}

/// Where the editor of the document `uri` shows a label at `span`, and its message there:
/// in the document itself; a cell of a sheet it reads at the `来自` that reads it, the message
/// headed by the cell; in another `.jues` file it read (an import, from the disk or an open
/// buffer) in that file. `None` for the built-in library, which has no file to open.
fn label_location(
    compilation: &Compilation,
    span: Span,
    message: &str,
    uri: &lsp::Uri,
    lang: Lang,
) -> Option<lsp::DiagnosticRelatedInformation> {
    let sources = &compilation.sources;
    let main = sources.get(crate::source::FileId(0));
    let file = sources.get(span.file);
    let (target, range, message) = if span.file.0 == 0 {
        (uri.clone(), range(main, span), message.to_owned())
    } else if let Some(places) = file.sheet_places() {
        if places.origin.file.0 != 0 {
            return None;
        }
        let cell = file.cell_at(span.start as usize).unwrap_or_default();
        let message = headed_by_cell(cell, message.to_owned(), lang);
        (uri.clone(), range(main, places.origin), message)
    } else {
        if file.is_builtin() {
            return None;
        }
        let path = std::path::absolute(file.name()).ok()?;
        let other = url::Url::from_file_path(path).ok()?;
        let target = lsp::Uri::from_str(other.as_str()).ok()?;
        (target, range(file, span), message.to_owned())
    };
    (!message.is_empty()).then(|| lsp::DiagnosticRelatedInformation {
        location: lsp::Location::new(target, range),
        message,
    })
}

/// `d` as the editor shows it in the document `uri` (the compilation's main file): its
/// secondary labels as related information ("computed from here"), wherever they are.
fn to_lsp(compilation: &Compilation, d: &Diagnostic, uri: &str, lang: Lang) -> lsp::Diagnostic {
    let file = main_file(compilation);
    let texts = d.texts(lang);
    let target = if d.secondary.is_empty() {
        None
    } else {
        lsp::Uri::from_str(uri).ok()
    };
    let related: Vec<lsp::DiagnosticRelatedInformation> = target
        .map(|target| {
            d.secondary
                .iter()
                .zip(&texts.secondary)
                .filter_map(|(label, message)| {
                    label_location(compilation, label.span, message, &target, lang)
                })
                .collect()
        })
        .unwrap_or_default();
    let message = texts.whole(lang);
    lsp::Diagnostic {
        range: range(file, d.primary.span),
        severity: Some(match d.severity {
            Severity::Error => lsp::DiagnosticSeverity::ERROR,
            Severity::Warning => lsp::DiagnosticSeverity::WARNING,
            Severity::Note => lsp::DiagnosticSeverity::INFORMATION,
        }),
        code: Some(lsp::NumberOrString::String(d.code.id().to_owned())),
        source: Some("jues".to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..lsp::Diagnostic::default()
    }
}

fn main_file(compilation: &Compilation) -> &SourceFile {
    compilation.sources.get(crate::source::FileId(0))
}

fn hover(compilation: &Compilation, position: &Value, lang: Lang) -> Value {
    let file = main_file(compilation);
    let at = offset(file, position);
    let evaluated = &compilation.evaluated.document;
    // An interpolation: its value as computed.
    if let Some(fact) = facts(&evaluated.blocks)
        .into_iter()
        .find(|f| f.span.file.0 == 0 && (f.span.start as usize) <= at && at < f.span.end as usize)
    {
        let mut text = format!("`{}` = **{}**", fact.formula, fact.text);
        if let (Some(exact), unit) = (&fact.exact, &fact.unit) {
            let value = format!("{exact}{}", unit.as_deref().unwrap_or(""));
            text.push_str("\n\n");
            text.push_str(&tr(lang, "hover-exact", &[("value", value.into())]));
        }
        match &fact.check {
            Some(crate::doc::Check::Verified) => {
                text.push_str("\n\n");
                text.push_str(&tr(lang, "hover-verified", &[]));
            }
            Some(crate::doc::Check::Failed { code, message }) => {
                text.push_str(&format!("\n\n{code}: {}", message.text(lang)))
            }
            None => {}
        }
        return json!({ "contents": { "kind": "markdown", "value": text }, "range": range(file, fact.span) });
    }
    if let Some(hover) = cell_hover(compilation, at, lang) {
        return hover;
    }
    // A figure's name, where it is used or where it is defined.
    let Some(figure) = figure_at(compilation, at) else {
        return Value::Null;
    };
    let unit = figure.unit.as_deref().unwrap_or("");
    let mut text = format!("**{}** = {}{unit}", figure.name, figure.value);
    if let Some(label) = &figure.label {
        text.push_str(&format!(" ({label})"));
    }
    let mut line = |id: &str, name: &'static str, value: String| {
        text.push_str("\n\n");
        text.push_str(&tr(lang, id, &[(name, value.into())]));
    };
    if let (Some(lo), Some(hi)) = (&figure.lower, &figure.upper) {
        line("hover-interval", "interval", format!("[{lo}, {hi}] {unit}"));
    }
    if let Some(formula) = &figure.formula {
        line("hover-formula", "formula", formula.clone());
    }
    if let Some(stated) = &figure.stated {
        line("hover-stated", "value", stated.clone());
    }
    json!({ "contents": { "kind": "markdown", "value": text } })
}

/// A table cell stated at `offset` of the main file: its table, row and column, its value as
/// the table shows it, the exact value it stands for and, when its inputs are rounded, every
/// value it may stand for. On a row's key: the row's computed cells, each with its formula.
fn cell_hover(compilation: &Compilation, offset: usize, lang: Lang) -> Option<Value> {
    let file = main_file(compilation);
    let contains = |span: &Span| {
        span.file.0 == 0 && (span.start as usize) <= offset && offset < span.end as usize
    };
    for table in compilation.evaluated.document.tables() {
        for row in &table.rows {
            let on_key = contains(&row.span);
            let on_cell = row
                .cell_spans
                .iter()
                .position(|s| s.as_ref().is_some_and(contains));
            if !on_key && on_cell.is_none() {
                continue;
            }
            let key = row.cells[..table.keys.min(row.cells.len())].join(" ");
            let key = key.trim();
            // A cell as shown (the number columns in the table's unit), then its exact value
            // and precision, each a line.
            let value = |column: usize| {
                let unit = if table.numeric.get(column) == Some(&true) {
                    table.unit.as_str()
                } else {
                    ""
                };
                let shown = row.cells.get(column).map_or("", String::as_str);
                let mut lines = vec![format!("{shown}{unit}")];
                if let Some(Some(exact)) = row.exact.get(column) {
                    let value = format!("{exact}{unit}");
                    lines.push(tr(lang, "hover-exact", &[("value", value.into())]));
                }
                if let Some((lo, hi)) = row.interval(column) {
                    let interval = format!("[{lo}, {hi}] {unit}");
                    lines.push(tr(lang, "hover-interval", &[("interval", interval.into())]));
                }
                lines.into_iter()
            };
            let (text, span) = match on_cell {
                Some(column) => {
                    let mut lines = value(column);
                    let header = table.header.get(column).cloned().unwrap_or_default();
                    let args = [
                        ("table", table.name.clone().into()),
                        ("row", key.to_owned().into()),
                        ("column", header.into()),
                        ("value", lines.next().unwrap_or_default().into()),
                    ];
                    let mut text = tr(lang, "hover-cell", &args);
                    for line in lines {
                        text.push_str("\n\n");
                        text.push_str(&line);
                    }
                    (text, row.cell_spans[column]?)
                }
                None => {
                    let computed: Vec<usize> = (0..table.header.len())
                        .filter(|&c| table.formulas.get(c).is_some_and(Option::is_some))
                        .collect();
                    if computed.is_empty() {
                        return None;
                    }
                    let args = [("table", table.name.clone().into()), ("row", key.into())];
                    let mut text = tr(lang, "hover-row", &args);
                    for column in computed {
                        let mut lines = value(column);
                        let formula = table.formulas[column].clone().unwrap_or_default();
                        let args = [
                            ("column", table.header[column].clone().into()),
                            ("formula", formula.into()),
                            ("value", lines.next().unwrap_or_default().into()),
                        ];
                        text.push_str("\n\n");
                        text.push_str(&tr(lang, "hover-computed", &args));
                        for line in lines {
                            text.push_str("  \n");
                            text.push_str(&line);
                        }
                    }
                    (text, row.span)
                }
            };
            return Some(json!({
                "contents": { "kind": "markdown", "value": text },
                "range": range(file, span),
            }));
        }
    }
    None
}

/// The figure named at `offset` of the main file: the one a reference there resolves to (as
/// the checker resolved it), or the one whose definition's name is there.
fn figure_at(compilation: &Compilation, offset: usize) -> Option<&crate::doc::FigureFact> {
    let figures = &compilation.evaluated.document.figures;
    match target_at(compilation, offset) {
        Some(Target::Figure(name)) => figures.iter().find(|f| f.name == *name),
        Some(_) => None,
        None => figures.iter().find(|f| at_offset(&f.span, offset)),
    }
}

/// What the innermost reference at `offset` of the main file resolves to, as the checker
/// resolved it.
fn target_at(compilation: &Compilation, offset: usize) -> Option<&Target> {
    compilation
        .resolutions
        .iter()
        .filter(|(span, _)| at_offset(span, offset))
        .min_by_key(|(span, _)| span.end - span.start)
        .map(|(_, target)| target)
}

/// Whether `span` is in the main file and `offset` in it or just after it (where the cursor
/// stands after typing a name).
fn at_offset(span: &Span, offset: usize) -> bool {
    span.file.0 == 0 && (span.start as usize) <= offset && offset <= span.end as usize
}

fn location(uri: &str, file: &SourceFile, span: Span) -> Value {
    json!({ "uri": uri, "range": range(file, span) })
}

fn definition(compilation: &Compilation, uri: &str, position: &Value) -> Value {
    let file = main_file(compilation);
    let at = offset(file, position);
    if let Some(span) = table_definition(compilation, at) {
        return location(uri, file, span);
    }
    match figure_at(compilation, at) {
        Some(figure) if figure.span.file.0 == 0 => location(uri, file, figure.span),
        _ => Value::Null,
    }
}

/// Where the table or row a reference at `offset` names is declared: the row's key for
/// `表[2080105]` (and its cells), else the table's name (`sum(表.决算数)`, `@每行 表`).
fn table_definition(compilation: &Compilation, offset: usize) -> Option<Span> {
    use crate::ast::RowSelector;
    let (name, row) = match target_at(compilation, offset)? {
        Target::Table(table)
        | Target::Column { table, .. }
        | Target::ColumnValues { table, .. }
        | Target::Total { table, .. } => (table, None),
        Target::Cell { table, row, .. } | Target::Row { table, row } => (table, Some(row)),
        _ => return None,
    };
    let table = compilation.evaluated.document.table(name)?;
    let key = |r: &crate::doc::TableRow| match row {
        Some(RowSelector::Code(code, _)) => r.cells.first() == Some(code),
        Some(RowSelector::Label(label)) => {
            r.cells.iter().take(table.keys).any(|c| *c == label.value)
        }
        None => false,
    };
    let span = match table.rows.iter().find(|r| key(r)) {
        Some(r) => r.span,
        None => table.span,
    };
    (span.file.0 == 0).then_some(span)
}

/// Every place of the main file that names the figure at the position, as resolved by the
/// checker (a bare `合计` inside `组 支出` is `支出.合计`), its definition first.
fn references(compilation: &Compilation, uri: &str, position: &Value) -> Value {
    let file = main_file(compilation);
    let Some(figure) = figure_at(compilation, offset(file, position)) else {
        return Value::Null;
    };
    let mut spans: Vec<Span> = compilation
        .resolutions
        .iter()
        .filter(|(span, target)| {
            span.file.0 == 0 && matches!(target, Target::Figure(name) if *name == figure.name)
        })
        .map(|(span, _)| *span)
        .collect();
    spans.sort();
    if figure.span.file.0 == 0 {
        spans.insert(0, figure.span);
    }
    Value::Array(spans.into_iter().map(|s| location(uri, file, s)).collect())
}

/// What may be typed at `position`: the figures, tables, functions and classification codes
/// whose names start with the word typed so far (`收入.财` offers `收入.财政拨款`), each
/// replacing that word.
fn completion(compilation: &Compilation, position: &Value) -> Value {
    let file = main_file(compilation);
    let at = offset(file, position).min(file.text().len());
    let before = &file.text()[..at];
    let typed_from = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '_' || *c == '.')
        .last()
        .map_or(at, |(i, _)| i);
    let typed = &before[typed_from..];
    let replaced = range(file, Span::new(crate::source::FileId(0), typed_from..at));
    let mut items: Vec<lsp::CompletionItem> = Vec::new();
    for figure in &compilation.evaluated.document.figures {
        let unit = figure.unit.as_deref().unwrap_or("");
        items.push(lsp::CompletionItem {
            label: figure.name.clone(),
            kind: Some(lsp::CompletionItemKind::VARIABLE),
            detail: Some(format!("{}{unit}", figure.value)),
            ..lsp::CompletionItem::default()
        });
    }
    for table in compilation.evaluated.document.tables() {
        items.push(lsp::CompletionItem {
            label: table.name.clone(),
            kind: Some(lsp::CompletionItemKind::STRUCT),
            detail: Some(table.title.clone()),
            ..lsp::CompletionItem::default()
        });
    }
    for name in crate::check::functions::Function::all_names() {
        items.push(lsp::CompletionItem {
            label: name.to_owned(),
            kind: Some(lsp::CompletionItemKind::FUNCTION),
            ..lsp::CompletionItem::default()
        });
    }
    for (kind, code, name) in crate::check::classification::builtin().entries() {
        items.push(lsp::CompletionItem {
            label: code.to_owned(),
            kind: Some(lsp::CompletionItemKind::CONSTANT),
            detail: Some(format!(
                "{name}（{}）",
                if kind == crate::check::classification::Kind::Function {
                    "功能分类"
                } else {
                    "经济分类"
                }
            )),
            ..lsp::CompletionItem::default()
        });
    }
    items.retain(|item| item.label.starts_with(typed));
    for item in &mut items {
        let edit = lsp::TextEdit::new(replaced, item.label.clone());
        item.text_edit = Some(lsp::CompletionTextEdit::Edit(edit));
    }
    serde_json::to_value(items).unwrap_or(Value::Null)
}

fn symbols(compilation: &Compilation) -> Value {
    let file = main_file(compilation);
    let mut symbols = Vec::new();
    for item in &compilation.module.items {
        let (name, kind, span) = match item {
            crate::ast::Item::Block(crate::ast::Block::Heading(h)) => {
                let title: String = h
                    .content
                    .iter()
                    .filter_map(|i| match i {
                        crate::ast::Inline::Text(t, _) => Some(t.as_str()),
                        _ => None,
                    })
                    .collect();
                (title, lsp::SymbolKind::NAMESPACE, h.span)
            }
            crate::ast::Item::Table(t) => (t.name.text.clone(), lsp::SymbolKind::STRUCT, t.span),
            crate::ast::Item::Figure(f) => (f.name.dotted(), lsp::SymbolKind::VARIABLE, f.span),
            crate::ast::Item::Group(g) => (g.name.dotted(), lsp::SymbolKind::MODULE, g.span),
            _ => continue,
        };
        let range = range(file, span);
        symbols.push(
            json!({ "name": name.trim(), "kind": kind, "range": range, "selectionRange": range }),
        );
    }
    Value::Array(symbols)
}

fn formatting(compilation: &Compilation) -> Value {
    let file = main_file(compilation);
    let Some(formatted) = crate::fmt::format(file.text()) else {
        return Value::Null;
    };
    if formatted == file.text() {
        return json!([]);
    }
    let end = position(file, file.text().len());
    json!([{ "range": { "start": { "line": 0, "character": 0 }, "end": end }, "newText": formatted }])
}

/// For each diagnostic in `range` whose help suggests an edit (its
/// [`Fix`](crate::diagnostics::Fix)), the quick fix
/// that makes it.
fn code_actions(compilation: &Compilation, uri: &str, requested: &Value, lang: Lang) -> Value {
    let file = main_file(compilation);
    let start = offset(file, &requested["start"]);
    let end = offset(file, &requested["end"]);
    let mut actions = Vec::new();
    for d in &compilation.diagnostics {
        let span = d.primary.span;
        if span.file.0 != 0 || (span.end as usize) < start || (span.start as usize) > end {
            continue;
        }
        // An edit in this document only: a fix in a data file is the workbook's to make.
        let Some(fix) = d.fix.as_ref().filter(|fix| fix.span.file.0 == 0) else {
            continue;
        };
        let replacement = fix.replacement.as_str();
        let Ok(target) = lsp::Uri::from_str(uri) else {
            continue;
        };
        let edit = lsp::TextEdit::new(range(file, fix.span), replacement.to_owned());
        let action = lsp::CodeAction {
            title: tr(lang, "fix-write", &[("replacement", replacement.into())]),
            kind: Some(lsp::CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![to_lsp(compilation, d, uri, lang)]),
            edit: Some(lsp::WorkspaceEdit {
                changes: Some(HashMap::from([(target, vec![edit])])),
                ..lsp::WorkspaceEdit::default()
            }),
            ..lsp::CodeAction::default()
        };
        actions.push(action);
    }
    serde_json::to_value(actions).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_uri_is_its_path_with_escapes_decoded() {
        let path = |uri: &str| path_of(uri);
        assert_eq!(
            path("file:///tmp/2019%E5%B9%B4/a%20b.jues"),
            "/tmp/2019年/a b.jues"
        );
        assert_eq!(path("file://localhost/tmp/report.jues"), "/tmp/report.jues");
        // A `%` that escapes nothing is not decoded into a wrong character.
        assert_eq!(path("file:///tmp/100%25.jues"), "/tmp/100%.jues");
        assert_eq!(path("untitled:Untitled-1"), "untitled:Untitled-1");
        // Another machine's file is not read as this machine's.
        assert_eq!(
            path("file://server/share/report.jues"),
            "file://server/share/report.jues"
        );
        #[cfg(windows)]
        assert_eq!(
            path("file:///C:/%E6%8A%A5%E5%91%8A/r.jues"),
            r"C:\报告\r.jues"
        );
    }

    fn change(uri: &str, text: &str) -> Message {
        Message::Notification(Notification::new(
            "textDocument/didChange".to_owned(),
            json!({ "textDocument": { "uri": uri }, "contentChanges": [{ "text": text }] }),
        ))
    }

    fn texts(messages: &[Message]) -> Vec<String> {
        messages
            .iter()
            .map(|m| match m {
                Message::Notification(n) => n.params["contentChanges"][0]["text"]
                    .as_str()
                    .unwrap_or("")
                    .to_owned(),
                Message::Request(r) => r.method.clone(),
                Message::Response(_) => String::new(),
            })
            .collect()
    }

    #[test]
    fn only_the_last_change_before_a_request_is_kept() {
        let hover = Message::Request(Request::new(
            lsp_server::RequestId::from(1),
            "textDocument/hover".to_owned(),
            Value::Null,
        ));
        let messages = vec![
            change("a", "a1"),
            change("b", "b1"),
            change("a", "a2"),
            hover,
            change("a", "a3"),
            change("a", "a4"),
        ];
        assert_eq!(
            texts(&coalesce(messages)),
            ["b1", "a2", "textDocument/hover", "a4"]
        );
    }
}
