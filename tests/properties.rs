//! Properties of the checker, tested on generated input (bounded so CI stays fast):
//! interval evaluation contains the exact result; a correctly rounded stated value is never
//! flagged; no input makes the compiler panic.

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
        sources.add("generated.jues", text);
        let _ = compile(sources, &Options { strict: true, ..Options::default() });
    }

    #[test]
    fn the_compiler_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let mut sources = Sources::new();
        sources.add_bytes("generated.jues", &bytes);
        let _ = compile(sources, &Options::default());
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
