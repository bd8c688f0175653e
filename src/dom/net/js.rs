//! The interface of `js/net.js`, the widget's calls to `fetch`, timers and Cache Storage: each
//! costs less there than as a wasm import with its glue, and an async chain less than a Rust
//! state machine. Its answers are typed: objects whose fields are declared here (`Answer`,
//! `Stored`), read through getters, never told apart by position or a sentinel. What they mean is
//! decided in `fetch`, `cache` and the pure core.

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortController;

#[wasm_bindgen(module = "/js/net.js")]
extern "C" {
    /// One GET within the deadline `ends_at` (ms since the epoch), after `wait` ms, aborted by
    /// `controller`; `answer`: the same GET already on its way; `timeout`: the CORS probe's
    /// own. Never rejects: resolves an `Answer`.
    pub fn request(
        url: &str,
        controller: &AbortController,
        ends_at: f64,
        timeout: u32,
        revalidate: bool,
        wait: f64,
        answer: Option<Promise>,
    ) -> Promise;

    /// What `request` resolves: the server's answer, or why there is none.
    pub type Answer;

    /// The HTTP status; 0 when no answer came.
    #[wasm_bindgen(method, getter)]
    pub fn status(this: &Answer) -> u16;

    /// A 2xx answer's body.
    #[wasm_bindgen(method, getter)]
    pub fn body(this: &Answer) -> Option<Uint8Array>;

    /// A 2xx answer's `Content-Type` (a string, or null).
    #[wasm_bindgen(method, getter, js_name = contentType)]
    pub fn content_type(this: &Answer) -> JsValue;

    /// A 2xx answer's final URL, after redirects (a string).
    #[wasm_bindgen(method, getter)]
    pub fn url(this: &Answer) -> JsValue;

    /// Another status's `Retry-After` (a string, or null).
    #[wasm_bindgen(method, getter, js_name = retryAfter)]
    pub fn retry_after(this: &Answer) -> JsValue;

    /// No answer within the deadline (absent otherwise).
    #[wasm_bindgen(method, getter, js_name = timedOut)]
    pub fn timed_out(this: &Answer) -> Option<bool>;

    /// Why no answer came, as the browser says (a string; undefined with an answer or a
    /// timeout).
    #[wasm_bindgen(method, getter)]
    pub fn error(this: &Answer) -> JsValue;

    /// Resolves in a later task (a 0 ms timer, gone once it fired).
    #[wasm_bindgen(js_name = nextTask)]
    pub fn next_task() -> Promise;

    /// The kept copy of a URL: a `Stored` with its `meta` and `body`, or `undefined`.
    pub fn lookup(url: &str) -> Promise;

    /// An entry of the kept feeds' store.
    pub type Stored;

    /// Its header (`keep::EntryMeta`; a string, or null for an earlier version's entry).
    #[wasm_bindgen(method, getter)]
    pub fn meta(this: &Stored) -> JsValue;

    /// The kept bytes (`lookup`'s).
    #[wasm_bindgen(method, getter)]
    pub fn body(this: &Stored) -> Uint8Array;

    /// An earlier version's entry's key (`keep`'s, when `meta` is null).
    #[wasm_bindgen(method, getter)]
    pub fn key(this: &Stored) -> JsValue;

    /// Keeps the bytes under the header (or, without one, drops the older copy); resolves every
    /// entry as a `Stored` (`meta`, `key`), or `undefined` where storage is blocked.
    pub fn keep(url: &str, bytes: &Uint8Array, meta: Option<String>) -> Promise;

    /// Deletes the kept copies of these keys.
    pub fn forget(keys: Array);
}

/// What a rejected call's error says: an `Error`'s message, or the text it was rejected with.
pub fn js_detail(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}
