//! jues: a compiler for disclosure documents.
//!
//! A `.jues` file declares the figures and tables of a 部门决算 report and the narrative that
//! restates them. [`compile`] runs the pipeline (source → syntax → check → eval) and returns
//! every diagnostic; see `ARCHITECTURE.md` for the stages and their invariants.

pub mod ast;
pub mod check;
pub mod cli;
pub mod data;
pub mod diagnostics;
pub mod doc;
pub mod eval;
pub mod files;
pub mod fmt;
mod import;
pub mod library;
pub mod lsp;
pub mod render;
pub mod serve;
pub mod settings;
pub mod source;
pub mod syntax;

use diagnostics::{Code, Diagnostic, Severity, Summary};
use import::{ImportError, ImportFailure};
use source::{FileId, Sources};
use std::path::{Path, PathBuf};

/// How to compile.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Also report what is consistent only thanks to the rounding of its inputs.
    pub strict: bool,
    /// Let `导入` read files outside the project folder (the folder above the importing
    /// file's folder).
    pub allow_outside_imports: bool,
    /// Compile for publishing (`jues build`): what marks the document as unfinished
    /// ([`Code::unfinished`]: a `待填`, a missing standard table) is an error, not a warning.
    pub publish: bool,
}

/// The result of compiling a document.
#[derive(Debug)]
pub struct Compilation {
    /// The main file first, then every imported file.
    pub sources: Sources,
    /// The main file's syntax tree.
    pub module: ast::Module,
    /// The values of the document's figures.
    pub evaluated: eval::Evaluated,
    /// Every diagnostic, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// Every file the compilation read or tried to read (the main file when it was read
    /// through [`compile_path`], imports, data files, code lists), in the order first read,
    /// each once, with the bytes it found. `jues watch` rebuilds when one of them changes.
    pub inputs: Vec<files::Input>,
    /// What each reference of the document names (by its span), as the checker resolved it:
    /// what the language server answers hover, definition and references from.
    pub resolutions: check::Resolutions,
}

impl Compilation {
    /// Counts of the diagnostics by severity.
    pub fn summary(&self) -> Summary {
        Summary::of(&self.diagnostics)
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// How deeply imports may chain (last year's report importing the year before …).
pub const MAX_IMPORT_DEPTH: usize = 16;

/// Compiles the document whose main file is the first of `sources`. What it reads besides
/// (imports, data files, code lists) comes from the disk, relative to the file that names it;
/// imports must stay inside the project folder.
pub fn compile(sources: Sources, options: &Options) -> Compilation {
    compile_with(sources, options, &files::Disk)
}

/// Reads the document at `path` through `files`, then compiles it with [`compile_with`]; the
/// main file is the first of the compilation's inputs.
pub fn compile_path(
    path: &Path,
    options: &Options,
    files: &dyn files::Files,
) -> std::io::Result<Compilation> {
    let recorder = files::Recorder::new(files);
    let bytes = recorder.read(path)?;
    let mut sources = Sources::new();
    sources.add_bytes(path.display().to_string(), &bytes);
    Ok(compile_recorded(sources, options, recorder))
}

/// Compiles the document whose main file is the first of `sources`, reading every other file
/// it names through `files` (the one door for files: the disk, an editor's buffers, memory).
pub fn compile_with(sources: Sources, options: &Options, files: &dyn files::Files) -> Compilation {
    compile_recorded(sources, options, files::Recorder::new(files))
}

fn compile_recorded(
    mut sources: Sources,
    options: &Options,
    files: files::Recorder<'_>,
) -> Compilation {
    let mut diagnostics = Vec::new();
    let main = FileId(0);
    // The main file is on the stack, so a file importing it back is a cycle.
    let mut stack: Vec<PathBuf> = files
        .canonicalize(Path::new(sources.get(main).name()))
        .into_iter()
        .collect();
    let mut run = Run {
        options,
        stack: &mut stack,
        diagnostics: &mut diagnostics,
        files: &files,
    };
    let (module, evaluated, resolutions) = compile_file(&mut sources, main, &mut run);
    diagnostics.sort_by(|a, b| {
        (a.primary.span, a.code, &a.message).cmp(&(b.primary.span, b.code, &b.message))
    });
    diagnostics.dedup();
    if options.publish {
        for d in diagnostics.iter_mut().filter(|d| d.code.unfinished()) {
            d.severity = Severity::Error;
            d.notes
                .push("a document with unfinished parts is not published".to_owned());
        }
    }
    Compilation {
        sources,
        module,
        evaluated,
        diagnostics,
        inputs: files.into_inputs(),
        resolutions,
    }
}

/// What every file of one compilation shares: the options, the chain of imports being
/// compiled (to find cycles), the diagnostics and the door to the files, which keeps what was
/// read.
struct Run<'r> {
    options: &'r Options,
    stack: &'r mut Vec<PathBuf>,
    diagnostics: &'r mut Vec<Diagnostic>,
    files: &'r files::Recorder<'r>,
}

fn compile_file(
    sources: &mut Sources,
    file: FileId,
    run: &mut Run<'_>,
) -> (ast::Module, eval::Evaluated, check::Resolutions) {
    let options = run.options;
    let (mut module, errors) = syntax::parse_file(file, sources.get(file));
    let diagnostics = &mut *run.diagnostics;
    diagnostics.extend(errors.iter().map(syntax::SyntaxError::to_diagnostic));
    let library = load_library(sources, &module, diagnostics);
    let templates: Vec<&ast::TableDecl> = library
        .iter()
        .flat_map(|l| &l.items)
        .filter_map(|item| match item {
            ast::Item::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    let folder = PathBuf::from(sources.get(file).name())
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let data_errors = data::load(&mut module, &folder, &templates, run.files);
    diagnostics.extend(data_errors.iter().map(data::DataError::to_diagnostic));
    let mut all = Vec::from_iter(library);
    all.push(module);
    let modules = all.as_slice();

    let checked = check::check(modules);
    diagnostics.extend(checked.errors.iter().map(check::CheckError::to_diagnostic));
    let (settings, setting_errors) = eval::Settings::read(modules, options.strict);
    diagnostics.extend(setting_errors.iter().map(check::CheckError::to_diagnostic));
    let lints = check::lints::lint(modules, settings.transcribed);
    diagnostics.extend(lints.iter().map(check::lints::Lint::to_diagnostic));

    let imported = match modules.last() {
        Some(main) => load_imports(sources, file, main, run),
        None => eval::Imported::new(),
    };
    let diagnostics = &mut *run.diagnostics;
    let codes = load_codes(&folder, modules, diagnostics, run.files);
    let inputs = eval::Inputs {
        imported: &imported,
        codes: &codes,
    };
    let evaluated = eval::evaluate(sources, modules, &checked, settings, inputs);
    diagnostics.extend(evaluated.errors.iter().map(eval::EvalError::to_diagnostic));
    if !options.strict {
        diagnostics.retain(|d| d.code != Code::RoundingOnly);
    }
    let main = all.pop().unwrap_or_else(|| ast::Module {
        file,
        items: Vec::new(),
        span: source::Span::default(),
        library: false,
    });
    (main, evaluated, checked.resolutions)
}

/// The library module of the report type the document declares (`类型 部门决算`), parsed.
fn load_library(
    sources: &mut Sources,
    module: &ast::Module,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ast::Module> {
    let report = ast::ReportDecl::find(std::slice::from_ref(module))?;
    let setting = settings::ReportSetting::Type.find(&report.settings)?;
    let name = setting.value.text();
    let Some((file_name, text)) = library::report_type(&name) else {
        let error = check::CheckError::BadSettingValue {
            key: setting.key.text.clone(),
            value: name,
            span: setting.value.span(),
            expected: "`部门决算`",
        };
        diagnostics.push(error.to_diagnostic());
        return None;
    };
    let id = sources.add(file_name, text);
    let (mut library, errors) = syntax::parse_file(id, sources.get(id));
    diagnostics.extend(errors.iter().map(syntax::SyntaxError::to_diagnostic));
    library.library = true;
    Some(library)
}

/// The document's own code list (`科目表 "codes.tsv"` in the `报告` block), relative to it.
fn load_codes(
    folder: &Path,
    modules: &[ast::Module],
    diagnostics: &mut Vec<Diagnostic>,
    files: &files::Recorder<'_>,
) -> check::classification::CodeList {
    let setting = ast::ReportDecl::find(modules)
        .and_then(|r| settings::ReportSetting::CodeList.find(&r.settings));
    let Some(setting) = setting else {
        return check::classification::CodeList::default();
    };
    let file = setting.value.text();
    let read = files
        .read(&folder.join(&file))
        .map_err(|e| e.to_string())
        .and_then(|bytes| String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_owned()));
    match read.and_then(|text| check::classification::CodeList::parse(&text)) {
        Ok(list) => list,
        Err(reason) => {
            let error = data::DataError::Unreadable {
                span: setting.value.span(),
                file,
                reason,
            };
            diagnostics.push(error.to_diagnostic());
            check::classification::CodeList::default()
        }
    }
}

/// Reads, compiles and evaluates every import of `module`, by alias.
fn load_imports(
    sources: &mut Sources,
    file: FileId,
    module: &ast::Module,
    run: &mut Run<'_>,
) -> eval::Imported {
    let options = run.options;
    let mut imported = eval::Imported::new();
    let here = PathBuf::from(sources.get(file).name());
    let folder = here.parent().map(Path::to_path_buf).unwrap_or_default();
    for item in &module.items {
        let ast::Item::Import(import) = item else {
            continue;
        };
        let Some(alias) = &import.alias else {
            let error = ImportError {
                path: import.path.value.clone(),
                span: import.path.span,
                reason: ImportFailure::NoName,
            };
            run.diagnostics.push(error.to_diagnostic());
            continue;
        };
        let fail = |reason: ImportFailure| ImportError {
            path: import.path.value.clone(),
            span: import.path.span,
            reason,
        };
        let path = folder.join(&import.path.value);
        if !options.allow_outside_imports && import::leaves_project(Path::new(&import.path.value)) {
            run.diagnostics
                .push(fail(ImportFailure::Outside).to_diagnostic());
            continue;
        }
        let (Ok(canonical), Ok(root)) = (
            run.files.canonicalize(&path),
            run.files.canonicalize(folder_or_dot(&folder)),
        ) else {
            // Watched all the same: the file may be created.
            run.files.note(&path);
            run.diagnostics
                .push(fail(ImportFailure::NotFound).to_diagnostic());
            continue;
        };
        let root = root.parent().map_or(root.clone(), Path::to_path_buf);
        if !options.allow_outside_imports && !canonical.starts_with(&root) {
            run.diagnostics
                .push(fail(ImportFailure::Outside).to_diagnostic());
            continue;
        }
        if run.stack.contains(&canonical) {
            run.diagnostics
                .push(fail(ImportFailure::Cycle).to_diagnostic());
            continue;
        }
        if run.stack.len() >= MAX_IMPORT_DEPTH {
            run.diagnostics
                .push(fail(ImportFailure::TooDeep).to_diagnostic());
            continue;
        }
        let bytes = match run.files.read(&path) {
            Ok(b) => b,
            Err(e) => {
                let reason = ImportFailure::Unreadable(e.to_string());
                run.diagnostics.push(fail(reason).to_diagnostic());
                continue;
            }
        };
        let id = sources.add_bytes(path.display().to_string(), &bytes);
        run.stack.push(canonical);
        let (_, evaluated, _) = compile_file(sources, id, run);
        run.stack.pop();
        imported.insert(alias.text.clone(), eval::ImportedDocument::new(evaluated));
    }
    imported
}

fn folder_or_dot(folder: &Path) -> &Path {
    if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Everything a document names is read through the door it is given: here, memory. The
    /// compilation keeps what it read, with the bytes.
    #[test]
    fn a_compilation_reads_imports_and_data_through_its_files() {
        let mut files = crate::files::Memory::new();
        files.insert("r/2019/report.jues", "导入 \"../2018/report.jues\" 为 上年\n表 t \"表\" 来自 \"t.csv\" {\n  列 决算数: 金额\n}\n\n{t.合计.决算数 = 3.00}，{change(t.合计.决算数, 上年.x) = 2.00}。\n");
        files.insert("r/2018/report.jues", "x = 1\n");
        files.insert("r/2019/t.csv", "名称,决算数\n甲,1\n乙,2\n");
        let compilation = super::compile_path(
            Path::new("r/2019/report.jues"),
            &super::Options::default(),
            &files,
        )
        .unwrap();
        assert!(
            compilation.diagnostics.is_empty(),
            "{:?}",
            compilation.diagnostics
        );
        let read: Vec<&Path> = compilation
            .inputs
            .iter()
            .map(|i| i.path.as_path())
            .collect();
        assert_eq!(
            read,
            [
                Path::new("r/2019/report.jues"),
                Path::new("r/2019/t.csv"),
                Path::new("r/2019/../2018/report.jues"),
            ]
        );
        assert!(compilation.inputs.iter().all(|i| i.bytes.is_some()));
    }
}
