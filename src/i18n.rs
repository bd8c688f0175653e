//! Localization core: the built-in Fluent resources, the catalog of resources a widget speaks
//! from, and message lookup with a per-message fallback to English. Which locale that is, is
//! decided in `lang`. No DOM here.
//!
//! Bidi isolation marks are off (`set_use_isolating(false)`): every UI language we ship is
//! left-to-right, the placeables are numbers, percentages and language names, and U+2068/U+2069
//! would end up in `aria-label`s, printed pages and copied text where some screen readers and
//! fonts show them as stray glyphs. Text that may come in another script (article titles) is
//! never interpolated into a message; it goes into its own element with its own `lang`.

use std::fmt;
use std::rc::Rc;

use fluent_bundle::{FluentArgs, FluentBundle, FluentError, FluentResource, FluentValue};

use crate::lang;
use unic_langid::LanguageIdentifier;

/// A language compiled into the widget.
pub struct BuiltIn {
    pub tag: &'static str,
    /// The language's own name, shown in the language control.
    pub endonym: &'static str,
    /// The resource as it ships: `locales/<tag>/news-widget.ftl` without its comment lines
    /// (build.rs).
    pub source: &'static str,
}

pub const BUILT_IN: [BuiltIn; 3] = [
    BuiltIn {
        tag: "en-US",
        endonym: "English",
        source: include_str!(concat!(env!("OUT_DIR"), "/en-US.ftl")),
    },
    BuiltIn {
        tag: "zh-CN",
        endonym: "中文",
        source: include_str!(concat!(env!("OUT_DIR"), "/zh-CN.ftl")),
    },
    BuiltIn {
        tag: "ko-KR",
        endonym: "한국어",
        source: include_str!(concat!(env!("OUT_DIR"), "/ko-KR.ftl")),
    },
];

pub use crate::lang::FALLBACK;

#[derive(Clone, Debug, PartialEq)]
pub enum I18nError {
    /// A message is absent from the chosen locale; the fallback locale answered instead.
    MissingMessage { id: String, locale: String },
    /// A message exists but resolving it failed (unknown variable, cyclic reference, …).
    Format {
        id: String,
        locale: String,
        detail: String,
    },
    /// A resource (built-in or loaded at run time) has entries that do not parse.
    Syntax { locale: String, detail: String },
}

impl fmt::Display for I18nError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            I18nError::MissingMessage { id, locale } => {
                write!(
                    f,
                    "message \"{id}\" is missing in {locale}; using {FALLBACK}"
                )
            }
            I18nError::Format { id, locale, detail } => {
                write!(
                    f,
                    "message \"{id}\" in {locale} did not format cleanly: {detail}"
                )
            }
            I18nError::Syntax { locale, detail } => {
                write!(f, "Fluent resource for {locale} has errors: {detail}")
            }
        }
    }
}

impl std::error::Error for I18nError {}

pub fn built_in_locales() -> Vec<LanguageIdentifier> {
    BUILT_IN
        .iter()
        .map(|b| b.tag.parse().expect("built-in tags are valid"))
        .collect()
}

/// The Fluent resources an instance knows, per locale: the built-in ones, then any loaded at
/// run time (which override built-in messages of the same id).
#[derive(Clone)]
pub struct Catalog {
    entries: Vec<(LanguageIdentifier, Vec<Rc<FluentResource>>)>,
}

impl Catalog {
    /// Parses the built-in resources. Their syntax is checked by the native tests, so an error
    /// here is reported, not fatal: the good entries still load.
    pub fn built_in(errors: &mut Vec<I18nError>) -> Catalog {
        let mut entries = Vec::new();
        for (id, built) in built_in_locales().into_iter().zip(BUILT_IN.iter()) {
            let resource = parse_resource(&id, built.source.to_string(), errors);
            entries.push((id, vec![resource]));
        }
        Catalog { entries }
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
        source: String,
        errors: &mut Vec<I18nError>,
    ) {
        let resource = parse_resource(&locale, source, errors);
        self.add_parsed(locale, resource);
    }

    /// Adds a resource parsed once for the page (`parse_resource`), which several widgets'
    /// catalogs may share.
    pub fn add_parsed(&mut self, locale: LanguageIdentifier, resource: Rc<FluentResource>) {
        match self.entries.iter_mut().find(|(id, _)| *id == locale) {
            Some((_, list)) => list.push(resource),
            None => self.entries.push((locale, vec![resource])),
        }
    }

    /// A localizer for `locale` that falls back to English message by message.
    pub fn localizer(&self, locale: &LanguageIdentifier) -> Localizer {
        let mut chain = Vec::with_capacity(2);
        let fallback = lang::fallback();
        for wanted in [locale, &fallback] {
            if chain
                .iter()
                .any(|b: &FluentBundle<Rc<FluentResource>>| b.locales[0] == *wanted)
            {
                continue;
            }
            if let Some((id, resources)) = self.entries.iter().find(|(id, _)| id == wanted) {
                let mut bundle = FluentBundle::new(vec![id.clone()]);
                bundle.set_use_isolating(false);
                for resource in resources {
                    bundle.add_resource_overriding(Rc::clone(resource));
                }
                chain.push(bundle);
            }
        }
        Localizer { chain }
    }
}

/// Parses a Fluent resource; entries with syntax errors are reported and skipped.
pub fn parse_resource(
    locale: &LanguageIdentifier,
    source: String,
    errors: &mut Vec<I18nError>,
) -> Rc<FluentResource> {
    let source = crate::ftl_guard::defuse(source, |e| {
        errors.push(I18nError::Syntax {
            locale: locale.to_string(),
            detail: e.to_string(),
        })
    });
    match FluentResource::try_new(source) {
        Ok(resource) => Rc::new(resource),
        Err((resource, parse_errors)) => {
            for error in parse_errors {
                errors.push(I18nError::Syntax {
                    locale: locale.to_string(),
                    detail: error.to_string(),
                });
            }
            Rc::new(resource)
        }
    }
}

/// A formatted message and the locale whose bundle produced it, so the DOM layer can mark a
/// fallback string with its own `lang`.
pub struct Message {
    pub text: String,
    pub locale: LanguageIdentifier,
}

/// Formats messages in one locale with English behind it.
pub struct Localizer {
    chain: Vec<FluentBundle<Rc<FluentResource>>>,
}

impl Localizer {
    /// The locale the UI speaks (the first of the chain).
    pub fn locale(&self) -> LanguageIdentifier {
        self.chain
            .first()
            .map(|b| b.locales[0].clone())
            .unwrap_or_else(lang::fallback)
    }

    /// Formats `id` with `args`. Always yields text: the chosen locale, else English, else
    /// the id itself (only possible for an id that no resource has, which the native tests
    /// rule out for the widget's own ids). Problems go to `errors`.
    pub fn format(
        &self,
        id: &str,
        args: &[(&str, FluentValue<'_>)],
        errors: &mut Vec<I18nError>,
    ) -> Message {
        let fluent_args = if args.is_empty() {
            None
        } else {
            let mut map = FluentArgs::with_capacity(args.len());
            for (name, value) in args {
                map.set(*name, value.clone());
            }
            Some(map)
        };
        for (position, bundle) in self.chain.iter().enumerate() {
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            if position > 0 {
                errors.push(I18nError::MissingMessage {
                    id: id.to_string(),
                    locale: self.locale().to_string(),
                });
            }
            let mut format_errors: Vec<FluentError> = Vec::new();
            let text = bundle.format_pattern(pattern, fluent_args.as_ref(), &mut format_errors);
            for error in format_errors {
                errors.push(I18nError::Format {
                    id: id.to_string(),
                    locale: bundle.locales[0].to_string(),
                    detail: error.to_string(),
                });
            }
            return Message {
                text: text.into_owned(),
                locale: bundle.locales[0].clone(),
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
