#!/usr/bin/env python3
"""Language-server latency on the 10x report, over stdio as an editor talks to it.

Usage: benches/lsp.py [JUES] [REPORT]   (defaults: target/release/jues, the 10x report that
`benches/scale.sh` writes; make it with
`JUES_WRITE_SCALED_REPORTS=DIR cargo bench --bench compile -- --list`).

Measures (1) the time from sending a one-line `didChange` to reading its
`publishDiagnostics`, 15 times, and (2) bursts of 20 changes sent at once: the time from the
last send to the publish for the last text, and how many compilations the server ran.
Figures are recorded in docs/performance.md.
"""
import json
import os
import statistics
import subprocess
import sys
import time

jues = sys.argv[1] if len(sys.argv) > 1 else "target/release/jues"
report = sys.argv[2] if len(sys.argv) > 2 else "/tmp/scaled/x10.jues"
text = open(report, encoding="utf-8").read()
uri = "file://" + os.path.abspath(report)

server = subprocess.Popen([jues, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def send(message):
    body = json.dumps(message, ensure_ascii=False).encode("utf-8")
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    server.stdin.flush()


def receive():
    length = 0
    while True:
        line = server.stdout.readline()
        if line in (b"\r\n", b""):
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(server.stdout.read(length))


def publish_for(version):
    """Reads messages until the diagnostics of `version`; returns how many publishes it read."""
    count = 0
    while True:
        message = receive()
        if message.get("method") == "textDocument/publishDiagnostics":
            count += 1
            if message["params"].get("version") == version:
                return count


send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"processId": None, "rootUri": None, "capabilities": {}}})
receive()
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": uri, "languageId": "jues", "version": 1, "text": text}}})
publish_for(1)

version = 1
one_line = []
for i in range(15):
    version += 1
    edited = text.replace("836.78", "836.%02d" % (i + 10), 1)
    start = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": edited}]}})
    publish_for(version)
    one_line.append((time.perf_counter() - start) * 1000)

bursts = []
for b in range(7):
    first = version + 1
    for i in range(20):
        version += 1
        edited = text.replace("836.78", "83%d.%02d" % (b, i), 1)
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": edited}]}})
    last_send = time.perf_counter()
    count = publish_for(version)
    bursts.append(((time.perf_counter() - last_send) * 1000, count))

send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
send({"jsonrpc": "2.0", "method": "exit"})
server.wait(timeout=10)

print("one-line edit: median %.1f ms (min %.1f) of %d" % (
    statistics.median(one_line), min(one_line), len(one_line)))
print("bursts of 20: last publish %.1f-%.1f ms after the last send; %d-%d compilations" % (
    min(b[0] for b in bursts), max(b[0] for b in bursts),
    min(b[1] for b in bursts), max(b[1] for b in bursts)))
