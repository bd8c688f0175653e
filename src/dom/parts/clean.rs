//! Turns untrusted article HTML into safe DOM: `DOMParser` builds an inert document (no script
//! runs, nothing loads), and only what `crate::sanitize` allows is recreated, node by node, in
//! the widget's own document. No feed string ever reaches `innerHTML` of a live node.

use std::cell::Cell;

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Document, DocumentFragment, DomParser, Element, NamedNodeMap, Node, SupportedType, Text,
    TreeWalker, Url,
};

use crate::sanitize::{self, AttrKind, ElementAction, UrlUse};

const XHTML: &str = "http://www.w3.org/1999/xhtml";
/// NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT: comments and the like are never copied.
const SHOW_ELEMENTS_AND_TEXT: u32 = 0x1 | 0x4;

/// Reads of DOM properties that the untrusted markup cannot shadow. In the parsed document a
/// `<form>`'s fields override the form's own properties of the same name, and named elements
/// override `document`'s (DOM clobbering: with `<form><input name=localName>`, `form.localName`
/// is an element). So the walker calls the prototypes' own getters, and moves through the tree
/// with a `TreeWalker`, whose steps no markup can redirect.
struct Unshadowed {
    local_name: Function,
    namespace_uri: Function,
    attributes: Function,
    text_content: Function,
    body: Function,
}

impl Unshadowed {
    fn new() -> Option<Unshadowed> {
        let global = js_sys::global();
        let getter = |interface: &str, property: &str| -> Option<Function> {
            let class = Reflect::get(&global, &JsValue::from_str(interface)).ok()?;
            let prototype: Object = Reflect::get(&class, &"prototype".into())
                .ok()?
                .dyn_into()
                .ok()?;
            let descriptor =
                Object::get_own_property_descriptor(&prototype, &JsValue::from_str(property));
            Reflect::get(&descriptor, &"get".into())
                .ok()?
                .dyn_into()
                .ok()
        };
        Some(Unshadowed {
            local_name: getter("Element", "localName")?,
            namespace_uri: getter("Element", "namespaceURI")?,
            attributes: getter("Element", "attributes")?,
            text_content: getter("Node", "textContent")?,
            body: getter("Document", "body")?,
        })
    }

    fn string(getter: &Function, target: &JsValue) -> Option<String> {
        getter.call0(target).ok()?.as_string()
    }
}

/// Where relative URLs in the article point to: the item's URL, else the feed's.
pub struct Cleaner<'a> {
    pub doc: &'a Document,
    pub base: &'a str,
}

struct Walk<'a, 'b> {
    cleaner: &'a Cleaner<'b>,
    reads: Unshadowed,
    walker: TreeWalker,
    /// Whether markup nested deeper than `sanitize::MAX_DEPTH` was flattened to its text.
    flattened: Cell<bool>,
}

impl Cleaner<'_> {
    pub fn html(&self, html: &str) -> DocumentFragment {
        let out = self.doc.create_document_fragment();
        let bounded = sanitize::bound_nesting(html);
        let html = bounded.as_deref().unwrap_or(html);
        let (Some(reads), Some(parsed)) = (
            Unshadowed::new(),
            DomParser::new()
                .and_then(|p| p.parse_from_string(html, SupportedType::TextHtml))
                .ok(),
        ) else {
            return out;
        };
        let Some(body) = reads
            .body
            .call0(&parsed)
            .ok()
            .and_then(|b| b.dyn_into::<Node>().ok())
        else {
            return out;
        };
        let Ok(walker) = parsed.create_tree_walker_with_what_to_show(&body, SHOW_ELEMENTS_AND_TEXT)
        else {
            return out;
        };
        let walk = Walk {
            cleaner: self,
            reads,
            walker,
            flattened: Cell::new(bounded.is_some()),
        };
        walk.copy_children(&body, &out, 0);
        if walk.flattened.get() {
            crate::dom::warn(
                &[
                    "article markup nested deeper than ",
                    &crate::decimal::decimal(sanitize::MAX_DEPTH as u64),
                    " levels was flattened to its text",
                ]
                .concat(),
            );
        }
        out
    }

    /// Plain `content_text`: blank lines separate paragraphs, single newlines are line breaks.
    pub fn text(&self, text: &str) -> DocumentFragment {
        let out = self.doc.create_document_fragment();
        let normalized = text.replace("\r\n", "\n");
        for paragraph in normalized
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
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
        self.doc
            .create_element(tag)
            .expect("allowlisted tag names are valid")
    }
}

impl Walk<'_, '_> {
    fn copy_children(&self, from: &Node, into: &Node, depth: usize) {
        self.walker.set_current_node(from);
        let mut next = self.walker.first_child().ok().flatten();
        while let Some(child) = next {
            if let Some(text) = child.dyn_ref::<Text>() {
                let value = Unshadowed::string(&self.reads.text_content, text).unwrap_or_default();
                let _ = into.append_child(&self.cleaner.doc.create_text_node(&value));
            } else if let Some(element) = child.dyn_ref::<Element>() {
                self.copy_element(element, into, depth);
            }
            // The recursion moved the walker: step on from this child.
            self.walker.set_current_node(&child);
            next = self.walker.next_sibling().ok().flatten();
        }
    }

    fn copy_element(&self, source: &Element, into: &Node, depth: usize) {
        // Foreign content (SVG, MathML) is where mutation XSS lives: none of it is copied.
        if Unshadowed::string(&self.reads.namespace_uri, source).as_deref() != Some(XHTML) {
            return;
        }
        let Some(name) = Unshadowed::string(&self.reads.local_name, source) else {
            return;
        };
        match sanitize::element_action(&name) {
            ElementAction::Drop => {}
            ElementAction::Unwrap => self.copy_children(source, into, depth + 1),
            ElementAction::Keep(tag) => {
                let copy = self.cleaner.element(tag);
                let Some(attributes) = self
                    .reads
                    .attributes
                    .call0(source)
                    .ok()
                    .and_then(|a| a.dyn_into().ok())
                else {
                    return;
                };
                if !self.cleaner.copy_attributes(&attributes, &copy, tag) {
                    return;
                }
                if depth >= sanitize::MAX_DEPTH {
                    // Absurd nesting is flattened to its text rather than walked further: the
                    // walk's recursion and the page's layout stay bounded whatever the depth.
                    self.flattened.set(true);
                    let text =
                        Unshadowed::string(&self.reads.text_content, source).unwrap_or_default();
                    copy.set_text_content(Some(&text));
                } else {
                    self.copy_children(source, &copy, depth + 1);
                }
                let _ = into.append_child(&copy);
            }
        }
    }
}

impl Cleaner<'_> {
    /// Copies the allowed attributes. Returns false when the element is useless without the
    /// one that was refused (an image without a safe `src`).
    fn copy_attributes(&self, attributes: &NamedNodeMap, copy: &Element, tag: &str) -> bool {
        let mut has_href = false;
        let mut has_src = false;
        for index in 0..attributes.length() {
            let Some(attr) = attributes.item(index) else {
                continue;
            };
            if attr.namespace_uri().is_some() {
                continue;
            }
            let name = attr.local_name();
            let Some(kind) = sanitize::attribute_kind(tag, &name) else {
                continue;
            };
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
    sanitize::check_url(&resolved.href(), use_)
        .ok()
        .map(|c| c.value)
}
