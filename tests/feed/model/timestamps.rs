//! Dates.

use super::ts;
use news_widget::feed::Timestamp;

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
