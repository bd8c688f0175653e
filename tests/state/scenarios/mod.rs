// Specification of the widget's state machine: whole scenarios driven through `update`, each
// step's effects pinned. Races (a language switch during a load, Retry during a locale fetch,
// answers that arrive late), focus rules, announcements, events and what is shared with the site.
// One module per part of the widget's life (`first_load`, `refreshing`, `focus`, `article_option`,
// `font`, `languages`, `per_language`); the helpers they share are here.

use news_widget::command::Command;
use news_widget::contract::{Event, Source};
use news_widget::load_error::LoadError;
use news_widget::state::{update, Action, Effect, Model};

// ---- helpers ---------------------------------------------------------------------------------

use crate::support::model::{model_with, options, outcome};

pub fn model() -> Model {
    model_with(options())
}

pub fn loaded(model: &Model, ids: &[&str], digest: u64) -> Action {
    Action::FeedLoaded {
        load: model.load_id,
        outcome: outcome(ids),
        digest,
        now_ms: 1_000,
    }
}

pub fn failed(model: &Model, error: LoadError) -> Action {
    Action::FeedFailed {
        load: model.load_id,
        error,
        now_ms: 1_000,
    }
}

pub fn kept(model: &Model, ids: &[&str], digest: u64) -> Action {
    Action::KeptFound {
        load: model.load_id,
        outcome: outcome(ids),
        fetched_at_ms: 500,
        digest,
    }
}

pub fn on_loaded(model: &mut Model, ids: &[&str], digest: u64) -> Vec<Effect> {
    let action = loaded(model, ids, digest);
    update(model, action)
}

pub fn on_failed(model: &mut Model, error: LoadError) -> Vec<Effect> {
    let action = failed(model, error);
    update(model, action)
}

/// The lookup of the kept copy answered: nothing (a first visit).
pub fn nothing_kept(model: &mut Model) -> Vec<Effect> {
    let action = Action::KeptLookedUp {
        load: model.load_id,
        fetched_at_ms: None,
        now_ms: 1_000,
    };
    update(model, action)
}

pub fn on_kept(model: &mut Model, ids: &[&str], digest: u64) -> Vec<Effect> {
    let action = kept(model, ids, digest);
    update(model, action)
}

pub fn network_error() -> LoadError {
    LoadError::Network {
        detail: "offline".into(),
    }
}

/// A widget showing the list of `ids` from the network.
pub fn showing(ids: &[&str]) -> Model {
    let mut model = model();
    update(&mut model, Action::Start);
    let answer = loaded(&model, ids, 1);
    update(&mut model, answer);
    model
}

/// The reader pressed a control.
pub fn press(command: Command, value: Option<&str>) -> Action {
    Action::Command {
        command,
        value: value.map(str::to_string),
    }
}

/// The reader pressed a language button.
pub fn choose(tag: &str) -> Action {
    press(Command::Language, Some(tag))
}

pub fn fetches(effects: &[Effect]) -> Vec<&Effect> {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::FetchFeed { .. } | Effect::FetchLocale { .. }))
        .collect()
}

pub fn ready(source: Source) -> Effect {
    Effect::Emit(Event::Ready { source })
}

mod article_option;
mod first_load;
mod focus;
mod font;
mod languages;
mod per_language;
mod refreshing;
