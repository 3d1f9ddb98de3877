//! In-process timings of the pipeline on the example report (criterion): what the language
//! server does on every keystroke, and what `jues build` does. Run with `cargo bench`; the
//! figures are recorded in docs/performance.md.

// Tests and benches may unwrap and panic: a failure is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use jues::files::Disk;
use jues::source::Sources;
use jues::{compile, compile_again, Options};

const REPORT: &str = include_str!("../examples/lusong-hrss-2019/report.jues");

fn sources(text: &str) -> Sources {
    let mut sources = Sources::new();
    sources.add("examples/lusong-hrss-2019/report.jues", text.to_owned());
    sources
}

/// The names the example declares for itself (not the standard library's); each copy in the
/// large report renames them, so that the copies are 100 reports' worth of distinct figures.
const OWN_NAMES: &[&str] = &[
    "财政拨款支出",
    "收支总表",
    "收入决算",
    "支出决算",
    "财政拨款总表",
    "基本支出明细",
    "三公经费",
    "政府性基金",
    "国有资本经营",
    "机关运行经费",
    "基本支出",
    "企业养老",
    "城居保",
    "收入",
    "支出",
    "三公",
    "采购",
];

/// The standard columns a renamed copy of `财政拨款支出` must declare itself.
const EXPENDITURE_COLUMNS: &str = "\n  科目 功能分类\n  列 年初预算: 金额, 决算数: 金额, \
    完成率 = completion(决算数, 年初预算), 说明: 文本";

/// One copy of the example's declarations and narrative with its own names renamed `名_k`: a
/// name is renamed where no letter, digit, `_` or `.` comes before it and `.`, a space, `[`
/// or `{` comes after it.
fn renamed_copy(body: &str, k: usize) -> String {
    let mut out = String::with_capacity(body.len() + 4096);
    let mut previous: Option<char> = None;
    let mut rest = body;
    while let Some(c) = rest.chars().next() {
        let free = previous.is_none_or(|p| !(p.is_alphanumeric() || p == '_' || p == '.'));
        let name = OWN_NAMES.iter().find(|name| {
            rest.strip_prefix(**name).is_some_and(|after| {
                after
                    .chars()
                    .next()
                    .is_some_and(|n| n == '.' || n == '[' || n == '{' || n.is_whitespace())
            })
        });
        match name {
            Some(name) if free => {
                out.push_str(name);
                out.push_str(&format!("_{k}"));
                rest = &rest[name.len()..];
                previous = name.chars().last();
            }
            _ => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
                previous = Some(c);
            }
        }
    }
    let out = out.replace("总计.年末结转和结余", &format!("总计_{k}.年末结转和结余"));
    let table = format!("表 财政拨款支出_{k} {{");
    let out = out.replace(&table, &format!("{table}{EXPENDITURE_COLUMNS}"));
    let table = format!("表 三公经费_{k} {{");
    out.replace(&table, &format!("{table}\n  列 预算数: 金额, 决算数: 金额"))
}

/// The large report `benches/scale.sh` also checks: the example's metadata and prior-year
/// figures, then `copies` renamed copies of its declarations, tables and narrative.
fn large_report(copies: usize) -> String {
    let cut = REPORT
        .find("\n组 收入 {")
        .expect("the example declares 组 收入")
        + 1;
    let (head, body) = REPORT.split_at(cut);
    let mut large = head.to_owned();
    for k in 1..=copies {
        large.push_str(&renamed_copy(body, k));
    }
    large
}

fn benches(c: &mut Criterion) {
    c.bench_function("check the example (parse, check, evaluate)", |b| {
        b.iter(|| compile(sources(REPORT), &Options::default()))
    });
    // One edit, as in an editor: a figure changes and the whole report is checked again.
    let edited = REPORT.replacen("836.78", "836.79", 1);
    c.bench_function("re-check after one edit", |b| {
        b.iter(|| compile(sources(&edited), &Options::default()))
    });
    let large = large_report(100);
    // `benches/scale.sh` takes its reports from here, so both measure the same text.
    if let Ok(dir) = std::env::var("JUES_WRITE_SCALED_REPORTS") {
        for copies in [10, 100] {
            let path = std::path::Path::new(&dir).join(format!("x{copies}.jues"));
            std::fs::write(path, large_report(copies)).expect("the report is written");
        }
    }
    let mut group = c.benchmark_group("the 100x report");
    group.throughput(Throughput::Bytes(large.len() as u64));
    group.sample_size(20);
    group.bench_function("parse", |b| {
        b.iter(|| jues::syntax::parse(jues::source::FileId(0), &large))
    });
    group.bench_function("parse, check, evaluate", |b| {
        b.iter(|| compile(sources(&large), &Options::default()))
    });
    group.finish();
    // What the language server does on a keystroke in the 10x report: parse again only what
    // the edit touched, then check and evaluate.
    let ten = large_report(10);
    let ten_edited = ten.replacen("836.78", "836.79", 1);
    let mut group = c.benchmark_group("the 10x report");
    group.throughput(Throughput::Bytes(ten.len() as u64));
    group.bench_function(
        "re-check after one edit, parsing again what it touched",
        |b| {
            let mut incremental = jues::syntax::Incremental::default();
            let mut texts = [ten.as_str(), ten_edited.as_str()].into_iter().cycle();
            b.iter(|| {
                let text = texts.next().unwrap_or_default();
                compile_again(sources(text), &Options::default(), &Disk, &mut incremental)
            })
        },
    );
    group.bench_function("re-check after one edit, parsing it all", |b| {
        b.iter(|| compile(sources(&ten_edited), &Options::default()))
    });
    group.finish();
    let compilation = compile(sources(REPORT), &Options::default());
    let document = &compilation.evaluated.document;
    c.bench_function("render HTML", |b| {
        b.iter(|| jues::render::html::render(document, &[], false))
    });
    c.bench_function("render Markdown", |b| {
        b.iter(|| jues::render::markdown::render(document))
    });
    c.bench_function("format the example", |b| {
        b.iter(|| jues::fmt::format(REPORT))
    });
    workbook(c);
}

/// The example's workbook of the nine 公开表 (`examples/lusong-hrss-2019/公开表.xlsx`): a report
/// made from it with `jues new --from`, and the check of that report, which reads all nine
/// sheets.
fn workbook(c: &mut Criterion) {
    let book: &[u8] = include_bytes!("../examples/lusong-hrss-2019/公开表.xlsx");
    let new = || {
        jues::data::report::from_workbook(
            book,
            "公开表.xlsx",
            None,
            None,
            jues::library::Prior::Block,
        )
        .expect("a report from the example's workbook")
    };
    c.bench_function("jues new --from the example's workbook", |b| b.iter(new));
    let report = new().report;
    let mut files = jues::files::Memory::new();
    files.insert("p/2019/公开表.xlsx", book.to_vec());
    c.bench_function(
        "check a report reading the nine sheets of the workbook",
        |b| {
            b.iter(|| {
                let mut sources = Sources::new();
                sources.add("p/2019/report.jues", report.clone());
                jues::compile_with(sources, &jues::Options::default(), &files)
            })
        },
    );
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);
