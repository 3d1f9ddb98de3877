//! Syntax stage: the item-by-item driver that parses a whole file and recovers from errors.
//!
//! pest stops at the first error of a parse, so the driver parses one top-level item at a
//! time (rule `item_or_end`). After an error it skips to a resynchronisation point, the line
//! after the broken block or the broken line, and goes on: one run reports every syntax error
//! that is independent of the others.
//!
//! Each parse of one item is a [`Step`], and a step depends only on the text from where it
//! starts. That is what the two ways of doing less work rest on: a long text is parsed in
//! pieces on several threads, each piece from a line after a blank line, and the pieces are
//! joined where the one pass from the start reaches a step of theirs ([`join`]); and
//! [`Incremental`] keeps a file's steps, so that after an edit only the steps the edit touched
//! are parsed again. Both give exactly what one pass gives; the tests below hold them to it.

use super::error::SyntaxError;
use super::error::{found_end_of_file, found_end_of_line, found_space, found_text};
use super::expected::{describe, Expected};
use super::grammar::{JuesParser, Rule};
use super::lower::Lowerer;
use crate::ast::{Block, Item, Module, SpansMut};
use crate::i18n::Message;
use crate::msg;
use crate::source::{FileId, Span};
use pest::Parser;
use rayon::prelude::*;

/// How deeply parentheses, brackets and braces may nest.
pub const MAX_NESTING: usize = 64;

/// The most syntax errors reported for one file; past that the rest is skipped.
pub const MAX_ERRORS: usize = 50;

/// Texts shorter than this are parsed on one thread; longer ones in as many pieces as there
/// are threads, each at least this long.
const PIECE_BYTES: usize = 64 * 1024;

/// Parses `text` (the contents of `file`) into a module, with every syntax error found.
///
/// A long text is parsed in pieces on several threads (see `join`); the result is the one a
/// single pass gives, by construction.
pub fn parse(file: FileId, text: &str) -> (Module, Vec<SyntaxError>) {
    parse_in_pieces(file, text, &split_points(text, pieces(text)))
}

/// How many pieces to parse `text` in: one for a short text (without starting the pool of
/// threads), else one per thread, each at least [`PIECE_BYTES`] long.
fn pieces(text: &str) -> usize {
    match text.len() / PIECE_BYTES {
        0 | 1 => 1,
        n => n.min(rayon::current_num_threads()),
    }
}

/// [`parse`] with the pieces starting at `starts` (line starts, ascending, the first being
/// where the text begins).
fn parse_in_pieces(file: FileId, text: &str, starts: &[usize]) -> (Module, Vec<SyntaxError>) {
    assemble(file, text, steps_in_pieces(file, text, starts))
}

/// The steps of one pass over `text`, parsed in pieces starting at `starts`.
fn steps_in_pieces(file: FileId, text: &str, starts: &[usize]) -> Vec<Step> {
    let too_deep = deep_places(text);
    let piece = |(i, &from): (usize, &usize)| {
        let until = starts.get(i + 1).copied().unwrap_or(usize::MAX);
        run(file, text, &too_deep, from, until)
    };
    let pieces: Vec<Vec<Step>> = if starts.len() == 1 {
        starts.iter().enumerate().map(piece).collect()
    } else {
        starts.par_iter().enumerate().map(piece).collect()
    };
    let from = starts.first().copied().unwrap_or(0);
    join(file, text, &too_deep, from, pieces)
}

/// The module and errors of a pass's steps: the items in order (consecutive list items
/// merged into one list) and the errors up to the limit.
fn assemble(
    file: FileId,
    text: &str,
    steps: impl IntoIterator<Item = Step>,
) -> (Module, Vec<SyntaxError>) {
    let mut errors = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    for step in steps {
        if errors.len() >= MAX_ERRORS {
            break;
        }
        errors.extend(step.errors);
        for item in step.items {
            push_item(&mut items, item);
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

/// What is kept of the last parse of a file, so that the next parse of an edited text reads
/// again only the items the edit touched (the language server keeps one per open document).
///
/// The steps before the edit are kept if nothing they read changed; the steps after it are
/// kept, moved by the change in length, because a step depends only on the text from its
/// start. Between them the driver runs as usual until it reaches a kept step. The result is
/// the one a fresh parse gives, by construction (and checked by a test on random edits).
#[derive(Debug, Default)]
pub struct Incremental {
    file: FileId,
    text: String,
    steps: Vec<Step>,
}

impl Incremental {
    /// Parses `text`, reusing what it can of the last parse.
    pub fn parse(&mut self, file: FileId, text: &str) -> (Module, Vec<SyntaxError>) {
        let steps = match self.reusable(file, text) {
            Some((before, after, from)) => join(file, text, &[], from, vec![before, after]),
            None => steps_in_pieces(file, text, &split_points(text, pieces(text))),
        };
        self.file = file;
        self.text = text.to_owned();
        self.steps = steps;
        assemble(file, text, self.steps.iter().cloned())
    }

    /// The kept steps before and after the edit that turns the last text into `text`, and
    /// where the pass starts; `None` when nothing can be kept.
    fn reusable(&mut self, file: FileId, text: &str) -> Option<(Vec<Step>, Vec<Step>, usize)> {
        let old = self.text.as_str();
        if self.steps.is_empty() || file != self.file {
            return None;
        }
        // Nesting past the limit is judged on the whole text: parse it whole.
        if !deep_places(old).is_empty() || !deep_places(text).is_empty() {
            return None;
        }
        let (prefix, suffix) = common_ends(old, text);
        let edit_end = old.len() - suffix;
        let delta = text.len() as isize - old.len() as isize;
        let from = start_of(text);
        if from != start_of(old) {
            return None;
        }
        let steps = std::mem::take(&mut self.steps);
        let mut before = Vec::new();
        let mut after = Vec::new();
        let mut in_prefix = true;
        for mut step in steps {
            in_prefix = in_prefix && step.read_until(old) <= prefix;
            if in_prefix {
                before.push(step);
            } else if step.start >= edit_end {
                step.shift(delta);
                after.push(step);
            }
        }
        Some((before, after, from))
    }
}

/// The lengths in bytes of the longest common start and end of `a` and `b` (on character
/// boundaries, not overlapping).
fn common_ends(a: &str, b: &str) -> (usize, usize) {
    let mut prefix = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let room = a.len().min(b.len()) - prefix;
    let mut suffix = a
        .bytes()
        .rev()
        .zip(b.bytes().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    while !a.is_char_boundary(a.len() - suffix) {
        suffix -= 1;
    }
    (prefix, suffix)
}

/// How far the parse of a step that tried places up to `furthest` may have read. pest reports
/// the furthest place where a rule failed; past it, a step may still have matched a line end
/// and comment lines, and looked at the next line without a trace (a negative lookahead: is
/// the next line a new block?). So: the rest of that line, the comment lines after it, then
/// one whole line; one more byte for the line end it tests.
fn read_extent(text: &str, furthest: usize) -> usize {
    let mut pos = next_line_start(text, furthest).min(text.len());
    while let Some(rest) = text.get(pos..) {
        let line = rest.find('\n').map_or(rest, |i| &rest[..=i]);
        pos += line.len();
        let trimmed = line.trim_start_matches([' ', '\t', '\u{3000}']);
        if line.is_empty() || !trimmed.starts_with("//") {
            break;
        }
    }
    pos + 1
}

/// One step of the driver: what one parse of rule `item_or_end` at `start` gives.
///
/// A step depends only on the text and its start, which is what lets pieces of a text be
/// parsed apart and joined.
#[derive(Debug, Clone)]
struct Step {
    start: usize,
    items: Vec<Item>,
    errors: Vec<SyntaxError>,
    /// Where the next step starts; `None` after the last one.
    next: Option<usize>,
    /// How far the step's parse may have read ([`Step::read_until`]), once asked.
    read: Option<usize>,
}

impl Step {
    /// How far the parse of this step may have read in `text`: a parse that fails after an
    /// alternative (an `否则` branch, a block that turns out to be a paragraph) may have read
    /// far past where the step ends. The parse is done again, made to fail after the item, and
    /// the place pest reports is where reading stopped ([`read_extent`]). A step with errors,
    /// or the last one, may have read to the end of the text.
    fn read_until(&mut self, text: &str) -> usize {
        if let Some(read) = self.read {
            return read;
        }
        let read = match (self.next, self.errors.is_empty()) {
            (Some(next), true) => match text.get(self.start..) {
                Some(input) => match JuesParser::parse(Rule::item_probe, input) {
                    Err(error) => read_extent(text, (self.start + error_offset(&error)).max(next)),
                    Ok(_) => usize::MAX,
                },
                None => usize::MAX,
            },
            _ => usize::MAX,
        };
        self.read = Some(read);
        read
    }

    /// Moves the step by `delta` bytes: where it starts and ends, and every span in it.
    /// The steps moved are those after an edit, so nothing moves below the edit's start.
    fn shift(&mut self, delta: isize) {
        let by = |n: usize| n.saturating_add_signed(delta);
        self.start = by(self.start);
        self.next = self.next.map(by);
        self.read = self
            .read
            .map(|read| if read == usize::MAX { read } else { by(read) });
        let mut move_span = |span: &mut Span| {
            let to = |n: u32| u32::try_from(by(n as usize)).unwrap_or(u32::MAX);
            span.start = to(span.start);
            span.end = to(span.end);
        };
        self.items.spans_mut(&mut move_span);
        self.errors.spans_mut(&mut move_span);
    }
}

/// Where the text's pieces start: the first byte of the text, then the line after a blank
/// line at or after each equal share of the text (a blank line most often ends an item).
fn split_points(text: &str, pieces: usize) -> Vec<usize> {
    let mut starts = vec![start_of(text)];
    for k in 1..pieces {
        let from = text.len() / pieces * k;
        let Some(at) = text.get(from..).and_then(|rest| rest.find("\n\n")) else {
            break;
        };
        let start = from + at + 2;
        if start > *starts.last().unwrap_or(&0) && start < text.len() {
            starts.push(start);
        }
    }
    starts
}

/// Where the first step starts: after a byte-order mark, if there is one.
pub(super) fn start_of(text: &str) -> usize {
    if text.starts_with('\u{feff}') {
        3
    } else {
        0
    }
}

/// Runs the driver from `from` until a step starts at or after `until`, the text ends, or the
/// error limit is reached.
fn run(file: FileId, text: &str, too_deep: &[usize], from: usize, until: usize) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut pos = Some(from);
    let mut errors = 0;
    while let Some(at) = pos.filter(|&at| at < until && errors < MAX_ERRORS) {
        let step = step(file, text, too_deep, at);
        pos = step.next;
        errors += step.errors.len();
        steps.push(step);
    }
    steps
}

/// Joins the steps of pieces parsed apart into the steps of one pass from `from`. A piece is taken from the first of its steps that the pass reaches; until then, and
/// after the last piece, the pass goes on step by step. It stops at the error limit.
fn join(
    file: FileId,
    text: &str,
    too_deep: &[usize],
    from: usize,
    pieces: Vec<Vec<Step>>,
) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    let mut errors = 0;
    let mut pos = Some(from);
    let mut pieces = pieces.into_iter();
    let mut piece = pieces.next().unwrap_or_default();
    while let Some(at) = pos.filter(|_| errors < MAX_ERRORS) {
        if let Ok(k) = piece.binary_search_by_key(&at, |s| s.start) {
            // The pass has reached this piece: the rest of it is the pass's.
            let mut taken = piece.split_off(k);
            for step in &taken {
                errors += step.errors.len();
            }
            pos = taken.last().and_then(|s| s.next);
            steps.append(&mut taken);
            piece = pieces.next().unwrap_or_default();
            continue;
        }
        if piece.last().is_none_or(|s| at > s.start) {
            // Past this piece's last step (or out of pieces): try the next piece, if any.
            if let Some(next) = pieces.next() {
                piece = next;
                continue;
            }
        }
        let step = step(file, text, too_deep, at);
        errors += step.errors.len();
        pos = step.next;
        steps.push(step);
    }
    steps
}

/// Parses the item (or the end of the file) at `pos`.
///
/// pest is never given nesting past the limit (it would recurse until the stack overflows):
/// when such a place lies ahead, the text is cut there, and an item that reaches the cut is
/// reported as too deep and skipped.
fn step(file: FileId, text: &str, too_deep: &[usize], pos: usize) -> Step {
    let mut errors = Vec::new();
    let mut items = Vec::new();
    let deep = too_deep.iter().copied().find(|&p| p >= pos);
    let next = match text.get(pos..deep.unwrap_or(text.len())) {
        None => None,
        Some(input) => match JuesParser::parse(Rule::item_or_end, input) {
            Ok(mut pairs) => match pairs.next() {
                None => None,
                Some(top) => {
                    let end = pos + top.as_span().end();
                    match deep.filter(|&d| end >= d) {
                        Some(d) => {
                            errors.push(too_deep_error(file, d));
                            Some(resync(text, pos, d)).filter(|&next| next > pos)
                        }
                        None => {
                            let mut lowerer = Lowerer::new(file, pos, &mut errors);
                            let mut done = false;
                            for pair in top.into_inner() {
                                if pair.as_rule() == Rule::end_of_file {
                                    done = true;
                                } else if let Some(item) = lowerer.item(pair) {
                                    items.push(item);
                                }
                            }
                            (!done && end != pos).then_some(end)
                        }
                    }
                }
            },
            Err(error) => {
                let at = pos + error_offset(&error);
                match deep.filter(|&d| at >= d) {
                    Some(d) => errors.push(too_deep_error(file, d)),
                    None => errors.push(unexpected(file, text, at, &error)),
                }
                let next = resync(text, pos, at);
                (next > pos).then_some(next)
            }
        },
    };
    Step {
        start: pos,
        items,
        errors,
        next,
        read: None,
    }
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

/// Byte offsets where nesting of `( [ {` passes [`MAX_NESTING`]: each place where the depth
/// counted from the start of the text rises to a multiple of `MAX_NESTING + 1`.
///
/// From any start, nesting past the limit rises by more than `MAX_NESTING` from its lowest
/// point since that start, and so passes one of these places on the way: cutting the text
/// given to pest at the first place after a step's start bounds pest's recursion.
pub(super) fn deep_places(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut places = Vec::new();
    let mut depth = 0usize;
    let mut at = 0;
    // From bracket to bracket: a report is mostly Chinese text, which has none.
    while let Some(offset) = bytes.get(at..).and_then(|rest| {
        rest.iter()
            .position(|&b| matches!(b, b'(' | b'[' | b'{' | b')' | b']' | b'}'))
    }) {
        let i = at + offset;
        at = i + 1;
        match bytes.get(i) {
            Some(b'(' | b'[' | b'{') => {
                depth += 1;
                if depth.is_multiple_of(MAX_NESTING + 1) {
                    places.push(i);
                }
            }
            Some(_) => depth = depth.saturating_sub(1),
            None => {}
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
    let mut expected: Vec<Expected> = match &error.variant {
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
    if len == 0 && at >= text.len() && expected.contains(&Expected::RBrace) {
        // An unclosed block: the closing brace is what is missing.
        expected = vec![Expected::RBrace];
    }
    prune_expected(&mut expected);
    let hint = hint(text, at, len, &expected);
    SyntaxError::Unexpected {
        span: Span::new(file, at..at + len),
        expected,
        found,
        hint,
    }
}

/// A hint for a syntax error at `at` (what stands there is `len` bytes long, `expected` is what
/// the grammar wanted), from the text around it: full-width letters, digits or signs (`（`,
/// `１１４９.４５`, `＋`), as a Chinese input method types them, written in half-width; a row's
/// name or label without its quotes; a figure without its `=`; a word after a number and a
/// space (`100 万元`), which must follow the number directly to be its unit.
fn hint(text: &str, at: usize, len: usize, expected: &[Expected]) -> Option<Message> {
    let written = text.get(at..at + len)?;
    if let Some(write) = super::error::half_width(written) {
        return Some(msg!(
            "J0001-help-half-width",
            written = written,
            write = write
        ));
    }
    let before = text.get(..at)?;
    // `2010301 行政运行 281.85`: a row's code, then its name without quotes, read as the name
    // of a cell (`完成率=…`) that lacks its `=`.
    let line = &before[before.rfind('\n').map_or(0, |nl| nl + 1)..];
    let mut words = line.split_whitespace();
    if let (Some(code), Some(name), None) = (words.next(), words.next(), words.next()) {
        let code_first = code.chars().all(|c| c.is_ascii_digit());
        if code_first && !name.starts_with('"') && line.ends_with(char::is_whitespace) {
            return Some(msg!(
                "J0001-help-quote-name",
                write = format!("{code} \"{name}\"")
            ));
        }
    }
    // `@如果收入 > 0 {`: a block's keyword without the space after it, read as prose.
    if let Some(keyword) = block_keyword_without_space(line) {
        return Some(msg!("J0001-help-block-space", keyword = keyword));
    }
    // `工资福利支出 100 200` in a table: a row's label without quotes, read as a setting,
    // whose one value the second number follows where the line should end.
    let is_number = |w: &str| w.starts_with(|c: char| c.is_ascii_digit() || c == '-');
    let mut words = line.split_whitespace();
    let first = words.next().unwrap_or_default();
    let values: Vec<&str> = words.collect();
    let bare = first.starts_with(char::is_alphabetic);
    let ends_here = expected.contains(&Expected::EndOfLine) && !expected.contains(&Expected::Eq);
    if bare
        && ends_here
        && is_number(written)
        && !values.is_empty()
        && values.iter().all(|w| is_number(w))
    {
        return Some(msg!(
            "J0001-help-quote-label",
            write = format!("\"{first}\"")
        ));
    }
    // `财政拨款 836.78` in a group: a figure without its `=`.
    if bare && is_number(written) && expected.contains(&Expected::Eq) && values.is_empty() {
        return Some(msg!(
            "J0001-help-missing-eq",
            write = format!("{first} = {written}")
        ));
    }
    let number = before.trim_end_matches([' ', '\t', '\u{3000}']);
    let spaced = number.len() < before.len();
    let digits = number.len()
        - number
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
            .len();
    let word = written.starts_with(|c: char| c.is_alphabetic() && !c.is_ascii());
    if spaced && digits > 0 && word && number.ends_with(|c: char| c.is_ascii_digit()) {
        let number = &number[number.len() - digits..];
        return Some(msg!(
            "J0001-help-unit-after-space",
            number = number,
            unit = written,
            write = format!("{number}{written}")
        ));
    }
    None
}

/// The block keyword (`@如果`, `@每行`, as the grammar spells them) that `line` starts with,
/// directly followed by something other than a space.
fn block_keyword_without_space(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix('@')?;
    [Rule::if_kw, Rule::each_kw].into_iter().find_map(|rule| {
        let keyword = JuesParser::parse(rule, rest).ok()?.as_str();
        let after = rest.get(keyword.len()..)?;
        let spaced = after.starts_with(|c: char| c.is_whitespace());
        (!keyword.is_empty() && !spaced && !after.is_empty())
            .then(|| &line.trim_start()[..keyword.len() + 1])
    })
}

/// Alternatives that start a new line of a block; once a line has content they are noise
/// ("expected a cell value or the end of the line" says it, "… or a row" does not help).
const NEXT_LINE: &[Expected] = &[
    Expected::Row,
    Expected::Name,
    Expected::Setting,
    Expected::ColumnsLine,
    Expected::RBrace,
    Expected::Figure,
];

fn prune_expected(expected: &mut Vec<Expected>) {
    let mid_line = expected.contains(&Expected::CellValue)
        || (expected.contains(&Expected::EndOfLine) && expected.len() > 1);
    if mid_line {
        expected.retain(|e| !NEXT_LINE.contains(e));
    }
}

/// Describes what stands at `at`, and how many bytes of it to underline.
fn found_at(text: &str, at: usize) -> (Message, usize) {
    let rest = text.get(at..).unwrap_or("");
    match rest.chars().next() {
        None => (found_end_of_file(), 0),
        Some('\n') | Some('\r') => (found_end_of_line(), 0),
        Some(c) if c.is_whitespace() => (found_space(), c.len_utf8()),
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
            (found_text(&word), len)
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use std::path::{Path, PathBuf};

    /// Every `.jues` file of the case files, the examples and the standard library.
    fn corpus() -> Vec<(PathBuf, String)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut todo = vec![
            root.join("tests/cases"),
            root.join("examples"),
            root.join("stdlib"),
        ];
        let mut files = Vec::new();
        while let Some(dir) = todo.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    todo.push(path);
                } else if path.extension().is_some_and(|e| e == "jues") {
                    let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
                    files.push((path, text));
                }
            }
        }
        assert!(files.len() > 60, "found only {} files", files.len());
        files
    }

    fn line_starts(text: &str) -> Vec<usize> {
        let mut starts: Vec<usize> = text.match_indices('\n').map(|(i, _)| i + 1).collect();
        starts.retain(|&s| s < text.len());
        starts
    }

    /// Parsing in two pieces split at a line, or in three, gives what one pass gives: the same
    /// items with the same spans, the same errors. Each file is split at forty lines spread
    /// over it (every line of the small ones).
    #[test]
    fn pieces_give_what_one_pass_gives() {
        let mut splits = 0;
        for (path, text) in corpus() {
            let one = format!("{:?}", parse_in_pieces(FileId(0), &text, &[0]));
            let starts = line_starts(&text);
            let every = (starts.len() / 40).max(1);
            for (i, &at) in starts.iter().enumerate().step_by(every) {
                let two = format!("{:?}", parse_in_pieces(FileId(0), &text, &[0, at]));
                assert_eq!(one, two, "{} split at byte {at}", path.display());
                if let Some(&later) = starts.get(i + 7) {
                    let three = parse_in_pieces(FileId(0), &text, &[0, at, later]);
                    assert_eq!(
                        one,
                        format!("{three:?}"),
                        "{} split at {at} and {later}",
                        path.display()
                    );
                }
                splits += 1;
            }
        }
        assert!(splits > 800, "only {splits} splits tried");
    }

    /// The error limit holds however the text is split, and the pieces' own runs stop there.
    #[test]
    fn pieces_stop_at_the_error_limit() {
        let text = "表 {\n".repeat(400);
        let starts = [0, 1000, 1200, 1601];
        let (_, errors) = parse_in_pieces(FileId(0), &text, &starts);
        let (_, single) = parse_in_pieces(FileId(0), &text, &[0]);
        assert_eq!(errors.len(), MAX_ERRORS);
        assert_eq!(format!("{errors:?}"), format!("{single:?}"));
        for &from in &starts {
            let steps = run(FileId(0), &text, &[], from, usize::MAX);
            let count: usize = steps.iter().map(|s| s.errors.len()).sum();
            assert!(count <= MAX_ERRORS, "a piece ran on to {count} errors");
        }
    }

    /// Pieces of source an author types or deletes, chosen to move item boundaries: braces,
    /// line ends, comments, keywords, `否则` after a block, names before `=`.
    const TYPED: &[&str] = &[
        "\n",
        "\n\n",
        "{",
        "}",
        "//",
        " ",
        "\u{3000}",
        "否则 {",
        "@如果 a > 1 {\n",
        "表 ",
        "组 ",
        "x = 1\n",
        " = ",
        "# ",
        "- ",
        "1. ",
        "\"",
        "「",
        "{a}",
        "*",
        "**",
        "万元",
        "收入.合计",
        "(",
        "[",
        "\\",
        "\r\n",
        "待填",
    ];

    /// A small deterministic generator (xorshift), so a failure can be replayed.
    struct Dice(u64);

    impl Dice {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n.max(1) as u64) as usize
        }

        /// `text` with one random edit: an insertion, a deletion or a replacement.
        fn edit(&mut self, text: &str) -> String {
            let boundary = |text: &str, mut at: usize| {
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                at
            };
            let at = boundary(text, self.below(text.len() + 1));
            let end = boundary(text, (at + self.below(40)).min(text.len())).max(at);
            let typed = TYPED[self.below(TYPED.len())];
            match self.below(3) {
                0 => format!("{}{typed}{}", &text[..at], &text[at..]),
                1 => format!("{}{}", &text[..at], &text[end..]),
                _ => format!("{}{typed}{}", &text[..at], &text[end..]),
            }
        }
    }

    /// After any chain of edits, the incremental parse gives what a fresh parse of the same
    /// text gives: the same items with the same spans, the same errors.
    #[test]
    fn incremental_parsing_gives_what_a_fresh_parse_gives() {
        let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
        let mut edits = 0;
        for (path, original) in corpus() {
            for _ in 0..6 {
                let mut incremental = Incremental::default();
                let mut text = original.clone();
                incremental.parse(FileId(0), &text);
                for _ in 0..5 {
                    text = dice.edit(&text);
                    let again = format!("{:?}", incremental.parse(FileId(0), &text));
                    let fresh = format!("{:?}", parse(FileId(0), &text));
                    assert_eq!(
                        again,
                        fresh,
                        "{} after edits, now: {text:?}",
                        path.display()
                    );
                    edits += 1;
                }
            }
        }
        assert!(edits > 2000, "only {edits} edits tried");
    }

    /// Edits past an item's end that change where it ends: the lines it looked at for a
    /// continuation (across comment lines) or for `否则`, and lines far down that an
    /// alternative it tried read.
    #[test]
    fn edits_after_an_item_that_change_its_end() {
        let pairs = [
            ("a\n// c\n// d\n\nb\n", "a\n// c\n// d\nb\n"),
            ("a\n// c\n// d\nb\n", "a\n// c\n// d\n\nb\n"),
            ("a\n// c\n// d\nx = 1\n", "a\n// c\n// d\nx\n"),
            (
                "@如果 x > 1 {\n  y\n}\n\n否则 {\n  z\n}\n",
                "@如果 x > 1 {\n  y\n}\n否则 {\n  z\n}\n",
            ),
            ("- a\n  // c\n- b\n", "- a\n  // c\n  b\n"),
            // Found by the property tests: the `否则` branch failed on line 4, so the `@如果`
            // ended before it; closing the branch on line 4 makes the branch part of it.
            (
                "@如果 a {\n} 否则 {\n  x\n\n  y\n\n  z\n{「」}\n}\n",
                "@如果 a {\n} 否则 {\n  x\n\n  y\n\n  z\n}\n否则 {\n{「」}\n}\n",
            ),
            // A block that fails far down is read as a paragraph of its first line.
            (
                "@每行 t {\n  a\n\n  b\n\n  c\n  {「」}\n}\n",
                "@每行 t {\n  a\n\n  b\n\n  c\n  {x}\n}\n",
            ),
        ];
        for (old, new) in pairs {
            let mut incremental = Incremental::default();
            incremental.parse(FileId(0), old);
            let again = format!("{:?}", incremental.parse(FileId(0), new));
            assert_eq!(
                again,
                format!("{:?}", parse(FileId(0), new)),
                "{old:?} to {new:?}"
            );
        }
    }

    /// An edit re-parses only what it touched: a one-line change in the middle of a long text
    /// keeps the steps before and after it.
    #[test]
    fn an_edit_keeps_the_steps_it_did_not_touch() {
        let text = "段落 {a}。\n\n".repeat(300);
        let mut incremental = Incremental::default();
        incremental.parse(FileId(0), &text);
        let at = text.len() / 2 + 3;
        let edited = format!("{}X{}", &text[..at], &text[at..]);
        let (before, after, _) = incremental.reusable(FileId(0), &edited).unwrap();
        assert!(
            before.len() + after.len() >= 298,
            "kept {} + {}",
            before.len(),
            after.len()
        );
    }

    /// Nesting far past the limit is reported, never parsed until the stack overflows: in an
    /// expression, an interpolation, `@` blocks one inside the other, and after an earlier
    /// item that left brackets open.
    #[test]
    fn nesting_past_the_limit_is_reported_not_recursed_into() {
        let texts = [
            format!("x = {}1", "(".repeat(50_000)),
            format!("{{{}}}", "(".repeat(50_000)),
            "@如果 a {\n".repeat(5_000),
            format!("- a\n- {{{}\n\n{}", "(".repeat(20_000), "[".repeat(20_000)),
        ];
        for text in &texts {
            let (_, errors) = parse(FileId(0), text);
            assert!(
                errors
                    .iter()
                    .any(|e| matches!(e, SyntaxError::TooDeep { .. })),
                "{errors:?}"
            );
        }
    }

    /// The places are where the depth counted byte by byte, from the start, rises to a
    /// multiple of `MAX_NESTING + 1`: closing brackets lower it, other text leaves it.
    #[test]
    fn deep_places_are_where_the_depth_passes_the_limit() {
        let depth_places = |text: &str| {
            let (mut depth, mut places) = (0usize, Vec::new());
            for (i, b) in text.bytes().enumerate() {
                if b"([{".contains(&b) {
                    depth += 1;
                    if depth % (MAX_NESTING + 1) == 0 {
                        places.push(i);
                    }
                } else if b")]}".contains(&b) {
                    depth = depth.saturating_sub(1);
                }
            }
            places
        };
        let texts = [
            "收入（合计）{a}".repeat(100),
            format!(
                "{}{}{}",
                "（{[".repeat(40),
                "收入)]".repeat(30),
                "({".repeat(200)
            ),
            format!("{}）{}", "(".repeat(64), "(".repeat(300)),
            String::new(),
        ];
        for text in &texts {
            assert_eq!(deep_places(text), depth_places(text));
        }
        assert_eq!(deep_places(&texts[2]).len(), 364 / 65);
    }

    #[test]
    fn split_points_are_line_starts_after_blank_lines() {
        let text = "a\n\nb\n\nc\n\nd\n".repeat(1000);
        let starts = split_points(&text, 4);
        assert_eq!(starts.len(), 4);
        for &s in &starts[1..] {
            assert_eq!(&text[s - 2..s], "\n\n");
        }
        assert!(starts.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(split_points("\u{feff}a", 4), vec![3]);
    }
}
