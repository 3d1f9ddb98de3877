//! Every example and stdlib document is checked by the suite.

use jues::source::Sources;
use jues::{compile, Options};
use std::path::{Path, PathBuf};

fn jues_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "jues") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Examples whose purpose is to show defects: they are checked by their own tests.
const AUDITED: &[&str] = &["as-published.jues"];

#[test]
fn examples_and_stdlib_check_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let examples = jues_files(&root.join("examples"));
    assert!(!examples.is_empty(), "there are examples");
    let files = examples.into_iter().chain(jues_files(&root.join("stdlib")));
    for path in files {
        if AUDITED.iter().any(|a| path.ends_with(a)) {
            continue;
        }
        let mut sources = Sources::new();
        sources.add_bytes(path.display().to_string(), &std::fs::read(&path).unwrap());
        let compilation = compile(sources, &Options::default());
        let short = jues::diagnostics::render::render(
            &compilation.sources,
            &compilation.diagnostics,
            jues::diagnostics::render::Format::Short,
            false,
        );
        assert!(
            compilation.diagnostics.is_empty(),
            "{}:\n{short}",
            path.display()
        );
    }
}
