//! The article of an existing page as it is printed (and shown in print preview) by the reader
//! toolbar: the target's content rebuilt by the sanitizing walker (so no script, handler or
//! style of the page comes along), headed by the page's title and date and followed by its
//! address, in the classes of `print.css` (the widget's print layout).

use web_sys::{Document, Element, Node};

use crate::dom::parts::ctx::Ctx;
use crate::feed::Timestamp;

/// What heads the printed article, read from the page.
pub struct PageFacts {
    /// The page's `<h1>` (the one in the article, else the last before it), else `<title>`.
    pub title: String,
    /// Whether that `<h1>` is inside the article, which then prints it with the body.
    pub title_in_article: bool,
    pub date: Option<Timestamp>,
    /// The page's address without its fragment.
    pub url: String,
}

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
    let text = el.text_content().unwrap_or_default();
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Calls `done` with the article's HTML as the sanitizing walker rebuilds it in `doc`, its
/// links resolved against `base`: at once where this module has the walker (a page with widgets
/// too), else from the print module, which the loader fetches on the first call (`Err`: why
/// there is no copy, for the console).
pub fn clean_body(
    doc: &Document,
    base: &str,
    html: &str,
    done: impl FnOnce(Result<Node, String>) + 'static,
) {
    #[cfg(feature = "widget")]
    done(Ok(crate::dom::parts::clean::Cleaner { doc, base }
        .html(html)
        .into()));
    #[cfg(not(feature = "widget"))]
    {
        use crate::dom::page::tools;
        use crate::dom::parts::later;
        use wasm_bindgen::{JsCast, JsValue};

        let input = js_sys::Array::of3(doc, &JsValue::from_str(base), &JsValue::from_str(html));
        let why = |reply: &JsValue| {
            let text = reply
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| reply.as_string());
            ["the print module gave no copy: ", &text.unwrap_or_default()].concat()
        };
        match tools::call("clean", &input) {
            Some(Ok(promise)) => later::after(promise, move |reply| {
                // What the walker returns, and nothing else: a fragment it built.
                done(match reply.dyn_into::<web_sys::DocumentFragment>() {
                    Ok(copy) => Ok(copy.into()),
                    Err(reply) => Err(why(&reply)),
                })
            }),
            Some(Err(thrown)) => done(Err(why(&thrown))),
            None => done(Err(
                "the module was started without the loader, which runs the print module".into(),
            )),
        }
    }
}

/// The printed article: title, date, the cleaned body, the page's address. `page_lang` is the
/// article's language (the page's `<html lang>`); labels are in the toolbar's language.
pub fn article_copy(ctx: &Ctx, cleaned: Node, facts: &PageFacts, page_lang: &str) -> Element {
    let body = ctx.el("div").class("article-body").child(cleaned);
    let title = (!facts.title_in_article && !facts.title.is_empty()).then(|| {
        ctx.el("h1")
            .class("article-title")
            .lang(Some(page_lang))
            .text(&facts.title)
    });
    let meta = facts.date.as_ref().map(|date| {
        ctx.el("p")
            .class("meta")
            .attr("lang", &ctx.ui_lang)
            .child(ctx.text(ctx.el("span").class("label"), "print-date-label"))
            .child(ctx.doc.create_text_node(" "))
            .child(
                ctx.el("time")
                    .class("value")
                    .attr("datetime", &date.iso_date())
                    .text(&ctx.dates.format(date)),
            )
    });
    let source = ctx
        .el("p")
        .class("source-url")
        .child(ctx.text(ctx.el("span").class("label"), "print-source-label"))
        .child(ctx.doc.create_text_node(" "))
        .child(ctx.el("a").attr("href", &facts.url).text(&facts.url));
    ctx.el("div")
        .class("article-content")
        .attr("lang", page_lang)
        .child_opt(title)
        .child_opt(meta)
        .child(body.attr("lang", page_lang))
        .child(source.lang(Some(&ctx.ui_lang)))
        .done()
}
