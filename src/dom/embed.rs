//! The JavaScript face of the widget (CONTRACT §2): `mount(element, options)` and the handle
//! it returns, plus the page-wide registry through which instances share the reader's font
//! size and language. The loader (`js/news-widget.js`) wraps these in `window.NewsWidget`.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::fetch::EarlyFetch;
use super::load::{self, FeedRead, ReadOptions};
use super::widget::{Options, Widget};
use crate::feed::charset;
use crate::i18n::BUILT_IN;
use crate::prefs::FontStep;

const DEFAULT_PAGE_SIZE: usize = 10;

thread_local! {
    static LIVE: RefCell<Vec<Weak<Widget>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` on every live widget on the page except `me`.
pub(super) fn for_each_other(me: &Rc<Widget>, f: impl Fn(&Rc<Widget>)) {
    let others: Vec<Rc<Widget>> = LIVE.with(|live| {
        live.borrow()
            .iter()
            .filter_map(Weak::upgrade)
            .filter(|w| !Rc::ptr_eq(w, me) && !w.is_destroyed())
            .collect()
    });
    for other in &others {
        f(other);
    }
}

/// A font step chosen outside the widgets (the page toolbar): every live widget follows it.
pub(super) fn follow_font(step: FontStep) {
    let all: Vec<Rc<Widget>> = LIVE.with(|live| {
        live.borrow()
            .iter()
            .filter_map(Weak::upgrade)
            .filter(|w| !w.is_destroyed())
            .collect()
    });
    for widget in &all {
        widget.apply_font(step, false);
    }
}

pub(super) fn option_string(options: &JsValue, name: &str) -> Option<String> {
    let value = Reflect::get(options, &JsValue::from_str(name)).ok()?;
    if let Some(s) = value.as_string() {
        let s = s.trim().to_string();
        return (!s.is_empty()).then_some(s);
    }
    // Numbers (pageSize: 5) arrive as JS numbers; whole ones are read without float printing.
    value
        .as_f64()
        .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n < 1e9)
        .map(|n| (n as u64).to_string())
}

/// A number option given as a JS number or as text (`data-timeout="2.5"`).
fn option_number(options: &JsValue, name: &str) -> Option<f64> {
    let value = Reflect::get(options, &JsValue::from_str(name)).ok()?;
    value
        .as_f64()
        .or_else(|| value.as_string()?.trim().parse().ok())
}

/// The `feeds` option, `{ zh: "/cn/rss.xml", ko: "/kr/rss.xml" }`: one feed per language, in
/// the object's own order. Keys that are no language tag are skipped with a warning.
fn option_feeds(options: &JsValue) -> Vec<(String, String)> {
    let Ok(feeds) = Reflect::get(options, &JsValue::from_str("feeds")) else {
        return Vec::new();
    };
    if !feeds.is_object() {
        return Vec::new();
    }
    let Ok(keys) = Reflect::own_keys(&feeds) else {
        return Vec::new();
    };
    keys.iter()
        .filter_map(|key| {
            let tag = key.as_string()?;
            let url = option_string(&feeds, &tag)?;
            if crate::i18n::parse_tag(&tag).is_err() {
                web_sys::console::warn_1(&JsValue::from_str(&format!(
                    "news-widget: feeds option \"{tag}\" is not a language tag; ignored"
                )));
                return None;
            }
            Some((tag, url))
        })
        .collect()
}

fn parse_options(options: &JsValue) -> Options {
    let lang = option_string(options, "lang").filter(|l| !l.eq_ignore_ascii_case("auto"));
    let page_size = option_string(options, "pageSize")
        .and_then(|s| s.parse::<usize>().ok())
        .filter(|n| (1..=100).contains(n))
        .unwrap_or(DEFAULT_PAGE_SIZE);
    let languages = option_string(options, "languages")
        .map(|list| {
            list.split([',', ' '])
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|list| !list.is_empty())
        .unwrap_or_else(|| BUILT_IN.iter().map(|b| b.tag.to_string()).collect());
    Options {
        feeds: option_feeds(options),
        timezone: option_string(options, "timezone"),
        timeout_ms: crate::refresh::timeout_ms(option_number(options, "timeout")),
        feed: option_string(options, "feed"),
        lang,
        page_size,
        article: option_string(options, "article"),
        locales: option_string(options, "locales"),
        languages,
    }
}

/// Mounts a widget in `element`'s shadow root. `options` is a plain object with the camelCase
/// options of CONTRACT §1 (`feed`, `lang`, `pageSize`, `article`, `locales`, `languages`).
/// `early` is the loader's feed request, started before the wasm arrived (`fetch::EarlyFetch`);
/// without it the widget sends its own.
#[wasm_bindgen]
pub fn mount(
    element: Element,
    options: JsValue,
    early: Option<js_sys::Object>,
) -> Result<WidgetHandle, JsValue> {
    let early = early.as_deref().and_then(EarlyFetch::from_js);
    let already = LIVE.with(|live| {
        live.borrow()
            .iter()
            .filter_map(Weak::upgrade)
            .any(|w| w.host == element && !w.is_destroyed())
    });
    if already {
        return Err(JsValue::from_str(
            "news-widget: this element already has a widget; destroy() it first",
        ));
    }
    let widget = Widget::mount(element, parse_options(&options), early)?;
    LIVE.with(|live| {
        let mut live = live.borrow_mut();
        live.retain(|w| w.strong_count() > 0);
        live.push(Rc::downgrade(&widget));
    });
    Ok(WidgetHandle { widget })
}

/// What `NewsWidget.mount` resolves to.
#[wasm_bindgen]
pub struct WidgetHandle {
    widget: Rc<Widget>,
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Switches this instance's language and saves it as the reader's choice (site-wide).
    /// `setLanguage(tag, false)` switches this instance only and saves nothing (a site's
    /// own setting, like the `lang` attribute of `<news-widget>`).
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&self, tag: &str, remember: Option<bool>) {
        if self.widget.is_destroyed() {
            return;
        }
        if remember.unwrap_or(true) {
            self.widget.choose_language(tag);
        } else {
            self.widget.change_language(tag, false);
        }
    }

    /// The BCP 47 tag of the language the UI speaks now.
    #[wasm_bindgen(getter)]
    pub fn language(&self) -> String {
        self.widget.language()
    }

    /// Sets the font step (0 = 100 %, -1 = 87.5 % … 5 = 200 %), clamped; site-wide.
    #[wasm_bindgen(js_name = setFontStep)]
    pub fn set_font_step(&self, step: i32) {
        if !self.widget.is_destroyed() {
            self.widget.set_font(FontStep::clamped(step));
        }
    }

    #[wasm_bindgen(getter, js_name = fontStep)]
    pub fn font_step(&self) -> i32 {
        self.widget.font().value()
    }

    /// Prints the open article alone; false when no article is open.
    pub fn print(&self) -> bool {
        !self.widget.is_destroyed() && self.widget.print()
    }

    /// Opens the article with this id; false when the feed has no such item (yet).
    pub fn open(&self, id: &str) -> bool {
        !self.widget.is_destroyed() && self.widget.open(id)
    }

    /// Back to the card list.
    pub fn close(&self) {
        if !self.widget.is_destroyed() {
            self.widget.close();
        }
    }

    /// Fetches the feed again.
    pub fn reload(&self) {
        if !self.widget.is_destroyed() {
            self.widget.reload();
        }
    }

    /// Removes everything the widget added to the page, listeners and requests included.
    pub fn destroy(&self) {
        self.widget.destroy();
        LIVE.with(|live| {
            live.borrow_mut()
                .retain(|w| w.upgrade().is_some_and(|w| !w.is_destroyed()))
        });
    }
}

/// Checks a feed the way the widget reads it, for web teams and tooling (`www/check.html`).
/// `source` is the feed's text or its bytes (`ArrayBuffer`, `Uint8Array`); `options` may give
/// `url` (the base for relative links), `contentType` (the HTTP header, for the charset) and
/// `timezone`. Returns the report, or throws an `Error` with a `kind` when the feed cannot be
/// read at all.
#[wasm_bindgen(js_name = validateFeed)]
pub fn validate_feed(source: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let url = option_string(&options, "url").unwrap_or_else(|| {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .unwrap_or_default()
    });
    let read_options = ReadOptions {
        timezone: option_string(&options, "timezone"),
    };
    let read = if let Some(text) = source.as_string() {
        let syntax = charset::sniff_syntax(text.trim_start().as_bytes());
        load::read_text(&text, syntax, &url, &read_options).map(|outcome| FeedRead {
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
                "config",
                "validateFeed: give the feed's text, an ArrayBuffer or a Uint8Array",
            ));
        };
        let content_type = option_string(&options, "contentType");
        load::read_bytes(&bytes, content_type.as_deref(), &url, &read_options)
    };
    let read = read.map_err(|e| js_error(e.kind(), &e.to_string()))?;
    Ok(report(&read))
}

/// An `Error` with a `kind`, as the loader's callers catch it.
fn js_error(kind: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    let _ = Reflect::set(&error, &"kind".into(), &JsValue::from_str(kind));
    error.into()
}

fn strings<T: ToString>(items: impl Iterator<Item = T>) -> js_sys::Array {
    let array = js_sys::Array::new();
    for item in items {
        array.push(&JsValue::from_str(&item.to_string()));
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
