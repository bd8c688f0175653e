//! The sanitizer's URL policy: which schemes each use allows, which `data:` images pass, and
//! the check of a URL after the browser resolved it against a base the feed chose.

use std::fmt;

use super::{
    contains_ignore_case, strip_prefix_ignore_case, strip_suffix_ignore_case, UrlUse, MAX_URL_LEN,
};

/// A URL that passed `check_url`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedUrl {
    /// The cleaned string. The walker resolves it against the item URL with the browser's
    /// URL API and must check the result with `resolved_scheme_allowed`: the base itself
    /// comes from the feed and could be anything.
    pub value: String,
    /// True when the URL has no scheme (path, `#fragment`, `?query`, `//host/...`).
    pub relative: bool,
}

/// Why a URL was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlRejected {
    /// The scheme (lower-cased, without ':') is not allowed for this use; `data` URLs that
    /// are not a permitted raster image also land here.
    ForbiddenScheme { scheme: String },
    /// Control characters the browser would not strip itself.
    ControlCharacters,
    /// Nothing left after the browser-equivalent trimming.
    Empty,
    /// Longer than the 8192-byte cap.
    TooLong,
}

impl fmt::Display for UrlRejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlRejected::ForbiddenScheme { scheme } => {
                f.write_str("URL scheme not allowed: ")?;
                f.write_str(scheme)
            }
            UrlRejected::ControlCharacters => f.write_str("URL contains control characters"),
            UrlRejected::Empty => f.write_str("URL is empty"),
            UrlRejected::TooLong => f.write_str("URL is too long"),
        }
    }
}

impl std::error::Error for UrlRejected {}

/// Schemes allowed per use, as found in the raw attribute. Relative URLs are allowed for
/// every use; `data:` is handled separately because only some images qualify.
const URL_SCHEMES: &[(UrlUse, &[&str])] = &[
    (UrlUse::Link, &["http", "https", "mailto"]),
    (UrlUse::Image, &["http", "https"]),
    (UrlUse::Citation, &["http", "https"]),
];

/// Raster formats browsers decode without running anything. Never image/svg+xml: SVG is a
/// document that can carry script and external references.
const DATA_IMAGE_TYPES: &[&str] = &[
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "image/avif",
];

/// Check a raw attribute URL for one use.
///
/// The browser's URL parser first strips leading/trailing C0 controls and spaces and then
/// every tab, LF and CR anywhere; we do the same before looking for the scheme, so that
/// `" javascript:"` and `"java\tscript:"` are seen as the browser will see them.
pub fn check_url(raw: &str, use_: UrlUse) -> Result<CheckedUrl, UrlRejected> {
    let trimmed = raw.trim_matches(|c: char| c <= ' ');
    let mut cleaned = String::with_capacity(trimmed.len().min(MAX_URL_LEN));
    for c in trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')) {
        // Bail out early so a multi-megabyte attribute costs no more than the cap.
        if cleaned.len() + c.len_utf8() > MAX_URL_LEN {
            return Err(UrlRejected::TooLong);
        }
        cleaned.push(c);
    }
    if cleaned.is_empty() {
        return Err(UrlRejected::Empty);
    }
    // Anything the browser would keep and percent-encode is still a sign of garbage or of an
    // attempt to desynchronise our view of the URL from the browser's.
    if cleaned.chars().any(char::is_control) {
        return Err(UrlRejected::ControlCharacters);
    }
    let scheme = match url_scheme(&cleaned) {
        None => {
            return Ok(CheckedUrl {
                value: cleaned,
                relative: true,
            })
        }
        Some(scheme) => scheme.to_ascii_lowercase(),
    };
    let allowed = URL_SCHEMES
        .iter()
        .any(|(u, schemes)| *u == use_ && schemes.contains(&scheme.as_str()));
    let data_image = use_ == UrlUse::Image && scheme == "data" && is_allowed_data_image(&cleaned);
    if allowed || data_image {
        Ok(CheckedUrl {
            value: cleaned,
            relative: false,
        })
    } else {
        Err(UrlRejected::ForbiddenScheme { scheme })
    }
}

/// The WHATWG URL parser's scheme rule: `^[A-Za-z][A-Za-z0-9+.-]*:`. Anything else is a
/// relative reference; `/`, `?` and `#` cannot occur in a scheme, so a ':' after them is
/// path, query or fragment (`/a:b`, `?x=y:z`).
fn url_scheme(url: &str) -> Option<&str> {
    let (candidate, _) = url.split_once(':')?;
    let mut bytes = candidate.bytes();
    let first_ok = bytes.next().is_some_and(|b| b.is_ascii_alphabetic());
    let rest_ok = bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    (first_ok && rest_ok).then_some(candidate)
}

/// Only `data:<raster type>;base64,<base64>`: no parameters, no charset, no percent-encoding
/// or fragment, so there is exactly one way the browser can read it.
fn is_allowed_data_image(url: &str) -> bool {
    let Some(rest) = strip_prefix_ignore_case(url, "data:") else {
        return false;
    };
    let Some((media, payload)) = rest.split_once(',') else {
        return false;
    };
    let Some(mime) = strip_suffix_ignore_case(media, ";base64") else {
        return false;
    };
    contains_ignore_case(DATA_IMAGE_TYPES, mime)
        && !payload.is_empty()
        && payload
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
}

/// Whether a URL that the browser resolved (against the item URL) may be used, given its
/// scheme as `URL.protocol` reports it, colon included. Relative input can still resolve to
/// anything when the feed's base URL is hostile. For `data:` the caller must re-run
/// `check_url` on the resolved string, since the media type matters.
pub fn resolved_scheme_allowed(scheme_with_colon: &str, use_: UrlUse) -> bool {
    let Some(scheme) = scheme_with_colon.strip_suffix(':') else {
        return false;
    };
    let listed = URL_SCHEMES
        .iter()
        .any(|(u, schemes)| *u == use_ && schemes.iter().any(|s| s.eq_ignore_ascii_case(scheme)));
    listed || (use_ == UrlUse::Image && scheme.eq_ignore_ascii_case("data"))
}
