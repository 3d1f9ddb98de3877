//! Render stage (PDF): finding a CJK font, choosing the face of a collection that covers the
//! document, and subsetting it to the characters used, with a character map put back so the
//! PDF's text can be searched and copied.
//!
//! The subsetter removes the `cmap` table (a PDF writer is expected to bring its own); printpdf
//! builds the PDF's ToUnicode map from the embedded font's `cmap`, so without one the text
//! looks right but cannot be extracted. [`subset`] therefore writes a `cmap` for the remapped
//! glyphs into the subset font.

use crate::i18n::{Lang, Message};
use crate::msg;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Why no font could be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FontError {
    /// No usable font was found anywhere jues looks.
    NotFound { tried: Vec<PathBuf> },
    /// The named font cannot be used (unreadable, not TrueType outlines …).
    Unusable { path: PathBuf, reason: Message },
    /// The font lacks characters the document uses.
    Missing { path: PathBuf, chars: Vec<char> },
}

impl FontError {
    /// Why the font cannot be used, in words of the catalogs.
    pub fn message(&self) -> Message {
        match self {
            FontError::NotFound { tried } => msg!("font-not-found", places = tried.len()),
            FontError::Unusable { path, reason } => msg!(
                "font-unusable",
                path = path.display().to_string(),
                reason = reason
            ),
            FontError::Missing { path, chars } => {
                let list: String = chars
                    .iter()
                    .take(20)
                    .map(|c| format!("`{c}` (U+{:04X}) ", *c as u32))
                    .collect();
                msg!(
                    "font-missing",
                    path = path.display().to_string(),
                    count = chars.len(),
                    chars = list.trim_end()
                )
            }
        }
    }
}

/// The English words, for logs.
impl std::fmt::Display for FontError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().text(Lang::En))
    }
}

pub use crate::settings::FontFamily as Family;

impl Family {
    /// Well-known places of the family's TrueType fonts, best first.
    fn files(self) -> &'static [&'static str] {
        match self {
            Family::Serif => &[
                // AR PL UMing: Debian and Ubuntu (fonts-arphic-uming), Fedora, Arch
                "/usr/share/fonts/truetype/arphic/uming.ttc",
                "/usr/share/fonts/cjkuni-uming/uming.ttc",
                "/usr/share/fonts/TTF/uming.ttc",
                // Windows: SimSun
                "C:\\Windows\\Fonts\\simsun.ttc",
                // macOS: Songti
                "/System/Library/Fonts/Supplemental/Songti.ttc",
            ],
            Family::Sans => &[
                // WenQuanYi: Debian and Ubuntu (fonts-wqy-microhei, fonts-wqy-zenhei), Fedora, Arch
                "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
                "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
                "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
                "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
                // Windows: SimHei, Microsoft YaHei
                "C:\\Windows\\Fonts\\simhei.ttf",
                "C:\\Windows\\Fonts\\msyh.ttc",
                // macOS
                "/System/Library/Fonts/STHeiti Medium.ttc",
                "/Library/Fonts/Arial Unicode.ttf",
            ],
        }
    }
}

/// The font files to try, in order: `explicit` (`--font` or the document's `字体`), else
/// `JUES_FONT`, else the well-known system fonts, 宋体 style first, then 黑体. A path is tried
/// alone; a keyword ([`Family::parse`]) means the family's files that exist. (A file called
/// `serif` is named `./serif`.)
pub fn candidates(explicit: Option<&Path>) -> Result<Vec<PathBuf>, FontError> {
    let chosen = explicit
        .map(|p| p.as_os_str().to_owned())
        .or_else(|| std::env::var_os("JUES_FONT"));
    let families = match &chosen {
        Some(name) => match name.to_str().and_then(Family::parse) {
            Some(family) => vec![family],
            None => return Ok(vec![PathBuf::from(name)]),
        },
        None => vec![Family::Serif, Family::Sans],
    };
    let tried: Vec<PathBuf> = families
        .iter()
        .flat_map(|f| f.files())
        .map(PathBuf::from)
        .collect();
    let found: Vec<PathBuf> = tried.iter().filter(|p| p.is_file()).cloned().collect();
    if found.is_empty() {
        Err(FontError::NotFound { tried })
    } else {
        Ok(found)
    }
}

/// A font subset to the characters of one document.
#[derive(Debug, Clone)]
pub struct Subset {
    /// A standalone TrueType font: the used glyphs and a `cmap` for them.
    pub data: Vec<u8>,
    /// Which face of a collection was used.
    pub face: u32,
}

/// Loads `path`, picks the face that covers `chars` (for a collection), and subsets it.
pub fn subset(path: &Path, chars: &std::collections::BTreeSet<char>) -> Result<Subset, FontError> {
    let unusable = |reason: Message| FontError::Unusable {
        path: path.to_path_buf(),
        reason,
    };
    let data =
        crate::files::read_regular(path).map_err(|e| unusable(crate::files::io_reason(&e)))?;
    let faces = ttf_parser::fonts_in_collection(&data).unwrap_or(1);
    let mut best: Option<(usize, u32, Vec<char>)> = None;
    for index in 0..faces {
        let Ok(face) = ttf_parser::Face::parse(&data, index) else {
            continue;
        };
        if face.tables().glyf.is_none() {
            continue; // CFF outlines: the PDF engine needs TrueType
        }
        let missing: Vec<char> = chars
            .iter()
            .copied()
            .filter(|c| !c.is_control() && face.glyph_index(*c).is_none())
            .collect();
        if best.as_ref().is_none_or(|(n, _, _)| missing.len() < *n) {
            best = Some((missing.len(), index, missing));
        }
    }
    let Some((_, index, missing)) = best else {
        return Err(unusable(msg!("font-reason-no-truetype")));
    };
    if !missing.is_empty() {
        return Err(FontError::Missing {
            path: path.to_path_buf(),
            chars: missing,
        });
    }
    let face = ttf_parser::Face::parse(&data, index)
        .map_err(|e| unusable(Message::verbatim(e.to_string())))?;
    let mut remapper = subsetter::GlyphRemapper::new();
    remapper.remap(0);
    let mut map = BTreeMap::new();
    for &c in chars {
        if let Some(glyph) = face.glyph_index(c) {
            map.insert(c, remapper.remap(glyph.0));
        }
    }
    let subset = subsetter::subset(&data, index, &remapper)
        .map_err(|e| unusable(msg!("font-reason-subsetting", error = format!("{e:?}"))))?;
    let data =
        with_cmap(&subset, &map).ok_or_else(|| unusable(msg!("font-reason-malformed-subset")))?;
    Ok(Subset { data, face: index })
}

/// `font` with a `cmap` table (formats 4 and 12, Windows Unicode) mapping `map`'s characters
/// to their glyphs, replacing any `cmap` it had. `None` if `font` is not a well-formed sfnt.
fn with_cmap(font: &[u8], map: &BTreeMap<char, u16>) -> Option<Vec<u8>> {
    let u16_at = |at: usize| {
        font.get(at..at + 2)
            .map(|b| u16::from_be_bytes([b[0], b[1]]))
    };
    let u32_at = |at: usize| {
        font.get(at..at + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    let version = u32_at(0)?;
    let count = usize::from(u16_at(4)?);
    let mut tables: Vec<([u8; 4], Vec<u8>)> = Vec::with_capacity(count + 1);
    for i in 0..count {
        let record = 12 + 16 * i;
        let tag: [u8; 4] = font.get(record..record + 4)?.try_into().ok()?;
        let offset = u32_at(record + 8)? as usize;
        let length = u32_at(record + 12)? as usize;
        if &tag != b"cmap" {
            tables.push((tag, font.get(offset..offset.checked_add(length)?)?.to_vec()));
        }
    }
    tables.push((*b"cmap", cmap_table(map)));
    tables.sort_by_key(|t| t.0);
    Some(write_sfnt(version, &mut tables))
}

/// A `cmap` table: format 4 for the Basic Multilingual Plane, format 12 for all characters.
fn cmap_table(map: &BTreeMap<char, u16>) -> Vec<u8> {
    let bmp: Vec<(u16, u16)> = map
        .iter()
        .filter_map(|(c, g)| {
            u16::try_from(*c as u32)
                .ok()
                .filter(|c| *c != 0xFFFF)
                .map(|c| (c, *g))
        })
        .collect();
    // Format 4: one segment per character, then the required 0xFFFF segment. (A document
    // with 8000 or more distinct characters gets only format 12.)
    let bmp = if bmp.len() < 8_000 { bmp } else { Vec::new() };
    let seg_count = bmp.len() as u16 + 1;
    let entry_selector = seg_count.ilog2() as u16;
    let search_range = 2 * (1u16 << entry_selector);
    let mut f4 = Vec::new();
    let length = 16 + 8 * seg_count;
    for v in [
        4,
        length,
        0,
        2 * seg_count,
        search_range,
        entry_selector,
        2 * seg_count - search_range,
    ] {
        f4.extend_from_slice(&v.to_be_bytes());
    }
    for (c, _) in &bmp {
        f4.extend_from_slice(&c.to_be_bytes()); // endCode
    }
    f4.extend_from_slice(&0xFFFFu16.to_be_bytes());
    f4.extend_from_slice(&0u16.to_be_bytes()); // reservedPad
    for (c, _) in &bmp {
        f4.extend_from_slice(&c.to_be_bytes()); // startCode
    }
    f4.extend_from_slice(&0xFFFFu16.to_be_bytes());
    for (c, g) in &bmp {
        f4.extend_from_slice(&g.wrapping_sub(*c).to_be_bytes()); // idDelta
    }
    f4.extend_from_slice(&1u16.to_be_bytes());
    for _ in 0..seg_count {
        f4.extend_from_slice(&0u16.to_be_bytes()); // idRangeOffset
    }

    // Format 12: one group per character.
    let mut f12 = Vec::new();
    f12.extend_from_slice(&12u16.to_be_bytes());
    f12.extend_from_slice(&0u16.to_be_bytes());
    f12.extend_from_slice(&((16 + 12 * map.len()) as u32).to_be_bytes());
    f12.extend_from_slice(&0u32.to_be_bytes());
    f12.extend_from_slice(&(map.len() as u32).to_be_bytes());
    for (c, g) in map {
        let code = *c as u32;
        f12.extend_from_slice(&code.to_be_bytes());
        f12.extend_from_slice(&code.to_be_bytes());
        f12.extend_from_slice(&u32::from(*g).to_be_bytes());
    }

    let mut table = Vec::new();
    table.extend_from_slice(&0u16.to_be_bytes()); // version
    table.extend_from_slice(&2u16.to_be_bytes()); // two encoding records
    let header = 4 + 2 * 8;
    table.extend_from_slice(&3u16.to_be_bytes());
    table.extend_from_slice(&1u16.to_be_bytes());
    table.extend_from_slice(&(header as u32).to_be_bytes());
    table.extend_from_slice(&3u16.to_be_bytes());
    table.extend_from_slice(&10u16.to_be_bytes());
    table.extend_from_slice(&((header + f4.len()) as u32).to_be_bytes());
    table.extend_from_slice(&f4);
    table.extend_from_slice(&f12);
    table
}

/// An sfnt file from its tables (sorted by tag), with checksums and `head`'s adjustment.
fn write_sfnt(version: u32, tables: &mut [([u8; 4], Vec<u8>)]) -> Vec<u8> {
    let count = tables.len() as u16;
    let entry_selector = count.max(1).ilog2() as u16;
    let search_range = (1u16 << entry_selector) * 16;
    let mut out = Vec::new();
    out.extend_from_slice(&version.to_be_bytes());
    for v in [
        count,
        search_range,
        entry_selector,
        count * 16 - search_range,
    ] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    // `head`'s checkSumAdjustment is computed over the whole font with the field at zero.
    for (tag, data) in tables.iter_mut() {
        if tag == b"head" && data.len() >= 12 {
            data[8..12].copy_from_slice(&[0; 4]);
        }
    }
    let mut offset = 12 + 16 * tables.len();
    let mut body = Vec::new();
    for (tag, data) in tables.iter() {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        body.extend_from_slice(data);
        let padded = data.len().next_multiple_of(4);
        body.resize(body.len() + padded - data.len(), 0);
        offset += padded;
    }
    out.extend_from_slice(&body);
    let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
    let mut at = 12;
    for (tag, data) in tables.iter() {
        let table_offset =
            u32::from_be_bytes([out[at + 8], out[at + 9], out[at + 10], out[at + 11]]) as usize;
        if tag == b"head" && data.len() >= 12 {
            out[table_offset + 8..table_offset + 12].copy_from_slice(&adjustment.to_be_bytes());
        }
        at += 16;
    }
    out
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_font_found_names_the_option_and_the_packages() {
        let message = FontError::NotFound { tried: Vec::new() }.to_string();
        for part in ["--font", "宋体", "fonts-arphic-uming", "fonts-wqy-microhei"] {
            assert!(message.contains(part), "{message}");
        }
    }

    #[test]
    fn the_cmap_maps_characters_to_their_glyphs() {
        let map: BTreeMap<char, u16> = [('收', 3), ('入', 4), ('1', 5), ('𠀀', 6)]
            .into_iter()
            .collect();
        let table = cmap_table(&map);
        let cmap = ttf_parser::cmap::Table::parse(&table).expect("a valid cmap");
        let mut subtables = 0;
        for subtable in cmap.subtables {
            subtables += 1;
            let bmp_only = matches!(
                subtable.format,
                ttf_parser::cmap::Format::SegmentMappingToDeltaValues(_)
            );
            for (c, g) in &map {
                if bmp_only && (*c as u32) > 0xFFFF {
                    continue;
                }
                assert_eq!(
                    subtable.glyph_index(*c as u32),
                    Some(ttf_parser::GlyphId(*g)),
                    "{c}"
                );
            }
        }
        assert_eq!(subtables, 2);
    }
}
