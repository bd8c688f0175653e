//! Requests that end: each has a deadline (the `timeout` option) after which it is aborted,
//! body included, and a busy server (503/429 with `Retry-After`) is asked once more within that
//! deadline. The calls to the browser are `js/net.js` (which also names a CORS failure in the
//! console); what they mean and whether to retry is decided here and in `crate::retry` and `crate::refresh`.

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortController;

use super::js::{request, Answer};
use crate::dom::parts::later;
use crate::load_error::LoadError;
use crate::retry;

/// How one request is made.
#[derive(Clone, Copy)]
pub struct FetchOptions {
    /// The whole request, retry and body included, ends within this.
    pub timeout_ms: u32,
    /// Ask the server whether the copy in the HTTP cache is current (`cache: "no-cache"`, a
    /// 304 when it is): reload() and Retry. Otherwise the HTTP cache's default rules apply.
    pub revalidate: bool,
}

/// A response body and what is needed to read it.
pub struct Fetched {
    pub bytes: Uint8Array,
    pub content_type: Option<String>,
    /// The final URL after redirects: the base of the feed's relative links.
    pub url: String,
}

pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// A request on its way: started at once (so several run together), finished with `finish`.
/// Aborting its controller ends it, retry and body included.
pub struct Pending {
    url: String,
    how: FetchOptions,
    /// `None` only where the browser has no `AbortController`: then the request fails at once.
    controller: Option<AbortController>,
    ends_at_ms: u64,
    answer: Promise,
}

impl Pending {
    /// Sends the GET, or hands `early` (the same GET on its way) the deadline.
    fn new(
        url: String,
        how: FetchOptions,
        controller: Option<AbortController>,
        early: Option<Promise>,
    ) -> Pending {
        let ends_at_ms = now_ms() + u64::from(how.timeout_ms);
        let answer = ask(&url, controller.as_ref(), ends_at_ms, how, 0, early);
        Pending {
            url,
            how,
            controller,
            ends_at_ms,
            answer,
        }
    }
}

/// Sends the GET after `wait_ms` (or adopts `early`) within the deadline `ends_at_ms`.
fn ask(
    url: &str,
    controller: Option<&AbortController>,
    ends_at_ms: u64,
    how: FetchOptions,
    wait_ms: u64,
    early: Option<Promise>,
) -> Promise {
    match controller {
        Some(controller) => request(
            url,
            controller,
            ends_at_ms as f64,
            how.timeout_ms,
            how.revalidate,
            wait_ms as f64,
            early,
        ),
        None => Promise::resolve(&JsValue::UNDEFINED),
    }
}

/// Starts a GET of `url` within the deadline of `how`.
pub fn start(url: &str, how: FetchOptions) -> Pending {
    Pending::new(url.to_owned(), how, AbortController::new().ok(), None)
}

/// A GET the loader started before the wasm arrived (`EarlyFetch`), from now on within the
/// deadline of `how` as if `start` had sent it.
pub fn adopt(mut early: EarlyFetch, how: FetchOptions) -> Pending {
    early.adopted = true;
    let url = std::mem::take(&mut early.url);
    Pending::new(
        url,
        how,
        Some(early.controller.clone()),
        Some(early.answer.clone()),
    )
}

/// The feed request the loader starts the moment it sees a widget, in parallel with the glue
/// and the wasm (`js/loader/early-feed.js`, `prefetch`): the same GET the widget would send, with a
/// controller the widget takes over.
pub struct EarlyFetch {
    /// Absolute, as the loader resolved it against the document's base URL.
    pub url: String,
    controller: AbortController,
    answer: Promise,
    /// Its request is a `Pending`'s now, which owns the abort.
    adopted: bool,
}

impl EarlyFetch {
    /// Reads what the loader handed over; `None` when it is not an early fetch.
    pub fn from_js(value: &JsValue) -> Option<EarlyFetch> {
        let field = |name: &str| js_sys::Reflect::get(value, &name.into()).ok();
        Some(EarlyFetch {
            url: field("url")?.as_string()?,
            controller: field("controller")?.dyn_into().ok()?,
            answer: field("answer")?.dyn_into().ok()?,
            adopted: false,
        })
    }
}

impl Drop for EarlyFetch {
    /// Not adopted (the widget wants another URL, or was destroyed first): nobody reads it.
    fn drop(&mut self) {
        if !self.adopted {
            self.controller.abort();
        }
    }
}

impl Pending {
    /// The request's own controller: aborting it ends the request (and its retry and body).
    pub fn controller(&self) -> Option<AbortController> {
        self.controller.clone()
    }

    /// The URL asked for (the key of the kept copy).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Calls `done` with the body once the answer is complete (from a microtask); a busy
    /// server is asked once more.
    pub fn finish(self, done: impl FnOnce(Result<Fetched, LoadError>) + 'static) {
        self.settle(false, Box::new(done));
    }

    fn settle(mut self, retried: bool, done: Box<dyn FnOnce(Result<Fetched, LoadError>)>) {
        later::after(self.answer.clone(), move |answer| {
            // Undefined only where the browser has no `AbortController` (`ask`).
            if answer.is_undefined() {
                return done(Err(LoadError::Network {
                    detail: "no AbortController".into(),
                }));
            }
            let answer: Answer = answer.unchecked_into();
            if answer.timed_out() == Some(true) {
                return done(Err(LoadError::Timeout {
                    ms: self.how.timeout_ms,
                }));
            }
            let status = answer.status();
            if status == 0 {
                return done(Err(LoadError::Network {
                    detail: answer.error().as_string().unwrap_or_default(),
                }));
            }
            if let Some(bytes) = answer.body() {
                return done(Ok(Fetched {
                    bytes,
                    content_type: answer.content_type().as_string(),
                    url: answer.url().as_string().unwrap_or(self.url),
                }));
            }
            let wait = retry::retry_wait(
                status,
                answer.retry_after().as_string().as_deref(),
                now_ms(),
                self.ends_at_ms,
                browser_http_date,
            );
            match wait {
                Some(wait) if !retried => {
                    self.answer = ask(
                        &self.url,
                        self.controller.as_ref(),
                        self.ends_at_ms,
                        self.how,
                        wait,
                        None,
                    );
                    self.settle(true, done);
                }
                _ => done(Err(LoadError::Http { status })),
            }
        });
    }
}

/// An HTTP date as the browser reads it (`Date.parse`), in the GMT form `retry::http_date_in_gmt`
/// gives: milliseconds since the epoch. Shipped rather than a reader of our own, which cost
/// 0.5 KB gzip more (measured: wasm +556 B, glue -23 B); the e2e tests read both current forms
/// through it, in a time zone that is not GMT.
fn browser_http_date(value: &str) -> Option<u64> {
    let ms = js_sys::Date::parse(&retry::http_date_in_gmt(value)?);
    (ms >= 0.0).then_some(ms as u64)
}
