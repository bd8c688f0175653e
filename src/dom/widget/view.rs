//! The model into the shadow tree: the whole view, one more page of cards, the font buttons'
//! state, focus, the live region, the host's events and the printed article.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{DocumentFragment, Element, HtmlElement};

use super::render::{self, StateView};
use super::Widget;
use crate::command::Command;
use crate::contract::{Event, FontStep};
use crate::dom::parts::ctx::{Ctx, LanguageChoice};
use crate::dom::parts::intl;
use crate::dom::parts::later;
use crate::dom::parts::node::El;
use crate::dom::parts::notify;
use crate::dom::parts::print;
use crate::dom::parts::{aid_controls, controls};
use crate::dom::warn;
use crate::explain::Explain;
use crate::i18n::{self, Arg};
use crate::load_error::LoadError;
use crate::state::{self, Announcement, Focus, Load, Model, View};

impl Widget {
    /// The language control's entries, named in their own language.
    fn choices(&self, model: &Model) -> Vec<LanguageChoice> {
        state::language_choices(model)
            .into_iter()
            .map(|locale| LanguageChoice {
                endonym: i18n::built_in_endonym(&locale)
                    .map(str::to_string)
                    .or_else(|| intl::endonym(locale.as_str()))
                    .unwrap_or_else(|| locale.as_str().to_owned()),
                tag: locale.as_str().to_owned(),
            })
            .collect()
    }

    /// Message fallbacks, and the repairs of items a long feed read only now: the console
    /// lines of a render, written by `log` once no borrow is held (the console may be a page's
    /// wrapper that calls back into this widget).
    fn problems(ctx: &Ctx, model: &Model) -> Vec<String> {
        let late = model.feed().map(|f| f.items.take_late_warnings());
        let errors = ctx.errors.borrow();
        errors
            .iter()
            .map(Explain::explain)
            .chain(late.unwrap_or_default().iter().map(Explain::explain))
            .collect()
    }

    fn log(problems: Vec<String>) {
        for problem in problems {
            warn(&problem);
        }
    }

    /// Rebuilds the view from the model and puts focus back where it was.
    pub(super) fn render(&self) {
        let focused = self.focused();
        let (fragment, label, problems) = self.build_view();
        Self::log(problems);
        // Every borrow is released before the DOM changes: removing the focused element fires
        // focusout, and focusing fires focusin, both composed, so a host page's listener may
        // call back into this widget right here.
        let _ = self.root.set_attribute("aria-label", &label);
        self.view.set_text_content(None);
        let _ = self.view.append_child(&fragment);
        if let Some(target) = focused {
            self.focus(&target);
        }
        self.after_render();
    }

    /// The current view as a detached fragment, the widget's accessible name, and what to say
    /// on the console about it.
    fn build_view(&self) -> (DocumentFragment, String, Vec<String>) {
        let model = self.model.borrow();
        let languages = self.choices(&model);
        let l10n = self.l10n.borrow();
        let ctx = Ctx::new(&self.doc, &l10n, &model.feed_url, &languages);
        let fragment = self.doc.create_document_fragment();
        let controls = render::Controls {
            font: model.font,
            aids: &model.aids,
            listen: self.speech.is_some(),
            tools_open: model.tools_open,
        };
        let bar = || render::toolbar(&ctx, &controls, None);
        let content: Vec<Element> = match (&model.load, model.open_item()) {
            (Load::Loading, _) => vec![bar(), render::state(&ctx, StateView::Loading)],
            (Load::Failed(error), _) => vec![bar(), render::state(&ctx, StateView::Error(error))],
            (Load::Ready(_), Some(item)) => {
                vec![render::article(&ctx, item, &controls, model.preview)]
            }
            (Load::Ready(feed), None) if feed.items.is_empty() && model.view == View::List => {
                vec![bar(), render::state(&ctx, StateView::Empty)]
            }
            (Load::Ready(feed), None) => {
                let mut content = vec![bar()];
                // After the toolbar: the notice over news that could not be refreshed.
                if model.view == View::List {
                    content.extend(self.stale_notice(&ctx, &model));
                }
                // An article id the feed lost shows the list with the not-found notice.
                let not_found = model.not_found || model.view != View::List;
                content.push(render::list(&ctx, &feed.items, model.shown, not_found));
                content
            }
        };
        for element in &content {
            let _ = fragment.append_child(element);
        }
        let label = ctx.t("widget-label");
        let problems = Self::problems(&ctx, &model);
        (fragment, label, problems)
    }

    /// The notice over news that could not be refreshed: when it was fetched, and Retry.
    fn stale_notice(&self, ctx: &Ctx, model: &Model) -> Option<Element> {
        if !model.freshness.failed {
            return None;
        }
        let when = intl::moment(&ctx.ui_lang, model.freshness.fetched_at_ms);
        let retry = El::new(ctx.doc, "button")
            .attr("type", "button")
            .attr("data-action", Command::Retry.action())
            .key(&Focus::Retry.key())
            .part("retry");
        Some(
            ctx.el("div")
                .class("notice kept-notice")
                .part("notice")
                .attr("role", "status")
                .child(ctx.text_args(ctx.el("p"), "kept-notice", &[("when", Arg::from(when))]))
                .child(ctx.text(retry, "retry"))
                .done(),
        )
    }

    /// One more page: only the new cards are built, and the footer is replaced.
    pub(super) fn append_cards(&self, from: usize, to: usize) {
        let (cards, footer, problems) = {
            let model = self.model.borrow();
            let Some(feed) = model.feed() else {
                return;
            };
            let languages = self.choices(&model);
            let l10n = self.l10n.borrow();
            let ctx = Ctx::new(&self.doc, &l10n, &model.feed_url, &languages);
            let cards = self.doc.create_document_fragment();
            for item in feed.items.range(from..to.min(feed.items.len())) {
                let _ = cards.append_child(&render::card(&ctx, item));
            }
            let footer = render::list_footer(&ctx, &feed.items, to);
            let problems = Self::problems(&ctx, &model);
            (cards, footer, problems)
        };
        Self::log(problems);
        if let (Ok(Some(list)), Ok(Some(old_footer))) = (
            self.view.query_selector(".cards"),
            self.view.query_selector(".list-footer"),
        ) {
            let _ = list.append_child(&cards);
            let _ = old_footer.replace_with_with_node_1(&footer);
        }
    }

    /// A font step without a re-render: the scale and the buttons at the ends of the range.
    pub(super) fn show_font(&self, step: FontStep) {
        let _ = self
            .root
            .style()
            .set_property("--nw-scale", &step.scale_css());
        controls::update_font_buttons(&self.root, step);
    }

    /// Focuses the element whose `data-key` is the target's. Keys hold feed ids, so they are
    /// compared as strings rather than spliced into a selector.
    pub(super) fn focus(&self, target: &Focus) -> bool {
        let key = target.key();
        let Ok(nodes) = self.view.query_selector_all("[data-key]") else {
            return false;
        };
        for index in 0..nodes.length() {
            let Some(el) = nodes
                .item(index)
                .and_then(|n| n.dyn_into::<HtmlElement>().ok())
            else {
                continue;
            };
            if el.get_attribute("data-key").as_deref() == Some(key.as_str()) {
                let _ = el.focus();
                return true;
            }
        }
        false
    }

    pub(super) fn announce(&self, announcement: &Announcement) {
        // The language is named by its endonym, which only the DOM layer knows.
        let extra = match announcement {
            Announcement::Language(tag) => {
                let endonym = self
                    .choices(&self.model.borrow())
                    .into_iter()
                    .find(|c| &c.tag == tag)
                    .map_or_else(|| tag.clone(), |c| c.endonym);
                Some(("language", Arg::from(endonym)))
            }
            _ => aid_controls::reading_argument(announcement, &self.language()),
        };
        notify::say(&self.live, &self.l10n.borrow(), announcement, extra);
    }

    pub(super) fn emit(&self, event: &Event) {
        notify::emit(&self.host, event);
    }

    /// `news-widget:error` for a failed load, its message in the UI's language.
    pub(super) fn emit_load_error(&self, error: &LoadError, kept: bool) {
        let message = self
            .l10n
            .borrow()
            .format(error.message_id(), &error.message_args(), &mut Vec::new())
            .text;
        self.emit(&Event::Error {
            kind: error.kind(),
            message,
            kept,
        });
    }

    /// Prints the open article alone, through a frame that goes once printing is done.
    pub(super) fn print(self: &Rc<Self>) {
        let Ok(Some(content)) = self.view.query_selector(".article-content") else {
            return;
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
        drop(self.print_frame.borrow_mut().take());
        let weak = Rc::downgrade(self);
        let on_done = move |_| {
            let weak = weak.clone();
            // Removing the frame from inside its own listener would drop the running closure:
            // deferred to a microtask.
            later::soon(move || {
                if let Some(w) = weak.upgrade() {
                    drop(w.print_frame.borrow_mut().take());
                }
            });
        };
        let printed = print::frame(&self.shadow, &content, &lang, &title)
            .and_then(|frame| print::print(frame, &self.font().scale_css(), on_done));
        match printed {
            Ok(frame) => *self.print_frame.borrow_mut() = Some(frame),
            Err(error) => {
                warn(&["print failed: ", &error.as_string().unwrap_or_default()].concat())
            }
        }
    }
}
