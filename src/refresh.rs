//! How a load of the feed ends, decided without the DOM: which failures leave the news already
//! on screen (or kept from an earlier visit), and what the reader sees
//! after each outcome. The one retry of a busy server is `crate::retry`'s; why a load failed,
//! `crate::load_error`'s.

/// Why a load of the feed failed, as far as the decisions below care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// No `feed` option (for a run-time resource: no URL to ask).
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

impl Failure {
    /// Whether the request never completed (offline, aborted, timed out), so that asking again
    /// may succeed: a run-time resource that failed so is asked for again when it is next
    /// wanted; one the server refused or that cannot be read is not.
    pub fn may_ask_again(self) -> bool {
        matches!(self, Failure::Network | Failure::Timeout)
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
