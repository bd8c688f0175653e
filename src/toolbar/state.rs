//! The reader toolbar's state machine, without the DOM: the font step it shows and whether its
//! print preview is open, what can happen to it (a control or key pressed, the API, a step set
//! elsewhere on the site, the preview closed by the browser), and `update`, which answers with
//! the effects the DOM layer carries out. The font behaviour is the widget's own (`crate::font`).

use crate::announcement::Announcement;
use crate::command::{key_command, Command, KeyCommand};
use crate::contract::{Event, FontStep};
use crate::font::{set_font, FontEffect, Origin};
use crate::machine::Machine;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Model {
    pub font: FontStep,
    pub preview: bool,
}

impl Model {
    /// The toolbar at mount, at the stored step.
    pub fn new(font: FontStep) -> Model {
        Model {
            font,
            preview: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The reader pressed a control.
    Command(Command),
    /// A key with no Ctrl, Meta or Alt.
    Key(String),
    /// `setFontStep()`: shared with the whole site.
    SetFont(FontStep),
    /// Another widget, toolbar or tab set the step: followed quietly.
    FontShared(FontStep),
    /// The preview dialog closed (Escape, or it could not open).
    PreviewClosed,
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

/// Whether the toolbar acts on a key (the DOM layer then prevents the browser's own handling):
/// the font shortcuts.
pub fn handles_key(key: &str) -> bool {
    matches!(key_command(key), Some(KeyCommand::Font(_)))
}

pub fn update(model: &mut Model, action: Action) -> Vec<Effect> {
    let mut out = Vec::new();
    match action {
        Action::Command(command) => pressed(model, command, &mut out),
        Action::Key(key) => {
            if let Some(KeyCommand::Font(command)) = key_command(&key) {
                pressed(model, command, &mut out);
            }
        }
        Action::SetFont(step) => set_font(&mut model.font, step, Origin::Here, &mut out),
        Action::FontShared(step) => set_font(&mut model.font, step, Origin::Elsewhere, &mut out),
        Action::PreviewClosed => close_preview(model, &mut out),
    }
    out
}

fn pressed(model: &mut Model, command: Command, out: &mut Vec<Effect>) {
    match command {
        Command::Print => out.push(Effect::Print),
        Command::Preview if !model.preview => {
            model.preview = true;
            out.push(Effect::OpenPreview);
        }
        Command::ClosePreview => close_preview(model, out),
        command => {
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
