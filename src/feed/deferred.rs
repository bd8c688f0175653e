//! A long JSON Feed read as a page needs it (`Items::deferred`): every item's key first (its id
//! and publication date, for the order, the count and finding an article), each item itself
//! when it is first shown. The item is then built exactly as a short feed's (`build_item`), its
//! repairs reported then. What differs, and only for feeds longer than `DEFER_OVER` items: an
//! item whose fields turn out unreadable is skipped when its page is shown rather than before
//! the first card (the page then reaches on to the items after it: `Items::page_end`), and of
//! two items with one id the first wins even if it is the unreadable one.

use std::rc::Rc;

use super::build::{build_item, json_channel};
use super::context::{item_date, ItemContext};
use super::id::repaired_id;
use super::json::{date_text, read_item, JsonMismatch, JsonNode, RawFeedHeader, RawItem};
use super::seen::SeenIds;
use super::{BuildOptions, Decode, FeedError, FeedFormat, FeedOutcome, ItemError, ItemKey, Items};
use crate::explain::Explain;

/// Feeds with more items than this are read in two passes; shorter ones are built whole.
pub const DEFER_OVER: usize = 200;

/// The items of a JSON Feed as its parsed tree holds them.
struct JsonItems<N> {
    nodes: Vec<N>,
    context: ItemContext,
}

impl<N: JsonNode> Decode for JsonItems<N> {
    fn decode(&self, index: usize, warnings: &mut Vec<ItemError>) -> Result<Item, ItemError> {
        let raw = read_item(&self.nodes[index]).map_err(|e| undecodable(index, e))?;
        build_item(index, raw, &self.context, warnings)
    }

    /// JSON Feed has no `link rel="alternate"`.
    fn names_alternates(&self) -> bool {
        false
    }
}

use super::Item;

fn undecodable(index: usize, mismatch: JsonMismatch) -> ItemError {
    ItemError::Undecodable {
        index,
        detail: mismatch.explain(),
    }
}

/// Reads a JSON Feed whose `items` are `nodes`: the header now, the items' keys now, the items
/// when asked for. `nodes: None` is a feed without an `items` array.
pub fn build_deferred_json_feed<N: JsonNode + 'static>(
    header: Result<RawFeedHeader, JsonMismatch>,
    nodes: Option<Vec<N>>,
    options: &BuildOptions,
) -> Result<FeedOutcome, FeedError> {
    let (channel, notes) = json_channel(header)?;
    let nodes = nodes.ok_or(FeedError::MissingItems)?;
    let context = ItemContext::new(FeedFormat::JsonFeed, &channel, options);
    let mut warnings = Vec::new();
    let mut keys: Vec<ItemKey> = Vec::with_capacity(nodes.len());
    let mut seen = SeenIds::for_items(nodes.len(), options.id_key);
    for (index, node) in nodes.iter().enumerate() {
        let key = match item_key(index, node, &context) {
            Ok(key) => key,
            Err(error) => {
                warnings.push(error);
                continue;
            }
        };
        if seen.insert(&key.id, &keys, |k| &k.id) {
            keys.push(key);
        } else {
            warnings.push(ItemError::DuplicateId { id: key.id });
        }
    }
    if !nodes.is_empty() && keys.is_empty() {
        return Err(FeedError::NoReadableItems {
            skipped: nodes.len(),
            first: warnings.into_iter().next().map(Box::new),
        });
    }
    // Gone before the slots are made, which may then reuse its memory (wasm memory only grows).
    drop(seen);
    // As a whole feed is ordered: newest first, undated last in document order. Unstable with
    // the position as the last key, which is the stable order without a stable sort's buffer.
    keys.sort_unstable_by_key(|key| {
        (
            std::cmp::Reverse(key.published.map(|t| t.epoch_ms)),
            key.index,
        )
    });
    let items = Items::deferred(keys, Rc::new(JsonItems { nodes, context }));
    Ok(FeedOutcome {
        format: FeedFormat::JsonFeed,
        feed: channel.feed(items),
        warnings,
        notes,
    })
}

/// What ordering and finding an item need, read without the rest of it. Its repairs (of the id,
/// the date) are reported when the item itself is built.
fn item_key<N: JsonNode>(
    index: usize,
    node: &N,
    context: &ItemContext,
) -> Result<ItemKey, ItemError> {
    let unread = |e| undecodable(index, e);
    let id = match super::json::id(node).map_err(unread)? {
        Some(id) if !id.trim().is_empty() => id.trim().to_string(),
        // The rare item without an id is read whole for the id its repair gives it.
        _ => {
            let raw: RawItem = read_item(node).map_err(unread)?;
            let url = super::context::present(raw.url.clone());
            repaired_id(&raw, url.as_deref()).0
        }
    };
    let published = date_text(node, "date_published")
        .map_err(unread)?
        .and_then(|date| item_date(&id, "date_published", Some(date), context, &mut Vec::new()));
    Ok(ItemKey {
        id,
        published,
        index,
    })
}
