//! The DOM layer: turns state into elements and events into state changes. Only this part of
//! the crate touches `web-sys`; it is built for wasm32 alone.

mod clean;
mod embed;
mod embed_toolbar;
mod fetch;
mod font_controls;
mod intl;
mod json;
mod kept;
mod listen;
mod load;
mod node;
mod notify;
mod page_print;
mod print;
mod render;
mod sources;
mod storage;
mod style;
mod timer;
mod toolbar;
mod toolbar_view;
mod widget;
mod xml;
mod zoom;

/// The sanitizing walker, public so the browser tests can run the XSS corpora through it.
pub use clean::Cleaner;
pub use embed::{mount, validate_feed, WidgetHandle};
pub use embed_toolbar::{mount_toolbar, ToolbarHandle};
