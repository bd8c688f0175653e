//! The control groups the widget's toolbar and the page toolbar (`<news-widget-toolbar>`) both
//! draw: "Fonts: A+ A A-" (the label, the three buttons, and their state after a step change)
//! and the labelled group that holds the language choices, and "More tools" on a narrow one.

use web_sys::Element;

use super::ctx::Ctx;
use super::node::El;
use crate::command::{key_shortcut, Command};
use crate::contract::FontStep;

/// The group: a label ("Fonts:", "字体：", "글자 크기:") and A+ A A-.
pub fn font_group(ctx: &Ctx, font: FontStep) -> El {
    ctx.el("div")
        .class("group fonts")
        .attr("role", "group")
        .attr("aria-labelledby", "nw-fonts-label")
        .child(ctx.text(
            ctx.el("span").class("label").attr("id", "nw-fonts-label"),
            "fonts-label",
        ))
        .child(font_button(ctx, Command::FontLarger, "A+", font.is_max()))
        .child(font_button(
            ctx,
            Command::FontReset,
            "A",
            font == FontStep::DEFAULT,
        ))
        .child(font_button(ctx, Command::FontSmaller, "A-", font.is_min()))
}

fn font_button(ctx: &Ctx, command: Command, visible: &str, at_end: bool) -> Element {
    let action = command.action();
    // aria-disabled rather than `disabled`: a focused button that reaches its end keeps focus,
    // so a keyboard user is not thrown back to the top of the page. The accessible name starts
    // with the visible "A+" (WCAG 2.5.3, label in name) and goes on in the reader's language.
    let name = [visible, " ", &ctx.t(action)].concat();
    ctx.button(action, None)
        .attr("aria-label", &name)
        .part(action)
        .attr("aria-disabled", if at_end { "true" } else { "false" })
        .attr(
            "aria-keyshortcuts",
            key_shortcut(command).unwrap_or_default(),
        )
        .text(visible)
        .done()
}

/// Updates the font buttons in place after a step change (no re-render for a font step).
pub fn update_font_buttons(root: &Element, font: FontStep) {
    for (command, at_end) in [
        (Command::FontLarger, font.is_max()),
        (Command::FontReset, font == FontStep::DEFAULT),
        (Command::FontSmaller, font.is_min()),
    ] {
        if let Some(button) = find(root, command) {
            let _ = button.set_attribute("aria-disabled", if at_end { "true" } else { "false" });
        }
    }
}

/// The selector of `command`'s controls.
pub fn selector(command: Command) -> String {
    ["[data-action=\"", command.action(), "\"]"].concat()
}

/// The first of `command`'s controls in `root`.
pub fn find(root: &Element, command: Command) -> Option<Element> {
    root.query_selector(&selector(command)).ok().flatten()
}

/// The labelled group [`language`] that holds the language choices (buttons in the widget,
/// links in the article toolbar).
pub fn language_group(ctx: &Ctx) -> El {
    ctx.el("div")
        .class("group languages")
        .part("language")
        .attr("role", "group")
        .attr("aria-labelledby", "nw-language-label")
        .child(
            ctx.text(
                ctx.el("span")
                    .class("label")
                    .attr("id", "nw-language-label"),
                "language-label",
            ),
        )
}

/// The id of what "More tools" shows, in the widget's or the toolbar's shadow root.
const REST_ID: &str = "nw-more-tools";

/// The bar of a widget or a toolbar: "Fonts: A+ A A-", "More tools" and what it shows (`rest`:
/// the aids, Read aloud, Print), then the languages. On a narrow one (the stylesheet's narrow
/// container) the rest waits behind the button, so that the news or the article is not pushed
/// screens down on a phone at a large step (the languages stay: a reader who does not read the
/// UI's language cannot read "More tools"); a wide one shows it all and not the button.
/// `open`: the rest is shown; `rest` is `rest(ctx)` with its controls.
pub fn bar(ctx: &Ctx, font: FontStep, open: bool, rest: El, languages: Option<El>) -> El {
    let toggle = ctx
        .button(Command::Tools.action(), None)
        .class("more-toggle")
        .part("more-tools")
        .attr("aria-controls", REST_ID)
        .attr("aria-expanded", if open { "true" } else { "false" });
    ctx.el("div")
        .class(if open { "toolbar open" } else { "toolbar" })
        .part("toolbar")
        .child(font_group(ctx, font))
        .child(ctx.text(toggle, "toolbar-more"))
        .child(rest)
        .child_opt(languages)
}

/// What "More tools" shows, for `bar`.
pub fn rest(ctx: &Ctx) -> El {
    ctx.el("div").class("rest").attr("id", REST_ID)
}
