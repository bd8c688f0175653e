// Specification of what the DOM layer used to decide on its own and `update` decides now: the
// race of the kept copy with the network (whichever answers first shows; a kept copy too old is
// not read), the fallback to the kept copy when the network fails in a way that keeps the news,
// taking over the loader's early request, and whether a run-time resource that failed is asked
// for again.

use news_widget::command::Command;
use news_widget::contract::{Event, Source};
use news_widget::keep::KEEP_POLICY;
use news_widget::load_error::LoadError;
use news_widget::refresh::Failure;
use news_widget::state::{update, Action, Effect, KeptCopy, Load, Model};

use crate::support::model::{model_with, options, outcome, tag, with_site_locales, FEED};

/// When the answers below arrive.
const NOW: u64 = 10 * 86_400_000;

fn started() -> Model {
    let mut model = model_with(options());
    update(&mut model, Action::Start);
    model
}

/// The lookup answered: a copy fetched at `fetched_at_ms`, or nothing.
fn looked_up(model: &mut Model, fetched_at_ms: Option<u64>) -> Vec<Effect> {
    let action = Action::KeptLookedUp {
        load: model.load_id,
        fetched_at_ms,
        now_ms: NOW,
    };
    update(model, action)
}

/// The kept copy, read.
fn kept(model: &mut Model, ids: &[&str]) -> Vec<Effect> {
    let action = Action::KeptFound {
        load: model.load_id,
        outcome: outcome(ids),
        fetched_at_ms: NOW - 60_000,
        digest: 7,
    };
    update(model, action)
}

fn loaded(model: &mut Model, ids: &[&str]) -> Vec<Effect> {
    let action = Action::FeedLoaded {
        load: model.load_id,
        outcome: outcome(ids),
        digest: 8,
        now_ms: NOW,
    };
    update(model, action)
}

fn failed(model: &mut Model, error: LoadError) -> Vec<Effect> {
    let action = Action::FeedFailed {
        load: model.load_id,
        error,
        now_ms: NOW,
    };
    update(model, action)
}

fn timeout() -> LoadError {
    LoadError::Timeout { ms: 10_000 }
}

fn ready(source: Source) -> Effect {
    Effect::Emit(Event::Ready { source })
}

// ---- the race of the kept copy and the network ---------------------------------------------------

#[test]
fn a_kept_copy_found_before_the_feed_is_read_then_shown() {
    let mut model = started();
    let load = model.load_id;
    assert_eq!(
        looked_up(&mut model, Some(NOW - 60_000)),
        vec![Effect::ReadKept { load }]
    );
    assert_eq!(model.kept, KeptCopy::Reading);
    assert_eq!(
        kept(&mut model, &["a"]),
        vec![Effect::Render, ready(Source::Kept)]
    );
}

#[test]
fn a_kept_copy_older_than_the_policy_allows_is_not_read() {
    let mut model = started();
    let too_old = NOW - KEEP_POLICY.max_age_ms - 1;
    assert_eq!(looked_up(&mut model, Some(too_old)), vec![]);
    assert_eq!(model.kept, KeptCopy::Missing);
    assert!(matches!(model.load, Load::Loading));
}

#[test]
fn the_feed_answering_first_makes_the_kept_copy_moot() {
    let mut model = started();
    loaded(&mut model, &["fresh"]);
    assert_eq!(
        looked_up(&mut model, Some(NOW - 60_000)),
        vec![],
        "not even read"
    );
    assert_eq!(model.feed().unwrap().items[0].id, "fresh");
}

#[test]
fn a_lookup_answering_for_an_older_load_changes_nothing() {
    let mut model = started();
    let old = model.load_id;
    update(&mut model, Action::Reload);
    let action = Action::KeptLookedUp {
        load: old,
        fetched_at_ms: Some(NOW - 60_000),
        now_ms: NOW,
    };
    assert_eq!(update(&mut model, action), vec![]);
}

#[test]
fn news_on_screen_is_refreshed_without_looking_for_the_kept_copy() {
    let mut model = started();
    loaded(&mut model, &["a"]);
    update(&mut model, Action::Reload);
    assert_eq!(model.kept, KeptCopy::NotAsked);
    assert_eq!(looked_up(&mut model, Some(NOW - 60_000)), vec![]);
}

// ---- the fallback to the kept copy ---------------------------------------------------------------

#[test]
fn a_failure_that_keeps_the_news_waits_for_the_kept_copy_which_shows_with_the_notice() {
    let mut model = started();
    assert_eq!(failed(&mut model, timeout()), vec![], "nothing shown yet");
    let load = model.load_id;
    assert_eq!(
        looked_up(&mut model, Some(NOW - 60_000)),
        vec![Effect::ReadKept { load }]
    );
    assert_eq!(
        kept(&mut model, &["a"]),
        vec![
            Effect::Render,
            ready(Source::Kept),
            Effect::Render,
            Effect::LoadFailed {
                error: timeout(),
                kept: true
            },
        ]
    );
    assert!(model.freshness.failed, "the notice with Retry");
    assert_eq!(model.freshness.source, Source::Kept);
}

#[test]
fn a_failure_that_keeps_the_news_with_nothing_kept_is_the_error_state() {
    let mut model = started();
    failed(&mut model, timeout());
    assert_eq!(
        looked_up(&mut model, None),
        vec![
            Effect::Render,
            Effect::LoadFailed {
                error: timeout(),
                kept: false
            },
            ready(Source::Network),
        ]
    );
    assert!(matches!(model.load, Load::Failed(_)));
}

#[test]
fn a_kept_copy_that_cannot_be_read_leaves_the_waiting_failure_alone() {
    let mut model = started();
    failed(&mut model, timeout());
    looked_up(&mut model, Some(NOW - 60_000));
    // The DOM layer could not read it: the lookup's answer is nothing after all.
    let effects = looked_up(&mut model, None);
    assert!(effects.contains(&Effect::LoadFailed {
        error: timeout(),
        kept: false
    }));
    assert!(matches!(model.load, Load::Failed(_)));
}

#[test]
fn a_failure_that_does_not_keep_the_news_does_not_wait_for_the_kept_copy() {
    let mut model = started();
    let gone = LoadError::Http { status: 404 };
    assert!(
        failed(&mut model, gone.clone()).contains(&Effect::LoadFailed {
            error: gone,
            kept: false
        })
    );
    assert_eq!(looked_up(&mut model, Some(NOW - 60_000)), vec![]);
    assert!(matches!(model.load, Load::Failed(_)));
}

#[test]
fn a_failure_after_the_lookup_found_nothing_is_the_error_state_at_once() {
    let mut model = started();
    looked_up(&mut model, None);
    let effects = failed(&mut model, timeout());
    assert!(effects.contains(&Effect::LoadFailed {
        error: timeout(),
        kept: false
    }));
}

#[test]
fn answers_waiting_for_the_first_run_time_resource_include_the_lookup() {
    let mut model = model_with(with_site_locales(Some("ja")));
    update(&mut model, Action::Start);
    let load = model.load_id;
    assert_eq!(looked_up(&mut model, Some(NOW - 60_000)), vec![]);
    let effects = update(
        &mut model,
        Action::LocaleLoaded {
            locale: tag("ja"),
            failure: None,
        },
    );
    assert!(effects.contains(&Effect::ReadKept { load }), "{effects:?}");
}

// ---- the loader's early request --------------------------------------------------------------------

fn fetch_adopts(effects: &[Effect]) -> Option<bool> {
    effects.iter().find_map(|e| match e {
        Effect::FetchFeed { adopt, .. } => Some(*adopt),
        _ => None,
    })
}

#[test]
fn the_first_load_takes_over_the_loader_s_request_for_the_same_feed() {
    let mut model = model_with(options());
    model.early = Some(FEED.into());
    assert_eq!(fetch_adopts(&update(&mut model, Action::Start)), Some(true));
    assert_eq!(model.early, None);
    assert_eq!(
        fetch_adopts(&update(&mut model, Action::Reload)),
        Some(false),
        "once"
    );
}

#[test]
fn the_loader_s_request_for_another_url_is_let_go() {
    let mut model = model_with(options());
    model.early = Some("https://city.example/old.json".into());
    assert_eq!(
        fetch_adopts(&update(&mut model, Action::Start)),
        Some(false)
    );
    assert_eq!(model.early, None, "given up: the DOM layer aborts it");
}

// ---- run-time resources that failed ----------------------------------------------------------------

fn with_locales() -> Model {
    let mut model = model_with(with_site_locales(None));
    update(&mut model, Action::Start);
    loaded(&mut model, &["a"]);
    model
}

fn choose(model: &mut Model, tag: &str) -> Vec<Effect> {
    let action = Action::Command {
        command: Command::Language,
        value: Some(tag.into()),
    };
    update(model, action)
}

fn asks_for_ja(effects: &[Effect]) -> bool {
    effects
        .iter()
        .any(|e| matches!(e, Effect::FetchLocale { locale, .. } if *locale == tag("ja")))
}

#[test]
fn a_resource_that_timed_out_is_asked_for_again_when_next_chosen() {
    let mut model = with_locales();
    assert!(asks_for_ja(&choose(&mut model, "ja")));
    update(
        &mut model,
        Action::LocaleLoaded {
            locale: tag("ja"),
            failure: Some(Failure::Timeout),
        },
    );
    choose(&mut model, "en");
    assert!(asks_for_ja(&choose(&mut model, "ja")));
}

#[test]
fn a_resource_the_server_refused_or_that_cannot_be_read_is_not_asked_for_again() {
    for failure in [Failure::Http(404), Failure::Feed, Failure::NoFeedUrl] {
        let mut model = with_locales();
        choose(&mut model, "ja");
        update(
            &mut model,
            Action::LocaleLoaded {
                locale: tag("ja"),
                failure: Some(failure),
            },
        );
        choose(&mut model, "en");
        assert!(!asks_for_ja(&choose(&mut model, "ja")), "{failure:?}");
    }
}
