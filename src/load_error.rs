//! Why a load of the feed failed, as the reader is told (a Fluent message and its arguments),
//! as the page is told (the `kind` of the error event) and as the refresh policy sees it.

use crate::decimal::{decimal, push_decimal};
use crate::explain::{display_by_explain, Explain};
use crate::i18n::Arg;

use crate::contract::ErrorKind;
use crate::feed::FeedError;
use crate::refresh::Failure;

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
            LoadError::Http { status } => vec![("status", Arg::from(decimal(u64::from(*status))))],
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

impl Explain for LoadError {
    fn explain_to(&self, out: &mut String) {
        match self {
            LoadError::NoFeedUrl => out.push_str("no feed URL: set data-feed or the feed option"),
            LoadError::Network { detail } => out.extend(["network error: ", detail]),
            LoadError::Timeout { ms } => {
                out.push_str("no answer within ");
                push_decimal(out, u64::from(*ms));
                out.push_str(" ms (the timeout option)");
            }
            LoadError::Http { status } => {
                out.push_str("HTTP status ");
                push_decimal(out, u64::from(*status));
            }
            LoadError::Feed(error) => error.explain_to(out),
        }
    }
}

display_by_explain!(LoadError);

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
