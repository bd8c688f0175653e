//! Doing something once a promise has settled: the widget's one way to wait for the browser
//! outside a feed request (a kept copy looked up, a shared resource in, a later task, a
//! microtask). One future type for all of them, as each kind of future costs its own code in
//! the .wasm.

use js_sys::Promise;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Runs `then` with what `promise` resolved to (`undefined` when it rejected), from a microtask.
pub fn after(promise: Promise, then: impl FnOnce(JsValue) + 'static) {
    settle(promise, Box::new(then));
}

/// Runs `then` from a microtask: not inside the listener or effect that asked (a listener that
/// would drop itself, for one).
pub fn soon(then: impl FnOnce() + 'static) {
    settle(Promise::resolve(&JsValue::UNDEFINED), Box::new(|_| then()));
}

fn settle(promise: Promise, then: Box<dyn FnOnce(JsValue)>) {
    wasm_bindgen_futures::spawn_local(async move {
        then(JsFuture::from(promise).await.unwrap_or_default());
    });
}
