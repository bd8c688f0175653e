//! The reader toolbar on an existing article page (docs/toolbar.md):
//! "Fonts: A+ A A-", line spacing, contrast, Read aloud, Print, Print preview and the page's
//! translations, in its own shadow root, for the article element that `for` names. The article
//! is styled by `target_style::TargetStyle` and never written to; the step and the aids are the
//! widget's site-wide ones. Like the widget, it runs on the page's queue: clicks and keys become
//! actions, `toolbar::state::update` decides (the font and the aids behave as the widget's), and
//! the effects are carried out here and in `aids`. Owns every listener, sheet, frame, dialog and
//! utterance it creates; the markup comes from `view`, the printed article from `page_print`
//! (`parts::page_copy`).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, ShadowRoot};

use crate::contract::{FontStep, MountError};
use crate::dom::page::languages::{html_lang, page_languages};
use crate::dom::page::shadow;
use crate::dom::page::site::{self, Member, Membership};
use crate::dom::page::tools;
use crate::dom::parts::aid_controls;
use crate::dom::parts::controls;
use crate::dom::parts::ctx::Ctx;
use crate::dom::parts::later;
use crate::dom::parts::listen::{clicked_command, shortcut_key, Listener};
use crate::dom::parts::notify;
use crate::dom::parts::print::{self, PrintFrame};
use crate::dom::parts::runtime::{self, Carrier};
use crate::dom::parts::speech::{self, Speech};
use crate::dom::warn;
use crate::i18n::Localizer;
use crate::reading_aids::AidAction;
use crate::toolbar::state::{self, Action, CopyFor, CopyTicket, Effect, Model};
use crate::ui_language;

mod aids;
pub(crate) mod page_print;
pub(crate) mod target_style;
pub(crate) mod view;

use page_print::Made;
use target_style::TargetStyle;
use view::Preview;

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
    model: RefCell<Model>,
    style: TargetStyle,
    /// Reading the article aloud; none where the browser cannot speak.
    speech: Option<Speech>,
    listeners: RefCell<Vec<Listener>>,
    print_frame: RefCell<Option<PrintFrame>>,
    /// The printed article made for this request (for Print, in its frame), until printed or
    /// previewed.
    copy: RefCell<Option<(CopyTicket, Made)>>,
    preview: RefCell<Option<Preview>>,
    membership: RefCell<Option<Membership>>,
    options: ToolbarOptions,
}

impl Toolbar {
    /// Styles the article as the reader chose (the stored step, spacing and contrast), then
    /// builds the bar: the article is at the reader's size before the bar appears.
    pub fn mount(host: Element, options: ToolbarOptions) -> Result<Rc<Toolbar>, MountError> {
        let doc = host.owner_document().ok_or(MountError::NoDocument)?;
        let id = options.target.clone().ok_or(MountError::NoTarget)?;
        let target = doc
            .get_element_by_id(&id)
            .ok_or_else(|| MountError::TargetNotFound { id: id.clone() })?;
        let shadow = shadow::claim(&host, &doc)?;

        let font = site::font_step();
        let aids = site::aids(speech::pause_cancels());
        let style = TargetStyle::new(&doc, &id, font, aids.spacing, aids.contrast)?;

        let catalog = site::built_in_catalog();
        let html_lang = html_lang(&doc);
        // The bar speaks the page's language, whatever the reader chose for the news: no saved
        // choice among the requests.
        let locale = ui_language::negotiate(
            options.lang.as_deref(),
            &page_languages(&doc),
            &catalog.locales(),
        );
        let l10n = catalog.localizer(&locale);
        let ui_lang = l10n.locale().as_str().to_owned();
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
            root.append_child(&view::bar(&ctx, font, &aids, speech::available(), &links))?;
        }
        aid_controls::show_contrast(&root, aids.contrast);
        let live = shadow::live_region(&doc)?;
        root.append_child(&live)?;
        shadow.append_child(&root)?;

        let toolbar = Rc::new_cyclic(|weak: &Weak<Toolbar>| Toolbar {
            speech: Speech::new(&doc, aids::answer(weak.clone())),
            host,
            shadow,
            doc,
            root,
            live,
            target,
            inside_target,
            l10n,
            page_lang,
            model: RefCell::new(Model::new(font, aids)),
            style,
            listeners: RefCell::new(Vec::new()),
            print_frame: RefCell::new(None),
            copy: RefCell::new(None),
            preview: RefCell::new(None),
            membership: RefCell::new(None),
            options,
        });
        let member: Weak<dyn Member> = Rc::downgrade(&(Rc::clone(&toolbar) as Rc<dyn Member>));
        *toolbar.membership.borrow_mut() = Some(site::join(member));
        toolbar.listen();
        if let Some(speech) = &toolbar.speech {
            speech.voices_now();
        }
        toolbar.show_listen();
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
            Listener::new(&self.shadow, "change", with(Self::on_click)),
            Listener::new(&self.shadow, "pointerover", tools::prefetch),
            Listener::new(&self.shadow, "focusin", tools::prefetch),
        ];
    }

    fn on_click(self: &Rc<Self>, event: &Event) {
        if let Some((command, value)) = clicked_command(event) {
            self.dispatch(Action::Command(command, value));
        }
    }

    fn on_key(self: &Rc<Self>, event: &Event) {
        let Some(key) = shortcut_key(event) else {
            return;
        };
        if state::handles_key(&key) {
            event.prevent_default();
            self.dispatch(Action::Key(key));
        }
    }

    /// The one way the model changes, through the page's queue.
    pub fn dispatch(self: &Rc<Self>, action: Action) {
        runtime::dispatch(self, action);
    }

    pub fn options(&self) -> ToolbarOptions {
        self.options.clone()
    }

    pub fn font(&self) -> FontStep {
        self.model.borrow().font
    }

    /// The line spacing and contrast (what the handle's properties say).
    pub fn aids(&self) -> std::cell::Ref<'_, crate::reading_aids::Aids> {
        std::cell::Ref::map(self.model.borrow(), |m| &m.aids)
    }

    /// `setFontStep()`: the step for this toolbar and the whole site.
    pub fn set_font(self: &Rc<Self>, step: FontStep) {
        self.dispatch(Action::SetFont(step));
    }

    /// The scale of the article, of the bar (unless the article's zoom already scales it) and
    /// the buttons at the ends of the range.
    fn show_font(&self, step: FontStep) {
        self.style.set_step(step);
        if !self.inside_target {
            let _ = self
                .root
                .style()
                .set_property("--nw-scale", &step.scale_css());
        }
        controls::update_font_buttons(&self.root, step);
    }

    /// Makes the printed article for `ticket` (for Print, in its frame), and tells the model
    /// when it is there (at once, or when the print module has made it) or why not.
    fn make_copy(self: &Rc<Self>, ticket: CopyTicket, purpose: CopyFor) {
        let request = page_print::Request {
            target: &self.target,
            lang: &self.page_lang,
            words: page_print::words(&Ctx::new(&self.doc, &self.l10n, "", &[])),
            frame: (purpose == CopyFor::Print).then_some(&self.shadow),
        };
        let weak = Rc::downgrade(self);
        page_print::make(request, move |made| {
            let Some(t) = weak.upgrade() else { return };
            match made {
                Ok(made) => {
                    *t.copy.borrow_mut() = Some((ticket, made));
                    t.dispatch(Action::Copied(ticket));
                }
                Err(why) => {
                    warn(&why);
                    t.dispatch(Action::CopyFailed(ticket));
                }
            }
        });
    }

    /// What was made for `ticket`.
    fn made(&self, ticket: CopyTicket) -> Option<Made> {
        Some(self.copy.borrow_mut().take_if(|(t, _)| *t == ticket)?.1)
    }

    /// Prints the article alone from its frame.
    fn print(self: &Rc<Self>, ticket: CopyTicket) {
        self.print_frame.borrow_mut().take();
        let Some(Made::Frame(frame)) = self.made(ticket) else {
            return;
        };
        let weak = Rc::downgrade(self);
        let on_done = move |_| {
            let weak = weak.clone();
            // Not from inside the frame's own listener: that would drop the running closure.
            later::soon(move || {
                if let Some(t) = weak.upgrade() {
                    t.print_frame.borrow_mut().take();
                }
            });
        };
        match print::print(frame, &self.font().scale_css(), on_done) {
            Ok(frame) => *self.print_frame.borrow_mut() = Some(frame),
            Err(error) => warn(&page_print::failed(error)),
        }
    }

    /// Shows the printed article in a modal dialog, with Print and Close; the model hears when
    /// it closes (Escape) or could not open.
    fn open_preview(self: &Rc<Self>, ticket: CopyTicket) {
        let Some(Made::Article(copy)) = self.made(ticket) else {
            return self.dispatch(Action::PreviewClosed);
        };
        let _ = copy.class_list().add_1("print-layout");
        let base = self.doc.base_uri().ok().flatten().unwrap_or_default();
        let ctx = Ctx::new(&self.doc, &self.l10n, &base, &[]);
        let dialog = view::preview_dialog(&ctx, copy);
        if self.root.append_child(&dialog).is_err() {
            return self.dispatch(Action::PreviewClosed);
        }
        let weak = Rc::downgrade(self);
        // Escape closes a modal dialog by itself. Said from a microtask: the preview, dropped
        // then, holds this very listener.
        let closed = Listener::new(&dialog, "close", move |_| {
            let weak = weak.clone();
            later::soon(move || {
                if let Some(t) = weak.upgrade() {
                    t.dispatch(Action::PreviewClosed);
                }
            });
        });
        let shown = dialog.show_modal();
        *self.preview.borrow_mut() = Some(Preview::new(dialog, closed));
        if shown.is_err() {
            self.dispatch(Action::PreviewClosed);
        }
    }
}

impl Carrier for Toolbar {
    type Model = Model;

    fn model(&self) -> &RefCell<Model> {
        &self.model
    }

    fn carry_out(self: &Rc<Self>, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::ShowFont(step) => self.show_font(step),
                Effect::Announce(announcement) => self.announce(&announcement),
                Effect::Emit(event) => notify::emit(&self.host, &event),
                Effect::ShareFont(step) => {
                    if let Some(membership) = &*self.membership.borrow() {
                        site::share_font(step, membership);
                    }
                }
                Effect::Copy(ticket, purpose) => self.make_copy(ticket, purpose),
                Effect::Print(ticket) => self.print(ticket),
                Effect::OpenPreview(ticket) => self.open_preview(ticket),
                // Dropping it closes and removes the dialog.
                Effect::ClosePreview => drop(self.preview.borrow_mut().take()),
                Effect::ShowTools(open) => view::show_tools(&self.root, open),
                Effect::Aid(effect) => self.aid(effect),
            }
        }
    }
}

impl Member for Toolbar {
    fn host(&self) -> Element {
        self.host.clone()
    }

    fn font_shared(self: Rc<Self>, step: FontStep) {
        self.dispatch(Action::FontShared(step));
    }

    /// The bar speaks the page's language, whatever the reader chose for the news.
    fn language_shared(self: Rc<Self>, _tag: &str) {}

    fn aid(self: Rc<Self>, action: AidAction) {
        self.dispatch(Action::Aid(action));
    }
}

impl Drop for Toolbar {
    /// Everything the toolbar added goes: its reading aloud silenced and its highlight taken
    /// away here, then the article's sheet, listeners, frame, dialog and membership with the
    /// fields; the shadow content here.
    fn drop(&mut self) {
        speech::silence(&mut self.model.get_mut().aids, self.speech.as_ref());
        shadow::vacate(&self.shadow, &self.doc);
    }
}
