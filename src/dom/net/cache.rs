//! The last good feed per feed URL, kept in Cache Storage (`news-widget:feeds`) as its raw bytes
//! with one header (`keep::EntryMeta`: fetch time, size, key, final URL, content type), and read
//! back through the same `read_bytes` path as a fresh one. The store is bounded by `crate::keep`
//! (the oldest goes first). The calls to Cache Storage are `js/net.js`. Where storage is blocked
//! (no `caches` on plain http, in sandboxed frames, opaque origins and some private modes, or a
//! refusing `open`) nothing is kept and nothing is reported: it is optional.

use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};

use super::fetch::{now_ms, Fetched};
use super::js::{self, Stored};
use crate::dom::parts::later;
use crate::keep::{EntryMeta, KeptEntry, KEEP_POLICY};

/// A kept feed and when it was fetched.
pub struct Kept {
    pub fetched: Fetched,
    pub fetched_at_ms: u64,
}

/// Starts looking for the kept copy of a URL: a promise of a `js::Stored`, or of `undefined`
/// where there is none or nothing can be kept.
pub use super::js::lookup;

/// The kept copy a lookup found, with when it was fetched (whether it is young enough to show
/// is `update`'s to decide), unread.
pub fn read(found: JsValue, url: &str) -> Option<Kept> {
    if found.is_undefined() {
        return None;
    }
    let found: Stored = found.unchecked_into();
    let header = found.meta().as_string()?;
    let meta = EntryMeta::read(&header)?;
    Some(Kept {
        fetched: Fetched {
            bytes: found.body(),
            content_type: Some(meta.content_type)
                .filter(|t| !t.is_empty())
                .map(str::to_owned),
            url: if meta.url.is_empty() { url } else { meta.url }.to_owned(),
        },
        fetched_at_ms: meta.fetched_at_ms,
    })
}

/// Keeps `fetched` as the last good copy of `url`, in the background, then drops what the
/// bound says must go; best effort.
pub fn keep(url: &str, fetched: &Fetched) {
    let size = u64::from(fetched.bytes.length());
    // Too large to keep: the older copy goes (it would no longer be the last good feed).
    let meta = KEEP_POLICY.admits(size).then(|| {
        EntryMeta {
            fetched_at_ms: now_ms(),
            bytes: size,
            key: url,
            url: &fetched.url,
            content_type: fetched.content_type.as_deref().unwrap_or(""),
        }
        .write()
    });
    later::after(js::keep(url, &fetched.bytes, meta), |all| {
        if Array::is_array(&all) {
            bound(&Array::from(&all));
        }
    });
}

/// Drops what the policy says must go: too old, too large, then the oldest over the bound.
fn bound(all: &Array) {
    let entries: Vec<KeptEntry> = all
        .iter()
        .filter_map(|entry| {
            let entry: Stored = entry.unchecked_into();
            match entry.meta().as_string() {
                Some(header) => EntryMeta::read(&header).map(|meta| meta.entry()),
                // An earlier version's entry is not read: it counts as ancient and huge.
                None => Some(KeptEntry {
                    key: entry.key().as_string()?,
                    fetched_at_ms: 0,
                    bytes: u64::MAX,
                }),
            }
        })
        .collect();
    let dropped = KEEP_POLICY.evictions(&entries, now_ms());
    if !dropped.is_empty() {
        js::forget(dropped.iter().map(|key| JsValue::from_str(key)).collect());
    }
}
