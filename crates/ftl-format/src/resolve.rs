//! The formatter: walks a compiled pattern as fluent-bundle's resolver walks the AST, step for
//! step, so that the same resource gives the same text and the same errors (the widget's
//! differential test holds it to that): term arguments hide the caller's, references are
//! tracked for cycles, the 101st placeable stops everything, and a part that cannot be
//! formatted is written as `{…}`.

use std::borrow::Cow;

use crate::form::{self, Reader};
use crate::{Arg, Bundle, Category, FormatError, Number};

/// fluent-bundle's bound on placeables per formatting, against "billion laughs" resources.
const MAX_PLACEABLES: u8 = 100;

#[derive(Clone)]
enum Value<'a> {
    Str(Cow<'a, str>),
    Num(Number),
    Error,
}

impl<'a> Value<'a> {
    fn of(arg: &Arg<'a>) -> Value<'a> {
        match arg {
            Arg::Str(s) => Value::Str(s.clone()),
            Arg::Num(n) => Value::Num(Number::from(*n)),
        }
    }
}

enum Key<'a> {
    Name(&'a str),
    Number(Number),
}

struct Scope<'a, 'e> {
    bundle: &'a Bundle<'a>,
    args: &'a [(&'a str, Arg<'a>)],
    /// Inside a term: its own arguments, which are all it sees.
    local_args: Option<Vec<(&'a str, Value<'a>)>>,
    placeables: u8,
    /// The patterns being formatted (by address), against cycles.
    traveled: Vec<usize>,
    errors: &'e mut Vec<FormatError>,
    /// Set at the 101st placeable: nothing more is written.
    dirty: bool,
}

pub(crate) fn format<'a>(
    bundle: &'a Bundle<'a>,
    pattern: &'a [u8],
    args: &'a [(&'a str, Arg<'a>)],
    errors: &mut Vec<FormatError>,
) -> String {
    let mut scope = Scope {
        bundle,
        args,
        local_args: None,
        placeables: 0,
        traveled: Vec::new(),
        errors,
        dirty: false,
    };
    let mut out = String::new();
    scope.pattern(&mut out, pattern);
    out
}

/// A reference's id, and its attribute's name in the attribute form.
fn reference<'a>(r: &mut Reader<'a>, with_attribute: bool) -> Option<(&'a str, Option<&'a str>)> {
    let id = r.string()?;
    let attribute = if with_attribute {
        Some(r.string()?)
    } else {
        None
    };
    Some((id, attribute))
}

/// What fluent-bundle writes between braces for an expression it could not format.
fn error_text(mut r: Reader<'_>, out: &mut String) -> Option<()> {
    let tag = r.byte()?;
    match tag {
        form::VARIABLE => {
            out.push('$');
            out.push_str(r.string()?);
        }
        form::MESSAGE | form::MESSAGE_ATTRIBUTE | form::TERM_REFERENCE | form::TERM_ATTRIBUTE => {
            if matches!(tag, form::TERM_REFERENCE | form::TERM_ATTRIBUTE) {
                out.push('-');
            }
            out.push_str(r.string()?);
            if matches!(tag, form::MESSAGE_ATTRIBUTE | form::TERM_ATTRIBUTE) {
                out.push('.');
                out.push_str(r.string()?);
            }
        }
        form::FUNCTION => {
            out.push_str(r.string()?);
            out.push_str("()");
        }
        form::SELECT => return error_text(r, out),
        // Literals and nested placeables: fluent-bundle has no text for them (it panics).
        _ => {}
    }
    Some(())
}

impl<'a> Scope<'a, '_> {
    fn pattern(&mut self, out: &mut String, pattern: &'a [u8]) {
        let mut r = Reader::new(pattern);
        while let Some(tag) = r.byte() {
            if self.dirty {
                return;
            }
            if tag == form::TEXT {
                match r.string() {
                    Some(text) => out.push_str(text),
                    None => return,
                }
                continue;
            }
            self.placeables += 1;
            if self.placeables > MAX_PLACEABLES {
                self.dirty = true;
                self.errors.push(FormatError::TooManyPlaceables);
                return;
            }
            if self.traveled.is_empty() {
                self.traveled.push(pattern.as_ptr() as usize);
            }
            let at = r.pos - 1;
            if self.expression(out, tag, &mut r).is_none() {
                return;
            }
            if self.dirty {
                out.push('{');
                let _ = error_text(r.at(at), out);
                out.push('}');
            }
        }
    }

    /// Writes the expression whose tag was just read from `r`, and reads past it.
    fn expression(&mut self, out: &mut String, tag: u8, r: &mut Reader<'a>) -> Option<()> {
        if tag != form::SELECT {
            return self.inline(out, tag, r);
        }
        let selector_tag = r.byte()?;
        let selector = self.resolve(selector_tag, r)?;
        let count = r.varint()?;
        let default = r.varint()?;
        let mut chosen = None;
        let mut fallback = None;
        for i in 0..count {
            let key = match r.byte()? {
                form::KEY_NAME => Key::Name(r.string()?),
                _ => Key::Number(Number::literal(r.string()?, self.bundle.numbers)),
            };
            let pattern = r.slice()?;
            if i == default {
                fallback = Some(pattern);
            }
            if chosen.is_none() && self.matches(&key, &selector) {
                chosen = Some(pattern);
            }
        }
        if let Some(pattern) = chosen.or(fallback) {
            self.pattern(out, pattern);
        }
        Some(())
    }

    fn matches(&self, key: &Key<'_>, selector: &Value<'_>) -> bool {
        match (key, selector) {
            (Key::Name(name), Value::Str(s)) => *name == s.as_ref(),
            (Key::Number(k), Value::Num(n)) => k == n,
            (Key::Name(name), Value::Num(n)) => Category::from_name(name)
                .is_some_and(|c| c == self.bundle.numbers.category(self.bundle.locale, *n)),
            _ => false,
        }
    }

    fn inline(&mut self, out: &mut String, tag: u8, r: &mut Reader<'a>) -> Option<()> {
        let at = r.pos - 1;
        match tag {
            form::STRING => out.push_str(r.string()?),
            form::NUMBER => {
                let n = Number::literal(r.string()?, self.bundle.numbers);
                out.push_str(&self.bundle.numbers.format(self.bundle.locale, n));
            }
            form::VARIABLE => {
                let id = r.string()?;
                match self.variable(id) {
                    Some(value) => self.write_value(out, &value),
                    None => {
                        if self.local_args.is_none() {
                            self.errors
                                .push(FormatError::UnknownVariable(id.to_string()));
                        }
                        out.push_str("{$");
                        out.push_str(id);
                        out.push('}');
                    }
                }
            }
            form::MESSAGE | form::MESSAGE_ATTRIBUTE => {
                let (id, attribute) = reference(r, tag == form::MESSAGE_ATTRIBUTE)?;
                let message = self.bundle.entry(id).filter(|e| !e.term);
                match (message, attribute) {
                    (Some(m), Some(name)) => match m.attribute(name) {
                        Some(pattern) => self.track(out, pattern, r.at(at)),
                        None => self.reference_error(out, r.at(at)),
                    },
                    (Some(m), None) => match m.value {
                        Some(pattern) => self.track(out, pattern, r.at(at)),
                        None => {
                            self.errors.push(FormatError::NoValue(id.to_string()));
                            out.push('{');
                            out.push_str(id);
                            out.push('}');
                        }
                    },
                    (None, _) => self.reference_error(out, r.at(at)),
                }
            }
            form::TERM_REFERENCE | form::TERM_ATTRIBUTE => {
                let (id, attribute) = reference(r, tag == form::TERM_ATTRIBUTE)?;
                let named = self.arguments(r)?;
                self.local_args = Some(named);
                let term = self.bundle.entry(id).filter(|e| e.term);
                let pattern = term.and_then(|t| match attribute {
                    Some(name) => t.attribute(name),
                    None => t.value,
                });
                match pattern {
                    Some(pattern) => self.track(out, pattern, r.at(at)),
                    None => self.reference_error(out, r.at(at)),
                }
                self.local_args = None;
            }
            form::FUNCTION => {
                r.string()?;
                self.arguments(r)?;
                self.reference_error(out, r.at(at));
            }
            form::PLACEABLE => {
                let inner = r.byte()?;
                self.expression(out, inner, r)?;
            }
            _ => return None,
        }
        Some(())
    }

    /// The value of an expression used as a selector or an argument.
    fn resolve(&mut self, tag: u8, r: &mut Reader<'a>) -> Option<Value<'a>> {
        Some(match tag {
            form::STRING => Value::Str(Cow::Borrowed(r.string()?)),
            form::NUMBER => Value::Num(Number::literal(r.string()?, self.bundle.numbers)),
            form::VARIABLE => {
                let id = r.string()?;
                match self.variable(id) {
                    Some(value) => value,
                    None => {
                        if self.local_args.is_none() {
                            self.errors
                                .push(FormatError::UnknownVariable(id.to_string()));
                        }
                        Value::Error
                    }
                }
            }
            // No function is available: its value is an error, and fluent-bundle reports
            // nothing here (only when a call is written).
            form::FUNCTION => {
                r.string()?;
                self.arguments(r)?;
                Value::Error
            }
            _ => {
                let mut text = String::new();
                self.expression(&mut text, tag, r)?;
                Value::Str(Cow::Owned(text))
            }
        })
    }

    /// The caller's argument `id`, or inside a term the term's own.
    fn variable(&self, id: &str) -> Option<Value<'a>> {
        match &self.local_args {
            Some(local) => local.iter().find(|(k, _)| *k == id).map(|(_, v)| v.clone()),
            None => self
                .args
                .iter()
                .find(|(k, _)| *k == id)
                .map(|(_, v)| Value::of(v)),
        }
    }

    /// A call's arguments: the positional ones are resolved (as fluent-bundle does, for what
    /// that reports) and dropped, the named ones returned.
    fn arguments(&mut self, r: &mut Reader<'a>) -> Option<Vec<(&'a str, Value<'a>)>> {
        for _ in 0..r.varint()? {
            let tag = r.byte()?;
            self.resolve(tag, r)?;
        }
        let count = r.varint()?;
        let mut named = Vec::new();
        for _ in 0..count {
            let name = r.string()?;
            let tag = r.byte()?;
            named.push((name, self.resolve(tag, r)?));
        }
        Some(named)
    }

    fn write_value(&self, out: &mut String, value: &Value<'_>) {
        match value {
            Value::Str(s) => out.push_str(s),
            Value::Num(n) => out.push_str(&self.bundle.numbers.format(self.bundle.locale, *n)),
            Value::Error => {}
        }
    }

    /// Formats a referenced pattern unless it is already being formatted (a cycle).
    fn track(&mut self, out: &mut String, pattern: &'a [u8], reference: Reader<'_>) {
        let address = pattern.as_ptr() as usize;
        if self.traveled.contains(&address) {
            self.errors.push(FormatError::Cyclic);
            out.push('{');
            let _ = error_text(reference, out);
            out.push('}');
            return;
        }
        self.traveled.push(address);
        self.pattern(out, pattern);
        self.traveled.pop();
    }

    /// A reference to something that is not there: reported, and written as `{id}`.
    fn reference_error(&mut self, out: &mut String, reference: Reader<'_>) {
        let mut text = String::new();
        let _ = error_text(reference.clone(), &mut text);
        let mut r = reference;
        let error = match r.byte() {
            Some(form::MESSAGE) => FormatError::UnknownMessage(text.clone()),
            Some(form::TERM_REFERENCE) => FormatError::UnknownTerm(text[1..].to_string()),
            Some(form::FUNCTION) => {
                FormatError::UnknownFunction(text.trim_end_matches("()").to_string())
            }
            _ => FormatError::UnknownAttribute(text.clone()),
        };
        self.errors.push(error);
        out.push('{');
        out.push_str(&text);
        out.push('}');
    }
}
