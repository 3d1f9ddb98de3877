//! The editor support under `editors/`, each tested by its own script with the editor's own
//! tools: the VS Code extension (`editors/vscode/test.sh`: its TextMate grammar through
//! vscode-textmate and vscode-oniguruma on every valid case file, the problem matcher, the
//! commands, the bundle and the package), the Emacs mode (`editors/emacs/test.sh`: ERT in
//! `emacs --batch`, with eglot and lsp-mode talking to this build's `jues lsp`), and the
//! tree-sitter grammar for Neovim, Helix and Zed (`editors/tree-sitter-jues/test.sh`: the
//! committed parser is what `grammar.js` generates, the corpus and highlight tests pass, and
//! every valid `.jues` file of the repository parses without an `ERROR` or `MISSING` node).
//!
//! The Neovim set-ups of `docs/editors.md` are run as written, in a headless Neovim
//! (`editors/neovim/check.lua` reports what the buffer got).
//!
//! What they need is installed by `.ci/run` (see the README's set-up): Node.js and npm,
//! Debian's `emacs-nox`, `elpa-eglot` and `elpa-lsp-mode`, the tree-sitter CLI
//! (`cargo install tree-sitter-cli --version 0.25.10 --locked`), and a Neovim ≥ 0.9
//! (see [`neovim_binary`]).

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

/// The code blocks of `docs/editors.md` under its heading `### Neovim`: (language, text).
fn neovim_set_ups() -> Vec<(String, String)> {
    use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};
    let docs =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/editors.md"))
            .unwrap();
    let (mut inside, mut heading, mut block) = (false, None::<String>, None::<(String, String)>);
    let mut blocks = Vec::new();
    for event in Parser::new(&docs) {
        match event {
            Event::Start(Tag::Heading { level, .. }) if level <= HeadingLevel::H3 => {
                heading = Some(String::new());
            }
            Event::Text(text) if heading.is_some() => heading.as_mut().unwrap().push_str(&text),
            Event::End(TagEnd::Heading(_)) => {
                inside = heading.take().is_some_and(|h| h == "Neovim");
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(language))) if inside => {
                block = Some((language.to_string(), String::new()));
            }
            Event::Text(text) if block.is_some() => block.as_mut().unwrap().1.push_str(&text),
            Event::End(TagEnd::CodeBlock) => blocks.extend(block.take()),
            _ => {}
        }
    }
    blocks
}

/// The Neovim to test with: `JUES_TEST_NVIM`, else the one the README's set-up and `.ci/run`
/// install (`~/.local/share/jues-test-tools/neovim`), else `nvim` on the `PATH`.
fn neovim_binary() -> String {
    if let Ok(nvim) = std::env::var("JUES_TEST_NVIM") {
        return nvim;
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local/share")));
    data.map(|d| d.join("jues-test-tools/neovim/bin/nvim"))
        .filter(|nvim| nvim.exists())
        .map_or_else(|| "nvim".to_owned(), |nvim| nvim.display().to_string())
}

/// Opens a document with one misspelt name in a headless Neovim whose home holds `init` as
/// `~/.config/nvim/init.lua` (after running `shell`, the set-up's commands, if any), and
/// returns what `editors/neovim/check.lua` found: filetype, highlighter, captures, clients
/// and diagnostics.
fn neovim(name: &str, init: &str, shell: Option<&str>) -> serde_json::Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    let home = dir.join("home");
    std::fs::create_dir_all(home.join(".config/nvim")).unwrap();
    std::fs::create_dir_all(dir.join("project")).unwrap();
    let jues_folder = Path::new(env!("CARGO_BIN_EXE_jues")).parent().unwrap();
    let path = format!(
        "{}:{}",
        jues_folder.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let home_env = |command: &mut Command| {
        command
            .env("HOME", &home)
            .env("PATH", &path)
            .env_remove("XDG_CONFIG_HOME")
            .env("XDG_DATA_HOME", dir.join("data"))
            .env("XDG_STATE_HOME", dir.join("state"))
            .env("XDG_CACHE_HOME", dir.join("cache"));
    };
    if let Some(shell) = shell {
        let shell = shell.replace("PATH_TO_JUES", &root.display().to_string());
        let mut command = Command::new("bash");
        command.args(["-euo", "pipefail", "-c", &shell]);
        home_env(&mut command);
        let output = command.output().unwrap();
        assert!(output.status.success(), "{shell}\n{output:?}");
    }
    std::fs::write(home.join(".config/nvim/init.lua"), init).unwrap();
    std::fs::write(
        dir.join("project/report.jues"),
        "报告 \"测试\" {\n  金额单位 万元\n}\n收入 = 836.78\n\n收入 {收人}。\n",
    )
    .unwrap();
    let result = dir.join("result.json");
    let nvim = neovim_binary();
    let mut command = Command::new(&nvim);
    command
        .args(["--headless", "report.jues", "-c"])
        .arg(format!(
            "luafile {}",
            root.join("editors/neovim/check.lua").display()
        ))
        .current_dir(dir.join("project"))
        .env("JUES_NVIM_RESULT", &result)
        .env("JUES_NVIM_CAPTURES", "0:0,3:0,5:8")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null());
    home_env(&mut command);
    let mut child = command.spawn().unwrap_or_else(|e| {
        panic!("cannot run `{nvim}` (Neovim ≥ 0.9, see the README's set-up): {e}")
    });
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(60) {
            let _ = child.kill();
            panic!("Neovim did not finish");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let text = std::fs::read_to_string(&result).expect("check.lua wrote its result");
    serde_json::from_str(&text).unwrap()
}

/// The two Neovim set-ups of `docs/editors.md`, run as written: the language server alone
/// gives the document jues's diagnostics; with the tree-sitter grammar built and its queries
/// linked, the document is highlighted by the grammar too.
#[test]
fn the_documented_neovim_set_ups_work() {
    let blocks = neovim_set_ups();
    let kinds: Vec<&str> = blocks.iter().map(|(kind, _)| kind.as_str()).collect();
    assert_eq!(kinds[..3], ["lua", "sh", "lua"], "{blocks:?}");
    let j0101 = |found: &serde_json::Value| {
        let diagnostics = found["diagnostics"].as_array().unwrap();
        diagnostics
            .iter()
            .any(|d| d["code"] == "J0101" && d["source"] == "jues" && d["line"] == 5)
    };

    let server = neovim("neovim-server", &blocks[0].1, None);
    assert_eq!(server["filetype"], "jues", "{server}");
    assert_eq!(server["clients"], serde_json::json!(["jues"]), "{server}");
    assert!(j0101(&server), "{server}");

    let grammar = neovim("neovim-tree-sitter", &blocks[2].1, Some(&blocks[1].1));
    assert_eq!(grammar["highlighter"], true, "{grammar}");
    assert!(j0101(&grammar), "{grammar}");
    let captures = &grammar["captures"];
    // `报告` is a keyword, `收入` a figure's name, `{收人}` a reference.
    assert_eq!(captures["0:0"], serde_json::json!(["keyword"]), "{grammar}");
    assert_eq!(
        captures["3:0"],
        serde_json::json!(["variable.member"]),
        "{grammar}"
    );
    assert_eq!(
        captures["5:8"],
        serde_json::json!(["variable"]),
        "{grammar}"
    );
}
