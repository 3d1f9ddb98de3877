//! `--help` in the user's language: every text of the command line's help (what a command
//! does, what an argument means, the headings) comes from the catalogs (`i18n/*/help.ftl`,
//! ids `help-…`), so the English and the Chinese help are defined alike, in one place.
//!
//! A command's text is `help-<command>` (`help-jues` for jues itself); an argument's is
//! `help-<command>-<argument>` when it means something of its own there (`help-fmt-files`),
//! else `help-arg-<argument>`, shared by the commands that take it (`help-arg-format`).

use crate::i18n::{tr, Lang};
use clap::error::ErrorKind;
use clap::{Arg, ArgAction, Command, Parser};
use std::ffi::OsString;
use std::process::ExitCode;

/// Reads the command line `args` as `T` declares it. Putting the help into words is most of
/// the start-up of a run, so it is done only when clap has something to say: help, or a
/// mistake in the arguments, which are then read again by the command with its texts in
/// `lang` (the same arguments, so what clap says is the same, in the user's words). The
/// version needs no words. `Err` is the exit code after saying it.
pub(super) fn parse<T: Parser>(args: &[OsString], lang: Lang) -> Result<T, ExitCode> {
    let error = match T::command()
        .try_get_matches_from(args)
        .and_then(|matches| T::from_arg_matches(&matches))
    {
        Ok(parsed) => return Ok(parsed),
        Err(error) => error,
    };
    if error.kind() == ErrorKind::DisplayVersion {
        let _ = error.print();
        return Err(ExitCode::SUCCESS);
    }
    let mut command = localized(T::command(), lang);
    let error = match command
        .try_get_matches_from_mut(args)
        .and_then(|matches| T::from_arg_matches(&matches))
    {
        Ok(parsed) => return Ok(parsed),
        Err(error) => error,
    };
    Err(super::usage_error::report(&error, &command, args, lang))
}

/// `command` with its help, and that of its subcommands, in `lang`.
pub(super) fn localized(command: Command, lang: Lang) -> Command {
    let command = command.disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version),
    );
    walk(command, "jues", "jues", lang)
}

/// `jues help [command]`: prints the help of `name` (of jues without one), as `--help` does;
/// a name that is no command is a mistake of the command line, said as clap's are.
pub(super) fn print(
    mut command: Command,
    name: Option<&str>,
    args: &[OsString],
    lang: Lang,
) -> ExitCode {
    // Built whole, so that each command's help has the options every command takes.
    command.build();
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    let printed = match name {
        None => command.print_help(),
        Some(name) => match command.find_subcommand_mut(name) {
            Some(sub) => sub.print_help(),
            None => {
                use clap::error::{ContextKind, ContextValue};
                let mut error = clap::Error::new(ErrorKind::InvalidSubcommand);
                error.insert(
                    ContextKind::InvalidSubcommand,
                    ContextValue::String(name.to_owned()),
                );
                let meant =
                    crate::diagnostics::did_you_mean(name, names.iter().map(String::as_str));
                if let Some(meant) = meant {
                    error.insert(
                        ContextKind::SuggestedSubcommand,
                        ContextValue::String(meant.to_owned()),
                    );
                }
                return super::usage_error::report(&error, &command, args, lang);
            }
        },
    };
    match printed {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}

/// `command` (named `name` in the catalog, typed as `path`) and its subcommands, each with
/// its texts, its usage line and its headings.
fn walk(command: Command, name: &str, path: &str, lang: Lang) -> Command {
    let mut command = command
        .about(tr(lang, &format!("help-{name}"), &[]))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help),
        );
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        let text = argument_help(name, &id, lang);
        command = command.mut_arg(id.as_str(), |arg| {
            let arg = arg.help(text);
            // Defaults and values are said in the help's own words, in its language.
            if arg.get_action().takes_values() {
                arg.value_name(tr(lang, &format!("help-value-{id}"), &[]))
                    .hide_default_value(true)
                    .hide_possible_values(true)
            } else {
                arg
            }
        });
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for sub in subcommands {
        let sub_path = format!("{path} {sub}");
        command = command.mut_subcommand(sub.as_str(), |c| walk(c, &sub, &sub_path, lang));
    }
    let usage = usage(&command, path, lang);
    let template = template(&command, lang);
    command.override_usage(usage).help_template(template)
}

/// The usage line of `command`, typed as `path`: `jues check [选项] <文件>...`. Written here
/// rather than by clap, whose placeholders (`[OPTIONS]`, `<COMMAND>`) are English.
pub(super) fn usage(command: &Command, path: &str, lang: Lang) -> String {
    let mut words = vec![path.to_owned()];
    let has_options = command
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set());
    if has_options {
        words.push(format!("[{}]", tr(lang, "help-usage-options", &[])));
    }
    for arg in command.get_positionals().filter(|a| !a.is_hide_set()) {
        let name = arg
            .get_value_names()
            .and_then(|names| names.first())
            .map(|n| n.to_string())
            .unwrap_or_else(|| arg.get_id().to_string());
        let many = matches!(arg.get_action(), ArgAction::Append);
        let word = format!("<{name}>{}", if many { "..." } else { "" });
        words.push(if arg.is_required_set() {
            word
        } else {
            format!("[{word}]")
        });
    }
    if command.has_subcommands() {
        let word = format!("<{}>", tr(lang, "help-usage-command", &[]));
        words.push(if command.is_subcommand_required_set() {
            word
        } else {
            format!("[{word}]")
        });
    }
    words.join(" ")
}

/// The layout of `command`'s help: what it does, its usage, then its commands, arguments and
/// options, each under its heading (clap's own headings end in an ASCII colon, which is not
/// Chinese punctuation, so the headings are written here).
fn template(command: &Command, lang: Lang) -> String {
    let heading = |id: &str| tr(lang, &format!("help-heading-{id}"), &[]);
    let mut sections = Vec::new();
    if command.has_subcommands() {
        sections.push(format!("{}\n{{subcommands}}", heading("commands")));
    }
    if command.get_positionals().any(|a| !a.is_hide_set()) {
        sections.push(format!("{}\n{{positionals}}", heading("arguments")));
    }
    if command
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set())
    {
        sections.push(format!("{}\n{{options}}", heading("options")));
    }
    let usage = tr(lang, "help-usage", &[]);
    format!(
        "{{about-with-newline}}\n{usage}{{usage}}\n\n{}{{after-help}}",
        sections.join("\n\n")
    )
}

/// The help of argument `id` of command `name`: its own (`help-fmt-files`), else the shared
/// one (`help-arg-format`).
fn argument_help(name: &str, id: &str, lang: Lang) -> String {
    let own = format!("help-{name}-{id}");
    let text = tr(lang, &own, &[]);
    if text != own {
        return text;
    }
    tr(lang, &format!("help-arg-{id}"), &[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, FromArgMatches};

    /// Every command and argument has its help in both languages: none is shown as an id.
    #[test]
    fn every_command_and_argument_has_its_help_in_both_languages() {
        fn check(command: &Command, lang: Lang) {
            let about = command
                .get_about()
                .map(|a| a.to_string())
                .unwrap_or_default();
            assert!(
                !about.is_empty() && !about.starts_with("help-"),
                "{lang:?}: {about}"
            );
            for arg in command.get_arguments() {
                let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                assert!(
                    !help.is_empty() && !help.starts_with("help-"),
                    "{lang:?} {} {}: `{help}`",
                    command.get_name(),
                    arg.get_id()
                );
                if arg.get_action().takes_values() {
                    let names = arg.get_value_names().unwrap_or_default();
                    assert!(
                        names.len() == 1 && !names[0].starts_with("help-"),
                        "{lang:?} {} {}: value {names:?}",
                        command.get_name(),
                        arg.get_id()
                    );
                }
            }
            for sub in command.get_subcommands() {
                check(sub, lang);
            }
        }
        for lang in Lang::ALL {
            let mut command = localized(super::super::Cli::command(), lang);
            command.build();
            check(&command, lang);
        }
    }

    /// Arguments are read by the plain command and, when there is help or a mistake to show,
    /// again by the one with its texts in words ([`parse`]): the two must take the same
    /// arguments in the same way, in every command.
    #[test]
    fn the_command_in_words_reads_the_arguments_as_the_plain_one() {
        fn shape(command: &Command) -> Vec<String> {
            let mut out = vec![format!("command {}", command.get_name())];
            let mut args: Vec<String> = command
                .get_arguments()
                .map(|a| {
                    format!(
                        "{} -{:?} --{:?} {:?} {:?} required={} positional={} global={} \
                         values={:?} defaults={:?}",
                        a.get_id(),
                        a.get_short(),
                        a.get_long(),
                        a.get_action(),
                        a.get_num_args(),
                        a.is_required_set(),
                        a.is_positional(),
                        a.is_global_set(),
                        a.get_possible_values()
                            .iter()
                            .map(|v| v.get_name().to_owned())
                            .collect::<Vec<_>>(),
                        a.get_default_values(),
                    )
                })
                .collect();
            args.sort();
            out.extend(args);
            for sub in command.get_subcommands() {
                out.extend(shape(sub));
            }
            out
        }
        let mut plain = super::super::Cli::command();
        plain.build();
        for lang in Lang::ALL {
            let mut in_words = localized(super::super::Cli::command(), lang);
            in_words.build();
            assert_eq!(shape(&plain), shape(&in_words), "{lang:?}");
        }
        // And a few command lines, read alike (what clap makes of them, or the kind of mistake).
        let lines: &[&[&str]] = &[
            &[
                "jues", "check", "a.jues", "--format", "json", "--deny", "warnings",
            ],
            &["jues", "build", "a.jues", "--to", "html,md", "-o", "out"],
            &["jues", "fmt", "--check", "a.jues"],
            &["jues", "check"],
            &["jues", "chek"],
            &["jues", "check", "--format", "xml", "a.jues"],
            &["jues", "--version"],
            &["jues", "check", "--help"],
        ];
        let read =
            |mut command: Command, line: &[&str]| match command.try_get_matches_from_mut(line) {
                Ok(matches) => match super::super::Cli::from_arg_matches(&matches) {
                    Ok(cli) => format!("{cli:?}"),
                    Err(e) => format!("{:?}", e.kind()),
                },
                Err(e) => format!("{:?}", e.kind()),
            };
        for line in lines {
            for lang in Lang::ALL {
                assert_eq!(
                    read(super::super::Cli::command(), line),
                    read(localized(super::super::Cli::command(), lang), line),
                    "{line:?}"
                );
            }
        }
    }
}
