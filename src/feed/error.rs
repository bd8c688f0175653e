//! What can go wrong with a feed (the whole of it) or with one item (only that item), and what
//! was repaired on the way: every repair is reported, none is silent.

use super::repair::XmlRepair;
use super::title::TitleRepairs;
use super::MAX_BODY_BYTES;
use crate::decimal::push_decimal;
use crate::explain::{display_by_explain, Explain};
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
    /// Decoded as `used` though `declared` was declared (valid UTF-8 beat a legacy charset).
    CharsetOverridden {
        declared: String,
        used: String,
    },
    /// Bytes that are not text in `used`, the charset decided: the decoder wrote U+FFFD for
    /// them (GBK bytes under a UTF-8 declaration, or none).
    CharsetMismatch {
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

/// How a repaired date was placed in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateZone {
    /// By the offset it was written with.
    Written,
    /// Without one, as the publisher's local time: the `timezone` option.
    Publisher,
    /// Without one and without the option: as UTC.
    Utc,
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
    /// Kept: the date was read from a form outside the format's own grammar; `zone` says how a
    /// date without an offset was placed in time.
    DateRepaired {
        id: String,
        field: &'static str,
        value: String,
        zone: DateZone,
    },
    /// Kept: the title held entities or markup, shown as plain text.
    TitleRepaired {
        id: String,
        repairs: TitleRepairs,
    },
    /// Kept: a JSON Feed summary (of the item, or of its translation in `lang`) held entities
    /// or markup, shown as plain text.
    SummaryRepaired {
        id: String,
        lang: Option<String>,
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
                | ItemError::SummaryRepaired { .. }
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

impl Explain for FeedError {
    fn explain_to(&self, out: &mut String) {
        match self {
            FeedError::NotJson { detail } => {
                out.extend(["the feed is not valid JSON: ", detail]);
            }
            FeedError::NotAnObject { detail } => {
                out.extend(["the feed is not a JSON Feed object: ", detail]);
            }
            FeedError::UnsupportedVersion { found: Some(v) } => out.extend([
                "unsupported feed version \"",
                v,
                "\"; expected https://jsonfeed.org/version/1.1",
            ]),
            FeedError::UnsupportedVersion { found: None } => out
                .push_str("the feed has no \"version\"; expected https://jsonfeed.org/version/1.1"),
            FeedError::MissingItems => out.push_str("the feed has no \"items\" array"),
            FeedError::BadFeedLanguage { tag } => {
                out.push_str("the feed's language \"");
                Shown(tag).explain_to(out);
                out.push_str("\" is not a valid BCP 47 tag");
            }
            FeedError::NotAFeed { root } => out.extend([
                "the document is XML but not RSS or Atom: its root element is <",
                root,
                ">",
            ]),
            FeedError::UnknownSyntax => {
                out.push_str("the response is neither JSON nor XML: is the feed URL right?")
            }
            FeedError::MalformedXml { line, detail } => {
                out.push_str("the feed is not well-formed XML");
                push_line(out, " at line ", *line);
                out.extend([", even after repair: ", detail]);
            }
            FeedError::NoReadableItems { skipped, first } => {
                out.push_str("none of the feed's ");
                push_decimal(out, *skipped as u64);
                out.push_str(" items could be read");
                if let Some(reason) = first {
                    out.push_str("; the first: ");
                    reason.explain_to(out);
                }
            }
        }
    }
}

/// `before` and the line number, when there is one.
fn push_line(out: &mut String, before: &str, line: Option<u32>) {
    if let Some(line) = line {
        out.push_str(before);
        push_decimal(out, u64::from(line));
    }
}

impl Explain for ItemError {
    fn explain_to(&self, out: &mut String) {
        match self {
            ItemError::Undecodable { index, detail } => {
                out.push_str("items[");
                push_decimal(out, *index as u64);
                out.extend(["] skipped: ", detail]);
            }
            ItemError::IdRepaired { index, id, from } => {
                let from = match from {
                    IdSource::Link => "its link",
                    IdSource::Hash => "a hash of its title and date",
                };
                out.push_str("items[");
                push_decimal(out, *index as u64);
                out.extend(["] has no id: \"", id, "\", from ", from, ", stands in"]);
            }
            ItemError::DateRepaired {
                id,
                field,
                value,
                zone,
            } => {
                out.extend(["item \"", id, "\": ", field, " \"", value]);
                out.push_str("\" is not in the feed format's date form; read anyway");
                out.push_str(match zone {
                    DateZone::Written => "",
                    DateZone::Publisher => " as the publisher's local time (the timezone option)",
                    DateZone::Utc => " as UTC: the timezone option says the publisher's zone",
                });
            }
            ItemError::TitleRepaired { id, repairs }
            | ItemError::SummaryRepaired { id, repairs, .. } => {
                out.extend(["item \"", id, "\""]);
                match self {
                    ItemError::SummaryRepaired { lang, .. } => {
                        if let Some(lang) = lang {
                            out.extend([" (", lang, ")"]);
                        }
                        out.push_str(": summary");
                    }
                    _ => out.push_str(": title"),
                }
                out.push_str(" shown as plain text (");
                let what = [
                    (repairs.markup_removed, "markup removed"),
                    (repairs.entities_decoded, "entities decoded"),
                    (repairs.double_escaped, "double-escaped entities decoded"),
                ];
                let mut first = true;
                for (_, text) in what.iter().filter(|(done, _)| *done) {
                    if !first {
                        out.push_str(", ");
                    }
                    out.push_str(text);
                    first = false;
                }
                out.push(')');
            }
            ItemError::TitleFromBody { id } => out.extend([
                "item \"",
                id,
                "\" has no title: the start of its body stands in",
            ]),
            ItemError::LanguageRepaired { id, from, to } => {
                out.extend(["item \"", id, "\": language \""]);
                Shown(from).explain_to(out);
                out.extend(["\" read as \"", to, "\""]);
            }
            ItemError::MissingTitle { id } => {
                out.extend(["item \"", id, "\" skipped: it has no title"]);
            }
            ItemError::BadDate { id, field, value } => {
                out.extend(["item \"", id, "\": ", field, " \"", value]);
                out.push_str("\" is not a date in any known form; shown undated");
            }
            ItemError::BodyTooLarge { id, bytes } => {
                out.extend(["item \"", id, "\" skipped: a body of "]);
                push_decimal(out, *bytes as u64);
                out.push_str(" bytes exceeds the limit of ");
                push_decimal(out, MAX_BODY_BYTES as u64);
            }
            ItemError::BadLanguageTag { id, tag } => {
                out.extend(["item \"", id, "\" skipped: its language \""]);
                Shown(tag).explain_to(out);
                out.push_str("\" is not a valid BCP 47 tag");
            }
            ItemError::DuplicateId { id } => {
                out.extend(["item \"", id, "\" skipped: an earlier item has the same id"]);
            }
            ItemError::TranslationWithBadTag { id, tag } => {
                out.extend(["item \"", id, "\": translation \""]);
                Shown(tag).explain_to(out);
                out.push_str("\" dropped: not a valid BCP 47 tag");
            }
            ItemError::TranslationWithoutTitle { id, lang } => out.extend([
                "item \"",
                id,
                "\": translation \"",
                lang,
                "\" dropped: it has no title",
            ]),
        }
    }
}

impl Explain for FeedNote {
    fn explain_to(&self, out: &mut String) {
        match self {
            FeedNote::LanguageRepaired { from, to } => {
                out.push_str("the feed's language \"");
                Shown(from).explain_to(out);
                out.extend(["\" read as \"", to, "\""]);
            }
            FeedNote::LanguageIgnored { tag } => {
                out.push_str("the feed's language \"");
                Shown(tag).explain_to(out);
                out.push_str("\" is not a language tag; ignored");
            }
            FeedNote::CharsetOverridden { declared, used } => out.extend([
                "declared charset \"",
                declared,
                "\", but the bytes are ",
                used,
                ": read as ",
                used,
            ]),
            FeedNote::CharsetMismatch { used } => out.extend([
                "some bytes are not ",
                used,
                " and show as \u{FFFD}: the feed is written in another charset than it is read in",
            ]),
            FeedNote::CharsetUnknown { declared, used } => {
                out.extend(["unknown charset \"", declared, "\": read as ", used]);
            }
            FeedNote::XmlRepaired {
                line,
                detail,
                repairs,
            } => {
                out.push_str("the XML is not well-formed");
                if let Some(line) = line {
                    out.push_str(" (line ");
                    push_decimal(out, u64::from(*line));
                    out.push(')');
                }
                out.extend([": ", detail, "; read after repair: "]);
                for (i, repair) in repairs.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(repair.describe());
                }
            }
            FeedNote::XmlTruncated { line, detail } => {
                out.push_str("the XML breaks off");
                push_line(out, " at line ", *line);
                out.extend([": ", detail, "; the items before it are shown"]);
            }
            FeedNote::VersionRepaired { found } => out.extend([
                "the feed's version \"",
                found,
                "\" is not the JSON Feed URL; read as JSON Feed ",
                if found.trim() == "1.1" { "1.1" } else { "1.0" },
            ]),
            FeedNote::AtomWithoutNamespace => {
                out.push_str("the <feed> root lacks the Atom namespace; read as Atom")
            }
        }
    }
}

display_by_explain!(FeedError, ItemError, FeedNote);

impl std::error::Error for FeedError {}
impl std::error::Error for ItemError {}
