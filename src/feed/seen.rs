//! Which ids a feed has shown so far, to keep the first of two items with one id.

/// The ids of the items kept so far: an open-addressing set of indices into the kept items,
/// sized once for every item of the feed (at most half full, so a probe always ends). Smaller
/// code than std's ordered or hashed sets, and as fast on the ids feeds use.
pub(super) struct SeenIds {
    /// `EMPTY` or an index into the kept items.
    slots: Vec<u32>,
}

impl SeenIds {
    const EMPTY: u32 = u32::MAX;

    pub(super) fn for_items(total: usize) -> SeenIds {
        SeenIds {
            slots: vec![SeenIds::EMPTY; (total * 2).next_power_of_two().max(8)],
        }
    }

    /// Whether `id` is new among `kept` (whose ids `id_of` reads); a new one is noted as the
    /// entry about to be pushed.
    pub(super) fn insert<T>(&mut self, id: &str, kept: &[T], id_of: impl Fn(&T) -> &str) -> bool {
        // FNV-1a.
        let hash = id.bytes().fold(0x811c_9dc5_u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        });
        let mask = self.slots.len() - 1;
        let mut at = hash as usize & mask;
        loop {
            match self.slots[at] {
                SeenIds::EMPTY => {
                    self.slots[at] = kept.len() as u32;
                    return true;
                }
                index if id_of(&kept[index as usize]) == id => return false,
                _ => at = (at + 1) & mask,
            }
        }
    }
}
