//! RSS 2.0/0.9x, RSS 1.0 (RDF) and Atom 1.0, read from a tree that the browser's XML parser
//! built: this module only walks it, element by namespace and local name, into raw items.

mod media;

use std::rc::Rc;

use super::json::{Alternate, RawAuthor, RawItem};
use super::legacy::base64_text;
use super::text::html_to_text;
use super::{FeedFormat, FeedNote};
use media::{is_image_type, looks_like_image, media_image};

/// The element API the walker needs. The DOM layer implements it over `web_sys::Element`; the
/// native tests implement it over a parsed fixture.
pub trait XmlElement: Sized + Clone {
    fn namespace(&self) -> Option<String>;
    fn local_name(&self) -> String;
    /// An attribute in no namespace.
    fn attribute(&self, name: &str) -> Option<String>;
    /// An attribute in a namespace (`xml:base`, `rdf:about`).
    fn attribute_in(&self, namespace: &str, local_name: &str) -> Option<String>;
    /// Element children, in document order.
    fn children(&self) -> Vec<Self>;
    /// All text inside, CDATA included.
    fn text(&self) -> String;
    /// The children serialized as markup (Atom `type="xhtml"` content).
    fn inner_markup(&self) -> String;
}

/// Resolves a possibly relative URL against an absolute base (the browser's `URL` in the DOM
/// layer); `None` when it cannot be made absolute.
pub type Resolve<'a> = &'a dyn Fn(&str, &str) -> Option<String>;

/// A feed's channel-level facts, whatever the format spelled them as.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Channel {
    pub title: Option<String>,
    pub home_page_url: Option<String>,
    pub language: Option<String>,
    /// Who publishes, for items that name nobody.
    pub source: Option<String>,
}

/// What the walk found: the format, the channel, one raw item per item element, and the
/// repairs of the feed's shape.
#[derive(Debug)]
pub struct XmlFeed {
    pub format: FeedFormat,
    pub channel: Channel,
    pub items: Vec<RawItem>,
    pub notes: Vec<FeedNote>,
}

/// Why an XML document is not a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAFeed {
    /// The root element's local name (`html` for a web page served at the feed's URL).
    pub root: String,
}

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const XML: &str = "http://www.w3.org/XML/1998/namespace";

/// How an element's namespace counts for matching.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ns {
    /// RSS's own elements: no namespace, RSS 1.0's or 0.90's, or a default namespace some CMS
    /// put on `<rss>`. Anything that is not a known module.
    Core,
    Atom,
    Rdf,
    Dc,
    Content,
    Media,
    Module,
}

fn ns_of<E: XmlElement>(el: &E) -> Ns {
    let Some(ns) = el.namespace() else {
        return Ns::Core;
    };
    match ns.as_str() {
        // Seen in real feeds beside the right one: a hand-written `https`, and Atom 0.3.
        "http://www.w3.org/2005/Atom"
        | "https://www.w3.org/2005/Atom"
        | "http://purl.org/atom/ns#" => Ns::Atom,
        RDF => Ns::Rdf,
        "http://purl.org/dc/elements/1.1/" | "http://purl.org/dc/terms/" => Ns::Dc,
        "http://purl.org/rss/1.0/modules/content/" => Ns::Content,
        "http://search.yahoo.com/mrss/" | "http://search.yahoo.com/mrss" => Ns::Media,
        // Modules whose elements must not be taken for RSS's own `title` or `link`.
        "http://www.itunes.com/dtds/podcast-1.0.dtd" | "http://www.w3.org/1999/xhtml" => Ns::Module,
        _ => Ns::Core,
    }
}

pub(super) fn present(s: String) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// Walks a parsed XML document into raw items. `feed_url` is the absolute URL the feed came
/// from, the last base for relative URLs.
pub fn read_xml_feed<E: XmlElement>(
    root: &E,
    feed_url: &str,
    resolve: Resolve,
) -> Result<XmlFeed, NotAFeed> {
    let outer = Base {
        url: feed_url.to_owned(),
        explicit: false,
    };
    let name = root.local_name();
    let format = match (ns_of(root), name.as_str()) {
        (Ns::Atom, "feed") => FeedFormat::Atom,
        // Atom without its namespace, as feed readers read it: its bare elements are Atom's.
        (Ns::Core, "feed") if root.namespace().is_none() => FeedFormat::Atom,
        (Ns::Rdf, "RDF") => FeedFormat::Rss1,
        (Ns::Core, "rss")
            if root
                .attribute("version")
                .is_some_and(|v| v.trim().starts_with("0.9")) =>
        {
            FeedFormat::Rss09
        }
        // A bare `<channel>`, as some portals serve it, reads as RSS 2.0.
        (Ns::Core, "rss" | "channel") => FeedFormat::Rss2,
        _ => return Err(NotAFeed { root: name }),
    };
    let cx = Cx {
        resolve,
        bare_atom: format == FeedFormat::Atom && root.namespace().is_none(),
    };
    let mut feed = XmlFeed {
        format,
        channel: Channel::default(),
        items: Vec::new(),
        notes: Vec::new(),
    };
    if cx.bare_atom {
        feed.notes.push(FeedNote::AtomWithoutNamespace);
    }
    walk(root, &outer, &cx, &mut feed);
    Ok(feed)
}

/// What every element is read with.
struct Cx<'a> {
    resolve: Resolve<'a>,
    /// A namespace-less Atom feed: elements without a namespace are Atom's.
    bare_atom: bool,
}

impl Cx<'_> {
    fn ns<E: XmlElement>(&self, el: &E) -> Ns {
        match ns_of(el) {
            Ns::Core if self.bare_atom && el.namespace().is_none() => Ns::Atom,
            ns => ns,
        }
    }
}

#[derive(Clone)]
struct Base {
    url: String,
    /// Set by an `xml:base` (otherwise it is the feed's URL).
    explicit: bool,
}

impl Base {
    /// The base inside `el`: its `xml:base` resolved against this one.
    fn within<E: XmlElement>(&self, el: &E, resolve: Resolve) -> Base {
        self.set_by(el, resolve).unwrap_or_else(|| self.clone())
    }

    /// The base `el`'s own `xml:base` sets, if it sets one.
    fn set_by<E: XmlElement>(&self, el: &E, resolve: Resolve) -> Option<Base> {
        let url = resolve(el.attribute_in(XML, "base")?.trim(), &self.url)?;
        Some(Base {
            url,
            explicit: true,
        })
    }
}

/// Reads `root` as the channel (or Atom feed) and every item or entry under it, wherever it is:
/// beside the channel (RSS 1.0), after it, or wrongly nested in another item. Depth first in
/// document order, with a stack of its own rather than a call per level: a publisher's feed
/// nested 100,000 levels deep costs memory in proportion to its size, never the call stack.
fn walk<E: XmlElement>(root: &E, outer: &Base, cx: &Cx, feed: &mut XmlFeed) {
    // Each pending element with the base of its parent, shared by all siblings.
    let mut pending = vec![(root.clone(), Rc::new(outer.clone()))];
    while let Some((el, outer)) = pending.pop() {
        let base = match outer.set_by(&el, cx.resolve) {
            Some(own) => Rc::new(own),
            None => outer,
        };
        let children = el.children();
        let name = el.local_name();
        match (cx.ns(&el), name.as_str()) {
            (Ns::Core, "item") | (Ns::Atom, "entry") => {
                feed.items.push(read_item(&el, &children, &base, cx));
            }
            (Ns::Core, "channel") | (Ns::Atom, "feed") => {
                read_channel(&el, &children, &base, cx, &mut feed.channel);
            }
            _ => {}
        }
        // Reversed, so that the first child is the next popped.
        pending.extend(children.into_iter().rev().map(|c| (c, Rc::clone(&base))));
    }
}

fn read_channel<E: XmlElement>(
    el: &E,
    children: &[E],
    base: &Base,
    cx: &Cx,
    channel: &mut Channel,
) {
    let resolve = cx.resolve;
    let mut publisher = None;
    for c in children {
        let name = c.local_name();
        match (cx.ns(c), name.as_str()) {
            (Ns::Core | Ns::Atom, "title") => {
                channel.title = present(c.text()).map(|t| html_to_text(&t))
            }
            (Ns::Core, "link") => {
                channel.home_page_url = present(c.text()).and_then(|l| resolve(&l, &base.url))
            }
            (Ns::Atom, "link") if link_rel(c) == "alternate" => {
                channel.home_page_url = c
                    .attribute("href")
                    .and_then(present)
                    .and_then(|l| resolve(&l, &base.url))
            }
            (Ns::Core | Ns::Dc, "language") => channel.language = present(c.text()),
            (Ns::Dc, "publisher" | "creator") => publisher = publisher.or(present(c.text())),
            (Ns::Atom, "author") => publisher = publisher.or(author_of(c)),
            _ => {}
        }
    }
    channel.language = channel
        .language
        .take()
        .or_else(|| el.attribute_in(XML, "lang").and_then(present));
    // Who publishes: a named publisher, else the channel's own title, as feed readers show it.
    channel.source = publisher.or_else(|| channel.title.clone());
}

/// An Atom `link`'s relation; no `rel` means `alternate`.
fn link_rel<E: XmlElement>(link: &E) -> String {
    link.attribute("rel")
        .map_or_else(|| "alternate".to_owned(), |r| r.trim().to_owned())
}

fn author_of<E: XmlElement>(author: &E) -> Option<String> {
    author
        .children()
        .iter()
        .find(|c| c.local_name() == "name")
        .and_then(|c| present(c.text()))
}

/// RSS `author` is an e-mail address with an optional name: `mail@example.org (Jane Doe)`.
fn author_name(author: &str) -> Option<String> {
    if let (Some(open), Some(close)) = (author.find('('), author.rfind(')')) {
        if open < close {
            return present(author[open + 1..close].to_owned());
        }
    }
    // A bare address is no name to show a reader.
    (!author.contains('@')).then(|| author.to_owned())
}

/// How an Atom text construct carries its text (RSS elements have no `type`: text).
#[derive(Clone, Copy, PartialEq, Eq)]
enum TextKind {
    Text,
    Html,
}

/// An Atom text construct (`title`, `summary`, `content`) as text or HTML, by its `type`.
/// Atom 0.3's `mode="base64"` is decoded first.
fn text_construct<E: XmlElement>(c: &E) -> Option<(String, TextKind)> {
    let kind = match c.attribute("type").as_deref().map(str::trim) {
        Some("html" | "text/html") => TextKind::Html,
        _ => TextKind::Text,
    };
    if c.attribute("mode").is_some_and(|m| m.trim() == "base64") {
        return base64_text(&c.text()).and_then(present).map(|t| (t, kind));
    }
    match c.attribute("type").as_deref().map(str::trim) {
        Some("xhtml") => {
            // The content is one XHTML `div`, whose own tag is not part of it.
            let children = c.children();
            let markup = match children.first() {
                Some(div) if div.local_name() == "div" => div.inner_markup(),
                _ => c.inner_markup(),
            };
            present(markup).map(|m| (m, TextKind::Html))
        }
        Some("html" | "text/html") => present(c.text()).map(|t| (t, TextKind::Html)),
        _ => present(c.text()).map(|t| (t, TextKind::Text)),
    }
}

/// One RSS item or Atom entry, read in one pass over its children. Where a field appears
/// twice, the first wins.
fn read_item<E: XmlElement>(el: &E, children: &[E], base: &Base, cx: &Cx) -> RawItem {
    let resolve = cx.resolve;
    let mut item = RawItem::default();
    let (mut link, mut guid_link, mut description, mut encoded) = (None, None, None, None);
    let (mut content, mut summary, mut content_base) = (None, None, None);
    let (mut image, mut media, mut updated, mut source, mut creator) =
        (None, None, None, None, None);
    // Dublin Core stands in for RSS's own title and description, as feed readers read it.
    let (mut dc_title, mut dc_description) = (None, None);
    let set = |slot: &mut Option<String>, value: Option<String>| {
        if slot.is_none() {
            *slot = value;
        }
    };
    for c in children {
        let name = c.local_name();
        match (cx.ns(c), name.as_str()) {
            (Ns::Core, "title") => set(&mut item.title, present(c.text())),
            (Ns::Atom, "title") => set(&mut item.title, text_construct(c).map(|(t, _)| t)),
            (Ns::Core, "link") => set(&mut link, present(c.text())),
            (Ns::Atom, "link") => {
                let href = c.attribute("href").and_then(present);
                match (
                    link_rel(c).as_str(),
                    c.attribute("hreflang").and_then(present),
                ) {
                    ("alternate", Some(lang)) => {
                        if let Some(url) = href.and_then(|h| resolve(&h, &base.url)) {
                            item.alternates.push(Alternate { lang, url });
                        }
                    }
                    ("alternate", None) => set(&mut link, href),
                    ("enclosure", _) if c.attribute("type").is_some_and(|t| is_image_type(&t)) => {
                        set(&mut image, href)
                    }
                    _ => {}
                }
            }
            (Ns::Core, "guid") => {
                let permalink = c
                    .attribute("isPermaLink")
                    .map_or(true, |p| p.trim() != "false");
                let text = present(c.text());
                if permalink && text.as_deref().is_some_and(|t| t.contains("://")) {
                    set(&mut guid_link, text.clone());
                }
                set(&mut item.id, text);
            }
            (Ns::Atom, "id") => set(&mut item.id, present(c.text())),
            (Ns::Core, "description") => set(&mut description, present(c.text())),
            (Ns::Dc, "title") => set(&mut dc_title, present(c.text())),
            (Ns::Dc, "description") => set(&mut dc_description, present(c.text())),
            (Ns::Content, "encoded") => set(&mut encoded, present(c.text())),
            (Ns::Atom, "content") => {
                content_base = Some(base.within(c, resolve));
                content = content.or(text_construct(c));
            }
            (Ns::Atom, "summary") => summary = summary.or(text_construct(c)),
            (Ns::Core, "pubDate") | (Ns::Dc, "date") | (Ns::Atom, "published" | "issued") => {
                set(&mut item.date_published, present(c.text()))
            }
            (Ns::Atom, "updated" | "modified") | (Ns::Dc, "modified") => {
                set(&mut updated, present(c.text()))
            }
            (Ns::Core, "source") => set(&mut source, present(c.text())),
            (Ns::Dc, "creator") => set(&mut creator, present(c.text())),
            (Ns::Core, "author") => set(
                &mut creator,
                present(c.text()).and_then(|a| author_name(&a)),
            ),
            (Ns::Atom, "author") => set(&mut creator, author_of(c)),
            (Ns::Dc, "language") => set(&mut item.language, present(c.text())),
            (Ns::Core, "enclosure") => {
                let url = c.attribute("url").and_then(present);
                let image_type = match c.attribute("type") {
                    Some(t) => is_image_type(&t),
                    None => url.as_deref().is_some_and(looks_like_image),
                };
                if image_type {
                    set(&mut image, url);
                }
            }
            (Ns::Media, _) => set(&mut media, media_image(c)),
            _ => {}
        }
    }

    // Atom: content is the body; without it the summary is all the body there is.
    match (content, summary) {
        (Some((text, kind)), summary) => {
            item.summary = summary.map(|(s, k)| plain(s, k));
            match kind {
                TextKind::Html => item.content_html = Some(text),
                TextKind::Text => item.content_text = Some(text),
            }
        }
        (None, Some((text, TextKind::Html))) => item.content_html = Some(text),
        (None, Some((text, TextKind::Text))) => item.content_text = Some(text),
        (None, None) => {}
    }
    item.title = item.title.or(dc_title);
    // RSS: content:encoded is the body and the description its summary; else the description
    // is the body.
    match (encoded, description.or(dc_description)) {
        (Some(body), summary) => {
            item.content_html = Some(body);
            item.summary = summary.map(|d| html_to_text(&d));
        }
        (None, Some(body)) => item.content_html = Some(body),
        (None, None) => {}
    }

    // RSS 1.0 names each item by `rdf:about`; Atom and RSS may mark the language on the item.
    item.id = item
        .id
        .or_else(|| el.attribute_in(RDF, "about").and_then(present));
    item.language = item
        .language
        .or_else(|| el.attribute_in(XML, "lang").and_then(present));
    let url = link.or(guid_link).and_then(|l| resolve(&l, &base.url));
    item.image = image.or(media).and_then(|i| resolve(&i, &base.url));
    // "Updated" only says something next to a separate publication date.
    match item.date_published {
        Some(_) => item.date_modified = updated,
        None => item.date_published = updated,
    }
    if let Some(name) = source.or(creator) {
        item.authors = Some(vec![RawAuthor { name: Some(name) }]);
    }
    // The base for relative URLs in the body: an `xml:base` where the feed set one, else the
    // item's own page (its body was written for that page), else the feed's URL.
    let body_base = content_base.unwrap_or_else(|| base.clone());
    item.base = Some(match (&url, body_base.explicit) {
        // A web page only: a `javascript:` link (refused when shown) made every relative URL
        // of the body one too, and the sanitizer dropped them all.
        (Some(page), false) if is_web_page(page) => page.clone(),
        _ => body_base.url,
    });
    item.url = url;
    item
}

fn is_web_page(url: &str) -> bool {
    let scheme = url.split_once(':').map_or("", |(scheme, _)| scheme);
    scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")
}

fn plain(text: String, kind: TextKind) -> String {
    match kind {
        TextKind::Html => html_to_text(&text),
        TextKind::Text => text,
    }
}
