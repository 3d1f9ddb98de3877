//! Check stage: walking every expression, call and setting of the documents and resolving it
//! against the [`Scope`].

use super::error::CheckError;
use super::functions::Function;
use super::resolve::{Context, Resolutions, Scope, Target};
use crate::ast::*;
use crate::diagnostics::did_you_mean;
use crate::i18n::Message;
use crate::msg;
use crate::settings::{ReportSetting, TableSetting};
use crate::source::Span;

/// Resolves every reference, call and setting of `modules` against `scope`, and returns what
/// each reference names.
pub(crate) fn resolve_all(
    scope: &Scope,
    modules: &[Module],
    errors: &mut Vec<CheckError>,
) -> Resolutions {
    let mut walker = Walker {
        scope,
        errors,
        owner: None,
        resolutions: Resolutions::default(),
    };
    for module in modules {
        for item in &module.items {
            walker.item(item);
        }
    }
    walker.resolutions
}

struct Walker<'a> {
    scope: &'a Scope,
    errors: &'a mut Vec<CheckError>,
    /// Whose expressions are being walked, for the wording of a `待填` (`` figure `收入.合计` ``);
    /// `None` in prose (`the text here`).
    owner: Option<Message>,
    resolutions: Resolutions,
}

impl Walker<'_> {
    fn item(&mut self, item: &Item) {
        let top = Context::default();
        match item {
            Item::Report(report) => {
                let place = msg!("check-settings-of-report");
                let known = ReportSetting::spelled();
                self.settings(&report.settings, place, ReportSetting::parse, known, false)
            }
            Item::Prior(prior) => {
                let prefix = vec![prior.keyword.text.clone()];
                self.members(&prefix, &prior.members);
            }
            Item::Group(group) => self.group(&[], group),
            Item::Figure(figure) => self.figure(&[], figure),
            Item::Table(table) => self.table(table),
            Item::Check(check) => self.expr(&check.condition, top),
            Item::Import(_) => {}
            Item::Block(block) => self.block(block, top),
        }
    }

    fn members(&mut self, prefix: &[String], members: &[Member]) {
        for member in members {
            match member {
                Member::Figure(f) => self.figure(prefix, f),
                Member::Group(g) => self.group(prefix, g),
            }
        }
    }

    fn group(&mut self, prefix: &[String], group: &GroupDecl) {
        let mut inner = prefix.to_vec();
        inner.extend(group.name.segments.iter().map(|s| s.text.clone()));
        self.members(&inner, &group.members);
    }

    fn figure(&mut self, group: &[String], figure: &Figure) {
        if let Some(formula) = &figure.formula {
            let context = Context {
                group,
                ..Context::default()
            };
            let mut name = group.to_vec();
            name.extend(figure.name.segments.iter().map(|s| s.text.clone()));
            self.owner = Some(msg!("check-unfilled-figure", name = name.join(".")));
            self.expr(formula, context);
            self.owner = None;
        }
    }

    /// Reports keys that are no setting of the block, and a setting given twice (in either
    /// spelling).
    fn settings<S: PartialEq + Copy>(
        &mut self,
        settings: &[Setting],
        place: Message,
        parse: fn(&str) -> Option<S>,
        known: Vec<(&'static str, &'static str)>,
        table: bool,
    ) {
        let mut seen: Vec<(S, Span)> = Vec::new();
        for setting in settings {
            let key = setting.key.text.as_str();
            match parse(key) {
                None => self.errors.push(CheckError::UnknownSetting {
                    key: key.to_owned(),
                    span: setting.key.span,
                    place: place.clone(),
                    suggestion: did_you_mean(key, known.iter().flat_map(|(c, e)| [*c, *e]))
                        .map(str::to_owned),
                    known: known.clone(),
                    row: table && matches!(setting.value, SettingValue::Number(_)),
                }),
                Some(parsed) => match seen.iter().find(|(s, _)| *s == parsed) {
                    Some((_, first)) => self.errors.push(CheckError::Duplicate {
                        what: msg!("check-defined-setting"),
                        name: key.to_owned(),
                        span: setting.key.span,
                        first: *first,
                    }),
                    None => seen.push((parsed, setting.key.span)),
                },
            }
        }
    }

    fn table(&mut self, table: &TableDecl) {
        let known = TableSetting::spelled();
        let place = msg!("check-settings-of-table");
        self.settings(&table.settings, place, TableSetting::parse, known, true);
        let Some(def) = self.scope.tables.get(&table.name.text) else {
            return;
        };
        let context = Context {
            table: Some(&table.name.text),
            ..Context::default()
        };
        self.owner = Some(msg!("check-unfilled-table", name = &table.name.text));
        for column in &table.columns {
            if let ColumnKind::Computed(expr) = &column.kind {
                self.expr(expr, context);
            }
        }
        self.owner = None;
        for row in &table.rows {
            for cell in &row.cells {
                if let CellValue::Placeholder(span) = cell.value {
                    self.errors.push(CheckError::Unfilled {
                        span,
                        what: msg!("check-unfilled-cell", name = &table.name.text),
                    });
                }
                if let Some(column) = &cell.column {
                    if !def.has_column(&column.text) {
                        self.errors
                            .push(def.unknown_column(&table.name.text, column));
                    }
                }
            }
        }
    }

    fn block(&mut self, block: &Block, context: Context<'_>) {
        match block {
            Block::Heading(h) => self.inlines(&h.content, context),
            Block::Paragraph(p) => self.inlines(&p.content, context),
            Block::List(list) => {
                for item in &list.items {
                    self.inlines(&item.content, context);
                }
            }
            Block::Each(each) => {
                let table = match self.scope.resolve(&each.table, context) {
                    Ok(Target::Table(name)) => {
                        let target = Target::Table(name.clone());
                        self.resolutions.insert(each.table.span, target);
                        Some(name)
                    }
                    Ok(_) => {
                        self.errors.push(CheckError::UnknownName {
                            name: each.table.display(),
                            span: each.table.span,
                            suggestion: None,
                        });
                        None
                    }
                    Err(e) => {
                        self.errors.push(e);
                        None
                    }
                };
                let inner = Context {
                    table: table.as_deref(),
                    in_loop: table.is_some(),
                    group: context.group,
                };
                if let Some(filter) = &each.filter {
                    self.expr(filter, inner);
                }
                for b in &each.body {
                    self.block(b, inner);
                }
            }
            Block::If(block) => {
                self.expr(&block.condition, context);
                for b in block.then_body.iter().chain(&block.else_body) {
                    self.block(b, context);
                }
            }
        }
    }

    fn inlines(&mut self, inlines: &[Inline], context: Context<'_>) {
        for inline in inlines {
            match inline {
                Inline::Interpolation(i) => self.expr(&i.expr, context),
                Inline::Strong(inner, _) | Inline::Emphasis(inner, _) => {
                    self.inlines(inner, context)
                }
                Inline::Text(..) | Inline::SoftBreak(_) => {}
            }
        }
    }

    fn expr(&mut self, expr: &Expr, context: Context<'_>) {
        match &expr.kind {
            ExprKind::Literal(_) => {}
            // An expression the lowering refused (J0004), not a `待填`.
            ExprKind::Placeholder if expr.span.start == expr.span.end => {}
            ExprKind::Placeholder => self.errors.push(CheckError::Unfilled {
                span: expr.span,
                what: self
                    .owner
                    .clone()
                    .unwrap_or_else(|| msg!("check-unfilled-text")),
            }),
            ExprKind::Ref(reference) => match self.scope.resolve(reference, context) {
                Ok(target) => {
                    self.resolutions.insert(reference.span, target);
                }
                Err(e) => self.errors.push(e),
            },
            ExprKind::Neg(inner) => self.expr(inner, context),
            ExprKind::Binary(_, left, right) => {
                self.expr(left, context);
                self.expr(right, context);
            }
            ExprKind::Call(call) => self.call(call, context),
        }
    }

    fn call(&mut self, call: &Call, context: Context<'_>) {
        match Function::lookup(&call.function.text) {
            None => self.errors.push(CheckError::UnknownFunction {
                name: call.function.text.clone(),
                span: call.function.span,
                suggestion: did_you_mean(&call.function.text, Function::all_names())
                    .map(str::to_owned),
            }),
            Some(function) => {
                let (min, max) = function.arity();
                let found = call.args.len();
                if found < min || max.is_some_and(|max| found > max) {
                    self.errors.push(CheckError::WrongArity {
                        function: call.function.text.clone(),
                        span: call.span,
                        min,
                        max,
                        found,
                    });
                }
            }
        }
        for arg in &call.args {
            self.expr(&arg.value, context);
            if let Some(filter) = &arg.filter {
                // A filter speaks of the rows of the table whose column is summed.
                let table = match &arg.value.kind {
                    ExprKind::Ref(r) => match self.scope.resolve(r, context) {
                        Ok(Target::ColumnValues { table, .. }) => Some(table),
                        _ => None,
                    },
                    _ => None,
                };
                let inner = Context {
                    table: table.as_deref().or(context.table),
                    ..context
                };
                self.expr(filter, inner);
            }
        }
    }
}
