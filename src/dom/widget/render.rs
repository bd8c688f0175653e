//! Turns widget state into elements: toolbar, card list, article view, loading and error
//! states. Every string comes from Fluent through `Ctx`; every feed string goes to
//! `textContent` or through the sanitizer. It sets the parts of docs/interface.md#shadow-parts.

use crate::i18n::Arg;
use web_sys::Element;

use crate::command::Command;
use crate::contract::FontStep;
use crate::dom::parts::clean::{safe_url, Cleaner};
use crate::dom::parts::ctx::Ctx;
use crate::dom::parts::node::El;
use crate::dom::parts::{aid_controls, controls};
use crate::feed::{Body, Item, Items, Version};
use crate::load_error::LoadError;
use crate::reading_aids::Aids;
use crate::sanitize::UrlUse;

/// What the toolbar's controls show: the font step, the reader's aids, and whether the browser
/// can read aloud.
pub struct Controls<'m> {
    pub font: FontStep,
    pub aids: &'m Aids,
    pub listen: bool,
    /// On a narrow widget, "More tools" shows the rest.
    pub tools_open: bool,
}

/// "Fonts: A+ A A-", the line spacing, the contrast, in the article view (`preview`: whether its
/// print preview is on) Read aloud, Print and Print preview, and the language choices; on a
/// narrow widget, the fonts, "More tools" and the languages (`controls::bar`).
pub fn toolbar(ctx: &Ctx, controls: &Controls, preview: Option<bool>) -> Element {
    let mut languages = controls::language_group(ctx);
    for choice in ctx.languages {
        let current = choice.tag == ctx.ui_lang;
        languages = languages.child(
            ctx.el("button")
                .attr("type", "button")
                .attr("data-action", Command::Language.action())
                .attr(
                    Command::Language.value_attribute().unwrap_or_default(),
                    &choice.tag,
                )
                .key(&["language:", &choice.tag].concat())
                .attr("lang", &choice.tag)
                .attr("aria-pressed", if current { "true" } else { "false" })
                .text(&choice.endonym),
        );
    }

    let mut rest = controls::rest(ctx)
        .child(aid_controls::spacing_group(ctx, controls.aids.spacing))
        .child(aid_controls::contrast_group(ctx, controls.aids.contrast));
    if let Some(preview) = preview {
        if controls.listen {
            let rate = controls.aids.listening.rate;
            rest = rest.child(aid_controls::listen_group(ctx, rate));
        }
        let print = ctx
            .el("div")
            .class("group print")
            .child(ctx.text(
                ctx.button(Command::Print.action(), None).part("print"),
                "print",
            ))
            .child(
                ctx.text(
                    ctx.button(Command::Preview.action(), None)
                        .part("print-preview")
                        .attr("aria-pressed", if preview { "true" } else { "false" }),
                    "print-preview",
                ),
            );
        rest = rest.child(print);
    }
    controls::bar(
        ctx,
        controls.font,
        controls.tools_open,
        rest,
        Some(languages),
    )
    .done()
}

/// The card list with its first `shown` cards.
pub fn list(ctx: &Ctx, items: &Items, shown: usize, not_found: bool) -> Element {
    let section = ctx
        .el("section")
        .class("list")
        .attr("aria-labelledby", "nw-list-heading")
        .child(
            ctx.text(
                ctx.el("h2")
                    .class("list-heading")
                    .attr("id", "nw-list-heading"),
                "cards-heading",
            ),
        );
    let section = if not_found {
        section.child(
            ctx.text(
                ctx.el("p")
                    .class("notice")
                    .part("notice")
                    .attr("role", "status"),
                "article-not-found",
            ),
        )
    } else {
        section
    };
    let mut cards = ctx
        .el("ul")
        .class("cards")
        .part("cards")
        .attr("role", "list");
    for item in items.range(0..shown.min(items.len())) {
        cards = cards.child(card(ctx, item));
    }
    section
        .child(cards)
        .child(list_footer(ctx, items, shown))
        .done()
}

/// The count and More, after the first `shown` places of `items`. The count names the cards on
/// screen: a long feed's items that turned out unreadable are neither shown nor counted.
pub fn list_footer(ctx: &Ctx, items: &Items, shown: usize) -> Element {
    let places = shown.min(items.len());
    // Decodes nothing new: the cards of these places are built already.
    let on_screen = items.range(0..places).count();
    let total = items.known_readable();
    let count = ctx.text_args(
        ctx.el("p").class("count").attr("data-role", "count"),
        "cards-shown",
        &[
            ("shown", Arg::from(on_screen as u32)),
            ("total", Arg::from(total as u32)),
        ],
    );
    let footer = ctx.el("div").class("list-footer").child(count);
    if places < items.len() {
        footer
            .child(ctx.text(
                ctx.button(Command::More.action(), None).part("more"),
                "more",
            ))
            .done()
    } else {
        footer.done()
    }
}

pub fn card(ctx: &Ctx, item: &Item) -> Element {
    let shown = item.present(&ctx.ui_lang);
    let (version, lang) = (shown.version, shown.lang);
    let open = ctx
        .el("button")
        .attr("type", "button")
        .attr("data-action", Command::Open.action())
        .attr(
            Command::Open.value_attribute().unwrap_or_default(),
            &item.id,
        )
        .key(&["open:", &item.id].concat())
        .text(&version.title);
    let mut meta = ctx.el("p").class("card-meta");
    if let Some(date) = item.modified.as_ref().or(item.published.as_ref()) {
        meta = meta.child(ctx.date(date));
    }
    if let Some(source) = &version.source {
        meta = meta.child(ctx.el("span").text(source).text_lang(lang));
    }
    let image = item
        .image
        .as_deref()
        .and_then(|src| safe_url(src, &image_base(ctx, item, shown.image_base), UrlUse::Image))
        .map(|src| {
            ctx.el("img")
                .class("card-image")
                .part("card-image")
                .attr("src", &src)
                .attr("alt", version.image_alt.as_deref().unwrap_or(""))
                .attr("loading", "lazy")
                .attr("decoding", "async")
        });
    ctx.el("li")
        .class("card")
        .part("card")
        .child(
            ctx.el("h3")
                .class("card-title")
                .part("card-title")
                .text_lang(lang)
                .child(open),
        )
        .child(meta)
        .child(
            ctx.el("p")
                .class("card-summary")
                .part("card-summary")
                .text_lang(lang)
                .text(&item.summary(version)),
        )
        .child_opt(image)
        .done()
}

/// A version's link (resolved, checked), and what its body's relative URLs resolve against:
/// where the feed named one (`xml:base`, an RSS item's page), else that link, else the feed's
/// URL.
fn bases(ctx: &Ctx, version: &Version) -> (Option<String>, String) {
    let link = version
        .url
        .as_deref()
        .and_then(|u| safe_url(u, ctx.base, UrlUse::Link));
    let body = version
        .base
        .clone()
        .or_else(|| link.clone())
        .unwrap_or_else(|| ctx.base.to_owned());
    (link, body)
}

/// What the card's picture resolves against: a picture taken from the body, as the body's own
/// (the original's, as the article shows it); a named one, as `Presented::image_base` says.
fn image_base(ctx: &Ctx, item: &Item, named: Option<&str>) -> String {
    if item.image_in_body {
        bases(ctx, &item.versions[0]).1
    } else {
        named.unwrap_or(ctx.base).to_owned()
    }
}

/// The article view: Back, title, meta line, toolbar, notice, body, source link.
pub fn article(ctx: &Ctx, item: &Item, controls: &Controls, preview: bool) -> Element {
    let shown = item.present(&ctx.ui_lang);
    let (version, lang) = (shown.version, shown.lang);
    let base = bases(ctx, version).0;
    let body_base = bases(ctx, shown.body_version).1;

    let mut meta = ctx.el("p").class("meta").part("meta");
    if let Some(date) = item.modified.as_ref().or(item.published.as_ref()) {
        meta = meta
            .child(ctx.text(ctx.el("span").class("label"), "meta-updated-label"))
            .child(ctx.doc.create_text_node(" "))
            .child(El(ctx.date(date)).class("value"));
    }
    if let Some(source) = &version.source {
        if item.modified.is_some() || item.published.is_some() {
            meta = meta.child(ctx.doc.create_text_node(" "));
        }
        meta = meta
            .child(ctx.text(ctx.el("span").class("label"), "meta-source-label"))
            .child(ctx.doc.create_text_node(" "))
            .child(ctx.el("span").class("value").text_lang(lang).text(source));
    }

    let body = ctx
        .el("div")
        .class("article-body")
        .part("article-body")
        .text_lang(lang);
    let cleaner = Cleaner {
        doc: ctx.doc,
        base: &body_base,
    };
    // A translation without a body shows the original's, marked with the original's language.
    let body = match shown.body {
        Body::Html(html) => body.child(cleaner.html(html)),
        Body::Text(text) => body.child(cleaner.text(text)),
        Body::Empty => body,
    };
    let body = body.text_lang(shown.body_lang);

    let image = item
        .image
        .as_deref()
        .filter(|_| !shown.image_in_body)
        .and_then(|src| safe_url(src, &image_base(ctx, item, shown.image_base), UrlUse::Image))
        .map(|src| {
            ctx.el("figure").class("article-image").child(
                ctx.el("img")
                    .attr("src", &src)
                    .attr("alt", version.image_alt.as_deref().unwrap_or(""))
                    .attr("decoding", "async"),
            )
        });

    let source_link = base.map(|href| {
        ctx.el("p")
            .class("source-url")
            .child(ctx.text(ctx.el("span").class("label"), "print-source-label"))
            .child(ctx.doc.create_text_node(" "))
            .child(
                ctx.el("a")
                    .attr("href", &href)
                    .attr("rel", "noopener noreferrer")
                    .attr("target", "_blank")
                    .text(&href),
            )
    });

    let notice = shown.untranslated.then(|| {
        ctx.text(
            ctx.el("p")
                .class("notice")
                .part("notice")
                .attr("role", "note"),
            "notice-untranslated",
        )
    });

    let content = ctx
        .el("div")
        .class(if preview {
            "article-content print-layout"
        } else {
            "article-content"
        })
        .child(
            ctx.el("h2")
                .class("article-title")
                .part("article-title")
                .attr("id", "nw-article-title")
                .attr("tabindex", "-1")
                .key("article-title")
                .text_lang(lang)
                .text(&version.title),
        )
        .child(meta)
        .child_opt(notice)
        .child_opt(image)
        .child(body)
        .child_opt(source_link);

    let banner = preview.then(|| {
        ctx.text(
            ctx.el("p")
                .class("preview-banner notice")
                .attr("role", "note"),
            "preview-banner",
        )
    });

    ctx.el("article")
        .class(if preview {
            "article previewing"
        } else {
            "article"
        })
        .part("article")
        .attr("aria-labelledby", "nw-article-title")
        .attr("data-id", &item.id)
        .child(
            ctx.text(
                ctx.button(Command::Back.action(), None)
                    .class("back")
                    .part("back"),
                "back",
            ),
        )
        .child(toolbar(ctx, controls, Some(preview)))
        .child_opt(banner)
        .child(content)
        .done()
}

/// Loading, empty and error states: always a message, never a blank box.
pub enum StateView<'e> {
    Loading,
    Empty,
    Error(&'e LoadError),
}

pub fn state(ctx: &Ctx, view: StateView) -> Element {
    let box_ = ctx.el("div").class("state");
    match view {
        StateView::Loading => box_
            .attr("aria-busy", "true")
            .child(
                ctx.text(
                    // Focusable so that Retry can keep focus here while the feed loads.
                    ctx.el("p")
                        .class("state-message")
                        .attr("data-kind", "loading")
                        .key("loading")
                        .attr("tabindex", "-1"),
                    "loading",
                ),
            )
            .done(),
        StateView::Empty => box_
            .child(
                ctx.text(
                    ctx.el("p")
                        .class("state-message")
                        .attr("data-kind", "empty"),
                    "error-empty",
                ),
            )
            .child(ctx.text(
                ctx.button(Command::Retry.action(), None).part("retry"),
                "retry",
            ))
            .done(),
        StateView::Error(error) => box_
            .part("error")
            .attr("role", "alert")
            .child(
                ctx.text_args(
                    ctx.el("p")
                        .class("state-message")
                        .attr("data-kind", "error"),
                    error.message_id(),
                    &error.message_args(),
                ),
            )
            .child(ctx.text(
                ctx.button(Command::Retry.action(), None).part("retry"),
                "retry",
            ))
            .done(),
    }
}
