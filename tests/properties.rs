//! Properties of the checker, tested on generated input (bounded so CI stays fast):
//! interval evaluation contains the exact result; a correctly rounded stated value is never
//! flagged; no input makes the compiler panic; a document parsed again after an edit reads as a
//! fresh parse reads it; formatting keeps the comments and the facts of generated documents.

use jues::diagnostics::render::{self, Format};
use jues::eval::unit::{Scale, Unit};
use jues::eval::value::{self, Quantity};
use jues::source::Sources;
use jues::{compile, Options};
use proptest::prelude::*;
use rust_decimal::Decimal;

const MONEY: Unit = Unit::Money(Scale::TenThousand);

/// A decimal such as a report prints: up to 7 integer digits, 0 to 3 decimals.
fn amount() -> impl Strategy<Value = Decimal> {
    (0i64..10_000_000, 0u32..4).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale))
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Points of an interval to try: its bounds and its nominal value.
fn points(q: &Quantity) -> [Decimal; 3] {
    [q.interval.lo, q.nominal, q.interval.hi]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn intervals_contain_every_result_of_their_inputs(a in amount(), b in amount()) {
        let qa = Quantity::literal(a, Some(MONEY), false).unwrap();
        let qb = Quantity::literal(b, Some(MONEY), false).unwrap();
        let sum = value::add(qa, qb, MONEY).unwrap();
        let difference = value::sub(qa, qb, MONEY).unwrap();
        for x in points(&qa) {
            for y in points(&qb) {
                prop_assert!(sum.interval.contains(x + y));
                prop_assert!(difference.interval.contains(x - y));
                if let Ok(quotient) = value::div(qa, qb, MONEY) {
                    // The exact quotient lies between the bounds: lo·y ≤ x ≤ hi·y for y > 0.
                    prop_assert!(quotient.interval.lo * y <= x && x <= quotient.interval.hi * y,
                        "{x} / {y} outside {:?}", quotient.interval);
                }
            }
        }
    }

    #[test]
    fn a_correctly_rounded_share_is_never_flagged(part in 1i64..1_000_000, extra in 0i64..1_000_000, decimals in 0u32..3) {
        let part = Decimal::new(part, 2);
        let whole = part + Decimal::new(extra, 2);
        let share = part / whole * Decimal::ONE_HUNDRED;
        let stated = share.round_dp_with_strategy(decimals, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        let mut stated = stated;
        stated.rescale(decimals);
        let text = format!("部分 = {part}\n总数 = {whole}\n\n占 {{share(部分, 总数) = {stated}%}}，合计 {{部分 + 总数 = {}}}。\n", part + whole);
        let mut sources = Sources::new();
        sources.add("generated.jues", text.clone());
        let compilation = compile(sources, &Options::default());
        prop_assert!(compilation.diagnostics.is_empty(), "{text}\n{:?}", compilation.diagnostics);
    }

    #[test]
    fn an_unknown_figure_holds_its_true_value(budget in 1i64..100_000_000, spent in 0i64..100_000_000) {
        // The budget is known only through the rate and the change the text states, each
        // correctly rounded from the true figures: no finding, and the interval it gets (the
        // intersection of both bounds) holds the true budget (`==` holds when intervals meet,
        // and the budget is written exact).
        let budget = Decimal::new(budget, 2);
        let spent = Decimal::new(spent, 2);
        let round = |d: Decimal| {
            let mut r = d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            r.rescale(2);
            r
        };
        let rate = round(spent / budget * Decimal::ONE_HUNDRED);
        let change = spent - budget;
        let word = if change < Decimal::ZERO { "减少" } else { "增加" };
        let text = format!(
            "决算数 = {spent}\n年初预算 = ?\n检查 年初预算 == {budget}!\n\n\
             完成年初预算的{{completion(决算数, 年初预算) = {rate}%}}，比年初预算{word}{{change(决算数, 年初预算) = {}}}万元。\n",
            change.abs()
        );
        let mut sources = Sources::new();
        sources.add("generated.jues", text.clone());
        let compilation = compile(sources, &Options::default());
        prop_assert!(compilation.diagnostics.is_empty(), "{text}\n{:?}", compilation.diagnostics);
    }

    #[test]
    fn a_correctly_rounded_total_is_never_flagged(items in proptest::collection::vec(0i64..100_000_000, 1..12)) {
        // Items known to 4 decimals, published to 2; the published total is the rounded sum.
        let exact: Vec<Decimal> = items.iter().map(|i| Decimal::new(*i, 4)).collect();
        let round = |d: Decimal| {
            let mut r = d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            r.rescale(2);
            r
        };
        let total = round(exact.iter().sum());
        let mut text = String::from("表 t \"t\" {\n  列 数: 金额\n");
        for (i, item) in exact.iter().enumerate() {
            text.push_str(&format!("  \"项{i}\" {}\n", round(*item)));
        }
        text.push_str(&format!("  合计 {total}\n}}\n"));
        let mut sources = Sources::new();
        sources.add("generated.jues", text.clone());
        let compilation = compile(sources, &Options::default());
        prop_assert!(!compilation.has_errors(), "{text}\n{:?}", compilation.diagnostics);
    }

    #[test]
    fn the_compiler_never_panics(text in "[报告表组检查导入上年列合计每行如果否则其中按为 \\n{}()\\[\\]\"=+\\-*/<>!.,:;#@_0-9a-z收入支出万元%人家「」（）。，]{0,200}") {
        let mut sources = Sources::new();
        sources.add("generated.jues", text.clone());
        let compilation = compile(sources, &Options { strict: true, ..Options::default() });
        // Nor does anything after it: the renderers, the formatter, the diagnostics' wording.
        let document = &compilation.evaluated.document;
        let _ = jues::render::html::render(document, &[], false);
        let _ = jues::render::markdown::render(document);
        let _ = jues::render::facts::render(document, &compilation.sources);
        for format in [Format::Human, Format::Short, Format::Json] {
            for lang in jues::i18n::Lang::ALL {
                let _ = render::render(&compilation.sources, &compilation.diagnostics, format, true, lang);
            }
        }
        let _ = jues::fmt::format(&text);
    }

    #[test]
    fn the_compiler_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let mut sources = Sources::new();
        sources.add_bytes("generated.jues", &bytes);
        let _ = compile(sources, &Options::default());
    }
}

/// A decimal anywhere in the range: up to 28 digits, 0 to 28 decimals, either sign.
fn extreme() -> impl Strategy<Value = Decimal> {
    (any::<i128>(), 0u32..29).prop_map(|(m, scale)| {
        let m = m % 10i128.pow(28);
        Decimal::try_from_i128_with_scale(m, scale).unwrap_or_default()
    })
}

proptest! {
    #![proptest_config(config())]

    /// Figures at the edge of the decimal range, through every operation, function, total and
    /// check: never a panic, and what overflows is J0208 naming the operation (issue #13).
    #[test]
    fn figures_at_the_edge_of_the_range_never_panic(a in extreme(), b in extreme(), unit in 0usize..3) {
        let unit = ["元", "万元", "亿元"][unit];
        let text = format!(
            "a = {a}{unit}\nb = {b}{unit}\nc = a + b\nd = a - b\ne = a * 3 / 7\nf = 占比(a, b)\n\
             g = 增长率(a, b)\nh = 舍入(f, 2)\ni = 完成率(a, b) + 绝对值(d)\n\
             j = sum(t.决算数) + 最小(a, b)\n检查 a > b\n\
             表 t \"一般公共预算财政拨款支出决算表\" {{\n  单位 元\n  列 年初预算: 金额, 决算数: 金额, 说明: 文本\n\
             \x20 2010301 \"行政运行\" {a} {b}\n  2010302 \"一般行政管理事务\" {b} {a}\n  合计 {a} {b}\n}}\n\
             本年 {{c}}，{{d}}，{{e}}，{{f}}，{{g}}，{{h}}，{{i}}，{{j}}，{{f 按 ‰}}，{{增减(a, b)}}。\n"
        );
        let mut sources = Sources::new();
        sources.add("edge.jues", text.clone());
        let compilation = compile(sources, &Options { strict: true, ..Options::default() });
        for d in &compilation.diagnostics {
            if d.code.id() == "J0208" {
                let message = d.message.text(jues::i18n::Lang::En);
                prop_assert!(message.contains("significant digits"), "{text}\n{message}");
            }
        }
        let _ = jues::render::markdown::render(&compilation.evaluated.document);
    }
}

/// Mutations of the real examples: every line dropped or duplicated in turn must not panic.
#[test]
fn the_compiler_never_panics_on_mutated_examples() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/lusong-hrss-2019");
    for name in ["report.jues", "as-published.jues"] {
        let text = std::fs::read_to_string(root.join(name)).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for i in (0..lines.len()).step_by(3) {
            for mutation in 0..3 {
                let mut mutated: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
                match mutation {
                    0 => {
                        mutated.remove(i);
                    }
                    1 => mutated.insert(i, lines[i].to_owned()),
                    _ => {
                        let cut = lines[i]
                            .char_indices()
                            .nth(lines[i].chars().count() / 2)
                            .map_or(0, |(b, _)| b);
                        mutated[i] = lines[i][..cut].to_owned();
                    }
                }
                let mut sources = Sources::new();
                sources.add(name, mutated.join("\n"));
                let _ = compile(
                    sources,
                    &Options {
                        strict: true,
                        ..Options::default()
                    },
                );
            }
        }
    }
}

/// Parses `text`, then the text with `typed` put in place of the bytes from `at` (a share of
/// the length, moved back to a character boundary) for `cut` bytes, with one
/// [`jues::syntax::Incremental`]: the second parse gives what a fresh parse of that text
/// gives.
fn assert_reparse(text: &str, at: f64, cut: usize, typed: &str) -> Result<(), TestCaseError> {
    let file = jues::source::FileId(0);
    let boundary = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = boundary((text.len() as f64 * at) as usize);
    let end = boundary((start + cut).min(text.len())).max(start);
    let edited = format!("{}{typed}{}", &text[..start], &text[end..]);
    let mut incremental = jues::syntax::Incremental::default();
    incremental.parse(file, text);
    let again = incremental.parse(file, &edited);
    let fresh = jues::syntax::parse(file, &edited);
    prop_assert_eq!(
        format!("{again:?}"),
        format!("{fresh:?}"),
        "edited: {:?}",
        edited
    );
    Ok(())
}

/// What an author types in one edit.
fn typed() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "",
        "\n",
        "\n\n",
        "{",
        "}",
        "// ",
        " ",
        "否则 {",
        "@如果 a {\n",
        "表 t {\n",
        "x = 1\n",
        "=",
        "# ",
        "- ",
        "\"",
        "「",
        "{收入.合计}",
        "**",
        "(",
        "\r\n",
        "待填",
        "}\n否则 {\n",
    ])
    .prop_map(str::to_owned)
}

/// An expression as an author might write it in `{…}`, right or slightly wrong.
fn expression() -> impl Strategy<Value = String> {
    let leaf = prop::sample::select(vec![
        "收入.合计",
        "a",
        "_x1",
        "「因公出国(境)费」",
        "「」",
        "表[201].决算数",
        "表[ 2080105 ]",
        "表[\"行政运行\"].决算数",
        "表[201a]",
        "12.5万元",
        "3%",
        "0.5‰",
        "7!",
        "7!=8",
        "1.",
        "2台(套)",
        "2台（套）",
        "x.",
        "share(a, b)",
        "f ()",
        "f(a 其中 b > 1,)",
        "sum(表.决算数 where 表.类 == 1)",
        "f(,)",
        "f(a 其中)",
        "f(-)",
        "f(a where ,b)",
        "-a",
        "- -3",
        "99999999999999999999999999999",
    ])
    .prop_map(str::to_owned);
    leaf.prop_recursive(3, 12, 3, |inner| {
        let op = prop::sample::select(vec![
            " + ", "-", " * ", "/", " × ", "÷", " == ", "<", " <= ", " != ", ">", " >= ", " ",
        ]);
        prop_oneof![
            (inner.clone(), op, inner.clone()).prop_map(|(a, op, b)| format!("{a}{op}{b}")),
            inner.clone().prop_map(|a| format!("({a})")),
            inner.clone().prop_map(|a| format!("( {a} ")),
            (inner.clone(), inner).prop_map(|(a, b)| format!("f({a}, {b})")),
        ]
    })
}

/// `{expr}` with optional spaces, stated value and format, sometimes broken.
fn interpolation() -> impl Strategy<Value = String> {
    let space = prop::sample::select(vec!["", " ", "\u{3000}", "\t"]);
    let stated = prop::sample::select(vec!["", "= 72.80%", "=-5", "= +5万元!", "=", "== 1", "= x"]);
    let format = prop::sample::select(vec![
        "",
        "按 元 .2",
        "as%",
        "按.2，万元",
        "按",
        "as .123",
        "asb",
        "按 元,, .2",
        "按 元, ",
        "as .2，",
    ]);
    let close = prop::sample::select(vec!["}", "}", "}", "", "}}"]);
    (space.clone(), expression(), space, stated, format, close)
        .prop_map(|(s1, e, s2, st, f, c)| format!("{{{s1}{e}{s2}{st} {f}{c}"))
}

/// A piece of a line: prose, an interpolation, or a character with a meaning of its own.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "本年收入合计", "，其中：", "占", "。", "2019 年", " ", "x = 1", "a.b", "「名」",
            "报告", "表格", "report", "reporting",
        ]).prop_map(str::to_owned),
        4 => interpolation(),
        1 => prop::sample::select(vec![
            "*", "**强调**", "*斜*", "\\{", "\\", "}", "{", "//", "=", "@", "#", "- ", "1. ",
            "\r", "\u{feff}",
        ]).prop_map(str::to_owned),
    ]
}

/// What may come between lines: plain line breaks mostly, and every kind of block start.
fn line_break() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(vec!["\n", "\r\n", "\n  "]).prop_map(str::to_owned),
        3 => prop::sample::select(vec![
            "\n\n", "\n// 注释\n", "\n  // 注释\n", "\n# 标题\n", "\n####### 七\n", "\n- 项\n",
            "\n-项\n", "\n1. 项\n", "\n1234. 年\n", "\n2019 年\n", "\n@如果 a > 1 {\n",
            "\n}\n", "\n表 t {\n}\n", "\n报告 \"x\" {}\n", "\na = 1\n", "\na.b = 2\n",
            "\n「甲」 = 3\n", "\na == b\n", "\n检查 a > 1\n", "\n上年 2018 { a = 1 }\n",
            "\n   \n", "\r", "\n\u{3000}\n", "\n@每行 表 其中 a > 0 {\n", "\n} 否则 {\n",
            "\n}\n否则 {\n", "\n@每行 表{\n", "\n@ifx a {\n", "\n@如果 a { x\n", "\n  }  \n",
            "\nelse {\n", "\n## 二\n", "\n+ 加\n", "\n12. 项\n", "\n@each 表[201] {\n",
            "\n@if f(a) {\n", "\n}else{\n", "\n@如果 a {\n@如果 b {\n", "\n}\n}\n",
            "\n# \n", "\n#\t标题\n", "\n@如果 a // 注释 {\n", "\n@如果 a {  // 注释\n",
        ]).prop_map(str::to_owned),
    ]
}

fn document() -> impl Strategy<Value = String> {
    let line = proptest::collection::vec(piece(), 1..6).prop_map(|p| p.concat());
    proptest::collection::vec((line, line_break()), 1..8).prop_map(|lines| {
        lines
            .into_iter()
            .map(|(line, end)| line + &end)
            .collect::<String>()
    })
}

/// A line of prose that the grammar accepts, mostly: text and interpolations.
fn prose_line() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec!["本年收入合计", "，其中：", "占", "。", "2019 年", " "]);
    let piece = prop_oneof![
        3 => word.prop_map(str::to_owned),
        2 => expression().prop_map(|e| format!("{{{e}}}")),
        1 => interpolation(),
    ];
    proptest::collection::vec(piece, 1..5).prop_map(|p| p.concat())
}

/// Narrative blocks, nested in `@如果` and `@每行` blocks, mostly well formed.
fn narrative() -> impl Strategy<Value = String> {
    let indent = prop::sample::select(vec!["", "", "  ", "\t"]);
    let leaf = prop_oneof![
        (
            indent.clone(),
            proptest::collection::vec(prose_line(), 1..3)
        )
            .prop_map(|(i, lines)| format!("{i}{}\n", lines.join("\n"))),
        (
            prop::sample::select(vec!["# ", "## ", "###### ", "#\t"]),
            prose_line()
        )
            .prop_map(|(h, l)| format!("{h}{l}\n")),
        (
            prop::sample::select(vec!["- ", "+ ", "1. ", "10. ", "  - "]),
            proptest::collection::vec(prose_line(), 1..3)
        )
            .prop_map(|(m, lines)| format!("{m}{}\n", lines.join("\n"))),
        Just("// 注释\n".to_owned()),
        Just("\n".to_owned()),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        let body = proptest::collection::vec(inner, 0..4).prop_map(|b| b.concat());
        let head = prop::sample::select(vec![
            "@如果 a > 1 {",
            "@如果 f(a, b) {",
            "@if x{",
            "@每行 表 {",
            "@每行 表[201] 其中 a > 0 {",
            "@each 表 where b {",
            "  @如果 a {  ",
        ]);
        let close =
            prop::sample::select(vec!["}", "}", "  } ", "} 否则 {", "}\n否则 {", "}else {"]);
        (head, body.clone(), close, body).prop_map(|(h, b, c, e)| {
            if c.contains('{') {
                format!("{h}\n{b}{c}\n{e}}}\n")
            } else {
                format!("{h}\n{b}{c}\n")
            }
        })
    })
}

/// A figure as written in a group or on a line of its own, right or slightly wrong.
fn figure() -> impl Strategy<Value = String> {
    let name = prop::sample::select(vec![
        "合计",
        "收入.合计",
        "「因公出国(境)费」",
        "组员",
        "a.b.c",
        "x.",
        "表",
    ]);
    let side = prop_oneof![
        prop::sample::select(vec![
            "836.78",
            "-77.31",
            "1149.45万元",
            "2400人",
            "5!",
            "- 3"
        ])
        .prop_map(str::to_owned),
        expression(),
    ];
    let space = prop::sample::select(vec![" ", "", "  ", "\t"]);
    let tail = prop::sample::select(vec![
        "",
        " \"本年收入合计\"",
        "\"标签\"",
        " // 注释",
        "  // 注释 \"x\"",
        " \"未完",
        " == 1",
        ";",
    ]);
    (
        name,
        space.clone(),
        side.clone(),
        proptest::option::of((space, side)),
        tail,
    )
        .prop_map(|(n, s, a, b, t)| match b {
            Some((s2, b)) => format!("{n}{s}={s}{a}{s2}={s2}{b}{t}"),
            None => format!("{n}{s}={s}{a}{t}"),
        })
}

/// `组` declarations with figures, nested groups, comments and separators.
fn group() -> impl Strategy<Value = String> {
    let separator =
        prop::sample::select(vec!["\n", "\n", "; ", ";", "\n\n", "\n  // 注释\n", "  "]);
    let leaf = proptest::collection::vec((figure(), separator.clone()), 0..4)
        .prop_map(|members| members.into_iter().map(|(f, s)| f + s).collect::<String>());
    let head = prop::sample::select(vec![
        "组 收入 {",
        "组 a.b {",
        "group x{",
        "组收入 {",
        "组 「三公」 {  // 注释",
        "组 收入 {\n\n",
    ]);
    leaf.prop_recursive(2, 8, 3, move |inner| {
        (head.clone(), inner.clone(), separator.clone(), inner)
            .prop_map(|(h, a, s, b)| format!("{h}\n{a}{s}{b}}}"))
    })
    .prop_map(|body| format!("组 总 {{\n{body}\n}}"))
}

/// `表` declarations: columns, settings and rows of every kind, right or slightly wrong.
fn table() -> impl Strategy<Value = String> {
    let head = prop::sample::select(vec![
        "表 支出 {",
        "表 支出 \"标题\" {",
        "表 支出 来自 \"支出.csv\" {",
        "table t{",
        "表 支出 \"标题\" from \"a.xlsx\" {  // 注释",
        "表 支出 来自 {",
        "表 支出 \"未完 {",
    ]);
    let cell = prop::sample::select(vec![
        "656.63",
        "-1.5",
        "0",
        "_",
        "-",
        "—",
        "\"说明\"",
        "决算数=5",
        "说明 = \"x\"",
        "a=_",
        "_x",
        "5万元",
        "1!",
        "99999999999999999999999999999",
        "\"未完",
        "-x",
        "a =",
        "名 称",
    ]);
    let key = prop::sample::select(vec![
        "201",
        "2010301 \"行政运行\"",
        "201a",
        "合计",
        "总计",
        "total",
        "小计",
        "合计额",
        "\"其他\"",
        "subtotal",
        "20103    \"政府办公厅(室)及相关机构事务\"",
    ]);
    let row = (key, proptest::collection::vec(cell, 0..4))
        .prop_map(|(k, cells)| format!("{k} {}", cells.join("   ")));
    let other = prop::sample::select(vec![
        "科目 功能分类",
        "列 年初预算: 金额, 决算数: 金额, 完成率 = completion(决算数, 年初预算)",
        "列 说明 \"原因\": 文本,",
        "columns a: 金额，b = a * 2",
        "列 a: 金额, b \"x\"",
        "列a: 金额",
        "columnsx 1",
        "空表说明 \"本单位无此项\"",
        "年度 2019",
        "精度 -2",
        "// 注释",
        "列 a",
        "设置 \"未完",
    ])
    .prop_map(str::to_owned);
    let line = prop_oneof![3 => row, 1 => other];
    let separator = prop::sample::select(vec!["\n", "\n", "\n  ", "; ", "\n\n", "\r\n", " // c\n"]);
    let close = prop::sample::select(vec!["}", "}", "  }  ", "} x", "}// c"]);
    (
        head,
        proptest::collection::vec((line, separator), 0..6),
        close,
    )
        .prop_map(|(h, lines, c)| {
            let body: String = lines.into_iter().map(|(l, s)| l + s).collect();
            format!("{h}\n{body}{c}")
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..config() })]

    #[test]
    fn an_edited_table_is_parsed_again_as_a_fresh_parse_reads_it(
        tables in proptest::collection::vec(table(), 1..3),
        ends in prop::sample::select(vec!["\n", "\r\n", "  \n", "\n\n"]),
        at in 0.0..1.0f64, cut in 0usize..12, typed in typed(),
    ) {
        assert_reparse(&tables.join(ends), at, cut, &typed)?;
    }

    #[test]
    fn edited_declarations_are_parsed_again_as_a_fresh_parse_reads_them(
        items in proptest::collection::vec(
            prop_oneof![figure(), group(), narrative(), Just("报告 \"x\" {}".to_owned())],
            1..5,
        ),
        ends in prop::sample::select(vec!["\n", "\r\n", "  \n", " // c\n", "\n\n"]),
        at in 0.0..1.0f64, cut in 0usize..12, typed in typed(),
    ) {
        assert_reparse(&items.join(ends), at, cut, &typed)?;
    }

    #[test]
    fn edited_blocks_are_parsed_again_as_a_fresh_parse_reads_them(
        blocks in proptest::collection::vec(narrative(), 1..5),
        at in 0.0..1.0f64, cut in 0usize..12, typed in typed(),
    ) {
        assert_reparse(&blocks.concat(), at, cut, &typed)?;
    }

    #[test]
    fn edited_paragraphs_are_parsed_again_as_a_fresh_parse_reads_them(
        text in document(), at in 0.0..1.0f64, cut in 0usize..12, typed in typed(),
    ) {
        assert_reparse(&text, at, cut, &typed)?;
    }
}

// ---------------------------------------------------------------- the formatter

/// A name as an author writes it: plain, quoted when it must be, quoted when it need not be,
/// with non-ASCII characters that are XID (`é`, `ｘ`) and that are not (`²`, `·`).
fn fmt_name() -> impl Strategy<Value = &'static str> + Clone {
    prop::sample::select(vec![
        "收入",
        "a",
        "_x1",
        "é",
        "ｘ",
        "甲乙",
        "「x²」",
        "「a\"b」",
        "「a//b」",
        "「合计」",
        "「列」",
        "「小计」",
        "「收入」",
        "「因公出国(境)费」",
        "「a b」",
        "「1a」",
        "「中·外」",
        "「待填」",
        "「报告」",
    ])
}

/// A string with escapes, quotes, comment marks and a line break inside.
fn fmt_string() -> impl Strategy<Value = &'static str> + Clone {
    prop::sample::select(vec![
        "\"x\\\\\"",
        "\"a\\\"b\"",
        "\"//不是注释\"",
        "\"\\n换行\\t\"",
        "\"甲  \n乙\"",
        "\"「」\"",
        "\"\"",
        "\"\\\\\\\"\"",
        "\"x²\"",
    ])
}

/// What ends a line: nothing, or a comment with quotes, backslashes and brackets in it.
fn fmt_comment() -> impl Strategy<Value = &'static str> + Clone {
    prop::sample::select(vec![
        "",
        "",
        " // 注释",
        " //",
        "  // 注释 \"x",
        " // 「a」 \\",
        "\t// x  ",
        " // \"a\\\\\" //",
    ])
}

/// One item of a document to format: declarations and prose, with comments at every place.
fn fmt_item() -> impl Strategy<Value = String> {
    let value = prop::sample::select(vec!["1", "836.78", "-2.5万元", "3%", "待填", "7!"]);
    let formula = prop::sample::select(vec!["a+1", "(a + b)*2", "a×(b-c)", "-a", "f(a，b)"]);
    let figure = (
        fmt_name(),
        value.clone(),
        fmt_string(),
        fmt_comment(),
        any::<bool>(),
    )
        .prop_map(|(n, v, s, c, label)| {
            let label = if label {
                format!(" {s}")
            } else {
                String::new()
            };
            format!("{n}={v}{label}{c}")
        });
    let member =
        (fmt_name(), value.clone(), fmt_comment()).prop_map(|(n, v, c)| format!("  {n} = {v}{c}"));
    let group = (
        fmt_name(),
        fmt_comment(),
        proptest::collection::vec(member, 0..4),
        fmt_comment(),
    )
        .prop_map(|(n, c, members, close)| {
            format!("组 {n} {{{c}\n{}\n}}{close}", members.join("\n"))
        });
    let setting =
        (fmt_name(), fmt_string(), fmt_comment()).prop_map(|(n, s, c)| format!("  {n} {s}{c}"));
    let report = (
        fmt_string(),
        fmt_comment(),
        proptest::collection::vec(setting.clone(), 0..3),
    )
        .prop_map(|(t, c, settings)| format!("报告 {t} {{{c}\n{}\n}}", settings.join("\n")));
    let row = (
        prop::sample::select(vec!["201", "20101", "合计", "\"其他\""]),
        fmt_string(),
        value,
        fmt_comment(),
    )
        .prop_map(|(k, s, v, c)| format!("  {k} {s} {v}{c}"));
    let table = (
        fmt_name(),
        fmt_comment(),
        proptest::collection::vec(prop_oneof![row, setting], 0..4),
    )
        .prop_map(|(n, c, lines)| {
            format!(
                "表 {n} {{{c}\n  列 名称: 文本, 数: 金额\n{}\n}}",
                lines.join("\n")
            )
        });
    let check = (formula.clone(), fmt_string(), fmt_comment())
        .prop_map(|(f, s, c)| format!("检查 {f} == 1 {s}{c}"));
    let computed =
        (fmt_name(), formula, fmt_comment()).prop_map(|(n, f, c)| format!("{n} = {f}{c}"));
    let prose = prop::sample::select(vec![
        "本年收入 {a} 万元，见 http://x // 不是注释",
        "正文 \\  ",
        "「a\"b」 不是名称",
        "x² = 1 是正文",
        "# 标题 // 不是注释",
        "- 项\n// 列表里的注释\n  续行",
        "段落\n// 段落里的注释\n续行",
        "@如果 a > 0 { // 注释\n正文\n// 块里的注释\n}",
        "// 一行注释",
        "  // 缩进的注释  ",
        "",
    ])
    .prop_map(str::to_owned);
    prop_oneof![figure, group, report, table, check, computed, prose]
}

/// A document of items, one or two line breaks apart (a carriage return now and then).
fn fmt_document() -> impl Strategy<Value = String> {
    let end = prop::sample::select(vec!["\n", "\n", "\n\n", "\r\n", "  \n", "\n\n\n"]);
    proptest::collection::vec((fmt_item(), end), 1..8)
        .prop_map(|items| items.into_iter().map(|(i, e)| i + e).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..config() })]

    /// Formatting keeps every comment and the facts, means the same, and is idempotent.
    #[test]
    fn formatting_keeps_the_comments_and_the_facts(text in fmt_document()) {
        let checked = crate::fmt::check_formatting(std::path::Path::new("report.jues"), &text);
        prop_assert!(checked.is_ok(), "{:?}: {}", text, checked.unwrap_err());
    }
}

// ---------------------------------------------------------------- Calculations 1.1

/// A generated table: items and a total, each an amount with its decimals (0–2), and whether
/// the document declares its amounts published to whole units (`金额精度 1`).
#[derive(Debug, Clone)]
struct Summed {
    items: Vec<Decimal>,
    total: Decimal,
    declared: bool,
}

/// True amounts (to the thousandth) rounded each to 0–2 decimals; the total is their true
/// sum rounded and then moved by up to three units of its last digit, so that both verdicts
/// are common. With `whole`, every amount is a whole number and nothing is declared (the
/// precision is inferred).
fn summed(whole: bool) -> impl Strategy<Value = Summed> {
    let decimals = if whole { 0u32..1 } else { 0u32..3 };
    (
        proptest::collection::vec((0i64..5_000_000, decimals.clone()), 1..9),
        decimals,
        -3i64..=3,
    )
        .prop_map(move |(items, total_decimals, nudge)| {
            let round = |d: Decimal, dp: u32| {
                let mut r = d.round_dp_with_strategy(
                    dp,
                    rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                );
                r.rescale(dp);
                r
            };
            let exact: Vec<Decimal> = items.iter().map(|(t, _)| Decimal::new(*t, 3)).collect();
            let sum: Decimal = exact.iter().sum();
            let mut total = round(sum, total_decimals) + Decimal::new(nudge, total_decimals);
            total.rescale(total_decimals);
            Summed {
                items: exact
                    .iter()
                    .zip(&items)
                    .map(|(e, (_, dp))| round(*e, *dp))
                    .collect(),
                total,
                declared: !whole,
            }
        })
        .prop_filter("a total below zero", |s| s.total >= Decimal::ZERO)
}

/// The XBRL Calculations 1.1 rule (Arelle's): each value stands for the interval of half a unit
/// of its last digit either side; the total is consistent when the items' intervals summed
/// meet the total's interval. Computed here apart from jues.
fn calculations_1_1(table: &Summed) -> bool {
    let half = |d: &Decimal| Decimal::new(5, d.scale() + 1);
    let sum: Decimal = table.items.iter().sum();
    let spread: Decimal = table.items.iter().map(half).sum();
    let (lo, hi) = (sum - spread, sum + spread);
    let (t_lo, t_hi) = (
        table.total - half(&table.total),
        table.total + half(&table.total),
    );
    lo <= t_hi && t_lo <= hi
}

/// jues's verdict on the table: whether it reports the total (J0301).
fn jues_accepts(table: &Summed) -> bool {
    let mut text = String::from("报告 \"t\" {\n  金额单位 万元\n");
    if table.declared {
        text.push_str("  金额精度 1\n");
    }
    text.push_str("}\n\n表 t \"t\" {\n  列 数: 金额\n");
    for (i, item) in table.items.iter().enumerate() {
        text.push_str(&format!("  \"项{i}\" {item}\n"));
    }
    text.push_str(&format!("  合计 {}\n}}\n", table.total));
    let mut sources = Sources::new();
    sources.add("generated.jues", text);
    let compilation = compile(sources, &Options::default());
    !compilation
        .diagnostics
        .iter()
        .any(|d| d.code.id() == "J0301")
}

/// 400 random tables with a declared precision and 200 of whole numbers only (the precision
/// inferred): jues agrees with Calculations 1.1 on each, and both verdicts are common.
#[test]
fn table_totals_follow_the_calculations_1_1_interval_rule() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    for (whole, count) in [(false, 400), (true, 200)] {
        let strategy = summed(whole);
        let (mut consistent, mut inconsistent) = (0, 0);
        for _ in 0..count {
            let table = strategy.new_tree(&mut runner).unwrap().current();
            let expected = calculations_1_1(&table);
            assert_eq!(jues_accepts(&table), expected, "{table:?}");
            if expected {
                consistent += 1;
            } else {
                inconsistent += 1;
            }
        }
        assert!(
            consistent * 5 >= count && inconsistent * 5 >= count,
            "whole {whole}: {consistent} consistent, {inconsistent} not"
        );
    }
}
