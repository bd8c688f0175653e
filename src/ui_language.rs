//! Which language a widget's or a reader toolbar's UI speaks when it mounts: the page's setting
//! (the `lang` option) alone when there is one, else what the reader asks for, best first (the
//! DOM layer gathers it: the saved choice for a widget, the page's `<html lang>`, the browser's
//! languages), among the locales with resources.

use crate::lang::{self, LanguageIdentifier};

/// The best locale for the UI among `candidates` (the locales with resources, and for a widget
/// with a `locales` template the languages it may bring: `with_offered`). `option`: the `lang`
/// option (not `auto`); `requests`: the reader's, best first.
pub fn negotiate(
    option: Option<&str>,
    requests: &[String],
    candidates: &[LanguageIdentifier],
) -> LanguageIdentifier {
    let requests: Vec<&str> = match option {
        Some(tag) => vec![tag],
        None => requests.iter().map(String::as_str).collect(),
    };
    lang::negotiate_locale(&requests, candidates)
}

/// The locales with resources, and the languages of `offered` whose resources may still arrive
/// (a widget's `languages` with a `locales` template), one per language.
pub fn with_offered(
    available: &[LanguageIdentifier],
    offered: &[String],
) -> Vec<LanguageIdentifier> {
    let mut candidates = available.to_vec();
    for tag in offered {
        if let Ok(id) = lang::parse_tag(tag) {
            if !candidates.iter().any(|a| a.language() == id.language()) {
                candidates.push(id);
            }
        }
    }
    candidates
}
