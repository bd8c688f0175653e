//! The stylesheet of our shadow roots, attached to each shadow root only. One constructed sheet
//! is shared by every instance on the page; a `<style>` element inside the shadow root is the
//! fallback for browsers without constructable stylesheets. Each role's module carries only the
//! rules its elements use: the common ones, the article's (the widget's article view, the
//! toolbar's print preview), the role's own, then the common rules under conditions and the
//! print layout, in that order, on which the cascade depends (src/dom/common.css says why).

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, ShadowRoot};

use crate::dom::parts::print::PRINT_CSS;

// Each minified by build.rs from the file of the same name in src/dom/.
const COMMON_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/common.css"));
const ARTICLE_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/article.css"));
#[cfg(feature = "widget")]
const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));
#[cfg(feature = "toolbar")]
const TOOLBAR_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/toolbar.css"));
const CONDITIONS_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/common-conditions.css"));

/// The sheet's text: the files in cascade order (the core module has both roles' rules).
fn sheet_css() -> String {
    let mut css = String::from(COMMON_CSS);
    css.push_str(ARTICLE_CSS);
    #[cfg(feature = "widget")]
    css.push_str(WIDGET_CSS);
    #[cfg(feature = "toolbar")]
    css.push_str(TOOLBAR_CSS);
    css.push_str(CONDITIONS_CSS);
    css.push_str(PRINT_CSS);
    css
}

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
    replace
        .call1(&sheet, &JsValue::from_str(&sheet_css()))
        .ok()?;
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
        style.set_text_content(Some(&sheet_css()));
        shadow.append_child(&style)?;
    }
    Ok(())
}

pub fn release(shadow: &ShadowRoot) {
    let _ = Reflect::set(shadow, &"adoptedStyleSheets".into(), &Array::new());
}
