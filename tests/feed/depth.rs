// The XML walker follows no nesting with its own call stack: a feed whose item holds elements
// nested 100,000 levels deep (what a hostile publisher can send in 1 MB) reads like any other,
// natively here over roxmltree, in Chromium in tests/dom_feed_formats.rs.

use crate::support::xml_node::{resolve, Node};
use news_widget::feed::xml::read_xml_feed;

const LEVELS: usize = 100_000;

/// The title and image of each item the walker finds in `text`, on the test thread's own 2 MB
/// stack, which holds no walk that takes a frame per level of 100,000.
fn items_of(text: String) -> Vec<(Option<String>, Option<String>)> {
    let doc = roxmltree::Document::parse_with_options(
        &text,
        roxmltree::ParsingOptions {
            nodes_limit: u32::MAX,
            ..roxmltree::ParsingOptions::default()
        },
    )
    .expect("well-formed");
    let feed = read_xml_feed(
        &Node::root(&doc, &text),
        "https://example.org/feed.xml",
        &resolve,
    )
    .expect("an RSS feed");
    feed.items
        .into_iter()
        .map(|item| (item.title, item.image))
        .collect()
}

fn nested(open: &str, close: &str, inner: &str) -> String {
    format!("{}{inner}{}", open.repeat(LEVELS), close.repeat(LEVELS))
}

#[test]
fn an_item_nested_a_hundred_thousand_levels_deep_is_read() {
    let deep = nested("<x>", "</x>", "<item><title>Deep</title></item>");
    let text = format!(
        "<rss version=\"2.0\"><channel><item><title>First</title><extra>{deep}</extra></item>\
         <item><title>Last</title></item></channel></rss>"
    );
    let titles: Vec<_> = items_of(text).into_iter().map(|(t, _)| t).collect();
    assert_eq!(
        titles,
        ["First", "Deep", "Last"].map(|t| Some(t.to_owned())),
        "document order, the nested item included"
    );
}

#[test]
fn media_groups_nested_a_hundred_thousand_levels_deep_are_not_followed() {
    let groups = nested(
        "<media:group>",
        "</media:group>",
        "<media:thumbnail url=\"https://example.org/deep.jpg\"/>",
    );
    let text = format!(
        "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><item>\
         <title>Groups</title>{groups}</item></channel></rss>"
    );
    assert_eq!(items_of(text), [(Some("Groups".to_owned()), None)]);
}
