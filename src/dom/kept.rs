//! The last good feed per feed URL, kept in Cache Storage (`news-widget:feeds`) as its raw bytes
//! with its content type, final URL and fetch time, and read back through the same `read_bytes`
//! path as a fresh one. The store is bounded by `crate::keep` (the oldest goes first). Where
//! storage is blocked (no `caches` on plain http, in sandboxed frames, opaque origins and some
//! private modes, or a refusing `open`) nothing is kept and nothing is reported: it is optional.

use js_sys::{Array, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Cache, Headers, Response, ResponseInit};

use super::fetch::{now_ms, Fetched};
use crate::keep::{whole_number, KeptEntry, KEEP_POLICY};

/// The one Cache Storage name the widget uses (CONTRACT §1: `news-widget:` names only).
pub const CACHE_NAME: &str = "news-widget:feeds";
const FETCHED_AT: &str = "x-news-widget-fetched";
const BYTES: &str = "x-news-widget-bytes";
const FINAL_URL: &str = "x-news-widget-url";
const KEY: &str = "x-news-widget-key";

/// A kept feed and when it was fetched.
pub struct Kept {
    pub fetched: Fetched,
    pub fetched_at_ms: u64,
}

#[wasm_bindgen]
extern "C" {
    /// `window.caches` as the page left it: every call caught, since where storage is blocked
    /// it may be missing, replaced, or throw as well as reject.
    type Caches;
    #[wasm_bindgen(method, catch)]
    fn open(this: &Caches, name: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch, js_name = "match")]
    fn lookup(this: &Caches, url: &str, options: &JsValue) -> Result<Promise, JsValue>;
}

fn caches() -> Option<Caches> {
    let window: JsValue = web_sys::window()?.into();
    let caches = Reflect::get(&window, &"caches".into()).ok()?;
    caches.is_object().then(|| caches.unchecked_into())
}

async fn open() -> Option<Cache> {
    let promise = caches()?.open(CACHE_NAME).ok()?;
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

/// Cache Storage holds http(s) requests only (the browser tests' `blob:` feeds are not kept).
fn keepable(url: &str) -> bool {
    url.starts_with("https:") || url.starts_with("http:")
}

fn header_number(headers: &Headers, name: &str) -> Option<u64> {
    whole_number(&headers.get(name).ok().flatten()?)
}

/// Starts looking for the kept copy of `url`: a promise of its `Response` (or `undefined`).
/// `None` where nothing can be kept.
pub fn lookup(url: &str) -> Option<Promise> {
    if !keepable(url) {
        return None;
    }
    let options = js_sys::Object::new();
    Reflect::set(&options, &"cacheName".into(), &CACHE_NAME.into()).ok()?;
    caches()?.lookup(url, &options).ok()
}

/// Whether a settled value is a kept copy (and not, say, the network's answer it raced with).
pub fn is_kept(value: &JsValue) -> bool {
    value
        .dyn_ref::<Response>()
        .is_some_and(|r| r.headers().has(KEY).unwrap_or(false))
}

/// The kept copy a lookup found, if it is young enough to show.
pub async fn read(found: JsValue, url: &str) -> Option<Kept> {
    let response: Response = found.dyn_into().ok()?;
    let headers = response.headers();
    let fetched_at_ms = header_number(&headers, FETCHED_AT).unwrap_or(0);
    if !KEEP_POLICY.is_usable(fetched_at_ms, now_ms()) {
        return None;
    }
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(Kept {
        fetched: Fetched {
            bytes: Uint8Array::new(&buffer),
            content_type: headers
                .get("content-type")
                .ok()
                .flatten()
                .filter(|t| !t.is_empty()),
            url: headers
                .get(FINAL_URL)
                .ok()
                .flatten()
                .unwrap_or_else(|| url.to_owned()),
        },
        fetched_at_ms,
    })
}

/// Keeps `fetched` as the last good copy of `url`, in the background; best effort.
pub fn keep(url: &str, fetched: Fetched) {
    if keepable(url) {
        wasm_bindgen_futures::spawn_local(store(url.to_owned(), fetched));
    }
}

async fn store(url: String, fetched: Fetched) {
    let Some(cache) = open().await else {
        return;
    };
    let size = u64::from(fetched.bytes.length());
    if KEEP_POLICY.admits(size) {
        if let Some(response) = response_of(&url, &fetched, size) {
            // A full quota refuses the copy; the store stays as it was.
            let _ = JsFuture::from(cache.put_with_str(&url, &response)).await;
        }
    } else {
        // Too large to keep: an older copy would no longer be the last good feed.
        let _ = cache.delete_with_str(&url);
    }
    bound(&cache).await;
}

/// The body with what reading and bounding it needs, in headers: its key (the feed URL),
/// final URL, content type, fetch time and size.
fn response_of(url: &str, fetched: &Fetched, size: u64) -> Option<Response> {
    let headers = Headers::new().ok()?;
    for (name, value) in [
        (KEY, url),
        (FINAL_URL, fetched.url.as_str()),
        (
            "content-type",
            fetched.content_type.as_deref().unwrap_or(""),
        ),
        (FETCHED_AT, &now_ms().to_string()),
        (BYTES, &size.to_string()),
    ] {
        headers.set(name, value).ok()?;
    }
    let init = ResponseInit::new();
    init.set_headers(&headers);
    Response::new_with_opt_js_u8_array_and_init(Some(&fetched.bytes), &init).ok()
}

/// Drops what the policy says must go: too old, too large, then the oldest over the bound.
async fn bound(cache: &Cache) {
    let Some(all) = JsFuture::from(cache.match_all())
        .await
        .ok()
        .and_then(|k| k.dyn_into::<Array>().ok())
    else {
        return;
    };
    let entries: Vec<KeptEntry> = all
        .iter()
        .filter_map(|response| {
            let headers = response.dyn_into::<Response>().ok()?.headers();
            // Every entry is written with its key; one without readable time or size counts as
            // ancient and huge: it goes first.
            Some(KeptEntry {
                key: headers.get(KEY).ok().flatten()?,
                fetched_at_ms: header_number(&headers, FETCHED_AT).unwrap_or(0),
                bytes: header_number(&headers, BYTES).unwrap_or(u64::MAX),
            })
        })
        .collect();
    for key in KEEP_POLICY.evictions(&entries, now_ms()) {
        // Not awaited: each deletion completes on its own.
        let _ = cache.delete_with_str(&key);
    }
}
