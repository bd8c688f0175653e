//! The JavaScript face of the widget (docs/interface.md#javascript-api): `mount(element, options)`
//! and the handle it returns, and `validateFeed`. Options are read from the element's attributes
//! and the JS options object by `js_options`. The loader (`js/loader/`) wraps these in
//! `window.NewsWidget`.

use std::rc::Rc;

use js_sys::{JsString, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::js_options::{
    contrast_action, font_step_arg, js_error, property_text, spacing_action, text_arg, JsOptions,
    STOP,
};
use super::slot::{Slot, Slots};
use crate::contract::{Contrast, ErrorKind};
use crate::decimal::signed_decimal;
use crate::dom::net::fetch::EarlyFetch;
use crate::dom::net::read::{self, FeedRead, ReadOptions};
use crate::dom::warn;
use crate::dom::widget::Widget;
use crate::explain::Explain;
use crate::feed::charset;
use crate::options::{Change, Options};
use crate::reading_aids::AidAction;
use crate::state::Action;

thread_local! {
    static WIDGETS: Slots<Widget> = Slots::default();
}

/// Mounts a widget in `element`'s shadow root. `options` is a plain object with the camelCase
/// options of docs/interface.md#options; the element's attributes give the rest. On an element that
/// has a widget already, it returns that widget's handle: with the same options it stays as it is,
/// with another `lang` it switches, with other options it is mounted afresh. `early` is the
/// loader's feed request, started before the wasm arrived (`fetch::EarlyFetch`).
#[wasm_bindgen]
pub fn mount(
    element: Element,
    options: JsValue,
    early: Option<js_sys::Object>,
) -> Result<WidgetHandle, JsValue> {
    let early = early.as_deref().and_then(EarlyFetch::from_js);
    let mut problems = Vec::new();
    let options = Options::read(
        &JsOptions {
            element: &element,
            object: &options,
        },
        &mut problems,
    );
    for problem in &problems {
        warn(&problem.explain());
    }
    if let Some(slot) = WIDGETS.with(|w| w.find(&element)) {
        let mounted = slot.get().map(|w| w.options().change_to(&options));
        match mounted {
            Some(Change::None) => {}
            Some(Change::Language(tag)) => {
                if let Some(widget) = slot.get() {
                    widget.dispatch(Action::LanguageOption(tag));
                }
            }
            Some(Change::Remount) | None => {
                // The old one goes first: the host's shadow root is reused.
                drop(slot.take());
                slot.put(Widget::mount(element, options, early)?);
            }
        }
        return Ok(WidgetHandle { slot });
    }
    let widget = Widget::mount(element.clone(), options, early)?;
    let slot = Slot::new(element, widget);
    WIDGETS.with(|w| w.add(&slot));
    Ok(WidgetHandle { slot })
}

/// What `NewsWidget.mount` resolves to. `destroy()` drops the widget, which is what removes it.
#[wasm_bindgen]
pub struct WidgetHandle {
    slot: Rc<Slot<Widget>>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// One call of the widget's dispatch for every aid of the API (not one inlined in each).
    #[inline(never)]
    fn aid(&self, action: Option<AidAction>) {
        if let Some(action) = action {
            self.with(|w| w.dispatch(Action::Aid(action)));
        }
    }

    fn with(&self, f: impl FnOnce(&Rc<Widget>)) {
        // A clone, not a borrow: the widget may be destroyed from inside (a host listener).
        if let Some(widget) = self.slot.get() {
            f(&widget);
        }
    }

    /// Switches this instance's language and saves it as the reader's choice (site-wide).
    /// `setLanguage(tag, false)` switches this instance only and saves nothing (a site's
    /// own setting, like the `lang` attribute of `<news-widget>`).
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&self, tag: JsValue, remember: Option<bool>) {
        let Some(tag) = text_arg(&tag, "setLanguage(tag)") else {
            return;
        };
        let remember = remember.unwrap_or(true);
        self.with(|w| {
            w.dispatch(Action::ChooseLanguage {
                tag: tag.clone(),
                remember,
                announce: remember,
            })
        });
    }

    /// The BCP 47 tag of the language the UI speaks now.
    #[wasm_bindgen(getter)]
    pub fn language(&self) -> String {
        self.slot.get().map(|w| w.language()).unwrap_or_default()
    }

    /// Sets the font step (0 = 100 %, -1 = 87.5 % … 5 = 200 %), clamped; site-wide.
    #[wasm_bindgen(js_name = setFontStep)]
    pub fn set_font_step(&self, step: JsValue) {
        if let Some(step) = font_step_arg(&step) {
            self.with(|w| w.dispatch(Action::SetFont(step)));
        }
    }

    #[wasm_bindgen(getter, js_name = fontStep)]
    pub fn font_step(&self) -> i32 {
        self.slot.get().map_or(0, |w| w.font().value())
    }

    /// Prints the open article alone; false when no article is open.
    pub fn print(&self) -> bool {
        let mut printed = false;
        self.with(|w| {
            printed = w.article_open();
            w.dispatch(Action::Print);
        });
        printed
    }

    /// Opens the article with this id; false when the feed has no such item (yet).
    pub fn open(&self, id: JsValue) -> bool {
        // A whole number too, as the feed reads `"id": 42`.
        let id = match id.as_f64() {
            Some(n) if n == (n as i64) as f64 => Some(signed_decimal(n as i64)),
            _ => id.as_string(),
        };
        let Some(id) = id else {
            warn("open(id): the id is a string or a whole number");
            return false;
        };
        let mut opened = false;
        self.with(|w| {
            w.dispatch(Action::OpenFromApi { id: id.clone() });
            opened = w.is_open(&id);
        });
        opened
    }

    /// Back to the card list.
    pub fn close(&self) {
        self.with(|w| w.dispatch(Action::Back));
    }

    /// Fetches the feed again.
    pub fn reload(&self) {
        self.with(|w| w.dispatch(Action::Reload));
    }

    /// Reads the open article aloud, or goes on from the pause. The browser may refuse to speak
    /// before the reader has interacted with the page.
    pub fn listen(&self) {
        self.aid(Some(AidAction::Listen));
    }

    /// Stops reading aloud.
    #[wasm_bindgen(js_name = stopListening)]
    pub fn stop_listening(&self) {
        self.aid(Some(STOP));
    }

    /// Sets the line spacing (1, 1.5 or 2: the nearest), site-wide.
    #[wasm_bindgen(js_name = setLineSpacing)]
    pub fn set_line_spacing(&self, value: JsValue) {
        self.aid(spacing_action(&value));
    }

    #[wasm_bindgen(getter, js_name = lineSpacing)]
    pub fn line_spacing(&self) -> f64 {
        self.slot.get().map_or(1.0, |w| w.aids().spacing.number())
    }

    /// Sets the contrast scheme ("site", "dark-on-light", "light-on-dark"), site-wide.
    #[wasm_bindgen(js_name = setContrast)]
    pub fn set_contrast(&self, name: JsValue) {
        self.aid(text_arg(&name, "setContrast(name)").and_then(|n| contrast_action(&n)));
    }

    /// (A JS string made from the name, not a Rust `String`: no copy, no glue for one.)
    #[wasm_bindgen(getter)]
    pub fn contrast(&self) -> JsValue {
        JsValue::from_str(
            self.slot
                .get()
                .map_or(Contrast::Site, |w| w.aids().contrast)
                .name(),
        )
    }

    /// Removes everything the widget added to the page, listeners and requests included.
    pub fn destroy(&self) {
        drop(self.slot.take());
    }

    /// Whether the widget is still on the page (false once destroyed).
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.slot.get().is_some()
    }
}

/// Checks a feed the way the widget reads it, for web teams and tooling (`www/check.html`).
/// `source` is the feed's text or its bytes (`ArrayBuffer`, `Uint8Array`); `options` may give
/// `url` (the base for relative links), `contentType` (the HTTP header, for the charset) and
/// `timezone`. Returns the report, or throws an `Error` with a `kind` when the feed cannot be
/// read at all.
#[wasm_bindgen(js_name = validateFeed)]
pub fn validate_feed(source: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let url = property_text(&options, "url").unwrap_or_else(|| {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .unwrap_or_default()
    });
    let read_options = ReadOptions {
        timezone: property_text(&options, "timezone"),
        whole: true,
    };
    let read = if let Some(text) = source.dyn_ref::<JsString>() {
        // The start is enough to tell JSON from XML; the text stays a JS string.
        let head = String::from(text.trim_start().slice(0, 1024));
        let syntax = charset::sniff_syntax(head.as_bytes());
        read::read_text(text, syntax, &url, &read_options).map(|outcome| FeedRead {
            outcome,
            charset: "utf-8".to_owned(),
            charset_source: charset::CharsetSource::Default,
        })
    } else {
        let bytes = if source.is_instance_of::<Uint8Array>() {
            Uint8Array::from(source)
        } else if source.is_instance_of::<js_sys::ArrayBuffer>() {
            Uint8Array::new(&source)
        } else {
            return Err(js_error(
                ErrorKind::Config,
                "validateFeed: give the feed's text, an ArrayBuffer or a Uint8Array",
            ));
        };
        let content_type = property_text(&options, "contentType");
        read::read_bytes(&bytes, content_type.as_deref(), &url, &read_options)
    };
    let read = read.map_err(|e| js_error(e.kind(), &e.explain()))?;
    Ok(report(&read))
}

fn strings<'a, T: Explain + 'a>(items: impl Iterator<Item = &'a T>) -> js_sys::Array {
    let array = js_sys::Array::new();
    for item in items {
        array.push(&JsValue::from_str(&item.explain()));
    }
    array
}

fn report(read: &FeedRead) -> JsValue {
    let outcome = &read.outcome;
    let report = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&report, &JsValue::from_str(key), &value);
    };
    set("format", outcome.format.name().into());
    set("charset", JsValue::from_str(&read.charset));
    set("charsetSource", read.charset_source.name().into());
    set("items", (outcome.feed.items.len() as u32).into());
    let skipped = outcome.warnings.iter().filter(|w| w.item_skipped()).count();
    set("skipped", (skipped as u32).into());
    set(
        "title",
        outcome
            .feed
            .title
            .as_deref()
            .map_or(JsValue::NULL, JsValue::from_str),
    );
    set(
        "language",
        outcome
            .feed
            .language
            .as_deref()
            .map_or(JsValue::NULL, JsValue::from_str),
    );
    set("warnings", strings(outcome.warnings.iter()).into());
    set(
        "repairs",
        strings(outcome.warnings.iter().filter(|w| w.is_repair())).into(),
    );
    set(
        "skips",
        strings(outcome.warnings.iter().filter(|w| w.item_skipped())).into(),
    );
    set("notes", strings(outcome.notes.iter()).into());
    let first = js_sys::Array::new();
    for item in outcome.feed.items.iter().take(3) {
        let o = js_sys::Object::new();
        let v = &item.versions[0];
        let _ = Reflect::set(&o, &"id".into(), &JsValue::from_str(&item.id));
        let _ = Reflect::set(&o, &"title".into(), &JsValue::from_str(&v.title));
        let date = item.published.map(|t| t.iso_date());
        let _ = Reflect::set(
            &o,
            &"date".into(),
            &date.as_deref().map_or(JsValue::NULL, JsValue::from_str),
        );
        first.push(&o);
    }
    set("first", first.into());
    report.into()
}
