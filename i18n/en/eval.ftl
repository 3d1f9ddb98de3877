# The English words of the evaluator's diagnostics (src/eval/). Each message has its twin in
# ../zh/eval.ftl, with the same placeholders.

## Pieces of several diagnostics

# The label on the formula a stated value is checked against (J0201–J0204).
eval-computed-from = computed from this
# The note on the interval of a computed value (J0201–J0203).
eval-interval = with the rounding of its inputs the value lies in { $interval }
# The help line that proposes a name or a unit (J0101, J0204, J0207).
eval-did-you-mean = did you mean `{ $name }`?
# The label on where a figure is declared unpublished (J0214, J0215).
eval-not-published = not published
# The label on a figure printed that has no value (J0215).
eval-no-value-to-print = no value to print
# A value known only by bounds (a figure written `= ?`), in any message that shows a value.
eval-between = between { $lo } and { $hi }
# A figure, with its label: `总计.收入` (收入总计).
eval-figure-labelled = `{ $name }` ({ $label })

## What a number measures (src/eval/unit.rs), in J0206 and J0306

eval-dim-money = an amount of money
eval-dim-count = a count of { $unit }
eval-dim-ratio = a ratio
eval-dim-plain = a number
# The two sides of a stated value of the wrong kind (J0206).
eval-dim-stated = the stated { $dim }
eval-dim-computed = the computed { $dim }
# The unit of `{x 按 %}` applied to a value of another kind (J0206).
eval-dim-unit = the unit `{ $unit }`

## A row of a table, as messages name it (src/eval/table.rs)

eval-row = row `{ $name }`
eval-row-total = the total row
eval-row-subtotal = the subtotal row

## J0201–J0204: a stated value and what it is checked against

J0201-mismatch = stated `{ $stated }`, but { $formula } is { $computed }
    .label = computed: { $computed }
    .help = write `{ $write }`
J0202-truncated = `{ $stated }` looks truncated: { $formula } is { $computed }, which rounds to `{ $write }`
    .label = cut off instead of rounded
    .help = round half up (四舍五入): write `{ $write }`
J0203-rounding-only = `{ $stated }` holds only through the rounding of its inputs: { $formula } is { $computed }
    .label = the inputs as written give { $write }
    .help = check the unrounded source data; the published figures do not add up exactly
J0204-wrong-scale = { J0201-mismatch }
    .label = wrong unit
# What a stated subtotal or total is checked against, in J0203 (with `--strict`).
eval-sum-of-rows = the sum of the rows under { $row } (column `{ $column }`)

## J0205: a rate over a zero base

# `.divisor`: the base of `a / b`.
J0205-zero-base = `{ $function }` over a zero base: { $base } is 0
    .label = undefined
    .help = a rate over zero has no value: write the amounts ("预算为0万元，决算为0万元") or "不适用" instead of a percentage
    .divisor = the divisor

## J0107: `{x 按 …}` with an option that is none

J0107-unknown-format = unknown format option `{ $option }`
    .label = not a format option
    .help = the options are a unit (`元`, `万元`, `%` …), decimals (`.1`, `2位`), `绝对值`, `千分位` and `增减`

## J0206: values of different kinds, and what is not a number

J0206-units = cannot apply `{ $op }` to { $left } and { $right }
    .label = units do not agree
    .help = amounts of money, counts of different things and ratios cannot be mixed; check the units of the operands
# `.no-row` … `.comparison-shown`: what is not a number ($what).
J0206-not-a-number = { $what } is not a number
    .label = a number is needed here
    .no-row = `{ $table }[{ $row }]` (the table has no such row)
    .not-a-cell = `{ $reference }` (a table, row or column; name a cell or use `sum`)
    .decimals = the number of decimals (a whole number from 0 to 20)
    .not-a-condition = `{ $expression }` (a condition such as `a > b` is needed)
    .text-compared = `{ $formula }` (text) compared with a number
    .comparison-shown = `{ $formula }` (a comparison) shown as a value

## J0207: a unit jues does not know

J0207-unknown-unit = unknown unit `{ $unit }`
    .label = not a unit
    .help = money is 元, 千元, 万元 or 亿元; counts are 人, 人次, 家, 个, 项, 辆, 台(套), 期, 场, 份, 件, 批次, 团组 …; ratios are % and ‰ (see `docs/language.md`)

## J0208: a value beyond the range of exact decimals

# `.digits`, `.per-cent`, `.difference`: what overflowed ($operation; its own $operation is the
# operands' values with the operator between them). `.result` … `.column`: what was computed,
# when no operands are shown, or a literal or value in another unit. `.row-change`,
# `.total-difference`: what was computed ($expression), for a row of a table.
J0208-overflow = cannot compute { $expression } exactly: { $operation }
    .label = beyond the range of exact decimals
    .help = no amount in a report is this large or this precise: check the values it is computed from, or write them in a larger unit (`万元`, `亿元`) or with fewer decimals
    .digits = { $operation } has more than 28 significant digits
    .per-cent = { $operation } is { $ratio }倍, which in per cent has more than 28 significant digits
    .difference = the stated less the computed, { $operation }, has more than 28 significant digits
    .result = the result
    .ratio = the ratio
    .in-yuan = { $literal } in 元
    .as-fraction = { $literal } as a fraction
    .in-unit = { $value } in { $unit }
    .computed-in-unit = the computed { $value } in { $unit }
    .column = adding up column `{ $column }`: { $operation }
    .row-change = `{ $actual } - { $budget }` of { $row }
    .total-difference = how far { $row } (column `{ $column }`) is from the sum of its rows

## J0004: evaluation nested too deep

J0004-too-deep-computing = computing `{ $root }` goes more than { $limit } steps deep (figures computed from figures, cells and operators, one inside another), down to `{ $expression }` here
    .label = step { $limit }
    .help = compute it through fewer figures in a row: add many parts up with `sum(…)` or from a table's total, or write an intermediate figure as a number (`x = 1149.45`) and compute the rest from it

## J0101: a name the imported document does not define

J0101-unknown-imported = unknown name `{ $name }`: the imported document does not define it
    .label = not in the imported document
    .by-label = the imported report calls it `{ $name }`: write that
    .help = an imported report's figures keep the names it gives them (`上年.收入.合计`, `上年.总计.收入`): use one of those, or define the figure in the imported report

## J0209: a circular definition

# `.figure`, `.column`: what depends on itself ($path).
J0209-cycle = circular definition: { $path }
    .label = depends on itself
    .help = give one of them a value (a number) instead of a formula
    .figure = `{ $name }` depends on itself
    .column = column `{ $column }` of table `{ $table }` depends on itself

## J0210: a check that fails

# `.sides`, `.false`: the label, the values of the two sides of the condition or that it is false.
J0210-check-failed = check failed
    .said = check failed: { $message }
    .standard = { $check } (a standard identity of { $kind })
    .identity = the identity of { $kind }
    .defined = `{ $name }` is defined here
    .default = { $name } is not given in the report, so it counts as 0
    .help = correct the figures so that the condition holds
    .help-defaults = correct the figures so that the condition holds; give each figure the report publishes its value, and write `= 未公开` for one it does not publish (in an excerpt, `摘录 是` in the `报告` block)
    .sides = `{ $left }` is { $left_value }, `{ $right }` is { $right_value }
    .false = false

## J0211: amounts read as published to whole units

J0211-whole-units = every amount of { $count ->
        [one] table
       *[other] tables
    } { $tables } { $count ->
        [one] is
       *[other] are
    } a whole number: read as published to whole { $unit } (`金额精度 1`)
    .label = amounts rounded to whole { $unit }
    .note = so `23653` stands for any amount from 23652.5 to 23653.5 { $unit }, and the rows of a 类 may add up to it within that rounding
    .help = say so in the `报告` block (`金额精度 1`), and this note goes; if the amounts are exact, write `金额精度 0.01` there or in the table

## J0212, J0213: figures known only through what the text says of them (`= ?`)

J0212-contradiction = the statements about { $figure } contradict each other: this one needs it { $implied }, another { $other_implied }
    .needs = needs it { $implied }
    .declared = known only through what the text says of it
    .note = each stated value, read with its rounding, bounds the figure; no one value of it makes both statements true
    .help = one of the two stated values is wrong: check both against the source data
J0213-unbounded = nothing the text states bounds { $figure }
    .label = no stated value gives it
    .note = an unknown figure (`= ?`) is inferred from the stated values whose formula names it once and names no other unknown figure, such as `{"{"}completion(决算数, 年初预算) = 91.27%{"}"}`; what depends on it is not checked
    .help = state a value that gives it, or give the figure its published value

## J0214: what is not checked because it depends on unpublished figures

# `.stated-value` … `.check`: what was not checked ($what).
J0214-not-checked = not checked: { $what }, because { $figures } { $count ->
        [one] is
       *[other] are
    } not published
    .label = not checked
    .identity = the identity
    .excerpt = the document is an excerpt (`摘录 是`): a standard figure it does not give is not published, not 0
    .excerpt-label = an excerpt: what it does not give is not published
    .unpublished = a figure written `= 未公开` has no value, not 0
    .help = give the figure its published value to have this checked
    .stated-value = the stated value of `{ $name }`
    .standard-said = the standard identity of { $kind } “{ $message }”
    .check-said = the check “{ $message }”
    .standard = the standard identity of { $kind } `{ $condition }`
    .check = the check `{ $condition }`

## J0215: a figure printed that has no value

J0215-unknown-shown = the text prints { $figures }, which the report gives only through what it says of it
    .declared = known only by bounds
    .note = its value is known only to lie within the bounds its statements give: any number printed for it would be a guess
    .help = write the number the published text gives as a stated value (`{"{"}名称 = 数值{"}"}`), or give the figure its published value
J0215-unpublished-shown = the text prints { $figures }, which the report does not publish
    .help = give the figure its published value, or write the published number as a stated value (`{"{"}名称 = 数值{"}"}`)

## J0301: a stated subtotal or total that is not the sum of its rows

J0301-total-mismatch = { $row } of `{ $table }` states { $column } { $stated }, but its rows sum to { $computed } (difference { $difference })
    .label = rows sum to { $computed }
    .rounding = with amounts published to `金额精度 { $precision }`, the rows sum to { $sum } and the total stands for { $total }: the two do not meet
    .help = write `{ $write }`, or correct the rows

## J0302, J0303: rows and their codes

J0302-duplicate-row = row `{ $key }` appears twice in the table
    .label = again here
    .first = first here
    .help = merge the two rows, or give the second its own classification code
J0303-code-name = code `{ $code }` is named `{ $expected }`, not `{ $written }`
    .label = expected `{ $expected }`
    .help = write `"{ $expected }"`

## J0304: codes no list has

# `.more`: the end of a list of codes cut short.
J0304-unlisted = code `{ $code }` of table `{ $table }` is not in { $lists }
    .label = not in the list
    .table = { $count } codes of table `{ $table }` are not in { $lists }: { $codes }
    .tables = { $count } codes in { $tables } tables are not in { $lists }: { $codes }
    .first = the first of { $count } codes not in the list
    .more = and { $count } more
    .lists = the built-in classification list
    .lists-own = the built-in classification list or the report's `科目表`
    .note = their names were not checked: the built-in list holds only codes verified against a public source (`stdlib/codes/`)
    .by-table = codes not in the list by table: { $tables }
    .in-table = `{ $table }` { $count }
    .help-own = to have their names checked, add them to the report's `科目表`, each with its name, its level and where the name is from (`jues explain J0304`)
    .help = to have their names checked, give the report its own list of the year's codes: `科目表 "codes.tsv"` in the `报告` block (`jues explain J0304` shows the file)

## J0305, J0306: codes and cells of the wrong shape

J0305-invalid-code = `{ $code }` is not a classification code: { $reason }
    .label = invalid code
    .help = 功能分类 codes have 3 (类), 5 (款) or 7 (项) digits; 经济分类 codes 3 or 5
# `.numbers`, `.text`, `.stated-number`: what a column holds ($expected).
J0306-cell-type = column `{ $column }` holds { $expected }
    .label = expected { $expected }
    .help = check the order of the cells against the `列` line
    .numbers = numbers ({ $dim })
    .text = text in quotes
    .stated-number = a stated number
J0306-too-many-cells = this row has more cells than the table's { $columns } input columns
    .label = extra cell
    .help = remove the cell, or add a column to the `列` line

## J0307–J0309: tables left empty or out, and budget lines without a reason

J0307-empty-table = table `{ $table }` has no rows and does not say why
    .label = empty
    .help = give the table its rows, or say why it has none: `空表说明 "本单位无…"` (in a transcription whose source did not publish them, `未公开 "…"`)
J0308-missing-reason = { $row } spent { $actual } against a budget of { $budget }, with no reason given
    .label = needs a reason
    .help = write the reason in the row's `说明` cell (决算数与年初预算差异超过10%或无年初预算时须说明原因)
# `.table`: one table left out, its number, its title and its name.
J0309-missing-tables = the report leaves out { $count } of the tables a { $kind } publishes: { $tables }
    .label = a { $kind } publishes every 公开表
    .help = declare each in 第二部分, in its place: { $declarations }, with its rows, or with `空表说明 "本单位无…"` when there is nothing to show
    .table = { $number } { $title } (`{ $table }`)

## J0312: a row listed under a 类 or 款 its code is not part of

# `.level`, `.level-named`: the row it is listed under ($above). `.counted`, `.counted-total`: where
# its amounts are added ($counted).
J0312-wrong-parent = { $row } is listed under { $above }, but { $code } is a { $own } of { $level } { $belongs }
    .label = a { $own } of { $level } { $belongs }
    .under = listed under this { $level }
    .note = subtotals follow the codes: { $counted }
    .help = { $code } 属于 { $belongs } { $level }，却列在 { $under } { $level }下: move the row under { $level } { $belongs }, or correct its code
    .level = { $level } `{ $code }`
    .level-named = { $level } `{ $code } { $name }`
    .counted = its amounts are added to { $row }, the { $level } of its code, not to `{ $under }`
    .counted-total = its amounts are added to no row of the table but the total, not to `{ $under }`

## J0313: one code with two names

J0313-two-names = code `{ $code }` is `{ $written }` in table `{ $table }`, but `{ $other }` in table `{ $other_table }`
    .label = not as `{ $other_table }` names it
    .other = named `{ $other }` here
    .help = one code has one name: write the name the 政府收支分类科目 gives { $code } in both tables
J0313-imported = code `{ $code }` is `{ $written }` here, but { $report } (`{ $alias }`) calls it `{ $other }`
    .label = { $report }: `{ $other }`
    .other = table `{ $other_table }` of { $report }
    .help = write the name the 政府收支分类科目 gives { $code }; if the classification renamed it since, keep the new name and give the report a `科目表` with this year's names, which jues checks instead
    .help-same = one code has one name: write the name the 政府收支分类科目 gives { $code } in both reports
J0313-report-last-year = last year's report
J0313-report-year = the { $year } report
J0313-report-imported = the imported report

## J0314: 其中 rows, the parts of the row above them

J0314-parts-exceed = the 其中 rows under { $row } of table `{ $table }` add up to { $parts } in `{ $column }`, more than the row's { $whole }
    .label = { $column }: { $whole }
    .part = 其中
    .note = 其中 rows are parts of the row above them: together they cannot hold more than it
    .help = correct the row or its parts against the source data
J0314-part-without-whole = the 其中 row `{ $row }` has no row above it to be a part of
    .label = a part of what?
    .help = put it under the row it is a part of, or write it without `其中`

## J0412: a value shown with its unit, and a unit written after it ($shown is the value as shown, $written the unit after it)

J0412-unit-twice = this value is shown as `{ $shown }`, with its unit, and `{ $written }` is written after it: the published document would read `{ $printed }`
    .label = a unit too many
    .value = shown as `{ $shown }`
    .help = delete the `{ $written }` after it
    .help-other = delete the `{ $written }` after it; to show the value in { $written }, write `按 { $written }` inside the braces (`{"{"}收入.合计 按 { $written }{"}"}`) and then delete the unit after it

## J0401, J0407: words of direction

J0401-direction = the text says `{ $word }`, but the value is { $actual }
    .label = should be `{ $expected }`
    .value = is { $actual }
    .help-write = write `{ $write }` in its place
    .help = write `{ $expected }`, or let jues choose the word: interpolate the change without a word before it
J0407-words-disagree = `{ $first }` and `{ $second }` say opposite things of one change ({ $change })
    .here = `{ $word }` here
    .help = an amount and its rate change the same way: keep the word that is true and correct the other

## The values a setting takes, in J0105 (`` `合计行` takes `是` or `否` ``): src/eval/settings.rs

eval-setting-money-unit = `元`, `千元`, `万元` or `亿元`
eval-setting-rounding = `四舍五入` (half-up) or `银行家舍入` (half-even)
eval-setting-yes-no = `是` or `否`
eval-setting-precision = a power of ten: `1` (whole units, e.g. whole 万元), `0.1`, `0.01`, or `10`, `100`
eval-setting-classification = `功能分类` or `经济分类`
