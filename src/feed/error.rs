//! What can go wrong with a feed (the whole of it) or with one item (only that item), and what
//! was repaired on the way: every repair is reported, none is silent.

use std::fmt;

use super::repair::XmlRepair;
use super::title::TitleRepairs;
use super::MAX_BODY_BYTES;
use crate::lang::Shown;

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
    /// Well-formed XML, but not RSS or Atom (often a web page served at the feed's URL).
    NotAFeed {
        root: String,
    },
    /// Neither JSON nor XML: the first bytes are something else.
    UnknownSyntax,
    /// Made by the DOM layer when the XML stays unreadable after repair and yields no item.
    MalformedXml {
        line: Option<u32>,
        detail: String,
    },
    /// The feed has items but none could be read: say so instead of showing "no news".
    NoReadableItems {
        skipped: usize,
        /// The first reason, for the console.
        first: Option<Box<ItemError>>,
    },
}

/// Where a repaired item id came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdSource {
    Link,
    /// A stable hash of title and date (of the body, when both are missing).
    Hash,
}

/// A repair or a reading decision about the whole feed, reported to the console and by
/// `validateFeed`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedNote {
    LanguageRepaired {
        from: String,
        to: String,
    },
    LanguageIgnored {
        tag: String,
    },
    /// Decoded as `used` though `declared` was declared (valid UTF-8 beat a Latin charset).
    CharsetOverridden {
        declared: String,
        used: String,
    },
    /// The declared charset is unknown to the browser; read as `used`.
    CharsetUnknown {
        declared: String,
        used: String,
    },
    /// The XML was not well-formed; a repaired text was read instead.
    XmlRepaired {
        line: Option<u32>,
        detail: String,
        repairs: Vec<XmlRepair>,
    },
    /// The XML breaks off (or breaks) at `line`: only the items before it were read.
    XmlTruncated {
        line: Option<u32>,
        detail: String,
    },
    /// A JSON Feed `version` written as a number (`"1.1"`) rather than the spec's URL.
    VersionRepaired {
        found: String,
    },
    /// An Atom `<feed>` without the Atom namespace, read as Atom.
    AtomWithoutNamespace,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemError {
    /// The item's JSON has the wrong shape (e.g. a number where a string belongs).
    Undecodable {
        index: usize,
        detail: String,
    },
    /// Repaired, kept: the item had no id.
    IdRepaired {
        index: usize,
        id: String,
        from: IdSource,
    },
    MissingTitle {
        id: String,
    },
    /// Kept undated (sorted last): the date cannot be read in any known form.
    BadDate {
        id: String,
        field: &'static str,
        value: String,
    },
    /// Kept: the date was read from a form outside the format's own grammar; `zone` says that
    /// it had no offset and was taken as the publisher's time (`timezone`).
    DateRepaired {
        id: String,
        field: &'static str,
        value: String,
        zone: bool,
    },
    /// Kept: the title held entities or markup, shown as plain text.
    TitleRepaired {
        id: String,
        repairs: TitleRepairs,
    },
    /// Kept: the item had no title; its body's first words stand in.
    TitleFromBody {
        id: String,
    },
    /// Kept: a POSIX-style language (`ko_KR`) read as BCP 47.
    LanguageRepaired {
        id: String,
        from: String,
        to: String,
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
            ItemError::TranslationWithBadTag { .. }
                | ItemError::TranslationWithoutTitle { .. }
                | ItemError::IdRepaired { .. }
                | ItemError::BadDate { .. }
                | ItemError::DateRepaired { .. }
                | ItemError::TitleRepaired { .. }
                | ItemError::TitleFromBody { .. }
                | ItemError::LanguageRepaired { .. }
        )
    }

    /// Whether this reports a repair (the item or translation is shown, changed).
    pub fn is_repair(&self) -> bool {
        !self.item_skipped()
            && !matches!(
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
                write!(
                    f,
                    "the feed's language \"{}\" is not a valid BCP 47 tag",
                    Shown(tag)
                )
            }
            FeedError::NotAFeed { root } => write!(
                f,
                "the document is XML but not RSS or Atom: its root element is <{root}>"
            ),
            FeedError::UnknownSyntax => {
                f.write_str("the response is neither JSON nor XML: is the feed URL right?")
            }
            FeedError::MalformedXml { line, detail } => {
                f.write_str("the feed is not well-formed XML")?;
                if let Some(line) = line {
                    write!(f, " at line {line}")?;
                }
                write!(f, ", even after repair: {detail}")
            }
            FeedError::NoReadableItems { skipped, first } => {
                write!(f, "none of the feed's {skipped} items could be read")?;
                match first {
                    Some(reason) => write!(f, "; the first: {reason}"),
                    None => Ok(()),
                }
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
            ItemError::IdRepaired { index, id, from } => {
                let from = match from {
                    IdSource::Link => "its link",
                    IdSource::Hash => "a hash of its title and date",
                };
                write!(f, "items[{index}] has no id: \"{id}\", from {from}, stands in")
            }
            ItemError::DateRepaired {
                id,
                field,
                value,
                zone,
            } => {
                write!(f, "item \"{id}\": {field} \"{value}\" is not in the feed format's date form; read anyway")?;
                if *zone {
                    f.write_str(" as the publisher's local time (the timezone option)")?;
                }
                Ok(())
            }
            ItemError::TitleRepaired { id, repairs } => {
                write!(f, "item \"{id}\": title shown as plain text (")?;
                let what = [
                    (repairs.markup_removed, "markup removed"),
                    (repairs.entities_decoded, "entities decoded"),
                    (repairs.double_escaped, "double-escaped entities decoded"),
                ];
                let mut first = true;
                for (_, text) in what.iter().filter(|(done, _)| *done) {
                    if !first {
                        f.write_str(", ")?;
                    }
                    f.write_str(text)?;
                    first = false;
                }
                f.write_str(")")
            }
            ItemError::TitleFromBody { id } => write!(
                f,
                "item \"{id}\" has no title: the start of its body stands in"
            ),
            ItemError::LanguageRepaired { id, from, to } => write!(
                f,
                "item \"{id}\": language \"{}\" read as \"{to}\"",
                Shown(from)
            ),
            ItemError::MissingTitle { id } => write!(f, "item \"{id}\" skipped: it has no title"),
            ItemError::BadDate { id, field, value } => write!(
                f,
                "item \"{id}\": {field} \"{value}\" is not a date in any known form; shown undated"
            ),
            ItemError::BodyTooLarge { id, bytes } => write!(
                f,
                "item \"{id}\" skipped: a body of {bytes} bytes exceeds the limit of {MAX_BODY_BYTES}"
            ),
            ItemError::BadLanguageTag { id, tag } => write!(
                f,
                "item \"{id}\" skipped: its language \"{}\" is not a valid BCP 47 tag",
                Shown(tag)
            ),
            ItemError::DuplicateId { id } => {
                write!(f, "item \"{id}\" skipped: an earlier item has the same id")
            }
            ItemError::TranslationWithBadTag { id, tag } => write!(
                f,
                "item \"{id}\": translation \"{}\" dropped: not a valid BCP 47 tag",
                Shown(tag)
            ),
            ItemError::TranslationWithoutTitle { id, lang } => {
                write!(f, "item \"{id}\": translation \"{lang}\" dropped: it has no title")
            }
        }
    }
}

impl fmt::Display for FeedNote {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            FeedNote::LanguageRepaired { from, to } => {
                write!(
                    f,
                    "the feed's language \"{}\" read as \"{to}\"",
                    Shown(from)
                )
            }
            FeedNote::LanguageIgnored { tag } => write!(
                f,
                "the feed's language \"{}\" is not a language tag; ignored",
                Shown(tag)
            ),
            FeedNote::CharsetOverridden { declared, used } => write!(
                f,
                "declared charset \"{declared}\", but the bytes are {used}: read as {used}"
            ),
            FeedNote::CharsetUnknown { declared, used } => {
                write!(f, "unknown charset \"{declared}\": read as {used}")
            }
            FeedNote::XmlRepaired {
                line,
                detail,
                repairs,
            } => {
                f.write_str("the XML is not well-formed")?;
                if let Some(line) = line {
                    write!(f, " (line {line})")?;
                }
                write!(f, ": {detail}; read after repair: ")?;
                for (i, repair) in repairs.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(repair.describe())?;
                }
                Ok(())
            }
            FeedNote::XmlTruncated { line, detail } => {
                f.write_str("the XML breaks off")?;
                if let Some(line) = line {
                    write!(f, " at line {line}")?;
                }
                write!(f, ": {detail}; the items before it are shown")
            }
            FeedNote::VersionRepaired { found } => write!(
                f,
                "the feed's version \"{found}\" is not the JSON Feed URL; read as JSON Feed {}",
                if found.trim() == "1.1" { "1.1" } else { "1.0" }
            ),
            FeedNote::AtomWithoutNamespace => {
                f.write_str("the <feed> root lacks the Atom namespace; read as Atom")
            }
        }
    }
}

impl std::error::Error for FeedError {}
impl std::error::Error for ItemError {}
