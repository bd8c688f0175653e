// Specification of the feed module: JSON Feed validation, translations, language choice,
// summaries and dates, driven through the same piecewise deserialization as the browser bridge.

use news_widget::feed::{
    build_feed, html_to_text, read_header, read_items, summarize, Body, FeedError, FeedOutcome,
    IdSource, Item, ItemError, Match, Timestamp, Version,
};
use serde_json::Value;

use crate::support::fixtures::feed as fixture;
use crate::support::json_node::Node;

/// What the bridge does with `JSON.parse` output: the header and each item are read on their
/// own, so one badly typed item cannot sink the feed.
fn build(json: &str) -> Result<FeedOutcome, FeedError> {
    let value: Value = serde_json::from_str(json).map_err(|e| FeedError::NotJson {
        detail: e.to_string(),
    })?;
    build_feed(read_header(&Node(&value)), read_items(&Node(&value)))
}

fn outcome(name: &str) -> FeedOutcome {
    build(&fixture(name)).unwrap_or_else(|e| panic!("{name} should build: {e}"))
}

fn item<'a>(outcome: &'a FeedOutcome, id: &str) -> &'a Item {
    outcome
        .feed
        .items
        .iter()
        .find(|item| item.id == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

fn version<'a>(item: &'a Item, lang: &str) -> &'a Version {
    item.versions
        .iter()
        .find(|v| v.lang.as_deref() == Some(lang))
        .unwrap_or_else(|| panic!("item {} has no {lang} version", item.id))
}

fn ids(outcome: &FeedOutcome) -> Vec<&str> {
    outcome
        .feed
        .items
        .iter()
        .map(|item| item.id.as_str())
        .collect()
}

/// A feed with the given items, for cases that need a single tweak.
fn feed_with_items(items: &str) -> Result<FeedOutcome, FeedError> {
    build(&format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "items": [{items}]}}"#
    ))
}

/// An item whose versions carry the given tags and are titled after them.
fn item_in(langs: &[Option<&str>]) -> Item {
    Item {
        id: "x".to_owned(),
        image: None,
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

fn chosen(langs: &[Option<&str>], locale: &str) -> (String, Match) {
    let item = item_in(langs);
    let (version, how) = item.version_for(locale);
    (version.title.clone(), how)
}

fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap_or_else(|| panic!("{s} should parse"))
}

fn warnings_for<'a>(outcome: &'a FeedOutcome, id: &str) -> Vec<&'a ItemError> {
    outcome
        .warnings
        .iter()
        .filter(|w| match w {
            ItemError::MissingTitle { id: i }
            | ItemError::BadDate { id: i, .. }
            | ItemError::DateRepaired { id: i, .. }
            | ItemError::TitleRepaired { id: i, .. }
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

// --- Broken items ----------------------------------------------------------------------------

#[test]
fn broken_items_leave_the_good_and_the_repaired_ones() {
    let outcome = outcome("broken_items.json");
    // Dated first (newest first, document order among equals), then undated in feed order.
    assert_eq!(
        ids(&outcome),
        [
            "modified-not-a-date",
            "good",
            "urn:news-widget:807a73c9c3d5360c",
            "urn:news-widget:3fd788b4e36a1245",
            "date-not-rfc3339",
            "february-30",
            "underscore-language",
            "no-title-anywhere",
            "12345"
        ]
    );
    assert!(outcome.warnings.iter().all(|w| !w.to_string().is_empty()));
}

#[test]
fn item_without_id_is_kept_under_a_stable_hash_with_warning() {
    let outcome = outcome("broken_items.json");
    let repaired = outcome
        .warnings
        .iter()
        .find_map(|w| match w {
            ItemError::IdRepaired {
                index: 0,
                id,
                from: IdSource::Hash,
            } => Some(id.clone()),
            _ => None,
        })
        .expect("a repaired id for items[0]");
    assert!(repaired.starts_with("urn:news-widget:"));
    assert_eq!(
        item(&outcome, &repaired).versions[0].title,
        "Item without id"
    );
}

#[test]
fn blank_id_counts_as_missing_and_is_repaired() {
    let outcome = outcome("broken_items.json");
    assert!(outcome
        .warnings
        .iter()
        .any(|w| matches!(w, ItemError::IdRepaired { index: 1, .. })));
}

#[test]
fn item_without_id_takes_its_url() {
    let outcome = feed_with_items(r#"{"url": "https://x.example/a", "title": "A"}"#).unwrap();
    assert_eq!(ids(&outcome), ["https://x.example/a"]);
    assert_eq!(
        outcome.warnings,
        [ItemError::IdRepaired {
            index: 0,
            id: "https://x.example/a".to_owned(),
            from: IdSource::Link
        }]
    );
}

#[test]
fn badly_typed_item_is_skipped_and_others_survive() {
    let outcome = outcome("broken_items.json");
    let undecodable = outcome
        .warnings
        .iter()
        .find(|w| matches!(w, ItemError::Undecodable { index: 2, .. }));
    assert!(
        matches!(undecodable, Some(ItemError::Undecodable { detail, .. }) if detail.contains("invalid type")),
        "{:?}",
        outcome.warnings
    );
    assert!(undecodable.unwrap().item_skipped());
}

#[test]
fn unparseable_date_keeps_item_undated_with_warning() {
    let outcome = outcome("broken_items.json");
    assert_eq!(
        warnings_for(&outcome, "date-not-rfc3339"),
        [&ItemError::BadDate {
            id: "date-not-rfc3339".to_owned(),
            field: "date_published",
            value: "28/05/2024".to_owned()
        }]
    );
    assert_eq!(item(&outcome, "date-not-rfc3339").published, None);
}

#[test]
fn unparseable_date_modified_keeps_item_with_its_published_date() {
    let outcome = outcome("broken_items.json");
    assert_eq!(
        warnings_for(&outcome, "modified-not-a-date"),
        [&ItemError::BadDate {
            id: "modified-not-a-date".to_owned(),
            field: "date_modified",
            value: "yesterday".to_owned()
        }]
    );
    let item = item(&outcome, "modified-not-a-date");
    assert_eq!(item.modified, None);
    assert_eq!(item.published.unwrap().iso_date(), "2024-05-28");
}

#[test]
fn impossible_calendar_date_leaves_item_undated() {
    let outcome = outcome("broken_items.json");
    assert!(matches!(
        warnings_for(&outcome, "february-30")[..],
        [ItemError::BadDate { .. }]
    ));
    assert_eq!(item(&outcome, "february-30").published, None);
}

#[test]
fn bad_date_message_names_field_and_value() {
    let error = ItemError::BadDate {
        id: "a".to_owned(),
        field: "date_published",
        value: "28/05/2024".to_owned(),
    };
    assert_eq!(
        error.to_string(),
        "item \"a\": date_published \"28/05/2024\" is not a date in any known form; shown undated"
    );
    assert!(!error.item_skipped());
}

#[test]
fn rfc822_date_in_json_feed_is_read_with_a_warning() {
    let outcome = feed_with_items(
        r#"{"id": "wp", "title": "A", "date_published": "Tue, 28 May 2024 08:30:00 +0000"}"#,
    )
    .unwrap();
    assert_eq!(
        item(&outcome, "wp").published.unwrap().iso_date(),
        "2024-05-28"
    );
    assert!(matches!(
        warnings_for(&outcome, "wp")[..],
        [ItemError::DateRepaired { zone: false, .. }]
    ));
}

#[test]
fn posix_item_language_is_read_as_bcp47_with_warning() {
    let outcome = outcome("broken_items.json");
    assert_eq!(
        warnings_for(&outcome, "underscore-language"),
        [&ItemError::LanguageRepaired {
            id: "underscore-language".to_owned(),
            from: "ko_KR".to_owned(),
            to: "ko-KR".to_owned()
        }]
    );
    assert_eq!(
        item(&outcome, "underscore-language").versions[0]
            .lang
            .as_deref(),
        Some("ko-KR")
    );
}

#[test]
fn unreadable_item_language_skips_item() {
    let outcome = feed_with_items(r#"{"id": "x", "title": "A", "language": "not a tag!"}"#);
    assert!(matches!(
        outcome,
        Err(FeedError::NoReadableItems { skipped: 1, .. })
    ));
}

#[test]
fn item_with_body_but_no_title_takes_its_first_words() {
    let outcome = outcome("broken_items.json");
    assert_eq!(
        warnings_for(&outcome, "no-title-anywhere"),
        [&ItemError::TitleFromBody {
            id: "no-title-anywhere".to_owned()
        }]
    );
    assert_eq!(
        item(&outcome, "no-title-anywhere").versions[0].title,
        "A body without any title."
    );
}

#[test]
fn blank_title_without_body_is_skipped() {
    let outcome = outcome("broken_items.json");
    assert_eq!(
        warnings_for(&outcome, "blank-title"),
        [&ItemError::MissingTitle {
            id: "blank-title".to_owned()
        }]
    );
}

#[test]
fn entity_in_json_feed_title_is_decoded_with_warning() {
    let outcome = feed_with_items(r#"{"id": "wp", "title": "Riverton &#8211; news"}"#).unwrap();
    assert_eq!(item(&outcome, "wp").versions[0].title, "Riverton – news");
    assert!(matches!(
        warnings_for(&outcome, "wp")[..],
        [ItemError::TitleRepaired { .. }]
    ));
}

#[test]
fn translation_with_invalid_tag_is_dropped() {
    let outcome = outcome("broken_items.json");
    let warning = ItemError::TranslationWithBadTag {
        id: "good".to_owned(),
        tag: "zh_CN".to_owned(),
    };
    assert!(outcome.warnings.contains(&warning));
    assert!(!warning.item_skipped());
    let langs: Vec<_> = item(&outcome, "good")
        .versions
        .iter()
        .map(|v| v.lang.as_deref())
        .collect();
    assert_eq!(langs, [Some("en"), Some("zh-CN")]);
}

#[test]
fn translation_without_title_is_dropped_and_item_kept() {
    let outcome = outcome("broken_items.json");
    let warning = ItemError::TranslationWithoutTitle {
        id: "good".to_owned(),
        lang: "ko".to_owned(),
    };
    assert!(outcome.warnings.contains(&warning));
    assert!(!warning.item_skipped());
    assert!(item(&outcome, "good")
        .versions
        .iter()
        .all(|v| v.lang.as_deref() != Some("ko")));
}

#[test]
fn translation_tag_is_canonicalized() {
    let outcome = outcome("broken_items.json");
    assert_eq!(version(item(&outcome, "good"), "zh-CN").title, "好条目");
}

#[test]
fn duplicate_id_first_wins() {
    let outcome = outcome("broken_items.json");
    assert_eq!(item(&outcome, "good").versions[0].title, "Good item");
    assert!(outcome.warnings.contains(&ItemError::DuplicateId {
        id: "good".to_owned()
    }));
}

#[test]
fn duplicate_of_a_skipped_item_is_kept() {
    let outcome = feed_with_items(
        r#"{"id": "a", "title": "Broken", "language": "not a tag!"},
           {"id": "a", "title": "Fixed copy"}"#,
    )
    .unwrap();
    assert_eq!(outcome.feed.items[0].versions[0].title, "Fixed copy");
}

#[test]
fn many_repeated_ids_keep_each_first_copy_in_order() {
    // 300 distinct ids, each written twice (the copies after all originals): the set of seen
    // ids is probed past collisions many times.
    let originals = (0..300).map(|i| format!(r#"{{"id": "n{i}", "title": "first {i}"}}"#));
    let copies = (0..300).map(|i| format!(r#"{{"id": "n{i}", "title": "second {i}"}}"#));
    let items: Vec<String> = originals.chain(copies).collect();
    let outcome = feed_with_items(&items.join(",")).unwrap();
    assert_eq!(outcome.feed.items.len(), 300);
    for (i, item) in outcome.feed.items.iter().enumerate() {
        assert_eq!(item.id, format!("n{i}"));
        assert_eq!(item.versions[0].title, format!("first {i}"));
    }
    let duplicates: Vec<&ItemError> = outcome
        .warnings
        .iter()
        .filter(|w| matches!(w, ItemError::DuplicateId { .. }))
        .collect();
    assert_eq!(duplicates.len(), 300);
    assert_eq!(
        duplicates[299],
        &ItemError::DuplicateId {
            id: "n299".to_owned()
        }
    );
}

#[test]
fn numeric_id_becomes_string() {
    let outcome = outcome("broken_items.json");
    assert_eq!(
        item(&outcome, "12345").versions[0].title,
        "Numeric id from a CMS"
    );
}

#[test]
fn fractional_id_is_undecodable() {
    let outcome = outcome("broken_items.json");
    assert!(outcome
        .warnings
        .iter()
        .any(|w| matches!(w, ItemError::Undecodable { index: 12, .. })));
}

#[test]
fn feed_of_only_skipped_items_is_an_error_not_an_empty_list() {
    let body = "a".repeat(1_000_001);
    let result = feed_with_items(&format!(
        r#"{{"id": "big", "title": "Big", "content_text": "{body}"}}"#
    ));
    match result {
        Err(FeedError::NoReadableItems { skipped: 1, first }) => assert!(matches!(
            first.as_deref(),
            Some(ItemError::BodyTooLarge { .. })
        )),
        other => panic!("expected NoReadableItems, got {other:?}"),
    }
}

#[test]
fn body_over_one_megabyte_is_skipped() {
    let body = "a".repeat(1_000_001);
    let outcome = feed_with_items(&format!(
        r#"{{"id": "big", "title": "Big", "content_text": "{body}"}}, {{"id": "ok", "title": "OK"}}"#
    ))
    .unwrap();
    assert_eq!(ids(&outcome), ["ok"]);
    assert_eq!(
        outcome.warnings,
        [ItemError::BodyTooLarge {
            id: "big".to_owned(),
            bytes: 1_000_001
        }]
    );
}

#[test]
fn body_of_exactly_one_megabyte_is_kept() {
    let body = "a".repeat(1_000_000);
    let outcome = feed_with_items(&format!(
        r#"{{"id": "big", "title": "Big", "content_html": "{body}"}}"#
    ))
    .unwrap();
    assert_eq!(outcome.feed.items.len(), 1);
}

#[test]
fn translation_body_over_one_megabyte_skips_item() {
    let body = "가".repeat(400_000);
    let outcome = feed_with_items(&format!(
        r#"{{"id": "big", "title": "Big",
             "_news_widget": {{"translations": {{"ko": {{"title": "큰", "content_text": "{body}"}}}}}}}},
           {{"id": "ok", "title": "OK"}}"#
    ))
    .unwrap();
    assert_eq!(
        outcome.warnings,
        [ItemError::BodyTooLarge {
            id: "big".to_owned(),
            bytes: 1_200_000
        }]
    );
}

#[test]
fn untitled_original_with_titled_translation_is_kept() {
    let outcome = feed_with_items(
        r#"{"id": "t", "language": "en", "content_text": "English body",
            "_news_widget": {"translations": {"ko": {"title": "제목"}}}}"#,
    )
    .unwrap();
    let versions = &outcome.feed.items[0].versions;
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].lang.as_deref(), Some("ko"));
    assert_eq!(outcome.warnings, vec![]);
}

#[test]
fn skipped_item_reports_only_why_it_was_skipped() {
    let outcome = feed_with_items(
        r#"{"id": "s", "title": "Badly tagged", "language": "not a tag!",
            "_news_widget": {"translations": {"ko": {}}}},
           {"id": "ok", "title": "Good"}"#,
    )
    .unwrap();
    assert_eq!(outcome.warnings.len(), 1);
    assert!(outcome.warnings[0].item_skipped());
}

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

// --- Choosing a version for the reader's language --------------------------------------------

#[test]
fn version_for_exact_tag_ignores_case() {
    assert_eq!(
        chosen(&[Some("en"), Some("zh-CN")], "zh-cn"),
        ("zh-CN".to_owned(), Match::Exact)
    );
}

#[test]
fn version_for_zh_cn_ui_takes_zh_hans_version() {
    assert_eq!(
        chosen(&[Some("en"), Some("zh-Hans")], "zh-CN"),
        ("zh-Hans".to_owned(), Match::Exact)
    );
}

#[test]
fn version_for_zh_hans_ui_takes_zh_cn_version() {
    assert_eq!(
        chosen(&[Some("en"), Some("zh-CN")], "zh-Hans"),
        ("zh-CN".to_owned(), Match::Exact)
    );
}

#[test]
fn version_for_bare_zh_ui_takes_simplified() {
    assert_eq!(
        chosen(&[Some("zh-TW"), Some("zh-CN")], "zh"),
        ("zh-CN".to_owned(), Match::Exact)
    );
}

#[test]
fn version_for_zh_tw_ui_prefers_traditional_over_simplified() {
    assert_eq!(
        chosen(&[Some("zh-CN"), Some("zh-Hant")], "zh-TW"),
        ("zh-Hant".to_owned(), Match::Exact)
    );
}

#[test]
fn version_for_zh_hk_ui_takes_zh_tw_version() {
    assert_eq!(
        chosen(&[Some("en"), Some("zh-TW")], "zh-HK"),
        ("zh-TW".to_owned(), Match::Exact)
    );
}

#[test]
fn version_for_zh_cn_ui_falls_back_to_traditional_when_no_simplified() {
    assert_eq!(
        chosen(&[Some("en"), Some("zh-TW")], "zh-CN"),
        ("zh-TW".to_owned(), Match::Fallback)
    );
}

#[test]
fn version_for_ko_ui_takes_ko_kr_version() {
    assert_eq!(
        chosen(&[Some("en"), Some("ko-KR")], "ko"),
        ("ko-KR".to_owned(), Match::Exact)
    );
}

#[test]
fn version_for_ko_kr_ui_takes_ko_version() {
    assert_eq!(
        chosen(&[Some("en"), Some("ko")], "ko-KR"),
        ("ko".to_owned(), Match::Exact)
    );
}

#[test]
fn version_for_en_gb_ui_takes_en_us_version() {
    assert_eq!(
        chosen(&[Some("ko"), Some("en-US")], "en-GB"),
        ("en-US".to_owned(), Match::Exact)
    );
}

#[test]
fn version_for_missing_korean_falls_back_to_english() {
    let outcome = outcome("valid.json");
    let library = item(&outcome, "library-summer-hours");
    let (version, how) = library.version_for("ko");
    assert_eq!(
        (version.lang.as_deref(), how),
        (Some("en"), Match::Fallback)
    );
}

#[test]
fn version_for_korean_ui_finds_translation_of_korean_original() {
    let outcome = outcome("multilingual.json");
    let (version, how) = item(&outcome, "korean-original").version_for("ko-KR");
    assert_eq!(
        (version.title.as_str(), how),
        ("시민 정원 개장", Match::Exact)
    );
}

#[test]
fn version_for_missing_language_prefers_english_translation_over_original() {
    let outcome = outcome("multilingual.json");
    let (version, how) = item(&outcome, "traditional-chinese-original").version_for("ko");
    assert_eq!(
        (version.lang.as_deref(), how),
        (Some("en"), Match::Fallback)
    );
}

#[test]
fn version_for_without_english_falls_back_to_first_version() {
    let outcome = outcome("multilingual.json");
    let (version, how) = item(&outcome, "japanese-only").version_for("ko");
    assert_eq!(
        (version.lang.as_deref(), how),
        (Some("ja"), Match::Fallback)
    );
}

#[test]
fn version_for_unknown_language_never_matches_exactly() {
    assert_eq!(
        chosen(&[None], "en"),
        ("unknown".to_owned(), Match::Fallback)
    );
}

#[test]
fn version_for_prefers_english_over_unknown_original() {
    assert_eq!(
        chosen(&[None, Some("en")], "ko"),
        ("en".to_owned(), Match::Fallback)
    );
}

// --- Summaries -------------------------------------------------------------------------------

#[test]
fn summary_prefers_explicit_summary() {
    let outcome = outcome("valid.json");
    let road = item(&outcome, "road-works-2024-05");
    assert_eq!(
        road.summary(version(road, "zh-CN")),
        "6月3日至14日夜间，港湾路将重铺路面。22:00至次日05:00期间部分车道封闭。"
    );
}

#[test]
fn summary_is_derived_from_html_body() {
    let outcome = outcome("valid.json");
    let recycling = item(&outcome, "recycling-guide");
    assert_eq!(
        recycling.summary(&recycling.versions[0]),
        "Glass and cans are now collected on Tuesdays, paper on Fridays."
    );
}

#[test]
fn summary_is_derived_from_text_body_and_cut() {
    let outcome = outcome("valid.json");
    let library = item(&outcome, "library-summer-hours");
    let summary = library.summary(&library.versions[0]);
    assert_eq!(
        summary,
        "From 1 July to 31 August the Central Library opens from 09:00 to 21:00 on weekdays and \
         from 10:00 to 18:00 at weekends. The children's…"
    );
    assert!(summary.chars().count() <= 140);
}

#[test]
fn summary_of_empty_body_without_summary_is_empty() {
    let item = item_in(&[Some("ko")]);
    assert_eq!(item.summary(&item.versions[0]), "");
}

#[test]
fn summarize_short_text_is_unchanged() {
    assert_eq!(summarize("Short notice.", 140), "Short notice.");
}

#[test]
fn summarize_text_of_exactly_the_limit_is_unchanged() {
    assert_eq!(summarize("abcde", 5), "abcde");
}

#[test]
fn summarize_collapses_whitespace() {
    assert_eq!(
        summarize("  Road\n\n works\t ahead ", 140),
        "Road works ahead"
    );
}

#[test]
fn summarize_latin_cuts_on_word_boundary() {
    // 24 columns would end in "reope"; the last space is within the last quarter.
    assert_eq!(
        summarize("The ferry terminal reopens on Monday after repairs", 25),
        "The ferry terminal…"
    );
}

#[test]
fn summarize_latin_cut_at_word_end_keeps_the_word() {
    assert_eq!(
        summarize("The ferry terminal reopens on Monday after repairs", 30),
        "The ferry terminal reopens on…"
    );
}

#[test]
fn summarize_long_unspaced_word_is_cut_inside() {
    assert_eq!(
        summarize("See https://www.seaview.example/news/road-works", 20),
        "See https://www.sea…"
    );
}

#[test]
fn summarize_cjk_counts_double_width() {
    assert_eq!(summarize("港湾路自六月三日起重铺路面", 9), "港湾路自…");
}

#[test]
fn summarize_korean_cuts_on_space() {
    // Hangul takes two columns: 23 columns end in "야", one syllable into the next word.
    assert_eq!(
        summarize("하버로 재포장 공사가 야간에 진행됩니다", 24),
        "하버로 재포장 공사가…"
    );
}

#[test]
fn summarize_does_not_split_zwj_emoji_sequence() {
    let family = "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}";
    assert_eq!(summarize(&format!("ab{family}cd"), 4), "ab…");
}

#[test]
fn summarize_keeps_whole_zwj_sequence_when_it_fits() {
    let family = "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}";
    assert_eq!(
        summarize(&format!("ab{family}cd"), 5),
        format!("ab{family}…")
    );
}

#[test]
fn summarize_does_not_split_combining_mark() {
    assert_eq!(summarize("abcd\u{301}efgh", 5), "abcd\u{301}…");
}

#[test]
fn summarize_does_not_split_flag_pair() {
    // Korea, China, United States: each flag is two regional indicators.
    let flags = "\u{1F1F0}\u{1F1F7}\u{1F1E8}\u{1F1F3}\u{1F1FA}\u{1F1F8}";
    assert_eq!(summarize(flags, 4), "\u{1F1F0}\u{1F1F7}…");
}

#[test]
fn summarize_does_not_split_emoji_modifier() {
    let wave = "\u{1F44B}\u{1F3FD}";
    assert_eq!(summarize(&format!("a{wave}{wave}"), 4), format!("a{wave}…"));
}

#[test]
fn html_to_text_drops_script_and_style_contents() {
    assert_eq!(
        html_to_text(
            "<style>p { color: red }</style><p>Visible</p><SCRIPT type=\"x\">alert('</p>')</script >text"
        ),
        "Visible text"
    );
}

#[test]
fn html_to_text_decodes_entities() {
    assert_eq!(
        html_to_text(
            "Fish &amp; chips &lt;3 &quot;hot&quot; &#39;n&apos; &#x1F41F;&nbsp;&#169; &bogus;"
        ),
        "Fish & chips <3 \"hot\" 'n' \u{1F41F} © &bogus;"
    );
}

#[test]
fn html_to_text_separates_block_elements() {
    assert_eq!(
        html_to_text("<h2>Title</h2><p>One</p><p>Two<br>Three</p>"),
        "Title One Two Three"
    );
}

#[test]
fn html_to_text_keeps_inline_words_together() {
    assert_eq!(html_to_text("un<b>believ</b><i>able</i>"), "unbelievable");
}

#[test]
fn html_to_text_ignores_gt_inside_quoted_attributes() {
    assert_eq!(
        html_to_text(r#"<a title="a > b" href='x>y'>link</a>"#),
        "link"
    );
}

#[test]
fn html_to_text_keeps_lone_less_than() {
    assert_eq!(html_to_text("1 < 2 and 3 <4"), "1 < 2 and 3 <4");
}

#[test]
fn html_to_text_drops_comments() {
    assert_eq!(html_to_text("a<!-- <p>hidden</p> -->b"), "ab");
}

#[test]
fn html_to_text_drops_unterminated_tag() {
    assert_eq!(html_to_text("text <img src=\"x"), "text");
}

// --- Dates -----------------------------------------------------------------------------------

#[test]
fn timestamp_offset_keeps_written_date() {
    let t = ts("2024-06-01T00:30:00+09:00");
    assert_eq!((t.year, t.month, t.day), (2024, 6, 1));
    assert_eq!(t.epoch_ms, 1_717_169_400_000);
}

#[test]
fn timestamp_negative_offset_keeps_written_date() {
    let t = ts("2024-05-28T23:30:00-05:00");
    assert_eq!((t.year, t.month, t.day), (2024, 5, 28));
    assert_eq!(t.epoch_ms, 1_716_957_000_000);
}

#[test]
fn timestamp_z_and_fraction() {
    assert_eq!(ts("2024-05-28T14:05:09.123Z").epoch_ms, 1_716_905_109_123);
}

#[test]
fn timestamp_short_and_long_fractions() {
    assert_eq!(ts("2024-05-28T14:05:09.5Z").epoch_ms, 1_716_905_109_500);
    assert_eq!(
        ts("2024-05-28T14:05:09.123456789Z").epoch_ms,
        1_716_905_109_123
    );
}

#[test]
fn timestamp_lowercase_and_space_separator() {
    assert_eq!(ts("2024-05-28t14:05:09z"), ts("2024-05-28T14:05:09Z"));
    assert_eq!(ts("2024-05-28 14:05:09Z"), ts("2024-05-28T14:05:09Z"));
}

#[test]
fn timestamp_date_only_is_midnight_utc() {
    let t = ts("2024-05-28");
    assert_eq!(
        (t.epoch_ms, t.year, t.month, t.day),
        (1_716_854_400_000, 2024, 5, 28)
    );
}

#[test]
fn timestamp_unix_epoch_is_zero() {
    assert_eq!(ts("1970-01-01T00:00:00Z").epoch_ms, 0);
    assert_eq!(ts("1969-12-31T23:59:59Z").epoch_ms, -1000);
}

#[test]
fn timestamp_leap_day_is_valid() {
    assert_eq!(ts("2024-02-29T12:00:00Z").epoch_ms, 1_709_208_000_000);
    assert!(Timestamp::parse("2000-02-29").is_some());
}

#[test]
fn timestamp_leap_day_in_common_year_is_invalid() {
    assert_eq!(Timestamp::parse("2023-02-29T12:00:00Z"), None);
    assert_eq!(Timestamp::parse("1900-02-29"), None);
}

#[test]
fn timestamp_feb_30_is_invalid() {
    assert_eq!(Timestamp::parse("2024-02-30T10:00:00Z"), None);
}

#[test]
fn timestamp_out_of_range_fields_are_invalid() {
    assert_eq!(Timestamp::parse("2024-13-01"), None);
    assert_eq!(Timestamp::parse("2024-04-31"), None);
    assert_eq!(Timestamp::parse("2024-05-28T24:00:00Z"), None);
    assert_eq!(Timestamp::parse("2024-05-28T10:60:00Z"), None);
    assert_eq!(Timestamp::parse("2024-05-28T10:00:61Z"), None);
    assert_eq!(Timestamp::parse("2024-05-28T10:00:00+24:00"), None);
}

#[test]
fn timestamp_leap_second_is_accepted() {
    assert!(Timestamp::parse("2016-12-31T23:59:60Z").is_some());
}

#[test]
fn timestamp_without_offset_is_invalid() {
    assert_eq!(Timestamp::parse("2024-05-28T10:00:00"), None);
}

#[test]
fn timestamp_with_trailing_garbage_is_invalid() {
    assert_eq!(Timestamp::parse("2024-05-28T10:00:00Z!"), None);
    assert_eq!(Timestamp::parse("2024-05-28T10:00:00."), None);
    assert_eq!(Timestamp::parse("2024-5-28"), None);
}

#[test]
fn timestamp_iso_date_and_calendar_date_are_the_written_date() {
    let t = ts("2024-06-01T00:30:00+09:00");
    assert_eq!(t.iso_date(), "2024-06-01");
    assert_eq!(t.calendar_date_ms(), ts("2024-06-01").epoch_ms);
}
