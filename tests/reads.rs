//! What a document may make jues read: files inside its project folder (the folder above the
//! document's), regular files only, up to a size. A pipe would hang the read and `/dev/zero`
//! fill the memory; a link leading out of the project is followed only to be refused.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("2019")).unwrap();
    dir
}

/// `jues check` of `2019/report.jues` in `dir`, in English (the reasons are looked for in
/// its words), killed if it takes more than ten seconds.
fn check(dir: &Path, text: &str, extra: &[&str]) -> Output {
    std::fs::write(dir.join("2019/report.jues"), text).unwrap();
    let mut child = crate::jues_command()
        .args(["check", "2019/report.jues", "--lang", "en"])
        .args(extra)
        .current_dir(dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    for _ in 0..100 {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    panic!("jues check hangs on {text}");
}

fn table_from(file: &str) -> String {
    format!("表 数据 \"数据\" 来自 \"{file}\" {{\n  列 决算数: 金额\n}}\n\n正文。\n")
}

#[cfg(unix)]
#[test]
fn a_pipe_or_a_device_is_refused_not_read() {
    let dir = scratch("reads-special");
    let made = Command::new("mkfifo")
        .arg(dir.join("2019/pipe.csv"))
        .status()
        .unwrap();
    assert!(made.success());
    let output = check(&dir, &table_from("pipe.csv"), &[]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("J0502") && stdout.contains("not a regular file"),
        "{stdout}"
    );
    // Outside the project only when allowed, and a device is never read.
    let output = check(&dir, &table_from("/dev/zero"), &["--allow-outside-project"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("not a regular file"), "{stdout}");
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_project_is_refused() {
    let dir = scratch("reads-link");
    std::fs::write(dir.join("secret.csv"), "名称,决算数\n秘密,1\n").unwrap();
    let outside = scratch("reads-link-outside");
    std::fs::write(outside.join("secret.csv"), "名称,决算数\n秘密,1\n").unwrap();
    std::os::unix::fs::symlink(outside.join("secret.csv"), dir.join("2019/link.csv")).unwrap();
    let output = check(&dir, &table_from("link.csv"), &[]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("J0502") && stdout.contains("outside the project folder"),
        "{stdout}"
    );
    // The project folder is the one above the document's: `../secret.csv` is inside.
    let output = check(&dir, &table_from("../secret.csv"), &[]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let output = check(&dir, &table_from("link.csv"), &["--allow-outside-project"]);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_file_past_the_size_limit_is_refused() {
    let dir = scratch("reads-large");
    let file = std::fs::File::create(dir.join("2019/huge.csv")).unwrap();
    // Sparse: no disk is used.
    file.set_len(jues::files::MAX_FILE_BYTES + 1).unwrap();
    let output = check(&dir, &table_from("huge.csv"), &[]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("larger than 64 MiB"), "{stdout}");
}

/// An ESC from the document or from a data file reaches the terminal only as `\u{1b}`, in
/// every format meant for people (JSON escapes it by its own rules).
#[test]
fn no_control_character_reaches_the_terminal() {
    let dir = scratch("reads-escape");
    std::fs::write(
        dir.join("2019/data.csv"),
        "名称,决算数\n甲,\u{1b}]0;pwned\u{7}12\n",
    )
    .unwrap();
    let text = format!(
        "{}\n本年收入 {{未知\u{1b}[2J名}}。\n",
        table_from("data.csv")
    );
    for format in ["human", "short"] {
        let output = check(&dir, &text, &["--format", format, "--color", "always"]);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains("\\u{1b}"), "{stdout}");
        assert!(
            stdout.contains("J0502") && stdout.contains("J0406"),
            "{stdout}"
        );
        // The only ESC left are the colours jues writes itself.
        let foreign = stdout
            .match_indices('\u{1b}')
            .filter(|(i, _)| !stdout[i + 1..].starts_with('['))
            .count();
        assert_eq!(foreign, 0, "{stdout:?}");
        assert!(
            !stdout.contains("\u{1b}[2J") && !stdout.contains('\u{7}'),
            "{stdout:?}"
        );
    }
}
