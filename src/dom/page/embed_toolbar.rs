//! The JavaScript face of the reader toolbar (docs/toolbar.md#toolbar-options):
//! `mountToolbar(element, options)` and the handle it returns. The loader wraps it in
//! `NewsWidget.mountToolbar`.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::js_options::{
    contrast_action, font_step_arg, spacing_action, text_arg, JsOptions, STOP,
};
use super::slot::{Slot, Slots};
use crate::command::Command;
use crate::contract::{self, Contrast};
use crate::dom::toolbar::{Toolbar, ToolbarOptions};
use crate::options::{self, OptionValues};
use crate::reading_aids::AidAction;
use crate::toolbar::state::Action;

thread_local! {
    static TOOLBARS: Slots<Toolbar> = Slots::default();
}

/// Mounts a reader toolbar in `element`'s shadow root for the article whose id `for` names
/// (`lang` optional: the toolbar's language instead of the page's); options come from the
/// object, else the element's attributes. On an element that has a toolbar already, it returns
/// its handle, mounted afresh if the options changed.
#[wasm_bindgen(js_name = mountToolbar)]
pub fn mount_toolbar(element: Element, options: JsValue) -> Result<ToolbarHandle, JsValue> {
    let values = JsOptions {
        element: &element,
        object: &options,
    };
    let options = ToolbarOptions {
        target: values.text(contract::FOR),
        lang: options::read_lang(&values),
    };
    if let Some(slot) = TOOLBARS.with(|t| t.find(&element)) {
        if slot.get().is_some_and(|t| t.options() != options) {
            drop(slot.take());
            slot.put(Toolbar::mount(element, options)?);
        }
        return Ok(ToolbarHandle { slot });
    }
    let toolbar = Toolbar::mount(element.clone(), options)?;
    let slot = Slot::new(element, toolbar);
    TOOLBARS.with(|t| t.add(&slot));
    Ok(ToolbarHandle { slot })
}

/// What `NewsWidget.mountToolbar` resolves to. `destroy()` drops the toolbar, which is what
/// removes it.
#[wasm_bindgen]
pub struct ToolbarHandle {
    slot: Rc<Slot<Toolbar>>,
}

impl ToolbarHandle {
    /// One call of the toolbar's dispatch for every aid of the API (not one inlined in each).
    #[inline(never)]
    fn act(&self, action: Option<AidAction>) {
        if let (Some(toolbar), Some(action)) = (self.slot.get(), action) {
            toolbar.dispatch(Action::Aid(action));
        }
    }
}

#[wasm_bindgen]
impl ToolbarHandle {
    /// Sets the font step (0 = 100 %, -1 = 87.5 % … 5 = 200 %), clamped; site-wide, shared
    /// with the news widgets.
    #[wasm_bindgen(js_name = setFontStep)]
    pub fn set_font_step(&self, step: JsValue) {
        if let (Some(toolbar), Some(step)) = (self.slot.get(), font_step_arg(&step)) {
            toolbar.set_font(step);
        }
    }

    #[wasm_bindgen(getter, js_name = fontStep)]
    pub fn font_step(&self) -> i32 {
        self.slot.get().map_or(0, |t| t.font().value())
    }

    /// Prints the article alone, as Print does (reading aloud stops first); false once
    /// destroyed. On a page with only toolbars the first print waits for the print module, and
    /// a print asked for while a copy for Print or Print preview is on its way is that one.
    pub fn print(&self) -> bool {
        self.slot.get().is_some_and(|t| {
            t.dispatch(Action::Command(Command::Print, None));
            true
        })
    }

    /// Reads the article aloud, or goes on from the pause. The browser may refuse to speak
    /// before the reader has interacted with the page.
    pub fn listen(&self) {
        self.act(Some(AidAction::Listen));
    }

    /// Stops reading aloud.
    #[wasm_bindgen(js_name = stopListening)]
    pub fn stop_listening(&self) {
        self.act(Some(STOP));
    }

    /// Sets the line spacing (1, 1.5 or 2: the nearest), for the article and the whole site.
    #[wasm_bindgen(js_name = setLineSpacing)]
    pub fn set_line_spacing(&self, value: JsValue) {
        self.act(spacing_action(&value));
    }

    #[wasm_bindgen(getter, js_name = lineSpacing)]
    pub fn line_spacing(&self) -> f64 {
        self.slot.get().map_or(1.0, |t| t.aids().spacing.number())
    }

    /// Sets the contrast scheme ("site", "dark-on-light", "light-on-dark"), for the article and
    /// the whole site.
    #[wasm_bindgen(js_name = setContrast)]
    pub fn set_contrast(&self, name: JsValue) {
        self.act(text_arg(&name, "setContrast(name)").and_then(|n| contrast_action(&n)));
    }

    /// (A JS string made from the name, not a Rust `String`: no copy, no glue for one.)
    #[wasm_bindgen(getter)]
    pub fn contrast(&self) -> JsValue {
        JsValue::from_str(
            self.slot
                .get()
                .map_or(Contrast::Site, |t| t.aids().contrast)
                .name(),
        )
    }

    /// Puts the article back as it was and removes everything the toolbar added.
    pub fn destroy(&self) {
        drop(self.slot.take());
    }

    /// Whether the toolbar is still on the page (false once destroyed).
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.slot.get().is_some()
    }
}
