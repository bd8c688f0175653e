//! How a load of the feed ends, decided without the DOM: the request timeout, the one retry of a
//! busy server (`Retry-After` in seconds or as an HTTP date), which failures leave the news
//! already on screen (or kept from an earlier visit), and what the reader sees after each outcome.

use std::fmt;

use crate::contract::ErrorKind;
use crate::feed::FeedError;
use crate::i18n::Arg;
use crate::keep::whole_number;

/// The `timeout` option's default, in seconds (CONTRACT §1).
pub const DEFAULT_TIMEOUT_SECONDS: f64 = 10.0;
/// The longest timeout the option accepts, in seconds.
pub const MAX_TIMEOUT_SECONDS: f64 = 600.0;

/// The request timeout in milliseconds from the `timeout` option (seconds, fractions allowed).
/// A missing, non-positive or non-numeric value is the default; a huge one is capped.
pub fn timeout_ms(seconds: Option<f64>) -> u32 {
    // `NaN > 0.0` is false: not a number is the default too.
    let seconds = seconds
        .filter(|s| *s > 0.0)
        .unwrap_or(DEFAULT_TIMEOUT_SECONDS)
        .min(MAX_TIMEOUT_SECONDS);
    ((seconds * 1000.0) as u32).max(1)
}

/// Why a load of the feed failed, as far as the decisions below care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// No `feed` option.
    NoFeedUrl,
    /// Offline, DNS, connection refused or reset, or a cross-origin answer blocked by CORS.
    Network,
    /// No answer within the timeout.
    Timeout,
    /// The server answered with this error status.
    Http(u16),
    /// The answer is not a feed the widget can read.
    Feed,
}

impl Failure {
    /// Whether the news already on screen (or kept from an earlier visit) stays, with a notice,
    /// rather than giving way to the error state. Failures that may pass do; a server saying
    /// the feed is not there (404, 410) or not for us (401, 403) does not: the site must fix it.
    pub fn keeps_news(self) -> bool {
        match self {
            Failure::NoFeedUrl => false,
            Failure::Network | Failure::Timeout | Failure::Feed => true,
            Failure::Http(status) => status == 408 || status == 429 || status >= 500,
        }
    }
}

/// What the reader sees when a load settles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// The fresh feed is the first list shown.
    ShowFresh,
    /// The fresh feed replaces the list on screen in place (scroll, focus, open article stay).
    UpdateInPlace,
    /// The list on screen (kept from an earlier visit or an earlier load) stays, with the
    /// notice that it could not be refreshed, and Retry.
    KeepWithNotice,
    /// The error state with Retry.
    ShowError,
}

/// The decision after a load: `result` is the network's answer, `on_screen` whether news is
/// shown already (the kept copy, shown while the feed was on its way, or an earlier load).
pub fn after_load(result: Result<(), Failure>, on_screen: bool) -> Next {
    match result {
        Ok(()) if on_screen => Next::UpdateInPlace,
        Ok(()) => Next::ShowFresh,
        Err(failure) if on_screen && failure.keeps_news() => Next::KeepWithNotice,
        Err(_) => Next::ShowError,
    }
}

/// How many of `fresh` ids are not among `shown`: the new articles to announce.
pub fn count_new<'a>(
    shown: impl IntoIterator<Item = &'a str> + Clone,
    fresh: impl IntoIterator<Item = &'a str>,
) -> usize {
    // Sorted once and searched: a refresh of a 10,000-item feed compares ids 10,000 times
    // log 10,000, not 10,000 times 10,000.
    let mut shown: Vec<&str> = shown.into_iter().collect();
    shown.sort_unstable();
    fresh
        .into_iter()
        .filter(|id| shown.binary_search(id).is_err())
        .count()
}

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

/// Why the widget has no feed to show. `kind()` is the `kind` of the `news-widget:error` event.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No `feed` option was given.
    NoFeedUrl,
    /// The request did not complete: offline, DNS, refused, blocked by CORS (the console
    /// says which: `js/net.js`, `diagnose`), aborted.
    Network { detail: String },
    /// No complete answer within the `timeout` option.
    Timeout { ms: u32 },
    /// The server answered, with an error status.
    Http { status: u16 },
    /// The body is not a feed we can read.
    Feed(FeedError),
}

impl LoadError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            LoadError::NoFeedUrl => ErrorKind::Config,
            LoadError::Network { .. } => ErrorKind::Network,
            LoadError::Timeout { .. } => ErrorKind::Timeout,
            LoadError::Http { .. } => ErrorKind::Http,
            LoadError::Feed(_) => ErrorKind::Feed,
        }
    }

    /// The arguments of `message_id`'s message.
    pub fn message_args(&self) -> Vec<(&'static str, Arg<'static>)> {
        match self {
            LoadError::Http { status } => vec![("status", Arg::from(status.to_string()))],
            LoadError::Feed(FeedError::NoReadableItems { skipped, .. }) => {
                vec![("count", Arg::from(*skipped as u32))]
            }
            _ => Vec::new(),
        }
    }

    /// The Fluent message that tells the reader.
    pub fn message_id(&self) -> &'static str {
        match self {
            LoadError::Network { .. } => "error-network",
            LoadError::Timeout { .. } => "error-timeout",
            LoadError::Http { .. } => "error-http",
            LoadError::Feed(FeedError::NoReadableItems { .. }) => "error-feed-items",
            LoadError::NoFeedUrl | LoadError::Feed(_) => "error-feed",
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NoFeedUrl => f.write_str("no feed URL: set data-feed or the feed option"),
            LoadError::Network { detail } => write!(f, "network error: {detail}"),
            LoadError::Timeout { ms } => write!(f, "no answer within {ms} ms (the timeout option)"),
            LoadError::Http { status } => write!(f, "HTTP status {status}"),
            LoadError::Feed(error) => write!(f, "{error}"),
        }
    }
}

impl LoadError {
    /// The failure as the refresh policy sees it.
    pub fn failure(&self) -> Failure {
        match self {
            LoadError::NoFeedUrl => Failure::NoFeedUrl,
            LoadError::Network { .. } => Failure::Network,
            LoadError::Timeout { .. } => Failure::Timeout,
            LoadError::Http { status } => Failure::Http(*status),
            LoadError::Feed(_) => Failure::Feed,
        }
    }
}

impl From<FeedError> for LoadError {
    fn from(error: FeedError) -> LoadError {
        LoadError::Feed(error)
    }
}
