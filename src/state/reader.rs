//! What the reader (or the page, through the API) asks for: an article, back to the list, the
//! next page of cards, the font step, a shortcut key, print and the print preview.

use super::{Action, Announcement, Effect, Focus, Model, View};
use crate::command::{key_command, KeyCommand};
use crate::contract::{Event, FontStep};

pub(super) fn act(model: &mut Model, action: Action, out: &mut Vec<Effect>) {
    match action {
        Action::Open { id, focus } => {
            open(model, &id, focus, out);
        }
        Action::OpenFromApi { id } => {
            // A host page's own control keeps its focus handling.
            let focus = model.focus.is_some();
            open(model, &id, focus, out);
        }
        Action::Back => close(model, out),
        Action::More => more(model, out),
        Action::SetFont(step) => {
            apply_font(model, step, true, out);
            out.push(Effect::ShareFont(step));
        }
        Action::FontShared(step) => apply_font(model, step, false, out),
        Action::Key(key) => match key_command(&key) {
            Some(KeyCommand::Escape) if model.preview => toggle_preview(model, out),
            Some(KeyCommand::Escape) => close(model, out),
            Some(KeyCommand::Font(command)) => {
                if let Some(step) = model.font.after(command) {
                    act(model, Action::SetFont(step), out);
                }
            }
            None => {}
        },
        Action::Print if model.open_item().is_some() => out.push(Effect::Print),
        Action::TogglePreview => toggle_preview(model, out),
        // The others are decided in `loading` and `language`.
        _ => {}
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
    let previous = match std::mem::replace(&mut model.view, View::List) {
        View::Article(id) => id,
        View::List => return,
    };
    model.preview = false;
    model.held = None;
    out.push(Effect::ClosePrint);
    // The opened card may sit beyond the shown page if the API opened it: show up to it.
    let position = model.feed().and_then(|feed| feed.items.position(&previous));
    out.push(Effect::Render);
    match position {
        Some(position) => {
            let page = model.options.page_size.max(1);
            model.shown = model.shown.max((position / page + 1) * page);
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
    let to = (from + model.options.page_size).min(feed.items.len());
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

/// Shows `step`. A reader's press is announced even at the end of the range (A+ at 200 % still
/// says the size); only a change is an event.
fn apply_font(model: &mut Model, step: FontStep, announce: bool, out: &mut Vec<Effect>) {
    let changed = model.font != step;
    if !changed && !announce {
        return;
    }
    model.font = step;
    out.push(Effect::ShowFont(step));
    if announce {
        out.push(Effect::Announce(Announcement::FontSize(step)));
    }
    if changed {
        out.push(Effect::Emit(Event::FontSizeChange { step }));
    }
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
