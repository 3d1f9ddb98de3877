//! `--help` in the user's language: every text of the command line's help (what a command
//! does, what an argument means, the headings) comes from the catalogs (`i18n/*/cli.ftl`,
//! ids `help-…`), so the English and the Chinese help are defined alike, in one place.
//!
//! A command's text is `help-<command>` (`help-jues` for jues itself); an argument's is
//! `help-<command>-<argument>` when it means something of its own there (`help-fmt-files`),
//! else `help-arg-<argument>`, shared by the commands that take it (`help-arg-format`).

use crate::i18n::{tr, Lang};
use clap::{Arg, ArgAction, Command};

/// `command` with its help, and that of its subcommands, in `lang`.
pub(super) fn localized(command: Command, lang: Lang) -> Command {
    let usage = tr(lang, "help-usage", &[]);
    let template =
        format!("{{about-with-newline}}\n{usage}{{usage}}\n\n{{all-args}}{{after-help}}");
    let command = command.disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version),
    );
    let mut command = walk(command, "jues", lang, &template);
    // `jues help check`: clap makes this command when it builds the others.
    command.build();
    command.mut_subcommand("help", |help| walk(help, "help", lang, &template))
}

/// `command` (named `name` in the catalog) and its subcommands, each with its texts.
fn walk(command: Command, name: &str, lang: Lang, template: &str) -> Command {
    let options = tr(lang, "help-heading-options", &[]);
    let arguments = tr(lang, "help-heading-arguments", &[]);
    let mut command = command
        .about(tr(lang, &format!("help-{name}"), &[]))
        .subcommand_help_heading(tr(lang, "help-heading-commands", &[]))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help),
        )
        .help_template(template.to_owned());
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        let text = argument_help(name, &id, lang);
        command = command.mut_arg(id.as_str(), |arg| {
            let heading = if arg.is_positional() {
                &arguments
            } else {
                &options
            };
            let arg = arg.help(text).help_heading(heading.clone());
            // Defaults and values are said in the help's own words, in its language.
            if arg.get_action().takes_values() {
                arg.hide_default_value(true).hide_possible_values(true)
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
        command = command.mut_subcommand(sub.as_str(), |c| walk(c, &sub, lang, template));
    }
    command
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
    use clap::CommandFactory;

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
}
