// Specification of the i18n core: the three built-in Fluent resources pass the build's checks
// and format as fluent-bundle formatted them, every message formats, runtime resources behave,
// and language negotiation is pinned (`resources`, `formatting`, `negotiation`); the helpers they
// share are here.

use std::rc::Rc;

use ftl_format::reference::FluentBundleNumbers;
use news_widget::i18n::{Arg, Catalog, I18nError, Message, BUILT_IN};
use news_widget::lang::LanguageIdentifier;

// ---- helpers ---------------------------------------------------------------------------------

pub fn lang(tag: &str) -> LanguageIdentifier {
    tag.parse()
        .unwrap_or_else(|e| panic!("{tag:?} should be a valid tag in the test: {e:?}"))
}

/// One value per variable any message uses, of the type the widget passes for it.
pub fn sample_args() -> Vec<(&'static str, Arg<'static>)> {
    vec![
        ("count", Arg::from(3)),
        ("shown", Arg::from(10)),
        ("total", Arg::from(42)),
        ("percent", Arg::from("125")),
        ("language", Arg::from("English")),
        ("status", Arg::from("503")),
        ("when", Arg::from("May 28, 2024, 3:05 PM")),
        ("rate", Arg::from("1.25")),
    ]
}

/// The built-in catalog with fluent-bundle's own plural rules and number strings (the widget
/// asks the browser's `Intl`; tests/dom_messages.rs checks that it gives the same).
pub fn built_in_catalog() -> Catalog {
    Catalog::built_in(Rc::new(FluentBundleNumbers::default()))
}

pub fn format(
    catalog: &Catalog,
    locale: &str,
    id: &str,
    args: &[(&str, Arg<'_>)],
) -> (Message, Vec<I18nError>) {
    let mut errors = Vec::new();
    let message = catalog
        .localizer(&lang(locale))
        .format(id, args, &mut errors);
    (message, errors)
}

/// The ids of the English resource (the widget's contract).
pub fn english_ids() -> Vec<String> {
    let resource = news_widget::i18n::Compiled::new(BUILT_IN[0].compiled.into()).expect("built in");
    resource.message_ids().map(str::to_string).collect()
}

/// Formats every English id in `locale`; collects every problem so one bad message does not
/// hide the next.
pub fn assert_every_message_formats(locale: &str) {
    let catalog = built_in_catalog();
    let args = sample_args();
    let ids = english_ids();
    assert!(ids.len() > 30, "read the English ids: {ids:?}");
    let problems: Vec<String> = ids
        .into_iter()
        .filter_map(|id| {
            let (message, errors) = format(&catalog, locale, &id, &args);
            let problem = if !errors.is_empty() {
                format!("{id}: errors {errors:?}")
            } else if message.text.trim().is_empty() {
                format!("{id}: empty text")
            } else if message.text == id {
                format!("{id}: formatted as its own id")
            } else if message.locale != lang(locale) {
                format!("{id}: came from {} instead of {locale}", message.locale)
            } else {
                return None;
            };
            Some(problem)
        })
        .collect();
    assert!(
        problems.is_empty(),
        "{locale} messages that do not format cleanly:\n{}",
        problems.join("\n")
    );
}

mod formatting;
mod negotiation;
mod resources;
mod roles;
