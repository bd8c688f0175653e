//! Network and decoding: fetches the feed (and optional Fluent resources), lets the browser's
//! `JSON.parse` read it, and hands each piece to the pure `feed` model through serde.

use std::fmt;

use fluent_bundle::FluentValue;
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestInit, Response};

use crate::feed::{self, FeedError, FeedOutcome, RawFeedHeader, RawItem};

/// Why the widget has no feed to show. `kind()` is the `kind` of the `news-widget:error` event.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No `feed` option was given.
    NoFeedUrl,
    /// The request did not complete: offline, DNS, CORS, aborted.
    Network { detail: String },
    /// The server answered, with an error status.
    Http { status: u16 },
    /// The body is not a feed we can read.
    Feed(FeedError),
}

impl LoadError {
    pub fn kind(&self) -> &'static str {
        match self {
            LoadError::NoFeedUrl => "config",
            LoadError::Network { .. } => "network",
            LoadError::Http { .. } => "http",
            LoadError::Feed(_) => "feed",
        }
    }

    /// The arguments of `message_id`'s message.
    pub fn message_args(&self) -> Vec<(&'static str, FluentValue<'static>)> {
        match self {
            LoadError::Http { status } => vec![("status", FluentValue::from(status.to_string()))],
            _ => Vec::new(),
        }
    }

    /// The Fluent message that tells the reader.
    pub fn message_id(&self) -> &'static str {
        match self {
            LoadError::Network { .. } => "error-network",
            LoadError::Http { .. } => "error-http",
            LoadError::NoFeedUrl | LoadError::Feed(_) => "error-feed",
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NoFeedUrl => f.write_str("no feed URL: set data-feed or the feed option"),
            LoadError::Network { detail } => write!(f, "network error: {detail}"),
            LoadError::Http { status } => write!(f, "HTTP status {status}"),
            LoadError::Feed(error) => write!(f, "{error}"),
        }
    }
}

impl From<FeedError> for LoadError {
    fn from(error: FeedError) -> LoadError {
        LoadError::Feed(error)
    }
}

fn js_detail(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Resolves in a later task (a 0 ms timeout, which leaves nothing behind once it fired).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

async fn get(url: &str, signal: Option<&AbortSignal>) -> Result<Response, LoadError> {
    let window = web_sys::window().ok_or(LoadError::Network {
        detail: "no window".into(),
    })?;
    let init = RequestInit::new();
    init.set_signal(signal);
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|e| LoadError::Network {
            detail: js_detail(&e),
        })?;
    let response: Response = response.dyn_into().map_err(|_| LoadError::Network {
        detail: "fetch gave no Response".into(),
    })?;
    if !response.ok() {
        return Err(LoadError::Http {
            status: response.status(),
        });
    }
    Ok(response)
}

/// GETs `url` as text (Fluent resources). `signal` lets a destroyed widget abandon it.
pub async fn fetch_text(url: &str, signal: Option<&AbortSignal>) -> Result<String, LoadError> {
    let response = get(url, signal).await?;
    let text = response.text().map_err(|e| LoadError::Network {
        detail: js_detail(&e),
    })?;
    JsFuture::from(text)
        .await
        .map_err(|e| LoadError::Network {
            detail: js_detail(&e),
        })?
        .as_string()
        .ok_or(LoadError::Network {
            detail: "body is not text".into(),
        })
}

/// GETs the feed and lets the browser parse it (`Response.json()`): the feed's text never
/// enters wasm memory, only the fields the widget keeps.
pub async fn fetch_feed(url: &str, signal: Option<&AbortSignal>) -> Result<FeedOutcome, LoadError> {
    let response = get(url, signal).await?;
    let json = response.json().map_err(|e| LoadError::Network {
        detail: js_detail(&e),
    })?;
    let json = JsFuture::from(json).await.map_err(|e| {
        if e.dyn_ref::<js_sys::SyntaxError>().is_some() {
            LoadError::Feed(FeedError::NotJson {
                detail: js_detail(&e),
            })
        } else {
            LoadError::Network {
                detail: js_detail(&e),
            }
        }
    })?;
    decode_feed(&json)
}

/// Reads feed text with the browser's JSON parser, then validates it (`validateFeed`).
pub fn decode_feed_text(text: &str) -> Result<FeedOutcome, LoadError> {
    let json = js_sys::JSON::parse(text).map_err(|e| FeedError::NotJson {
        detail: js_detail(&e),
    })?;
    decode_feed(&json)
}

/// Validates parsed JSON. Each item is decoded on its own so that one badly typed item is
/// skipped instead of sinking the feed.
pub fn decode_feed(json: &JsValue) -> Result<FeedOutcome, LoadError> {
    if !json.is_object() || Array::is_array(json) {
        return Err(FeedError::NotAnObject {
            detail: "the top level is not an object".into(),
        }
        .into());
    }
    let header =
        serde_wasm_bindgen::from_value::<RawFeedHeader>(json.clone()).map_err(|e| e.to_string());
    let items = Reflect::get(json, &"items".into())
        .ok()
        .filter(Array::is_array)
        .map(|value| {
            Array::from(&value)
                .iter()
                .map(|item| {
                    serde_wasm_bindgen::from_value::<RawItem>(item).map_err(|e| e.to_string())
                })
                .collect::<Vec<_>>()
        });
    Ok(feed::build_feed(header, items)?)
}
