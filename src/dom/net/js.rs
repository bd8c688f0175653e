//! The interface of `js/net.js`, the widget's calls to `fetch`, timers and Cache Storage: each
//! costs less there than as a wasm import with its glue, and an async chain less than a Rust
//! state machine. What the calls mean is decided in `fetch`, `cache` and the pure core.

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortController;

#[wasm_bindgen(module = "/js/net.js")]
extern "C" {
    /// One GET within the deadline `ends_at` (ms since the epoch), after `wait` ms, aborted by
    /// `controller`; `answer`: the same GET already on its way; `timeout`: the CORS probe's
    /// own. Resolves `[status, bytes, content type, final URL]` (2xx) or `[status,
    /// Retry-After]`; rejects with `"timeout"` or the browser's error.
    pub fn request(
        url: &str,
        controller: &AbortController,
        ends_at: f64,
        timeout: u32,
        revalidate: bool,
        wait: f64,
        answer: Option<Promise>,
    ) -> Promise;

    /// Resolves in a later task (a 0 ms timer, gone once it fired).
    #[wasm_bindgen(js_name = nextTask)]
    pub fn next_task() -> Promise;

    /// The kept copy of a URL: `[header, bytes]`, or `undefined`.
    pub fn lookup(url: &str) -> Promise;

    /// Keeps the bytes under the header (or, without one, drops the older copy); resolves every
    /// entry as `[header, earlier version's key]`, or `undefined` where storage is blocked.
    pub fn keep(url: &str, bytes: &Uint8Array, meta: Option<String>) -> Promise;

    /// Deletes the kept copies of these keys.
    pub fn forget(keys: Array);
}

/// How `request` says the deadline passed.
pub const TIMEOUT: &str = "timeout";

/// What a rejected call's error says: an `Error`'s message, or the text it was rejected with.
pub fn js_detail(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}
