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
