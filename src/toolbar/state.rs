//! The reader toolbar's state machine, without the DOM: the font step it shows, the reader's
//! aids (reading the article aloud, its line spacing and contrast) and whether its print preview
//! is open, what can happen to it (a control or key pressed, the API, a preference set
//! elsewhere on the site, the synthesizer's answers, the preview closed by the browser), and
//! `update`, which answers with the effects the DOM layer carries out. The font behaviour and
//! the aids' are the widget's own (`crate::font`, `crate::reading_aids`).

use crate::announcement::Announcement;
use crate::command::{key_command, Command, KeyCommand};
use crate::contract::{Event, FontStep};
use crate::font::{set_font, FontEffect, Origin};
use crate::listen::action::StopReason;
use crate::machine::Machine;
use crate::reading_aids::{self, AidAction, AidEffect, Aids};

#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub font: FontStep,
    pub aids: Aids,
    pub preview: bool,
}

impl Model {
    /// The toolbar at mount, at the stored step and with the stored aids.
    pub fn new(font: FontStep, aids: Aids) -> Model {
        Model {
            font,
            aids,
            preview: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The reader pressed a control: its command, and the value it names (a spacing's or
    /// scheme's name, the speed).
    Command(Command, Option<String>),
    /// A key with no Ctrl, Meta or Alt.
    Key(String),
    /// `setFontStep()`: shared with the whole site.
    SetFont(FontStep),
    /// Another widget, toolbar or tab set the step: followed quietly.
    FontShared(FontStep),
    /// The preview dialog closed (Escape, or it could not open).
    PreviewClosed,
    /// Reading aloud, the line spacing and the contrast scheme: the API, the synthesizer, the
    /// page and the site.
    Aid(AidAction),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// The article's zoom, the bar's own scale and the A+ A A- buttons.
    ShowFont(FontStep),
    Announce(Announcement),
    Emit(Event),
    /// Saved, and told to the rest of the site.
    ShareFont(FontStep),
    /// Print the article alone.
    Print,
    /// Show the printed article in a modal dialog.
    OpenPreview,
    /// Take the dialog away.
    ClosePreview,
    /// What the reader's aids do (but announce and emit, which are the effects above).
    Aid(AidEffect),
}

impl From<FontEffect> for Effect {
    fn from(effect: FontEffect) -> Effect {
        match effect {
            FontEffect::Show(step) => Effect::ShowFont(step),
            FontEffect::Announce(announcement) => Effect::Announce(announcement),
            FontEffect::Emit(event) => Effect::Emit(event),
            FontEffect::Share(step) => Effect::ShareFont(step),
        }
    }
}

impl From<AidEffect> for Effect {
    fn from(effect: AidEffect) -> Effect {
        match effect {
            AidEffect::Announce(announcement) => Effect::Announce(announcement),
            AidEffect::Emit(event) => Effect::Emit(event),
            effect => Effect::Aid(effect),
        }
    }
}

/// The reader's aids' effects among the toolbar's.
fn aided(out: &mut Vec<Effect>, effects: Vec<AidEffect>) {
    out.extend(effects.into_iter().map(Effect::from));
}

/// Whether the toolbar acts on a key (the DOM layer then prevents the browser's own handling):
/// the font shortcuts.
pub fn handles_key(key: &str) -> bool {
    matches!(key_command(key), Some(KeyCommand::Font(_)))
}

pub fn update(model: &mut Model, action: Action) -> Vec<Effect> {
    let mut out = Vec::new();
    match action {
        Action::Command(command, value) => pressed(model, command, value.as_deref(), &mut out),
        Action::Key(key) => {
            if let Some(KeyCommand::Font(command)) = key_command(&key) {
                pressed(model, command, None, &mut out);
            }
        }
        Action::SetFont(step) => set_font(&mut model.font, step, Origin::Here, &mut out),
        Action::FontShared(step) => set_font(&mut model.font, step, Origin::Elsewhere, &mut out),
        Action::PreviewClosed => close_preview(model, &mut out),
        Action::Aid(action) => aided(&mut out, reading_aids::update(&mut model.aids, action)),
    }
    out
}

fn pressed(model: &mut Model, command: Command, value: Option<&str>, out: &mut Vec<Effect>) {
    match command {
        Command::Print => {
            aided(out, reading_aids::stop(&mut model.aids, StopReason::Print));
            out.push(Effect::Print);
        }
        Command::Preview if !model.preview => {
            model.preview = true;
            out.push(Effect::OpenPreview);
        }
        Command::ClosePreview => close_preview(model, out),
        command => {
            if let Some(effects) = reading_aids::pressed(&mut model.aids, command, value) {
                return aided(out, effects);
            }
            if let Some(step) = model.font.after(command) {
                set_font(&mut model.font, step, Origin::Here, out);
            }
        }
    }
}

fn close_preview(model: &mut Model, out: &mut Vec<Effect>) {
    if std::mem::take(&mut model.preview) {
        out.push(Effect::ClosePreview);
    }
}

impl Machine for Model {
    type Action = Action;
    type Effect = Effect;

    fn update(&mut self, action: Action) -> Vec<Effect> {
        update(self, action)
    }
}
