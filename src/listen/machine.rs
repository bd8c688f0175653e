//! Reading aloud as a state machine without the DOM: `Listening` is what one widget or toolbar
//! reads and where it is, `Action`s are what the reader, the synthesizer and the page do to it,
//! and `update` answers with the `Effect`s the DOM layer carries out (speak, pause, cancel,
//! highlight, announce, emit, share the speed).
//!
//! The synthesizer is given one utterance at a time and the next when `end` arrives, so that
//! pausing, a new speed and a stop act at once and the highlight follows the voice. Each
//! utterance spoken has a `Ticket`: events of an utterance that was cancelled (Chrome reports
//! them after the cancel) name an old ticket and change nothing.
//!
//! Announcements are made only when the voice falls silent (paused, stopped by the reader,
//! finished, failed, no voice, no plan), never as it starts or goes on, so that the live region
//! never talks over the reading; and not when the reader's own act says enough (Back moves
//! focus, a language switch announces the language, Print opens its dialog, a hidden page hears
//! nothing, another instance starting to read is already speaking, and so may be whoever else
//! cancelled the synthesizer).

use super::action::{Action, SpeechError, StopReason, Ticket};
use super::plan::{SourceRange, Utterance};
use super::rate::Rate;
use super::voice::{choose, Voice};
use crate::contract::{Event, ListenState};

/// How long the DOM layer waits for `voiceschanged` after Listen, with no voices yet, before it
/// counts the device as having none (`Action::VoicesTimedOut`). Chrome lists its voices within
/// a few hundred milliseconds of the first `getVoices()`; a device that has none may never say.
pub const VOICES_WAIT_MS: u32 = 2_000;

/// How long the DOM layer waits for the plan (the plan module's download, 5.5 KB, and its
/// answer) before it counts it as failed (`Action::PlanFailed`), so that nothing can leave
/// Listen busy for good. The loader gives up a hanging download after 15 s, and says so; this
/// is the backstop behind it, for an answer that never comes for any other reason.
pub const PLAN_WAIT_MS: u32 = 20_000;

/// How long the DOM layer lets an utterance of `cost` (its estimated time at 1×) go without
/// `end` or `error` before it asks whether the synthesizer is still at it (and, if it is quiet,
/// counts the utterance as ended): twice its estimated time at `rate`, and 5 s more for a voice
/// on a server to start. Some of those fire neither event.
pub fn watch_ms(cost: u32, rate: Rate) -> u32 {
    cost.saturating_mul(2_000) / u32::from(rate.per_mille()) + 5_000
}

/// The device's voices, once it has said.
#[derive(Clone, Debug, PartialEq)]
pub enum Voices {
    /// `getVoices()` was empty and no `voiceschanged` has come yet.
    Unknown,
    Known(Vec<Voice>),
}

/// `PartialEq` is for tests: the machine asks `matches!`, since a derived `==` reached from
/// `update` is a 174 B function in every page's module that nothing else needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Idle,
    /// Listen was asked for: the article is being planned (the plan module is on its way),
    /// the plan to come with this ticket.
    Planning {
        ticket: Ticket,
    },
    /// Listen was asked for before the device said which voices it has.
    Waiting,
    Speaking {
        index: usize,
        ticket: Ticket,
    },
    /// `held`: the synthesizer holds the utterance paused, and resuming continues it; `None`:
    /// resuming speaks utterance `index` again (where pausing cancels, and after a new speed).
    Paused {
        index: usize,
        held: Option<Ticket>,
    },
}

/// What the controls show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Listen.
    Ready,
    /// Listen, busy: waiting for the plan or the device's voices.
    Waiting,
    /// Pause and Stop.
    Reading,
    /// Resume and Stop.
    Paused,
    /// Listen disabled, saying that the device has no voice for the article's language.
    NoVoice,
}

/// A message for the live region, said when the voice is silent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Announcement {
    Paused,
    Stopped,
    Finished,
    /// The language's tag: the DOM layer names it in the UI's language.
    NoVoice(String),
    Failed,
    /// The plan could not be made: the plan module did not load (the network), or stopped.
    NotLoaded,
}

impl Announcement {
    /// The Fluent message; `listen-no-voice` takes `$language`, the language's name.
    pub fn message(&self) -> &'static str {
        match self {
            Announcement::Paused => "listen-paused",
            Announcement::Stopped => "listen-stopped",
            Announcement::Finished => "listen-finished",
            Announcement::NoVoice(_) => "listen-no-voice",
            Announcement::Failed => "listen-failed",
            Announcement::NotLoaded => "listen-not-loaded",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Read the article's text and have it planned: `Action::Planned` or `Action::PlanFailed`
    /// with this ticket, within `PLAN_WAIT_MS`.
    Plan(Ticket),
    /// Tell the other widgets and toolbars of the page that this one reads now: they stop.
    Claim,
    /// `speechSynthesis.cancel()`, then `resume()` where the synthesizer stayed paused (Chrome
    /// keeps a paused synthesizer paused through a cancel, and would not speak the next one).
    Cancel,
    /// A `SpeechSynthesisUtterance` with this text, `lang`, the voice whose `voiceURI` this is,
    /// and this rate; its `end` and `error` events come back with the ticket.
    Speak {
        ticket: Ticket,
        text: String,
        lang: String,
        voice: String,
        rate: Rate,
        /// The utterance's estimated time at 1×: `watch_ms`.
        cost: u32,
    },
    /// `speechSynthesis.pause()`.
    Pause,
    /// `speechSynthesis.resume()`.
    Resume,
    /// Highlight these stretches (and bring them into view, unless the reader has scrolled
    /// the last one out of it).
    Highlight(Vec<SourceRange>),
    ClearHighlight,
    /// Wait for `voiceschanged`, or `VOICES_WAIT_MS` and then `Action::VoicesTimedOut`.
    AwaitVoices,
    /// Draw the controls again from `Listening::status`.
    Show,
    Announce(Announcement),
    Emit(Event),
    /// The reader chose a speed: store it and tell the rest of the site.
    ShareRate(Rate),
}

/// One widget's or toolbar's reading aloud.
#[derive(Clone, Debug, PartialEq)]
pub struct Listening {
    pub state: State,
    pub rate: Rate,
    pub voices: Voices,
    /// The device's `pause()` drops the utterance (Android): resuming speaks it again. Set by
    /// the DOM layer from the platform.
    pub pause_cancels: bool,
    utterances: Vec<Utterance>,
    /// The `voiceURI` of the voice reading them.
    voice: String,
    next_ticket: Ticket,
    /// The ticket of the next plan asked for (their own count: a plan's ticket and an
    /// utterance's never meet in one action).
    next_plan: Ticket,
    /// Utterances the synthesizer failed in a row.
    failures: u8,
}

impl Listening {
    pub fn new(rate: Rate, pause_cancels: bool) -> Listening {
        Listening {
            state: State::Idle,
            rate,
            voices: Voices::Unknown,
            pause_cancels,
            utterances: Vec::new(),
            voice: String::new(),
            next_ticket: 0,
            next_plan: 0,
            failures: 0,
        }
    }

    /// What the controls show for an article in `lang`.
    pub fn status(&self, lang: &str) -> Status {
        match self.state {
            State::Planning { .. } | State::Waiting => Status::Waiting,
            State::Speaking { .. } => Status::Reading,
            State::Paused { .. } => Status::Paused,
            State::Idle => match &self.voices {
                Voices::Known(voices) if choose(lang, voices).is_none() => Status::NoVoice,
                _ => Status::Ready,
            },
        }
    }
}

/// The one place where reading aloud changes.
pub fn update(model: &mut Listening, action: Action) -> Vec<Effect> {
    let mut out = Vec::new();
    match action {
        Action::Listen => match model.state {
            State::Idle => {
                let ticket = model.next_plan;
                model.next_plan = ticket.wrapping_add(1);
                model.state = State::Planning { ticket };
                out.extend([Effect::Plan(ticket), Effect::Show]);
            }
            State::Paused { .. } => resume(model, &mut out),
            _ => {}
        },
        // A plan that comes after a stop (the reader's, Back, another instance reading) is
        // too late: nothing starts, even where a later Listen waits for its own.
        Action::Planned(ticket, utterances) if matches!(model.state, State::Planning { ticket: t } if t == ticket) =>
        {
            model.state = State::Idle;
            if utterances.is_empty() {
                out.push(Effect::Show);
            } else {
                model.utterances = utterances;
                start(model, &mut out);
            }
        }
        Action::Planned(..) => {}
        Action::PlanFailed(ticket) => {
            if matches!(model.state, State::Planning { ticket: t } if t == ticket) {
                model.state = State::Idle;
                out.extend([Effect::Show, Effect::Announce(Announcement::NotLoaded)]);
            }
        }
        Action::Pause => pause(model, &mut out),
        Action::Resume => resume(model, &mut out),
        Action::Stop => {
            if !matches!(model.state, State::Idle) && stop(model, true, &mut out) {
                out.push(Effect::Announce(Announcement::Stopped));
            }
        }
        Action::SetRate(rate) => {
            if rate != model.rate {
                follow_rate(model, rate, &mut out);
                out.push(Effect::ShareRate(rate));
            }
        }
        Action::RateShared(rate) => {
            if rate != model.rate {
                follow_rate(model, rate, &mut out);
            }
        }
        Action::Ended(ticket) | Action::Failed(ticket, SpeechError::Interrupted) if matches!(model.state, State::Paused { held: Some(held), .. } if held == ticket) =>
        {
            // The utterance went as it was paused: where pausing cancels (which the DOM layer
            // may not know), its end or interruption comes now, its last words unsaid. Resuming
            // speaks it again; where it did end, the sentence is heard twice, not lost.
            if let State::Paused { held, .. } = &mut model.state {
                *held = None;
            }
        }
        Action::Ended(ticket) => {
            if current_ticket(model) == Some(ticket) {
                model.failures = 0;
                next(model, &mut out);
            }
        }
        Action::Failed(ticket, error) => {
            if current_ticket(model) == Some(ticket) {
                failed(model, error, &mut out);
            }
        }
        Action::VoicesChanged(voices) => {
            model.voices = Voices::Known(voices);
            if matches!(model.state, State::Waiting) {
                model.state = State::Idle;
                start(model, &mut out);
            } else {
                out.push(Effect::Show);
            }
        }
        Action::VoicesTimedOut => {
            if matches!(model.state, State::Waiting) {
                model.voices = Voices::Known(Vec::new());
                model.state = State::Idle;
                start(model, &mut out);
            }
        }
        Action::Interrupted(reason) => {
            if reason == StopReason::Destroy {
                if matches!(model.state, State::Speaking { .. } | State::Paused { .. }) {
                    out.extend([Effect::Cancel, Effect::ClearHighlight]);
                }
                model.state = State::Idle;
            } else if !matches!(model.state, State::Idle) {
                // The instance that starts to read has silenced the synthesizer already and
                // speaks now: a cancel from here would silence it.
                stop(model, reason != StopReason::OtherInstance, &mut out);
            }
        }
    }
    out
}

fn current_ticket(model: &Listening) -> Option<Ticket> {
    match model.state {
        State::Speaking { ticket, .. } => Some(ticket),
        State::Paused { held, .. } => held,
        _ => None,
    }
}

fn lang(model: &Listening) -> String {
    model
        .utterances
        .first()
        .map(|u| u.lang.clone())
        .unwrap_or_default()
}

/// From the first utterance, with the voice that fits; or wait for the voices, or say there is
/// none.
fn start(model: &mut Listening, out: &mut Vec<Effect>) {
    let Voices::Known(voices) = &model.voices else {
        model.state = State::Waiting;
        out.extend([Effect::AwaitVoices, Effect::Show]);
        return;
    };
    match choose(&lang(model), voices) {
        Some(index) => {
            model.voice = voices[index].uri.clone();
            model.failures = 0;
            out.extend([Effect::Claim, Effect::Cancel]);
            speak(model, 0, out);
            reading(out);
        }
        None => {
            out.push(Effect::Show);
            out.push(Effect::Announce(Announcement::NoVoice(lang(model))));
        }
    }
}

fn speak(model: &mut Listening, index: usize, out: &mut Vec<Effect>) {
    let ticket = model.next_ticket;
    model.next_ticket = model.next_ticket.wrapping_add(1);
    model.state = State::Speaking { index, ticket };
    let utterance = &model.utterances[index];
    out.push(Effect::Speak {
        ticket,
        text: utterance.text.clone(),
        lang: utterance.lang.clone(),
        voice: model.voice.clone(),
        rate: model.rate,
        cost: utterance.cost,
    });
    out.push(Effect::Highlight(utterance.ranges.clone()));
}

fn reading(out: &mut Vec<Effect>) {
    out.push(Effect::Show);
    out.push(Effect::Emit(Event::ListenChange {
        state: ListenState::Reading,
    }));
}

fn pause(model: &mut Listening, out: &mut Vec<Effect>) {
    let State::Speaking { index, ticket } = model.state else {
        return;
    };
    if model.pause_cancels {
        model.state = State::Paused { index, held: None };
        out.push(Effect::Cancel);
    } else {
        model.state = State::Paused {
            index,
            held: Some(ticket),
        };
        out.push(Effect::Pause);
    }
    out.push(Effect::Show);
    out.push(Effect::Emit(Event::ListenChange {
        state: ListenState::Paused,
    }));
    out.push(Effect::Announce(Announcement::Paused));
}

fn resume(model: &mut Listening, out: &mut Vec<Effect>) {
    match model.state {
        State::Paused {
            index,
            held: Some(ticket),
        } => {
            model.state = State::Speaking { index, ticket };
            out.push(Effect::Resume);
        }
        State::Paused { index, held: None } => {
            out.push(Effect::Cancel);
            speak(model, index, out);
        }
        _ => return,
    }
    reading(out);
}

/// Back to idle: the synthesizer silenced (`cancel`: it is still ours to silence), the
/// highlight gone, the controls and the page told. False when nothing was being read (Listen
/// waited for voices).
fn stop(model: &mut Listening, cancel: bool, out: &mut Vec<Effect>) -> bool {
    let was_reading = matches!(model.state, State::Speaking { .. } | State::Paused { .. });
    model.state = State::Idle;
    if was_reading {
        if cancel {
            out.push(Effect::Cancel);
        }
        out.push(Effect::ClearHighlight);
    }
    out.push(Effect::Show);
    if was_reading {
        out.push(Effect::Emit(Event::ListenChange {
            state: ListenState::Stopped,
        }));
    }
    was_reading
}

/// A speed applies at once: the sentence being read starts again at it.
fn follow_rate(model: &mut Listening, rate: Rate, out: &mut Vec<Effect>) {
    model.rate = rate;
    match model.state {
        State::Speaking { index, .. } => {
            out.push(Effect::Cancel);
            speak(model, index, out);
        }
        State::Paused { index, .. } => model.state = State::Paused { index, held: None },
        _ => {}
    }
    out.push(Effect::Show);
}

/// The utterance being read is done: the next one, or the end.
fn next(model: &mut Listening, out: &mut Vec<Effect>) {
    let State::Speaking { index, .. } = model.state else {
        return;
    };
    if index + 1 >= model.utterances.len() {
        stop(model, false, out);
        out.push(Effect::Announce(Announcement::Finished));
    } else {
        speak(model, index + 1, out);
    }
}

fn failed(model: &mut Listening, error: SpeechError, out: &mut Vec<Effect>) {
    let announcement = match error {
        // Whoever cancelled may be speaking now: neither cancel it nor talk over it.
        SpeechError::Interrupted => {
            stop(model, false, out);
            return;
        }
        SpeechError::NoVoice => {
            // The voice is gone or cannot speak this: another that fits, or none.
            if let Voices::Known(voices) = &mut model.voices {
                voices.retain(|v| v.uri != model.voice);
            }
            let lang = lang(model);
            if let (Voices::Known(voices), State::Speaking { index, .. }) =
                (&model.voices, model.state)
            {
                if let Some(other) = choose(&lang, voices) {
                    model.voice = voices[other].uri.clone();
                    speak(model, index, out);
                    return;
                }
            }
            Some(Announcement::NoVoice(lang))
        }
        SpeechError::Utterance if model.failures == 0 => {
            model.failures += 1;
            next(model, out);
            return;
        }
        SpeechError::NotAllowed => None,
        SpeechError::Utterance | SpeechError::Synthesizer => Some(Announcement::Failed),
    };
    stop(model, true, out);
    out.extend(announcement.map(Effect::Announce));
}
