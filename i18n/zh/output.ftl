# 生成输出文件时的中文文本：打印页面（src/render/page.rs）和 PDF（src/render/pdf/）。每条消息在
# ../en/output.ftl 中有对应的英文，占位符相同（有测试检查）。

## J0310：表太宽，横向页面用最小的字号也放不下

# $needed 和 $available 是以毫米计的宽度，$size 是以磅计的字号。
J0310-too-wide = 表 `{ $table }` 太宽，页面放不下：它的{ $columns }列用{ $size }磅字号至少需要{ $needed }毫米，而横向 A4 页面只有{ $available }毫米
    .label = 太宽，无法打印
    .help = 把这张表拆成两张列数较少的表（每张都保留编码、名称等关键列），就像公开的决算表把列分到续表中那样；金额不会断开，单元格也不会被截断

## PDF 无法生成的原因，接在“无法生成 PDF：”后面（cli.ftl 中的 `pdf-failed`）

# 按字体量得的表太宽：J0310 的消息，然后是它的代码。
pdf-too-wide = { $message }（{ $code }）
# $error 是排版程序给出的英文原文。
pdf-layout-failed = PDF 排版失败：{ $error }
pdf-no-feature = 这个 jues 在构建时没有包含 `pdf` 功能
    .font = 这个 jues 在构建时没有包含 `pdf` 功能（因此 `--font` 不起作用）
font-not-found = 没有找到中文 TrueType 字体（查找了{ $places }个位置）；请用 `--font 路径`（或 `--font 宋体`、`--font 黑体`）指定字体，或在报告中写明 `字体`，或设置环境变量 JUES_FONT，或安装字体（Debian：`apt-get install fonts-arphic-uming`（宋体风格）或 `fonts-wqy-microhei`（黑体风格））
font-unusable = 无法使用字体 `{ $path }`：{ $reason }
# $chars 是所缺的字，每个写作 `字` (U+5B57)，最多20个。
font-missing = 字体 `{ $path }` 缺少文档用到的{ $count }个字：{ $chars }；请用 `--font` 换一种字体
# 字体无法使用的原因，接在“无法使用字体 `…`：”后面。$error 是读取字体的程序给出的英文原文。
font-reason-no-truetype = 字体中没有 TrueType（glyf）轮廓：PDF 只能嵌入 TrueType 字体，不能嵌入 Noto Serif CJK、思源宋体（Source Han Serif）等 CFF（OpenType/PostScript）字体；请使用文鼎 PL 细上海宋（AR PL UMing，Debian：`fonts-arphic-uming`）或文泉驿微米黑（`fonts-wqy-microhei`）
font-reason-subsetting = 生成字体子集失败：{ $error }
font-reason-malformed-subset = 生成的字体子集格式有误
