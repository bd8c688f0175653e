//! Network and decoding: fetches the feed as bytes (and optional Fluent resources) through
//! `fetch` (deadline, retry), decodes it in the charset the pure core decides, lets the browser's
//! `JSON.parse` or XML parser read it, and hands the pieces to the pure `feed` model. A feed that
//! reads well is kept (`cache`) for the next visit.

use std::rc::Rc;

use js_sys::{JsString, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{TextDecoder, TextDecoderOptions};

use super::cache;
use super::fetch::{Fetched, Pending};
use super::js::js_detail;
use super::json::JsJson;
use crate::dom::parts::intl;
use crate::feed::charset::{self, CharsetSource, Syntax, Utf8Check};
use crate::feed::{
    self, BuildOptions, FeedError, FeedNote, FeedOutcome, WrittenDate, ZoneOffset, DEFER_OVER,
};
use crate::load_error::LoadError;

/// Calls `done` with the text of a started request (a Fluent resource), decoded as UTF-8; a JS
/// string, which goes to the compiler's module without a copy into this one.
pub fn text_of(pending: Pending, done: impl FnOnce(Result<JsString, LoadError>) + 'static) {
    pending.finish(move |fetched| {
        done(fetched.and_then(|fetched| decode(&fetched.bytes, "utf-8")));
    });
}

/// How the page asks for feeds to be read (the `timezone` option), and whether every item is
/// read at once.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    pub timezone: Option<String>,
    /// For `validateFeed`, which reports on every item; the widget reads long feeds by pages.
    pub whole: bool,
}

/// A feed read from bytes, with the charset it was decoded in (for `validateFeed`).
pub struct FeedRead {
    pub outcome: FeedOutcome,
    pub charset: String,
    pub charset_source: CharsetSource,
}

/// Reads a started request of the feed as bytes, whatever its format and encoding
/// (docs/feeds.md), and calls `done` with it and the bytes (an unchanged feed is told
/// by them). A feed that reads well is kept for the next visit.
pub fn read_feed(
    pending: Pending,
    options: ReadOptions,
    done: impl FnOnce(Result<(FeedOutcome, Uint8Array), LoadError>) + 'static,
) {
    let url = pending.url().to_owned();
    pending.finish(move |fetched| {
        done(fetched.and_then(|fetched| {
            let outcome = read_fetched(&fetched, &options)?;
            cache::keep(&url, &fetched);
            Ok((outcome, fetched.bytes))
        }));
    });
}

/// Reads a fetched (or kept) body, its final URL being the base for relative links.
pub fn read_fetched(fetched: &Fetched, options: &ReadOptions) -> Result<FeedOutcome, LoadError> {
    read_bytes(
        &fetched.bytes,
        fetched.content_type.as_deref(),
        &fetched.url,
        options,
    )
    .map(|read| read.outcome)
}

/// Reads feed bytes: sniffs JSON or XML, decides the charset, decodes with `TextDecoder`.
pub fn read_bytes(
    bytes: &Uint8Array,
    content_type: Option<&str>,
    feed_url: &str,
    options: &ReadOptions,
) -> Result<FeedRead, LoadError> {
    let head = bytes.subarray(0, bytes.length().min(1024)).to_vec();
    let syntax = charset::sniff_syntax(&head);
    let decision = charset::decide_charset(&head, content_type, encoding_of, || utf8_check(bytes));
    let mut notes = Vec::new();
    if let Some(label) = &decision.unknown_label {
        notes.push(FeedNote::CharsetUnknown {
            declared: label.clone(),
            used: decision.encoding.clone(),
        });
    }
    if decision.source == CharsetSource::Utf8Bytes {
        notes.push(FeedNote::CharsetOverridden {
            declared: decision.declared.clone().unwrap_or_default(),
            used: decision.encoding.clone(),
        });
    }
    let text = decode(bytes, &decision.encoding)?;
    // Asked of the text in JavaScript, which never copies it into wasm memory; a UTF-8 feed
    // that holds U+FFFD itself (an old conversion's) is no mismatch.
    if text.includes("\u{FFFD}", 0)
        && (decision.encoding != "utf-8" || utf8_check(bytes) == Utf8Check::Invalid)
    {
        notes.push(FeedNote::CharsetMismatch {
            used: decision.encoding.clone(),
        });
    }
    let mut outcome = read_text(&text, syntax, feed_url, options)?;
    notes.append(&mut outcome.notes);
    outcome.notes = notes;
    Ok(FeedRead {
        outcome,
        charset: decision.encoding,
        charset_source: decision.source,
    })
}

#[wasm_bindgen]
extern "C" {
    /// `TextDecoder.decode`, its text left a JS string: a feed's text never enters wasm memory
    /// on its way from the bytes to the browser's parser.
    type Decoder;
    #[wasm_bindgen(method, catch, js_name = decode)]
    fn decode_to_js(this: &Decoder, input: &Uint8Array) -> Result<JsString, JsValue>;
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    fn json_parse(text: &JsString) -> Result<JsValue, JsValue>;
}

/// 53 bits of `Math.random`, for a key that the feed's publisher cannot know.
fn random_bits() -> u64 {
    (js_sys::Math::random() * (1u64 << 53) as f64) as u64
}

/// Reads feed text that is already decoded (the bytes', or `validateFeed` given a string).
pub fn read_text(
    text: &JsString,
    syntax: Syntax,
    feed_url: &str,
    options: &ReadOptions,
) -> Result<FeedOutcome, LoadError> {
    let build = BuildOptions {
        timezone: options.timezone.clone(),
        // A zone `Intl` does not know is none: its dates are read, and said to be, as UTC.
        zone_offset: options
            .timezone
            .clone()
            .filter(|zone| intl::zone_known(zone))
            .map(|zone| {
                Rc::new(move |d: &WrittenDate| intl::zone_offset_minutes(&zone, d).unwrap_or(0))
                    as ZoneOffset
            }),
        id_key: [random_bits(), random_bits()],
    };
    // A PHP template's blank lines and the byte order marks of the files it includes, before
    // the document: neither `JSON.parse` nor the XML parser (before `<?xml`) takes them, and
    // JavaScript's `trimStart` takes both away without the text entering wasm memory.
    let trimmed = text.trim_start();
    // The lines taken off, for the line an XML error names: only blanks, so few bytes to read.
    let skipped = match text.length() - trimmed.length() {
        0 => 0,
        n => String::from(text.slice(0, n)).matches('\n').count() as u32,
    };
    let text = &trimmed;
    match syntax {
        Syntax::Json => {
            let json = json_parse(text).map_err(|e| FeedError::NotJson {
                detail: js_detail(&e),
            })?;
            decode_feed(json, &build, options.whole)
        }
        Syntax::Xml => {
            let (xml, mut notes) = super::xml::read_feed_xml(text, feed_url, skipped)?;
            let mut outcome = feed::build_xml_feed(xml, &build)?;
            notes.append(&mut outcome.notes);
            outcome.notes = notes;
            Ok(outcome)
        }
        Syntax::Unknown => Err(FeedError::UnknownSyntax.into()),
    }
}

/// The encoding a charset label means, as the browser's own `TextDecoder` reads labels.
fn encoding_of(label: &str) -> Option<String> {
    let label = charset::vendor_label(label).unwrap_or(label);
    TextDecoder::new_with_label(label)
        .ok()
        .map(|d| d.encoding())
}

/// Whether the whole body is UTF-8, asked only when a legacy charset was declared or the text
/// read shows U+FFFD: a strict `TextDecoder` says so, its text left a JS string (never copied
/// into wasm memory), which is ASCII exactly when it has a character a byte.
fn utf8_check(bytes: &Uint8Array) -> Utf8Check {
    let options = TextDecoderOptions::new();
    options.set_fatal(true);
    let Ok(decoder) = TextDecoder::new_with_label_and_options("utf-8", &options) else {
        return Utf8Check::Invalid;
    };
    match decoder.unchecked_ref::<Decoder>().decode_to_js(bytes) {
        Err(_) => Utf8Check::Invalid,
        Ok(text) if text.length() == bytes.length() => Utf8Check::Ascii,
        Ok(_) => Utf8Check::ValidWithMultibyte,
    }
}

fn decode(bytes: &Uint8Array, encoding: &str) -> Result<JsString, LoadError> {
    let decoder = TextDecoder::new_with_label(encoding)
        .or_else(|_| TextDecoder::new_with_label("utf-8"))
        .map_err(|e| LoadError::Network {
            detail: js_detail(&e),
        })?;
    decoder
        .unchecked_ref::<Decoder>()
        .decode_to_js(bytes)
        .map_err(|e| {
            LoadError::Feed(FeedError::NotJson {
                detail: js_detail(&e),
            })
        })
}

/// Validates parsed JSON. Each item is read on its own so that one badly typed item is skipped
/// instead of sinking the feed.
/// `whole`: every item read now (`validateFeed` reports on all of them); otherwise a feed of
/// more than `DEFER_OVER` items has its items read as pages show them.
pub fn decode_feed(
    json: JsValue,
    options: &BuildOptions,
    whole: bool,
) -> Result<FeedOutcome, LoadError> {
    let root = JsJson(json);
    let header = feed::read_header(&root);
    let nodes = feed::item_nodes(&root);
    if !whole && nodes.as_ref().is_some_and(|n| n.len() > DEFER_OVER) {
        return Ok(feed::build_deferred_json_feed(header, nodes, options)?);
    }
    let items = nodes.map(|nodes| nodes.iter().map(feed::read_item).collect());
    Ok(feed::build_json_feed(header, items, options)?)
}
