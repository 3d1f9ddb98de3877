//! Render stage: PDF (A4) with genpdfi, from the evaluated document.
//!
//! Findings this follows are in `shared/design/pdf.md`: one shared font for every style (no
//! CJK font has a bold face), a subset font with a character map (see [`font`]), and Chinese
//! line breaking done here: genpdfi breaks lines only between the pieces it is given, so text
//! is given as pieces that may be broken between ([`pieces`]; a number keeps its unit). Tables
//! are laid out by jues (`table.rs`: the header on every page, rows whole) with the column
//! widths, type size and orientation [`crate::render::page::fit`] plans with the font; a
//! landscape table's pages are laid out as if turned and turned afterwards (`turn`), since
//! genpdfi makes every page the same size. Bold is a faux bold written into the page content
//! afterwards (`bold.rs`). The creation date comes from
//! `SOURCE_DATE_EPOCH` or the report's year, and the file identifier from the content, so the
//! same input gives the same bytes.

mod bold;
pub mod font;
mod table;

use crate::doc::{Block, Document, Inline, RowKind, Table};
use crate::i18n::{Lang, Message};
use crate::render::breaks::pieces;
use crate::render::page::{self, Orientation, Plan};
use genpdfi::elements::{self, Break, Paragraph};
use genpdfi::style::Style;
use genpdfi::Alignment;
use genpdfi::{Element, Margins, Mm, Position};
use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::rc::Rc;

/// How to make a PDF.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The font file or family keyword (`--font`, `字体`); otherwise `JUES_FONT`, then
    /// well-known system fonts ([`font::candidates`]).
    pub font: Option<PathBuf>,
    /// Seconds since 1970 for the PDF's dates (`SOURCE_DATE_EPOCH`); otherwise the end of the
    /// report's year.
    pub epoch: Option<i64>,
}

/// Why a PDF could not be made.
#[derive(Debug)]
pub enum PdfError {
    Font(font::FontError),
    /// The layout engine failed (a piece wider than the page cannot happen: pieces are short).
    Layout(String),
    /// A table's columns do not fit a landscape page even in the smallest type, measured with
    /// the font (the checker's J0310 measures without one, with wider widths).
    TooWide(page::TooWide),
}

impl PdfError {
    /// Why the PDF cannot be made, in words of the catalogs.
    pub fn message(&self) -> Message {
        match self {
            PdfError::Font(e) => e.message(),
            PdfError::Layout(e) => crate::msg!("pdf-layout-failed", error = e),
            PdfError::TooWide(e) => e.message(),
        }
    }
}

/// The English words, for logs.
impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().text(Lang::En))
    }
}

const BODY: u8 = 12;

/// A length in mm.
fn length(x: Mm) -> f32 {
    printpdf::Mm::from(x).0
}

/// The height of a page's text area (A4 less the margins and the footer).
fn page_body(orientation: Orientation) -> Mm {
    Mm::from(orientation.body_height())
}

/// Bold type. No free CJK font has a bold face, so bold text is drawn in this colour, which
/// [`bold::embolden`] turns into black text filled and stroked with a thin line (a faux bold
/// that `pdftotext` still reads as text).
fn bold() -> Style {
    Style::new().with_color(bold::MARK)
}

/// The first usable font of the candidates ([`font::candidates`]), subset to `chars`: a font
/// named by path must be usable; of the fonts a search found, the first usable one is taken.
fn load_font(
    explicit: Option<&std::path::Path>,
    chars: &BTreeSet<char>,
) -> Result<genpdfi::fonts::FontData, font::FontError> {
    let candidates = font::candidates(explicit)?;
    let mut first_error = None;
    for path in &candidates {
        let loaded = font::subset(path, chars).and_then(|subset| {
            genpdfi::fonts::FontData::new(subset.data, None).map_err(|e| {
                font::FontError::Unusable {
                    path: path.clone(),
                    reason: Message::verbatim(e.to_string()),
                }
            })
        });
        match loaded {
            Ok(data) => return Ok(data),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or(font::FontError::NotFound { tried: candidates }))
}

/// The document as PDF bytes.
pub fn render(document: &Document, options: &Options) -> Result<Vec<u8>, PdfError> {
    let chars = characters(document);
    let data = load_font(options.font.as_deref(), &chars).map_err(PdfError::Font)?;
    // One font for every style: the family's four members share the data.
    let family = genpdfi::fonts::FontFamily {
        regular: data.clone(),
        bold: data.clone(),
        italic: data.clone(),
        bold_italic: data,
    };

    // Each table's layout, measured with the font before the pages are laid out: which
    // orientation a page takes must be known when it is begun.
    let measure_cache = genpdfi::fonts::FontCache::new(family.clone());
    let ruler = Style::new().with_font_size(page::TABLE_SIZE);
    let measure =
        |text: &str| length(ruler.str_width(&measure_cache, text)) / f32::from(page::TABLE_SIZE);
    let mut plans: Vec<Option<Plan>> = Vec::with_capacity(document.blocks.len());
    for block in &document.blocks {
        plans.push(match block {
            Block::Table(t) if t.empty_note().is_none() => {
                Some(page::fit(t, &measure).map_err(PdfError::TooWide)?)
            }
            _ => None,
        });
    }
    let orientations = orientations(document, &plans);

    let pages = Rc::new(PageState::default());
    let mut pdf = genpdfi::Document::new(family);
    pdf.set_title(&document.title);
    pdf.set_paper_size(genpdfi::PaperSize::A4);
    pdf.set_font_size(BODY);
    pdf.set_line_spacing(1.5);
    let date = date(options.epoch, document.year.as_deref());
    pdf.set_creation_date(date);
    pdf.set_modification_date(date);
    pdf.set_page_decorator(Pages {
        page: 0,
        state: Rc::clone(&pages),
    });
    let new_page = |orientation| NewPage {
        orientation,
        state: Rc::clone(&pages),
    };

    title_block(&mut pdf, document);
    let mut current = orientations.first().copied().unwrap_or_default();
    pdf.push(new_page(current));
    // Each part (a level-1 heading) starts a page; the first one follows the title page.
    let mut first_part = true;
    for ((block, plan), orientation) in document.blocks.iter().zip(&plans).zip(orientations) {
        if matches!(block, Block::Table(_)) {
            first_part = false;
        }
        if orientation != current {
            // A landscape table (and the headings just above it) on pages of their own.
            pdf.push(new_page(orientation));
            current = orientation;
        }
        match block {
            Block::Heading { level, content } => {
                let (size, align) = match level {
                    1 => (16, Alignment::Center),
                    2 => (14, Alignment::Left),
                    _ => (BODY, Alignment::Left),
                };
                if *level == 1 && !first_part {
                    pdf.push(new_page(orientation));
                }
                first_part &= *level != 1;
                pdf.push(Break::new(0.5));
                let style = bold().with_font_size(size);
                pdf.push(paragraph(&Inline::plain(content), style, align, ""));
                pdf.push(Break::new(0.3));
            }
            Block::Paragraph(content) => {
                pdf.push(paragraph(
                    &Inline::plain(content),
                    Style::new(),
                    Alignment::Left,
                    "\u{3000}\u{3000}",
                ));
            }
            Block::List { ordered, items } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = if *ordered {
                        format!("{}.", i + 1)
                    } else {
                        "•".to_owned()
                    };
                    // A hanging indent: the marker in the margin, the lines aligned after it.
                    let text = paragraph(&Inline::plain(item), Style::new(), Alignment::Left, "");
                    pdf.push(elements::BulletPoint::new(text).with_bullet(marker));
                }
            }
            Block::Table(table) => {
                table_element(&mut pdf, table, plan.as_ref(), document.entity.as_deref())
            }
        }
    }

    let mut bytes = Vec::new();
    pdf.render(&mut bytes)
        .map_err(|e| PdfError::Layout(e.to_string()))?;
    let landscape = pages.landscape.borrow().clone();
    Ok(finish(bytes, document, &landscape))
}

/// The orientation of each block's page: a table's from its plan, a heading's that of the
/// table it stands right above (so that it is not left alone on the page before), the rest
/// portrait.
fn orientations(document: &Document, plans: &[Option<Plan>]) -> Vec<Orientation> {
    let mut out = vec![Orientation::Portrait; document.blocks.len()];
    let mut below = Orientation::Portrait;
    for (i, block) in document.blocks.iter().enumerate().rev() {
        let own = match block {
            Block::Heading { .. } => below,
            _ => plans
                .get(i)
                .and_then(Option::as_ref)
                .map_or(Orientation::Portrait, |p| p.orientation),
        };
        if let Some(o) = out.get_mut(i) {
            *o = own;
        }
        below = own;
    }
    out
}

/// What the pages share with the elements on them: the orientation of the page being laid
/// out, the one the next page takes, and which pages are landscape (for [`finish`]).
#[derive(Default)]
struct PageState {
    current: Cell<Orientation>,
    next: Cell<Orientation>,
    landscape: RefCell<Vec<usize>>,
}

/// A page break to a page of `orientation`: nothing on a page that is still empty and already
/// turned that way (so that breaks do not leave blank pages), else the next page is begun so.
struct NewPage {
    orientation: Orientation,
    state: Rc<PageState>,
}

impl Element for NewPage {
    fn render(
        &mut self,
        _context: &genpdfi::Context,
        area: genpdfi::render::Area<'_>,
        _style: Style,
    ) -> Result<genpdfi::RenderResult, genpdfi::error::Error> {
        let current = self.state.current.get();
        let empty = area.size().height >= page_body(current) - Mm::from(0.5);
        if empty && current == self.orientation {
            return Ok(genpdfi::RenderResult::default());
        }
        self.state.next.set(self.orientation);
        // Not (0, 0): that would end the layout if it were the first element on a page.
        Ok(genpdfi::RenderResult {
            size: genpdfi::Size::new(1, 0),
            has_more: true,
        })
    }
}

/// Every character the PDF will show, for the font subset.
fn characters(document: &Document) -> BTreeSet<char> {
    let mut all = String::new();
    all.push_str(&document.title);
    all.push_str(document.entity.as_deref().unwrap_or(""));
    all.push_str(document.year.as_deref().unwrap_or(""));
    all.push_str("年度金额单位：0123456789—•. \u{3000}");
    all.push_str(&document.money_unit);
    for block in &document.blocks {
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => {
                all.push_str(&Inline::plain(content))
            }
            Block::List { items, .. } => items.iter().for_each(|i| all.push_str(&Inline::plain(i))),
            Block::Table(t) => {
                all.push_str(&t.heading());
                all.push_str(&t.caption(document.entity.as_deref()));
                all.push_str(t.note.as_deref().unwrap_or(""));
                t.header.iter().for_each(|h| all.push_str(h));
                t.rows
                    .iter()
                    .flat_map(|r| &r.cells)
                    .for_each(|c| all.push_str(c));
            }
        }
    }
    all.chars().filter(|c| !c.is_control()).collect()
}

fn paragraph(text: &str, style: Style, align: Alignment, indent: &str) -> Paragraph {
    let mut p = Paragraph::default();
    p.set_alignment(align);
    if !indent.is_empty() {
        p.push_styled(indent, style);
    }
    for piece in pieces(text) {
        p.push_styled(piece, style);
    }
    p
}

/// The cover: the title, broken after the entity's name (or before the year) when it does not
/// fit one line, then the entity and the year.
fn title_block(pdf: &mut genpdfi::Document, document: &Document) {
    pdf.push(Break::new(6.0));
    let title = bold().with_font_size(22);
    for line in title_lines(&document.title, document.entity.as_deref()) {
        pdf.push(paragraph(line, title, Alignment::Center, ""));
    }
    pdf.push(Break::new(2.0));
    if let Some(entity) = &document.entity {
        pdf.push(paragraph(
            entity,
            Style::new().with_font_size(14),
            Alignment::Center,
            "",
        ));
    }
    if let Some(year) = &document.year {
        pdf.push(paragraph(
            &format!("{year}年度"),
            Style::new().with_font_size(14),
            Alignment::Center,
            "",
        ));
    }
}

/// The longest title set on one line: 20 characters of 22 points fill the text width.
const TITLE_LINE: usize = 20;

/// The title's lines: whole if short; else after the entity's name when the title starts with
/// it (`株洲市…局` / `2019年度部门决算`), else before the year phrase (`2019年度…`). A part that is
/// still too long wraps between pieces, which keep `2019年度` whole.
fn title_lines<'a>(title: &'a str, entity: Option<&str>) -> Vec<&'a str> {
    if title.chars().count() <= TITLE_LINE {
        return vec![title];
    }
    let after_entity = entity
        .filter(|e| !e.is_empty())
        .and_then(|e| title.strip_prefix(e))
        .map(|rest| title.len() - rest.len());
    let before_year = title
        .char_indices()
        .find(|(i, c)| {
            c.is_ascii_digit()
                && title[*i..].chars().take_while(char::is_ascii_digit).count() == 4
                && title[*i..]
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .starts_with('年')
                && (*i == 0 || !title[..*i].ends_with(|c: char| c.is_ascii_digit()))
        })
        .map(|(i, _)| i);
    match after_entity.or(before_year) {
        Some(at) if at > 0 && at < title.len() => {
            let (first, rest) = title.split_at(at);
            vec![first, rest.trim_start()]
        }
        _ => vec![title],
    }
}

fn table_element(
    pdf: &mut genpdfi::Document,
    table: &Table,
    plan: Option<&Plan>,
    entity: Option<&str>,
) {
    pdf.push(Break::new(0.5));
    let cell = |text: &str, style: Style, align: Alignment| table::Cell {
        text: text.to_owned(),
        style,
        align,
    };
    let heading = Some(cell(&table.heading(), bold(), Alignment::Center));
    if let Some(note) = table.empty_note() {
        // The heading and the note as a table without rows, so that they stay together.
        let note = Some(cell(note, Style::new(), Alignment::Center));
        let plan = Plan {
            orientation: Orientation::Portrait,
            size: page::TABLE_SIZE,
            widths: Vec::new(),
        };
        let empty = table::TableElement::new(heading, note, &plan, Vec::new(), Vec::new());
        pdf.push(empty);
        pdf.push(Break::new(0.5));
        return;
    }
    let Some(plan) = plan else {
        return;
    };
    let columns = plan.widths.len();
    let size = plan.size;
    let head = bold().with_font_size(size);
    let header = (0..columns)
        .map(|c| {
            let text = table.header.get(c).map_or("", String::as_str);
            cell(text, head, Alignment::Center)
        })
        .collect();
    let rows = table
        .rows
        .iter()
        .map(|r| {
            let style = match r.kind {
                RowKind::Item => Style::new().with_font_size(size),
                RowKind::Subtotal | RowKind::Total => bold().with_font_size(size),
            };
            // Every row has a cell per column (a short row is filled with empty cells).
            (0..columns)
                .map(|c| {
                    let align = if table.numeric.get(c).copied().unwrap_or(false) {
                        Alignment::Right
                    } else {
                        Alignment::Left
                    };
                    cell(r.cells.get(c).map_or("", String::as_str), style, align)
                })
                .collect()
        })
        .collect();
    let caption = Some(cell(
        &table.caption(entity),
        Style::new().with_font_size(9),
        Alignment::Right,
    ));
    let element = table::TableElement::new(heading, caption, plan, header, rows);
    // Cells are set a little closer than the text.
    pdf.push(element.with_cell_spacing(1.3));
    pdf.push(Break::new(0.5));
}

/// Margins as in government documents, and the page number centred in the footer; a page
/// is turned as the last [`NewPage`] asked (genpdfi makes every page portrait: a landscape
/// page is laid out as if the paper were turned, and [`finish`] turns it).
struct Pages {
    page: usize,
    state: Rc<PageState>,
}

impl genpdfi::PageDecorator for Pages {
    fn decorate_page<'a>(
        &mut self,
        context: &genpdfi::Context,
        mut area: genpdfi::render::Area<'a>,
        style: Style,
    ) -> Result<genpdfi::render::Area<'a>, genpdfi::error::Error> {
        self.page += 1;
        let orientation = self.state.next.get();
        self.state.current.set(orientation);
        if orientation == Orientation::Landscape {
            self.state.landscape.borrow_mut().push(self.page);
            let (width, height) = orientation.paper();
            area.set_size(genpdfi::Size::new(width, height));
        }
        let (top, right, bottom, left) = page::MARGINS;
        area.add_margins(Margins::trbl(top, right, bottom, left));
        let footer_height = Mm::from(page::FOOTER);
        let height = area.size().height;
        let mut footer = area.clone();
        footer.add_offset(Position::new(0, height - footer_height));
        let mut number = paragraph(
            &format!("— {} —", self.page),
            style.with_font_size(10),
            Alignment::Center,
            "",
        );
        number.render(context, footer, style)?;
        area.set_height(height - footer_height - Mm::from(page::ABOVE_FOOTER));
        Ok(area)
    }
}

/// The date written into the PDF: `SOURCE_DATE_EPOCH`, else 31 December of the report's year.
fn date(epoch: Option<i64>, year: Option<&str>) -> printpdf::OffsetDateTime {
    let seconds = epoch.unwrap_or_else(|| {
        let year: i64 = year
            .and_then(|y| y.trim().parse().ok())
            .filter(|y| (1970..=9999).contains(y))
            .unwrap_or(1970);
        // Days from 1970-01-01 to 31 December of `year` (proleptic Gregorian).
        let days_before = |y: i64| {
            let y = y - 1;
            365 * (y - 1969) + (y / 4 - 1969 / 4) - (y / 100 - 1969 / 100) + (y / 400 - 1969 / 400)
        };
        (days_before(year + 1) - 1) * 86_400
    });
    printpdf::OffsetDateTime::from_unix_timestamp(seconds)
        .unwrap_or(printpdf::OffsetDateTime::UNIX_EPOCH)
}

/// Makes bold text faux bold ([`bold`]), sets the document information (author, the report's
/// type as its subject, creator, producer) and a file identifier derived
/// from the content, so that the same document gives the same bytes in any process.
fn finish(bytes: Vec<u8>, document: &Document, landscape: &[usize]) -> Vec<u8> {
    use lopdf::{Object, StringFormat};
    let Ok(mut pdf) = lopdf::Document::load_mem(&bytes) else {
        return bytes;
    };
    bold::embolden(&mut pdf);
    turn(&mut pdf, landscape);
    let info_id = pdf.trailer.get(b"Info").and_then(Object::as_reference).ok();
    if let Some(info) = info_id
        .and_then(|id| pdf.get_object_mut(id).ok())
        .and_then(|o| o.as_dict_mut().ok())
    {
        let text = |s: &str| Object::String(utf16(s), StringFormat::Hexadecimal);
        info.set("Title", text(&document.title));
        if let Some(entity) = &document.entity {
            info.set("Author", text(entity));
        }
        if let Some(kind) = &document.kind {
            info.set("Subject", text(kind));
        }
        info.set("Creator", text(concat!("jues ", env!("CARGO_PKG_VERSION"))));
        info.set(
            "Producer",
            text(concat!("jues ", env!("CARGO_PKG_VERSION"), " (genpdfi)")),
        );
    }
    // Name the font as a subset (`ABCDEF+Name`), as PDF readers expect of subset fonts.
    let tag: String = fnv(&bytes, 0x5bd1_e995)
        .to_be_bytes()
        .iter()
        .take(6)
        .map(|b| char::from(b'A' + b % 26))
        .collect();
    for object in pdf.objects.values_mut() {
        let Ok(dict) = object.as_dict_mut() else {
            continue;
        };
        for key in [&b"BaseFont"[..], b"FontName"] {
            if let Ok(Object::Name(name)) = dict.get(key) {
                if !name.contains(&b'+') {
                    let renamed = format!("{tag}+{}", String::from_utf8_lossy(name));
                    dict.set(key, Object::Name(renamed.into_bytes()));
                }
            }
        }
    }
    // The identifier: a hash of the content without it.
    pdf.trailer.remove(b"ID");
    let mut without_id = Vec::new();
    if pdf.save_to(&mut without_id).is_err() {
        return bytes;
    }
    let id = format!(
        "{:016x}{:016x}",
        fnv(&without_id, 0xcbf2_9ce4_8422_2325),
        fnv(&without_id, 0x8422_2325_cbf2_9ce4)
    );
    let id = Object::String(id.into_bytes(), StringFormat::Hexadecimal);
    pdf.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    let mut out = Vec::new();
    match pdf.save_to(&mut out) {
        Ok(()) => out,
        Err(_) => bytes,
    }
}

/// Turns the pages numbered `landscape` (from 1): their paper becomes landscape A4, and
/// their content, laid out from the top of a portrait page, is moved down onto it.
fn turn(pdf: &mut lopdf::Document, landscape: &[usize]) {
    use lopdf::{Object, Stream};
    let points = |mm: f32| mm * 72.0 / 25.4;
    let (width, height) = Orientation::Landscape.paper();
    let (_, portrait) = Orientation::Portrait.paper();
    let shift = format!("1 0 0 1 0 {:.3} cm\n", -points(portrait - height));
    let pages = pdf.get_pages();
    for number in landscape {
        let Some(id) = u32::try_from(*number)
            .ok()
            .and_then(|n| pages.get(&n))
            .copied()
        else {
            continue;
        };
        let moved = pdf.add_object(Stream::new(
            lopdf::Dictionary::new(),
            shift.clone().into_bytes(),
        ));
        let Ok(page) = pdf.get_object_mut(id).and_then(Object::as_dict_mut) else {
            continue;
        };
        let paper = Object::Array(vec![
            0.into(),
            0.into(),
            Object::Real(points(width)),
            Object::Real(points(height)),
        ]);
        page.set("MediaBox", paper.clone());
        if page.has(b"CropBox") {
            page.set("CropBox", paper);
        }
        let contents = match page.get(b"Contents") {
            Ok(Object::Array(items)) => items.clone(),
            Ok(other) => vec![other.clone()],
            Err(_) => Vec::new(),
        };
        let mut all = vec![Object::Reference(moved)];
        all.extend(contents);
        page.set("Contents", Object::Array(all));
    }
}

/// A PDF text string: UTF-16BE with a byte-order mark.
fn utf16(s: &str) -> Vec<u8> {
    let mut out = vec![0xFE, 0xFF];
    for unit in s.encode_utf16() {
        out.extend_from_slice(&unit.to_be_bytes());
    }
    out
}

/// FNV-1a, for a content-derived file identifier (not for security).
fn fnv(data: &[u8], seed: u64) -> u64 {
    data.iter().fold(seed, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_title_breaks_after_the_entity_or_before_the_year() {
        let entity = "株洲市芦淞区人力资源和社会保障局";
        let title = "株洲市芦淞区人力资源和社会保障局2019年度部门决算";
        assert_eq!(
            title_lines(title, Some(entity)),
            [entity, "2019年度部门决算"]
        );
        assert_eq!(
            title_lines(title, None),
            [entity, "2019年度部门决算"],
            "before the year phrase"
        );
        assert_eq!(title_lines("2019年度部门决算", None), ["2019年度部门决算"]);
        let plain = "一个很长很长很长很长很长很长很长很长的没有年份的标题";
        assert_eq!(title_lines(plain, Some("别的单位")), [plain]);
    }

    #[test]
    fn the_date_is_the_end_of_the_report_year() {
        assert_eq!(date(None, Some("2019")).unix_timestamp(), 1_577_750_400);
        assert_eq!(date(Some(86_400), Some("2019")).unix_timestamp(), 86_400);
    }
}
