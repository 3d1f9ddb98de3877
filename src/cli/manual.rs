//! `jues completions <shell>` and `jues man`: the shell completions and the manual page,
//! made from the command line's own definition (clap_complete, clap_mangen) with its help in
//! the language of the run, so that neither can fall out of step with the arguments.

use crate::i18n::{tr, Lang};
use clap::Command;
use std::io::Write;
use std::process::ExitCode;

/// Prints the completions of `command` for `shell`.
pub(super) fn completions(shell: clap_complete::Shell, mut command: Command) -> ExitCode {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "jues", &mut out);
    print(&out)
}

/// Prints the manual page of `command` in `lang`: what jues is, its usage and options, then a
/// section for each of its commands (one page for all, as `git help` does not need).
pub(super) fn man(mut command: Command, lang: Lang) -> ExitCode {
    command.build();
    let mut out = Vec::new();
    let page = clap_mangen::Man::new(command.clone());
    let mut written = page.render_title(&mut out).and_then(|()| {
        page.render_name_section(&mut out)?;
        page.render_synopsis_section(&mut out)?;
        page.render_description_section(&mut out)?;
        page.render_options_section(&mut out)
    });
    for sub in command.get_subcommands().filter(|c| c.get_name() != "help") {
        written = written.and_then(|()| {
            writeln!(out, ".SH \"jues {}\"", sub.get_name())?;
            let page = clap_mangen::Man::new(sub.clone());
            page.render_description_section(&mut out)?;
            page.render_synopsis_section(&mut out)?;
            page.render_options_section(&mut out)
        });
    }
    let written = written.and_then(|()| page.render_version_section(&mut out));
    if written.is_err() {
        return ExitCode::from(2);
    }
    print(headings(&String::from_utf8_lossy(&out), lang).as_bytes())
}

/// `roff` with clap_mangen's section headings (`.SH NAME` …), which are English, in `lang`.
fn headings(roff: &str, lang: Lang) -> String {
    const SECTIONS: [(&str, &str); 5] = [
        ("NAME", "man-name"),
        ("SYNOPSIS", "man-synopsis"),
        ("DESCRIPTION", "man-description"),
        ("OPTIONS", "man-options"),
        ("VERSION", "man-version"),
    ];
    let mut out = String::with_capacity(roff.len());
    for line in roff.split_inclusive('\n') {
        let heading = line.trim_end().strip_prefix(".SH ");
        match heading.and_then(|h| SECTIONS.iter().find(|(english, _)| *english == h)) {
            Some((_, id)) => out.push_str(&format!(".SH {}\n", tr(lang, id, &[]))),
            None => out.push_str(line),
        }
    }
    out
}

/// Writes `bytes` to standard output; a closed pipe is the reader's choice, not a failure.
fn print(bytes: &[u8]) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}
