# 检查阶段（src/check/）发现的问题的中文用语：名称、函数、设置项和列，`待填`，正文的用语，年份，
# 科目编码表。每条消息在 ../en/check.ftl 中有对应的英文，占位符相同。

## J0101：未定义的名称

J0101-unknown-name = 名称 `{ $name }` 未定义
    .label = 未定义
    .row = 行的写法是 `表名[编码].列名`，并且要先用 `表` 定义这张表
    .define = 请先定义它：`{ $name } = …`
# 帮助信息：与所写名称最相近的已定义名称。
check-did-you-mean = 是不是想写 `{ $name }`？

## J0102：重复定义的名称（$what 是下面 check-defined-… 之一）

J0102-duplicate = { $what } `{ $name }` 定义了不止一次
    .label = 这里再次定义
    .first = 第一次定义在这里
    .help = 请删除其中一个定义，或者给这个{ $what }改名
check-defined-figure = 数据项
check-defined-table = 表
check-defined-column = 列
check-defined-setting = 设置项
check-defined-import = 导入名称

## J0103、J0104：函数

J0103-unknown-function = 没有函数 `{ $name }`
    .label = 没有这个函数
    .help = 可用的函数有 sum、share、growth、change、completion、abs、round、min 和 max，也可以用它们的中文名称（见 `docs/language.md`）
# $takes 是下面 check-takes-… 之一；建议中给出一种调用写法（`share(部分, 总数)`），`sum` 有两种。
J0104-arity = `{ $function }` 需要{ $takes }，但给了{ $found }个
    .label = { $found }个参数
    .help = 请写成 `{ $example }`
    .help-sum = 请写成 `sum(甲, 乙)` 或 `sum(表.列)`
check-takes-exactly = { $min }个参数
check-takes-between = { $min }到{ $max }个参数
check-takes-at-least = 至少{ $min }个参数

## J0105：设置项（$place 是下面 check-settings-of-… 之一）

J0105-unknown-setting = { $place } 块中没有设置项 `{ $key }`
    .label = 不是设置项
    .help = { $place }块中可以写的设置项有：{ $known }
    .row = 如果这是表的一行，它的名称要加引号：`{ $write }`
# 设置项在所列清单中的写法：中文说明只列中文写法，英文写法 $english 不显示（选择式只有一个空的默认分支）。
check-setting-spelling = `{ $chinese }`{ $english ->
       *[other] {""}
    }
check-settings-of-report = `报告`
check-settings-of-table = `表`
# $expected 是这个设置项可取的值（`是` 或 `否`）。
J0105-bad-value = `{ $value }` 不是 `{ $key }` 可取的值
    .label = 这里不能写这个值
    .help = `{ $key }` 可取的值：{ $expected }

## J0106：没有这一列

J0106-unknown-column = 表 `{ $table }` 中没有列 `{ $column }`
    .label = 没有这一列
    .declared = 表 `{ $table }` 在这里定义
    .help = 请把 `{ $column }` 加到 `{ $table }` 的 `列` 这一行中

## J0405：`待填`（$what 是下面 check-unfilled-… 之一）

J0405-unfilled = { $what }尚未填写（`待填`）
    .label = 待填
    .help = 请把 `待填` 换成实际的值；只要还有一处 `待填`，`jues build` 就不会发布任何文件
check-unfilled-figure = 数据项 `{ $name }` 的值
check-unfilled-table = 表 `{ $name }` 的列公式
check-unfilled-cell = 表 `{ $name }` 的一个单元格
check-unfilled-text = 这里的文字

## J0402、J0403、J0404：正文

J0402-placeholder = 留有模板文字：`{ $text }`
    .label = 占位文字
    .help = 请保留符合实际的那种写法，或者用 `@如果 条件 {"{"} … {"}"} 否则 {"{"} … {"}"}` 让 jues 来选择
J0403-missing-number = `{ $text }` 中 `{ $unit }` 的前面缺少数字
    .label = 多少{ $unit }？
    .help = 请在 `{ $unit }` 前面写上数字，或者引用数据项：`{"{"}名称{"}"}{ $unit }`
J0404-literal = `{ $text }` 直接写在正文中，不会被检查
    .label = 未经检查的数
    .help = 请引用数据项（`{"{"}名称{"}"}`）或者写明数值（`{"{"}名称 = 数值{"}"}`）；转录的报告请设置 `转录 是`

## J0406：看不见的字符（$kind 是下面 check-hidden-… 之一，$codes 是这些字符的码位）

J0406-hidden = 文字中有{ $kind }（{ $codes }）：显示出来的不是检查过的内容
    .label = 看不见的字符在这里
    .help = 请删除它：把它前后的文字重新输入一遍
check-hidden-control = 控制字符
check-hidden-direction = 改变文字方向的字符
check-hidden-invisible = 看不见的字符
check-hidden-variant = 变体选择符或标签字符（会让文字看起来像别的文字）

## J0409：繁体写法的关键字（$written 是写出的词，$keyword 是关键字的简体写法）

J0409-traditional-keyword = 这一行以 `{ $written }` 开头，它是关键字 `{ $keyword }` 的繁体写法：jues 不把它当作关键字，这一行按正文读入，没有被检查
    .label = 应写 `{ $keyword }`
    .help = 关键字请写简体：改为 `{ $keyword }`；如果这一行确是正文，请在开头加 `\`（`\{ $written }`）

## J0410：全角等号写的定义（$name 是等号前的名称）

J0410-full-width-equals = 这一行以 `{ $name }` 和全角等号 `＝` 开头：jues 只把半角的 `=` 当作定义数据项，这一行按正文读入，`{ $name }` 没有被定义，也没有被检查
    .label = 应写半角的 `=`
    .help = 定义数据项请用半角等号：改为 `{ $name } =`；如果这一行确是正文，请在开头加 `\`

## J0411：没有写 `检查` 的比较（$operator 是比较符号）

J0411-no-keyword = 这一行是一个比较（`{ $operator }`），但没有以 `检查 ` 开头：jues 把它当作正文，这项检查没有进行，这一行还会印在公开文件里
    .label = 比较
    .help = 在行首写 `检查 `，让 jues 进行这项检查；如果这一行确是正文，请在开头加 `\`
J0411-no-space = 这一行是一个比较（`{ $operator }`），但关键字 `{ $keyword }` 后面没有空格：jues 把它当作正文，这项检查没有进行，这一行还会印在公开文件里
    .label = 后面应有空格
    .help = 在 `{ $keyword }` 后面加一个空格

## J0408：正文中的年份（$year 是报告的年度，$written 是正文中写的年份）

J0408-comparison = { $year }年度的报告在与{ $written }年比较：上一年是{ $prior }年
    .help = 如果是与上一年比较，请写 `{ $prior }年`（或者 `{"{"}上年.年度{"}"}年`，或者 `上年`）
J0408-statement = `{ $written }年` 写在{ $year }年（报告的年度）的数字前面
    .help = 请写 `{ $year }年`（或者 `{"{"}年度{"}"}年`）：后面的数字是本年的
J0408-label = 报告是{ $year }年度的，这里写的是{ $written }年

## 科目编码表中的行，以及科目编码的格式（为什么一个编码不是科目编码）

check-codes-bad-kind = 第{ $line }行：`{ $kind }` 不是 `function` 或 `economic`
check-codes-bad-line = 第{ $line }行：应为 `kind<TAB>code<TAB>name`
check-code-not-a-digit = `{ $character }` 不是数字
check-code-digits = 它有{ $digits }位数字

# 设置项可取的几个值之一：`部门决算`或`部门预算`。
check-either = { $rest }或{ $last }
