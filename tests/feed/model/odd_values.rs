//! Values of an odd kind where a field expects text: characters no one sees, dates written as
//! numbers. Kept, repaired or skipped as a field of the right kind would be, and said.

use super::{feed_with_items, ids, item, warnings_for};
use news_widget::feed::ItemError;

#[test]
fn a_title_of_invisible_characters_is_no_title() {
    let outcome = feed_with_items(
        r#"{"id": "zw", "title": "\u200b\u200d\u2060 \ufeff\u202e", "content_text": "The first words."},
           {"id": "zw-only", "title": "\u200b\u200b", "summary": "\u200b"},
           {"id": "joined", "title": "\u200bA\u200d", "summary": "\u00ad\u200f"},
           {"id": "filler", "title": "\u3164\u061c\ufe0f", "content_text": "한글 본문",
            "_news_widget": {"translations": {"en": {"title": "\u200b"}}}}"#,
    )
    .unwrap();
    assert_eq!(item(&outcome, "zw").versions[0].title, "The first words.");
    assert!(ids(&outcome).iter().all(|id| *id != "zw-only"));
    assert_eq!(
        warnings_for(&outcome, "zw-only"),
        [&ItemError::MissingTitle {
            id: "zw-only".to_owned()
        }]
    );
    let filler = item(&outcome, "filler");
    assert_eq!(
        filler.versions[0].title, "한글 본문",
        "a Hangul filler is no title either"
    );
    assert_eq!(
        filler.versions.len(),
        1,
        "nor a translation's title of invisible characters"
    );
    let joined = &item(&outcome, "joined").versions[0];
    assert_eq!(
        joined.title, "\u{200b}A\u{200d}",
        "a visible letter keeps its title as written"
    );
    assert_eq!(
        joined.summary, None,
        "nor is a summary of invisible characters one"
    );
}

#[test]
fn control_characters_in_a_json_title_or_summary_are_read_as_a_browser_would() {
    let outcome = feed_with_items(
        r#"{"id": "bell", "title": "Mayor\u0007 visits\u0000 Ul\u001bsan\t\n", "summary": "Don\u0092t miss: 1996\u00962026\u0081"},
           {"id": "controls-only", "title": "\u0001\u0002\u0081", "content_text": "The body."}"#,
    )
    .unwrap();
    let bell = &item(&outcome, "bell").versions[0];
    assert_eq!(
        bell.title, "Mayor visits Ulsan",
        "dropped, not a space inside a word"
    );
    assert_eq!(
        bell.summary.as_deref(),
        Some("Don\u{2019}t miss: 1996\u{2013}2026"),
        "C1 as Windows-1252, as a browser reads &#146;; its holes dropped"
    );
    assert_eq!(
        item(&outcome, "controls-only").versions[0].title,
        "The body.",
        "a title of control characters alone is none"
    );
}

#[test]
fn a_date_written_as_a_number_keeps_the_item_undated_with_warning() {
    let outcome = feed_with_items(
        r#"{"id": "unix", "title": "A", "date_published": 1716868800, "date_modified": 1.5},
           {"id": "odd", "title": "B", "date_published": true}"#,
    )
    .unwrap();
    assert_eq!(
        warnings_for(&outcome, "unix"),
        [
            &ItemError::BadDate {
                id: "unix".to_owned(),
                field: "date_published",
                value: "1716868800".to_owned()
            },
            &ItemError::BadDate {
                id: "unix".to_owned(),
                field: "date_modified",
                value: "1".to_owned()
            }
        ]
    );
    assert_eq!(item(&outcome, "unix").published, None);
    assert!(
        ids(&outcome).iter().all(|id| *id != "odd"),
        "a date that is neither text nor a number is the item's mistake, as before"
    );
}
