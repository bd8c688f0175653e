//! Broken items: repaired, skipped or kept, and why.

use super::{feed_with_items, ids, item, outcome, version, warnings_for};
use news_widget::feed::{DateZone, FeedError, IdSource, ItemError};

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
        [ItemError::DateRepaired {
            zone: DateZone::Written,
            ..
        }]
    ));
}

#[test]
fn a_date_without_an_offset_and_no_timezone_option_is_said_to_be_read_as_utc() {
    let outcome = feed_with_items(
        r#"{"id": "local", "title": "A", "date_published": "2024-05-28 14:38:10"}"#,
    )
    .unwrap();
    let warnings = warnings_for(&outcome, "local");
    assert!(
        matches!(
            warnings[..],
            [ItemError::DateRepaired {
                zone: DateZone::Utc,
                ..
            }]
        ),
        "{warnings:?}"
    );
    assert!(
        warnings[0]
            .to_string()
            .ends_with("read anyway as UTC: the timezone option says the publisher's zone"),
        "{}",
        warnings[0]
    );
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
fn markup_in_a_json_feed_summary_is_removed_with_warning() {
    let outcome = feed_with_items(
        r#"{"id": "s", "title": "Plain", "summary": "<b>bold</b> words <script>alert(2)</script>"}"#,
    )
    .unwrap();
    assert_eq!(
        item(&outcome, "s").versions[0].summary.as_deref(),
        Some("bold words")
    );
    let warnings = warnings_for(&outcome, "s");
    assert!(
        matches!(warnings[..], [ItemError::SummaryRepaired { repairs, .. }] if repairs.markup_removed),
        "{warnings:?}"
    );
    assert_eq!(
        warnings[0].to_string(),
        "item \"s\": summary shown as plain text (markup removed)"
    );
}

#[test]
fn markup_in_a_translations_summary_is_removed_and_the_warning_names_its_language() {
    let outcome = feed_with_items(
        r#"{"id": "t", "title": "T", "_news_widget": {"translations": {"ko": {"title": "제목", "summary": "<i>요약</i>"}}}}"#,
    )
    .unwrap();
    assert_eq!(
        item(&outcome, "t").versions[1].summary.as_deref(),
        Some("요약")
    );
    let said: Vec<String> = warnings_for(&outcome, "t")
        .iter()
        .map(|w| w.to_string())
        .collect();
    assert_eq!(
        said,
        ["item \"t\" (ko): summary shown as plain text (markup removed)"]
    );
}

#[test]
fn a_plain_summary_with_ampersands_and_angles_is_left_as_written() {
    let outcome =
        feed_with_items(r#"{"id": "p", "title": "T", "summary": "Q & A: 5 < 6, AT&T"}"#).unwrap();
    assert_eq!(
        item(&outcome, "p").versions[0].summary.as_deref(),
        Some("Q & A: 5 < 6, AT&T")
    );
    assert!(warnings_for(&outcome, "p").is_empty());
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
