# The English words of the syntax errors (src/syntax/error.rs, src/syntax/expected.rs, and the
# reasons of src/source.rs a file is not read for). Each message has its twin in
# ../zh/syntax.ftl, with the same placeholders.

## J0001: what the grammar wanted, and what stands there instead

J0001-expected = expected { $expected }, found { $found }
    .label = expected { $expected }
J0001-unexpected = unexpected { $found }
    .label = not expected here
# Alternatives: `a, b or c` ($init is the list of all but the last, joined with commas).
syntax-alternatives = { $init } or { $last }

# A token or keyword of the grammar, or a word of the text: `}`, `其中`, `；`.
syntax-token = `{ $token }`
syntax-end-of-line = the end of the line
syntax-end-of-file = the end of the file
syntax-space = a space

# The things the grammar wants, as the language reference names them.
syntax-expected-stated = `=` and the stated value
syntax-expected-format = `按` and a format
syntax-expected-columns-line = a `列` line
syntax-expected-cell-value = a cell value
syntax-expected-code = a classification code
syntax-expected-row-selector = a code or a quoted row label
syntax-expected-column = a column (`名称: 类型` or `名称 = 公式`)
syntax-expected-figure = a figure (`名称 = 值`)
syntax-expected-format-option = a format option
syntax-expected-name = a name
syntax-expected-number = a number
syntax-expected-paragraph = a paragraph
syntax-expected-quoted = a quoted text (`"…"`)
syntax-expected-row = a row
syntax-expected-setting = a setting (`名称 值`)
syntax-expected-table-name = a table name
syntax-expected-unit = a unit
syntax-expected-expression = an expression
syntax-expected-operator = an operator
syntax-expected-text = text

# Hints for the mistakes authors make most.
J0001-help-close-brace = a `{"}"}` in prose is written `\{"}"}`
J0001-help-open-brace = a `{"{"}` in prose is written `\{"{"}`
J0001-help-half-width = inside `{"{"}…{"}"}` and declarations, letters, digits and signs are half-width: write `{ $written }` as `{ $write }`
J0001-help-unit-after-space = if `{ $unit }` is the unit of `{ $number }`, write it right after the number, with no space: `{ $write }`
J0001-help-quote-name = a row's name is quoted: `{ $write }`
J0001-help-quote-label = if this is a row of the table, its name is quoted: `{ $write }`
J0001-help-missing-eq = a figure is defined with `=` after its name: `{ $write }`
J0001-help-block-space = `{ $keyword }` must be followed by a space to start a block: `{ $keyword } …`
J0001-help-close-block = close the block with `{"}"}` on a line of its own

## J0002: a file that is not a jues document

J0002-unreadable = this file cannot be read as a jues document: { $reason }
    .label = here
syntax-unreadable-nul = it contains a NUL byte, so it is probably a binary file
    .help = jues reads a report's source (`.jues` text): make sure this is not a workbook, a PDF or another file
syntax-unreadable-too-large = it is { $size } bytes, more than the { $max } jues reads
    .help = no report's source is this large: make sure this is the report's source (`.jues` text)
syntax-unreadable-not-utf8 = it is not UTF-8 text (invalid byte at offset { $offset })
    .help = save the document as UTF-8 text
syntax-unreadable-encoding = it is text in the { $encoding } encoding, and jues reads documents in UTF-8 only
    .help = save the document as UTF-8: in Notepad, choose File → Save As, set Encoding to UTF-8 and save (other editors have the same choice)

## J0003: a number past what a decimal holds

J0003-out-of-range = this number has more digits than jues can compute with exactly
    .label = more than 28 significant digits
    .help = write the amount in a larger unit (`万元`, `亿元`) or with fewer decimals

## J0004: nested too deep

J0004-nested = nested more than { $limit } levels deep
    .label = too deep
    .help = nest less: split a formula into named figures, or a block into blocks side by side
J0004-operators = this formula has more than { $limit } operators one after another
    .label = too long
    .help = split the formula into named figures (`小计一 = a + b + …`, then `合计 = 小计一 + 小计二`), or add a table's rows up with `sum(表.列)`

## J0005: a figure with two formulas or two stated values

J0005-malformed = figure `{ $name }` needs one formula and at most one stated value
J0005-two-values = two stated values
    .help = keep the published value and write the formula that should give it: `{ $name } = 公式 = 数值`
J0005-two-formulas = two formulas
    .help = keep one formula; to check a published value, write it as a number: `{ $name } = 公式 = 数值`

## J0001: a stated change in words jues does not know

J0001-unknown-claim = `{ $word }` is neither a number nor a word of change
    .label = not a stated value
    .help = state the value as published (`= 8.46%`), or the change in words: `持平`, `无变化`, `增加`, `减少`, `增长`, `下降` …
