//! What the test binaries share: in the browser tests (`dom_*`), a feed served from a blob: URL,
//! a fresh host element, waiting for the widget to settle and reading its shadow tree
//! (`browser`); in the native ones, the fixture files, a small reader of the project's
//! stylesheets (`css`), `serde_json`'s tree seen as the browser's `JSON.parse` tree
//! (`json_node`), roxmltree's tree seen as the browser's DOM (`xml_node`), and a widget's model as the state tests start it (`model`).
// Each binary uses some of these.
#![allow(dead_code)]

#[cfg(target_arch = "wasm32")]
mod browser;
// The native binaries, which clippy also builds for wasm32, use none of it.
#[cfg(target_arch = "wasm32")]
#[allow(unused_imports)]
pub use browser::*;

pub mod css;
pub mod differential;
pub mod fixtures;
pub mod json_node;
pub mod model;
pub mod xml_node;
