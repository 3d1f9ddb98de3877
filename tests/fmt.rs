//! `jues fmt`: idempotent, meaning-preserving, and the examples and stdlib are formatted.

use jues::source::Sources;
use jues::{compile, Options};
use std::path::{Path, PathBuf};

fn jues_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            jues_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "jues") {
            out.push(path);
        }
    }
}

fn all_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests/cases", "examples", "stdlib"] {
        jues_files(&root.join(dir), &mut files);
    }
    files.sort();
    files
}

/// What a document means: its figures' values and its rendered numbers, without positions.
fn meaning(name: &Path, text: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let mut sources = Sources::new();
    sources.add(name.display().to_string(), text.to_owned());
    let compilation = compile(sources, &Options::default());
    let document = &compilation.evaluated.document;
    let figures = document
        .figures
        .iter()
        .map(|f| {
            format!(
                "{} = {} {:?} [{:?}, {:?}]",
                f.name, f.value, f.unit, f.lower, f.upper
            )
        })
        .collect();
    // Spaces at the end of a line are not part of what a page shows (the Markdown writes them
    // as references, `&#32;`, so that they are kept).
    let rendered = jues::render::markdown::render(document)
        .lines()
        .map(|l| {
            let mut l = l.trim_end();
            while let Some(rest) = l.strip_suffix("&#32;").or_else(|| l.strip_suffix("&#9;")) {
                l = rest.trim_end();
            }
            l.to_owned()
        })
        .collect();
    let mut codes: Vec<String> = compilation
        .diagnostics
        .iter()
        .map(|d| d.code.id().to_owned())
        .collect();
    codes.sort();
    (figures, rendered, codes)
}

#[test]
fn formatting_is_idempotent_and_keeps_the_meaning() {
    let mut formatted_count = 0;
    for path in all_files() {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Some(once) = jues::fmt::format(&text) else {
            continue;
        };
        formatted_count += 1;
        let twice = jues::fmt::format(&once).expect("formatted text parses");
        assert_eq!(
            twice,
            once,
            "{}: fmt(fmt(x)) differs from fmt(x)",
            path.display()
        );
        assert_eq!(
            meaning(&path, &once),
            meaning(&path, &text),
            "{}: formatting changed the meaning",
            path.display()
        );
    }
    assert!(formatted_count > 30, "the cases were formatted");
}

#[test]
fn examples_and_stdlib_are_formatted() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    jues_files(&root.join("examples"), &mut files);
    jues_files(&root.join("stdlib"), &mut files);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            jues::fmt::format(&text).as_deref(),
            Some(text.as_str()),
            "{} is not formatted: run `jues fmt` on it",
            path.display()
        );
    }
}

#[test]
fn fmt_check_reports_and_fmt_rewrites() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fmt");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("x.jues");
    std::fs::write(&file, "a=1\nb = a+1\n").unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_jues"))
            .args(args)
            .output()
            .unwrap()
    };
    let check = run(&["fmt", "--check", file.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&check.stdout).contains("+a = 1"),
        "a diff is shown"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "a=1\nb = a+1\n",
        "--check changes nothing"
    );
    assert_eq!(run(&["fmt", file.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "a = 1\nb = a + 1\n"
    );
    assert_eq!(
        run(&["fmt", "--check", file.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
}
