//! Loading the feed as a news app does (CONTRACT §1): the copy kept from the last visit shows at
//! once while the network is asked; the fresh feed then updates the list in place (scroll,
//! focus and the open article stay; new articles are announced once); a failed refresh keeps
//! the news on screen with a notice and Retry; coming back online refreshes by itself. What each
//! outcome leads to is decided by the pure `crate::refresh`.

use std::rc::{Rc, Weak};

use fluent_bundle::FluentValue;
use js_sys::Uint8Array;
use unic_langid::LanguageIdentifier;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Element};

use super::super::fetch::{self, now_ms, FetchOptions, Pending};
use super::super::kept::{self, Kept};
use super::super::listen::Listener;
use super::super::load::{self, LoadError};
use super::super::render::Ctx;
use super::super::{intl, node::El};
use super::{warn, Load, View, Widget};
use crate::feed::{Feed, FeedOutcome};
use crate::refresh::{self as policy, Next};

/// What started a load.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Trigger {
    /// The first load: the HTTP cache's default rules.
    Mount,
    /// reload() or Retry: asks the server (`no-cache`, a 304 when nothing changed).
    Reload,
    /// The browser came back online after a failed load.
    Online,
    /// The UI language changed and with it the feed (`feed-<lang>`).
    Language,
}

/// Where the news on screen came from, for `news-widget:ready`.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Source {
    #[default]
    Network,
    Kept,
}

/// How fresh the news on screen is.
#[derive(Default)]
pub(super) struct Freshness {
    source: Source,
    /// When the news on screen was fetched (ms since the epoch).
    fetched_at_ms: u64,
    /// Its bytes: a fresh feed with the same bytes changes nothing on screen.
    bytes: Option<Uint8Array>,
    /// The last refresh failed and the news on screen stayed: the notice shows, with Retry.
    failed: bool,
}

/// The widget, unless it was destroyed or a newer load started since `generation`.
fn current(weak: &Weak<Widget>, generation: u32) -> Option<Rc<Widget>> {
    weak.upgrade()
        .filter(|w| !w.destroyed.get() && w.load_generation.get() == generation)
}

impl Widget {
    /// Starts a load of the feed of the UI language. With nothing on screen it shows Loading and
    /// the kept copy as soon as it is read; with news on screen that stays until the answer.
    pub(super) fn refresh(self: &Rc<Self>, trigger: Trigger) {
        self.abort_requests();
        if matches!(trigger, Trigger::Reload | Trigger::Online) {
            self.sources.forget();
        }
        let generation = self.load_generation.get().wrapping_add(1);
        self.load_generation.set(generation);
        let wanted = self.wanted.borrow().to_string();
        *self.feed_url.borrow_mut() = self.sources.url_for(&wanted);
        // Another language's list is another list: it is not kept on screen (an open article is).
        let on_screen = self.news_on_screen()
            && !(trigger == Trigger::Language && matches!(self.state.borrow().view, View::List));
        if !on_screen {
            // A reader who pressed Retry keeps focus in the widget: on the loading message now,
            // on the result when it arrives (see `loaded`).
            let had_focus = self.focused_key().is_some();
            self.state.borrow_mut().load = Load::Loading;
            self.render();
            if had_focus {
                self.focus_key("loading");
            }
        }
        let weak = Rc::downgrade(self);
        let feed_url = self.feed_url.borrow().clone();
        if feed_url.is_empty() {
            // Reported from a later task, like a real load, so that listeners added once
            // mount() resolved still hear it.
            wasm_bindgen_futures::spawn_local(async move {
                load::next_task().await;
                if let Some(w) = weak.upgrade().filter(|w| !w.destroyed.get()) {
                    w.loaded(Err(LoadError::NoFeedUrl));
                }
            });
            return;
        }
        let controller = AbortController::new().ok();
        let signal = controller.as_ref().map(|c| c.signal());
        if let Some(c) = controller {
            self.requests.borrow_mut().push(c);
        }
        let how = FetchOptions {
            signal: signal.as_ref(),
            timeout_ms: self.options.timeout_ms,
            revalidate: trigger != Trigger::Mount,
        };
        // Both requests leave now and run together; they are awaited below. The run-time
        // Fluent resource of the first locale comes before any render, so that a site's
        // rewording is there on the first cards.
        // The loader's early request, when it asked for this very feed.
        let early = self.early.borrow_mut().take();
        let feed = match early.filter(|e| trigger == Trigger::Mount && e.url == feed_url) {
            Some(early) => fetch::adopt(early, how),
            None => fetch::start(&feed_url, how),
        };
        let locale = self.wanted.borrow().clone();
        let mut resource = self
            .claim_locale_fetch(&locale)
            .map(|url| fetch::start(&url, how));
        // With nothing on screen, the kept copy is looked for meanwhile.
        let mut lookup = (!on_screen).then(|| kept::lookup(&feed_url)).flatten();
        let read = self.read_options();
        wasm_bindgen_futures::spawn_local(async move {
            // Whichever comes first: the kept copy shows while the feed is on its way; a feed
            // that answers first is not held back by the lookup.
            if let Some(found) = &lookup {
                let race = js_sys::Promise::race(&js_sys::Array::of2(found, feed.answer()));
                match JsFuture::from(race).await {
                    // No kept copy.
                    Ok(first) if first.is_undefined() => lookup = None,
                    Ok(first) if kept::is_kept(&first) => {
                        lookup = None;
                        show_kept(&weak, generation, first, &feed_url, &locale, &mut resource)
                            .await;
                    }
                    // The feed answered (or failed) first: the lookup stays for a fallback.
                    _ => {}
                }
            }
            let result = load::read_feed(feed, &read).await;
            // A failure with nothing on screen falls back to the kept copy, if there is one.
            let fall_back = result.as_ref().err().is_some_and(|e| {
                e.failure().keeps_news()
                    && current(&weak, generation).is_some_and(|w| !w.news_on_screen())
            });
            if let Some(found) = lookup.filter(|_| fall_back) {
                let found = JsFuture::from(found).await.unwrap_or_default();
                show_kept(&weak, generation, found, &feed_url, &locale, &mut resource).await;
            }
            add_resource(&weak, &locale, &mut resource).await;
            if let Some(w) = current(&weak, generation) {
                w.settle(result, trigger != Trigger::Language);
            }
        });
    }

    fn news_on_screen(&self) -> bool {
        matches!(self.state.borrow().load, Load::Ready(_))
    }

    /// Speaks the language chosen now (it may have changed while loading, or its resource come).
    fn speak_wanted(&self) {
        let wanted = self.wanted.borrow().clone();
        self.rebuild_localizer(&wanted);
        let _ = self.root.set_attribute("lang", &self.language());
    }

    /// Shows a kept copy as the list: while the feed is on its way, or because it failed (the
    /// notice then follows from `settle`).
    fn show_kept(self: &Rc<Self>, kept_copy: Kept) {
        let Ok(mut outcome) = load::read_fetched(&kept_copy.fetched, &self.read_options()) else {
            return;
        };
        // Its repairs were reported when it was fetched.
        outcome.warnings.clear();
        outcome.notes.clear();
        *self.freshness.borrow_mut() = Freshness {
            source: Source::Kept,
            fetched_at_ms: kept_copy.fetched_at_ms,
            bytes: Some(kept_copy.fetched.bytes.clone()),
            failed: false,
        };
        self.speak_wanted();
        self.loaded(Ok(outcome));
    }

    /// The network answered (or failed for good): show what `crate::refresh` decides.
    /// `same_list`: the fresh feed is the one on screen refreshed (its new articles are
    /// announced), not another language's.
    fn settle(
        self: &Rc<Self>,
        result: Result<(FeedOutcome, Uint8Array), LoadError>,
        same_list: bool,
    ) {
        let next = policy::after_load(
            result.as_ref().map(|_| ()).map_err(LoadError::failure),
            self.news_on_screen(),
        );
        self.speak_wanted();
        let result = result.map(|(outcome, bytes)| {
            let same = same_list
                && self.freshness.borrow().bytes.as_ref().is_some_and(|shown| {
                    shown.length() == bytes.length() && shown.to_vec() == bytes.to_vec()
                });
            self.freshness.borrow_mut().bytes = Some(bytes);
            (outcome, same)
        });
        match (next, result) {
            (Next::UpdateInPlace, Ok((outcome, same))) => {
                self.report_outcome(&outcome);
                self.update_in_place(outcome.feed, same, same_list);
            }
            (Next::KeepWithNotice, Err(error)) => {
                warn(&format!("feed {}: {error}", self.feed_url.borrow()));
                self.freshness.borrow_mut().failed = true;
                self.render();
                self.send_ready();
                self.emit_kept_error(&error);
            }
            (_, result) => {
                // The first list, or the error state (a feed that is not there replaces even
                // news on screen).
                self.freshness.borrow_mut().failed = false;
                self.mark_fresh();
                if result.is_err() {
                    self.state.borrow_mut().view = View::List;
                }
                self.loaded(result.map(|(outcome, _)| outcome));
            }
        }
    }

    fn mark_fresh(&self) {
        let mut freshness = self.freshness.borrow_mut();
        freshness.source = Source::Network;
        freshness.fetched_at_ms = now_ms();
    }

    /// The fresh feed replaces the one on screen without a Loading state (`show_feed`: the
    /// open article stays, focus returns to the same card), and the new articles are announced
    /// once. An unchanged feed (`unchanged`: the same bytes) changes nothing on screen.
    fn update_in_place(self: &Rc<Self>, fresh: Feed, unchanged: bool, same_list: bool) {
        let had_notice = std::mem::take(&mut self.freshness.borrow_mut().failed);
        self.mark_fresh();
        let added = match &self.state.borrow().load {
            Load::Ready(old) if same_list => policy::count_new(
                old.items.iter().map(|i| i.id.as_str()),
                fresh.items.iter().map(|i| i.id.as_str()),
            ),
            _ => 0,
        };
        if !unchanged || had_notice {
            let fresh = Rc::new(fresh);
            self.sources.keep(&self.feed_url.borrow(), &fresh);
            let focus_was_retry = self.focused_key().as_deref() == Some("retry");
            self.show_feed(fresh);
            if focus_was_retry && self.focused_key().is_none() {
                self.focus_first_card();
            }
        }
        if added > 0 {
            let text = self.l10n.borrow().format(
                "news-updated",
                &[("count", FluentValue::from(added as u32))],
                &mut Vec::new(),
            );
            self.announce(&text.text);
        }
        self.send_ready();
    }

    /// `news-widget:error` for a refresh that failed while the news stayed on screen.
    fn emit_kept_error(&self, error: &LoadError) {
        let message = self
            .l10n
            .borrow()
            .format(error.message_id(), &error.message_args(), &mut Vec::new())
            .text;
        self.emit(
            "news-widget:error",
            &[
                ("kind", error.kind().into()),
                ("message", message.into()),
                ("kept", true.into()),
            ],
        );
    }

    /// `detail.source` of `news-widget:ready`.
    pub(super) fn source_name(&self) -> &'static str {
        match self.freshness.borrow().source {
            Source::Network => "network",
            Source::Kept => "kept",
        }
    }

    /// The notice over news that could not be refreshed: when it was fetched, and Retry.
    pub(super) fn stale_notice(&self, ctx: &Ctx) -> Option<Element> {
        let freshness = self.freshness.borrow();
        if !freshness.failed {
            return None;
        }
        let when = intl::moment(&ctx.ui_lang, freshness.fetched_at_ms);
        let retry = El::new(ctx.doc, "button")
            .attr("type", "button")
            .attr("data-action", "retry")
            .key("retry")
            .part("retry");
        Some(
            ctx.el("div")
                .class("notice kept-notice")
                .part("notice")
                .attr("role", "status")
                .child(ctx.text_args(
                    ctx.el("p"),
                    "kept-notice",
                    &[("when", FluentValue::from(when))],
                ))
                .child(ctx.text(retry, "retry"))
                .done(),
        )
    }

    /// Refreshes by itself when the browser is back online after a failed load.
    pub(super) fn listen_online(self: &Rc<Self>, listeners: &mut Vec<Listener>) {
        let Some(window) = self.doc.default_view() else {
            return;
        };
        let weak = Rc::downgrade(self);
        listeners.push(Listener::new(&window, "online", move |_| {
            let Some(w) = weak.upgrade().filter(|w| !w.destroyed.get()) else {
                return;
            };
            let failed = w.freshness.borrow().failed
                || matches!(&w.state.borrow().load, Load::Failed(e) if e.failure().keeps_news());
            if failed {
                w.refresh(Trigger::Online);
            }
        }));
    }
}

/// Shows what a kept-copy lookup `found` (nothing, or a copy young enough), after the run-time
/// Fluent resource, if the load is still current.
async fn show_kept(
    weak: &Weak<Widget>,
    generation: u32,
    found: wasm_bindgen::JsValue,
    url: &str,
    locale: &LanguageIdentifier,
    resource: &mut Option<Pending>,
) {
    if let Some(kept_copy) = kept::read(found, url).await {
        add_resource(weak, locale, resource).await;
        if let Some(w) = current(weak, generation) {
            w.show_kept(kept_copy);
        }
    }
}

/// Finishes the run-time Fluent resource's request, once, and adds it to the catalog.
async fn add_resource(
    weak: &Weak<Widget>,
    locale: &LanguageIdentifier,
    resource: &mut Option<Pending>,
) {
    if let Some(pending) = resource.take() {
        let text = load::text_of(pending).await;
        if let Some(w) = weak.upgrade().filter(|w| !w.destroyed.get()) {
            w.add_resource(locale, text);
        }
    }
}
