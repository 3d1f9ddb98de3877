//! `jues explain`: the explanation of a diagnostic code, the list of codes, and
//! `docs/diagnostics.md` (`docs/diagnostics.zh.md` in Chinese), in the user's language.

use crate::diagnostics::{codes, Code, Severity};
use crate::i18n::{tr, Lang};
use std::io::Write;
use std::process::ExitCode;

/// The schema of `jues check --format json`, the same in every language (it is what a program
/// reads), so it is filled into the catalog's paragraph rather than kept in it.
const JSON_SCHEMA: &str = "{\"schema\": \"jues-diagnostics/1\", \"diagnostics\": [{\"severity\", \"code\", \"message\", \"file\", \
     \"line\", \"column\", \"end_line\", \"end_column\", \"labels\": [{\"file\", \"line\", \
     \"column\", \"end_line\", \"end_column\", \"message\", \"primary\"}], \"help\", \
     \"fix\": {\"file\", \"line\", \"column\", \"end_line\", \"end_column\", \"replacement\"}, \
     \"notes\"}], \"summary\": {\"errors\", \"warnings\", \"notes\"}}";

/// Prints the explanation of `code`, the documentation of every code (`all`), or else the
/// list of codes, in `lang`.
pub(super) fn explain(code: Option<&str>, all: bool, lang: Lang) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    let text = if all {
        explain_all_markdown(lang)
    } else if let Some(code) = code {
        match Code::from_id(code) {
            Some(code) => code.info().page(lang),
            None => {
                eprintln!(
                    "{}",
                    tr(lang, "explain-unknown-code", &[("code", code.into())])
                );
                return ExitCode::from(2);
            }
        }
    } else {
        list(lang)
    };
    let _ = stdout.write_all(text.as_bytes());
    ExitCode::SUCCESS
}

/// One line a code: its identifier, its severity (padded so that the titles line up) and its
/// title.
fn list(lang: Lang) -> String {
    let words = [Severity::Error, Severity::Warning, Severity::Note].map(|s| s.word(lang));
    let width = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
    codes::ALL
        .iter()
        .map(|info| {
            let word = info.severity.word(lang);
            format!("{}  {word:<width$}  {}\n", info.id, info.title(lang))
        })
        .collect()
}

/// The Markdown of `docs/diagnostics.md` (English) or `docs/diagnostics.zh.md` (Chinese):
/// every code with its explanation, in `lang`.
pub fn explain_all_markdown(lang: Lang) -> String {
    let mut out = String::new();
    for id in [
        "explain-doc-title",
        "explain-doc-generated",
        "explain-doc-other-language",
        "explain-doc-intro",
    ] {
        out.push_str(&tr(lang, id, &[]));
        out.push_str("\n\n");
    }
    out.push_str(&tr(
        lang,
        "explain-doc-json",
        &[("schema", JSON_SCHEMA.into())],
    ));
    out.push_str("\n\n");
    out.push_str(&tr(lang, "explain-doc-table", &[]));
    out.push_str("\n|---|---|---|\n");
    for info in codes::ALL {
        out.push_str(&format!(
            "| [{}](#{}) | {} | {} |\n",
            info.id,
            info.id.to_lowercase(),
            info.severity.word(lang),
            info.title(lang)
        ));
    }
    for info in codes::ALL {
        let heading = tr(
            lang,
            "explain-doc-entry",
            &[
                ("title", info.title(lang).into()),
                ("severity", info.severity.word(lang).into()),
            ],
        );
        out.push_str(&format!(
            "\n## {}\n\n{heading}\n\n{}\n",
            info.id,
            info.explanation(lang)
        ));
    }
    out
}
