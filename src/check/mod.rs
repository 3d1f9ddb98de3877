//! Check stage: everything that can be known about a document without computing values.
//!
//! Name resolution (`resolve`) finds every unknown or duplicate name, unknown function,
//! wrong argument count and unknown setting. The problems are [`CheckError`]s; their wording
//! is in `error`.

pub(crate) mod classification;
mod error;
pub mod functions;
pub(crate) mod lints;
pub(crate) mod misread;
pub(crate) mod resolve;
mod walk;
pub(crate) mod years;

pub use error::CheckError;
pub use resolve::{Context, Resolutions, Scope, Target};

use crate::ast::Module;

/// The result of checking: what every name refers to, and the problems. Later stages look
/// names up here; none resolves them again.
#[derive(Debug)]
pub struct Checked {
    /// What every reference names, by the reference's span: resolved once, here; the
    /// evaluator and the language server read it.
    pub resolutions: Resolutions,
    pub errors: Vec<CheckError>,
}

/// Checks `modules` (the files of one document) together.
pub fn check(modules: &[Module]) -> Checked {
    let mut errors = Vec::new();
    let scope = Scope::collect(modules, &mut errors);
    let resolutions = walk::resolve_all(&scope, modules, &mut errors);
    Checked {
        resolutions,
        errors,
    }
}
