//! `jues watch`: rebuilds on save (also when the editor saves by renaming a new file over the
//! old one), and keeps the last good outputs while the document has errors.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Watcher(Child);

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Waits until `path` contains `text`; returns how long it took.
fn wait_for(path: &Path, text: &str, limit: Duration) -> Option<Duration> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if std::fs::read_to_string(path).is_ok_and(|s| s.contains(text)) {
            return Some(start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    None
}

#[test]
fn watch_rebuilds_on_save_and_on_rename() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("watch");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let doc = dir.join("doc.jues");
    std::fs::write(&doc, "a = 1\n\n数值 {a}。\n").unwrap();
    let out = dir.join("out");
    let _watcher = Watcher(
        Command::new(env!("CARGO_BIN_EXE_jues"))
            .args([
                "watch",
                doc.to_str().unwrap(),
                "--to",
                "md",
                "-o",
                out.to_str().unwrap(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let md = out.join("doc.md");
    assert!(
        wait_for(&md, "数值 1.00万元", Duration::from_secs(10)).is_some(),
        "the first build"
    );
    std::thread::sleep(Duration::from_millis(200)); // the watcher is set up after the first build

    std::fs::write(&doc, "a = 2\n\n数值 {a}。\n").unwrap();
    let took =
        wait_for(&md, "数值 2.00万元", Duration::from_secs(5)).expect("a rebuild after saving");
    assert!(took < Duration::from_secs(1), "the rebuild took {took:?}");

    // Rename-on-save: the editor writes a new file and renames it over the old one.
    let temporary = dir.join(".doc.jues.swp");
    std::fs::write(&temporary, "a = 3\n\n数值 {a}。\n").unwrap();
    std::fs::rename(&temporary, &doc).unwrap();
    let took =
        wait_for(&md, "数值 3.00万元", Duration::from_secs(5)).expect("a rebuild after a rename");
    assert!(took < Duration::from_secs(1), "the rebuild took {took:?}");

    // A version with errors does not replace the last good output.
    std::fs::write(&doc, "a = 4\n\n数值 {b}。\n").unwrap();
    std::thread::sleep(Duration::from_millis(600));
    assert!(std::fs::read_to_string(&md)
        .unwrap()
        .contains("数值 3.00万元"));
}

fn get(address: &str, path: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {address}\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

#[test]
fn watch_serves_the_page_on_loopback_and_reloads_it() {
    use std::io::BufRead;
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("watch-serve");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let doc = dir.join("doc.jues");
    std::fs::write(&doc, "a = 1\n\n数值 {a}。\n").unwrap();
    let out = dir.join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_jues"))
        .args([
            "watch",
            doc.to_str().unwrap(),
            "--to",
            "html",
            "-o",
            out.to_str().unwrap(),
            "--serve",
            "0",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let _watcher = Watcher(child);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in stderr.lines().map_while(Result::ok) {
            if let Some(address) = line.strip_prefix("serving http://") {
                let _ = tx.send(address.trim_end_matches('/').to_owned());
            }
        }
    });
    let address = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("the server's address");
    assert!(
        address.starts_with("127.0.0.1:"),
        "loopback only: {address}"
    );

    let page = get(&address, "/");
    assert!(page.contains("数值") && page.contains("1.00万元"), "{page}");
    assert!(
        page.contains("/__version"),
        "the served page reloads itself"
    );
    assert!(
        !std::fs::read_to_string(out.join("doc.html"))
            .unwrap()
            .contains("<script"),
        "the written page has no script"
    );
    let version = |body: String| body.rsplit("\r\n\r\n").next().unwrap_or("").to_owned();
    let first = version(get(&address, "/__version"));
    // Serving and reading the page are not changes: the page does not reload by itself.
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(
        version(get(&address, "/__version")),
        first,
        "no reload without an edit"
    );

    std::fs::write(&doc, "a = 2\n\n数值 {a}。\n").unwrap();
    let start = Instant::now();
    while version(get(&address, "/__version")) == first {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the version changes after a good build"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(get(&address, "/").contains("2.00万元"));
}

/// Runs `jues watch` on `doc` and gathers its standard error, line by line.
fn watch_counting(doc: &Path, out: &Path) -> (Watcher, std::sync::mpsc::Receiver<String>) {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_jues"))
        .args([
            "watch",
            doc.to_str().unwrap(),
            "--to",
            "md,html,json",
            "-o",
            out.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in stderr.lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    (Watcher(child), rx)
}

/// The lines that arrive within `wait`.
fn lines_within(rx: &std::sync::mpsc::Receiver<String>, wait: Duration) -> Vec<String> {
    let end = Instant::now() + wait;
    let mut lines = Vec::new();
    while let Some(left) = end.checked_duration_since(Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(line) => lines.push(line),
            Err(_) => break,
        }
    }
    lines
}

#[test]
fn watch_builds_once_per_edit_and_never_on_its_own() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("watch-count");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // A document with a data file: its reads must not start builds either.
    let doc = dir.join("doc.jues");
    std::fs::write(dir.join("rows.csv"), "名称,决算数\n甲,1\n乙,2\n").unwrap();
    std::fs::write(
        &doc,
        "表 t \"表\" 来自 \"rows.csv\" {\n  列 决算数: 金额\n}\n\n合计 {t.合计.决算数}。\n",
    )
    .unwrap();
    // The outputs go into the watched folder itself.
    let (_watcher, rx) = watch_counting(&doc, &dir);
    let first = lines_within(&rx, Duration::from_secs(3));
    assert!(
        first.iter().any(|l| l.starts_with("watching")),
        "the watcher starts: {first:?}"
    );
    let rebuilds = |lines: &[String]| lines.iter().filter(|l| l.contains("rebuilding")).count();
    assert_eq!(rebuilds(&first), 0, "no build without an edit: {first:?}");

    // Nothing changes for 3 s: no build.
    let idle = lines_within(&rx, Duration::from_secs(3));
    assert_eq!(rebuilds(&idle), 0, "no build without an edit: {idle:?}");

    // One edit: exactly one build.
    std::fs::write(
        &doc,
        "表 t \"表\" 来自 \"rows.csv\" {\n  列 决算数: 金额\n}\n\n总数 {t.合计.决算数}。\n",
    )
    .unwrap();
    let after = lines_within(&rx, Duration::from_secs(3));
    assert_eq!(rebuilds(&after), 1, "one build for one edit: {after:?}");
    assert!(std::fs::read_to_string(dir.join("doc.md"))
        .unwrap()
        .contains("总数 3.00万元"));

    // An edit of the data file is a change too; saving the same bytes again is not.
    std::fs::write(dir.join("rows.csv"), "名称,决算数\n甲,1\n乙,5\n").unwrap();
    let data = lines_within(&rx, Duration::from_secs(3));
    assert_eq!(rebuilds(&data), 1, "one build for a data edit: {data:?}");
    std::fs::write(dir.join("rows.csv"), "名称,决算数\n甲,1\n乙,5\n").unwrap();
    let same = lines_within(&rx, Duration::from_secs(3));
    assert_eq!(rebuilds(&same), 0, "the same bytes again: {same:?}");
}
