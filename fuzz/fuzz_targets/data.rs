//! Fuzzes the data stage on arbitrary bytes as a table's data file (a CSV file, a workbook,
//! anything): reading, finding the layout, loading the rows, checking them, rendering the
//! diagnostics; and `jues new --from` on the same bytes. Nothing may panic, hang or grow
//! without bound.
//! Run: `cargo fuzz run data fuzz/corpus/data tests/cases/data examples/lusong-hrss-2019`.
#![no_main]

use libfuzzer_sys::fuzz_target;

const DOCS: &[&str] = &[
    "表 t \"支出决算表\" 来自 \"d.dat\" {\n  列 年初预算: 金额, 决算数: 金额, 说明: 文本\n  201 说明=\"x\"\n}\n{t.合计.决算数}\n",
    "表 t \"收入\" 来自 \"d.dat\" {\n  侧 左\n  合计行 否\n  列 决算数 \"金额\": 金额\n}\n",
];

fuzz_target!(|data: &[u8]| {
    for doc in DOCS {
        let mut files = jues::files::Memory::new();
        files.insert("p/r/d.dat", data.to_vec());
        files.insert("p/r/report.jues", doc.as_bytes().to_vec());
        let mut sources = jues::source::Sources::new();
        sources.add("p/r/report.jues", doc.to_string());
        let compilation = jues::compile_with(sources, &jues::Options::default(), &files);
        for format in [
            jues::diagnostics::render::Format::Human,
            jues::diagnostics::render::Format::Short,
            jues::diagnostics::render::Format::Json,
        ] {
            let _ = jues::diagnostics::render::render(
                &compilation.sources,
                &compilation.diagnostics,
                format,
                false,
            );
        }
        let _ = jues::render::facts::render(&compilation.evaluated.document, &compilation.sources);
    }
    let _ = jues::data::report::from_workbook(data, "d.xlsx", None, None, jues::library::Prior::Block);
});
