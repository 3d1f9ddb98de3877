//! Render stage (PDF): a table laid out by jues, row by row, as a genpdfi element.
//!
//! genpdfi's `TableLayout` splits a row wherever the page ends (a row of which no line fits
//! still draws its frame: a sliver of an empty row at the foot of the page) and never repeats
//! the header. [`TableElement`] measures every row first (cells are wrapped with [`pieces`]),
//! moves a row that does not fit to the next page whole, repeats the header row at the top of
//! every page the table continues on, and keeps the table's heading and caption with its first
//! rows. Only a row taller than a whole page is split, line by line.

use super::{length, page_body, pieces};
use crate::render::page::{Orientation, Plan, PAD_X, PAD_Y};
use genpdfi::error::{Error, ErrorKind};
use genpdfi::fonts::FontCache;
use genpdfi::render::Area;
use genpdfi::style::{LineStyle, Style};
use genpdfi::{Alignment, Context, Element, Mm, Position, RenderResult, Size};

/// One cell: its text, style and alignment.
pub(crate) struct Cell {
    pub text: String,
    pub style: Style,
    pub align: Alignment,
}

/// A cell as laid out: its lines with their widths.
struct Lines {
    lines: Vec<(String, Mm)>,
    style: Style,
    align: Alignment,
}

/// A row as laid out: the lines of each cell, and whether it is framed (the heading and the
/// caption above the table are not).
struct Row {
    cells: Vec<Lines>,
    line_height: Mm,
    framed: bool,
}

impl Row {
    fn lines(&self) -> usize {
        self.cells.iter().map(|c| c.lines.len()).max().unwrap_or(0)
    }

    /// The height of lines `from..` with the padding.
    fn height(&self, from: usize) -> Mm {
        self.line_height * (self.lines().saturating_sub(from) as f32) + mm(2.0 * PAD_Y)
    }
}

/// A table with a heading and a caption, laid out across pages.
pub(crate) struct TableElement {
    heading: Option<Cell>,
    caption: Option<Cell>,
    /// The column widths in mm ([`crate::render::page::fit`]).
    widths: Vec<f32>,
    /// The orientation of the pages the table is on.
    orientation: Orientation,
    header: Vec<Cell>,
    rows: Vec<Vec<Cell>>,
    /// The line spacing in framed cells (else the document's).
    cell_spacing: Option<f32>,
    laid: Option<Laid>,
    /// The next row to draw (0 is the heading, 1 the caption, 2 the header row, then the rows).
    next: usize,
    /// Lines of row `next` already drawn (a row taller than a page).
    line: usize,
}

struct Laid {
    rows: Vec<Row>,
    widths: Vec<Mm>,
}

impl TableElement {
    pub(crate) fn new(
        heading: Option<Cell>,
        caption: Option<Cell>,
        plan: &Plan,
        header: Vec<Cell>,
        rows: Vec<Vec<Cell>>,
    ) -> TableElement {
        TableElement {
            heading,
            caption,
            widths: plan.widths.clone(),
            orientation: plan.orientation,
            header,
            rows,
            cell_spacing: None,
            laid: None,
            next: 0,
            line: 0,
        }
    }

    /// Sets the line spacing in framed cells.
    pub(crate) fn with_cell_spacing(mut self, spacing: f32) -> TableElement {
        self.cell_spacing = Some(spacing);
        self
    }

    fn lay_out(&self, cache: &FontCache, base: Style, width: Mm) -> Laid {
        // The planned widths fill the page's text width; were the area narrower, they shrink
        // with it.
        let total: f32 = self.widths.iter().sum();
        let shrink = if total > length(width) && total > 0.0 {
            length(width) / total
        } else {
            1.0
        };
        let widths: Vec<Mm> = self.widths.iter().map(|w| mm(w * shrink)).collect();
        let row = |cells: &[Cell], widths: &[Mm], framed: bool| {
            let mut line_height = Mm::from(0.0);
            let cells = cells
                .iter()
                .zip(widths)
                .map(|(cell, w)| {
                    let mut style = base.and(cell.style);
                    if let Some(spacing) = self.cell_spacing.filter(|_| framed) {
                        style.set_line_spacing(spacing);
                    }
                    line_height = line_height.max(style.line_height(cache));
                    let inner = *w - mm(2.0 * PAD_X);
                    Lines {
                        lines: wrap(&cell.text, style, inner, cache),
                        style,
                        align: cell.align,
                    }
                })
                .collect();
            Row {
                cells,
                line_height,
                framed,
            }
        };
        let mut rows = Vec::with_capacity(self.rows.len() + 3);
        for extra in [&self.heading, &self.caption] {
            rows.push(match extra {
                Some(cell) => row(std::slice::from_ref(cell), &[width], false),
                None => Row {
                    cells: Vec::new(),
                    line_height: Mm::from(0.0),
                    framed: false,
                },
            });
        }
        rows.push(row(&self.header, &widths, true));
        for r in &self.rows {
            rows.push(row(r, &widths, true));
        }
        Laid { rows, widths }
    }
}

/// `x` mm.
fn mm(x: f32) -> Mm {
    Mm::from(x)
}

/// The lines of `text` in `width`: pieces fill a line while they fit; a piece wider than the
/// line is cut by characters.
fn wrap(text: &str, style: Style, width: Mm, cache: &FontCache) -> Vec<(String, Mm)> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = mm(0.0);
    let mut end_line = |line: &mut String, used: &mut Mm| {
        let text = std::mem::take(line).trim_end().to_owned();
        let w = style.str_width(cache, &text);
        lines.push((text, w));
        *used = mm(0.0);
    };
    for paragraph in text.split('\n') {
        for piece in pieces(paragraph) {
            let w = style.str_width(cache, &piece);
            if used + w <= width || line.is_empty() && w <= width {
                line.push_str(&piece);
                used += w;
            } else if w <= width {
                end_line(&mut line, &mut used);
                line.push_str(&piece);
                used = w;
            } else {
                for c in piece.chars() {
                    let cw = style.char_width(cache, c);
                    if used + cw > width && !line.is_empty() {
                        end_line(&mut line, &mut used);
                    }
                    line.push(c);
                    used += cw;
                }
            }
        }
        end_line(&mut line, &mut used);
    }
    lines
}

/// Draws lines `from..from + count` of `row` at the top of `area`, framed if the row is.
fn draw(
    row: &Row,
    widths: &[Mm],
    from: usize,
    count: usize,
    area: &Area<'_>,
    cache: &FontCache,
) -> Result<Mm, Error> {
    let height = row.line_height * (count as f32) + mm(2.0 * PAD_Y);
    let full = area.size().width;
    let widths: &[Mm] = if row.framed { widths } else { &[full] };
    let mut x = mm(0.0);
    for (cell, w) in row.cells.iter().zip(widths) {
        for (i, (text, tw)) in cell.lines.iter().skip(from).take(count).enumerate() {
            let left = match cell.align {
                Alignment::Left => mm(PAD_X),
                Alignment::Right => *w - mm(PAD_X) - *tw,
                Alignment::Center => (*w - *tw) / 2.0,
            };
            let y = mm(PAD_Y) + row.line_height * (i as f32);
            area.print_str(cache, Position::new(x + left, y), cell.style, text)?;
        }
        x += *w;
    }
    if row.framed {
        let line = LineStyle::new();
        let half = line.thickness() / 2.0;
        // The line above; the line below is the next row's, or closes the table ([`close`]).
        area.draw_line(
            vec![Position::new(0, half), Position::new(full, half)],
            line,
        );
        let mut x = mm(0.0);
        for w in std::iter::once(mm(0.0)).chain(widths.iter().copied()) {
            x += w;
            let x = if x >= full { full - half } else { x.max(half) };
            area.draw_line(vec![Position::new(x, 0), Position::new(x, height)], line);
        }
    }
    Ok(height)
}

/// The line below the last row on a page.
fn close(area: &Area<'_>) -> Mm {
    let line = LineStyle::new();
    let half = line.thickness() / 2.0;
    let full = area.size().width;
    area.draw_line(
        vec![Position::new(0, half), Position::new(full, half)],
        line,
    );
    line.thickness()
}

/// How many body rows a table may have and still be kept whole on one page.
const SHORT_TABLE: usize = 8;

impl Element for TableElement {
    fn render(
        &mut self,
        context: &Context,
        mut area: Area<'_>,
        style: Style,
    ) -> Result<RenderResult, Error> {
        let cache = &context.font_cache;
        let first_call = self.laid.is_none();
        let laid = match self.laid.take() {
            Some(laid) => laid,
            None => self.lay_out(cache, style, area.size().width),
        };
        let available = area.size().height;
        // A page of its own: nothing above the table on it, so waiting for the next page
        // would not help.
        let fresh = !first_call || available >= page_body(self.orientation) - mm(1.0);
        let mut used = mm(0.0);
        let mut result = RenderResult::default();
        const HEADER: usize = 2;

        if first_call && !fresh {
            // The heading, caption and header stay with the first row: all go to the next page
            // if they do not fit together here. A short table (a few rows, such as the 三公
            // table) is kept whole when a page can hold it.
            let height = |rows: usize| {
                (0..rows)
                    .filter_map(|i| laid.rows.get(i))
                    .fold(mm(0.0), |h, r| h + r.height(0))
            };
            let short = laid.rows.len() <= HEADER + 1 + SHORT_TABLE
                && height(laid.rows.len()) <= page_body(self.orientation);
            let first = if short {
                height(laid.rows.len())
            } else {
                height(HEADER + 2)
            };
            if first > available {
                self.laid = Some(laid);
                result.has_more = true;
                return Ok(result);
            }
        }
        if !first_call && self.next > HEADER {
            // The header row again, at the top of every page the table continues on, when it
            // leaves room for the rows.
            if let Some(header) = laid.rows.get(HEADER) {
                let h = header.height(0);
                if h * 3.0 <= available {
                    used += draw(header, &laid.widths, 0, header.lines(), &area, cache)?;
                    area.add_offset(Position::new(0, h));
                }
            }
        }
        let mut drawn = 0;
        // Whether the last row drawn is framed, so the frame needs its line below.
        let mut open = used > mm(0.0);
        while let Some(row) = laid.rows.get(self.next) {
            if row.lines() == 0 {
                self.next += 1;
                continue;
            }
            let h = row.height(self.line);
            let room = available - used;
            // The last row (a total) is not left alone on a page: the row before it goes along.
            let last = laid.rows.len() - 1;
            let widow = drawn > 0
                && self.next + 1 == last
                && self.next > HEADER
                && laid.rows.get(last).is_some_and(|r| h + r.height(0) > room);
            if h <= room && !widow {
                let count = row.lines() - self.line;
                used += draw(row, &laid.widths, self.line, count, &area, cache)?;
                area.add_offset(Position::new(0, h));
                open = row.framed;
                self.next += 1;
                self.line = 0;
                drawn += 1;
                continue;
            }
            if drawn == 0 && fresh {
                // Taller than a page: as many lines as fit, the rest on the next page.
                let lines = (length(room) - 2.0 * PAD_Y) / length(row.line_height);
                let fit = if lines.is_finite() && lines >= 1.0 {
                    lines as usize
                } else {
                    0
                };
                if fit == 0 {
                    return Err(Error::new(
                        "a table row does not fit on a page",
                        ErrorKind::PageSizeExceeded,
                    ));
                }
                let h = draw(row, &laid.widths, self.line, fit, &area, cache)?;
                used += h;
                area.add_offset(Position::new(0, h));
                open = row.framed;
                self.line += fit;
            }
            result.has_more = true;
            break;
        }
        if open {
            used += close(&area);
        }
        result.size = Size::new(area.size().width, used);
        self.laid = Some(laid);
        Ok(result)
    }
}
