//! The tools module's face (`news-widget-tools.wasm`, the crate built with `--no-default-features
//! --features tools`): a site's run-time `.ftl` compiled into the bytes the widget's module reads
//! (`i18n::Compilation`). Two plain exports and the memory, no wasm-bindgen: the loader
//! (js/news-widget.js) copies the source in, calls `compile`, and copies the answer out, in a
//! fresh instance for each resource. So the instance never frees (each is dropped after one
//! answer) and a trap in the compiler ends that instance alone, never the widget's module.

use crate::i18n::compile_source;

/// Room for `len` bytes of source, which the loader writes before calling [`compile`].
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
#[no_mangle]
pub unsafe extern "C" fn compile(source: *const u8, len: usize) -> *const u8 {
    // SAFETY: the caller wrote `len` bytes at `source`, inside the allocation `alloc` made.
    let bytes = unsafe { std::slice::from_raw_parts(source, len) };
    // The loader's TextEncoder writes UTF-8; anything else is read as the parser would see it.
    let text = String::from_utf8_lossy(bytes);
    let answer = compile_source(&text).encode();
    let mut out = Vec::with_capacity(answer.len() + 4);
    out.extend_from_slice(
        &u32::try_from(answer.len())
            .unwrap_or(u32::MAX)
            .to_le_bytes(),
    );
    out.extend_from_slice(&answer);
    out.leak().as_ptr()
}
