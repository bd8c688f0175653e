// Specification of reading a long JSON Feed by pages: its items' keys first, each item when it
// is first asked for, built exactly as in a feed read whole.

use news_widget::feed::{
    build_deferred_json_feed, build_json_feed, item_nodes, read_header, read_item, BuildOptions,
    FeedOutcome, ItemError, DEFER_OVER,
};
use serde_json::{json, Value};

use crate::support::json_node::{take_field_reads, Node};

/// The deferred reader keeps the tree's nodes after the read: a test tree lives as long.
fn leak(value: Value) -> Node<'static> {
    Node(Box::leak(Box::new(value)))
}

/// A feed of `n` items, every third undated, with ids `item-<i>`.
fn long_feed(n: usize) -> Value {
    let items: Vec<Value> = (0..n)
        .map(|i| {
            let mut item = json!({
                "id": format!("item-{i}"),
                "title": format!("Title {i} &amp; more"),
                "content_html": format!("<p>Body {i}</p>"),
                "_news_widget": { "translations": { "ko": { "title": format!("제목 {i}") } } },
            });
            if i % 3 != 0 {
                item["date_published"] = json!(format!("2024-05-{:02}T08:00:00+09:00", 1 + i % 28));
            }
            item
        })
        .collect();
    json!({ "version": "https://jsonfeed.org/version/1.1", "title": "Long", "items": items })
}

fn deferred(root: Node<'static>) -> FeedOutcome {
    build_deferred_json_feed(
        read_header(&root),
        item_nodes(&root),
        &BuildOptions::default(),
    )
    .unwrap()
}

fn whole(root: Node<'static>) -> FeedOutcome {
    let items = item_nodes(&root).map(|nodes| nodes.iter().map(read_item).collect());
    build_json_feed(read_header(&root), items, &BuildOptions::default()).unwrap()
}

#[test]
fn a_long_feed_is_ordered_and_counted_from_its_keys_alone() {
    let root = leak(long_feed(DEFER_OVER + 100));
    take_field_reads();
    let outcome = deferred(root);
    let reads = take_field_reads();
    assert_eq!(outcome.feed.items.len(), DEFER_OVER + 100);
    // The header's fields, then two per item (id, date_published) and `items` itself.
    assert!(
        reads < 20 + 2 * (DEFER_OVER + 100),
        "{reads} field reads for {} items",
        DEFER_OVER + 100
    );
}

#[test]
fn items_read_by_pages_are_the_items_read_whole_in_the_same_order() {
    let root = leak(long_feed(DEFER_OVER + 50));
    let by_pages = deferred(root);
    let at_once = whole(root);
    let ids: Vec<&str> = by_pages.feed.items.ids().collect();
    let expected: Vec<&str> = at_once.feed.items.ids().collect();
    assert_eq!(ids, expected);
    assert_eq!(by_pages.feed.items.get(7), at_once.feed.items.get(7));
    let read = |items: &news_widget::feed::Items| items.iter().cloned().collect::<Vec<_>>();
    assert_eq!(read(&by_pages.feed.items), read(&at_once.feed.items));
}

#[test]
fn comparing_or_printing_a_long_feed_s_items_decodes_none_and_reports_nothing() {
    // Every item's title is repaired when decoded (`&amp;`): a decode would leave a warning.
    let root = leak(long_feed(DEFER_OVER + 1));
    let outcome = deferred(root);
    let copy = outcome.feed.items.clone();
    take_field_reads();
    assert_eq!(outcome.feed.items, copy, "a copy is the same items");
    let printed = format!("{:?}", outcome.feed.items);
    assert_eq!(take_field_reads(), 0, "nothing was decoded");
    assert!(outcome.feed.items.take_late_warnings().is_empty());
    assert!(
        printed.contains("\"item-0\" (not decoded)"),
        "{}",
        &printed[..80]
    );
    assert_ne!(
        outcome.feed.items,
        deferred(root).feed.items,
        "another read's items are not known to be the same without decoding them"
    );
}

#[test]
fn an_item_s_repairs_are_reported_when_it_is_first_read() {
    let root = leak(long_feed(DEFER_OVER + 1));
    let outcome = deferred(root);
    assert!(outcome.warnings.is_empty(), "{:?}", outcome.warnings);
    outcome.feed.items.get(0).unwrap();
    let late = outcome.feed.items.take_late_warnings();
    assert!(
        matches!(late[..], [ItemError::TitleRepaired { .. }]),
        "{late:?}"
    );
    outcome.feed.items.get(0).unwrap();
    assert!(outcome.feed.items.take_late_warnings().is_empty(), "once");
}

#[test]
fn an_unreadable_item_is_skipped_when_its_page_is_shown() {
    let mut feed = long_feed(DEFER_OVER + 1);
    feed["items"][0]["title"] = json!(42);
    feed["items"][0]["date_published"] = json!("2030-01-01T00:00:00Z");
    let outcome = deferred(leak(feed));
    assert_eq!(
        outcome.feed.items.ids().next(),
        Some("item-0"),
        "newest first"
    );
    assert!(outcome.feed.items.get(0).is_none());
    assert!(matches!(
        outcome.feed.items.take_late_warnings()[..],
        [ItemError::Undecodable { index: 0, .. }]
    ));
    assert_eq!(outcome.feed.items.iter().count(), DEFER_OVER);
}

#[test]
fn an_item_that_is_no_object_is_skipped_before_the_first_card() {
    let mut feed = long_feed(DEFER_OVER + 1);
    feed["items"][3] = json!("not an item");
    let outcome = deferred(leak(feed));
    assert_eq!(outcome.feed.items.len(), DEFER_OVER);
    assert!(matches!(
        outcome.warnings[..],
        [ItemError::Undecodable { index: 3, .. }]
    ));
}

#[test]
fn of_two_items_with_one_id_the_first_is_kept() {
    let mut feed = long_feed(DEFER_OVER + 1);
    feed["items"][5]["id"] = json!("item-4");
    let outcome = deferred(leak(feed));
    assert_eq!(outcome.feed.items.len(), DEFER_OVER);
    assert!(matches!(
        &outcome.warnings[..],
        [ItemError::DuplicateId { id }] if id == "item-4"
    ));
}

#[test]
fn an_item_without_an_id_gets_the_id_it_gets_in_a_whole_read() {
    let mut feed = long_feed(DEFER_OVER + 1);
    feed["items"][2].as_object_mut().unwrap().remove("id");
    let root = leak(feed);
    let by_pages = deferred(root);
    let at_once = whole(root);
    let repaired = at_once
        .feed
        .items
        .ids()
        .find(|id| id.starts_with("urn:"))
        .unwrap();
    assert!(by_pages.feed.items.contains(repaired));
    let item = by_pages.feed.items.find(repaired).unwrap();
    assert_eq!(item.versions[0].title, "Title 2 & more");
}

#[test]
fn pairing_an_article_that_names_no_translation_with_a_long_feed_reads_none_of_its_items() {
    // One feed per language, an article open in the Chinese one (its own id, no `link
    // rel="alternate"`), the reader switches to Korean, whose feed is a long JSON Feed. A JSON
    // Feed's items name no alternates either, so only the same id could pair them: the switch
    // must not decode the whole Korean feed to find nothing.
    let zh = deferred(leak(long_feed(DEFER_OVER + 1)));
    let mut open = zh.feed.items.get(0).unwrap().clone();
    open.id = "zh-only".into();
    assert!(open.alternates.is_empty());
    let ko = deferred(leak(long_feed(10 * DEFER_OVER)));
    take_field_reads();
    assert!(news_widget::feed::pair::counterpart(&open, &ko.feed).is_none());
    let reads = take_field_reads();
    assert!(
        reads < 100,
        "{reads} field reads of the other feed's {} items to find no pair",
        10 * DEFER_OVER
    );
}

#[test]
fn dates_written_as_numbers_keep_a_long_feed_s_items_undated_as_a_short_feed_does() {
    let mut feed = long_feed(DEFER_OVER + 1);
    for item in feed["items"].as_array_mut().unwrap() {
        item["date_published"] = json!(1_716_868_800);
    }
    let root = leak(feed);
    let outcome = deferred(root);
    assert_eq!(
        outcome.feed.items.iter().count(),
        DEFER_OVER + 1,
        "none skipped"
    );
    assert!(outcome
        .feed
        .items
        .iter()
        .all(|item| item.published.is_none()));
    assert_eq!(
        outcome.feed.items.ids().collect::<Vec<_>>(),
        whole(root).feed.items.ids().collect::<Vec<_>>(),
        "in the order of the feed read whole"
    );
}
