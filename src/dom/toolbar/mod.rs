//! The reader toolbar on an existing article page (docs/interface.md#the-reader-toolbar):
//! "Fonts: A+ A A-", Print, Print preview and the page's translations, in its own shadow root, for
//! the article element that `for` names. The article is scaled by `zoom::TargetZoom` and never written to; the step is
//! the widget's site-wide one. Owns every listener, sheet, frame and dialog it creates; the
//! markup comes from `view`, the printed article from `page_print`.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, ShadowRoot};

use crate::command::{key_command, Command, KeyCommand};
use crate::contract::{Event as HostEvent, FontStep, MountError};
use crate::dom::page::shadow;
use crate::dom::page::site::{self, Member, Membership};
use crate::dom::parts::controls;
use crate::dom::parts::ctx::Ctx;
use crate::dom::parts::listen::Listener;
use crate::dom::parts::notify;
use crate::dom::parts::print::{self, PrintFrame};
use crate::dom::warn;
use crate::i18n::{Arg, Localizer};
use crate::lang;

pub(crate) mod page_print;
pub(crate) mod view;
pub(crate) mod zoom;

use page_print::PageFacts;
use view::Preview;
use zoom::TargetZoom;

/// Options of `mountToolbar`, from the JS call and the element's attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ToolbarOptions {
    /// The id of the article element.
    pub target: Option<String>,
    /// The toolbar's UI language; `None` follows the page's `<html lang>`.
    pub lang: Option<String>,
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
    membership: RefCell<Option<Membership>>,
    options: ToolbarOptions,
}

impl Toolbar {
    /// Scales the article to the stored step, then builds the bar: the article is at the
    /// reader's size before the bar appears.
    pub fn mount(host: Element, options: ToolbarOptions) -> Result<Rc<Toolbar>, MountError> {
        let doc = host.owner_document().ok_or(MountError::NoDocument)?;
        let id = options.target.clone().ok_or(MountError::NoTarget)?;
        let target = doc
            .get_element_by_id(&id)
            .ok_or_else(|| MountError::TargetNotFound { id: id.clone() })?;
        let shadow = shadow::claim(&host, &doc)?;

        let font = site::font_step();
        let zoom = TargetZoom::new(&doc, &id, font)?;

        let catalog = site::built_in_catalog();
        let html_lang = doc
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .filter(|l| !l.trim().is_empty());
        let l10n = catalog.localizer(&negotiate(
            &catalog.locales(),
            &options.lang,
            &html_lang,
            &doc,
        ));
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
        let links = view::language_links(&doc, html_lang.as_deref());
        {
            let base = doc.base_uri().ok().flatten().unwrap_or_default();
            let ctx = Ctx::new(&doc, &l10n, &base, &[]);
            root.append_child(&view::bar(&ctx, font, &links))?;
        }
        let live = shadow::live_region(&doc)?;
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
            membership: RefCell::new(None),
            options,
        });
        let member: Weak<dyn Member> = Rc::downgrade(&(Rc::clone(&toolbar) as Rc<dyn Member>));
        *toolbar.membership.borrow_mut() = Some(site::join(member));
        toolbar.listen();
        Ok(toolbar)
    }

    fn listen(self: &Rc<Self>) {
        let weak = Rc::downgrade(self);
        let with = move |f: fn(&Rc<Toolbar>, &Event)| {
            let weak = weak.clone();
            move |event: Event| {
                if let Some(t) = weak.upgrade() {
                    f(&t, &event);
                }
            }
        };
        *self.listeners.borrow_mut() = vec![
            Listener::new(&self.shadow, "click", with(Self::on_click)),
            Listener::new(&self.shadow, "keydown", with(Self::on_key)),
        ];
    }

    fn on_click(self: &Rc<Self>, event: &Event) {
        let Some(control) = crate::dom::parts::listen::clicked_control(event) else {
            return;
        };
        let action = control.get_attribute("data-action").unwrap_or_default();
        if action == view::CLOSE_PREVIEW {
            return self.close_preview();
        }
        match Command::from_action(&action) {
            Some(Command::Print) => {
                self.print();
            }
            Some(Command::Preview) => self.open_preview(),
            Some(command) => {
                if let Some(step) = self.font().after(command) {
                    self.set_font(step);
                }
            }
            None => {}
        }
    }

    fn on_key(self: &Rc<Self>, event: &Event) {
        let Some(key) = crate::dom::parts::listen::shortcut_key(event) else {
            return;
        };
        if let Some(KeyCommand::Font(command)) = key_command(&key) {
            if let Some(step) = self.font().after(command) {
                self.set_font(step);
                event.prevent_default();
            }
        }
    }

    pub fn options(&self) -> ToolbarOptions {
        self.options.clone()
    }

    pub fn font(&self) -> FontStep {
        self.font.get()
    }

    /// The reader (or the API) changed the step: apply it here, remember it site-wide, and
    /// tell every other toolbar and widget on the page.
    pub fn set_font(self: &Rc<Self>, step: FontStep) {
        self.apply_font(step, true);
        if let Some(membership) = &*self.membership.borrow() {
            site::share_font(step, membership);
        }
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
        controls::update_font_buttons(&self.root, step);
        if announce {
            let text = self.l10n.format(
                "font-size-changed",
                &[("percent", Arg::from(step.percent_text()))],
                &mut Vec::new(),
            );
            notify::announce(&self.live, &text.text);
        }
        // Pressing + at 200 % still says the size; only a change is an event.
        if changed {
            notify::emit(&self.host, &HostEvent::FontSizeChange { step });
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
                warn(&format!("print failed: {}", MountError::from(error)));
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
        let dialog = view::preview_dialog(&ctx, copy);
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
}

impl Member for Toolbar {
    fn host(&self) -> Element {
        self.host.clone()
    }

    fn font_shared(self: Rc<Self>, step: FontStep) {
        self.apply_font(step, false);
    }

    /// The bar speaks the page's language, whatever the reader chose for the news.
    fn language_shared(self: Rc<Self>, _tag: &str) {}
}

impl Drop for Toolbar {
    /// Everything the toolbar added goes: the article's sheet, listeners, frame, dialog and
    /// membership with the fields; the shadow content here.
    fn drop(&mut self) {
        shadow::vacate(&self.shadow, &self.doc);
    }
}

/// The toolbar's language: the `lang` option, else the page's `<html lang>`, else the
/// browser's languages, else English (the widget's negotiation without the saved choice: the
/// bar speaks the page's language).
fn negotiate(
    available: &[unic_langid::LanguageIdentifier],
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
    lang::negotiate_locale(&refs, available)
}
