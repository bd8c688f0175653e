//! Reading, pausing, resuming, stopping for each reason, and the speed.
use news_widget::contract::ListenState;
use news_widget::listen::action::{Action, SpeechError, StopReason};
use news_widget::listen::machine::{update, Announcement, Effect, State, Status};
use news_widget::listen::rate::Rate;

use super::{article, emit, listen, range, reading, speak, stopped, with_voices};

#[test]
fn listen_claims_the_synthesizer_and_speaks_the_first_sentence_highlighted() {
    let mut model = with_voices(false);
    assert_eq!(
        listen(&mut model, article()),
        [
            Effect::Claim,
            Effect::Cancel,
            speak(0, "第一句。", Rate::NORMAL),
            Effect::Highlight(vec![range(0, 4)]),
            Effect::Show,
            emit(ListenState::Reading),
        ]
    );
    assert_eq!(model.status("zh-CN"), Status::Reading);
}

#[test]
fn each_end_speaks_the_next_sentence_and_the_last_one_finishes() {
    let mut model = reading(false);
    assert_eq!(
        update(&mut model, Action::Ended(0)),
        [
            speak(1, "第二句。", Rate::NORMAL),
            Effect::Highlight(vec![range(4, 8)])
        ]
    );
    update(&mut model, Action::Ended(1));
    assert_eq!(
        update(&mut model, Action::Ended(2)),
        [
            Effect::ClearHighlight,
            Effect::Show,
            emit(ListenState::Stopped),
            Effect::Announce(Announcement::Finished),
        ],
        "the voice has ended: nothing to cancel"
    );
    assert_eq!(model.state, State::Idle);
}

#[test]
fn nothing_is_announced_while_the_voice_reads() {
    let mut model = reading(false);
    let mut effects = Vec::new();
    for ticket in 0..2 {
        effects.extend(update(&mut model, Action::Ended(ticket)));
    }
    effects.extend(update(&mut model, Action::Pause));
    effects.extend(update(&mut model, Action::Resume));
    let announced: Vec<&Effect> = effects
        .iter()
        .filter(|e| matches!(e, Effect::Announce(_)))
        .collect();
    assert_eq!(announced, [&Effect::Announce(Announcement::Paused)]);
}

#[test]
fn pause_holds_the_utterance_and_resume_continues_it() {
    let mut model = reading(false);
    assert_eq!(
        update(&mut model, Action::Pause),
        [
            Effect::Pause,
            Effect::Show,
            emit(ListenState::Paused),
            Effect::Announce(Announcement::Paused),
        ]
    );
    assert_eq!(model.status("zh-CN"), Status::Paused);
    assert_eq!(
        update(&mut model, Action::Resume),
        [Effect::Resume, Effect::Show, emit(ListenState::Reading)]
    );
    assert_eq!(
        update(&mut model, Action::Ended(0)).first(),
        Some(&speak(1, "第二句。", Rate::NORMAL)),
        "the held utterance's end goes on to the next"
    );
}

#[test]
fn where_pause_cancels_resume_speaks_the_sentence_again() {
    let mut model = reading(true);
    update(&mut model, Action::Ended(0));
    assert_eq!(
        update(&mut model, Action::Pause),
        [
            Effect::Cancel,
            Effect::Show,
            emit(ListenState::Paused),
            Effect::Announce(Announcement::Paused),
        ]
    );
    // Android reports the cancelled utterance as interrupted: its ticket is retired.
    assert_eq!(
        update(&mut model, Action::Failed(1, SpeechError::Interrupted)),
        []
    );
    assert_eq!(
        update(&mut model, Action::Resume),
        [
            Effect::Cancel,
            speak(2, "第二句。", Rate::NORMAL),
            Effect::Highlight(vec![range(4, 8)]),
            Effect::Show,
            emit(ListenState::Reading),
        ]
    );
}

#[test]
fn listen_again_while_paused_resumes_and_while_reading_does_nothing() {
    let mut model = reading(false);
    assert_eq!(update(&mut model, Action::Listen), []);
    update(&mut model, Action::Pause);
    assert_eq!(
        update(&mut model, Action::Listen),
        [Effect::Resume, Effect::Show, emit(ListenState::Reading)]
    );
}

#[test]
fn stop_cancels_clears_and_announces_once_the_voice_is_silent() {
    let mut model = reading(false);
    assert_eq!(
        update(&mut model, Action::Stop),
        stopped(Some(Effect::Announce(Announcement::Stopped)))
    );
    assert_eq!(update(&mut model, Action::Stop), [], "stopped already");
    assert_eq!(
        update(&mut model, Action::Ended(0)),
        [],
        "a cancelled utterance's late end"
    );
}

fn stops_quietly(reason: StopReason) {
    for paused in [false, true] {
        let mut model = reading(false);
        if paused {
            update(&mut model, Action::Pause);
        }
        let mut expected = stopped(None);
        if reason == StopReason::OtherInstance {
            // The other one cancelled already, and speaks now.
            expected.retain(|e| *e != Effect::Cancel);
        }
        assert_eq!(
            update(&mut model, Action::Interrupted(reason)),
            expected,
            "{reason:?}, paused: {paused}"
        );
        assert_eq!(model.state, State::Idle);
    }
}

#[test]
fn back_stops_without_an_announcement() {
    stops_quietly(StopReason::Back);
}

#[test]
fn a_language_switch_stops_without_an_announcement() {
    stops_quietly(StopReason::LanguageSwitch);
}

#[test]
fn print_stops_without_an_announcement() {
    stops_quietly(StopReason::Print);
}

#[test]
fn another_instance_starting_stops_without_an_announcement() {
    stops_quietly(StopReason::OtherInstance);
}

#[test]
fn a_hidden_page_stops_without_an_announcement() {
    stops_quietly(StopReason::PageHidden);
}

#[test]
fn destroy_silences_and_clears_and_tells_no_one() {
    let mut model = reading(false);
    assert_eq!(
        update(&mut model, Action::Interrupted(StopReason::Destroy)),
        [Effect::Cancel, Effect::ClearHighlight]
    );
    let mut idle = with_voices(false);
    assert_eq!(
        update(&mut idle, Action::Interrupted(StopReason::Destroy)),
        []
    );
}

#[test]
fn a_stop_event_while_idle_does_nothing() {
    let mut model = with_voices(false);
    assert_eq!(
        update(&mut model, Action::Interrupted(StopReason::Back)),
        []
    );
}

#[test]
fn a_new_speed_is_shared_and_restarts_the_sentence_at_it() {
    let mut model = reading(false);
    let faster = Rate::FASTEST;
    assert_eq!(
        update(&mut model, Action::SetRate(faster)),
        [
            Effect::Cancel,
            speak(1, "第一句。", faster),
            Effect::Highlight(vec![range(0, 4)]),
            Effect::Show,
            Effect::ShareRate(faster),
        ]
    );
    assert_eq!(
        update(&mut model, Action::Ended(0)),
        [],
        "the old utterance"
    );
    assert_eq!(update(&mut model, Action::SetRate(faster)), [], "no change");
}

#[test]
fn a_speed_chosen_elsewhere_is_followed_and_not_shared_again() {
    let mut model = with_voices(false);
    assert_eq!(
        update(&mut model, Action::RateShared(Rate::SLOWEST)),
        [Effect::Show]
    );
    assert_eq!(model.rate, Rate::SLOWEST);
}

#[test]
fn a_new_speed_while_paused_makes_resume_speak_the_sentence_again() {
    let mut model = reading(false);
    update(&mut model, Action::Pause);
    assert_eq!(
        update(&mut model, Action::SetRate(Rate::SLOWEST)),
        [Effect::Show, Effect::ShareRate(Rate::SLOWEST)]
    );
    assert_eq!(
        &update(&mut model, Action::Resume)[..2],
        [Effect::Cancel, speak(1, "第一句。", Rate::SLOWEST)]
    );
}

#[test]
fn an_end_that_comes_after_the_pause_makes_resume_speak_the_sentence_again() {
    // Where pausing cancels and the platform was not known for it, the utterance ends (or is
    // interrupted) as it is paused, its last words unsaid.
    for event in [
        Action::Ended(0),
        Action::Failed(0, SpeechError::Interrupted),
    ] {
        let mut model = reading(false);
        update(&mut model, Action::Pause);
        assert_eq!(update(&mut model, event.clone()), [], "{event:?}");
        assert_eq!(
            model.state,
            State::Paused {
                index: 0,
                held: None
            }
        );
        assert_eq!(
            &update(&mut model, Action::Resume)[..2],
            [Effect::Cancel, speak(1, "第一句。", Rate::NORMAL)],
            "{event:?}"
        );
    }
}

#[test]
fn announcements_have_their_messages() {
    let ids: Vec<&str> = [
        Announcement::Paused,
        Announcement::Stopped,
        Announcement::Finished,
        Announcement::NoVoice("ko".into()),
        Announcement::Failed,
    ]
    .iter()
    .map(Announcement::message)
    .collect();
    assert_eq!(
        ids,
        [
            "listen-paused",
            "listen-stopped",
            "listen-finished",
            "listen-no-voice",
            "listen-failed"
        ]
    );
}
