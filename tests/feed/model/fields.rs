//! Fields: unknown and blank ones, what versions inherit, and the order of items.

use super::{feed_with_items, ids, item, outcome, version};
use news_widget::feed::{Body, IdSource, ItemError};

#[test]
fn unknown_fields_are_ignored() {
    let outcome = feed_with_items(
        r#"{"id": "u", "title": "Extra", "tags": ["x"], "_other_extension": {"a": 1},
            "attachments": [{"url": "https://x.example/a.pdf"}]}"#,
    )
    .unwrap();
    assert_eq!(outcome.feed.items.len(), 1);
}

#[test]
fn null_and_blank_fields_are_absent() {
    let outcome = feed_with_items(
        r#"{"id": "n", "title": "Nulls", "summary": null, "url": "", "image": "  ",
            "date_published": "", "language": null, "_news_widget": null}"#,
    )
    .unwrap();
    let item = &outcome.feed.items[0];
    assert_eq!((&item.image, &item.published), (&None, &None));
    assert_eq!(
        (&item.versions[0].summary, &item.versions[0].url),
        (&None, &None)
    );
}

#[test]
fn titles_are_trimmed() {
    let outcome = feed_with_items(r#"{"id": "t", "title": "  Spaced out \n"}"#).unwrap();
    assert_eq!(outcome.feed.items[0].versions[0].title, "Spaced out");
}

#[test]
fn item_language_falls_back_to_feed_language() {
    let outcome = outcome("multilingual.json");
    assert_eq!(
        item(&outcome, "english-original").versions[0]
            .lang
            .as_deref(),
        Some("en-US")
    );
    assert_eq!(
        item(&outcome, "korean-original").versions[0]
            .lang
            .as_deref(),
        Some("ko")
    );
}

#[test]
fn translation_inherits_url_source_and_image_alt() {
    let outcome = outcome("valid.json");
    let road = item(&outcome, "road-works-2024-05");
    let ko = version(road, "ko");
    assert_eq!(
        ko.url.as_deref(),
        Some("https://www.seaview.example/news/road-works-2024-05")
    );
    assert_eq!(ko.source.as_deref(), Some("Department of Transport"));
    assert_eq!(
        ko.image_alt.as_deref(),
        Some("Harbour Road at dusk, seen from the ferry terminal")
    );
}

#[test]
fn translation_own_url_source_and_image_alt_win() {
    let outcome = outcome("valid.json");
    let zh = version(item(&outcome, "road-works-2024-05"), "zh-CN");
    assert_eq!(
        zh.url.as_deref(),
        Some("https://www.seaview.example/zh/news/road-works-2024-05")
    );
    assert_eq!(zh.source.as_deref(), Some("交通局"));
    assert_eq!(
        zh.image_alt.as_deref(),
        Some("黄昏时从轮渡码头望去的港湾路")
    );
}

#[test]
fn item_without_authors_takes_feed_authors_as_source() {
    let outcome = outcome("valid.json");
    let library = item(&outcome, "library-summer-hours");
    assert_eq!(
        library.versions[0].source.as_deref(),
        Some("Seaview City Hall")
    );
}

#[test]
fn translation_without_body_has_empty_body() {
    let outcome = outcome("valid.json");
    let festival = item(&outcome, "lantern-festival-2024");
    assert_eq!(version(festival, "ko").body, Body::Empty);
}

#[test]
fn content_html_is_preferred_over_content_text() {
    let outcome = feed_with_items(
        r#"{"id": "h", "title": "Both", "content_html": "<p>html</p>", "content_text": "text"}"#,
    )
    .unwrap();
    assert_eq!(
        outcome.feed.items[0].versions[0].body,
        Body::Html("<p>html</p>".to_owned())
    );
}

#[test]
fn items_sort_newest_first() {
    let outcome = outcome("valid.json");
    assert_eq!(
        ids(&outcome),
        [
            "lantern-festival-2024",
            "road-works-2024-05",
            "library-summer-hours",
            "recycling-guide"
        ]
    );
}

#[test]
fn sorting_compares_instants_across_offsets() {
    let outcome = feed_with_items(
        r#"{"id": "seoul", "title": "A", "date_published": "2024-05-28T08:00:00+09:00"},
           {"id": "utc", "title": "B", "date_published": "2024-05-28T00:00:00Z"}"#,
    )
    .unwrap();
    // 08:00 in Seoul is 23:00 UTC the day before: the UTC item is newer.
    assert_eq!(ids(&outcome), ["utc", "seoul"]);
}

#[test]
fn undated_items_sort_last_in_document_order() {
    let outcome = feed_with_items(
        r#"{"id": "u1", "title": "A"},
           {"id": "dated", "title": "B", "date_published": "2024-01-01"},
           {"id": "u2", "title": "C"}"#,
    )
    .unwrap();
    assert_eq!(ids(&outcome), ["dated", "u1", "u2"]);
}

#[test]
fn item_skipped_is_true_for_item_level_errors() {
    assert!(!ItemError::IdRepaired {
        index: 0,
        id: "a".to_owned(),
        from: IdSource::Link
    }
    .item_skipped());
    assert!(ItemError::DuplicateId { id: "a".to_owned() }.item_skipped());
    assert!(ItemError::BodyTooLarge {
        id: "a".to_owned(),
        bytes: 2
    }
    .item_skipped());
}

#[test]
fn the_body_s_first_picture_is_the_card_s_and_said_to_be_in_the_body() {
    let outcome = feed_with_items(
        r#"{"id": "b", "title": "B", "content_html": "<p><img src=\"../img/a.jpg\">Text</p>"},
           {"id": "n", "title": "N", "image": "lead.jpg", "content_html": "<p><img src=\"b.jpg\"></p>"},
           {"id": "t", "title": "T", "content_text": "Text"}"#,
    )
    .unwrap();
    let from_body = item(&outcome, "b");
    assert_eq!(
        (from_body.image.as_deref(), from_body.image_in_body),
        (Some("../img/a.jpg"), true)
    );
    let named = item(&outcome, "n");
    assert_eq!(
        (named.image.as_deref(), named.image_in_body),
        (Some("lead.jpg"), false)
    );
    let none = item(&outcome, "t");
    assert_eq!((none.image.as_deref(), none.image_in_body), (None, false));
}

#[test]
fn the_card_s_picture_is_never_one_the_article_leaves_out() {
    let outcome = feed_with_items(
        r#"{"id": "lazy", "title": "L", "content_html": "<img src=\"data:image/svg+xml,x\"><noscript><img src=\"real.jpg\"></noscript><p>Text</p>"},
           {"id": "comment", "title": "C", "content_html": "<!-- <img src=\"old.jpg\"> --><p><IMG SRC=\"new.jpg\"></p>"},
           {"id": "script", "title": "S", "content_html": "<script>var s = '<img src=x.jpg>';</script><figure><img alt=\"\" src=\"y.jpg\"></figure>"},
           {"id": "open", "title": "O", "content_html": "<template><img src=\"t.jpg\">"}"#,
    )
    .unwrap();
    let image = |id| item(&outcome, id).image.as_deref();
    assert_eq!(
        image("lazy"),
        None,
        "inside <noscript>, which the article drops"
    );
    assert_eq!(image("comment"), Some("new.jpg"));
    assert_eq!(image("script"), Some("y.jpg"));
    assert_eq!(
        image("open"),
        None,
        "an element never closed holds the rest"
    );
}

#[test]
fn a_picture_taken_from_an_untitled_original_s_body_is_not_counted_as_in_a_translation_s() {
    let outcome = feed_with_items(
        r#"{"id": "u", "content_html": "<p><img src=\"a.jpg\">본문</p>", "language": "ko",
            "_news_widget": {"translations": {"en": {"title": "English", "content_html": "<p>Text</p>"}}}}"#,
    )
    .unwrap();
    let untitled = item(&outcome, "u");
    assert_eq!(
        untitled.versions[0].title, "English",
        "the original, untitled, is not kept"
    );
    assert_eq!(
        (untitled.image.as_deref(), untitled.image_in_body),
        (Some("a.jpg"), false),
        "so the article shows the picture above the translation's body"
    );
}
