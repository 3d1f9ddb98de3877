# The English words of what the checker finds (src/check/): names, functions, settings and
# columns, `待填`, the lints of the prose, years, code lists. Each message has its twin in
# ../zh/check.ftl, with the same placeholders.

## J0101: unknown names

J0101-unknown-name = unknown name `{ $name }`
    .label = not defined
    .row = a row is written `表名[编码].列名`, after a table declared with `表`
    .define = define it first: `{ $name } = …`
# A help: the defined name closest to what was written.
check-did-you-mean = did you mean `{ $name }`?

## J0102: a name defined twice ($what is one of check-defined-…)

J0102-duplicate = { $what } `{ $name }` is defined more than once
    .label = defined again here
    .first = first defined here
    .help = remove one of the definitions, or rename this { $what }
check-defined-figure = figure
check-defined-table = table
check-defined-column = column
check-defined-setting = setting
check-defined-import = import

## J0103, J0104: functions

J0103-unknown-function = unknown function `{ $name }`
    .label = no such function
    .help = the functions are sum, share, growth, change, completion, abs, round, min and max (see `docs/language.md`)
# $takes is one of check-takes-…; the help shows a call (`share(部分, 总数)`), `sum` has two.
J0104-arity = `{ $function }` takes { $takes }, but { $found } { $found ->
        [one] was
       *[other] were
    } given
    .label = { $found } { $found ->
        [one] argument
       *[other] arguments
    }
    .help = write it as `{ $example }`
    .help-sum = write it as `sum(甲, 乙) or sum(表.列)`
check-takes-exactly = { $min } { $min ->
        [one] argument
       *[other] arguments
    }
check-takes-between = { $min } to { $max } arguments
check-takes-at-least = at least { $min } { $min ->
        [one] argument
       *[other] arguments
    }

## J0105: settings ($place is one of check-settings-of-…)

J0105-unknown-setting = unknown { $place } setting `{ $key }`
    .label = not a setting
    .help = the { $place } settings are { $known }
    .row = if this is a row of the table, its name is quoted: `{ $write }`
# A setting as the list of them shows it: its Chinese spelling, then its English one.
check-setting-spelling = `{ $chinese }` (`{ $english }`)
check-settings-of-report = report
check-settings-of-table = table
# $expected says the values the setting takes (`是` or `否`).
J0105-bad-value = `{ $value }` is not a value of `{ $key }`
    .label = not allowed here
    .help = `{ $key }` takes { $expected }

## J0106: unknown columns

J0106-unknown-column = table `{ $table }` has no column `{ $column }`
    .label = no such column
    .declared = table `{ $table }` is declared here
    .help = add `{ $column }` to the `列` line of `{ $table }`

## J0405: `待填` ($what is one of check-unfilled-…)

J0405-unfilled = { $what } is not filled in yet (`待填`)
    .label = 待填
    .help = replace `待填` with the value; `jues build` publishes nothing while one is left
check-unfilled-figure = figure `{ $name }`
check-unfilled-table = table `{ $name }`
check-unfilled-cell = a cell of table `{ $name }`
check-unfilled-text = the text here

## J0402, J0403, J0404: the prose

J0402-placeholder = template text left in: `{ $text }`
    .label = placeholder
    .help = keep the alternative that is true, or let jues choose it with `@如果 条件 {"{"} … {"}"} 否则 {"{"} … {"}"}`
J0403-missing-number = a number is missing before `{ $unit }` in `{ $text }`
    .label = how many { $unit }?
    .help = write the number before `{ $unit }`, or refer to a figure: `{"{"}名称{"}"}{ $unit }`
J0404-literal = `{ $text }` is typed into the prose and is not checked
    .label = unchecked number
    .help = refer to a figure (`{"{"}名称{"}"}`) or state it (`{"{"}名称 = 数值{"}"}`); in a transcribed report set `转录 是`

## J0406: hidden characters ($kind is one of check-hidden-…, $codes their code points)

J0406-hidden = { $kind } in the text ({ $codes }): what is shown is not what is checked
    .label = hidden here
    .help = delete it: retype the words around it
check-hidden-control = a control character
check-hidden-direction = a character that changes the reading direction
check-hidden-invisible = an invisible character
check-hidden-variant = a variation selector or tag character, which makes look-alike text

## J0409: a keyword in traditional script ($written is the word written, $keyword the keyword's simplified spelling)

J0409-traditional-keyword = the line starts with `{ $written }`, the traditional spelling of the keyword `{ $keyword }`: jues does not take it for the keyword, so the line is read as prose and not checked
    .label = write `{ $keyword }`
    .help = write keywords in simplified script: `{ $keyword }`; if the line is prose, start it with `\` (`\{ $written }`)

## J0410: a definition written with a full-width equals sign ($name is the name before it)

J0410-full-width-equals = the line starts with `{ $name }` and a full-width equals sign `＝`: jues takes only the half-width `=` for a definition, so the line is read as prose, and `{ $name }` is neither defined nor checked
    .label = write the half-width `=`
    .help = define figures with the half-width equals sign: `{ $name } =`; if the line is prose, start it with `\`

## J0411: a comparison without `检查` ($operator is the comparison's sign)

J0411-no-keyword = the line is a comparison (`{ $operator }`) but does not start with `检查 `: jues reads it as prose, so the check is not made, and the line is printed in the published document
    .label = a comparison
    .help = start the line with `检查 ` so that jues makes the check; if the line is prose, start it with `\`
J0411-no-space = the line is a comparison (`{ $operator }`), but the keyword `{ $keyword }` has no space after it: jues reads it as prose, so the check is not made, and the line is printed in the published document
    .label = a space must follow
    .help = write a space after `{ $keyword }`

## J0408: years in the prose ($year is the report's, $written the prose's)

J0408-comparison = a { $year } report compares with { $written }: the year before is { $prior }
    .help = write `{ $prior }年` (or `{"{"}上年.年度{"}"}年`, or `上年`) if the comparison is with the year before
J0408-statement = `{ $written }年` stands before figures of { $year }, the report's year
    .help = write `{ $year }年` (or `{"{"}年度{"}"}年`): the figures that follow are this year's
J0408-label = { $written }, in a report of { $year }

## A code list's lines, and the shape of a classification code (why a code is not one)

check-codes-bad-kind = line { $line }: `{ $kind }` is not `function` or `economic`
check-codes-bad-line = line { $line }: expected `kind<TAB>code<TAB>name`
check-code-not-a-digit = `{ $character }` is not a digit
check-code-digits = it has { $digits } digits

# The values one of which a setting takes: `部门决算` or `部门预算`.
check-either = { $rest } or { $last }
