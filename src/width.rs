//! Display width: how many columns text takes on a terminal or in a monospace font, the one
//! rule jues measures by. A Chinese character or a full-width sign (`，`, `（`, `８`) takes two
//! columns, most other characters one, a combining mark or a control character none (Unicode's
//! East Asian Width, as `unicode-width` has it: the tables miette and textwrap lay reports out
//! with). The excerpts and notes of the human diagnostics, the columns the formatter lines up,
//! the Markdown pipe tables, the summary of `jues check` and the figures `jues new --from`
//! writes all measure with it, so that what they line up stays lined up on one screen.
//!
//! Sum of the characters' widths, as miette measures a line of an excerpt when it places a
//! label, rather than `unicode-width`'s width of a string, which also reads emoji sequences:
//! a label must stand where miette puts it.

use unicode_width::UnicodeWidthChar;

/// The columns `c` takes.
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The columns `text` takes.
pub fn width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// `text` followed by spaces up to `columns` (nothing when it is as wide already).
pub fn pad(text: &str, columns: usize) -> String {
    format!("{text}{}", " ".repeat(columns.saturating_sub(width(text))))
}

/// `text` in lines of at most `columns`, broken at spaces as miette breaks a help text, and a
/// word wider than a line (a run of Chinese text has no spaces) broken where the line is full.
/// The spaces at a break are dropped; the lines are never empty unless `text` is.
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let columns = columns.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split(' ') {
        let wide = width(word);
        // The word on this line after a space, or on the next one.
        if !line.is_empty() && used + 1 + wide <= columns {
            line.push(' ');
            line.push_str(word);
            used += 1 + wide;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        for c in word.chars() {
            let w = char_width(c);
            if used + w > columns && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += w;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::{pad, width, wrap};

    #[test]
    fn chinese_characters_and_full_width_signs_take_two_columns() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("行政运行"), 8);
        assert_eq!(width("（８）、"), 8);
        // General punctuation and the ellipsis are narrow, as terminals draw them.
        assert_eq!(width("“—…”"), 4);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(pad("合计", 6), "合计  ");
        assert_eq!(pad("合计", 3), "合计");
    }

    #[test]
    fn wrapping_breaks_at_spaces_then_inside_long_words() {
        assert_eq!(wrap("a bb ccc", 4), ["a bb", "ccc"]);
        assert_eq!(wrap("abcdef", 4), ["abcd", "ef"]);
        assert_eq!(wrap("一二三四五", 4), ["一二", "三四", "五"]);
        assert_eq!(wrap("needs 一二三", 8), ["needs", "一二三"]);
        assert_eq!(wrap("", 4), [""]);
        for line in wrap(
            "本部门 2019 年度政府采购支出总额 214.12 万元，其中：政府采购货物支出",
            10,
        ) {
            assert!(width(&line) <= 10, "{line}");
        }
    }
}
