//! The keeping policy, natively: which kept feeds are shown, which go when the store is over its
//! bound (the oldest first), the one header of a kept entry, and the one number reader of stored
//! values.
use news_widget::keep::{whole_number, EntryMeta, KeepPolicy, KeptEntry, KEEP_POLICY};

const MINUTE: u64 = 60_000;
const HOUR: u64 = 60 * MINUTE;
const DAY: u64 = 24 * HOUR;
const NOW: u64 = 1_717_000_000_000;

/// A small policy so that cases stay readable: 3 feeds, 100 bytes, 60 for one, a day old.
const SMALL: KeepPolicy = KeepPolicy {
    max_entries: 3,
    max_total_bytes: 100,
    max_entry_bytes: 60,
    max_age_ms: DAY,
};

fn entry(key: &str, minutes_ago: u64, bytes: u64) -> KeptEntry {
    KeptEntry {
        key: key.to_string(),
        fetched_at_ms: NOW - minutes_ago * MINUTE,
        bytes,
    }
}

#[test]
fn the_widget_keeps_sixteen_feeds_of_four_megabytes_for_a_week() {
    assert_eq!(KEEP_POLICY.max_entries, 16);
    assert_eq!(KEEP_POLICY.max_total_bytes, 4 * 1024 * 1024);
    assert_eq!(KEEP_POLICY.max_entry_bytes, 2 * 1024 * 1024);
    assert_eq!(KEEP_POLICY.max_age_ms, 7 * DAY);
}

#[test]
fn a_store_within_the_bound_drops_nothing() {
    let entries = [entry("a", 30, 20), entry("b", 20, 20), entry("c", 10, 20)];
    assert!(SMALL.evictions(&entries, NOW).is_empty());
}

#[test]
fn one_feed_too_many_drops_the_oldest() {
    let entries = [
        entry("b", 20, 10),
        entry("oldest", 40, 10),
        entry("c", 10, 10),
        entry("new", 0, 10),
    ];
    assert_eq!(SMALL.evictions(&entries, NOW), ["oldest"]);
}

#[test]
fn many_feeds_too_many_drop_the_oldest_first_until_the_count_fits() {
    let entries: Vec<KeptEntry> = (0..6)
        .map(|i| entry(&format!("f{i}"), 60 - i * 10, 1))
        .collect();
    assert_eq!(SMALL.evictions(&entries, NOW), ["f0", "f1", "f2"]);
}

#[test]
fn too_many_bytes_drop_the_oldest_until_the_total_fits() {
    let entries = [
        entry("old", 30, 40),
        entry("mid", 20, 40),
        entry("new", 0, 40),
    ];
    assert_eq!(SMALL.evictions(&entries, NOW), ["old"]);
}

#[test]
fn a_copy_older_than_the_age_limit_is_dropped_even_within_the_bound() {
    let entries = [entry("stale", 25 * 60, 10), entry("fresh", 5, 10)];
    assert_eq!(SMALL.evictions(&entries, NOW), ["stale"]);
}

#[test]
fn a_copy_larger_than_one_feed_may_be_is_dropped() {
    let entries = [entry("huge", 5, 61), entry("small", 10, 10)];
    assert_eq!(SMALL.evictions(&entries, NOW), ["huge"]);
}

#[test]
fn equal_times_drop_in_the_order_given() {
    let entries = [
        entry("first", 10, 1),
        entry("second", 10, 1),
        entry("third", 10, 1),
        entry("fourth", 10, 1),
    ];
    assert_eq!(SMALL.evictions(&entries, NOW), ["first"]);
}

#[test]
fn a_feed_up_to_the_entry_limit_is_admitted() {
    assert!(SMALL.admits(60));
}

#[test]
fn a_feed_over_the_entry_limit_is_not_admitted() {
    assert!(!SMALL.admits(61));
}

#[test]
fn a_copy_a_day_old_is_still_usable() {
    assert!(SMALL.is_usable(NOW - DAY, NOW));
}

#[test]
fn a_copy_older_than_the_age_limit_is_not_usable() {
    assert!(!SMALL.is_usable(NOW - DAY - 1, NOW));
}

#[test]
fn a_copy_from_the_future_is_usable() {
    assert!(SMALL.is_usable(NOW + HOUR, NOW));
}

#[test]
fn whole_numbers_are_ascii_digits() {
    assert_eq!(whole_number("1717000000000"), Some(1_717_000_000_000));
}

#[test]
fn whole_numbers_refuse_signs_spaces_and_fractions() {
    for text in ["", "-1", "+1", " 1", "1.5", "1e3"] {
        assert_eq!(whole_number(text), None, "{text:?}");
    }
}

#[test]
fn whole_numbers_refuse_more_digits_than_fit() {
    assert_eq!(whole_number("99999999999999999999"), None);
}

// The one header of a kept entry, as the widget writes it and reads it back.

#[test]
fn an_entry_header_reads_back_as_it_was_written() {
    let meta = EntryMeta {
        fetched_at_ms: 1_716_883_200_000,
        bytes: 5321,
        key: "https://city.example/feeds/news.json",
        url: "https://cdn.example/news.json",
        content_type: "application/feed+json; charset=utf-8",
    };
    let header = meta.write();
    assert_eq!(
        header,
        "1716883200000 5321 https://city.example/feeds/news.json https://cdn.example/news.json \
         application/feed+json; charset=utf-8"
    );
    assert_eq!(EntryMeta::read(&header), Some(meta.clone()));
    assert_eq!(
        meta.entry(),
        KeptEntry {
            key: "https://city.example/feeds/news.json".into(),
            fetched_at_ms: 1_716_883_200_000,
            bytes: 5321,
        }
    );
}

#[test]
fn an_entry_without_a_content_type_reads_with_an_empty_one() {
    let meta = EntryMeta::read("1 2 https://a.example/f.xml https://a.example/f.xml").unwrap();
    assert_eq!(meta.content_type, "");
    assert_eq!(meta.url, "https://a.example/f.xml");
}

#[test]
fn an_entry_with_an_unreadable_time_or_size_counts_as_ancient_and_huge() {
    let meta = EntryMeta::read("yesterday -3 https://a.example/f.json").unwrap();
    assert_eq!((meta.fetched_at_ms, meta.bytes), (0, u64::MAX));
    assert_eq!(meta.url, "");
    // Ancient and huge: the bound drops it first.
    let entries = [meta.entry(), entry("https://a.example/g.json", 1, 10)];
    assert_eq!(
        KEEP_POLICY.evictions(&entries, NOW),
        vec!["https://a.example/f.json".to_string()]
    );
}

#[test]
fn a_header_without_a_key_is_not_an_entry() {
    assert_eq!(EntryMeta::read(""), None);
    assert_eq!(EntryMeta::read("1 2"), None);
    assert_eq!(EntryMeta::read("1 2 "), None);
}
