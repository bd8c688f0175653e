//! The feed: JSON Feed 1.1 (and 1.0) with the `_news_widget` translations extension, validated
//! into a model the renderer can trust, plus the plain-text summaries shown on cards.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use unic_langid::LanguageIdentifier;

/// A body above this many bytes skips its item: it would stall a phone and is surely a mistake.
pub const MAX_BODY_BYTES: usize = 1_000_000;
/// Width of a derived card summary, in columns (a CJK character takes two).
pub const SUMMARY_COLUMNS: usize = 140;

// ---------------------------------------------------------------------------------------------
// Raw input: what the bridge deserializes, piece by piece, so one bad item cannot sink the feed.

/// The feed's top-level fields. Unknown fields are ignored; `null` means absent.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawFeedHeader {
    pub version: Option<String>,
    pub title: Option<String>,
    pub home_page_url: Option<String>,
    pub language: Option<String>,
    /// Feed-level authors apply to items that name none (JSON Feed 1.1).
    pub authors: Option<Vec<RawAuthor>>,
    /// JSON Feed 1.0 spelling of `authors`.
    pub author: Option<RawAuthor>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawItem {
    /// JSON Feed says string, but CMSs emit numbers too; both become a string.
    #[serde(deserialize_with = "string_or_integer")]
    pub id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub content_html: Option<String>,
    pub content_text: Option<String>,
    pub image: Option<String>,
    pub date_published: Option<String>,
    pub date_modified: Option<String>,
    pub authors: Option<Vec<RawAuthor>>,
    /// JSON Feed 1.0 spelling of `authors`.
    pub author: Option<RawAuthor>,
    pub language: Option<String>,
    #[serde(rename = "_news_widget")]
    pub extension: Option<RawExtension>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawAuthor {
    pub name: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawExtension {
    pub translations: Option<RawTranslations>,
    /// Alt text of the item's `image`, in the item's own language.
    pub image_alt: Option<String>,
}

/// The `translations` object as (tag, translation) pairs in document order, so that output
/// does not depend on how a map would sort the tags.
#[derive(Debug, Default)]
pub struct RawTranslations(pub Vec<(String, RawTranslation)>);

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawTranslation {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub content_html: Option<String>,
    pub content_text: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub image_alt: Option<String>,
}

impl<'de> Deserialize<'de> for RawTranslations {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Pairs;
        impl<'de> Visitor<'de> for Pairs {
            type Value = RawTranslations;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of translations keyed by language tag")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry()? {
                    pairs.push(pair);
                }
                Ok(RawTranslations(pairs))
            }
        }
        deserializer.deserialize_map(Pairs)
    }
}

fn string_or_integer<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    struct Id;
    impl<'de> Visitor<'de> for Id {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a string or an integer")
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_owned()))
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        // JS numbers beyond 2^53 arrive as floats; only whole ones are usable as ids, and going
        // through i64 keeps float formatting out of the wasm.
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            let whole = v as i64;
            if whole as f64 == v {
                Ok(Some(whole.to_string()))
            } else {
                Err(E::custom("id is a number with a fraction"))
            }
        }
    }
    deserializer.deserialize_any(Id)
}

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

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedError {
    /// Made by the DOM layer when `JSON.parse` fails.
    NotJson {
        detail: String,
    },
    NotAnObject {
        detail: String,
    },
    UnsupportedVersion {
        found: Option<String>,
    },
    MissingItems,
    BadFeedLanguage {
        tag: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemError {
    /// The item's JSON has the wrong shape (e.g. a number where a string belongs).
    Undecodable {
        index: usize,
        detail: String,
    },
    MissingId {
        index: usize,
    },
    MissingTitle {
        id: String,
    },
    BadDate {
        id: String,
        field: &'static str,
        value: String,
    },
    BodyTooLarge {
        id: String,
        bytes: usize,
    },
    /// The item's own `language` is invalid: nothing says what language its text is in.
    BadLanguageTag {
        id: String,
        tag: String,
    },
    DuplicateId {
        id: String,
    },
    /// Only that translation is dropped.
    TranslationWithBadTag {
        id: String,
        tag: String,
    },
    /// Only that translation is dropped.
    TranslationWithoutTitle {
        id: String,
        lang: String,
    },
}

impl ItemError {
    /// Whether the whole item was left out (otherwise only one translation was).
    pub fn item_skipped(&self) -> bool {
        !matches!(
            self,
            ItemError::TranslationWithBadTag { .. } | ItemError::TranslationWithoutTitle { .. }
        )
    }
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            FeedError::NotJson { detail } => write!(f, "the feed is not valid JSON: {detail}"),
            FeedError::NotAnObject { detail } => {
                write!(f, "the feed is not a JSON Feed object: {detail}")
            }
            FeedError::UnsupportedVersion { found: Some(v) } => write!(
                f,
                "unsupported feed version \"{v}\"; expected https://jsonfeed.org/version/1.1"
            ),
            FeedError::UnsupportedVersion { found: None } => write!(
                f,
                "the feed has no \"version\"; expected https://jsonfeed.org/version/1.1"
            ),
            FeedError::MissingItems => f.write_str("the feed has no \"items\" array"),
            FeedError::BadFeedLanguage { tag } => {
                write!(f, "the feed's language \"{tag}\" is not a valid BCP 47 tag")
            }
        }
    }
}

impl fmt::Display for ItemError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            ItemError::Undecodable { index, detail } => {
                write!(f, "items[{index}] skipped: {detail}")
            }
            ItemError::MissingId { index } => write!(f, "items[{index}] skipped: it has no id"),
            ItemError::MissingTitle { id } => write!(f, "item \"{id}\" skipped: it has no title"),
            ItemError::BadDate { id, field, value } => write!(
                f,
                "item \"{id}\" skipped: {field} \"{value}\" is not an RFC 3339 date"
            ),
            ItemError::BodyTooLarge { id, bytes } => write!(
                f,
                "item \"{id}\" skipped: a body of {bytes} bytes exceeds the limit of {MAX_BODY_BYTES}"
            ),
            ItemError::BadLanguageTag { id, tag } => write!(
                f,
                "item \"{id}\" skipped: its language \"{tag}\" is not a valid BCP 47 tag"
            ),
            ItemError::DuplicateId { id } => {
                write!(f, "item \"{id}\" skipped: an earlier item has the same id")
            }
            ItemError::TranslationWithBadTag { id, tag } => write!(
                f,
                "item \"{id}\": translation \"{tag}\" dropped: not a valid BCP 47 tag"
            ),
            ItemError::TranslationWithoutTitle { id, lang } => {
                write!(f, "item \"{id}\": translation \"{lang}\" dropped: it has no title")
            }
        }
    }
}

impl std::error::Error for FeedError {}
impl std::error::Error for ItemError {}

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

/// The visible text of an HTML fragment: tags stripped, script and style contents dropped,
/// entities decoded, whitespace collapsed. For summaries only: never for building markup.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        decode_entities(&rest[..lt], &mut text);
        rest = &rest[lt..];
        match skip_markup(rest, &mut text) {
            Some(after) => rest = after,
            None => {
                text.push('<');
                rest = &rest[1..];
            }
        }
    }
    decode_entities(rest, &mut text);
    collapse_whitespace(&text)
}

/// Elements after whose edges text does not run on: "<p>a</p><p>b</p>" reads "a b".
#[rustfmt::skip]
const BLOCK_ELEMENTS: &[&str] = &[
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
];
/// Elements whose contents are never shown as text.
const HIDDEN_ELEMENTS: &[&str] = &["script", "style", "template"];

/// `s` starts with '<'. Returns what follows the markup, or `None` when the '<' is plain text.
fn skip_markup<'a>(s: &'a str, text: &mut String) -> Option<&'a str> {
    let b = s.as_bytes();
    if let Some(comment) = s.strip_prefix("<!--") {
        return Some(comment.find("-->").map_or("", |end| &comment[end + 3..]));
    }
    match b.get(1)? {
        b'!' | b'?' => return Some(tag_end(b, 2).map_or("", |end| &s[end..])),
        b'/' if b.get(2).is_some_and(u8::is_ascii_alphabetic) => {
            let name_end = name_end(b, 2);
            if is_one_of(&s[2..name_end], BLOCK_ELEMENTS) {
                text.push(' ');
            }
            return Some(tag_end(b, name_end).map_or("", |end| &s[end..]));
        }
        c if c.is_ascii_alphabetic() => {}
        _ => return None,
    }
    let name_end = name_end(b, 1);
    let name = &s[1..name_end];
    // An unterminated tag swallows the rest, as in a browser.
    let Some(end) = tag_end(b, name_end) else {
        return Some("");
    };
    if is_one_of(name, BLOCK_ELEMENTS) {
        text.push(' ');
    }
    // As in a browser, `<script/>` still opens an element whose contents run to `</script>`.
    if is_one_of(name, HIDDEN_ELEMENTS) {
        let mut from = end;
        loop {
            let Some(at) = find_ignore_case(&b[from..], b"</", name.as_bytes()) else {
                return Some("");
            };
            let after = from + at + 2 + name.len();
            if !b.get(after).is_some_and(u8::is_ascii_alphanumeric) {
                return Some(tag_end(b, after).map_or("", |end| &s[end..]));
            }
            from = after;
        }
    }
    Some(&s[end..])
}

fn name_end(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || *c == b'-'))
        .map_or(b.len(), |n| from + n)
}

fn is_one_of(name: &str, list: &[&str]) -> bool {
    list.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Index just past the '>' closing a tag, skipping quoted attribute values (`title="a>b"`).
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    let mut after_equals = false;
    for (i, &c) in b.iter().enumerate().skip(from) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => continue,
            None if c == b'>' => return Some(i + 1),
            None if after_equals && (c == b'"' || c == b'\'') => {
                quote = Some(c);
                continue;
            }
            None => {}
        }
        if !c.is_ascii_whitespace() {
            after_equals = c == b'=';
        }
    }
    None
}

/// Position of `prefix` + `name` (ASCII case-insensitive) in `hay`.
fn find_ignore_case(hay: &[u8], prefix: &[u8], name: &[u8]) -> Option<usize> {
    let n = prefix.len() + name.len();
    hay.windows(n)
        .position(|w| w.starts_with(prefix) && w[prefix.len()..].eq_ignore_ascii_case(name))
}

fn decode_entities(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match decode_entity(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// `s` starts with '&'. The character and the length of the reference, if it is one we know.
fn decode_entity(s: &str) -> Option<(char, usize)> {
    // Long enough for "&#x10FFFF;" and every name below.
    let semi = s.bytes().take(12).position(|b| b == b';')?;
    let name = &s[1..semi];
    let c = if let Some(num) = name.strip_prefix('#') {
        let (digits, radix) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (num, 10),
        };
        if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
            return None;
        }
        u32::from_str_radix(digits, radix)
            .ok()
            .and_then(char::from_u32)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{FFFD}')
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{A0}',
            "mdash" => '—',
            "ndash" => '–',
            "hellip" => '…',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "middot" => '·',
            "copy" => '©',
            _ => return None,
        }
    };
    Some((c, semi + 1))
}

fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `text` with whitespace collapsed, cut to at most `max_columns` columns including the "…"
/// added when it is cut. CJK, Hangul and fullwidth characters take two columns. The cut never
/// splits a user-perceived character and, in spaced scripts, prefers a word boundary.
pub fn summarize(text: &str, max_columns: usize) -> String {
    let text = collapse_whitespace(text);
    if fit(&text, max_columns).0 == text.len() {
        return text;
    }
    let (cut, width) = fit(&text, max_columns.saturating_sub(1));
    let mut kept = &text[..cut];
    if !text[cut..].starts_with(' ') {
        if let Some(space) = kept.rfind(' ') {
            // Only worth it when little is lost; long unspaced runs are cut where they are.
            if fit(&kept[..space], usize::MAX).1 * 4 >= width * 3 {
                kept = &kept[..space];
            }
        }
    }
    let mut out = String::with_capacity(kept.len() + 3);
    out.push_str(kept.trim_end());
    out.push('…');
    out
}

/// The longest prefix of `text` that ends on a character boundary and takes at most `budget`
/// columns: its length in bytes and its width.
fn fit(text: &str, budget: usize) -> (usize, usize) {
    let mut used = 0;
    let mut prev = None;
    let mut indicators_before = 0;
    for (i, c) in text.char_indices() {
        // A user-perceived character is as wide as its first code point: a ZWJ family or a
        // flag is one emoji, an accented letter one letter.
        if !prev.is_some_and(|p| joins_previous(p, c, indicators_before)) {
            if used + columns(c) > budget {
                return (i, used);
            }
            used += columns(c);
        }
        indicators_before = if is_regional_indicator(c) {
            indicators_before + 1
        } else {
            0
        };
        prev = Some(c);
    }
    (text.len(), used)
}

/// Whether `c` belongs to the same user-perceived character as `prev`.
fn joins_previous(prev: char, c: char, indicators_before: usize) -> bool {
    prev == '\u{200D}' || extends(c) || (is_regional_indicator(c) && indicators_before % 2 == 1)
}

fn extends(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1160}'..='\u{11FF}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{D7B0}'..='\u{D7FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c, '\u{1F1E6}'..='\u{1F1FF}')
}

/// Display columns of a character that starts a user-perceived character: 2 for East Asian
/// wide and fullwidth characters and emoji, 1 otherwise.
fn columns(c: char) -> usize {
    let wide = matches!(c,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{303E}'
        | '\u{3041}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{A000}'..='\u{A4CF}'
        | '\u{A960}'..='\u{A97F}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{1F1E6}'..='\u{1F1FF}'
        | '\u{1F300}'..='\u{1F64F}'
        | '\u{1F680}'..='\u{1F6FF}'
        | '\u{1F900}'..='\u{1F9FF}'
        | '\u{1FA70}'..='\u{1FAFF}'
        | '\u{20000}'..='\u{3FFFD}');
    if wide {
        2
    } else {
        1
    }
}

// ---------------------------------------------------------------------------------------------
// Dates.

impl Timestamp {
    /// RFC 3339 (`2024-05-28T10:00:00+08:00`, with `Z`, fractions, lowercase `t`/`z` or a space
    /// for `T`), or a bare date, taken as midnight UTC.
    pub fn parse(s: &str) -> Option<Timestamp> {
        let b = s.trim().as_bytes();
        let year = digits(b, 0, 4)?;
        let month = digits(b, 5, 2)?;
        let day = digits(b, 8, 2)?;
        if b[4] != b'-' || b[7] != b'-' || !(1..=12).contains(&month) {
            return None;
        }
        if day < 1 || day > days_in_month(year, month) {
            return None;
        }
        let mut ms = days_from_civil(year as i64, month, day) * 86_400_000;
        let date = |epoch_ms| Timestamp {
            epoch_ms,
            year: year as i32,
            month: month as u8,
            day: day as u8,
        };
        if b.len() == 10 {
            return Some(date(ms));
        }

        if !matches!(b[10], b'T' | b't' | b' ')
            || b.get(13) != Some(&b':')
            || b.get(16) != Some(&b':')
        {
            return None;
        }
        let (hour, minute, second) = (digits(b, 11, 2)?, digits(b, 14, 2)?, digits(b, 17, 2)?);
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        ms += (hour as i64 * 3600 + minute as i64 * 60 + second as i64) * 1000;

        let mut i = 19;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            let mut fraction = 0;
            while let Some(d) = b.get(i).filter(|d| d.is_ascii_digit()) {
                // Milliseconds are all that sorting needs; further digits are read and ignored.
                if i - start < 3 {
                    fraction = fraction * 10 + i64::from(d - b'0');
                }
                i += 1;
            }
            if i == start {
                return None;
            }
            for _ in (i - start)..3 {
                fraction *= 10;
            }
            ms += fraction;
        }

        let offset_minutes = match b.get(i)? {
            b'Z' | b'z' => {
                i += 1;
                0
            }
            sign @ (b'+' | b'-') => {
                let (h, m) = (digits(b, i + 1, 2)?, digits(b, i + 4, 2)?);
                if b.get(i + 3) != Some(&b':') || h > 23 || m > 59 {
                    return None;
                }
                let minutes = (h * 60 + m) as i64;
                i += 6;
                if *sign == b'-' {
                    -minutes
                } else {
                    minutes
                }
            }
            _ => return None,
        };
        if i != b.len() {
            return None;
        }
        Some(date(ms - offset_minutes * 60_000))
    }

    /// Midnight UTC of the written calendar date, for formatting that date in UTC.
    pub fn calendar_date_ms(&self) -> i64 {
        days_from_civil(self.year as i64, self.month as u32, self.day as u32) * 86_400_000
    }

    /// The written calendar date as `YYYY-MM-DD`.
    pub fn iso_date(&self) -> String {
        let mut s = String::with_capacity(10);
        for (value, width) in [
            (self.year as u32, 4),
            (self.month as u32, 2),
            (self.day as u32, 2),
        ] {
            if !s.is_empty() {
                s.push('-');
            }
            for place in (0..width).rev() {
                let digit = value / 10u32.pow(place) % 10;
                s.push(char::from(b'0' + digit as u8));
            }
        }
        s
    }
}

/// `n` ASCII digits at `at` as a number.
fn digits(b: &[u8], at: usize, n: usize) -> Option<u32> {
    b.get(at..at + n)?.iter().try_fold(0, |acc, &d| {
        d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
    })
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y.rem_euclid(400);
    let shifted_month = (month as i64 + 9) % 12; // March = 0
    let day_of_year = (153 * shifted_month + 2) / 5 + day as i64 - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}
