// What the extension asks of the jues command line, apart from VS Code (tested in test/).
"use strict";

/**
 * The preview's address in output of `jues watch --serve`: the server says it on standard
 * error, `serving http://127.0.0.1:43565/` in English, `正在提供网页：http://127.0.0.1:43565/`
 * in Chinese. The server listens on the loopback address only.
 */
function previewUrl(text) {
  const m = /https?:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):[0-9]+\/?/.exec(text);
  return m ? m[0] : undefined;
}

/**
 * The arguments of `jues check` or `jues build` for a task: diagnostics in the short format,
 * uncoloured, for the `$jues` problem matcher.
 */
function buildArgs(command, file, extra = []) {
  return [command, file, "--format", "short", "--color", "never", ...extra];
}

/** The arguments of `jues watch` for a preview: HTML only, into `out`, on a free port. */
function previewArgs(file, out) {
  return [
    "watch",
    file,
    "--serve",
    "0",
    "--to",
    "html",
    "-o",
    out,
    "--format",
    "short",
    "--color",
    "never",
  ];
}

module.exports = { previewUrl, buildArgs, previewArgs };
