//! Syntax stage: the fast path.
//!
//! Narrative and figures are most of a report. pest pays a rule call, with a native stack
//! probe, for every piece of its grammar it tries, which comes to some 20,000 instructions per
//! interpolation. This module reads the commonest items by hand, following
//! `grammar/jues.pest` rule for rule (each function names the rule it follows), and gives the
//! same AST the pest path gives: headings, paragraphs, list items, `@每行` and `@如果` blocks,
//! figure lines, `组` groups and `表` tables.
//!
//! It only ever accepts; it never reports. On anything else (other declarations, a comment
//! inside a paragraph, emphasis, an escape) and on anything that is not valid, it steps back
//! (`None`) and the pest grammar reads the item, with its error messages. The grammar stays
//! the definition of the language: property tests (`tests/properties.rs`) and the fuzz target
//! check that both paths give the same AST.
//!
//! Invariant: every function either returns `None` or exactly what pest would have matched.

use super::lower::{as_literal, binop, group, unescape, Piece};
use super::lower_narrative::merge_text;
use super::parse::MAX_NESTING;
use crate::ast::*;
use crate::source::{FileId, Span};
use pest::unicode::{XID_CONTINUE, XID_START};
use rust_decimal::Decimal;

/// The declaration keywords that start a declaration when a space follows (`decl_start`).
const KEYWORDS: &[&str] = &[
    "报告", "report", "上年", "prior", "组", "group", "表", "table", "检查", "check", "导入",
    "import",
];

/// Reads the item at byte `pos` of `text` if it is one the fast path knows: the item and the
/// byte where the next item starts. Blank and comment lines before it are skipped, as pest's
/// `item_or_end` does.
pub(super) fn item(file: FileId, text: &str, pos: usize) -> Option<(Item, usize)> {
    let mut reader = Reader {
        text,
        pos,
        file,
        depth: 0,
        overflow: false,
    };
    reader.gap();
    let item = reader.item()?;
    (!reader.overflow).then_some((item, reader.pos))
}

struct Reader<'t> {
    text: &'t str,
    pos: usize,
    file: FileId,
    /// How deeply the item being read nests: brackets, `@` blocks and groups.
    depth: usize,
    /// A number too large for a decimal was read: pest reports it, so the item is left to
    /// pest whatever else happens.
    overflow: bool,
}

impl Reader<'_> {
    fn rest(&self) -> &str {
        self.text.get(self.pos..).unwrap_or("")
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn span(&self, start: usize) -> Span {
        Span::new(self.file, start..self.pos)
    }

    fn eat(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    fn eat_char(&mut self, accept: impl Fn(char) -> bool) -> bool {
        match self.peek() {
            Some(c) if accept(c) => {
                self.pos += c.len_utf8();
                true
            }
            _ => false,
        }
    }

    /// `hspace*` (and `sp`): spaces, tabs and ideographic spaces.
    fn hspace(&mut self) {
        while self.eat_char(is_hspace) {}
    }

    /// `NEWLINE`: `\n`, `\r\n` or `\r`.
    fn newline(&mut self) -> bool {
        self.eat("\n") || self.eat("\r\n") || self.eat("\r")
    }

    fn at_line_end(&self) -> bool {
        matches!(self.peek(), None | Some('\n') | Some('\r'))
    }

    /// `gap`: blank lines and comment lines.
    fn gap(&mut self) {
        loop {
            let start = self.pos;
            self.hspace();
            if self.newline() {
                continue;
            }
            if self.eat("//") {
                while !self.at_line_end() {
                    self.pos += self.peek().map_or(1, char::len_utf8);
                }
                if self.newline() || self.peek().is_none() {
                    continue;
                }
            }
            self.pos = start;
            return;
        }
    }

    /// `item`: a declaration (of the kinds the fast path reads: `组`, `表` and figure lines) or,
    /// when the line starts no declaration, narrative.
    fn item(&mut self) -> Option<Item> {
        let mut probe = Reader { ..*self };
        probe.hspace();
        let line = probe.rest();
        if keyword_then_space(line, &["组", "group"]) {
            // `declaration`: `hspace* group_decl`; if it fails, pest tries the others.
            self.hspace();
            let group = self.group(true)?;
            return Some(Item::Group(group));
        }
        if keyword_then_space(line, &["表", "table"]) {
            self.hspace();
            let table = self.table()?;
            return Some(Item::Table(table));
        }
        if probe.keyword_start() {
            // Another declaration: pest reads it.
            return None;
        }
        if probe.decl_start() {
            // `figure_line`: `hspace* figure line_end`.
            self.hspace();
            let figure = self.figure()?;
            self.skip();
            return self.line_end().then_some(Item::Figure(figure));
        }
        self.narrative().map(Item::Block)
    }

    /// pest's implicit whitespace between the parts of a `!{…}` rule (`skip`): spaces, and
    /// comments up to the line end.
    fn skip(&mut self) {
        loop {
            self.hspace();
            if !self.rest().starts_with("//") {
                return;
            }
            while !self.at_line_end() {
                self.pos += self.peek().map_or(1, char::len_utf8);
            }
        }
    }

    /// `line_end`: a line break or the end of the text.
    fn line_end(&mut self) -> bool {
        self.newline() || self.peek().is_none()
    }

    /// `nl` in a `!{…}` rule: line breaks, with spaces and comments between them.
    fn nl(&mut self) -> bool {
        if !self.newline() {
            return false;
        }
        loop {
            let before = self.pos;
            self.skip();
            if !self.newline() {
                self.pos = before;
                return true;
            }
        }
    }

    /// `group_decl` (`top`) or `nested_group`:
    /// `group_kw name_path { nl? figure_body }`, and for `group_decl` the line end.
    fn group(&mut self, top: bool) -> Option<GroupDecl> {
        if self.depth >= MAX_NESTING {
            return None;
        }
        let start = self.pos;
        if !(self.eat("组") || self.eat("group")) {
            return None;
        }
        self.skip();
        let name = self.name_path()?;
        self.skip();
        if !self.eat("{") {
            return None;
        }
        self.skip();
        self.nl();
        self.skip();
        self.depth += 1;
        let members = self.figure_body()?;
        self.depth -= 1;
        self.skip();
        if !self.eat("}") {
            return None;
        }
        if top {
            self.skip();
            if !self.line_end() {
                return None;
            }
        }
        Some(GroupDecl {
            name,
            members,
            span: self.span(start),
        })
    }

    /// `figure_body`: `((nested_group | figure) (nl | ";")?)*`, up to the closing brace.
    fn figure_body(&mut self) -> Option<Vec<Member>> {
        let mut members = Vec::new();
        loop {
            let before = self.pos;
            if !members.is_empty() {
                self.skip();
            }
            if self.rest().starts_with('}') {
                // Neither a group nor a figure starts with `}`: the body ends here.
                self.pos = before;
                return Some(members);
            }
            // `nested_group | figure`: a group once its `{` is read; else a figure.
            let member_start = self.pos;
            let mut probe = Reader { ..*self };
            let is_group = (probe.eat("组") || probe.eat("group"))
                && {
                    probe.skip();
                    probe.name_path().is_some()
                }
                && {
                    probe.skip();
                    probe.rest().starts_with('{')
                };
            self.pos = member_start;
            let member = if is_group {
                Member::Group(self.group(false)?)
            } else {
                Member::Figure(self.figure()?)
            };
            members.push(member);
            self.skip();
            if !self.nl() {
                self.eat(";");
            }
        }
    }

    /// `figure`: `name_path eq expr (eq expr)? string?`, lowered as the pest path lowers it
    /// (one side a literal, the other a formula).
    fn figure(&mut self) -> Option<Figure> {
        let start = self.pos;
        let name = self.name_path()?;
        self.skip();
        self.eq()?;
        self.skip();
        let mut sides = vec![self.expr()?];
        self.skip();
        let before = self.pos;
        if self.eq().is_some() {
            self.skip();
            sides.push(self.expr()?);
        } else {
            self.pos = before;
        }
        self.skip();
        let label = if self.rest().starts_with('"') {
            Some(self.string()?)
        } else {
            None
        };
        let mut formula = None;
        let mut stated = None;
        for side in sides {
            match as_literal(&side) {
                Some(literal) if stated.is_none() => stated = Some(literal),
                None if formula.is_none() => formula = Some(side),
                // Two literals or two formulas: pest reports it.
                _ => return None,
            }
        }
        Some(Figure {
            name,
            formula,
            stated,
            label,
            span: self.span(start),
        })
    }

    /// `table_decl`: `table_kw name string? (from_kw string)? { nl? (table_line (nl | ";")?)* }`
    /// and the line end.
    fn table(&mut self) -> Option<TableDecl> {
        let start = self.pos;
        if !(self.eat("表") || self.eat("table")) {
            return None;
        }
        self.skip();
        let name = self.name()?;
        self.skip();
        let title = self.optional_string()?;
        self.skip();
        let mut source = None;
        if self.eat("来自") || self.eat("from") {
            self.skip();
            source = Some(self.string()?);
        }
        self.skip();
        if !self.eat("{") {
            return None;
        }
        self.skip();
        self.nl();
        self.skip();
        let mut settings = Vec::new();
        let mut columns = Vec::new();
        let mut rows = Vec::new();
        let mut first = true;
        loop {
            let before = self.pos;
            if !first {
                self.skip();
            }
            if self.rest().starts_with('}') {
                // No table line starts with `}`: the lines end here.
                self.pos = before;
                break;
            }
            first = false;
            // `table_line`: `columns | row | setting`.
            if self.column_keyword() {
                columns.extend(self.columns()?);
            } else if let Some(row) = self.row() {
                rows.push(row);
            } else {
                settings.push(self.setting()?);
            }
            self.skip();
            if !self.nl() {
                self.eat(";");
            }
        }
        self.skip();
        if !self.eat("}") {
            return None;
        }
        self.skip();
        if !self.line_end() {
            return None;
        }
        Some(TableDecl {
            name,
            title,
            source,
            settings,
            columns,
            rows,
            span: self.span(start),
            data_failed: false,
        })
    }

    /// `string?`: `Some(None)` when no string starts here, `None` when one starts but is not
    /// closed.
    fn optional_string(&mut self) -> Option<Option<Str>> {
        if self.rest().starts_with('"') {
            self.string().map(Some)
        } else {
            Some(None)
        }
    }

    /// Whether `column_kw` (`列`, `columns` or `column`, not followed by a letter) starts here.
    fn column_keyword(&self) -> bool {
        ["列", "columns", "column"].into_iter().any(|keyword| {
            self.rest()
                .strip_prefix(keyword)
                .is_some_and(|after| !after.chars().next().is_some_and(XID_CONTINUE))
        })
    }

    /// `columns`: `column_kw column (comma column)* comma?`.
    fn columns(&mut self) -> Option<Vec<Column>> {
        let keyword = ["列", "columns", "column"]
            .into_iter()
            .find(|keyword| self.rest().starts_with(keyword))?;
        self.pos += keyword.len();
        self.skip();
        let mut columns = vec![self.column()?];
        loop {
            let before = self.pos;
            self.skip();
            if !self.comma() {
                self.pos = before;
                break;
            }
            self.skip();
            match self.column_or_nothing()? {
                Some(column) => columns.push(column),
                None => {
                    self.pos = before;
                    break;
                }
            }
        }
        let before = self.pos;
        self.skip();
        if !self.comma() {
            self.pos = before;
        }
        Some(columns)
    }

    /// A column after a comma: `Some(None)` when none starts here (a trailing comma), `None`
    /// when one starts but is not complete.
    fn column_or_nothing(&mut self) -> Option<Option<Column>> {
        let start = self.pos;
        if self.name().is_none() {
            self.pos = start;
            return Some(None);
        }
        self.pos = start;
        self.column().map(Some)
    }

    /// `column`: `name string? (colon name_path | eq expr)`.
    fn column(&mut self) -> Option<Column> {
        let start = self.pos;
        let name = self.name()?;
        self.skip();
        let label = self.optional_string()?;
        self.skip();
        let kind = if self.eat(":") || self.eat("：") {
            self.skip();
            ColumnKind::Input(self.name_path()?)
        } else {
            self.eq()?;
            self.skip();
            ColumnKind::Computed(self.expr()?)
        };
        Some(Column {
            name,
            label,
            kind,
            span: self.span(start),
        })
    }

    /// `row`: `code string? cell*` or `row_label cell*`; `None` when no row starts here.
    fn row(&mut self) -> Option<Row> {
        let start = self.pos;
        let key = if let Some(code) = self.code() {
            let code_span = self.span(start);
            self.skip();
            let name = self.optional_string()?;
            RowKey::Code {
                code,
                name,
                span: code_span,
            }
        } else {
            // `row_label`: `total_kw | subtotal_kw | string`.
            let keyword = |r: &mut Self, words: &[&str]| {
                let found = words.iter().find(|w| {
                    r.rest()
                        .strip_prefix(**w)
                        .is_some_and(|after| !after.chars().next().is_some_and(XID_CONTINUE))
                });
                found.map(|w| r.pos += w.len()).is_some()
            };
            if keyword(self, &["合计", "总计", "total"]) {
                RowKey::Total(self.span(start))
            } else if keyword(self, &["小计", "subtotal"]) {
                RowKey::Subtotal(self.span(start))
            } else if self.rest().starts_with('"') {
                RowKey::Label(self.string()?)
            } else {
                return None;
            }
        };
        // `cell*`, with spaces between.
        let mut cells = Vec::new();
        loop {
            let before = self.pos;
            self.skip();
            match self.cell() {
                Some(cell) => cells.push(cell),
                None => {
                    if cells.is_empty() {
                        // The skip after the key stays in the row, as in pest.
                        break;
                    }
                    self.pos = before;
                    break;
                }
            }
        }
        Some(Row {
            key,
            cells,
            span: self.span(start),
        })
    }

    /// `code`: digits not followed by a letter.
    fn code(&mut self) -> Option<String> {
        let digits = self.rest().bytes().take_while(u8::is_ascii_digit).count();
        let after = self.rest()[digits..].chars().next();
        if digits == 0 || after.is_some_and(XID_CONTINUE) {
            return None;
        }
        let code = self.rest()[..digits].to_owned();
        self.pos += digits;
        Some(code)
    }

    /// `cell`: `named_cell | literal | string | empty_cell`; `None` when none starts here
    /// (restored).
    fn cell(&mut self) -> Option<Cell> {
        let start = self.pos;
        // `named_cell`: `name eq (literal | string | empty_cell)`.
        if let Some(column) = self.name() {
            self.skip();
            if self.eq().is_some() {
                self.skip();
                if let Some(value) = self.cell_value() {
                    return Some(Cell {
                        column: Some(column),
                        value,
                        span: self.span(start),
                    });
                }
            }
        }
        self.pos = start;
        let value = self.cell_value()?;
        Some(Cell {
            column: None,
            value,
            span: self.span(start),
        })
    }

    /// `literal | string | empty_cell`, restored when none matches.
    fn cell_value(&mut self) -> Option<CellValue> {
        let start = self.pos;
        if let Some(literal) = self.literal() {
            return Some(CellValue::Number(literal));
        }
        self.pos = start;
        if self.placeholder() {
            return Some(CellValue::Placeholder(self.span(start)));
        }
        if self.rest().starts_with('"') {
            if let Some(text) = self.string() {
                return Some(CellValue::Text(text));
            }
            self.pos = start;
            return None;
        }
        // `empty_cell`: `_`, `-` or `—` not followed by a digit or letter.
        let mark = ["_", "-", "—"]
            .into_iter()
            .find(|m| self.rest().starts_with(m))?;
        let after = self.rest()[mark.len()..].chars().next();
        if after.is_some_and(|c| c.is_ascii_digit() || XID_CONTINUE(c)) {
            return None;
        }
        self.pos += mark.len();
        Some(CellValue::Empty)
    }

    /// `setting`: `!column_kw name setting_value`, with `setting_value` a string, a literal or
    /// a name path.
    fn setting(&mut self) -> Option<Setting> {
        let start = self.pos;
        if self.column_keyword() {
            return None;
        }
        let key = self.name()?;
        self.skip();
        let value = if self.rest().starts_with('"') {
            SettingValue::Str(self.string()?)
        } else if let Some(literal) = {
            let before = self.pos;
            let literal = self.literal();
            if literal.is_none() {
                self.pos = before;
            }
            literal
        } {
            SettingValue::Number(literal)
        } else {
            SettingValue::Name(self.name_path()?)
        };
        Some(Setting {
            key,
            value,
            span: self.span(start),
        })
    }

    /// `name_path`: `name (dot name)*`.
    fn name_path(&mut self) -> Option<NamePath> {
        let start = self.pos;
        let mut segments = vec![self.name()?];
        loop {
            let before = self.pos;
            match self.eat(".").then(|| self.name()).flatten() {
                Some(name) => segments.push(name),
                None => {
                    self.pos = before;
                    break;
                }
            }
        }
        Some(NamePath {
            segments,
            span: self.span(start),
        })
    }

    /// `narrative` at a line start, which must not start a declaration (`!decl_start`) or a
    /// closing brace: a heading, a list item, an `@` block or a paragraph.
    fn narrative(&mut self) -> Option<Block> {
        let start = self.pos;
        let mut probe = Reader { ..*self };
        probe.hspace();
        let line = probe.rest();
        if heading_start(line).is_some() {
            return self.heading();
        }
        if list_start(line).is_some() {
            return self.list_item();
        }
        if line.starts_with('@') {
            return self.at_block();
        }
        // The other `block_start`s: a blank line, `}`, a declaration.
        let closes = line.starts_with('}');
        if probe.at_line_end() || closes || probe.decl_start() {
            return None;
        }
        self.hspace();
        let content = self.lines()?;
        Some(Block::Paragraph(Paragraph {
            content,
            span: self.span(start),
        }))
    }

    /// `heading`: `hspace* heading_marks hspace+ inline_text line_end`.
    fn heading(&mut self) -> Option<Block> {
        let start = self.pos;
        self.hspace();
        let level = heading_start(self.rest())?;
        self.pos += level;
        self.hspace();
        let mut content = Vec::new();
        self.inline_text(&mut content)?;
        if !(self.newline() || self.peek().is_none()) {
            return None;
        }
        Some(Block::Heading(Heading {
            level: u8::try_from(level).unwrap_or(6),
            content: merge_text(content),
            span: self.span(start),
        }))
    }

    /// `list_item`: `hspace* list_marker hspace+ lines`, a list of one item.
    fn list_item(&mut self) -> Option<Block> {
        let start = self.pos;
        self.hspace();
        let marker = list_start(self.rest())?;
        let ordered = self.rest()[..marker].ends_with('.');
        self.pos += marker;
        self.hspace();
        let content = self.lines()?;
        let span = self.span(start);
        Some(Block::List(List {
            ordered,
            items: vec![Paragraph { content, span }],
            span,
        }))
    }

    /// `lines`: inline text, then `continuation` and more inline text while the next line
    /// starts no block, then `line_end`.
    fn lines(&mut self) -> Option<Vec<Inline>> {
        let mut content = Vec::new();
        loop {
            self.inline_text(&mut content)?;
            if self.peek().is_none() {
                break;
            }
            if !self.newline() {
                return None;
            }
            let next = self.pos;
            let mut probe = Reader { pos: next, ..*self };
            probe.hspace();
            if probe.rest().starts_with("//") {
                // A comment line inside a paragraph: left to pest.
                return None;
            }
            if self.block_start(next) {
                break;
            }
            content.push(Inline::SoftBreak(Span::new(self.file, next..next)));
            self.hspace();
        }
        Some(merge_text(content))
    }

    /// `each_block` or `if_block`: `@每行 path (其中 expr)? {` or `@如果 expr {`, a body, and
    /// for `@如果` an optional `否则 { … }`.
    fn at_block(&mut self) -> Option<Block> {
        if self.depth >= MAX_NESTING {
            return None;
        }
        let start = self.pos;
        self.hspace();
        if !self.eat("@") {
            return None;
        }
        if self.eat("每行") || self.eat("each") {
            self.space_after_keyword()?;
            // `block_head_each`: `path (where_kw expr)? lbrace`, spaces between.
            let table = self.path()?;
            self.hspace();
            let mut filter = None;
            if self.eat("其中") || self.eat("where") {
                self.hspace();
                filter = Some(self.expr()?);
                self.hspace();
            }
            let body = self.block_body()?;
            return Some(Block::Each(EachBlock {
                table,
                filter,
                body,
                span: self.span(start),
            }));
        }
        if !(self.eat("如果") || self.eat("if")) {
            return None;
        }
        self.space_after_keyword()?;
        let condition = self.expr()?;
        self.hspace();
        let then_body = self.block_body()?;
        // `else_branch?`: once `否则` is there, the fast path reads it or steps back.
        let mut else_body = Vec::new();
        let mut probe = Reader { ..*self };
        probe.hspace();
        if probe.rest().starts_with("否则") || probe.rest().starts_with("else") {
            self.hspace();
            let _keyword = self.eat("否则") || self.eat("else");
            self.hspace();
            else_body = self.block_body()?;
        }
        Some(Block::If(IfBlock {
            condition,
            then_body,
            else_body,
            span: self.span(start),
        }))
    }

    /// The `hspace+` after `@每行` and `@如果`.
    fn space_after_keyword(&mut self) -> Option<()> {
        let before = self.pos;
        self.hspace();
        (self.pos > before).then_some(())
    }

    /// `block_body`: `{`, the line end, narrative up to a line that starts with `}`, and
    /// after the `}` the line end (or `否则`, left for the caller).
    fn block_body(&mut self) -> Option<Vec<Block>> {
        if !self.eat("{") {
            return None;
        }
        self.hspace();
        if !self.newline() {
            return None;
        }
        self.depth += 1;
        let mut blocks: Vec<Block> = Vec::new();
        loop {
            let before = self.pos;
            self.gap();
            let mut probe = Reader { ..*self };
            probe.hspace();
            if probe.rest().starts_with('}') {
                self.pos = before;
                break;
            }
            if probe.decl_start() {
                return None;
            }
            match (blocks.last_mut(), self.narrative()?) {
                (Some(Block::List(list)), Block::List(next)) if list.ordered == next.ordered => {
                    list.span = list.span.to(next.span);
                    list.items.extend(next.items);
                }
                (_, block) => blocks.push(block),
            }
        }
        self.depth -= 1;
        self.gap();
        self.hspace();
        if !self.eat("}") {
            return None;
        }
        // `line_end_or_else`: spaces and the line end, or (not consumed) `否则`.
        let before = self.pos;
        self.hspace();
        if self.newline() || self.peek().is_none() {
            return Some(blocks);
        }
        if self.rest().starts_with("否则") || self.rest().starts_with("else") {
            self.pos = before;
            return Some(blocks);
        }
        None
    }

    /// `path`: `name selector*`, as the table of `@每行`.
    fn path(&mut self) -> Option<Reference> {
        let start = self.pos;
        let mut segments = vec![Segment::Name(self.name()?)];
        self.selectors(&mut segments);
        Some(Reference {
            segments,
            span: self.span(start),
        })
    }

    /// `block_start` at the line that starts at `at`.
    fn block_start(&self, at: usize) -> bool {
        let mut r = Reader { pos: at, ..*self };
        r.hspace();
        if r.at_line_end() {
            return true;
        }
        let line = r.rest();
        if heading_start(line).is_some() || list_start(line).is_some() {
            return true;
        }
        if line.starts_with('@') || line.starts_with('}') {
            return true;
        }
        r.decl_start()
    }

    /// `decl_start` after its `hspace*`: a keyword and a space, or `figure_start`.
    fn decl_start(&mut self) -> bool {
        if self.keyword_start() {
            return true;
        }
        // `figure_start`: `name_path`, spaces, and `=` not followed by `=`.
        if self.name_path().is_none() {
            return false;
        }
        self.hspace();
        self.eat("=") && !self.rest().starts_with('=')
    }

    /// A declaration keyword followed by a space.
    fn keyword_start(&self) -> bool {
        keyword_then_space(self.rest(), KEYWORDS)
    }

    /// `inline_text`: one or more pieces of text or interpolations, up to the line end.
    /// Emphasis, escapes and anything invalid are left to pest.
    fn inline_text(&mut self, out: &mut Vec<Inline>) -> Option<()> {
        let first = out.len();
        loop {
            match self.peek() {
                None | Some('\n') | Some('\r') => break,
                Some('{') => {
                    let interpolation = self.interpolation()?;
                    out.push(Inline::Interpolation(interpolation));
                }
                Some('}') | Some('*') | Some('\\') => return None,
                Some(_) => {
                    // `text`: up to the next `{ } * \` or line end.
                    let start = self.pos;
                    let len = self
                        .rest()
                        .find(['{', '}', '*', '\\', '\n', '\r'])
                        .unwrap_or(self.rest().len());
                    self.pos += len;
                    let text = self.text[start..self.pos].to_owned();
                    out.push(Inline::Text(text, self.span(start)));
                }
            }
        }
        (out.len() > first).then_some(())
    }

    /// `interpolation`: `{ sp expr sp (stated sp)? (format sp)? }`.
    fn interpolation(&mut self) -> Option<Interpolation> {
        let start = self.pos;
        if !self.eat("{") {
            return None;
        }
        self.hspace();
        let expr = self.expr()?;
        self.hspace();
        let stated = if self.rest().starts_with('=') {
            let literal = self.stated()?;
            self.hspace();
            Some(literal)
        } else {
            None
        };
        let mut format = Vec::new();
        if self.rest().starts_with("按") || self.rest().starts_with("as") {
            format = self.format()?;
            self.hspace();
        }
        if !self.eat("}") {
            return None;
        }
        Some(Interpolation {
            expr,
            stated,
            format,
            span: self.span(start),
        })
    }

    /// `stated`: `eq sp literal`.
    fn stated(&mut self) -> Option<Literal> {
        self.eq()?;
        self.hspace();
        self.literal()
    }

    /// `eq`: `=` not followed by `=`.
    fn eq(&mut self) -> Option<()> {
        (self.eat("=") && !self.rest().starts_with('=')).then_some(())
    }

    /// `format`: `format_kw sp format_option (sp (comma sp)? format_option)*`.
    fn format(&mut self) -> Option<Vec<FormatOption>> {
        if !(self.eat("按") || self.eat("as")) {
            return None;
        }
        self.hspace();
        let mut options = vec![self.format_option()?];
        loop {
            let before = self.pos;
            self.hspace();
            if self.comma() {
                self.hspace();
            }
            match self.format_option() {
                Some(option) => options.push(option),
                None => {
                    self.pos = before;
                    return Some(options);
                }
            }
        }
    }

    /// `format_option`: `.` and one or two digits, `%`, `‰`, or `XID_CONTINUE+`.
    fn format_option(&mut self) -> Option<FormatOption> {
        let start = self.pos;
        if self.eat(".") {
            let digits = self
                .rest()
                .bytes()
                .take(2)
                .take_while(u8::is_ascii_digit)
                .count();
            if digits == 0 {
                self.pos = start;
                return None;
            }
            self.pos += digits;
        } else if !(self.eat("%") || self.eat("‰")) {
            while self.eat_char(XID_CONTINUE) {}
            if self.pos == start {
                return None;
            }
        }
        Some(FormatOption {
            text: self.text[start..self.pos].to_owned(),
            span: self.span(start),
        })
    }

    /// `comma`: `,` or `，`.
    fn comma(&mut self) -> bool {
        self.eat(",") || self.eat("，")
    }

    /// `expr`: `sum (sp cmp_op sp sum)?`, grouped as the pest path groups it.
    fn expr(&mut self) -> Option<Expr> {
        if self.depth >= MAX_NESTING {
            return None;
        }
        self.depth += 1;
        let expr = self.expr_inner();
        self.depth -= 1;
        expr
    }

    fn expr_inner(&mut self) -> Option<Expr> {
        let mut pieces = Vec::new();
        self.sum(&mut pieces)?;
        let before = self.pos;
        self.hspace();
        let compared = self.cmp_op().and_then(|op| {
            self.hspace();
            let mut right = vec![Piece::Compare(op)];
            self.sum(&mut right)?;
            Some(right)
        });
        match compared {
            Some(right) => pieces.extend(right),
            None => self.pos = before,
        }
        group(pieces)
    }

    /// `sum`: `operand (sp (add_op | mul_op) sp operand)*`.
    fn sum(&mut self, pieces: &mut Vec<Piece>) -> Option<()> {
        pieces.push(Piece::Operand(self.operand()?));
        loop {
            let before = self.pos;
            self.hspace();
            let next = self.arith_op().and_then(|op| {
                self.hspace();
                Some((op, self.operand()?))
            });
            match next {
                Some((op, operand)) => {
                    pieces.push(Piece::Arith(op));
                    pieces.push(Piece::Operand(operand));
                }
                None => {
                    self.pos = before;
                    return Some(());
                }
            }
        }
    }

    /// `cmp_op`: `==`, `!=`, `<=`, `>=`, `<` or `>`.
    fn cmp_op(&mut self) -> Option<BinOp> {
        ["==", "!=", "<=", ">=", "<", ">"]
            .into_iter()
            .find(|op| self.eat(op))
            .map(binop)
    }

    /// `add_op | mul_op`.
    fn arith_op(&mut self) -> Option<BinOp> {
        ["+", "-", "*", "/", "×", "÷"]
            .into_iter()
            .find(|op| self.eat(op))
            .map(binop)
    }

    /// `operand`: `(neg sp)* primary`, with each `-` wrapped around what follows.
    fn operand(&mut self) -> Option<Expr> {
        let mut negations = Vec::new();
        loop {
            let start = self.pos;
            if !self.eat("-") {
                break;
            }
            negations.push(self.span(start));
            self.hspace();
        }
        let mut expr = self.primary()?;
        for neg in negations.into_iter().rev() {
            let span = neg.to(expr.span);
            expr = Expr {
                kind: ExprKind::Neg(Box::new(expr)),
                span,
            };
        }
        Some(expr)
    }

    /// `primary`: a literal (when a digit comes), a reference or call, or `( sp expr sp )`.
    fn primary(&mut self) -> Option<Expr> {
        if self.peek().is_some_and(|c| c.is_ascii_digit()) {
            let literal = self.literal()?;
            return Some(Expr {
                span: literal.span,
                kind: ExprKind::Literal(literal),
            });
        }
        let start = self.pos;
        if self.placeholder() {
            return Some(Expr {
                kind: ExprKind::Placeholder,
                span: self.span(start),
            });
        }
        if let Some(expr) = self.reference() {
            return Some(expr);
        }
        self.pos = start;
        if !self.eat("(") {
            return None;
        }
        self.hspace();
        let inner = self.expr()?;
        self.hspace();
        self.eat(")").then_some(inner)
    }

    /// `placeholder`: `待填` or `todo` not followed by a name character; consumed when seen.
    fn placeholder(&mut self) -> bool {
        let Some(keyword) = ["待填", "todo"]
            .into_iter()
            .find(|k| self.rest().starts_with(k))
        else {
            return false;
        };
        let after = self.rest()[keyword.len()..].chars().next();
        if after.is_some_and(XID_CONTINUE) {
            return false;
        }
        self.pos += keyword.len();
        true
    }

    /// `reference`: `name (sp arguments | selector*)`, lowered as a call when arguments follow.
    fn reference(&mut self) -> Option<Expr> {
        let start = self.pos;
        let name = self.name()?;
        let before = self.pos;
        self.hspace();
        if let Some(args) = self.arguments() {
            let span = self.span(start);
            return Some(Expr {
                kind: ExprKind::Call(Call {
                    function: name,
                    args,
                    span,
                }),
                span,
            });
        }
        self.pos = before;
        let mut segments = vec![Segment::Name(name)];
        self.selectors(&mut segments);
        let span = self.span(start);
        Some(Expr {
            kind: ExprKind::Ref(Reference { segments, span }),
            span,
        })
    }

    /// `selector*`: fields and rows, as many as follow.
    fn selectors(&mut self, segments: &mut Vec<Segment>) {
        loop {
            let before = self.pos;
            match self.selector() {
                Some(segment) => segments.push(segment),
                None => {
                    self.pos = before;
                    return;
                }
            }
        }
    }

    /// `selector`: `. name` or `[ sp row_selector sp ]`.
    fn selector(&mut self) -> Option<Segment> {
        if self.eat(".") {
            return self.name().map(Segment::Name);
        }
        if !self.eat("[") {
            return None;
        }
        self.hspace();
        let start = self.pos;
        let selector = if self.peek() == Some('"') {
            RowSelector::Label(self.string()?)
        } else {
            // `code`: digits not followed by a letter.
            let digits = self.rest().bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            self.pos += digits;
            if self.peek().is_some_and(XID_CONTINUE) {
                return None;
            }
            RowSelector::Code(self.text[start..self.pos].to_owned(), self.span(start))
        };
        self.hspace();
        self.eat("]").then_some(Segment::Row(selector))
    }

    /// `string`: `"…"` with `\` escapes.
    fn string(&mut self) -> Option<Str> {
        let start = self.pos;
        if !self.eat("\"") {
            return None;
        }
        let inner_start = self.pos;
        loop {
            match self.peek()? {
                '"' => break,
                '\\' => {
                    self.pos += 1;
                    self.pos += self.peek()?.len_utf8();
                }
                c => self.pos += c.len_utf8(),
            }
        }
        let raw = &self.text[inner_start..self.pos];
        self.pos += 1;
        Some(Str {
            value: unescape(raw),
            span: self.span(start),
        })
    }

    /// `arguments`: `( sp (argument sp (comma sp argument sp)*)? (comma sp)? )`.
    fn arguments(&mut self) -> Option<Vec<Argument>> {
        if !self.eat("(") {
            return None;
        }
        self.hspace();
        let mut args = Vec::new();
        let before = self.pos;
        match self.argument() {
            Some(first) => {
                args.push(first);
                self.hspace();
                loop {
                    let before = self.pos;
                    let next = if self.comma() {
                        self.hspace();
                        self.argument()
                    } else {
                        None
                    };
                    match next {
                        Some(arg) => {
                            args.push(arg);
                            self.hspace();
                        }
                        None => {
                            self.pos = before;
                            break;
                        }
                    }
                }
            }
            None => self.pos = before,
        }
        if self.comma() {
            self.hspace();
        }
        self.eat(")").then_some(args)
    }

    /// `argument`: `expr (sp where_kw sp expr)?`.
    fn argument(&mut self) -> Option<Argument> {
        let start = self.pos;
        let value = self.expr()?;
        let before = self.pos;
        self.hspace();
        let filter = if self.eat("其中") || self.eat("where") {
            self.hspace();
            self.expr()
        } else {
            None
        };
        if filter.is_none() {
            self.pos = before;
        }
        Some(Argument {
            value,
            filter,
            span: self.span(start),
        })
    }

    /// `name`: `「…」` or an identifier (`XID_START` or `_`, then `XID_CONTINUE` or `_`).
    fn name(&mut self) -> Option<Name> {
        let start = self.pos;
        if self.eat("「") {
            let inner = self.pos;
            while !self.at_line_end() && !self.rest().starts_with('」') {
                self.pos += self.peek().map_or(1, char::len_utf8);
            }
            if self.pos == inner || !self.rest().starts_with('」') {
                self.pos = start;
                return None;
            }
            let text = self.text[inner..self.pos].to_owned();
            self.pos += '」'.len_utf8();
            return Some(Name {
                text,
                span: self.span(start),
            });
        }
        if !self.eat_char(|c| XID_START(c) || c == '_') {
            return None;
        }
        while self.eat_char(|c| XID_CONTINUE(c) || c == '_') {}
        Some(Name {
            text: self.text[start..self.pos].to_owned(),
            span: self.span(start),
        })
    }

    /// `literal`: `sign? number unit? exact?`.
    fn literal(&mut self) -> Option<Literal> {
        let start = self.pos;
        let negative = self.rest().starts_with('-');
        // `sign?`: whether there is one, the digits must follow.
        let _signed = self.eat("-") || self.eat("+");
        // `number`: digits, and a fraction when a digit follows the point.
        let number_start = self.pos;
        let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
        let whole = digits(self.rest());
        if whole == 0 {
            return None;
        }
        self.pos += whole;
        if self.rest().starts_with('.') {
            let fraction = digits(&self.rest()[1..]);
            if fraction > 0 {
                self.pos += 1 + fraction;
            }
        }
        let Ok(mut value) = Decimal::from_str_exact(&self.text[number_start..self.pos]) else {
            self.overflow = true;
            return None;
        };
        if negative {
            value.set_sign_negative(true);
        }
        let unit = self.unit();
        let exact = self.rest().starts_with('!') && !self.rest()[1..].starts_with('=');
        if exact {
            self.pos += 1;
        }
        Some(Literal {
            value,
            unit,
            exact,
            span: self.span(start),
        })
    }

    /// `unit`: `%`, `‰`, or `unit_word` with an optional `(unit_word)` or `（unit_word）`.
    fn unit(&mut self) -> Option<Name> {
        let start = self.pos;
        if !(self.eat("%") || self.eat("‰")) {
            if !self.unit_word() {
                return None;
            }
            let before = self.pos;
            let bracketed = (self.eat("(") && self.unit_word() && self.eat(")")) || {
                self.pos = before;
                self.eat("（") && self.unit_word() && self.eat("）")
            };
            if !bracketed {
                self.pos = before;
            }
        }
        Some(Name {
            text: self.text[start..self.pos].to_owned(),
            span: self.span(start),
        })
    }

    /// `unit_word`: one or more `XID_CONTINUE` that are not ASCII digits.
    fn unit_word(&mut self) -> bool {
        let start = self.pos;
        while self.eat_char(|c| !c.is_ascii_digit() && XID_CONTINUE(c)) {}
        self.pos > start
    }
}

/// `heading_start` after its spaces: the level (one to six `#`, greedy) when a space follows.
fn heading_start(line: &str) -> Option<usize> {
    let hashes = line.bytes().take(6).take_while(|&b| b == b'#').count();
    (hashes > 0 && line[hashes..].chars().next().is_some_and(is_hspace)).then_some(hashes)
}

/// `list_start` after its spaces: the length of the marker (`-`, `+`, or one to three
/// digits, greedy, and `.`) when a space follows.
fn list_start(line: &str) -> Option<usize> {
    let digits = line.bytes().take(3).take_while(u8::is_ascii_digit).count();
    let marker = if line.starts_with('-') || line.starts_with('+') {
        1
    } else if digits > 0 && line[digits..].starts_with('.') {
        digits + 1
    } else {
        return None;
    };
    line[marker..]
        .chars()
        .next()
        .is_some_and(is_hspace)
        .then_some(marker)
}

/// Whether `line` starts with one of `keywords` and a space (`kw ~ hspace`).
fn keyword_then_space(line: &str, keywords: &[&str]) -> bool {
    keywords.iter().any(|keyword| {
        line.strip_prefix(keyword)
            .is_some_and(|after| after.chars().next().is_some_and(is_hspace))
    })
}

fn is_hspace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}')
}

#[cfg(test)]
mod tests {
    use super::item;
    use crate::ast::{Block, Item};
    use crate::source::FileId;

    /// The fast path reads every group, table, figure line and piece of narrative of the example
    /// report and of the standard library itself (it is there to be fast on real reports), and
    /// gives what pest gives for each.
    #[test]
    fn the_fast_path_reads_real_reports() {
        let texts = [
            include_str!("../../examples/lusong-hrss-2019/report.jues"),
            include_str!("../../stdlib/部门决算.jues"),
        ];
        for text in texts {
            let (module, errors) = super::super::parse_with_pest_only(FileId(0), text);
            assert!(errors.is_empty());
            let mut read = 0;
            for expected in &module.items {
                let span = match expected {
                    Item::Group(g) => g.span,
                    Item::Figure(f) => f.span,
                    Item::Table(t) => t.span,
                    Item::Block(Block::Heading(h)) => h.span,
                    Item::Block(Block::Paragraph(p)) => p.span,
                    Item::Block(Block::List(l)) => l.span,
                    Item::Block(Block::Each(e)) => e.span,
                    Item::Block(Block::If(i)) => i.span,
                    _ => continue,
                };
                let (fast, _) = item(FileId(0), text, span.start as usize)
                    .unwrap_or_else(|| panic!("the fast path steps back at {span:?}"));
                // A list of several items is merged from one item at a time.
                if !matches!(expected, Item::Block(Block::List(_))) {
                    assert_eq!(format!("{fast:?}"), format!("{expected:?}"));
                }
                read += 1;
            }
            assert!(read >= 5, "{read} items read");
        }
    }
}
