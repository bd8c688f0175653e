// The reader's aids in the widget's and the toolbar's machines: reading the open article aloud
// (asked for by its control or `listen()`, its text read by the DOM layer, then spoken), what
// stops it (Back, another article, a language switch, Print, the page's reasons), and the line
// spacing, contrast and speed, set here or shared by the site. The listen machine's own
// behaviour is tests/core/listen_machine's; here, that each member hands it the right actions
// at the right time, and that the widget and the toolbar answer alike.

use news_widget::announcement::Announcement;
use news_widget::command::Command;
use news_widget::contract::{Contrast, Event, LineSpacing, ListenState};
use news_widget::listen::action::{Action as Speech, StopReason};
use news_widget::listen::machine::{Announcement as Said, Effect as SpeechEffect, State};
use news_widget::listen::plan::{plan, Run, SourceRange};
use news_widget::listen::rate::Rate;
use news_widget::listen::voice::Voice;
use news_widget::reading_aids::{AidAction, AidEffect, Aids, Shared};
use news_widget::state::{update, Action, Effect, Focus, Model, View};
use news_widget::toolbar::state as toolbar;

use crate::support::model::{model_with, options, outcome};

fn press(command: Command, value: Option<&str>) -> Action {
    Action::Command {
        command,
        value: value.map(str::to_string),
    }
}

fn aid(action: AidAction) -> Action {
    Action::Aid(action)
}

fn voices() -> AidAction {
    AidAction::Speech(Speech::VoicesChanged(vec![Voice {
        uri: "yuna".into(),
        name: "Yuna".into(),
        lang: "ko-KR".into(),
        local: true,
        default: false,
    }]))
}

/// The plan of what the DOM layer reads of article `a` (its title, then its body in two
/// paragraphs), for the Listen whose ticket is 0 (the first of a fresh model).
fn article_read() -> AidAction {
    let runs = [
        Run::new("시청 소식", true),
        Run::new("첫째 문장입니다. 둘째 문장입니다.", true),
    ];
    AidAction::Speech(Speech::Planned(0, plan("ko-KR", &runs)))
}

/// A widget showing articles a and b, with article a open and the device's voices known.
fn in_article() -> Model {
    let mut model = model_with(options());
    update(&mut model, Action::Start);
    let answer = Action::FeedLoaded {
        load: model.load_id,
        outcome: outcome(&["a", "b"]),
        digest: 1,
        now_ms: 1_000,
    };
    update(&mut model, answer);
    update(&mut model, press(Command::Open, Some("a")));
    update(&mut model, aid(voices()));
    model
}

/// The widget reading article a, its title on its way (ticket 0).
fn reading() -> Model {
    let mut model = in_article();
    update(&mut model, press(Command::Listen, None));
    update(&mut model, aid(article_read()));
    model
}

fn speech(effect: SpeechEffect) -> Effect {
    Effect::Aid(AidEffect::Speech(effect))
}

/// Reading stopped by the page: silenced, the highlight gone, the control and the page told.
fn stopped() -> Vec<Effect> {
    vec![
        speech(SpeechEffect::Cancel),
        speech(SpeechEffect::ClearHighlight),
        Effect::Aid(AidEffect::ShowListen),
        Effect::Emit(Event::ListenChange {
            state: ListenState::Stopped,
        }),
    ]
}

#[test]
fn listen_asks_for_the_article_then_reads_its_title_first() {
    let mut model = in_article();
    assert_eq!(
        update(&mut model, press(Command::Listen, None)),
        [
            Effect::Aid(AidEffect::ReadArticle(0)),
            Effect::Aid(AidEffect::ShowListen)
        ]
    );
    assert_eq!(
        update(&mut model, aid(article_read())),
        [
            Effect::Aid(AidEffect::Claim),
            speech(SpeechEffect::Cancel),
            speech(SpeechEffect::Speak {
                ticket: 0,
                text: "시청 소식".into(),
                lang: "ko-KR".into(),
                voice: "yuna".into(),
                rate: Rate::NORMAL,
                cost: 800,
            }),
            speech(SpeechEffect::Highlight(vec![SourceRange {
                run: 0,
                start: 0,
                end: 5
            }])),
            Effect::Aid(AidEffect::ShowListen),
            Effect::Emit(Event::ListenChange {
                state: ListenState::Reading
            }),
        ]
    );
}

#[test]
fn the_same_control_pauses_and_resumes() {
    let mut model = reading();
    let paused = update(&mut model, press(Command::Listen, None));
    assert_eq!(paused[0], speech(SpeechEffect::Pause));
    assert!(paused.contains(&Effect::Announce(Announcement::Reading(Said::Paused))));
    assert!(matches!(model.aids.listening.state, State::Paused { .. }));
    let resumed = update(&mut model, press(Command::Listen, None));
    assert_eq!(resumed[0], speech(SpeechEffect::Resume));
    assert!(matches!(
        model.aids.listening.state,
        State::Speaking { index: 0, .. }
    ));
}

#[test]
fn listen_from_the_api_starts_or_resumes_but_never_pauses() {
    let mut model = reading();
    assert_eq!(update(&mut model, aid(AidAction::Listen)), []);
    update(&mut model, press(Command::Listen, None));
    let resumed = update(&mut model, aid(AidAction::Listen));
    assert_eq!(resumed[0], speech(SpeechEffect::Resume));
}

#[test]
fn listen_from_the_api_without_an_open_article_does_nothing() {
    let mut model = in_article();
    update(&mut model, Action::Back);
    assert_eq!(update(&mut model, aid(AidAction::Listen)), []);
}

#[test]
fn stop_silences_and_says_so_once() {
    let mut model = reading();
    let mut expected = stopped();
    expected.push(Effect::Announce(Announcement::Reading(Said::Stopped)));
    assert_eq!(
        update(&mut model, press(Command::ListenStop, None)),
        expected
    );
    assert_eq!(model.aids.listening.state, State::Idle);
}

#[test]
fn back_stops_reading_before_the_article_goes() {
    let mut model = reading();
    let mut expected = stopped();
    expected.extend([
        Effect::ClosePrint,
        Effect::Render,
        Effect::Focus(Focus::Card("a".into())),
    ]);
    assert_eq!(update(&mut model, Action::Back), expected);
    assert_eq!(model.view, View::List);
    // Escape is Back too.
    let mut model = reading();
    let effects = update(&mut model, Action::Key("Escape".into()));
    assert_eq!(effects[..4], stopped()[..]);
}

#[test]
fn another_article_stops_reading_the_one_before() {
    let mut model = reading();
    let effects = update(&mut model, Action::OpenFromApi { id: "b".into() });
    assert_eq!(effects[..4], stopped()[..]);
    assert_eq!(effects[4], Effect::Render);
    // The same article again keeps it.
    let mut model = reading();
    let effects = update(&mut model, Action::OpenFromApi { id: "a".into() });
    assert!(!effects.contains(&speech(SpeechEffect::Cancel)));
}

#[test]
fn a_language_switch_stops_reading_and_the_same_language_does_not() {
    let mut model = reading();
    let effects = update(&mut model, press(Command::Language, Some("zh-CN")));
    assert_eq!(effects[..4], stopped()[..]);
    assert!(matches!(effects[4], Effect::Speak(_)));
    let mut model = reading();
    let effects = update(&mut model, press(Command::Language, Some("en-US")));
    assert!(!effects.contains(&speech(SpeechEffect::Cancel)));
    assert!(matches!(model.aids.listening.state, State::Speaking { .. }));
}

#[test]
fn print_stops_reading_then_prints() {
    for action in [press(Command::Print, None), Action::Print] {
        let mut model = reading();
        let mut expected = stopped();
        expected.push(Effect::Print);
        assert_eq!(update(&mut model, action), expected);
    }
}

#[test]
fn the_page_s_reasons_stop_reading_quietly() {
    for reason in [StopReason::PageHidden, StopReason::Print] {
        let mut model = reading();
        assert_eq!(
            update(
                &mut model,
                aid(AidAction::Speech(Speech::Interrupted(reason)))
            ),
            stopped(),
            "{reason:?}"
        );
    }
    // Another member cancelled the synthesizer already, and speaks now.
    let mut model = reading();
    let mut expected = stopped();
    expected.remove(0);
    assert_eq!(
        update(
            &mut model,
            aid(AidAction::Speech(Speech::Interrupted(
                StopReason::OtherInstance
            )))
        ),
        expected
    );
}

#[test]
fn a_speed_chosen_here_restarts_the_sentence_and_is_shared() {
    let mut model = reading();
    let effects = update(&mut model, press(Command::ListenRate, Some("1.25")));
    let faster = Rate::from_text("1.25").unwrap();
    assert_eq!(effects[0], speech(SpeechEffect::Cancel));
    assert!(matches!(
        &effects[1],
        Effect::Aid(AidEffect::Speech(SpeechEffect::Speak { rate, text, .. })) if *rate == faster && text == "시청 소식"
    ));
    assert_eq!(
        effects.last(),
        Some(&Effect::Aid(AidEffect::Share(Shared::Rate(faster))))
    );
    // A speed the control cannot have is ignored.
    assert_eq!(
        update(&mut model, press(Command::ListenRate, Some("3"))),
        []
    );
    // Shared by the site: followed, not shared again.
    let slower = Rate::SLOWEST;
    let effects = update(&mut model, aid(AidAction::Shared(Shared::Rate(slower))));
    assert_eq!(model.aids.listening.rate, slower);
    assert!(!effects
        .iter()
        .any(|e| matches!(e, Effect::Aid(AidEffect::Share(_)))));
}

#[test]
fn a_line_spacing_is_shown_emitted_and_shared_once() {
    let mut model = in_article();
    let double = LineSpacing::Double;
    let expected = [
        Effect::Aid(AidEffect::ShowSpacing(double)),
        Effect::Emit(Event::LineSpacingChange { spacing: double }),
        Effect::Aid(AidEffect::Share(Shared::Spacing(double))),
    ];
    assert_eq!(
        update(&mut model, press(Command::LineSpacing, Some("2"))),
        expected
    );
    assert_eq!(model.aids.spacing, double);
    // The pressed one again, or the API asking for what is set: nothing.
    assert_eq!(
        update(&mut model, press(Command::LineSpacing, Some("2"))),
        []
    );
    assert_eq!(update(&mut model, aid(AidAction::SetSpacing(double))), []);
    // The API: the same as the control.
    let one_and_half = LineSpacing::OneAndHalf;
    assert_eq!(
        update(&mut model, aid(AidAction::SetSpacing(one_and_half)))[2],
        Effect::Aid(AidEffect::Share(Shared::Spacing(one_and_half)))
    );
    // From the site: shown and an event, not shared back.
    assert_eq!(
        update(
            &mut model,
            aid(AidAction::Shared(Shared::Spacing(LineSpacing::Normal)))
        ),
        [
            Effect::Aid(AidEffect::ShowSpacing(LineSpacing::Normal)),
            Effect::Emit(Event::LineSpacingChange {
                spacing: LineSpacing::Normal
            }),
        ]
    );
    // A name the control cannot have.
    assert_eq!(
        update(&mut model, press(Command::LineSpacing, Some("3"))),
        []
    );
}

#[test]
fn a_contrast_scheme_is_shown_emitted_and_shared_once() {
    let mut model = in_article();
    let dark = Contrast::LightOnDark;
    assert_eq!(
        update(&mut model, press(Command::Contrast, Some("light-on-dark"))),
        [
            Effect::Aid(AidEffect::ShowContrast(dark)),
            Effect::Emit(Event::ContrastChange { contrast: dark }),
            Effect::Aid(AidEffect::Share(Shared::Contrast(dark))),
        ]
    );
    assert_eq!(update(&mut model, aid(AidAction::SetContrast(dark))), []);
    assert_eq!(
        update(&mut model, press(Command::Contrast, Some("high"))),
        []
    );
    let shared = update(
        &mut model,
        aid(AidAction::Shared(Shared::Contrast(Contrast::Site))),
    );
    assert_eq!(shared.len(), 2);
    assert_eq!(model.aids.contrast, Contrast::Site);
}

#[test]
fn the_toolbar_answers_the_aids_as_the_widget_does() {
    // Each way into the aids, from the same state: the same effects by name and value.
    let steps: Vec<(toolbar::Action, Action)> = vec![
        (
            toolbar::Action::Command(Command::Listen, None),
            press(Command::Listen, None),
        ),
        (toolbar::Action::Aid(article_read()), aid(article_read())),
        (
            toolbar::Action::Command(Command::ListenRate, Some("0.75".into())),
            press(Command::ListenRate, Some("0.75")),
        ),
        (
            toolbar::Action::Command(Command::Listen, None),
            press(Command::Listen, None),
        ),
        (
            toolbar::Action::Aid(AidAction::Listen),
            aid(AidAction::Listen),
        ),
        (
            toolbar::Action::Command(Command::LineSpacing, Some("1.5".into())),
            press(Command::LineSpacing, Some("1.5")),
        ),
        (
            toolbar::Action::Aid(AidAction::SetContrast(Contrast::DarkOnLight)),
            aid(AidAction::SetContrast(Contrast::DarkOnLight)),
        ),
        (
            toolbar::Action::Aid(AidAction::Shared(Shared::Spacing(LineSpacing::Double))),
            aid(AidAction::Shared(Shared::Spacing(LineSpacing::Double))),
        ),
        (
            toolbar::Action::Command(Command::ListenStop, None),
            press(Command::ListenStop, None),
        ),
    ];
    let mut widget = in_article();
    let mut bar = toolbar::Model::new(widget.font, Aids::default());
    toolbar::update(&mut bar, toolbar::Action::Aid(voices()));
    for (bar_action, widget_action) in steps {
        let what = format!("{widget_action:?}");
        let bar_effects = format!("{:?}", toolbar::update(&mut bar, bar_action));
        let widget_effects = format!("{:?}", update(&mut widget, widget_action));
        assert_eq!(bar_effects, widget_effects, "{what}");
        assert_eq!(bar.aids, widget.aids, "{what}");
    }
}

#[test]
fn the_toolbar_s_print_stops_reading_then_asks_for_the_copy_to_print() {
    let mut bar = toolbar::Model::new(Default::default(), Aids::default());
    toolbar::update(&mut bar, toolbar::Action::Aid(voices()));
    toolbar::update(&mut bar, toolbar::Action::Aid(AidAction::Listen));
    toolbar::update(&mut bar, toolbar::Action::Aid(article_read()));
    let effects = toolbar::update(&mut bar, toolbar::Action::Command(Command::Print, None));
    assert_eq!(
        effects[..2],
        [
            toolbar::Effect::Aid(AidEffect::Speech(SpeechEffect::Cancel)),
            toolbar::Effect::Aid(AidEffect::Speech(SpeechEffect::ClearHighlight)),
        ]
    );
    assert!(
        matches!(effects.last(), Some(toolbar::Effect::Copy(..))),
        "then the article's copy is asked for, to print: {effects:?}"
    );
}
