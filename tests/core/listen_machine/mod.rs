//! Reading aloud's state machine as whole scenarios through `update`: what is spoken, when the
//! voice is paused, cancelled or told to go on, what is highlighted, announced and emitted
//! (`reading`: reading, pausing, stopping, the speed; `troubles`: voices missing or late, and
//! the synthesizer's errors).
use news_widget::contract::{Event, ListenState};
use news_widget::listen::action::Action;
use news_widget::listen::machine::{update, Effect, Listening};
use news_widget::listen::plan::{plan, Run, SourceRange, Utterance};
use news_widget::listen::rate::Rate;
use news_widget::listen::sentence::cost_of;
use news_widget::listen::voice::Voice;

pub fn voice(uri: &str, lang: &str) -> Voice {
    Voice {
        uri: uri.into(),
        name: uri.into(),
        lang: lang.into(),
        local: true,
        default: false,
    }
}

pub fn article() -> Vec<Utterance> {
    plan("zh-CN", &[Run::new("第一句。第二句。第三句。", true)])
}

pub fn range(start: u32, end: u32) -> SourceRange {
    SourceRange { run: 0, start, end }
}

pub fn speak(ticket: u32, text: &str, rate: Rate) -> Effect {
    Effect::Speak {
        ticket,
        text: text.into(),
        lang: "zh-CN".into(),
        voice: "huihui".into(),
        rate,
        cost: cost_of(&text.chars().collect::<Vec<_>>()),
    }
}

/// Listen, then the plan of `utterances` arriving: what the plan's arrival did.
pub fn listen(model: &mut Listening, utterances: Vec<Utterance>) -> Vec<Effect> {
    let ticket = ask_plan(model);
    update(model, Action::Planned(ticket, utterances))
}

/// Listen from idle: the plan is asked for, with the ticket its answer must bring.
pub fn ask_plan(model: &mut Listening) -> u32 {
    let effects = update(model, Action::Listen);
    let [Effect::Plan(ticket), Effect::Show] = effects[..] else {
        panic!("Listen asks for the plan: {effects:?}");
    };
    ticket
}

pub fn emit(state: ListenState) -> Effect {
    Effect::Emit(Event::ListenChange { state })
}

/// A device with a Mandarin and an English voice.
pub fn with_voices(pause_cancels: bool) -> Listening {
    let mut model = Listening::new(Rate::NORMAL, pause_cancels);
    update(
        &mut model,
        Action::VoicesChanged(vec![voice("david", "en-US"), voice("huihui", "zh-CN")]),
    );
    model
}

/// Reading, the first sentence on its way (ticket 0).
pub fn reading(pause_cancels: bool) -> Listening {
    let mut model = with_voices(pause_cancels);
    listen(&mut model, article());
    model
}

mod reading;
mod troubles;

/// What reading stopped by the widget says: the synthesizer silenced, the highlight gone, the
/// controls and the page told, then `announced`, if anything.
pub fn stopped(announced: Option<Effect>) -> Vec<Effect> {
    let mut effects = vec![
        Effect::Cancel,
        Effect::ClearHighlight,
        Effect::Show,
        emit(ListenState::Stopped),
    ];
    effects.extend(announced);
    effects
}
