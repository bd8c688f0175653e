//! The article of an existing page as the reader toolbar prints it (and shows it in print
//! preview): the target's content rebuilt by the sanitizing walker (so no script, handler or
//! style of the page comes along), headed by the page's title and date and followed by its
//! address, in the classes of `print.css` (the widget's print layout). Made in the page's module
//! where it has the walker (a page with widgets too), else in the print module
//! (`dom/print_copy.rs`), which gets the labels in the toolbar's words. The page's heading is
//! also the first thing the toolbar reads aloud.

use web_sys::{Document, Element, Node};
#[cfg(any(feature = "widget", feature = "print"))]
use {super::clean::Cleaner, super::intl::DateFormatter, super::node::El, crate::feed::Timestamp};

/// What heads the printed article, read from the page.
#[cfg(any(feature = "widget", feature = "print"))]
pub struct PageFacts {
    /// The page's `<h1>` (the one in the article, else the last before it), else `<title>`.
    pub title: String,
    /// Whether that `<h1>` is inside the article, which then prints it with the body.
    pub title_in_article: bool,
    pub date: Option<Timestamp>,
    /// The page's address without its fragment.
    pub url: String,
}

#[cfg(any(feature = "widget", feature = "print"))]
impl PageFacts {
    pub fn read(doc: &Document, target: &Element) -> PageFacts {
        let (title, title_in_article) = match heading(doc, target) {
            Some((h1, inside)) => (text_of(&h1), inside),
            None => (doc.title().trim().to_string(), false),
        };
        let url = doc.url().unwrap_or_default();
        let url = url.split('#').next().unwrap_or_default().to_string();
        PageFacts {
            title,
            title_in_article,
            date: date(doc, target),
            url,
        }
    }
}

/// The `<h1>` that titles the article: one inside it, else the last one before it (a site's
/// logo is often an `<h1>` too, but it comes first).
pub(crate) fn heading(doc: &Document, target: &Element) -> Option<(Element, bool)> {
    if let Ok(Some(inside)) = target.query_selector("h1") {
        return Some((inside, true));
    }
    let all = doc.query_selector_all("h1").ok()?;
    let mut before = None;
    for index in 0..all.length() {
        let Some(h1) = all.item(index) else { continue };
        if target.compare_document_position(&h1) & Node::DOCUMENT_POSITION_PRECEDING != 0 {
            before = Some(h1);
        }
    }
    let h1: Element = wasm_bindgen::JsCast::dyn_into(before?).ok()?;
    (!text_of(&h1).is_empty()).then_some((h1, false))
}

/// The date the page marks: a `<time datetime>` in the article, else the last one before it
/// (the "Updated: 2024-05-28" line a reader sees above the article), else
/// `<meta property="article:published_time">`.
#[cfg(any(feature = "widget", feature = "print"))]
fn date(doc: &Document, target: &Element) -> Option<Timestamp> {
    let datetime = |el: Element| el.get_attribute("datetime");
    let inside = target
        .query_selector("time[datetime]")
        .ok()
        .flatten()
        .and_then(datetime);
    let meta = || {
        doc.query_selector("meta[property=\"article:published_time\"][content]")
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
    };
    let before = || {
        let all = doc.query_selector_all("time[datetime]").ok()?;
        let mut last = None;
        for index in 0..all.length() {
            let Some(time) = all.item(index) else {
                continue;
            };
            if target.compare_document_position(&time) & Node::DOCUMENT_POSITION_PRECEDING != 0 {
                last = Some(time);
            }
        }
        let time: Element = wasm_bindgen::JsCast::dyn_into(last?).ok()?;
        datetime(time)
    };
    [inside, before(), meta()]
        .into_iter()
        .flatten()
        .find_map(|value| Timestamp::parse(&value))
}

/// The element's text with its white space folded, as a title reads.
fn text_of(el: &Element) -> String {
    crate::feed::collapse_whitespace(&el.text_content().unwrap_or_default())
}

/// A label of the printed article in the toolbar's words: its text, and the language of the
/// locale that answered where it is not the toolbar's (a message's fallback).
pub struct Label {
    pub text: String,
    pub lang: Option<String>,
}

/// What the printed article says in the toolbar's language, which the print module has no
/// messages for: the language's tag (for the date, and as the labels' `lang`), "Date:" and
/// "Original article:".
pub struct CopyWords {
    pub ui_lang: String,
    pub date: Label,
    pub source: Label,
}

/// The words as they cross to the print module: five strings, the language's tag, then each
/// label's text and its language (empty: the toolbar's).
#[cfg(all(feature = "toolbar", not(feature = "widget")))]
impl CopyWords {
    pub fn to_js(&self) -> js_sys::Array {
        let words = js_sys::Array::of1(&self.ui_lang.as_str().into());
        for label in [&self.date, &self.source] {
            words.push(&label.text.as_str().into());
            words.push(&label.lang.as_deref().unwrap_or_default().into());
        }
        words
    }
}

#[cfg(feature = "print")]
impl CopyWords {
    /// Missing or other values read as empty text: a copy with blank labels rather than none.
    pub fn from_js(words: &js_sys::Array) -> CopyWords {
        let at = |index| words.get(index).as_string().unwrap_or_default();
        let label = |index| Label {
            text: at(index),
            lang: Some(at(index + 1)).filter(|lang| !lang.is_empty()),
        };
        CopyWords {
            ui_lang: at(0),
            date: label(1),
            source: label(3),
        }
    }
}

/// The printed article of `target`, whose language is `page_lang`: the page's title (where its
/// `<h1>` is outside the target), its date, the target's content as the walker rebuilds it and
/// the page's address; and the title, for the frame's document.
#[cfg(any(feature = "widget", feature = "print"))]
pub fn article_copy(
    doc: &Document,
    target: &Element,
    page_lang: &str,
    words: &CopyWords,
) -> (Element, String) {
    let base = doc.base_uri().ok().flatten().unwrap_or_default();
    let cleaned = Cleaner { doc, base: &base }.html(&target.inner_html());
    let facts = PageFacts::read(doc, target);
    let el = |tag| El::new(doc, tag);
    let label = |said: &Label| {
        el("span")
            .class("label")
            .text(&said.text)
            .lang(said.lang.as_deref())
    };
    let body = el("div").class("article-body").child(cleaned);
    let title = (!facts.title_in_article && !facts.title.is_empty()).then(|| {
        el("h1")
            .class("article-title")
            .lang(Some(page_lang))
            .text(&facts.title)
    });
    let meta = facts.date.as_ref().map(|date| {
        el("p")
            .class("meta")
            .attr("lang", &words.ui_lang)
            .child(label(&words.date))
            .child(doc.create_text_node(" "))
            .child(
                el("time")
                    .class("value")
                    .attr("datetime", &date.iso_date())
                    .text(&DateFormatter::new(&words.ui_lang).format(date)),
            )
    });
    let source = el("p")
        .class("source-url")
        .child(label(&words.source))
        .child(doc.create_text_node(" "))
        .child(el("a").attr("href", &facts.url).text(&facts.url));
    let copy = el("div")
        .class("article-content")
        .attr("lang", page_lang)
        .child_opt(title)
        .child_opt(meta)
        .child(body.attr("lang", page_lang))
        .child(source.lang(Some(&words.ui_lang)))
        .done();
    (copy, facts.title)
}
