//! One mounted widget: its shadow tree, its `Model`, and the carrying out of what `update`
//! decides. Clicks and keys become `Action`s naming what the reader asked for (`dispatch`, through
//! the page's one queue), `state::update` answers with `Effect`s, and `carry_out` turns each into
//! DOM work (`view`), requests (`requests`, whose answers come back as actions) or a word to the
//! site. The widget owns every listener, request, frame and membership it creates: dropping it
//! (the handle's `destroy`) removes them all and empties the shadow root.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, ShadowRoot};

use crate::contract::{FontStep, MountError};
use crate::dom::net::fetch::EarlyFetch;
use crate::dom::net::read::ReadOptions;
use crate::dom::page::languages::page_languages;
use crate::dom::page::resources::ResourceRequest;
use crate::dom::page::shadow;
use crate::dom::page::site::{self, Member, Membership};
use crate::dom::page::tools;
use crate::dom::parts::aid_controls;
use crate::dom::parts::listen::{clicked_command, shortcut_key, Listener};
use crate::dom::parts::print::PrintFrame;
use crate::dom::parts::runtime::{self, Carrier};
use crate::dom::parts::speech::{self, Speech};
use crate::dom::warn;
use crate::explain::Explain;
use crate::i18n::{Catalog, Localizer};
use crate::lang::LanguageIdentifier;
use crate::options::Options;
use crate::reading_aids::{self, AidAction};
use crate::state::{self, Action, Effect, Focus, Model, Sources};
use crate::ui_language;

mod aids;
pub(crate) mod render;
mod requests;
mod view;

pub struct Widget {
    host: Element,
    shadow: ShadowRoot,
    doc: Document,
    root: HtmlElement,
    view: Element,
    live: Element,
    model: RefCell<Model>,
    /// The resources this widget speaks from: the page's built-in ones and the run-time ones
    /// it asked for.
    catalog: RefCell<Catalog>,
    l10n: RefCell<Localizer>,
    read: ReadOptions,
    timeout_ms: u32,
    listeners: RefCell<Vec<Listener>>,
    membership: RefCell<Option<Membership>>,
    /// The feed request whose answer counts; replacing or dropping it aborts it.
    feed_request: RefCell<Option<requests::FeedRequest>>,
    /// Run-time resources on their way (shared with other widgets of the page).
    locale_requests: RefCell<Vec<Rc<ResourceRequest>>>,
    /// The feed request the loader started before the wasm arrived, until the first load takes
    /// it over (or drops it, which aborts it).
    early: RefCell<Option<EarlyFetch>>,
    /// The kept copy the current load's lookup found, until `update` says to read it.
    kept: RefCell<Vec<requests::FoundKept>>,
    print_frame: RefCell<Option<PrintFrame>>,
    /// Reading aloud; none where the browser cannot speak.
    speech: Option<Speech>,
}

impl Widget {
    /// Builds the shadow tree and starts loading. Preferences are read first, so the very
    /// first paint already has the reader's font size and language.
    pub fn mount(
        host: Element,
        options: Options,
        early: Option<EarlyFetch>,
    ) -> Result<Rc<Widget>, MountError> {
        let doc = host.owner_document().ok_or(MountError::NoDocument)?;
        let shadow = shadow::claim(&host, &doc)?;

        let catalog = site::built_in_catalog();
        let available = catalog.locales();
        // With a `locales` template, the languages it may bring count too.
        let offered: &[String] = match options.locales {
            Some(_) => &options.languages,
            None => &[],
        };
        let mut requests: Vec<String> = site::saved_language().into_iter().collect();
        requests.extend(page_languages(&doc));
        let candidates = ui_language::with_offered(&available, offered);
        let locale = ui_language::negotiate(options.lang.as_deref(), &requests, &candidates);
        let l10n = catalog.localizer(&locale);
        let font = site::font_step();
        let aids = site::aids(speech::pause_cancels());
        let sources = Sources {
            default: options.feed.as_deref().and_then(|f| absolute(f, &doc)),
            by_language: options
                .feeds
                .iter()
                .filter_map(|(tag, url)| Some((tag.clone(), absolute(url, &doc)?)))
                .collect(),
        };

        let root: HtmlElement = shadow::element(&doc, "div")?.unchecked_into();
        root.set_class_name("nw");
        let _ = root.set_attribute("part", "root");
        // A named landmark: pages with several widgets list each one ("News", "新闻", "소식").
        let _ = root.set_attribute("role", "region");
        let _ = root.set_attribute("lang", l10n.locale().as_str());
        let _ = root.style().set_property("--nw-scale", &font.scale_css());
        aids::show_spacing(&root, aids.spacing);
        aid_controls::show_contrast(&root, aids.contrast);
        let view = shadow::element(&doc, "div")?;
        view.set_class_name("view");
        let live = shadow::live_region(&doc)?;
        let _ = root.append_child(&view);
        let _ = root.append_child(&live);
        let _ = shadow.append_child(&root);

        let mut model = Model::new(options, sources, locale, available, font, aids);
        model.early = early.as_ref().map(|e| e.url.clone());
        let widget = Rc::new_cyclic(|weak: &Weak<Widget>| Widget {
            speech: Speech::new(&doc, {
                let weak = weak.clone();
                Rc::new(move |action| {
                    if let Some(w) = weak.upgrade() {
                        w.dispatch(Action::Aid(AidAction::Speech(action)));
                    }
                })
            }),
            read: ReadOptions {
                timezone: model.options.timezone.clone(),
                whole: false,
            },
            timeout_ms: model.options.timeout_ms,
            model: RefCell::new(model),
            host,
            shadow,
            doc,
            root,
            view,
            live,
            catalog: RefCell::new(catalog),
            l10n: RefCell::new(l10n),
            listeners: RefCell::new(Vec::new()),
            membership: RefCell::new(None),
            feed_request: RefCell::new(None),
            locale_requests: RefCell::new(Vec::new()),
            early: RefCell::new(early),
            kept: RefCell::new(Vec::new()),
            print_frame: RefCell::new(None),
        });
        let member: Weak<dyn Member> = Rc::downgrade(&(Rc::clone(&widget) as Rc<dyn Member>));
        *widget.membership.borrow_mut() = Some(site::join(member));
        widget.listen();
        widget.dispatch(Action::Start);
        if let Some(speech) = &widget.speech {
            speech.voices_now();
        }
        Ok(widget)
    }

    fn listen(self: &Rc<Self>) {
        let weak = Rc::downgrade(self);
        let with = |f: fn(&Rc<Widget>, &Event)| {
            let weak = weak.clone();
            move |event: Event| {
                if let Some(w) = weak.upgrade() {
                    f(&w, &event);
                }
            }
        };
        let mut listeners = vec![
            Listener::new(&self.shadow, "click", with(Widget::on_click)),
            Listener::new(&self.shadow, "keydown", with(Widget::on_key)),
            Listener::new(&self.shadow, "change", with(Widget::on_click)),
            Listener::new(&self.shadow, "pointerover", tools::prefetch),
            Listener::new(&self.shadow, "focusin", tools::prefetch),
        ];
        if let Some(window) = self.doc.default_view() {
            listeners.push(Listener::new(
                &window,
                "online",
                with(|w, _| w.dispatch(Action::Online)),
            ));
        }
        *self.listeners.borrow_mut() = listeners;
    }

    /// A click on one of the widget's controls, or a change of its speed: what the reader
    /// asked for.
    fn on_click(self: &Rc<Self>, event: &Event) {
        if let Some((command, value)) = clicked_command(event) {
            self.dispatch(Action::Command { command, value });
        }
    }

    fn on_key(self: &Rc<Self>, event: &Event) {
        let Some(key) = shortcut_key(event) else {
            return;
        };
        if state::handles_key(&self.model.borrow(), &key) {
            event.prevent_default();
            self.dispatch(Action::Key(key));
        }
    }

    /// The one way the model changes: the action waits its turn in the page's queue, then
    /// `update` decides and the effects are carried out.
    pub fn dispatch(self: &Rc<Self>, action: Action) {
        runtime::dispatch(self, action);
    }

    fn carry_out_one(self: &Rc<Self>, effect: Effect) {
        match effect {
            Effect::Render => self.render(),
            Effect::AppendCards { from, to } => self.append_cards(from, to),
            Effect::ShowFont(step) => self.show_font(step),
            Effect::Speak(locale) => self.speak(&locale),
            Effect::Focus(target) => {
                self.focus(&target);
            }
            Effect::Announce(announcement) => self.announce(&announcement),
            Effect::Emit(event) => self.emit(&event),
            Effect::LoadFailed { error, kept } => {
                // The URL is read out first: the console may be the page's wrapper, which may
                // call back into this widget, and no borrow of the model may be held then.
                let url = self.model.borrow().feed_url.clone();
                warn(&["feed ", &url, ": ", &error.explain()].concat());
                self.emit_load_error(&error, kept);
            }
            Effect::FetchFeed {
                load,
                url,
                revalidate,
                kept_first,
                adopt,
            } => self.fetch_feed(load, url, revalidate, kept_first, adopt),
            Effect::ReadKept { load } => self.read_kept(load),
            Effect::FetchLocale { locale, url } => self.fetch_locale(locale, &url),
            Effect::ShareFont(step) => {
                if let Some(membership) = &*self.membership.borrow() {
                    site::share_font(step, membership);
                }
            }
            Effect::ShareLanguage(tag) => {
                if let Some(membership) = &*self.membership.borrow() {
                    site::share_language(&tag, membership);
                }
            }
            Effect::Print => self.print(),
            Effect::ClosePrint => drop(self.print_frame.borrow_mut().take()),
            Effect::Aid(effect) => self.aid(effect),
            Effect::Warn(warning) => warn(&warning.explain()),
        }
    }

    /// The UI speaks `locale` now: the localizer and the root's `lang`.
    fn speak(&self, locale: &LanguageIdentifier) {
        let l10n = self.catalog.borrow().localizer(locale);
        let _ = self.root.set_attribute("lang", l10n.locale().as_str());
        *self.l10n.borrow_mut() = l10n;
    }

    fn focused(&self) -> Option<Focus> {
        let key = self.shadow.active_element()?.get_attribute("data-key")?;
        Some(Focus::from_key(&key))
    }

    pub fn options(&self) -> Options {
        self.model.borrow().options.clone()
    }

    pub fn font(&self) -> FontStep {
        self.model.borrow().font
    }

    pub fn language(&self) -> String {
        self.model.borrow().languages.ui.as_str().to_owned()
    }

    /// The line spacing and contrast (what the handle's properties say).
    pub fn aids(&self) -> std::cell::Ref<'_, reading_aids::Aids> {
        std::cell::Ref::map(self.model.borrow(), |m| &m.aids)
    }

    /// Whether an article is open (what `print()` needs).
    pub fn article_open(&self) -> bool {
        self.model.borrow().open_item().is_some()
    }

    /// Whether the article `id` is the one open.
    pub fn is_open(&self, id: &str) -> bool {
        matches!(&self.model.borrow().view, state::View::Article(open) if open == id)
    }
}

impl Carrier for Widget {
    type Model = Model;

    fn model(&self) -> &RefCell<Model> {
        &self.model
    }

    fn observe(&self, model: &mut Model) {
        model.focus = self.focused();
    }

    /// Carries out effects in order. Renders in a row are one render.
    fn carry_out(self: &Rc<Self>, effects: Vec<Effect>) {
        let mut dirty = false;
        for effect in effects {
            if matches!(effect, Effect::Render) {
                dirty = true;
                continue;
            }
            if dirty && !matches!(effect, Effect::Speak(_) | Effect::Warn(_)) {
                dirty = false;
                self.render();
            }
            self.carry_out_one(effect);
        }
        if dirty {
            self.render();
        }
    }
}

impl Member for Widget {
    fn host(&self) -> Element {
        self.host.clone()
    }

    fn font_shared(self: Rc<Self>, step: FontStep) {
        self.dispatch(Action::FontShared(step));
    }

    fn language_shared(self: Rc<Self>, tag: &str) {
        self.dispatch(Action::LanguageShared(tag.to_string()));
    }

    fn aid(self: Rc<Self>, action: AidAction) {
        self.dispatch(Action::Aid(action));
    }
}

impl Drop for Widget {
    /// Everything this widget added goes: its reading aloud silenced and its highlight taken
    /// away here, then listeners, requests, frame and membership with the fields; the shadow
    /// content and styles here. The (empty) shadow root stays, as the platform cannot remove
    /// one, with a slot that shows the host's own content again.
    fn drop(&mut self) {
        speech::silence(&mut self.model.get_mut().aids, self.speech.as_ref());
        shadow::vacate(&self.shadow, &self.doc);
    }
}

/// `url` resolved against the document's base URL.
pub(super) fn absolute(url: &str, doc: &Document) -> Option<String> {
    let base = doc.base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base(url, &base)
        .ok()
        .map(|u| u.href())
}
