//! news-widget's Fluent compiler: `.ftl` source, read by Fluent's own parser (fluent-syntax),
//! lowered into the compact form that `ftl_format` formats. The build uses it for the built-in
//! resources (with `check`, which holds the translations to the base locale); the widget uses
//! it at run time for the resources a site adds (the `locales` option). Every parse goes through
//! `guard` first, so that no source can make the parser trap the module that runs it.

pub mod check;
pub mod guard;
mod lower;

use std::fmt;

use fluent_syntax::ast;
use fluent_syntax::parser::{self, ErrorKind};

/// An entry that does not parse. The resource's other entries still compile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line of the source where the parser stopped, or where `guard` found the entry
    /// that the parser would have trapped on.
    pub line: usize,
    pub kind: SyntaxKind,
}

/// Why an entry does not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxKind {
    /// As Fluent's parser reports it.
    Parser(ErrorKind),
    /// A `\u` or `\U` escape with too few hex digits before a non-ASCII character (which
    /// fluent-syntax 0.12 panics on): the escape and its digits, and that character.
    BadEscape { escape: String, found: char },
    /// Placeables or call arguments nested deeper than `guard::MAX_NESTING` (which the parser
    /// follows with a call per level).
    TooDeep,
}

impl fmt::Display for SyntaxKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyntaxKind::Parser(kind) => kind.fmt(f),
            SyntaxKind::BadEscape { escape, found } => write!(
                f,
                "invalid escape {escape}{found} (a \\u escape needs hex digits)"
            ),
            SyntaxKind::TooDeep => write!(
                f,
                "placeables or call arguments nested deeper than {}",
                guard::MAX_NESTING
            ),
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.kind)
    }
}

impl std::error::Error for SyntaxError {}

/// The one way in: `.ftl` source to the compact form (which `ftl_format::Resource::new`
/// reads), with the syntax errors of the entries left out.
pub fn compile(source: &str) -> (Vec<u8>, Vec<SyntaxError>) {
    let mut found = Vec::new();
    let guarded = guard::defuse(source, |error| found.push(error));
    let (resource, errors) = parse(&guarded, found);
    (lower::resource(&resource), errors)
}

/// The guarded text parsed, with its syntax errors: what the guard `found`, and the parser's
/// in the order of their lines, except on a line the guard reported already (where they are
/// the guard's `?` seen by the parser).
pub(crate) fn parse<'t>(
    guarded: &'t guard::Guarded<'_>,
    mut errors: Vec<SyntaxError>,
) -> (ast::Resource<&'t str>, Vec<SyntaxError>) {
    let text: &str = &guarded.text;
    let (resource, parse_errors) = match parser::parse_runtime(text) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, parse_errors)) => (resource, parse_errors),
    };
    // The guard's, in line order.
    let guarded_lines = errors.len();
    let lines = Lines::new(text);
    for error in parse_errors {
        let line = guarded.line_of(&lines, error.pos.start);
        let reported = errors[..guarded_lines].binary_search_by_key(&line, |e| e.line);
        if reported.is_err() {
            errors.push(SyntaxError {
                line,
                kind: SyntaxKind::Parser(error.kind),
            });
        }
    }
    // Both lists are in line order: a stable sort of two runs.
    errors.sort_by_key(|e| e.line);
    (resource, errors)
}

/// Where each line of a text starts, to find the line of an offset in logarithmic time (a
/// resource with an error on each line would take quadratic time counting from the start).
pub(crate) struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub(crate) fn new(text: &str) -> Lines {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Lines { starts }
    }

    /// The 1-based line of byte `offset`.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}
