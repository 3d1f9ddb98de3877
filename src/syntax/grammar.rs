//! Syntax stage: the pest parser generated from `grammar/jues.pest`.
//!
//! Invariant: nothing outside `syntax/` names `Rule`, `Pair` or any other pest type.

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/jues.pest"]
pub(super) struct JuesParser;
