//! Whole feeds, and the errors that sink a feed.

use super::{build, ids, item, outcome, version};
use crate::support::fixtures::feed as fixture;
use news_widget::feed::{Body, FeedError};

// --- Whole feeds -----------------------------------------------------------------------------

#[test]
fn municipal_feed_builds_without_warnings() {
    let outcome = outcome("valid.json");
    assert_eq!(outcome.warnings, vec![]);
    assert_eq!(outcome.feed.title.as_deref(), Some("Seaview City News"));
    assert_eq!(
        outcome.feed.home_page_url.as_deref(),
        Some("https://www.seaview.example/news/")
    );
    assert_eq!(outcome.feed.language.as_deref(), Some("en"));
    assert_eq!(outcome.feed.items.len(), 4);
}

#[test]
fn municipal_item_has_original_then_translations() {
    let outcome = outcome("valid.json");
    let road = item(&outcome, "road-works-2024-05");
    assert_eq!(road.versions.len(), 3);
    assert_eq!(road.versions[0].lang.as_deref(), Some("en"));
    assert_eq!(version(road, "zh-CN").title, "港湾路自6月3日起重铺路面");
    assert_eq!(version(road, "ko").title, "6월 3일부터 하버로 재포장 공사");
    assert_eq!(
        road.image.as_deref(),
        Some("https://www.seaview.example/media/harbour-road.jpg")
    );
    assert_eq!(
        road.modified.map(|t| (t.year, t.month, t.day)),
        Some((2024, 5, 29))
    );
}

#[test]
fn plain_cms_feed_renders() {
    let outcome = outcome("minimal.json");
    assert_eq!(outcome.warnings, vec![]);
    assert_eq!(ids(&outcome), ["1042", "1041"]);
    let first = &outcome.feed.items[0];
    assert_eq!(first.versions.len(), 1);
    let original = &first.versions[0];
    assert_eq!(original.lang, None);
    assert_eq!(original.title, "Council meeting moved to Thursday");
    assert!(matches!(&original.body, Body::Text(t) if t.starts_with("The council meeting")));
    assert_eq!(first.published, None);
    assert_eq!(original.source, None);
}

#[test]
fn translations_keep_document_order() {
    // In the order the feed writes them (serde_json's `preserve_order`, as `JSON.parse`), not
    // sorted: zh-CN before ko.
    let outcome = build(
        r#"{"version": "https://jsonfeed.org/version/1.1", "items": [
            {"id": "o", "title": "Original", "language": "en",
             "_news_widget": {"translations": {"zh-CN": {"title": "中"}, "ko": {"title": "한"}}}}]}"#,
    )
    .unwrap();
    let langs: Vec<_> = outcome.feed.items[0]
        .versions
        .iter()
        .map(|v| v.lang.as_deref())
        .collect();
    assert_eq!(langs, [Some("en"), Some("zh-CN"), Some("ko")]);
}

#[test]
fn json_feed_1_0_with_singular_author_is_accepted() {
    let outcome = build(
        r#"{"version": "https://jsonfeed.org/version/1", "author": {"name": "City Hall"},
            "items": [{"id": "1", "title": "Hello", "author": {"name": "Parks Office"}},
                      {"id": "2", "title": "World"}]}"#,
    )
    .unwrap();
    assert_eq!(
        item(&outcome, "1").versions[0].source.as_deref(),
        Some("Parks Office")
    );
    assert_eq!(
        item(&outcome, "2").versions[0].source.as_deref(),
        Some("City Hall")
    );
}

#[test]
fn version_with_trailing_slash_or_http_is_accepted() {
    let outcome = build(r#"{"version": "http://jsonfeed.org/version/1.1/", "items": []}"#);
    assert!(outcome.is_ok(), "{outcome:?}");
}

#[test]
fn wrong_version_is_a_feed_error() {
    assert_eq!(
        build(&fixture("wrong_version.json")),
        Err(FeedError::UnsupportedVersion {
            found: Some("https://jsonfeed.org/version/2".to_owned())
        })
    );
}

#[test]
fn missing_version_is_a_feed_error() {
    assert_eq!(
        build(&fixture("rss_as_json.json")),
        Err(FeedError::UnsupportedVersion { found: None })
    );
}

#[test]
fn missing_items_is_a_feed_error() {
    assert_eq!(
        build(&fixture("missing_items.json")),
        Err(FeedError::MissingItems)
    );
}

#[test]
fn items_that_are_not_an_array_are_a_feed_error() {
    assert_eq!(
        build(&fixture("items_not_array.json")),
        Err(FeedError::MissingItems)
    );
}

#[test]
fn top_level_array_is_not_an_object() {
    assert!(matches!(
        build(&fixture("top_level_array.json")),
        Err(FeedError::NotAnObject { .. })
    ));
}

#[test]
fn badly_typed_header_is_not_an_object_with_detail() {
    let result =
        build(r#"{"version": "https://jsonfeed.org/version/1.1", "title": 7, "items": []}"#);
    assert!(
        matches!(&result, Err(FeedError::NotAnObject { detail }) if detail.contains("invalid type")),
        "{result:?}"
    );
}

#[test]
fn not_json_is_a_feed_error() {
    assert!(matches!(
        build(&fixture("not_json.json")),
        Err(FeedError::NotJson { .. })
    ));
}

#[test]
fn bad_feed_language_is_a_feed_error() {
    assert_eq!(
        build(&fixture("bad_feed_language.json")),
        Err(FeedError::BadFeedLanguage {
            tag: "English (US)".to_owned()
        })
    );
}

#[test]
fn feed_language_is_canonicalized() {
    let outcome = build(
        r#"{"version": "https://jsonfeed.org/version/1.1", "language": "zh-hans-cn", "items": []}"#,
    )
    .unwrap();
    assert_eq!(outcome.feed.language.as_deref(), Some("zh-Hans-CN"));
}

#[test]
fn feed_error_messages_are_plain_english() {
    assert_eq!(
        FeedError::UnsupportedVersion {
            found: Some("2".to_owned())
        }
        .to_string(),
        "unsupported feed version \"2\"; expected https://jsonfeed.org/version/1.1"
    );
    assert_eq!(
        FeedError::MissingItems.to_string(),
        "the feed has no \"items\" array"
    );
}
