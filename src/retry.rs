//! The one retry of a busy server, decided without the DOM: whether a 503 or 429 is asked once
//! more, and after how long (`Retry-After` in seconds or as an HTTP date), within the load's
//! timeout.

use crate::keep::whole_number;

/// The wait before the one retry of a busy server, in milliseconds: only for 503 and 429 with a
/// readable `Retry-After`, and only when the retry can start before `deadline_ms` (the load's
/// timeout), so a load never outlasts its timeout. `None`: no retry, the failure stands.
pub fn retry_wait(
    status: u16,
    retry_after: Option<&str>,
    now_ms: u64,
    deadline_ms: u64,
) -> Option<u64> {
    retry_wait_with(status, retry_after, now_ms, deadline_ms, parse_http_date)
}

/// `retry_wait` with another HTTP-date reader (the browser's `Date.parse` in the widget).
pub fn retry_wait_with(
    status: u16,
    retry_after: Option<&str>,
    now_ms: u64,
    deadline_ms: u64,
    http_date: impl Fn(&str) -> Option<u64>,
) -> Option<u64> {
    if status != 503 && status != 429 {
        return None;
    }
    let wait = parse_retry_after_with(retry_after?, now_ms, http_date)?;
    (now_ms.saturating_add(wait) < deadline_ms).then_some(wait)
}

/// `Retry-After` (RFC 9110 §10.2.3) as milliseconds from `now_ms`: delay-seconds (`120`) or an
/// HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`, also the obsolete RFC 850 and asctime forms). A
/// date in the past is no wait.
pub fn parse_retry_after(value: &str, now_ms: u64) -> Option<u64> {
    parse_retry_after_with(value, now_ms, parse_http_date)
}

fn parse_retry_after_with(
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

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// An HTTP date as milliseconds since the epoch, in any of the three forms RFC 9110 asks
/// recipients to read, split into words at spaces, commas, dashes and colons:
/// IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, RFC 850 `Sunday, 06-Nov-94 08:49:37 GMT`
/// (two-digit years are 1970–2069) and asctime `Sun Nov  6 08:49:37 1994`.
pub fn parse_http_date(value: &str) -> Option<u64> {
    let mut words = [""; 8];
    let mut count = 0;
    let separator = |b: u8| matches!(b, b' ' | b',' | b'-' | b':');
    let bytes = value.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let end = bytes[at..]
            .iter()
            .position(|&b| separator(b))
            .map_or(bytes.len(), |n| at + n);
        if end > at {
            // Separators are ASCII, so `at..end` falls on character boundaries.
            *words.get_mut(count)? = value.get(at..end)?;
            count += 1;
        }
        at = end + 1;
    }
    let month_of = |w: &str| MONTHS.iter().position(|m| *m == w).map(|i| i as u32 + 1);
    let number = |w: &str, max: u64| whole_number(w).filter(|n| *n <= max);
    // [day name, day, month, year, h, m, s, GMT] or [day name, month, day, h, m, s, year].
    let ([day, year, hour, minute, second], month) = match (count, words[7]) {
        (8, "GMT") => ([1, 3, 4, 5, 6].map(|i| words[i]), month_of(words[2])?),
        (7, _) => ([2, 6, 3, 4, 5].map(|i| words[i]), month_of(words[1])?),
        _ => return None,
    };
    if !words[0].bytes().all(|b| b.is_ascii_alphabetic())
        || [hour, minute, second].iter().any(|t| t.len() != 2)
    {
        return None;
    }
    let year = match (year.len(), number(year, 9999)?) {
        (4, year) => year,
        (2, year) if year < 70 => 2000 + year,
        (2, year) => 1900 + year,
        _ => return None,
    };
    let day = number(day, 31).filter(|d| *d > 0)?;
    let seconds = number(hour, 23)? * 3600 + number(minute, 59)? * 60 + number(second, 60)?;
    let days = crate::feed::days_from_civil(year as i64, month, day as u32);
    u64::try_from(days)
        .ok()
        .map(|days| (days * 86_400 + seconds) * 1000)
}
