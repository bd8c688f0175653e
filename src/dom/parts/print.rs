//! Printing the open article alone. A hidden same-origin iframe receives a copy of the already
//! sanitized article and the print stylesheet, and its window is printed: the host page, the
//! cards and the controls never reach paper, and the host's own print CSS cannot interfere.
//! The frame is removed after printing (or when the widget leaves the article or is destroyed).

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlIFrameElement, Node};

use super::listen::Listener;

/// Minified by build.rs from src/dom/print.css.
pub const PRINT_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/print.css"));

#[must_use = "dropping the PrintFrame removes the frame"]
pub struct PrintFrame {
    frame: HtmlIFrameElement,
    _after_print: Option<Listener>,
}

impl Drop for PrintFrame {
    fn drop(&mut self) {
        self.frame.remove();
    }
}

/// Builds the frame inside `container` (the widget's shadow root), copies `content` into it
/// and prints. `on_done` runs once the browser reports the print dialog closed.
pub fn print_article(
    container: &Node,
    content: &Element,
    lang: &str,
    title: &str,
    scale_css: &str,
    on_done: impl FnMut(web_sys::Event) + 'static,
) -> Result<PrintFrame, JsValue> {
    let doc = content.owner_document().ok_or("article has no document")?;
    let frame: HtmlIFrameElement = doc.create_element("iframe")?.dyn_into()?;
    frame.set_class_name("print-frame");
    frame.set_attribute("aria-hidden", "true")?;
    frame.set_attribute("tabindex", "-1")?;
    frame.set_title("");
    container.append_child(&frame)?;
    let mut print_frame = PrintFrame {
        frame,
        _after_print: None,
    };

    let window = print_frame
        .frame
        .content_window()
        .ok_or("print frame has no window")?;
    let frame_doc = print_frame
        .frame
        .content_document()
        .ok_or("print frame has no document")?;
    if let Some(html) = frame_doc.document_element() {
        html.set_attribute("lang", lang)?;
    }
    frame_doc.set_title(title);
    let body = frame_doc.body().ok_or("print frame has no body")?;
    body.set_class_name("print-layout");
    body.set_attribute("lang", lang)?;
    Reflect::set(
        &body.style(),
        &"cssText".into(),
        &JsValue::from_str(&["--nw-scale: ", scale_css, "; margin: 0"].concat()),
    )?;
    let copy = frame_doc.import_node_with_deep(content, true)?;
    body.append_child(&copy)?;
    adopt_print_css(&window, &frame_doc)?;

    print_frame._after_print = Some(Listener::new(&window, "afterprint", on_done));
    window.print()?;
    Ok(print_frame)
}

/// Styles the frame with a constructed stylesheet made in the frame's own realm (a sheet from
/// another document cannot be adopted), which a strict `style-src 'self'` CSP allows where an
/// inline `<style>` would be refused.
fn adopt_print_css(window: &web_sys::Window, frame_doc: &web_sys::Document) -> Result<(), JsValue> {
    let ctor: Function = Reflect::get(window, &"CSSStyleSheet".into())?.dyn_into()?;
    let sheet = Reflect::construct(&ctor, &Array::new())?;
    let replace: Function = Reflect::get(&sheet, &"replaceSync".into())?.dyn_into()?;
    replace.call1(&sheet, &JsValue::from_str(PRINT_CSS))?;
    Reflect::set(frame_doc, &"adoptedStyleSheets".into(), &Array::of1(&sheet))?;
    Ok(())
}
