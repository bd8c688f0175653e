// Specification of the feed module: JSON Feed validation, translations, language choice,
// summaries and dates, driven through the same piecewise deserialization as the browser bridge.
// One module per topic (`whole_feeds`, `broken_items`, `fields`, `versions`, `summaries`,
// `timestamps`); the helpers they share are here.

use news_widget::feed::{
    build_feed, read_header, read_items, Body, FeedError, FeedOutcome, Item, ItemError, Match,
    Timestamp, Version,
};
use serde_json::Value;

use crate::support::fixtures::feed as fixture;
use crate::support::json_node::Node;

/// What the bridge does with `JSON.parse` output: the header and each item are read on their
/// own, so one badly typed item cannot sink the feed.
pub fn build(json: &str) -> Result<FeedOutcome, FeedError> {
    let value: Value = serde_json::from_str(json).map_err(|e| FeedError::NotJson {
        detail: e.to_string(),
    })?;
    build_feed(read_header(&Node(&value)), read_items(&Node(&value)))
}

pub fn outcome(name: &str) -> FeedOutcome {
    build(&fixture(name)).unwrap_or_else(|e| panic!("{name} should build: {e}"))
}

pub fn item<'a>(outcome: &'a FeedOutcome, id: &str) -> &'a Item {
    outcome
        .feed
        .items
        .iter()
        .find(|item| item.id == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

pub fn version<'a>(item: &'a Item, lang: &str) -> &'a Version {
    item.versions
        .iter()
        .find(|v| v.lang.as_deref() == Some(lang))
        .unwrap_or_else(|| panic!("item {} has no {lang} version", item.id))
}

pub fn ids(outcome: &FeedOutcome) -> Vec<&str> {
    outcome
        .feed
        .items
        .iter()
        .map(|item| item.id.as_str())
        .collect()
}

/// A feed with the given items, for cases that need a single tweak.
pub fn feed_with_items(items: &str) -> Result<FeedOutcome, FeedError> {
    build(&format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "items": [{items}]}}"#
    ))
}

/// An item whose versions carry the given tags and are titled after them.
pub fn item_in(langs: &[Option<&str>]) -> Item {
    Item {
        id: "x".to_owned(),
        image: None,
        image_in_body: false,
        published: None,
        modified: None,
        versions: langs
            .iter()
            .map(|lang| Version {
                lang: lang.map(str::to_owned),
                title: lang.unwrap_or("unknown").to_owned(),
                summary: None,
                body: Body::Empty,
                url: None,
                source: None,
                image_alt: None,
                base: None,
            })
            .collect(),
        alternates: Vec::new(),
    }
}

pub fn chosen(langs: &[Option<&str>], locale: &str) -> (String, Match) {
    let item = item_in(langs);
    let (version, how) = item.version_for(locale);
    (version.title.clone(), how)
}

pub fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap_or_else(|| panic!("{s} should parse"))
}

pub fn warnings_for<'a>(outcome: &'a FeedOutcome, id: &str) -> Vec<&'a ItemError> {
    outcome
        .warnings
        .iter()
        .filter(|w| match w {
            ItemError::MissingTitle { id: i }
            | ItemError::BadDate { id: i, .. }
            | ItemError::DateRepaired { id: i, .. }
            | ItemError::TitleRepaired { id: i, .. }
            | ItemError::SummaryRepaired { id: i, .. }
            | ItemError::TitleFromBody { id: i }
            | ItemError::LanguageRepaired { id: i, .. }
            | ItemError::BodyTooLarge { id: i, .. }
            | ItemError::BadLanguageTag { id: i, .. }
            | ItemError::DuplicateId { id: i }
            | ItemError::TranslationWithBadTag { id: i, .. }
            | ItemError::TranslationWithoutTitle { id: i, .. } => i == id,
            ItemError::IdRepaired { id: i, .. } => i == id,
            ItemError::Undecodable { .. } => false,
        })
        .collect()
}

mod broken_items;
mod fields;
mod odd_values;
mod summaries;
mod timestamps;
mod versions;
mod whole_feeds;
