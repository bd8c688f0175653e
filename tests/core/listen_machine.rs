//! Reading aloud's state machine as whole scenarios through `update`: what is spoken, when the
//! voice is paused, cancelled or told to go on, what is highlighted, announced and emitted.
use news_widget::contract::{Event, ListenState};
use news_widget::listen::machine::{
    update, Action, Announcement, Effect, Listening, SpeechError, State, Status, StopReason, Voices,
};
use news_widget::listen::plan::{plan, Run, SourceRange, Utterance};
use news_widget::listen::rate::Rate;
use news_widget::listen::voice::Voice;

fn voice(uri: &str, lang: &str) -> Voice {
    Voice {
        uri: uri.into(),
        name: uri.into(),
        lang: lang.into(),
        local: true,
        default: false,
    }
}

fn article() -> Vec<Utterance> {
    plan("zh-CN", &[Run::new("第一句。第二句。第三句。", true)])
}

fn range(start: u32, end: u32) -> SourceRange {
    SourceRange { run: 0, start, end }
}

fn speak(ticket: u32, text: &str, rate: Rate) -> Effect {
    Effect::Speak {
        ticket,
        text: text.into(),
        lang: "zh-CN".into(),
        voice: "huihui".into(),
        rate,
    }
}

fn emit(state: ListenState) -> Effect {
    Effect::Emit(Event::ListenChange { state })
}

/// A device with a Mandarin and an English voice.
fn with_voices(pause_cancels: bool) -> Listening {
    let mut model = Listening::new(Rate::NORMAL, pause_cancels);
    update(
        &mut model,
        Action::VoicesChanged(vec![voice("david", "en-US"), voice("huihui", "zh-CN")]),
    );
    model
}

/// Reading, the first sentence on its way (ticket 0).
fn reading(pause_cancels: bool) -> Listening {
    let mut model = with_voices(pause_cancels);
    update(&mut model, Action::Listen(article()));
    model
}

#[test]
fn listen_claims_the_synthesizer_and_speaks_the_first_sentence_highlighted() {
    let mut model = with_voices(false);
    assert_eq!(
        update(&mut model, Action::Listen(article())),
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
    assert_eq!(update(&mut model, Action::Listen(article())), []);
    update(&mut model, Action::Pause);
    assert_eq!(
        update(&mut model, Action::Listen(article())),
        [Effect::Resume, Effect::Show, emit(ListenState::Reading)]
    );
}

#[test]
fn stop_cancels_clears_and_announces_once_the_voice_is_silent() {
    let mut model = reading(false);
    assert_eq!(
        update(&mut model, Action::Stop),
        [
            Effect::Cancel,
            Effect::ClearHighlight,
            Effect::Show,
            emit(ListenState::Stopped),
            Effect::Announce(Announcement::Stopped),
        ]
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
        assert_eq!(
            update(&mut model, Action::Interrupted(reason)),
            [
                Effect::Cancel,
                Effect::ClearHighlight,
                Effect::Show,
                emit(ListenState::Stopped),
            ],
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
fn no_voice_for_the_language_is_said_and_nothing_is_spoken() {
    let mut model = Listening::new(Rate::NORMAL, false);
    update(
        &mut model,
        Action::VoicesChanged(vec![voice("david", "en-US")]),
    );
    assert_eq!(model.status("zh-CN"), Status::NoVoice);
    assert_eq!(model.status("en"), Status::Ready);
    assert_eq!(
        update(&mut model, Action::Listen(article())),
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
        update(&mut model, Action::Listen(article())),
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
    update(&mut model, Action::Listen(article()));
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
    update(&mut model, Action::Listen(article()));
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
fn an_end_that_comes_with_the_pause_moves_on_to_the_next_sentence() {
    let mut model = reading(false);
    update(&mut model, Action::Pause);
    assert_eq!(
        update(&mut model, Action::Ended(0)),
        [Effect::Highlight(vec![range(4, 8)])]
    );
    assert_eq!(
        &update(&mut model, Action::Resume)[..2],
        [Effect::Cancel, speak(1, "第二句。", Rate::NORMAL)]
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
    update(&mut model, Action::Listen(article()));
    let effects = update(&mut model, Action::Failed(0, SpeechError::NoVoice));
    assert_eq!(
        effects[0],
        Effect::Speak {
            ticket: 1,
            text: "第一句。".into(),
            lang: "zh-CN".into(),
            voice: "google".into(),
            rate: Rate::NORMAL,
        }
    );
    assert_eq!(
        update(&mut model, Action::Failed(1, SpeechError::NoVoice)),
        [
            Effect::Cancel,
            Effect::ClearHighlight,
            Effect::Show,
            emit(ListenState::Stopped),
            Effect::Announce(Announcement::NoVoice("zh-CN".into())),
        ]
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
        [
            Effect::Cancel,
            Effect::ClearHighlight,
            Effect::Show,
            emit(ListenState::Stopped),
            Effect::Announce(Announcement::Failed),
        ]
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
        [
            Effect::Cancel,
            Effect::ClearHighlight,
            Effect::Show,
            emit(ListenState::Stopped),
        ]
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
    assert_eq!(update(&mut model, Action::Listen(Vec::new())), []);
    assert_eq!(model.state, State::Idle);
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
