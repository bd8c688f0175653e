//! A feed's items, each decoded when it is first needed. A short feed is built whole; a long
//! JSON Feed is read in two passes: every item's key (id and date: what ordering, counting and
//! finding an article need) at once, the rest of an item when a page shows it. So the first
//! cards of a 10,000-item feed cost about as much as those of a 20-item one.

use std::cell::{OnceCell, RefCell};
use std::fmt;
use std::rc::Rc;

use super::{Item, ItemError, Timestamp};

/// Decodes the item at a position of the feed's own document order, with the warnings its
/// repairs raise.
pub trait Decode {
    fn decode(&self, index: usize, warnings: &mut Vec<ItemError>) -> Result<Item, ItemError>;

    /// Whether its items may name other languages' versions (`link rel="alternate"`): a JSON
    /// Feed's never do.
    fn names_alternates(&self) -> bool {
        true
    }
}

/// What is known of an item before it is decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemKey {
    pub id: String,
    pub published: Option<Timestamp>,
    /// Where the item stands in the document.
    pub index: usize,
}

#[derive(Clone)]
struct Slot {
    id: String,
    index: usize,
    /// `Some(None)`: decoded, and unreadable (skipped with its warning). Boxed: a slot not
    /// yet decoded costs a pointer, not an item's size, times every item of a long feed.
    item: OnceCell<Option<Box<Item>>>,
}

/// The items in display order: newest first by `published`; undated items last, in document
/// order.
#[derive(Clone, Default)]
pub struct Items {
    slots: Vec<Slot>,
    source: Option<Rc<dyn Decode>>,
    /// Warnings of items decoded after the feed was read, for the DOM layer to log.
    late_warnings: Rc<RefCell<Vec<ItemError>>>,
}

impl Items {
    /// Items built whole.
    pub fn built(items: Vec<Item>) -> Items {
        let slots = items
            .into_iter()
            .enumerate()
            .map(|(index, item)| Slot {
                id: item.id.clone(),
                index,
                item: OnceCell::from(Some(Box::new(item))),
            })
            .collect();
        Items {
            slots,
            ..Items::default()
        }
    }

    /// Items known by their keys, in display order, decoded from `source` when asked for.
    pub fn deferred(keys: Vec<ItemKey>, source: Rc<dyn Decode>) -> Items {
        let slots = keys
            .into_iter()
            .map(|key| Slot {
                id: key.id,
                index: key.index,
                item: OnceCell::new(),
            })
            .collect();
        Items {
            slots,
            source: Some(source),
            late_warnings: Rc::default(),
        }
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// The ids in display order, without decoding anything.
    pub fn ids(&self) -> impl Iterator<Item = &str> + Clone {
        self.slots.iter().map(|s| s.id.as_str())
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.slots.iter().position(|s| s.id == id)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.position(id).is_some()
    }

    /// The item at `position`, decoded now if it was not; `None` past the end or for an item
    /// that turned out unreadable.
    pub fn get(&self, position: usize) -> Option<&Item> {
        let slot = self.slots.get(position)?;
        slot.item
            .get_or_init(|| {
                let source = self.source.as_ref()?;
                let mut warnings = Vec::new();
                let item = source.decode(slot.index, &mut warnings);
                let mut late = self.late_warnings.borrow_mut();
                late.append(&mut warnings);
                match item {
                    Ok(item) => Some(Box::new(item)),
                    Err(error) => {
                        late.push(error);
                        None
                    }
                }
            })
            .as_deref()
    }

    pub fn find(&self, id: &str) -> Option<&Item> {
        self.get(self.position(id)?)
    }

    pub fn first(&self) -> Option<&Item> {
        self.get(0)
    }

    /// Where a page of `count` cards that starts at position `from` ends: after its `count`-th
    /// readable item, or at the end, reaching at most two pages further: a long feed's
    /// unreadable items take no card, and a page of them would be empty (decoding them shows
    /// why; they are decoded to be shown anyway), but a feed that a generator broke throughout
    /// is not decoded whole for one page (More goes on from there).
    pub fn page_end(&self, from: usize, count: usize) -> usize {
        let last = self.len().min(from.saturating_add(count.saturating_mul(3)));
        let (mut at, mut found) = (from, 0);
        while at < last && found < count {
            found += usize::from(self.get(at).is_some());
            at += 1;
        }
        at
    }

    /// The readable items of `positions`, in order.
    pub fn range(&self, positions: std::ops::Range<usize>) -> impl Iterator<Item = &Item> {
        positions.filter_map(move |p| self.get(p))
    }

    /// Every readable item (decoding all that were not yet).
    pub fn iter(&self) -> impl Iterator<Item = &Item> {
        self.range(0..self.len())
    }

    /// The items not known to be unreadable: all but those of a long feed that failed to
    /// decode when they were shown (nothing is decoded to count).
    pub fn known_readable(&self) -> usize {
        let unreadable = self
            .slots
            .iter()
            .filter(|s| matches!(s.item.get(), Some(None)))
            .count();
        self.len() - unreadable
    }

    /// Whether an item may name other languages' versions (`Item::alternates`), without
    /// decoding any: false for a long JSON Feed's.
    pub fn may_name_alternates(&self) -> bool {
        match &self.source {
            Some(source) => source.names_alternates(),
            None => true,
        }
    }

    /// The warnings of items decoded since the last call.
    pub fn take_late_warnings(&self) -> Vec<ItemError> {
        std::mem::take(&mut self.late_warnings.borrow_mut())
    }
}

impl std::ops::Index<usize> for Items {
    type Output = Item;

    /// Tests and built feeds index freely; an unreadable deferred item has no value to give.
    fn index(&self, position: usize) -> &Item {
        self.get(position)
            .expect("an index within the feed, of a readable item")
    }
}

/// Equal when they are known to hold the same items, without decoding any (comparing must not
/// read a long feed nor raise its warnings): the same ids in the same order and, slot by slot,
/// the same decoded item where both are decoded, or the same position of the same source where
/// neither is. A slot decoded on one side only is not known to be equal.
impl PartialEq for Items {
    fn eq(&self, other: &Items) -> bool {
        let same_source = match (&self.source, &other.source) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            _ => false,
        };
        self.len() == other.len()
            && self.slots.iter().zip(&other.slots).all(|(a, b)| {
                a.id == b.id
                    && match (a.item.get(), b.item.get()) {
                        (Some(a), Some(b)) => a == b,
                        (None, None) => same_source && a.index == b.index,
                        _ => false,
                    }
            })
    }
}

/// The items as far as they are decoded (nothing is decoded to show them): an item not decoded
/// yet, or unreadable, shows as its id and which.
impl fmt::Debug for Items {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Undecoded<'a>(&'a str, &'static str);
        impl fmt::Debug for Undecoded<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{:?} ({})", self.0, self.1)
            }
        }
        let mut list = f.debug_list();
        for slot in &self.slots {
            match slot.item.get() {
                Some(Some(item)) => list.entry(item),
                Some(None) => list.entry(&Undecoded(&slot.id, "unreadable")),
                None => list.entry(&Undecoded(&slot.id, "not decoded")),
            };
        }
        list.finish()
    }
}

impl From<Vec<Item>> for Items {
    fn from(items: Vec<Item>) -> Items {
        Items::built(items)
    }
}

impl FromIterator<Item> for Items {
    fn from_iter<I: IntoIterator<Item = Item>>(items: I) -> Items {
        Items::built(items.into_iter().collect())
    }
}
