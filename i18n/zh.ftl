# jues 的中文文本。每条消息在 en.ftl 中有对应的英文，占位符相同（有测试检查）。

## jues check：汇总行

check-summary-clean = 已检查 { $files } 个文件：未发现问题
check-summary = 已检查 { $files } 个文件：{ $errors } 处错误，{ $warnings } 处警告，{ $notes } 处提示
