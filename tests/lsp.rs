//! `jues lsp`: a session over stdio, as an editor would run it.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{ChildStdin, ChildStdout, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::Duration;

struct Client {
    stdin: ChildStdin,
    /// The server's messages, read on a thread of their own, so that a test waiting for a
    /// message that never comes fails after [`READ_TIMEOUT`] instead of hanging.
    messages: Receiver<Value>,
    notifications: Vec<Value>,
}

/// How long a test waits for the server's next message: far longer than any answer takes.
const READ_TIMEOUT: Duration = Duration::from_secs(60);

/// Reads the messages of `stdout` as they come and sends them on; ends with the stream.
fn reader(stdout: ChildStdout) -> Receiver<Value> {
    let (sender, receiver) = channel();
    std::thread::spawn(move || {
        let mut stdout = BufReader::new(stdout);
        loop {
            let mut length = None;
            loop {
                let mut line = String::new();
                if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(n) = line.strip_prefix("Content-Length: ") {
                    length = n.parse().ok();
                }
            }
            let mut body = vec![0; length.expect("a Content-Length header")];
            if stdout.read_exact(&mut body).is_err() {
                return;
            }
            let message = serde_json::from_slice(&body).expect("a JSON message");
            if sender.send(message).is_err() {
                return;
            }
        }
    });
    receiver
}

impl Client {
    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    /// The server's next message; fails the test if none comes in [`READ_TIMEOUT`].
    fn read(&mut self) -> Value {
        match self.messages.recv_timeout(READ_TIMEOUT) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => panic!(
                "the server sent nothing for {READ_TIMEOUT:?} (still waiting after: {:?})",
                self.notifications
            ),
            Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
        }
    }

    fn request(&mut self, id: u64, method: &str, params: Value) -> Value {
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let message = self.read();
            if message["id"] == id {
                return message["result"].clone();
            }
            self.notifications.push(message);
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Opens `uri` with `text` (version 1); returns the diagnostics published for it.
    fn open(&mut self, uri: &str, text: &str) -> Value {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "jues", "version": 1, "text": text } }),
        );
        self.diagnostics_for(uri)
    }

    /// The next diagnostics published.
    fn diagnostics(&mut self) -> Value {
        loop {
            if let Some(at) = self
                .notifications
                .iter()
                .position(|n| n["method"] == "textDocument/publishDiagnostics")
            {
                return self.notifications.remove(at)["params"]["diagnostics"].clone();
            }
            let message = self.read();
            self.notifications.push(message);
        }
    }
}

const URI: &str = "file:///tmp/jues-lsp-test/report.jues";

/// The parameters of a request about a place: the document `uri`, 0-based `line` and
/// `character` (UTF-16 units).
fn at(uri: &str, line: u64, character: u64) -> Value {
    json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } })
}

/// Ends a session as an editor does (`shutdown`, then `exit`); the server exits 0.
fn shut_down(mut child: std::process::Child, mut client: Client) {
    client.request(999, "shutdown", Value::Null);
    client.notify("exit", Value::Null);
    assert!(child.wait().unwrap().success());
}

/// A new empty folder `name` for a test's files.
fn fresh_dir(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_language_server_session() {
    let (child, mut client) = spawn();
    let init = client.request(
        1,
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {}, "locale": "en" }),
    );
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    client.notify("initialized", json!({}));

    let clean = "收入 = 836.78\n合计 = 收入 + 1\n\n占 {share(收入, 合计) = 99.88%}。\n";
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": URI, "languageId": "jues", "version": 1, "text": clean } }));
    assert_eq!(client.diagnostics(), json!([]), "the document checks clean");

    // An edit that makes the stated share wrong: the diagnostic is published.
    let wrong = "收入=836.78\n合计 = 收入 + 1\n\n占 {share(收入, 合计) = 99.80%}。\n";
    client.notify("textDocument/didChange", json!({ "textDocument": { "uri": URI, "version": 2 }, "contentChanges": [{ "text": wrong }] }));
    let diagnostics = client.diagnostics();
    assert_eq!(diagnostics[0]["code"], "J0201", "{diagnostics}");
    assert_eq!(diagnostics[0]["range"]["start"]["line"], 3);

    // Hover on a figure: its value, unit and precision.
    let hover = client.request(
        2,
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": { "line": 1, "character": 6 } }),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(
        text.contains("收入") && text.contains("836.78万元") && text.contains("836.775"),
        "{text}"
    );
    // Hover on an interpolation: the computed value.
    let hover = client.request(
        3,
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": { "line": 3, "character": 4 } }),
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("99.8806"),
        "{hover}"
    );

    // Go to the definition of `收入` from its use on line 2.
    let definition = client.request(
        4,
        "textDocument/definition",
        json!({ "textDocument": { "uri": URI }, "position": { "line": 1, "character": 5 } }),
    );
    assert_eq!(definition["uri"], URI);
    assert_eq!(definition["range"]["start"]["line"], 0);

    let completion = client.request(
        5,
        "textDocument/completion",
        json!({ "textDocument": { "uri": URI }, "position": { "line": 3, "character": 0 } }),
    );
    let labels: Vec<&str> = completion
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"收入") && labels.contains(&"share") && labels.contains(&"208"),
        "{labels:?}"
    );

    let formatting = client.request(6, "textDocument/formatting", json!({ "textDocument": { "uri": URI }, "options": { "tabSize": 2, "insertSpaces": true } }));
    assert!(
        formatting[0]["newText"]
            .as_str()
            .unwrap()
            .starts_with("收入 = 836.78\n"),
        "{formatting}"
    );

    let actions = client.request(
        7,
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": URI }, "range": diagnostics[0]["range"], "context": { "diagnostics": diagnostics } }),
    );
    assert_eq!(actions[0]["title"], "write `99.88%`", "{actions}");
    let edit = &actions[0]["edit"]["changes"][URI][0];
    assert_eq!(edit["newText"], "99.88%");

    let symbols = client.request(
        8,
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": URI } }),
    );
    assert!(symbols
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["name"] == "收入"));

    shut_down(child, client);
}

impl Client {
    /// The next diagnostics published for `uri` (those for other documents are dropped).
    fn diagnostics_for(&mut self, uri: &str) -> Value {
        loop {
            if let Some(at) = self.notifications.iter().position(|n| {
                n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri
            }) {
                return self.notifications.remove(at)["params"]["diagnostics"].clone();
            }
            let message = self.read();
            self.notifications.push(message);
        }
    }
}

/// Starts `jues lsp`.
fn spawn() -> (std::process::Child, Client) {
    spawn_with(&[])
}

/// Starts `jues lsp` with `env` set.
fn spawn_with(env: &[(&str, &str)]) -> (std::process::Child, Client) {
    let mut child = crate::jues_command()
        .arg("lsp")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let client = Client {
        stdin: child.stdin.take().unwrap(),
        messages: reader(child.stdout.take().unwrap()),
        notifications: Vec::new(),
    };
    (child, client)
}

/// Starts `jues lsp` and goes through `initialize`.
fn start() -> (std::process::Child, Client) {
    initialized(spawn())
}

fn initialized(
    (child, mut client): (std::process::Child, Client),
) -> (std::process::Child, Client) {
    client.request(
        1,
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {}, "locale": "en" }),
    );
    client.notify("initialized", json!({}));
    (child, client)
}

/// A document imports one that is open in the editor and was never saved: the import is read
/// from the buffer, and an edit of that buffer checks the importing document again.
#[test]
fn an_import_is_read_from_an_unsaved_buffer() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("lsp-unsaved");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("2019")).unwrap();
    let last = format!("file://{}/2018/report.jues", dir.display());
    let this = format!("file://{}/2019/report.jues", dir.display());
    assert!(
        !dir.join("2018/report.jues").exists(),
        "last year's file is not on disk"
    );
    let (child, mut client) = start();
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": last, "languageId": "jues", "version": 1, "text": "收支总计 = 1084.35\n" } }));
    assert_eq!(client.diagnostics_for(&last), json!([]));

    let report = "导入 \"../2018/report.jues\" 为 上年\n收支总计 = 1149.45\n\n增长 {growth(收支总计, 上年.收支总计) = 6%}。\n";
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": this, "languageId": "jues", "version": 1, "text": report } }));
    assert_eq!(
        client.diagnostics_for(&this),
        json!([]),
        "the import is read from the unsaved buffer"
    );

    // Last year's figure changes in its buffer: this year's statement is checked again.
    client.notify("textDocument/didChange", json!({ "textDocument": { "uri": last, "version": 2 }, "contentChanges": [{ "text": "收支总计 = 1000\n" }] }));
    assert_eq!(client.diagnostics_for(&last), json!([]));
    let diagnostics = client.diagnostics_for(&this);
    assert_eq!(diagnostics[0]["code"], "J0201", "{diagnostics}");

    shut_down(child, client);
}

/// A finding in a data file is shown in the editor at the `来自` that reads it, headed by its
/// cell: the editor has the document open, not the workbook.
#[test]
fn a_data_files_findings_are_shown_at_its_from() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("lsp-data");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("2019")).unwrap();
    std::fs::write(
        dir.join("2019/支出.csv"),
        "科目编码,科目名称,决算数\n合计,,900\n201,一般公共服务支出,656.63\n208,社会保障和就业支出,\"180,15\"\n",
    )
    .unwrap();
    let uri = format!("file://{}/2019/report.jues", dir.display());
    let (child, mut client) = start();
    let report = "表 支出 \"支出决算表\" 来自 \"支出.csv\" {\n  列 决算数: 金额\n}\n";
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri, "languageId": "jues", "version": 1, "text": report } }));
    let diagnostics = client.diagnostics_for(&uri);
    let messages: Vec<&str> = diagnostics
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("支出.csv!C4: `180,15` is not a number")),
        "{diagnostics}"
    );
    assert!(
        messages.iter().any(|m| m.starts_with("C2: the total row")),
        "{diagnostics}"
    );
    for d in diagnostics.as_array().unwrap() {
        assert_eq!(d["range"]["start"]["line"], 0, "{d}");
    }
    shut_down(child, client);
}

/// A diagnostic's places in other files are its related information there: a row of the
/// imported report at its line in that file, a cell of a data file at the `来自` that reads
/// it, named by the cell.
#[test]
fn related_places_in_other_files_are_shown_there() {
    let cases = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let dir = fresh_dir("lsp-related");
    std::fs::create_dir_all(dir.join("data")).unwrap();
    std::fs::copy(
        cases.join("table/data/2018.jues"),
        dir.join("data/2018.jues"),
    )
    .unwrap();
    std::fs::copy(cases.join("data/导出.csv"), dir.join("导出.csv")).unwrap();
    let (child, mut client) = start();

    let uri = format!("file://{}/report.jues", dir.display());
    let text = std::fs::read_to_string(cases.join("table/code_two_names.jues")).unwrap();
    let diagnostics = client.open(&uri, &text);
    let last_year = format!("file://{}/data/2018.jues", dir.display());
    let related: Vec<&Value> = diagnostics
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["relatedInformation"].as_array())
        .flatten()
        .filter(|r| r["location"]["uri"] == last_year.as_str())
        .collect();
    assert_eq!(related.len(), 1, "{diagnostics}");
    // `2080109 "社会保险经办机构"` is on the twelfth line of last year's report.
    assert_eq!(related[0]["location"]["range"]["start"]["line"], 11);
    assert!(
        related[0]["message"]
            .as_str()
            .unwrap()
            .ends_with("of last year's report"),
        "{diagnostics}"
    );

    let uri = format!("file://{}/exported.jues", dir.display());
    let text = std::fs::read_to_string(cases.join("data/exported_total.jues")).unwrap();
    let diagnostics = client.open(&uri, &text);
    let total = diagnostics
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "J0301")
        .unwrap_or_else(|| panic!("{diagnostics}"));
    let from = total["range"].clone();
    let related = total["relatedInformation"].as_array().unwrap();
    let messages: Vec<&str> = related
        .iter()
        .map(|r| r["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages, ["A6", "A7"], "{total}");
    for r in related {
        assert_eq!(r["location"]["uri"], uri.as_str());
        assert_eq!(r["location"]["range"], from, "at the `来自` of the table");
    }
    shut_down(child, client);
}

/// A bare name inside a group is that group's figure: hover, definition and references answer
/// `支出.合计` for the `合计` of `组 支出`, not `收入.合计`, and references include the
/// declaration.
#[test]
fn a_bare_name_in_a_group_is_that_groups_figure() {
    let uri = "file:///tmp/jues-lsp-groups/report.jues";
    let text = "组 收入 {\n  财政拨款 = 836.78\n  合计 = 财政拨款\n}\n组 支出 {\n  基本 = 819.40\n  合计 = 基本\n  余额 = 收入.合计 - 合计\n}\n\n支出 {支出.合计}。\n";
    let (child, mut client) = start();
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "jues", "version": 1, "text": text } }),
    );
    assert_eq!(client.diagnostics_for(uri), json!([]));
    // The bare `合计` at the end of line 8 (`  余额 = 收入.合计 - 合计`).
    let at = at(uri, 7, 17);
    let hover = client.request(2, "textDocument/hover", at.clone());
    let shown = hover["contents"]["value"].as_str().unwrap_or("").to_owned();
    assert!(shown.contains("**支出.合计** = 819.4"), "{hover}");
    let definition = client.request(3, "textDocument/definition", at.clone());
    assert_eq!(definition["range"]["start"]["line"], 6, "{definition}");
    // `收入.合计` on the same line is the other figure.
    let other =
        json!({ "textDocument": { "uri": uri }, "position": { "line": 7, "character": 9 } });
    let definition = client.request(4, "textDocument/definition", other);
    assert_eq!(definition["range"]["start"]["line"], 2, "{definition}");

    let mut params = at;
    params["context"] = json!({ "includeDeclaration": true });
    let references = client.request(5, "textDocument/references", params);
    let lines: Vec<u64> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["range"]["start"]["line"].as_u64().unwrap())
        .collect();
    // The declaration (line 7), the use in 余额 (line 8) and `{支出.合计}` (line 11); never
    // `收入.合计`'s lines.
    assert_eq!(lines, [6, 7, 10], "{references}");

    shut_down(child, client);
}

/// Twenty changes sent at once are coalesced (what queued behind a compilation is compiled
/// once, for its last text), and the diagnostics published for the last version are the last
/// text's.
#[test]
fn a_burst_of_changes_is_compiled_for_the_last_text() {
    let uri = "file:///tmp/jues-lsp-burst/report.jues";
    let report = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/lusong-hrss-2019/report.jues"),
    )
    .unwrap();
    let (child, mut client) = start();
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri, "languageId": "jues", "version": 1, "text": report } }));
    client.diagnostics_for(uri);
    for version in 2..=21 {
        let mut text = report.clone();
        if version == 21 {
            text.push_str("\n占 {share(收入.财政拨款, 收入.合计) = 72.81%}。\n");
        }
        client.notify("textDocument/didChange", json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] }));
    }
    // Publishes until the one for the last version: how many compilations the burst took.
    let mut published = 0;
    let last = loop {
        let message = client.read();
        if message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri
        {
            published += 1;
            if message["params"]["version"] == 21 {
                break message;
            }
        }
    };
    assert!(
        last["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "J0201"),
        "the last publish is the last text's: {last}"
    );
    // Without coalescing each of the 20 is compiled; how the changes group depends on how fast
    // the client writes them and the server compiles, so only a bound is certain.
    assert!(
        published <= 10,
        "{published} compilations for a burst of 20 changes"
    );
    shut_down(child, client);
}

/// After edits that move, add and remove lines (the server parses again only what an edit
/// touched), the diagnostics are those of a fresh document with the same text, and they are
/// published with the document's version.
#[test]
fn edits_are_checked_as_a_fresh_document_is() {
    let uri = "file:///tmp/jues-lsp-edits/report.jues";
    let report = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/lusong-hrss-2019/report.jues"),
    )
    .unwrap();
    let edits: Vec<String> = vec![
        // A wrong share at the end, then lines put in at the top: every span moves.
        format!("{report}\n占 {{share(收入.财政拨款, 收入.合计) = 72.81%}}。\n"),
        format!("// 新的一行\n\n{report}\n占 {{share(收入.财政拨款, 收入.合计) = 72.81%}}。\n"),
        // A figure changed in the middle, and a broken line after it.
        format!(
            "// 新的一行\n\n{}\n占 {{收入.合计 = }}\n",
            report.replacen("836.78", "836.79", 1)
        ),
        report.clone(),
    ];
    let (child, mut client) = start();
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri, "languageId": "jues", "version": 1, "text": report } }));
    client.diagnostics_for(uri);
    for (i, text) in edits.iter().enumerate() {
        let version = i + 2;
        client.notify("textDocument/didChange", json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] }));
        let published = loop {
            let message = client.read();
            if message["method"] == "textDocument/publishDiagnostics" {
                break message;
            }
        };
        assert_eq!(published["params"]["version"], version);

        let (fresh_child, mut fresh) = start();
        fresh.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri, "languageId": "jues", "version": 1, "text": text } }));
        let expected = fresh.diagnostics_for(uri);
        assert_eq!(
            published["params"]["diagnostics"],
            expected,
            "after edit {}",
            i + 1
        );
        shut_down(fresh_child, fresh);
    }
    shut_down(child, client);
}

impl Client {
    fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    /// The answer to request `id`, whole (`result` or `error`).
    fn answer(&mut self, id: u64, method: &str, params: Value) -> Value {
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let message = self.read();
            if message["id"] == id {
                return message;
            }
            self.notifications.push(message);
        }
    }
}

/// What no editor should send, and the server is not stopped by: a length of a petabyte (it
/// is not allocated; the editor is told), header lines that are not headers, a body that is
/// not JSON. A request after each is answered.
#[test]
fn hostile_messages_do_not_stop_the_server() {
    let uri = "file:///tmp/jues-lsp-hostile/report.jues";
    let (child, mut client) = start();
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri, "languageId": "jues", "version": 1, "text": "收入 = 1\n" } }));
    assert_eq!(client.diagnostics_for(uri), json!([]));
    let symbols = json!({ "textDocument": { "uri": uri } });

    client.send_raw(b"Content-Length: 1000000000000000\r\n\r\n");
    let answer = client.request(2, "textDocument/documentSymbol", symbols.clone());
    assert_eq!(answer[0]["name"], "收入", "{answer}");
    let shown = client
        .notifications
        .iter()
        .find(|n| n["method"] == "window/showMessage")
        .unwrap_or_else(|| panic!("the editor is told: {:?}", client.notifications));
    let shown = shown["params"]["message"].as_str().unwrap();
    assert!(shown.contains("over the limit of 64 MiB"), "{shown}");

    client.send_raw(b"Content-Type: x\r\nnot a header\r\n\r\n\x00\xff{}\n");
    let answer = client.request(3, "textDocument/documentSymbol", symbols.clone());
    assert_eq!(answer[0]["name"], "收入", "{answer}");

    client.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    let error = client.read();
    assert_eq!(error["id"], Value::Null, "{error}");
    assert_eq!(error["error"]["code"], -32700, "{error}");
    let answer = client.request(4, "textDocument/documentSymbol", symbols);
    assert_eq!(answer[0]["name"], "收入", "{answer}");

    shut_down(child, client);
}

/// A panic while compiling a document or answering a request is caught for that message: the
/// document gets a diagnostic saying so, the request an error answer, and the server goes on.
/// `JUES_TEST_PANIC` makes the server panic on a text that contains it and on a request of
/// that method.
#[test]
fn a_panic_is_caught_for_its_message() {
    let uri = "file:///tmp/jues-lsp-panic/report.jues";
    let marker = "textDocument/hover";
    let (child, mut client) = initialized(spawn_with(&[("JUES_TEST_PANIC", marker)]));
    let text = format!("收入 = 1\n// {marker}\n");
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "jues", "version": 1, "text": text } }),
    );
    let diagnostics = client.diagnostics_for(uri);
    assert_eq!(diagnostics.as_array().unwrap().len(), 1, "{diagnostics}");
    let message = diagnostics[0]["message"].as_str().unwrap();
    assert!(
        message.contains("jues failed inside while checking this document")
            && message.contains("a bug in jues"),
        "{message}"
    );
    assert_eq!(diagnostics[0]["severity"], 1);
    let symbols = json!({ "textDocument": { "uri": uri } });
    let answer = client.answer(2, "textDocument/documentSymbol", symbols.clone());
    assert_eq!(answer["result"], Value::Null, "nothing compiled: {answer}");

    // The next edit is compiled as if nothing had happened.
    client.notify("textDocument/didChange", json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "text": "收入 = 1\n合计 = 收入\n" }] }));
    assert_eq!(client.diagnostics_for(uri), json!([]));
    let at = at(uri, 1, 5);
    let answer = client.answer(3, marker, at);
    assert_eq!(answer["error"]["code"], -32603, "{answer}");
    let error = answer["error"]["message"].as_str().unwrap();
    assert!(error.contains("a bug in jues"), "{error}");
    let answer = client.answer(4, "textDocument/documentSymbol", symbols);
    assert_eq!(answer["result"][1]["name"], "合计", "{answer}");

    shut_down(child, client);
}

/// The server speaks the editor's language (`initialize.locale`), else the environment's, else
/// Chinese: the message, its help and the quick fix's title.
#[test]
fn the_editors_locale_chooses_the_language() {
    let wrong = "收入 = 836.78\n合计 = 收入 + 1\n\n占 {share(收入, 合计) = 99.80%}。\n";
    let uri = "file:///tmp/jues-lsp-locale/report.jues";
    for (locale, env, help) in [
        (Some("zh-cn"), None, "建议："),
        (Some("en"), Some("zh_CN.UTF-8"), "help: write `99.88%`"),
        (None, Some("en_US.UTF-8"), "help: write `99.88%`"),
        (None, None, "建议："),
    ] {
        let env: Vec<(&str, &str)> = env.iter().map(|v| ("LANG", *v)).collect();
        let (mut child, mut client) = spawn_with(&env);
        let mut params = json!({ "processId": null, "rootUri": null, "capabilities": {} });
        if let Some(locale) = locale {
            params["locale"] = json!(locale);
        }
        client.request(1, "initialize", params);
        client.notify("initialized", json!({}));
        client.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "jues", "version": 1, "text": wrong } }),
        );
        let diagnostics = client.diagnostics_for(uri);
        let message = diagnostics[0]["message"].as_str().unwrap();
        assert!(message.contains(help), "{locale:?} {env:?}: {message}");
        client.request(2, "shutdown", json!(null));
        client.notify("exit", json!(null));
        assert!(child.wait().unwrap().success());
    }
}

/// The quick fixes come from the fix each diagnostic carries, not from its help's words: a
/// stated value in the wrong unit (J0204: "did you mean `214.12万元`?") and a misspelt name
/// (J0101) are each fixed by their action, and the fixed text checks clean. The figure the
/// value is computed from is the diagnostic's related information.
#[test]
fn quick_fixes_write_what_the_help_suggests() {
    let (child, mut client) = start();
    let documents = [
        (
            "J0204",
            "报告 \"政府采购\" {\n  金额单位 万元\n}\n采购.总额 = 214.12\n\n总额 {采购.总额 = 214.12元}。\n",
            "214.12万元",
        ),
        ("J0101", "收入 = 836.78\n\n收入 {收人}。\n", "收入"),
    ];
    for (version, (code, text, replacement)) in documents.into_iter().enumerate() {
        let version = version as i64 + 1;
        client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": URI, "languageId": "jues", "version": version, "text": text } }));
        let diagnostics = client.diagnostics();
        assert_eq!(diagnostics[0]["code"], code, "{diagnostics}");
        let actions = client.request(
            10 + version as u64,
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": URI }, "range": diagnostics[0]["range"], "context": { "diagnostics": diagnostics } }),
        );
        assert_eq!(
            actions[0]["title"],
            format!("write `{replacement}`"),
            "{actions}"
        );
        let edit = &actions[0]["edit"]["changes"][URI][0];
        assert_eq!(edit["newText"], replacement);
        let fixed = apply(text, &edit["range"], replacement);
        client.notify("textDocument/didChange", json!({ "textDocument": { "uri": URI, "version": version + 10 }, "contentChanges": [{ "text": fixed }] }));
        assert_eq!(client.diagnostics(), json!([]), "{code}: {fixed}");
        client.notify(
            "textDocument/didClose",
            json!({ "textDocument": { "uri": URI } }),
        );
        let _ = client.diagnostics();
    }

    // Each diagnostic links to its explanation, a page `jues explain` would print.
    let href = diagnostics_of_j0101_link(&mut client);
    let page = url::Url::parse(&href).unwrap().to_file_path().unwrap();
    assert!(page.starts_with(std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache")));
    let explain = crate::jues_command()
        .args(["explain", "J0101", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(std::fs::read(&page).unwrap(), explain.stdout, "{href}");

    let wrong = "收入 = 836.78\n合计 = 收入 + 1\n\n占 {share(收入, 合计) = 99.80%}。\n";
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": URI, "languageId": "jues", "version": 30, "text": wrong } }));
    let diagnostics = client.diagnostics();
    let related = &diagnostics[0]["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], URI, "{diagnostics}");
    assert_eq!(related["location"]["range"]["start"]["line"], 3);
    assert_eq!(related["message"], "computed from this", "{diagnostics}");

    shut_down(child, client);
}

/// The explanation link (`codeDescription`) of the J0101 of a document that misspells a
/// name.
fn diagnostics_of_j0101_link(client: &mut Client) -> String {
    let uri = "file:///tmp/jues-lsp-explain/report.jues";
    let diagnostics = client.open(uri, "收入 = 836.78\n\n收入 {收人}。\n");
    assert_eq!(diagnostics[0]["code"], "J0101", "{diagnostics}");
    diagnostics[0]["codeDescription"]["href"]
        .as_str()
        .unwrap_or_else(|| panic!("no codeDescription: {diagnostics}"))
        .to_owned()
}

/// `text` with `replacement` over `range` (LSP positions: lines, UTF-16 characters).
fn apply(text: &str, range: &Value, replacement: &str) -> String {
    let offset = |position: &Value| {
        let line = position["line"].as_u64().unwrap() as usize;
        let character = position["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= character {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let (start, end) = (offset(&range["start"]), offset(&range["end"]));
    format!("{}{replacement}{}", &text[..start], &text[end..])
}

/// An editor that closes the server's input after `shutdown`, without sending `exit`, ends a
/// session that went well: the server exits 0.
#[test]
fn closed_input_after_shutdown_exits_0() {
    let (mut child, mut client) = start();
    client.request(2, "shutdown", Value::Null);
    drop(client);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

/// Completion offers what starts with the word typed so far, and replaces that word: after
/// `{收入.财` only `收入.财政拨款`, not the other figures, functions or codes.
#[test]
fn completion_is_filtered_by_what_is_typed() {
    let (child, mut client) = start();
    let text = "收入.财政拨款 = 836.78\n收入.其他 = 312.67\n\n本年 {收入.财";
    client.open(URI, text);
    let completion = client.request(
        2,
        "textDocument/completion",
        json!({ "textDocument": { "uri": URI }, "position": { "line": 3, "character": 8 } }),
    );
    let labels: Vec<&str> = completion
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["收入.财政拨款"], "{completion}");
    let edit = &completion[0]["textEdit"];
    assert_eq!(edit["range"]["start"], json!({ "line": 3, "character": 4 }));
    assert_eq!(edit["range"]["end"], json!({ "line": 3, "character": 8 }));
    assert_eq!(edit["newText"], "收入.财政拨款");
    shut_down(child, client);
}

/// An editor that can watch files is asked to watch what documents read; when a data file
/// changes on disk, the document that reads it is checked again: fixing the CSV clears its
/// finding without touching the document.
#[test]
fn a_changed_data_file_checks_its_document_again() {
    let dir = fresh_dir("lsp-watched");
    let csv = dir.join("支出.csv");
    std::fs::write(
        &csv,
        "科目编码,科目名称,决算数\n201,一般公共服务支出,\"180,15\"\n",
    )
    .unwrap();
    let uri = format!("file://{}/report.jues", dir.display());
    let (child, mut client) = spawn();
    let capabilities =
        json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } });
    client.request(
        1,
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": capabilities, "locale": "en" }),
    );
    client.notify("initialized", json!({}));
    let report = "表 支出 \"支出决算表\" 来自 \"支出.csv\" {\n  列 决算数: 金额\n}\n";
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri, "languageId": "jues", "version": 1, "text": report } }));
    let before = client.diagnostics_for(&uri);
    assert!(before.to_string().contains("is not a number"), "{before}");
    let registration = client
        .notifications
        .iter()
        .find(|m| m["method"] == "client/registerCapability")
        .cloned()
        .expect("the server asks to watch files");
    let watcher = &registration["params"]["registrations"][0];
    assert_eq!(watcher["method"], "workspace/didChangeWatchedFiles");
    assert!(watcher["registerOptions"]["watchers"][0]["globPattern"]
        .as_str()
        .unwrap()
        .contains("csv"));
    client.send(json!({ "jsonrpc": "2.0", "id": registration["id"], "result": null }));

    std::fs::write(
        &csv,
        "科目编码,科目名称,决算数\n201,一般公共服务支出,180.15\n",
    )
    .unwrap();
    let changed = format!("file://{}", csv.display());
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": changed, "type": 2 }] }),
    );
    let after = client.diagnostics_for(&uri);
    assert!(!after.to_string().contains("is not a number"), "{after}");
    shut_down(child, client);
}

/// Hover on a table cell: its table, row and column, the value as the table shows it, the
/// exact value it stands for and its precision; on a row's code, its computed cells with
/// their formula.
#[test]
fn hover_on_a_table_cell() {
    let (child, mut client) = start();
    let text = "表 支出 \"支出决算表\" {\n  科目 功能分类\n  列 年初预算: 金额, 决算数: 金额, 差额 = 决算数 - 年初预算\n  2010301 \"行政运行\" 280 281.85\n}\n";
    client.open(URI, text);
    let cell = client.request(2, "textDocument/hover", at(URI, 3, 23));
    let value = cell["contents"]["value"].as_str().unwrap_or_default();
    assert_eq!(
        value,
        "table `支出` · 2010301 行政运行 · 决算数: **281.85万元**\n\n\
         exact: 281.85万元\n\nprecision: [281.845, 281.855] 万元",
        "{cell}"
    );
    assert_eq!(
        cell["range"]["start"],
        json!({ "line": 3, "character": 21 })
    );

    // `280` is exact (a number without decimals), so the difference is as precise as 281.85.
    let row = client.request(3, "textDocument/hover", at(URI, 3, 4));
    let value = row["contents"]["value"].as_str().unwrap_or_default();
    assert_eq!(
        value,
        "table `支出` · 2010301 行政运行\n\n差额 = `决算数 - 年初预算`: **1.85万元**  \n\
         exact: 1.85万元  \nprecision: [1.845, 1.855] 万元",
        "{row}"
    );
    assert_eq!(row["range"]["start"], json!({ "line": 3, "character": 2 }));
    shut_down(child, client);
}

/// Go to definition of a table (`sum(支出.决算数)`) lands on its declaration's name; of a row
/// (`支出[2010301].决算数`), on the row.
#[test]
fn definition_of_tables_and_rows() {
    let (child, mut client) = start();
    let text = "表 支出 \"支出决算表\" {\n  科目 功能分类\n  列 决算数: 金额\n  2010301 \"行政运行\" 281.85\n  2010601 \"行政运行\" 3.31\n}\n\n合计 {sum(支出.决算数)}，其中行政运行 {支出[2010301].决算数}。\n";
    client.open(URI, text);
    let table = client.request(2, "textDocument/definition", at(URI, 7, 9));
    assert_eq!(
        table["range"]["start"],
        json!({ "line": 0, "character": 2 }),
        "{table}"
    );
    let row = client.request(3, "textDocument/definition", at(URI, 7, 25));
    assert_eq!(
        row["range"]["start"],
        json!({ "line": 3, "character": 2 }),
        "{row}"
    );
    shut_down(child, client);
}
