//! The first load: loading, the first answer, a failed first load.

use super::{fetches, loaded, model, network_error, nothing_kept, on_failed, on_loaded, ready};
use crate::support::model::{model_with, options, FEED};
use news_widget::contract::{Event, Source};
use news_widget::load_error::LoadError;
use news_widget::options::Options;
use news_widget::state::{update, Action, Effect, Load};

// ---- the first load ----------------------------------------------------------------------------

#[test]
fn mounting_shows_loading_and_asks_for_the_feed_with_the_kept_copy_meanwhile() {
    let mut model = model();
    let effects = update(&mut model, Action::Start);
    assert_eq!(
        effects,
        vec![
            Effect::Render,
            Effect::FetchFeed {
                load: 1,
                url: FEED.into(),
                revalidate: false,
                kept_first: true,
                adopt: false,
            },
        ]
    );
    assert!(matches!(model.load, Load::Loading));
}

#[test]
fn a_widget_without_a_feed_asks_for_nothing_but_the_empty_url() {
    let mut model = model_with(Options {
        feed: None,
        ..options()
    });
    let effects = update(&mut model, Action::Start);
    assert_eq!(
        fetches(&effects),
        vec![&Effect::FetchFeed {
            load: 1,
            url: String::new(),
            revalidate: false,
            kept_first: true,
            adopt: false,
        }]
    );
    let effects = on_failed(&mut model, LoadError::NoFeedUrl);
    assert!(matches!(model.load, Load::Failed(LoadError::NoFeedUrl)));
    assert!(effects.contains(&Effect::LoadFailed {
        error: LoadError::NoFeedUrl,
        kept: false,
    }));
}

#[test]
fn the_first_answer_shows_the_list_and_says_ready_once() {
    let mut model = model();
    update(&mut model, Action::Start);
    let effects = on_loaded(&mut model, &["a", "b", "c"], 1);
    assert_eq!(effects, vec![Effect::Render, ready(Source::Network)]);
    assert_eq!(model.feed().unwrap().items.len(), 3);
    update(&mut model, Action::Reload);
    let effects = on_loaded(&mut model, &["a", "b", "c", "d"], 2);
    assert!(!effects
        .iter()
        .any(|e| matches!(e, Effect::Emit(Event::Ready { .. }))));
}

#[test]
fn an_answer_to_an_older_request_changes_nothing() {
    let mut model = model();
    update(&mut model, Action::Start);
    let stale = loaded(&model, &["old"], 1);
    update(&mut model, Action::Reload);
    assert_eq!(update(&mut model, stale), vec![]);
    assert!(matches!(model.load, Load::Loading));
}

#[test]
fn a_failed_first_load_shows_the_error_emits_it_and_says_ready() {
    let mut model = model();
    update(&mut model, Action::Start);
    nothing_kept(&mut model);
    let effects = on_failed(&mut model, network_error());
    assert_eq!(
        effects,
        vec![
            Effect::Render,
            Effect::LoadFailed {
                error: network_error(),
                kept: false,
            },
            ready(Source::Network),
        ]
    );
}
