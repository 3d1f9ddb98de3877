//! The integration tests of jues: one binary (see `Cargo.toml`, `autotests = false`).

// Tests and benches may unwrap and panic: a failure is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod browser;
mod budget;
mod build;
mod cases;
mod cli;
mod docs;
mod examples;
mod excerpts;
mod fmt;
mod human;
mod limits;
mod lsp;
mod markdown;
mod pdf;
mod properties;
mod reads;
mod scripts;
mod tutorial;
mod watch;
mod workbook;
#[cfg(unix)]
mod writes;
