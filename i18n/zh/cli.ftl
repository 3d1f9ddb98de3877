# 命令行的中文文本。每条消息在 ../en/cli.ftl 中有对应的英文，占位符相同（有测试检查）。

## jues check：汇总行

check-summary-clean = 已检查 { $files } 个文件：未发现问题
check-summary = 已检查 { $files } 个文件：{ $errors } 处错误，{ $warnings } 处警告，{ $notes } 处提示

## 读不了、写不了的文件

io-not-found = 文件不存在
io-permission = 没有权限
io-disk-full = 磁盘已满
io-too-large = 文件超过允许的大小
io-exists = 已存在
io-is-folder = 这是文件夹，不是文件
io-not-folder = 路径中有一段不是文件夹
io-folder-not-empty = 文件夹不是空的
io-read-only = 所在的磁盘只能读、不能写
io-busy = 文件正被其他程序占用
io-bad-name = 文件名不可用
io-cut-short = 文件不完整（读到中途就结束了）
io-port-taken = 该端口已被其他程序占用，请换一个端口（写 0 时自动选择）
io-address-unavailable = 本机没有这个地址
io-timed-out = 操作超时
io-out-of-memory = 内存不足
# 较少见的系统错误：$error 是操作系统给出的原文。
io-other = 系统错误（{ $error }）
cannot-read = 错误：无法读取 `{ $path }`：{ $reason }
cannot-create = 错误：无法创建 `{ $path }`：{ $reason }
cannot-write-none-changed = 错误：无法写入 `{ $path }`：{ $reason }；没有改动任何文件
wrote = 已写出 { $path }

## jues build

build-refused = 错误：未写出文件：`{ $path }` 有 { $errors } 处错误（加 `--allow-errors` 仍会写出）
pdf-failed = 错误：无法生成 PDF：{ $reason }；未写出任何文件

## jues fmt

fmt-syntax-errors = 错误：`{ $path }` 有语法错误，请先运行 `jues check`
fmt-unreadable = 错误：无法格式化 `{ $path }`：{ $reason }
    {"  "}建议：{ $help }
fmt-cannot-write = 错误：无法写入 `{ $path }`：{ $reason }；文件未改动
fmt-formatted = 已格式化 { $path }
fmt-unformatted = { $count } 个文件未格式化

## jues watch

watch-cannot-serve = 错误：无法在端口 { $port } 上提供网页：{ $reason }
watch-cannot-watch-files = 错误：无法监视文件：{ $reason }
watch-cannot-watch = 错误：无法监视 `{ $path }`
watch-cannot-watch-folder = 警告：无法监视 `{ $path }`：{ $reason }
watch-too-many = 系统可同时监视的文件数已满（可调大 `fs.inotify.max_user_watches`）
watch-watching = 正在监视 { $path }（按 Ctrl-C 停止）
watch-rebuilding = ── 发现改动，重新生成 ──

## 严重程度：jues explain 和问题代码说明中的叫法

severity-error = 错误
severity-warning = 警告
severity-note = 提示

## jues explain

# 单个代码的说明：`J0201: 写明的数字与公式算出的不一致（默认：错误）`。
explain-code-heading = { $code }: { $title }（默认：{ $severity }）
explain-unknown-code = 错误：没有问题代码 `{ $code }`；运行 `jues explain` 可列出全部代码

## jues explain --all：docs/diagnostics.zh.md

explain-doc-title = # 问题代码
explain-doc-generated = <!-- 由 `jues explain --all --lang zh` 生成；有测试保证本文件与该输出一致。 -->
explain-doc-other-language = English: [diagnostics.md](diagnostics.md)
explain-doc-intro = jues 报告的每一个问题都有固定的代码、严重程度和说明；`jues explain 代码`（例如 `jues explain J0201`）打印下面对应的条目。严重程度分三种：**错误**（检查不通过）、**警告**（只有使用 `--deny warnings` 时检查才不通过）、**提示**（供参考）。
# $schema 是 JSON 的结构，由程序填入：各语言相同。
explain-doc-json = `jues check` 使用 `--format json` 时输出一个 JSON 文档：`{ $schema }`。其 JSON Schema 见 `docs/schemas/diagnostics.schema.json`；`schema` 中的版本号只在删去字段或改变字段含义时才变。行号、列号从1开始；列按字符计算，一个汉字算一列。`--format sarif` 以 SARIF 2.1.0 日志输出同样的问题，供代码扫描服务读取。
explain-doc-table = | 代码 | 严重程度 | 标题 |
# 每个代码标题下的一行：`**写明的数字与公式算出的不一致**（默认：错误）`。
explain-doc-entry = **{ $title }**（默认：{ $severity }）

## jues lsp：编辑器中显示的文字

# 鼠标停在写明值或数字上时。
hover-exact = 精确值：{ $value }
hover-verified = 写明值核对无误
hover-interval = 精度范围：{ $interval }
hover-formula = 公式：`{ $formula }`
hover-stated = 写明：{ $value }
# 鼠标停在表的单元格上时：表名、行（编码和名称）、列和表中显示的值。
hover-cell = 表 `{ $table }` · { $row } · { $column }：**{ $value }**
# 鼠标停在有计算列的行的编码或名称上时：表名和行；其后是该行计算得出的单元格。
hover-row = 表 `{ $table }` · { $row }
# 一行中计算得出的单元格：所在列、该列的公式和值。
hover-computed = { $column } = `{ $formula }`：**{ $value }**
# 快速修复的标题。
fix-write = 改为 `{ $replacement }`
# jues 检查文档时内部出错（jues 的缺陷，已拦截）时编辑器显示的文字。
lsp-internal-error = jues 检查本文档时内部出错（{ $panic }），因此这里不显示其他问题。这是 jues 的缺陷，不是报告的问题：请连同文档一起报告。下次编辑时会重新检查。

## 检查多个文件时的汇总表

table-file = 文件
table-errors = 错误
table-warnings = 警告
table-notes = 提示
table-clean = { $files } 个文件中有 { $clean } 个没有错误和警告

## jues new

new-unknown-type = 错误：没有 `{ $kind }` 这种报告类型；可用的类型有 { $types }
new-not-empty = 错误：`{ $path }` 已存在且不是空文件夹；请换一个新文件夹
new-cannot-make = 错误：无法由 `{ $path }` 生成报告：{ $reason }
new-next = 下一步：把 { $path } 中的每个 `待填` 换成实际内容（`jues check { $path }` 会逐一列出），然后运行 `jues build { $path } -o out`
new-next-from = 下一步：`jues check { $path }` 列出还需填写的地方（`待填`），然后运行 `jues build { $path } -o out`
# 工作簿中不属于标准公开表的工作表，以及找不到对应工作表的标准表。
new-sheet-not-read = {"  "}{ $sheet } → 不是标准公开表（“{ $title }”）：未读取
new-no-sheet = {"  "}没有 表 { $table } 的工作表：请在 report.jues 中填写
new-from-other-type = 错误：`--from` 生成的是 `{ $from_type }` 类型的报告，不是 `{ $kind }`

## 其他

lang-unknown = `{ $text }` 不是可选的语言（{ $tags }）
lsp-stopped = 错误：语言服务器已停止：{ $reason }
serve-serving = 正在提供网页：{ $address }
