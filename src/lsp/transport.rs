//! The language server's messages over stdin and stdout, framed as the protocol says
//! (`Content-Length: N`, a blank line, N bytes of JSON) and read here rather than by
//! `lsp-server`, whose reader allocates whatever length a header claims and stops at the first
//! malformed header.
//!
//! No input stops the reader: a message over [`MAX_MESSAGE`] is not read but skipped (the
//! editor is told), bytes that are not a header are skipped up to the next line that ends in a
//! `Content-Length` header (a JSON body has no raw line break inside a string and no bare word,
//! so such a line can only be a header), and a body that is not a message is answered with the
//! JSON-RPC error for it. Header lines are read keeping at most their last [`TAIL`] bytes, so
//! memory stays bounded whatever arrives. The reader ends at the end of the input.

use lsp_server::{Connection, Message};
use serde_json::{json, Value};
use std::io::{BufRead, Read, Write};

/// The largest message read: a document of 64 MiB is far beyond any report.
pub(super) const MAX_MESSAGE: u64 = 64 * 1024 * 1024;
/// How much of a header line is kept: the end of a line is where a `Content-Length` is found.
const TAIL: usize = 256;

/// The server's end of a connection whose other end reads stdin and writes stdout on threads
/// of their own, and the writer thread: join it after dropping the connection, so that every
/// message sent is written. The reader thread is left to end with the process (it may wait on
/// stdin for ever).
pub(super) fn stdio() -> (Connection, std::thread::JoinHandle<()>) {
    let (server, client) = Connection::memory();
    let Connection {
        sender: to_server,
        receiver: from_server,
    } = client;
    std::thread::spawn(move || {
        let stdin = std::io::stdin();
        read_messages(
            &mut stdin.lock(),
            |message| to_server.send(message).is_ok(),
            |answer| write_raw(&answer),
        );
    });
    let writer = std::thread::spawn(move || {
        for message in from_server {
            if write(&message).is_err() {
                break;
            }
        }
    });
    (server, writer)
}

/// Writes one message to stdout, whole: stdout is locked for it, so that what the reader thread
/// answers itself never lands inside another message.
fn write(message: &Message) -> std::io::Result<()> {
    message.write(&mut std::io::stdout().lock())
}

/// Writes a JSON-RPC message to stdout, whole; one that `lsp_server::Message` cannot hold,
/// such as an error answer with a null id.
fn write_raw(value: &Value) {
    let text = value.to_string();
    let mut out = std::io::stdout().lock();
    let _ = write!(out, "Content-Length: {}\r\n\r\n{text}", text.len());
    let _ = out.flush();
}

/// Reads messages from `input` and gives each to `deliver` until the input ends or `deliver`
/// returns false. What is not a message is skipped and reported on stderr, and `answer` is
/// given what to send the editor about it: an error answer, or a message to show.
pub(super) fn read_messages(
    input: &mut impl BufRead,
    mut deliver: impl FnMut(Message) -> bool,
    mut answer: impl FnMut(Value),
) {
    loop {
        let frame = match read_frame(input) {
            Ok(frame) => frame,
            Err(e) => {
                eprintln!("jues lsp: cannot read the input: {e}");
                return;
            }
        };
        if frame.skipped > 0 {
            eprintln!(
                "jues lsp: skipped {} bytes that were not a message header",
                frame.skipped
            );
        }
        match frame.body {
            Body::End => return,
            Body::TooLarge(length) => {
                let text = format!(
                    "the editor sent a message of {length} bytes, over the limit of 64 MiB \
                     ({MAX_MESSAGE} bytes); it was skipped (a document that large cannot be \
                     checked)"
                );
                eprintln!("jues lsp: {text}");
                answer(json!({
                    "jsonrpc": "2.0",
                    "method": "window/showMessage",
                    "params": { "type": 1, "message": format!("jues: {text}") },
                }));
            }
            Body::Message(bytes) => match serde_json::from_slice::<Message>(&bytes) {
                Ok(message) => {
                    if !deliver(message) {
                        return;
                    }
                }
                Err(e) => answer(rejection(&bytes, &e)),
            },
        }
    }
}

/// The answer to a body that is not a message: a parse error when it is not JSON, an invalid
/// request otherwise, with the request's id when it has one.
fn rejection(bytes: &[u8], error: &serde_json::Error) -> Value {
    let (code, what, id) = match serde_json::from_slice::<Value>(bytes) {
        Err(_) => (-32700, "not JSON", Value::Null),
        Ok(value) => {
            let id = match value.get("id") {
                Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
                _ => Value::Null,
            };
            (-32600, "not a request, notification or response", id)
        }
    };
    let text = format!("a message from the editor is {what}: {error}");
    eprintln!("jues lsp: {text}");
    json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": format!("jues: {text}") } })
}

/// A message's place in the input: what came before it that was skipped, and its body.
struct Frame {
    skipped: u64,
    body: Body,
}

enum Body {
    /// The input ended.
    End,
    /// A header gave this length, over [`MAX_MESSAGE`]; the body is left in the input, to be
    /// skipped as bytes that are not a header.
    TooLarge(u64),
    Message(Vec<u8>),
}

/// Reads the next header and, unless it is too large, its body.
fn read_frame(input: &mut impl BufRead) -> std::io::Result<Frame> {
    let mut skipped: u64 = 0;
    let mut length: Option<u64> = None;
    loop {
        let Some(line) = read_line(input)? else {
            return Ok(Frame {
                skipped,
                body: Body::End,
            });
        };
        let text = line.tail.strip_suffix(b"\r").unwrap_or(&line.tail);
        let whole = line.length == line.tail.len() as u64;
        if whole && text.is_empty() {
            match length {
                Some(length) if length > MAX_MESSAGE => {
                    return Ok(Frame {
                        skipped,
                        body: Body::TooLarge(length),
                    })
                }
                Some(length) => {
                    let mut body = Vec::new();
                    input.take(length).read_to_end(&mut body)?;
                    let body = if body.len() as u64 == length {
                        Body::Message(body)
                    } else {
                        Body::End
                    };
                    return Ok(Frame { skipped, body });
                }
                // A blank line with no length before it.
                None => skipped += line.length + 1,
            }
        } else if let Some((before, n)) = content_length(text) {
            // Whatever stood before the header on its line was not a header.
            skipped += line.length - (line.tail.len() - before) as u64;
            length = Some(n);
        } else if !(whole && is_header(text)) {
            skipped += line.length + 1;
        }
    }
}

/// A line of the input: its length (without the `\n`) and its last [`TAIL`] bytes.
struct Line {
    length: u64,
    tail: Vec<u8>,
}

/// Reads up to and past the next `\n`, keeping only the line's end; `None` at the end of the
/// input (a last line without `\n` is not a header either).
fn read_line(input: &mut impl BufRead) -> std::io::Result<Option<Line>> {
    let mut line = Line {
        length: 0,
        tail: Vec::new(),
    };
    loop {
        let buffer = match input.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buffer.is_empty() {
            return Ok(None);
        }
        let (part, done) = match buffer.iter().position(|&b| b == b'\n') {
            Some(end) => (buffer.split_at(end).0, true),
            None => (buffer, false),
        };
        line.length += part.len() as u64;
        line.tail.extend_from_slice(part);
        if line.tail.len() > TAIL {
            line.tail.drain(..line.tail.len() - TAIL);
        }
        let used = part.len() + usize::from(done);
        input.consume(used);
        if done {
            return Ok(Some(line));
        }
    }
}

/// Where a `Content-Length: N` header starts in `line` and N, when the line ends with one
/// (the name in any case, N saturating at `u64::MAX`).
fn content_length(line: &[u8]) -> Option<(usize, u64)> {
    const NAME: &[u8] = b"content-length:";
    let lower = line.to_ascii_lowercase();
    let start = lower.windows(NAME.len()).rposition(|w| w == NAME)?;
    let value = lower.get(start + NAME.len()..)?;
    let value = value.trim_ascii();
    if value.is_empty() || !value.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = value.iter().fold(0u64, |n, d| {
        n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    });
    Some((start, n))
}

/// Whether `line` is a header, `Name: value` (as `Content-Type` is), to be passed over.
fn is_header(line: &[u8]) -> bool {
    let Some(colon) = line.iter().position(|&b| b == b':') else {
        return false;
    };
    let name = line.split_at(colon).0;
    !name.is_empty()
        && name
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"-_".contains(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    /// The methods of the messages read from `input`, and the answers the reader gave itself.
    fn read(input: impl Read) -> (Vec<String>, Vec<Value>) {
        let mut methods = Vec::new();
        let mut answers = Vec::new();
        read_messages(
            &mut std::io::BufReader::new(input),
            |message| {
                methods.push(match message {
                    Message::Request(r) => r.method,
                    Message::Notification(n) => n.method,
                    Message::Response(_) => "response".to_owned(),
                });
                true
            },
            |answer| answers.push(answer),
        );
        (methods, answers)
    }

    fn methods(input: &str) -> Vec<String> {
        read(input.as_bytes()).0
    }

    const A: &str = r#"{"jsonrpc":"2.0","id":1,"method":"a"}"#;
    const B: &str = r#"{"jsonrpc":"2.0","method":"b"}"#;

    #[test]
    fn messages_are_read_in_order() {
        let input = format!(
            "{}Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n{}",
            frame(A),
            frame(B)
        );
        assert_eq!(methods(&input), ["a", "b"]);
    }

    #[test]
    fn a_huge_length_is_skipped_and_the_next_message_read() {
        // The claimed body never comes: the next header is found at the end of a line.
        let input = format!("Content-Length: 1000000000000000\r\n\r\n{}", frame(A));
        let (methods, answers) = read(input.as_bytes());
        assert_eq!(methods, ["a"]);
        assert_eq!(answers.len(), 1, "{answers:?}");
        assert_eq!(answers[0]["method"], "window/showMessage");
        let shown = answers[0]["params"]["message"].as_str().unwrap();
        assert!(
            shown.contains("1000000000000000 bytes, over the limit of 64 MiB"),
            "{shown}"
        );

        let input = format!(
            "Content-Length: 99999999999999999999999999\r\n\r\n{}",
            frame(A)
        );
        assert_eq!(read(input.as_bytes()).0, ["a"]);
    }

    #[test]
    fn a_body_over_the_limit_is_passed_over() {
        let size = MAX_MESSAGE + 1;
        let start = r#"{"jsonrpc":"2.0","method":"big","params":""#;
        let end = r#""}"#;
        let head = format!(
            "Content-Length: {}\r\n\r\n{start}",
            start.len() as u64 + size + end.len() as u64
        );
        let tail = format!("{end}{}", frame(B));
        let input = head
            .as_bytes()
            .chain(std::io::repeat(b'x').take(size))
            .chain(tail.as_bytes());
        let (methods, answers) = read(input);
        assert_eq!(methods, ["b"]);
        assert_eq!(answers.len(), 1, "{answers:?}");
    }

    #[test]
    fn garbage_is_skipped_up_to_the_next_header() {
        let input = format!(
            "garbage\r\n\r\nContent-Length: x\r\n\r\nno newline at all{}\u{0}\u{ff}\n{}",
            frame(A),
            frame(B)
        );
        assert_eq!(methods(&input), ["a", "b"]);
        // A header line longer than anything kept.
        let input = format!("{}{}", "y".repeat(100_000), frame(A));
        assert_eq!(methods(&input), ["a"]);
    }

    #[test]
    fn a_body_that_is_not_a_message_is_answered_with_an_error() {
        let input = format!(
            "{}{}{}{}{}",
            frame("{not json"),
            frame(r#"{"id":7,"error":5}"#),
            frame(r#""a string""#),
            frame("\u{ff}"),
            frame(A)
        );
        let (methods, answers) = read(input.as_bytes());
        assert_eq!(methods, ["a"]);
        let errors: Vec<(&Value, &Value)> = answers
            .iter()
            .map(|a| (&a["id"], &a["error"]["code"]))
            .collect();
        assert_eq!(
            errors,
            [
                (&Value::Null, &json!(-32700)),
                (&json!(7), &json!(-32600)),
                (&Value::Null, &json!(-32600)),
                (&Value::Null, &json!(-32700)),
            ]
        );
    }

    #[test]
    fn the_input_may_end_anywhere() {
        let whole = frame(A);
        for end in 0..whole.len() {
            let input = whole.get(..end).unwrap_or("");
            assert!(methods(input).is_empty(), "{input:?}");
        }
        assert_eq!(methods(&whole), ["a"]);
    }

    #[test]
    fn content_length_ends_a_line() {
        assert_eq!(content_length(b"Content-Length: 12"), Some((0, 12)));
        assert_eq!(content_length(b"content-length:7 "), Some((0, 7)));
        assert_eq!(content_length(b"}Content-Length: 5"), Some((1, 5)));
        assert_eq!(content_length(b"Content-Length: 5\""), None);
        assert_eq!(content_length(b"Content-Length: "), None);
        assert_eq!(content_length(b"Content-Length: -1"), None);
    }
}
