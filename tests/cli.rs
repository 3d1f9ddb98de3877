//! Runs the built `jues` binary: exit codes, output formats, `explain`.

use std::path::Path;
use std::process::Output;

fn jues(args: &[&str]) -> Output {
    crate::jues_command()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .output()
        .expect("the jues binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("output is UTF-8")
}

const TWO_ERRORS: &str = "tests/cases/syntax/two_errors.jues";

#[test]
fn two_syntax_errors_in_short_format() {
    let output = jues(&["check", "--format", "short", TWO_ERRORS]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with(&format!("{TWO_ERRORS}:5:")), "{text}");
    assert!(lines[1].starts_with(&format!("{TWO_ERRORS}:10:")), "{text}");
    assert!(
        lines.iter().all(|l| l.contains(": error[J0001]: 这里应写")),
        "{text}"
    );
}

#[test]
fn two_syntax_errors_in_human_format() {
    let output = jues(&["check", "--color", "never", TWO_ERRORS]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert_eq!(text.matches("错误[J0001]").count(), 2, "{text}");
    assert!(text.contains(&format!("[{TWO_ERRORS}:5:")), "{text}");
    assert!(text.contains(&format!("[{TWO_ERRORS}:10:")), "{text}");
    assert!(
        text.ends_with("已检查 1 个文件：2 处错误，0 处警告，0 处提示\n"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "no colour when asked for none");
}

#[test]
fn two_syntax_errors_in_json_format() {
    let output = jues(&["check", "--format", "json", TWO_ERRORS]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    let diagnostics = json["diagnostics"].as_array().expect("a diagnostics array");
    assert_eq!(diagnostics.len(), 2);
    let lines: Vec<u64> = diagnostics
        .iter()
        .map(|d| d["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [5, 10]);
    for d in diagnostics {
        assert_eq!(d["severity"], "error");
        assert_eq!(d["code"], "J0001");
        assert_eq!(d["file"], TWO_ERRORS);
        assert!(d["column"].as_u64().unwrap() >= 1);
        assert!(d["end_line"].as_u64().is_some() && d["end_column"].as_u64().is_some());
        assert!(d["labels"].as_array().is_some_and(|l| !l.is_empty()));
        assert!(d.get("help").is_some());
    }
    assert_eq!(json["summary"]["errors"], 2);
    assert_eq!(json["summary"]["warnings"], 0);
    assert_eq!(json["summary"]["notes"], 0);
}

/// The JSON carries the edit a diagnostic's help suggests, for tools to apply: the stated
/// value's place and what to write there; a diagnostic that suggests none has `null`.
#[test]
fn json_carries_the_fix() {
    let file = "tests/cases/eval/stated_mismatch.jues";
    let output = jues(&["check", "--format", "json", file]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    let fix = &json["diagnostics"][0]["fix"];
    assert_eq!(
        fix,
        &serde_json::json!({ "file": file, "line": 4, "column": 27, "end_line": 4, "end_column": 34, "replacement": "1149.45" }),
        "{json}"
    );
    let output = jues(&["check", "--format", "json", TWO_ERRORS]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    assert!(json["diagnostics"][0]["fix"].is_null(), "{json}");
    // Checked after another file, the fix still names its own.
    let output = jues(&["check", "--format", "json", TWO_ERRORS, file]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    assert_eq!(json["diagnostics"][2]["fix"]["file"], file, "{json}");
}

/// `--format github`: a workflow command per diagnostic, which GitHub Actions shows as an
/// annotation at its line; the help on a second line, `%` and line breaks escaped.
#[test]
fn github_annotations() {
    let file = "tests/cases/eval/stated_mismatch.jues";
    let output = jues(&["--lang", "en", "check", "--format", "github", file]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        format!(
            "::error file={file},line=4,col=27,endLine=4,endColumn=34,title=J0201::stated \
             `1149.54`, but `收入.财政拨款 + 收入.其他` is 1149.45万元%0Ahelp: write \
             `1149.45`\n\
             ::error file={file},line=6,col=52,endLine=6,endColumn=58,title=J0201::stated \
             `72.81%25`, but `share(收入.财政拨款, 收入.合计)` is 72.7926%25%0Ahelp: \
             write `72.79%25`\n"
        )
    );
}

#[test]
fn json_is_one_document_for_several_files() {
    let output = jues(&[
        "check",
        "--format",
        "json",
        TWO_ERRORS,
        "tests/cases/resolve/unknown_name.jues",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    let files: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert!(
        files.contains(&TWO_ERRORS) && files.contains(&"tests/cases/resolve/unknown_name.jues")
    );
}

#[test]
fn missing_file_exits_2_with_one_line() {
    let output = jues(&["check", "no/such/report.jues"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr, "错误：无法读取 `no/such/report.jues`：文件不存在\n");
}

/// A mistake on the command line exits 2 and is said in the language of the run, with the
/// values to choose from, what the user may have meant and the command's usage line, in
/// jues's words, not clap's English ones.
#[test]
fn usage_errors_exit_2_in_the_language_of_the_run() {
    let stderr = |output: Output| {
        assert_eq!(output.status.code(), Some(2));
        String::from_utf8(output.stderr).unwrap()
    };
    assert_eq!(
        stderr(jues(&["chek", TWO_ERRORS])),
        "错误：没有 `chek` 这个命令\n  建议：是不是要写 `check`？\n\n\
         用法：jues [选项] <命令>\n\n更多信息请运行 `jues --help`\n"
    );
    let value = stderr(jues(&["check", "--format", "xml", TWO_ERRORS]));
    assert!(
        value.starts_with(
            "错误：`--format <格式>` 的值 `xml` 不是可选的值\n  可选的值：`human`、`short`、`json`、`github`、`sarif`\n"
        ) && value.contains("用法：jues check [选项] <文件>...\n"),
        "{value}"
    );
    let missing = stderr(jues(&["check"]));
    assert!(
        missing.starts_with("错误：缺少必须写的参数：`<文件>...`\n"),
        "{missing}"
    );
    let unknown = stderr(jues(&["build", "--bogus", TWO_ERRORS]));
    assert!(
        unknown.starts_with("错误：没有参数 `--bogus`\n"),
        "{unknown}"
    );
    let lang = stderr(jues(&["--lang", "fr", "check", TWO_ERRORS]));
    assert!(lang.contains("`fr` 不是可选的语言（zh、en）"), "{lang}");
    let port = stderr(jues(&["watch", TWO_ERRORS, "--serve", "http"]));
    assert!(
        port.starts_with(
            "错误：`--serve <端口>` 的值 `http` 无效：`http` 不是0到65535之间的整数\n"
        ),
        "{port}"
    );
    for text in [&value, &missing, &unknown, &lang, &port] {
        for english in [
            "error:",
            "Usage",
            "tip:",
            "For more",
            "[OPTIONS]",
            "<FILES>",
        ] {
            assert!(!text.contains(english), "{english} in {text}");
        }
    }
    let en = stderr(jues(&[
        "--lang", "en", "check", "--format", "xml", TWO_ERRORS,
    ]));
    assert!(
        en.starts_with("error: invalid value `xml` for `--format <FORMAT>`\n")
            && en.contains("Usage: jues check [OPTIONS] <FILES>...\n"),
        "{en}"
    );
}

/// `--color auto` into a pipe: plain, unless `CLICOLOR_FORCE` or `FORCE_COLOR` asks for colour
/// (a CI log that shows it); `NO_COLOR` wins over both, and `--color never` over everything.
#[test]
fn colour_follows_the_environment() {
    let coloured = |env: &[(&str, &str)], args: &[&str]| {
        let output = crate::jues_command()
            .args(["check", TWO_ERRORS])
            .args(args)
            .envs(env.iter().copied())
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap().contains('\x1b')
    };
    assert!(!coloured(&[], &[]));
    assert!(coloured(&[("CLICOLOR_FORCE", "1")], &[]));
    assert!(coloured(&[("FORCE_COLOR", "1")], &[]));
    assert!(!coloured(&[("FORCE_COLOR", "0")], &[]));
    assert!(!coloured(&[("FORCE_COLOR", "1"), ("NO_COLOR", "1")], &[]));
    assert!(!coloured(&[("CLICOLOR_FORCE", "1")], &["--color", "never"]));
    assert!(coloured(&[], &["--color", "always"]));
}

/// `--color auto` on a terminal (a pseudo-terminal of util-linux's `script`): coloured, unless
/// the terminal says it cannot show colour (`TERM=dumb`, what Emacs's `M-x compile` and other
/// editors' consoles set).
#[cfg(unix)]
#[test]
fn colour_on_a_terminal_unless_it_is_dumb() {
    let on_terminal = |term: &str| {
        let command = format!("{} check {TWO_ERRORS}", env!("CARGO_BIN_EXE_jues"));
        let output = std::process::Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .env("TERM", term)
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("FORCE_COLOR")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("util-linux's `script` runs the check on a pseudo-terminal");
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(stdout.contains("J0001"), "{stdout}");
        stdout.contains('\x1b')
    };
    assert!(on_terminal("xterm-256color"));
    assert!(!on_terminal("dumb"));
}

#[test]
fn clean_file_exits_0() {
    let output = jues(&["check", "tests/cases/ok/sections_1_to_4.jues"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "已检查 1 个文件：未发现问题\n");
}

/// The summary speaks the user's language: `--lang`, then `JUES_LANG`, then the locale, then
/// Chinese.
#[test]
fn the_summary_is_in_the_language_asked_for() {
    let file = "tests/cases/ok/sections_1_to_4.jues";
    let run = |env: &[(&str, &str)], args: &[&str]| {
        let mut command = crate::jues_command();
        command.current_dir(env!("CARGO_MANIFEST_DIR"));
        for (name, value) in env {
            command.env(name, value);
        }
        let output = command.args(args).arg(file).output().unwrap();
        stdout(&output)
    };
    let zh = "已检查 1 个文件：未发现问题\n";
    let en = "checked 1 file: no problems found\n";
    assert_eq!(run(&[], &["check"]), zh);
    assert_eq!(run(&[("LANG", "zh_CN.UTF-8")], &["check"]), zh);
    assert_eq!(run(&[("LANG", "C.UTF-8")], &["check"]), zh);
    assert_eq!(run(&[("LANG", "en_US.UTF-8")], &["check"]), en);
    assert_eq!(
        run(
            &[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")],
            &["check"]
        ),
        zh
    );
    assert_eq!(
        run(&[("LANG", "zh_CN.UTF-8"), ("JUES_LANG", "en")], &["check"]),
        en
    );
    assert_eq!(run(&[("JUES_LANG", "en")], &["--lang", "zh", "check"]), zh);
    assert_eq!(run(&[], &["check", "--lang", "en"]), en);
}

#[test]
fn deny_warnings_is_accepted() {
    let output = jues(&[
        "check",
        "--deny",
        "warnings",
        "tests/cases/ok/sections_1_to_4.jues",
    ]);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn binary_junk_is_a_diagnostic_not_a_crash() {
    let dir = std::env::temp_dir().join(format!("jues-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("junk.jues");
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&path, junk).unwrap();
    let output = jues(&["check", "--format", "short", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("error[J0002]"),
        "{}",
        stdout(&output)
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// A document saved in GBK is neither checked nor formatted: both say so, naming the
/// encoding and how to save the file as UTF-8, and `fmt` leaves the file as it was.
#[test]
fn a_document_in_gbk_is_named_as_such_and_left_alone() {
    let case = "tests/cases/limits/invalid_utf8.jues";
    let output = jues(&["check", "--format", "short", "--lang", "en", case]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("error[J0002]: this file cannot be read as a jues document: it is text in the GBK encoding"),
        "{}",
        stdout(&output)
    );
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fmt-gbk");
    std::fs::create_dir_all(&dir).unwrap();
    let copy = dir.join("report.jues");
    let bytes = std::fs::read(case).unwrap();
    std::fs::write(&copy, &bytes).unwrap();
    let output = jues(&["fmt", copy.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("无法格式化")
            && stderr.contains("它是 GBK 编码的文本")
            && stderr.contains("  建议：请把文档另存为 UTF-8 编码"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&copy).unwrap(), bytes);
}

#[test]
fn explain_prints_every_registered_code() {
    use jues::i18n::Lang;
    for info in jues::diagnostics::codes::ALL {
        let output = jues(&["explain", info.id]);
        assert_eq!(output.status.code(), Some(0));
        let text = stdout(&output);
        assert!(
            text.starts_with(&format!("{}: {}（默认：", info.id, info.title(Lang::Zh))),
            "{text}"
        );
        assert!(
            text.contains(info.explanation(Lang::Zh).lines().next().unwrap()),
            "{text}"
        );
    }
    let list = stdout(&jues(&["explain"]));
    assert_eq!(list.lines().count(), jues::diagnostics::codes::ALL.len());
    assert_eq!(jues(&["explain", "J9999"]).status.code(), Some(2));
}

/// `jues explain` speaks the language asked for, by `--lang` or `JUES_LANG`: the title, the
/// severity, the explanation, the list of codes and the error for an unknown code.
#[test]
fn explain_speaks_the_language_asked_for() {
    use jues::diagnostics::Code;
    use jues::i18n::Lang;
    let info = Code::StatedMismatch.info();
    let zh = stdout(&jues(&["explain", "J0201", "--lang", "zh"]));
    assert_eq!(
        zh,
        format!(
            "J0201: 写明的数字与公式算出的不一致（默认：错误）\n\n{}\n",
            info.explanation(Lang::Zh)
        )
    );
    assert!(zh.contains("四舍五入") && zh.contains("```jues\n"), "{zh}");
    let en = stdout(&jues(&["explain", "J0201", "--lang", "en"]));
    assert_eq!(
        en,
        format!(
            "J0201: stated value differs from the computed value (error by default)\n\n{}\n",
            info.explanation(Lang::En)
        )
    );
    assert!(
        en.contains("is not consistent with what its formula computes"),
        "{en}"
    );
    let from_env = crate::jues_command()
        .args(["explain", "J0201"])
        .env("JUES_LANG", "en")
        .output()
        .unwrap();
    assert_eq!(stdout(&from_env), en);
    assert_eq!(
        stdout(&jues(&["explain", "J0201"])),
        zh,
        "Chinese by default"
    );

    let list = stdout(&jues(&["explain", "--lang", "en"]));
    assert!(
        list.contains("\nJ0213  warning  unknown figure not bounded\n"),
        "{list}"
    );
    let list = stdout(&jues(&["explain"]));
    assert!(list.starts_with("J0001  错误  "), "{list}");
    assert!(list.contains("\nJ0203  提示  "), "{list}");

    let unknown = jues(&["explain", "J9999"]);
    let error = String::from_utf8(unknown.stderr).unwrap();
    assert!(
        error.contains("J9999") && error.contains("没有问题代码"),
        "{error}"
    );
}

#[test]
fn readme_test_command_is_what_ci_runs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ci = std::fs::read_to_string(root.join(".ci/run")).unwrap();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let command = "cargo test --locked";
    assert!(
        readme.contains(&format!("```sh\n{command}\n```")),
        "README names the test command"
    );
    assert!(ci.lines().any(|l| l.trim() == command), ".ci/run runs it");
    assert!(
        ci.contains("--locked -- -D warnings"),
        "CI builds with the committed Cargo.lock"
    );
    assert!(
        root.join("Cargo.lock").is_file(),
        "Cargo.lock is part of the repository"
    );
}

#[test]
fn new_scaffolds_a_report_in_the_five_parts() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("new-report");
    let _ = std::fs::remove_dir_all(&dir);
    let output = jues(&[
        "new",
        dir.to_str().unwrap(),
        "--entity",
        "某某局",
        "--year",
        "2024",
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report = dir.join("report.jues");
    let source = std::fs::read_to_string(&report).unwrap();
    assert!(source.contains("报告 \"某某局2024年度部门决算\"") && source.contains("上年 2023"));
    for part in [
        "# 第一部分 某某局概况",
        "# 第二部分 2024年度部门决算表",
        "# 第三部分 2024年度部门决算情况说明",
        "# 第四部分 名词解释",
        "# 第五部分 附件",
    ] {
        assert!(source.contains(part), "the scaffold has `{part}`");
    }
    assert!(
        source.contains("待填"),
        "what the department knows is left to fill in"
    );
    // A second `new` into the same folder is refused rather than overwriting.
    assert_eq!(jues(&["new", dir.to_str().unwrap()]).status.code(), Some(2));
}

/// `--prior` imports last year's report; a department's name with quotes and braces is
/// written so that the file still parses.
#[test]
fn new_imports_last_year_and_quotes_the_entity() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("new-prior");
    let _ = std::fs::remove_dir_all(&dir);
    let entity = "某\"局\"{甲}*乙*";
    let last = dir.join("2024");
    assert_eq!(
        jues(&[
            "new",
            last.to_str().unwrap(),
            "--entity",
            entity,
            "--year",
            "2024"
        ])
        .status
        .code(),
        Some(0)
    );
    let this = dir.join("2025");
    let output = jues(&[
        "new",
        this.to_str().unwrap(),
        "--entity",
        entity,
        "--year",
        "2025",
        "--prior",
        "../2024/report.jues",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let report = this.join("report.jues");
    let source = std::fs::read_to_string(&report).unwrap();
    assert!(
        source.contains("导入 \"../2024/report.jues\" 为 上年"),
        "{source}"
    );
    assert!(!source.contains("上年 2024 {"));
    let check = jues(&["check", "--format", "short", report.to_str().unwrap()]);
    let said = stdout(&check);
    assert_eq!(check.status.code(), Some(0), "{said}");
    assert!(!said.contains("J0101") && !said.contains("J0001"), "{said}");
    let build = jues(&[
        "build",
        report.to_str().unwrap(),
        "--allow-errors",
        "--to",
        "md",
        "-o",
        this.join("out").to_str().unwrap(),
    ]);
    assert_eq!(build.status.code(), Some(1));
    let markdown = std::fs::read_to_string(this.join("out/report.md")).unwrap();
    assert!(
        markdown.contains("# 第一部分 某\"局\"{甲}\\*乙\\*概况"),
        "the name is shown as written: {markdown}"
    );
}

#[test]
fn check_takes_folders_and_prints_a_summary() {
    let output = jues(&["check", "--color", "never", "tests/cases/resolve"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("文件 ") && text.contains("错误   警告   提示"),
        "{text}"
    );
    assert!(
        text.contains("tests/cases/resolve/unknown_name.jues"),
        "{text}"
    );
    assert!(text.contains("个文件中有 2 个没有错误和警告"), "{text}");
    let english = stdout(&jues(&["check", "--lang", "en", "tests/cases/resolve"]));
    assert!(
        english.contains("file ") && english.contains("errors  warnings  notes"),
        "{english}"
    );
    assert!(
        english.contains("2 of 11 files have no errors or warnings"),
        "{english}"
    );
    let output = jues(&[
        "check",
        "--format",
        "json",
        "tests/cases/resolve",
        "tests/cases/ok/*.jues",
    ]);
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&output)).expect("one JSON document");
    let files: std::collections::BTreeSet<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert!(files.len() > 3, "{files:?}");
    assert!(json["summary"]["errors"].as_u64().unwrap() > 5);
}

/// The summary table of a folder check lines its columns up by display width: a Chinese file
/// name takes two columns a character, as on a terminal.
#[test]
fn the_summary_table_is_aligned_by_display_width() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("check-summary-width");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for name in ["a.jues", "二〇一九年部门决算.jues"] {
        std::fs::write(dir.join(name), "数值 {甲}。\n").unwrap();
    }
    let output = crate::jues_command()
        .args(["check", "--color", "never", "."])
        .current_dir(&dir)
        .output()
        .unwrap();
    let text = stdout(&output);
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("文件") || l.starts_with("./"))
        .collect();
    assert_eq!(rows.len(), 3, "{text}");
    // Where each row ends, in display columns: the counts are right-aligned under their headings.
    let widths: Vec<usize> = rows
        .iter()
        .map(|r| unicode_width::UnicodeWidthStr::width(*r))
        .collect();
    assert!(widths.iter().all(|w| *w == widths[0]), "{text}");
    let first_count = |row: &str| {
        let name_end = row.find(".jues").map_or(0, |i| i + ".jues".len());
        unicode_width::UnicodeWidthStr::width(&row[..name_end + row[name_end..].find('1').unwrap()])
    };
    assert_eq!(first_count(rows[1]), first_count(rows[2]), "{text}");
}

/// A file that cannot be read is reported, and not counted as checked.
#[test]
fn an_unreadable_file_is_not_counted_as_checked() {
    let output = jues(&["check", "no-such-report.jues"]);
    assert_eq!(output.status.code(), Some(2));
    let text = stdout(&output);
    assert!(!text.contains("no problems found"), "{text}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("无法读取 `no-such-report.jues`"));
    let output = jues(&[
        "check",
        "no-such-report.jues",
        "examples/lusong-hrss-2019/report.jues",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stdout(&output).contains("已检查 1 个文件"),
        "{}",
        stdout(&output)
    );
}

/// `check DIR` does not enter linked folders: a link to a sibling folder does not check the
/// sibling's files again, and two folders linked to each other do not send it round and round.
/// Each real file is checked once, under the first name found, in name order; a linked file is
/// a file, and one named on the command line is checked.
#[cfg(unix)]
#[test]
fn check_does_not_follow_linked_folders() {
    use std::os::unix::fs::symlink;
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("check-links");
    let _ = std::fs::remove_dir_all(&dir);
    for folder in ["a", "b", "c"] {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
    }
    // Each file has one error, so that `--format short` prints one line per file checked.
    std::fs::write(dir.join("a/x.jues"), "数值 {甲}。\n").unwrap();
    std::fs::write(dir.join("c/y.jues"), "数值 {乙}。\n").unwrap();
    symlink("../b", dir.join("a/to-b")).unwrap();
    symlink("../a", dir.join("b/to-a")).unwrap();
    symlink("../c", dir.join("a/to-c")).unwrap();
    symlink("../c/y.jues", dir.join("a/y-link.jues")).unwrap();
    symlink("a/x.jues", dir.join("x-link.jues")).unwrap();

    let checked = |args: &[&str]| -> Vec<String> {
        let mut child = crate::jues_command()
            .args(args)
            .current_dir(&dir)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let start = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if start.elapsed() > std::time::Duration::from_secs(20) {
                let _ = child.kill();
                panic!("`jues {}` does not end", args.join(" "));
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let output = child.wait_with_output().unwrap();
        stdout(&output)
            .lines()
            .map(|l| l.split(':').next().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        checked(&["check", "--format", "short", "."]),
        ["./a/x.jues", "./a/y-link.jues"]
    );
    assert_eq!(
        checked(&["check", "--format", "short", "a", "c", "b", "a/x.jues"]),
        ["a/x.jues", "a/y-link.jues"]
    );
    assert_eq!(
        checked(&["check", "--format", "short", "**/*.jues"]),
        ["a/x.jues", "a/y-link.jues"]
    );
    assert_eq!(
        checked(&["check", "--format", "short", "x-link.jues", "b/to-a/x.jues"]),
        ["x-link.jues"]
    );
    assert_eq!(
        checked(&["check", "--format", "short", "b"]),
        Vec::<String>::new()
    );
}

/// `--help` speaks the language of the run: Chinese by default, English with `--lang en` (or
/// `JUES_LANG`), for jues and each command, with no catalog id left showing.
#[test]
fn help_is_in_the_language_of_the_run() {
    let zh = stdout(&jues(&["--help"]));
    assert!(
        zh.contains("用法：jues") && zh.contains("检查文档，列出发现的每一处问题"),
        "{zh}"
    );
    let check = stdout(&jues(&["check", "--help"]));
    assert!(
        check.contains("要检查的 `.jues` 文件") && check.contains("显示帮助"),
        "{check}"
    );
    let en = stdout(&jues(&["--lang", "en", "check", "--help"]));
    assert!(
        en.contains("Usage: jues check") && en.contains("How to print diagnostics"),
        "{en}"
    );
    let help = stdout(&jues(&["help", "build"]));
    assert!(help.contains("检查文档，然后生成"), "{help}");
    // The Chinese help has its own headings and placeholders, with Chinese punctuation.
    assert!(
        check.contains("用法：jues check [选项] <文件>...\n")
            && check.contains("\n参数：\n  <文件>...")
            && check.contains("\n选项：\n")
            && check.contains("--format <格式>"),
        "{check}"
    );
    for text in [&zh, &check, &help] {
        for english in [
            "Usage",
            "Options:",
            "Arguments:",
            "Commands:",
            "[OPTIONS]",
            "<FORMAT>",
        ] {
            assert!(!text.contains(english), "{english} in {text}");
        }
    }
    for text in [&zh, &check, &en, &help] {
        assert!(!text.contains("help-"), "{text}");
        aligned(text);
    }
}

/// The help of every option in `help` starts in one column, counted in display width (a
/// Chinese character takes two).
fn aligned(help: &str) {
    let columns: Vec<usize> = help
        .lines()
        .filter(|line| line.starts_with("  -") || line.starts_with("      --"))
        .filter_map(|line| {
            let trimmed = line.trim_start();
            let gap = trimmed.find("  ")?;
            let rest = &trimmed[gap..];
            let start = line.len() - rest.trim_start().len();
            Some(unicode_width::UnicodeWidthStr::width(&line[..start]))
        })
        .collect();
    assert!(!columns.is_empty(), "{help}");
    assert!(
        columns.windows(2).all(|w| w[0] == w[1]),
        "{columns:?}\n{help}"
    );
}

/// `jues completions <shell>` writes a script for each shell clap_complete knows, naming every
/// command; bash's parses (`bash -n`). `jues help CMD` is `jues CMD --help`, and `jues help`
/// of a name that is no command is a mistake said as the others are (once a panic in clap's
/// own help command).
#[test]
fn completions_for_every_shell_and_help_of_every_command() {
    let commands = [
        "check", "build", "watch", "lsp", "fmt", "new", "explain", "man",
    ];
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = jues(&["completions", shell]);
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = stdout(&output);
        for command in commands {
            assert!(script.contains(command), "{shell}: {command}");
        }
        if shell == "bash" {
            let mut bash = std::process::Command::new("bash")
                .arg("-n")
                .stdin(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            use std::io::Write;
            bash.stdin
                .take()
                .unwrap()
                .write_all(script.as_bytes())
                .unwrap();
            assert!(bash.wait().unwrap().success(), "bash -n");
        }
    }
    for command in commands {
        assert_eq!(
            stdout(&jues(&["help", command])),
            stdout(&jues(&[command, "--help"])),
            "{command}"
        );
    }
    for args in [&["help", "help"][..], &["help"], &["--help"]] {
        let output = jues(args);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert!(stdout(&output).contains("用法：jues"), "{args:?}");
    }
    let wrong = jues(&["help", "chek"]);
    assert_eq!(wrong.status.code(), Some(2));
    let stderr = String::from_utf8(wrong.stderr).unwrap();
    assert!(
        stderr.starts_with("错误：没有 `chek` 这个命令\n  建议：是不是要写 `check`？\n"),
        "{stderr}"
    );
}

/// `jues man` writes one manual page, its headings and texts in the language of the run, with
/// a section for each command; where groff is installed, it renders.
#[test]
fn the_manual_page_has_every_command_in_the_language_of_the_run() {
    let page = stdout(&jues(&["man"]));
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "{page}");
    assert!(page.contains(".TH jues 1"), "{page}");
    for heading in [".SH 名称", ".SH 用法", ".SH 选项"] {
        assert!(page.contains(heading), "{heading}");
    }
    for english in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", "Print help"] {
        assert!(!page.contains(english), "{english}");
    }
    for command in ["check", "build", "watch", "lsp", "fmt", "new", "explain"] {
        assert!(
            page.contains(&format!(".SH \"jues {command}\"")),
            "{command}"
        );
    }
    assert!(page.contains("检查文档，列出发现的每一处问题"));
    let english = stdout(&jues(&["--lang", "en", "man"]));
    assert!(english.contains(".SH NAME") && english.contains("Check documents"));
    if let Ok(mut groff) = std::process::Command::new("groff")
        .args(["-k", "-man", "-Tutf8"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    {
        use std::io::Write;
        groff
            .stdin
            .take()
            .unwrap()
            .write_all(page.as_bytes())
            .unwrap();
        let rendered = groff.wait_with_output().unwrap();
        let text = String::from_utf8_lossy(&rendered.stdout);
        assert!(
            rendered.status.success() && text.contains("检查文档"),
            "{text}"
        );
    }
}
