//! Render stage (PDF): faux bold. No free CJK font has a bold face, so text meant bold is laid
//! out in a marker colour ([`MARK`]) and [`embolden`] rewrites the page content afterwards: the
//! marker becomes black, and that text is filled and stroked (text rendering mode 2) with a
//! thin line, which thickens the strokes of the glyphs. The text stays text: `pdftotext` reads
//! it as before.

use genpdfi::style::Color;
use lopdf::Object;

/// The colour of bold text as laid out (nearly black, used for nothing else).
pub(crate) const MARK: Color = Color::Rgb(0, 0, 1);

/// The line width around bold glyphs, in points (about 3% of a 10-point glyph).
const STROKE: f32 = 0.35;

/// Rewrites every page's content so that text in [`MARK`] is black and faux bold. A page whose
/// content cannot be read is left as it is.
pub(crate) fn embolden(pdf: &mut lopdf::Document) {
    let contents: Vec<lopdf::ObjectId> = pdf
        .get_pages()
        .values()
        .flat_map(|page| pdf.get_page_contents(*page))
        .collect();
    for id in contents {
        let Ok(stream) = pdf.get_object_mut(id).and_then(Object::as_stream_mut) else {
            continue;
        };
        let plain = if stream.dict.has(b"Filter") {
            match stream.decompressed_content() {
                Ok(plain) => plain,
                Err(_) => continue,
            }
        } else {
            stream.content.clone()
        };
        let Some(rewritten) = rewrite(&plain) else {
            continue;
        };
        stream.set_plain_content(rewritten);
        let _ = stream.compress();
    }
}

/// The operator and operands of a line of content: printpdf writes one operation per line,
/// operands first (parsing the whole content with lopdf took longer than laying it out).
fn operation(line: &[u8]) -> (&[u8], Vec<f32>) {
    let mut words = line
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty());
    let operator = words.next_back().unwrap_or(b"");
    let operands = words
        .filter_map(|w| std::str::from_utf8(w).ok()?.parse().ok())
        .collect();
    (operator, operands)
}

fn is_mark(operands: &[f32]) -> bool {
    matches!(operands, [r, g, b] if *r == 0.0 && *g == 0.0 && (b - 1.0 / 255.0).abs() < 1e-4)
}

/// The content with bold text made faux bold, or `None` if there is no bold text.
fn rewrite(content: &[u8]) -> Option<Vec<u8>> {
    let lines: Vec<&[u8]> = content.split(|b| *b == b'\n').collect();
    if !lines.iter().any(|line| {
        let (operator, operands) = operation(line);
        operator == b"rg" && is_mark(&operands)
    }) {
        return None;
    }
    // The state the layout engine set, to restore after bold text.
    let mut width: Vec<u8> = b"1 w".to_vec();
    let mut stroke: Vec<u8> = b"0 0 0 RG".to_vec();
    let mut fill_is_mark = false;
    let mut in_text = false;
    let mut bold = false;
    let mut out: Vec<u8> = Vec::with_capacity(content.len() + 1024);
    let emit = |out: &mut Vec<u8>, line: &[u8]| {
        if !out.is_empty() {
            out.push(b'\n');
        }
        out.extend_from_slice(line);
    };
    let start = format!("0 0 0 RG\n{STROKE} w\n2 Tr");
    for line in lines {
        let (operator, operands) = operation(line);
        match operator {
            b"BT" => {
                in_text = true;
                emit(&mut out, line);
                if fill_is_mark {
                    emit(&mut out, start.as_bytes());
                    bold = true;
                }
            }
            b"ET" => {
                if bold {
                    emit(&mut out, b"0 Tr");
                    emit(&mut out, &width);
                    emit(&mut out, &stroke);
                    bold = false;
                }
                in_text = false;
                emit(&mut out, line);
            }
            b"rg" | b"g" | b"k" | b"sc" | b"scn" => {
                fill_is_mark = operator == b"rg" && is_mark(&operands);
                if fill_is_mark {
                    emit(&mut out, b"0 0 0 rg");
                    if in_text && !bold {
                        emit(&mut out, start.as_bytes());
                        bold = true;
                    }
                } else {
                    if bold {
                        emit(&mut out, b"0 Tr");
                        emit(&mut out, &width);
                        emit(&mut out, &stroke);
                        bold = false;
                    }
                    emit(&mut out, line);
                }
            }
            b"w" => {
                width = line.to_vec();
                emit(&mut out, line);
            }
            b"RG" | b"G" | b"K" | b"SC" | b"SCN" => {
                stroke = line.to_vec();
                emit(&mut out, line);
            }
            _ => emit(&mut out, line),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_text_is_stroked_and_the_state_restored() {
        let content = b"0.5 w\nBT\n0 0 0.003921569 rg\n[<0011>] TJ\nET\nBT\n[<0012>] TJ\n0 0 0 rg\n[<0013>] TJ\nET";
        let out = String::from_utf8(rewrite(content).expect("bold text")).unwrap();
        assert_eq!(
            out.lines().collect::<Vec<_>>(),
            [
                "0.5 w",
                "BT",
                "0 0 0 rg",
                "0 0 0 RG",
                "0.35 w",
                "2 Tr",
                "[<0011>] TJ",
                "0 Tr",
                "0.5 w",
                "0 0 0 RG",
                "ET",
                "BT",
                "0 0 0 RG",
                "0.35 w",
                "2 Tr",
                "[<0012>] TJ",
                "0 Tr",
                "0.5 w",
                "0 0 0 RG",
                "0 0 0 rg",
                "[<0013>] TJ",
                "ET"
            ]
        );
        assert!(rewrite(b"BT\n0 0 0 rg\n[<0011>] TJ\nET").is_none());
    }
}
