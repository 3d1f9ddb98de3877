# The English texts of making the outputs: the printed page (src/render/page.rs) and the PDF
# (src/render/pdf/). Each message has its twin in ../zh/output.ftl, with the same placeholders
# (a test holds the two to that).

## J0310: a table too wide for a landscape page even in the smallest type

# $needed and $available are widths in mm, $size a type size in points.
J0310-too-wide = table `{ $table }` is too wide for the page: its { $columns } columns need at least { $needed } mm in { $size }-point type, and a landscape A4 page has { $available } mm
    .label = too wide to print
    .help = split the table into two tables of fewer columns (each with the key columns), as the published 决算表 split their columns over 续表; an amount is never broken and a cell never cut

## Why the PDF cannot be made, after "cannot make the PDF: " (`pdf-failed` in cli.ftl)

# A table too wide, measured with the font: the message of J0310, then its code.
pdf-too-wide = { $message } ({ $code })
# $error is the words of the layout engine, in English.
pdf-layout-failed = the PDF layout failed: { $error }
pdf-no-feature = this jues was built without the `pdf` feature
    .font = this jues was built without the `pdf` feature (so `--font` has no effect)
font-not-found = no CJK TrueType font found (looked at { $places ->
        [one] 1 place
       *[other] { $places } places
    }); pass `--font PATH` (or `--font 宋体`, `--font 黑体`), set `字体` in the report or JUES_FONT, or install one (Debian: `apt-get install fonts-arphic-uming` (宋体 style) or `fonts-wqy-microhei` (黑体 style))
font-unusable = the font `{ $path }` cannot be used: { $reason }
# $chars are the characters, each as `字` (U+5B57), at most 20.
font-missing = the font `{ $path }` lacks { $count ->
        [one] 1 character
       *[other] { $count } characters
    } the document uses: { $chars }; choose another font with `--font`
# Why a font cannot be used, after "the font `…` cannot be used: ". $error is the words of
# the program that reads fonts, in English.
font-reason-no-truetype = it has no face with TrueType (glyf) outlines: the PDF engine embeds only TrueType fonts, not CFF (OpenType/PostScript) ones such as Noto Serif CJK or Source Han Serif; use AR PL UMing (Debian: `fonts-arphic-uming`) or WenQuanYi Micro Hei (`fonts-wqy-microhei`)
font-reason-subsetting = subsetting failed: { $error }
font-reason-malformed-subset = the subset font is malformed
