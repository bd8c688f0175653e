//! Event listeners that remove themselves when dropped: every listener the widget adds has an
//! owner, so destroying a widget (dropping its guards) leaves nothing attached to the page.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget};

use crate::command::Command;
use crate::dom::halt::halted;

#[must_use = "dropping a Listener removes it at once; keep it in its owner"]
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    callback: Closure<dyn FnMut(Event)>,
}

impl Listener {
    pub fn new<F>(target: &EventTarget, kind: &'static str, handler: F) -> Listener
    where
        F: FnMut(Event) + 'static,
    {
        let callback = Closure::<dyn FnMut(Event)>::new(handler);
        // addEventListener only throws for a non-callable listener, which a Closure never is.
        let _ = target.add_event_listener_with_callback(kind, callback.as_ref().unchecked_ref());
        Listener {
            target: target.clone(),
            kind,
            callback,
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.callback.as_ref().unchecked_ref());
    }
}

/// The key of a keydown that may be a widget shortcut: none with Ctrl, Meta or Alt (the
/// browser's and the reader's own), none that the page already handled, none for a halted
/// instance (its listeners stay attached to the shadow root that a fresh one uses, see `halt`).
pub fn shortcut_key(event: &Event) -> Option<String> {
    if halted() {
        return None;
    }
    let key = event.dyn_ref::<web_sys::KeyboardEvent>()?;
    let modified = key.ctrl_key() || key.meta_key() || key.alt_key();
    (!modified && !key.default_prevented()).then(|| key.key())
}

/// What a click or a change asks for: the command of the control it is on (the nearest element
/// with a `data-action`, see `crate::command`), and the value the control names (an article's
/// id, a language's tag; for a change, the control's value: the speed). Nothing for a control
/// that is `aria-disabled` (A+ at 200 % stays focusable but does nothing), nor for a click on a
/// `<select>` (it acts when its value changes), and none for a halted instance, as above.
pub fn clicked_command(event: &Event) -> Option<(Command, Option<String>)> {
    if halted() {
        return None;
    }
    let control = event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-action]")
        .ok()
        .flatten()?;
    let changed = event.type_() == "change";
    if control.get_attribute("aria-disabled").as_deref() == Some("true")
        || (control.local_name() == "select") != changed
    {
        return None;
    }
    let command = Command::from_action(&control.get_attribute("data-action")?)?;
    let value = if changed {
        js_sys::Reflect::get(&control, &"value".into())
            .ok()?
            .as_string()
    } else {
        command
            .value_attribute()
            .and_then(|name| control.get_attribute(name))
    };
    Some((command, value))
}
