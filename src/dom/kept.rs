//! The last good feed per feed URL, kept in Cache Storage (`news-widget:feeds`) as its raw bytes
//! with its fetch time, size, key, final URL and content type (one header), and read back
//! through the same `read_bytes` path as a fresh one. The store is bounded by `crate::keep` (the oldest goes first). Where
//! storage is blocked (no `caches` on plain http, in sandboxed frames, opaque origins and some
//! private modes, or a refusing `open`) nothing is kept and nothing is reported: it is optional.

use js_sys::{Array, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Cache, Response, ResponseInit};

use super::fetch::{now_ms, Fetched};
use crate::keep::{whole_number, KeptEntry, KEEP_POLICY};

/// The one Cache Storage name the widget uses (CONTRACT §1: `news-widget:` names only).
pub const CACHE_NAME: &str = "news-widget:feeds";
/// The one header of a kept entry: `<fetched at, ms> <bytes> <key> <final URL> <content type>`.
/// URLs come serialized by the URL parser (no spaces); the content type, last, may have some.
const META: &str = "x-news-widget";
/// The key header of an entry kept by an earlier version (one header per field): such an entry
/// is not read, and goes first when the store is bounded.
const OLD_KEY: &str = "x-news-widget-key";

/// A kept entry's header, read: fetch time, size, key, final URL, content type. A missing or
/// unreadable time or size counts as ancient and huge.
struct Meta<'a> {
    fetched_at_ms: u64,
    bytes: u64,
    key: &'a str,
    url: &'a str,
    content_type: &'a str,
}

fn meta(header: &str) -> Option<Meta<'_>> {
    let mut fields = header.splitn(5, ' ');
    let mut next = || fields.next().unwrap_or("");
    let (fetched_at, bytes, key, url, content_type) = (next(), next(), next(), next(), next());
    (!key.is_empty()).then(|| Meta {
        fetched_at_ms: whole_number(fetched_at).unwrap_or(0),
        bytes: whole_number(bytes).unwrap_or(u64::MAX),
        key,
        url,
        content_type,
    })
}

fn meta_header(response: &Response) -> Option<String> {
    response.headers().get(META).ok().flatten()
}

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
    value.dyn_ref::<Response>().and_then(meta_header).is_some()
}

/// The kept copy a lookup found, if it is young enough to show.
pub async fn read(found: JsValue, url: &str) -> Option<Kept> {
    let response: Response = found.dyn_into().ok()?;
    let header = meta_header(&response)?;
    let meta = meta(&header)?;
    if !KEEP_POLICY.is_usable(meta.fetched_at_ms, now_ms()) {
        return None;
    }
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(Kept {
        fetched: Fetched {
            bytes: Uint8Array::new(&buffer),
            content_type: Some(meta.content_type)
                .filter(|t| !t.is_empty())
                .map(str::to_owned),
            url: if meta.url.is_empty() { url } else { meta.url }.to_owned(),
        },
        fetched_at_ms: meta.fetched_at_ms,
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

/// The body with what reading and bounding it needs in its one header (`META`): fetch time,
/// size, key (the feed URL), final URL and content type.
fn response_of(url: &str, fetched: &Fetched, size: u64) -> Option<Response> {
    let header = format!(
        "{} {size} {url} {} {}",
        now_ms(),
        fetched.url,
        fetched.content_type.as_deref().unwrap_or("")
    );
    let init = ResponseInit::new();
    // `headers` as a list of pairs: no Headers object to build.
    init.set_headers(&Array::of1(&Array::of2(&META.into(), &header.into())));
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
            let response: Response = response.dyn_into().ok()?;
            // Every entry is written with its key; one without readable time or size counts as
            // ancient and huge: it goes first.
            let Some(header) = meta_header(&response) else {
                let key = response.headers().get(OLD_KEY).ok().flatten()?;
                return Some(KeptEntry {
                    key,
                    fetched_at_ms: 0,
                    bytes: u64::MAX,
                });
            };
            let meta = meta(&header)?;
            Some(KeptEntry {
                key: meta.key.to_owned(),
                fetched_at_ms: meta.fetched_at_ms,
                bytes: meta.bytes,
            })
        })
        .collect();
    for key in KEEP_POLICY.evictions(&entries, now_ms()) {
        // Not awaited: each deletion completes on its own.
        let _ = cache.delete_with_str(&key);
    }
}
