//! Doing something once a promise has settled: the widget's one way to wait for the browser (a
//! request's answer, a kept copy looked up, a later task, a microtask). A callback through the
//! promise's `then`, not a Rust future: no future in the .wasm, and no task queue to carry one.

use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A promise, as `then` is called here: with plain functions (`once`'s, handed to JavaScript).
    type Thenable;
    #[wasm_bindgen(method)]
    fn then(this: &Thenable, resolve: &JsValue, reject: &JsValue);
}

/// Runs `then` with what `promise` settles to, from a microtask. The promises given here
/// resolve (a rejection's reason would be given as it is).
pub fn after(promise: Promise, then: impl FnOnce(JsValue) + 'static) {
    settle(promise, Box::new(then));
}

/// Runs `then` from a microtask: not inside the listener or effect that asked (a listener that
/// would drop itself, for one).
pub fn soon(then: impl FnOnce() + 'static) {
    settle(Promise::resolve(&JsValue::UNDEFINED), Box::new(|_| then()));
}

fn settle(promise: Promise, then: Box<dyn FnOnce(JsValue)>) {
    // The same function answers a rejection. Its captures are dropped on the call; its shell
    // when the browser collects the function (wasm-bindgen's finalizer). `Closure::once_into_js`
    // would free the shell on the call too, but as a second closure type it cost 173 to 256 B
    // gzip a page (measured) for a few bytes that wait for the collector.
    let then = once(then).into_js_value();
    promise.unchecked_ref::<Thenable>().then(&then, &then);
}

/// `then` as a function the browser calls once (what it is called with, if anything, is
/// `then`'s argument). Every one-shot callback of ours goes through this one boxed type, the
/// synthesizer's and the timers' in `speech` too: wasm-bindgen's shims are instantiated once
/// for it, not once per closure type (0.5 KB gzip of .wasm on every page).
pub fn once(then: Box<dyn FnOnce(JsValue)>) -> Closure<dyn FnMut(JsValue)> {
    Closure::once(then)
}
