//! The tutorials are run as written: `docs/tutorial.md` (Chinese) and `docs/tutorial.en.md`
//! (English), each in an empty folder of its own, every block in order; a test for each, so that
//! either one failing fails the suite.
//!
//! - ```` ```sh ```` — each line is a command, run by `sh` with `jues` on the `PATH`; it must
//!   succeed (```` ```sh expect-failure ```` : it must fail with exit code 1);
//! - ```` ```csv file=PATH ```` — the block is written to `PATH`;
//! - ```` ```jues edit=PATH ```` — each declaration of the block replaces the declaration of the
//!   same kind and name in `PATH` (a `上年` block, a `组`, a `表`, a figure);
//! - ```` ```text fill=PATH ```` — each paragraph of the block replaces the next `{待填}` of the
//!   narrative in `PATH`.
//!
//! The folder starts with the example workbook (`examples/lusong-hrss-2019/公开表.xlsx`), as
//! section 9 has the reader copy it.

use jues::ast::Item;
use jues::source::FileId;
use std::path::Path;
use std::process::Command;

/// One fenced block: its info string and its text.
struct Block {
    info: String,
    text: String,
}

fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    for line in markdown.lines() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some(info)) => {
                current = Some(Block {
                    info: info.trim().to_owned(),
                    text: String::new(),
                })
            }
            (Some(_), Some("")) => out.extend(current.take()),
            (Some(block), _) => {
                block.text.push_str(line);
                block.text.push('\n');
            }
            (None, None) => {}
        }
    }
    assert!(current.is_none(), "an unclosed block in the tutorial");
    out
}

/// What a declaration is, to find the one it replaces: its kind and name.
fn key(item: &Item) -> Option<(&'static str, String)> {
    match item {
        Item::Prior(_) => Some(("上年", String::new())),
        Item::Group(g) => Some(("组", g.name.dotted())),
        Item::Table(t) => Some(("表", t.name.text.clone())),
        Item::Figure(f) => Some(("=", f.name.dotted())),
        _ => None,
    }
}

fn span(item: &Item) -> (usize, usize) {
    let span = item.span();
    (span.start as usize, span.end as usize)
}

/// `file` with each declaration of `edit` put in place of its namesake.
pub(crate) fn apply_edit(file: &str, edit: &str) -> String {
    let (edits, errors) = jues::syntax::parse(FileId(0), edit);
    assert!(
        errors.is_empty(),
        "the tutorial's block does not parse: {edit}"
    );
    let mut text = file.to_owned();
    for item in &edits.items {
        let Some(wanted) = key(item) else {
            panic!("the tutorial edits only declarations: {edit}")
        };
        let (module, _) = jues::syntax::parse(FileId(0), &text);
        let target = module
            .items
            .iter()
            .find(|i| key(i).as_ref() == Some(&wanted))
            .unwrap_or_else(|| panic!("the report has no {wanted:?} to replace"));
        let (start, end) = span(target);
        let (from, to) = span(item);
        let replacement = edit[from..to].trim_end_matches('\n');
        let tail = text[end..].to_owned();
        let head_end = start;
        let old = &text[start..end];
        let keeps_newline = old.ends_with('\n');
        text.truncate(head_end);
        text.push_str(replacement);
        if keeps_newline {
            text.push('\n');
        }
        text.push_str(&tail);
    }
    text
}

/// `file` with its `{待填}` replaced, in order, by the paragraphs of `fill`.
pub(crate) fn apply_fill(file: &str, fill: &str) -> String {
    let mut text = file.to_owned();
    for paragraph in fill.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let at = text
            .find("{待填}")
            .unwrap_or_else(|| panic!("no `{{待填}}` left for `{paragraph}`"));
        text.replace_range(at..at + "{待填}".len(), paragraph);
    }
    assert!(
        !text.contains("{待填}"),
        "the tutorial leaves a `{{待填}}` of the narrative unfilled"
    );
    text
}

#[test]
fn the_tutorial_runs_as_written() {
    run_tutorial("docs/tutorial.md", "tutorial");
}

#[test]
fn the_english_tutorial_runs_as_written() {
    run_tutorial("docs/tutorial.en.md", "tutorial.en");
}

/// Runs the tutorial at `path` (from the top of the source) in the empty folder `folder` of the
/// tests' scratch space, and checks what its last steps promise.
fn run_tutorial(path: &str, folder: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tutorial = std::fs::read_to_string(root.join(path)).unwrap();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(folder);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // Section 9 starts from the example workbook, which the reader copies from the source.
    std::fs::copy(
        root.join("examples/lusong-hrss-2019/公开表.xlsx"),
        dir.join("公开表.xlsx"),
    )
    .unwrap();
    let bin = Path::new(env!("CARGO_BIN_EXE_jues")).parent().unwrap();
    let search_path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut ran = 0;
    for block in blocks(&tutorial) {
        let mut words = block.info.split_whitespace();
        let language = words.next().unwrap_or("");
        let attribute = words.next();
        match (language, attribute) {
            ("sh", expect) => {
                for line in block.text.lines().filter(|l| !l.trim().is_empty()) {
                    let output = Command::new("sh")
                        .args(["-c", line])
                        .current_dir(&dir)
                        .env("PATH", &search_path)
                        .env("NO_COLOR", "1")
                        .output()
                        .unwrap();
                    let said = format!(
                        "{path}: `{line}` exited with {:?}\n{}{}",
                        output.status.code(),
                        String::from_utf8_lossy(&output.stdout),
                        String::from_utf8_lossy(&output.stderr)
                    );
                    match expect {
                        Some("expect-failure") => {
                            assert_eq!(output.status.code(), Some(1), "{said}")
                        }
                        None => assert!(output.status.success(), "{said}"),
                        Some(other) => panic!("{path}: unknown attribute `{other}` of a sh block"),
                    }
                    ran += 1;
                }
            }
            (_, Some(attribute)) => {
                let (what, file) = attribute.split_once('=').unwrap_or_else(|| {
                    panic!("{path}: a block attribute is `what=PATH`: {attribute}")
                });
                let file = dir.join(file);
                let text = match what {
                    "file" => block.text.clone(),
                    "edit" => apply_edit(&std::fs::read_to_string(&file).unwrap(), &block.text),
                    "fill" => apply_fill(&std::fs::read_to_string(&file).unwrap(), &block.text),
                    other => panic!("{path}: unknown block attribute `{other}`"),
                };
                std::fs::write(&file, text).unwrap();
            }
            _ => {} // an illustration, not a step
        }
    }
    assert!(ran >= 6, "{path}: the tutorial's commands ran: {ran}");
    // What step 7 promises.
    for output in [
        "report.pdf",
        "report.html",
        "report.md",
        "report.facts.json",
    ] {
        assert!(
            dir.join("2024决算/out").join(output).is_file(),
            "{path}: the tutorial's build wrote {output}"
        );
    }
    let report = std::fs::read_to_string(dir.join("2024决算/report.jues")).unwrap();
    assert!(
        report
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .all(|l| !l.contains("待填")),
        "{path}: the filled report has no `待填` left outside its comments"
    );
}
