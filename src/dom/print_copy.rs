//! The print module's one export. The reader toolbar prints and previews its article as the
//! sanitizing walker copies it (no script, handler or style of the page comes along); a page
//! with only toolbars has a module without the walker, the largest part of printing, and gets
//! it from this module, fetched when a reader first points at, moves to or presses Print or
//! Print preview (`dom/page/tools.rs`).

use wasm_bindgen::prelude::*;
use web_sys::{Document, DocumentFragment};

use super::parts::clean::Cleaner;

/// The article's HTML as the walker rebuilds it, in `doc` (the page's document, so that the
/// toolbar's module can place it), its links resolved against `base`.
#[wasm_bindgen(js_name = cleanCopy)]
pub fn clean_copy(doc: &Document, base: &str, html: &str) -> DocumentFragment {
    Cleaner { doc, base }.html(html)
}
