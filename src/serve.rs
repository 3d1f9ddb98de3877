//! `jues watch --serve`: the built HTML on a loopback address, with a page reload after every
//! good build. The page written to disk has no script; the served copy gets a small one that
//! asks `/__version` twice a second and reloads when it changes.
//!
//! Invariant: the server binds 127.0.0.1 only, and answers only requests addressed to a
//! loopback name (the `Host` header `127.0.0.1`, `localhost` or `[::1]`, with the server's
//! port or none): a web page elsewhere whose name an attacker points at 127.0.0.1 (DNS
//! rebinding) gets 403 and nothing of the draft.
//!
//! A plain HTTP/1.1 server on `std::net`, one request per connection: each connection is served
//! on a thread of its own, at most [`MAX_CONNECTIONS`] at once, and has [`DEADLINE`] to send its
//! request and again to take the answer. A client that stops reading, or never finishes its
//! request, holds its own thread only, and only that long; page loads and `/__version` answer
//! the others meanwhile.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const RELOAD: &str = r#"<script>
(function () {
  var seen = null;
  setInterval(function () {
    fetch("/__version", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (v) {
      if (seen === null) { seen = v; } else if (v !== seen) { location.reload(); }
    }).catch(function () {});
  }, 500);
})();
</script>
"#;

/// Connections served at once; one more is answered 503 and closed.
const MAX_CONNECTIONS: usize = 32;
/// How long a client has to send its request, and again to take the answer.
const DEADLINE: Duration = Duration::from_secs(5);
/// The longest request head (request line and headers) read.
const MAX_HEAD: usize = 16 * 1024;

/// Serves `page` on `127.0.0.1:port` from a background thread; prints the address.
pub(crate) fn start(port: u16, page: PathBuf, version: Arc<AtomicU64>) -> std::io::Result<()> {
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    let address = listener.local_addr()?;
    let shown = format!("http://{address}/");
    eprintln!(
        "{}",
        crate::cli::say("serve-serving", &[("address", shown.into())])
    );
    let site = Arc::new(Site {
        page,
        version,
        port: address.port(),
    });
    let open = Arc::new(AtomicUsize::new(0));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else {
                // Out of file descriptors, say: wait for some to be closed.
                std::thread::sleep(Duration::from_millis(50));
                continue;
            };
            if open.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
                busy(stream);
                continue;
            }
            let slot = Slot::take(&open);
            let site = Arc::clone(&site);
            // A thread that cannot be started drops its connection (and its slot).
            let _ = std::thread::Builder::new()
                .name("jues-serve".to_owned())
                .spawn(move || {
                    let _slot = slot;
                    site.serve(stream);
                });
        }
    });
    Ok(())
}

/// A place among the connections served at once, given back when dropped.
struct Slot(Arc<AtomicUsize>);

impl Slot {
    fn take(open: &Arc<AtomicUsize>) -> Slot {
        open.fetch_add(1, Ordering::SeqCst);
        Slot(Arc::clone(open))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Answers a connection beyond [`MAX_CONNECTIONS`] without waiting on it.
fn busy(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_millis(100)));
    let _ = stream.write_all(&answer(
        503,
        "text/plain",
        b"busy, try again\n".to_vec(),
        true,
    ));
}

/// What is served.
struct Site {
    page: PathBuf,
    version: Arc<AtomicU64>,
    port: u16,
}

impl Site {
    fn serve(&self, mut stream: TcpStream) {
        let Some(head) = read_head(&mut stream, Instant::now() + DEADLINE) else {
            return;
        };
        let response = self.respond(&head);
        let _ = write_all_by(&mut stream, &response, Instant::now() + DEADLINE);
        let _ = stream.shutdown(std::net::Shutdown::Both);
    }

    /// The whole HTTP answer to a request head.
    fn respond(&self, head: &[u8]) -> Vec<u8> {
        let Some(request) = Request::parse(head) else {
            return answer(400, "text/plain", b"bad request\n".to_vec(), true);
        };
        let with_body = request.method != "HEAD";
        if !request
            .host
            .as_deref()
            .is_some_and(|h| loopback(h, self.port))
        {
            let body = format!(
                "this preview answers only requests to http://127.0.0.1:{}/\n",
                self.port
            );
            return answer(403, "text/plain", body.into_bytes(), with_body);
        }
        if request.method != "GET" && request.method != "HEAD" {
            return answer(405, "text/plain", b"only GET\n".to_vec(), with_body);
        }
        let path = request.target.split('?').next().unwrap_or("");
        match path {
            "/__version" => {
                let version = self.version.load(Ordering::SeqCst).to_string();
                answer(200, "text/plain", version.into_bytes(), with_body)
            }
            "/" | "/index.html" => match std::fs::read_to_string(&self.page) {
                Ok(html) => answer(
                    200,
                    "text/html; charset=utf-8",
                    html.replace("</body>", &format!("{RELOAD}</body>"))
                        .into_bytes(),
                    with_body,
                ),
                Err(_) => answer(
                    404,
                    "text/plain; charset=utf-8",
                    b"not built yet\n".to_vec(),
                    with_body,
                ),
            },
            _ => answer(404, "text/plain", b"not found\n".to_vec(), with_body),
        }
    }
}

/// Whether `host` (a `Host` header) names this server on the loopback interface:
/// `127.0.0.1`, `localhost` or `[::1]`, in any case, with `:port` or without a port.
fn loopback(host: &str, port: u16) -> bool {
    let host = host.trim().to_ascii_lowercase();
    let (name, rest) = match host.strip_prefix("[::1]") {
        Some(rest) => ("[::1]", rest),
        None => match host.find(':') {
            Some(colon) => host.split_at(colon),
            None => (host.as_str(), ""),
        },
    };
    let port_ok = rest.is_empty() || rest.strip_prefix(':') == Some(port.to_string().as_str());
    port_ok && matches!(name, "127.0.0.1" | "localhost" | "[::1]")
}

/// What a request head says that the server uses.
struct Request {
    method: String,
    target: String,
    /// The `Host` header; `None` when missing or given twice.
    host: Option<String>,
}

impl Request {
    fn parse(head: &[u8]) -> Option<Request> {
        let head = std::str::from_utf8(head).ok()?;
        let mut lines = head.split("\r\n");
        let mut first = lines.next()?.split(' ');
        let method = first.next()?.to_owned();
        let target = first.next()?.to_owned();
        if !first.next()?.starts_with("HTTP/") || first.next().is_some() {
            return None;
        }
        let mut hosts = lines.filter_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("host").then(|| value.to_owned())
        });
        let host = match (hosts.next(), hosts.next()) {
            (Some(host), None) => Some(host),
            _ => None,
        };
        Some(Request {
            method,
            target,
            host,
        })
    }
}

/// The request head (up to the blank line, without it), read by `deadline`; `None` when the
/// client is too slow, closes first or sends more than [`MAX_HEAD`] bytes.
fn read_head(stream: &mut TcpStream, deadline: Instant) -> Option<Vec<u8>> {
    let mut head = Vec::new();
    let mut buffer = [0u8; 2048];
    loop {
        if let Some(end) = find(&head, b"\r\n\r\n") {
            head.truncate(end);
            return Some(head);
        }
        if head.len() > MAX_HEAD {
            return None;
        }
        let left = deadline.checked_duration_since(Instant::now())?;
        stream
            .set_read_timeout(Some(left.max(Duration::from_millis(1))))
            .ok()?;
        match stream.read(&mut buffer) {
            Ok(0) => return None,
            Ok(n) => head.extend_from_slice(buffer.get(..n)?),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Writes all of `bytes` by `deadline`, however slowly the client reads.
fn write_all_by(stream: &mut TcpStream, bytes: &[u8], deadline: Instant) -> std::io::Result<()> {
    for chunk in bytes.chunks(16 * 1024) {
        let left = deadline
            .checked_duration_since(Instant::now())
            .ok_or(std::io::ErrorKind::TimedOut)?;
        stream.set_write_timeout(Some(left.max(Duration::from_millis(1))))?;
        stream.write_all(chunk)?;
    }
    stream.flush()
}

/// An HTTP/1.1 answer that closes the connection after it.
fn answer(status: u16, kind: &str, body: Vec<u8>, with_body: bool) -> Vec<u8> {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Service Unavailable",
    };
    let mut out = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    if with_body {
        out.extend_from_slice(&body);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::loopback;

    #[test]
    fn only_loopback_names_with_this_port_are_served() {
        for host in [
            "127.0.0.1",
            "127.0.0.1:8080",
            "LOCALHOST:8080",
            "localhost",
            "[::1]:8080",
            "[::1]",
            " localhost:8080 ",
        ] {
            assert!(loopback(host, 8080), "{host}");
        }
        for host in [
            "",
            "evil.example",
            "evil.example:8080",
            "127.0.0.1:8081",
            "127.0.0.1:",
            "localhost:80801",
            "127.0.0.1.evil.example",
            "localhost.:8080",
            "[::1]:8081",
            "[::2]:8080",
            "127.0.0.2:8080",
            "localhost:8080:8080",
            "user@localhost:8080",
        ] {
            assert!(!loopback(host, 8080), "{host}");
        }
    }
}
