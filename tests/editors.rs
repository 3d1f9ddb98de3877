//! The editor support under `editors/`, each tested by its own script with the editor's own
//! tools: the VS Code extension (`editors/vscode/test.sh`: its TextMate grammar through
//! vscode-textmate and vscode-oniguruma on every valid case file, the problem matcher, the
//! commands, the bundle and the package), the Emacs mode (`editors/emacs/test.sh`: ERT in
//! `emacs --batch`, with eglot and lsp-mode talking to this build's `jues lsp`), and the
//! tree-sitter grammar for Neovim, Helix and Zed (`editors/tree-sitter-jues/test.sh`: the
//! committed parser is what `grammar.js` generates, the corpus and highlight tests pass, and
//! every valid `.jues` file of the repository parses without an `ERROR` or `MISSING` node).
//!
//! What they need is installed by `.ci/run` (see the README's set-up): Node.js and npm,
//! Debian's `emacs-nox`, `elpa-eglot` and `elpa-lsp-mode`, and the tree-sitter CLI
//! (`cargo install tree-sitter-cli --version 0.25.10 --locked`).

use std::path::Path;
use std::process::Command;

/// Runs `script` (relative to the crate root) with this build's `jues`, and returns what it
/// printed; fails with all of it if the script fails.
fn run(script: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new("bash")
        .arg(root.join(script))
        .env("JUES", env!("CARGO_BIN_EXE_jues"))
        .env_remove("NO_COLOR")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {script}: {e}"));
    let printed = format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{script} failed:\n{printed}");
    printed
}

#[test]
fn the_vscode_extension_highlights_packages_and_runs() {
    let printed = run("editors/vscode/test.sh");
    // node's test runner: every test passed, and there are tests.
    assert!(printed.contains("# fail 0"), "{printed}");
    assert!(!printed.contains("# pass 0\n"), "{printed}");
    assert!(printed.contains("test.sh: ok"), "{printed}");
}

#[test]
fn the_emacs_mode_highlights_and_talks_to_the_server() {
    let printed = run("editors/emacs/test.sh");
    assert!(
        printed.contains("results as expected, 0 unexpected"),
        "{printed}"
    );
    // Every test ran: none skipped for want of eglot, lsp-mode or the jues binary.
    assert!(
        !printed.contains("SKIPPED"),
        "some tests were skipped (install emacs-nox, elpa-eglot and elpa-lsp-mode):\n{printed}"
    );
}

#[test]
fn the_tree_sitter_grammar_parses_every_valid_file() {
    let printed = run("editors/tree-sitter-jues/test.sh");
    let closing = printed
        .lines()
        .find(|l| l.ends_with(" passed, 0 failed"))
        .unwrap_or_else(|| panic!("{printed}"));
    let parsed: usize = closing.split(' ').next().unwrap().parse().unwrap();
    // The examples, the standard library and the case files that have no syntax error.
    assert!(parsed > 130, "{printed}");
    assert!(
        printed.contains("generated parser: up to date"),
        "{printed}"
    );
}
