//! The widget's stylesheet, attached to each shadow root only. One constructed sheet is shared
//! by every instance on the page; a `<style>` element inside the shadow root is the fallback
//! for browsers without constructable stylesheets.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, ShadowRoot};

use crate::dom::parts::print::PRINT_CSS;

/// Minified by build.rs from src/dom/widget.css.
const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

thread_local! {
    static SHARED_SHEET: Option<JsValue> = construct_sheet();
}

fn construct_sheet() -> Option<JsValue> {
    let window = web_sys::window()?;
    let ctor: Function = Reflect::get(&window, &"CSSStyleSheet".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let sheet = Reflect::construct(&ctor, &Array::new()).ok()?;
    let replace: Function = Reflect::get(&sheet, &"replaceSync".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let css = format!("{WIDGET_CSS}\n{PRINT_CSS}");
    replace.call1(&sheet, &JsValue::from_str(&css)).ok()?;
    Some(sheet)
}

pub fn adopt(shadow: &ShadowRoot, doc: &Document) -> Result<(), JsValue> {
    let adopted = SHARED_SHEET.with(|sheet| {
        sheet
            .as_ref()
            .map(|s| {
                Reflect::set(shadow, &"adoptedStyleSheets".into(), &Array::of1(s)).unwrap_or(false)
            })
            .unwrap_or(false)
    });
    if !adopted {
        let style = doc.create_element("style")?;
        style.set_text_content(Some(&format!("{WIDGET_CSS}\n{PRINT_CSS}")));
        shadow.append_child(&style)?;
    }
    Ok(())
}

pub fn release(shadow: &ShadowRoot) {
    let _ = Reflect::set(shadow, &"adoptedStyleSheets".into(), &Array::new());
}
