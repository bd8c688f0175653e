//! The JavaScript face of the reader toolbar (CONTRACT §5): `mountToolbar(element, options)`
//! and the handle it returns. The loader wraps it in `NewsWidget.mountToolbar`.

use std::rc::Rc;

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::embed::option_string;
use super::toolbar::{Toolbar, ToolbarError, ToolbarOptions};
use crate::prefs::FontStep;

impl From<ToolbarError> for JsValue {
    /// An `Error` whose `kind` is that of the `news-widget:error` event (`config`, `load`).
    fn from(error: ToolbarError) -> JsValue {
        let js = js_sys::Error::new(&format!("news-widget toolbar: {error}"));
        let _ = Reflect::set(&js, &"kind".into(), &error.kind().into());
        js.into()
    }
}

/// Mounts a reader toolbar in `element`'s shadow root for the article whose id `options.for`
/// names (`lang` optional: the toolbar's language instead of the page's).
#[wasm_bindgen(js_name = mountToolbar)]
pub fn mount_toolbar(element: Element, options: JsValue) -> Result<ToolbarHandle, JsValue> {
    let options = ToolbarOptions {
        target: option_string(&options, "for"),
        lang: option_string(&options, "lang").filter(|l| !l.eq_ignore_ascii_case("auto")),
    };
    let toolbar = Toolbar::mount(element, options)?;
    Ok(ToolbarHandle { toolbar })
}

/// What `NewsWidget.mountToolbar` resolves to.
#[wasm_bindgen]
pub struct ToolbarHandle {
    toolbar: Rc<Toolbar>,
}

#[wasm_bindgen]
impl ToolbarHandle {
    /// Sets the font step (0 = 100 %, -1 = 87.5 % … 5 = 200 %), clamped; site-wide, shared
    /// with the news widgets.
    #[wasm_bindgen(js_name = setFontStep)]
    pub fn set_font_step(&self, step: i32) {
        if !self.toolbar.is_destroyed() {
            self.toolbar.set_font(FontStep::clamped(step));
        }
    }

    #[wasm_bindgen(getter, js_name = fontStep)]
    pub fn font_step(&self) -> i32 {
        self.toolbar.font().value()
    }

    /// Prints the article alone; false once destroyed or when the browser refused.
    pub fn print(&self) -> bool {
        self.toolbar.print()
    }

    /// Puts the article back as it was and removes everything the toolbar added.
    pub fn destroy(&self) {
        self.toolbar.destroy();
    }
}
