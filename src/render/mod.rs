//! Render stage: the evaluated document ([`crate::doc`]) as files people read.
//!
//! Invariant: renderers read only [`crate::doc::Document`]; they never see the AST, the
//! checker or the evaluator, and the same document always gives the same bytes.

pub mod facts;
pub mod html;
pub mod markdown;
#[cfg(feature = "pdf")]
pub mod pdf;

/// How two pieces of text around a soft line break are joined: nothing between Chinese
/// characters (a Chinese paragraph has no spaces), a space between Latin words or digits.
pub fn soft_break(before: &str, after: &str) -> &'static str {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '%');
    if latin(before.chars().next_back()) && latin(after.chars().next()) {
        " "
    } else {
        ""
    }
}
