//! The formatter: a canonical layout for declarations, prose left exactly as written.
//!
//! Declarations are printed from the AST: one space around `=` and operators, figures in a
//! block aligned on their `=`, settings aligned on their values, table rows aligned in columns
//! (Chinese characters count two columns). Prose, headings, lists and `@` blocks are kept as
//! written, only trailing spaces removed. Runs of blank lines become one. Comments are kept:
//! a declaration with a comment inside it is left as written, a comment after it on its line
//! stays there. Formatting is idempotent, and a formatted document means the same.
//!
//! The formatter reads no `.jues` text on its own: the comments, strings and escapes come from
//! the parse ([`syntax::marks`]), and whether a name needs corner brackets from the grammar
//! ([`syntax::needs_quotes`]).

use crate::ast::*;
use crate::source::{FileId, Span};
use crate::syntax::{self, Marks, NamePlace};
use crate::width::{pad, width};

/// Formats `text`; `None` when it has syntax errors or is not read at all (J0002): a broken
/// file is left alone. The
/// result has `\n` line ends: a lone `\r` (old Mac line ends) becomes one first, as `\r\n`
/// does in the printing.
pub fn format(text: &str) -> Option<String> {
    // What the compiler does not read (a binary file) is not formatted either.
    if crate::source::unreadable_text(text).is_some() {
        return None;
    }
    if (0..text.len()).any(|i| crate::source::is_lone_cr(text.as_bytes(), i)) {
        return format(&without_lone_cr(text)?);
    }
    let (module, errors) = syntax::parse(FileId(0), text);
    if !errors.is_empty() {
        return None;
    }
    let marks = syntax::marks(FileId(0), text)?;
    let printer = Printer { text, marks };
    let mut out = String::new();
    let mut at = 0;
    for item in &module.items {
        let span = item.span();
        let start = span.start as usize;
        printer.gap(&mut out, text.get(at..start).unwrap_or(""));
        out.push_str(&printer.item(item, span));
        out.push('\n');
        // The gap starts on the item's last line, whether or not its span took the line break.
        let item_text = text.get(start..span.end as usize).unwrap_or("");
        at = start + item_text.trim_end_matches(['\n', '\r']).len();
    }
    // The last gap ends the file, not a line before an item: a comment on the last line
    // without a line break is a line of its own.
    let tail = text.get(at..).unwrap_or("");
    if tail.ends_with('\n') {
        printer.gap(&mut out, tail);
    } else {
        printer.gap(&mut out, &format!("{tail}\n"));
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    if out.trim_matches(|c| is_space(c) || c == '\n').is_empty() {
        return Some(String::new());
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Some(out)
}

/// `text` with each lone `\r` (old Mac line ends) made a line end, except inside a string,
/// where it is a character of the value and is written as the escape `\r`.
fn without_lone_cr(text: &str) -> Option<String> {
    let marks = syntax::marks(FileId(0), text)?;
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // Whether the last character copied was a backslash that escapes the next one.
    let mut escaping = false;
    for (i, c) in text.char_indices() {
        let in_literal = marks
            .literal
            .iter()
            .any(|span| (span.start as usize) <= i && i < span.end as usize);
        if crate::source::is_lone_cr(bytes, i) {
            match (in_literal, escaping) {
                (true, true) => out.push('r'),
                (true, false) => out.push_str("\\r"),
                (false, _) => out.push('\n'),
            }
        } else {
            out.push(c);
        }
        escaping = in_literal && c == '\\' && !escaping;
    }
    Some(out)
}

struct Printer<'t> {
    text: &'t str,
    marks: Marks,
}

impl Printer<'_> {
    fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// The text between two items: a comment left on the previous item's line, comment lines,
    /// and blank lines (at most one in a row).
    fn gap(&self, out: &mut String, gap: &str) {
        // The first piece ends the previous item's line; the last begins the next item's line.
        let pieces: Vec<&str> = gap.split('\n').collect();
        // At the start of the file there is no previous item: every piece but the last is a line.
        let first_line = usize::from(!out.is_empty());
        let middle = if pieces.len() > first_line + 1 {
            &pieces[first_line..pieces.len() - 1]
        } else {
            &[][..]
        };
        if let Some(rest) = pieces
            .first()
            .filter(|_| pieces.len() > 1 && first_line == 1)
        {
            let rest = rest.trim_matches(is_space);
            if !rest.is_empty() {
                // A comment on the previous item's line.
                if out.ends_with('\n') {
                    out.pop();
                }
                out.push(' ');
                out.push_str(rest);
                out.push('\n');
            }
        }
        let mut blank = false;
        for line in middle {
            let line = line.trim_end_matches(is_space);
            if line.trim_start_matches(is_space).is_empty() {
                blank = true;
                continue;
            }
            if blank && !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            blank = false;
            out.push_str(line.trim_start_matches(is_space));
            out.push('\n');
        }
        if blank && !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
    }

    /// Whether `span` holds a comment (its `//` inside the span).
    fn has_comment(&self, span: Span) -> bool {
        let from = self
            .marks
            .comments
            .partition_point(|c| c.start < span.start.saturating_add(2));
        self.marks
            .comments
            .get(from)
            .is_some_and(|c| c.start.saturating_sub(2) < span.end)
    }

    /// The text of `span` as written, each line without its trailing spaces.
    fn verbatim(&self, span: Span) -> String {
        let text = self.slice(span).trim_end_matches(['\n', '\r']);
        let mut at = span.start as usize;
        let mut lines = Vec::new();
        for line in text.split('\n') {
            lines.push(line.get(..self.kept_len(at, line)).unwrap_or(line));
            at += line.len() + 1;
        }
        lines.join("\n")
    }

    /// How much of `line`, which starts at byte `at` of the text, stays: all but its trailing
    /// spaces (and carriage return), except those that are text, inside a string or an
    /// escape (`\ `).
    fn kept_len(&self, at: usize, line: &str) -> usize {
        let mut keep = line.trim_end_matches(is_space).len();
        let end = at + line.len();
        let literal = &self.marks.literal;
        let from = literal.partition_point(|l| (l.end as usize) <= at + keep);
        for l in literal.get(from..).unwrap_or_default() {
            if l.start as usize >= end {
                break;
            }
            keep = keep.max((l.end as usize).min(end) - at);
        }
        keep
    }

    fn item(&self, item: &Item, span: Span) -> String {
        if matches!(item, Item::Block(_)) || self.has_comment(span) {
            return self.verbatim(span);
        }
        match item {
            Item::Report(r) => {
                let mut out = format!("报告 {} {{\n", string(&r.title.value));
                self.settings(&mut out, &r.settings, NamePlace::ReportSetting);
                out.push('}');
                out
            }
            Item::Prior(p) => {
                let year = p
                    .year
                    .as_ref()
                    .map(|y| format!(" {}", self.slice(y.span)))
                    .unwrap_or_default();
                let mut out = format!("{}{year} {{\n", p.keyword.text);
                self.members(&mut out, &p.members, "  ");
                out.push('}');
                out
            }
            Item::Group(g) => self.group(g, ""),
            Item::Figure(f) => self.figure(f, 0),
            Item::Table(t) => self.table(t),
            Item::Check(c) => {
                let message = c
                    .message
                    .as_ref()
                    .map(|m| format!(" {}", string(&m.value)))
                    .unwrap_or_default();
                format!("检查 {}{message}", self.expr(&c.condition))
            }
            Item::Import(i) => match &i.alias {
                Some(alias) => format!(
                    "导入 {} 为 {}",
                    string(&i.path.value),
                    name(&alias.text, NamePlace::Other)
                ),
                None => format!("导入 {}", string(&i.path.value)),
            },
            Item::Block(_) => self.verbatim(span),
        }
    }

    /// The settings of a block (`place`: of a `报告` or a `表`), indented, keys aligned.
    fn settings(&self, out: &mut String, settings: &[Setting], place: NamePlace) {
        let key_width = settings
            .iter()
            .map(|s| width(&name(&s.key.text, place)))
            .max()
            .unwrap_or(0);
        for s in settings {
            let value = match &s.value {
                SettingValue::Str(v) => string(&v.value),
                SettingValue::Number(l) => self.slice(l.span).to_owned(),
                SettingValue::Name(n) => path(n),
            };
            out.push_str(&format!(
                "  {} {value}\n",
                pad(&name(&s.key.text, place), key_width)
            ));
        }
    }

    fn group(&self, g: &GroupDecl, indent: &str) -> String {
        let mut out = format!("{indent}组 {} {{\n", path(&g.name));
        self.members(&mut out, &g.members, &format!("{indent}  "));
        out.push_str(indent);
        out.push('}');
        out
    }

    fn members(&self, out: &mut String, members: &[Member], indent: &str) {
        let name_width = members
            .iter()
            .filter_map(|m| match m {
                Member::Figure(f) => Some(width(&path(&f.name))),
                Member::Group(_) => None,
            })
            .max()
            .unwrap_or(0);
        for member in members {
            match member {
                Member::Figure(f) => {
                    out.push_str(indent);
                    out.push_str(&self.figure(f, name_width));
                    out.push('\n');
                }
                Member::Group(g) => {
                    out.push_str(&self.group(g, indent));
                    out.push('\n');
                }
            }
        }
    }

    /// `名称 = 公式 = 数值 "标签"`, the formula and the stated value in the order written.
    fn figure(&self, f: &Figure, name_width: usize) -> String {
        let mut sides: Vec<(u32, String)> = Vec::new();
        if let Some(formula) = &f.formula {
            sides.push((formula.span.start, self.expr(formula)));
        }
        if let Some(stated) = &f.stated {
            sides.push((stated.span.start, self.slice(stated.span).to_owned()));
        }
        match f.absent {
            Some((Absent::Unpublished, span)) => {
                sides.push((span.start, self.slice(span).to_owned()))
            }
            Some((Absent::Unknown, span)) => sides.push((span.start, "?".to_owned())),
            None => {}
        }
        sides.sort();
        let mut out = pad(&path(&f.name), name_width);
        for (_, side) in sides {
            out.push_str(" = ");
            out.push_str(&side);
        }
        if let Some(label) = &f.label {
            out.push(' ');
            out.push_str(&string(&label.value));
        }
        out.trim_end().to_owned()
    }

    fn table(&self, t: &TableDecl) -> String {
        let mut out = format!("表 {}", name(&t.name.text, NamePlace::Other));
        if let Some(title) = &t.title {
            out.push_str(&format!(" {}", string(&title.value)));
        }
        if let Some(source) = &t.source {
            out.push_str(&format!(" 来自 {}", string(&source.value)));
        }
        out.push_str(" {\n");
        self.settings(&mut out, &t.settings, NamePlace::TableSetting);
        if !t.columns.is_empty() {
            let columns: Vec<String> = t.columns.iter().map(|c| self.column(c)).collect();
            out.push_str(&format!("  列 {}\n", columns.join(", ")));
        }
        let mut rows: Vec<Vec<String>> = t.rows.iter().map(|r| self.row(r)).collect();
        // Without code rows, no row has a name: the empty name column goes.
        if !t.rows.iter().any(|r| matches!(r.key, RowKey::Code { .. })) {
            for row in &mut rows {
                if row.len() > 1 {
                    row.remove(1);
                }
            }
        }
        let count = rows.iter().map(Vec::len).max().unwrap_or(0);
        let widths: Vec<usize> = (0..count)
            .map(|i| {
                rows.iter()
                    .filter_map(|r| r.get(i))
                    .map(|c| width(c))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for row in &rows {
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(i, c)| pad(c, widths[i]))
                .collect();
            out.push_str(&format!("  {}\n", cells.join("  ").trim_end()));
        }
        out.push('}');
        out
    }

    fn column(&self, c: &Column) -> String {
        let label = c
            .label
            .as_ref()
            .map(|l| format!(" {}", string(&l.value)))
            .unwrap_or_default();
        match &c.kind {
            ColumnKind::Input(ty) => format!(
                "{}{label}: {}",
                name(&c.name.text, NamePlace::Other),
                path(ty)
            ),
            ColumnKind::Computed(e) => format!(
                "{}{label} = {}",
                name(&c.name.text, NamePlace::Other),
                self.expr(e)
            ),
        }
    }

    /// A row as its key and cells (a code row's name is its second cell; a row without cells
    /// keeps an empty name column so the cells of other rows line up).
    fn row(&self, r: &Row) -> Vec<String> {
        let mut cells = match &r.key {
            RowKey::Code { code, name, .. } => vec![
                code.clone(),
                name.as_ref().map(|n| string(&n.value)).unwrap_or_default(),
            ],
            RowKey::Label(l) => vec![string(&l.value), String::new()],
            RowKey::Total(span) | RowKey::Subtotal(span) => {
                vec![self.slice(*span).to_owned(), String::new()]
            }
        };
        // `其中` written before the key (not a label that starts with it) stays before it.
        if let Some(part) = r.part.filter(|&p| p != r.key.span()) {
            cells[0] = format!("{} {}", self.slice(part), cells[0]);
        }
        for cell in &r.cells {
            let value = match &cell.value {
                CellValue::Number(l) => self.slice(l.span).to_owned(),
                CellValue::Text(s) => string(&s.value),
                CellValue::Empty => "_".to_owned(),
                CellValue::Placeholder(span) => self.slice(*span).to_owned(),
            };
            cells.push(match &cell.column {
                Some(column) => format!("{}={value}", name(&column.text, NamePlace::Other)),
                None => value,
            });
        }
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        cells
    }

    fn expr(&self, e: &Expr) -> String {
        self.expr_in(e, 0)
    }

    /// An expression inside an operator of precedence `outer`: parenthesised when it binds
    /// less tightly.
    fn expr_in(&self, e: &Expr, outer: u8) -> String {
        match &e.kind {
            ExprKind::Literal(l) => self.slice(l.span).to_owned(),
            ExprKind::Placeholder => self.slice(e.span).to_owned(),
            ExprKind::Ref(r) => self.slice(r.span).to_owned(),
            ExprKind::Neg(inner) => format!("-{}", self.expr_in(inner, 4)),
            ExprKind::Call(call) => {
                let args: Vec<String> = call
                    .args
                    .iter()
                    .map(|a| match &a.filter {
                        Some(filter) => {
                            format!("{} 其中 {}", self.expr(&a.value), self.expr(filter))
                        }
                        None => self.expr(&a.value),
                    })
                    .collect();
                format!(
                    "{}({})",
                    name(&call.function.text, NamePlace::Function),
                    args.join(", ")
                )
            }
            ExprKind::Binary(op, left, right) => {
                let precedence = match op {
                    BinOp::Mul | BinOp::Div => 3,
                    BinOp::Add | BinOp::Sub => 2,
                    _ => 1,
                };
                // Left-associative: the right operand of `-` or `/` keeps its parentheses.
                let text = format!(
                    "{} {} {}",
                    self.expr_in(left, precedence),
                    op.symbol(),
                    self.expr_in(right, precedence + 1)
                );
                if precedence < outer {
                    format!("({text})")
                } else {
                    text
                }
            }
        }
    }
}

/// The spaces of the grammar (`hspace`) and a carriage return. Other white space (a vertical
/// tab, say) is text to the parser, so the formatter keeps it too.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\r')
}

/// A name at `place`, in corner brackets exactly when the grammar would not read it bare there.
fn name(text: &str, place: NamePlace) -> String {
    if syntax::needs_quotes(text, place) {
        format!("「{text}」")
    } else {
        text.to_owned()
    }
}

fn path(p: &NamePath) -> String {
    p.segments
        .iter()
        .map(|s| name(&s.text, NamePlace::Other))
        .collect::<Vec<_>>()
        .join(".")
}

/// Text as prose shows it: the characters that start markup (`{`, `}`, `*`, `\`) escaped,
/// line breaks as spaces.
pub fn escape_prose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '{' | '}' | '*' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A jues string literal (`"…"`) whose value is `value`: `\`, `"`, line breaks and tabs
/// escaped. The one quoting function: the formatter and `jues new` write strings with it.
pub fn string(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::format;

    #[test]
    fn declarations_get_a_canonical_layout() {
        let source = "组 收入 {\n  财政拨款=836.78\n    其他  =  312.67\n  合计 = (财政拨款+其他)*1 = 1149.45\n}\n\n\n\n本段 {收入.合计}   \n";
        let formatted = format(source).unwrap();
        assert_eq!(
            formatted,
            "组 收入 {\n  财政拨款 = 836.78\n  其他     = 312.67\n  合计     = (财政拨款 + 其他) * 1 = 1149.45\n}\n\n本段 {收入.合计}\n"
        );
        assert_eq!(format(&formatted).unwrap(), formatted, "idempotent");
    }

    #[test]
    fn an_escaped_space_at_a_line_end_stays() {
        // Found by the fuzzer: trimming it left a `\` before the line break, a syntax error.
        let source = "正文 \\   \n";
        let formatted = format(source).unwrap();
        assert_eq!(formatted, "正文 \\ \n");
        assert_eq!(format(&formatted).unwrap(), formatted);
    }

    #[test]
    fn other_white_space_is_text() {
        // Found by the fuzzer: a line holding only a vertical tab is a paragraph to the parser.
        let source = "甲\n\n\u{b}\n\n\n乙\n";
        let formatted = format(source).unwrap();
        assert_eq!(formatted, "甲\n\n\u{b}\n\n乙\n");
        assert_eq!(format(&formatted).unwrap(), formatted);
    }

    #[test]
    fn comments_stay() {
        let source = "a = 1 // 说明\n\n// 一行注释\nb = a+1\n";
        let formatted = format(source).unwrap();
        assert_eq!(formatted, "a = 1 // 说明\n\n// 一行注释\nb = a + 1\n");
    }
}
