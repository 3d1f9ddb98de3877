//! The integration tests of jues: one binary (see `Cargo.toml`, `autotests = false`).

// Tests and benches may unwrap and panic: a failure is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod browser;
mod budget;
mod build;
mod cases;
mod cli;
mod docs;
mod editors;
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
mod schemas;
mod scripts;
mod tutorial;
mod watch;
mod workbook;
#[cfg(unix)]
mod writes;

/// The `jues` binary, in the language a user without a locale gets (Chinese): the variables
/// that choose another (`JUES_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG`) are cleared, so that a
/// test reads the same on every machine, and its cache is a folder of the build's.
pub(crate) fn jues_command() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_jues"));
    // The language and colour the user's environment chooses, which each test sets itself.
    for name in [
        "JUES_LANG",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "FORCE_COLOR",
    ] {
        command.env_remove(name);
    }
    // What jues caches (the language server's explanation pages) stays in the build folder.
    command.env(
        "XDG_CACHE_HOME",
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache"),
    );
    command
}
