//! The one retry of a busy server, decided without the DOM: whether a 503 or 429 is asked once
//! more, and after how long (`Retry-After` in seconds or as an HTTP date, the date read by the
//! browser), within the load's timeout.

use crate::keep::whole_number;

/// The wait before the one retry of a busy server, in milliseconds: only for 503 and 429 with a
/// readable `Retry-After`, and only when the retry can start before `deadline_ms` (the load's
/// timeout), so a load never outlasts its timeout. `None`: no retry, the failure stands.
/// `http_date` reads an HTTP date as milliseconds since the epoch: the widget's is the browser's
/// `Date.parse` (`dom::net::fetch`), whose misreading of an odd date can only move the retry
/// within the timeout.
pub fn retry_wait(
    status: u16,
    retry_after: Option<&str>,
    now_ms: u64,
    deadline_ms: u64,
    http_date: impl Fn(&str) -> Option<u64>,
) -> Option<u64> {
    if status != 503 && status != 429 {
        return None;
    }
    let wait = parse_retry_after(retry_after?, now_ms, http_date)?;
    (now_ms.saturating_add(wait) < deadline_ms).then_some(wait)
}

/// `Retry-After` (RFC 9110 §10.2.3) as milliseconds from `now_ms`: delay-seconds (`120`) or an
/// HTTP date, read by `http_date`. A date in the past is no wait.
pub fn parse_retry_after(
    value: &str,
    now_ms: u64,
    http_date: impl Fn(&str) -> Option<u64>,
) -> Option<u64> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // Very long digit strings are a very long wait, not an error.
        let seconds = whole_number(value).unwrap_or(u64::MAX / 1000);
        return Some(seconds.saturating_mul(1000));
    }
    http_date(value).map(|at| at.saturating_sub(now_ms))
}

/// What the browser's date reader is given of an HTTP date: only the shapes of its three forms
/// (a day name first; `GMT` last, or asctime's year last), so that numbers (`1.5`) or other
/// zones, which `Date.parse` also reads, stay unreadable. The asctime form has no zone, which
/// `Date.parse` would take for local time: HTTP dates are GMT, so it gets one.
pub fn http_date_in_gmt(value: &str) -> Option<String> {
    if !value.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    if value.ends_with("GMT") {
        Some(value.to_owned())
    } else if value.ends_with(|c: char| c.is_ascii_digit()) {
        Some([value, " GMT"].concat())
    } else {
        None
    }
}
