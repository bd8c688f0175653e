//! RSS 2.0/0.9x, RSS 1.0 (RDF) and Atom 1.0, read from a tree that the browser's XML parser
//! built: this module only walks it, element by namespace and local name, into raw items.

use super::json::{Alternate, RawAuthor, RawItem};
use super::text::html_to_text;
use super::FeedFormat;

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

/// What the walk found: the format, the channel, and one raw item per item element.
#[derive(Debug)]
pub struct XmlFeed {
    pub format: FeedFormat,
    pub channel: Channel,
    pub items: Vec<RawItem>,
}

/// Why an XML document is not a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAFeed {
    /// The root element's local name (`html` for a web page served at the feed's URL).
    pub root: String,
}

const ATOM: &[&str] = &[
    "http://www.w3.org/2005/Atom",
    // Seen in real feeds: a hand-written `https`, and Atom 0.3.
    "https://www.w3.org/2005/Atom",
    "http://purl.org/atom/ns#",
];
const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const XML: &str = "http://www.w3.org/XML/1998/namespace";
const DC: &[&str] = &[
    "http://purl.org/dc/elements/1.1/",
    "http://purl.org/dc/terms/",
];
const CONTENT: &str = "http://purl.org/rss/1.0/modules/content/";
const MEDIA: &[&str] = &[
    "http://search.yahoo.com/mrss/",
    "http://search.yahoo.com/mrss",
];
/// Namespaces of modules whose elements must not be taken for RSS's own `title` or `link`.
const MODULES: &[&str] = &[
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://purl.org/dc/terms/",
    "http://purl.org/rss/1.0/modules/content/",
    "http://search.yahoo.com/mrss/",
    "http://search.yahoo.com/mrss",
    "http://www.w3.org/2005/Atom",
    "https://www.w3.org/2005/Atom",
    "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "http://www.w3.org/1999/xhtml",
];

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
    let ns = ns.as_str();
    if ATOM.contains(&ns) {
        Ns::Atom
    } else if ns == RDF {
        Ns::Rdf
    } else if DC.contains(&ns) {
        Ns::Dc
    } else if ns == CONTENT {
        Ns::Content
    } else if MEDIA.contains(&ns) {
        Ns::Media
    } else if MODULES.contains(&ns) {
        Ns::Module
    } else {
        Ns::Core
    }
}

fn is<E: XmlElement>(el: &E, ns: Ns, name: &str) -> bool {
    ns_of(el) == ns && el.local_name() == name
}

fn child<E: XmlElement>(el: &E, ns: Ns, name: &str) -> Option<E> {
    el.children().into_iter().find(|c| is(c, ns, name))
}

/// Trimmed text of the first such child; blank counts as absent.
fn child_text<E: XmlElement>(el: &E, ns: Ns, name: &str) -> Option<String> {
    el.children()
        .iter()
        .filter(|c| is(*c, ns, name))
        .find_map(|c| present(c.text()))
}

fn present(s: String) -> Option<String> {
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
    let base = rebase(root, feed_url, resolve);
    match (ns_of(root), root.local_name().as_str()) {
        (Ns::Atom, "feed") => Ok(read_atom(root, &base, resolve)),
        (Ns::Rdf, "RDF") => Ok(read_rss(root, FeedFormat::Rss1, &base, resolve)),
        (Ns::Core, "rss") => {
            let old = root
                .attribute("version")
                .is_some_and(|v| v.trim().starts_with("0.9"));
            let format = if old {
                FeedFormat::Rss09
            } else {
                FeedFormat::Rss2
            };
            Ok(read_rss(root, format, &base, resolve))
        }
        // A bare `<channel>`, as some portals serve it.
        (Ns::Core, "channel") => Ok(read_rss(root, FeedFormat::Rss2, &base, resolve)),
        (_, name) => Err(NotAFeed {
            root: name.to_owned(),
        }),
    }
}

/// The base URL inside `el`: its `xml:base` resolved against the base outside it.
fn rebase<E: XmlElement>(el: &E, outer: &str, resolve: Resolve) -> Base {
    match el
        .attribute_in(XML, "base")
        .and_then(|b| resolve(b.trim(), outer))
    {
        Some(url) => Base {
            url,
            explicit: true,
        },
        None => Base {
            url: outer.to_owned(),
            explicit: false,
        },
    }
}

#[derive(Clone)]
struct Base {
    url: String,
    /// Set by an `xml:base` (otherwise it is the feed's URL).
    explicit: bool,
}

impl Base {
    fn within<E: XmlElement>(&self, el: &E, resolve: Resolve) -> Base {
        let inner = rebase(el, &self.url, resolve);
        Base {
            explicit: self.explicit || inner.explicit,
            ..inner
        }
    }
}

// ---------------------------------------------------------------------------------------------
// RSS 2.0, 0.9x and 1.0.

fn read_rss<E: XmlElement>(root: &E, format: FeedFormat, base: &Base, resolve: Resolve) -> XmlFeed {
    let channel_el = if is(root, Ns::Core, "channel") {
        None
    } else {
        child(root, Ns::Core, "channel")
    };
    let channel = channel_el.as_ref().map_or_else(Channel::default, |c| {
        let base = base.within(c, resolve);
        Channel {
            title: child_text(c, Ns::Core, "title").map(|t| html_to_text(&t)),
            home_page_url: child_text(c, Ns::Core, "link").and_then(|l| resolve(&l, &base.url)),
            language: child_text(c, Ns::Core, "language")
                .or_else(|| child_text(c, Ns::Dc, "language"))
                .or_else(|| c.attribute_in(XML, "lang")),
            source: child_text(c, Ns::Dc, "publisher")
                .or_else(|| child_text(c, Ns::Dc, "creator"))
                .or_else(|| child_text(c, Ns::Core, "title").map(|t| html_to_text(&t))),
        }
    });
    let mut elements = Vec::new();
    collect(root, Ns::Core, "item", &mut elements);
    let items = elements
        .iter()
        .map(|(el, outer)| {
            let base = base.within(outer, resolve);
            rss_item(el, &base.within(el, resolve), resolve)
        })
        .collect();
    XmlFeed {
        format,
        channel,
        items,
    }
}

/// Every element named `ns:name` under `el`, with the element it sits in (for `xml:base`),
/// including ones wrongly nested inside another (a CMS that forgot to close an `<item>`).
fn collect<E: XmlElement>(el: &E, ns: Ns, name: &str, found: &mut Vec<(E, E)>) {
    for c in el.children() {
        if is(&c, ns, name) {
            found.push((c.clone(), el.clone()));
        }
        collect(&c, ns, name, found);
    }
}

fn rss_item<E: XmlElement>(el: &E, base: &Base, resolve: Resolve) -> RawItem {
    let link = child_text(el, Ns::Core, "link")
        .or_else(|| atom_link(el, "alternate"))
        .or_else(|| {
            let guid = child(el, Ns::Core, "guid")?;
            let permalink = guid
                .attribute("isPermaLink")
                .map_or(true, |p| p.trim() != "false");
            let text = present(guid.text())?;
            (permalink && text.contains("://")).then_some(text)
        })
        .and_then(|l| resolve(&l, &base.url));
    // RSS 1.0 names each item by `rdf:about`.
    let about = el.attribute_in(RDF, "about").and_then(present);
    let id = child_text(el, Ns::Core, "guid").or(about);
    let encoded = child_text(el, Ns::Content, "encoded");
    let description = child_text(el, Ns::Core, "description");
    let (body, summary) = match encoded {
        Some(body) => (Some(body), description.map(|d| html_to_text(&d))),
        None => (description, None),
    };
    let source = child_text(el, Ns::Core, "source")
        .or_else(|| child_text(el, Ns::Dc, "creator"))
        .or_else(|| child_text(el, Ns::Core, "author").and_then(|a| author_name(&a)));
    let image = rss_image(el)
        .or_else(|| child(el, Ns::Media, "group").and_then(|g| media_image(&g)))
        .and_then(|i| resolve(&i, &base.url));
    let body_base = body_base(base, link.as_deref());
    RawItem {
        id,
        url: link,
        title: child_text(el, Ns::Core, "title"),
        summary,
        content_html: body,
        image,
        date_published: child_text(el, Ns::Core, "pubDate")
            .or_else(|| child_text(el, Ns::Dc, "date"))
            .or_else(|| child_text(el, Ns::Atom, "published")),
        date_modified: child_text(el, Ns::Dc, "modified")
            .or_else(|| child_text(el, Ns::Atom, "updated")),
        authors: source.map(|name| vec![RawAuthor { name: Some(name) }]),
        language: child_text(el, Ns::Dc, "language").or_else(|| el.attribute_in(XML, "lang")),
        alternates: alternates(el, base, resolve),
        base: body_base,
        ..RawItem::default()
    }
}

/// The base for relative URLs in a body: an `xml:base` where the feed set one, else the item's
/// own page (its body was written for that page), else the feed's URL.
fn body_base(base: &Base, link: Option<&str>) -> Option<String> {
    match link {
        Some(link) if !base.explicit => Some(link.to_owned()),
        _ => Some(base.url.clone()),
    }
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

fn is_image_type(t: &str) -> bool {
    t.trim().to_ascii_lowercase().starts_with("image/")
}

fn looks_like_image(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let ext = path.rsplit('.').next().unwrap_or_default();
    ["jpg", "jpeg", "png", "gif", "webp", "avif", "svg"]
        .iter()
        .any(|e| ext.eq_ignore_ascii_case(e))
}

fn rss_image<E: XmlElement>(el: &E) -> Option<String> {
    let enclosure = el
        .children()
        .into_iter()
        .filter(|c| is(c, Ns::Core, "enclosure"))
        .find_map(|c| {
            let url = c.attribute("url").and_then(present)?;
            match c.attribute("type") {
                Some(t) if is_image_type(&t) => Some(url),
                Some(_) => None,
                None => looks_like_image(&url).then_some(url),
            }
        });
    enclosure.or_else(|| media_image(el))
}

/// `media:thumbnail`, else an image `media:content`, directly in `el`.
fn media_image<E: XmlElement>(el: &E) -> Option<String> {
    let children = el.children();
    let media = || children.iter().filter(|c| ns_of(*c) == Ns::Media);
    media()
        .filter(|c| c.local_name() == "thumbnail")
        .find_map(|c| c.attribute("url").and_then(present))
        .or_else(|| {
            media()
                .filter(|c| c.local_name() == "content")
                .find_map(|c| {
                    let url = c.attribute("url").and_then(present)?;
                    let medium = c.attribute("medium");
                    let image = match (medium.as_deref(), c.attribute("type")) {
                        (Some(m), _) => m.trim() == "image",
                        (None, Some(t)) => is_image_type(&t),
                        (None, None) => looks_like_image(&url),
                    };
                    image.then_some(url)
                })
        })
        .or_else(|| {
            media()
                .find(|c| c.local_name() == "group")
                .and_then(|g| media_image(g))
        })
}

/// The `href` of the first Atom `link` with this `rel` (no `rel` means `alternate`) and no
/// `hreflang` of another language.
fn atom_link<E: XmlElement>(el: &E, rel: &str) -> Option<String> {
    el.children()
        .into_iter()
        .filter(|c| is(c, Ns::Atom, "link"))
        .filter(|c| c.attribute("rel").as_deref().unwrap_or("alternate").trim() == rel)
        .filter(|c| c.attribute("hreflang").is_none())
        .find_map(|c| c.attribute("href").and_then(present))
}

/// `link rel="alternate" hreflang`: the same article in other languages (pairing, CONTRACT §4).
fn alternates<E: XmlElement>(el: &E, base: &Base, resolve: Resolve) -> Vec<Alternate> {
    el.children()
        .into_iter()
        .filter(|c| is(c, Ns::Atom, "link"))
        .filter(|c| c.attribute("rel").as_deref().unwrap_or("alternate").trim() == "alternate")
        .filter_map(|c| {
            Some(Alternate {
                lang: c.attribute("hreflang").and_then(present)?,
                url: resolve(c.attribute("href").and_then(present)?.as_str(), &base.url)?,
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Atom 1.0.

fn read_atom<E: XmlElement>(root: &E, base: &Base, resolve: Resolve) -> XmlFeed {
    let channel = Channel {
        title: text_construct(root, "title").map(|(t, _)| html_to_text(&t)),
        home_page_url: atom_link(root, "alternate").and_then(|l| resolve(&l, &base.url)),
        language: root.attribute_in(XML, "lang").and_then(present),
        source: child(root, Ns::Atom, "author")
            .and_then(|a| child_text(&a, Ns::Atom, "name"))
            .or_else(|| text_construct(root, "title").map(|(t, _)| html_to_text(&t))),
    };
    let mut elements = Vec::new();
    collect(root, Ns::Atom, "entry", &mut elements);
    let items = elements
        .iter()
        .map(|(el, outer)| {
            let base = base.within(outer, resolve);
            atom_entry(el, &base.within(el, resolve), resolve)
        })
        .collect();
    XmlFeed {
        format: FeedFormat::Atom,
        channel,
        items,
    }
}

/// How an Atom text construct carries its text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TextKind {
    Text,
    Html,
}

/// An Atom text construct (`title`, `summary`, `content`) as text or HTML, by its `type`.
fn text_construct<E: XmlElement>(el: &E, name: &str) -> Option<(String, TextKind)> {
    let c = child(el, Ns::Atom, name)?;
    let kind = c.attribute("type").unwrap_or_default();
    match kind.trim() {
        "xhtml" => {
            // The content is one XHTML `div`, whose own tag is not part of it.
            let markup = match c.children().into_iter().next() {
                Some(div) if div.local_name() == "div" => div.inner_markup(),
                _ => c.inner_markup(),
            };
            present(markup).map(|m| (m, TextKind::Html))
        }
        "html" | "text/html" => present(c.text()).map(|t| (t, TextKind::Html)),
        _ => present(c.text()).map(|t| (t, TextKind::Text)),
    }
}

fn atom_entry<E: XmlElement>(el: &E, base: &Base, resolve: Resolve) -> RawItem {
    let link = atom_link(el, "alternate").and_then(|l| resolve(&l, &base.url));
    let (content_html, content_text) = match text_construct(el, "content") {
        Some((t, TextKind::Html)) => (Some(t), None),
        Some((t, TextKind::Text)) => (None, Some(t)),
        None => (None, None),
    };
    let summary = text_construct(el, "summary").map(|(t, kind)| match kind {
        TextKind::Html => html_to_text(&t),
        TextKind::Text => t,
    });
    // Without content, the summary is all the body there is.
    let (summary, content_html, content_text) = match (content_html, content_text, summary) {
        (None, None, Some(s)) => (None, None, Some(s)),
        (h, t, s) => (s, h, t),
    };
    let content_base = child(el, Ns::Atom, "content").map(|c| base.within(&c, resolve));
    let image = el
        .children()
        .into_iter()
        .filter(|c| is(c, Ns::Atom, "link"))
        .filter(|c| c.attribute("rel").as_deref().map(str::trim) == Some("enclosure"))
        .find(|c| c.attribute("type").is_some_and(|t| is_image_type(&t)))
        .and_then(|c| c.attribute("href").and_then(present))
        .or_else(|| media_image(el))
        .and_then(|i| resolve(&i, &base.url));
    let published =
        child_text(el, Ns::Atom, "published").or_else(|| child_text(el, Ns::Atom, "issued"));
    let has_published = published.is_some();
    let updated =
        child_text(el, Ns::Atom, "updated").or_else(|| child_text(el, Ns::Atom, "modified"));
    RawItem {
        id: child_text(el, Ns::Atom, "id"),
        title: text_construct(el, "title").map(|(t, _)| t),
        summary,
        content_html,
        content_text,
        image,
        date_published: published.or_else(|| updated.clone()),
        // "Updated" only says something next to a separate publication date.
        date_modified: updated.filter(|_| has_published),
        authors: child(el, Ns::Atom, "author")
            .and_then(|a| child_text(&a, Ns::Atom, "name"))
            .map(|name| vec![RawAuthor { name: Some(name) }]),
        language: el.attribute_in(XML, "lang").and_then(present),
        alternates: alternates(el, base, resolve),
        base: body_base(content_base.as_ref().unwrap_or(base), link.as_deref()),
        url: link,
        ..RawItem::default()
    }
}
