//! `jues watch --serve`: the built HTML on a loopback address, with a page reload after every
//! good build. The page written to disk has no script; the served copy gets a small one that
//! asks `/__version` twice a second and reloads when it changes.
//!
//! Invariant: the server binds 127.0.0.1 only.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

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

/// Serves `page` on `127.0.0.1:port` from a background thread; prints the address.
pub(crate) fn start(port: u16, page: PathBuf, version: Arc<AtomicU64>) -> Result<(), String> {
    let server = tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    let address = server
        .server_addr()
        .to_ip()
        .map(|a| a.to_string())
        .unwrap_or_default();
    eprintln!("serving http://{address}/");
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let response = match request.url() {
                "/__version" => text(version.load(Ordering::SeqCst).to_string(), "text/plain"),
                "/" | "/index.html" => match std::fs::read_to_string(&page) {
                    Ok(html) => text(
                        html.replace("</body>", &format!("{RELOAD}</body>")),
                        "text/html; charset=utf-8",
                    ),
                    Err(_) => text("not built yet".to_owned(), "text/plain; charset=utf-8")
                        .with_status_code(404),
                },
                _ => text("not found".to_owned(), "text/plain").with_status_code(404),
            };
            let _ = request.respond(response);
        }
    });
    Ok(())
}

fn text(body: String, kind: &str) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let response = tiny_http::Response::from_string(body);
    match tiny_http::Header::from_bytes(&b"Content-Type"[..], kind.as_bytes()) {
        Ok(header) => response.with_header(header),
        Err(()) => response,
    }
}
