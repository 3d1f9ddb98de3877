# 读取文档中写明的文件时的中文文本：数据文件（`来自`）、科目表（`科目表`）、字体（`字体`）和导入
# （`导入`）。每条消息在 ../en/data.ftl 中有对应的英文，占位符相同（有测试检查）。

## 文档中写明的文件为什么没有读取：“无法读取 `…`：”后面的原因（src/files.rs）

files-outside-project = 文件在项目文件夹之外（加 `--allow-outside-project` 才可读取）
files-not-regular = 不是普通文件（而是文件夹、设备或管道）
files-too-large = 文件大于{ $mib } MiB，超过 jues 读取单个文件的上限

## 数据文件的几种问题共用的标注

# 标在文档中写明的路径上（`来自 "…"`、`字体 "…"`）。
data-named-here = 在这里写明
# 标在表的文件路径上，指整张工作表的问题。
data-read-here = 在这里读取
# 标在工作表的单元格上。
data-in-this-cell = 在这个单元格
# 标在表中没有哪一列读取的单元格或列上。
data-not-read = 未读取

## J0502：无法读取的数据文件（src/data/error.rs）

J0502-unreadable = 无法读取数据文件 `{ $file }`：{ $reason }
    .help = 路径从本文档所在的文件夹算起，不能超出项目文件夹；可以读取工作簿（.xlsx、.xls、.ods）和 CSV 文件（UTF-8 或 GBK 编码）

# 数据文件或科目表无法读取的原因，接在“无法读取数据文件 `…`：”后面（src/data/read.rs、
# src/data/report.rs、src/lib.rs）。$error 是读取工作簿的程序给出的英文原文。
data-reason-not-workbook = 不是可以读取的工作簿（{ $error }）
data-reason-bad-sheet = 工作表 `{ $sheet }` 无法读取（{ $error }）
data-reason-bad-csv = 不是可以读取的 CSV 文件（{ $error }）
data-reason-csv-no-sheet = 这是文本（CSV）文件，没有工作表 `{ $sheet }`
data-reason-part-too-large = 其中的部件 `{ $part }` 解压后有{ $size } MB，超过工作簿单个部件允许的{ $limit } MB
data-reason-too-large = 解压后有{ $size } MB，超过工作簿允许的{ $limit } MB
data-reason-no-sheet = 没有工作表 `{ $sheet }`（现有工作表：{ $sheets }）
data-reason-no-sheets = 没有任何工作表
data-reason-too-many-cells = 工作表中有值的单元格超过{ $limit }个
# $encoding 是文件开头的字节标明的编码名称（`UTF-8`、`UTF-16LE`）。
data-reason-bad-text = 不是有效的 { $encoding } 文本
data-reason-encoding = 既不是 UTF-8 文本，也不是 GBK/GB18030 文本（请在 Excel 中另存为“CSV UTF-8”格式）
data-reason-open-quote = 第{ $row }行某个单元格开头的引号没有闭合，文件的其余部分会被当成一个单元格
data-reason-not-utf8 = 不是 UTF-8 文本
# `jues new --from`：报告要由工作簿生成，不能由一张 CSV 表生成。
data-reason-csv-report = 这是 CSV 文件，只有一张表：报告要由公开表的工作簿生成

## J0502：工作表的列和左右两侧

J0502-no-column = 数据文件 `{ $file }` 没有 `{ $column }` 列
    .label = 没有 `{ $column }` 列
    .help = 文件中的金额列有：{ $found }；如果其中某列就是 `{ $column }`（只是表头不同），请把那一列的表头写作 `{ $column }` 的标签（`{ $column } "表头": 金额`）
    .help-none = 表头中没有金额列
# $sides 是两侧的标签，各语言都用“、”连接（收入、支出）。
J0502-two-sides = `{ $file }` 的工作表分左右两侧（{ $sides }）：本表读取哪一侧？
    .help = 在表中写明 `侧 { $first }`（或 `侧 左`、`侧 右`）；每一侧各是一张表
J0502-no-side = `{ $file }` 的工作表没有 `{ $side }` 这一侧（现有：{ $sides }）
J0502-one-side = `{ $file }` 的工作表只有一侧：`侧` 用于在左右两侧中选择一侧

## J0502：数字列中不是数字的单元格；$place 是单元格（`收入决算表!B7`）

J0502-not-number = { $place }：`{ $value }` 不是数字
    .help = 请用数字填写金额（`836.78`、`1,149.45`），或让单元格留空
# $decimal 是把逗号换成小数点后的值（`836.78`）。
J0502-grouping = { $place }：`{ $value }` 不是数字：其中的逗号不是千位分隔符
    .help = 如果是{ $decimal }，请改用小数点；千位分隔符每三位一组（`1,149.45`）
J0502-date = { $place }：金额是日期（`{ $value }`），不是数字
    .help = 工作簿中这个单元格设成了日期格式：请改为数值格式，并核对它的值
# $serial 是 Excel 存储这个日期所用的数字。
J0502-date-stored = { $place }：金额是日期（`{ $value }`，存储为{ $serial }），不是数字
J0502-no-value = { $place }：公式的结果从未保存
    .help = 这个文件是由不计算公式的程序写出的：请用 Excel 或 WPS 打开后保存，或直接填写金额
J0502-error-value = { $place }：单元格中是错误值 `{ $value }`，不是金额
    .help = 请在工作簿中更正公式
J0502-rate = { $place }：比率列中的 `{ $value }` 没有说明是不是百分数
    .help = 请带 `%` 填写比率（`72.80%`），或在该列表头注明百分比（`完成率（%）`）：Excel 的百分比单元格把72.80%存为0.728
J0502-too-large = { $place }：`{ $value }` 超出了金额的范围
    .help = 请核对工作簿中的这个单元格

## J0502：工作表中不属于表格（按 jues 的理解）的部分

J0502-no-header = { $place }：工作表中没有写明各列名称的表头行
    .label = 从这里开始查找表格
    .help = 表头行应写明编码或名称列（`科目编码`、`科目名称` 或 `项目`）和各金额列；是不是读错了工作表（用 `工作表` 指定）？
J0502-no-key = { $place }：这一行有金额，但既没有编码也没有名称
    .label = 这是哪一项的金额？
    .help = 请在工作簿中填写这一行的科目编码或项目，或删除这一行
J0502-merged-amounts = { $place }：两行共用第{ $row }行合并单元格中的名称，而且都有金额
    .label = 又一行金额
    .help = 取消名称单元格的合并，给每一行写上名称；或只保留其中一行的金额
J0502-code-gap = { $place }：编码 `{ $code }` 缺少上一级（类、款或项）
    .label = 编码不完整
    .help = 请给每一行都写明类和款，或写出完整的编码
J0502-bad-code = { $place }：`{ $text }` 不是分类编码
    .label = 不是编码
    .help = 编码由数字组成：类三位（`208`），款和项各两位（`05`、`01`）
J0502-stray = { $place }：`{ $text }` 在表格的各列之外
    .help = 从工作表中删除它，或给它所在的列加上表头
J0502-unit = { $place }：金额单位 `{ $unit }` 不是货币单位
    .label = 未知单位
    .help = 请写元、千元、万元或亿元
# $letters 是工作表中各列的字母（`C、D`）。
J0502-two-columns = { $place }：表中的 `{ $column }` 列可能是工作表 { $letters } 列中的任何一列
    .label = 是哪一列？
    .help = 请把完整的表头写作表中这一列的标签（`合计 "本年支出合计"`）

## J0502：从文件读取的表在文档中写出的行

J0502-no-row = `{ $file }` 中没有编码或名称与此相同的行
    .label = 文件中没有
    .help = 从文件读取的表中写出的行，是给文件中的某一行补充内容（如 `说明`）；请把这一行写进文件
J0502-several-rows = `{ $file }` 中有多行的编码或名称与此相同
    .label = 是哪一行？
    .help = 请用编码指明是哪一行
J0502-unnamed = 给文件中某一行补充的单元格要写明所属的列
    .label = 哪一列？
    .help = 请写成 `说明="…"`
J0502-in-file = `{ $file }` 已经给出了这一行的 `{ $column }`
    .label = 重复给出
    .help = 请在工作簿中修改金额，不要在文档中改

## J0406：单元格中的隐藏字符

# $kind 是下面 hidden-… 中的一种；$code 是它的十六进制编号（`200B`）。
J0406-in-cell = { $place }：单元格中有{ $kind }（U+{ $code }）：显示出来的不是检查过的内容
    .help = 请在工作簿中删除它：重新输入这个单元格的内容
hidden-control = 控制字符
hidden-direction = 改变文字方向的字符
hidden-invisible = 看不见的字符
hidden-variant = 变体选择符或标签字符（会让文字看起来像别的文字）

## J0503：报告的 `字体` 写明了不能读取的文件

J0503-unusable = 无法使用字体 `{ $file }`：{ $reason }
    .help = 请写明项目内的字体文件或字体名称（`宋体`、`黑体`），或使用 `--font`

## J0504：表中没有读取的金额列

J0504-column = { $place }：`{ $words }` 列有金额，但表中没有哪一列读取它
    .help = 在表中加上这一列（`列 …`），以表头的文字作列名或标签；或从文件中删除这一列

## J0505：小数位数多于该列显示位数的金额

J0505-more-decimals = { $place }：金额 `{ $value }` 的小数位数多于这一列显示的位数
    .label = 超过两位小数
    .help = 公开的表显示两位小数：请在工作簿中将金额四舍五入，或核对算出它的公式

## J0506：另一个单位的工作簿

J0506-other-entity = `{ $file }` 是编制单位 `{ $found }` 的工作簿，而本报告的单位是 `{ $entity }`
    .help = 请确认这是本部门自己的工作簿；如果只是名称的写法不同，请把报告的单位改为工作簿上的写法

## J0501：无法载入的导入（src/import.rs）

J0501-failed = 无法导入 `{ $path }`：{ $reason }
    .label = 在这里导入
    .help = 路径从导入它的文件所在的文件夹算起，不能超出这个文件夹
    .help-no-name = 给导入的内容起一个名称：`导入 "{ $path }" 为 上年`，然后用 `上年.名称` 引用其中的数字
# 原因，接在“无法导入 `…`：”后面。
import-reason-cycle = 它又导入了本文件（循环导入）
import-reason-too-deep = 导入嵌套超过{ $depth }层
import-reason-no-name = 没有名称（`为 名称`）
