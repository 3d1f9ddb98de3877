//! Syntax stage: the item-by-item driver that parses a whole file and recovers from errors.
//!
//! pest stops at the first error of a parse, so the driver parses one top-level item at a
//! time (rule `item_or_end`). After an error it skips to a resynchronisation point, the line
//! after the broken block or the broken line, and goes on: one run reports every syntax error
//! that is independent of the others.

use super::error::SyntaxError;
use super::expected::describe;
use super::grammar::{JuesParser, Rule};
use super::lower::Lowerer;
use crate::ast::{Block, Item, Module};
use crate::source::{FileId, Span};
use pest::Parser;

/// How deeply parentheses, brackets and braces may nest.
pub const MAX_NESTING: usize = 64;

/// The most syntax errors reported for one file; past that the rest is skipped.
pub const MAX_ERRORS: usize = 50;

/// Parses `text` (the contents of `file`) into a module, with every syntax error found.
///
/// Plain paragraphs are read by the fast path in `fast.rs`; everything else by the pest
/// grammar. Both give the same AST ([`parse_with_pest_only`] is there to check that).
pub fn parse(file: FileId, text: &str) -> (Module, Vec<SyntaxError>) {
    parse_with(file, text, true)
}

/// [`parse`] without the fast path for plain paragraphs: every item is read by pest. For
/// tests that hold the fast path to the grammar.
#[doc(hidden)]
pub fn parse_with_pest_only(file: FileId, text: &str) -> (Module, Vec<SyntaxError>) {
    parse_with(file, text, false)
}

fn parse_with(file: FileId, text: &str, fast: bool) -> (Module, Vec<SyntaxError>) {
    let mut errors = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    let too_deep = deep_places(text);
    let mut pos = if text.starts_with('\u{feff}') { 3 } else { 0 };

    while pos <= text.len() && errors.len() < MAX_ERRORS {
        if fast {
            if let Some((item, end)) = super::fast::item(file, text, pos) {
                if !too_deep.iter().any(|&p| p >= pos && p < end) {
                    push_item(&mut items, item);
                    pos = end;
                    continue;
                }
            }
        }
        let rest = &text[pos..];
        match JuesParser::parse(Rule::item_or_end, rest) {
            Ok(mut pairs) => {
                let Some(top) = pairs.next() else { break };
                let end = pos + top.as_span().end();
                if let Some(&deep) = too_deep.iter().find(|&&p| p >= pos && p < end) {
                    errors.push(too_deep_error(file, deep));
                    pos = end;
                    continue;
                }
                let mut lowerer = Lowerer::new(file, pos, &mut errors);
                let mut done = false;
                for pair in top.into_inner() {
                    if pair.as_rule() == Rule::end_of_file {
                        done = true;
                    } else if let Some(item) = lowerer.item(pair) {
                        push_item(&mut items, item);
                    }
                }
                if done || end == pos {
                    break;
                }
                pos = end;
            }
            Err(error) => {
                let at = pos + error_offset(&error);
                if let Some(&deep) = too_deep.iter().find(|&&p| p >= pos && p <= at) {
                    errors.push(too_deep_error(file, deep));
                } else {
                    errors.push(unexpected(file, text, at, &error));
                }
                let next = resync(text, pos, at);
                if next <= pos {
                    break;
                }
                pos = next;
            }
        }
    }

    let span = Span::new(file, 0..text.len());
    let module = Module {
        file,
        items,
        span,
        library: false,
    };
    (module, errors)
}

/// Appends an item, merging consecutive list items into one list.
fn push_item(items: &mut Vec<Item>, item: Item) {
    if let Item::Block(Block::List(next)) = &item {
        if let Some(Item::Block(Block::List(list))) = items.last_mut() {
            if list.ordered == next.ordered {
                list.span = list.span.to(next.span);
                list.items.extend(next.items.iter().cloned());
                return;
            }
        }
    }
    items.push(item);
}

fn too_deep_error(file: FileId, at: usize) -> SyntaxError {
    SyntaxError::TooDeep {
        span: Span::new(file, at..at + 1),
        limit: MAX_NESTING,
    }
}

/// Byte offsets (one per run of excess) where nesting of `( [ {` passes [`MAX_NESTING`].
fn deep_places(text: &str) -> Vec<usize> {
    let mut places = Vec::new();
    let mut depth = 0usize;
    let mut over = false;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING && !over {
                    places.push(i);
                    over = true;
                }
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth <= MAX_NESTING {
                    over = false;
                }
            }
            _ => {}
        }
    }
    places
}

fn error_offset(error: &pest::error::Error<Rule>) -> usize {
    match error.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((start, _)) => start,
    }
}

/// Turns a pest error into a syntax error worded for report authors.
fn unexpected(
    file: FileId,
    text: &str,
    at: usize,
    error: &pest::error::Error<Rule>,
) -> SyntaxError {
    let mut expected: Vec<&'static str> = match &error.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => {
            positives.iter().filter_map(|r| describe(*r)).collect()
        }
        pest::error::ErrorVariant::CustomError { .. } => Vec::new(),
    };
    if let pest::error::ErrorVariant::CustomError { message } = &error.variant {
        if message.contains("limit") {
            return too_deep_error(file, at);
        }
    }
    expected.sort_unstable();
    expected.dedup();
    let (found, len) = found_at(text, at);
    if len == 0 && at >= text.len() && expected.contains(&"`}`") {
        // An unclosed block: the closing brace is what is missing.
        expected = vec!["`}`"];
    }
    prune_expected(&mut expected);
    SyntaxError::Unexpected {
        span: Span::new(file, at..at + len),
        expected,
        found,
    }
}

/// Alternatives that start a new line of a block; once a line has content they are noise
/// ("expected a cell value or the end of the line" says it, "… or a row" does not help).
const NEXT_LINE: &[&str] = &[
    "a row",
    "a name",
    "a setting (`名称 值`)",
    "a `列` line",
    "`}`",
    "a figure (`名称 = 值`)",
];

fn prune_expected(expected: &mut Vec<&'static str>) {
    let mid_line = expected.contains(&"a cell value")
        || (expected.contains(&"the end of the line") && expected.len() > 1);
    if mid_line {
        expected.retain(|e| !NEXT_LINE.contains(e));
    }
}

/// Describes what stands at `at`, and how many bytes of it to underline.
fn found_at(text: &str, at: usize) -> (String, usize) {
    let rest = text.get(at..).unwrap_or("");
    match rest.chars().next() {
        None => ("the end of the file".to_owned(), 0),
        Some('\n') | Some('\r') => ("the end of the line".to_owned(), 0),
        Some(c) if c.is_whitespace() => ("a space".to_owned(), c.len_utf8()),
        Some(c) => {
            // Show the word that starts here, a few characters at most.
            let word: String = if c.is_alphanumeric() || c == '_' {
                rest.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
                    .take(12)
                    .collect()
            } else {
                c.to_string()
            };
            let len = word.len();
            (format!("`{word}`"), len)
        }
    }
}

/// Where to resume after an error at `at` in the item that starts at or after `item_start`.
///
/// If the item opens a block with `{`, resume after the line where that block closes (or, when
/// it never closes, after the error line). Otherwise resume on the line after the error.
fn resync(text: &str, item_start: usize, at: usize) -> usize {
    let after_error_line = next_line_start(text, at);
    let start = skip_blank_lines(text, item_start);
    let first_line_end = next_line_start(text, start).min(text.len());
    let first_line = text.get(start..first_line_end).unwrap_or("");
    if !opens_block(first_line) {
        return after_error_line;
    }
    let mut depth = 0usize;
    let mut in_string = false;
    for (i, c) in text.get(start..).unwrap_or("").char_indices() {
        match c {
            '"' => in_string = !in_string,
            '\n' => in_string = false,
            '{' if !in_string => depth += 1,
            '}' if !in_string => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let close = start + i;
                    return next_line_start(text, close.max(at));
                }
            }
            _ => {}
        }
    }
    after_error_line
}

/// Whether a line leaves a `{` open (a declaration block or an `@` block).
fn opens_block(line: &str) -> bool {
    let mut depth = 0i32;
    let mut in_string = false;
    for c in line.chars() {
        match c {
            '"' => in_string = !in_string,
            '{' if !in_string => depth += 1,
            '}' if !in_string => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

fn next_line_start(text: &str, from: usize) -> usize {
    match text.get(from..).and_then(|rest| rest.find('\n')) {
        Some(i) => from + i + 1,
        None => text.len() + 1,
    }
}

fn skip_blank_lines(text: &str, mut pos: usize) -> usize {
    while let Some(rest) = text.get(pos..) {
        let line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let line = &rest[..line_end];
        let trimmed = line.trim();
        if line_end == 0 || !(trimmed.is_empty() || trimmed.starts_with("//")) {
            break;
        }
        pos += line_end;
    }
    pos
}
