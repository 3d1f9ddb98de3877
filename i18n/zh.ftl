# jues 的中文文本。每条消息在 en.ftl 中有对应的英文，占位符相同（有测试检查）。

## jues check：汇总行

check-summary-clean = 已检查 { $files } 个文件：未发现问题
check-summary = 已检查 { $files } 个文件：{ $errors } 处错误，{ $warnings } 处警告，{ $notes } 处提示

## 读不了、写不了的文件

io-not-found = 文件不存在
io-permission = 没有权限
io-disk-full = 磁盘已满
io-too-large = 文件超过允许的大小
cannot-read = 错误：无法读取 `{ $path }`：{ $reason }
cannot-create = 错误：无法创建 `{ $path }`：{ $reason }
cannot-write-none-changed = 错误：无法写入 `{ $path }`：{ $reason }；没有改动任何文件
wrote = 已写出 { $path }

## jues build

build-refused = 错误：未写出文件：`{ $path }` 有 { $errors } 处错误（加 `--allow-errors` 仍会写出）
pdf-failed = 错误：无法生成 PDF：{ $reason }；未写出任何文件

## jues fmt

fmt-syntax-errors = 错误：`{ $path }` 有语法错误，请先运行 `jues check`
fmt-cannot-write = 错误：无法写入 `{ $path }`：{ $reason }；文件未改动
fmt-formatted = 已格式化 { $path }
fmt-unformatted = { $count } 个文件未格式化

## jues watch

watch-cannot-serve = 错误：无法在端口 { $port } 上提供网页：{ $reason }
watch-cannot-watch-files = 错误：无法监视文件：{ $reason }
watch-cannot-watch = 错误：无法监视 `{ $path }`
watch-cannot-watch-folder = 警告：无法监视 `{ $path }`：{ $reason }
watch-watching = 正在监视 { $path }（按 Ctrl-C 停止）
watch-rebuilding = ── 发现改动，重新生成 ──
