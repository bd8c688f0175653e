//! A site's run-time `.ftl` (the `locales` option) on its way from the compiler to the widget.
//! The compiler (`compile_source`, Fluent's own parser through `ftl_compile`) runs in the tools
//! module, a wasm module of its own that only pages naming `locales` download; the widget's
//! module reads its answer (`Compilation::decode`) without an FTL parser. The answer crosses
//! between the two modules as bytes, written and read here: the compact form and the syntax
//! errors of the entries left out.

use ftl_format::form::{Reader, Writer};

/// What the compiler made of a resource: the compact form (which `ftl_format::Resource::new`
/// reads) and the entries it left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compilation {
    pub form: Vec<u8>,
    pub errors: Vec<SourceError>,
}

/// An entry that does not parse: where, and the parser's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceError {
    /// 1-based line of the resource.
    pub line: u32,
    pub detail: String,
}

/// The one way from `.ftl` text to the compact form (in the tools module, and in native tests).
pub fn compile_source(source: &str) -> Compilation {
    let (form, errors) = ftl_compile::compile(source);
    Compilation {
        form,
        errors: errors
            .into_iter()
            .map(|error| SourceError {
                line: u32::try_from(error.line).unwrap_or(u32::MAX),
                detail: error.kind.to_string(),
            })
            .collect(),
    }
}

impl Compilation {
    /// The bytes the tools module hands over: the error count, each error's line and text, then
    /// the form (each length-prefixed, in the form's own varints).
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.count(self.errors.len());
        for error in &self.errors {
            w.varint(error.line);
            w.string(&error.detail);
        }
        w.slice(&self.form);
        w.into_bytes()
    }

    /// Reads `encode`'s bytes; `None` for anything else (a truncated answer, another layout),
    /// which the widget reports instead of reading.
    pub fn decode(bytes: &[u8]) -> Option<Compilation> {
        let mut r = Reader::new(bytes);
        let count = r.varint()?;
        let mut errors = Vec::new();
        for _ in 0..count {
            errors.push(SourceError {
                line: r.varint()?,
                detail: r.string()?.to_owned(),
            });
        }
        let form = r.slice()?.to_vec();
        r.at_end().then_some(Compilation { form, errors })
    }
}
