//! The toolbar's reader's aids in the DOM: the article read for reading aloud (the page's
//! title, then the target, in the target's language), the listen controls' state, the line
//! spacing and contrast on the target's sheet (and the contrast on the bar), and the site told of
//! a choice or of this toolbar starting to read. The synthesizer and the highlight are
//! `parts::speech`'s.

use std::rc::{Rc, Weak};

use super::Toolbar;
use crate::announcement::Announcement;
use crate::command::Command;
use crate::dom::page::site;
use crate::dom::parts::page_copy::heading;
use crate::dom::parts::speech::Answer;
use crate::dom::parts::{aid_controls, notify};
use crate::listen::action::{Action as Speech, Ticket};
use crate::reading_aids::{AidAction, AidEffect};
use crate::toolbar::state::Action;

/// Where the synthesizer's answers go: the toolbar's queue, while it is there.
pub(super) fn answer(toolbar: Weak<Toolbar>) -> Answer {
    Rc::new(move |action| {
        if let Some(t) = toolbar.upgrade() {
            t.dispatch(Action::Aid(AidAction::Speech(action)));
        }
    })
}

impl Toolbar {
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
            AidEffect::ShowSpacing(spacing) => {
                self.style.set_spacing(spacing);
                aid_controls::show_choice(&self.root, Command::LineSpacing, spacing.name());
            }
            AidEffect::ShowContrast(contrast) => {
                self.style.set_contrast(contrast);
                aid_controls::show_contrast(&self.root, contrast);
            }
            AidEffect::Announce(announcement) => self.announce(&announcement),
            // Carried out above.
            AidEffect::Speech(_) | AidEffect::Claim | AidEffect::Share(_) => {}
            AidEffect::Emit(event) => notify::emit(&self.host, &event),
        }
    }

    pub(super) fn announce(&self, announcement: &Announcement) {
        let ui = self.l10n.locale().as_str().to_owned();
        let argument = aid_controls::reading_argument(announcement, &ui);
        notify::say(&self.live, &self.l10n, announcement, argument);
    }

    /// The article's language: the target's, else the page's.
    fn article_lang(&self) -> String {
        self.target
            .closest("[lang]")
            .ok()
            .flatten()
            .and_then(|element| element.get_attribute("lang"))
            .unwrap_or_else(|| self.page_lang.clone())
    }

    /// The page's title (where its `<h1>` is outside the target), then the target.
    /// With no synthesizer, there is nothing to read: Listen stands down.
    fn read_article(self: &Rc<Self>, ticket: Ticket) {
        let Some(speech) = &self.speech else {
            let nothing = AidAction::Speech(Speech::Planned(ticket, Vec::new()));
            return self.dispatch(Action::Aid(nothing));
        };
        let mut roots = Vec::with_capacity(2);
        if let Some((h1, false)) = heading(&self.doc, &self.target) {
            roots.push(h1);
        }
        roots.push(self.target.clone());
        speech.plan(&roots, self.article_lang(), ticket);
    }

    pub(super) fn show_listen(&self) {
        let lang = self.article_lang();
        let (status, rate) = {
            let model = self.model.borrow();
            let listening = &model.aids.listening;
            (listening.status(&lang), listening.rate)
        };
        aid_controls::show_listen(&self.root, &self.l10n, &status, rate, &lang);
    }
}
