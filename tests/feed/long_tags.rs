//! A stranger's megabyte-long language tag, wherever a feed writes it, gives a message that is
//! short and still names the start of the tag: a console warning the size of the tag would be a
//! second way for one feed to burden every page it is shown on.

use news_widget::feed::{BuildOptions, FeedError};

use crate::model::{build, feed_with_items};
use crate::xml::read_text;

/// A message this short cannot hold the tag; the tag's start is what a site author looks for.
const SHORT: usize = 200;

fn megabyte(start: &str) -> String {
    format!("{start}{}", "x".repeat(1 << 20))
}

fn assert_short(message: &str, start: &str) {
    assert!(
        message.len() < SHORT,
        "{} bytes: {}…",
        message.len(),
        &message[..SHORT]
    );
    assert!(message.contains(start), "{message}");
}

fn rss(language: &str, item: &str) -> String {
    format!(
        r#"<rss version="2.0"><channel><title>t</title><language>{language}</language>{item}</channel></rss>"#
    )
}

const RSS_ITEM: &str = "<item><title>a</title><link>https://x.example/1</link></item>";

#[test]
fn rss_language_repaired_from_a_megabyte_tag_is_noted_briefly() {
    // The lenient reader stops at `.`: what follows it is never read but is still `from`.
    let outcome = read_text(
        &rss(&megabyte("ko_KR."), RSS_ITEM),
        &BuildOptions::default(),
    )
    .expect("the language is only a hint");
    assert_eq!(outcome.feed.language.as_deref(), Some("ko-KR"));
    assert_eq!(outcome.notes.len(), 1);
    assert_short(&outcome.notes[0].to_string(), "\"ko_KR.xxx");
}

#[test]
fn rss_language_ignored_as_a_megabyte_tag_is_noted_briefly() {
    let outcome = read_text(
        &rss(&megabyte("not a tag "), RSS_ITEM),
        &BuildOptions::default(),
    )
    .expect("the language is only a hint");
    assert_eq!(outcome.feed.language, None);
    assert_eq!(outcome.notes.len(), 1);
    assert_short(&outcome.notes[0].to_string(), "\"not a tag xxx");
}

#[test]
fn json_feed_language_of_a_megabyte_is_a_short_feed_error() {
    let feed = format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "language": "{}", "items": []}}"#,
        megabyte("en_US!")
    );
    let error = build(&feed).expect_err("a JSON Feed's language is a promise");
    assert!(matches!(error, FeedError::BadFeedLanguage { .. }));
    assert_short(&error.to_string(), "\"en_US!xxx");
}

#[test]
fn item_languages_and_translation_tags_of_a_megabyte_are_warned_briefly() {
    let items = format!(
        r#"{{"id": "repaired", "title": "A", "language": "{}"}},
        {{"id": "kept", "title": "B", "_news_widget": {{"translations": {{"{}": {{"title": "C"}}}}}}}},
        {{"id": "skipped", "title": "D", "language": "{}"}}"#,
        megabyte("ko_KR."),
        megabyte("zh_CN "),
        megabyte("not a tag "),
    );
    let outcome = feed_with_items(&items).expect("two items are readable");
    let warnings: Vec<String> = outcome.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    for start in ["\"ko_KR.xxx", "\"zh_CN xxx", "\"not a tag xxx"] {
        let warning = warnings
            .iter()
            .find(|w| w.contains(start))
            .unwrap_or_else(|| panic!("no warning names {start}: {warnings:?}"));
        assert_short(warning, start);
    }

    // With no item left, the feed's error quotes the first item's reason, just as briefly.
    let only = format!(
        r#"{{"id": "x", "title": "A", "language": "{}"}}"#,
        megabyte("bad!")
    );
    let error = feed_with_items(&only).expect_err("no item is readable");
    assert!(matches!(error, FeedError::NoReadableItems { .. }));
    assert_short(&error.to_string(), "\"bad!xxx");
}
