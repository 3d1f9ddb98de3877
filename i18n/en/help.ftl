# The English texts of the command line's help (--help), its mistakes and its manual page. Each
# message has its twin in ../zh/help.ftl, with the same placeholders (a test holds the two to that).
# Read only when a help or a mistake is to be shown.

## --help: what each command and argument is for (src/cli/help.rs)

help-usage = Usage:{" "}
help-heading-commands = Commands:
help-heading-arguments = Arguments:
help-heading-options = Options:
help-usage-options = OPTIONS
help-usage-command = COMMAND
help-arg-help = Print help
help-arg-version = Print version
help-help = Print the help of jues or of the given command
help-help-subcommand = The command to show the help of
help-jues = jues: check and render 部门决算 and 部门预算 disclosure documents
help-check = Check documents and report every problem found
help-build = Check a document, then write it as HTML, Markdown, PDF and facts JSON
help-watch = Build a document, then rebuild it whenever it (or a file it reads) changes. Outputs are only replaced by an error-free build, so the last good ones stay
help-lsp = Run the language server over stdin and stdout (for editors)
help-fmt = Format documents in place: a canonical layout for declarations, prose as written
help-new = Create a new report from the standard library, ready to fill in
help-explain = Explain a diagnostic code, or list all codes
help-completions = Print the completions of jues's commands and arguments for a shell
help-man = Print jues's manual page (roff, for `man`)
help-arg-shell = The shell: `bash`, `zsh`, `fish`, `powershell` or `elvish`
help-arg-lang = The language of what jues prints: `zh` (中文) or `en`. By default `JUES_LANG`, then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), then Chinese
help-check-files = The `.jues` files to check (or folders of them)
help-build-file = The `.jues` file to build
help-watch-file = The `.jues` file to watch and build
help-fmt-files = The `.jues` files to format
help-arg-allow_errors = Write the outputs even when the document has errors
help-arg-annotate = Mark every stated value in the HTML as verified or wrong, with a summary of all findings: an audit view of a published report (implies --allow-errors)
help-arg-serve = Serve the HTML on http://127.0.0.1:PORT/ (loopback only), reloading the page after every good build; port 0 picks a free one
help-arg-check = Change nothing; list the files that are not formatted, with a diff, and exit 1
help-arg-dir = The folder to create (it must not exist, or be empty)
help-arg-kind = The report type, one of the standard library's: `部门决算` (the default) or `部门预算`
help-arg-entity = The department (单位); with `--from`, the workbook's 编制单位 by default
help-arg-year = The year reported on (年度); by default, last year
help-arg-prior = Last year's report, to import as `上年` instead of typing last year's figures: its path as seen from the new report's folder (`../2024决算/report.jues`)
help-arg-from = The workbook of the 公开表 as the 决算 software exports it (`.xlsx`, `.xls`): it is copied into the folder, every table reads its rows from it, and the 情况说明 states every figure of its tables
help-arg-code = A code such as `J0101`; without one, every code is listed
help-arg-all = Print the full documentation of every code as Markdown, in the language of `--lang` (`docs/diagnostics.md`, `docs/diagnostics.zh.md`)
help-arg-to = The formats to write, separated by commas: `html` (one self-contained page), `md` (GitHub Markdown), `json` (the facts file: every figure, cell and stated number), `pdf`; all four by default
help-arg-font = The CJK TrueType font for the PDF: a path, or `宋体`/`serif` or `黑体`/`sans` for a system font of that style (else the document's `字体`, `JUES_FONT`, or a system font, 宋体 style first)
help-arg-out = The folder to write into (created if needed); `out` by default
help-arg-format = How to print diagnostics: `human` (source excerpts with labels, help and notes), `short` (one line each: `file:line:col: severity[CODE]: message`), `json` (one document with every diagnostic and a summary), `github` (GitHub Actions annotations at each line), `sarif` (one SARIF 2.1.0 log, for code-scanning services); `human` by default
help-arg-deny = Treat warnings as errors (`--deny warnings`)
help-arg-strict = Also report values consistent only thanks to the rounding of their inputs
help-arg-color = When to colour the output: `auto` (the default: on a terminal, unless `NO_COLOR` is set, `CLICOLOR=0` or `TERM=dumb`; also into a pipe with `CLICOLOR_FORCE=1` or `FORCE_COLOR=1`), `always`, `never`
help-arg-allow_outside_project = Let the document read files outside its project folder (the folder above its own): imports, data files, code lists and fonts

## A mistake on the command line (src/cli/usage_error.rs)

arg-error = error: { $message }
arg-invalid-value = invalid value `{ $value }` for `{ $arg }`
arg-value-missing = a value is required for `{ $arg }` but none was supplied
arg-not-valid = invalid value `{ $value }` for `{ $arg }`
arg-not-valid-because = invalid value `{ $value }` for `{ $arg }`: { $reason }
arg-unknown = unexpected argument `{ $arg }`
arg-unknown-command = unrecognized command `{ $command }`
arg-no-equals = the value of `{ $arg }` must follow an equals sign: `{ $arg }=…`
arg-too-many = unexpected value `{ $value }` for `{ $arg }`; no more were expected
arg-too-few = `{ $arg }` takes at least { $least } values; only { $given } given
arg-wrong-number = `{ $arg }` takes { $wanted } values; { $given } given
arg-conflict = `{ $arg }` cannot be used with { $prior }
arg-repeated = `{ $arg }` cannot be used more than once
arg-missing = required arguments not given: { $args }
arg-missing-command = a command is required: { $commands }
arg-not-utf8 = the arguments are not valid UTF-8
# Printing the help or the version failed (the output was closed, say); $detail is how.
arg-other = cannot print: { $detail }
arg-not-whole-number = `{ $text }` is not a whole number from 0 to 65535
arg-choices = {"  "}possible values: { $values }
arg-did-you-mean = {"  "}help: did you mean { $suggestion }?
arg-try-help = For more information, try `{ $command } --help`.

## jues man: the headings of the manual page's sections

man-name = NAME
man-synopsis = SYNOPSIS
man-description = DESCRIPTION
man-options = OPTIONS
man-version = VERSION

# The name of each argument's value in the usage line and the options: `--format <FORMAT>`.
help-value-files = FILES
help-value-file = FILE
help-value-format = FORMAT
help-value-deny = WHAT
help-value-color = WHEN
help-value-lang = zh|en
help-value-to = FORMATS
help-value-font = FONT
help-value-out = DIR
help-value-serve = PORT
help-value-dir = DIR
help-value-kind = TYPE
help-value-entity = NAME
help-value-year = YEAR
help-value-prior = PATH
help-value-from = WORKBOOK
help-value-code = CODE
help-value-subcommand = COMMAND
help-value-shell = SHELL
