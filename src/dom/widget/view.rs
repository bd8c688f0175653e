//! Turning the widget's state into its shadow tree: the view, focus kept across re-renders,
//! the live region and the widget's events.

use unic_langid::LanguageIdentifier;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DocumentFragment, Element, HtmlElement};

use super::super::render::{Ctx, LanguageChoice, StateView};
use super::super::{intl, notify, render};
use super::{log_i18n, Load, View, Widget};
use crate::i18n;

impl Widget {
    pub(super) fn focus_first_card(&self) {
        let first = match &self.state.borrow().load {
            Load::Ready(feed) => feed.items.first().map(|i| format!("open:{}", i.id)),
            _ => None,
        };
        if !first.is_some_and(|key| self.focus_key(&key)) {
            self.focus_key("retry");
        }
    }

    pub(super) fn send_ready(&self) {
        if !self.ready_sent.replace(true) {
            self.emit(
                "news-widget:ready",
                &[("source", self.source_name().into())],
            );
        }
    }

    pub(super) fn languages(&self) -> Vec<LanguageChoice> {
        let available = self.catalog.borrow().locales();
        let mut seen: Vec<LanguageIdentifier> = Vec::new();
        let mut choices = Vec::new();
        for tag in &self.options.languages {
            let Ok(requested) = i18n::parse_tag(tag) else {
                continue;
            };
            let resolved = i18n::resolve_choice(&requested, &available);
            if seen.contains(&resolved) {
                continue;
            }
            let endonym = i18n::built_in_endonym(&resolved)
                .map(str::to_string)
                .or_else(|| intl::endonym(&resolved.to_string()))
                .unwrap_or_else(|| resolved.to_string());
            choices.push(LanguageChoice {
                tag: resolved.to_string(),
                endonym,
            });
            seen.push(resolved);
        }
        choices
    }

    /// Rebuilds the view from state and puts focus back where it was.
    pub(super) fn render(&self) {
        let focused = self.focused_key();
        let (fragment, label) = self.build_view();
        // Every borrow is released before the DOM changes: removing the focused element fires
        // focusout, and focusing fires focusin, both composed, so a host page's listener may
        // call back into this widget right here.
        let _ = self.root.set_attribute("aria-label", &label);
        self.view.set_text_content(None);
        let _ = self.view.append_child(&fragment);
        if let Some(key) = focused {
            self.focus_key(&key);
        }
    }

    /// The current view as a detached fragment, and the widget's accessible name.
    pub(super) fn build_view(&self) -> (DocumentFragment, String) {
        let languages = self.languages();
        let l10n = self.l10n.borrow();
        let feed_url = self.feed_url.borrow().clone();
        let ctx = Ctx::new(&self.doc, &l10n, &feed_url, &languages);
        let state = self.state.borrow();
        let fragment = self.doc.create_document_fragment();
        let mut content: Vec<Element> = match (&state.load, &state.view) {
            (Load::Loading, _) => vec![
                render::toolbar(&ctx, state.font, false, false),
                render::state(&ctx, StateView::Loading),
            ],
            (Load::Failed(error), _) => vec![
                render::toolbar(&ctx, state.font, false, false),
                render::state(&ctx, StateView::Error(error)),
            ],
            (Load::Ready(feed), View::Article(id)) => match feed
                .items
                .iter()
                .find(|i| &i.id == id)
                .or_else(|| state.held.as_deref().filter(|h| &h.id == id))
            {
                Some(item) => vec![render::article(&ctx, item, state.font, state.preview)],
                None => vec![
                    render::toolbar(&ctx, state.font, false, false),
                    render::list(&ctx, &feed.items, state.shown, true),
                ],
            },
            (Load::Ready(feed), View::List) if feed.items.is_empty() => vec![
                render::toolbar(&ctx, state.font, false, false),
                render::state(&ctx, StateView::Empty),
            ],
            (Load::Ready(feed), View::List) => vec![
                render::toolbar(&ctx, state.font, false, false),
                render::list(&ctx, &feed.items, state.shown, state.not_found),
            ],
        };
        if let (Load::Ready(_), View::List) = (&state.load, &state.view) {
            // After the toolbar: the notice over news that could not be refreshed.
            if let Some(notice) = self.stale_notice(&ctx) {
                content.insert(1, notice);
            }
        }
        for element in &content {
            let _ = fragment.append_child(element);
        }
        let label = ctx.t("widget-label");
        log_i18n(&ctx.errors.borrow());
        (fragment, label)
    }

    pub(super) fn focused_key(&self) -> Option<String> {
        self.shadow.active_element()?.get_attribute("data-key")
    }

    /// Focuses the element with `data-key == key`. Keys hold feed ids, so they are compared as
    /// strings rather than spliced into a selector.
    pub(super) fn focus_key(&self, key: &str) -> bool {
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
            if el.get_attribute("data-key").as_deref() == Some(key) {
                let _ = el.focus();
                return true;
            }
        }
        false
    }

    pub(super) fn announce(&self, text: &str) {
        notify::announce(&self.live, text);
    }

    pub(super) fn emit(&self, name: &str, detail: &[(&str, JsValue)]) {
        notify::emit(&self.host, name, detail);
    }

    // -----------------------------------------------------------------------------------------
    // Actions (also the JS API).
}
