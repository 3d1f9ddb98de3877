//! Render stage (PDF): faux bold. No free CJK font has a bold face, so text meant bold is laid
//! out in a marker colour ([`MARK`]) and [`embolden`] rewrites the page content afterwards: the
//! marker becomes black, and that text is filled and stroked (text rendering mode 2) with a
//! thin line, which thickens the strokes of the glyphs. The text stays text: `pdftotext` reads
//! it as before.

use genpdfi::style::Color;
use lopdf::content::{Content, Operation};
use lopdf::Object;

/// The colour of bold text as laid out (nearly black, used for nothing else).
pub const MARK: Color = Color::Rgb(0, 0, 1);

/// The line width around bold glyphs, in points (about 3% of a 10-point glyph).
const STROKE: f32 = 0.35;

/// Rewrites every page's content so that text in [`MARK`] is black and faux bold. A page whose
/// content cannot be read is left as it is.
pub fn embolden(pdf: &mut lopdf::Document) {
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
        let Ok(content) = Content::decode(&plain) else {
            continue;
        };
        let Some(operations) = rewrite(content.operations) else {
            continue;
        };
        let Ok(encoded) = (Content { operations }).encode() else {
            continue;
        };
        stream.set_plain_content(encoded);
        let _ = stream.compress();
    }
}

fn is_mark(operands: &[Object]) -> bool {
    let values: Vec<f32> = operands.iter().filter_map(|o| o.as_float().ok()).collect();
    matches!(values[..], [r, g, b] if r == 0.0 && g == 0.0 && (b - 1.0 / 255.0).abs() < 1e-4)
}

/// The operations with bold text made faux bold, or `None` if there is no bold text.
fn rewrite(operations: Vec<Operation>) -> Option<Vec<Operation>> {
    if !operations
        .iter()
        .any(|op| op.operator == "rg" && is_mark(&op.operands))
    {
        return None;
    }
    let real = |x: f32| Object::Real(x);
    let black = || vec![real(0.0), real(0.0), real(0.0)];
    // The state the layout engine set, to restore after bold text.
    let mut width = Operation::new("w", vec![real(1.0)]);
    let mut stroke = Operation::new("RG", black());
    let mut fill_is_mark = false;
    let mut in_text = false;
    let mut bold = false;
    let mut out = Vec::with_capacity(operations.len() + 16);
    let start = |out: &mut Vec<Operation>| {
        out.push(Operation::new("RG", black()));
        out.push(Operation::new("w", vec![real(STROKE)]));
        out.push(Operation::new("Tr", vec![Object::Integer(2)]));
    };
    let stop = |out: &mut Vec<Operation>, width: &Operation, stroke: &Operation| {
        out.push(Operation::new("Tr", vec![Object::Integer(0)]));
        out.push(width.clone());
        out.push(stroke.clone());
    };
    for op in operations {
        match op.operator.as_str() {
            "BT" => {
                in_text = true;
                out.push(op);
                if fill_is_mark {
                    start(&mut out);
                    bold = true;
                }
            }
            "ET" => {
                if bold {
                    stop(&mut out, &width, &stroke);
                    bold = false;
                }
                in_text = false;
                out.push(op);
            }
            "rg" | "g" | "k" | "sc" | "scn" => {
                fill_is_mark = op.operator == "rg" && is_mark(&op.operands);
                if fill_is_mark {
                    out.push(Operation::new("rg", black()));
                    if in_text && !bold {
                        start(&mut out);
                        bold = true;
                    }
                } else {
                    if bold {
                        stop(&mut out, &width, &stroke);
                        bold = false;
                    }
                    out.push(op);
                }
            }
            "w" => {
                width = op.clone();
                out.push(op);
            }
            "RG" | "G" | "K" | "SC" | "SCN" => {
                stroke = op.clone();
                out.push(op);
            }
            _ => out.push(op),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(text: &[u8]) -> Vec<Operation> {
        Content::decode(text).expect("content").operations
    }

    #[test]
    fn marked_text_is_stroked_and_the_state_restored() {
        let out = rewrite(ops(
            b"0.5 w BT 0 0 0.003921569 rg (a) Tj ET BT (b) Tj 0 0 0 rg (c) Tj ET",
        ))
        .expect("bold text");
        let names: Vec<&str> = out.iter().map(|o| o.operator.as_str()).collect();
        assert_eq!(
            names,
            [
                "w", "BT", "rg", "RG", "w", "Tr", "Tj", "Tr", "w", "RG", "ET", "BT", "RG", "w",
                "Tr", "Tj", "Tr", "w", "RG", "rg", "Tj", "ET"
            ]
        );
        assert_eq!(
            out[8].operands.first().and_then(|o| o.as_float().ok()),
            Some(0.5),
            "the line width is restored"
        );
        assert!(rewrite(ops(b"BT 0 0 0 rg (a) Tj ET")).is_none());
    }
}
