//! The pure core outside the feed and the widget's state machine, natively: the public interface
//! and option reading (and the loader's copy of it), preferences, the UI language, language tags
//! and negotiation against the crates they replaced, localization,
//! keeping and refreshing the feed, the sanitizing policy, the reader toolbar's pure parts and
//! state machine, reading aloud, the contrast schemes' colours; and the crate's own rules
//! (`imports`).

#[path = "../support/mod.rs"]
mod support;

mod alternates;
mod contract;
mod decimal;
mod fluent_syntax_fixtures;
mod i18n;
mod imports;
mod keep;
mod lang;
mod listen_machine;
mod listen_plan;
mod listen_voice;
mod listen_wire;
mod loader_block;
mod palettes;
mod placeholder;
mod prefs;
mod reading_style;
mod refresh;
mod sanitize;
mod sanitize_depth;
mod text_zoom;
mod toolbar_state;
mod ui_language;
