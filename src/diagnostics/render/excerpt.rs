//! The source excerpt of a human report, as miette's graphical report reads it: the lines
//! around a diagnostic's labels, each line too long for the report cut to a window around what
//! its labels point at, with `…` on each side where text was left out.
//!
//! A paragraph of a report is one line of hundreds of columns; shown whole, its labels stand
//! hundreds of columns to the right and the terminal wraps the line into a mess. miette prints
//! the text a `SourceCode` hands it and numbers its lines from the `SpanContents`; so the
//! excerpt hands it a text of its own, the windows of the lines, with the labels' spans moved
//! into it, and the true line numbers and columns of the file, so that the header
//! (`╭─[file:line:col]`) and the gutter say where the text is.
//!
//! Lines without labels between and around the labelled ones are context: shown whole when
//! they fit, else cut at the columns where the nearest labelled line's window starts, so that
//! the rows of a wide table stay under each other. A line's labels are placed where miette
//! draws them and their messages wrapped to the room right of them, so that every line of the
//! report fits in [`WIDTH`] columns. Widths are display columns ([`crate::width`]): a Chinese
//! character takes two.

use crate::source::{SourceFile, Span};
use crate::width::{char_width, width, wrap};

/// The lines of context miette shows above and below a label (the handler is set to it).
pub(super) const CONTEXT: usize = 1;

/// The width of a report: every line of it fits in 100 columns.
pub(super) const WIDTH: usize = 100;

/// The room right of a label's middle a message needs at least, wrapped onto more lines
/// beyond it: a line that fits is kept whole while its messages have this room (cutting its
/// start off to give a message one line would hide what the line is about), and a cut line's
/// window keeps it when a whole message cannot stand on one line.
const MESSAGE_ROOM: usize = 24;

/// The columns miette draws before a label's message: `╰── `.
const LABEL_LEAD: usize = 4;

/// The columns a tab takes at most: miette widens it to the next multiple of four.
const TAB: usize = 4;

/// The least width of a piece of a line that shows several far-apart labels.
const LEAST_PIECE: usize = 8;

/// What a window must show of its line: the text a label points at, as a byte range of the
/// line (`end` past the line's end when the label takes the line break too), and the width of
/// the label's message (0 for none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Mark {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) message: usize,
}

/// A line as an excerpt shows it: pieces of the line, in order, with `…` wherever text was
/// left out (before the first, between two, after the last).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Window {
    pub(super) text: String,
    pieces: Vec<Piece>,
}

/// A piece of a line in a window: its byte range in the line, and where it starts in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    from: usize,
    to: usize,
    at: usize,
}

impl Window {
    /// The whole line.
    fn whole(line: &str) -> Window {
        Window {
            text: line.to_owned(),
            pieces: vec![Piece {
                from: 0,
                to: line.len(),
                at: 0,
            }],
        }
    }

    /// The window showing the character ranges `ranges` of the line (in order, apart).
    fn of(line: &str, columns: &Columns, ranges: &[(usize, usize)]) -> Window {
        let mut text = String::new();
        let mut pieces = Vec::new();
        for (i, &(first, last)) in ranges.iter().enumerate() {
            let (from, to) = (columns.bytes[first], columns.bytes[last]);
            if i > 0 || first > 0 {
                text.push('…');
            }
            pieces.push(Piece {
                from,
                to,
                at: text.len(),
            });
            text.push_str(line.get(from..to).unwrap_or(""));
        }
        if ranges.last().is_some_and(|&(_, last)| last < columns.len()) {
            text.push('…');
        }
        Window { text, pieces }
    }

    /// Where the byte `offset` of the line is in the text; an offset that was left out is
    /// where the text before it ends (before its `…`).
    pub(super) fn at(&self, offset: usize) -> usize {
        let mut at = 0;
        for piece in &self.pieces {
            if offset < piece.from {
                break;
            }
            at = piece.at + offset.min(piece.to) - piece.from;
        }
        at
    }

    /// Where a label from `start` to `end` (bytes of the line) ends in the text: a label whose
    /// end was left out ends where its text is cut.
    pub(super) fn end(&self, start: usize, end: usize) -> usize {
        let piece = self
            .pieces
            .iter()
            .rev()
            .find(|p| p.from <= start)
            .or(self.pieces.first());
        match piece {
            Some(p) => p.at + end.clamp(p.from, p.to) - p.from,
            None => 0,
        }
    }

    /// Whether the window shows the line up to its end.
    fn reaches_end(&self, line_len: usize) -> bool {
        self.pieces.last().is_some_and(|p| p.to >= line_len)
    }

    /// The byte of the line at `at` in the text (the next piece's first inside a `…`).
    fn line_offset(&self, at: usize) -> usize {
        let mut offset = self.pieces.first().map_or(0, |p| p.from);
        for piece in &self.pieces {
            if at < piece.at {
                return piece.from.max(offset);
            }
            offset = piece.from + (at - piece.at).min(piece.to - piece.from);
        }
        offset
    }

    /// The column of the line where the window starts.
    fn first_column(&self, line: &str) -> usize {
        let from = self.pieces.first().map_or(0, |p| p.from);
        line.get(..from).map_or(0, width)
    }
}

/// The columns `text` takes in an excerpt, where a tab takes up to [`TAB`].
fn columns_of(text: &str) -> usize {
    Columns::new(text).total()
}

/// A line's characters with the column each starts at (and the line's end after the last).
struct Columns {
    bytes: Vec<usize>,
    cols: Vec<usize>,
}

impl Columns {
    fn new(line: &str) -> Columns {
        let mut bytes = Vec::with_capacity(line.len() + 1);
        let mut cols = Vec::with_capacity(line.len() + 1);
        let mut col = 0;
        for (i, c) in line.char_indices() {
            bytes.push(i);
            cols.push(col);
            col += if c == '\t' { TAB } else { char_width(c) };
        }
        bytes.push(line.len());
        cols.push(col);
        Columns { bytes, cols }
    }

    /// The number of characters.
    fn len(&self) -> usize {
        self.bytes.len() - 1
    }

    fn total(&self) -> usize {
        self.cols[self.len()]
    }

    /// The character at the byte `offset` (the one it falls in), or the line's end.
    fn index(&self, offset: usize) -> usize {
        self.bytes
            .partition_point(|&b| b <= offset)
            .saturating_sub(1)
    }

    /// The first character starting at `column` or after it.
    fn at_or_after(&self, column: usize) -> usize {
        self.cols.partition_point(|&c| c < column)
    }

    /// The last character boundary at `column` or before it.
    fn at_or_before(&self, column: usize) -> usize {
        self.cols
            .partition_point(|&c| c <= column)
            .saturating_sub(1)
    }
}

/// A mark as miette draws it: the characters it must show (`first..last`), the columns its
/// underline takes (`start..end`), and what its message wants right of the underline's middle:
/// all of it (`room`), or at least [`MESSAGE_ROOM`] of it (`least`).
#[derive(Clone, Copy, Debug)]
struct Drawn {
    first: usize,
    last: usize,
    start: usize,
    end: usize,
    room: usize,
    least: usize,
}

impl Drawn {
    fn new(mark: &Mark, line: &str, columns: &Columns) -> Drawn {
        let n = columns.len();
        let first = columns.index(mark.start.min(line.len()));
        let mut last = columns.index(mark.end.min(line.len())).max(first);
        let start = columns.cols[first];
        // miette's underline: one column for an empty label (its `▲`), one past the text for
        // a label that takes the line break.
        let end = if mark.end > line.len() {
            columns.total() + 1
        } else if last == first {
            start + 1
        } else {
            columns.cols[last]
        };
        if last == first {
            // The character under the `▲`.
            last = (first + 1).min(n);
        }
        let (room, least) = match mark.message {
            0 => (0, 0),
            m => (LABEL_LEAD + m, LABEL_LEAD + m.min(MESSAGE_ROOM)),
        };
        Drawn {
            first,
            last,
            start,
            end: end.max(start + 1),
            room,
            least,
        }
    }

    fn middle(&self) -> usize {
        (self.start + self.end) / 2
    }
}

/// The window of `line` that shows every mark in at most `columns` columns, its underline and
/// its message included.
///
/// A line that fits is shown whole. Otherwise the marks are shown with as much of the text
/// around them as fits, half before and half after, and more on one side where the other
/// reaches the line's end; the window starts early enough for every message to stand on one
/// line after its label, or if it cannot, for [`MESSAGE_ROOM`] columns of it (the rest is
/// wrapped by the excerpt). A mark longer than the window is shown from its start, cut.
///
/// Two marks far apart: one window holds both if their text fits in it, since the words
/// between them say how they relate. If not, the line is shown once in pieces, one around each
/// group of marks that fits together, each with its share of the width, joined by `…`: the
/// labels stay under their text on one line with its true number, where showing the line
/// twice (once per label) would number it twice and print the same text twice.
pub(super) fn window(line: &str, marks: &[Mark], columns: usize) -> Window {
    let cols = Columns::new(line);
    let mut drawn: Vec<Drawn> = marks.iter().map(|m| Drawn::new(m, line, &cols)).collect();
    drawn.sort_by_key(|d| (d.start, d.end));
    let total = cols.total();
    let fits = total <= columns
        && drawn
            .iter()
            .all(|d| d.end <= columns && d.middle() + d.least <= columns);
    if fits || drawn.is_empty() {
        return Window::whole(line);
    }
    // Groups of marks that fit together in a piece of `capacity` columns; with more than one
    // group, each has an equal share of the width, less the `…` around and between them.
    let mut count = 1;
    let (groups, capacity) = loop {
        let capacity = columns.saturating_sub(count + 1) / count;
        let groups = group(&drawn, capacity);
        if groups.len() <= count || capacity <= LEAST_PIECE {
            break (groups, capacity);
        }
        count = groups.len();
    };
    if let [only] = groups.as_slice() {
        let range = place_one(&cols, &drawn, *only, columns);
        return Window::of(line, &cols, &[range]);
    }
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for (i, &(first, last)) in groups.iter().enumerate() {
        let before = ranges.last().map_or(0, |&(_, last)| last);
        let after = groups.get(i + 1).map_or(cols.len(), |&(first, _)| first);
        let range = place(&cols, (first, last), capacity, (before, after));
        match ranges.last_mut() {
            // Pieces that meet are one piece: no `…` between them.
            Some(previous) if previous.1 >= range.0 => previous.1 = range.1,
            _ => ranges.push(range),
        }
    }
    Window::of(line, &cols, &ranges)
}

/// The marks in groups whose text fits in `capacity` columns, as character ranges; a mark
/// that starts inside a group joins it, however far it reaches.
fn group(drawn: &[Drawn], capacity: usize) -> Vec<(usize, usize)> {
    let mut groups: Vec<(usize, usize, usize, usize)> = Vec::new();
    for d in drawn {
        match groups.last_mut() {
            Some(g) if d.end.saturating_sub(g.2) <= capacity || d.start < g.3 => {
                g.1 = g.1.max(d.last);
                g.3 = g.3.max(d.end);
            }
            _ => groups.push((d.first, d.last, d.start, d.end)),
        }
    }
    groups.into_iter().map(|(f, l, _, _)| (f, l)).collect()
}

/// The characters shown for the group `first..last` in a piece of at most `capacity` columns
/// between the characters `limits`: the group with its context split evenly around it, or the
/// group's start when it is wider than the piece.
fn place(
    cols: &Columns,
    (first, last): (usize, usize),
    capacity: usize,
    limits: (usize, usize),
) -> (usize, usize) {
    let (lo, hi) = (cols.cols[first], cols.cols[last]);
    if hi - lo >= capacity {
        return (
            first,
            cols.at_or_before(lo + capacity).max(first + 1).min(last),
        );
    }
    let slack = capacity - (hi - lo);
    // (Saturating: no input may make a report panic, however its marks fall.)
    let room_before = lo.saturating_sub(cols.cols[limits.0]);
    let room_after = cols.cols[limits.1].saturating_sub(hi);
    let mut before = (slack / 2).min(room_before);
    let after = (slack - before).min(room_after);
    before = (slack - after).min(room_before);
    (
        cols.at_or_after(lo - before).max(limits.0),
        cols.at_or_before(hi + after).min(limits.1),
    )
}

/// The characters shown for the one group `first..last` of a line in `columns`, the `…` at
/// either side included (see [`window`]).
fn place_one(
    cols: &Columns,
    drawn: &[Drawn],
    (first, last): (usize, usize),
    columns: usize,
) -> (usize, usize) {
    let n = cols.len();
    let lo = cols.cols[first];
    // The underline may take a column past the text (a label on the line break).
    let hi = drawn
        .iter()
        .map(|d| d.end)
        .max()
        .unwrap_or(0)
        .max(cols.cols[last]);
    let inner = columns.saturating_sub(2);
    if hi - lo > inner {
        // Longer than the window: its start, cut where the messages still have their room.
        let room = drawn.iter().map(|d| d.least).max().unwrap_or(0);
        let shown = inner.min(2 * columns.saturating_sub(room + 1));
        let end = cols.at_or_before(lo + shown).max(first + 1).min(n);
        return (first, end);
    }
    let slack = inner - (hi - lo);
    let room_after = cols.total().saturating_sub(hi);
    let half = slack / 2;
    let mut before = if slack - half > room_after {
        slack - room_after
    } else {
        half
    };
    before = before.min(lo);
    // Each message after its label: a window starting `before` columns ahead of the group
    // puts a label's middle at `1 + before + (middle - lo)` (after the `…`).
    let limit = |want: fn(&Drawn) -> usize| {
        drawn
            .iter()
            .filter(|d| want(d) > 0)
            .map(|d| {
                columns as isize - want(d) as isize - 1 - d.middle().saturating_sub(lo) as isize
            })
            .min()
    };
    match (limit(|d| d.room), limit(|d| d.least)) {
        (Some(whole), _) if whole >= 0 => before = before.min(whole as usize),
        (_, Some(least)) => before = before.min(least.max(0) as usize),
        _ => {}
    }
    let start = if before >= lo {
        0
    } else {
        cols.at_or_after(lo - before)
    };
    let lead = usize::from(start > 0);
    let from = cols.cols[start];
    let end = if lead + hi.max(cols.total()) - from <= columns {
        n
    } else {
        cols.at_or_before((from + columns).saturating_sub(lead + 1))
            .max(last)
    };
    (start, end)
}

/// A line without labels shown with one that has: whole when it fits; else cut to the columns
/// the labelled line's window starts at (`from`), so that a table's columns stay under each
/// other, or to its last columns when it ends before.
pub(super) fn context(line: &str, from: usize, columns: usize) -> Window {
    let cols = Columns::new(line);
    let total = cols.total();
    if total <= columns || columns < 2 {
        return Window::whole(line);
    }
    let from = from.min(total - (columns - 1));
    let start = if from == 0 { 0 } else { cols.at_or_after(from) };
    let lead = usize::from(start > 0);
    let begin = cols.cols[start];
    let end = if lead + total - begin <= columns {
        cols.len()
    } else {
        cols.at_or_before(begin + columns - lead - 1)
    };
    Window::of(line, &cols, &[(start, end)])
}

/// The excerpt of a diagnostic's file, as miette reads it (see the module's documentation).
pub(super) struct Excerpt<'a> {
    name: &'a str,
    file: &'a SourceFile,
    /// The shown lines, each its window and a `\n` where the line has a break.
    text: String,
    lines: Vec<Shown>,
    /// The labels, their spans in `text`, their messages wrapped to the room they have.
    labels: Vec<miette::LabeledSpan>,
}

/// A line of an excerpt.
struct Shown {
    /// The line's index in the file, and the group of lines it is shown in: miette shows the
    /// lines of a group as one excerpt, and never reads across two.
    index: usize,
    group: usize,
    /// Where the line starts in the file and in the excerpt's text.
    start: usize,
    at: usize,
    /// The line's length in the file (without its break), and where the next line starts.
    len: usize,
    next: usize,
    window: Window,
    /// Whether a line break ends the line.
    broken: bool,
}

impl Shown {
    /// Where the byte `offset` of the file (on this line) is in the excerpt's text.
    fn at(&self, offset: usize) -> usize {
        let offset = offset.saturating_sub(self.start);
        if offset > self.len && self.window.reaches_end(self.len) {
            // In the line break, shown as one `\n`.
            self.at + self.window.text.len() + usize::from(self.broken)
        } else {
            self.at + self.window.at(offset.min(self.len))
        }
    }

    /// The end of a label from `start` to `end` of the file on this line, in the text.
    fn end(&self, start: usize, end: usize) -> usize {
        let (start, end) = (start - self.start, end - self.start);
        if end > self.len && self.window.reaches_end(self.len) {
            self.at + self.window.text.len() + usize::from(self.broken)
        } else {
            self.at + self.window.end(start, end.min(self.len))
        }
    }

    /// The byte of the file at the byte `at` of the text (on this line).
    fn offset(&self, at: usize) -> usize {
        let at = at - self.at;
        if at > self.window.text.len() {
            self.next
        } else {
            self.start + self.window.line_offset(at)
        }
    }

    /// The byte after the line's break in the text.
    fn after(&self) -> usize {
        self.at + self.window.text.len() + usize::from(self.broken)
    }
}

/// A label as the excerpt draws it: its place and its words, in the language shown.
#[derive(Debug, Clone, Copy)]
pub(super) struct Marked<'a> {
    pub(super) span: Span,
    pub(super) message: &'a str,
}

impl<'a> Excerpt<'a> {
    /// The excerpt of `file` for `labels` (all in it; the flag marks the primary one), with
    /// [`CONTEXT`] lines around them (none for a sheet, whose row is shown alone).
    pub(super) fn new(name: &'a str, file: &'a SourceFile, labels: &[(Marked<'_>, bool)]) -> Self {
        let text = file.shown();
        let starts = file.line_starts();
        let last = starts.len() - 1;
        let line_end = |i: usize| match starts.get(i + 1) {
            Some(&next) if text.get(..next).is_some_and(|t| t.ends_with("\r\n")) => next - 2,
            Some(&next) => next - 1,
            None => text.len(),
        };
        let line_of = |offset: usize| file.line_index(offset).min(last);
        // Each label's offsets and lines, in the file.
        let places: Vec<(usize, usize, usize, usize)> = labels
            .iter()
            .map(|(label, _)| {
                let start = (label.span.start as usize).min(text.len());
                let end = (label.span.end as usize).clamp(start, text.len());
                let first = line_of(start);
                let last = if end > start { line_of(end - 1) } else { first };
                (start, end, first, last.max(first))
            })
            .collect();
        let sheet = file.sheet_places().is_some();
        let around = if sheet { 0 } else { CONTEXT };

        // The groups of lines miette shows as one excerpt each. It reads each label's lines,
        // in the order of the labels, and joins the next to the excerpt so far when the first
        // line of the next is at most `line + line_count` of the one so far, where, as miette
        // reads a text, `line_count` counts the lines from the top of the file: the same rule
        // here, with the same counts `read_span` gives.
        let count = |i: usize| i + usize::from(i < last);
        let mut order: Vec<usize> = (0..places.len()).collect();
        order.sort_by_key(|&i| places[i].0);
        let mut groups: Vec<(usize, usize)> = Vec::new();
        for &i in &order {
            let (start, end, first, end_line) = places[i];
            // miette reads a span that ends in a line break as ending on the next line.
            let reach = if end > start && text.as_bytes().get(end - 1) == Some(&b'\n') {
                line_of(end)
            } else {
                end_line
            };
            let (lo, hi) = (first.saturating_sub(around), (reach + around).min(last));
            match groups.last_mut() {
                Some(g) if g.0 + count(g.1) >= lo => g.1 = g.1.max(hi),
                _ => groups.push((lo, hi)),
            }
        }

        // The columns a line's text has: the report's width less the gutter (` 336 │ `) and
        // the bars of labels that go over several lines.
        let number = groups.last().map_or(1, |g| file.line_number(g.1));
        let spanning = places.iter().filter(|p| p.3 > p.2).count();
        let gutter = number.to_string().len() + 4 + if spanning > 0 { spanning + 3 } else { 0 };
        let columns = WIDTH.saturating_sub(gutter).max(LEAST_PIECE * 2);

        // The marks on each line.
        let mut marks: std::collections::BTreeMap<usize, Vec<Mark>> = Default::default();
        for ((label, _), &(start, end, first, end_line)) in labels.iter().zip(&places) {
            let line_start = starts[first];
            if end_line == first {
                marks.entry(first).or_default().push(Mark {
                    start: start - line_start,
                    end: end - line_start,
                    message: width(label.message),
                });
            } else {
                // A label over several lines is drawn in the gutter from its start to its end,
                // its message after its end: each shows where it is.
                let at = start - line_start;
                marks.entry(first).or_default().push(Mark {
                    start: at,
                    end: at,
                    message: 0,
                });
                let at = end.min(line_end(end_line)) - starts[end_line];
                marks.entry(end_line).or_default().push(Mark {
                    start: at,
                    end: at,
                    message: 0,
                });
            }
        }

        let mut shown = String::new();
        let mut lines = Vec::new();
        for (group, &(lo, hi)) in groups.iter().enumerate() {
            let line = |i: usize| text.get(starts[i]..line_end(i)).unwrap_or("");
            let windows: Vec<Option<Window>> = (lo..=hi)
                .map(|i| marks.get(&i).map(|m| window(line(i), m, columns)))
                .collect();
            for (k, i) in (lo..=hi).enumerate() {
                let window = match &windows[k] {
                    Some(window) => window.clone(),
                    None => {
                        // Cut as the nearest labelled line is, the one above on a tie.
                        let nearest = (1..=hi - lo).find_map(|d| {
                            let labelled = |j: &usize| windows.get(*j).is_some_and(Option::is_some);
                            k.checked_sub(d)
                                .filter(labelled)
                                .or(Some(k + d).filter(labelled))
                        });
                        let from = nearest
                            .and_then(|j| windows[j].as_ref().map(|w| w.first_column(line(lo + j))))
                            .unwrap_or(0);
                        context(line(i), from, columns)
                    }
                };
                let broken = i < last;
                let at = shown.len();
                shown.push_str(&window.text);
                if broken {
                    shown.push('\n');
                }
                lines.push(Shown {
                    index: i,
                    group,
                    start: starts[i],
                    at,
                    len: line_end(i) - starts[i],
                    next: starts.get(i + 1).copied().unwrap_or(text.len()),
                    window,
                    broken,
                });
            }
        }

        let mut excerpt = Excerpt {
            name,
            file,
            text: shown,
            lines,
            labels: Vec::new(),
        };
        excerpt.labels = excerpt.place_labels(labels, &places, columns);
        excerpt
    }

    /// The shown line of the file's line `index`.
    fn shown(&self, index: usize) -> Option<&Shown> {
        let k = self.lines.partition_point(|l| l.index < index);
        self.lines.get(k).filter(|l| l.index == index)
    }

    /// The shown line that holds the byte `at` of the text.
    fn line_at(&self, at: usize) -> usize {
        self.lines.partition_point(|l| l.at <= at).saturating_sub(1)
    }

    /// The labels as miette takes them: spans in the excerpt's text, each message wrapped to
    /// the columns right of where miette will draw it.
    fn place_labels(
        &self,
        labels: &[(Marked<'_>, bool)],
        places: &[(usize, usize, usize, usize)],
        columns: usize,
    ) -> Vec<miette::LabeledSpan> {
        let spans: Vec<(usize, usize)> = places
            .iter()
            .map(|&(start, end, first, last)| {
                let (Some(a), Some(b)) = (self.shown(first), self.shown(last)) else {
                    return (0, 0);
                };
                let at = a.at(start);
                let to = if first == last {
                    a.end(start, end)
                } else {
                    b.at(end)
                };
                (at, to.max(at))
            })
            .collect();
        // Where miette draws each label of a line: from its start (past the labels before it
        // on the line), its message at the middle of its underline.
        let mut middles = vec![None; spans.len()];
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_by_key(|&i| spans[i].0);
        let mut line = usize::MAX;
        let mut highest = 0;
        for &i in &order {
            let (first, last) = (places[i].2, places[i].3);
            if first != last {
                continue;
            }
            let Some(shown) = self.shown(first) else {
                continue;
            };
            if line != first {
                (line, highest) = (first, 0);
            }
            let text = &shown.window.text;
            let column = |at: usize| {
                text.get(..at - shown.at)
                    .map_or(columns_of(text) + 1, columns_of)
            };
            let (at, to) = spans[i];
            let start = column(at).max(highest);
            let end = if to == at {
                start + 1
            } else {
                column(to).max(start + 1)
            };
            highest = highest.max(end);
            middles[i] = Some((start + end) / 2);
        }
        labels
            .iter()
            .zip(spans)
            .zip(middles)
            .map(|(((label, primary), (at, to)), middle)| {
                let message = (!label.message.is_empty()).then(|| {
                    // A message over several lines is written after the gutter.
                    let room = match middle {
                        Some(middle) => columns.saturating_sub(middle + LABEL_LEAD),
                        None => columns.saturating_sub(2),
                    };
                    if width(label.message) <= room {
                        label.message.to_owned()
                    } else {
                        wrap(label.message, room.max(LEAST_PIECE)).join("\n")
                    }
                });
                let span = (at, to - at);
                if *primary {
                    miette::LabeledSpan::new_primary_with_span(message, span)
                } else {
                    miette::LabeledSpan::new_with_span(message, span)
                }
            })
            .collect()
    }

    /// The labels, placed in the excerpt's text.
    pub(super) fn labels(&self) -> &[miette::LabeledSpan] {
        &self.labels
    }
}

impl miette::SourceCode for Excerpt<'_> {
    fn read_span<'b>(
        &'b self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'b> + 'b>, miette::MietteError> {
        let start = span.offset().min(self.text.len());
        let end = (span.offset() + span.len()).min(self.text.len());
        let first = self.line_at(start);
        // As miette reads a text: a span that ends in a line break ends on the next line.
        let last = if end > start && self.text.as_bytes().get(end - 1) == Some(&b'\n') {
            self.line_at(end)
        } else {
            self.line_at(end.saturating_sub(1).max(start))
        };
        let Some(group) = self.lines.get(first).map(|l| l.group) else {
            return Err(miette::MietteError::OutOfBounds);
        };
        if self.lines.get(last).is_none_or(|l| l.group != group) {
            // The lines between two groups are not in the excerpt: miette shows them apart.
            return Err(miette::MietteError::OutOfBounds);
        }
        let mut lo = first;
        while lo > 0 && first - lo < context_lines_before && self.lines[lo - 1].group == group {
            lo -= 1;
        }
        let mut hi = last;
        while hi + 1 < self.lines.len()
            && hi - last < context_lines_after
            && self.lines[hi + 1].group == group
        {
            hi += 1;
        }
        // Read with no context, the contents start at the span, as miette's own reading does.
        let from = if context_lines_before == 0 {
            start
        } else {
            self.lines[lo].at
        };
        let to = self.lines[hi].after();
        let data = self.text.get(from..to).unwrap_or("").as_bytes();
        let line = &self.lines[lo];
        // Read with no context, the contents head the report: the line and column of the
        // span's start in the file. With context, they start at the top line's start.
        let (number, column) = if context_lines_before == 0 {
            self.file.line_col(line.offset(from))
        } else {
            (self.file.line_number(line.index), 1)
        };
        let bottom = &self.lines[hi];
        // miette counts lines from the top of the text (see `Excerpt::new`); a sheet's row is
        // shown alone.
        let line_count = if self.file.sheet_places().is_some() {
            1
        } else {
            bottom.index + usize::from(bottom.broken)
        };
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.to_owned(),
            data,
            miette::SourceSpan::new(from.into(), data.len()),
            number.saturating_sub(1),
            column.saturating_sub(1),
            line_count,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::{context, window, Mark, Window};
    use crate::width::width;

    /// The text of `line` from `start` to `end` (bytes) as `window` shows it.
    fn shown(window: &Window, start: usize, end: usize) -> &str {
        &window.text[window.at(start)..window.end(start, end)]
    }

    fn mark(line: &str, text: &str, message: &str) -> Mark {
        let start = line.find(text).unwrap();
        Mark {
            start,
            end: start + text.len(),
            message: width(message),
        }
    }

    #[test]
    fn a_short_line_is_shown_whole() {
        let line = "本年收入合计 {收入.合计 = 1149.45} 万元。";
        let m = mark(line, "1149.45", "computed from this");
        let w = window(line, &[m], 90);
        assert_eq!(w.text, line);
        assert_eq!(shown(&w, m.start, m.end), "1149.45");
    }

    #[test]
    fn a_long_chinese_line_is_cut_on_both_sides_around_its_label() {
        let line = format!(
            "{}实际参保总人数 {{城居保.实际 = 34272人}}，占目标任务的 165%；{}",
            "该经费主要用于保障各乡办及时准确处理城居保相关业务。".repeat(6),
            "今年新增参保人数 791 人，现已缴保费人数为 9817 人。".repeat(6)
        );
        let m = mark(&line, "34272人", "cut off instead of rounded");
        let w = window(&line, &[m], 90);
        assert!(
            w.text.starts_with('…') && w.text.ends_with('…'),
            "{}",
            w.text
        );
        assert!(width(&w.text) <= 90, "{}", w.text);
        assert_eq!(shown(&w, m.start, m.end), "34272人");
        // Context on both sides, and the message has room after the label's middle.
        let before = width(&w.text[..w.at(m.start)]);
        assert!(before > 20, "{}", w.text);
        assert!(before + 4 + 4 + width("cut off instead of rounded") <= 90);
    }

    #[test]
    fn a_label_at_either_end_of_a_long_line() {
        let line = "一二三四五六七八九十".repeat(20);
        let start = Mark {
            start: 0,
            end: "一二三".len(),
            message: 5,
        };
        let w = window(&line, &[start], 60);
        assert!(!w.text.starts_with('…') && w.text.ends_with('…'));
        assert_eq!(shown(&w, start.start, start.end), "一二三");
        assert!(width(&w.text) <= 60);

        let end = Mark {
            start: line.len() - "八九十".len(),
            end: line.len(),
            message: 5,
        };
        let w = window(&line, &[end], 60);
        assert!(
            w.text.starts_with('…') && !w.text.ends_with('…'),
            "{}",
            w.text
        );
        assert_eq!(shown(&w, end.start, end.end), "八九十");
        assert!(width(&w.text) <= 60);
        // An empty label at the end of the line: its `▲` stands one column past the text.
        let arrow = Mark {
            start: line.len(),
            end: line.len(),
            message: 0,
        };
        let w = window(&line, &[arrow], 60);
        assert_eq!(w.at(line.len()), w.text.len());
        assert!(width(&w.text) < 60);
    }

    #[test]
    fn a_label_longer_than_the_window_shows_its_start() {
        let line = format!("前文。{}后文。", "一二三四五六七八九十".repeat(20));
        let m = Mark {
            start: "前文。".len(),
            end: line.len() - "后文。".len(),
            message: 10,
        };
        let w = window(&line, &[m], 60);
        assert!(w.text.starts_with("…一二三四五"), "{}", w.text);
        assert!(w.text.ends_with('…'));
        assert!(width(&w.text) <= 60);
        let underlined = shown(&w, m.start, m.end);
        assert!(underlined.starts_with("一二三") && w.text.ends_with(&format!("{underlined}…")));
    }

    #[test]
    fn two_labels_far_apart_are_shown_in_two_pieces() {
        let line = format!(
            "甲 {{a = 1}}{}乙 {{b = 2}}{}",
            "中间的文字，".repeat(30),
            "后面的文字。".repeat(10)
        );
        let a = mark(&line, "a = 1", "first here");
        let b = mark(&line, "b = 2", "again here");
        let w = window(&line, &[a, b], 90);
        assert!(width(&w.text) <= 90, "{}", w.text);
        assert_eq!(shown(&w, a.start, a.end), "a = 1");
        assert_eq!(shown(&w, b.start, b.end), "b = 2");
        assert_eq!(w.text.matches('…').count(), 2, "{}", w.text);

        // Near enough, one window holds both.
        let line = format!(
            "{}甲 {{a = 1}}，乙 {{b = 2}}{}",
            "前".repeat(80),
            "后".repeat(80)
        );
        let a = mark(&line, "a = 1", "first here");
        let b = mark(&line, "b = 2", "again here");
        let w = window(&line, &[a, b], 90);
        assert!(w.text.contains("{a = 1}，乙 {b = 2}"), "{}", w.text);
    }

    #[test]
    fn a_context_line_is_cut_at_the_columns_of_the_labelled_line() {
        let line = "一二三四五六七八九十".repeat(10);
        assert_eq!(context("短", 50, 40).text, "短");
        let w = context(&line, 20, 40);
        assert!(w.text.starts_with("…一二三四五"), "{}", w.text);
        assert!(width(&w.text) <= 40);
        // A line that ends before the window starts shows its end.
        let w = context(&line, 500, 40);
        assert!(
            w.text.starts_with('…') && w.text.ends_with("八九十"),
            "{}",
            w.text
        );
        assert!(width(&w.text) <= 40);
    }

    /// A report through miette: the header and gutter give the true line and column, every
    /// line fits, and a label over several long lines is drawn from its start to its end.
    #[test]
    fn miette_shows_the_true_places_of_windowed_lines() {
        use crate::diagnostics::{render, Code, Diagnostic, Label};
        use crate::i18n::Message;
        use crate::source::{Sources, Span};
        let long = "前文很长的一句话，".repeat(20);
        let text = format!("第一行\n{long}{{甲 = 1}}{long}\n{long}\n末行{long}\n");
        let mut sources = Sources::new();
        let id = sources.add("长行.jues", text.clone());
        let at = text.find("甲 = 1").unwrap();
        let primary = Label::new(
            Span::new(id, at..at + "甲 = 1".len()),
            Message::verbatim("here"),
        );
        let mut diagnostic =
            Diagnostic::new(Code::DuplicateRow, Message::verbatim("a message"), primary);
        let from = text.find("末行").unwrap();
        let over = Span::new(id, text.find(&long).unwrap()..from + "末行".len());
        diagnostic
            .secondary
            .push(Label::new(over, Message::verbatim("over three lines")));
        let report = render::human(&sources, &diagnostic, false, crate::i18n::Lang::En);
        let column = text[text.find(&long).unwrap()..at].chars().count() + 1;
        assert!(
            report.contains(&format!("╭─[长行.jues:2:{column}]")),
            "{report}"
        );
        for line in report.lines() {
            assert!(width(line) <= 100, "{line}\n{report}");
        }
        for number in 1..=4 {
            assert!(
                report.contains(&format!(" {number} │ ")),
                "{number}\n{report}"
            );
        }
        assert!(report.contains("{甲 = 1}"), "{report}");
        assert!(report.contains("over three lines"), "{report}");
        assert!(report.contains("╭─▶") && report.contains("├─▶"), "{report}");
    }

    /// On lines that fit, miette reads from the excerpt what it reads from the whole text: the
    /// same lines, numbered alike and counted alike (so it joins excerpts as before), though
    /// the excerpt holds only the lines around the label.
    #[test]
    fn miette_reads_short_lines_as_from_the_whole_text() {
        use super::Marked;
        use super::{Excerpt, CONTEXT};
        use crate::source::{SourceFile, Span};
        use miette::SourceCode;
        let report = include_str!("../../../examples/lusong-hrss-2019/report.jues");
        let text: String = report
            .lines()
            .filter(|l| width(l) <= 60)
            .map(|l| format!("{l}\n"))
            .collect();
        let file = SourceFile::new("report.jues", text.as_str());
        let mut checked = 0;
        for offset in (0..=text.len()).step_by(37) {
            for len in [0, 1, 3, 40, 400] {
                let end = (offset + len).min(text.len());
                if !text.is_char_boundary(offset) || !text.is_char_boundary(end) {
                    continue;
                }
                let span = Span::new(crate::source::FileId(0), offset..end);
                let label = Marked { span, message: "" };
                let excerpt = Excerpt::new("report.jues", &file, &[(label, true)]);
                let inner = *excerpt.labels()[0].inner();
                for context in 0..=CONTEXT {
                    let whole_span = miette::SourceSpan::new(offset.into(), end - offset);
                    let whole = text.read_span(&whole_span, context, context).unwrap();
                    let shown = excerpt.read_span(&inner, context, context).unwrap();
                    let at = format!("{offset}+{len}, context {context}");
                    if context > 0 {
                        assert_eq!(whole.data(), shown.data(), "{at}");
                    }
                    assert_eq!(whole.line(), shown.line(), "{at}");
                    if context > 0 {
                        assert_eq!(whole.line_count(), shown.line_count(), "{at}");
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 500, "{checked}");
    }
}
