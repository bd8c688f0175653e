// Feed shapes that mature readers (feedparser, gofeed) read and the widget reads too: Dublin
// Core titles, descriptions and dates on RSS items, an Atom root without its namespace, a JSON
// Feed version written as a number, Atom 0.3's base64 text.

use crate::support::xml_node::{resolve, Node};
use news_widget::feed::xml::read_xml_feed;
use news_widget::feed::{
    build_json_feed, build_xml_feed, item_nodes, read_header, read_item, Body, BuildOptions,
    FeedError, FeedFormat, FeedNote, FeedOutcome,
};

fn xml(text: &str) -> FeedOutcome {
    let doc = roxmltree::Document::parse(text).expect("well-formed");
    let feed = read_xml_feed(
        &Node::root(&doc, text),
        "https://example.org/f.xml",
        &resolve,
    )
    .expect("a feed");
    build_xml_feed(feed, &BuildOptions::default()).expect("readable")
}

fn json(text: &str) -> Result<FeedOutcome, FeedError> {
    let value: serde_json::Value = serde_json::from_str(text).expect("JSON");
    let root = crate::support::json_node::Node(&value);
    let items = item_nodes(&root).map(|nodes| nodes.iter().map(read_item).collect());
    build_json_feed(read_header(&root), items, &BuildOptions::default())
}

const DC: &str = "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";

#[test]
fn rss_items_with_only_dublin_core_title_description_and_date() {
    let outcome = xml(&format!(
        "<rss version=\"2.0\" {DC}><channel><title>C</title><item><guid>1</guid>\
         <dc:title>Bridge reopens</dc:title><dc:description>&lt;p&gt;Traffic flows.&lt;/p&gt;\
         </dc:description><dc:date>2024-05-28T10:00:00+09:00</dc:date></item></channel></rss>"
    ));
    let item = &outcome.feed.items[0];
    assert_eq!(item.versions[0].title, "Bridge reopens");
    assert_eq!(
        item.versions[0].body,
        Body::Html("<p>Traffic flows.</p>".into())
    );
    assert_eq!(
        item.published.map(|t| t.iso_date()).as_deref(),
        Some("2024-05-28")
    );
}

#[test]
fn dublin_core_description_is_the_summary_beside_content_encoded() {
    let outcome = xml(&format!(
        "<rss version=\"2.0\" {DC} xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\
         <channel><item><guid>1</guid><title>T</title><dc:description>Short &lt;b&gt;text&lt;/b&gt;\
         </dc:description><content:encoded>&lt;p&gt;Long text.&lt;/p&gt;</content:encoded></item>\
         </channel></rss>"
    ));
    let version = &outcome.feed.items[0].versions[0];
    assert_eq!(version.summary.as_deref(), Some("Short text"));
    assert_eq!(version.body, Body::Html("<p>Long text.</p>".into()));
}

#[test]
fn rss_own_title_and_description_come_before_dublin_core() {
    let outcome = xml(&format!(
        "<rss version=\"2.0\" {DC}><channel><item><guid>1</guid><dc:title>DC</dc:title>\
         <title>RSS</title><dc:description>DC body</dc:description><description>RSS body\
         </description></item></channel></rss>"
    ));
    let version = &outcome.feed.items[0].versions[0];
    assert_eq!(version.title, "RSS");
    assert_eq!(version.body, Body::Html("RSS body".into()));
}

#[test]
fn an_atom_feed_without_the_atom_namespace_is_read_as_atom_with_a_note() {
    let outcome = xml(
        "<feed><title>City</title><entry><id>urn:1</id><title type=\"html\">A &amp;amp; B\
         </title><link href=\"https://example.org/a\"/><updated>2024-05-28T10:00:00Z</updated>\
         <summary>Sum</summary></entry></feed>",
    );
    assert_eq!(outcome.format, FeedFormat::Atom);
    assert_eq!(outcome.feed.title.as_deref(), Some("City"));
    let item = &outcome.feed.items[0];
    assert_eq!(item.id, "urn:1");
    assert_eq!(item.versions[0].title, "A & B");
    assert_eq!(
        item.versions[0].url.as_deref(),
        Some("https://example.org/a")
    );
    assert_eq!(outcome.notes, [FeedNote::AtomWithoutNamespace]);
    assert!(outcome.notes[0].to_string().contains("Atom namespace"));
}

#[test]
fn atom_0_3_base64_titles_and_content_are_decoded() {
    // "Ulsan & 창춘" and "<p>Body</p>" in base64.
    let outcome = xml(
        "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry><id>1</id>\
         <title mode=\"base64\" type=\"text/plain\">VWxzYW4gJiDssL3stpg=</title>\
         <content mode=\"base64\" type=\"text/html\">PHA+Qm9keTwvcD4=</content>\
         <issued>2024-05-28T10:00:00Z</issued></entry></feed>",
    );
    let version = &outcome.feed.items[0].versions[0];
    assert_eq!(version.title, "Ulsan & 창춘");
    assert_eq!(version.body, Body::Html("<p>Body</p>".into()));
}

#[test]
fn a_json_feed_version_written_as_a_number_is_read_with_a_note() {
    for version in ["1.1", "1.0", "1"] {
        let outcome = json(&format!(
            r#"{{"version": "{version}", "items": [{{"id": "1", "title": "T"}}]}}"#
        ))
        .unwrap_or_else(|e| panic!("{version}: {e}"));
        assert_eq!(outcome.feed.items.len(), 1);
        assert_eq!(
            outcome.notes,
            [FeedNote::VersionRepaired {
                found: version.to_owned()
            }]
        );
    }
    assert!(matches!(
        json(r#"{"version": "2", "items": []}"#),
        Err(FeedError::UnsupportedVersion { .. })
    ));
}
