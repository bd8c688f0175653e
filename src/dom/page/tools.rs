//! The page's module's way to the modules fetched on a first use: what a page needs only once a
//! site or a reader asks for it (a site's `.ftl` compiled in the tools module, an article's
//! reading plan in the plan module, both of `src/tools.rs`; a toolbar's printed article, made
//! with the walker by the print module, `dom/print_copy.rs`) is not in this module. The
//! loader fetches each on its first use and hands this module the function that runs them
//! (`useTools`), and a trap there ends that module's instance, not this one.

use std::cell::RefCell;

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static TOOLS: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// The loader's runner: `tools(name, input)` runs the export `name` on `input` (a string or
/// bytes) and resolves the answer's bytes (a `Uint8Array`), a string saying why the instance
/// gave none (it trapped), or an `Error` when the module could not be fetched. It never
/// rejects: the page waits through `later::after`. The print module's `articleCopy` and
/// `printFrame` resolve an element instead of bytes (`dom/toolbar/page_print.rs`); `plan-module`
/// and `print-module` only start a module's download.
#[wasm_bindgen(js_name = useTools)]
pub fn use_tools(tools: Function) {
    TOOLS.with(|t| *t.borrow_mut() = Some(tools));
}

/// The answer's promise; `None` when the module was started without the loader (a test page),
/// `Err` when the runner threw.
pub fn call(name: &str, input: &JsValue) -> Option<Result<Promise, JsValue>> {
    let tools = TOOLS.with(|t| t.borrow().clone())?;
    Some(
        tools
            .call2(&JsValue::UNDEFINED, &JsValue::from_str(name), input)
            .map(JsCast::unchecked_into),
    )
}

/// A reader pointing at or moving to a control whose first press needs a module fetched on a
/// first use (Listen: the plan module; Print and Print preview where this module has no walker:
/// the print module) starts its download, so that the press usually finds it there.
pub fn prefetch(event: web_sys::Event) {
    use crate::command::Command;
    let module = match crate::dom::parts::listen::clicked_command(&event) {
        Some((Command::Listen, _)) => "plan-module",
        #[cfg(not(feature = "widget"))]
        Some((Command::Print | Command::Preview, _)) => "print-module",
        _ => return,
    };
    let _ = call(module, &JsValue::UNDEFINED);
}
