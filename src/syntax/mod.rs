//! Syntax stage: text to typed AST.
//!
//! `grammar/jues.pest` defines the language; [`parse`] drives pest one top-level item at a
//! time (so one run reports several syntax errors) and lowers each item to [`crate::ast`]; a
//! long file is parsed in pieces on several threads, and [`Incremental`] parses again only what
//! an edit touched. [`marks`] and [`needs_quotes`] tell the formatter what it must not read on
//! its own: where the comments and strings are, and whether a name may stand bare.
//!
//! Invariant: this is the only module that sees pest. Nothing here knows about units, values
//! or other files.

mod error;
mod expected;
mod grammar;
mod lower;
mod lower_narrative;
mod marks;
mod parse;

pub use error::SyntaxError;
pub use expected::Expected;
pub use lower::MAX_OPERATORS;
pub use marks::{marks, needs_quotes, Marks, NamePlace};
pub use parse::{parse, Incremental, MAX_ERRORS, MAX_NESTING};

use crate::ast::Module;
use crate::source::{FileId, SourceFile, Span};

/// What of `text`, from its start, the grammar's `rule` reads: the lints ask the grammar what a
/// declaration, a keyword or a name is, instead of knowing it themselves.
fn read_as(rule: grammar::Rule, text: &str) -> Option<&str> {
    use pest::Parser;
    grammar::JuesParser::parse(rule, text)
        .ok()
        .map(|pairs| pairs.as_str())
}

/// Whether `word` is, all of it, a keyword that starts a declaration line (`报告`, `组`, `检查`
/// … or their English spellings), as the grammar spells them.
pub fn is_declaration_keyword(word: &str) -> bool {
    read_as(grammar::Rule::decl_keyword, word) == Some(word)
}

/// Whether a line that starts with `text` (after its indent) is a declaration, as the grammar
/// decides it: a keyword and a space, or a name and `=`.
pub fn starts_declaration(text: &str) -> bool {
    read_as(grammar::Rule::decl_start_probe, text).is_some()
}

/// Whether `line` is, all of it, a check declaration (`检查 a == b "…"`), as the grammar reads
/// one.
pub fn is_check(line: &str) -> bool {
    read_as(grammar::Rule::check_decl, line).is_some_and(|read| read.trim_end() == line.trim_end())
}

/// The length of the check keyword (`检查`, `check`) that `text` starts with, if it does.
pub fn check_keyword_at_start(text: &str) -> Option<usize> {
    read_as(grammar::Rule::check_kw, text).map(str::len)
}

/// The length of the name (a path: `收入.合计`, `「因公出国(境)费」`) that `text` starts with, as
/// the grammar reads names; `None` when it starts with none.
pub fn name_at_start(text: &str) -> Option<usize> {
    read_as(grammar::Rule::name_path, text).map(str::len)
}

/// Parses one source file. A file whose bytes are not readable text gives an empty module and
/// one [`SyntaxError::Unreadable`]. With `incremental`, what the last parse of the file kept is
/// reused (see [`Incremental`]).
pub fn parse_file(
    file: FileId,
    source: &SourceFile,
    incremental: Option<&mut Incremental>,
) -> (Module, Vec<SyntaxError>) {
    if let Some(problem) = source.unreadable() {
        let at = problem.offset.min(source.text().len());
        let module = Module {
            file,
            items: Vec::new(),
            library: false,
            span: Span::new(file, 0..source.text().len()),
        };
        let error = SyntaxError::Unreadable {
            span: Span::new(file, at..at),
            reason: problem.reason.clone(),
            help: problem.help.clone(),
        };
        return (module, vec![error]);
    }
    match incremental {
        Some(incremental) => incremental.parse(file, source.text()),
        None => parse(file, source.text()),
    }
}
