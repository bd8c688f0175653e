//! Timers and abort links that undo themselves when dropped, like the listener guards of
//! `listen`: every `setTimeout` the widget starts has an owner, so a destroyed widget leaves no
//! timer behind. They call plain JS functions (a promise's `resolve`, a bound
//! `AbortController.abort`), so no Rust closure has to live on the JS side.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, EventTarget, Window};

#[must_use = "dropping a Timeout clears it at once; keep it while it should fire"]
pub struct Timeout {
    window: Window,
    handle: i32,
}

impl Timeout {
    /// Calls `f` once after `ms` milliseconds unless the guard is dropped first. `None` where
    /// there is no window (or it refused the timer).
    pub fn new(ms: u32, f: &Function) -> Option<Timeout> {
        let window = web_sys::window()?;
        let handle = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                f,
                ms.min(i32::MAX as u32) as i32,
            )
            .ok()?;
        Some(Timeout { window, handle })
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        self.window.clear_timeout_with_handle(self.handle);
    }
}

/// A JS function listening for `abort` on a signal; removed when dropped.
#[must_use = "dropping an OnAbort removes the listener at once"]
pub struct OnAbort {
    signal: AbortSignal,
    f: Function,
}

impl OnAbort {
    pub fn new(signal: &AbortSignal, f: &Function) -> OnAbort {
        let target: &EventTarget = signal;
        // addEventListener throws only for a listener that is not callable.
        let _ = target.add_event_listener_with_callback("abort", f);
        OnAbort {
            signal: signal.clone(),
            f: f.clone(),
        }
    }
}

impl Drop for OnAbort {
    fn drop(&mut self) {
        let target: &EventTarget = &self.signal;
        let _ = target.remove_event_listener_with_callback("abort", &self.f);
    }
}

/// `controller.abort` bound to `controller`, callable from a timer or a listener.
pub fn abort_function(controller: &AbortController) -> Option<Function> {
    let abort: Function = Reflect::get(controller, &"abort".into())
        .ok()?
        .dyn_into()
        .ok()?;
    Some(abort.bind0(controller))
}

/// Waits `ms` milliseconds, or less if `signal` aborts first. Nothing stays behind: the timer
/// and the abort listener are dropped when the wait ends either way.
pub async fn sleep(ms: u32, signal: Option<&AbortSignal>) {
    if signal.is_some_and(AbortSignal::aborted) {
        return;
    }
    let mut resolve = None;
    let promise = Promise::new(&mut |done, _| resolve = Some(done));
    let Some(resolve) = resolve else {
        return;
    };
    // Without a timer nothing would end the wait.
    let Some(_timer) = Timeout::new(ms, &resolve) else {
        return;
    };
    let _abort = signal.map(|signal| OnAbort::new(signal, &resolve));
    let _ = JsFuture::from(promise).await;
}
