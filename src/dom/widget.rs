//! One mounted widget: its state, mounting and teardown. It owns every listener, request and
//! frame it creates; `destroy` drops them all. Its behaviour is in the submodules: `events`
//! (clicks and keys), `loading` (what a loaded feed does), `refresh` (kept-first loads, in-place
//! updates), `navigation` (article, more, preview, print), `settings` (font step, language) and
//! `view` (state into the shadow tree, focus, announcements, events).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use unic_langid::LanguageIdentifier;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortController, Document, Element, HtmlElement, ShadowRoot};

use super::fetch::EarlyFetch;
use super::listen::Listener;
use super::load::LoadError;
use super::print::PrintFrame;
use super::sources::FeedSources;
use super::{storage, style};
use crate::feed::{Feed, Item, ItemError};
use crate::i18n::{self, Catalog, I18nError, Localizer};
use crate::prefs::{FontStep, FONT_STEP_KEY, LANGUAGE_KEY};

mod events;
mod loading;
mod navigation;
mod refresh;
mod settings;
mod view;

/// Options of CONTRACT §1, already merged from attributes and the JS call by the loader.
#[derive(Clone, Debug)]
pub struct Options {
    pub feed: Option<String>,
    /// `None` for `auto`.
    pub lang: Option<String>,
    pub page_size: usize,
    pub article: Option<String>,
    pub locales: Option<String>,
    /// Languages offered in the language control; defaults to the built-in three.
    pub languages: Vec<String>,
    /// One feed per language (`feed-<lang>`): (tag, URL).
    pub feeds: Vec<(String, String)>,
    /// IANA zone for feed times written without an offset.
    pub timezone: Option<String>,
    /// How long a feed or locale request may take (the `timeout` option, default 10 s).
    pub timeout_ms: u32,
}

enum Load {
    Loading,
    Failed(LoadError),
    Ready(Rc<Feed>),
}

enum View {
    List,
    Article(String),
}

struct State {
    load: Load,
    view: View,
    shown: usize,
    preview: bool,
    font: FontStep,
    /// The `article` option named an id the feed does not have.
    not_found: bool,
    /// The `article` option is still to be opened after the first load.
    pending_article: Option<String>,
    /// The open article, kept from the previous language's feed when the new one has no
    /// translation of it (it stays, with the untranslated notice).
    held: Option<Rc<Item>>,
}

pub struct Widget {
    pub host: Element,
    shadow: ShadowRoot,
    doc: Document,
    root: HtmlElement,
    view: Element,
    live: Element,
    pub options: Options,
    sources: FeedSources,
    /// The feed shown, or loading: its URL is the base for the items' relative URLs.
    feed_url: RefCell<String>,
    state: RefCell<State>,
    catalog: RefCell<Catalog>,
    l10n: RefCell<Localizer>,
    /// The negotiated locale, which may be one still to load through the `locales` option
    /// (while it loads, `l10n` speaks English).
    wanted: RefCell<LanguageIdentifier>,
    /// Locales whose run-time resource (the `locales` option) was already requested.
    fetched_locales: RefCell<Vec<LanguageIdentifier>>,
    listeners: RefCell<Vec<Listener>>,
    requests: RefCell<Vec<AbortController>>,
    /// The feed request the loader started before the wasm arrived, until the first load takes
    /// it over (or drops it, which aborts it).
    early: RefCell<Option<EarlyFetch>>,
    print_frame: RefCell<Option<PrintFrame>>,
    /// Where the news on screen came from and whether its last refresh failed.
    freshness: RefCell<refresh::Freshness>,
    ready_sent: Cell<bool>,
    destroyed: Cell<bool>,
    /// Bumped by every load and every language change: a future that finishes after a newer
    /// one started must not apply its stale result.
    load_generation: Cell<u32>,
    language_generation: Cell<u32>,
}

fn warn(text: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("news-widget: {text}")));
}

fn log_i18n(errors: &[I18nError]) {
    for error in errors {
        warn(&error.to_string());
    }
}

impl Widget {
    /// Builds the shadow tree and starts loading. Preferences are read first, so the very
    /// first paint already has the reader's font size and language.
    pub fn mount(
        host: Element,
        options: Options,
        early: Option<EarlyFetch>,
    ) -> Result<Rc<Widget>, JsValue> {
        let doc = host
            .owner_document()
            .ok_or("news-widget: host element has no document")?;
        let shadow = match host.shadow_root() {
            // A shadow root left by an earlier destroy() (empty but for the slot that shows the
            // host's own content again) is ours to reuse: it cannot be removed from its host.
            Some(existing) if is_vacated(&existing) => {
                existing.set_text_content(None);
                existing
            }
            Some(_) => return Err("news-widget: the element already has a shadow root".into()),
            None => {
                host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?
            }
        };
        style::adopt(&shadow, &doc)?;

        let mut errors = Vec::new();
        let catalog = Catalog::built_in(&mut errors);
        log_i18n(&errors);
        let locale = negotiate(&catalog, &options, &doc);
        let l10n = catalog.localizer(&locale);
        let font = storage::read(FONT_STEP_KEY)
            .map(|s| FontStep::parse_stored(&s))
            .unwrap_or_default();

        let root: HtmlElement = doc.create_element("div")?.dyn_into()?;
        root.set_class_name("nw");
        root.set_attribute("part", "root")?;
        // A named landmark: pages with several widgets list each one ("News", "新闻", "소식").
        root.set_attribute("role", "region")?;
        root.set_attribute("lang", &l10n.locale().to_string())?;
        root.style().set_property("--nw-scale", &font.scale_css())?;
        let view = doc.create_element("div")?;
        view.set_class_name("view");
        let live = doc.create_element("div")?;
        live.set_class_name("sr-only");
        live.set_attribute("role", "status")?;
        live.set_attribute("aria-live", "polite")?;
        root.append_child(&view)?;
        root.append_child(&live)?;
        shadow.append_child(&root)?;

        let sources = FeedSources::new(options.feed.as_deref(), &options.feeds, &doc);
        let feed_url = RefCell::new(sources.url_for(&locale.to_string()));

        let widget = Rc::new(Widget {
            host,
            shadow,
            doc,
            root,
            view,
            live,
            sources,
            feed_url,
            state: RefCell::new(State {
                load: Load::Loading,
                view: View::List,
                shown: options.page_size,
                preview: false,
                font,
                not_found: false,
                pending_article: options.article.clone(),
                held: None,
            }),
            options,
            catalog: RefCell::new(catalog),
            l10n: RefCell::new(l10n),
            wanted: RefCell::new(locale),
            fetched_locales: RefCell::new(Vec::new()),
            listeners: RefCell::new(Vec::new()),
            requests: RefCell::new(Vec::new()),
            early: RefCell::new(early),
            print_frame: RefCell::new(None),
            freshness: RefCell::default(),
            ready_sent: Cell::new(false),
            destroyed: Cell::new(false),
            load_generation: Cell::new(0),
            language_generation: Cell::new(0),
        });
        widget.listen();
        widget.refresh(refresh::Trigger::Mount);
        Ok(widget)
    }

    fn listen(self: &Rc<Self>) {
        let mut listeners = self.listeners.borrow_mut();
        let weak = Rc::downgrade(self);
        listeners.push(Listener::new(&self.shadow, "click", {
            let weak = weak.clone();
            move |event| {
                if let Some(w) = weak.upgrade() {
                    w.on_click(&event);
                }
            }
        }));
        listeners.push(Listener::new(&self.shadow, "keydown", {
            let weak = weak.clone();
            move |event| {
                if let Some(w) = weak.upgrade() {
                    w.on_key(&event);
                }
            }
        }));
        if let Some(window) = self.doc.default_view() {
            // Another tab changed a site-wide preference.
            listeners.push(Listener::new(&window, "storage", move |event| {
                if let (Some(w), Some(event)) =
                    (weak.upgrade(), event.dyn_ref::<web_sys::StorageEvent>())
                {
                    match event.key().as_deref() {
                        Some(FONT_STEP_KEY) => {
                            let step = event
                                .new_value()
                                .map(|v| FontStep::parse_stored(&v))
                                .unwrap_or_default();
                            w.apply_font(step, false);
                        }
                        Some(LANGUAGE_KEY) if w.options.lang.is_none() => {
                            if let Some(tag) = event.new_value() {
                                w.change_language(&tag, false);
                            }
                        }
                        _ => {}
                    }
                }
            }));
        }
        self.listen_online(&mut listeners);
    }

    // -----------------------------------------------------------------------------------------
    // Events.

    fn abort_requests(&self) {
        for controller in self.requests.borrow_mut().drain(..) {
            controller.abort();
        }
    }

    // -----------------------------------------------------------------------------------------
    // Rendering.

    /// Removes everything this widget added: listeners, requests, print frame, shadow content
    /// and styles. The (now empty) shadow root stays, as the platform cannot remove one.
    pub fn destroy(&self) {
        if self.destroyed.replace(true) {
            return;
        }
        self.listeners.borrow_mut().clear();
        self.early.borrow_mut().take();
        self.abort_requests();
        self.print_frame.borrow_mut().take();
        while let Some(child) = self.shadow.first_child() {
            let _ = self.shadow.remove_child(&child);
        }
        style::release(&self.shadow);
        // The host's own children (the site's fallback link, say) show again, as before mount.
        if let Ok(slot) = self.doc.create_element("slot") {
            let _ = self.shadow.append_child(&slot);
        }
    }

    pub fn is_destroyed(&self) -> bool {
        self.destroyed.get()
    }
}

/// Whether a shadow root is empty or holds only the slot that `destroy` leaves.
pub(super) fn is_vacated(shadow: &ShadowRoot) -> bool {
    match shadow.child_element_count() {
        0 => true,
        1 => shadow
            .first_element_child()
            .is_some_and(|c| c.local_name() == "slot"),
        _ => false,
    }
}

fn warn_item(warning: &ItemError) {
    warn(&warning.to_string());
}

/// `lang` option, else (for `auto`) the saved choice, `<html lang>`, `navigator.languages`,
/// then English.
fn negotiate(catalog: &Catalog, options: &Options, doc: &Document) -> LanguageIdentifier {
    let mut requested: Vec<String> = Vec::new();
    match &options.lang {
        Some(tag) => requested.push(tag.clone()),
        None => {
            requested.extend(storage::read(LANGUAGE_KEY));
            if let Some(html) = doc.document_element().and_then(|e| e.get_attribute("lang")) {
                requested.push(html);
            }
            if let Some(window) = doc.default_view() {
                for tag in window.navigator().languages().iter() {
                    requested.extend(tag.as_string());
                }
            }
        }
    }
    let refs: Vec<&str> = requested.iter().map(String::as_str).collect();
    let mut available = catalog.locales();
    // With a `locales` template, the languages the site offers count as available: their
    // resources load with the feed.
    if options.locales.is_some() {
        for tag in &options.languages {
            if let Ok(id) = i18n::parse_tag(tag) {
                if !available.iter().any(|a| a.language == id.language) {
                    available.push(id);
                }
            }
        }
    }
    i18n::negotiate_locale(&refs, &available)
}
