//! The stylesheets of the reader's line spacing and contrast scheme for someone else's article
//! (the reader toolbar's target), as text. No DOM here; the toolbar adopts them into the page
//! in one sheet with the zoom (`text_zoom`) and the highlight of the sentence read aloud
//! (`target_css`), and each selects the target and what is inside it, nothing else of the page.
//!
//! - **Line spacing**: one line height for the target and every element in it (a site's px line
//!   heights and `!important` ones included: that is what the reader asked to change), never
//!   closer than the article's own (its paragraphs' and headings', as the loader measured
//!   them), closer
//!   for its headings (a two-line heading still reads as one, as in the widget), and the space
//!   after its paragraphs; with the zoom sheet's `zoom`, the unitless height scales with
//!   the text. Nothing else moves: no width, no font, no position.
//! - **Contrast**: the scheme's text and background on the target; inside it, every element's
//!   text in the scheme's colour and its own background cleared (a site's pale box behind light
//!   text would hide it), borders in the scheme's line colour, links in its link colour and
//!   underlined (told apart by more than colour), focus rings in its focus colour. Pictures keep
//!   their colours. Screen only: paper stays black on white. The system's forced colours win
//!   over it, as over any author colour.
//!
//! The colours are the widget's own schemes (`dom/common.css`, `[data-contrast]`); a native
//! test holds the two to the same values and every pair to 7:1.

use super::text_zoom::{css_identifier, zoom_css};
use crate::contract::{Contrast, FontStep, LineSpacing};

/// The line spacing's rules, with `{id}`, `{line}` (unitless) and `{paragraph}` to fill in. A
/// site that spaces its lines wider than the reader's choice keeps its spacing (Chinese
/// government pages often set 2): `--nw-body` and `--nw-heading` are the article's own line
/// heights, its paragraphs' and its headings', which the loader measures before any of the
/// reader's sheets applies and sets on the article in a sheet of its own
/// (`js/loader/early-style.js`: `floor`); unknown, they are 0.
pub const SPACING_CSS_TEMPLATE: &str = "#{id},#{id} *{line-height:max({line},var(--nw-body,0))!important}\
#{id} :is(h1,h2,h3,h4,h5,h6),#{id} :is(h1,h2,h3,h4,h5,h6) *{line-height:max(1.3,{line}*.625,var(--nw-heading,0))!important}\
#{id} p{margin-block-end:{paragraph}!important}";

/// The contrast scheme's rules, with `{id}` and the scheme's colours to fill in. The background
/// reaches a little past the article's edges as a shadow, which moves nothing of the page's
/// layout, so that the text does not touch the edges of its panel.
pub const CONTRAST_CSS_TEMPLATE: &str = "@media screen{\
#{id}{color:{text}!important;background-color:{background}!important;box-shadow:0 0 0 .75em {background}!important}\
#{id} *{color:inherit!important;background-color:transparent!important;border-color:{line}!important;text-shadow:none!important}\
#{id} a,#{id} a *{color:{link}!important;text-decoration-line:underline!important}\
#{id} :focus-visible{outline-color:{focus}!important}}";

/// The sentence read aloud on the article page, in the system's marker colours (the widget's
/// own stylesheet has the same rule for its shadow tree). The name is the one the DOM layer
/// registers the highlight under (`js/speech.js`).
pub const HIGHLIGHT_CSS: &str =
    "::highlight(news-widget-reading){background-color:Mark;color:MarkText}";

/// A scheme's colours for an article page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub text: &'static str,
    pub background: &'static str,
    pub link: &'static str,
    pub line: &'static str,
    pub focus: &'static str,
}

/// The colours of a scheme; `None` for the site's own.
pub fn palette(contrast: Contrast) -> Option<Palette> {
    match contrast {
        Contrast::Site => None,
        Contrast::DarkOnLight => Some(Palette {
            text: "#000000",
            background: "#ffffff",
            link: "#003d99",
            line: "#4d4d4d",
            focus: "#8a0000",
        }),
        Contrast::LightOnDark => Some(Palette {
            text: "#ffffff",
            background: "#000000",
            link: "#ffe14d",
            line: "#b3b3b3",
            focus: "#5cd6ff",
        }),
    }
}

/// The line spacing's sheet for the target with id `target_id`; empty for the site's own.
pub fn spacing_css(target_id: &str, spacing: LineSpacing) -> String {
    let (Some(line), Some(paragraph)) =
        (spacing.line_height_css(), spacing.paragraph_spacing_css())
    else {
        return String::new();
    };
    SPACING_CSS_TEMPLATE
        .replace("{id}", &css_identifier(target_id))
        .replace("{line}", line)
        .replace("{paragraph}", paragraph)
}

/// The contrast scheme's sheet for the target with id `target_id`; empty for the site's own.
pub fn contrast_css(target_id: &str, contrast: Contrast) -> String {
    let Some(colours) = palette(contrast) else {
        return String::new();
    };
    CONTRAST_CSS_TEMPLATE
        .replace("{id}", &css_identifier(target_id))
        .replace("{text}", colours.text)
        .replace("{background}", colours.background)
        .replace("{link}", colours.link)
        .replace("{line}", colours.line)
        .replace("{focus}", colours.focus)
}

/// Everything the toolbar's sheet holds for the target with id `target_id`: its zoom at `step`,
/// its line spacing, its contrast scheme, and the highlight of the sentence read aloud.
pub fn target_css(
    target_id: &str,
    step: FontStep,
    spacing: LineSpacing,
    contrast: Contrast,
) -> String {
    let mut css = zoom_css(target_id, step);
    css.push_str(&spacing_css(target_id, spacing));
    css.push_str(&contrast_css(target_id, contrast));
    css.push_str(HIGHLIGHT_CSS);
    css
}
