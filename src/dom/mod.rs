//! The DOM layer: turns the model into elements and events into actions. Only this part of the
//! crate touches `web-sys`; it is built for wasm32 alone.
//!
//! - the page: `site` (members, preferences, shared resources), `slot` (handles), `embed` and
//!   `embed_toolbar` (the JS API), `shadow` (the host's shadow root), `style`;
//! - a widget: `widget` (dispatch and effects), `render`, `font_controls`, `node`, `notify`,
//!   `listen`, `print`, `clean` (the sanitizing walker), `intl`;
//! - a feed's way in: `fetch` (deadline, retry), `load` (bytes to the feed model), `kept` (Cache
//!   Storage), their calls to the browser (`net`, over `js/net.js`), `xml` and `json` (the browser's
//!   parsers for the readers);
//! - the reader toolbar: `toolbar`, `toolbar_view`, `zoom`, `page_print`;
//! - after a trap: `halt` (the switch that silences the instance left behind), and, in test
//!   builds only, `test_trap` (a trap on purpose).

mod clean;
mod embed;
mod embed_toolbar;
mod fetch;
mod font_controls;
mod halt;
mod intl;
mod json;
mod kept;
mod listen;
mod load;
mod net;
mod node;
mod notify;
mod page_print;
mod print;
mod render;
mod shadow;
mod site;
mod slot;
mod storage;
mod style;
#[cfg(feature = "test-trap")]
mod test_trap;
mod toolbar;
mod toolbar_view;
mod widget;
mod xml;
mod zoom;

/// The sanitizing walker, public so the browser tests can run the XSS corpora through it.
pub use clean::Cleaner;
pub use embed::{mount, validate_feed, WidgetHandle};
pub use embed_toolbar::{mount_toolbar, ToolbarHandle};

/// A line for the console, as the widget says everything there.
fn warn(text: &str) {
    web_sys::console::warn_1(&wasm_bindgen::JsValue::from_str(&format!(
        "news-widget: {text}"
    )));
}
