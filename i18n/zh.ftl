# jues 的中文文本。每条消息在 en.ftl 中有对应的英文，占位符相同（有测试检查）。

## jues check：汇总行

check-summary-clean = 已检查 { $files } 个文件：未发现问题
check-summary = 已检查 { $files } 个文件：{ $errors } 处错误，{ $warnings } 处警告，{ $notes } 处提示

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
explain-doc-json = `jues check` 使用 `--format json` 时输出一个 JSON 文档：`{ $schema }`。行号、列号从1开始；列按字符计算，一个汉字算一列。
explain-doc-table = | 代码 | 严重程度 | 标题 |
# 每个代码标题下的一行：`**写明的数字与公式算出的不一致**（默认：错误）`。
explain-doc-entry = **{ $title }**（默认：{ $severity }）
