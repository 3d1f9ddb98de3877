//! Writing the user's files loses nothing: a write that fails (here: a file-size limit, which
//! fails a write as a full disk does) leaves every old file whole, and a link standing where an
//! output goes is replaced, never written through. (Unix only: links and modes.)

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs jues in `dir`; with `limit_kb`, under a file-size limit of that many KiB, with the
/// signal for going past it ignored, so that the write fails with an error (`EFBIG`) as on a
/// full disk.
fn jues(dir: &Path, args: &[&str], limit_kb: Option<u32>) -> Output {
    let mut command = match limit_kb {
        Some(kb) => {
            let mut c = Command::new("bash");
            c.arg("-c")
                .arg(format!("trap '' XFSZ; ulimit -f {kb}; exec \"$0\" \"$@\""))
                .arg(env!("CARGO_BIN_EXE_jues"))
                .args(args);
            c
        }
        None => {
            let mut c = crate::jues_command();
            c.args(args);
            c
        }
    };
    // In the language a user without a locale gets, as `crate::jues_command` runs it.
    for name in ["JUES_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("jues runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The file names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A report of over 32 KB that `jues fmt` changes: every figure line of the example with its
/// `=` padded.
fn unformatted_report() -> String {
    let example = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/lusong-hrss-2019/report.jues"),
    )
    .unwrap();
    let mut text = example.replace(" = ", "   =   ");
    for i in 0..1000 {
        text.push_str(&format!("\n填充{i}   =   {i}\n"));
    }
    text
}

#[test]
fn a_failed_fmt_leaves_the_source_whole() {
    let dir = scratch("writes-fmt");
    let text = unformatted_report();
    assert!(text.len() > 16 * 1024 * 2);
    std::fs::write(dir.join("report.jues"), &text).unwrap();
    let output = jues(&dir, &["fmt", "report.jues"], Some(16));
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("无法写入") && stderr(&output).contains("文件未改动"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("report.jues")).unwrap(),
        text,
        "the report is as it was"
    );
    assert_eq!(names(&dir), ["report.jues"], "no temporary file is left");
}

#[test]
fn fmt_keeps_the_permissions_and_a_link_to_the_file() {
    let dir = scratch("writes-fmt-link");
    std::fs::write(dir.join("real.jues"), "x   =   1\n").unwrap();
    std::fs::set_permissions(
        dir.join("real.jues"),
        std::fs::Permissions::from_mode(0o640),
    )
    .unwrap();
    std::os::unix::fs::symlink("real.jues", dir.join("link.jues")).unwrap();
    let output = jues(&dir, &["fmt", "link.jues"], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(dir.join("real.jues")).unwrap(),
        "x = 1\n"
    );
    let link = std::fs::symlink_metadata(dir.join("link.jues")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is still a link");
    let mode = std::fs::metadata(dir.join("real.jues"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);
}

#[test]
fn a_failed_build_leaves_the_last_outputs_whole() {
    let dir = scratch("writes-build");
    std::fs::write(dir.join("report.jues"), unformatted_report()).unwrap();
    let build = |limit| {
        jues(
            &dir,
            &["build", "report.jues", "-o", "out", "--to", "html,md,json"],
            limit,
        )
    };
    let output = build(None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = dir.join("out");
    let before: Vec<Vec<u8>> = names(&out)
        .iter()
        .map(|n| std::fs::read(out.join(n)).unwrap())
        .collect();
    let html = std::fs::metadata(out.join("report.html")).unwrap().len();
    let md = std::fs::metadata(out.join("report.md")).unwrap().len();
    assert!(md < html, "the Markdown is the smaller file");

    // A new figure changes every output; the limit lets the Markdown be written, not the HTML.
    let mut text = std::fs::read_to_string(dir.join("report.jues")).unwrap();
    text.push_str("\n新的 = 1\n");
    std::fs::write(dir.join("report.jues"), text).unwrap();
    let limit = u32::try_from((md + html) / 2 / 1024).unwrap();
    let output = build(Some(limit));
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("没有改动任何文件"),
        "{}",
        stderr(&output)
    );
    let after: Vec<Vec<u8>> = names(&out)
        .iter()
        .map(|n| std::fs::read(out.join(n)).unwrap())
        .collect();
    assert_eq!(
        names(&out),
        ["report.facts.json", "report.html", "report.md"],
        "no temporary file is left"
    );
    assert!(before == after, "every output is the last build's");
}

#[test]
fn a_link_in_the_output_folder_is_replaced_not_followed() {
    let dir = scratch("writes-link");
    std::fs::write(dir.join("report.jues"), "x = 1\n").unwrap();
    std::fs::write(dir.join("victim.txt"), "keep me").unwrap();
    std::fs::create_dir(dir.join("out")).unwrap();
    std::os::unix::fs::symlink("../victim.txt", dir.join("out/report.md")).unwrap();
    let output = jues(
        &dir,
        &["build", "report.jues", "-o", "out", "--to", "md"],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(dir.join("victim.txt")).unwrap(),
        "keep me"
    );
    let md = std::fs::symlink_metadata(dir.join("out/report.md")).unwrap();
    assert!(
        md.file_type().is_file(),
        "the link was replaced by the output"
    );
    let mode = md.permissions().mode();
    assert_eq!(mode & 0o600, 0o600, "a new output is the owner's to write");
    assert_eq!(
        mode & 0o004,
        0o004,
        "and readable by all, as a new file usually is"
    );
}
