//! The reader toolbar's markup, built from the page: the bar (Fonts A+ A A-, Print, Print
//! preview, the page's translations from its hreflang alternates) and the print-preview dialog.

use crate::command::Command;
use crate::contract::FontStep;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlDialogElement};

use crate::dom::parts::ctx::Ctx;
use crate::dom::parts::intl;
use crate::dom::parts::listen::Listener;
use crate::dom::parts::{aid_controls, controls};
use crate::reading_aids::Aids;
use crate::toolbar::alternates::{self, LanguageLink, PageAlternate};

/// The open print preview: a modal dialog and the listener that tidies up when it closes.
pub struct Preview {
    dialog: HtmlDialogElement,
    _closed: Listener,
}

impl Preview {
    /// Owns an open dialog and its "close" listener.
    pub fn new(dialog: HtmlDialogElement, closed: Listener) -> Preview {
        Preview {
            dialog,
            _closed: closed,
        }
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        self.dialog.close();
        self.dialog.remove();
    }
}

/// The page's translations, from `<link rel="alternate" hreflang href>` in its head.
pub fn language_links(doc: &Document, html_lang: Option<&str>) -> Vec<LanguageLink> {
    let base = doc.base_uri().ok().flatten().unwrap_or_default();
    let mut found = Vec::new();
    if let Ok(list) = doc.query_selector_all("head link[rel~=\"alternate\" i][hreflang][href]") {
        for index in 0..list.length() {
            let Some(link) = list.item(index).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let (Some(hreflang), Some(href)) =
                (link.get_attribute("hreflang"), link.get_attribute("href"))
            else {
                continue;
            };
            if let Ok(url) = web_sys::Url::new_with_base(&href, &base) {
                found.push(PageAlternate {
                    hreflang,
                    href: url.href(),
                });
            }
        }
    }
    alternates::language_links(&found, html_lang, &doc.url().unwrap_or_default())
}

/// The bar: the font group, the line spacing and contrast, Read aloud (where the browser can:
/// `listen`), Print and Print preview, and the languages where there are some; on a narrow
/// screen, the fonts, "More tools" and the languages (`controls::bar`).
pub fn bar(
    ctx: &Ctx,
    font: FontStep,
    aids: &Aids,
    listen: bool,
    links: &[LanguageLink],
) -> Element {
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
                    .attr("aria-haspopup", "dialog"),
                "print-preview",
            ),
        );
    let languages = (!links.is_empty()).then(|| {
        let mut group = controls::language_group(ctx);
        for link in links {
            let name = link
                .endonym
                .map(str::to_string)
                .or_else(|| intl::endonym(&link.tag))
                .unwrap_or_else(|| link.tag.clone());
            group = group.child(
                ctx.el("a")
                    .attr("href", &link.href)
                    .attr("hreflang", &link.tag)
                    .attr("lang", &link.tag)
                    .attr_if(link.current, "aria-current", "page")
                    .text(&name),
            );
        }
        group
    });
    let rest = controls::rest(ctx)
        .child(aid_controls::spacing_group(ctx, aids.spacing))
        .child(aid_controls::contrast_group(ctx, aids.contrast))
        .child_opt(listen.then(|| aid_controls::listen_group(ctx, aids.listening.rate)))
        .child(print);
    controls::bar(ctx, font, false, rest, languages)
        .attr("role", "group")
        .attr("aria-label", &ctx.t("toolbar-label"))
        .done()
}

/// "More tools" open or closed: the bar's class (the stylesheet hides the rest of a narrow bar
/// without it, unless it holds the focus) and the button's state.
pub fn show_tools(root: &Element, open: bool) {
    let (Ok(Some(bar)), Ok(Some(toggle))) = (
        root.query_selector(".toolbar"),
        root.query_selector(".more-toggle"),
    ) else {
        return;
    };
    bar.set_class_name(if open { "toolbar open" } else { "toolbar" });
    let _ = toggle.set_attribute("aria-expanded", if open { "true" } else { "false" });
}

/// The print preview: a modal dialog, labelled by its banner, with Print and Close above the
/// printed article (`copy`, in the print layout).
pub fn preview_dialog(ctx: &Ctx, copy: Element) -> HtmlDialogElement {
    ctx.el("dialog")
        .class("preview-dialog")
        .attr("aria-labelledby", "nw-preview-title")
        .child(
            ctx.el("div")
                .class("preview-bar")
                .child(
                    ctx.text(
                        ctx.el("p")
                            .class("preview-title")
                            .attr("id", "nw-preview-title"),
                        "preview-banner",
                    ),
                )
                .child(ctx.text(ctx.button(Command::Print.action(), None), "print"))
                .child(
                    ctx.text(
                        ctx.button(Command::ClosePreview.action(), None)
                            .attr("autofocus", ""),
                        "preview-close",
                    ),
                ),
        )
        .child(copy)
        .done()
        // A <dialog> made by createElement is an HTMLDialogElement.
        .unchecked_into()
}
