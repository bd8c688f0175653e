//! Localization core: the built-in messages (compiled by build.rs from `locales/*/*.ftl`, which
//! it checks first), the catalog of compiled resources a widget speaks from, and message
//! lookup with a per-message fallback to English. Formatting is `ftl_format`'s, with Fluent's
//! semantics; plural categories and numbers come from a [`Numbers`] (the browser's `Intl`,
//! `intl`, in the widget). Which locale speaks is decided in `lang`. No DOM here.
//!
//! Bidi isolation marks are off: every UI language we ship is left-to-right, the placeables are
//! numbers, percentages and language names, and U+2068/U+2069 would end up in `aria-label`s,
//! printed pages and copied text where some screen readers and fonts show them as stray glyphs.
//! Text that may come in another script (article titles) is never interpolated into a message;
//! it goes into its own element with its own `lang`.

mod compilation;
#[cfg(all(target_arch = "wasm32", feature = "page"))]
pub mod intl;

use std::borrow::Cow;
use std::rc::Rc;

use ftl_format::Bundle;
/// A compiled resource, built in or compiled at run time ([`compile_source`]).
pub use ftl_format::Resource as Compiled;
pub use ftl_format::{Arg, FormatError, Numbers};

pub use compilation::{compile_source, Compilation, SourceError};

use crate::decimal::push_decimal;
use crate::explain::{display_by_explain, Explain};
use crate::lang::{self, LanguageIdentifier};

/// A language compiled into the widget.
pub struct BuiltIn {
    pub tag: &'static str,
    /// The language's own name, shown in the language control.
    pub endonym: &'static str,
    /// `locales/<tag>/*.ftl`, the files of the role being built (`common.ftl` and the role's
    /// own), checked and compiled by build.rs.
    pub compiled: &'static [u8],
}

pub const BUILT_IN: [BuiltIn; 3] = [
    BuiltIn {
        tag: "en-US",
        endonym: "English",
        compiled: include_bytes!(concat!(env!("OUT_DIR"), "/en-US.ftlc")),
    },
    BuiltIn {
        tag: "zh-CN",
        endonym: "中文",
        compiled: include_bytes!(concat!(env!("OUT_DIR"), "/zh-CN.ftlc")),
    },
    BuiltIn {
        tag: "ko-KR",
        endonym: "한국어",
        compiled: include_bytes!(concat!(env!("OUT_DIR"), "/ko-KR.ftlc")),
    },
];

pub use crate::lang::FALLBACK;

#[derive(Clone, Debug, PartialEq)]
pub enum I18nError {
    /// A message is absent from the chosen locale; the fallback locale answered instead.
    MissingMessage { id: String, locale: String },
    /// A message exists but formatting it met a problem (unknown variable, cyclic reference, …).
    Format {
        id: String,
        locale: String,
        error: FormatError,
    },
    /// A resource loaded at run time has an entry that does not parse (the built-in ones are
    /// checked by the build).
    Syntax {
        locale: String,
        /// Where the resource came from (its URL).
        file: String,
        line: usize,
        detail: String,
    },
    /// A resource loaded at run time that the compiler gave no answer for (it stopped, or
    /// answered in another version's form): none of its messages apply.
    Compiler {
        locale: String,
        file: String,
        detail: String,
    },
}

impl Explain for I18nError {
    fn explain_to(&self, out: &mut String) {
        match self {
            I18nError::MissingMessage { id, locale } => out.extend([
                "message \"",
                id,
                "\" is missing in ",
                locale,
                "; using ",
                FALLBACK,
            ]),
            I18nError::Format { id, locale, error } => {
                out.extend([
                    "message \"",
                    id,
                    "\" in ",
                    locale,
                    " did not format cleanly: ",
                ]);
                error.write_to(out);
            }
            I18nError::Syntax {
                locale,
                file,
                line,
                detail,
            } => {
                out.extend(["Fluent resource for ", locale, " has errors: ", file, ":"]);
                push_decimal(out, *line as u64);
                out.extend([": ", detail]);
            }
            I18nError::Compiler {
                locale,
                file,
                detail,
            } => out.extend([
                "Fluent resource for ",
                locale,
                " was not compiled: ",
                file,
                ": ",
                detail,
            ]),
        }
    }
}

display_by_explain!(I18nError);

impl Explain for ftl_format::WrongVersion {
    fn explain_to(&self, out: &mut String) {
        // Said for a site's developer: another release's tools module answered (docs/serving.md).
        match self.found {
            Some(version) => {
                out.push_str("compiled Fluent form version ");
                push_decimal(out, u64::from(version));
            }
            None => out.push_str("compiled Fluent form empty"),
        }
        out.push_str(", this release reads version ");
        push_decimal(out, u64::from(ftl_format::form::VERSION));
        out.push_str(" (serve the files of one release together)");
    }
}

impl std::error::Error for I18nError {}

pub fn built_in_locales() -> Vec<LanguageIdentifier> {
    BUILT_IN
        .iter()
        .map(|b| b.tag.parse().expect("built-in tags are valid"))
        .collect()
}

/// A resource loaded at run time (`file` names it in errors) as its compilation's bytes read
/// it (`Compilation::encode`, from the tools module): the entries with syntax errors are
/// reported and left out, the rest apply. Bytes that do not read, or a form of another version,
/// are reported and nothing applies.
pub fn runtime_resource(
    locale: &LanguageIdentifier,
    file: &str,
    bytes: &[u8],
    errors: &mut Vec<I18nError>,
) -> Rc<Compiled> {
    let compiled = Compilation::decode(bytes)
        .ok_or_else(|| "the compiler's answer does not read".to_string())
        .and_then(|compilation| {
            let resource = Compiled::new(compilation.form.into()).map_err(|e| e.explain())?;
            errors.extend(
                compilation
                    .errors
                    .into_iter()
                    .map(|error| I18nError::Syntax {
                        locale: locale.as_str().to_owned(),
                        file: file.to_string(),
                        line: error.line as usize,
                        detail: error.detail,
                    }),
            );
            Ok(resource)
        });
    match compiled {
        Ok(resource) => Rc::new(resource),
        Err(detail) => uncompiled(locale, file, detail, errors),
    }
}

/// The resource that stands for one the compiler gave no answer for: no messages, and the
/// reason reported.
pub fn uncompiled(
    locale: &LanguageIdentifier,
    file: &str,
    detail: String,
    errors: &mut Vec<I18nError>,
) -> Rc<Compiled> {
    errors.push(I18nError::Compiler {
        locale: locale.as_str().to_owned(),
        file: file.to_string(),
        detail,
    });
    const EMPTY: &[u8] = &[ftl_format::form::VERSION];
    Rc::new(Compiled::new(Cow::Borrowed(EMPTY)).expect("the form's own version"))
}

/// The compiled resources an instance knows, per locale: the built-in ones, then any added at
/// run time (which override built-in messages of the same id), and the number rules that
/// format them.
#[derive(Clone)]
pub struct Catalog {
    entries: Vec<(LanguageIdentifier, Vec<Rc<Compiled>>)>,
    numbers: Rc<dyn Numbers>,
}

impl Catalog {
    /// The built-in resources, formatted with `numbers`' plural categories and number strings.
    pub fn built_in(numbers: Rc<dyn Numbers>) -> Catalog {
        let entries = built_in_locales()
            .into_iter()
            .zip(BUILT_IN.iter())
            .map(|(id, built)| {
                // build.rs compiled it with the same crate that reads it.
                let compiled = Compiled::new(built.compiled.into()).expect("built-in form version");
                (id, vec![Rc::new(compiled)])
            })
            .collect();
        Catalog { entries, numbers }
    }

    pub fn locales(&self) -> Vec<LanguageIdentifier> {
        self.entries.iter().map(|(id, _)| id.clone()).collect()
    }

    pub fn has_locale(&self, locale: &LanguageIdentifier) -> bool {
        self.entries.iter().any(|(id, _)| id == locale)
    }

    /// Adds a resource loaded at run time: a new language, or rewording for a known one.
    /// Entries with syntax errors are reported and skipped; the rest apply.
    pub fn add_source(
        &mut self,
        locale: LanguageIdentifier,
        file: &str,
        source: &str,
        errors: &mut Vec<I18nError>,
    ) {
        // Through the bytes the tools module hands over, as the widget reads a site's resource.
        let bytes = compile_source(source).encode();
        let compiled = runtime_resource(&locale, file, &bytes, errors);
        self.add_compiled(locale, compiled);
    }

    /// Adds a resource compiled once for the page ([`runtime_resource`]), which several
    /// widgets' catalogs may share.
    pub fn add_compiled(&mut self, locale: LanguageIdentifier, resource: Rc<Compiled>) {
        match self.entries.iter_mut().find(|(id, _)| *id == locale) {
            Some((_, list)) => list.push(resource),
            None => self.entries.push((locale, vec![resource])),
        }
    }

    /// A localizer for `locale` that falls back to English message by message.
    pub fn localizer(&self, locale: &LanguageIdentifier) -> Localizer {
        let mut chain: Vec<Speaker> = Vec::with_capacity(2);
        let fallback = lang::fallback();
        for wanted in [locale, &fallback] {
            if chain.iter().any(|s| s.locale == *wanted) {
                continue;
            }
            if let Some((id, resources)) = self.entries.iter().find(|(id, _)| id == wanted) {
                chain.push(Speaker {
                    locale: id.clone(),
                    tag: id.as_str().to_owned(),
                    resources: resources.clone(),
                });
            }
        }
        Localizer {
            chain,
            numbers: Rc::clone(&self.numbers),
        }
    }
}

/// A formatted message and the locale whose resources produced it, so the DOM layer can mark
/// a fallback string with its own `lang`.
pub struct Message {
    pub text: String,
    pub locale: LanguageIdentifier,
}

/// One locale of a localizer's chain.
struct Speaker {
    locale: LanguageIdentifier,
    /// `locale` written out, as the number rules take it.
    tag: String,
    resources: Vec<Rc<Compiled>>,
}

/// Formats messages in one locale with English behind it.
pub struct Localizer {
    chain: Vec<Speaker>,
    numbers: Rc<dyn Numbers>,
}

impl Localizer {
    /// The locale the UI speaks (the first of the chain).
    pub fn locale(&self) -> LanguageIdentifier {
        self.chain
            .first()
            .map(|s| s.locale.clone())
            .unwrap_or_else(lang::fallback)
    }

    /// Formats `id` with `args`. Always yields text: the chosen locale, else English, else
    /// the id itself (only possible for an id that no resource has, which the native tests
    /// rule out for the widget's own ids). Problems go to `errors`.
    pub fn format(
        &self,
        id: &str,
        args: &[(&str, Arg<'_>)],
        errors: &mut Vec<I18nError>,
    ) -> Message {
        self.format_part(id, None, args, errors)
    }

    /// `format` for attribute `attribute` of message `id`; the id alone stands in when no
    /// locale has it.
    pub fn format_part(
        &self,
        id: &str,
        attribute: Option<&str>,
        args: &[(&str, Arg<'_>)],
        errors: &mut Vec<I18nError>,
    ) -> Message {
        for (position, speaker) in self.chain.iter().enumerate() {
            let bundle = Bundle {
                locale: &speaker.tag,
                resources: &speaker.resources,
                numbers: &*self.numbers,
            };
            let mut format_errors = Vec::new();
            let Some(text) = bundle.format(id, attribute, args, &mut format_errors) else {
                continue;
            };
            if position > 0 {
                errors.push(I18nError::MissingMessage {
                    id: id.to_string(),
                    locale: self.locale().as_str().to_owned(),
                });
            }
            errors.extend(format_errors.into_iter().map(|error| I18nError::Format {
                id: id.to_string(),
                locale: speaker.tag.clone(),
                error,
            }));
            return Message {
                text,
                locale: speaker.locale.clone(),
            };
        }
        errors.push(I18nError::MissingMessage {
            id: id.to_string(),
            locale: FALLBACK.to_string(),
        });
        Message {
            text: id.to_string(),
            locale: self.locale(),
        }
    }
}

/// The endonym of a built-in locale, for the language control.
pub fn built_in_endonym(locale: &LanguageIdentifier) -> Option<&'static str> {
    BUILT_IN
        .iter()
        .find(|b| b.tag.parse::<LanguageIdentifier>().ok().as_ref() == Some(locale))
        .map(|b| b.endonym)
}
