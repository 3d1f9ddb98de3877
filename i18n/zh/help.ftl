# 命令行的帮助（--help）、写错时的说明和手册页的中文文本。每条消息在 ../en/help.ftl 中有对应的英文，
# 占位符相同（有测试检查）。只在需要显示帮助或说明写错之处时才读入。

## --help：各命令和参数的用途（src/cli/help.rs）

help-usage = 用法：
help-heading-commands = 命令：
help-heading-arguments = 参数：
help-heading-options = 选项：
help-usage-options = 选项
help-usage-command = 命令
help-arg-help = 显示帮助
help-arg-version = 显示版本
help-help = 显示 jues 或某个命令的帮助
help-help-subcommand = 要查看帮助的命令
help-jues = jues：检查并生成部门决算、部门预算公开文件
help-check = 检查文档，列出发现的每一处问题
help-build = 检查文档，然后生成 HTML、Markdown、PDF 和数据文件（JSON）
help-watch = 生成文档，之后每当它（或它读取的文件）有改动就重新生成。只有没有错误时才替换已生成的文件，上一次正确的结果会保留
help-lsp = 在标准输入输出上运行语言服务器（供编辑器使用）
help-fmt = 整理文档格式：声明按统一格式排列，正文保持原样
help-new = 用标准模板新建一份报告，供逐项填写
help-explain = 说明某个问题代码，或列出全部代码
help-completions = 输出命令行补全脚本（按 Tab 补全 jues 的命令和参数），供 shell 使用
help-man = 输出 jues 的手册页（roff 格式，供 `man` 使用）
help-arg-shell = shell 的种类：`bash`、`zsh`、`fish`、`powershell` 或 `elvish`
help-arg-lang = jues 输出所用的语言：`zh`（中文）或 `en`（英文）。默认依次看 `JUES_LANG`、系统区域设置（`LC_ALL`、`LC_MESSAGES`、`LANG`），都没有时用中文
help-check-files = 要检查的 `.jues` 文件（或存放它们的文件夹）
help-build-file = 要生成的 `.jues` 文件
help-watch-file = 要监视并生成的 `.jues` 文件
help-fmt-files = 要整理格式的 `.jues` 文件
help-arg-allow_errors = 文档有错误时也写出文件
help-arg-annotate = 在 HTML 中把每个写明的数字标为核对无误或有误，并汇总全部问题：用于审核已公开的报告（同时相当于 --allow-errors）
help-arg-serve = 在 http://127.0.0.1:端口/ 上提供 HTML 预览（仅本机），每次生成成功后自动刷新；端口写 0 时自动选一个空闲端口
help-arg-check = 不改动文件；列出格式不规范的文件及差异，并以退出码 1 结束
help-arg-dir = 要新建的文件夹（不能已存在，或必须为空）
help-arg-kind = 报告类型，标准库中的一种：`部门决算`（默认）或 `部门预算`
help-arg-entity = 单位名称；用 `--from` 时默认取工作簿中的编制单位
help-arg-year = 报告年度；默认是上一年
help-arg-prior = 上年的报告，作为 `上年` 导入，不必再逐个录入上年数：从新报告所在文件夹看它的路径（`../2024决算/report.jues`）
help-arg-from = 决算软件导出的公开表工作簿（`.xlsx`、`.xls`）：复制到新文件夹中，每张表从中读取各行，情况说明中的每个数字都写成公式
help-arg-code = 问题代码，如 `J0101`；不写时列出全部代码
help-arg-all = 以 Markdown 输出全部代码的完整说明，语言按 `--lang`（`docs/diagnostics.md`、`docs/diagnostics.zh.md`）
help-arg-to = 要生成的格式，用逗号分隔：`html`（单个网页）、`md`（GitHub Markdown）、`json`（数据文件：每个数字、单元格和写明值）、`pdf`；默认四种都生成
help-arg-font = PDF 使用的中文 TrueType 字体：字体文件路径，或 `宋体`/`serif`、`黑体`/`sans` 表示该风格的系统字体（不写时依次用文档的 `字体`、`JUES_FONT`、系统字体，宋体优先）
help-arg-out = 输出文件夹（不存在时自动创建）；默认 `out`
help-arg-format = 问题的输出格式：`human`（原文摘录，附标注、建议和说明）、`short`（每个问题一行：`文件:行:列: severity[代码]: 内容`）、`json`（一个 JSON 文档，含全部问题和汇总）、`github`（GitHub Actions 中标在各行的注释）、`sarif`（一个 SARIF 2.1.0 日志，供代码扫描服务读取）；默认 `human`
help-arg-deny = 把警告当作错误（`--deny warnings`）
help-arg-strict = 同时报告只因输入数字四舍五入才相符的值
help-arg-color = 何时用彩色输出：`auto`（默认：在终端中，且未设置 `NO_COLOR`、`CLICOLOR` 不为 0、`TERM` 不为 `dumb` 时；设置 `CLICOLOR_FORCE=1` 或 `FORCE_COLOR=1` 时输出到管道也用彩色）、`always`（总是）、`never`（从不）
help-arg-allow_outside_project = 允许文档读取项目文件夹（它所在文件夹的上一级）以外的文件：导入、数据文件、科目表和字体

## 命令行写错时（src/cli/usage_error.rs）

arg-error = 错误：{ $message }
arg-invalid-value = `{ $arg }` 的值 `{ $value }` 不是可选的值
arg-value-missing = `{ $arg }` 后面缺少值
arg-not-valid = `{ $arg }` 的值 `{ $value }` 无效
arg-not-valid-because = `{ $arg }` 的值 `{ $value }` 无效：{ $reason }
arg-unknown = 没有参数 `{ $arg }`
arg-unknown-command = 没有 `{ $command }` 这个命令
arg-no-equals = `{ $arg }` 的值要用等号连写：`{ $arg }=…`
arg-too-many = `{ $arg }` 不能再带值，多出了 `{ $value }`
arg-too-few = `{ $arg }` 至少要 { $least } 个值，只给了 { $given } 个
arg-wrong-number = `{ $arg }` 要 { $wanted } 个值，给了 { $given } 个
arg-conflict = `{ $arg }` 不能与 { $prior } 同时使用
arg-repeated = `{ $arg }` 只能写一次
arg-missing = 缺少必须写的参数：{ $args }
arg-missing-command = 缺少命令；可用的命令有 { $commands }
arg-not-utf8 = 参数中有不是 UTF-8 的字符
# 打印帮助或版本时出错（例如输出被关闭）；$detail 是出错的种类。
arg-other = 无法输出：{ $detail }
arg-not-whole-number = `{ $text }` 不是0到65535之间的整数
arg-choices = {"  "}可选的值：{ $values }
arg-did-you-mean = {"  "}建议：是不是要写 { $suggestion }？
arg-try-help = 更多信息请运行 `{ $command } --help`

## jues man：手册页各节的标题

man-name = 名称
man-synopsis = 用法
man-description = 说明
man-options = 选项
man-version = 版本

# 各参数的值在用法行和选项列表中的名称：`--format <格式>`。
help-value-files = 文件
help-value-file = 文件
help-value-format = 格式
help-value-deny = 类别
help-value-color = 何时
help-value-lang = zh|en
help-value-to = 格式
help-value-font = 字体
help-value-out = 文件夹
help-value-serve = 端口
help-value-dir = 文件夹
help-value-kind = 类型
help-value-entity = 单位
help-value-year = 年度
help-value-prior = 路径
help-value-from = 工作簿
help-value-code = 代码
help-value-subcommand = 命令
help-value-shell = shell
