//! What the widget keeps of the feeds it read (docs/serving.md#news-that-survives-the-network): the
//! policy alone, without storage. Which kept copy is still worth showing, which copies go when the
//! store is over its bound (the oldest first), and how old is too old.

use crate::decimal::decimal;

/// The bound of the kept feeds, per origin (every widget on a site shares one store).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeepPolicy {
    /// Most feeds kept at once.
    pub max_entries: usize,
    /// Most bytes kept at once, all feeds together.
    pub max_total_bytes: u64,
    /// A feed larger than this is not kept at all.
    pub max_entry_bytes: u64,
    /// A copy older than this is not shown and is dropped: it is no longer news.
    pub max_age_ms: u64,
}

const DAY_MS: u64 = 86_400_000;

/// The widget's policy: 16 feeds, 4 MB in all, 2 MB for one feed, a week at most.
pub const KEEP_POLICY: KeepPolicy = KeepPolicy {
    max_entries: 16,
    max_total_bytes: 4 * 1024 * 1024,
    max_entry_bytes: 2 * 1024 * 1024,
    max_age_ms: 7 * DAY_MS,
};

/// One kept feed as the store describes it: its key (the feed URL), when it was fetched
/// (milliseconds since the epoch) and its size in bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptEntry {
    pub key: String,
    pub fetched_at_ms: u64,
    pub bytes: u64,
}

impl KeepPolicy {
    /// Whether a feed of `bytes` may be kept.
    pub fn admits(&self, bytes: u64) -> bool {
        bytes <= self.max_entry_bytes && bytes <= self.max_total_bytes
    }

    /// Whether a copy fetched at `fetched_at_ms` may still be shown at `now_ms`. A copy from the
    /// future (the clock was put back) counts as new.
    pub fn is_usable(&self, fetched_at_ms: u64, now_ms: u64) -> bool {
        now_ms.saturating_sub(fetched_at_ms) <= self.max_age_ms
    }

    /// The keys to delete so that the store is within the bound: every copy too old to show,
    /// every copy too large to keep, then the oldest until both the count and the total size fit.
    /// Equal times drop in the order given.
    pub fn evictions(&self, entries: &[KeptEntry], now_ms: u64) -> Vec<String> {
        let mut dropped = Vec::new();
        let mut kept: Vec<&KeptEntry> = Vec::new();
        for entry in entries {
            if self.is_usable(entry.fetched_at_ms, now_ms) && self.admits(entry.bytes) {
                kept.push(entry);
            } else {
                dropped.push(entry.key.clone());
            }
        }
        let mut count = kept.len();
        let mut total: u64 = kept.iter().map(|e| e.bytes).sum();
        while count > self.max_entries || total > self.max_total_bytes {
            // The oldest; among equal times the first given (no sort: the list is short).
            let Some(oldest) = (0..kept.len()).min_by_key(|&i| kept[i].fetched_at_ms) else {
                break;
            };
            let entry = kept.remove(oldest);
            dropped.push(entry.key.clone());
            count -= 1;
            total -= entry.bytes;
        }
        dropped
    }
}

/// A kept entry's one header (`x-news-widget`): `<fetched at, ms> <bytes> <key> <final URL>
/// <content type>`. URLs come serialized by the URL parser (no spaces); the content type, last,
/// may have some. One header, not one per field: each costs the store and its reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryMeta<'a> {
    pub fetched_at_ms: u64,
    pub bytes: u64,
    /// The feed URL the copy is kept under.
    pub key: &'a str,
    /// Where the feed was fetched from after redirects: the base of its relative links.
    pub url: &'a str,
    pub content_type: &'a str,
}

impl<'a> EntryMeta<'a> {
    /// Reads the header. A missing or unreadable time or size counts as ancient and huge (the
    /// entry goes first when the store is bounded); without a key it is not an entry of ours.
    pub fn read(header: &'a str) -> Option<EntryMeta<'a>> {
        let mut fields = header.splitn(5, ' ');
        let mut next = || fields.next().unwrap_or("");
        let (fetched_at, bytes, key, url, content_type) = (next(), next(), next(), next(), next());
        (!key.is_empty()).then(|| EntryMeta {
            fetched_at_ms: whole_number(fetched_at).unwrap_or(0),
            bytes: whole_number(bytes).unwrap_or(u64::MAX),
            key,
            url,
            content_type,
        })
    }

    /// The header as it is written.
    pub fn write(&self) -> String {
        [
            &decimal(self.fetched_at_ms),
            &decimal(self.bytes),
            self.key,
            self.url,
            self.content_type,
        ]
        .join(" ")
    }

    /// The entry as the bound sees it.
    pub fn entry(&self) -> KeptEntry {
        KeptEntry {
            key: self.key.to_owned(),
            fetched_at_ms: self.fetched_at_ms,
            bytes: self.bytes,
        }
    }
}

/// A whole number written in ASCII digits only (a stored time, a size, `Retry-After`): the one
/// number reader the keeping and retry code needs.
pub fn whole_number(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 19 {
        return None;
    }
    text.bytes().try_fold(0u64, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u64::from(b - b'0'))
    })
}
