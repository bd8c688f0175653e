//! Turns untrusted article HTML into safe DOM: `DOMParser` builds an inert document (no script
//! runs, nothing loads), and only what `crate::sanitize` allows is recreated, node by node, in
//! the widget's own document. No feed string ever reaches `innerHTML` of a live node.

use wasm_bindgen::JsCast;
use web_sys::{Document, DocumentFragment, DomParser, Element, Node, SupportedType, Url};

use crate::sanitize::{self, AttrKind, ElementAction, UrlUse};

const XHTML: &str = "http://www.w3.org/1999/xhtml";

/// Where relative URLs in the article point to: the item's URL, else the feed's.
pub struct Cleaner<'a> {
    pub doc: &'a Document,
    pub base: &'a str,
}

impl Cleaner<'_> {
    pub fn html(&self, html: &str) -> DocumentFragment {
        let out = self.doc.create_document_fragment();
        let parsed = DomParser::new()
            .and_then(|p| p.parse_from_string(html, SupportedType::TextHtml))
            .ok();
        if let Some(body) = parsed.and_then(|d| d.body()) {
            self.copy_children(&body, &out, 0);
        }
        out
    }

    /// Plain `content_text`: blank lines separate paragraphs, single newlines are line breaks.
    pub fn text(&self, text: &str) -> DocumentFragment {
        let out = self.doc.create_document_fragment();
        let normalized = text.replace("\r\n", "\n");
        for paragraph in normalized.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
            let p = self.element("p");
            for (i, line) in paragraph.split('\n').enumerate() {
                if i > 0 {
                    let _ = p.append_child(&self.element("br"));
                }
                let _ = p.append_child(&self.doc.create_text_node(line));
            }
            let _ = out.append_child(&p);
        }
        out
    }

    fn element(&self, tag: &str) -> Element {
        self.doc.create_element(tag).expect("allowlisted tag names are valid")
    }

    fn copy_children(&self, from: &Node, into: &Node, depth: usize) {
        let children = from.child_nodes();
        for index in 0..children.length() {
            let Some(child) = children.item(index) else { continue };
            match child.node_type() {
                Node::TEXT_NODE => {
                    let text = child.text_content().unwrap_or_default();
                    let _ = into.append_child(&self.doc.create_text_node(&text));
                }
                Node::ELEMENT_NODE => {
                    if let Some(element) = child.dyn_ref::<Element>() {
                        self.copy_element(element, into, depth);
                    }
                }
                // Comments, processing instructions, CDATA: nothing a reader needs.
                _ => {}
            }
        }
    }

    fn copy_element(&self, source: &Element, into: &Node, depth: usize) {
        // Foreign content (SVG, MathML) is where mutation XSS lives: none of it is copied.
        if source.namespace_uri().as_deref() != Some(XHTML) {
            return;
        }
        match sanitize::element_action(&source.local_name()) {
            ElementAction::Drop => {}
            ElementAction::Unwrap => self.copy_children(source, into, depth + 1),
            ElementAction::Keep(tag) => {
                let copy = self.element(tag);
                if !self.copy_attributes(source, &copy, tag) {
                    return;
                }
                if depth >= sanitize::MAX_DEPTH {
                    // Absurd nesting is flattened to its text rather than walked further.
                    copy.set_text_content(source.text_content().as_deref());
                } else {
                    self.copy_children(source, &copy, depth + 1);
                }
                let _ = into.append_child(&copy);
            }
        }
    }

    /// Copies the allowed attributes. Returns false when the element is useless without the
    /// one that was refused (an image without a safe `src`).
    fn copy_attributes(&self, source: &Element, copy: &Element, tag: &str) -> bool {
        let attributes = source.attributes();
        let mut has_href = false;
        let mut has_src = false;
        for index in 0..attributes.length() {
            let Some(attr) = attributes.item(index) else { continue };
            if attr.namespace_uri().is_some() {
                continue;
            }
            let name = attr.local_name();
            let Some(kind) = sanitize::attribute_kind(tag, &name) else { continue };
            let value = match kind {
                AttrKind::Url(use_) => self.url(&attr.value(), use_),
                other => sanitize::clean_attribute(&other, &attr.value()),
            };
            if let Some(value) = value {
                has_href |= name == "href";
                has_src |= name == "src";
                let _ = copy.set_attribute(&name, &value);
            }
        }
        if tag == "img" {
            if !has_src {
                return false;
            }
            for (name, value) in sanitize::image_extras() {
                let _ = copy.set_attribute(name, value);
            }
        }
        if tag == "a" && has_href {
            for (name, value) in sanitize::link_extras() {
                let _ = copy.set_attribute(name, value);
            }
        }
        true
    }

    fn url(&self, raw: &str, use_: UrlUse) -> Option<String> {
        safe_url(raw, self.base, use_)
    }
}

/// A URL passes the policy twice: as written, and again after the browser resolved it against
/// `base`, so that what lands in an attribute is an absolute URL with an allowed scheme. Used
/// for article markup and for feed-level URLs (item link, image) alike.
pub fn safe_url(raw: &str, base: &str, use_: UrlUse) -> Option<String> {
    let checked = sanitize::check_url(raw, use_).ok()?;
    let resolved = Url::new_with_base(&checked.value, base).ok()?;
    if !sanitize::resolved_scheme_allowed(&resolved.protocol(), use_) {
        return None;
    }
    sanitize::check_url(&resolved.href(), use_).ok().map(|c| c.value)
}
