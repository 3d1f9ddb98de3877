# 计算阶段（src/eval/）问题报告的中文用语。每条消息在 ../en/eval.ftl 中有对应的英文，占位符相同。

## 几种问题共用的部分

# 写明值据以核对的公式上的标注（J0201–J0204）。
eval-computed-from = 由此算出
# 算得值的区间说明（J0201–J0203）。
eval-interval = 考虑各输入数的舍入，该值在 { $interval } 范围内
# 建议改用某个名称或单位的建议行（J0101、J0204、J0207）。
eval-did-you-mean = 是否应为 `{ $name }`？
# 声明数字未公开之处的标注（J0214、J0215）。
eval-not-published = 未公开
# 正文显示了没有数值的数字时的标注（J0215）。
eval-no-value-to-print = 没有可显示的数值
# 只知道范围的数值（写作 `= ?` 的数字），用于任何显示数值的消息。
eval-between = 介于 { $lo } 与 { $hi } 之间
# 带标签的数字：`总计.收入`（收入总计）。
eval-figure-labelled = `{ $name }`（{ $label }）

## 数值的种类（src/eval/unit.rs），用于 J0206 和 J0306

eval-dim-money = 金额
eval-dim-count = { $unit }数
eval-dim-ratio = 比率
eval-dim-plain = 数值
# 种类不符的写明值的两边（J0206）。
eval-dim-stated = 写明的{ $dim }
eval-dim-computed = 算得的{ $dim }
# 对另一种数值使用 `{x 按 %}` 时的单位（J0206）。
eval-dim-unit = 单位 `{ $unit }`

## 消息中对表中一行的称呼（src/eval/table.rs）

eval-row = `{ $name }` 行
eval-row-total = 合计行
eval-row-subtotal = 小计行

## J0201–J0204：写明值及其核对对象

J0201-mismatch = 写明 `{ $stated }`，但 { $formula } 算得 { $computed }
    .label = 算得：{ $computed }
    .help = 应写 `{ $write }`
J0202-truncated = `{ $stated }` 像是截断而不是四舍五入：{ $formula } 算得 { $computed }，四舍五入应为 `{ $write }`
    .label = 截断了，没有四舍五入
    .help = 四舍五入应写 `{ $write }`
J0203-rounding-only = `{ $stated }` 只是因为输入数经过舍入才成立：{ $formula } 算得 { $computed }
    .label = 按写出的输入数算得 { $write }
    .help = 请核对未经舍入的原始数据；公布的数字并不能精确对上
J0204-wrong-scale = { J0201-mismatch }
    .label = 单位错误
# 写明的小计或合计据以核对的对象，用于 J0203（使用 `--strict` 时）。
eval-sum-of-rows = { $row }下各行之和（`{ $column }` 列）

## J0205：以零为基数的比率

# `.divisor`：`a / b` 的基数。
J0205-zero-base = `{ $function }` 的基数为零：{ $base } 为 0
    .label = 无定义
    .help = 以零为基数的比率没有数值：请写出金额（“预算为0万元，决算为0万元”）或写“不适用”，不要写百分比
    .divisor = 除数

## J0107：`{x 按 …}` 中没有这个选项

J0107-unknown-format = 未知的格式选项 `{ $option }`
    .label = 不是格式选项
    .help = 可用的选项有：单位（`元`、`万元`、`%` …）、小数位数（`.1`、`2位`）、`绝对值`、`千分位` 和 `增减`

## J0206：种类不同的数值，以及不是数字的内容

J0206-units = `{ $op }` 不能用于{ $left }和{ $right }
    .label = 单位不一致
    .help = 金额、不同事物的数量和比率不能混合运算；请检查各运算数的单位
# `.no-row` … `.comparison-shown`：不是数字的内容（$what）。
J0206-not-a-number = { $what }不是数字
    .label = 此处需要数字
    .no-row = `{ $table }[{ $row }]`（表中没有这一行）
    .not-a-cell = `{ $reference }`（这是表、行或列；请指明单元格，或使用 `sum`）
    .decimals = 小数位数（应为0到20之间的整数）
    .not-a-condition = `{ $expression }`（此处需要 `a > b` 这样的条件）
    .text-compared = 与数字比较的 `{ $formula }`（文本）
    .comparison-shown = 作为数值显示的 `{ $formula }`（比较式）

## J0207：jues 不认识的单位

J0207-unknown-unit = 未知的单位 `{ $unit }`
    .label = 不是单位
    .help = 金额单位为 元、千元、万元 或 亿元；数量单位为 人、人次、家、个、项、辆、台(套)、期、场、份、件、批次、团组 …；比率单位为 % 和 ‰（见 `docs/language.md`）

## J0208：超出精确小数范围的数值

# `.digits`、`.per-cent`、`.difference`：溢出的运算（$operation；其中的 $operation 是各运算数的值及其间的运算符）。
# `.result` … `.column`：不列出运算数时所算的内容，或换算为另一单位的数值。`.row-change`、
# `.total-difference`：表中一行所算的内容（$expression）。
J0208-overflow = 无法精确计算 { $expression }：{ $operation }
    .label = 超出精确小数的范围
    .help = 报告中的金额不会这么大或这么精确：请检查计算所用的数值，或改用更大的单位（`万元`、`亿元`）或更少的小数位
    .digits = { $operation }，有效数字超过28位
    .per-cent = { $operation }为{ $ratio }倍，化为百分数后有效数字超过28位
    .difference = 写明值减算得值，即 { $operation }，有效数字超过28位
    .result = 计算结果
    .ratio = 该比率
    .in-yuan = { $literal }（折合为元）
    .as-fraction = { $literal }（化为小数）
    .in-unit = { $value }（以{ $unit }计）
    .computed-in-unit = 算得的 { $value }（以{ $unit }计）
    .column = 加总 `{ $column }` 列时：{ $operation }
    .row-change = { $row }的 `{ $actual } - { $budget }`
    .total-difference = { $row }（`{ $column }` 列）与其各行之和的差

## J0004：计算嵌套过深

J0004-too-deep-computing = 计算 `{ $root }` 时嵌套超过{ $limit }层（数字由数字、单元格和运算符层层算出），一直到这里的 `{ $expression }`
    .label = 第{ $limit }层
    .help = 请减少连续嵌套的数字：用 `sum(…)` 或表的合计把多项加总，或把某个中间数字写成数值（`x = 1149.45`），再由它算出其余的数字

## J0101：导入的文档没有定义的名称

J0101-unknown-imported = 未知的名称 `{ $name }`：导入的文档没有定义它
    .label = 导入的文档中没有
    .by-label = 导入的报告称之为 `{ $name }`：请照此写
    .help = 导入报告中的数字沿用该报告自己的名称（`上年.收入.合计`、`上年.总计.收入`）：请使用这些名称之一，或在导入的报告中定义该数字

## J0209：循环定义

# `.figure`、`.column`：依赖于自身的内容（$path）。
J0209-cycle = 循环定义：{ $path }
    .label = 依赖于自身
    .help = 请把其中一个改为数值，而不是公式
    .figure = `{ $name }` 依赖于自身
    .column = 表 `{ $table }` 的 `{ $column }` 列依赖于自身

## J0210：检查未通过

# `.sides`、`.false`：标注，条件两边的数值，或条件不成立。
J0210-check-failed = 检查未通过
    .said = 检查未通过：{ $message }
    .standard = { $check }（{ $kind }的标准勾稽关系）
    .identity = { $kind }的勾稽关系
    .defined = `{ $name }` 在此定义
    .default = 报告没有给出 { $name }，按0计
    .help = 请更正数字，使条件成立
    .help-defaults = 请更正数字，使条件成立；报告公布的数字请给出其数值，未公布的写 `= 未公开`（摘录在 `报告` 块中写 `摘录 是`）
    .sides = `{ $left }` 为 { $left_value }，`{ $right }` 为 { $right_value }
    .false = 条件不成立

## J0211：金额视为公布到整数单位

J0211-whole-units = { $count ->
        [1] 表
       *[other] 各表
    } { $tables } 的金额都是整数：视为公布到整{ $unit }（`金额精度 1`）
    .label = 金额舍入到整{ $unit }
    .note = 因此 `23653` 代表23652.5到23653.5{ $unit }之间的任何金额，一类的各行在此舍入范围内加总等于它即可
    .help = 请在 `报告` 块中写明（`金额精度 1`），此提示即不再出现；如果金额是精确的，请在那里或表中写 `金额精度 0.01`

## J0212、J0213：只能通过正文的表述得知的数字（`= ?`）

J0212-contradiction = 关于 { $figure } 的表述相互矛盾：此处要求它{ $implied }，另一处要求它{ $other_implied }
    .needs = 要求它{ $implied }
    .declared = 只能通过正文的表述得知
    .note = 每个写明值（连同其舍入）都给该数字划定了范围；没有一个值能让两处表述同时成立
    .help = 两个写明值中有一个是错的：请对照原始数据核对两者
J0213-unbounded = 正文的表述没有给 { $figure } 划定范围
    .label = 没有写明值能给出它
    .note = 未知数字（`= ?`）由这样的写明值推算：其公式只提到它一次，且不提到其他未知数字，例如 `{"{"}completion(决算数, 年初预算) = 91.27%{"}"}`；依赖它的内容不做检查
    .help = 请写明一个能给出它的值，或给出该数字的公布值

## J0214：因依赖未公开的数字而未检查的内容

# `.stated-value` … `.check`：未检查的内容（$what）。
J0214-not-checked = 未检查：{ $what }，因为{ $count ->
        [1] 这个数字
       *[other] 这些数字
    }未公开：{ $figures }
    .label = 未检查
    .identity = 该勾稽关系
    .excerpt = 本文档是摘录（`摘录 是`）：未给出的标准数字视为未公开，而不是0
    .excerpt-label = 摘录：未给出的内容视为未公开
    .unpublished = 写作 `= 未公开` 的数字没有数值，而不是0
    .help = 给出该数字的公布值后即可检查
    .stated-value = `{ $name }` 的写明值
    .standard-said = { $kind }的标准勾稽关系“{ $message }”
    .check-said = 检查“{ $message }”
    .standard = { $kind }的标准勾稽关系 `{ $condition }`
    .check = 检查 `{ $condition }`

## J0215：正文显示了没有数值的数字

J0215-unknown-shown = 正文显示了 { $figures }，但报告只通过正文的表述间接给出它
    .declared = 只知道范围
    .note = 只知道它的值在各处表述给出的范围内：为它显示的任何数字都是猜测
    .help = 请把公布文本中的数字写成写明值（`{"{"}名称 = 数值{"}"}`），或给出该数字的公布值
J0215-unpublished-shown = 正文显示了 { $figures }，但报告并未公开它
    .help = 请给出该数字的公布值，或把公布的数字写成写明值（`{"{"}名称 = 数值{"}"}`）

## J0301：写明的小计或合计不等于各行之和

J0301-total-mismatch = 表 `{ $table }` { $row }写明{ $column } { $stated }，但各行之和为 { $computed }（相差 { $difference }）
    .label = 各行之和为 { $computed }
    .rounding = 金额按 `金额精度 { $precision }` 公布，各行之和在 { $sum } 范围内，合计在 { $total } 范围内：两者没有交集
    .help = 应写 `{ $write }`，或更正各行

## J0302、J0303：行及其编码

J0302-duplicate-row = 表中 `{ $key }` 行出现了两次
    .label = 再次出现
    .first = 首次出现
    .help = 请合并这两行，或给第二行另设分类编码
J0303-code-name = 编码 `{ $code }` 的名称是 `{ $expected }`，不是 `{ $written }`
    .label = 应为 `{ $expected }`
    .help = 应写 `"{ $expected }"`

## J0304：列表中没有的编码

# `.more`：截短的编码列表的结尾。
J0304-unlisted = 表 `{ $table }` 的编码 `{ $code }` 不在{ $lists }中
    .label = 不在列表中
    .table = 表 `{ $table }` 有{ $count }个编码不在{ $lists }中：{ $codes }
    .tables = { $tables }张表中有{ $count }个编码不在{ $lists }中：{ $codes }
    .first = 首个不在列表中的编码（共{ $count }个）
    .more = 还有{ $count }个
    .lists = 内置的分类科目列表
    .lists-own = 内置的分类科目列表或报告的 `科目表`
    .note = 这些编码的名称未经检查：内置列表只收录已对照公开来源核实的编码（`stdlib/codes/`）
    .by-table = 各表不在列表中的编码数：{ $tables }
    .in-table = `{ $table }` { $count }个
    .help-own = 如需检查其名称，请把它们加入报告的 `科目表`，每个编码写明名称、级次和名称出处（`jues explain J0304`）
    .help = 如需检查其名称，请为报告提供当年的科目列表：在 `报告` 块中写 `科目表 "codes.tsv"`（`jues explain J0304` 说明该文件）

## J0305、J0306：形式不对的编码和单元格

J0305-invalid-code = `{ $code }` 不是分类编码：{ $reason }
    .label = 无效编码
    .help = 功能分类编码为3位（类）、5位（款）或7位（项）；经济分类编码为3位或5位
# `.numbers`、`.text`、`.stated-number`：一列应填的内容（$expected）。
J0306-cell-type = `{ $column }` 列应填{ $expected }
    .label = 应为{ $expected }
    .help = 请对照 `列` 行检查单元格的顺序
    .numbers = 数字（{ $dim }）
    .text = 带引号的文本
    .stated-number = 写明的数字
J0306-too-many-cells = 此行的单元格多于表的{ $columns }个输入列
    .label = 多余的单元格
    .help = 删去该单元格，或在 `列` 行中增加一列

## J0307–J0309：空表、缺少的表，以及未说明原因的预算行

J0307-empty-table = 表 `{ $table }` 没有行，也没有说明原因
    .label = 空表
    .help = 请写出表的各行，或说明为什么没有：`空表说明 "本单位无…"`（转录的原文未公开这些行时，写 `未公开 "…"`）
J0308-missing-reason = { $row }决算数为 { $actual }，年初预算为 { $budget }，未说明原因
    .label = 需要说明原因
    .help = 请在该行的 `说明` 单元格写明原因（决算数与年初预算差异超过10%或无年初预算时须说明原因）
# `.table`：缺少的一张表：编号、标题和名称。
J0309-missing-tables = 报告缺少{ $kind }应公开的{ $count }张表：{ $tables }
    .label = { $kind }须公开全部公开表
    .help = 请在第二部分相应位置逐一声明：{ $declarations }，写出各行；没有内容时写 `空表说明 "本单位无…"`
    .table = { $number } { $title }（`{ $table }`）

## J0312：列在不属于其编码的类或款下的行

# `.level`、`.level-named`：该行所列在的行（$above）。`.counted`、`.counted-total`：其金额计入何处（$counted）。
J0312-wrong-parent = { $row }被列在 { $above }下，但 { $code } 是 { $belongs } { $level }的{ $own }
    .label = { $belongs } { $level }的{ $own }
    .under = 列在此{ $level }下
    .note = 小计按编码汇总：{ $counted }
    .help = { $code } 属于 { $belongs } { $level }，却列在 { $under } { $level }下：请把该行移到 { $belongs } { $level }下，或更正其编码
    .level = `{ $code }` { $level }
    .level-named = `{ $code } { $name }` { $level }
    .counted = 其金额计入其编码所属的{ $level }，即 { $row }，而不是 `{ $under }`
    .counted-total = 其金额除合计外不计入表中任何一行，也不计入 `{ $under }`

## J0313：一个编码有两个名称

J0313-two-names = 编码 `{ $code }` 在表 `{ $table }` 中为 `{ $written }`，在表 `{ $other_table }` 中却为 `{ $other }`
    .label = 与 `{ $other_table }` 中的名称不同
    .other = 此处名为 `{ $other }`
    .help = 一个编码只有一个名称：两张表都请写政府收支分类科目中 { $code } 的名称
J0313-imported = 编码 `{ $code }` 此处为 `{ $written }`，{ $report }（`{ $alias }`）却称之为 `{ $other }`
    .label = { $report }：`{ $other }`
    .other = { $report }中的表 `{ $other_table }`
    .help = 请写政府收支分类科目中 { $code } 的名称；如果此后的科目分类改了名称，请保留新名称，并为报告提供写有今年名称的 `科目表`，jues 会改用它检查
    .help-same = 一个编码只有一个名称：两份报告都请写政府收支分类科目中 { $code } 的名称
J0313-report-last-year = 上年报告
J0313-report-year = { $year }年度报告
J0313-report-imported = 导入的报告

## J0314：其中行，即其上一行的组成部分

J0314-parts-exceed = 表 `{ $table }` { $row }下的其中行在 `{ $column }` 列合计 { $parts }，超过该行的 { $whole }
    .label = { $column }：{ $whole }
    .part = 其中
    .note = 其中行是其上一行的组成部分：加起来不能超过该行
    .help = 请对照原始数据更正该行或其组成部分
J0314-part-without-whole = 其中行 `{ $row }` 上面没有可归属的行
    .label = 是哪一行的组成部分？
    .help = 请把它放在所属的行之下，或去掉 `其中`

## J0412：数值已带单位，后面又写了单位（$shown 是数值印出的样子，$written 是后面写的单位）

J0412-unit-twice = 这个数值印出来是 `{ $shown }`，已经带有单位，后面又写了 `{ $written }`：公开文件里会印成 `{ $printed }`
    .label = 多写的单位
    .value = 印出 `{ $shown }`
    .help = 去掉后面的 `{ $written }`
    .help-other = 去掉后面的 `{ $written }`；如果要按 `{ $written }` 印出数值，在花括号里写 `按 { $written }`（如 `{"{"}收入.合计 按 { $written }{"}"}`），再去掉后面的单位

## J0401、J0407：表示方向的词

J0401-direction = 正文写 `{ $word }`，但该值为 { $actual }
    .label = 应为 `{ $expected }`
    .value = 为 { $actual }
    .help-write = 应改写为 `{ $write }`
    .help = 应写 `{ $expected }`，或让 jues 选词：插入变动值时前面不写方向词
J0407-words-disagree = `{ $first }` 与 `{ $second }` 对同一变动（{ $change }）的说法相反
    .here = 此处为 `{ $word }`
    .help = 金额与其变动率的方向一致：保留正确的词，更正另一个

## 设置项可取的值，用于 J0105（`` `合计行` 可取的值：`是` 或 `否` ``）：src/eval/settings.rs

eval-setting-money-unit = `元`、`千元`、`万元` 或 `亿元`
eval-setting-rounding = `四舍五入` 或 `银行家舍入`
eval-setting-yes-no = `是` 或 `否`
eval-setting-precision = 10的整数次幂：`1`（整数单位，如整万元）、`0.1`、`0.01`，或 `10`、`100`
eval-setting-classification = `功能分类` 或 `经济分类`
