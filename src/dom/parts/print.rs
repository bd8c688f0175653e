//! Printing the open article alone. A hidden same-origin iframe receives a copy of the already
//! sanitized article and the print stylesheet, and its window is printed: the host page, the
//! cards and the controls never reach paper, and the host's own print CSS cannot interfere.
//! The frame is removed after printing (or when the widget leaves the article or is destroyed).
//! A page with only toolbars gets its frame built by the print module (`dom/print_copy.rs`).

#[cfg(any(feature = "widget", feature = "print"))]
use js_sys::{Array, Function, Reflect};
#[cfg(any(feature = "widget", feature = "print"))]
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlIFrameElement;
#[cfg(any(feature = "widget", feature = "print"))]
use web_sys::{Element, Node};

#[cfg(feature = "page")]
use super::listen::Listener;

/// Minified by build.rs from src/dom/print.css.
pub const PRINT_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/print.css"));

/// A print frame in a shadow root, removed when dropped (unless handed on as an element).
#[must_use = "dropping the Frame removes it"]
pub struct Frame(Option<HtmlIFrameElement>);

impl Frame {
    /// Owns a frame that the print module built.
    #[cfg(all(feature = "toolbar", not(feature = "widget")))]
    pub fn adopt(element: HtmlIFrameElement) -> Frame {
        Frame(Some(element))
    }

    /// The element, no longer removed by this owner: the print module hands it to the page's.
    #[cfg(feature = "print")]
    pub fn hand_on(mut self) -> HtmlIFrameElement {
        self.0
            .take()
            .expect("a Frame holds its element until handed on")
    }

    fn element(&self) -> &HtmlIFrameElement {
        self.0
            .as_ref()
            .expect("a Frame holds its element until handed on")
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        if let Some(element) = &self.0 {
            element.remove();
        }
    }
}

/// A frame being printed, until the browser says the print dialog closed.
#[cfg(feature = "page")]
#[must_use = "dropping the PrintFrame removes the frame"]
pub struct PrintFrame {
    _frame: Frame,
    _after_print: Listener,
}

/// Prints `frame`'s window at the reader's step (`scale_css`), set here rather than when the
/// frame was made: it may have changed meanwhile, while the print module was on its way;
/// `on_done` runs once the browser reports the print dialog closed.
#[cfg(feature = "page")]
pub fn print(
    frame: Frame,
    scale_css: &str,
    on_done: impl FnMut(web_sys::Event) + 'static,
) -> Result<PrintFrame, wasm_bindgen::JsValue> {
    let element = frame.element();
    if let Some(body) = element.content_document().and_then(|doc| doc.body()) {
        body.style().set_property("--nw-scale", scale_css)?;
    }
    let window = element
        .content_window()
        .ok_or("print frame has no window")?;
    let after_print = Listener::new(&window, "afterprint", on_done);
    window.print()?;
    Ok(PrintFrame {
        _frame: frame,
        _after_print: after_print,
    })
}

/// Builds the frame inside `container` (the widget's or the toolbar's shadow root), with a copy
/// of `content` on its body, for `print`.
#[cfg(any(feature = "widget", feature = "print"))]
pub fn frame(
    container: &Node,
    content: &Element,
    lang: &str,
    title: &str,
) -> Result<Frame, JsValue> {
    let doc = content.owner_document().ok_or("article has no document")?;
    let element: HtmlIFrameElement = doc.create_element("iframe")?.dyn_into()?;
    element.set_class_name("print-frame");
    element.set_attribute("aria-hidden", "true")?;
    element.set_attribute("tabindex", "-1")?;
    element.set_title("");
    container.append_child(&element)?;
    let frame = Frame(Some(element));

    let window = frame
        .element()
        .content_window()
        .ok_or("print frame has no window")?;
    let frame_doc = frame
        .element()
        .content_document()
        .ok_or("print frame has no document")?;
    if let Some(html) = frame_doc.document_element() {
        html.set_attribute("lang", lang)?;
    }
    frame_doc.set_title(title);
    let body = frame_doc.body().ok_or("print frame has no body")?;
    body.set_class_name("print-layout");
    body.set_attribute("lang", lang)?;
    body.style().set_property("margin", "0")?;
    let copy = frame_doc.import_node_with_deep(content, true)?;
    body.append_child(&copy)?;
    adopt_print_css(&window, &frame_doc)?;
    Ok(frame)
}

/// Styles the frame with a constructed stylesheet made in the frame's own realm (a sheet from
/// another document cannot be adopted), which a strict `style-src 'self'` CSP allows where an
/// inline `<style>` would be refused.
#[cfg(any(feature = "widget", feature = "print"))]
fn adopt_print_css(window: &web_sys::Window, frame_doc: &web_sys::Document) -> Result<(), JsValue> {
    let ctor: Function = Reflect::get(window, &"CSSStyleSheet".into())?.dyn_into()?;
    let sheet = Reflect::construct(&ctor, &Array::new())?;
    let replace: Function = Reflect::get(&sheet, &"replaceSync".into())?.dyn_into()?;
    replace.call1(&sheet, &JsValue::from_str(PRINT_CSS))?;
    Reflect::set(frame_doc, &"adoptedStyleSheets".into(), &Array::of1(&sheet))?;
    Ok(())
}
