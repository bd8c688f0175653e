//! The build's checks of the built-in resources: each parses; each translation says what the
//! base locale says (the same messages, variables, attributes, and the same kind of selection
//! on each variable); references point at entries that exist; no function is called (none is
//! available to the widget's messages). A message a translation lacks is only a warning: the
//! widget shows the base locale's text for it, marked with that locale's `lang`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use fluent_syntax::ast;
use ftl_format::Category;

use crate::guard::{self, Guarded};
use crate::{SyntaxError, SyntaxKind};

/// A resource to check: where it is (for the messages) and its text.
pub struct Source<'a> {
    pub path: &'a str,
    pub text: &'a str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    /// 1-based; 0 when the problem is an absence.
    pub line: usize,
    pub kind: ProblemKind,
}

/// How a select expression's keys read: plural categories and numbers, or other names. A
/// select with only `*[other]` says nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    Plural,
    Named,
}

/// What a translation must keep of a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Variables,
    Attributes,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    Syntax(SyntaxKind),
    Duplicate {
        id: String,
    },
    /// A translation has an entry the base has not (dead text, or an id the base renamed).
    NotInBase {
        id: String,
    },
    /// A warning: the base locale's text is shown for it.
    Missing {
        id: String,
    },
    /// The message's variables or attributes are not the base locale's.
    Differs {
        id: String,
        part: Part,
        base: Vec<String>,
        here: Vec<String>,
    },
    /// One select mixes plural categories (or numbers) with other names.
    MixedKeys {
        id: String,
        variable: String,
    },
    /// `$variable` is selected on as `here` in this resource and as `elsewhere` in another.
    SelectionDiffers {
        id: String,
        variable: String,
        here: Selection,
        elsewhere: Selection,
    },
    /// A message or term reference (`msg`, `msg.attr`, `-term`, `-term.attr`) to nothing.
    UnknownReference {
        id: String,
        reference: String,
    },
    Function {
        id: String,
        name: String,
    },
}

impl Problem {
    pub fn is_warning(&self) -> bool {
        matches!(self.kind, ProblemKind::Missing { .. })
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "{}: ", self.path)?,
            line => write!(f, "{}:{line}: ", self.path)?,
        }
        match &self.kind {
            ProblemKind::Syntax(kind) => write!(f, "{kind}"),
            ProblemKind::Duplicate { id } => write!(f, "\"{id}\" is defined twice"),
            ProblemKind::NotInBase { id } => {
                write!(f, "\"{id}\" is not in the base locale (renamed there, or dead text)")
            }
            ProblemKind::Missing { id } => {
                write!(f, "\"{id}\" is missing; the base locale's text is shown")
            }
            ProblemKind::Differs {
                id,
                part,
                base,
                here,
            } => write!(
                f,
                "\"{id}\" has the {} {here:?}, the base locale {base:?}",
                match part {
                    Part::Variables => "variables",
                    Part::Attributes => "attributes",
                }
            ),
            ProblemKind::MixedKeys { id, variable } => write!(
                f,
                "\"{id}\" selects on ${variable} with plural categories and other names at once"
            ),
            ProblemKind::SelectionDiffers {
                id,
                variable,
                here,
                elsewhere,
            } => write!(
                f,
                "\"{id}\" selects on ${variable} by {here:?} keys, another locale by {elsewhere:?} keys"
            ),
            ProblemKind::UnknownReference { id, reference } => {
                write!(f, "\"{id}\" refers to {reference}, which is not defined")
            }
            ProblemKind::Function { id, name } => write!(
                f,
                "\"{id}\" calls {name}(); no function is available to the built-in messages"
            ),
        }
    }
}

/// What a translation must keep from the base locale, per entry (terms as `-id`).
#[derive(Default)]
struct Shape<'s> {
    line: usize,
    variables: BTreeSet<&'s str>,
    attributes: BTreeSet<&'s str>,
    selections: Vec<(&'s str, Option<Selection>, bool)>,
    references: Vec<String>,
    functions: Vec<&'s str>,
}

struct Parsed<'s> {
    path: &'s str,
    shapes: BTreeMap<String, Shape<'s>>,
    /// Every defined reference target: `id`, `id.attr`, `-id`, `-id.attr`, and `id` marked
    /// as having a value.
    targets: BTreeSet<String>,
}

/// Checks `base` and each translation against it. Problems come in file order.
pub fn check(base: &Source<'_>, translations: &[Source<'_>]) -> Vec<Problem> {
    let mut problems = Vec::new();
    // Each text as the parser may read it (which the parsed entries borrow from), and what the
    // guard found in it.
    let mut found: Vec<Vec<SyntaxError>> = Vec::new();
    let guarded: Vec<Guarded<'_>> = std::iter::once(base)
        .chain(translations)
        .map(|source| {
            let mut errors = Vec::new();
            let text = guard::defuse(source.text, |error| errors.push(error));
            found.push(errors);
            text
        })
        .collect();
    let mut found = found.into_iter();
    let base_found = found.next().unwrap_or_default();
    let base_parsed = parse(base, &guarded[0], base_found, &mut problems);
    let parsed: Vec<Parsed<'_>> = translations
        .iter()
        .zip(&guarded[1..])
        .zip(found)
        .map(|((t, g), f)| parse(t, g, f, &mut problems))
        .collect();
    let mut selections: BTreeMap<(String, &str), Selection> = BTreeMap::new();
    for file in std::iter::once(&base_parsed).chain(&parsed) {
        check_own(file, &mut selections, &mut problems);
    }
    for file in &parsed {
        compare(&base_parsed, file, &mut problems);
    }
    problems
}

fn problem(file: &Parsed<'_>, line: usize, kind: ProblemKind) -> Problem {
    Problem {
        path: file.path.to_string(),
        line,
        kind,
    }
}

/// One file parsed; its syntax problems (the guard's `found` among them) join `problems`.
fn parse<'s>(
    source: &Source<'s>,
    guarded: &'s Guarded<'_>,
    found: Vec<SyntaxError>,
    problems: &mut Vec<Problem>,
) -> Parsed<'s> {
    let (resource, errors) = crate::parse(guarded, found);
    problems.extend(errors.into_iter().map(|error| Problem {
        path: source.path.to_string(),
        line: error.line,
        kind: ProblemKind::Syntax(error.kind),
    }));
    let lines = entry_lines(source.text);
    let mut parsed = Parsed {
        path: source.path,
        shapes: BTreeMap::new(),
        targets: BTreeSet::new(),
    };
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for entry in resource.body {
        let (id, value, attributes) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_string(), m.value, m.attributes),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
            _ => continue,
        };
        let nth = seen.entry(id.clone()).or_insert(0);
        let line = lines
            .iter()
            .filter(|(name, _)| *name == id)
            .nth(*nth)
            .map_or(0, |(_, line)| *line);
        *nth += 1;
        if parsed.shapes.contains_key(&id) {
            problems.push(problem(&parsed, line, ProblemKind::Duplicate { id }));
            continue;
        }
        let mut shape = Shape {
            line,
            ..Shape::default()
        };
        if let Some(value) = &value {
            walk_pattern(value, &mut shape);
            parsed.targets.insert(format!("{id}="));
        }
        parsed.targets.insert(id.clone());
        for attribute in &attributes {
            shape.attributes.insert(attribute.id.name);
            parsed.targets.insert(format!("{id}.{}", attribute.id.name));
            walk_pattern(&attribute.value, &mut shape);
        }
        parsed.shapes.insert(id, shape);
    }
    parsed
}

/// Where each entry starts: `(id, line)`, terms as `-id`, in source order.
fn entry_lines(text: &str) -> Vec<(String, usize)> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let name: String = line
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
                .collect();
            let rest = line[name.len()..].trim_start();
            (!name.is_empty() && rest.starts_with('=')).then_some((name, i + 1))
        })
        .collect()
}

/// The checks of one resource on its own, and the selections it makes (shared across files).
fn check_own<'s>(
    file: &Parsed<'s>,
    selections: &mut BTreeMap<(String, &'s str), Selection>,
    problems: &mut Vec<Problem>,
) {
    for (id, shape) in &file.shapes {
        for reference in &shape.references {
            if !file.targets.contains(reference) {
                problems.push(problem(
                    file,
                    shape.line,
                    ProblemKind::UnknownReference {
                        id: id.clone(),
                        reference: reference.trim_end_matches('=').to_string(),
                    },
                ));
            }
        }
        for name in &shape.functions {
            problems.push(problem(
                file,
                shape.line,
                ProblemKind::Function {
                    id: id.clone(),
                    name: name.to_string(),
                },
            ));
        }
        for &(variable, selection, mixed) in &shape.selections {
            if mixed {
                problems.push(problem(
                    file,
                    shape.line,
                    ProblemKind::MixedKeys {
                        id: id.clone(),
                        variable: variable.to_string(),
                    },
                ));
                continue;
            }
            let Some(here) = selection else { continue };
            let elsewhere = *selections.entry((id.clone(), variable)).or_insert(here);
            if elsewhere != here {
                problems.push(problem(
                    file,
                    shape.line,
                    ProblemKind::SelectionDiffers {
                        id: id.clone(),
                        variable: variable.to_string(),
                        here,
                        elsewhere,
                    },
                ));
            }
        }
    }
}

/// A translation against the base: the same messages, variables and attributes. Terms are
/// each locale's own (a translation may need one the base does not).
fn compare(base: &Parsed<'_>, file: &Parsed<'_>, problems: &mut Vec<Problem>) {
    for (id, shape) in messages(file) {
        let Some(theirs) = base.shapes.get(id) else {
            problems.push(problem(
                file,
                shape.line,
                ProblemKind::NotInBase { id: id.clone() },
            ));
            continue;
        };
        let list = |set: &BTreeSet<&str>| set.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        for (part, base, here) in [
            (Part::Variables, &theirs.variables, &shape.variables),
            (Part::Attributes, &theirs.attributes, &shape.attributes),
        ] {
            if base != here {
                problems.push(problem(
                    file,
                    shape.line,
                    ProblemKind::Differs {
                        id: id.clone(),
                        part,
                        base: list(base),
                        here: list(here),
                    },
                ));
            }
        }
    }
    for (id, _) in messages(base) {
        if !file.shapes.contains_key(id) {
            problems.push(problem(file, 0, ProblemKind::Missing { id: id.clone() }));
        }
    }
}

fn walk_pattern<'s>(pattern: &ast::Pattern<&'s str>, shape: &mut Shape<'s>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, shape);
        }
    }
}

fn walk_expression<'s>(expression: &ast::Expression<&'s str>, shape: &mut Shape<'s>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            if let ast::InlineExpression::VariableReference { id } = selector {
                let (plural, named) =
                    variants
                        .iter()
                        .fold((false, false), |(p, n), v| match v.key {
                            ast::VariantKey::NumberLiteral { .. } => (true, n),
                            ast::VariantKey::Identifier { name } => match Category::from_name(name)
                            {
                                Some(Category::Other) => (p, n),
                                Some(_) => (true, n),
                                None => (p, true),
                            },
                        });
                let selection = match (plural, named) {
                    (true, false) => Some(Selection::Plural),
                    (false, true) => Some(Selection::Named),
                    _ => None,
                };
                shape.selections.push((id.name, selection, plural && named));
            }
            walk_inline(selector, shape);
            for variant in variants {
                walk_pattern(&variant.value, shape);
            }
        }
        ast::Expression::Inline(inline) => walk_inline(inline, shape),
    }
}

fn walk_inline<'s>(inline: &ast::InlineExpression<&'s str>, shape: &mut Shape<'s>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            shape.variables.insert(id.name);
        }
        ast::InlineExpression::FunctionReference { id, arguments } => {
            shape.functions.push(id.name);
            walk_arguments(arguments, shape);
        }
        ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => {
            shape.references.push(match attribute {
                Some(a) => format!("-{}.{}", id.name, a.name),
                None => format!("-{}=", id.name),
            });
            if let Some(arguments) = arguments {
                walk_arguments(arguments, shape);
            }
        }
        // A message reference's variables belong to that message, checked on its own.
        ast::InlineExpression::MessageReference { id, attribute } => {
            shape.references.push(match attribute {
                Some(a) => format!("{}.{}", id.name, a.name),
                None => format!("{}=", id.name),
            });
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, shape),
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. } => {}
    }
}

fn walk_arguments<'s>(arguments: &ast::CallArguments<&'s str>, shape: &mut Shape<'s>) {
    for positional in &arguments.positional {
        walk_inline(positional, shape);
    }
    for named in &arguments.named {
        walk_inline(&named.value, shape);
    }
}

fn messages<'p, 's>(parsed: &'p Parsed<'s>) -> impl Iterator<Item = (&'p String, &'p Shape<'s>)> {
    parsed.shapes.iter().filter(|(id, _)| !id.starts_with('-'))
}
