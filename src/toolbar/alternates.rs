//! The reader toolbar's language control, as data: from the translations a page names in its
//! head (`<link rel="alternate" hreflang="ko" href="…">`) to the links the control shows, with
//! the page's own language marked current. No DOM here; `dom::toolbar` reads the links.

use crate::i18n::BUILT_IN;
use crate::lang::{self, is_traditional_chinese, same_language, LanguageIdentifier};

/// One `<link rel="alternate" hreflang href>` of the page, its `href` already absolute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageAlternate {
    pub hreflang: String,
    pub href: String,
}

/// One link of the language control.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageLink {
    /// The language tag as the page wrote it (the link's `lang` and `hreflang`).
    pub tag: String,
    pub href: String,
    /// The name of the language in itself for the built-in languages ("한국어"); `None` for
    /// others, which the DOM layer names through `Intl.DisplayNames`.
    pub endonym: Option<&'static str>,
    /// This page is this version.
    pub current: bool,
}

/// The language control's links: every valid alternate once (`x-default` and invalid tags are
/// skipped), the page itself included and marked current (an alternate pointing at
/// `page_url`, else the one in `page_lang`, else the page added with `page_lang`), in the
/// order of the built-in languages (English, Chinese, Korean), then others as the page lists
/// them. Empty when there is no other language to go to: then there is no language control.
pub fn language_links(
    alternates: &[PageAlternate],
    page_lang: Option<&str>,
    page_url: &str,
) -> Vec<LanguageLink> {
    let page_url = without_fragment(page_url);
    let mut seen: Vec<LanguageIdentifier> = Vec::new();
    let mut links: Vec<(LanguageIdentifier, LanguageLink)> = Vec::new();
    for alternate in alternates {
        let tag = alternate.hreflang.trim();
        if tag.eq_ignore_ascii_case("x-default") || alternate.href.trim().is_empty() {
            continue;
        }
        let Ok(id) = lang::parse_tag(tag) else {
            continue;
        };
        if seen.contains(&id) {
            continue;
        }
        seen.push(id.clone());
        links.push((
            id.clone(),
            LanguageLink {
                tag: tag.to_string(),
                href: alternate.href.trim().to_string(),
                endonym: endonym(&id),
                current: false,
            },
        ));
    }

    let page_id = page_lang.and_then(|l| lang::parse_tag(l).ok());
    let by_url = links
        .iter()
        .position(|(_, l)| without_fragment(&l.href) == page_url);
    let current = by_url.or_else(|| {
        let page_id = page_id.as_ref()?;
        links
            .iter()
            .position(|(id, _)| id == page_id)
            .or_else(|| links.iter().position(|(id, _)| same_language(id, page_id)))
    });
    match (current, page_id) {
        (Some(index), _) => links[index].1.current = true,
        (None, Some(id)) => links.push((
            id.clone(),
            LanguageLink {
                tag: page_lang.unwrap_or_default().trim().to_string(),
                href: page_url.to_string(),
                endonym: endonym(&id),
                current: true,
            },
        )),
        // A page that does not say its own language cannot be marked; its alternates are
        // still offered.
        (None, None) => {}
    }
    if links.iter().filter(|(_, l)| !l.current).count() == 0 {
        return Vec::new();
    }
    // The built-in languages first, in their order, then the others as the page lists them: a
    // stable partition of a handful of links (no sort routine shipped for it).
    let mut ordered = Vec::with_capacity(links.len());
    for rank in 0..=BUILT_IN.len() {
        ordered.extend(
            links
                .iter()
                .filter(|(id, _)| built_in_rank(id) == rank)
                .map(|(_, link)| link.clone()),
        );
    }
    ordered
}

/// The built-in endonym of a tag in a built-in language: English, 中文 (Simplified only),
/// 한국어.
fn endonym(id: &LanguageIdentifier) -> Option<&'static str> {
    if is_traditional_chinese(id) {
        return None;
    }
    BUILT_IN
        .iter()
        .find(|b| {
            b.tag
                .parse::<LanguageIdentifier>()
                .is_ok_and(|built| built.language() == id.language())
        })
        .map(|b| b.endonym)
}

fn built_in_rank(id: &LanguageIdentifier) -> usize {
    BUILT_IN
        .iter()
        .position(|b| {
            b.tag
                .parse::<LanguageIdentifier>()
                .is_ok_and(|built| built.language() == id.language())
        })
        .unwrap_or(BUILT_IN.len())
}

fn without_fragment(url: &str) -> &str {
    url.split('#').next().unwrap_or(url).trim()
}
