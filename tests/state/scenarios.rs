// Specification of the widget's state machine: whole scenarios driven through `update`, each
// step's effects pinned. Races (a language switch during a load, Retry during a locale fetch,
// answers that arrive late), focus rules, announcements, events and what is shared with the site.

use news_widget::command::Command;
use news_widget::contract::{Event, FontStep, Source};
use news_widget::load_error::LoadError;
use news_widget::options::Options;
use news_widget::refresh::Failure;
use news_widget::state::{
    handles_key, update, Action, Announcement, Effect, Focus, Load, Model, View, Warning,
};

// ---- helpers ---------------------------------------------------------------------------------

use crate::support::model::{model_with, options, outcome, tag, with_site_locales, FEED};

fn model() -> Model {
    model_with(options())
}

fn loaded(model: &Model, ids: &[&str], digest: u64) -> Action {
    Action::FeedLoaded {
        load: model.load_id,
        outcome: outcome(ids),
        digest,
        now_ms: 1_000,
    }
}

fn failed(model: &Model, error: LoadError) -> Action {
    Action::FeedFailed {
        load: model.load_id,
        error,
        now_ms: 1_000,
    }
}

fn kept(model: &Model, ids: &[&str], digest: u64) -> Action {
    Action::KeptFound {
        load: model.load_id,
        outcome: outcome(ids),
        fetched_at_ms: 500,
        digest,
    }
}

fn on_loaded(model: &mut Model, ids: &[&str], digest: u64) -> Vec<Effect> {
    let action = loaded(model, ids, digest);
    update(model, action)
}

fn on_failed(model: &mut Model, error: LoadError) -> Vec<Effect> {
    let action = failed(model, error);
    update(model, action)
}

/// The lookup of the kept copy answered: nothing (a first visit).
fn nothing_kept(model: &mut Model) -> Vec<Effect> {
    let action = Action::KeptLookedUp {
        load: model.load_id,
        fetched_at_ms: None,
        now_ms: 1_000,
    };
    update(model, action)
}

fn on_kept(model: &mut Model, ids: &[&str], digest: u64) -> Vec<Effect> {
    let action = kept(model, ids, digest);
    update(model, action)
}

fn network_error() -> LoadError {
    LoadError::Network {
        detail: "offline".into(),
    }
}

/// A widget showing the list of `ids` from the network.
fn showing(ids: &[&str]) -> Model {
    let mut model = model();
    update(&mut model, Action::Start);
    let answer = loaded(&model, ids, 1);
    update(&mut model, answer);
    model
}

/// The reader pressed a control.
fn press(command: Command, value: Option<&str>) -> Action {
    Action::Command {
        command,
        value: value.map(str::to_string),
    }
}

/// The reader pressed a language button.
fn choose(tag: &str) -> Action {
    press(Command::Language, Some(tag))
}

fn fetches(effects: &[Effect]) -> Vec<&Effect> {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::FetchFeed { .. } | Effect::FetchLocale { .. }))
        .collect()
}

fn ready(source: Source) -> Effect {
    Effect::Emit(Event::Ready { source })
}

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

// ---- focus ---------------------------------------------------------------------------------------

#[test]
fn retry_keeps_focus_on_the_loading_message_then_the_first_card() {
    let mut model = model();
    update(&mut model, Action::Start);
    nothing_kept(&mut model);
    on_failed(&mut model, network_error());
    model.focus = Some(Focus::Retry);
    let effects = update(&mut model, Action::Reload);
    assert_eq!(
        effects[..2],
        [Effect::Render, Effect::Focus(Focus::Loading)]
    );
    model.focus = Some(Focus::Loading);
    let effects = on_loaded(&mut model, &["a", "b"], 1);
    assert_eq!(
        effects,
        vec![Effect::Render, Effect::Focus(Focus::Card("a".into()))],
        "ready was said with the error"
    );
}

#[test]
fn retry_that_fails_again_keeps_focus_on_retry() {
    let mut model = model();
    update(&mut model, Action::Start);
    nothing_kept(&mut model);
    on_failed(&mut model, network_error());
    model.focus = Some(Focus::Retry);
    update(&mut model, Action::Reload);
    nothing_kept(&mut model);
    model.focus = Some(Focus::Loading);
    let effects = on_failed(&mut model, network_error());
    assert!(effects.contains(&Effect::Focus(Focus::Retry)));
}

#[test]
fn a_first_load_without_focus_in_the_widget_takes_none() {
    let mut model = model();
    update(&mut model, Action::Start);
    let effects = on_loaded(&mut model, &["a"], 1);
    assert!(!effects.iter().any(|e| matches!(e, Effect::Focus(_))));
}

#[test]
fn opening_a_card_moves_focus_to_the_title_and_emits_open() {
    let mut model = showing(&["a", "b"]);
    let effects = update(&mut model, press(Command::Open, Some("b")));
    assert_eq!(
        effects,
        vec![
            Effect::Render,
            Effect::Focus(Focus::ArticleTitle),
            Effect::Emit(Event::Open { id: "b".into() }),
        ]
    );
    assert_eq!(model.view, View::Article("b".into()));
}

#[test]
fn open_from_the_api_leaves_focus_with_the_page() {
    let mut model = showing(&["a"]);
    model.focus = None;
    let effects = update(&mut model, Action::OpenFromApi { id: "a".into() });
    assert!(!effects.iter().any(|e| matches!(e, Effect::Focus(_))));
    assert_eq!(model.view, View::Article("a".into()));
}

#[test]
fn open_from_the_api_with_focus_in_the_widget_moves_it() {
    let mut model = showing(&["a"]);
    model.focus = Some(Focus::Card("a".into()));
    let effects = update(&mut model, Action::OpenFromApi { id: "a".into() });
    assert!(effects.contains(&Effect::Focus(Focus::ArticleTitle)));
}

#[test]
fn opening_an_unknown_article_does_nothing() {
    let mut model = showing(&["a"]);
    assert_eq!(
        update(&mut model, Action::OpenFromApi { id: "zz".into() }),
        vec![]
    );
    assert_eq!(model.view, View::List);
}

#[test]
fn back_returns_focus_to_the_card_and_shows_up_to_its_page() {
    let mut model = showing(&["a", "b", "c", "d", "e"]);
    update(&mut model, Action::OpenFromApi { id: "e".into() });
    let effects = update(&mut model, Action::Back);
    assert_eq!(
        effects,
        vec![
            Effect::ClosePrint,
            Effect::Render,
            Effect::Focus(Focus::Card("e".into())),
        ]
    );
    assert_eq!(
        model.shown, 6,
        "the card's page (the third of two) is shown"
    );
}

#[test]
fn more_appends_a_page_focuses_its_first_card_and_announces_it() {
    let mut model = showing(&["a", "b", "c"]);
    let effects = update(&mut model, press(Command::More, None));
    assert_eq!(
        effects,
        vec![
            Effect::AppendCards { from: 2, to: 3 },
            Effect::Focus(Focus::Card("c".into())),
            Effect::Announce(Announcement::MoreShown(1)),
        ]
    );
}

// ---- the article option --------------------------------------------------------------------------

#[test]
fn the_article_option_opens_without_taking_focus() {
    let mut model = model_with(Options {
        article: Some("b".into()),
        ..options()
    });
    update(&mut model, Action::Start);
    let effects = on_loaded(&mut model, &["a", "b"], 1);
    assert_eq!(
        effects,
        vec![
            Effect::Render,
            Effect::Emit(Event::Open { id: "b".into() }),
            ready(Source::Network),
        ]
    );
}

#[test]
fn an_article_option_the_feed_lacks_shows_the_list_with_a_notice() {
    let mut model = model_with(Options {
        article: Some("zz".into()),
        ..options()
    });
    update(&mut model, Action::Start);
    let effects = on_loaded(&mut model, &["a"], 1);
    assert!(model.not_found);
    assert_eq!(
        effects[0],
        Effect::Warn(Warning::ArticleNotFound { id: "zz".into() })
    );
}

// ---- font ----------------------------------------------------------------------------------------

#[test]
fn a_larger_font_is_shown_announced_emitted_and_shared() {
    let mut model = showing(&["a"]);
    let step = FontStep::clamped(1);
    let effects = update(&mut model, Action::SetFont(step));
    assert_eq!(
        effects,
        vec![
            Effect::ShowFont(step),
            Effect::Announce(Announcement::FontSize(step)),
            Effect::Emit(Event::FontSizeChange { step }),
            Effect::ShareFont(step),
        ]
    );
}

#[test]
fn a_plus_at_200_percent_still_says_the_size_but_is_no_event() {
    let mut model = showing(&["a"]);
    model.font = FontStep::MAX;
    let effects = update(&mut model, Action::Key("+".into()));
    assert_eq!(
        effects,
        vec![
            Effect::ShowFont(FontStep::MAX),
            Effect::Announce(Announcement::FontSize(FontStep::MAX)),
            Effect::ShareFont(FontStep::MAX),
        ]
    );
}

#[test]
fn a_step_set_elsewhere_is_followed_quietly() {
    let mut model = showing(&["a"]);
    let step = FontStep::clamped(3);
    let effects = update(&mut model, Action::FontShared(step));
    assert_eq!(
        effects,
        vec![
            Effect::ShowFont(step),
            Effect::Emit(Event::FontSizeChange { step })
        ]
    );
    assert_eq!(update(&mut model, Action::FontShared(step)), vec![]);
}

#[test]
fn the_font_keys_come_from_one_table() {
    let mut model = showing(&["a"]);
    update(&mut model, Action::Key("=".into()));
    assert_eq!(model.font, FontStep::clamped(1));
    update(&mut model, Action::Key("_".into()));
    update(&mut model, Action::Key("-".into()));
    assert_eq!(model.font, FontStep::clamped(-1));
    update(&mut model, Action::Key("0".into()));
    assert_eq!(model.font, FontStep::DEFAULT);
    assert_eq!(
        news_widget::command::key_shortcut(news_widget::command::Command::FontLarger),
        Some("+")
    );
    assert_eq!(
        news_widget::command::key_shortcut(news_widget::command::Command::FontReset),
        Some("0")
    );
    assert_eq!(
        news_widget::command::key_shortcut(news_widget::command::Command::Back),
        None
    );
}

#[test]
fn escape_leaves_the_preview_first_then_the_article() {
    let mut model = showing(&["a"]);
    assert!(
        !handles_key(&model, "Escape"),
        "nothing to leave on the list"
    );
    update(&mut model, Action::OpenFromApi { id: "a".into() });
    update(&mut model, press(Command::Preview, None));
    assert!(handles_key(&model, "Escape"));
    let effects = update(&mut model, Action::Key("Escape".into()));
    assert_eq!(
        effects,
        vec![Effect::Render, Effect::Announce(Announcement::PreviewOff)]
    );
    update(&mut model, Action::Key("Escape".into()));
    assert_eq!(model.view, View::List);
}

#[test]
fn print_needs_an_open_article() {
    let mut model = showing(&["a"]);
    assert_eq!(update(&mut model, Action::Print), vec![]);
    update(&mut model, Action::OpenFromApi { id: "a".into() });
    assert_eq!(update(&mut model, Action::Print), vec![Effect::Print]);
}

// ---- languages -----------------------------------------------------------------------------------

#[test]
fn choosing_a_language_speaks_it_announces_emits_and_shares_it() {
    let mut model = showing(&["a"]);
    let effects = update(&mut model, choose("ko"));
    assert_eq!(
        effects,
        vec![
            Effect::Speak(tag("ko-KR")),
            Effect::Render,
            Effect::Announce(Announcement::Language("ko-KR".into())),
            Effect::Emit(Event::LanguageChange {
                language: "ko-KR".into()
            }),
            Effect::ShareLanguage("ko".into()),
        ]
    );
}

#[test]
fn the_site_s_language_setting_is_not_shared_nor_announced() {
    let mut model = showing(&["a"]);
    let effects = update(&mut model, Action::LanguageOption("zh".into()));
    assert_eq!(model.options.lang.as_deref(), Some("zh"));
    assert!(!effects
        .iter()
        .any(|e| matches!(e, Effect::ShareLanguage(_) | Effect::Announce(_))));
    assert_eq!(model.languages.ui, tag("zh-CN"));
}

#[test]
fn a_choice_made_elsewhere_moves_widgets_on_auto_only() {
    let mut model = showing(&["a"]);
    update(&mut model, Action::LanguageShared("ko".into()));
    assert_eq!(model.languages.ui, tag("ko-KR"));
    let mut fixed = model_with(Options {
        lang: Some("zh".into()),
        ..options()
    });
    assert_eq!(
        update(&mut fixed, Action::LanguageShared("ko".into())),
        vec![]
    );
}

#[test]
fn choosing_the_language_on_screen_changes_nothing_but_the_saved_choice() {
    let mut model = showing(&["a"]);
    assert_eq!(
        update(&mut model, choose("en")),
        vec![Effect::ShareLanguage("en".into())]
    );
}

#[test]
fn a_tag_that_is_no_language_is_reported_and_ignored() {
    let mut model = showing(&["a"]);
    let effects = update(&mut model, choose("not a tag!"));
    assert!(matches!(
        effects[..],
        [Effect::Warn(Warning::InvalidTag(_))]
    ));
    assert_eq!(model.languages.ui, tag("en-US"));
}

#[test]
fn a_language_switch_during_the_first_load_is_kept_when_the_feed_arrives() {
    let mut model = model();
    update(&mut model, Action::Start);
    update(&mut model, choose("ko"));
    on_loaded(&mut model, &["a"], 1);
    assert_eq!(model.languages.ui, tag("ko-KR"));
    assert!(matches!(model.load, Load::Ready(_)));
}

fn with_locales() -> Model {
    let mut model = model_with(with_site_locales(None));
    update(&mut model, Action::Start);
    let answer = loaded(&model, &["a"], 1);
    update(&mut model, answer);
    model
}

fn locale_loaded(locale: &str, failure: Option<Failure>) -> Action {
    Action::LocaleLoaded {
        locale: tag(locale),
        failure,
    }
}

#[test]
fn a_language_with_a_run_time_resource_is_fetched_then_spoken() {
    let mut model = with_locales();
    let effects = update(&mut model, choose("ja"));
    assert_eq!(
        effects,
        vec![
            Effect::FetchLocale {
                locale: tag("ja"),
                url: "/l10n/ja.ftl".into(),
            },
            Effect::ShareLanguage("ja".into()),
        ]
    );
    let effects = update(&mut model, locale_loaded("ja", None));
    assert_eq!(effects[0], Effect::Speak(tag("ja")));
    assert!(effects.contains(&Effect::Announce(Announcement::Language("ja".into()))));
}

#[test]
fn retry_during_a_locale_fetch_keeps_the_reader_s_choice() {
    let mut model = with_locales();
    update(&mut model, choose("ja"));
    let effects = update(&mut model, Action::Reload);
    assert_eq!(
        fetches(&effects).len(),
        1,
        "the feed only; ja is on its way"
    );
    on_loaded(&mut model, &["a", "b"], 2);
    let effects = update(&mut model, locale_loaded("ja", None));
    assert_eq!(effects[0], Effect::Speak(tag("ja")));
    assert_eq!(model.languages.ui, tag("ja"));
}

#[test]
fn a_late_resource_does_not_undo_a_later_choice() {
    let mut model = with_locales();
    update(&mut model, choose("ja"));
    update(&mut model, choose("ko"));
    // The site offers rewordings of the built-in languages too; it has none for Korean.
    update(&mut model, locale_loaded("ko-KR", Some(Failure::Http(404))));
    assert_eq!(model.languages.ui, tag("ko-KR"));
    let effects = update(&mut model, locale_loaded("ja", None));
    assert_eq!(effects, vec![]);
    assert_eq!(model.languages.ui, tag("ko-KR"));
}

#[test]
fn a_resource_that_never_arrived_may_be_asked_for_again() {
    let mut model = with_locales();
    update(&mut model, choose("ja"));
    update(&mut model, locale_loaded("ja", Some(Failure::Network)));
    update(&mut model, choose("en"));
    let effects = update(&mut model, choose("ja"));
    assert_eq!(fetches(&effects).len(), 1);
}

#[test]
fn a_missing_resource_is_not_asked_for_twice() {
    let mut model = with_locales();
    update(&mut model, choose("ja"));
    update(&mut model, locale_loaded("ja", Some(Failure::Http(404))));
    update(&mut model, choose("en"));
    assert_eq!(fetches(&update(&mut model, choose("ja"))).len(), 0);
}

#[test]
fn the_first_cards_wait_for_the_first_run_time_resource() {
    let mut model = model_with(with_site_locales(Some("ja")));
    assert_eq!(model.languages.wanted, tag("ja"));
    assert_eq!(
        model.languages.ui,
        tag("en-US"),
        "English until Japanese is there"
    );
    let effects = update(&mut model, Action::Start);
    assert_eq!(fetches(&effects).len(), 2);
    assert_eq!(on_loaded(&mut model, &["a"], 1), vec![]);
    assert!(matches!(model.load, Load::Loading));
    let effects = update(&mut model, locale_loaded("ja", None));
    assert_eq!(
        effects,
        vec![
            Effect::Speak(tag("ja")),
            Effect::Render,
            ready(Source::Network)
        ]
    );
}

// ---- one feed per language ------------------------------------------------------------------------

fn per_language() -> Model {
    let mut model = model_with(Options {
        feed: None,
        feeds: vec![
            ("en".into(), "https://city.example/en.xml".into()),
            ("ko".into(), "https://city.example/ko.xml".into()),
        ],
        ..options()
    });
    update(&mut model, Action::Start);
    let answer = loaded(&model, &["a"], 1);
    update(&mut model, answer);
    model
}

#[test]
fn another_language_brings_its_own_feed() {
    let mut model = per_language();
    let effects = update(&mut model, choose("ko"));
    assert!(effects.contains(&Effect::FetchFeed {
        load: 2,
        url: "https://city.example/ko.xml".into(),
        revalidate: true,
        kept_first: true,
        adopt: false,
    }));
    assert!(
        matches!(model.load, Load::Loading),
        "another list is another list"
    );
}

#[test]
fn switching_back_uses_the_feed_read_before() {
    let mut model = per_language();
    update(&mut model, choose("ko"));
    on_loaded(&mut model, &["k"], 2);
    let effects = update(&mut model, choose("en"));
    assert!(fetches(&effects).is_empty());
    assert_eq!(model.feed().unwrap().items[0].id, "a");
}

#[test]
fn an_open_article_stays_while_its_language_s_feed_loads() {
    let mut model = per_language();
    update(&mut model, Action::OpenFromApi { id: "a".into() });
    update(&mut model, choose("ko"));
    assert!(matches!(model.load, Load::Ready(_)));
    on_loaded(&mut model, &["k"], 2);
    assert_eq!(
        model.view,
        View::Article("a".into()),
        "held with its notice"
    );
    assert!(model.held.is_some());
    assert!(model.open_item().is_some());
}

#[test]
fn back_from_a_held_article_focuses_the_new_list_s_first_card() {
    let mut model = per_language();
    update(&mut model, Action::OpenFromApi { id: "a".into() });
    update(&mut model, choose("ko"));
    on_loaded(&mut model, &["k"], 2);
    let effects = update(&mut model, Action::Back);
    assert_eq!(model.view, View::List);
    assert!(model.held.is_none());
    assert!(
        effects.contains(&Effect::Focus(Focus::Card("k".into()))),
        "the held article has no card in the Korean list: {effects:?}"
    );
    assert!(!effects.contains(&Effect::Focus(Focus::Card("a".into()))));
}
