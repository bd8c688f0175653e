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
    /// The version whose body that is: its relative URLs resolve against that version's base
    /// or link, not a translation's.
    pub body_version: &'a Version,
    /// The original's language, when its body stands in for a translation's.
    pub body_lang: Option<&'a str>,
    /// The untranslated notice shows: some of the text is not in the reader's language.
    pub untranslated: bool,
    /// What a picture the feed named resolves against: the original's `xml:base` or RSS item
    /// page where the feed gave one; else the feed's URL. (A picture taken from the body
    /// resolves as that body does.)
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
        let (body, body_lang, body_version) = match &version.body {
            Body::Empty => (&original.body, original.lang.as_deref(), original),
            own => (own, None, version),
        };
        Presented {
            version,
            lang,
            body,
            body_version,
            body_lang,
            untranslated: lang.is_some() || body_lang.is_some(),
            image_base: original.base.as_deref(),
            image_in_body: self.image_in_body && std::ptr::eq(body, &original.body),
        }
    }
}
