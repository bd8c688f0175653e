//! What a loaded feed does to the widget: the list or the error state, repairs reported, the
//! article asked for by the page, and the feed's language followed.

use std::rc::Rc;

use super::super::load::{LoadError, ReadOptions};
use super::{refresh, warn, warn_item, Load, View, Widget};
use crate::feed::pair::counterpart;
use crate::feed::{Feed, FeedOutcome, Item};

impl Widget {
    /// Fetches the feed again from the server; news on screen stays until the answer.
    pub fn reload(self: &Rc<Self>) {
        self.refresh(refresh::Trigger::Reload);
    }

    pub(super) fn read_options(&self) -> ReadOptions {
        ReadOptions {
            timezone: self.options.timezone.clone(),
        }
    }

    pub(super) fn report_outcome(&self, outcome: &FeedOutcome) {
        let url = self.feed_url.borrow().clone();
        for note in &outcome.notes {
            warn(&format!("feed {url}: {note}"));
        }
        for warning in &outcome.warnings {
            warn_item(warning);
        }
    }

    /// The UI language changed: with one feed per language, show that language's feed (kept,
    /// or fetched once). An open article follows to its translation where the feeds pair them.
    pub(super) fn follow_feed_language(self: &Rc<Self>) {
        if !self.sources.per_language() {
            return;
        }
        let url = self.sources.url_for(&self.language());
        if url.is_empty() || *self.feed_url.borrow() == url {
            return;
        }
        *self.feed_url.borrow_mut() = url.clone();
        if let Some(feed) = self.sources.kept(&url) {
            self.show_feed(feed);
            return;
        }
        // The list of another language is another list: it loads (the kept copy at once where
        // there is one). An open article stays readable until its translation (or nothing)
        // arrives.
        self.refresh(refresh::Trigger::Language);
    }

    /// Shows another language's feed in place of the current one.
    pub(super) fn show_feed(self: &Rc<Self>, feed: Rc<Feed>) {
        {
            let mut state = self.state.borrow_mut();
            if let View::Article(id) = &state.view {
                let open: Option<Rc<Item>> = match (&state.load, &state.held) {
                    (_, Some(held)) if &held.id == id => Some(Rc::clone(held)),
                    (Load::Ready(old), _) => old
                        .items
                        .iter()
                        .find(|i| &i.id == id)
                        .map(|i| Rc::new(i.clone())),
                    _ => None,
                };
                match open {
                    Some(item) => match counterpart(&item, &feed) {
                        Some(pair) => {
                            state.view = View::Article(pair.id.clone());
                            state.held = None;
                        }
                        None => state.held = Some(item),
                    },
                    None => state.view = View::List,
                }
            }
            state.shown = state.shown.max(self.options.page_size);
            state.load = Load::Ready(feed);
        }
        self.render();
    }

    pub(super) fn loaded(self: &Rc<Self>, result: Result<FeedOutcome, LoadError>) {
        let waiting_focus = self.focused_key().as_deref() == Some("loading");
        let mut open = None;
        match result {
            Ok(outcome) => {
                self.report_outcome(&outcome);
                let feed = Rc::new(outcome.feed);
                self.sources.keep(&self.feed_url.borrow(), &feed);
                let mut state = self.state.borrow_mut();
                if let Some(id) = state.pending_article.take() {
                    if feed.items.iter().any(|i| i.id == id) {
                        open = Some(id);
                    } else {
                        state.not_found = true;
                        warn(&format!("article \"{id}\" is not in the feed"));
                    }
                }
                state.load = Load::Ready(feed);
            }
            Err(error) => {
                warn(&format!("feed {}: {error}", self.feed_url.borrow()));
                self.state.borrow_mut().load = Load::Failed(error.clone());
                self.render();
                let message = self
                    .l10n
                    .borrow()
                    .format(error.message_id(), &error.message_args(), &mut Vec::new())
                    .text;
                if waiting_focus {
                    self.focus_key("retry");
                }
                self.emit(
                    "news-widget:error",
                    &[("kind", error.kind().into()), ("message", message.into())],
                );
                self.send_ready();
                return;
            }
        }
        match open {
            // The `article` option opens without taking focus: the reader may be typing
            // elsewhere on the page.
            Some(id) => {
                self.open_with(&id, waiting_focus);
            }
            None => {
                self.render();
                if waiting_focus {
                    self.focus_first_card();
                }
            }
        }
        self.send_ready();
    }
}
