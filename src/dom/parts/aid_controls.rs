//! The reader's aids' controls, drawn alike by the widget's toolbar and the reader toolbar: "Read
//! aloud:" with one button for Listen, Pause and Resume, Stop while there is something to stop,
//! the speed, and the reason where the device has no voice for the article's language; "Line
//! spacing:" and "Contrast:", three pressed buttons each. Their state changes in place, never by
//! drawing them again, so that focus stays on the control the reader pressed.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

use super::controls::{find, selector};
use super::ctx::Ctx;
use super::intl;
use super::node::El;
use crate::announcement::Announcement;
use crate::command::Command;
use crate::contract::{Contrast, LineSpacing};
use crate::i18n::{Arg, Localizer};
use crate::listen::machine::{Announcement as Said, Status};
use crate::listen::rate::Rate;

// The choices' names and messages, not their enums: a table mapped to names at each render
// cost each group a `[T; 3]::map` (0.1 KB gzip of .wasm).
const SPACINGS: [(&str, &str); 3] = [
    (LineSpacing::Normal.name(), "line-spacing-normal"),
    (LineSpacing::OneAndHalf.name(), "line-spacing-one-and-half"),
    (LineSpacing::Double.name(), "line-spacing-double"),
];

const CONTRASTS: [(&str, &str); 3] = [
    (Contrast::Site.name(), "contrast-site"),
    (Contrast::DarkOnLight.name(), "contrast-dark-on-light"),
    (Contrast::LightOnDark.name(), "contrast-light-on-dark"),
];

/// The id of the reason Listen is disabled, which describes it.
const NO_VOICE_ID: &str = "nw-listen-note";

fn labelled_group(ctx: &Ctx, class: &str, label: &str) -> El {
    let id = ["nw-", label].concat();
    ctx.el("div")
        .class(&["group ", class].concat())
        .attr("role", "group")
        .attr("aria-labelledby", &id)
        .child(ctx.text(ctx.el("span").class("label").attr("id", &id), label))
}

/// "Read aloud:", its controls and the note, at speed `rate`; `show_listen` gives them their
/// state.
pub fn listen_group(ctx: &Ctx, rate: Rate) -> Element {
    let mut speeds = ctx
        .el("select")
        .attr("data-action", Command::ListenRate.action())
        .key(Command::ListenRate.action())
        .part(Command::ListenRate.action())
        .attr("aria-label", &ctx.t("listen-rate"));
    for choice in Rate::all() {
        let value = Arg::Num(f64::from(choice.per_mille()) / 1000.0);
        speeds = speeds.child(
            ctx.text_args(ctx.el("option"), "listen-rate-value", &[("rate", value)])
                .attr("value", choice.text())
                .attr_if(choice == rate, "selected", ""),
        );
    }
    let note = ctx
        .el("span")
        .class("listen-note")
        .attr("id", NO_VOICE_ID)
        .attr("hidden", "");
    labelled_group(ctx, "listen", "listen-label")
        .child(ctx.button(Command::Listen.action(), None).part("listen"))
        .child(
            ctx.text(
                ctx.button(Command::ListenStop.action(), None)
                    .part("listen-stop")
                    .attr("hidden", ""),
                "listen-stop",
            ),
        )
        .child(speeds)
        .child(note)
        .done()
}

/// The listen controls in `root` for `status` and `rate`: the button's words (Listen, Pause,
/// Resume), disabled and described while there is no voice for `language` (the article's),
/// Stop shown while reading or paused (focus, if on Stop, goes to Listen when it hides).
pub fn show_listen(root: &Element, l10n: &Localizer, status: &Status, rate: Rate, language: &str) {
    let (Some(button), Some(stop)) = (find(root, Command::Listen), find(root, Command::ListenStop))
    else {
        return;
    };
    let say = |id: &str, args: &[(&str, Arg)]| l10n.format(id, args, &mut Vec::new()).text;
    let words = match status {
        Status::Reading => "listen-pause",
        Status::Paused => "listen-resume",
        _ => "listen",
    };
    button.set_text_content(Some(&say(words, &[])));
    let no_voice = *status == Status::NoVoice;
    let unusable = no_voice || *status == Status::Waiting;
    let _ = button.set_attribute("aria-disabled", if unusable { "true" } else { "false" });
    if let Ok(Some(note)) = root.query_selector(".listen-note") {
        if no_voice {
            let name = language_name(language, l10n.locale().as_str());
            note.set_text_content(Some(&say(
                "listen-no-voice",
                &[("language", Arg::from(name))],
            )));
            let _ = note.remove_attribute("hidden");
            let _ = button.set_attribute("aria-describedby", NO_VOICE_ID);
        } else {
            let _ = note.set_attribute("hidden", "");
            let _ = button.remove_attribute("aria-describedby");
        }
    }
    let stoppable = matches!(status, Status::Reading | Status::Paused);
    if stoppable {
        let _ = stop.remove_attribute("hidden");
    } else {
        let had_focus = stop.matches(":focus").unwrap_or(false);
        let _ = stop.set_attribute("hidden", "");
        if had_focus {
            let _ = button.unchecked_ref::<HtmlElement>().focus();
        }
    }
    if let Some(speeds) = find(root, Command::ListenRate) {
        let _ = js_sys::Reflect::set(&speeds, &"value".into(), &JsValue::from_str(rate.text()));
    }
}

/// The name of the article's language `tag` in the UI's language `ui`, for "no voice for …":
/// the language's, not its region's (voices are told apart by what they speak).
pub fn language_name(tag: &str, ui: &str) -> String {
    let primary = tag.split(['-', '_']).next().unwrap_or(tag);
    intl::language_name(primary, ui).unwrap_or_else(|| tag.to_string())
}

/// The argument only the DOM layer knows of a reading announcement: the name of the language
/// that has no voice, in the UI's language `ui`.
pub fn reading_argument(
    announcement: &Announcement,
    ui: &str,
) -> Option<(&'static str, Arg<'static>)> {
    match announcement {
        Announcement::Reading(Said::NoVoice(tag)) => {
            Some(("language", Arg::from(language_name(tag, ui))))
        }
        _ => None,
    }
}

fn choice_group(ctx: &Ctx, command: Command, choices: &[(&str, &str)], current: &str) -> Element {
    let name = command.action();
    let mut group = labelled_group(ctx, name, &[name, "-label"].concat()).part(name);
    for &(value, message) in choices {
        group = group.child(
            ctx.text(
                ctx.button(name, None)
                    .key(&[name, ":", value].concat())
                    .attr("data-value", value)
                    .attr(
                        "aria-pressed",
                        if value == current { "true" } else { "false" },
                    ),
                message,
            ),
        );
    }
    group.done()
}

/// "Line spacing:" normal, 1.5 lines, double; `current` pressed.
pub fn spacing_group(ctx: &Ctx, current: LineSpacing) -> Element {
    choice_group(ctx, Command::LineSpacing, &SPACINGS, current.name())
}

/// "Contrast:" the site's colours, dark on light, light on dark; `current` pressed.
pub fn contrast_group(ctx: &Ctx, current: Contrast) -> Element {
    choice_group(ctx, Command::Contrast, &CONTRASTS, current.name())
}

/// The buttons of `command`'s group in `root` after a change: only `current` pressed.
pub fn show_choice(root: &Element, command: Command, current: &str) {
    let Ok(buttons) = root.query_selector_all(&selector(command)) else {
        return;
    };
    for index in 0..buttons.length() {
        if let Some(button) = buttons
            .item(index)
            .and_then(|b| b.dyn_into::<Element>().ok())
        {
            let pressed = button.get_attribute("data-value").as_deref() == Some(current);
            let _ = button.set_attribute("aria-pressed", if pressed { "true" } else { "false" });
        }
    }
}

/// The contrast scheme of a widget's or toolbar's own controls: the root's `data-contrast`
/// (`common.css` holds the colours), none for the site's; and its buttons.
pub fn show_contrast(root: &Element, contrast: Contrast) {
    let _ = match contrast {
        Contrast::Site => root.remove_attribute("data-contrast"),
        scheme => root.set_attribute("data-contrast", scheme.name()),
    };
    show_choice(root, Command::Contrast, contrast.name());
}
