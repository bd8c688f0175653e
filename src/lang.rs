//! Language tags and scripts, in one place: reading a tag (BCP 47, or POSIX as feeds write it),
//! the Chinese-script rule (to a reader, Simplified and Traditional are different languages),
//! which UI locale a reader's requests and choices mean, and whether a text's language is the
//! reader's. `i18n` (which locale speaks), `feed` (which version of an article, which feed),
//! `alternates` and the state machine all ask here.

use crate::explain::{display_by_explain, Explain};

mod lookup;
mod tag;

pub use tag::{LanguageIdentifier, TagError, MAX_TAG_LENGTH};

/// The last resort of every negotiation and of every message lookup.
pub const FALLBACK: &str = "en-US";

/// A language tag that is not BCP 47.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidTag {
    pub tag: String,
    /// Why, for code (`source()`); the message names only the tag, which is what a site author
    /// looks for.
    pub error: TagError,
}

/// A stranger's tag (from a feed or a page's options) as a message shows it: trimmed, and at most
/// 40 bytes of it, cut at a char boundary and followed by "…", so that a megabyte-long tag does not
/// become a megabyte-long console warning and the message still names where to look.
#[derive(Clone, Copy, Debug)]
pub struct Shown<'a>(pub &'a str);

/// The most of a tag a message shows, in bytes: enough to find it in a page or feed.
const SHOWN: usize = 40;

impl Explain for Shown<'_> {
    fn explain_to(&self, out: &mut String) {
        let tag = self.0.trim();
        if tag.len() <= SHOWN {
            return out.push_str(tag);
        }
        let mut end = SHOWN;
        while !tag.is_char_boundary(end) {
            end -= 1;
        }
        out.push_str(&tag[..end]);
        out.push('…');
    }
}

impl Explain for InvalidTag {
    fn explain_to(&self, out: &mut String) {
        out.push('"');
        Shown(&self.tag).explain_to(out);
        out.push_str("\" is not a language tag");
    }
}

display_by_explain!(Shown<'_>, InvalidTag);

impl std::error::Error for InvalidTag {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

pub fn parse_tag(tag: &str) -> Result<LanguageIdentifier, InvalidTag> {
    tag.trim()
        .parse::<LanguageIdentifier>()
        .map_err(|error| InvalidTag {
            tag: tag.to_string(),
            error,
        })
}

pub fn fallback() -> LanguageIdentifier {
    // A literal that is valid BCP 47; a parse failure would be a typo in this file.
    FALLBACK.parse().expect("FALLBACK is a valid tag")
}

fn zh_cn() -> LanguageIdentifier {
    "zh-CN".parse().expect("zh-CN is a valid tag")
}

/// The Chinese-script rule: Traditional for a `Hant` script, or with no script for Taiwan, Hong
/// Kong and Macao; Simplified otherwise (`zh`, `zh-CN`, `zh-SG`, `zh-Hans*`).
pub fn is_traditional(script: Option<&str>, region: Option<&str>) -> bool {
    match script {
        Some(script) => script.eq_ignore_ascii_case("Hant"),
        None => {
            region.is_some_and(|r| ["TW", "HK", "MO"].iter().any(|t| r.eq_ignore_ascii_case(t)))
        }
    }
}

/// The `dir` of text in language `tag`: `rtl` for the languages written right to left (or a
/// tag that names such a script), else `auto`, where the text's own first letter decides (a
/// title in an unknown or mislabelled language is not forced either way). Not `auto` for the
/// right-to-left ones: an Arabic article that opens with a Latin name would run left to right.
pub fn direction(tag: &str) -> &'static str {
    // One list of the languages, then the scripts, walked as bytes: a table of `&str` compared
    // one by one was 0.3 KB of code in every module.
    const RTL: &[u8] =
        b"ar arc azb ckb dv fa glk he iw ji ks lrc mzn nqo pnb prs ps sd syr ug ur yi arab aran hebr mand samr syrc thaa nkoo adlm rohg ";
    let subtag_end = |s: &[u8]| {
        s.iter()
            .position(|b| *b == b'-' || *b == b'_')
            .unwrap_or(s.len())
    };
    let tag = tag.as_bytes();
    let language = &tag[..subtag_end(tag)];
    let rest = tag.get(language.len() + 1..).unwrap_or_default();
    // A script names the direction; without one, the language does.
    let wanted = match subtag_end(rest) {
        4 => &rest[..4],
        _ => language,
    };
    let mut rtl = false;
    for name in RTL.split(|b| *b == b' ') {
        rtl |= !name.is_empty() && name.eq_ignore_ascii_case(wanted);
    }
    if rtl {
        "rtl"
    } else {
        "auto"
    }
}

/// Whether a parsed tag is Traditional Chinese (false for every other language).
pub fn is_traditional_chinese(id: &LanguageIdentifier) -> bool {
    id.language() == "zh" && is_traditional(id.script(), id.region())
}

/// Same language to a reader: the same primary language, and for Chinese the same script.
pub fn same_language(a: &LanguageIdentifier, b: &LanguageIdentifier) -> bool {
    a.language() == b.language()
        && (a.language() != "zh" || is_traditional_chinese(a) == is_traditional_chinese(b))
}

/// A tag as a feed or a page writes it, reduced to what decides whether a reader can read it:
/// language and script. Read without a full parse, so that loose tags (`zh_CN`, `EN`) count.
pub struct Lang<'a> {
    pub language: &'a str,
    /// Explicit, or implied for Chinese by the region; `None` is the language's usual script.
    script: Option<&'a str>,
}

impl<'a> Lang<'a> {
    pub fn of(tag: &'a str) -> Lang<'a> {
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
            script = Some(if is_traditional(script, region) {
                "Hant"
            } else {
                "Hans"
            });
        }
        Lang { language, script }
    }

    pub fn has_language(&self, language: &str) -> bool {
        self.language.eq_ignore_ascii_case(language)
    }

    pub fn same_as(&self, other: &Lang) -> bool {
        self.has_language(other.language)
            && match (self.script, other.script) {
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                (a, b) => a.is_none() && b.is_none(),
            }
    }
}

/// Chinese tags as a city site means them: Simplified for `zh`, `zh-CN`, `zh-SG`, `zh-Hans*`;
/// Traditional for `zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant*`. A Traditional request gets a
/// Traditional resource when one is available and Simplified (`zh-CN`) otherwise, which is
/// closer for the reader than English. Other tags pass through.
pub fn normalize_request(
    tag: &LanguageIdentifier,
    available: &[LanguageIdentifier],
) -> LanguageIdentifier {
    if tag.language() != "zh" {
        return tag.clone();
    }
    if is_traditional_chinese(tag) {
        let traditional = || available.iter().filter(|a| is_traditional_chinese(a));
        if let Some(found) = traditional()
            .find(|a| a.region() == tag.region() || tag.region().is_none())
            .or_else(|| traditional().next())
        {
            return found.clone();
        }
    }
    zh_cn()
}

/// Picks one locale for the UI from the reader's requests, best first. Invalid tags are
/// skipped; nothing matching means English.
pub fn negotiate_locale(
    requested: &[&str],
    available: &[LanguageIdentifier],
) -> LanguageIdentifier {
    let requested: Vec<LanguageIdentifier> =
        requested.iter().filter_map(|t| parse_tag(t).ok()).collect();
    negotiate(&requested, available)
}

/// `negotiate_locale` for tags already read.
fn negotiate(
    requested: &[LanguageIdentifier],
    available: &[LanguageIdentifier],
) -> LanguageIdentifier {
    // Lookup per request, in order, so that a saved choice beats `<html lang>`, which beats
    // the browser's list: the first request that matches any locale wins.
    for request in requested {
        if let Some(found) = lookup::lookup(&normalize_request(request, available), available) {
            return found.clone();
        }
    }
    fallback()
}

/// The locale a language choice (the control, `setLanguage`, the `languages` option) means:
/// a language the widget has resolves to its tag there ("ko" → "ko-KR"); one that may still
/// arrive through the `locales` option keeps the (normalized) tag the site or reader gave.
pub fn resolve_choice(
    tag: &LanguageIdentifier,
    available: &[LanguageIdentifier],
) -> LanguageIdentifier {
    let normalized = normalize_request(tag, available);
    if available
        .iter()
        .any(|a| a.language() == normalized.language())
    {
        negotiate(std::slice::from_ref(&normalized), available)
    } else {
        normalized
    }
}

/// The locale a UI settles on for `wanted`: itself when its resources are there, else the best
/// of what is (a language whose run-time resource failed to load).
pub fn effective_locale(
    wanted: &LanguageIdentifier,
    available: &[LanguageIdentifier],
) -> LanguageIdentifier {
    if available.contains(wanted) {
        wanted.clone()
    } else {
        negotiate(std::slice::from_ref(wanted), available)
    }
}
