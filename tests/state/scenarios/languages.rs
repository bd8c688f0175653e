//! Languages: choosing one, choices made elsewhere, run-time resources and their races.

use super::{choose, fetches, loaded, model, on_loaded, ready, showing};
use crate::support::model::{model_with, options, tag, with_site_locales};
use news_widget::contract::{Event, Source};
use news_widget::options::Options;
use news_widget::refresh::Failure;
use news_widget::state::{update, Action, Announcement, Effect, Load, Model, Warning};

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
