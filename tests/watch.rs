//! `jues watch`: rebuilds on save (also when the editor saves by renaming a new file over the
//! old one), and keeps the last good outputs while the document has errors.

use std::path::Path;
use std::process::{Child, Stdio};
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
        crate::jues_command()
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
    request(
        address,
        &format!("GET {path} HTTP/1.0\r\nHost: {address}\r\n\r\n"),
    )
}

/// Sends `raw` and reads the answer to its end; panics after 5 s without one.
fn request(address: &str, raw: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    stream.write_all(raw.as_bytes()).unwrap();
    let mut response = Vec::new();
    stream
        .read_to_end(&mut response)
        .unwrap_or_else(|e| panic!("no answer to {raw:?}: {e}"));
    String::from_utf8_lossy(&response).into_owned()
}

/// Runs `jues watch --serve 0` on a document with `text` in a fresh folder `name`; returns the
/// watcher, the server's address and the folder.
fn serving(name: &str, text: &str) -> (Watcher, String, std::path::PathBuf) {
    use std::io::BufRead;
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let doc = dir.join("doc.jues");
    std::fs::write(&doc, text).unwrap();
    let out = dir.join("out");
    let mut child = crate::jues_command()
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
    let watcher = Watcher(child);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in stderr.lines().map_while(Result::ok) {
            // `正在提供网页：http://127.0.0.1:…/` (`serving http://…/` in English).
            if let Some((_, address)) = line.split_once("：http://") {
                let _ = tx.send(address.trim_end_matches('/').to_owned());
            }
        }
    });
    let address = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("the server's address");
    (watcher, address, dir)
}

#[test]
fn watch_serves_the_page_on_loopback_and_reloads_it() {
    let (_watcher, address, dir) = serving("watch-serve", "a = 1\n\n数值 {a}。\n");
    let doc = dir.join("doc.jues");
    let out = dir.join("out");
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

/// DNS rebinding: a page on `evil.example`, whose name is made to point at 127.0.0.1, asks the
/// server with its own name in `Host`. Only loopback names with the server's port are answered.
#[test]
fn the_served_page_is_only_for_loopback_names() {
    let (_watcher, address, _dir) = serving("watch-hosts", "a = 1\n\n数值 {a}。\n");
    let port = address.rsplit(':').next().unwrap();
    let ask = |host: Option<&str>, path: &str| {
        let host = host.map(|h| format!("Host: {h}\r\n")).unwrap_or_default();
        request(
            &address,
            &format!("GET {path} HTTP/1.1\r\n{host}Connection: close\r\n\r\n"),
        )
    };
    for host in [
        "evil.example".to_owned(),
        format!("evil.example:{port}"),
        format!("127.0.0.1.evil.example:{port}"),
        "127.0.0.1:1".to_owned(),
        format!("localhost.:{port}"),
    ] {
        for path in ["/", "/__version"] {
            let answer = ask(Some(&host), path);
            assert!(answer.starts_with("HTTP/1.1 403 "), "{host}: {answer}");
            assert!(!answer.contains("数值"), "{host}: {answer}");
        }
    }
    let answer = ask(None, "/");
    assert!(answer.starts_with("HTTP/1.1 403 "), "no Host: {answer}");
    let twice = request(
        &address,
        &format!(
            "GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: evil.example\r\n\
             Connection: close\r\n\r\n"
        ),
    );
    assert!(twice.starts_with("HTTP/1.1 403 "), "two Hosts: {twice}");
    for host in [
        address.clone(),
        "127.0.0.1".to_owned(),
        format!("LocalHost:{port}"),
        format!("[::1]:{port}"),
    ] {
        let answer = ask(Some(&host), "/");
        assert!(answer.starts_with("HTTP/1.1 200 "), "{host}: {answer}");
        assert!(answer.contains("数值"), "{host}: {answer}");
    }
}

/// A client that sends many requests and never reads the answers, one that never finishes its
/// request and one that sends nothing hold up neither page loads nor `/__version`.
#[test]
fn a_stalled_client_does_not_stall_the_others() {
    use std::io::Write;
    // A page of some 600 kB: the answers to the stalled client fill every buffer on the way.
    let mut text = "a = 1\n\n".to_owned();
    for i in 0..3000 {
        text.push_str(&format!(
            "第{i}段：数值 {{a}}，一段说明文字，让页面大一些。\n"
        ));
    }
    let (_watcher, address, _dir) = serving("watch-stall", &text);
    let page = format!("GET / HTTP/1.1\r\nHost: {address}\r\n\r\n");
    let mut greedy = std::net::TcpStream::connect(&address).unwrap();
    greedy.write_all(page.repeat(200).as_bytes()).unwrap();
    let mut unfinished = std::net::TcpStream::connect(&address).unwrap();
    unfinished
        .write_all(format!("GET / HTTP/1.1\r\nHost: {address}\r\n").as_bytes())
        .unwrap();
    let silent = std::net::TcpStream::connect(&address).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    for _ in 0..3 {
        let start = Instant::now();
        assert!(get(&address, "/__version").starts_with("HTTP/1.1 200 "));
        assert!(get(&address, "/").contains("第2999段"));
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "{:?}",
            start.elapsed()
        );
    }
    drop((greedy, unfinished, silent));
}

/// Runs `jues watch` on `doc` and gathers its standard error, line by line.
fn watch_counting(doc: &Path, out: &Path) -> (Watcher, std::sync::mpsc::Receiver<String>) {
    use std::io::BufRead;
    let mut child = crate::jues_command()
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
        first.iter().any(|l| l.starts_with("正在监视")),
        "the watcher starts: {first:?}"
    );
    let rebuilds = |lines: &[String]| lines.iter().filter(|l| l.contains("重新生成")).count();
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

/// A port another program holds is refused in the user's words, with what to do, and `jues
/// watch` exits 2 instead of watching without its preview.
#[test]
fn a_port_in_use_is_said_in_the_users_language() {
    let holder = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = holder.local_addr().unwrap().port().to_string();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("watch-port-in-use");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let doc = dir.join("doc.jues");
    std::fs::write(&doc, "# 标题\n\n正文。\n").unwrap();
    let out = dir.join("out");
    let output = crate::jues_command()
        .args(["watch", doc.to_str().unwrap(), "--to", "md", "-o"])
        .arg(&out)
        .args(["--serve", &port])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "错误：无法在端口 {port} 上提供网页：该端口已被其他程序占用，请换一个端口（写 0 时自动选择）"
        )),
        "{stderr}"
    );
}
