//! The documents jues writes for programs, validated against their JSON Schemas: the
//! diagnostics of `jues check --format json` (`docs/schemas/diagnostics.schema.json`), the
//! facts file of `jues build --to json` (`docs/schemas/facts.schema.json`), and
//! `jues check --format sarif` against the SARIF 2.1.0 schema (from the npm package
//! `@microsoft/jest-sarif`: `npm ci --prefix tests/tools`, as `.ci/run` does).
//!
//! Each runs over every case file, so every diagnostic jues has is in some document checked.

use crate::jues_command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A compiled schema, ready to validate documents.
struct Schema {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
    name: String,
}

impl Schema {
    /// The schema in `path`, with formats (`uri`, `uri-reference` …) asserted.
    fn load(path: &Path) -> Schema {
        assert!(
            path.exists(),
            "{} is missing{}",
            path.display(),
            if path.starts_with(root().join("tests/tools")) {
                ": install the test tools with `npm ci --prefix tests/tools`"
            } else {
                ""
            }
        );
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        compiler.enable_format_assertions();
        let index = compiler
            .compile(path.to_str().unwrap(), &mut schemas)
            .unwrap_or_else(|e| panic!("{}: {e:#}", path.display()));
        Schema {
            schemas,
            index,
            name: path.display().to_string(),
        }
    }

    /// Why `document` does not match, if it does not.
    fn errors(&self, document: &Value) -> Option<String> {
        self.schemas
            .validate(document, self.index)
            .err()
            .map(|e| format!("{e:#}"))
    }

    fn assert_valid(&self, document: &Value, what: &str) {
        if let Some(errors) = self.errors(document) {
            panic!("{what} does not match {}:\n{errors}", self.name);
        }
    }
}

fn diagnostics_schema() -> Schema {
    Schema::load(&root().join("docs/schemas/diagnostics.schema.json"))
}

fn facts_schema() -> Schema {
    Schema::load(&root().join("docs/schemas/facts.schema.json"))
}

fn sarif_schema() -> Schema {
    Schema::load(
        &root().join(
            "tests/tools/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json",
        ),
    )
}

/// Every case file and the example reports, relative to the crate root (as the case tests
/// name them).
fn case_files() -> Vec<String> {
    let pattern = root().join("tests/cases/**/*.jues");
    let mut files: Vec<String> = glob::glob(pattern.to_str().unwrap())
        .unwrap()
        .map(|p| {
            let path = p.unwrap();
            path.strip_prefix(root()).unwrap().to_string_lossy().into()
        })
        .collect();
    files.sort();
    assert!(files.len() > 100, "the case files were not found");
    // And the real report, as published and as corrected.
    files.push("examples/lusong-hrss-2019/as-published.jues".to_owned());
    files.push("examples/lusong-hrss-2019/report.jues".to_owned());
    files
}

/// `jues check <every case> --format <format> --lang <lang>`, parsed.
fn check_all(format: &str, lang: &str) -> Value {
    let output = jues_command()
        .current_dir(root())
        .args(["check", "--format", format, "--lang", lang])
        .args(case_files())
        .output()
        .unwrap();
    // Some cases are unreadable on purpose (exit code 2), most have errors (1).
    assert!(output.status.code().is_some_and(|c| c <= 2), "{output:?}");
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "--format {format} is not JSON ({e}):\n{}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

#[test]
fn the_diagnostics_of_every_case_match_their_schema() {
    let schema = diagnostics_schema();
    for lang in ["zh", "en"] {
        let document = check_all("json", lang);
        schema.assert_valid(
            &document,
            &format!("`jues check --format json --lang {lang}`"),
        );
        assert_eq!(document["schema"], "jues-diagnostics/1");
        let diagnostics = document["diagnostics"].as_array().unwrap();
        // The cases hold every kind of place: fixes, secondary labels, cells of sheets.
        assert!(diagnostics.len() > 150, "{}", diagnostics.len());
        assert!(diagnostics.iter().any(|d| !d["fix"].is_null()));
        let labels = || {
            diagnostics
                .iter()
                .flat_map(|d| d["labels"].as_array().unwrap())
        };
        assert!(labels().any(|l| l.get("cell").is_some()));
        // The built-in library's places say so, and only they.
        assert!(labels().any(|l| l.get("builtin").is_some()));
        assert!(labels()
            .all(|l| (l["builtin"] == true) == l["file"].as_str().unwrap().starts_with("stdlib/")));
    }
}

/// The schemas are strict: a field added, one left out, or a value of another kind makes a
/// document invalid, so a change of the output that the schema does not describe fails the
/// test above.
#[test]
fn the_schemas_refuse_what_they_do_not_describe() {
    let schema = diagnostics_schema();
    let document = check_all("json", "en");
    assert!(schema.errors(&document).is_none());
    let mut added = document.clone();
    added["diagnostics"][0]["extra"] = Value::from(1);
    let mut missing = document.clone();
    missing["diagnostics"][0]
        .as_object_mut()
        .unwrap()
        .remove("help");
    let mut mistyped = document.clone();
    mistyped["diagnostics"][0]["line"] = Value::from("3");
    let mut versioned = document;
    versioned["schema"] = Value::from("jues-diagnostics/2");
    for (what, bad) in [
        ("a field added", added),
        ("a field left out", missing),
        ("a line as text", mistyped),
        ("another version", versioned),
    ] {
        assert!(schema.errors(&bad).is_some(), "{what} was accepted");
    }

    let facts = facts_schema();
    let mut figure = serde_json::json!({
        "schema": "jues-facts/1",
        "document": { "title": "t", "entity": null, "year": "2019", "money_unit": "万元" },
        "figures": [{
            "name": "收入.合计", "label": null, "value": "1149.45", "unit": "万元",
            "lower": "1149.445", "upper": "1149.455", "formula": null, "stated": "1149.45",
            "source": { "file": "report.jues", "line": 3, "column": 1 }
        }],
        "tables": [],
        "statements": []
    });
    assert!(
        facts.errors(&figure).is_none(),
        "{:?}",
        facts.errors(&figure)
    );
    // Money is a decimal string, never a JSON number (read as a float).
    figure["figures"][0]["value"] = serde_json::json!(1149.45);
    assert!(facts.errors(&figure).is_some());
}

#[test]
fn the_facts_files_match_their_schema() {
    let schema = facts_schema();
    let out = std::env::temp_dir().join(format!("jues-facts-schema-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let files: Vec<PathBuf> = case_files().iter().map(|f| root().join(f)).collect();
    let (mut written, mut cells, mut sheet_cells) = (0, 0, 0);
    let (mut computed, mut rounded) = (0, 0);
    for (i, file) in files.iter().enumerate() {
        let folder = out.join(i.to_string());
        // Documents with errors are not built; the others write their facts.
        let _ = jues_command()
            .current_dir(root())
            .args(["build", "--to", "json", "-o"])
            .arg(&folder)
            .arg(file)
            .output()
            .unwrap();
        let stem = file.file_stem().unwrap().to_string_lossy();
        let Ok(text) = std::fs::read_to_string(folder.join(format!("{stem}.facts.json"))) else {
            continue;
        };
        let facts: Value = serde_json::from_str(&text).unwrap();
        schema.assert_valid(&facts, &format!("the facts of {}", file.display()));
        written += 1;
        for table in facts["tables"].as_array().unwrap() {
            for cell in table["cells"].as_array().unwrap() {
                cells += 1;
                sheet_cells += usize::from(cell["source"].get("cell").is_some());
                computed += usize::from(cell["formula"].is_string());
                rounded += usize::from(cell["lower"].is_string());
            }
        }
    }
    let _ = std::fs::remove_dir_all(&out);
    assert!(written > 50, "only {written} documents were built");
    assert!(
        cells > 100 && sheet_cells > 0,
        "{cells} cells, {sheet_cells} from sheets"
    );
    // Cells of computed columns carry their formula; cells of rounded inputs their interval.
    assert!(
        computed > 0 && rounded > 0,
        "{computed} computed, {rounded} rounded"
    );
}

#[test]
fn sarif_logs_are_valid_sarif_2_1_0() {
    let schema = sarif_schema();
    for lang in ["zh", "en"] {
        let log = check_all("sarif", lang);
        schema.assert_valid(&log, &format!("`jues check --format sarif --lang {lang}`"));
        assert_eq!(log["version"], "2.1.0");
        // The schema is read and enforced: a level SARIF does not have, or a file name that is
        // not a URI reference, is refused.
        let mut level = log.clone();
        level["runs"][0]["results"][0]["level"] = Value::from("fatal");
        assert!(schema.errors(&level).is_some());
        let mut uri = log;
        uri["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
            ["uri"] = Value::from("报告 2019.jues");
        assert!(schema.errors(&uri).is_some());
    }
}

/// The SARIF log says what the JSON document says: a result per diagnostic, at the same
/// places, with its rule, its related places and its fix.
#[test]
fn sarif_results_are_the_diagnostics() {
    let json = check_all("json", "en");
    let sarif = check_all("sarif", "en");
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "jues");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert_eq!(results.len(), diagnostics.len());
    let (mut fixes, mut library) = (0, false);
    for (result, diagnostic) in results.iter().zip(diagnostics) {
        assert_eq!(result["ruleId"], diagnostic["code"]);
        let rule = &rules[result["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], diagnostic["code"]);
        assert_eq!(result["level"], diagnostic["severity"]);
        let message = result["message"]["text"].as_str().unwrap();
        assert!(message.starts_with(diagnostic["message"].as_str().unwrap()));
        let location = &result["locations"][0]["physicalLocation"];
        let labels = diagnostic["labels"].as_array().unwrap();
        if labels[0].get("cell").is_none() {
            let region = &location["region"];
            assert_eq!(region["startLine"], diagnostic["line"]);
            assert_eq!(region["startColumn"], diagnostic["column"]);
            assert_eq!(region["endLine"], diagnostic["end_line"]);
            assert_eq!(region["endColumn"], diagnostic["end_column"]);
        } else {
            assert_eq!(
                result["locations"][0]["properties"]["cell"],
                labels[0]["cell"]
            );
        }
        let related = result
            .get("relatedLocations")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        assert_eq!(related, labels.len() - 1);
        // A place in the built-in library is relative to its own base, which names no folder.
        let places = std::iter::once(&result["locations"][0])
            .chain(result["relatedLocations"].as_array().into_iter().flatten());
        for (place, label) in places.zip(labels) {
            let artifact = &place["physicalLocation"]["artifactLocation"];
            let builtin = label["file"].as_str().unwrap().starts_with("stdlib/");
            assert_eq!(artifact["uriBaseId"] == "JUES_LIBRARY", builtin, "{result}");
            library |= builtin;
        }
        if let Some(fix) = diagnostic["fix"].as_object() {
            // A cell of a sheet has no text region to replace: SARIF gets no fix for it.
            let in_sheet = labels
                .iter()
                .any(|l| l["file"] == fix["file"] && l.get("cell").is_some());
            if in_sheet {
                assert!(result.get("fixes").is_none());
                continue;
            }
            fixes += 1;
            let replacement = &result["fixes"][0]["artifactChanges"][0]["replacements"][0];
            assert_eq!(replacement["insertedContent"]["text"], fix["replacement"]);
            assert_eq!(replacement["deletedRegion"]["startColumn"], fix["column"]);
            assert_eq!(replacement["deletedRegion"]["endColumn"], fix["end_column"]);
        }
    }
    assert!(fixes > 5, "{fixes}");
    assert!(library, "some case has a place in the built-in library");
    assert!(run["originalUriBaseIds"]["JUES_LIBRARY"]["description"]["text"].is_string());
    // Each rule once, and only rules that occur.
    let mut ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let count = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), count);
    assert!(ids
        .iter()
        .all(|id| results.iter().any(|r| r["ruleId"] == *id)));
}
