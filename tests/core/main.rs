//! The pure core outside the feed and the widget's state machine, natively: the public interface
//! and option reading (and the loader's copy of it), preferences, the UI language, localization,
//! keeping and refreshing the feed, the sanitizing policy, the reader toolbar's pure parts and
//! state machine; and the crate's own rules (`imports`).

#[path = "../support/mod.rs"]
mod support;

mod alternates;
mod contract;
mod fluent_syntax_fixtures;
mod i18n;
mod imports;
mod keep;
mod loader_block;
mod prefs;
mod refresh;
mod sanitize;
mod text_zoom;
mod toolbar_state;
mod ui_language;
