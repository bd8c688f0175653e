//! Moving through the news: opening and closing an article, the next page of cards, the print
//! preview and printing.

use std::rc::Rc;

use fluent_bundle::FluentValue;

use super::super::render::Ctx;
use super::super::{print, render};
use super::{log_i18n, warn, Load, View, Widget};

impl Widget {
    /// Opens an article for the API: focus moves to its title only if it was in the widget
    /// already, so a host page's own control keeps its focus handling.
    pub fn open(self: &Rc<Self>, id: &str) -> bool {
        let focus = self.focused_key().is_some();
        self.open_with(id, focus)
    }

    pub(super) fn open_with(self: &Rc<Self>, id: &str, take_focus: bool) -> bool {
        let exists = match &self.state.borrow().load {
            Load::Ready(feed) => feed.items.iter().any(|i| i.id == id),
            _ => false,
        };
        if !exists {
            return false;
        }
        {
            let mut state = self.state.borrow_mut();
            state.view = View::Article(id.to_string());
            state.preview = false;
            state.not_found = false;
        }
        self.render();
        if take_focus {
            self.focus_key("article-title");
        }
        self.emit("news-widget:open", &[("id", id.into())]);
        true
    }

    pub fn close(self: &Rc<Self>) {
        let previous = match std::mem::replace(&mut self.state.borrow_mut().view, View::List) {
            View::Article(id) => id,
            View::List => return,
        };
        self.state.borrow_mut().preview = false;
        self.state.borrow_mut().held = None;
        self.print_frame.borrow_mut().take();
        // The opened card may sit beyond the shown page if the API opened it: show up to it.
        let position = match &self.state.borrow().load {
            Load::Ready(feed) => feed.items.iter().position(|i| i.id == previous),
            _ => None,
        };
        if let Some(position) = position {
            let page = self.options.page_size.max(1);
            let mut state = self.state.borrow_mut();
            state.shown = state.shown.max((position / page + 1) * page);
        }
        self.render();
        self.focus_key(&format!("open:{previous}"));
    }

    pub(super) fn more(self: &Rc<Self>) {
        let (feed, from) = {
            let state = self.state.borrow();
            let Load::Ready(feed) = &state.load else {
                return;
            };
            (Rc::clone(feed), state.shown)
        };
        let to = (from + self.options.page_size).min(feed.items.len());
        self.state.borrow_mut().shown = to;
        // Only the new page is built: cost follows the page, not the feed.
        let (cards, footer, announcement) = {
            let languages = self.languages();
            let l10n = self.l10n.borrow();
            let feed_url = self.feed_url.borrow().clone();
            let ctx = Ctx::new(&self.doc, &l10n, &feed_url, &languages);
            let cards = self.doc.create_document_fragment();
            for item in &feed.items[from..to] {
                let _ = cards.append_child(&render::card(&ctx, item));
            }
            let footer = render::list_footer(&ctx, feed.items.len(), to);
            let added = (to - from) as u32;
            let text = ctx.t_args("more-announce", &[("count", FluentValue::from(added))]);
            log_i18n(&ctx.errors.borrow());
            (cards, footer, text)
        };
        if let (Ok(Some(list)), Ok(Some(old_footer))) = (
            self.view.query_selector(".cards"),
            self.view.query_selector(".list-footer"),
        ) {
            let _ = list.append_child(&cards);
            let _ = old_footer.replace_with_with_node_1(&footer);
        }
        if let Some(first) = feed.items.get(from) {
            self.focus_key(&format!("open:{}", first.id));
        }
        self.announce(&announcement);
    }

    pub(super) fn toggle_preview(self: &Rc<Self>) {
        let on = {
            let mut state = self.state.borrow_mut();
            if !matches!(state.view, View::Article(_)) {
                return;
            }
            state.preview = !state.preview;
            state.preview
        };
        self.render();
        let text = self.l10n.borrow().format(
            if on {
                "print-preview-on"
            } else {
                "print-preview-off"
            },
            &[],
            &mut Vec::new(),
        );
        self.announce(&text.text);
    }

    /// Prints the open article alone. Returns false when no article is open.
    pub fn print(self: &Rc<Self>) -> bool {
        let Ok(Some(content)) = self.view.query_selector(".article-content") else {
            return false;
        };
        let title = self
            .view
            .query_selector(".article-title")
            .ok()
            .flatten()
            .and_then(|t| t.text_content())
            .unwrap_or_default();
        let lang = content
            .query_selector(".article-body")
            .ok()
            .flatten()
            .and_then(|b| b.closest("[lang]").ok().flatten())
            .and_then(|l| l.get_attribute("lang"))
            .unwrap_or_else(|| self.language());
        // Any frame from an earlier print goes first.
        self.print_frame.borrow_mut().take();
        let weak = Rc::downgrade(self);
        let on_done = move |_| {
            let weak = weak.clone();
            // Removing the frame from inside its own listener would drop the running closure:
            // defer it to a microtask.
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(w) = weak.upgrade() {
                    w.print_frame.borrow_mut().take();
                }
            });
        };
        match print::print_article(
            &self.shadow,
            &content,
            &lang,
            &title,
            &self.font().scale_css(),
            on_done,
        ) {
            Ok(frame) => {
                *self.print_frame.borrow_mut() = Some(frame);
                true
            }
            Err(error) => {
                warn(&format!(
                    "print failed: {}",
                    error.as_string().unwrap_or_default()
                ));
                false
            }
        }
    }
}
