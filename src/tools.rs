//! The face of the modules a page fetches only once a site or a reader asks for them, each the
//! crate built with `--no-default-features` and one feature: the tools module
//! (`news-widget-tools.wasm`, `tools`) compiles a site's run-time `.ftl` into the bytes the
//! widget's module reads (`i18n::Compilation`); the plan module (`news-widget-plan.wasm`, `plan`)
//! cuts an article into the utterances read aloud, when a reader first points at, moves to or
//! presses Listen (`listen::wire`).
//! Plain exports and the memory, no wasm-bindgen: the loader (js/loader/modules.js) copies the
//! input in, calls `compile` or `plan`, and copies the answer out, in a fresh instance for each.
//! So the instance never frees (each is dropped after one answer) and a trap here ends that
//! instance alone, never the widget's module.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;

#[cfg(feature = "tools")]
use crate::i18n::compile_source;
#[cfg(feature = "plan")]
use crate::listen::{plan::plan as plan_runs, wire};

/// Room for `len` bytes of input, which the loader writes before calling [`compile`] or
/// [`plan`].
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    // Left to the instance, which is dropped after one answer.
    Vec::<u8>::with_capacity(len).leak().as_mut_ptr()
}

/// Compiles the UTF-8 source that the loader wrote at `source` (from [`alloc`] with
/// `len`). Returns where the answer is: its length (4 bytes, little-endian), then
/// `Compilation::encode`'s bytes.
///
/// # Safety
///
/// `source` is what `alloc(len)` returned, with `len` bytes written there.
#[cfg(feature = "tools")]
#[no_mangle]
pub unsafe extern "C" fn compile(source: *const u8, len: usize) -> *const u8 {
    // SAFETY: the caller wrote `len` bytes at `source`, inside the allocation `alloc` made.
    let bytes = unsafe { std::slice::from_raw_parts(source, len) };
    // The loader's TextEncoder writes UTF-8; anything else is read as the parser would see it.
    let text = String::from_utf8_lossy(bytes);
    #[cfg(feature = "test-trap")]
    test_trap(&text);
    framed(compile_source(&text).encode())
}

/// Plans the reading of the runs (`wire::decode_runs`) that the loader wrote at `runs` (from
/// [`alloc`] with `len`). Returns where the answer is: its length (4 bytes, little-endian),
/// then `wire::encode_plan`'s bytes. Runs that cannot be read trap the instance: the page's
/// script wrote them, so that is a bug, and the page's module hears of it as of any trap here
/// (the reader is told that reading failed).
///
/// # Safety
///
/// `runs` is what `alloc(len)` returned, with `len` bytes written there.
#[cfg(feature = "plan")]
#[no_mangle]
pub unsafe extern "C" fn plan(runs: *const u8, len: usize) -> *const u8 {
    // SAFETY: the caller wrote `len` bytes at `runs`, inside the allocation `alloc` made.
    let bytes = unsafe { std::slice::from_raw_parts(runs, len) };
    let Ok(runs) = wire::decode_runs(bytes) else {
        core::arch::wasm32::unreachable()
    };
    // The page's module gives the utterances its language.
    framed(wire::encode_plan(&plan_runs("", &runs)))
}

/// The answer after its length, for the loader to copy out.
fn framed(answer: Vec<u8>) -> *const u8 {
    let mut out = Vec::with_capacity(answer.len() + 4);
    out.extend_from_slice(
        &u32::try_from(answer.len())
            .unwrap_or(u32::MAX)
            .to_le_bytes(),
    );
    out.extend_from_slice(&answer);
    out.leak().as_ptr()
}

/// The first line of a resource that the test-only build's compiler stops on.
#[cfg(feature = "test-trap")]
const TRAP_MARK: &str = "# test-trap: stop the compiler\n";

/// The test-only build's trap on purpose (`scripts/build.sh --test-trap`, never in `dist/`): a
/// resource that starts with [`TRAP_MARK`] stops the compiler as a panic in fluent-syntax would,
/// for the end-to-end test of a compiler that gives no answer (`tests/e2e/compiler.test.mjs`).
/// The guard leaves no known input that traps the real compiler.
#[cfg(feature = "test-trap")]
fn test_trap(source: &str) {
    if source.starts_with(TRAP_MARK) {
        panic!("test-trap: the compiler stops on purpose");
    }
}

/// The instance lives for one answer and is then dropped, so its memory never needs to be given
/// back: an allocator that only moves a pointer forward (growing the memory by whole pages) is
/// enough, instead of the general one.
struct Forward {
    next: Cell<usize>,
    end: Cell<usize>,
}

// SAFETY: the tools module is built for wasm32 without threads: one thread ever touches it.
unsafe impl Sync for Forward {}

const PAGE: usize = 65536;

#[global_allocator]
static ALLOCATOR: Forward = Forward {
    next: Cell::new(0),
    end: Cell::new(0),
};

// SAFETY: every block is fresh memory of the requested size and alignment, never handed out
// twice; none is freed.
unsafe impl GlobalAlloc for Forward {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let aligned = |at: usize| (at + layout.align() - 1) & !(layout.align() - 1);
        let mut start = aligned(self.next.get());
        if start + layout.size() > self.end.get() {
            let pages = (layout.size() + layout.align()).div_ceil(PAGE);
            let before = core::arch::wasm32::memory_grow(0, pages);
            if before == usize::MAX {
                return core::ptr::null_mut();
            }
            // Pages next to the current end extend it; else the new pages start afresh.
            if before * PAGE != self.end.get() {
                start = aligned(before * PAGE);
            }
            self.end.set((before + pages) * PAGE);
        }
        self.next.set(start + layout.size());
        start as *mut u8
    }

    unsafe fn dealloc(&self, _: *mut u8, _: Layout) {}

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size <= layout.size() {
            return ptr;
        }
        // The last block grows where it is while there is room (a Vec pushed to, the answer).
        let at = ptr as usize;
        if at + layout.size() == self.next.get() && at + new_size <= self.end.get() {
            self.next.set(at + new_size);
            return ptr;
        }
        // SAFETY: the default's contract, which the caller keeps.
        let new =
            unsafe { self.alloc(Layout::from_size_align_unchecked(new_size, layout.align())) };
        if !new.is_null() {
            // SAFETY: both blocks are at least the smaller size long and do not overlap.
            unsafe { core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size)) };
        }
        new
    }
}
