//! The widget's options read and checked by the public interface's rules: from the element's
//! attributes and the options object of the JS call, by the names `crate::contract` defines, each
//! falling back to its default when it cannot be used; and how two option sets of one element
//! differ.

use crate::contract::{
    OptionName, ARTICLE, AUTO, DEFAULT_PAGE_SIZE, DEFAULT_TIMEOUT_SECONDS, FEED, LANG, LANGUAGES,
    LOCALES, MAX_PAGE_SIZE, MAX_TIMEOUT_SECONDS, PAGE_SIZE, TIMEOUT, TIMEZONE,
};
use crate::explain::{display_by_explain, Explain};
use crate::lang;

/// Where option values come from: the element's attributes and the options object of the JS
/// call (which wins). Implemented by the DOM layer; plain data in tests.
pub trait OptionValues {
    /// The option as text (a JS number written as a whole number), trimmed; `None` when unset
    /// or empty.
    fn text(&self, name: OptionName) -> Option<String>;
    /// A number option: a JS number, or text that reads as one.
    fn number(&self, name: OptionName) -> Option<f64>;
    /// The per-language feeds as (key, URL), in the order they were given.
    fn feeds(&self) -> Vec<(String, String)>;
}

/// The widget's options, read and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub feed: Option<String>,
    /// `None` for `auto`.
    pub lang: Option<String>,
    pub page_size: usize,
    pub article: Option<String>,
    pub locales: Option<String>,
    /// Languages offered in the language control; defaults to the built-in three.
    pub languages: Vec<String>,
    /// One feed per language (`feed-<lang>`): (tag, URL).
    pub feeds: Vec<(String, String)>,
    /// IANA zone for feed times written without an offset.
    pub timezone: Option<String>,
    /// How long a feed or locale request may take (the `timeout` option, default 10 s).
    pub timeout_ms: u32,
}

/// A per-language feed whose key is no language tag; it is skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadFeedKey {
    pub key: String,
}

impl Explain for BadFeedKey {
    fn explain_to(&self, out: &mut String) {
        out.push_str("feeds option \"");
        lang::Shown(&self.key).explain_to(out);
        out.push_str("\" is not a language tag; ignored");
    }
}

display_by_explain!(BadFeedKey);

impl Options {
    /// Reads the options; what cannot be used falls back to its default, and a per-language
    /// feed under a key that is no language tag is skipped and reported in `problems`.
    pub fn read(values: &impl OptionValues, problems: &mut Vec<BadFeedKey>) -> Options {
        let page_size = values
            .text(PAGE_SIZE)
            .and_then(|s| s.parse::<usize>().ok())
            .filter(|n| (1..=MAX_PAGE_SIZE).contains(n))
            .unwrap_or(DEFAULT_PAGE_SIZE);
        let languages = values
            .text(LANGUAGES)
            .map(|list| {
                list.split([',', ' '])
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .filter(|list| !list.is_empty())
            .unwrap_or_else(|| {
                crate::i18n::BUILT_IN
                    .iter()
                    .map(|b| b.tag.to_string())
                    .collect()
            });
        let feeds = values
            .feeds()
            .into_iter()
            .filter(|(key, url)| {
                let tag = lang::parse_tag(key).is_ok();
                if !tag {
                    problems.push(BadFeedKey { key: key.clone() });
                }
                tag && !url.is_empty()
            })
            .collect();
        Options {
            feed: values.text(FEED),
            lang: read_lang(values),
            page_size,
            article: values.text(ARTICLE),
            locales: values.text(LOCALES),
            languages,
            feeds,
            timezone: values.text(TIMEZONE),
            timeout_ms: timeout_ms(values.number(TIMEOUT)),
        }
    }
}

/// The `lang` option: `None` for `auto` or unset.
pub fn read_lang(values: &impl OptionValues) -> Option<String> {
    values.text(LANG).filter(|l| !l.eq_ignore_ascii_case(AUTO))
}

/// How two option sets of one element differ, for `mount()` on an element already mounted.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// The same options: the mounted widget stays as it is.
    None,
    /// Only `lang`, to a language: the widget switches (the site's setting, not saved as the
    /// reader's choice).
    Language(String),
    /// Anything else (`lang` back to `auto` included) changes what the widget is: it is
    /// mounted afresh.
    Remount,
}

impl Options {
    pub fn change_to(&self, new: &Options) -> Change {
        if self == new {
            return Change::None;
        }
        let same_but_lang = Options {
            lang: new.lang.clone(),
            ..self.clone()
        };
        match &new.lang {
            Some(tag) if &same_but_lang == new => Change::Language(tag.clone()),
            _ => Change::Remount,
        }
    }
}

/// The request timeout in milliseconds from the `timeout` option (seconds, fractions allowed).
/// A missing, non-positive or non-numeric value is the default; a huge one is capped.
pub fn timeout_ms(seconds: Option<f64>) -> u32 {
    // `NaN > 0.0` is false: not a number is the default too.
    let seconds = seconds
        .filter(|s| *s > 0.0)
        .unwrap_or(DEFAULT_TIMEOUT_SECONDS)
        .min(MAX_TIMEOUT_SECONDS);
    ((seconds * 1000.0) as u32).max(1)
}
