//! A mistake on the command line (an unknown argument, a value not among the choices), said
//! in the user's language. clap finds the mistake, and says what it found in the error's
//! kind and context; its own wording is English, so the message is put together here, from
//! the catalogs (`i18n/*/help.ftl`, ids `arg-…`), in both languages alike.

use super::help;
use crate::i18n::{Arg, Lang, Message};
use crate::msg;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::Command;
use std::ffi::OsString;
use std::process::ExitCode;

/// Prints what `error`, met in reading `args` for `command`, says and returns the exit code:
/// the help and the version go to standard output with 0 (as clap prints them: their texts
/// are already in `lang`); a mistake goes to standard error with 2.
pub(super) fn report(
    error: &clap::Error,
    command: &Command,
    args: &[OsString],
    lang: Lang,
) -> ExitCode {
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
        }
        _ => {
            eprint!("{}", text(error, command, args, lang));
            ExitCode::from(2)
        }
    }
}

/// The whole text of a mistake: what is wrong, the suggestions, the usage line of the
/// command it was made in, and where to read more.
///
/// ```text
/// 错误：没有 `chek` 这个命令
///   建议：是不是要写 `check`？
///
/// 用法：jues [选项] <命令>
///
/// 更多信息请运行 `jues --help`
/// ```
fn text(error: &clap::Error, command: &Command, args: &[OsString], lang: Lang) -> String {
    let mut out = msg!("arg-error", message = what(error)).text(lang);
    out.push('\n');
    for line in details(error) {
        out.push_str(&line.text(lang));
        out.push('\n');
    }
    let (path, command) = named(command, args);
    out.push('\n');
    out.push_str(&msg!("help-usage").text(lang));
    out.push_str(&help::usage(command, &path, lang));
    out.push_str("\n\n");
    out.push_str(&msg!("arg-try-help", command = path).text(lang));
    out.push('\n');
    out
}

/// The command `args` name (`jues check`), as typed and as clap defines it: the program,
/// then each word that names a subcommand of the one before.
fn named<'a>(command: &'a Command, args: &[OsString]) -> (String, &'a Command) {
    let mut path = command.get_name().to_owned();
    let mut current = command;
    for arg in args.iter().skip(1).filter_map(|a| a.to_str()) {
        if arg == "--" {
            break;
        }
        if let Some(sub) = current.find_subcommand(arg) {
            path = format!("{path} {}", sub.get_name());
            current = sub;
        }
    }
    (path, current)
}

/// What is wrong, from the error's kind and what clap found.
fn what(error: &clap::Error) -> Message {
    let arg = string(error, ContextKind::InvalidArg).unwrap_or_default();
    let value = string(error, ContextKind::InvalidValue);
    let count = |kind| number(error, kind).unwrap_or_default();
    match error.kind() {
        ErrorKind::InvalidValue => match value {
            Some(value) if !value.is_empty() => msg!("arg-invalid-value", arg = arg, value = value),
            _ => msg!("arg-value-missing", arg = arg),
        },
        ErrorKind::ValueValidation => {
            let value = value.unwrap_or_default();
            // The value parsers of `cli` give their reasons in the user's language already.
            match std::error::Error::source(error) {
                Some(reason) => msg!(
                    "arg-not-valid-because",
                    arg = arg,
                    value = value,
                    reason = reason.to_string()
                ),
                None => msg!("arg-not-valid", arg = arg, value = value),
            }
        }
        ErrorKind::UnknownArgument => msg!("arg-unknown", arg = arg),
        ErrorKind::InvalidSubcommand => msg!(
            "arg-unknown-command",
            command = string(error, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::NoEquals => msg!("arg-no-equals", arg = arg),
        ErrorKind::TooManyValues => {
            msg!("arg-too-many", arg = arg, value = value.unwrap_or_default())
        }
        ErrorKind::TooFewValues => msg!(
            "arg-too-few",
            arg = arg,
            least = count(ContextKind::MinValues),
            given = count(ContextKind::ActualNumValues)
        ),
        ErrorKind::WrongNumberOfValues => msg!(
            "arg-wrong-number",
            arg = arg,
            wanted = count(ContextKind::ExpectedNumValues),
            given = count(ContextKind::ActualNumValues)
        ),
        ErrorKind::ArgumentConflict => match strings(error, ContextKind::PriorArg) {
            Some(prior) if !prior.is_empty() => {
                msg!("arg-conflict", arg = arg, prior = Arg::list(quoted(prior)))
            }
            _ => msg!("arg-repeated", arg = arg),
        },
        ErrorKind::MissingRequiredArgument => msg!(
            "arg-missing",
            args = Arg::list(quoted(
                strings(error, ContextKind::InvalidArg).unwrap_or_default()
            ))
        ),
        ErrorKind::MissingSubcommand => msg!(
            "arg-missing-command",
            commands = Arg::list(quoted(
                strings(error, ContextKind::ValidSubcommand).unwrap_or_default()
            ))
        ),
        ErrorKind::InvalidUtf8 => msg!("arg-not-utf8"),
        // Help, version and the failure to print them: not mistakes of the user's.
        _ => msg!("arg-other", detail = error.kind().to_string()),
    }
}

/// The lines under the message: the values to choose from, and what the user may have meant.
fn details(error: &clap::Error) -> Vec<Message> {
    let mut lines = Vec::new();
    if error.kind() == ErrorKind::InvalidValue {
        if let Some(values) = strings(error, ContextKind::ValidValue) {
            if !values.is_empty() {
                lines.push(msg!("arg-choices", values = Arg::list(quoted(values))));
            }
        }
    }
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        if let Some(suggestions) = strings(error, kind) {
            if !suggestions.is_empty() {
                let meant = Arg::list(quoted(suggestions));
                lines.push(msg!("arg-did-you-mean", suggestion = meant));
            }
        }
    }
    lines
}

/// Each of `words` as messages quote a thing typed: in backticks.
fn quoted(words: Vec<String>) -> Vec<String> {
    words.into_iter().map(|w| format!("`{w}`")).collect()
}

/// The text clap found of `kind`.
fn string(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(text) => Some(text.clone()),
        _ => None,
    }
}

/// The texts clap found of `kind`, one or several.
fn strings(error: &clap::Error, kind: ContextKind) -> Option<Vec<String>> {
    match error.get(kind)? {
        ContextValue::String(text) => Some(vec![text.clone()]),
        ContextValue::Strings(texts) => Some(texts.clone()),
        _ => None,
    }
}

/// The number clap found of `kind`.
fn number(error: &clap::Error, kind: ContextKind) -> Option<usize> {
    match error.get(kind)? {
        ContextValue::Number(n) => usize::try_from(*n).ok(),
        _ => None,
    }
}
