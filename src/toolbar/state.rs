//! The reader toolbar's state machine, without the DOM: the font step it shows, the reader's
//! aids (reading the article aloud, its line spacing and contrast), whether its print preview
//! is open and the article's cleaned copy it waits for, what can happen to it (a control or key
//! pressed, the API, a preference set elsewhere on the site, the synthesizer's answers, the
//! copy made or not, the preview closed by the browser), and `update`, which answers with the
//! effects the DOM layer carries out. The font behaviour and the aids' are the widget's own
//! (`crate::font`, `crate::reading_aids`).
//!
//! Print and Print preview show the article as the sanitizing walker copies it. On an article
//! page whose module lacks the walker (a page with only toolbars), the copy is made by the print
//! module, fetched on the first Print: so each asks for a copy and acts when it comes, under a
//! ticket, so that a late copy is never taken for a later press.

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
    /// The preview is open, or its copy is on its way.
    pub preview: bool,
    /// The copy asked for and what it is for; none while nothing waits.
    pub copying: Option<(CopyTicket, CopyFor)>,
    next_copy: u32,
    /// On a narrow screen, the rest of the bar after the fonts is shown ("More tools").
    pub tools_open: bool,
}

/// Names one request for the article's cleaned copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CopyTicket(pub u32);

/// What a copy is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyFor {
    Print,
    Preview,
}

impl Model {
    /// The toolbar at mount, at the stored step and with the stored aids.
    pub fn new(font: FontStep, aids: Aids) -> Model {
        Model {
            font,
            aids,
            preview: false,
            copying: None,
            next_copy: 0,
            tools_open: false,
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
    /// The DOM layer holds the cleaned copy of this request.
    Copied(CopyTicket),
    /// This request's copy could not be made (the print module did not load or stopped).
    CopyFailed(CopyTicket),
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
    /// Make the printed article for this purpose (for Print, in its frame), and say `Copied` or
    /// `CopyFailed` with this ticket.
    Copy(CopyTicket, CopyFor),
    /// Print the article alone, from the copy of this ticket.
    Print(CopyTicket),
    /// Show the printed article, the copy of this ticket, in a modal dialog.
    OpenPreview(CopyTicket),
    /// Take the dialog away.
    ClosePreview,
    /// On a narrow screen, show the rest of the bar after the fonts, or hide it.
    ShowTools(bool),
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
        Action::Copied(ticket) => match model.copying.take_if(|(t, _)| *t == ticket) {
            Some((_, CopyFor::Print)) => out.push(Effect::Print(ticket)),
            Some((_, CopyFor::Preview)) => out.push(Effect::OpenPreview(ticket)),
            None => {}
        },
        Action::CopyFailed(ticket) => {
            if let Some((_, purpose)) = model.copying.take_if(|(t, _)| *t == ticket) {
                if purpose == CopyFor::Preview {
                    model.preview = false;
                }
                out.push(Effect::Announce(Announcement::PrintNotLoaded));
            }
        }
        Action::Aid(action) => aided(&mut out, reading_aids::update(&mut model.aids, action)),
    }
    out
}

fn pressed(model: &mut Model, command: Command, value: Option<&str>, out: &mut Vec<Effect>) {
    match command {
        Command::Print => {
            aided(out, reading_aids::stop(&mut model.aids, StopReason::Print));
            ask_copy(model, CopyFor::Print, out);
        }
        Command::Preview if !model.preview && model.copying.is_none() => {
            model.preview = true;
            ask_copy(model, CopyFor::Preview, out);
        }
        Command::ClosePreview => close_preview(model, out),
        Command::Tools => {
            model.tools_open = !model.tools_open;
            out.push(Effect::ShowTools(model.tools_open));
        }
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

/// One copy at a time: a press while one is on its way is the same press.
fn ask_copy(model: &mut Model, purpose: CopyFor, out: &mut Vec<Effect>) {
    if model.copying.is_some() {
        return;
    }
    model.next_copy = model.next_copy.wrapping_add(1);
    let ticket = CopyTicket(model.next_copy);
    model.copying = Some((ticket, purpose));
    out.push(Effect::Copy(ticket, purpose));
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
