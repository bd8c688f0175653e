//! news-widget: a multilingual (Chinese, Korean, English) news widget for city websites,
//! embedded with one script tag. Cards and an article view from a JSON Feed, font-size
//! controls, print, Fluent localization, all inside an isolated shadow root.
//!
//! The crate has a pure core, tested natively, and a thin DOM layer on top:
//! - [`feed`]: RSS, Atom and JSON Feed read liberally into one model; translations, summaries;
//! - [`sanitize`]: the allowlist policy for untrusted article HTML;
//! - [`i18n`]: Fluent resources, the catalog a widget speaks from, per-message fallback;
//! - [`prefs`]: the stored preferences and how each is stored;
//! - [`font`]: the font step's behaviour (a command's step; shown, announced, an event, shared),
//!   one implementation for the widget and the toolbar;
//! - [`announcement`]: what the live region says, and the message that words it;
//! - [`ui_language`]: the UI language a widget or toolbar negotiates when it mounts;
//! - [`machine`]: what the widget and the toolbar are made of: a model, `update`, effects;
//! - [`listen`]: reading aloud: the article cut into utterances, the voice, the speed, and
//!   its state machine;
//! - [`reading_aids`]: reading aloud, line spacing and contrast as the widget and the toolbar
//!   both hold them (the commands, the site's shares, the stops), one implementation;
//! - [`keep`]: which fetched feeds are kept, for how long, and which go first;
//! - [`refresh`]: what a failed or fresh load shows, which failures keep the news on screen;
//! - [`retry`]: the one retry of a busy server (`Retry-After` as seconds or an HTTP date);
//! - [`load_error`]: why a load failed, as the reader, the page and the policy see it;
//! - [`toolbar`]: the reader toolbar's pure parts: its state machine, the stylesheet that scales
//!   an existing article page's text, the language links from a page's hreflang alternates;
//! - [`state`]: the widget's state machine: `Model`, `Action`, `update` -> `Effect`s;
//! - [`contract`]: the public interface's names (options, events, error kinds, version, the
//!   font step), imported by the rest and importing nothing of it;
//! - [`options`]: the widget's options (the request timeout too) read and checked by the
//!   interface's rules;
//! - [`command`]: the controls' commands and the one table of shortcut keys;
//! - [`lang`]: language tags and scripts, negotiation;
//! - [`work`]: a count of the input bytes looked at, for the tests that keep reading linear;
//! - `dom` (wasm32 only): carries out effects, turns events into actions; embedding, JS API;
//! - `tools` (wasm32, the tools module's build only): the run-time `.ftl` compiler's exports.

pub mod announcement;
pub mod command;
pub mod contract;
pub mod decimal;
pub mod explain;
pub mod feed;
pub mod font;
pub mod i18n;
pub mod keep;
pub mod lang;
pub mod listen;
pub mod load_error;
pub mod machine;
pub mod options;
pub mod prefs;
pub mod reading_aids;
pub mod refresh;
pub mod retry;
pub mod sanitize;
pub mod state;
pub mod toolbar;
pub mod ui_language;
pub mod work;

#[cfg(all(target_arch = "wasm32", any(feature = "page", feature = "print")))]
pub mod dom;
#[cfg(all(target_arch = "wasm32", any(feature = "tools", feature = "plan")))]
pub mod tools;
