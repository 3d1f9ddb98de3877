//! `--format sarif`: the diagnostics as one SARIF 2.1.0 log (OASIS's Static Analysis Results
//! Interchange Format), which code-scanning services and many editors read.
//!
//! One run of one tool, `jues`. Its rules are the codes that occur, each with its title and
//! explanation in the language of the run; each diagnostic is a result with its primary place,
//! its secondary labels as related locations (with their messages), and its fix, when it has
//! one, as a replacement. Columns count Unicode code points (`columnKind`), as everywhere in
//! jues; a place in a data file's sheet has no text region, only the cell, in the location's
//! properties; a place in the built-in library (`stdlib/部门决算.jues`) is relative to the base
//! `JUES_LIBRARY`, which names no folder of the user's.

use super::super::{Diagnostic, Severity};
use crate::diagnostics::Code;
use crate::i18n::{tr, Lang};
use crate::source::{Sources, Span};
use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use serde::Serialize;
use std::collections::BTreeMap;

/// The SARIF version written.
const VERSION: &str = "2.1.0";

/// What a URI path segment must escape (RFC 3986: all but unreserved characters and the
/// sub-delimiters and `:` `@` a segment may hold). Non-ASCII characters are escaped as UTF-8.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log {
    version: &'static str,
    runs: [Run; 1],
}

/// The base of the built-in library's file names: they name no file on the user's disk.
const LIBRARY: &str = "JUES_LIBRARY";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    /// What [`LIBRARY`] stands for, when a location is in the built-in library.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    original_uri_base_ids: BTreeMap<&'static str, Described>,
    /// The language of the messages (RFC 5646).
    language: &'static str,
    column_kind: &'static str,
    results: Vec<SarifResult>,
    invocations: [Invocation; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    /// False when a file could not be read (its reason went to standard error).
    execution_successful: bool,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    short_description: Text,
    full_description: Text,
    /// The explanation, as `jues explain` prints it.
    help: Markdown,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Markdown {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Properties>,
}

/// The cell of a data file's sheet (`收入支出决算总表!C12`): a workbook has no text region.
#[derive(Serialize)]
struct Properties {
    cell: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    /// [`LIBRARY`] for a file of the built-in library; else none: relative to where jues ran.
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

/// An artifact location that only says what it is.
#[derive(Serialize)]
struct Described {
    description: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    /// The column after the region's last character.
    end_column: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix {
    description: Text,
    artifact_changes: [ArtifactChange; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: [Replacement; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Text,
}

/// The SARIF log of `diagnostics`, its words in `lang` (pretty-printed, ending in a newline).
/// `complete` says whether every file asked for was read.
pub fn sarif(sources: &Sources, diagnostics: &[Diagnostic], lang: Lang, complete: bool) -> String {
    // The rules are the codes that occur, in the registry's order.
    let used: BTreeMap<Code, usize> = {
        let mut codes: Vec<Code> = diagnostics.iter().map(|d| d.code).collect();
        codes.sort();
        codes.dedup();
        codes.into_iter().enumerate().map(|(i, c)| (c, i)).collect()
    };
    let rules = used.keys().map(|&code| rule(code, lang)).collect();
    let results = diagnostics
        .iter()
        .map(|d| result(sources, d, used.get(&d.code).copied().unwrap_or(0), lang))
        .collect();
    let mut original_uri_base_ids = BTreeMap::new();
    let in_library = |span: &Span| sources.get(span.file).is_builtin();
    if diagnostics
        .iter()
        .any(|d| in_library(&d.primary.span) || d.secondary.iter().any(|l| in_library(&l.span)))
    {
        let text = tr(lang, "sarif-library", &[]);
        original_uri_base_ids.insert(
            LIBRARY,
            Described {
                description: Text { text },
            },
        );
    }
    let log = Log {
        version: VERSION,
        runs: [Run {
            original_uri_base_ids,
            tool: Tool {
                driver: Driver {
                    name: "jues",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            language: match lang {
                Lang::Zh => "zh-CN",
                Lang::En => "en",
            },
            column_kind: "unicodeCodePoints",
            results,
            invocations: [Invocation {
                execution_successful: complete,
            }],
        }],
    };
    let mut out =
        serde_json::to_string_pretty(&log).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}

/// The level SARIF names a severity by.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn rule(code: Code, lang: Lang) -> Rule {
    let info = code.info();
    let title = info.title(lang).to_owned();
    let explanation = info.explanation(lang).to_owned();
    Rule {
        id: info.id,
        short_description: Text {
            text: title.clone(),
        },
        full_description: Text { text: title },
        help: Markdown {
            text: explanation.clone(),
            markdown: explanation,
        },
        default_configuration: Configuration {
            level: level(info.severity),
        },
    }
}

fn result(sources: &Sources, d: &Diagnostic, rule_index: usize, lang: Lang) -> SarifResult {
    let texts = d.texts(lang);
    let message = texts.whole(lang);
    let related = d
        .secondary
        .iter()
        .zip(texts.secondary)
        .enumerate()
        .map(|(i, (label, text))| Location {
            id: Some(i),
            message: Some(Text { text }),
            ..location(sources, label.span)
        })
        .collect();
    let fixes = d
        .fix
        .iter()
        .filter_map(|fix| {
            let at = location(sources, fix.span).physical_location;
            Some(SarifFix {
                description: Text {
                    text: texts.help.clone().unwrap_or_default(),
                },
                artifact_changes: [ArtifactChange {
                    artifact_location: at.artifact_location,
                    replacements: [Replacement {
                        // A fix in a sheet has no text region to replace: none is offered.
                        deleted_region: at.region?,
                        inserted_content: Text {
                            text: fix.replacement.clone(),
                        },
                    }],
                }],
            })
        })
        .collect();
    SarifResult {
        rule_id: d.code.id(),
        rule_index,
        level: level(d.severity),
        message: Text { text: message },
        locations: [location(sources, d.primary.span)],
        related_locations: related,
        fixes,
    }
}

/// The place of `span`: its file's URI and, in a text, its region; in a sheet, its cell.
fn location(sources: &Sources, span: Span) -> Location {
    let file = sources.get(span.file);
    let artifact_location = ArtifactLocation {
        uri: uri(file.name()),
        uri_base_id: file.is_builtin().then_some(LIBRARY),
    };
    let (region, properties) = match file.cell_at(span.start as usize) {
        Some(cell) => (None, Some(Properties { cell })),
        None => {
            let (start_line, start_column) = file.line_col(span.start as usize);
            let (end_line, end_column) = file.line_col(span.end as usize);
            let region = Region {
                start_line,
                start_column,
                end_line,
                end_column,
            };
            (Some(region), None)
        }
    };
    Location {
        id: None,
        physical_location: PhysicalLocation {
            artifact_location,
            region,
        },
        message: None,
        properties,
    }
}

/// A file's name as a URI reference: relative names stay relative (to where jues was run),
/// with `/` between folders and every other character a path may not hold escaped (Chinese
/// names as UTF-8); an absolute name is a `file:` URI.
fn uri(name: &str) -> String {
    let path = std::path::Path::new(name);
    if path.is_absolute() {
        if let Ok(url) = url::Url::from_file_path(path) {
            return url.to_string();
        }
    }
    name.split(['/', std::path::MAIN_SEPARATOR])
        .map(|segment| utf8_percent_encode(segment, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn names_are_uri_references() {
        assert_eq!(uri("examples/report.jues"), "examples/report.jues");
        assert_eq!(
            uri("报告 2019/决算#1.jues"),
            "%E6%8A%A5%E5%91%8A%202019/%E5%86%B3%E7%AE%97%231.jues"
        );
        assert_eq!(uri("/tmp/a b.jues"), "file:///tmp/a%20b.jues");
    }
}
