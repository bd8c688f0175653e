//! Building: raw items from any format, validated and repaired into the model the renderer can
//! trust. What can be repaired is repaired with a warning naming the item; only what cannot be
//! read is skipped.

use std::str::FromStr;

use super::context::{item_date, present, BuildOptions, ItemContext};
use super::id::repaired_id;
use super::json::{JsonMismatch, RawAuthor, RawFeedHeader, RawItem};
use super::seen::SeenIds;
use super::text::{has_visible, html_to_text, summarize};
use super::title::repair_title;
use super::xml::{Channel, XmlFeed};
use super::{
    Body, Feed, FeedError, FeedFormat, FeedNote, FeedOutcome, Item, ItemError, Items, Version,
    MAX_BODY_BYTES,
};
use crate::explain::Explain;
use crate::lang::LanguageIdentifier;
use crate::sanitize::{self, ElementAction};

/// Columns of a title made from the start of a body, for an item that has none.
const DERIVED_TITLE_COLUMNS: usize = 80;

/// Validates a JSON Feed read piece by piece (`json::read_header`, `json::read_items`). `header`
/// and each item carry the mismatch when their piece had the wrong shape; `items` is `None` when
/// the feed has no `items` array.
pub fn build_feed(
    header: Result<RawFeedHeader, JsonMismatch>,
    items: Option<Vec<Result<RawItem, JsonMismatch>>>,
) -> Result<FeedOutcome, FeedError> {
    build_json_feed(header, items, &BuildOptions::default())
}

/// [`build_feed`] with the page's options.
pub fn build_json_feed(
    header: Result<RawFeedHeader, JsonMismatch>,
    items: Option<Vec<Result<RawItem, JsonMismatch>>>,
    options: &BuildOptions,
) -> Result<FeedOutcome, FeedError> {
    let (channel, notes) = json_channel(header)?;
    let raw_items = items.ok_or(FeedError::MissingItems)?;
    build_items(FeedFormat::JsonFeed, channel, raw_items, notes, options)
}

/// A JSON Feed's header as the channel its items share, with the notes of its repairs.
pub(super) fn json_channel(
    header: Result<RawFeedHeader, JsonMismatch>,
) -> Result<(Channel, Vec<FeedNote>), FeedError> {
    let header = header.map_err(|e| FeedError::NotAnObject {
        detail: e.explain(),
    })?;
    let mut notes = Vec::new();
    match header.version.as_deref() {
        Some(v) if supported_version(v) => {}
        // As feedparser and gofeed read it: the version number without the URL around it.
        Some(v) if matches!(v.trim(), "1" | "1.0" | "1.1") => {
            notes.push(FeedNote::VersionRepaired {
                found: v.to_owned(),
            })
        }
        _ => {
            return Err(FeedError::UnsupportedVersion {
                found: header.version,
            })
        }
    }
    let language = match present(header.language) {
        Some(tag) => Some(canonical_tag(&tag).ok_or(FeedError::BadFeedLanguage { tag })?),
        None => None,
    };
    let channel = Channel {
        title: present(header.title),
        home_page_url: present(header.home_page_url),
        language,
        source: first_author(header.authors, header.author),
    };
    Ok((channel, notes))
}

/// Builds what the XML walker read. A channel language that is no BCP 47 tag is repaired
/// (`zh_CN`) or ignored, with a note: it is a hint, not a reason to refuse the feed.
pub fn build_xml_feed(xml: XmlFeed, options: &BuildOptions) -> Result<FeedOutcome, FeedError> {
    let mut notes = xml.notes;
    let mut channel = xml.channel;
    channel.language = match present(channel.language) {
        Some(tag) => match canonical_tag(&tag) {
            Some(lang) => Some(lang),
            None => match lenient_tag(&tag) {
                Some(lang) => {
                    notes.push(FeedNote::LanguageRepaired {
                        from: tag,
                        to: lang.clone(),
                    });
                    Some(lang)
                }
                None => {
                    notes.push(FeedNote::LanguageIgnored { tag });
                    None
                }
            },
        },
        None => None,
    };
    channel.title = channel.title.and_then(|t| present(Some(t)));
    let items = xml.items.into_iter().map(Ok).collect();
    build_items(xml.format, channel, items, notes, options)
}

fn build_items(
    format: FeedFormat,
    channel: Channel,
    raw_items: Vec<Result<RawItem, JsonMismatch>>,
    notes: Vec<FeedNote>,
    options: &BuildOptions,
) -> Result<FeedOutcome, FeedError> {
    let context = ItemContext::new(format, &channel, options);

    let total = raw_items.len();
    let mut warnings = Vec::new();
    let mut seen = SeenIds::for_items(total, options.id_key);
    let mut items = Vec::with_capacity(total);
    for (index, raw) in raw_items.into_iter().enumerate() {
        let built = raw
            .map_err(|e| ItemError::Undecodable {
                index,
                detail: e.explain(),
            })
            .and_then(|raw| build_item(index, raw, &context, &mut warnings));
        match built {
            // Checked on valid items only, so that a broken first copy does not hide a good one.
            Ok(item) => {
                if seen.insert(&item.id, &items, |i: &Item| &i.id) {
                    items.push(item);
                } else {
                    warnings.push(ItemError::DuplicateId { id: item.id });
                }
            }
            Err(e) => warnings.push(e),
        }
    }
    if total > 0 && items.is_empty() {
        return Err(FeedError::NoReadableItems {
            skipped: total,
            first: warnings
                .into_iter()
                .find(ItemError::item_skipped)
                .map(Box::new),
        });
    }
    // Stable, and `None` orders below every `Some`, so undated items end up last in feed order.
    items.sort_by_key(|item| std::cmp::Reverse(item.published.map(|t| t.epoch_ms)));

    Ok(FeedOutcome {
        format,
        feed: channel.feed(Items::built(items)),
        warnings,
        notes,
    })
}

impl Channel {
    pub(super) fn feed(self, items: Items) -> Feed {
        Feed {
            title: self.title,
            home_page_url: self.home_page_url,
            language: self.language,
            items,
        }
    }
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

fn first_author(authors: Option<Vec<RawAuthor>>, author: Option<RawAuthor>) -> Option<String> {
    authors
        .into_iter()
        .flatten()
        .chain(author)
        .find_map(|a| present(a.name))
}

/// BCP 47 only: the tag reader also takes `ko_KR`, which a feed must not use.
fn canonical_tag(tag: &str) -> Option<String> {
    if !tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return None;
    }
    LanguageIdentifier::from_str(tag)
        .ok()
        .map(|id| id.as_str().to_owned())
}

/// A POSIX-style `ko_KR` (or `zh_CN.UTF-8`) read as the BCP 47 tag it means.
fn lenient_tag(tag: &str) -> Option<String> {
    let tag = tag.split(['.', '@']).next().unwrap_or_default();
    canonical_tag(&tag.trim().replace('_', "-"))
}

fn body_of(html: Option<String>, text: Option<String>) -> Body {
    match (present(html), present(text)) {
        (Some(h), _) => Body::Html(h),
        (None, Some(t)) => Body::Text(t),
        (None, None) => Body::Empty,
    }
}

pub(super) fn build_item(
    index: usize,
    mut raw: RawItem,
    context: &ItemContext,
    warnings: &mut Vec<ItemError>,
) -> Result<Item, ItemError> {
    let url = present(raw.url.take());
    let id = match present(raw.id.take()) {
        Some(id) => id,
        None => {
            let (id, from) = repaired_id(&raw, url.as_deref());
            warnings.push(ItemError::IdRepaired {
                index,
                id: id.clone(),
                from,
            });
            id
        }
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
            None => match lenient_tag(&tag) {
                Some(lang) => {
                    warnings.push(ItemError::LanguageRepaired {
                        id: id.clone(),
                        from: tag,
                        to: lang.clone(),
                    });
                    Some(lang)
                }
                None => return Err(ItemError::BadLanguageTag { id, tag }),
            },
        },
        None => context.language.clone(),
    };
    // Named as the feed wrote them: JSON Feed's fields, or, for RSS and Atom (`pubDate`,
    // `dc:date`, `published`, `updated`), what they are.
    let (published_as, modified_as) = match context.format {
        FeedFormat::JsonFeed => ("date_published", "date_modified"),
        _ => ("date", "updated"),
    };
    let published = item_date(&id, published_as, raw.date_published, context, warnings);
    let modified = item_date(&id, modified_as, raw.date_modified, context, warnings);

    let source = first_author(raw.authors, raw.author).or_else(|| context.source.clone());
    let (translations, image_alt) = match raw.extension {
        Some(e) => (
            e.translations.map(|t| t.0).unwrap_or_default(),
            present(e.image_alt),
        ),
        None => (Vec::new(), None),
    };

    let body = body_of(raw.content_html, raw.content_text);
    let title = present(raw.title).and_then(|t| item_title(&id, &t, warnings));
    // JSON Feed's summary is the publisher's text; RSS's and Atom's are already text, read from
    // their HTML by the XML reader (what looks like markup there was escaped on purpose).
    let summary = match context.format {
        FeedFormat::JsonFeed => {
            present(raw.summary).and_then(|s| item_summary(&id, None, &s, warnings))
        }
        _ => present(raw.summary).filter(|s| has_visible(s)),
    };
    let named = present(raw.image);
    let from_body = named.is_none();
    let image = named.or_else(|| match &body {
        // Relative to the body's base, which the DOM layer resolves against.
        Body::Html(html) => first_image(html),
        _ => None,
    });
    let original = |title| Version {
        lang: lang.clone(),
        title,
        summary: summary.clone(),
        body: body.clone(),
        url: url.clone(),
        source: source.clone(),
        image_alt: image_alt.clone(),
        base: raw.base.clone(),
    };
    let mut versions = Vec::with_capacity(1 + translations.len());
    // Whether `versions[0]` is the original, whose body holds the picture taken from it (not
    // where its title was missing and a translation comes first).
    let mut original_kept = title.is_some();
    if let Some(title) = title {
        versions.push(original(title));
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
        let Some(title) = present(t.title).filter(|t| has_visible(t)) else {
            dropped.push(ItemError::TranslationWithoutTitle {
                id: id.clone(),
                lang,
            });
            continue;
        };
        let summary = present(t.summary).and_then(|s| item_summary(&id, Some(&lang), &s, warnings));
        versions.push(Version {
            lang: Some(lang),
            title,
            summary,
            body: body_of(t.content_html, t.content_text),
            url: present(t.url).or_else(|| url.clone()),
            source: present(t.source).or_else(|| source.clone()),
            image_alt: present(t.image_alt).or_else(|| image_alt.clone()),
            base: raw.base.clone(),
        });
    }
    if versions.is_empty() {
        // No title in any language, but a body (RSS allows it): its first words stand in.
        let text = match &body {
            Body::Html(html) => html_to_text(html),
            Body::Text(text) => text.clone(),
            Body::Empty => String::new(),
        };
        match present(Some(summarize(&text, DERIVED_TITLE_COLUMNS))).filter(|t| has_visible(t)) {
            Some(title) => {
                warnings.push(ItemError::TitleFromBody { id: id.clone() });
                versions.push(original(title));
                original_kept = true;
            }
            None => return Err(ItemError::MissingTitle { id }),
        }
    }
    warnings.append(&mut dropped);
    Ok(Item {
        id,
        image_in_body: from_body && image.is_some() && original_kept,
        image,
        published,
        modified,
        versions,
        alternates: raw.alternates,
    })
}

/// A title as plain text. Entities and markup are a repair, and said so.
fn item_title(id: &str, raw: &str, warnings: &mut Vec<ItemError>) -> Option<String> {
    let (title, repairs) = repair_title(raw);
    if repairs.any() {
        warnings.push(ItemError::TitleRepaired {
            id: id.to_owned(),
            repairs,
        });
    }
    present(Some(title)).filter(|t| has_visible(t))
}

/// JSON Feed's summary is plain text, but publishers put HTML in it as they do in titles:
/// repaired the same way, and said (for a translation, naming its language).
fn item_summary(
    id: &str,
    lang: Option<&str>,
    raw: &str,
    warnings: &mut Vec<ItemError>,
) -> Option<String> {
    let (summary, repairs) = repair_title(raw);
    if repairs.any() {
        warnings.push(ItemError::SummaryRepaired {
            id: id.to_owned(),
            lang: lang.map(str::to_owned),
            repairs,
        });
    }
    present(Some(summary)).filter(|s| has_visible(s))
}

/// The `src` of the body's first `<img>`, for the card of an item that names no image.
/// Not one the sanitizer leaves out of the article: none in a comment or in an element it
/// drops with all it holds (WordPress's lazy loading puts the real `<img>` in `<noscript>`),
/// so that the article's body, which shows the card's picture, has it.
fn first_image(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find('<') {
        let start = from + at + 1;
        if lower[start..].starts_with("!--") {
            from = lower[start..]
                .find("-->")
                .map_or(lower.len(), |e| start + e + 3);
            continue;
        }
        let name_end = lower[start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map_or(lower.len(), |e| start + e);
        let name = &lower[start..name_end];
        let end = lower[name_end..]
            .find('>')
            .map_or(lower.len(), |e| name_end + e);
        if name == "img" {
            if let Some(src) = attribute_value(&html[name_end..end], &lower[name_end..end], "src") {
                if !src.trim().is_empty() && !src.trim_start().starts_with("data:") {
                    return Some(src.trim().to_owned());
                }
            }
        } else if !name.is_empty() && sanitize::element_action(name) == ElementAction::Drop {
            let close = ["</", name].concat();
            from = lower[end..].find(&close).map_or(lower.len(), |e| end + e);
            continue;
        }
        from = end;
    }
    None
}

/// The value of `name` in a tag's attribute text (`lower` is the same text in lower case).
fn attribute_value<'a>(tag: &'a str, lower: &str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(at) = lower[from..].find(name) {
        let start = from + at;
        let before_ok = start == 0 || lower.as_bytes()[start - 1].is_ascii_whitespace();
        let rest = lower[start + name.len()..].trim_start();
        if before_ok && rest.starts_with('=') {
            let value_at = tag.len() - rest.len() + 1;
            let value = tag[value_at..].trim_start();
            return match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].split(q).next(),
                _ => value.split(|c: char| c.is_ascii_whitespace()).next(),
            };
        }
        from = start + name.len();
    }
    None
}
