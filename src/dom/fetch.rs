//! Requests that end: each has a deadline (the `timeout` option) after which it is aborted,
//! body included, and a busy server (503/429 with `Retry-After`) is asked once more within that
//! deadline. A failed cross-origin request is diagnosed in the background: when the server does
//! answer a `no-cors` request, the console names CORS and its fix. The policy is `crate::refresh`.

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, RequestCache, RequestInit, RequestMode, Response};

use super::load::{js_detail, LoadError};
use super::timer::{self, OnAbort, Timeout};
use crate::refresh;

/// How one request is made.
#[derive(Clone, Copy)]
pub struct FetchOptions<'a> {
    /// The widget's signal: destroy() or a newer load aborts the request.
    pub signal: Option<&'a AbortSignal>,
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

/// One request's own abort, fired by its timer or by the widget's signal. Dropping it clears
/// the timer and the link.
struct Deadline {
    controller: AbortController,
    outer: Option<AbortSignal>,
    ends_at_ms: u64,
    timeout_ms: u32,
    _timer: Option<Timeout>,
    _link: Option<OnAbort>,
}

impl Deadline {
    fn start(outer: Option<&AbortSignal>, timeout_ms: u32) -> Option<Deadline> {
        Deadline::over(AbortController::new().ok()?, outer, timeout_ms)
    }

    /// The deadline of a request made with `controller`'s signal.
    fn over(
        controller: AbortController,
        outer: Option<&AbortSignal>,
        timeout_ms: u32,
    ) -> Option<Deadline> {
        let abort = timer::abort_function(&controller)?;
        if outer.is_some_and(AbortSignal::aborted) {
            controller.abort();
        }
        Some(Deadline {
            _timer: Timeout::new(timeout_ms, &abort),
            _link: outer.map(|outer| OnAbort::new(outer, &abort)),
            controller,
            outer: outer.cloned(),
            ends_at_ms: now_ms() + u64::from(timeout_ms),
            timeout_ms,
        })
    }

    fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    /// What a failed step means: the timeout if it fired (an abort the widget did not ask
    /// for), else the browser's error.
    fn error(&self, error: &JsValue) -> LoadError {
        let by_widget = self.outer.as_ref().is_some_and(AbortSignal::aborted);
        if self.signal().aborted() && !by_widget {
            LoadError::Timeout {
                ms: self.timeout_ms,
            }
        } else {
            LoadError::Network {
                detail: js_detail(error),
            }
        }
    }

    /// Sends the GET (the request is on its way when this returns).
    fn send(&self, url: &str, mode: Option<RequestMode>, revalidate: bool) -> Promise {
        let init = RequestInit::new();
        init.set_signal(Some(&self.signal()));
        if revalidate {
            init.set_cache(RequestCache::NoCache);
        }
        if let Some(mode) = mode {
            init.set_mode(mode);
        }
        match web_sys::window() {
            Some(window) => window.fetch_with_str_and_init(url, &init),
            None => Promise::reject(&"no window".into()),
        }
    }
}

/// A request on its way: started at once (so several run together), finished when awaited.
pub struct Pending {
    url: String,
    revalidate: bool,
    /// `None` only where the browser has no `AbortController`: then the request fails at once.
    deadline: Option<Deadline>,
    answer: Promise,
}

/// Starts a GET of `url` within the deadline of `how`.
pub fn start(url: &str, how: FetchOptions<'_>) -> Pending {
    let deadline = Deadline::start(how.signal, how.timeout_ms);
    let answer = match &deadline {
        Some(deadline) => deadline.send(url, None, how.revalidate),
        None => Promise::reject(&"no AbortController".into()),
    };
    Pending {
        url: url.to_owned(),
        revalidate: how.revalidate,
        deadline,
        answer,
    }
}

/// A GET the loader started before the wasm arrived (`EarlyFetch`), from now on within the
/// deadline of `how` as if `start` had sent it.
pub fn adopt(mut early: EarlyFetch, how: FetchOptions<'_>) -> Pending {
    early.adopted = true;
    Pending {
        url: std::mem::take(&mut early.url),
        revalidate: how.revalidate,
        deadline: Deadline::over(early.controller.clone(), how.signal, how.timeout_ms),
        answer: early.answer.clone(),
    }
}

/// The feed request the loader starts the moment it sees a widget, in parallel with the glue
/// and the wasm (`js/news-widget.js`, `prefetch`): the same GET the widget would send, with a
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
        self.deadline.as_ref().map(|d| d.controller.clone())
    }

    /// The URL asked for (the key of the kept copy).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The `fetch()` promise: it settles when the headers have arrived (or the request failed).
    pub fn answer(&self) -> &Promise {
        &self.answer
    }

    /// The body, once the answer is complete; a busy server is asked once more.
    pub async fn finish(self) -> Result<Fetched, LoadError> {
        let Pending {
            url,
            revalidate,
            deadline,
            mut answer,
        } = self;
        let Some(deadline) = deadline else {
            return Err(LoadError::Network {
                detail: "no AbortController".into(),
            });
        };
        let mut retried = false;
        let response = loop {
            let response: Response = match JsFuture::from(answer).await.map(JsCast::dyn_into) {
                Ok(Ok(response)) => response,
                Ok(Err(other)) | Err(other) => {
                    if !deadline.signal().aborted() {
                        diagnose(&url, &deadline);
                    }
                    return Err(deadline.error(&other));
                }
            };
            let status = response.status();
            if response.ok() {
                break response;
            }
            let retry_after = response.headers().get("retry-after").ok().flatten();
            let wait = refresh::retry_wait_with(
                status,
                retry_after.as_deref(),
                now_ms(),
                deadline.ends_at_ms,
                browser_http_date,
            );
            match wait {
                Some(wait) if !retried => {
                    retried = true;
                    timer::sleep(wait as u32, Some(&deadline.signal())).await;
                    answer = deadline.send(&url, None, revalidate);
                }
                _ => return Err(LoadError::Http { status }),
            }
        };
        let headers = response.headers();
        let body = response.array_buffer().map(JsFuture::from);
        let buffer = match body {
            Ok(body) => body.await.map_err(|e| deadline.error(&e))?,
            Err(e) => return Err(deadline.error(&e)),
        };
        Ok(Fetched {
            bytes: Uint8Array::new(&buffer),
            content_type: headers.get("content-type").ok().flatten(),
            url: Some(response.url())
                .filter(|u| !u.is_empty())
                .unwrap_or(url),
        })
    }
}

/// A request without an answer: browsers report CORS and network failures alike. For a
/// cross-origin URL while online, a `no-cors` request (within its own timeout) tells them
/// apart: if the server answers that one, it is reachable, and CORS blocked the answer.
fn diagnose(url: &str, failed: &Deadline) {
    // `location.origin`, `navigator.onLine`, `console.error` read as properties: the same
    // values without an import of their own.
    let get = |on: &JsValue, name: &str| js_sys::Reflect::get(on, &name.into()).unwrap_or_default();
    let global = js_sys::global();
    let page_origin = get(&get(&global, "location"), "origin")
        .as_string()
        .unwrap_or_default();
    let same_origin = url
        .strip_prefix(&page_origin)
        .is_some_and(|path| path.starts_with('/'));
    if same_origin || get(&get(&global, "navigator"), "onLine").as_bool() == Some(false) {
        return;
    }
    // Ended with the failed request, which the widget's guard aborts when it goes.
    let Some(deadline) = Deadline::start(Some(&failed.signal()), failed.timeout_ms) else {
        return;
    };
    let probe = JsFuture::from(deadline.send(url, Some(RequestMode::NoCors), false));
    let url = url.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        let answered = probe.await.is_ok();
        drop(deadline);
        if answered {
            let console = get(&global, "console");
            let _ = js_sys::Function::from(get(&console, "error")).call1(
                &console,
                &JsValue::from_str(&format!(
                    "news-widget: the feed {url} is blocked by CORS: its server answers without \
                 Access-Control-Allow-Origin. The feed's server must send \
                 Access-Control-Allow-Origin: {page_origin} (or *)."
                )),
            );
        }
    });
}

/// An HTTP date as the browser reads it (`Date.parse`): milliseconds since the epoch. Only the
/// shapes of the three forms reach it (a day name first; `GMT` last, or asctime's year), so
/// that numbers (`1.5`) or other zones, which `Date.parse` also reads, stay unreadable. The
/// asctime form has no zone, which `Date.parse` would take for local time: HTTP dates are GMT.
fn browser_http_date(value: &str) -> Option<u64> {
    if !value.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let ms = if value.ends_with("GMT") {
        js_sys::Date::parse(value)
    } else if value.ends_with(|c: char| c.is_ascii_digit()) {
        js_sys::Date::parse(&[value, " GMT"].concat())
    } else {
        return None;
    };
    (ms >= 0.0).then_some(ms as u64)
}
