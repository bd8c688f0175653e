//! Language choices: which locale a choice means, the run-time resource it may need first, and
//! what a switch changes (the UI's words, the feed of that language where there is one, the
//! open article's translation).

use std::rc::Rc;

use unic_langid::LanguageIdentifier;

use super::loading::{self, Trigger};
use super::{Announcement, Effect, Model, View, Warning};
use crate::contract::Event;
use crate::feed::pair::counterpart;
use crate::feed::Feed;
use crate::lang;

pub(super) fn choose(
    model: &mut Model,
    tag: &str,
    remember: bool,
    announce: bool,
    out: &mut Vec<Effect>,
) {
    let requested = match lang::parse_tag(tag) {
        Ok(requested) => requested,
        Err(error) => {
            out.push(Effect::Warn(Warning::InvalidTag(error)));
            return;
        }
    };
    let target = lang::resolve_choice(&requested, &model.languages.available);
    model.languages.wanted = target.clone();
    match claim_resource(model, &target) {
        Some(url) => {
            // Spoken when it lands (`locale_loaded`); a later choice makes it moot.
            model.languages.announce_pending = announce;
            out.push(Effect::FetchLocale {
                locale: target,
                url,
            });
        }
        None => apply(model, &target, announce, out),
    }
    if remember {
        out.push(Effect::ShareLanguage(tag.to_string()));
    }
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

pub(super) fn locale_loaded(
    model: &mut Model,
    locale: LanguageIdentifier,
    loaded: bool,
    retryable: bool,
    out: &mut Vec<Effect>,
) {
    if loaded {
        if !model.languages.available.contains(&locale) {
            model.languages.available.push(locale.clone());
        }
    } else if retryable {
        model.languages.requested.retain(|l| l != &locale);
    }
    if model.awaiting_locale.as_ref() == Some(&locale) {
        // The first load: its answers follow (replayed by `update`) and speak this locale.
        model.awaiting_locale = None;
        return;
    }
    // Only the latest choice is applied; the resource stays for later.
    if model.languages.wanted == locale {
        let announce = std::mem::take(&mut model.languages.announce_pending);
        apply(model, &locale, announce, out);
    }
}

/// Speaks `locale` (or, when its resources are not there, the best of what is): the words, the
/// feed of that language, the announcement and the event.
pub(super) fn apply(
    model: &mut Model,
    locale: &LanguageIdentifier,
    announce: bool,
    out: &mut Vec<Effect>,
) {
    let effective = lang::effective_locale(locale, &model.languages.available);
    if effective == model.languages.ui {
        return;
    }
    model.languages.ui = effective.clone();
    out.push(Effect::Speak(effective.clone()));
    out.push(Effect::Render);
    follow_feed_language(model, out);
    let language = effective.to_string();
    if announce {
        out.push(Effect::Announce(Announcement::Language(language.clone())));
    }
    out.push(Effect::Emit(Event::LanguageChange { language }));
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

/// With one feed per language, the UI's language brings its feed: kept from earlier, or
/// loaded. An open article follows to its translation where the feeds pair them.
fn follow_feed_language(model: &mut Model, out: &mut Vec<Effect>) {
    if !model.sources.per_language() {
        return;
    }
    let url = model.sources.url_for(&model.languages.ui.to_string());
    if url.is_empty() || model.feed_url == url {
        return;
    }
    model.feed_url = url.clone();
    let known = model
        .language_feeds
        .iter()
        .find(|(u, _)| *u == url)
        .map(|(_, f)| Rc::clone(f));
    match known {
        Some(feed) => show_feed(model, feed, out),
        // The list of another language is another list: it loads (the kept copy at once where
        // there is one). An open article stays readable until its translation (or nothing)
        // arrives.
        None => loading::start(model, Trigger::Language, out),
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
    model.shown = model.shown.max(model.options.page_size);
    model.load = super::Load::Ready(feed);
    out.push(Effect::Render);
}
