//! Refreshing: reloads, the kept copy, failures and coming back online.

use super::{
    fetches, model, network_error, nothing_kept, on_failed, on_kept, on_loaded, ready, showing,
};
use crate::support::model::FEED;
use news_widget::contract::Source;
use news_widget::load_error::LoadError;
use news_widget::state::{update, Action, Announcement, Effect, Load};

// ---- refreshing --------------------------------------------------------------------------------

#[test]
fn reload_keeps_the_news_on_screen_and_asks_the_server() {
    let mut model = showing(&["a"]);
    let effects = update(&mut model, Action::Reload);
    assert_eq!(
        effects,
        vec![Effect::FetchFeed {
            load: 2,
            url: FEED.into(),
            revalidate: true,
            kept_first: false,
            adopt: false,
        }]
    );
    assert!(matches!(model.load, Load::Ready(_)));
}

#[test]
fn a_failed_refresh_keeps_the_news_with_the_notice() {
    let mut model = showing(&["a"]);
    update(&mut model, Action::Reload);
    let effects = on_failed(&mut model, network_error());
    assert!(model.freshness.failed);
    assert!(matches!(model.load, Load::Ready(_)));
    assert_eq!(
        effects,
        [
            Effect::Render,
            Effect::LoadFailed {
                error: network_error(),
                kept: true,
            },
        ]
    );
}

#[test]
fn a_feed_that_is_gone_replaces_even_news_on_screen() {
    let mut model = showing(&["a"]);
    update(&mut model, Action::Reload);
    on_failed(&mut model, LoadError::Http { status: 404 });
    assert!(matches!(
        model.load,
        Load::Failed(LoadError::Http { status: 404 })
    ));
}

#[test]
fn the_kept_copy_shows_first_and_the_fresh_feed_updates_it_in_place_announcing_new_articles() {
    let mut model = model();
    update(&mut model, Action::Start);
    let effects = on_kept(&mut model, &["b", "c"], 7);
    assert_eq!(effects, vec![Effect::Render, ready(Source::Kept)]);
    assert_eq!(model.freshness.source, Source::Kept);
    let effects = on_loaded(&mut model, &["a", "b", "c"], 8);
    assert_eq!(
        effects,
        vec![
            Effect::Render,
            Effect::Announce(Announcement::NewArticles(1))
        ]
    );
    assert_eq!(model.freshness.source, Source::Network);
}

#[test]
fn an_unchanged_fresh_feed_changes_nothing_on_screen() {
    let mut model = model();
    update(&mut model, Action::Start);
    on_kept(&mut model, &["a"], 7);
    assert_eq!(on_loaded(&mut model, &["a"], 7), vec![]);
}

#[test]
fn a_kept_copy_after_the_fresh_answer_is_not_shown() {
    let mut model = showing(&["fresh"]);
    let effects = on_kept(&mut model, &["old"], 7);
    assert_eq!(effects, vec![]);
    assert_eq!(model.feed().unwrap().items[0].id, "fresh");
}

#[test]
fn the_kept_copy_with_a_failed_network_keeps_the_notice() {
    let mut model = model();
    update(&mut model, Action::Start);
    on_kept(&mut model, &["a"], 7);
    on_failed(&mut model, LoadError::Timeout { ms: 10_000 });
    assert!(model.freshness.failed);
    assert_eq!(model.freshness.fetched_at_ms, 500);
}

#[test]
fn back_online_after_a_failure_refreshes_by_itself() {
    let mut model = model();
    update(&mut model, Action::Start);
    nothing_kept(&mut model);
    on_failed(&mut model, network_error());
    let effects = update(&mut model, Action::Online);
    assert_eq!(fetches(&effects).len(), 1);
}

#[test]
fn back_online_with_fresh_news_does_nothing() {
    let mut model = showing(&["a"]);
    assert_eq!(update(&mut model, Action::Online), vec![]);
}
