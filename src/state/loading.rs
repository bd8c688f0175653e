//! Loading the feed as a news app does (docs/serving.md#news-that-survives-the-network): the copy
//! kept from the last visit shows at once while the network is asked, whichever answers first
//! (a busy server's retry does not hold it back); the fresh feed then updates the list in place
//! (scroll, focus and the open article stay; new articles are announced once); a failure that
//! keeps the news shows the kept copy first, with a notice and Retry; coming back online
//! refreshes by itself. The first load takes over the loader's early request when it asked for
//! the same feed. What each outcome leads to is `crate::refresh`'s policy, and how old a kept
//! copy may be `crate::keep`'s. Also what a load and a language switch share: claiming a
//! locale's run-time resource, speaking the locale wanted, showing another feed in place (an
//! open article following to its translation).

use std::rc::Rc;

use super::reader::{focus_first_card, open};
use super::{Action, Announcement, Effect, Focus, KeptCopy, Load, Model, View, Warning};
use crate::contract::{Event, Source};
use crate::feed::pair::counterpart;
use crate::feed::{Feed, FeedOutcome};
use crate::keep::KEEP_POLICY;
use crate::lang::{self, LanguageIdentifier};
use crate::load_error::LoadError;
use crate::refresh::{self as policy, Next};

/// What started a load.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Trigger {
    /// The first load: the HTTP cache's default rules.
    #[default]
    Mount,
    /// reload() or Retry: asks the server (`no-cache`, a 304 when nothing changed).
    Reload,
    /// The browser came back online after a failed load.
    Online,
    /// The UI language changed and with it the feed (`feed-<lang>`).
    Language,
}

/// Starts a load of the feed of the language asked for. With nothing on screen it shows Loading
/// and looks for the kept copy meanwhile; news on screen stays until the answer.
pub(super) fn start(model: &mut Model, trigger: Trigger, out: &mut Vec<Effect>) {
    if matches!(trigger, Trigger::Reload | Trigger::Online) {
        model.language_feeds.clear();
    }
    model.load_id = model.load_id.wrapping_add(1);
    model.trigger = trigger;
    model.feed_url = model.sources.url_for(model.languages.wanted.as_str());
    // Another language's list is another list: it is not kept on screen (an open article is).
    let on_screen =
        news_on_screen(model) && !(trigger == Trigger::Language && model.view == View::List);
    if !on_screen {
        // A reader who pressed Retry keeps focus in the widget: on the loading message now,
        // on the result when it arrives.
        let had_focus = model.focus.is_some();
        model.load = Load::Loading;
        out.push(Effect::Render);
        if had_focus {
            out.push(Effect::Focus(Focus::Loading));
        }
    }
    if !model.feed_url.is_empty() {
        // The run-time resource of the language comes before the first answer is shown, so
        // that a site's rewording is there on the first cards.
        let wanted = model.languages.wanted.clone();
        if let Some(url) = claim_resource(model, &wanted) {
            model.awaiting_locale = Some(wanted.clone());
            out.push(Effect::FetchLocale {
                locale: wanted,
                url,
            });
        }
    }
    // The loader asked for the feed it saw on the page before the wasm arrived: the same
    // request as the first load's, taken over; any other goes.
    let adopt = model
        .early
        .take()
        .is_some_and(|early| trigger == Trigger::Mount && early == model.feed_url);
    model.kept = if on_screen {
        KeptCopy::NotAsked
    } else {
        KeptCopy::Asked
    };
    model.failure_waiting = None;
    out.push(Effect::FetchFeed {
        load: model.load_id,
        url: model.feed_url.clone(),
        revalidate: trigger != Trigger::Mount,
        kept_first: !on_screen,
        adopt,
    });
}

/// Back online after a failed load: refresh by itself.
pub(super) fn online(model: &mut Model, out: &mut Vec<Effect>) {
    let failed = model.freshness.failed
        || matches!(&model.load, Load::Failed(e) if e.failure().keeps_news());
    if failed {
        start(model, Trigger::Online, out);
    }
}

fn news_on_screen(model: &Model) -> bool {
    matches!(model.load, Load::Ready(_))
}

/// Whether the kept copy would show now: nothing is on screen and the load has not settled
/// (or waits for it with a failure that keeps the news).
fn kept_wanted(model: &Model) -> bool {
    matches!(model.load, Load::Loading)
}

/// An answer to a feed request: the kept copy, the network's feed or its failure.
pub(super) fn answer(model: &mut Model, action: Action, out: &mut Vec<Effect>) {
    match action {
        Action::KeptLookedUp {
            load,
            fetched_at_ms,
            now_ms,
        } => {
            if load != model.load_id || model.kept == KeptCopy::NotAsked {
                return;
            }
            let usable = fetched_at_ms.is_some_and(|at| KEEP_POLICY.is_usable(at, now_ms));
            if usable && kept_wanted(model) {
                model.kept = KeptCopy::Reading;
                out.push(Effect::ReadKept { load });
            } else {
                model.kept = KeptCopy::Missing;
                // The failure that waited for it stands alone.
                if let Some((error, now_ms)) = model.failure_waiting.take() {
                    failed(model, error, now_ms, out);
                }
            }
        }
        Action::KeptFound {
            load,
            outcome,
            fetched_at_ms,
            digest,
        } => {
            // A fresh answer came first: the kept copy is not needed.
            if load != model.load_id || !kept_wanted(model) {
                return;
            }
            model.kept = KeptCopy::NotAsked;
            model.freshness = super::Freshness {
                source: Source::Kept,
                fetched_at_ms,
                digest: Some(digest),
                failed: false,
            };
            speak_wanted(model, out);
            // Its repairs were reported when it was fetched.
            let outcome = FeedOutcome {
                warnings: Vec::new(),
                notes: Vec::new(),
                ..outcome
            };
            loaded(model, Ok(outcome), out);
            // The network failed first: its notice goes over the kept news.
            if let Some((error, now_ms)) = model.failure_waiting.take() {
                failed(model, error, now_ms, out);
            }
        }
        Action::FeedLoaded {
            load,
            outcome,
            digest,
            now_ms,
        } => {
            if load != model.load_id {
                return;
            }
            model.kept = KeptCopy::NotAsked;
            let next = policy::after_load(Ok(()), news_on_screen(model));
            speak_wanted(model, out);
            // `same_list`: the fresh feed is the one on screen refreshed (its new articles are
            // announced), not another language's.
            let same_list = model.trigger != Trigger::Language;
            let unchanged = same_list && model.freshness.digest == Some(digest);
            model.freshness.digest = Some(digest);
            if next == Next::UpdateInPlace {
                report(model, &outcome, out);
                update_in_place(model, outcome.feed, unchanged, same_list, now_ms, out);
            } else {
                model.freshness.failed = false;
                mark_fresh(model, now_ms);
                loaded(model, Ok(outcome), out);
            }
        }
        Action::FeedFailed {
            load,
            error,
            now_ms,
        } => {
            if load != model.load_id {
                return;
            }
            // A failure that keeps the news, with the kept copy still to come: it shows first.
            let kept_coming = matches!(model.kept, KeptCopy::Asked | KeptCopy::Reading);
            if error.failure().keeps_news() && kept_coming && kept_wanted(model) {
                model.failure_waiting = Some((error, now_ms));
                return;
            }
            model.kept = KeptCopy::NotAsked;
            failed(model, error, now_ms, out);
        }
        _ => {}
    }
}

/// The network's failure, with news on screen (kept with the notice) or not (the error state).
fn failed(model: &mut Model, error: LoadError, now_ms: u64, out: &mut Vec<Effect>) {
    let next = policy::after_load(Err(error.failure()), news_on_screen(model));
    speak_wanted(model, out);
    if next == Next::KeepWithNotice {
        model.freshness.failed = true;
        out.push(Effect::Render);
        send_ready(model, out);
        out.push(Effect::LoadFailed { error, kept: true });
    } else {
        // The error state: a feed that is not there replaces even news on screen.
        model.freshness.failed = false;
        mark_fresh(model, now_ms);
        model.view = View::List;
        loaded(model, Err(error), out);
    }
}

fn report(model: &Model, outcome: &FeedOutcome, out: &mut Vec<Effect>) {
    for note in &outcome.notes {
        out.push(Effect::Warn(Warning::Note {
            url: model.feed_url.clone(),
            note: note.clone(),
        }));
    }
    for warning in &outcome.warnings {
        out.push(Effect::Warn(Warning::Item(warning.clone())));
    }
}

fn mark_fresh(model: &mut Model, now_ms: u64) {
    model.freshness.source = Source::Network;
    model.freshness.fetched_at_ms = now_ms;
}

fn keep_language_feed(model: &mut Model, feed: &Rc<Feed>) {
    if !model.sources.per_language() {
        return;
    }
    let url = model.feed_url.clone();
    model.language_feeds.retain(|(u, _)| *u != url);
    model.language_feeds.push((url, Rc::clone(feed)));
}

fn send_ready(model: &mut Model, out: &mut Vec<Effect>) {
    if !std::mem::replace(&mut model.ready_sent, true) {
        out.push(Effect::Emit(Event::Ready {
            source: model.freshness.source,
        }));
    }
}

/// The first list (or the error state): repairs reported, the article the page asked for
/// opened, focus on the result when it was on the loading message.
fn loaded(model: &mut Model, result: Result<FeedOutcome, LoadError>, out: &mut Vec<Effect>) {
    let waiting_focus = model.focus == Some(Focus::Loading);
    let outcome = match result {
        Ok(outcome) => outcome,
        Err(error) => {
            model.load = Load::Failed(error.clone());
            out.push(Effect::Render);
            if waiting_focus {
                out.push(Effect::Focus(Focus::Retry));
            }
            out.push(Effect::LoadFailed { error, kept: false });
            send_ready(model, out);
            return;
        }
    };
    report(model, &outcome, out);
    let feed = Rc::new(outcome.feed);
    keep_language_feed(model, &feed);
    let mut article = None;
    if let Some(id) = model.pending_article.take() {
        // Found and readable (a long feed's item may turn out unreadable).
        if feed.items.find(&id).is_some() {
            article = Some(id);
        } else {
            model.not_found = true;
            out.push(Effect::Warn(Warning::ArticleNotFound { id }));
        }
    }
    model.shown = model
        .shown
        .max(feed.items.page_end(0, model.options.page_size));
    model.load = Load::Ready(feed);
    match article {
        // The `article` option opens without taking focus: the reader may be typing elsewhere
        // on the page.
        Some(id) => open(model, &id, waiting_focus, out),
        None => {
            out.push(Effect::Render);
            if waiting_focus {
                focus_first_card(model, out);
            }
        }
    }
    send_ready(model, out);
}

/// The fresh feed replaces the one on screen without a Loading state (the open article stays,
/// focus returns to the same card), and the new articles are announced once. An unchanged
/// feed (the same bytes) changes nothing on screen.
fn update_in_place(
    model: &mut Model,
    fresh: Feed,
    unchanged: bool,
    same_list: bool,
    now_ms: u64,
    out: &mut Vec<Effect>,
) {
    let had_notice = std::mem::take(&mut model.freshness.failed);
    mark_fresh(model, now_ms);
    let added = match &model.load {
        Load::Ready(old) if same_list => policy::count_new(old.items.ids(), fresh.items.ids()),
        _ => 0,
    };
    if !unchanged || had_notice {
        let fresh = Rc::new(fresh);
        keep_language_feed(model, &fresh);
        // Retry sat in the notice, which goes: focus moves on to the news.
        let focus_was_retry = model.focus == Some(Focus::Retry);
        show_feed(model, fresh, out);
        if focus_was_retry {
            focus_first_card(model, out);
        }
    }
    if added > 0 {
        out.push(Effect::Announce(Announcement::NewArticles(added)));
    }
    send_ready(model, out);
}

/// The URL of `locale`'s run-time resource, when the `locales` option offers one and it was
/// not asked for yet (it is marked asked for).
pub(super) fn claim_resource(model: &mut Model, locale: &LanguageIdentifier) -> Option<String> {
    if model.languages.requested.contains(locale) {
        return None;
    }
    let url = model.locale_url(locale)?;
    model.languages.requested.push(locale.clone());
    Some(url)
}

/// Speaks the locale asked for, quietly (a load's answer, after choices made while it was on
/// its way or a resource that landed).
pub(super) fn speak_wanted(model: &mut Model, out: &mut Vec<Effect>) {
    let effective = lang::effective_locale(&model.languages.wanted, &model.languages.available);
    if effective != model.languages.ui {
        model.languages.ui = effective.clone();
        out.push(Effect::Speak(effective));
    }
}

/// Shows another feed (another language's, or the same one refreshed) in place of the one on
/// screen; an open article follows to its counterpart, or stays held with its notice.
pub(super) fn show_feed(model: &mut Model, feed: Rc<Feed>, out: &mut Vec<Effect>) {
    if let View::Article(id) = &model.view {
        let open = match (&model.load, &model.held) {
            (_, Some(held)) if &held.id == id => Some(Rc::clone(held)),
            (super::Load::Ready(old), _) => old.items.find(id).map(|i| Rc::new(i.clone())),
            _ => None,
        };
        match open {
            Some(item) => match counterpart(&item, &feed) {
                Some(pair) => {
                    model.view = View::Article(pair.id.clone());
                    model.held = None;
                }
                None => model.held = Some(item),
            },
            None => model.view = View::List,
        }
    }
    model.shown = model
        .shown
        .max(feed.items.page_end(0, model.options.page_size));
    model.load = super::Load::Ready(feed);
    out.push(Effect::Render);
}
