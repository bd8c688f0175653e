//! The feed: RSS 2.0/0.9x, RSS 1.0, Atom 1.0 and JSON Feed 1.0/1.1 (with the `_news_widget`
//! translations extension), read liberally and validated into a model the renderer can trust,
//! plus the plain-text summaries shown on cards.

mod build;
pub mod charset;
mod context;
mod date;
mod deferred;
mod error;
mod id;
mod items;
mod json;
mod legacy;
pub mod pair;
mod present;
pub mod repair;
mod seen;
mod text;
mod title;
pub mod xml;

use crate::lang::Lang;
pub use build::{build_feed, build_json_feed, build_xml_feed};
pub use context::{BuildOptions, ZoneOffset};
pub use date::{parse_written_date, DateContext, DateForm, WrittenDate};
pub use deferred::{build_deferred_json_feed, DEFER_OVER};
pub use error::{DateZone, FeedError, FeedNote, IdSource, ItemError};
pub use items::{Decode, ItemKey, Items};
pub use json::{
    item_nodes, read_header, read_item, read_items, Alternate, JsonKind, JsonMismatch, JsonNode,
    RawAuthor, RawExtension, RawFeedHeader, RawItem, RawTranslation, RawTranslations,
};
pub use present::Presented;
/// White space folded as a title reads, for a toolbar's printed article's heading too.
#[cfg(all(target_arch = "wasm32", any(feature = "toolbar", feature = "print")))]
pub(crate) use text::collapse_whitespace;
pub(crate) use text::tag_end;
pub use text::{decode_entities_in, html_to_text, summarize};
pub use title::{repair_title, TitleRepairs};

/// A body above this many bytes skips its item: it would stall a phone and is surely a mistake.
pub const MAX_BODY_BYTES: usize = 1_000_000;
/// Width of a derived card summary, in columns (a CJK character takes two).
pub const SUMMARY_COLUMNS: usize = 140;

// ---------------------------------------------------------------------------------------------
// Model.

#[derive(Debug, Clone, PartialEq)]
pub struct FeedOutcome {
    pub format: FeedFormat,
    pub feed: Feed,
    /// Problems with single items and repairs of them, in document order; the feed is usable
    /// regardless.
    pub warnings: Vec<ItemError>,
    /// Repairs and decisions about the feed as a whole.
    pub notes: Vec<FeedNote>,
}

/// The feed formats the widget reads, told apart by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedFormat {
    JsonFeed,
    Rss2,
    /// RSS 0.91/0.92 (`<rss version="0.9x">`).
    Rss09,
    /// RSS 1.0 (RDF) and 0.90.
    Rss1,
    Atom,
}

impl FeedFormat {
    /// The name `validateFeed` reports.
    pub fn name(self) -> &'static str {
        match self {
            FeedFormat::JsonFeed => "JSON Feed",
            FeedFormat::Rss2 => "RSS 2.0",
            FeedFormat::Rss09 => "RSS 0.9x",
            FeedFormat::Rss1 => "RSS 1.0",
            FeedFormat::Atom => "Atom 1.0",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    pub title: Option<String>,
    pub home_page_url: Option<String>,
    /// Canonical BCP 47 tag.
    pub language: Option<String>,
    /// Newest first by `published`; undated items last, in document order.
    pub items: Items,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub image: Option<String>,
    /// The image is the body's first picture (the item named none): the card shows it, the
    /// article only where the body has it, not twice.
    pub image_in_body: bool,
    pub published: Option<Timestamp>,
    /// Shown as "Updated".
    pub modified: Option<Timestamp>,
    /// Never empty: `versions[0]` is the original, then the translations in document order.
    pub versions: Vec<Version>,
    /// The same article in other languages' feeds (`link rel="alternate" hreflang`).
    pub alternates: Vec<Alternate>,
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
    /// Absolute URL that the body's (and a body image's) relative URLs resolve against; `None`
    /// resolves them against the page, as browsers do.
    pub base: Option<String>,
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
