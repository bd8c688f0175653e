//! The widget's reader's aids in the DOM: the open article read for reading aloud (its title,
//! then its body, in the body's language), the listen controls' state, the line spacing and the
//! contrast scheme on the root, and the site told of a choice or of this widget starting to
//! read. The synthesizer and the highlight are `parts::speech`'s.

use std::rc::Rc;

use web_sys::Element;

use super::Widget;
use crate::command::Command;
use crate::contract::LineSpacing;
use crate::dom::page::site;
use crate::dom::parts::aid_controls;
use crate::listen::action::{Action as Speech, Ticket};
use crate::listen::machine::State;
use crate::reading_aids::{AidAction, AidEffect};
use crate::state::Action;

/// The line spacing of the widget's text: the line height and the space after a paragraph,
/// over the design's own (`common.css` reads them), or the design's own again.
pub(super) fn show_spacing(root: &Element, spacing: LineSpacing) {
    let style = web_sys::HtmlElement::style(wasm_bindgen::JsCast::unchecked_ref(root));
    let pairs = [
        ("--nw-leading", spacing.line_height_css()),
        ("--nw-paragraph", spacing.paragraph_spacing_css()),
    ];
    // An empty value removes the property (one import fewer than `removeProperty`).
    for (property, value) in pairs {
        let _ = style.set_property(property, value.unwrap_or_default());
    }
    aid_controls::show_choice(root, Command::LineSpacing, spacing.name());
}

impl Widget {
    pub(super) fn aid(self: &Rc<Self>, effect: AidEffect) {
        let membership = self.membership.borrow();
        let Some(effect) = site::aid_effect(effect, self.speech.as_ref(), membership.as_ref())
        else {
            return;
        };
        drop(membership);
        match effect {
            AidEffect::ReadArticle(ticket) => self.read_article(ticket),
            AidEffect::ShowListen => self.show_listen(),
            AidEffect::ShowSpacing(spacing) => show_spacing(&self.root, spacing),
            AidEffect::ShowContrast(contrast) => aid_controls::show_contrast(&self.root, contrast),
            AidEffect::Announce(announcement) => self.announce(&announcement),
            // Carried out above.
            AidEffect::Speech(_) | AidEffect::Claim | AidEffect::Share(_) => {}
            AidEffect::Emit(event) => self.emit(&event),
        }
    }

    /// The open article's title and body, as read aloud.
    fn article_roots(&self) -> Vec<Element> {
        // A loop, not filter_map+collect: 0.1-0.2 KB gzip less.
        let mut roots = Vec::new();
        for selector in [".article-title", ".article-body"] {
            roots.extend(self.view.query_selector(selector).ok().flatten());
        }
        roots
    }

    /// The language the article is read in: its body's (a translation without a body shows the
    /// original's), else the UI's.
    fn article_lang(&self) -> String {
        self.view
            .query_selector(".article-body")
            .ok()
            .flatten()
            .and_then(|body| body.closest("[lang]").ok().flatten())
            .and_then(|element| element.get_attribute("lang"))
            .unwrap_or_else(|| self.language())
    }

    /// The article's text, planned for reading aloud: `Planned` or `PlanFailed` comes back.
    /// With no article or no synthesizer, there is nothing to read: Listen stands down.
    fn read_article(self: &Rc<Self>, ticket: Ticket) {
        let roots = self.article_roots();
        match &self.speech {
            Some(speech) if !roots.is_empty() => speech.plan(&roots, self.article_lang(), ticket),
            _ => {
                let nothing = Speech::Planned(ticket, Vec::new());
                self.dispatch(Action::Aid(AidAction::Speech(nothing)))
            }
        }
    }

    pub(super) fn show_listen(&self) {
        let lang = self.article_lang();
        let (status, rate) = {
            let model = self.model.borrow();
            let listening = &model.aids.listening;
            (listening.status(&lang), listening.rate)
        };
        aid_controls::show_listen(&self.root, &self.l10n.borrow(), &status, rate, &lang);
    }

    /// After a render: the listen controls' state, and the article being read found again in
    /// the new view.
    pub(super) fn after_render(&self) {
        let Some(speech) = &self.speech else {
            return;
        };
        let roots = self.article_roots();
        if !roots.is_empty() {
            self.show_listen();
            let state = self.model.borrow().aids.listening.state;
            let pending = matches!(state, State::Planning { .. } | State::Waiting);
            speech.rebind(&roots, pending);
        }
    }
}
