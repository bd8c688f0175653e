//! What the reader (with a control or a key) or the page (through the API) asks for: an
//! article, back to the list, the next page of cards, the font step, print and the print
//! preview, and the reader's aids (reading aloud the open article, which stops when it goes or
//! is printed; the line spacing and contrast). A language choice and Retry are `language`'s and
//! `loading`'s.

use super::{aided, stop_reading, Action, Announcement, Effect, Focus, Model, View};
use crate::command::{key_command, Command, KeyCommand};
use crate::contract::Event;
use crate::font::{set_font, Origin};
use crate::listen::action::StopReason;
use crate::reading_aids::{self, AidAction};

pub(super) fn act(model: &mut Model, action: Action, out: &mut Vec<Effect>) {
    match action {
        Action::Command { command, value } => pressed(model, command, value, out),
        Action::OpenFromApi { id } => {
            // A host page's own control keeps its focus handling.
            let focus = model.focus.is_some();
            open(model, &id, focus, out);
        }
        Action::Back => close(model, out),
        Action::SetFont(step) => set_font(&mut model.font, step, Origin::Here, out),
        Action::FontShared(step) => set_font(&mut model.font, step, Origin::Elsewhere, out),
        Action::Key(key) => match key_command(&key) {
            Some(KeyCommand::Escape) if model.preview => toggle_preview(model, out),
            Some(KeyCommand::Escape) => close(model, out),
            Some(KeyCommand::Font(command)) => pressed(model, command, None, out),
            None => {}
        },
        Action::Print => print(model, out),
        // Only an open article is read.
        Action::Aid(AidAction::Listen) if model.open_item().is_none() => {}
        Action::Aid(action) => aided(out, reading_aids::update(&mut model.aids, action)),
        // The others are decided in `loading` and `language`.
        _ => {}
    }
}

/// What a control (or the key of its command) asks for.
fn pressed(model: &mut Model, command: Command, value: Option<String>, out: &mut Vec<Effect>) {
    match command {
        Command::Open => {
            if let Some(id) = value {
                open(model, &id, true, out);
            }
        }
        Command::Back => close(model, out),
        Command::More => more(model, out),
        Command::Print => print(model, out),
        Command::Preview => toggle_preview(model, out),
        Command::Tools => {
            model.tools_open = !model.tools_open;
            out.push(Effect::Render);
        }
        command => {
            if let Some(effects) = reading_aids::pressed(&mut model.aids, command, value.as_deref())
            {
                return aided(out, effects);
            }
            if let Some(step) = model.font.after(command) {
                set_font(&mut model.font, step, Origin::Here, out);
            }
        }
    }
}

/// Printing the open article (or the browser's own Print of the page) stops reading it aloud.
fn print(model: &mut Model, out: &mut Vec<Effect>) {
    stop_reading(model, StopReason::Print, out);
    if model.open_item().is_some() {
        out.push(Effect::Print);
    }
}

/// Whether a key is one the widget acts on in this state (the DOM layer then prevents the
/// browser's own handling).
pub fn handles_key(model: &Model, key: &str) -> bool {
    match key_command(key) {
        Some(KeyCommand::Escape) => model.preview || matches!(model.view, View::Article(_)),
        Some(KeyCommand::Font(_)) => true,
        None => false,
    }
}

pub(super) fn open(model: &mut Model, id: &str, take_focus: bool, out: &mut Vec<Effect>) {
    // Found and readable: a long feed's item that fails to decode is not there for the reader.
    let exists = model
        .feed()
        .is_some_and(|feed| feed.items.find(id).is_some());
    if !exists {
        return;
    }
    // Another article takes the place of the one being read.
    if model.view != View::Article(id.to_string()) {
        stop_reading(model, StopReason::Back, out);
    }
    model.view = View::Article(id.to_string());
    model.preview = false;
    model.not_found = false;
    out.push(Effect::Render);
    if take_focus {
        out.push(Effect::Focus(Focus::ArticleTitle));
    }
    out.push(Effect::Emit(Event::Open { id: id.to_string() }));
}

fn close(model: &mut Model, out: &mut Vec<Effect>) {
    if model.view == View::List {
        return;
    }
    // Before the article goes: its highlight with it.
    stop_reading(model, StopReason::Back, out);
    let View::Article(previous) = std::mem::replace(&mut model.view, View::List) else {
        return;
    };
    model.preview = false;
    model.held = None;
    out.push(Effect::ClosePrint);
    // The opened card may sit beyond the shown page if the API opened it: show up to it.
    let position = model.feed().and_then(|feed| feed.items.position(&previous));
    out.push(Effect::Render);
    match position {
        Some(position) => {
            // Only where it lies beyond the cards shown (a page may reach past its size).
            if position >= model.shown {
                let page = model.options.page_size.max(1);
                model.shown = (position / page + 1) * page;
            }
            out.push(Effect::Focus(Focus::Card(previous)));
        }
        // An article held from another language's feed has no card in this one: focus goes to
        // the list's first card rather than to the page's body.
        None => focus_first_card(model, out),
    }
}

fn more(model: &mut Model, out: &mut Vec<Effect>) {
    let Some(feed) = model.feed() else {
        return;
    };
    let from = model.shown;
    let to = feed.items.page_end(from, model.options.page_size);
    // The page's cards: its readable items (a long feed's are decoded here, as the page shows
    // them anyway).
    let (first_new, added) = feed
        .items
        .range(from..to)
        .fold((None, 0), |(first, n), item| {
            (first.or_else(|| Some(item.id.clone())), n + 1)
        });
    model.shown = to;
    // Only the new page is built: cost follows the page, not the feed.
    out.push(Effect::AppendCards { from, to });
    if let Some(id) = first_new {
        out.push(Effect::Focus(Focus::Card(id)));
    }
    out.push(Effect::Announce(Announcement::MoreShown(added)));
}

fn toggle_preview(model: &mut Model, out: &mut Vec<Effect>) {
    if !matches!(model.view, View::Article(_)) {
        return;
    }
    model.preview = !model.preview;
    out.push(Effect::Render);
    out.push(Effect::Announce(if model.preview {
        Announcement::PreviewOn
    } else {
        Announcement::PreviewOff
    }));
}

/// The first card on screen (a long feed's unreadable items have none), or Retry where there
/// is none.
pub(super) fn focus_first_card(model: &Model, out: &mut Vec<Effect>) {
    let first = model
        .feed()
        .filter(|_| model.view == View::List)
        .and_then(|feed| {
            feed.items
                .range(0..model.shown.min(feed.items.len()))
                .next()
        });
    out.push(Effect::Focus(match first {
        Some(item) => Focus::Card(item.id.clone()),
        None => Focus::Retry,
    }));
}
