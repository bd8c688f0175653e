//! How a load of the feed ends, decided without the DOM: the request timeout, the one retry of a
//! busy server (`Retry-After` in seconds or as an HTTP date), which failures leave the news
//! already on screen (or kept from an earlier visit), and what the reader sees after each outcome.

/// The `timeout` option's default, in seconds (CONTRACT §1).
pub const DEFAULT_TIMEOUT_SECONDS: f64 = 10.0;
/// The longest timeout the option accepts, in seconds.
pub const MAX_TIMEOUT_SECONDS: f64 = 600.0;

/// The request timeout in milliseconds from the `timeout` option (seconds, fractions allowed).
/// A missing, non-positive or non-numeric value is the default; a huge one is capped.
pub fn timeout_ms(seconds: Option<f64>) -> u32 {
    let seconds = seconds
        .filter(|s| s.is_finite() && *s > 0.0)
        .unwrap_or(DEFAULT_TIMEOUT_SECONDS)
        .min(MAX_TIMEOUT_SECONDS);
    (seconds * 1000.0).round().max(1.0) as u32
}

/// Why a load of the feed failed, as far as the decisions below care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// No `feed` option.
    NoFeedUrl,
    /// Offline, DNS, connection refused or reset.
    Network,
    /// The browser blocked a cross-origin answer (no `Access-Control-Allow-Origin`).
    Cors,
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
            Failure::Network | Failure::Cors | Failure::Timeout | Failure::Feed => true,
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
    /// The list on screen stays, with the notice that it could not be refreshed, and Retry.
    KeepWithNotice,
    /// The copy kept from an earlier visit is shown, with the notice and Retry.
    ShowKeptWithNotice,
    /// The error state with Retry.
    ShowError,
}

/// The decision after a load: `result` is the network's answer, `on_screen` whether news is
/// shown already (a kept copy or an earlier load), `kept` whether a usable kept copy exists.
pub fn after_load(result: Result<(), Failure>, on_screen: bool, kept: bool) -> Next {
    match result {
        Ok(()) if on_screen => Next::UpdateInPlace,
        Ok(()) => Next::ShowFresh,
        Err(failure) if !failure.keeps_news() => Next::ShowError,
        Err(_) if on_screen => Next::KeepWithNotice,
        Err(_) if kept => Next::ShowKeptWithNotice,
        Err(_) => Next::ShowError,
    }
}

/// How many of `fresh` ids are not among `shown`: the new articles to announce.
pub fn count_new<'a>(
    shown: impl IntoIterator<Item = &'a str> + Clone,
    fresh: impl IntoIterator<Item = &'a str>,
) -> usize {
    fresh
        .into_iter()
        .filter(|id| !shown.clone().into_iter().any(|s| s == *id))
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
    if status != 503 && status != 429 {
        return None;
    }
    let wait = parse_retry_after(retry_after?, now_ms)?;
    (now_ms.saturating_add(wait) < deadline_ms).then_some(wait)
}

/// `Retry-After` (RFC 9110 §10.2.3) as milliseconds from `now_ms`: delay-seconds (`120`) or an
/// HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`, also the obsolete RFC 850 and asctime forms). A
/// date in the past is no wait.
pub fn parse_retry_after(value: &str, now_ms: u64) -> Option<u64> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // Very long digit strings are a very long wait, not an error.
        let seconds = value.parse::<u64>().unwrap_or(u64::MAX / 1000);
        return Some(seconds.saturating_mul(1000));
    }
    parse_http_date(value).map(|at| at.saturating_sub(now_ms))
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const LONG_DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// An HTTP date as milliseconds since the epoch: IMF-fixdate, RFC 850 or asctime.
pub fn parse_http_date(value: &str) -> Option<u64> {
    let mut words = value
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>();
    let day_name = words.first().copied()?;
    if !DAYS.contains(&day_name) && !LONG_DAYS.contains(&day_name) {
        return None;
    }
    words.remove(0);
    let month_of = |w: &str| MONTHS.iter().position(|m| *m == w).map(|i| i as u32 + 1);
    let (day, month, year, time) = match words.as_slice() {
        // IMF-fixdate: 06 Nov 1994 08:49:37 GMT
        [day, month, year, time, "GMT"] if year.len() == 4 => (
            day.parse().ok()?,
            month_of(month)?,
            year.parse().ok()?,
            *time,
        ),
        // RFC 850: 06-Nov-94 08:49:37 GMT (two-digit years are 1970–2069).
        [date, time, "GMT"] => {
            let mut parts = date.split('-');
            let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
            if parts.next().is_some() || year.len() != 2 {
                return None;
            }
            let year: i64 = year.parse().ok()?;
            let year = if year < 70 { 2000 + year } else { 1900 + year };
            (day.parse().ok()?, month_of(month)?, year, *time)
        }
        // asctime: Nov  6 08:49:37 1994
        [month, day, time, year] if year.len() == 4 => (
            day.parse().ok()?,
            month_of(month)?,
            year.parse().ok()?,
            *time,
        ),
        _ => return None,
    };
    let mut clock = time.split(':');
    let mut field = |max: u64| -> Option<u64> {
        let text = clock.next()?;
        let n: u64 = text.parse().ok()?;
        (text.len() == 2 && n <= max).then_some(n)
    };
    let (hour, minute, second) = (field(23)?, field(59)?, field(60)?);
    if clock.next().is_some() || !(1..=31).contains(&day) || year < 1970 {
        return None;
    }
    let days = crate::feed::days_from_civil(year, month, day);
    let seconds = days as u64 * 86_400 + hour * 3600 + minute * 60 + second;
    Some(seconds * 1000)
}
