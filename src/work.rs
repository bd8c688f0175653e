//! A count of the input bytes that the readers of outside input look at, so that native tests
//! can hold every such path to linear time by counting (a count, not a clock: it does not
//! depend on the machine or its load). Counted only outside the wasm, which does not carry it.

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static LOOKED_AT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Notes that `bytes` more bytes were looked at, on this thread.
#[inline]
pub fn add(bytes: usize) {
    #[cfg(not(target_arch = "wasm32"))]
    LOOKED_AT.with(|n| n.set(n.get() + bytes as u64));
    #[cfg(target_arch = "wasm32")]
    let _ = bytes;
}

/// The bytes looked at on this thread since the last call.
pub fn take() -> u64 {
    #[cfg(not(target_arch = "wasm32"))]
    return LOOKED_AT.with(|n| n.replace(0));
    #[cfg(target_arch = "wasm32")]
    0
}

/// `hay.find(needle)`, counted: the bytes up to the end of the match, or all of them.
pub(crate) fn find(hay: &str, needle: &str) -> Option<usize> {
    let found = hay.find(needle);
    add(found.map_or(hay.len(), |at| at + needle.len()));
    found
}

/// `hay.find(needle)` for one character, counted.
pub(crate) fn find_char(hay: &str, needle: char) -> Option<usize> {
    let found = hay.find(needle);
    add(found.map_or(hay.len(), |at| at + needle.len_utf8()));
    found
}
