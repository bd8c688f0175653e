//! What the loader needs to survive a trap (a panic under `panic=abort`, a stack overflow): the
//! switch that silences the instance the trap leaves behind.
//!
//! A trap unwinds no Rust frame: the borrows it held stay held, and the instance cannot be used
//! again. Nor can it be freed: its listeners on the hosts' shadow roots and on the window stay
//! attached, as their owners never drop. `halt` makes them return at once and keeps its events
//! from the page, so that a widget that a fresh instance mounts in the same shadow root is the
//! only one to answer its clicks. (The loader tells a trapped instance by its shadow stack
//! pointer, which `scripts/build.sh` exports: a trap leaves it below where it rests between
//! calls. The loader puts it back before `halt`, so that these listeners have a stack to
//! return on even after a stack overflow.)

use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::prelude::*;

static HALTED: AtomicBool = AtomicBool::new(false);

/// Silences this instance for good: its listeners return at once and it dispatches no event.
#[wasm_bindgen]
pub fn halt() {
    HALTED.store(true, Ordering::Relaxed);
}

pub fn halted() -> bool {
    HALTED.load(Ordering::Relaxed)
}
