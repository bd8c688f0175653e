//! Telling people and pages what changed: the polite live region that screen readers speak,
//! and the `news-widget:*` events on a host element. Shared by the widget and the toolbar.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

use crate::announcement::Announcement;
use crate::contract::{Event, Value};
use crate::i18n::{Arg, Localizer};

/// Says `announcement` in the live region `live`, worded by `l10n`; `extra`: an argument only
/// the DOM layer knows (a language's name in its own language).
pub fn say(
    live: &Element,
    l10n: &Localizer,
    announcement: &Announcement,
    extra: Option<(&'static str, Arg<'static>)>,
) {
    let (id, mut args) = announcement.message();
    if let Some(extra) = extra {
        args.push(extra);
    }
    announce(live, &l10n.format(id, &args, &mut Vec::new()).text);
}

/// Puts `text` in the live region `live`. Screen readers announce a change of text: the same
/// message twice (A+ pressed at 200 %) differs by a trailing no-break space, so it is still
/// heard.
pub fn announce(live: &Element, text: &str) {
    let current = live.text_content().unwrap_or_default();
    let same = current.trim_end_matches('\u{a0}') == text;
    let text = if same && !current.ends_with('\u{a0}') {
        [text, "\u{a0}"].concat()
    } else {
        text.to_string()
    };
    live.set_text_content(Some(&text));
}

/// Dispatches `event` on `host`, bubbling and composed, with its detail as a plain object.
pub fn emit(host: &Element, event: &Event) {
    // A halted instance's futures may still finish; the page hears only the live one.
    if crate::dom::halt::halted() {
        return;
    }
    let object = Object::new();
    for (key, value) in event.detail() {
        let value = match value {
            Value::Text(text) => JsValue::from_str(&text),
            Value::Number(n) => JsValue::from_f64(n),
            Value::Bool(b) => JsValue::from_bool(b),
        };
        let _ = Reflect::set(&object, &JsValue::from_str(key), &value);
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(event.name(), &init) {
        let _ = host.dispatch_event(&event);
    }
}
