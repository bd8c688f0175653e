//! The browser's XML parser for feeds: `DOMParser`, parse errors found wherever the browser puts
//! them, one repaired reparse, and the element API over which the pure walker reads a feed.

use js_sys::JsString;
use wasm_bindgen::prelude::*;
use web_sys::{Document, DomParser, Element};

use crate::feed::repair::{error_line, parser_message, repair_xml};
use crate::feed::xml::{read_xml_feed, XmlElement, XmlFeed};
use crate::feed::{FeedError, FeedNote};

#[derive(Clone)]
struct Node(Element);

impl XmlElement for Node {
    fn namespace(&self) -> Option<String> {
        self.0.namespace_uri()
    }
    fn local_name(&self) -> String {
        self.0.local_name()
    }
    fn attribute(&self, name: &str) -> Option<String> {
        self.0.get_attribute_ns(None, name)
    }
    fn attribute_in(&self, namespace: &str, local_name: &str) -> Option<String> {
        self.0.get_attribute_ns(Some(namespace), local_name)
    }
    fn children(&self) -> Vec<Node> {
        let children = self.0.children();
        (0..children.length())
            .filter_map(|i| children.item(i))
            .map(Node)
            .collect()
    }
    fn text(&self) -> String {
        self.0.text_content().unwrap_or_default()
    }
    fn inner_markup(&self) -> String {
        self.0.inner_html()
    }
}

fn resolve(url: &str, base: &str) -> Option<String> {
    web_sys::Url::new_with_base(url, base)
        .ok()
        .map(|u| u.href())
}

#[wasm_bindgen]
extern "C" {
    /// `DOMParser.parseFromString` for a JS string (the feed's text is never copied into
    /// wasm memory unless it needs repair).
    type Parser;
    #[wasm_bindgen(method, catch, js_name = parseFromString)]
    fn parse_js(this: &Parser, text: &JsString, kind: &str) -> Result<Document, JsValue>;
}

fn parse(text: &JsString) -> Option<Document> {
    let parser = DomParser::new().ok()?;
    parser
        .unchecked_ref::<Parser>()
        .parse_js(text, "application/xml")
        .ok()
}

/// The first parse error, if the browser reported one: its message and line. Chromium puts an
/// XHTML `parsererror` into the document, Firefox makes one the root; the qualified-name
/// lookup finds either.
/// The parser's error, its line counted in the feed as served (`skipped`: the blank lines
/// taken off before the document).
fn parse_error(doc: &Document, skipped: u32) -> Option<(String, Option<u32>)> {
    let text = doc
        .get_elements_by_tag_name("parsererror")
        .item(0)?
        .text_content()
        .unwrap_or_default();
    Some((
        parser_message(&text).to_owned(),
        error_line(&text).map(|line| line.saturating_add(skipped)),
    ))
}

fn walk(doc: &Document, feed_url: &str) -> Result<XmlFeed, FeedError> {
    let root = doc.document_element().ok_or(FeedError::UnknownSyntax)?;
    read_xml_feed(&Node(root), feed_url, &resolve).map_err(|e| FeedError::NotAFeed { root: e.root })
}

/// Reads feed XML. A document that is not well-formed is repaired and parsed again; failing
/// that, the items before the error are read (a truncated feed); failing that, the error names
/// the line.
pub fn read_feed_xml(
    text: &JsString,
    feed_url: &str,
    skipped: u32,
) -> Result<(XmlFeed, Vec<FeedNote>), FeedError> {
    let doc = parse(text).ok_or(FeedError::UnknownSyntax)?;
    let Some((detail, line)) = parse_error(&doc, skipped) else {
        return walk(&doc, feed_url).map(|feed| (feed, Vec::new()));
    };
    let mut partial = None;
    if let Some((repaired, repairs)) = repair_xml(&String::from(text)) {
        if let Some(fixed) = parse(&JsString::from(repaired)) {
            match parse_error(&fixed, skipped) {
                None => {
                    let note = FeedNote::XmlRepaired {
                        line,
                        detail,
                        repairs,
                    };
                    return walk(&fixed, feed_url).map(|feed| (feed, vec![note]));
                }
                // The repair fixed an early mistake but a later one remains: the repaired
                // document reaches further.
                Some(later) => partial = Some((fixed, later)),
            }
        }
    }
    let (doc, (detail, line)) = partial.unwrap_or((doc, (detail, line)));
    match walk(&doc, feed_url) {
        Ok(feed) if !feed.items.is_empty() => {
            Ok((feed, vec![FeedNote::XmlTruncated { line, detail }]))
        }
        _ => Err(FeedError::MalformedXml { line, detail }),
    }
}
