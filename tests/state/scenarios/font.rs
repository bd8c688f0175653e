//! The font size and the keys.

use super::{press, showing};
use news_widget::command::Command;
use news_widget::contract::{Event, FontStep};
use news_widget::state::{handles_key, update, Action, Announcement, Effect, View};

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

#[test]
fn more_tools_shows_the_rest_of_a_narrow_widget_and_hides_it_again_on_the_list_and_in_an_article() {
    let mut model = showing(&["a"]);
    assert!(!model.tools_open);
    assert_eq!(
        update(&mut model, press(Command::Tools, None)),
        vec![Effect::Render]
    );
    assert!(model.tools_open);
    update(&mut model, Action::OpenFromApi { id: "a".into() });
    assert!(
        model.tools_open,
        "it stays open in the article, whose Print it shows"
    );
    assert_eq!(
        update(&mut model, press(Command::Tools, None)),
        vec![Effect::Render]
    );
    assert!(!model.tools_open);
    assert_eq!(model.view, View::Article("a".into()));
}
