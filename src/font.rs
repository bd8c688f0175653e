//! The font step's behaviour, one implementation for the widget and the reader toolbar: the step
//! a command leads to, and what a new step leads to (shown, announced, an event, shared with the
//! site). Each machine turns a `FontEffect` into an effect of its own (`From`).

use crate::announcement::Announcement;
use crate::command::Command;
use crate::contract::{Event, FontStep};

impl FontStep {
    /// The step a font command leads to; `None` for a command that is not about the font.
    pub fn after(self, command: Command) -> Option<FontStep> {
        match command {
            Command::FontLarger => Some(self.larger()),
            Command::FontSmaller => Some(self.smaller()),
            Command::FontReset => Some(Self::DEFAULT),
            _ => None,
        }
    }
}

/// Who set the step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The reader here (a control, a key) or the page's API: announced, and shared with the
    /// site.
    Here,
    /// Another widget, toolbar or tab: followed quietly.
    Elsewhere,
}

/// What a new font step leads to, in this order.
#[derive(Clone, Debug, PartialEq)]
pub enum FontEffect {
    /// The scale and the A+ A A- buttons' state.
    Show(FontStep),
    Announce(Announcement),
    /// `news-widget:fontsizechange`.
    Emit(Event),
    /// Saved and told to the rest of the site.
    Share(FontStep),
}

/// Sets `font` to `step`, and says what follows in `out`. A press here is announced even at the
/// end of the range (A+ at 200 % still says the size); only a change is an event; a step set
/// elsewhere that changes nothing leads to nothing.
pub fn set_font<E: From<FontEffect>>(
    font: &mut FontStep,
    step: FontStep,
    origin: Origin,
    out: &mut Vec<E>,
) {
    let changed = *font != step;
    let here = origin == Origin::Here;
    if !changed && !here {
        return;
    }
    *font = step;
    out.push(FontEffect::Show(step).into());
    if here {
        out.push(FontEffect::Announce(Announcement::FontSize(step)).into());
    }
    if changed {
        out.push(FontEffect::Emit(Event::FontSizeChange { step }).into());
    }
    if here {
        out.push(FontEffect::Share(step).into());
    }
}
