//! The feed: JSON Feed 1.1 (and 1.0) with the `_news_widget` translations extension, validated
//! into a model the renderer can trust, plus the plain-text summaries shown on cards.

use std::collections::BTreeSet;
use std::str::FromStr;

use unic_langid::LanguageIdentifier;

mod date;
mod error;
mod json;
mod text;

pub use error::{FeedError, ItemError};
pub use json::{RawAuthor, RawExtension, RawFeedHeader, RawItem, RawTranslation, RawTranslations};
pub use text::{html_to_text, summarize};

/// A body above this many bytes skips its item: it would stall a phone and is surely a mistake.
pub const MAX_BODY_BYTES: usize = 1_000_000;
/// Width of a derived card summary, in columns (a CJK character takes two).
pub const SUMMARY_COLUMNS: usize = 140;

// ---------------------------------------------------------------------------------------------
// Model.

#[derive(Debug, Clone, PartialEq)]
pub struct FeedOutcome {
    pub feed: Feed,
    /// Problems with single items, in document order; the feed is usable regardless.
    pub warnings: Vec<ItemError>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    pub title: Option<String>,
    pub home_page_url: Option<String>,
    /// Canonical BCP 47 tag.
    pub language: Option<String>,
    /// Newest first by `published`; undated items last, in document order.
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub image: Option<String>,
    pub published: Option<Timestamp>,
    /// Shown as "Updated".
    pub modified: Option<Timestamp>,
    /// Never empty: `versions[0]` is the original, then the translations in document order.
    pub versions: Vec<Version>,
}

/// The item in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    /// Canonical BCP 47 tag ("zh-CN", "ko"); `None` when the feed does not say.
    pub lang: Option<String>,
    pub title: String,
    pub summary: Option<String>,
    pub body: Body,
    pub url: Option<String>,
    pub source: Option<String>,
    pub image_alt: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Untrusted markup: it must pass the sanitizer before it reaches the page.
    Html(String),
    Text(String),
    /// A translation without a body: the renderer shows the original body with a notice.
    Empty,
}

/// How well `Item::version_for` met the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The reader's language (or a variant they read equally well): no notice needed.
    Exact,
    /// Another language: the renderer marks it with its `lang` and a notice.
    Fallback,
}

/// An instant plus the calendar date as the publisher wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    /// For sorting.
    pub epoch_ms: i64,
    /// The date in the feed's own offset: a notice dated the 28th in Seoul stays the 28th for a
    /// reader in New York.
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

// ---------------------------------------------------------------------------------------------
// Errors.
// ---------------------------------------------------------------------------------------------
// Building.

/// Validates a feed deserialized piece by piece. `header` and each item carry the deserializer's
/// message when their piece had the wrong shape; `items` is `None` when the feed has no `items`
/// array.
pub fn build_feed(
    header: Result<RawFeedHeader, String>,
    items: Option<Vec<Result<RawItem, String>>>,
) -> Result<FeedOutcome, FeedError> {
    let header = header.map_err(|detail| FeedError::NotAnObject { detail })?;
    match header.version.as_deref() {
        Some(v) if supported_version(v) => {}
        _ => {
            return Err(FeedError::UnsupportedVersion {
                found: header.version,
            })
        }
    }
    let raw_items = items.ok_or(FeedError::MissingItems)?;
    let language = match present(header.language) {
        Some(tag) => Some(canonical_tag(&tag).ok_or(FeedError::BadFeedLanguage { tag })?),
        None => None,
    };
    let context = FeedContext {
        language: language.as_deref(),
        source: first_author(header.authors, header.author),
    };

    let mut warnings = Vec::new();
    let mut seen = BTreeSet::new();
    let mut items = Vec::with_capacity(raw_items.len());
    for (index, raw) in raw_items.into_iter().enumerate() {
        let built = raw
            .map_err(|detail| ItemError::Undecodable { index, detail })
            .and_then(|raw| build_item(index, raw, &context, &mut warnings));
        match built {
            // Checked on valid items only, so that a broken first copy does not hide a good one.
            Ok(item) => {
                if seen.insert(item.id.clone()) {
                    items.push(item);
                } else {
                    warnings.push(ItemError::DuplicateId { id: item.id });
                }
            }
            Err(e) => warnings.push(e),
        }
    }
    // Stable, and `None` orders below every `Some`, so undated items end up last in feed order.
    items.sort_by_key(|item| std::cmp::Reverse(item.published.map(|t| t.epoch_ms)));

    Ok(FeedOutcome {
        feed: Feed {
            title: present(header.title),
            home_page_url: present(header.home_page_url),
            language,
            items,
        },
        warnings,
    })
}

struct FeedContext<'a> {
    language: Option<&'a str>,
    source: Option<String>,
}

fn supported_version(v: &str) -> bool {
    let v = v.trim();
    let v = v.strip_suffix('/').unwrap_or(v);
    let path = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"));
    matches!(
        path,
        Some("jsonfeed.org/version/1.1" | "jsonfeed.org/version/1")
    )
}

/// Trimmed, with blank meaning absent: CMSs often write `""` for "not set".
fn present(s: Option<String>) -> Option<String> {
    let s = s?;
    let t = s.trim();
    match t.len() {
        0 => None,
        n if n == s.len() => Some(s),
        _ => Some(t.to_owned()),
    }
}

fn first_author(authors: Option<Vec<RawAuthor>>, author: Option<RawAuthor>) -> Option<String> {
    authors
        .into_iter()
        .flatten()
        .chain(author)
        .find_map(|a| present(a.name))
}

/// BCP 47 only: unic-langid also takes `ko_KR`, which a feed must not use.
fn canonical_tag(tag: &str) -> Option<String> {
    if !tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return None;
    }
    LanguageIdentifier::from_str(tag)
        .ok()
        .map(|id| id.to_string())
}

fn body_of(html: Option<String>, text: Option<String>) -> Body {
    match (present(html), present(text)) {
        (Some(h), _) => Body::Html(h),
        (None, Some(t)) => Body::Text(t),
        (None, None) => Body::Empty,
    }
}

fn build_item(
    index: usize,
    raw: RawItem,
    context: &FeedContext,
    warnings: &mut Vec<ItemError>,
) -> Result<Item, ItemError> {
    let id = match raw.id {
        Some(id) if !id.trim().is_empty() => id,
        _ => return Err(ItemError::MissingId { index }),
    };

    let translations = raw
        .extension
        .as_ref()
        .and_then(|e| e.translations.as_ref())
        .map_or(&[][..], |t| &t.0[..]);
    let bodies = [&raw.content_html, &raw.content_text].into_iter().chain(
        translations
            .iter()
            .flat_map(|(_, t)| [&t.content_html, &t.content_text]),
    );
    if let Some(bytes) = bodies
        .flatten()
        .map(String::len)
        .find(|&n| n > MAX_BODY_BYTES)
    {
        return Err(ItemError::BodyTooLarge { id, bytes });
    }

    let lang = match present(raw.language) {
        Some(tag) => match canonical_tag(&tag) {
            Some(lang) => Some(lang),
            None => return Err(ItemError::BadLanguageTag { id, tag }),
        },
        None => context.language.map(str::to_owned),
    };
    let published = parse_date(&id, "date_published", raw.date_published)?;
    let modified = parse_date(&id, "date_modified", raw.date_modified)?;

    let url = present(raw.url);
    let source = first_author(raw.authors, raw.author).or_else(|| context.source.clone());
    let (translations, image_alt) = match raw.extension {
        Some(e) => (
            e.translations.map(|t| t.0).unwrap_or_default(),
            present(e.image_alt),
        ),
        None => (Vec::new(), None),
    };

    let mut versions = Vec::with_capacity(1 + translations.len());
    if let Some(title) = present(raw.title) {
        versions.push(Version {
            lang,
            title,
            summary: present(raw.summary),
            body: body_of(raw.content_html, raw.content_text),
            url: url.clone(),
            source: source.clone(),
            image_alt: image_alt.clone(),
        });
    }
    // Kept apart until the item is known to survive: a skipped item reports one reason only.
    let mut dropped = Vec::new();
    for (tag, t) in translations {
        let Some(lang) = canonical_tag(tag.trim()) else {
            dropped.push(ItemError::TranslationWithBadTag {
                id: id.clone(),
                tag,
            });
            continue;
        };
        let Some(title) = present(t.title) else {
            dropped.push(ItemError::TranslationWithoutTitle {
                id: id.clone(),
                lang,
            });
            continue;
        };
        versions.push(Version {
            lang: Some(lang),
            title,
            summary: present(t.summary),
            body: body_of(t.content_html, t.content_text),
            url: present(t.url).or_else(|| url.clone()),
            source: present(t.source).or_else(|| source.clone()),
            image_alt: present(t.image_alt).or_else(|| image_alt.clone()),
        });
    }
    if versions.is_empty() {
        return Err(ItemError::MissingTitle { id });
    }
    warnings.append(&mut dropped);
    Ok(Item {
        id,
        image: present(raw.image),
        published,
        modified,
        versions,
    })
}

fn parse_date(
    id: &str,
    field: &'static str,
    value: Option<String>,
) -> Result<Option<Timestamp>, ItemError> {
    match present(value) {
        None => Ok(None),
        Some(value) => match Timestamp::parse(&value) {
            Some(t) => Ok(Some(t)),
            None => Err(ItemError::BadDate {
                id: id.to_owned(),
                field,
                value,
            }),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Choosing a language.

impl Item {
    /// The version to show to a reader whose UI is in `locale`, and whether it is their
    /// language. Chinese scripts count as different languages: a Simplified reader gets a
    /// Traditional text only when there is no Simplified one, and then with a notice.
    pub fn version_for(&self, locale: &str) -> (&Version, Match) {
        let want = Lang::of(locale);
        let langs = || {
            self.versions
                .iter()
                .filter_map(|v| v.lang.as_deref().map(|l| (v, l)))
        };
        if let Some((v, _)) = langs().find(|(_, l)| l.eq_ignore_ascii_case(locale)) {
            return (v, Match::Exact);
        }
        if let Some((v, _)) = langs().find(|(_, l)| Lang::of(l).same_as(&want)) {
            return (v, Match::Exact);
        }
        let fallback = langs()
            .find(|(_, l)| Lang::of(l).has_language(want.language))
            .or_else(|| langs().find(|(_, l)| Lang::of(l).has_language("en")))
            .map_or(&self.versions[0], |(v, _)| v);
        (fallback, Match::Fallback)
    }

    /// The card text for `v`: its own summary, else the start of its body.
    pub fn summary(&self, v: &Version) -> String {
        if let Some(s) = v
            .summary
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            return s.to_owned();
        }
        match &v.body {
            Body::Html(html) => summarize(&html_to_text(html), SUMMARY_COLUMNS),
            Body::Text(text) => summarize(text, SUMMARY_COLUMNS),
            Body::Empty => String::new(),
        }
    }
}

/// A tag reduced to what decides whether a reader can read it: language and script.
struct Lang<'a> {
    language: &'a str,
    /// Explicit, or implied for Chinese by the region; `None` is the language's usual script.
    script: Option<&'a str>,
}

impl<'a> Lang<'a> {
    fn of(tag: &'a str) -> Lang<'a> {
        let mut parts = tag.split(['-', '_']);
        let language = parts.next().unwrap_or_default();
        let mut script = None;
        let mut region = None;
        for part in parts {
            if part.len() == 4 && part.bytes().all(|b| b.is_ascii_alphabetic()) {
                script = Some(part);
            } else if region.is_none() && matches!(part.len(), 2 | 3) {
                region = Some(part);
            }
        }
        if language.eq_ignore_ascii_case("zh") {
            let traditional = match script {
                Some(s) => s.eq_ignore_ascii_case("Hant"),
                None => region
                    .is_some_and(|r| ["TW", "HK", "MO"].iter().any(|t| r.eq_ignore_ascii_case(t))),
            };
            script = Some(if traditional { "Hant" } else { "Hans" });
        }
        Lang { language, script }
    }

    fn has_language(&self, language: &str) -> bool {
        self.language.eq_ignore_ascii_case(language)
    }

    fn same_as(&self, other: &Lang) -> bool {
        self.has_language(other.language)
            && match (self.script, other.script) {
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                (a, b) => a.is_none() && b.is_none(),
            }
    }
}

// ---------------------------------------------------------------------------------------------
// Text: HTML to plain text, and width-aware summaries.
