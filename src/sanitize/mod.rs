//! Sanitizer policy for untrusted article HTML: which elements, attributes and URLs the DOM
//! walker may copy into the widget. Pure data and decisions; the walker does all DOM work.
//!
//! Model: DOMParser gives the walker an inert tree; the walker rebuilds an allowed copy with
//! createElement/setAttribute/createTextNode, so nothing is ever re-serialised and re-parsed
//! (which is where mutation XSS lives). This module therefore only has to answer "may this
//! name/value be copied?", and it answers with allowlists: anything not listed is dropped.

mod depth;
mod url;

pub use depth::{bound_nesting, MAX_MARKUP_DEPTH};
pub use url::{check_url, resolved_scheme_allowed, CheckedUrl, UrlRejected};

/// Nesting depth beyond which the walker stops descending and keeps only the text below, and
/// says so in the console. Articles rarely go past 15; the cap bounds the walk's recursion and
/// the layout cost of hostile input, however deep (Chromium's HTML parser itself stops nesting
/// at 512 levels).
pub const MAX_DEPTH: usize = 64;

/// Longest URL we copy. Also caps inline `data:image` payloads at roughly 6 KB, which is
/// plenty for icons and keeps a feed from smuggling megabytes through an attribute.
const MAX_URL_LEN: usize = 8192;

/// Longest free-text attribute value (title, alt, ...), in characters.
const MAX_TEXT_LEN: usize = 500;

/// Longest language tag BCP 47 practically needs (RFC 5646 §4.4.1 recommends 35).
const MAX_LANG_LEN: usize = 35;

/// What the walker does with one element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElementAction {
    /// Create an element with this (lower-case) name and keep walking its children.
    Keep(&'static str),
    /// Create nothing for this element, but walk its children into the parent.
    Unwrap,
    /// Skip the element and everything inside it.
    Drop,
}

/// Source element → element we create. Only names in the right-hand column are ever
/// created, and `attribute_kind` refuses attributes for anything else.
const KEPT_ELEMENTS: &[(&str, &str)] = &[
    // Text blocks. The widget supplies the article title, so an article's own h1 would be a
    // second top-level heading on the city's page; shift it down, and fold h5/h6 into h4.
    ("p", "p"),
    ("br", "br"),
    ("hr", "hr"),
    ("h1", "h2"),
    ("h2", "h2"),
    ("h3", "h3"),
    ("h4", "h4"),
    ("h5", "h4"),
    ("h6", "h4"),
    ("pre", "pre"),
    ("blockquote", "blockquote"),
    ("figure", "figure"),
    ("figcaption", "figcaption"),
    ("div", "div"),
    // Sectioning and landmark elements become plain divs: the block boundary keeps the
    // article's layout, but a second <main>/<nav>/<header> inside the widget would add
    // bogus landmarks to the host page, which accessibility audits of city sites flag.
    ("section", "div"),
    ("article", "div"),
    ("header", "div"),
    ("footer", "div"),
    ("aside", "div"),
    ("main", "div"),
    ("nav", "div"),
    ("address", "div"),
    ("hgroup", "div"),
    // Lists.
    ("ul", "ul"),
    ("ol", "ol"),
    ("li", "li"),
    ("dl", "dl"),
    ("dt", "dt"),
    ("dd", "dd"),
    // Tables (press releases love them: opening hours, fees, results).
    ("table", "table"),
    ("caption", "caption"),
    ("colgroup", "colgroup"),
    ("col", "col"),
    ("thead", "thead"),
    ("tbody", "tbody"),
    ("tfoot", "tfoot"),
    ("tr", "tr"),
    ("th", "th"),
    ("td", "td"),
    // Links and images: their URLs go through `check_url`.
    ("a", "a"),
    ("img", "img"),
    // Text-level semantics.
    ("strong", "strong"),
    ("em", "em"),
    ("b", "b"),
    ("i", "i"),
    ("u", "u"),
    ("s", "s"),
    ("strike", "s"),
    ("span", "span"),
    ("sub", "sub"),
    ("sup", "sup"),
    ("small", "small"),
    ("code", "code"),
    ("tt", "code"),
    ("kbd", "kbd"),
    ("samp", "samp"),
    ("var", "var"),
    ("abbr", "abbr"),
    ("dfn", "dfn"),
    ("time", "time"),
    ("cite", "cite"),
    ("q", "q"),
    ("mark", "mark"),
    ("del", "del"),
    ("ins", "ins"),
    ("bdi", "bdi"),
    ("bdo", "bdo"),
    ("wbr", "wbr"),
];

/// Elements skipped together with everything inside them.
const DROPPED_ELEMENTS: &[&str] = &[
    // Script and style carriers.
    "script",
    "style",
    "template",
    "slot",
    // Foreign content: SVG and MathML parse by different rules, the classic home of
    // mutation XSS and of scriptable attributes; nothing in a news article needs them.
    "svg",
    "math",
    // Embedded browsing contexts and plugins.
    "iframe",
    "frame",
    "frameset",
    "portal",
    "fencedframe",
    "object",
    "embed",
    "applet",
    "param",
    // DOMParser parses with scripting disabled, so <noscript> content arrives as live markup
    // meant for a different parse; its siblings are raw-text or obsolete parser oddities.
    "noscript",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    // Document metadata: a title or base URL must never leak out of an article.
    "head",
    "title",
    "meta",
    "link",
    "base",
    "basefont",
    "bgsound",
    // Form controls. <form> itself is unwrapped (see `element_action`), so only these go.
    "input",
    "button",
    "select",
    "option",
    "optgroup",
    "datalist",
    "selectedcontent",
    "textarea",
    "keygen",
    // Media and drawing surfaces: no media in v1, and their fallback text is usually
    // "your browser does not support video", which is noise in an article.
    "audio",
    "video",
    "source",
    "track",
    "canvas",
    "area",
    // Modal and top-layer UI could cover the host page.
    "dialog",
];

/// Namespace prefixes that mark foreign content when a tag arrives as `prefix:name`.
const FOREIGN_PREFIXES: &[&str] = &["svg", "math", "mathml", "xlink"];

/// Decide what to do with an element, given its name as the DOM reports it.
///
/// Everything not listed is unwrapped, not dropped: unknown markup (font, center, custom
/// elements, html/body wrappers, and <form>, which ASP.NET-based CMSs wrap around the whole
/// page) usually still holds article text, and unwrapping is safe because only listed
/// elements are ever created.
pub fn element_action(tag: &str) -> ElementAction {
    if let (Some((prefix, _)), Some((_, local))) = (tag.split_once(':'), tag.rsplit_once(':')) {
        // A prefixed name is never an HTML element we know, so never keep it; but do not let
        // a prefix smuggle a dropped element (`x:script`) or foreign content through as text.
        if contains_ignore_case(FOREIGN_PREFIXES, prefix)
            || contains_ignore_case(DROPPED_ELEMENTS, local)
        {
            return ElementAction::Drop;
        }
        return ElementAction::Unwrap;
    }
    if contains_ignore_case(DROPPED_ELEMENTS, tag) {
        return ElementAction::Drop;
    }
    match KEPT_ELEMENTS
        .iter()
        .find(|(from, _)| from.eq_ignore_ascii_case(tag))
    {
        Some(&(_, to)) => ElementAction::Keep(to),
        None => ElementAction::Unwrap,
    }
}

/// How an allowed attribute's value must be checked before it is copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrKind {
    /// Free text shown to people (title, alt): control characters removed, length capped.
    Text,
    /// A URL, checked by `check_url` for this use.
    Url(UrlUse),
    /// A plain decimal integer within `min..=max`.
    Integer { min: u32, max: u32 },
    /// One of a fixed set of values. The empty string in the set stands for a present
    /// boolean attribute (`<ol reversed>`).
    OneOf(&'static [&'static str]),
    /// A BCP 47 language tag, checked for shape only.
    LangTag,
    /// Text direction: ltr, rtl or auto.
    Dir,
}

/// Where a URL will be used; each use allows different schemes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlUse {
    /// `<a href>`: navigated to on click.
    Link,
    /// `<img src>`: fetched and decoded as an image, never navigated or scripted.
    Image,
    /// `cite` on quotes and edits: not followed by browsers, but scripts and tools may.
    Citation,
}

// Ranges generous enough for real content, small enough that a hostile value cannot ask
// the layout engine for a million-column table or a 2^32-pixel image.
const IMAGE_SIZE: AttrKind = AttrKind::Integer {
    min: 1,
    max: 10_000,
};
const LIST_NUMBER: AttrKind = AttrKind::Integer {
    min: 0,
    max: 1_000_000,
};
const COLUMN_SPAN: AttrKind = AttrKind::Integer { min: 1, max: 100 };
const ROW_SPAN: AttrKind = AttrKind::Integer { min: 1, max: 1000 };

const OL_TYPES: &[&str] = &["1", "a", "A", "i", "I"];
const OL_REVERSED: &[&str] = &["", "reversed"];
const TH_SCOPES: &[&str] = &["row", "col", "rowgroup", "colgroup"];

/// Attributes allowed on every kept element.
const GLOBAL_ATTRIBUTES: &[(&str, AttrKind)] = &[
    ("lang", AttrKind::LangTag),
    ("dir", AttrKind::Dir),
    ("title", AttrKind::Text),
];

/// Attributes allowed per output element. Anything absent (every on* handler, style, class,
/// id, name, srcset, xmlns*, formaction, ...) is dropped: class and id would let article
/// markup hook into the host page's CSS and scripts, style could overlay the page.
const ELEMENT_ATTRIBUTES: &[(&str, &str, AttrKind)] = &[
    ("a", "href", AttrKind::Url(UrlUse::Link)),
    ("a", "hreflang", AttrKind::LangTag),
    ("img", "src", AttrKind::Url(UrlUse::Image)),
    ("img", "alt", AttrKind::Text),
    ("img", "width", IMAGE_SIZE),
    ("img", "height", IMAGE_SIZE),
    ("blockquote", "cite", AttrKind::Url(UrlUse::Citation)),
    ("q", "cite", AttrKind::Url(UrlUse::Citation)),
    ("del", "cite", AttrKind::Url(UrlUse::Citation)),
    ("ins", "cite", AttrKind::Url(UrlUse::Citation)),
    ("del", "datetime", AttrKind::Text),
    ("ins", "datetime", AttrKind::Text),
    ("time", "datetime", AttrKind::Text),
    ("ol", "start", LIST_NUMBER),
    ("ol", "reversed", AttrKind::OneOf(OL_REVERSED)),
    ("ol", "type", AttrKind::OneOf(OL_TYPES)),
    ("li", "value", LIST_NUMBER),
    ("th", "colspan", COLUMN_SPAN),
    ("th", "rowspan", ROW_SPAN),
    ("th", "scope", AttrKind::OneOf(TH_SCOPES)),
    ("th", "abbr", AttrKind::Text),
    ("td", "colspan", COLUMN_SPAN),
    ("td", "rowspan", ROW_SPAN),
    ("col", "span", COLUMN_SPAN),
    ("colgroup", "span", COLUMN_SPAN),
];

/// How to check `attr` on the output element `tag`; `None` means drop the attribute.
///
/// Only elements that `element_action` can produce get any attributes at all, so a walker
/// bug that asks about, say, `iframe` still fails closed.
pub fn attribute_kind(tag: &str, attr: &str) -> Option<AttrKind> {
    if !KEPT_ELEMENTS
        .iter()
        .any(|(_, to)| to.eq_ignore_ascii_case(tag))
    {
        return None;
    }
    let specific = ELEMENT_ATTRIBUTES
        .iter()
        .find(|(t, a, _)| t.eq_ignore_ascii_case(tag) && a.eq_ignore_ascii_case(attr))
        .map(|&(_, _, kind)| kind);
    specific.or_else(|| {
        GLOBAL_ATTRIBUTES
            .iter()
            .find(|(a, _)| a.eq_ignore_ascii_case(attr))
            .map(|&(_, kind)| kind)
    })
}

/// Validate and normalise an attribute value; `None` means drop the attribute.
pub fn clean_attribute(kind: &AttrKind, value: &str) -> Option<String> {
    match *kind {
        AttrKind::Text => Some(clean_text(value)),
        AttrKind::Url(use_) => check_url(value, use_).ok().map(|url| url.value),
        AttrKind::Integer { min, max } => clean_integer(value, min, max),
        AttrKind::OneOf(options) => clean_one_of(options, value),
        AttrKind::LangTag => clean_lang_tag(value),
        AttrKind::Dir => clean_dir(value),
    }
}

/// Tab/newline become spaces (they only matter as whitespace in a tooltip or alt text); other
/// control characters go, since they can confuse screen readers and copy/paste.
fn clean_text(value: &str) -> String {
    value
        .chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .take(MAX_TEXT_LEN)
        .collect()
}

/// Strict digits only: "100px" or "50%" widths from legacy editors are dropped rather than
/// guessed at, so the image falls back to its natural size.
fn clean_integer(value: &str, min: u32, max: u32) -> Option<String> {
    let digits = value.trim_matches(|c: char| c.is_ascii_whitespace());
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    (min..=max)
        .contains(&n)
        .then(|| crate::decimal::decimal(u64::from(n)))
}

/// Exact match first, because some sets are case-sensitive (`<ol type="a">` vs `"A"`).
/// Otherwise HTML treats enumerated values case-insensitively, so accept a case-insensitive
/// match when it picks out exactly one option, and emit the table's spelling.
fn clean_one_of(options: &[&'static str], value: &str) -> Option<String> {
    let value = value.trim_matches(|c: char| c.is_ascii_whitespace());
    if let Some(exact) = options.iter().find(|o| **o == value) {
        return Some((*exact).to_string());
    }
    let mut matches = options.iter().filter(|o| o.eq_ignore_ascii_case(value));
    match (matches.next(), matches.next()) {
        (Some(only), None) => Some((*only).to_string()),
        _ => None,
    }
}

/// Shape check only (we do not ship the subtag registry): 1–8 alphanumeric subtags joined by
/// single hyphens, the first one letters only. Keeps junk out of `lang`, which drives fonts,
/// hyphenation and screen-reader voices.
fn clean_lang_tag(value: &str) -> Option<String> {
    let tag = value.trim_matches(|c: char| c.is_ascii_whitespace());
    if tag.is_empty() || tag.len() > MAX_LANG_LEN {
        return None;
    }
    let mut subtags = tag.split('-');
    let primary = subtags.next()?;
    let primary_ok =
        (1..=8).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic());
    let rest_ok =
        subtags.all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    (primary_ok && rest_ok).then(|| tag.to_string())
}

fn clean_dir(value: &str) -> Option<String> {
    let value = value.trim_matches(|c: char| c.is_ascii_whitespace());
    ["ltr", "rtl", "auto"]
        .iter()
        .find(|d| d.eq_ignore_ascii_case(value))
        .map(|d| (*d).to_string())
}

/// Added to every kept `<a href>`. Articles link off-site, so open links in a new tab to keep
/// the resident on the city's page, and cut the opener and Referer so the target gets neither
/// a handle on the city's window nor the page the resident was reading.
pub fn link_extras() -> &'static [(&'static str, &'static str)] {
    &[("rel", "noopener noreferrer"), ("target", "_blank")]
}

/// Added to every kept `<img>`. Lazy loading and async decoding keep long, image-heavy
/// articles from stalling the host page on phones.
///
/// No `referrerpolicy`: the browser default (strict-origin-when-cross-origin) already sends
/// other hosts only the city site's origin, never the article path, while `no-referrer` would
/// break images on CMS media servers whose hotlink protection allows the city's origin.
pub fn image_extras() -> &'static [(&'static str, &'static str)] {
    &[("loading", "lazy"), ("decoding", "async")]
}

fn contains_ignore_case(list: &[&str], name: &str) -> bool {
    list.iter().any(|item| item.eq_ignore_ascii_case(name))
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

fn strip_suffix_ignore_case<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let split = s.len().checked_sub(suffix.len())?;
    let tail = s.get(split..)?;
    if tail.eq_ignore_ascii_case(suffix) {
        s.get(..split)
    } else {
        None
    }
}
