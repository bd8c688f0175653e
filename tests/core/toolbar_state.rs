// The reader toolbar's state machine, natively: the font step by control, key, API and the
// site, with the widget's own behaviour (one implementation: the same effects in the same
// order), print and the preview from the article's copy under its ticket, and the preview
// dialog opened once and closed however it closes.

use news_widget::announcement::Announcement;
use news_widget::command::Command;
use news_widget::contract::{Event, FontStep};
use news_widget::reading_aids::Aids;
use news_widget::state;
use news_widget::toolbar::state::{
    handles_key, update, Action, CopyFor, CopyTicket, Effect, Model,
};

use crate::support::model::{model_with, options};

fn pressed(model: &mut Model, command: Command) -> Vec<Effect> {
    update(model, Action::Command(command, None))
}

#[test]
fn a_larger_font_is_shown_announced_emitted_and_shared() {
    let mut model = Model::new(FontStep::DEFAULT, Aids::default());
    let step = FontStep::clamped(1);
    assert_eq!(
        pressed(&mut model, Command::FontLarger),
        vec![
            Effect::ShowFont(step),
            Effect::Announce(news_widget::announcement::Announcement::FontSize(step)),
            Effect::Emit(Event::FontSizeChange { step }),
            Effect::ShareFont(step),
        ]
    );
    assert_eq!(model.font, step);
}

#[test]
fn the_toolbar_and_the_widget_answer_a_font_step_alike() {
    // Every way a step is set, from every step: the toolbar's effects are the widget's, by name
    // and value, in the same order.
    for from in FontStep::MIN.value()..=FontStep::MAX.value() {
        for to in FontStep::MIN.value()..=FontStep::MAX.value() {
            let (from, to) = (FontStep::clamped(from), FontStep::clamped(to));
            let pairs = [
                (Action::SetFont(to), state::Action::SetFont(to)),
                (Action::FontShared(to), state::Action::FontShared(to)),
            ];
            for (bar_action, widget_action) in pairs {
                let mut bar = Model::new(from, Aids::default());
                let mut widget = model_with(options());
                widget.font = from;
                let bar_effects = format!("{:?}", update(&mut bar, bar_action));
                let widget_effects = format!("{:?}", state::update(&mut widget, widget_action));
                assert_eq!(bar_effects, widget_effects, "from {from:?} to {to:?}");
                assert_eq!(bar.font, widget.font);
            }
        }
    }
}

#[test]
fn the_font_keys_are_the_widget_s_and_only_they_are_handled() {
    let mut model = Model::new(FontStep::DEFAULT, Aids::default());
    for (key, expected) in [("+", 1), ("=", 2), ("-", 1), ("_", 0), ("0", 0)] {
        assert!(handles_key(key), "{key}");
        update(&mut model, Action::Key(key.into()));
        assert_eq!(model.font, FontStep::clamped(expected), "after {key}");
    }
    for key in ["a", "Enter", "Escape"] {
        assert!(!handles_key(key), "{key}");
        assert_eq!(update(&mut model, Action::Key(key.into())), vec![]);
    }
}

#[test]
fn a_plus_at_200_percent_still_says_the_size_but_is_no_event() {
    let mut model = Model::new(FontStep::MAX, Aids::default());
    let effects = pressed(&mut model, Command::FontLarger);
    assert!(!effects.iter().any(|e| matches!(e, Effect::Emit(_))));
    assert!(effects.contains(&Effect::ShareFont(FontStep::MAX)));
}

#[test]
fn a_step_set_elsewhere_is_followed_quietly_and_not_shared_back() {
    let mut model = Model::new(FontStep::DEFAULT, Aids::default());
    let step = FontStep::clamped(3);
    assert_eq!(
        update(&mut model, Action::FontShared(step)),
        vec![
            Effect::ShowFont(step),
            Effect::Emit(Event::FontSizeChange { step })
        ]
    );
    assert_eq!(update(&mut model, Action::FontShared(step)), vec![]);
}

/// The ticket of the copy a press of `command` asked for (and that it asked for one, for what
/// the command does).
fn asked(model: &mut Model, command: Command) -> CopyTicket {
    let purpose = if command == Command::Print {
        CopyFor::Print
    } else {
        CopyFor::Preview
    };
    match pressed(model, command).last() {
        Some(Effect::Copy(ticket, made_for)) if *made_for == purpose => *ticket,
        other => panic!("no copy asked for {purpose:?}: {other:?}"),
    }
}

#[test]
fn print_asks_for_the_copy_and_prints_it_when_it_is_there() {
    let mut model = Model::new(FontStep::DEFAULT, Aids::default());
    let ticket = asked(&mut model, Command::Print);
    assert_eq!(model.copying, Some((ticket, CopyFor::Print)));
    assert_eq!(
        pressed(&mut model, Command::Print),
        vec![],
        "one copy at a time"
    );
    assert_eq!(
        update(&mut model, Action::Copied(ticket)),
        vec![Effect::Print(ticket)]
    );
    assert_eq!(model.copying, None);
    assert_eq!(
        update(&mut model, Action::Copied(ticket)),
        vec![],
        "said once"
    );
    let next = asked(&mut model, Command::Print);
    assert_ne!(next, ticket, "each press its own ticket");
}

#[test]
fn the_preview_opens_once_with_its_copy_and_closes() {
    let mut model = Model::new(FontStep::DEFAULT, Aids::default());
    let ticket = asked(&mut model, Command::Preview);
    assert!(model.preview);
    assert_eq!(
        pressed(&mut model, Command::Preview),
        vec![],
        "opening already"
    );
    assert_eq!(
        pressed(&mut model, Command::Print),
        vec![],
        "a copy is on its way"
    );
    assert_eq!(
        update(&mut model, Action::Copied(ticket)),
        vec![Effect::OpenPreview(ticket)]
    );
    assert_eq!(
        pressed(&mut model, Command::Preview),
        vec![],
        "open already"
    );
    // Print from the preview's own bar: a copy of its own.
    let print = asked(&mut model, Command::Print);
    assert_eq!(
        update(&mut model, Action::Copied(print)),
        vec![Effect::Print(print)]
    );
    assert_eq!(
        pressed(&mut model, Command::ClosePreview),
        vec![Effect::ClosePreview]
    );
    assert!(!model.preview);
}

#[test]
fn a_copy_that_could_not_be_made_is_said_and_the_next_press_asks_again() {
    for command in [Command::Print, Command::Preview] {
        let mut model = Model::new(FontStep::DEFAULT, Aids::default());
        let ticket = asked(&mut model, command);
        assert_eq!(
            update(&mut model, Action::CopyFailed(ticket)),
            vec![Effect::Announce(Announcement::PrintNotLoaded)]
        );
        assert_eq!(model.copying, None);
        assert!(!model.preview, "{command:?}: no preview left half open");
        assert_eq!(
            update(&mut model, Action::CopyFailed(ticket)),
            vec![],
            "said once"
        );
        let again = asked(&mut model, command);
        assert_ne!(again, ticket);
    }
}

#[test]
fn a_late_answer_for_an_older_ticket_does_nothing() {
    let mut model = Model::new(FontStep::DEFAULT, Aids::default());
    let first = asked(&mut model, Command::Print);
    update(&mut model, Action::CopyFailed(first));
    let second = asked(&mut model, Command::Preview);
    assert_eq!(update(&mut model, Action::Copied(first)), vec![]);
    assert_eq!(update(&mut model, Action::CopyFailed(first)), vec![]);
    assert_eq!(model.copying, Some((second, CopyFor::Preview)));
    assert_eq!(
        update(&mut model, Action::Copied(second)),
        vec![Effect::OpenPreview(second)]
    );
}

#[test]
fn a_preview_closed_by_the_browser_is_closed_once() {
    let mut model = Model::new(FontStep::DEFAULT, Aids::default());
    let ticket = asked(&mut model, Command::Preview);
    update(&mut model, Action::Copied(ticket));
    assert_eq!(
        update(&mut model, Action::PreviewClosed),
        vec![Effect::ClosePreview]
    );
    assert_eq!(update(&mut model, Action::PreviewClosed), vec![]);
    let again = asked(&mut model, Command::Preview);
    assert_eq!(
        update(&mut model, Action::Copied(again)),
        vec![Effect::OpenPreview(again)],
        "and opens again"
    );
}

#[test]
fn more_tools_shows_the_rest_of_the_bar_and_hides_it_again_changing_nothing_else() {
    let mut model = Model::new(FontStep::DEFAULT, Aids::default());
    assert!(
        !model.tools_open,
        "a narrow bar starts with the fonts alone"
    );
    assert_eq!(
        pressed(&mut model, Command::Tools),
        vec![Effect::ShowTools(true)]
    );
    assert!(model.tools_open);
    let font = model.font;
    assert_eq!(
        pressed(&mut model, Command::Tools),
        vec![Effect::ShowTools(false)]
    );
    assert!(!model.tools_open);
    assert_eq!(model.font, font);
    assert_eq!(model.copying, None);
}
