//! In-process timings of the pipeline on the example report (criterion): what the language
//! server does on every keystroke, and what `jues build` does. Run with `cargo bench`; the
//! figures are recorded in docs/performance.md.

use criterion::{criterion_group, criterion_main, Criterion};
use jues::source::Sources;
use jues::{compile, Options};

const REPORT: &str = include_str!("../examples/lusong-hrss-2019/report.jues");

fn sources(text: &str) -> Sources {
    let mut sources = Sources::new();
    sources.add("examples/lusong-hrss-2019/report.jues", text.to_owned());
    sources
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
