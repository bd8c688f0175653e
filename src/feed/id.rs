//! Ids for items whose feed gave none: their link, else a stable hash, the same on every visit
//! (the `article` option, links and kept feeds rely on that).

use super::json::RawItem;
use super::IdSource;

/// The id an item without one gets, and where it came from.
pub(super) fn repaired_id(raw: &RawItem, url: Option<&str>) -> (String, IdSource) {
    if let Some(link) = url {
        return (link.to_owned(), IdSource::Link);
    }
    let title = raw.title.as_deref().unwrap_or_default().trim();
    let date = raw.date_published.as_deref().unwrap_or_default().trim();
    let body = raw.content_html.as_deref().unwrap_or_default();
    // The body only matters when title and date are both missing.
    let key: &[&str] = if title.is_empty() && date.is_empty() {
        &[body]
    } else {
        &[title, date]
    };
    (hex_id(stable_hash(key)), IdSource::Hash)
}

/// FNV-1a, 64 bits: stable across builds and platforms, unlike std's hashers.
fn stable_hash(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            hash ^= 0x1f;
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        for b in part.bytes() {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

fn hex_id(hash: u64) -> String {
    let mut id = String::from("urn:news-widget:");
    for shift in (0..16).rev() {
        let nibble = (hash >> (shift * 4)) & 0xf;
        id.push(char::from_digit(nibble as u32, 16).unwrap_or('0'));
    }
    id
}
