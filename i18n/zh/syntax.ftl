# 语法错误的中文用语（src/syntax/error.rs、src/syntax/expected.rs，以及 src/source.rs 中文件不能
# 读取的原因）。每条消息在 ../en/syntax.ftl 中有对应的英文，占位符相同。

## J0001：按书写规则这里应写什么，实际写的是什么

J0001-expected = 这里应写{ $expected }，实际是{ $found }
    .label = 应写{ $expected }
J0001-unexpected = 这里不应出现{ $found }
    .label = 这里不应出现
# 几种可写的内容：`甲、乙或丙`（$init 是除最后一项外的各项，以顿号连接）。
syntax-alternatives = { $init }或{ $last }

# 书写规则中的符号或关键字，或者文档中的一个词：`}`、`其中`、`；`。
syntax-token = `{ $token }`
syntax-end-of-line = 行尾
syntax-end-of-file = 文件末尾
syntax-space = 空格

# 书写规则要求的内容，用语言参考中的叫法。
syntax-expected-stated = 写明的数（`= …`）
syntax-expected-format = 显示格式（`按 …`）
syntax-expected-columns-line = `列` 这一行
syntax-expected-cell-value = 单元格的值
syntax-expected-code = 科目编码
syntax-expected-row-selector = 编码或加引号的行名
syntax-expected-column = 列（`名称: 类型` 或 `名称 = 公式`）
syntax-expected-figure = 数据项（`名称 = 值`）
syntax-expected-format-option = 格式选项
syntax-expected-name = 名称
syntax-expected-number = 数字
syntax-expected-paragraph = 段落
syntax-expected-quoted = 加引号的文字（`"…"`）
syntax-expected-row = 行
syntax-expected-setting = 设置项（`名称 值`）
syntax-expected-table-name = 表名
syntax-expected-unit = 单位
syntax-expected-expression = 表达式
syntax-expected-operator = 运算符
syntax-expected-text = 文字

# 对最常见写法错误的提示。
J0001-help-close-brace = 正文中的 `{"}"}` 要写成 `\{"}"}`
J0001-help-open-brace = 正文中的 `{"{"}` 要写成 `\{"{"}`
J0001-help-half-width = `{"{"}…{"}"}` 中和定义中的字母、数字和符号要用半角：把 `{ $written }` 改为 `{ $write }`
J0001-help-unit-after-space = 如果 `{ $unit }` 是 `{ $number }` 的单位，要紧接着数字写，中间不留空格：`{ $write }`
J0001-help-quote-name = 行的名称要加引号：`{ $write }`
J0001-help-quote-label = 如果这是表的一行，它的名称要加引号：`{ $write }`
J0001-help-missing-eq = 定义数据项要在名称后写 `=`：`{ $write }`
J0001-help-block-space = `{ $keyword }` 后面要有一个空格，这一行才是块的开头：`{ $keyword } …`
J0001-help-close-block = 请在单独的一行写 `{"}"}` 结束这个块

## J0002：不是 jues 文档的文件

J0002-unreadable = 这个文件无法作为 jues 文档读取：{ $reason }
    .label = 这里
syntax-unreadable-nul = 其中有 NUL 字节，多半是二进制文件
    .help = jues 读取的是报告的源文件（`.jues` 文本）：请确认这不是工作簿、PDF 或别的文件
syntax-unreadable-too-large = 它有{ $size }字节，超过了 jues 能读取的{ $max }字节
    .help = 报告的源文件不会这么大：请确认这是报告的源文件（`.jues` 文本）
syntax-unreadable-not-utf8 = 它不是 UTF-8 编码的文本（第{ $offset }字节之后的字节无效）
    .help = 请把文档保存为 UTF-8 编码的文本
syntax-unreadable-encoding = 它是 { $encoding } 编码的文本，而 jues 只读取 UTF-8 编码的文档
    .help = 请把文档另存为 UTF-8 编码：在记事本中选“文件”→“另存为”，把“编码”选为“UTF-8”后保存（别的编辑器也有这样的选项）

## J0003：数字超过了十进制数能容纳的位数

J0003-out-of-range = 这个数字的位数超过了 jues 能精确计算的位数
    .label = 有效数字超过28位
    .help = 请改用更大的单位（`万元`、`亿元`）写这个金额，或者减少小数位数

## J0004：嵌套太深

J0004-nested = 嵌套超过了{ $limit }层
    .label = 太深
    .help = 请减少嵌套：把公式拆成几个有名称的数据项，或者把一个块拆成几个并列的块
J0004-operators = 这个公式中连续的运算符超过了{ $limit }个
    .label = 太长
    .help = 请把公式拆成几个有名称的数据项（先写 `小计一 = a + b + …`，再写 `合计 = 小计一 + 小计二`），或者用 `sum(表.列)` 把表的各行加起来

## J0005：数据项有两个公式或两个写明的数

J0005-malformed = 数据项 `{ $name }` 只能有一个公式和至多一个写明的数
J0005-two-values = 两个写明的数
    .help = 请保留公开的数值，把另一个换成应当算出它的公式：`{ $name } = 公式 = 数值`
J0005-two-formulas = 两个公式
    .help = 请只保留一个公式；要核对公开的数值，请把它写成数字：`{ $name } = 公式 = 数值`

## J0001：jues 不认识的表示变化的词

J0001-unknown-claim = `{ $word }` 既不是数字，也不是表示变化的词
    .label = 不是写明的值
    .help = 请照公开的样子写明数值（`= 8.46%`），或者用词写明变化：`持平`、`无变化`、`增加`、`减少`、`增长`、`下降`……
