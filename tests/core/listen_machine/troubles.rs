//! Voices missing or late, and the synthesizer's errors.
use news_widget::contract::ListenState;
use news_widget::listen::action::{Action, SpeechError, StopReason};
use news_widget::listen::machine::{
    update, Announcement, Effect, Listening, State, Status, Voices,
};
use news_widget::listen::plan::{plan, Run};
use news_widget::listen::rate::Rate;

use super::{article, ask_plan, emit, listen, range, reading, speak, stopped, voice, with_voices};

#[test]
fn no_voice_for_the_language_is_said_and_nothing_is_spoken() {
    let mut model = Listening::new(Rate::NORMAL, false);
    update(
        &mut model,
        Action::VoicesChanged(vec![voice("david", "en-US")]),
    );
    assert_eq!(model.status("zh-CN"), Status::NoVoice);
    assert_eq!(model.status("en"), Status::Ready);
    assert_eq!(
        listen(&mut model, article()),
        [
            Effect::Show,
            Effect::Announce(Announcement::NoVoice("zh-CN".into())),
        ]
    );
    assert_eq!(model.state, State::Idle);
}

#[test]
fn listen_before_the_voices_are_known_waits_for_them() {
    let mut model = Listening::new(Rate::NORMAL, false);
    assert_eq!(model.status("zh-CN"), Status::Ready);
    assert_eq!(
        listen(&mut model, article()),
        [Effect::AwaitVoices, Effect::Show]
    );
    assert_eq!(model.status("zh-CN"), Status::Waiting);
    let effects = update(
        &mut model,
        Action::VoicesChanged(vec![voice("huihui", "zh-CN")]),
    );
    assert_eq!(effects[2], speak(0, "第一句。", Rate::NORMAL));
    assert_eq!(
        update(&mut model, Action::VoicesTimedOut),
        [],
        "the timer ran out after the voices came"
    );
}

#[test]
fn voices_that_never_come_mean_no_voice() {
    let mut model = Listening::new(Rate::NORMAL, false);
    listen(&mut model, article());
    assert_eq!(
        update(&mut model, Action::VoicesTimedOut),
        [
            Effect::Show,
            Effect::Announce(Announcement::NoVoice("zh-CN".into())),
        ]
    );
    assert_eq!(model.voices, Voices::Known(Vec::new()));
    assert_eq!(model.status("zh-CN"), Status::NoVoice);
}

#[test]
fn stop_while_waiting_for_voices_has_nothing_to_silence_or_announce() {
    let mut model = Listening::new(Rate::NORMAL, false);
    listen(&mut model, article());
    assert_eq!(update(&mut model, Action::Stop), [Effect::Show]);
    assert_eq!(
        update(
            &mut model,
            Action::VoicesChanged(vec![voice("huihui", "zh-CN")])
        ),
        [Effect::Show],
        "the voices no longer start anything"
    );
}

#[test]
fn a_cancel_by_someone_else_stops_without_cancelling_or_talking_over_them() {
    let mut model = reading(false);
    assert_eq!(
        update(&mut model, Action::Failed(0, SpeechError::Interrupted)),
        [
            Effect::ClearHighlight,
            Effect::Show,
            emit(ListenState::Stopped)
        ]
    );
}

#[test]
fn an_unavailable_voice_is_dropped_for_another_that_fits() {
    let mut model = Listening::new(Rate::NORMAL, false);
    update(
        &mut model,
        Action::VoicesChanged(vec![voice("huihui", "zh-CN"), voice("google", "zh-CN")]),
    );
    listen(&mut model, article());
    let effects = update(&mut model, Action::Failed(0, SpeechError::NoVoice));
    assert_eq!(
        effects[0],
        Effect::Speak {
            ticket: 1,
            text: "第一句。".into(),
            lang: "zh-CN".into(),
            voice: "google".into(),
            rate: Rate::NORMAL,
            cost: 750,
        }
    );
    assert_eq!(
        update(&mut model, Action::Failed(1, SpeechError::NoVoice)),
        stopped(Some(Effect::Announce(Announcement::NoVoice(
            "zh-CN".into()
        ))))
    );
    assert_eq!(model.status("zh-CN"), Status::NoVoice);
}

#[test]
fn one_failed_sentence_is_skipped_two_in_a_row_stop_the_reading() {
    let mut model = reading(false);
    assert_eq!(
        update(&mut model, Action::Failed(0, SpeechError::Utterance)),
        [
            speak(1, "第二句。", Rate::NORMAL),
            Effect::Highlight(vec![range(4, 8)])
        ]
    );
    assert_eq!(
        update(&mut model, Action::Failed(1, SpeechError::Utterance)),
        stopped(Some(Effect::Announce(Announcement::Failed)))
    );
}

#[test]
fn a_sentence_read_between_two_failures_forgives_the_first() {
    let mut model = reading(false);
    update(&mut model, Action::Failed(0, SpeechError::Utterance));
    update(&mut model, Action::Ended(1));
    assert!(
        matches!(
            update(&mut model, Action::Failed(2, SpeechError::Utterance))[..],
            [Effect::ClearHighlight, ..]
        ),
        "the last sentence skipped: the end of the article"
    );
}

#[test]
fn a_broken_synthesizer_stops_with_an_announcement() {
    let mut model = reading(false);
    let effects = update(&mut model, Action::Failed(0, SpeechError::Synthesizer));
    assert_eq!(
        effects.last(),
        Some(&Effect::Announce(Announcement::Failed))
    );
    assert_eq!(model.state, State::Idle);
}

#[test]
fn speech_refused_without_a_gesture_stops_quietly() {
    let mut model = reading(false);
    assert_eq!(
        update(&mut model, Action::Failed(0, SpeechError::NotAllowed)),
        stopped(None)
    );
}

#[test]
fn error_names_are_the_speech_api_s() {
    let kinds: Vec<SpeechError> = [
        "canceled",
        "interrupted",
        "voice-unavailable",
        "language-unavailable",
        "text-too-long",
        "synthesis-failed",
        "invalid-argument",
        "not-allowed",
        "audio-busy",
        "network",
        "something-new",
    ]
    .into_iter()
    .map(SpeechError::from_name)
    .collect();
    use SpeechError::*;
    assert_eq!(
        kinds,
        [
            Interrupted,
            Interrupted,
            NoVoice,
            NoVoice,
            Utterance,
            Utterance,
            Utterance,
            NotAllowed,
            Synthesizer,
            Synthesizer,
            Synthesizer
        ]
    );
}

#[test]
fn an_article_with_nothing_to_read_starts_nothing() {
    let mut model = with_voices(false);
    assert_eq!(listen(&mut model, Vec::new()), [Effect::Show]);
    assert_eq!(model.state, State::Idle);
    assert_eq!(model.status("zh-CN"), Status::Ready);
}

#[test]
fn while_the_plan_is_on_its_way_listen_is_busy_and_pressing_again_does_nothing() {
    let mut model = with_voices(false);
    let ticket = ask_plan(&mut model);
    assert_eq!(model.status("zh-CN"), Status::Waiting);
    assert_eq!(update(&mut model, Action::Listen), []);
    assert_eq!(update(&mut model, Action::Pause), []);
    assert_eq!(
        update(&mut model, Action::Planned(ticket, article()))[2],
        speak(0, "第一句。", Rate::NORMAL)
    );
}

#[test]
fn a_plan_that_comes_after_a_stop_starts_nothing() {
    for stop in [
        Action::Stop,
        Action::Interrupted(StopReason::Back),
        Action::Interrupted(StopReason::OtherInstance),
        Action::Interrupted(StopReason::Destroy),
    ] {
        let mut model = with_voices(false);
        let ticket = ask_plan(&mut model);
        let stopped = update(&mut model, stop.clone());
        assert!(
            !stopped
                .iter()
                .any(|e| matches!(e, Effect::Cancel | Effect::Announce(_))),
            "{stop:?}: nothing was read, so nothing is silenced or announced: {stopped:?}"
        );
        assert_eq!(model.state, State::Idle, "{stop:?}");
        assert_eq!(
            update(&mut model, Action::Planned(ticket, article())),
            [],
            "{stop:?}"
        );
        assert_eq!(
            update(&mut model, Action::PlanFailed(ticket)),
            [],
            "{stop:?}"
        );
        assert_eq!(model.state, State::Idle, "{stop:?}");
    }
}

#[test]
fn the_plan_of_a_listen_before_a_stop_is_not_taken_for_the_next_ones() {
    let mut model = with_voices(false);
    let first = ask_plan(&mut model);
    update(&mut model, Action::Interrupted(StopReason::Back));
    let second = ask_plan(&mut model);
    assert_ne!(first, second);
    let other_article = plan("zh-CN", &[Run::new("别的文章。", true)]);
    assert_eq!(
        update(&mut model, Action::Planned(first, other_article)),
        []
    );
    assert_eq!(update(&mut model, Action::PlanFailed(first)), []);
    assert_eq!(
        model.status("zh-CN"),
        Status::Waiting,
        "still waiting for its own"
    );
    let effects = update(&mut model, Action::Planned(second, article()));
    assert_eq!(effects[2], speak(0, "第一句。", Rate::NORMAL));
}

#[test]
fn no_plan_says_reading_could_not_start_and_listen_is_ready_again() {
    let mut model = with_voices(false);
    let ticket = ask_plan(&mut model);
    assert_eq!(
        update(&mut model, Action::PlanFailed(ticket)),
        [Effect::Show, Effect::Announce(Announcement::NotLoaded)]
    );
    assert_eq!(model.status("zh-CN"), Status::Ready);
    ask_plan(&mut model);
}
