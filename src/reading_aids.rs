//! The reader's aids, one implementation for the widget's article and the reader toolbar's:
//! reading aloud (`listen`'s machine; the article's text is read by the DOM layer when reading
//! starts, and cut into utterances in the plan module), the line spacing and the contrast
//! scheme. Each machine holds an `Aids`, hands it the aids' commands and actions, and turns
//! each `AidEffect` into an effect of its own (`From`). (Not generic over the machine's
//! effect, as the font step's behaviour is: one copy of this code in the .wasm rather than one
//! per machine.)
//!
//! A spacing or scheme set here (a control, the API) is shown, is an event and is shared with
//! the site; one set elsewhere (another member, another tab) is shown and is an event. Neither
//! is announced: the pressed button says it. Pressing the one already pressed does nothing.

use crate::announcement::Announcement;
use crate::command::Command;
use crate::contract::{Contrast, Event, LineSpacing};
use crate::listen::action::{Action as Speech, StopReason, Ticket};
use crate::listen::machine::{self, Effect as SpeechEffect, Listening, State};
use crate::listen::rate::Rate;
use crate::prefs::{CONTRAST_KEY, LINE_SPACING_KEY, LISTEN_RATE_KEY};

/// One widget's or toolbar's aids.
#[derive(Clone, Debug, PartialEq)]
pub struct Aids {
    pub listening: Listening,
    pub spacing: LineSpacing,
    pub contrast: Contrast,
}

impl Aids {
    /// At mount, with the stored preferences; `pause_cancels`: the platform's `pause()` drops
    /// the utterance (Android).
    pub fn new(rate: Rate, spacing: LineSpacing, contrast: Contrast, pause_cancels: bool) -> Aids {
        Aids {
            listening: Listening::new(rate, pause_cancels),
            spacing,
            contrast,
        }
    }
}

impl Default for Aids {
    fn default() -> Aids {
        Aids::new(Rate::NORMAL, LineSpacing::Normal, Contrast::Site, false)
    }
}

/// A preference of the aids that the site shares, like the font step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    Spacing(LineSpacing),
    Contrast(Contrast),
    Rate(Rate),
}

impl Shared {
    /// Where the site stores it.
    pub fn key(self) -> &'static str {
        match self {
            Shared::Spacing(_) => LINE_SPACING_KEY,
            Shared::Contrast(_) => CONTRAST_KEY,
            Shared::Rate(_) => LISTEN_RATE_KEY,
        }
    }

    /// As it is stored (`prefs`).
    pub fn stored(self) -> &'static str {
        match self {
            Shared::Spacing(spacing) => spacing.to_stored(),
            Shared::Contrast(contrast) => contrast.to_stored(),
            Shared::Rate(rate) => rate.to_stored(),
        }
    }

    /// What another tab stored under `key` (anything but a value means the default); `None`
    /// for a key that is none of these.
    pub fn from_stored(key: &str, value: &str) -> Option<Shared> {
        match key {
            LINE_SPACING_KEY => Some(Shared::Spacing(LineSpacing::parse_stored(value))),
            CONTRAST_KEY => Some(Shared::Contrast(Contrast::parse_stored(value))),
            LISTEN_RATE_KEY => Some(Shared::Rate(Rate::parse_stored(value))),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum AidAction {
    /// `listen()`: reading starts, or goes on from the pause; nothing while it reads.
    Listen,
    /// The plan's, the synthesizer's and the device's answers, the page's reasons to stop, and
    /// `stopListening()`.
    Speech(Speech),
    /// The API set the spacing or the scheme: shared with the whole site.
    SetSpacing(LineSpacing),
    SetContrast(Contrast),
    /// Another widget, a toolbar or another tab set a preference: followed quietly.
    Shared(Shared),
}

#[derive(Clone, Debug, PartialEq)]
pub enum AidEffect {
    /// What `speechSynthesis` and the CSS Custom Highlight API carry out: `Cancel`, `Speak`,
    /// `Pause`, `Resume`, `Highlight`, `ClearHighlight`, `AwaitVoices`. (The machine's other
    /// effects are the variants below.)
    Speech(SpeechEffect),
    /// Read the article's text, its title then its body, and have it planned in its language:
    /// `listen::action::Action::Planned` or `PlanFailed` with this ticket come back as
    /// `AidAction::Speech`.
    ReadArticle(Ticket),
    /// This one reads now: every other widget and toolbar of the page stops.
    Claim,
    /// The listen controls, from `Listening::status`.
    ShowListen,
    ShowSpacing(LineSpacing),
    ShowContrast(Contrast),
    Announce(Announcement),
    Emit(Event),
    /// Stored, and told to the rest of the site.
    Share(Shared),
}

/// What an aid's control asks for; `None` when `command` is none of theirs. `value`: the
/// control's (a spacing's or scheme's name, the speed).
pub fn pressed(aids: &mut Aids, command: Command, value: Option<&str>) -> Option<Vec<AidEffect>> {
    let mut out = Vec::new();
    let out = &mut out;
    match command {
        // One control: Listen, Pause or Resume, as its label said.
        Command::Listen => match aids.listening.state {
            State::Speaking { .. } => speech(aids, Speech::Pause, out),
            _ => act(aids, AidAction::Listen, out),
        },
        Command::ListenStop => speech(aids, Speech::Stop, out),
        Command::ListenRate => {
            if let Some(rate) = value.and_then(Rate::from_text) {
                speech(aids, Speech::SetRate(rate), out);
            }
        }
        Command::LineSpacing => {
            if let Some(spacing) = value.and_then(LineSpacing::from_name) {
                set(aids, Shared::Spacing(spacing), true, out);
            }
        }
        Command::Contrast => {
            if let Some(contrast) = value.and_then(Contrast::from_name) {
                set(aids, Shared::Contrast(contrast), true, out);
            }
        }
        _ => return None,
    }
    Some(std::mem::take(out))
}

pub fn update(aids: &mut Aids, action: AidAction) -> Vec<AidEffect> {
    let mut out = Vec::new();
    act(aids, action, &mut out);
    out
}

fn act(aids: &mut Aids, action: AidAction, out: &mut Vec<AidEffect>) {
    match action {
        AidAction::Listen => speech(aids, Speech::Listen, out),
        AidAction::Speech(action) => speech(aids, action, out),
        AidAction::SetSpacing(spacing) => set(aids, Shared::Spacing(spacing), true, out),
        AidAction::SetContrast(contrast) => set(aids, Shared::Contrast(contrast), true, out),
        AidAction::Shared(Shared::Rate(rate)) => speech(aids, Speech::RateShared(rate), out),
        AidAction::Shared(shared) => set(aids, shared, false, out),
    }
}

/// Reading stops for the page's reason (Back, a language switch, Print, `destroy()`, another
/// member reading, the page hidden).
pub fn stop(aids: &mut Aids, reason: StopReason) -> Vec<AidEffect> {
    let mut out = Vec::new();
    speech(aids, Speech::Interrupted(reason), &mut out);
    out
}

fn speech(aids: &mut Aids, action: Speech, out: &mut Vec<AidEffect>) {
    for effect in machine::update(&mut aids.listening, action) {
        let effect = match effect {
            SpeechEffect::Plan(ticket) => AidEffect::ReadArticle(ticket),
            SpeechEffect::Claim => AidEffect::Claim,
            SpeechEffect::Show => AidEffect::ShowListen,
            SpeechEffect::Announce(said) => AidEffect::Announce(Announcement::Reading(said)),
            SpeechEffect::Emit(event) => AidEffect::Emit(event),
            SpeechEffect::ShareRate(rate) => AidEffect::Share(Shared::Rate(rate)),
            effect => AidEffect::Speech(effect),
        };
        out.push(effect);
    }
}

/// A new spacing or scheme: shown and an event (only for a change), and shared when set `here`.
fn set(aids: &mut Aids, value: Shared, here: bool, out: &mut Vec<AidEffect>) {
    let (show, event) = match value {
        Shared::Spacing(spacing) if spacing != aids.spacing => {
            aids.spacing = spacing;
            (
                AidEffect::ShowSpacing(spacing),
                Event::LineSpacingChange { spacing },
            )
        }
        Shared::Contrast(contrast) if contrast != aids.contrast => {
            aids.contrast = contrast;
            (
                AidEffect::ShowContrast(contrast),
                Event::ContrastChange { contrast },
            )
        }
        _ => return,
    };
    out.push(show);
    out.push(AidEffect::Emit(event));
    if here {
        out.push(AidEffect::Share(value));
    }
}
