//! One mounted widget: its state, the events that change it, and the re-render that follows.
//! It owns every listener, request and frame it creates; `destroy` drops them all.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use fluent_bundle::FluentValue;
use unic_langid::LanguageIdentifier;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    AbortController, Document, DocumentFragment, Element, Event, HtmlElement, ShadowRoot,
};

use super::fetch::{EarlyFetch, FetchOptions};
use super::listen::Listener;
use super::load::{self, LoadError, ReadOptions};
use super::print::{self, PrintFrame};
use super::render::{self, Ctx, LanguageChoice, StateView};
use super::sources::FeedSources;
use super::{intl, notify, storage, style};
use crate::feed::pair::counterpart;
use crate::feed::{Feed, FeedOutcome, Item, ItemError};
use crate::i18n::{self, Catalog, I18nError, Localizer};
use crate::prefs::{FontStep, FONT_STEP_KEY, LANGUAGE_KEY};

mod refresh;

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

    fn on_click(self: &Rc<Self>, event: &Event) {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let Ok(Some(control)) = target.closest("[data-action]") else {
            return;
        };
        if control.get_attribute("aria-disabled").as_deref() == Some("true") {
            return;
        }
        let action = control.get_attribute("data-action").unwrap_or_default();
        match action.as_str() {
            "open" => {
                if let Some(id) = control.get_attribute("data-id") {
                    self.open_with(&id, true);
                }
            }
            "back" => self.close(),
            "more" => self.more(),
            "retry" => self.reload(),
            "font-larger" => self.set_font(self.font().larger()),
            "font-smaller" => self.set_font(self.font().smaller()),
            "font-reset" => self.set_font(FontStep::DEFAULT),
            "language" => {
                if let Some(tag) = control.get_attribute("data-lang") {
                    self.choose_language(&tag);
                }
            }
            "print" => {
                self.print();
            }
            "preview" => self.toggle_preview(),
            _ => {}
        }
    }

    fn on_key(self: &Rc<Self>, event: &Event) {
        let Some(key) = super::listen::shortcut_key(event) else {
            return;
        };
        let in_article = matches!(self.state.borrow().view, View::Article(_));
        let handled = match key.as_str() {
            "Escape" if self.state.borrow().preview => {
                self.toggle_preview();
                true
            }
            "Escape" if in_article => {
                self.close();
                true
            }
            other => match self.font().after_key(other) {
                Some(step) => {
                    self.set_font(step);
                    true
                }
                None => false,
            },
        };
        if handled {
            event.prevent_default();
        }
    }

    // -----------------------------------------------------------------------------------------
    // Loading.

    /// Fetches the feed again from the server; news on screen stays until the answer.
    pub fn reload(self: &Rc<Self>) {
        self.refresh(refresh::Trigger::Reload);
    }

    fn read_options(&self) -> ReadOptions {
        ReadOptions {
            timezone: self.options.timezone.clone(),
        }
    }

    fn report_outcome(&self, outcome: &FeedOutcome) {
        let url = self.feed_url.borrow().clone();
        for note in &outcome.notes {
            warn(&format!("feed {url}: {note}"));
        }
        for warning in &outcome.warnings {
            warn_item(warning);
        }
    }

    /// The UI language changed: with one feed per language, show that language's feed (kept,
    /// or fetched once). An open article follows to its translation where the feeds pair them.
    fn follow_feed_language(self: &Rc<Self>) {
        if !self.sources.per_language() {
            return;
        }
        let url = self.sources.url_for(&self.language());
        if url.is_empty() || *self.feed_url.borrow() == url {
            return;
        }
        *self.feed_url.borrow_mut() = url.clone();
        if let Some(feed) = self.sources.kept(&url) {
            self.show_feed(feed);
            return;
        }
        // The list of another language is another list: it loads (the kept copy at once where
        // there is one). An open article stays readable until its translation (or nothing)
        // arrives.
        self.refresh(refresh::Trigger::Language);
    }

    /// Shows another language's feed in place of the current one.
    fn show_feed(self: &Rc<Self>, feed: Rc<Feed>) {
        {
            let mut state = self.state.borrow_mut();
            if let View::Article(id) = &state.view {
                let open: Option<Rc<Item>> = match (&state.load, &state.held) {
                    (_, Some(held)) if &held.id == id => Some(Rc::clone(held)),
                    (Load::Ready(old), _) => old
                        .items
                        .iter()
                        .find(|i| &i.id == id)
                        .map(|i| Rc::new(i.clone())),
                    _ => None,
                };
                match open {
                    Some(item) => match counterpart(&item, &feed) {
                        Some(pair) => {
                            state.view = View::Article(pair.id.clone());
                            state.held = None;
                        }
                        None => state.held = Some(item),
                    },
                    None => state.view = View::List,
                }
            }
            state.shown = state.shown.max(self.options.page_size);
            state.load = Load::Ready(feed);
        }
        self.render();
    }

    fn loaded(self: &Rc<Self>, result: Result<FeedOutcome, LoadError>) {
        let waiting_focus = self.focused_key().as_deref() == Some("loading");
        let mut open = None;
        match result {
            Ok(outcome) => {
                self.report_outcome(&outcome);
                let feed = Rc::new(outcome.feed);
                self.sources.keep(&self.feed_url.borrow(), &feed);
                let mut state = self.state.borrow_mut();
                if let Some(id) = state.pending_article.take() {
                    if feed.items.iter().any(|i| i.id == id) {
                        open = Some(id);
                    } else {
                        state.not_found = true;
                        warn(&format!("article \"{id}\" is not in the feed"));
                    }
                }
                state.load = Load::Ready(feed);
            }
            Err(error) => {
                warn(&format!("feed {}: {error}", self.feed_url.borrow()));
                self.state.borrow_mut().load = Load::Failed(error.clone());
                self.render();
                let message = self
                    .l10n
                    .borrow()
                    .format(error.message_id(), &error.message_args(), &mut Vec::new())
                    .text;
                if waiting_focus {
                    self.focus_key("retry");
                }
                self.emit(
                    "news-widget:error",
                    &[("kind", error.kind().into()), ("message", message.into())],
                );
                self.send_ready();
                return;
            }
        }
        match open {
            // The `article` option opens without taking focus: the reader may be typing
            // elsewhere on the page.
            Some(id) => {
                self.open_with(&id, waiting_focus);
            }
            None => {
                self.render();
                if waiting_focus {
                    self.focus_first_card();
                }
            }
        }
        self.send_ready();
    }

    fn focus_first_card(&self) {
        let first = match &self.state.borrow().load {
            Load::Ready(feed) => feed.items.first().map(|i| format!("open:{}", i.id)),
            _ => None,
        };
        if !first.is_some_and(|key| self.focus_key(&key)) {
            self.focus_key("retry");
        }
    }

    fn send_ready(&self) {
        if !self.ready_sent.replace(true) {
            self.emit(
                "news-widget:ready",
                &[("source", self.source_name().into())],
            );
        }
    }

    fn abort_requests(&self) {
        for controller in self.requests.borrow_mut().drain(..) {
            controller.abort();
        }
    }

    // -----------------------------------------------------------------------------------------
    // Rendering.

    fn languages(&self) -> Vec<LanguageChoice> {
        let available = self.catalog.borrow().locales();
        let mut seen: Vec<LanguageIdentifier> = Vec::new();
        let mut choices = Vec::new();
        for tag in &self.options.languages {
            let Ok(requested) = i18n::parse_tag(tag) else {
                continue;
            };
            let resolved = i18n::resolve_choice(&requested, &available);
            if seen.contains(&resolved) {
                continue;
            }
            let endonym = i18n::built_in_endonym(&resolved)
                .map(str::to_string)
                .or_else(|| intl::endonym(&resolved.to_string()))
                .unwrap_or_else(|| resolved.to_string());
            choices.push(LanguageChoice {
                tag: resolved.to_string(),
                endonym,
            });
            seen.push(resolved);
        }
        choices
    }

    /// Rebuilds the view from state and puts focus back where it was.
    fn render(&self) {
        let focused = self.focused_key();
        let (fragment, label) = self.build_view();
        // Every borrow is released before the DOM changes: removing the focused element fires
        // focusout, and focusing fires focusin, both composed, so a host page's listener may
        // call back into this widget right here.
        let _ = self.root.set_attribute("aria-label", &label);
        self.view.set_text_content(None);
        let _ = self.view.append_child(&fragment);
        if let Some(key) = focused {
            self.focus_key(&key);
        }
    }

    /// The current view as a detached fragment, and the widget's accessible name.
    fn build_view(&self) -> (DocumentFragment, String) {
        let languages = self.languages();
        let l10n = self.l10n.borrow();
        let feed_url = self.feed_url.borrow().clone();
        let ctx = Ctx::new(&self.doc, &l10n, &feed_url, &languages);
        let state = self.state.borrow();
        let fragment = self.doc.create_document_fragment();
        let mut content: Vec<Element> = match (&state.load, &state.view) {
            (Load::Loading, _) => vec![
                render::toolbar(&ctx, state.font, false, false),
                render::state(&ctx, StateView::Loading),
            ],
            (Load::Failed(error), _) => vec![
                render::toolbar(&ctx, state.font, false, false),
                render::state(&ctx, StateView::Error(error)),
            ],
            (Load::Ready(feed), View::Article(id)) => match feed
                .items
                .iter()
                .find(|i| &i.id == id)
                .or_else(|| state.held.as_deref().filter(|h| &h.id == id))
            {
                Some(item) => vec![render::article(&ctx, item, state.font, state.preview)],
                None => vec![
                    render::toolbar(&ctx, state.font, false, false),
                    render::list(&ctx, &feed.items, state.shown, true),
                ],
            },
            (Load::Ready(feed), View::List) if feed.items.is_empty() => vec![
                render::toolbar(&ctx, state.font, false, false),
                render::state(&ctx, StateView::Empty),
            ],
            (Load::Ready(feed), View::List) => vec![
                render::toolbar(&ctx, state.font, false, false),
                render::list(&ctx, &feed.items, state.shown, state.not_found),
            ],
        };
        if let (Load::Ready(_), View::List) = (&state.load, &state.view) {
            // After the toolbar: the notice over news that could not be refreshed.
            if let Some(notice) = self.stale_notice(&ctx) {
                content.insert(1, notice);
            }
        }
        for element in &content {
            let _ = fragment.append_child(element);
        }
        let label = ctx.t("widget-label");
        log_i18n(&ctx.errors.borrow());
        (fragment, label)
    }

    fn focused_key(&self) -> Option<String> {
        self.shadow.active_element()?.get_attribute("data-key")
    }

    /// Focuses the element with `data-key == key`. Keys hold feed ids, so they are compared as
    /// strings rather than spliced into a selector.
    fn focus_key(&self, key: &str) -> bool {
        let Ok(nodes) = self.view.query_selector_all("[data-key]") else {
            return false;
        };
        for index in 0..nodes.length() {
            let Some(el) = nodes
                .item(index)
                .and_then(|n| n.dyn_into::<HtmlElement>().ok())
            else {
                continue;
            };
            if el.get_attribute("data-key").as_deref() == Some(key) {
                let _ = el.focus();
                return true;
            }
        }
        false
    }

    fn announce(&self, text: &str) {
        notify::announce(&self.live, text);
    }

    fn emit(&self, name: &str, detail: &[(&str, JsValue)]) {
        notify::emit(&self.host, name, detail);
    }

    // -----------------------------------------------------------------------------------------
    // Actions (also the JS API).

    /// Opens an article for the API: focus moves to its title only if it was in the widget
    /// already, so a host page's own control keeps its focus handling.
    pub fn open(self: &Rc<Self>, id: &str) -> bool {
        let focus = self.focused_key().is_some();
        self.open_with(id, focus)
    }

    fn open_with(self: &Rc<Self>, id: &str, take_focus: bool) -> bool {
        let exists = match &self.state.borrow().load {
            Load::Ready(feed) => feed.items.iter().any(|i| i.id == id),
            _ => false,
        };
        if !exists {
            return false;
        }
        {
            let mut state = self.state.borrow_mut();
            state.view = View::Article(id.to_string());
            state.preview = false;
            state.not_found = false;
        }
        self.render();
        if take_focus {
            self.focus_key("article-title");
        }
        self.emit("news-widget:open", &[("id", id.into())]);
        true
    }

    pub fn close(self: &Rc<Self>) {
        let previous = match std::mem::replace(&mut self.state.borrow_mut().view, View::List) {
            View::Article(id) => id,
            View::List => return,
        };
        self.state.borrow_mut().preview = false;
        self.state.borrow_mut().held = None;
        self.print_frame.borrow_mut().take();
        // The opened card may sit beyond the shown page if the API opened it: show up to it.
        let position = match &self.state.borrow().load {
            Load::Ready(feed) => feed.items.iter().position(|i| i.id == previous),
            _ => None,
        };
        if let Some(position) = position {
            let page = self.options.page_size.max(1);
            let mut state = self.state.borrow_mut();
            state.shown = state.shown.max((position / page + 1) * page);
        }
        self.render();
        self.focus_key(&format!("open:{previous}"));
    }

    fn more(self: &Rc<Self>) {
        let (feed, from) = {
            let state = self.state.borrow();
            let Load::Ready(feed) = &state.load else {
                return;
            };
            (Rc::clone(feed), state.shown)
        };
        let to = (from + self.options.page_size).min(feed.items.len());
        self.state.borrow_mut().shown = to;
        // Only the new page is built: cost follows the page, not the feed.
        let (cards, footer, announcement) = {
            let languages = self.languages();
            let l10n = self.l10n.borrow();
            let feed_url = self.feed_url.borrow().clone();
            let ctx = Ctx::new(&self.doc, &l10n, &feed_url, &languages);
            let cards = self.doc.create_document_fragment();
            for item in &feed.items[from..to] {
                let _ = cards.append_child(&render::card(&ctx, item));
            }
            let footer = render::list_footer(&ctx, feed.items.len(), to);
            let added = (to - from) as u32;
            let text = ctx.t_args("more-announce", &[("count", FluentValue::from(added))]);
            log_i18n(&ctx.errors.borrow());
            (cards, footer, text)
        };
        if let (Ok(Some(list)), Ok(Some(old_footer))) = (
            self.view.query_selector(".cards"),
            self.view.query_selector(".list-footer"),
        ) {
            let _ = list.append_child(&cards);
            let _ = old_footer.replace_with_with_node_1(&footer);
        }
        if let Some(first) = feed.items.get(from) {
            self.focus_key(&format!("open:{}", first.id));
        }
        self.announce(&announcement);
    }

    pub fn font(&self) -> FontStep {
        self.state.borrow().font
    }

    /// The reader (or the API) changed the font step: apply here, remember it site-wide and
    /// tell every other instance on the page.
    pub fn set_font(self: &Rc<Self>, step: FontStep) {
        storage::write(FONT_STEP_KEY, &step.to_stored());
        self.apply_font(step, true);
        super::embed::for_each_other(self, |other| other.apply_font(step, false));
        super::toolbar::follow_font(step, None);
    }

    pub fn apply_font(&self, step: FontStep, announce: bool) {
        let changed = self.font() != step;
        if !changed && !announce {
            return;
        }
        self.state.borrow_mut().font = step;
        let _ = self
            .root
            .style()
            .set_property("--nw-scale", &step.scale_css());
        render::update_font_buttons(&self.root, step);
        if announce {
            let text = self.l10n.borrow().format(
                "font-size-changed",
                &[("percent", FluentValue::from(step.percent_text()))],
                &mut Vec::new(),
            );
            self.announce(&text.text);
        }
        // Pressing + at 200 % still says the size; only a change is an event.
        if !changed {
            return;
        }
        let scale = step.per_mille() as f64 / 1000.0;
        self.emit(
            "news-widget:fontsizechange",
            &[("step", step.value().into()), ("scale", scale.into())],
        );
    }

    pub fn language(&self) -> String {
        self.l10n.borrow().locale().to_string()
    }

    /// The reader picked a language: it becomes the site-wide choice.
    pub fn choose_language(self: &Rc<Self>, tag: &str) {
        if i18n::parse_tag(tag).is_err() {
            warn(
                &I18nError::InvalidTag {
                    tag: tag.to_string(),
                }
                .to_string(),
            );
            return;
        }
        storage::write(LANGUAGE_KEY, tag);
        self.change_language(tag, true);
        let tag = tag.to_string();
        super::embed::for_each_other(self, move |other| {
            if other.options.lang.is_none() {
                other.change_language(&tag, false);
            }
        });
    }

    /// Switches the UI (and the articles, where they have it) to `tag`, fetching a run-time
    /// resource first when the `locales` option offers one.
    pub fn change_language(self: &Rc<Self>, tag: &str, announce: bool) {
        let Ok(requested) = i18n::parse_tag(tag) else {
            warn(
                &I18nError::InvalidTag {
                    tag: tag.to_string(),
                }
                .to_string(),
            );
            return;
        };
        let target = i18n::resolve_choice(&requested, &self.catalog.borrow().locales());
        let generation = self.language_generation.get().wrapping_add(1);
        self.language_generation.set(generation);
        *self.wanted.borrow_mut() = target.clone();
        match self.claim_locale_fetch(&target) {
            Some(url) => {
                let weak: Weak<Widget> = Rc::downgrade(self);
                let controller = AbortController::new().ok();
                let signal = controller.as_ref().map(|c| c.signal());
                if let Some(c) = controller {
                    self.requests.borrow_mut().push(c);
                }
                let timeout_ms = self.options.timeout_ms;
                wasm_bindgen_futures::spawn_local(async move {
                    let how = FetchOptions {
                        signal: signal.as_ref(),
                        timeout_ms,
                        revalidate: false,
                    };
                    let resource = load::fetch_text(&url, how).await;
                    let Some(w) = weak.upgrade().filter(|w| !w.destroyed.get()) else {
                        return;
                    };
                    w.add_resource(&target, resource);
                    // A later choice made this one moot; the resource stays for later.
                    if w.language_generation.get() != generation {
                        return;
                    }
                    w.apply_language(&target, announce);
                });
            }
            None => self.apply_language(&target, announce),
        }
    }

    /// Returns the URL to fetch for `locale` if the `locales` option is set and this locale's
    /// resource was not requested yet (and marks it requested).
    fn claim_locale_fetch(&self, locale: &LanguageIdentifier) -> Option<String> {
        let template = self.options.locales.as_ref()?;
        let mut fetched = self.fetched_locales.borrow_mut();
        if fetched.contains(locale) {
            return None;
        }
        fetched.push(locale.clone());
        let url = template.replace("{locale}", &locale.to_string());
        let base = self.doc.base_uri().ok().flatten().unwrap_or_default();
        web_sys::Url::new_with_base(&url, &base)
            .ok()
            .map(|u| u.href())
    }

    fn add_resource(&self, locale: &LanguageIdentifier, resource: Result<String, LoadError>) {
        match resource {
            Ok(text) => {
                let mut errors = Vec::new();
                self.catalog
                    .borrow_mut()
                    .add_source(locale.clone(), text, &mut errors);
                log_i18n(&errors);
                if let Some(first) = errors.first() {
                    self.emit(
                        "news-widget:error",
                        &[
                            ("kind", "locale".into()),
                            ("message", first.to_string().into()),
                        ],
                    );
                }
            }
            // A site without a resource for a built-in language is normal; say it quietly.
            // A request that never completed (aborted, offline) may be tried again later.
            Err(error) => {
                if matches!(error, LoadError::Network { .. }) {
                    self.fetched_locales.borrow_mut().retain(|l| l != locale);
                }
                warn(&format!("no extra Fluent resource for {locale}: {error}"));
            }
        }
    }

    fn rebuild_localizer(&self, locale: &LanguageIdentifier) {
        let catalog = self.catalog.borrow();
        // A locale that did not load falls back to negotiation among what is there.
        let effective = if catalog.has_locale(locale) {
            locale.clone()
        } else {
            i18n::negotiate_locale(&[&locale.to_string()], &catalog.locales())
        };
        *self.l10n.borrow_mut() = catalog.localizer(&effective);
    }

    fn apply_language(self: &Rc<Self>, locale: &LanguageIdentifier, announce: bool) {
        let before = self.language();
        self.rebuild_localizer(locale);
        let language = self.language();
        if language == before {
            return;
        }
        let _ = self.root.set_attribute("lang", &language);
        self.render();
        self.follow_feed_language();
        if announce {
            let endonym = self
                .languages()
                .into_iter()
                .find(|c| c.tag == language)
                .map(|c| c.endonym)
                .unwrap_or_else(|| language.clone());
            let text = self.l10n.borrow().format(
                "language-changed",
                &[("language", FluentValue::from(endonym))],
                &mut Vec::new(),
            );
            self.announce(&text.text);
        }
        self.emit(
            "news-widget:languagechange",
            &[("language", language.into())],
        );
    }

    fn toggle_preview(self: &Rc<Self>) {
        let on = {
            let mut state = self.state.borrow_mut();
            if !matches!(state.view, View::Article(_)) {
                return;
            }
            state.preview = !state.preview;
            state.preview
        };
        self.render();
        let text = self.l10n.borrow().format(
            if on {
                "print-preview-on"
            } else {
                "print-preview-off"
            },
            &[],
            &mut Vec::new(),
        );
        self.announce(&text.text);
    }

    /// Prints the open article alone. Returns false when no article is open.
    pub fn print(self: &Rc<Self>) -> bool {
        let Ok(Some(content)) = self.view.query_selector(".article-content") else {
            return false;
        };
        let title = self
            .view
            .query_selector(".article-title")
            .ok()
            .flatten()
            .and_then(|t| t.text_content())
            .unwrap_or_default();
        let lang = content
            .query_selector(".article-body")
            .ok()
            .flatten()
            .and_then(|b| b.closest("[lang]").ok().flatten())
            .and_then(|l| l.get_attribute("lang"))
            .unwrap_or_else(|| self.language());
        // Any frame from an earlier print goes first.
        self.print_frame.borrow_mut().take();
        let weak = Rc::downgrade(self);
        let on_done = move |_| {
            let weak = weak.clone();
            // Removing the frame from inside its own listener would drop the running closure:
            // defer it to a microtask.
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(w) = weak.upgrade() {
                    w.print_frame.borrow_mut().take();
                }
            });
        };
        match print::print_article(
            &self.shadow,
            &content,
            &lang,
            &title,
            &self.font().scale_css(),
            on_done,
        ) {
            Ok(frame) => {
                *self.print_frame.borrow_mut() = Some(frame);
                true
            }
            Err(error) => {
                warn(&format!(
                    "print failed: {}",
                    error.as_string().unwrap_or_default()
                ));
                false
            }
        }
    }

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
