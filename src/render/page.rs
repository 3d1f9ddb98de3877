//! Render stage: the printed page and how a table is fitted to it.
//!
//! The page is A4, portrait or landscape, with the margins of government documents. A table's
//! columns get widths from their content ([`fit`]): no column narrower than its widest amount
//! (an amount is never broken), its widest unbreakable piece of text ([`pieces`]) or the first
//! four characters of any of its texts, the room left shared by how much each column's text
//! would take on one line; if the columns do not fit
//! at the body size, smaller type is tried, then a landscape page ([`TRIES`]). What cannot fit
//! even then is [`TooWide`] (J0310). The rule is measured by a function, so the PDF backend
//! fits with its font's widths and the checker ([`check`], run by every compilation) with
//! [`estimate`], widths no usual CJK font exceeds: a table the checker passes fits the PDF.

use crate::diagnostics::{Code, Diagnostic, Label};
use crate::doc::{Block, Document, Table};
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::render::breaks::pieces;
use crate::source::Span;

/// The page margins (top, right, bottom, left) in mm, as in government documents.
pub const MARGINS: (f32, f32, f32, f32) = (30.0, 26.0, 20.0, 28.0);
/// The footer (the page number) and the space above it, in mm.
pub const FOOTER: f32 = 10.0;
pub const ABOVE_FOOTER: f32 = 5.0;
/// Space between a table cell's frame and its text, in mm.
pub const PAD_X: f32 = 1.2;
pub const PAD_Y: f32 = 0.8;
/// Millimetres in a point.
const MM_PER_POINT: f32 = 25.4 / 72.0;
/// Room kept in a column beyond what its text measures, for rounding in the measurements.
const SLACK: f32 = 0.1;
/// A column is not made narrower than this many characters of any text in it (a header, a
/// name, a note), or the whole text if shorter.
const NARROWEST_TEXT: usize = 4;

/// How a page is turned.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Orientation {
    #[default]
    Portrait,
    Landscape,
}

impl Orientation {
    /// The paper's width and height in mm (A4).
    pub fn paper(self) -> (f32, f32) {
        match self {
            Orientation::Portrait => (210.0, 297.0),
            Orientation::Landscape => (297.0, 210.0),
        }
    }

    /// The width of the text between the margins, in mm.
    pub fn text_width(self) -> f32 {
        self.paper().0 - MARGINS.1 - MARGINS.3
    }

    /// The height of the text area: the paper less the margins and the footer, in mm.
    pub fn body_height(self) -> f32 {
        self.paper().1 - MARGINS.0 - MARGINS.2 - FOOTER - ABOVE_FOOTER
    }
}

/// The body size of table cells, in points.
pub const TABLE_SIZE: u8 = 10;

/// What a table is tried in, in order: the body size, smaller type, then a landscape page.
pub const TRIES: [(Orientation, u8); 7] = [
    (Orientation::Portrait, TABLE_SIZE),
    (Orientation::Portrait, 9),
    (Orientation::Portrait, 8),
    (Orientation::Landscape, TABLE_SIZE),
    (Orientation::Landscape, 9),
    (Orientation::Landscape, 8),
    (Orientation::Landscape, 7),
];

/// How a table is set: on which page, in which size, with which column widths (in mm, the
/// padding included; they fill the text width).
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub orientation: Orientation,
    pub size: u8,
    pub widths: Vec<f32>,
}

/// A table whose columns do not fit a landscape page even in the smallest type.
#[derive(Debug, Clone, PartialEq)]
pub struct TooWide {
    /// Where the table's name is written.
    pub span: Span,
    pub heading: String,
    pub columns: usize,
    /// The width its columns need at least, in the smallest type, in mm.
    pub needed: f32,
    /// The width of a landscape page's text, in mm.
    pub available: f32,
    /// The smallest size tried, in points.
    pub size: u8,
}

impl TooWide {
    /// The table as a diagnostic (J0310).
    pub fn to_diagnostic(&self) -> Diagnostic {
        Diagnostic::new(
            Code::TableTooWide,
            self.words(),
            Label::new(self.span, msg!("J0310-too-wide.label")),
        )
        .with_help(msg!("J0310-too-wide.help"))
    }

    /// What J0310 says, without the place: the message, then the code (`… (J0310)`), as the
    /// PDF backend reports a table it cannot set.
    pub fn message(&self) -> Message {
        msg!(
            "pdf-too-wide",
            message = self.words(),
            code = Code::TableTooWide.id()
        )
    }

    /// The message of J0310.
    fn words(&self) -> Message {
        msg!(
            "J0310-too-wide",
            table = &self.heading,
            columns = self.columns,
            needed = format!("{:.0}", self.needed),
            size = self.size.to_string(),
            available = format!("{:.0}", self.available),
        )
    }
}

/// The English words, for logs.
impl std::fmt::Display for TooWide {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().text(Lang::En))
    }
}

/// How to set `table`: the first of [`TRIES`] in which its columns fit. `measure` gives the
/// width of a text in mm at one point (the font's widths, or [`estimate`]).
pub fn fit(table: &Table, measure: &dyn Fn(&str) -> f32) -> Result<Plan, TooWide> {
    let columns = table.columns();
    let widest = |text: &str| text.split('\n').map(measure).fold(0.0, f32::max);
    // For each column, at one point: the least width (nothing may break) and the width of its
    // longest line.
    let mut least = vec![0.0f32; columns];
    let mut whole = vec![0.0f32; columns];
    let mut widest_piece: rustc_hash::FxHashMap<&str, f32> = rustc_hash::FxHashMap::default();
    let header = table.header.iter().map(|h| (h, true));
    for (c, (text, is_header)) in header.enumerate().chain(
        table
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().enumerate().map(|(c, t)| (c, (t, false)))),
    ) {
        let (Some(least), Some(whole)) = (least.get_mut(c), whole.get_mut(c)) else {
            continue;
        };
        let numeric = table.numeric.get(c).copied().unwrap_or(false);
        let line = widest(text);
        let unbroken = if numeric && !is_header {
            line
        } else {
            let lead: String = text.chars().take(NARROWEST_TEXT).collect();
            let lead = measure(&lead);
            if line <= lead && !text.contains('\n') {
                // No piece is wider than the whole line.
                line
            } else {
                // Texts repeat (the same reason on many rows): their pieces are found once.
                let piece = *widest_piece
                    .entry(text.as_str())
                    .or_insert_with(|| pieces(text).iter().map(|p| measure(p)).fold(0.0, f32::max));
                piece.max(lead)
            }
        };
        *least = least.max(unbroken);
        *whole = whole.max(line);
    }
    let pad = 2.0 * PAD_X + SLACK;
    let mut needed = 0.0;
    let mut last = (Orientation::Landscape, TABLE_SIZE);
    for (orientation, size) in TRIES {
        last = (orientation, size);
        let scale = f32::from(size);
        let mins: Vec<f32> = least.iter().map(|w| w * scale + pad).collect();
        let maxs: Vec<f32> = whole.iter().map(|w| w * scale + pad).collect();
        let room = orientation.text_width();
        needed = mins.iter().sum::<f32>();
        if needed > room {
            continue;
        }
        let full: f32 = maxs.iter().sum();
        let widths = if full <= room {
            // Every line fits whole: the room left is shared as the columns are wide.
            maxs.iter()
                .map(|w| w * room / full.max(f32::MIN_POSITIVE))
                .collect()
        } else {
            // The room beyond the least widths goes to the columns whose text would wrap, as
            // much as each would take more.
            let spare = room - needed;
            let wants: f32 = maxs.iter().zip(&mins).map(|(a, b)| a - b).sum();
            mins.iter()
                .zip(&maxs)
                .map(|(min, max)| min + spare * (max - min) / wants.max(f32::MIN_POSITIVE))
                .collect()
        };
        return Ok(Plan {
            orientation,
            size,
            widths,
        });
    }
    Err(TooWide {
        span: table.span,
        heading: table.heading(),
        columns,
        needed,
        available: last.0.text_width(),
        size: last.1,
    })
}

/// The width of `text` in mm at one point, without a font: a Latin letter, digit or sign half
/// a Chinese character and a little more (0.6 of the type size: CJK fonts give their digits
/// 0.5 to 0.6), anything else a whole one.
pub fn estimate(text: &str) -> f32 {
    let ems: f32 = text
        .chars()
        .map(|c| if c.is_ascii() { 0.6 } else { 1.0 })
        .sum();
    ems * MM_PER_POINT
}

/// The tables of `document` that cannot be printed, measured with [`estimate`].
pub fn check(document: &Document) -> Vec<TooWide> {
    document
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Table(table) if table.empty_note().is_none() => fit(table, &estimate).err(),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{RowKind, TableRow};

    fn table(columns: usize, amount: &str) -> Table {
        let mut header = vec!["科目编码".to_owned(), "科目名称".to_owned()];
        header.extend((0..columns).map(|i| format!("附属单位上缴收入{i}")));
        let mut cells = vec!["2080109".to_owned(), "社会保险经办机构".to_owned()];
        cells.extend((0..columns).map(|_| amount.to_owned()));
        let mut numeric = vec![false, false];
        numeric.extend((0..columns).map(|_| true));
        Table {
            name: "t".to_owned(),
            title: "表".to_owned(),
            number: None,
            unit: "万元".to_owned(),
            header,
            keys: 2,
            note: None,
            numeric,
            formulas: Vec::new(),
            rows: vec![TableRow {
                kind: RowKind::Item,
                cells,
                span: Span::default(),
                cell_spans: Vec::new(),
                exact: Vec::new(),
                intervals: Vec::new(),
            }],
            span: Span::default(),
        }
    }

    #[test]
    fn wide_tables_take_smaller_type_then_a_landscape_page() {
        let plan = fit(&table(3, "1.00"), &estimate).unwrap();
        assert_eq!((plan.orientation, plan.size), (Orientation::Portrait, 10));
        let total: f32 = plan.widths.iter().sum();
        assert!((total - Orientation::Portrait.text_width()).abs() < 0.01);
        let plan = fit(&table(7, "12345.67"), &estimate).unwrap();
        assert_eq!(plan.orientation, Orientation::Portrait, "{plan:?}");
        let plan = fit(&table(12, "12345.67"), &estimate).unwrap();
        assert_eq!(plan.orientation, Orientation::Landscape, "{plan:?}");
        // No amount column is narrower than its amount.
        let amount = estimate("12345.67") * f32::from(plan.size);
        assert!(plan.widths[2..].iter().all(|w| *w >= amount + 2.0 * PAD_X));
        let too_wide = fit(&table(40, "12345.67"), &estimate).unwrap_err();
        assert_eq!(too_wide.columns, 42);
        assert!(too_wide.needed > too_wide.available);
    }
}
