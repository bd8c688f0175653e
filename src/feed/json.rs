//! JSON Feed input, read field by field from a parsed JSON tree, so that one badly typed item
//! is skipped with a reason instead of sinking the feed. The tree is whatever parsed the text:
//! the browser's own `JSON.parse` in the wasm (no JSON decoder is shipped), serde_json in the
//! native tests; the reader sees it through the small [`JsonNode`] trait, as the XML walker sees
//! `DOMParser`'s tree through `XmlElement`.

use crate::decimal::{decimal, signed_decimal};
use crate::explain::{display_by_explain, Explain};

/// What a JSON value is. Strings are read out; containers are walked through [`JsonNode`].
#[derive(Debug, Clone, PartialEq)]
pub enum JsonKind {
    /// `null`, or a field that is not there.
    Null,
    Bool,
    Number(f64),
    String(String),
    Array,
    Object,
}

/// A node of a parsed JSON tree.
pub trait JsonNode: Sized {
    fn kind(&self) -> JsonKind;
    /// The object's own field `name`; `None` when it is absent or this is not an object.
    /// Names are the reader's own literals (a DOM-side node may cache each one's JS string).
    fn field(&self, name: &'static str) -> Option<Self>;
    /// The array's elements; empty when this is not an array.
    fn elements(&self) -> Vec<Self>;
    /// The object's fields in document order; empty when this is not an object.
    fn fields(&self) -> Vec<(String, Self)>;
}

/// A value of the wrong type where the feed needs another: the item (or the feed) is unreadable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonMismatch {
    /// Where, as a path from the item or the feed (`authors.0.name`); empty for the value itself.
    pub path: String,
    pub found: &'static str,
    pub expected: &'static str,
}

impl JsonMismatch {
    fn new(found: &JsonKind, expected: &'static str) -> JsonMismatch {
        let found = match found {
            JsonKind::Null => "null",
            JsonKind::Bool => "a boolean",
            JsonKind::Number(_) => "a number",
            JsonKind::String(_) => "a string",
            JsonKind::Array => "an array",
            JsonKind::Object => "an object",
        };
        JsonMismatch {
            path: String::new(),
            found,
            expected,
        }
    }

    /// The same mismatch seen from the value that holds it under `name`.
    fn within(mut self, name: &str) -> JsonMismatch {
        self.path = if self.path.is_empty() {
            name.to_owned()
        } else {
            [name, ".", &self.path].concat()
        };
        self
    }
}

impl Explain for JsonMismatch {
    fn explain_to(&self, out: &mut String) {
        out.extend(["invalid type: ", self.found, ", expected ", self.expected]);
        if !self.path.is_empty() {
            out.extend([" at \"", &self.path, "\""]);
        }
    }
}

display_by_explain!(JsonMismatch);

type Read<T> = Result<T, JsonMismatch>;

/// The feed's top-level fields. Unknown fields are ignored; `null` means absent.
#[derive(Debug, Default)]
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

#[derive(Debug, Default)]
pub struct RawItem {
    /// JSON Feed says string, but CMSs emit numbers too; both become a string.
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
    /// `_news_widget`.
    pub extension: Option<RawExtension>,
    /// The same article in other languages (Atom/RSS `link rel="alternate" hreflang`).
    pub alternates: Vec<Alternate>,
    /// Absolute URL against which the body's relative URLs resolve (set by the XML walker).
    pub base: Option<String>,
}

/// A link to the same article in another language.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Alternate {
    pub lang: String,
    pub url: String,
}

#[derive(Debug, Default)]
pub struct RawAuthor {
    pub name: Option<String>,
}

#[derive(Debug, Default)]
pub struct RawExtension {
    pub translations: Option<RawTranslations>,
    /// Alt text of the item's `image`, in the item's own language.
    pub image_alt: Option<String>,
}

/// The `translations` object as (tag, translation) pairs in document order, so that output
/// does not depend on how a map would sort the tags.
#[derive(Debug, Default)]
pub struct RawTranslations(pub Vec<(String, RawTranslation)>);

#[derive(Debug, Default)]
pub struct RawTranslation {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub content_html: Option<String>,
    pub content_text: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub image_alt: Option<String>,
}

/// The feed's header fields; the root must be an object.
pub fn read_header<N: JsonNode>(root: &N) -> Read<RawFeedHeader> {
    object(root)?;
    let mut header = RawFeedHeader::default();
    // One loop over the string fields, not a struct literal of `?`s: each of those would carry
    // its own clean-up of the fields before it, in every copy of the wasm.
    texts(
        root,
        &mut [
            ("version", &mut header.version),
            ("title", &mut header.title),
            ("home_page_url", &mut header.home_page_url),
            ("language", &mut header.language),
        ],
    )?;
    header.authors = authors(root)?;
    header.author = optional(root, "author", author)?;
    Ok(header)
}

/// Each of the feed's items, read on its own; `None` when the feed has no `items` array.
pub fn read_items<N: JsonNode>(root: &N) -> Option<Vec<Read<RawItem>>> {
    item_nodes(root).map(|nodes| nodes.iter().map(read_item).collect())
}

/// The nodes of the feed's items, unread; `None` when the feed has no `items` array.
pub fn item_nodes<N: JsonNode>(root: &N) -> Option<Vec<N>> {
    let items = root.field("items")?;
    (items.kind() == JsonKind::Array).then(|| items.elements())
}

/// One item; it must be an object.
pub fn read_item<N: JsonNode>(item: &N) -> Read<RawItem> {
    object(item)?;
    let mut raw = RawItem {
        id: id(item)?,
        ..RawItem::default()
    };
    texts(
        item,
        &mut [
            ("url", &mut raw.url),
            ("title", &mut raw.title),
            ("summary", &mut raw.summary),
            ("content_html", &mut raw.content_html),
            ("content_text", &mut raw.content_text),
            ("image", &mut raw.image),
            ("language", &mut raw.language),
        ],
    )?;
    raw.date_published = date_text(item, "date_published")?;
    raw.date_modified = date_text(item, "date_modified")?;
    raw.authors = authors(item)?;
    raw.author = optional(item, "author", author)?;
    raw.extension = optional(item, "_news_widget", extension)?;
    Ok(raw)
}

/// Reads each string field `name` into its slot.
fn texts<N: JsonNode>(node: &N, fields: &mut [(&'static str, &mut Option<String>)]) -> Read<()> {
    for (name, slot) in fields {
        **slot = text(node, name)?;
    }
    Ok(())
}

fn object<N: JsonNode>(node: &N) -> Read<()> {
    match node.kind() {
        JsonKind::Object => Ok(()),
        other => Err(JsonMismatch::new(&other, "an object")),
    }
}

/// Field `name` read by `read`; absent or `null` is `None`.
fn optional<N: JsonNode, T>(
    node: &N,
    name: &'static str,
    read: fn(&N) -> Read<T>,
) -> Read<Option<T>> {
    match node.field(name) {
        Some(value) if value.kind() != JsonKind::Null => {
            read(&value).map(Some).map_err(|e| e.within(name))
        }
        _ => Ok(None),
    }
}

pub(super) fn text<N: JsonNode>(node: &N, name: &'static str) -> Read<Option<String>> {
    text_or_number(node, name, None)
}

/// A date: a string, or a number (a Unix time, which the format does not allow) kept as its
/// digits, so that the item stays, undated, with the reason said, as for any date that cannot
/// be read; not the whole item skipped.
pub(super) fn date_text<N: JsonNode>(node: &N, name: &'static str) -> Read<Option<String>> {
    text_or_number(node, name, Some(|n| signed_decimal(n as i64)))
}

/// Field `name` as a string; a number written by `number` where one is taken. The field is
/// read once.
fn text_or_number<N: JsonNode>(
    node: &N,
    name: &'static str,
    number: Option<fn(f64) -> String>,
) -> Read<Option<String>> {
    match (node.field(name).map(|value| value.kind()), number) {
        (None | Some(JsonKind::Null), _) => Ok(None),
        (Some(JsonKind::String(s)), _) => Ok(Some(s)),
        (Some(JsonKind::Number(n)), Some(write)) => Ok(Some(write(n))),
        (Some(other), _) => Err(JsonMismatch::new(&other, "a string").within(name)),
    }
}

/// A string, or a whole number written as one (`"id": 42`); the field is read once.
pub(super) fn id<N: JsonNode>(item: &N) -> Read<Option<String>> {
    match item.field("id").map(|value| value.kind()) {
        None | Some(JsonKind::Null) => Ok(None),
        Some(JsonKind::String(s)) => Ok(Some(s)),
        // Going through i64 keeps float formatting out of the wasm; numbers beyond 2^53 are
        // floats already, and only whole ones are usable.
        Some(JsonKind::Number(n)) if n as i64 as f64 == n => Ok(Some(signed_decimal(n as i64))),
        Some(JsonKind::Number(_)) => Err(JsonMismatch {
            path: "id".to_owned(),
            found: "a number with a fraction",
            expected: "a string or a whole number",
        }),
        Some(other) => Err(JsonMismatch::new(&other, "a string").within("id")),
    }
}

fn authors<N: JsonNode>(node: &N) -> Read<Option<Vec<RawAuthor>>> {
    optional(node, "authors", |list| match list.kind() {
        JsonKind::Array => list
            .elements()
            .iter()
            .enumerate()
            .map(|(i, one)| author(one).map_err(|e| e.within(&decimal(i as u64))))
            .collect(),
        other => Err(JsonMismatch::new(&other, "an array")),
    })
}

fn author<N: JsonNode>(node: &N) -> Read<RawAuthor> {
    object(node)?;
    Ok(RawAuthor {
        name: text(node, "name")?,
    })
}

fn extension<N: JsonNode>(node: &N) -> Read<RawExtension> {
    object(node)?;
    let mut extension = RawExtension {
        translations: optional(node, "translations", translations)?,
        ..RawExtension::default()
    };
    extension.image_alt = text(node, "image_alt")?;
    Ok(extension)
}

fn translations<N: JsonNode>(node: &N) -> Read<RawTranslations> {
    object(node)?;
    node.fields()
        .into_iter()
        .map(|(tag, value)| match translation(&value) {
            Ok(t) => Ok((tag, t)),
            Err(e) => Err(e.within(&tag)),
        })
        .collect::<Read<Vec<_>>>()
        .map(RawTranslations)
}

fn translation<N: JsonNode>(node: &N) -> Read<RawTranslation> {
    object(node)?;
    let mut t = RawTranslation::default();
    texts(
        node,
        &mut [
            ("title", &mut t.title),
            ("summary", &mut t.summary),
            ("content_html", &mut t.content_html),
            ("content_text", &mut t.content_text),
            ("url", &mut t.url),
            ("source", &mut t.source),
            ("image_alt", &mut t.image_alt),
        ],
    )?;
    Ok(t)
}
