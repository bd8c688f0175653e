//! What happens to reading aloud: the reader's acts, the synthesizer's events, the device's
//! voices, and the page's reasons to stop, as `machine::update` receives them.

use super::plan::Utterance;
use super::rate::Rate;
use super::voice::Voice;

/// Identifies one utterance handed to the synthesizer.
pub type Ticket = u32;

/// Why reading stopped without the reader's Stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopReason {
    Back,
    LanguageSwitch,
    Print,
    /// `destroy()`: nothing is left to show or tell.
    Destroy,
    /// Another widget or toolbar of the page started to read.
    OtherInstance,
    /// The page was hidden (`visibilitychange`): another tab, a locked phone.
    PageHidden,
}

/// What went wrong with an utterance, from `SpeechSynthesisErrorEvent.error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeechError {
    /// `canceled`, `interrupted`: someone else cancelled the synthesizer (another script of the
    /// page, the system); ours are on old tickets.
    Interrupted,
    /// `language-unavailable`, `voice-unavailable`: another voice that fits is tried.
    NoVoice,
    /// `text-too-long`, `invalid-argument`, `synthesis-failed`: this utterance is skipped (two
    /// in a row stop the reading).
    Utterance,
    /// `not-allowed`: speaking without a user's gesture (`listen()` called by a page script);
    /// it stops quietly.
    NotAllowed,
    /// Anything else (`audio-busy`, `audio-hardware`, `network`, `synthesis-unavailable`).
    Synthesizer,
}

impl SpeechError {
    pub fn from_name(error: &str) -> SpeechError {
        match error {
            "canceled" | "interrupted" => SpeechError::Interrupted,
            "language-unavailable" | "voice-unavailable" => SpeechError::NoVoice,
            "text-too-long" | "invalid-argument" | "synthesis-failed" => SpeechError::Utterance,
            "not-allowed" => SpeechError::NotAllowed,
            _ => SpeechError::Synthesizer,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Listen (the control, or `listen()`): the article is planned, or reading goes on from the
    /// pause.
    Listen,
    /// The plan asked for with this ticket (`Effect::Plan`), from the plan module: reading
    /// starts if that Listen still stands. (A plan asked for before a stop may come while a
    /// later Listen waits for its own: the ticket tells them apart.)
    Planned(Ticket, Vec<Utterance>),
    /// No plan for that ticket: the plan module could not be fetched, did not answer in time,
    /// or its answer was not one.
    PlanFailed(Ticket),
    Pause,
    Resume,
    /// Stop (the control, or `stopListening()`).
    Stop,
    /// The reader chose a speed: it is shared with the whole site.
    SetRate(Rate),
    /// Another widget, a toolbar or another tab chose it: this one follows, quietly.
    RateShared(Rate),
    /// The utterance's `end` event.
    Ended(Ticket),
    /// The utterance's `error` event.
    Failed(Ticket, SpeechError),
    /// `getVoices()` after a `voiceschanged` (or at once, where it has them).
    VoicesChanged(Vec<Voice>),
    VoicesTimedOut,
    Interrupted(StopReason),
}
