//! The user's language: every text jues prints comes from a message catalog per language,
//! `i18n/zh/*.ftl` and `i18n/en/*.ftl` (Fluent), embedded in the binary, one file per part of
//! jues (`cli.ftl`, `eval.ftl` …). A message has the same id, attributes and placeholders in
//! both languages (a test holds the catalogs to that), so no translation can lose a number.
//!
//! The language is chosen once, at the edge: `--lang`, then `JUES_LANG`, then the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set), then Chinese, the language of the
//! people who write these reports. What a compilation finds is language-free: each text is a
//! [`Message`], an id with its placeholders' values, put into words only when it is shown
//! ([`Message::text`]), so the command line, the language server and JSON each speak their
//! user's language from one result.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;
use unic_langid::LanguageIdentifier;

/// A language jues speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// 简体中文: the default.
    #[default]
    Zh,
    /// English.
    En,
}

/// The catalog files of a language, by name: its parts, each a bundle of its own.
type Files = [(&'static str, &'static str); PARTS];

/// The catalogs of every language, each with the same parts of jues (`[…]`, one list).
macro_rules! catalogs {
    ($(($lang:expr, $tag:literal)),*; $parts:tt) => {
        [$(($lang, $tag, catalog!($tag, $parts))),*]
    };
}

/// The parts of one language's catalog: `i18n/<tag>/<part>.ftl`.
macro_rules! catalog {
    ($tag:literal, [$($part:literal),*]) => {
        [$(($part, include_str!(concat!("../i18n/", $tag, "/", $part, ".ftl")))),*]
    };
}

/// The catalogs, by language.
const CATALOGS: [(Lang, &str, Files); 2] = catalogs!(
    (Lang::Zh, "zh"), (Lang::En, "en");
    ["cli", "help", "diagnostics", "syntax", "check", "eval", "data", "output"]
);

/// The variables the language is looked up in, after `--lang` and `JUES_LANG`, in the order
/// POSIX gives them precedence.
const LOCALE_VARIABLES: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

impl Lang {
    /// Every language, in the order of [`CATALOGS`].
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The language's tag: `zh`, `en`.
    pub fn tag(self) -> &'static str {
        CATALOGS
            .iter()
            .find(|(lang, ..)| *lang == self)
            .map_or("zh", |(_, tag, _)| tag)
    }

    /// The language a tag or a locale names, as users and systems write them: `zh`, `en`,
    /// `zh_CN.UTF-8`, `zh-Hant-TW`, `en_US@euro`. `None` for any other (`C`, `POSIX`, `fr_FR`).
    pub fn parse(text: &str) -> Option<Lang> {
        let language = text
            .trim()
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        CATALOGS
            .iter()
            .find(|(_, tag, _)| *tag == language)
            .map(|(lang, ..)| *lang)
    }

    /// The language to speak: `flag` (`--lang`) if given, else from the environment.
    pub fn detect(flag: Option<Lang>) -> Lang {
        flag.unwrap_or_else(|| Lang::from_environment(|name| std::env::var(name).ok()))
    }

    /// The language `JUES_LANG` names, else the locale's (the first of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` that is set and not empty decides, as for every program), else
    /// Chinese. `variable` reads one variable.
    pub fn from_environment(variable: impl Fn(&str) -> Option<String>) -> Lang {
        let set = |name: &str| variable(name).filter(|v| !v.trim().is_empty());
        if let Some(lang) = set("JUES_LANG").as_deref().and_then(Lang::parse) {
            return lang;
        }
        LOCALE_VARIABLES
            .iter()
            .find_map(|name| set(name))
            .and_then(|locale| Lang::parse(&locale))
            .unwrap_or_default()
    }

    /// How the items of a list are joined: `、` in Chinese, `, ` in English.
    fn separator(self) -> &'static str {
        match self {
            Lang::Zh => "、",
            Lang::En => ", ",
        }
    }
}

/// A placeholder's value, as Fluent takes it.
pub type FluentArg<'a> = FluentValue<'a>;

/// The catalog of one language: each part (`cli.ftl`, `eval.ftl` …) is parsed the first time
/// one of its messages is asked for, so that a command parses only the parts it speaks from
/// (`jues check` of the example report reads two of the eight).
struct Catalog {
    /// The part that defines each message, by id.
    index: FxHashMap<&'static str, usize>,
    /// Each part's bundle, once read.
    parts: [OnceLock<FluentBundle<FluentResource>>; PARTS],
}

/// How many parts each language's catalog has.
const PARTS: usize = 8;

impl Catalog {
    /// The catalog of `files`, with nothing parsed yet: only the message ids are looked up (a
    /// message starts a line with its id, then ` =`; ids are unique across the parts, which a
    /// test holds the catalogs to).
    fn new(files: &Files) -> Catalog {
        // Room for the messages of every part (about 400), so that the index is not rehashed.
        let mut index = FxHashMap::default();
        index.reserve(512);
        for (part, (_, text)) in files.iter().enumerate() {
            for line in text.lines() {
                if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    if let Some((id, _)) = line.split_once('=') {
                        index.insert(id.trim_end(), part);
                    }
                }
            }
        }
        Catalog {
            index,
            parts: Default::default(),
        }
    }
}

/// The catalog of `lang`, indexed once.
fn catalog(lang: Lang) -> (&'static Catalog, usize) {
    static CATALOGS_READ: [OnceLock<Catalog>; 2] = [OnceLock::new(), OnceLock::new()];
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    let (_, _, files) = &CATALOGS[index];
    (
        CATALOGS_READ[index].get_or_init(|| Catalog::new(files)),
        index,
    )
}

/// The bundle of the part of `lang`'s catalog that defines the message `name`, parsed the first
/// time it is asked for; `None` for a message of no part.
fn bundle(lang: Lang, name: &str) -> Option<&'static FluentBundle<FluentResource>> {
    let (catalog, index) = catalog(lang);
    let part = *catalog.index.get(name)?;
    let (_, tag, files) = CATALOGS[index];
    Some(catalog.parts[part].get_or_init(|| {
        let id: LanguageIdentifier = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks around placeholders: they show in terminals and logs.
        bundle.set_use_isolating(false);
        // A catalog that does not parse in full is caught by the tests; what parses is kept.
        let (_, text) = files[part];
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
        bundle
    }))
}

/// The message `id` in `lang`, its placeholders filled from `args`. `id` may name an
/// attribute of a message (`J0201-mismatch.help`). A message missing from the catalog (which
/// the tests rule out) is shown as its id, never a panic.
pub fn tr(lang: Lang, id: &str, args: &[(&str, FluentArg<'_>)]) -> String {
    let (name, attribute) = match id.split_once('.') {
        Some((name, attribute)) => (name, Some(attribute)),
        None => (id, None),
    };
    let Some(bundle) = bundle(lang, name) else {
        return id.to_owned();
    };
    let message = bundle.get_message(name);
    let pattern = match attribute {
        Some(attribute) => message
            .and_then(|m| m.get_attribute(attribute))
            .map(|a| a.value()),
        None => message.and_then(|m| m.value()),
    };
    let Some(pattern) = pattern else {
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// A text to show the user, kept as its catalog id and its placeholders' values until it is
/// shown in a language: what every diagnostic says. Made with [`msg!`](crate::msg).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message(Inner);

#[derive(Clone, Debug, PartialEq, Eq)]
enum Inner {
    /// A message of the catalogs.
    Catalog {
        id: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
    /// Text shown as it is in every language: what the author wrote (a check's own wording).
    Verbatim(String),
}

/// The value of a placeholder of a [`Message`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Text shown as it is: a name, a value as written, a formula.
    Text(String),
    /// A count: Fluent chooses the plural form by it (`1 error`, `2 errors`).
    Count(usize),
    /// Words of their own, put into the same language.
    Message(Message),
    /// Items joined as the language joins a list (`、`, `, `).
    List(Vec<Arg>),
}

impl Message {
    /// The catalog's message `id` (`"J0201-mismatch"`, or an attribute of it:
    /// `"J0201-mismatch.help"`) with `args`. [`msg!`](crate::msg) writes this shorter.
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Message {
        Message(Inner::Catalog { id, args })
    }

    /// `text` shown as it is, in every language.
    pub fn verbatim(text: impl Into<String>) -> Message {
        Message(Inner::Verbatim(text.into()))
    }

    /// The empty text (a label that only marks a place).
    pub fn empty() -> Message {
        Message::verbatim(String::new())
    }

    /// Whether it says nothing.
    pub fn is_empty(&self) -> bool {
        matches!(&self.0, Inner::Verbatim(text) if text.is_empty())
    }

    /// The catalog id, if it is a catalog message.
    pub fn id(&self) -> Option<&'static str> {
        match &self.0 {
            Inner::Catalog { id, .. } => Some(id),
            Inner::Verbatim(_) => None,
        }
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match &self.0 {
            Inner::Verbatim(text) => text.clone(),
            Inner::Catalog { id, args } => {
                let values: Vec<(&str, FluentArg<'_>)> = args
                    .iter()
                    .map(|(name, arg)| (*name, arg.value(lang)))
                    .collect();
                tr(lang, id, &values)
            }
        }
    }

    /// Calls `f` on every text placeholder and verbatim text, to rewrite it in place (the
    /// escaping of hidden characters before a terminal shows them).
    pub fn texts_mut(&mut self, f: &mut impl FnMut(&mut String)) {
        match &mut self.0 {
            Inner::Verbatim(text) => f(text),
            Inner::Catalog { args, .. } => {
                for (_, arg) in args {
                    arg.texts_mut(f);
                }
            }
        }
    }
}

impl Arg {
    /// Items shown as a list: `a、b、c` in Chinese, `a, b, c` in English.
    pub fn list<T: Into<Arg>>(items: impl IntoIterator<Item = T>) -> Arg {
        Arg::List(items.into_iter().map(Into::into).collect())
    }

    fn value(&self, lang: Lang) -> FluentArg<'static> {
        match self {
            Arg::Text(text) => FluentValue::from(text.clone()),
            Arg::Count(n) => FluentValue::from(*n),
            Arg::Message(message) => FluentValue::from(message.text(lang)),
            Arg::List(_) => FluentValue::from(self.joined(lang)),
        }
    }

    fn joined(&self, lang: Lang) -> String {
        match self {
            Arg::Text(text) => text.clone(),
            Arg::Count(n) => n.to_string(),
            Arg::Message(message) => message.text(lang),
            Arg::List(items) => items
                .iter()
                .map(|item| item.joined(lang))
                .collect::<Vec<_>>()
                .join(lang.separator()),
        }
    }

    fn texts_mut(&mut self, f: &mut impl FnMut(&mut String)) {
        match self {
            Arg::Text(text) => f(text),
            Arg::Count(_) => {}
            Arg::Message(message) => message.texts_mut(f),
            Arg::List(items) => items.iter_mut().for_each(|item| item.texts_mut(f)),
        }
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_owned())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Count(n)
    }
}

impl From<&usize> for Arg {
    fn from(n: &usize) -> Arg {
        Arg::Count(*n)
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Message(message)
    }
}

impl From<&Message> for Arg {
    fn from(message: &Message) -> Arg {
        Arg::Message(message.clone())
    }
}

/// A [`Message`] of the catalogs: `msg!("hover-exact", value = exact)`, each
/// placeholder's value anything that is [`Into<Arg>`](Arg) (text, a count, a message, a
/// list).
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new(
            $id,
            vec![$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// The messages of a catalog, each attribute apart (`id.attr`), with the placeholders
    /// each uses, read from its text: a message starts a line with `id =`, an attribute an
    /// indented line with `.attr =`, and the lines after either are indented.
    fn placeholders(text: &str) -> BTreeMap<String, BTreeSet<String>> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut message = String::new();
        let mut current = None;
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !line.starts_with(char::is_whitespace) {
                message = line.split('=').next().unwrap_or_default().trim().to_owned();
                current = Some(message.clone());
            } else if let Some(attribute) = line.trim_start().strip_prefix('.') {
                let name = attribute.split('=').next().unwrap_or_default().trim();
                current = Some(format!("{message}.{name}"));
            }
            let Some(id) = &current else { continue };
            let names = out.entry(id.clone()).or_default();
            let mut rest = line;
            while let Some(at) = rest.find('$') {
                let name: String = rest[at + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                names.insert(name);
                rest = &rest[at + 1..];
            }
        }
        out
    }

    #[test]
    fn both_languages_have_every_message_with_the_same_placeholders() {
        let [(_, _, zh), (_, _, en)] = CATALOGS;
        for ((part, zh), (en_part, en)) in zh.iter().zip(en.iter()) {
            assert_eq!(part, en_part);
            let zh = placeholders(zh);
            let en = placeholders(en);
            assert_eq!(
                zh.keys().collect::<Vec<_>>(),
                en.keys().collect::<Vec<_>>(),
                "zh/{part}.ftl and en/{part}.ftl have different messages"
            );
            for (id, names) in &zh {
                assert_eq!(
                    Some(names),
                    en.get(id),
                    "`{id}` has other placeholders in en/{part}.ftl than in zh/{part}.ftl"
                );
            }
        }
    }

    #[test]
    fn each_message_is_looked_up_in_the_part_that_defines_it() {
        for lang in Lang::ALL {
            let (catalog, index) = catalog(lang);
            let (_, _, files) = CATALOGS[index];
            for (part, (name, text)) in files.iter().enumerate() {
                let mut bundle = FluentBundle::new_concurrent(vec![lang.tag().parse().unwrap()]);
                bundle
                    .add_resource(FluentResource::try_new((*text).to_owned()).unwrap())
                    .unwrap();
                let ids: Vec<&str> = catalog
                    .index
                    .iter()
                    .filter(|(_, p)| **p == part)
                    .map(|(id, _)| *id)
                    .collect();
                assert!(
                    !ids.is_empty(),
                    "{lang:?}: no message indexed in {name}.ftl"
                );
                for id in ids {
                    assert!(
                        bundle.has_message(id),
                        "{lang:?}: `{id}` is not in {name}.ftl"
                    );
                }
            }
            // That every message is indexed is the next test's: `tr` finds each.
        }
    }

    #[test]
    fn every_message_formats_without_error_in_both_languages() {
        for (lang, _, files) in CATALOGS {
            let mut bundle = FluentBundle::new_concurrent(vec![lang.tag().parse().unwrap()]);
            for (part, text) in files {
                let resource = FluentResource::try_new(text.to_owned());
                let resource = resource
                    .unwrap_or_else(|(_, e)| panic!("{lang:?}: {part}.ftl does not parse: {e:?}"));
                if let Err(e) = bundle.add_resource(resource) {
                    panic!("{lang:?}: {part}.ftl repeats an id of another file: {e:?}");
                }
            }
            for (part, text) in files {
                for (id, names) in placeholders(text) {
                    let args: Vec<(&str, FluentArg<'_>)> =
                        names.iter().map(|n| (n.as_str(), 2.into())).collect();
                    let text = tr(lang, &id, &args);
                    assert_ne!(text, id, "{lang:?}: no `{id}` ({part}.ftl)");
                    assert!(!text.contains('\u{2068}'), "isolation marks in `{id}`");
                }
            }
        }
    }

    #[test]
    fn every_message_the_code_names_is_in_both_catalogs() {
        // Every `msg!("…")` of the sources: a message the catalogs lack would be shown as its id.
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        let mut used = BTreeSet::new();
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    // The id right after the parenthesis, or on the next line where rustfmt
                    // breaks a long call.
                    for piece in text.split("msg!(").skip(1) {
                        let Some(quoted) = piece.trim_start().strip_prefix('"') else {
                            continue;
                        };
                        let id = quoted.split('"').next().unwrap_or_default();
                        let is_id = id.starts_with(|c: char| c.is_ascii_alphabetic())
                            && id
                                .chars()
                                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
                        if is_id {
                            used.insert((id.to_owned(), path.display().to_string()));
                        }
                    }
                }
            }
        }
        assert!(used.len() > 1, "no msg! found");
        for (id, file) in used {
            for lang in Lang::ALL {
                assert_ne!(
                    tr(lang, &id, &[]),
                    id,
                    "{lang:?}: no `{id}`, used in {file}"
                );
            }
        }
    }

    #[test]
    fn the_language_comes_from_the_flag_then_jues_lang_then_the_locale_then_chinese() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(Lang::from_environment(env(&[])), Lang::Zh);
        assert_eq!(
            Lang::from_environment(env(&[("LANG", "C.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(
            Lang::from_environment(env(&[("LANG", "en_US.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_environment(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(
            Lang::from_environment(env(&[("LC_ALL", ""), ("LC_MESSAGES", "en_GB")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_environment(env(&[("LANG", "zh_TW.UTF-8"), ("JUES_LANG", "en")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_environment(env(&[("LANG", "en_US"), ("JUES_LANG", "klingon")])),
            Lang::En
        );
        assert_eq!(Lang::parse("zh-Hant-TW"), Some(Lang::Zh));
        assert_eq!(Lang::parse("POSIX"), None);
        assert_eq!(Lang::detect(Some(Lang::En)), Lang::En);
    }

    #[test]
    fn plural_and_placeholders_are_filled() {
        let summary = |lang, files: usize, errors: usize| {
            tr(
                lang,
                "check-summary",
                &[
                    ("files", files.into()),
                    ("errors", errors.into()),
                    ("warnings", 0.into()),
                    ("notes", 1.into()),
                ],
            )
        };
        assert_eq!(
            summary(Lang::En, 1, 2),
            "checked 1 file: 2 errors, 0 warnings, 1 note"
        );
        assert_eq!(
            summary(Lang::Zh, 3, 1),
            "已检查 3 个文件：1 处错误，0 处警告，1 处提示"
        );
        assert_eq!(tr(Lang::Zh, "no-such-message", &[]), "no-such-message");
    }
}
