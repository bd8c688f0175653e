//! The DOM layer: turns the model into elements and events into actions. Only this part of the
//! crate touches `web-sys`; it is built for wasm32 alone. By role:
//!
//! - `page`: what a page holds once, and its JavaScript API: `embed` and `embed_toolbar` (the JS
//!   faces), `site` (members, preferences, shared resources), `slot` (handles), `storage`,
//!   `shadow` (the host's shadow root), `style` (the stylesheet: the role's `.css` files);
//! - `widget`: one mounted widget: dispatch and effects, its `requests`, its `view`, `render`;
//! - `toolbar`: the reader toolbar on an article page: its `view`, `zoom`, `page_print`;
//! - `net`: a feed's way in: `fetch` (deadline, retry), `read` (bytes to the feed model), `cache`
//!   (the kept feeds in Cache Storage), their calls to the browser (`js`, over `js/net.js`), `xml`
//!   and `json` (the browser's parsers for the readers);
//! - `parts`: what the widget and the toolbar are both built from: `ctx` (what a render needs),
//!   `node`, `controls` (fonts, languages, the bar with "More tools"), `listen`, `notify`, `intl`,
//!   `clean` (the sanitizing walker), `page_copy` (a toolbar's printed article), `print`;
//! - after a trap: `halt` (the switch that silences the instance left behind), and, in test
//!   builds only, `test_trap` (a trap on purpose);
//! - `print_copy`: the print module's exports, a toolbar's printed article (the walker's copy,
//!   `parts::page_copy`, and its print frame) for a page whose module has no walker (built
//!   alone, with `--features print`).

#[cfg(feature = "page")]
mod halt;
#[cfg(feature = "widget")]
mod net;
#[cfg(feature = "page")]
mod page;
mod parts;
#[cfg(feature = "print")]
mod print_copy;
#[cfg(feature = "test-trap")]
mod test_trap;
#[cfg(feature = "toolbar")]
mod toolbar;
#[cfg(feature = "widget")]
mod widget;

#[cfg(feature = "widget")]
pub use page::embed::{mount, validate_feed, WidgetHandle};
#[cfg(feature = "toolbar")]
pub use page::embed_toolbar::{mount_toolbar, ToolbarHandle};
/// The sanitizing walker, public so the browser tests can run the XSS corpora through it.
#[cfg(any(feature = "widget", feature = "print"))]
pub use parts::clean::Cleaner;

/// A line for the console, as the widget says everything there.
fn warn(text: &str) {
    web_sys::console::warn_1(&wasm_bindgen::JsValue::from_str(
        &["news-widget: ", text].concat(),
    ));
}

/// The allocator: talc, smaller than std's dlmalloc by 1.1 KB gzip with the same memory on the
/// 10,000-item feed and over a hundred mounts (lol_alloc's free list was 1.2 KB smaller still,
/// but its allocations walk the free list: the language switch of 100 cards took longer).
#[global_allocator]
// SAFETY: the page's module (and the print module) runs on one thread (wasm32 without atomics), as `new_global` asks.
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };
