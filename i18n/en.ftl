# The English texts of jues. Each message has its twin in zh.ftl, with the same placeholders
# (a test holds the two to that). Placeholders are named for what they hold: $files, $errors.

## jues check: the summary line

check-summary-clean = checked { $files ->
        [one] 1 file
       *[other] { $files } files
    }: no problems found
check-summary = checked { $files ->
        [one] 1 file
       *[other] { $files } files
    }: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }, { $notes ->
        [one] 1 note
       *[other] { $notes } notes
    }

## Files that cannot be read or written

io-not-found = no such file
io-permission = permission denied
io-disk-full = the disk is full
io-too-large = the file is larger than allowed
cannot-read = error: cannot read `{ $path }`: { $reason }
cannot-create = error: cannot create `{ $path }`: { $reason }
cannot-write-none-changed = error: cannot write `{ $path }`: { $reason }; no file was changed
wrote = wrote { $path }

## jues build

build-refused = error: not writing outputs: `{ $path }` has { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } (`--allow-errors` writes them anyway)
pdf-failed = error: cannot make the PDF: { $reason }; no output was written

## jues fmt

fmt-syntax-errors = error: `{ $path }` has syntax errors; run `jues check` on it first
fmt-cannot-write = error: cannot write `{ $path }`: { $reason }; the file is unchanged
fmt-formatted = formatted { $path }
fmt-unformatted = { $count ->
        [one] 1 file is
       *[other] { $count } files are
    } not formatted

## jues watch

watch-cannot-serve = error: cannot serve on port { $port }: { $reason }
watch-cannot-watch-files = error: cannot watch files: { $reason }
watch-cannot-watch = error: cannot watch `{ $path }`
watch-cannot-watch-folder = warning: cannot watch `{ $path }`: { $reason }
watch-watching = watching { $path } (Ctrl-C stops)
watch-rebuilding = ── change seen, rebuilding ──
