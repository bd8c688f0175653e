//! Which ids a feed has shown so far, to keep the first of two items with one id.

use std::hash::Hasher;

/// The ids of the items kept so far: an open-addressing set of indices into the kept items,
/// sized once for every item of the feed (at most half full, so a probe always ends). Smaller
/// code than std's ordered or hashed sets.
///
/// The publisher writes the ids, so a hash it could compute would let it choose ids that all
/// land together, and finding each would then look at every one before it (quadratic in the
/// items). The ids are hashed with SipHash under a key the publisher cannot know
/// (`BuildOptions::id_key`, drawn for each feed by the DOM layer).
pub(super) struct SeenIds {
    /// `EMPTY` or an index into the kept items.
    slots: Vec<u32>,
    key: [u64; 2],
}

impl SeenIds {
    const EMPTY: u32 = u32::MAX;

    pub(super) fn for_items(total: usize, key: [u64; 2]) -> SeenIds {
        SeenIds {
            slots: vec![SeenIds::EMPTY; (total * 2).next_power_of_two().max(8)],
            key,
        }
    }

    /// Whether `id` is new among `kept` (whose ids `id_of` reads); a new one is noted as the
    /// entry about to be pushed.
    pub(super) fn insert<T>(&mut self, id: &str, kept: &[T], id_of: impl Fn(&T) -> &str) -> bool {
        // SipHash-2-4 under a secret key: the deprecation only points at DefaultHasher, which
        // takes no key.
        #[allow(deprecated)]
        let mut hasher = std::hash::SipHasher::new_with_keys(self.key[0], self.key[1]);
        hasher.write(id.as_bytes());
        crate::work::add(id.len());
        let mask = self.slots.len() - 1;
        let mut at = hasher.finish() as usize & mask;
        loop {
            match self.slots[at] {
                SeenIds::EMPTY => {
                    self.slots[at] = kept.len() as u32;
                    return true;
                }
                index => {
                    let other = id_of(&kept[index as usize]);
                    // Counted as if read whole when the lengths are equal.
                    crate::work::add(if other.len() == id.len() { id.len() } else { 1 });
                    if other == id {
                        return false;
                    }
                    at = (at + 1) & mask;
                }
            }
        }
    }
}
