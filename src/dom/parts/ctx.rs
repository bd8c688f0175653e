//! Everything a render needs, for the widget and the toolbar alike: the document, the localizer
//! with the UI's language, the date formatter, the base of relative URLs and the language
//! choices; messages set as text carry their own `lang` when a fallback answered.

use std::cell::RefCell;

use crate::i18n::Arg;
use web_sys::Document;
#[cfg(feature = "widget")]
use web_sys::Element;

#[cfg(feature = "widget")]
use super::intl::DateFormatter;
use super::node::El;
#[cfg(feature = "widget")]
use crate::feed::Timestamp;
use crate::i18n::{I18nError, Localizer};

/// What the toolbar's language control offers: a tag and its endonym.
// Read by the widget's language menu only; the article toolbar offers hreflang links instead.
#[cfg_attr(not(feature = "widget"), allow(dead_code))]
pub struct LanguageChoice {
    pub tag: String,
    pub endonym: String,
}

/// Everything a render needs, built once per render so formatters are shared by all cards.
pub struct Ctx<'a> {
    pub doc: &'a Document,
    pub l10n: &'a Localizer,
    pub ui_lang: String,
    /// The cards' and the article's dates (the toolbar's printed article has its own).
    #[cfg(feature = "widget")]
    pub dates: DateFormatter,
    /// Absolute URL that relative feed URLs resolve against (the widget's cards and articles;
    /// the toolbar's copy is resolved by the walker, which it may not have).
    #[cfg_attr(not(feature = "widget"), allow(dead_code))]
    pub base: &'a str,
    #[cfg_attr(not(feature = "widget"), allow(dead_code))]
    pub languages: &'a [LanguageChoice],
    /// Fallbacks and format problems, logged once by the caller.
    pub errors: RefCell<Vec<I18nError>>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        doc: &'a Document,
        l10n: &'a Localizer,
        base: &'a str,
        languages: &'a [LanguageChoice],
    ) -> Ctx<'a> {
        let ui_lang = l10n.locale().as_str().to_owned();
        Ctx {
            doc,
            l10n,
            #[cfg(feature = "widget")]
            dates: DateFormatter::new(&ui_lang),
            ui_lang,
            base,
            languages,
            errors: RefCell::new(Vec::new()),
        }
    }

    pub fn el(&self, tag: &str) -> El {
        El::new(self.doc, tag)
    }

    /// A message's text, and the locale that answered when it is not the UI's.
    pub fn message(&self, id: &str, args: &[(&str, Arg<'_>)]) -> (String, Option<String>) {
        let message = self.l10n.format(id, args, &mut self.errors.borrow_mut());
        let locale = message.locale.as_str().to_owned();
        let other = (locale != self.ui_lang).then_some(locale);
        (message.text, other)
    }

    pub fn t(&self, id: &str) -> String {
        self.message(id, &[]).0
    }

    /// Sets a message as an element's text; a fallback string carries its own `lang`.
    pub fn text(&self, el: El, id: &str) -> El {
        self.text_args(el, id, &[])
    }

    pub fn text_args(&self, el: El, id: &str, args: &[(&str, Arg<'_>)]) -> El {
        let (text, other) = self.message(id, args);
        el.text(&text).lang(other.as_deref())
    }

    pub fn button(&self, action: &str, label_id: Option<&str>) -> El {
        let b = self
            .el("button")
            .attr("type", "button")
            .attr("data-action", action)
            .key(action);
        match label_id {
            Some(id) => b.attr("aria-label", &self.t(id)),
            None => b,
        }
    }

    #[cfg(feature = "widget")]
    pub fn date(&self, when: &Timestamp) -> Element {
        self.el("time")
            .attr("datetime", &when.iso_date())
            .text(&self.dates.format(when))
            .done()
    }
}
