//! Fluent messages as news-widget ships them: compiled ahead of time (ftl-compile) into a
//! compact form of byte strings and opcodes (`form`), and formatted here with Fluent's
//! semantics as fluent-bundle gives them, without an FTL parser, plural tables or number
//! parsing: plural categories and number strings come from a [`Numbers`] (the browser's
//! `Intl.PluralRules` and `Intl.NumberFormat` in the widget, as @fluent/bundle does in
//! JavaScript).
//!
//! The widget formats with bidi isolation off, so no U+2068/U+2069 are written around
//! placeables (news-widget's `i18n` says why). No function is available to messages: a call
//! writes `{NAME()}` and reports it, as fluent-bundle does without registered functions.

pub mod form;
mod resolve;
mod resource;

#[cfg(feature = "reference")]
pub mod reference;

use std::borrow::Cow;
use std::fmt;
use std::rc::Rc;

pub use resource::{Resource, WrongVersion};

/// A number as Fluent holds it: its value, and for a literal written with a decimal point the
/// fraction digits it was written with (`1.50` shows two and counts as "other" in English).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    pub value: f64,
    pub fraction_digits: Option<u32>,
}

impl Number {
    /// A number literal of a resource (`-?[0-9]+(\.[0-9]+)?`), its value read by `numbers`.
    pub fn literal(literal: &str, numbers: &dyn Numbers) -> Number {
        Number {
            value: numbers.parse(literal),
            fraction_digits: literal
                .find('.')
                .map(|point| u32::try_from(literal.len() - point - 1).unwrap_or(u32::MAX)),
        }
    }
}

impl From<f64> for Number {
    fn from(value: f64) -> Number {
        Number {
            value,
            fraction_digits: None,
        }
    }
}

/// A CLDR plural category (cardinal).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Category {
    /// The category a variant key names, if it names one.
    pub fn from_name(name: &str) -> Option<Category> {
        Some(match name {
            "zero" => Category::Zero,
            "one" => Category::One,
            "two" => Category::Two,
            "few" => Category::Few,
            "many" => Category::Many,
            "other" => Category::Other,
            _ => return None,
        })
    }
}

/// What the formatter asks of the locale's number rules, and of number literals.
pub trait Numbers {
    /// The value of a number literal as written in a resource: a decimal, correctly rounded.
    fn parse(&self, literal: &str) -> f64;
    /// The cardinal plural category of `number` in `locale`.
    fn category(&self, locale: &str, number: Number) -> Category;
    /// `number` written as `locale` writes it.
    fn format(&self, locale: &str, number: Number) -> String;
}

/// A value the caller passes to a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    Str(Cow<'a, str>),
    Num(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Arg<'a> {
        Arg::Str(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Str(Cow::Owned(s))
    }
}

impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Num(f64::from(n))
    }
}

impl From<i32> for Arg<'_> {
    fn from(n: i32) -> Self {
        Arg::Num(f64::from(n))
    }
}

impl From<f64> for Arg<'_> {
    fn from(n: f64) -> Self {
        Arg::Num(n)
    }
}

/// A problem met while formatting; the text is still written, with `{…}` where a part could
/// not be (fluent-bundle's resolver errors, in its words).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    UnknownVariable(String),
    UnknownMessage(String),
    UnknownTerm(String),
    /// `id.name` of a message, or `-id.name` of a term.
    UnknownAttribute(String),
    UnknownFunction(String),
    /// A message referenced for its value has only attributes.
    NoValue(String),
    Cyclic,
    /// More than 100 placeables in one formatting (a "billion laughs" resource): it stops.
    TooManyPlaceables,
}

impl FormatError {
    /// Appends the text that `Display` writes (fluent-bundle's words), without `core::fmt`: the
    /// widget's page modules report these and link no formatting machinery.
    pub fn write_to(&self, out: &mut String) {
        match self {
            FormatError::UnknownVariable(id) => out.extend(["Unknown variable: $", id]),
            FormatError::UnknownMessage(id) => out.extend(["Unknown message: ", id]),
            FormatError::UnknownTerm(id) => out.extend(["Unknown term: -", id]),
            FormatError::UnknownAttribute(path) => out.extend(["Unknown attribute: ", path]),
            FormatError::UnknownFunction(id) => out.extend(["Unknown function: ", id, "()"]),
            FormatError::NoValue(id) => out.extend(["No value: ", id]),
            FormatError::Cyclic => out.push_str("Cyclical dependency detected"),
            FormatError::TooManyPlaceables => out.push_str("Too many placeables"),
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        self.write_to(&mut text);
        f.write_str(&text)
    }
}

impl std::error::Error for FormatError {}

/// The resources of one locale, in the order they were added (a later one overrides an earlier
/// one's entries of the same id), and the number rules to format them with.
pub struct Bundle<'a> {
    pub locale: &'a str,
    pub resources: &'a [Rc<Resource>],
    pub numbers: &'a dyn Numbers,
}

impl Bundle<'_> {
    /// Formats message `id`'s value, or its attribute `attribute`. `None` when the bundle has
    /// no such message, or the message no such value or attribute.
    pub fn format(
        &self,
        id: &str,
        attribute: Option<&str>,
        args: &[(&str, Arg<'_>)],
        errors: &mut Vec<FormatError>,
    ) -> Option<String> {
        let entry = self.entry(id).filter(|e| !e.term)?;
        let pattern = match attribute {
            None => entry.value?,
            Some(name) => entry.attribute(name)?,
        };
        Some(resolve::format(self, pattern, args, errors))
    }

    fn entry(&self, id: &str) -> Option<resource::EntryRef<'_>> {
        self.resources.iter().rev().find_map(|r| r.entry(id))
    }
}
