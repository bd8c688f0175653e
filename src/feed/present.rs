//! An item as a reader in one language sees it: which version, whether its text is in another
//! language (then it carries its own `lang` and the untranslated notice), which body, and the
//! base its picture resolves against. The renderer only draws what this decides.

use super::{Body, Item, Match, Version};

pub struct Presented<'a> {
    pub version: &'a Version,
    /// The `lang` of the version's text where it is not the reader's language. A version whose
    /// language the feed never stated is taken to be the page's: no `lang`, no notice (a plain
    /// one-language CMS feed).
    pub lang: Option<&'a str>,
    /// The body to show: the version's own, or for a translation without one the original's.
    pub body: &'a Body,
    /// The original's language, when its body stands in for a translation's.
    pub body_lang: Option<&'a str>,
    /// The untranslated notice shows: some of the text is not in the reader's language.
    pub untranslated: bool,
    /// What the item's picture resolves against, when the feed named it: the original's body
    /// base (a picture taken from the body is relative to it); else the feed's URL.
    pub image_base: Option<&'a str>,
    /// The item's picture is the body's first and that body is the one shown: the article
    /// shows it there, not also above it.
    pub image_in_body: bool,
}

impl Item {
    pub fn present(&self, locale: &str) -> Presented<'_> {
        let (version, matched) = self.version_for(locale);
        let lang = match matched {
            Match::Exact => None,
            Match::Fallback => version.lang.as_deref(),
        };
        let original = &self.versions[0];
        let (body, body_lang) = match &version.body {
            Body::Empty => (&original.body, original.lang.as_deref()),
            own => (own, None),
        };
        Presented {
            version,
            lang,
            body,
            body_lang,
            untranslated: lang.is_some() || body_lang.is_some(),
            image_base: original.base.as_deref(),
            image_in_body: self.image_in_body && std::ptr::eq(body, &original.body),
        }
    }
}
