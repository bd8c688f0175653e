//! news-widget: a multilingual (Chinese, Korean, English) news widget for city websites,
//! embedded with one script tag. Cards and an article view from a JSON Feed, font-size
//! controls, print, Fluent localization, all inside an isolated shadow root.
//!
//! The crate has a pure core, tested natively, and a thin DOM layer on top:
//! - [`feed`]: RSS, Atom and JSON Feed read liberally into one model; translations, summaries;
//! - [`sanitize`]: the allowlist policy for untrusted article HTML;
//! - [`i18n`]: Fluent resources, the catalog a widget speaks from, per-message fallback;
//! - [`ftl_guard`]: Fluent source made safe for its parser (an upstream panic avoided);
//! - [`prefs`]: font-size steps and stored preferences;
//! - [`keep`]: which fetched feeds are kept, for how long, and which go first;
//! - [`refresh`]: timeouts, the retry of a busy server, what a failed or fresh load shows;
//! - [`text_zoom`]: the stylesheet that scales an existing article page's text (reader toolbar);
//! - [`alternates`]: the reader toolbar's language links from a page's hreflang alternates;
//! - [`state`]: the widget's state machine: `Model`, `Action`, `update` -> `Effect`s;
//! - [`contract`]: the public interface's names (options, events, error kinds, version);
//! - [`command`]: the controls' commands and the one table of shortcut keys;
//! - [`lang`]: language tags and scripts, negotiation;
//! - [`work`]: a count of the input bytes looked at, for the tests that keep reading linear;
//! - `dom` (wasm32 only): carries out effects, turns events into actions; embedding, JS API.

pub mod alternates;
pub mod command;
pub mod contract;
pub mod feed;
pub mod ftl_guard;
pub mod i18n;
pub mod keep;
pub mod lang;
pub mod prefs;
pub mod refresh;
pub mod sanitize;
pub mod state;
pub mod text_zoom;
pub mod work;

#[cfg(target_arch = "wasm32")]
pub mod dom;
