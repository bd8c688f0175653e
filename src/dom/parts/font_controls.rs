//! "Fonts: A+ A A-": the label and the three buttons, and their state after a step change.
//! The same controls in the widget's toolbar and in the page toolbar (`<news-widget-toolbar>`).

use web_sys::Element;

use super::node::El;
use crate::command::{key_shortcut, Command};
use crate::dom::widget::render::Ctx;
use crate::prefs::FontStep;

/// The group: a label ("Fonts:", "字体：", "글자 크기:") and A+ A A-.
pub fn group(ctx: &Ctx, font: FontStep) -> El {
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
    let name = format!("{visible} {}", ctx.t(action));
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
        let selector = format!("[data-action=\"{}\"]", command.action());
        if let Ok(Some(button)) = root.query_selector(&selector) {
            let _ = button.set_attribute("aria-disabled", if at_end { "true" } else { "false" });
        }
    }
}
