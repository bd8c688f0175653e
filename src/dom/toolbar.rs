//! The reader toolbar on an existing article page (CONTRACT §5): "Fonts: A+ A A-", Print, Print
//! preview and the page's translations, in its own shadow root, for the article element that
//! `for` names. The article is scaled by `zoom::TargetZoom` and never written to; the step is
//! the widget's site-wide one. Owns every listener, sheet, frame and dialog it creates; the
//! markup comes from `toolbar_view`, the printed article from `page_print`.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::{Rc, Weak};

use fluent_bundle::FluentValue;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Event, HtmlElement, ShadowRoot};

use super::listen::Listener;
use super::page_print::{self, PageFacts};
use super::print::{self, PrintFrame};
use super::render::Ctx;
use super::toolbar_view::{self, Preview};
use super::zoom::TargetZoom;
use super::{font_controls, notify, storage, style};
use crate::i18n::{self, Catalog, Localizer};
use crate::prefs::{FontStep, FONT_STEP_KEY};

/// Why a toolbar could not be mounted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ToolbarError {
    /// No `for` option: the toolbar does not know which element is the article.
    NoTarget,
    /// `for` names an id that no element of the page has.
    TargetNotFound { id: String },
    /// The element already holds a toolbar, a widget or a shadow root of its own.
    HostTaken,
    /// The element is not in a document.
    NoDocument,
    /// The browser refused a DOM call.
    Dom { detail: String },
}

impl ToolbarError {
    /// The `kind` of the `news-widget:error` event the loader reports it with.
    pub fn kind(&self) -> &'static str {
        match self {
            ToolbarError::Dom { .. } => "load",
            _ => "config",
        }
    }
}

impl fmt::Display for ToolbarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ToolbarError::NoTarget => write!(f, "the toolbar needs for=\"id of the article\""),
            ToolbarError::TargetNotFound { id } => {
                write!(f, "no element with id \"{id}\" for the toolbar")
            }
            ToolbarError::HostTaken => write!(
                f,
                "this element already has a toolbar, a widget or a shadow root; destroy() it first"
            ),
            ToolbarError::NoDocument => write!(f, "the toolbar element is not in a document"),
            ToolbarError::Dom { detail } => write!(f, "the browser refused: {detail}"),
        }
    }
}

impl From<JsValue> for ToolbarError {
    fn from(error: JsValue) -> ToolbarError {
        let detail = error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| error.as_string())
            .unwrap_or_default();
        ToolbarError::Dom { detail }
    }
}

/// Options of `mountToolbar`, merged from attributes and the JS call by the loader.
pub struct ToolbarOptions {
    /// The id of the article element.
    pub target: Option<String>,
    /// The toolbar's UI language; `None` follows the page's `<html lang>`.
    pub lang: Option<String>,
}

thread_local! {
    static LIVE: RefCell<Vec<Weak<Toolbar>>> = const { RefCell::new(Vec::new()) };
}

/// A font step chosen elsewhere on the page (a widget, another toolbar): every live toolbar
/// but `except` follows it.
pub fn follow_font(step: FontStep, except: Option<&Rc<Toolbar>>) {
    let others: Vec<Rc<Toolbar>> = LIVE.with(|live| {
        live.borrow()
            .iter()
            .filter_map(Weak::upgrade)
            .filter(|t| !t.destroyed.get() && !except.is_some_and(|e| Rc::ptr_eq(e, t)))
            .collect()
    });
    for toolbar in &others {
        toolbar.apply_font(step, false);
    }
}

pub struct Toolbar {
    pub host: Element,
    shadow: ShadowRoot,
    doc: Document,
    root: HtmlElement,
    live: Element,
    target: Element,
    /// The toolbar sits inside its own article: the zoom already scales it.
    inside_target: bool,
    l10n: Localizer,
    /// The article's language: the page's `<html lang>`, else the toolbar's.
    page_lang: String,
    font: Cell<FontStep>,
    zoom: RefCell<Option<TargetZoom>>,
    listeners: RefCell<Vec<Listener>>,
    print_frame: RefCell<Option<PrintFrame>>,
    preview: RefCell<Option<Preview>>,
    destroyed: Cell<bool>,
}

impl Toolbar {
    /// Scales the article to the stored step, then builds the bar: the article is at the
    /// reader's size before the bar appears.
    pub fn mount(host: Element, options: ToolbarOptions) -> Result<Rc<Toolbar>, ToolbarError> {
        let taken = LIVE.with(|live| {
            live.borrow()
                .iter()
                .filter_map(Weak::upgrade)
                .any(|t| t.host == host && !t.destroyed.get())
        });
        if taken {
            return Err(ToolbarError::HostTaken);
        }
        let doc = host.owner_document().ok_or(ToolbarError::NoDocument)?;
        let id = options.target.ok_or(ToolbarError::NoTarget)?;
        let target = doc
            .get_element_by_id(&id)
            .ok_or_else(|| ToolbarError::TargetNotFound { id: id.clone() })?;
        let shadow = match host.shadow_root() {
            Some(existing) if super::widget::is_vacated(&existing) => {
                existing.set_text_content(None);
                existing
            }
            Some(_) => return Err(ToolbarError::HostTaken),
            None => {
                host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?
            }
        };
        style::adopt(&shadow, &doc)?;

        let font = storage::read(FONT_STEP_KEY)
            .map(|s| FontStep::parse_stored(&s))
            .unwrap_or_default();
        let zoom = TargetZoom::new(&doc, &id, font)?;

        let mut errors = Vec::new();
        let catalog = Catalog::built_in(&mut errors);
        let html_lang = doc
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .filter(|l| !l.trim().is_empty());
        let l10n = catalog.localizer(&negotiate(&catalog, &options.lang, &html_lang, &doc));
        let ui_lang = l10n.locale().to_string();
        let page_lang = html_lang.clone().unwrap_or_else(|| ui_lang.clone());
        let inside_target = target.contains(Some(&host));

        // An element made by createElement("div") in an HTML document is an HTMLDivElement.
        let root: HtmlElement = doc.create_element("div")?.unchecked_into();
        root.set_class_name("nw page-toolbar");
        root.set_attribute("lang", &ui_lang)?;
        let own_scale = if inside_target {
            FontStep::DEFAULT
        } else {
            font
        };
        root.style()
            .set_property("--nw-scale", &own_scale.scale_css())?;
        let links = toolbar_view::language_links(&doc, html_lang.as_deref());
        {
            let base = doc.base_uri().ok().flatten().unwrap_or_default();
            let ctx = Ctx::new(&doc, &l10n, &base, &[]);
            root.append_child(&toolbar_view::bar(&ctx, font, &links))?;
        }
        let live = doc.create_element("div")?;
        live.set_class_name("sr-only");
        live.set_attribute("role", "status")?;
        live.set_attribute("aria-live", "polite")?;
        root.append_child(&live)?;
        shadow.append_child(&root)?;

        let toolbar = Rc::new(Toolbar {
            host,
            shadow,
            doc,
            root,
            live,
            target,
            inside_target,
            l10n,
            page_lang,
            font: Cell::new(font),
            zoom: RefCell::new(Some(zoom)),
            listeners: RefCell::new(Vec::new()),
            print_frame: RefCell::new(None),
            preview: RefCell::new(None),
            destroyed: Cell::new(false),
        });
        toolbar.listen();
        LIVE.with(|live| {
            let mut live = live.borrow_mut();
            live.retain(|t| t.strong_count() > 0);
            live.push(Rc::downgrade(&toolbar));
        });
        Ok(toolbar)
    }

    fn listen(self: &Rc<Self>) {
        let weak = Rc::downgrade(self);
        let with = move |f: fn(&Rc<Toolbar>, &Event)| {
            let weak = weak.clone();
            move |event: Event| {
                if let Some(t) = weak.upgrade().filter(|t| !t.destroyed.get()) {
                    f(&t, &event);
                }
            }
        };
        let mut listeners = self.listeners.borrow_mut();
        listeners.push(Listener::new(&self.shadow, "click", with(Self::on_click)));
        listeners.push(Listener::new(&self.shadow, "keydown", with(Self::on_key)));
        if let Some(window) = self.doc.default_view() {
            // A widget or toolbar in another tab changed the step.
            listeners.push(Listener::new(&window, "storage", with(Self::on_storage)));
        }
    }

    fn on_click(self: &Rc<Self>, event: &Event) {
        let Some(control) = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-action]").ok().flatten())
        else {
            return;
        };
        if control.get_attribute("aria-disabled").as_deref() == Some("true") {
            return;
        }
        match control.get_attribute("data-action").as_deref() {
            Some("font-larger") => self.set_font(self.font().larger()),
            Some("font-smaller") => self.set_font(self.font().smaller()),
            Some("font-reset") => self.set_font(FontStep::DEFAULT),
            Some("print") => {
                self.print();
            }
            Some("preview") => self.open_preview(),
            Some("close-preview") => self.close_preview(),
            _ => {}
        }
    }

    fn on_key(self: &Rc<Self>, event: &Event) {
        let Some(key) = super::listen::shortcut_key(event) else {
            return;
        };
        if let Some(step) = self.font().after_key(&key) {
            self.set_font(step);
            event.prevent_default();
        }
    }

    fn on_storage(self: &Rc<Self>, event: &Event) {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        if event.key().as_deref() == Some(FONT_STEP_KEY) {
            let step = event
                .new_value()
                .map(|v| FontStep::parse_stored(&v))
                .unwrap_or_default();
            self.apply_font(step, false);
        }
    }

    pub fn font(&self) -> FontStep {
        self.font.get()
    }

    /// The reader (or the API) changed the step: apply it here, remember it site-wide, and
    /// tell every other toolbar and widget on the page.
    pub fn set_font(self: &Rc<Self>, step: FontStep) {
        storage::write(FONT_STEP_KEY, &step.to_stored());
        self.apply_font(step, true);
        follow_font(step, Some(self));
        super::embed::follow_font(step);
    }

    fn apply_font(&self, step: FontStep, announce: bool) {
        let changed = self.font() != step;
        if !changed && !announce {
            return;
        }
        self.font.set(step);
        if let Some(zoom) = self.zoom.borrow().as_ref() {
            zoom.apply(step);
        }
        if !self.inside_target {
            let _ = self
                .root
                .style()
                .set_property("--nw-scale", &step.scale_css());
        }
        font_controls::update_font_buttons(&self.root, step);
        if announce {
            let text = self.l10n.format(
                "font-size-changed",
                &[("percent", FluentValue::from(step.percent_text()))],
                &mut Vec::new(),
            );
            notify::announce(&self.live, &text.text);
        }
        // Pressing + at 200 % still says the size; only a change is an event.
        if changed {
            let scale = step.per_mille() as f64 / 1000.0;
            notify::emit(
                &self.host,
                "news-widget:fontsizechange",
                &[("step", step.value().into()), ("scale", scale.into())],
            );
        }
    }

    /// The printed article: the target cleaned, headed by the page's title and date.
    fn article_copy(&self) -> (Element, String) {
        let facts = PageFacts::read(&self.doc, &self.target);
        let base = self.doc.base_uri().ok().flatten().unwrap_or_default();
        let ctx = Ctx::new(&self.doc, &self.l10n, &base, &[]);
        let copy = page_print::article_copy(&ctx, &self.target, &facts, &self.page_lang);
        (copy, facts.title)
    }

    /// Prints the article alone from a frame of its own.
    pub fn print(self: &Rc<Self>) -> bool {
        if self.destroyed.get() {
            return false;
        }
        self.print_frame.borrow_mut().take();
        let (copy, title) = self.article_copy();
        let weak = Rc::downgrade(self);
        let on_done = move |_| {
            let weak = weak.clone();
            // Not from inside the frame's own listener: that would drop the running closure.
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(t) = weak.upgrade() {
                    t.print_frame.borrow_mut().take();
                }
            });
        };
        let printed = print::print_article(
            &self.shadow,
            &copy,
            &self.page_lang,
            &title,
            &self.font().scale_css(),
            on_done,
        );
        match printed {
            Ok(frame) => {
                *self.print_frame.borrow_mut() = Some(frame);
                true
            }
            Err(error) => {
                web_sys::console::warn_1(&JsValue::from_str(&format!(
                    "news-widget: print failed: {}",
                    ToolbarError::from(error)
                )));
                false
            }
        }
    }

    /// Shows the printed article in a modal dialog, with Print and Close.
    fn open_preview(self: &Rc<Self>) {
        if self.preview.borrow().is_some() {
            return;
        }
        let (copy, _) = self.article_copy();
        let _ = copy.class_list().add_1("print-layout");
        let base = self.doc.base_uri().ok().flatten().unwrap_or_default();
        let ctx = Ctx::new(&self.doc, &self.l10n, &base, &[]);
        let dialog = toolbar_view::preview_dialog(&ctx, copy);
        if self.root.append_child(&dialog).is_err() {
            return;
        }
        let weak = Rc::downgrade(self);
        // Escape closes a modal dialog by itself: tidy up after any close.
        let closed = Listener::new(&dialog, "close", move |_| {
            let weak = weak.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(t) = weak.upgrade() {
                    t.preview.borrow_mut().take();
                }
            });
        });
        let shown = dialog.show_modal();
        *self.preview.borrow_mut() = Some(Preview::new(dialog, closed));
        if shown.is_err() {
            self.preview.borrow_mut().take();
        }
    }

    fn close_preview(&self) {
        // Closing fires "close", whose listener drops the preview.
        if let Some(preview) = self.preview.borrow().as_ref() {
            preview.close();
        }
    }

    /// Removes everything the toolbar added: the article's sheet, listeners, frame, dialog and
    /// shadow content. The (now empty) shadow root stays, as the platform cannot remove one.
    pub fn destroy(&self) {
        if self.destroyed.replace(true) {
            return;
        }
        self.listeners.borrow_mut().clear();
        self.print_frame.borrow_mut().take();
        self.preview.borrow_mut().take();
        self.zoom.borrow_mut().take();
        while let Some(child) = self.shadow.first_child() {
            let _ = self.shadow.remove_child(&child);
        }
        style::release(&self.shadow);
        // The host's own children (a site's fallback) show again, as before mount.
        if let Ok(slot) = self.doc.create_element("slot") {
            let _ = self.shadow.append_child(&slot);
        }
        LIVE.with(|live| {
            live.borrow_mut()
                .retain(|t| t.upgrade().is_some_and(|t| !t.destroyed.get()))
        });
    }

    pub fn is_destroyed(&self) -> bool {
        self.destroyed.get()
    }
}

/// The toolbar's language: the `lang` option, else the page's `<html lang>`, else the
/// browser's languages, else English (the widget's negotiation without the saved choice: the
/// bar speaks the page's language).
fn negotiate(
    catalog: &Catalog,
    option: &Option<String>,
    html_lang: &Option<String>,
    doc: &Document,
) -> unic_langid::LanguageIdentifier {
    let mut requested: Vec<String> = option.iter().chain(html_lang).cloned().collect();
    if option.is_none() {
        if let Some(window) = doc.default_view() {
            requested.extend(
                window
                    .navigator()
                    .languages()
                    .iter()
                    .filter_map(|t| t.as_string()),
            );
        }
    }
    let refs: Vec<&str> = requested.iter().map(String::as_str).collect();
    i18n::negotiate_locale(&refs, &catalog.locales())
}
