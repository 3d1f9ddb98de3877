//! Render stage: the evaluated document ([`crate::doc`]) as files people read.
//!
//! Invariant: renderers read only [`crate::doc::Document`]; they never see the AST, the
//! checker or the evaluator, and the same document always gives the same bytes.

pub mod breaks;
pub mod facts;
pub mod html;
pub mod markdown;
pub mod page;
#[cfg(feature = "pdf")]
pub mod pdf;
