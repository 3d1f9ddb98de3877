//! Syntax stage: the pest parser generated from `grammar/jues.pest`.
//!
//! Invariant: nothing outside `syntax/` names `Rule`, `Pair` or any other pest type.
//!
//! pest is used without its `std` feature (see `Cargo.toml`): with it, pest probes the native
//! stack on every rule call, which was a fifth of the parse. Nesting is bounded before pest
//! runs instead (`parse::MAX_NESTING`), and the generated parser names `::alloc`, hence the
//! `extern crate alloc` in `lib.rs`.

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/jues.pest"]
pub(super) struct JuesParser;
