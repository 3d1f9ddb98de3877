//! The user's language: every text jues prints comes from a message catalog per language,
//! `i18n/zh.ftl` and `i18n/en.ftl` (Fluent), embedded in the binary. A message has the same
//! id and the same placeholders in both (a test holds the two catalogs to that), so no
//! translation can lose a number.
//!
//! The language is chosen once, at the edge: `--lang`, then `JUES_LANG`, then the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set), then Chinese, the language of the
//! people who write these reports.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
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

/// The catalogs, by language.
const CATALOGS: [(Lang, &str, &str); 2] = [
    (Lang::Zh, "zh", include_str!("../i18n/zh.ftl")),
    (Lang::En, "en", include_str!("../i18n/en.ftl")),
];

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
}

/// A placeholder's value.
pub type Arg<'a> = FluentValue<'a>;

/// The catalog of `lang`, read once.
fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    BUNDLES[index].get_or_init(|| {
        let (_, tag, text) = CATALOGS[index];
        let id: LanguageIdentifier = tag.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks around placeholders: they show in terminals and logs.
        bundle.set_use_isolating(false);
        // A catalog that does not parse in full is caught by the tests; what parses is kept.
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// The message `id` in `lang`, its placeholders filled from `args`. A message missing from
/// the catalog (which the tests rule out) is shown as its id, never a panic.
pub fn tr(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// The messages of a catalog with the placeholders each uses, read from its text: a message
    /// starts a line with `id =`, its lines after it are indented.
    fn placeholders(text: &str) -> BTreeMap<String, BTreeSet<String>> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut current = None;
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if !line.starts_with(char::is_whitespace) {
                let id = line.split('=').next().unwrap_or_default().trim().to_owned();
                out.entry(id.clone()).or_default();
                current = Some(id);
            }
            let Some(id) = &current else { continue };
            let mut rest = line;
            while let Some(at) = rest.find('$') {
                let name: String = rest[at + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                out.entry(id.clone()).or_default().insert(name);
                rest = &rest[at + 1..];
            }
        }
        out
    }

    #[test]
    fn both_catalogs_have_every_message_with_the_same_placeholders() {
        let zh = placeholders(CATALOGS[0].2);
        let en = placeholders(CATALOGS[1].2);
        assert!(!zh.is_empty());
        assert_eq!(
            zh.keys().collect::<Vec<_>>(),
            en.keys().collect::<Vec<_>>(),
            "the two catalogs have different messages"
        );
        for (id, names) in &zh {
            assert_eq!(
                Some(names),
                en.get(id),
                "`{id}` has other placeholders in en.ftl"
            );
        }
    }

    #[test]
    fn every_message_formats_without_error_in_both_languages() {
        for (lang, _, text) in CATALOGS {
            assert!(
                FluentResource::try_new(text.to_owned()).is_ok(),
                "{lang:?}: the catalog does not parse"
            );
            let bundle = bundle(lang);
            for (id, names) in placeholders(text) {
                let mut args = FluentArgs::new();
                for name in &names {
                    args.set(name.as_str(), 2);
                }
                let pattern = bundle.get_message(&id).and_then(|m| m.value());
                let pattern = pattern.unwrap_or_else(|| panic!("{lang:?}: no `{id}`"));
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{lang:?} `{id}`: {errors:?}");
                assert!(!text.contains('\u{2068}'), "isolation marks in `{id}`");
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
