//! The print module's exports. The reader toolbar prints and previews its article as the
//! sanitizing walker copies it (no script, handler or style of the page comes along), headed by
//! the page's title and date (`parts::page_copy`), printed from a frame of its own
//! (`parts::print`); a page with only toolbars has a module without the walker, the copy and
//! the frame, the largest part of printing, and gets them from this module, fetched when a
//! reader first points at, moves to or presses Print or Print preview (`dom/page/tools.rs`).

use js_sys::Array;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Node};

use super::parts::page_copy::{self, CopyWords};
use super::parts::print;

/// The printed article of `target` in `doc` (the page's document, so that the toolbar's module
/// can place it), whose language is `page_lang`, labelled in `words` (`CopyWords::to_js`).
#[wasm_bindgen(js_name = articleCopy)]
pub fn article_copy(doc: &Document, target: &Element, page_lang: &str, words: &Array) -> Element {
    page_copy::article_copy(doc, target, page_lang, &CopyWords::from_js(words)).0
}

/// The same in a print frame built in `container` (the toolbar's shadow root), ready to print: the frame's element, which the toolbar's module owns from then on,
/// or why there is none (the error, a string or an Error; nothing is thrown, which would count as
/// a trap).
#[wasm_bindgen(js_name = printFrame)]
pub fn print_frame(
    doc: &Document,
    target: &Element,
    page_lang: &str,
    words: &Array,
    container: &Node,
) -> JsValue {
    let (copy, title) = page_copy::article_copy(doc, target, page_lang, &CopyWords::from_js(words));
    match print::frame(container, &copy, page_lang, &title) {
        Ok(frame) => frame.hand_on().into(),
        Err(error) => error,
    }
}
