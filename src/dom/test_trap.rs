//! A trap on purpose, for the end-to-end tests of the loader's recovery
//! (`tests/e2e/crash.test.mjs`). Compiled only with the `test-trap` feature, which
//! `scripts/build.sh --test-trap` sets for a build of its own under `target/`; the release build
//! in `dist/` never has it (`tests/e2e/size.test.mjs` checks).

use std::cell::RefCell;
use std::hint::black_box;

use wasm_bindgen::prelude::*;

use super::WidgetHandle;

thread_local! {
    /// Held across the panic, as the widget's own state is when a trap goes through it.
    static STATE: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// Traps the module: `"now"` in this call, `"task"` in a task of the futures queue (where a
/// feed is read), `"overflow"` by a recursion without end in such a task (deep input).
#[wasm_bindgen(js_name = testTrap)]
pub fn test_trap(how: &str) {
    match how {
        "task" => wasm_bindgen_futures::spawn_local(async { trap_mid_borrow(3) }),
        "overflow" => wasm_bindgen_futures::spawn_local(async {
            black_box(recurse(black_box(1)));
        }),
        _ => trap_mid_borrow(3),
    }
}

/// Panics a few frames deep with a borrow held.
fn trap_mid_borrow(depth: u32) {
    if depth > 0 {
        let frame = [depth; 8];
        trap_mid_borrow(black_box(&frame)[0] - 1);
        black_box(frame);
        return;
    }
    STATE.with(|state| {
        let mut state = state.borrow_mut();
        state.push(depth);
        panic!("test-trap: a trap on purpose");
    });
}

/// Deeper and deeper until the stack runs out (the bound is never reached).
fn recurse(n: u64) -> u64 {
    let frame = [n; 16];
    black_box(&frame);
    if n == u64::MAX {
        return 0;
    }
    recurse(black_box(n + 1)).wrapping_add(frame[3])
}

/// The same from a widget's handle, as a trap inside one of its methods.
#[wasm_bindgen]
impl WidgetHandle {
    #[wasm_bindgen(js_name = testTrap)]
    pub fn test_trap(&self, how: &str) {
        test_trap(how);
    }
}
