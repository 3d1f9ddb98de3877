//! Check stage: the lines meant as declarations that the grammar reads as prose, so that what
//! they declare would silently not be there: a keyword typed in traditional script (J0409), a
//! figure defined with a full-width `＝` (J0410), a check without its keyword (J0411). Each asks
//! the grammar (`syntax::is_declaration_keyword`, `name_at_start`, `starts_declaration`,
//! `is_check`) what a declaration is, and looks only at the lines that may be one.

use super::lints::Lint;
use crate::source::{FileId, Span};

/// The white space that may stand before and inside a declaration on its line.
const SPACE: [char; 3] = [' ', '\t', '\u{3000}'];

/// The keyword a check starts with, in the spelling a fix writes.
pub(super) const CHECK: &str = "检查";

/// Every line of `text` (the file `file`) meant as a declaration that the grammar reads as
/// prose, in the order of the kinds above.
pub(crate) fn lines(file: FileId, text: &str) -> Vec<Lint> {
    let mut out = traditional_keywords(file, text);
    out.extend(full_width_equals(file, text));
    out.extend(comparisons_without_check(file, text));
    out
}

/// The lines of `text` (the file `file`) that start with a declaration keyword written in
/// traditional script (`檢查 `, `組 `). The grammar takes only the simplified and the English
/// spellings for keywords, so such a line is prose, and what it declares would silently not be
/// there. A line that starts with `\` is prose on purpose, and is left alone.
fn traditional_keywords(file: FileId, text: &str) -> Vec<Lint> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let rest = line.trim_start_matches(SPACE);
        let indent = line.len() - rest.len();
        // The first word, when a space follows it within a keyword's length (two characters).
        let end = rest
            .char_indices()
            .take(3)
            .find(|(_, c)| SPACE.contains(c))
            .map(|(i, _)| i);
        if let Some(word) = end.and_then(|end| rest.get(..end)) {
            let keyword = crate::words::simplified(word);
            if keyword != word && crate::syntax::is_declaration_keyword(&keyword) {
                let at = start + indent;
                out.push(Lint::TraditionalKeyword {
                    span: Span::new(file, at..at + word.len()),
                    written: word.to_owned(),
                    keyword: keyword.into_owned(),
                });
            }
        }
        start += line.len();
    }
    out
}

/// The lines of `text` (the file `file`) that start with a name and then, after any spaces, a
/// full-width equals sign (`支出 ＝ 收入`, as a Chinese input method types it). The grammar
/// defines a figure with `=` only, so such a line is prose, and the figure it defines would
/// silently not be there. A line that starts with `\` is prose on purpose, and is left alone.
fn full_width_equals(file: FileId, text: &str) -> Vec<Lint> {
    let mut out = Vec::new();
    // Most documents have no `＝` at all: one scan says so.
    if memchr::memmem::find(text.as_bytes(), "＝".as_bytes()).is_none() {
        return out;
    }
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let rest = line.trim_start_matches(SPACE);
        // Only a line with a `＝` that may start with a name is parsed (most lines have none).
        let may_be_name = rest.contains('＝')
            && rest
                .chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '「');
        if let Some(name_end) = may_be_name
            .then(|| crate::syntax::name_at_start(rest))
            .flatten()
        {
            let after = rest[name_end..].trim_start_matches(SPACE);
            if after.starts_with('＝') && !after.starts_with("＝＝") {
                let at = start + line.len() - after.len();
                out.push(Lint::FullWidthEquals {
                    span: Span::new(file, at..at + '＝'.len_utf8()),
                    name: rest[..name_end].to_owned(),
                });
            }
        }
        start += line.len();
    }
    out
}

/// The comparisons a check is written with.
const COMPARISONS: [&str; 4] = ["==", "!=", "<=", ">="];

/// The lines of `text` (the file `file`) that would be a check with the keyword `检查` and a
/// space before them (`收入.财政拨款 + 收入.其他 == 收入.合计`), or after the keyword written
/// without its space (`检查收入.合计 == …`): a comparison (`==`, `!=`, `<=`, `>=`) the grammar
/// reads as prose, so the check it writes is never made. The grammar decides what a check is.
/// A line that starts with `\` is prose on purpose, and is left alone.
fn comparisons_without_check(file: FileId, text: &str) -> Vec<Lint> {
    // The lines with a comparison, found from the comparisons (most lines have none).
    let bytes = text.as_bytes();
    let mut lines: Vec<usize> = COMPARISONS
        .iter()
        .flat_map(|c| memchr::memmem::find_iter(bytes, c.as_bytes()))
        .map(|at| memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |nl| nl + 1))
        .collect();
    lines.sort_unstable();
    lines.dedup();
    let mut out = Vec::new();
    for start in lines {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(text.len(), |nl| start + nl);
        let line = &text[start..end];
        let rest = line.trim_start_matches(SPACE);
        let line_start = start + line.len() - rest.len();
        let rest = rest.trim_end_matches('\r');
        if rest.starts_with('\\') || crate::syntax::starts_declaration(rest) {
            continue;
        }
        // `检查收入.合计 == …`: the keyword, written without its space.
        let keyword = crate::syntax::check_keyword_at_start(rest).filter(|&len| {
            let (keyword, after) = rest.split_at(len);
            crate::syntax::is_check(&format!("{keyword} {after}"))
        });
        if keyword.is_none() && !crate::syntax::is_check(&format!("{CHECK} {rest}")) {
            continue;
        }
        let (at, operator) = COMPARISONS
            .iter()
            .filter_map(|c| rest.find(c).map(|at| (at, *c)))
            .min()
            .unwrap_or((0, "=="));
        let at = line_start + at;
        out.push(Lint::ComparisonWithoutCheck {
            span: Span::new(file, at..at + operator.len()),
            operator: operator.to_owned(),
            line_start,
            keyword: keyword.map(|len| rest[..len].to_owned()),
        });
    }
    out
}
