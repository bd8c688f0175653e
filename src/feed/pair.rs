//! One feed per language (`feed-<lang>`): which feed a UI language reads, and which item of
//! another language's feed is the same article (docs/feeds.md#one-feed-per-language).

use super::{Feed, Item};
use crate::lang::Lang;

/// The feed for a reader whose UI is in `locale`, among per-language feeds given as
/// (tag, URL): the same tag, else the same language and script (Simplified and Traditional
/// Chinese are different), else the same language, else `default` (the `feed` option).
pub fn feed_for_locale<'a>(
    feeds: &'a [(String, String)],
    default: Option<&'a str>,
    locale: &str,
) -> Option<&'a str> {
    let want = Lang::of(locale);
    feeds
        .iter()
        .find(|(tag, _)| tag.eq_ignore_ascii_case(locale))
        .or_else(|| feeds.iter().find(|(tag, _)| Lang::of(tag).same_as(&want)))
        .or_else(|| {
            feeds
                .iter()
                .find(|(tag, _)| Lang::of(tag).has_language(want.language))
        })
        .map(|(_, url)| url.as_str())
        .or(default)
}

/// The item of `other` that is `item` in another language: the same id (`guid`), else one
/// whose `link rel="alternate" hreflang` names the other's URL, either way round.
pub fn counterpart<'a>(item: &Item, other: &'a Feed) -> Option<&'a Item> {
    if let Some(same) = other.items.find(&item.id) {
        return Some(same);
    }
    // Neither names the other: nothing to look for, and a long feed is not decoded whole.
    if item.alternates.is_empty() && !other.items.may_name_alternates() {
        return None;
    }
    let url_of = |i: &Item| i.versions.first().and_then(|v| v.url.clone());
    let mine = url_of(item);
    other.items.iter().find(|o| {
        let names_me = mine
            .as_ref()
            .is_some_and(|m| o.alternates.iter().any(|a| &a.url == m));
        let named_by_me = url_of(o)
            .as_ref()
            .is_some_and(|u| item.alternates.iter().any(|a| &a.url == u));
        names_me || named_by_me
    })
}
