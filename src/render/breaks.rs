//! Render stage: where a line of text may break, for the PDF's paragraphs and table cells and
//! for fitting a table's columns to the page ([`super::page`]); free of any font.

use crate::eval::unit::Unit;

/// Characters that must not start a line (they stay with the one before).
const CLOSING: &str = "，。、；：！？）》」』”’】〕%‰,.;:!?)]}";
/// Characters that must not end a line (they stay with the one after).
const OPENING: &str = "（《「『“‘【〔([{";
/// The longest piece: a run of Latin letters or digits longer than this is cut, so that no
/// piece is ever wider than a line (genpdfi drops text that cannot be wrapped).
const MAX_PIECE: usize = 24;

/// Splits text into the pieces a line may break between: each Chinese character alone, runs
/// of digits and Latin letters whole (`1149.45`), a number with the unit after it
/// (`1149.45万元`, `72.80%`, `2489 人`, as [`Unit::prefix_of`] reads units) and with `年度`/`年`
/// (`2019年度`), a unit of two or more characters whole wherever it stands (`万元`, `人次`),
/// closing punctuation kept with what comes before and opening brackets with what comes after.
pub fn pieces(text: &str) -> Vec<String> {
    let mut pieces: Vec<String> = Vec::new();
    let mut pending_open = String::new();
    let mut latin = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let after_number = pending_open.is_empty()
            && pieces
                .last()
                .is_some_and(|p| p.ends_with(|c: char| c.is_ascii_digit()));
        if after_number {
            // A unit (or 年度) after a number, perhaps after one space, stays with the number.
            let spaced = rest.strip_prefix(' ').unwrap_or(rest);
            let word = Unit::prefix_of(spaced)
                .or_else(|| ["年度", "年"].into_iter().find(|w| spaced.starts_with(w)));
            if let (Some(word), Some(last)) = (word, pieces.last_mut()) {
                let taken = rest.len() - spaced.len() + word.len();
                last.push_str(&rest[..taken]);
                rest = &rest[taken..];
                latin = false;
                continue;
            }
        }
        let next = &rest[c.len_utf8()..];
        let following = next.chars().next();
        // A point or comma between digits belongs to the number: `1149.45`, `1,149`.
        let inside_number = latin
            && matches!(c, '.' | ',' | '-' | '/')
            && following.is_some_and(|n| n.is_ascii_alphanumeric());
        let is_latin = c.is_ascii_alphanumeric() || inside_number;
        if !inside_number && (CLOSING.contains(c) || (c == ' ' && !pieces.is_empty())) {
            match pieces.last_mut() {
                Some(last) if pending_open.is_empty() => last.push(c),
                _ => pending_open.push(c),
            }
            latin = false;
            rest = next;
            continue;
        }
        if OPENING.contains(c) {
            pending_open.push(c);
            latin = false;
            rest = next;
            continue;
        }
        if !c.is_ascii() {
            // A unit of two or more characters is one piece wherever it stands.
            if let Some(word) = Unit::prefix_of(rest).filter(|w| w.chars().count() > 1) {
                let mut piece = std::mem::take(&mut pending_open);
                piece.push_str(word);
                pieces.push(piece);
                rest = &rest[word.len()..];
                latin = false;
                continue;
            }
        }
        let extend = is_latin
            && latin
            && pending_open.is_empty()
            && pieces.last().is_some_and(|p| p.chars().count() < MAX_PIECE);
        match pieces.last_mut() {
            Some(last) if extend => last.push(c),
            _ => {
                let mut piece = std::mem::take(&mut pending_open);
                piece.push(c);
                pieces.push(piece);
            }
        }
        latin = is_latin;
        rest = next;
    }
    if !pending_open.is_empty() {
        pieces.push(pending_open);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_break_between_chinese_characters_but_not_inside_numbers() {
        assert_eq!(
            pieces("收入1149.45万元，占72.80%（增长）。"),
            [
                "收",
                "入",
                "1149.45万元，",
                "占",
                "72.80%",
                "（增",
                "长）。"
            ]
        );
        assert_eq!(pieces("增长6.00%。主"), ["增", "长", "6.00%。", "主"]);
        assert_eq!(pieces("1,149.45 元"), ["1,149.45 元"]);
        assert_eq!(pieces("职工2489人，"), ["职", "工", "2489人，"]);
        assert_eq!(pieces("共3台(套)车"), ["共", "3台(套)", "车"]);
        assert_eq!(pieces("接待12人次。"), ["接", "待", "12人次。"]);
        assert_eq!(pieces("单位：万元"), ["单", "位：", "万元"]);
        assert_eq!(pieces("2019年度部门"), ["2019年度", "部", "门"]);
        assert_eq!(pieces("3个人"), ["3个", "人"]);
        let long = "x".repeat(60);
        assert!(pieces(&long).iter().all(|p| p.chars().count() <= MAX_PIECE));
        assert_eq!(pieces(&long).concat(), long, "nothing is lost");
    }
}
