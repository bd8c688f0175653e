//! What can go wrong with a feed (the whole of it) or with one item (only that item).

use std::fmt;

use super::MAX_BODY_BYTES;

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
