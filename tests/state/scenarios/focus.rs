//! Focus: Retry, opening and closing a card, More.

use super::{model, network_error, nothing_kept, on_failed, on_loaded, press, showing};
use news_widget::command::Command;
use news_widget::contract::Event;
use news_widget::state::{update, Action, Announcement, Effect, Focus, View};

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
