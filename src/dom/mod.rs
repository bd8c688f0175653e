//! The DOM layer: turns state into elements and events into state changes. Only this part of
//! the crate touches `web-sys`; it is built for wasm32 alone.

mod clean;
mod embed;
mod fetch;
mod intl;
mod kept;
mod listen;
mod load;
mod node;
mod print;
mod render;
mod sources;
mod storage;
mod style;
mod timer;
mod widget;
mod xml;

/// The sanitizing walker, public so the browser tests can run the XSS corpora through it.
pub use clean::Cleaner;
pub use embed::{mount, validate_feed, WidgetHandle};
