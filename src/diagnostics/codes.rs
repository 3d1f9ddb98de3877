//! Diagnostics stage: the registry of stable diagnostic codes.
//!
//! A code never changes meaning once released. Each has a default severity, and in each
//! language a title and an explanation with an example: one Markdown file per code and
//! language, `explanations/zh/J0201.md` and `explanations/en/J0201.md` (a first line
//! `# title`, then the explanation), embedded in the binary. Finance officers read the
//! Chinese one; the two hold the same examples, byte for byte (a test), so what one language
//! shows compiled is what the other shows. `jues explain CODE` prints an entry and
//! `docs/diagnostics.md` (English) and `docs/diagnostics.zh.md` (Chinese) are generated from
//! the registry (a test keeps them equal).
//!
//! Numbering: `J00xx` reading and parsing, `J01xx` names and declarations, `J02xx` values
//! and stated numbers, `J03xx` tables and classification codes, `J04xx` prose, `J05xx` the
//! files a document names (imports, data files, fonts).

use super::Severity;
use crate::i18n::{tr, Lang};

/// Everything known about one code.
#[derive(Debug)]
pub struct CodeInfo {
    pub code: Code,
    /// The stable identifier, e.g. `J0101`.
    pub id: &'static str,
    pub severity: Severity,
    /// The Markdown file of the Chinese title and explanation.
    zh: &'static str,
    /// The Markdown file of the English title and explanation.
    en: &'static str,
}

impl CodeInfo {
    /// The Markdown file of `lang`: `# title`, then the explanation.
    fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }

    /// A short title (lowercase in English), in `lang`: the file's first line, without its
    /// `# `.
    pub fn title(&self, lang: Lang) -> &'static str {
        let first = self.text(lang).lines().next().unwrap_or_default();
        first.strip_prefix('#').unwrap_or(first).trim()
    }

    /// Markdown, in `lang`: what the diagnostic means, an example that triggers it, and the
    /// fix; the file after its title line.
    pub fn explanation(&self, lang: Lang) -> &'static str {
        let text = self.text(lang);
        text.split_once('\n').map_or("", |(_, rest)| rest).trim()
    }

    /// What `jues explain J0201` prints, in `lang`: `J0201: title (error by default)`, then the
    /// explanation (Markdown). The language server links each diagnostic to this page.
    pub fn page(&self, lang: Lang) -> String {
        let severity = self.severity.word(lang);
        let heading = tr(
            lang,
            "explain-code-heading",
            &[
                ("code", self.id.into()),
                ("title", self.title(lang).into()),
                ("severity", severity.into()),
            ],
        );
        format!("{heading}\n\n{}\n", self.explanation(lang))
    }
}

/// The registry: each code once, with its variant and severity; its texts are the files named
/// by its identifier, so a code without both is a build error.
macro_rules! codes {
    ($( $variant:ident = $id:literal, $severity:ident; )*) => {
        /// A stable diagnostic code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $(
                #[doc = concat!("`", $id, "`: see `src/diagnostics/explanations/en/", $id, ".md`.")]
                $variant,
            )*
        }

        /// Every registered code, in order.
        pub static ALL: &[CodeInfo] = &[
            $( CodeInfo {
                code: Code::$variant,
                id: $id,
                severity: Severity::$severity,
                zh: include_str!(concat!("explanations/zh/", $id, ".md")),
                en: include_str!(concat!("explanations/en/", $id, ".md")),
            }, )*
        ];
    };
}

impl Code {
    /// The registry entry of this code.
    pub fn info(self) -> &'static CodeInfo {
        &ALL[self as usize]
    }

    /// The stable identifier, e.g. `J0101`.
    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// Whether this code marks a document as not finished: a `待填` left in, a standard table
    /// left out, an empty table without its reason. A check only warns of these, so a report
    /// can be checked while it is written; publishing (`jues build`) makes them errors.
    pub fn unfinished(self) -> bool {
        matches!(self, Code::Unfilled | Code::MissingTable | Code::EmptyTable)
    }

    /// Looks a code up by its identifier (case-insensitive).
    pub fn from_id(id: &str) -> Option<Code> {
        ALL.iter()
            .find(|info| info.id.eq_ignore_ascii_case(id.trim()))
            .map(|info| info.code)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

codes! {
    SyntaxError         = "J0001", Error;
    UnreadableSource    = "J0002", Error;
    NumberOutOfRange    = "J0003", Error;
    TooDeeplyNested     = "J0004", Error;
    MalformedFigure     = "J0005", Error;
    UnknownName         = "J0101", Error;
    DuplicateDefinition = "J0102", Error;
    UnknownFunction     = "J0103", Error;
    WrongArgumentCount  = "J0104", Error;
    UnknownSetting      = "J0105", Error;
    UnknownColumn       = "J0106", Error;
    UnknownFormat       = "J0107", Error;
    StatedMismatch      = "J0201", Error;
    Truncated           = "J0202", Error;
    RoundingOnly        = "J0203", Note;
    WrongScale          = "J0204", Error;
    ZeroBase            = "J0205", Error;
    UnitMismatch        = "J0206", Error;
    UnknownUnit         = "J0207", Error;
    Overflow            = "J0208", Error;
    Cycle               = "J0209", Error;
    CheckFailed         = "J0210", Error;
    InferredPrecision   = "J0211", Note;
    Contradiction       = "J0212", Error;
    Unbounded           = "J0213", Warning;
    NotChecked          = "J0214", Note;
    UnpublishedShown    = "J0215", Error;
    TotalMismatch       = "J0301", Error;
    DuplicateRow        = "J0302", Error;
    CodeName            = "J0303", Warning;
    UnlistedCode        = "J0304", Note;
    InvalidCode         = "J0305", Error;
    CellType            = "J0306", Error;
    EmptyTable          = "J0307", Warning;
    MissingReason       = "J0308", Warning;
    MissingTable        = "J0309", Warning;
    TableTooWide        = "J0310", Error;
    WrongParent         = "J0312", Error;
    CodeTwoNames        = "J0313", Warning;
    PartRows            = "J0314", Error;
    Direction           = "J0401", Error;
    Placeholder         = "J0402", Warning;
    MissingNumber       = "J0403", Error;
    LiteralInProse      = "J0404", Warning;
    Unfilled            = "J0405", Warning;
    HiddenCharacter     = "J0406", Error;
    WordsDisagree       = "J0407", Error;
    YearMismatch        = "J0408", Warning;
    TraditionalKeyword  = "J0409", Error;
    FullWidthEquals     = "J0410", Error;
    ComparisonWithoutCheck = "J0411", Error;
    UnitTwice           = "J0412", Error;
    DataFile            = "J0502", Error;
    ImportFailed        = "J0501", Error;
    FontFile            = "J0503", Error;
    NotRead             = "J0504", Warning;
    MorePrecise         = "J0505", Warning;
    OtherDepartment     = "J0506", Warning;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_consistent() {
        for (i, info) in ALL.iter().enumerate() {
            assert_eq!(info.code as usize, i, "{} is out of order", info.id);
            assert_eq!(Code::from_id(info.id), Some(info.code));
            assert!(info.id.starts_with('J') && info.id.len() == 5);
        }
        let mut ids: Vec<_> = ALL.iter().map(|i| i.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ALL.len(), "duplicate code identifiers");
    }

    /// Whether a character is a Chinese one (the CJK Unified Ideographs block).
    fn is_chinese(c: char) -> bool {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
    }

    /// The fenced blocks of a Markdown text (examples, data files), each with its fences.
    fn fenced_blocks(text: &str) -> Vec<String> {
        let mut blocks = Vec::new();
        let mut current: Option<Vec<&str>> = None;
        for line in text.lines() {
            match &mut current {
                None if line.starts_with("```") => current = Some(vec![line]),
                None => {}
                Some(block) => {
                    block.push(line);
                    if line.starts_with("```") {
                        blocks.push(block.join("\n"));
                        current = None;
                    }
                }
            }
        }
        assert!(current.is_none(), "a fenced block is not closed:\n{text}");
        blocks
    }

    /// A text without its fenced blocks and inline code: the words a reader reads.
    fn prose(text: &str) -> String {
        let mut out = String::new();
        let mut fenced = false;
        for line in text.lines() {
            if line.starts_with("```") {
                fenced = !fenced;
                continue;
            }
            if !fenced {
                // Inline code alternates with prose between backticks.
                let words = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
                out.push_str(&words);
                out.push('\n');
            }
        }
        out
    }

    #[test]
    fn every_code_has_a_title_and_an_explanation_in_both_languages() {
        for info in ALL {
            for lang in Lang::ALL {
                let text = info.text(lang);
                assert!(
                    text.starts_with("# "),
                    "{} ({lang:?}): the file starts with `# title`",
                    info.id
                );
                let title = info.title(lang);
                assert!(!title.is_empty(), "{} ({lang:?}): no title", info.id);
                assert!(
                    !info.explanation(lang).is_empty(),
                    "{} ({lang:?}): no explanation",
                    info.id
                );
                assert!(
                    !info.explanation(lang).starts_with('#'),
                    "{} ({lang:?}): one title line",
                    info.id
                );
            }
            assert!(
                info.title(Lang::Zh).chars().any(is_chinese),
                "{}: the Chinese title is not in Chinese",
                info.id
            );
            assert!(
                prose(info.explanation(Lang::Zh)).chars().any(is_chinese),
                "{}: the Chinese explanation is not in Chinese",
                info.id
            );
            assert!(
                info.title(Lang::En)
                    .chars()
                    .any(|c| c.is_ascii_alphabetic()),
                "{}: the English title is not in English",
                info.id
            );
        }
    }

    /// What one language shows compiled, the other shows too: the examples and data files of
    /// a code's two explanations are the same, in the same order, byte for byte.
    #[test]
    fn both_languages_show_the_same_examples() {
        for info in ALL {
            let zh = fenced_blocks(info.explanation(Lang::Zh));
            let en = fenced_blocks(info.explanation(Lang::En));
            assert_eq!(zh, en, "{}: the examples differ between zh and en", info.id);
        }
    }

    /// Each language's folder holds exactly one file per registered code: a file left behind
    /// by a removed code, or misnamed, would be documentation nothing shows.
    #[test]
    fn the_explanation_files_are_the_registered_codes() {
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/diagnostics/explanations");
        let mut ids: Vec<String> = ALL.iter().map(|i| format!("{}.md", i.id)).collect();
        ids.sort();
        for lang in Lang::ALL {
            let mut files: Vec<String> = std::fs::read_dir(root.join(lang.tag()))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            files.sort();
            assert_eq!(files, ids, "explanations/{}", lang.tag());
        }
    }

    /// The Chinese explanations are written for a finance officer who reads little English:
    /// outside code and examples, no English word but the names of things (file formats,
    /// standards, keys of the keyboard) and the placeholder `XX` reports are left with; and
    /// the punctuation is full-width (no ASCII comma, semicolon, colon or parenthesis next
    /// to a Chinese character).
    #[test]
    fn the_chinese_explanations_are_in_chinese() {
        // A code (`J0303`) is split into its `J` and its digits.
        const NAMES: &[&str] = &[
            "jues",
            "J",
            "UTF",
            // Encodings, and how 记事本 names them in its own menus (J0002).
            "GBK",
            "GB",
            "ANSI",
            "Unicode",
            "Windows",
            "NUL",
            "MiB",
            "XBRL",
            "Calculations",
            "PDF",
            "TrueType",
            "ESC",
            "XX",
            "A",
        ];
        for info in ALL {
            let text = format!(
                "{}\n{}",
                info.title(Lang::Zh),
                prose(info.explanation(Lang::Zh))
            );
            let words = text
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty() && !NAMES.contains(w))
                .collect::<Vec<_>>();
            assert!(words.is_empty(), "{}: English words {words:?}", info.id);
            let chars: Vec<char> = text.chars().collect();
            for pair in chars.windows(2) {
                let [a, b] = [pair[0], pair[1]];
                let ascii = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '"');
                assert!(
                    !(is_chinese(a) && ascii(b) || ascii(a) && is_chinese(b)),
                    "{}: `{a}{b}`: full-width punctuation in Chinese",
                    info.id
                );
            }
        }
    }
}
