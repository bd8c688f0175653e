//! Language choices: which locale a choice means, the run-time resource it may need first, and
//! what a switch changes (the UI's words, the feed of that language where there is one, the
//! open article's translation). Resources and feeds are asked for through `loading`, which never
//! calls back here.

use std::rc::Rc;

use super::loading::{self, claim_resource, show_feed, Trigger};
use super::{stop_reading, Announcement, Effect, Model, Warning};
use crate::contract::Event;
use crate::lang::{self, LanguageIdentifier};
use crate::listen::action::StopReason;
use crate::refresh::Failure;

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
    if target != model.languages.ui {
        // The article is read in the language it is shown in, which may change now.
        stop_reading(model, StopReason::LanguageSwitch, out);
    }
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

pub(super) fn locale_loaded(
    model: &mut Model,
    locale: LanguageIdentifier,
    failure: Option<Failure>,
    out: &mut Vec<Effect>,
) {
    match failure {
        None => {
            if !model.languages.available.contains(&locale) {
                model.languages.available.push(locale.clone());
            }
        }
        // Asked for again when it is next wanted.
        Some(failure) if failure.may_ask_again() => {
            model.languages.requested.retain(|l| l != &locale);
        }
        Some(_) => {}
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
    stop_reading(model, StopReason::LanguageSwitch, out);
    model.languages.ui = effective.clone();
    out.push(Effect::Speak(effective.clone()));
    out.push(Effect::Render);
    follow_feed_language(model, out);
    let language = effective.as_str().to_owned();
    if announce {
        out.push(Effect::Announce(Announcement::Language(language.clone())));
    }
    out.push(Effect::Emit(Event::LanguageChange { language }));
}

/// With one feed per language, the UI's language brings its feed: kept from earlier, or
/// loaded. An open article follows to its translation where the feeds pair them.
fn follow_feed_language(model: &mut Model, out: &mut Vec<Effect>) {
    if !model.sources.per_language() {
        return;
    }
    let url = model.sources.url_for(model.languages.ui.as_str());
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

/// One entry of the language control: the locale it switches to.
pub fn language_choices(model: &Model) -> Vec<LanguageIdentifier> {
    let mut choices: Vec<LanguageIdentifier> = Vec::new();
    for tag in &model.options.languages {
        let Ok(requested) = lang::parse_tag(tag) else {
            continue;
        };
        let resolved = lang::resolve_choice(&requested, &model.languages.available);
        if !choices.contains(&resolved) {
            choices.push(resolved);
        }
    }
    choices
}
