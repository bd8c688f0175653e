//! news-widget's Fluent compiler: `.ftl` source, read by Fluent's own parser (fluent-syntax),
//! lowered into the compact form that `ftl_format` formats. The build uses it for the built-in
//! resources (with `check`, which holds the translations to the base locale); the widget uses
//! it at run time for the resources a site adds (the `locales` option).

pub mod check;
mod lower;

use std::fmt;

use fluent_syntax::parser::{self, ErrorKind};

/// An entry that does not parse. The resource's other entries still compile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line of the source where the parser stopped.
    pub line: usize,
    pub kind: ErrorKind,
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
    let (resource, errors) = match parser::parse_runtime(source) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (resource, errors),
    };
    let errors = errors
        .into_iter()
        .map(|e| SyntaxError {
            line: line_of(source, e.pos.start),
            kind: e.kind,
        })
        .collect();
    (lower::resource(&resource), errors)
}

/// The 1-based line of byte `offset` in `source`.
pub(crate) fn line_of(source: &str, offset: usize) -> usize {
    let end = offset.min(source.len());
    source.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
