# The English texts of reading the files a document names: data files (`来自`), code lists
# (`科目表`), fonts (`字体`) and imports (`导入`). Each message has its twin in ../zh/data.ftl,
# with the same placeholders (a test holds the two to that).

## Why a file a document names is not read: the reason after "cannot read `…`: " (src/files.rs)

files-outside-project = it is outside the project folder (`--allow-outside-project` allows it)
files-not-regular = it is not a regular file (it is a folder, a device or a pipe)
files-too-large = it is larger than { $mib } MiB, the most jues reads of one file

## Labels that several problems of a data file share

# On a path written in the document (`来自 "…"`, `字体 "…"`).
data-named-here = named here
# On the path of a table's file, for a problem of the whole sheet.
data-read-here = read here
# On a cell of a sheet.
data-in-this-cell = in this cell
# On a cell or a column of a sheet that no column of the table reads.
data-not-read = not read

## J0502: a data file that cannot be read (src/data/error.rs)

J0502-unreadable = cannot read the data file `{ $file }`: { $reason }
    .help = the path is relative to the document and stays inside its project folder; workbooks (.xlsx, .xls, .ods) and CSV files (UTF-8 or GBK) are read

# Why a data file or a code list cannot be read, after "cannot read the data file `…`: "
# (src/data/read.rs, src/data/report.rs, src/lib.rs). $error is the words of the program that
# reads workbooks, in English.
data-reason-not-workbook = it is not a readable workbook ({ $error })
data-reason-bad-sheet = its sheet `{ $sheet }` cannot be read ({ $error })
data-reason-bad-csv = it is not a readable CSV file ({ $error })
data-reason-csv-no-sheet = it is a text (CSV) file, which has no sheet `{ $sheet }`
data-reason-part-too-large = its part `{ $part }` unpacks to { $size } MB, more than the { $limit } MB a workbook part may have
data-reason-too-large = it unpacks to { $size } MB, more than the { $limit } MB a workbook may have
data-reason-no-sheet = it has no sheet `{ $sheet }` (sheets: { $sheets })
data-reason-no-sheets = it has no sheets
data-reason-too-many-cells = its sheet has more than { $limit } cells with a value
# $encoding is the name of the encoding its first bytes announce (`UTF-8`, `UTF-16LE`).
data-reason-bad-text = it is not valid { $encoding } text
data-reason-encoding = it is neither UTF-8 nor GBK/GB18030 text (save the CSV as “CSV UTF-8” in Excel)
data-reason-open-quote = the quote that opens a cell in row { $row } is never closed, so the rest of the file would be one cell
data-reason-not-utf8 = it is not UTF-8 text
# `jues new --from`: a report is made from a workbook, not from one CSV table.
data-reason-csv-report = it is a CSV file, one table: a report is made from a workbook of the 公开表

## J0502: the columns and the sides of a sheet

J0502-no-column = the data file `{ $file }` has no column `{ $column }`
    .label = no column `{ $column }`
    .help = its columns of amounts are: { $found }; if one of them is `{ $column }` by another name, give the column that header as its label (`{ $column } "表头": 金额`)
    .help-none = its header names no columns of amounts
# $sides are the sides' labels joined by `、` in every language (收入、支出).
J0502-two-sides = the sheet of `{ $file }` has two sides ({ $sides }): which does this table read?
    .help = write `侧 { $first }` in the table (or `侧 左`, `侧 右`); each side is a table of its own
J0502-no-side = the sheet of `{ $file }` has no side `{ $side }` (its sides: { $sides })
J0502-one-side = the sheet of `{ $file }` has one side: `侧` chooses between two

## J0502: a cell of a number column that is not a number; $place is the cell (`收入决算表!B7`)

J0502-not-number = { $place }: `{ $value }` is not a number
    .help = write the amount as digits (`836.78`, `1,149.45`), or leave the cell empty
# $decimal is the value with its comma as a decimal point (`836.78`).
J0502-grouping = { $place }: `{ $value }` is not a number: its comma does not separate thousands
    .help = if it is { $decimal }, write a decimal point; thousands are grouped by threes (`1,149.45`)
J0502-date = { $place }: the amount is a date (`{ $value }`), not a number
    .help = the cell is formatted as a date in the workbook: format it as a number and check its value
# $serial is the number Excel stores the date as.
J0502-date-stored = { $place }: the amount is a date (`{ $value }`, stored as { $serial }), not a number
J0502-no-value = { $place }: a formula whose result was never saved
    .help = the file was written by a program that did not compute its formulas: open it in Excel or WPS and save it, or write the amount
J0502-error-value = { $place }: the cell holds the error `{ $value }`, not an amount
    .help = correct the formula in the workbook
J0502-rate = { $place }: `{ $value }` in a column of rates does not say whether it is per cent
    .help = write the rate with `%` (`72.80%`), or give its column a header in per cent (`完成率（%）`): a percentage cell of Excel stores 72.80% as 0.728
J0502-too-large = { $place }: `{ $value }` is beyond the range of an amount
    .help = check the cell in the workbook

## J0502: a part of the sheet that is not part of the table as jues understands it

J0502-no-header = { $place }: no row of the sheet names the columns
    .label = the table was looked for from here
    .help = the header row names the key column (`科目编码`, `科目名称` or `项目`) and the columns of amounts; is this the right sheet (`工作表`)?
J0502-no-key = { $place }: a row with amounts but neither a code nor a name
    .label = whose amount is this?
    .help = write the row's 科目编码 or 项目 in the workbook, or delete the row
J0502-merged-amounts = { $place }: two rows share the merged name of row { $row } and both have amounts
    .label = a second amount
    .help = unmerge the name cells and name each row, or keep one row's amounts
J0502-code-gap = { $place }: the code `{ $code }` lacks a level (类, 款 or 项) above it
    .label = incomplete code
    .help = write the 类 and 款 of every row, or its whole code
J0502-bad-code = { $place }: `{ $text }` is not a classification code
    .label = not a code
    .help = a code is digits: 类 three (`208`), 款 and 项 two each (`05`, `01`)
J0502-stray = { $place }: `{ $text }` stands outside the table's columns
    .help = delete it from the sheet, or give its column a header
J0502-unit = { $place }: the caption's unit `{ $unit }` is not a unit of money
    .label = unknown unit
    .help = write 元, 千元, 万元 or 亿元
# $letters are the letters of the sheet's columns (`C, D`).
J0502-two-columns = { $place }: the table's column `{ $column }` could be any of the sheet's columns { $letters }
    .label = which one?
    .help = give the table's column the whole header as its label (`合计 "本年支出合计"`)

## J0502: a row written in the document of a table read from a file

J0502-no-row = `{ $file }` has no row with this key
    .label = not in the file
    .help = a row written in a table read from a file adds to a row of the file (its `说明`); write the row in the file
J0502-several-rows = `{ $file }` has several rows with this key
    .label = which one?
    .help = name the row by its code
J0502-unnamed = a cell added to a row of the file names its column
    .label = which column?
    .help = write it as `说明="…"`
J0502-in-file = `{ $file }` gives this row's `{ $column }` already
    .label = given twice
    .help = change the amount in the workbook, not in the document

## J0406: a hidden character in a cell

# $kind is one of the hidden-… texts below; $code its hexadecimal number (`200B`).
J0406-in-cell = { $place }: { $kind } (U+{ $code }): what is shown is not what is checked
    .help = delete it in the workbook: retype the cell
hidden-control = a control character
hidden-direction = a character that changes the reading direction
hidden-invisible = an invisible character
hidden-variant = a variation selector or tag character, which makes look-alike text

## J0503: the report's `字体` names a file that may not be read

J0503-unusable = cannot use the font `{ $file }`: { $reason }
    .help = name a font file inside the project, a family (`宋体`, `黑体`), or use `--font`

## J0504: a column of amounts that the table does not read

J0504-column = { $place }: the column `{ $words }` has amounts, but the table has no column that reads it
    .help = add the column to the table (`列 …`), with the header's words as its name or label; or delete it from the file

## J0505: an amount with more decimals than its column shows

J0505-more-decimals = { $place }: the amount `{ $value }` has more decimals than its column shows
    .label = more than two decimals
    .help = the published table shows two decimals: round the amount in the workbook, or check the formula that makes it

## J0506: the workbook of another department

J0506-other-entity = `{ $file }` is the workbook of 编制单位 `{ $found }`, but the report is of `{ $entity }`
    .help = check that this is the department's own workbook; if the names differ only in wording, make the report's 单位 the workbook's

## J0501: an import that cannot be loaded (src/import.rs)

J0501-failed = cannot import `{ $path }`: { $reason }
    .label = here
    .help = the path is relative to the importing file and must stay inside its folder
    .help-no-name = name what it brings: `导入 "{ $path }" 为 上年`, then refer to its figures as `上年.名称`
# Why, after "cannot import `…`: ".
import-reason-cycle = it imports this file again (an import cycle)
import-reason-too-deep = imports are nested more than { $depth } deep
import-reason-no-name = it has no name (`为 名称`)
