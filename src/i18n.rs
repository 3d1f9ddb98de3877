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
use fluent_syntax::ast;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::{Mutex, OnceLock, PoisonError};
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

/// The catalog files of a language, by name: its parts.
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

/// The catalog of one language. Each message is parsed the first time it is shown, alone, so
/// that a command parses only what it says (`jues check` of the example report: four messages
/// of the catalog's 380), and added to the language's one bundle.
struct Catalog {
    /// The text of each entry, by id (`J0201-mismatch`, a term as `-name`): the lines from the
    /// one that starts with its id to the next entry, comment or end of its file.
    index: FxHashMap<&'static str, &'static str>,
    /// The bundle of the entries parsed so far, and their ids.
    shown: Mutex<(FluentBundle<FluentResource>, FxHashSet<&'static str>)>,
}

/// How many parts each language's catalog has.
const PARTS: usize = 8;

impl Catalog {
    /// The catalog of `files` in the language `tag`, with nothing parsed yet: only where each
    /// entry starts and ends is looked up. An entry starts a line (a message with its id, a
    /// term with `-`); the lines of its value and attributes are indented. Ids are unique
    /// across the parts, which a test holds the catalogs to.
    fn new(tag: &str, files: &Files) -> Catalog {
        // Room for the messages of every part (about 400), so that the index is not rehashed.
        let mut index = FxHashMap::default();
        index.reserve(512);
        for (_, text) in files {
            // The start of each line that starts with something other than white space: the
            // start of an entry or a comment, each the end of the entry before it.
            let bytes = text.as_bytes();
            let starts = std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', bytes).map(|at| at + 1))
                .filter(|&at| bytes.get(at).is_some_and(|b| !b" \t\r\n".contains(b)))
                .chain(std::iter::once(bytes.len()));
            let mut open: Option<(&'static str, usize)> = None;
            for at in starts {
                if let Some((id, start)) = open.take() {
                    index.insert(id, &text[start..at]);
                }
                let line = &bytes[at..];
                if line
                    .first()
                    .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'-')
                {
                    let end = memchr::memchr2(b'=', b'\n', line).unwrap_or(line.len());
                    if line.get(end) == Some(&b'=') {
                        open = Some((text[at..at + end].trim_end(), at));
                    }
                }
            }
        }
        let id: LanguageIdentifier = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks around placeholders: they show in terminals and logs.
        bundle.set_use_isolating(false);
        Catalog {
            index,
            shown: Mutex::new((bundle, FxHashSet::default())),
        }
    }

    /// Adds the entry `id` to `bundle`, and the messages and terms it refers to; `false` for an
    /// entry of no part.
    fn add(
        &self,
        bundle: &mut FluentBundle<FluentResource>,
        added: &mut FxHashSet<&'static str>,
        id: &str,
    ) -> bool {
        let Some((&id, &text)) = self.index.get_key_value(id) else {
            return false;
        };
        if !added.insert(id) {
            return true;
        }
        // A catalog that does not parse in full is caught by the tests; what parses is kept.
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
        let mut refers = Vec::new();
        for entry in resource.entries() {
            let (value, attributes) = match entry {
                ast::Entry::Message(m) => (m.value.as_ref(), &m.attributes),
                ast::Entry::Term(t) => (Some(&t.value), &t.attributes),
                _ => continue,
            };
            let patterns = value.into_iter().chain(attributes.iter().map(|a| &a.value));
            for pattern in patterns {
                references(pattern, &mut refers);
            }
        }
        let _ = bundle.add_resource(resource);
        for other in refers {
            self.add(bundle, added, &other);
        }
        true
    }
}

/// The messages (`id`) and terms (`-id`) that `pattern` refers to, added to `out`.
fn references(pattern: &ast::Pattern<&str>, out: &mut Vec<String>) {
    fn expression(expression: &ast::Expression<&str>, out: &mut Vec<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline(selector, out);
                for variant in variants {
                    references(&variant.value, out);
                }
            }
            ast::Expression::Inline(e) => inline(e, out),
        }
    }
    fn inline(e: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
        let arguments = match e {
            ast::InlineExpression::MessageReference { id, .. } => {
                out.push(id.name.to_owned());
                None
            }
            ast::InlineExpression::TermReference { id, arguments, .. } => {
                out.push(format!("-{}", id.name));
                arguments.as_ref()
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => Some(arguments),
            ast::InlineExpression::Placeable { expression: e } => {
                expression(e, out);
                None
            }
            _ => None,
        };
        if let Some(arguments) = arguments {
            let named = arguments.named.iter().map(|n| &n.value);
            for argument in arguments.positional.iter().chain(named) {
                inline(argument, out);
            }
        }
    }
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression: e } = element {
            expression(e, out);
        }
    }
}

/// The catalog of `lang`, indexed once.
fn catalog(lang: Lang) -> &'static Catalog {
    static CATALOGS_READ: [OnceLock<Catalog>; 2] = [OnceLock::new(), OnceLock::new()];
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    let (_, tag, files) = &CATALOGS[index];
    CATALOGS_READ[index].get_or_init(|| Catalog::new(tag, files))
}

/// The message `id` in `lang`, its placeholders filled from `args`. `id` may name an
/// attribute of a message (`J0201-mismatch.help`). A message missing from the catalog (which
/// the tests rule out) is shown as its id, never a panic.
pub fn tr(lang: Lang, id: &str, args: &[(&str, FluentArg<'_>)]) -> String {
    catalog(lang).tr(id, args)
}

impl Catalog {
    /// The message `id` of this catalog: see [`tr`].
    fn tr(&self, id: &str, args: &[(&str, FluentArg<'_>)]) -> String {
        let (name, attribute) = match id.split_once('.') {
            Some((name, attribute)) => (name, Some(attribute)),
            None => (id, None),
        };
        let mut shown = self.shown.lock().unwrap_or_else(PoisonError::into_inner);
        let (bundle, added) = &mut *shown;
        if !self.add(bundle, added, name) {
            return id.to_owned();
        }
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
    fn each_entry_is_indexed_with_its_text_alone() {
        for (lang, _, files) in CATALOGS {
            let catalog = catalog(lang);
            let mut ids = BTreeSet::new();
            for (part, text) in files {
                let whole = FluentResource::try_new(text.to_owned()).unwrap();
                for entry in whole.entries() {
                    let id = match entry {
                        ast::Entry::Message(m) => m.id.name.to_owned(),
                        ast::Entry::Term(t) => format!("-{}", t.id.name),
                        _ => continue,
                    };
                    let alone = catalog
                        .index
                        .get(id.as_str())
                        .unwrap_or_else(|| panic!("{lang:?}: `{id}` of {part}.ftl is not indexed"));
                    let parsed = FluentResource::try_new((*alone).to_owned())
                        .unwrap_or_else(|(_, e)| panic!("{lang:?}: `{id}` alone: {e:?}"));
                    let entries: Vec<_> = parsed
                        .entries()
                        .filter(|e| !matches!(e, ast::Entry::Comment(_)))
                        .collect();
                    assert_eq!(entries.len(), 1, "{lang:?}: `{id}` alone is {entries:?}");
                    let same = match (entries[0], entry) {
                        (ast::Entry::Message(a), ast::Entry::Message(b)) => {
                            a.value == b.value && a.attributes == b.attributes
                        }
                        (ast::Entry::Term(a), ast::Entry::Term(b)) => {
                            a.value == b.value && a.attributes == b.attributes
                        }
                        _ => false,
                    };
                    assert!(same, "{lang:?}: `{id}` alone is not as in {part}.ftl");
                    ids.insert(id);
                }
            }
            let indexed: BTreeSet<String> = catalog.index.keys().map(|k| k.to_string()).collect();
            assert_eq!(
                indexed, ids,
                "{lang:?}: the index has other entries than the files"
            );
        }
    }

    #[test]
    fn a_message_that_refers_to_another_is_shown_with_it() {
        // `J0204-wrong-scale = { J0201-mismatch }`: shown first by a catalog that has parsed
        // nothing yet, it says what the other says.
        let args = [
            ("stated", FluentArg::from("214.12")),
            ("formula", FluentArg::from("x")),
            ("computed", FluentArg::from("214.12万元")),
        ];
        for (lang, tag, files) in CATALOGS {
            let fresh = Catalog::new(tag, &files);
            let text = fresh.tr("J0204-wrong-scale", &args);
            assert_eq!(text, tr(lang, "J0201-mismatch", &args));
            assert!(text.contains("214.12"), "{text}");
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
