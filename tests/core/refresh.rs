//! How a load ends, natively: the timeout option, the one retry of a busy server (Retry-After in
//! seconds and as an HTTP date, whose reading is the browser's: here a stand-in that knows one
//! date), which failures keep the news on screen, and what is shown next.
use news_widget::options::timeout_ms;
use news_widget::refresh::{after_load, count_new, Failure, Next};
use news_widget::retry::{http_date_in_gmt, parse_retry_after, retry_wait};

/// Sun, 06 Nov 1994 08:49:37 GMT, the example date of RFC 9110.
const RFC_EXAMPLE_MS: u64 = 784_111_777_000;
const NOW: u64 = 1_717_000_000_000;

/// The browser's `Date.parse` for the one date these tests write (the e2e tests read real dates
/// through the real one).
fn http_date(value: &str) -> Option<u64> {
    (value == "Sun, 06 Nov 1994 08:49:37 GMT").then_some(RFC_EXAMPLE_MS)
}

// ---- the timeout option -----------------------------------------------------------------------

#[test]
fn timeout_defaults_to_ten_seconds() {
    assert_eq!(timeout_ms(None), 10_000);
}

#[test]
fn timeout_is_read_in_seconds_with_fractions() {
    assert_eq!(timeout_ms(Some(1.5)), 1_500);
}

#[test]
fn timeout_of_zero_or_less_is_the_default() {
    assert_eq!(timeout_ms(Some(0.0)), 10_000);
    assert_eq!(timeout_ms(Some(-3.0)), 10_000);
}

#[test]
fn timeout_that_is_not_a_number_is_the_default() {
    assert_eq!(timeout_ms(Some(f64::NAN)), 10_000);
}

#[test]
fn timeout_of_infinity_is_the_cap() {
    assert_eq!(timeout_ms(Some(f64::INFINITY)), 600_000);
}

#[test]
fn timeout_is_capped_at_ten_minutes() {
    assert_eq!(timeout_ms(Some(86_400.0)), 600_000);
}

// ---- Retry-After ------------------------------------------------------------------------------

#[test]
fn retry_after_in_seconds() {
    assert_eq!(parse_retry_after("120", NOW, http_date), Some(120_000));
}

#[test]
fn retry_after_of_zero_seconds_is_no_wait() {
    assert_eq!(parse_retry_after("0", NOW, http_date), Some(0));
}

#[test]
fn retry_after_with_spaces_around_is_read() {
    assert_eq!(parse_retry_after(" 3 ", NOW, http_date), Some(3_000));
}

#[test]
fn retry_after_negative_or_fractional_seconds_is_unreadable() {
    assert_eq!(parse_retry_after("-1", NOW, http_date), None);
    assert_eq!(parse_retry_after("1.5", NOW, http_date), None);
}

#[test]
fn retry_after_of_absurdly_many_seconds_is_a_long_wait_not_an_overflow() {
    assert!(parse_retry_after("99999999999999999999999", NOW, http_date).unwrap() > 1_000_000_000);
}

#[test]
fn retry_after_as_an_imf_fixdate_is_the_time_until_then() {
    let now = RFC_EXAMPLE_MS - 5_000;
    assert_eq!(
        parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now, http_date),
        Some(5_000)
    );
}

#[test]
fn retry_after_as_a_date_in_the_past_is_no_wait() {
    assert_eq!(
        parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", NOW, http_date),
        Some(0)
    );
}

#[test]
fn retry_after_that_is_neither_is_unreadable() {
    assert_eq!(parse_retry_after("soon", NOW, http_date), None);
    assert_eq!(parse_retry_after("", NOW, http_date), None);
}

#[test]
fn an_http_date_reaches_the_browser_in_gmt() {
    let imf = "Sun, 06 Nov 1994 08:49:37 GMT";
    assert_eq!(http_date_in_gmt(imf).as_deref(), Some(imf));
    assert_eq!(
        http_date_in_gmt("Sunday, 06-Nov-94 08:49:37 GMT").as_deref(),
        Some("Sunday, 06-Nov-94 08:49:37 GMT")
    );
    assert_eq!(
        http_date_in_gmt("Sun Nov  6 08:49:37 1994").as_deref(),
        Some("Sun Nov  6 08:49:37 1994 GMT"),
        "asctime has no zone, and is GMT"
    );
}

#[test]
fn what_is_not_shaped_as_an_http_date_never_reaches_the_browser() {
    for value in [
        "1.5",
        "06 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 PST",
        "soon",
        "",
    ] {
        assert_eq!(http_date_in_gmt(value), None, "{value:?}");
    }
}

// ---- the retry of a busy server ---------------------------------------------------------------

#[test]
fn a_503_with_retry_after_within_the_timeout_is_retried_after_that_wait() {
    assert_eq!(
        retry_wait(503, Some("2"), NOW, NOW + 10_000, http_date),
        Some(2_000)
    );
}

#[test]
fn a_429_with_retry_after_within_the_timeout_is_retried() {
    assert_eq!(
        retry_wait(429, Some("1"), NOW, NOW + 10_000, http_date),
        Some(1_000)
    );
}

#[test]
fn a_503_asking_for_longer_than_the_timeout_is_not_retried() {
    assert_eq!(
        retry_wait(503, Some("120"), NOW, NOW + 10_000, http_date),
        None
    );
}

#[test]
fn a_503_whose_wait_ends_at_the_deadline_is_not_retried() {
    assert_eq!(
        retry_wait(503, Some("10"), NOW, NOW + 10_000, http_date),
        None
    );
}

#[test]
fn a_503_without_retry_after_is_not_retried() {
    assert_eq!(retry_wait(503, None, NOW, NOW + 10_000, http_date), None);
}

#[test]
fn a_503_with_an_unreadable_retry_after_is_not_retried() {
    assert_eq!(
        retry_wait(503, Some("later"), NOW, NOW + 10_000, http_date),
        None
    );
}

#[test]
fn a_500_with_retry_after_is_not_retried() {
    assert_eq!(
        retry_wait(500, Some("1"), NOW, NOW + 10_000, http_date),
        None
    );
}

#[test]
fn a_503_with_an_http_date_retry_after_waits_until_then() {
    let now = RFC_EXAMPLE_MS - 3_000;
    let wait = retry_wait(
        503,
        Some("Sun, 06 Nov 1994 08:49:37 GMT"),
        now,
        now + 10_000,
        http_date,
    );
    assert_eq!(wait, Some(3_000));
}

// ---- which failures keep the news -------------------------------------------------------------

#[test]
fn network_failures_keep_the_news() {
    assert!(Failure::Network.keeps_news());
}

#[test]
fn timeouts_keep_the_news() {
    assert!(Failure::Timeout.keeps_news());
}

#[test]
fn server_errors_and_busy_servers_keep_the_news() {
    for status in [500, 502, 503, 504, 429, 408] {
        assert!(Failure::Http(status).keeps_news(), "{status}");
    }
}

#[test]
fn an_unreadable_feed_keeps_the_news() {
    assert!(Failure::Feed.keeps_news());
}

#[test]
fn a_feed_that_is_not_there_or_forbidden_does_not_keep_the_news() {
    for status in [404, 410, 401, 403, 400] {
        assert!(!Failure::Http(status).keeps_news(), "{status}");
    }
}

#[test]
fn no_feed_url_does_not_keep_the_news() {
    assert!(!Failure::NoFeedUrl.keeps_news());
}

// ---- what the reader sees next ----------------------------------------------------------------

#[test]
fn a_fresh_feed_with_nothing_on_screen_is_shown() {
    assert_eq!(after_load(Ok(()), false), Next::ShowFresh);
}

#[test]
fn a_fresh_feed_with_news_on_screen_updates_it_in_place() {
    assert_eq!(after_load(Ok(()), true), Next::UpdateInPlace);
}

#[test]
fn a_timeout_with_news_on_screen_keeps_it_with_the_notice() {
    assert_eq!(
        after_load(Err(Failure::Timeout), true),
        Next::KeepWithNotice
    );
}

#[test]
fn a_network_failure_with_the_kept_copy_on_screen_keeps_it_with_the_notice() {
    assert_eq!(
        after_load(Err(Failure::Network), true),
        Next::KeepWithNotice
    );
}

#[test]
fn a_server_error_with_news_on_screen_keeps_it_with_the_notice() {
    assert_eq!(
        after_load(Err(Failure::Http(502)), true),
        Next::KeepWithNotice
    );
}

#[test]
fn a_network_failure_with_nothing_on_screen_is_the_error_state() {
    assert_eq!(after_load(Err(Failure::Network), false), Next::ShowError);
}

#[test]
fn a_404_replaces_even_news_on_screen_with_the_error_state() {
    assert_eq!(after_load(Err(Failure::Http(404)), true), Next::ShowError);
}

// ---- new articles -----------------------------------------------------------------------------

#[test]
fn new_articles_are_the_fresh_ids_not_shown_before() {
    let shown = ["a", "b", "c"];
    let fresh = ["x", "a", "y", "b"];
    assert_eq!(count_new(shown.iter().copied(), fresh.iter().copied()), 2);
}

#[test]
fn an_unchanged_feed_has_no_new_articles() {
    let ids = ["a", "b"];
    assert_eq!(count_new(ids.iter().copied(), ids.iter().copied()), 0);
}

#[test]
fn removed_articles_are_not_counted_as_new() {
    let shown = ["a", "b", "c"];
    assert_eq!(count_new(shown.iter().copied(), ["a"].iter().copied()), 0);
}
