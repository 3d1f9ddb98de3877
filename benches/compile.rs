//! In-process timings of the pipeline on the example report (criterion): what the language
//! server does on every keystroke, and what `jues build` does. Run with `cargo bench`; the
//! figures are recorded in docs/performance.md.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use jues::source::Sources;
use jues::{compile, Options};

const REPORT: &str = include_str!("../examples/lusong-hrss-2019/report.jues");

fn sources(text: &str) -> Sources {
    let mut sources = Sources::new();
    sources.add("examples/lusong-hrss-2019/report.jues", text.to_owned());
    sources
}

/// The report 100 times the example's size that `benches/scale.sh` also checks: the
/// example's declarations, then its narrative (from part three on) 100 times.
fn large_report() -> String {
    let cut = REPORT
        .find("\n# 第三部分")
        .expect("the example has a part three")
        + 1;
    let (head, narrative) = REPORT.split_at(cut);
    let mut large = head.to_owned();
    for _ in 0..100 {
        large.push_str(narrative);
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
    let large = large_report();
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
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);
