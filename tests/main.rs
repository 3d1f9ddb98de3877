//! The integration tests of jues: one binary (see `Cargo.toml`, `autotests = false`).

mod browser;
mod build;
mod cases;
mod cli;
mod docs;
mod examples;
mod fmt;
mod lsp;
mod pdf;
mod properties;
mod tutorial;
mod watch;
