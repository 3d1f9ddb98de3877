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
/// word wider than a line (a run of Chinese text has no spaces) broken where the line is full,
/// as Chinese is set: a line never starts with closing punctuation (`、`, `，`, `）` …) nor ends
/// with opening punctuation (`（`, `“` …), the character before it going to the next line
/// instead; and what is quoted in backticks (`` `千分位` ``) is kept whole when it fits. The
/// spaces at a break are dropped; the lines are never empty unless `text` is.
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let mut lines = Lines {
        columns: columns.max(1),
        done: Vec::new(),
        line: String::new(),
        used: 0,
        quoted: false,
        quote_at: None,
    };
    for word in text.split(' ') {
        let wide = width(word);
        // The word on this line after a space, or on the next one.
        if !lines.line.is_empty() && lines.used + 1 + wide <= lines.columns {
            lines.push(' ');
            word.chars().for_each(|c| lines.push(c));
            continue;
        }
        if !lines.line.is_empty() {
            lines.end_line(0);
        }
        for c in word.chars() {
            if lines.used + char_width(c) > lines.columns && !lines.line.is_empty() {
                let carried = lines.carried(c);
                lines.end_line(carried);
            }
            lines.push(c);
        }
    }
    if !lines.line.is_empty() || lines.done.is_empty() {
        lines.end_line(0);
    }
    lines.done
}

/// The lines [`wrap`] has made, the one it is filling, and whether that one is inside a
/// quotation in backticks (and where in it the quotation opened).
struct Lines {
    columns: usize,
    done: Vec<String>,
    line: String,
    used: usize,
    quoted: bool,
    quote_at: Option<usize>,
}

impl Lines {
    fn push(&mut self, c: char) {
        if c == '`' {
            self.quote_at = if self.quoted {
                None
            } else {
                Some(self.line.len())
            };
            self.quoted = !self.quoted;
        }
        self.line.push(c);
        self.used += char_width(c);
    }

    /// Ends the line but for its last `carried` bytes, which start the next one.
    fn end_line(&mut self, carried: usize) {
        let next = self.line.split_off(self.line.len() - carried);
        self.done.push(std::mem::replace(&mut self.line, next));
        self.used = width(&self.line);
        let kept = self.done.last().map_or(0, String::len);
        self.quote_at = self.quote_at.and_then(|at| at.checked_sub(kept));
    }

    /// How many bytes at the end of the full line go on to the next one with `next`: an open
    /// quotation that fits on a line of its own, else the last character when `next` may not
    /// start a line or the last may not end one; and only when something stays behind.
    fn carried(&self, next: char) -> usize {
        if let Some(at) = self.quote_at.filter(|at| *at > 0) {
            if width(&self.line[at..]) + char_width(next) <= self.columns {
                return self.line.len() - at;
            }
        }
        let mut chars = self.line.char_indices().rev();
        let Some((at, last)) = chars.next() else {
            return 0;
        };
        let closes = NO_LINE_START.contains(next) || (next == '`' && self.quoted);
        if (closes || NO_LINE_END.contains(last)) && chars.next().is_some() {
            self.line.len() - at
        } else {
            0
        }
    }
}

/// Punctuation that may not start a line: what closes, and the marks that follow a word.
const NO_LINE_START: &str = "、，。．；：？！）］｝〕〉》」』】〗〙”’…—%％,.;:?!)]}";

/// Punctuation that may not end a line: what opens.
const NO_LINE_END: &str = "（［｛〔〈《「『【〖〘“‘([{";

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
    fn wrapping_breaks_at_spaces_and_between_chinese_characters() {
        assert_eq!(wrap("a bb ccc", 4), ["a bb", "ccc"]);
        assert_eq!(wrap("abcdef", 4), ["abcd", "ef"]);
        assert_eq!(wrap("一二三四五", 4), ["一二", "三四", "五"]);
        assert_eq!(wrap("needs 一二三", 8), ["needs", "一二三"]);
        assert_eq!(wrap("", 4), [""]);
        // No line starts with closing punctuation: `、` stays with what it follows.
        assert_eq!(wrap("一二、三四", 4), ["一", "二、", "三四"]);
        assert_eq!(wrap("转录、摘录、", 6), ["转录、", "摘录、"]);
        assert_eq!(wrap("一二）三", 4), ["一", "二）", "三"]);
        // Nor ends one with opening punctuation: `（` goes with what it opens.
        assert_eq!(wrap("一（二三", 4), ["一", "（二", "三"]);
        // A quotation in backticks is kept whole when it fits.
        assert_eq!(
            wrap("设置项：`单位`、`千分位`", 12),
            ["设置项：", "`单位`、", "`千分位`"]
        );
        assert_eq!(wrap("一`二三`", 6), ["一", "`二三`"]);
        // A line of nothing but such punctuation is broken where it is full.
        assert_eq!(wrap("、、、", 2), ["、", "、", "、"]);
        for line in wrap(
            "本部门 2019 年度政府采购支出总额 214.12 万元，其中：政府采购货物支出",
            10,
        ) {
            assert!(width(&line) <= 10, "{line}");
        }
    }
}
