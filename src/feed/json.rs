//! JSON Feed input: what the bridge deserializes, piece by piece, so one bad item cannot sink
//! the feed.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

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
    /// The same article in other languages (Atom/RSS `link rel="alternate" hreflang`).
    #[serde(skip)]
    pub alternates: Vec<Alternate>,
    /// Absolute URL against which the body's relative URLs resolve (set by the XML walker).
    #[serde(skip)]
    pub base: Option<String>,
}

/// A link to the same article in another language.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Alternate {
    pub lang: String,
    pub url: String,
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
