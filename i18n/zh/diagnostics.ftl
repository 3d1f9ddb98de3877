# 问题报告（人读格式）的中文用语（src/diagnostics/render.rs）。每条消息在 ../en/diagnostics.ftl
# 中有对应的英文，占位符相同。

# 建议行和每条说明开头的字，两者一样宽。
human-help = {"  "}建议：
human-note = {"  "}说明：
# 另一个文件（或工作表另一格）上的标注，作为说明列出：`由此算出：report.jues:12:3`。
label-elsewhere = { $label }：{ $place }

# 审核视图和编辑器中，没有可核对的数值的写明值。
fact-no-value = 没有数值
# `jues build` 拒绝发布时附加的说明（`待填`、模板文字）。
publish-unfinished = 有未完成部分的文档不能发布
# SARIF 日志中内置标准库文件的基准位置代表什么。
sarif-library = jues 内置的标准库（`类型` 所指的标准报告类型），不是项目中的文件
