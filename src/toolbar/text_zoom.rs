//! The stylesheet that scales someone else's article (the reader toolbar's target) by the
//! reader's font step, as text. No DOM here; `dom::toolbar::zoom` adopts it into the page.
//!
//! The technique is CSS `zoom` on the target, chosen by trying the candidates on a hostile CMS
//! page (px sizes on p/td/span, `!important` in the stylesheet and inline, px line heights, a
//! 62.5 % root, a 600 px table and a 560 px image; docs/architecture.md#why-css-zoom):
//! - `zoom` scales every length inside the target, so px and `!important` sizes grow alike and
//!   keep their proportions (heading : paragraph, px line heights), and the text reflows;
//!   together with `max-width: 100%` on replaced elements and tables it leaves no horizontal
//!   scrolling at 320 px and 200 %. One rule on one element: nothing to walk, nothing to undo.
//! - per-element inline `font-size … !important` scales the text too, but it rewrites the style
//!   attribute of every element (and must do it again for content added later), needs the px
//!   line heights rewritten as well (lines overlap otherwise), and does nothing for the wide
//!   table and image;
//! - one scoped `font-size: calc(var(--x) * …) !important` rule cannot know each element's own
//!   size: it flattens headings to body size and loses to inline `!important`;
//! - a relative `font-size` on the target leaves every px-sized descendant as it was;
//! - `transform: scale()` does not reflow: the page scrolls sideways by the article's width.

use crate::contract::FontStep;

/// The rules, with `{id}` (the target's id as a CSS identifier) and `{scale}` to fill in.
/// The loader (`js/loader/early-style.js`) applies the same text before the wasm has arrived, so that
/// a reload shows the article at the reader's size from the first frame; `tests/core/text_zoom.rs`
/// checks that its copy is this one.
///
/// - `zoom` on the target: text and everything else inside grows, and reflows;
/// - wide things inside (images, video, tables, embeds) are held to the column's width, images
///   keep their aspect ratio, preformatted text wraps, and a word wider than its column (a URL,
///   an English word in a narrow table cell) may break, so that a table can shrink to fit.
pub const ZOOM_CSS_TEMPLATE: &str =
    "#{id}{zoom:{scale}!important;overflow-wrap:anywhere!important}\
#{id} :is(img,video,canvas,svg,iframe,object,embed,table,pre){max-width:100%!important}\
#{id} :is(img,video,canvas){height:auto!important}\
#{id} pre{white-space:pre-wrap!important}";

/// The stylesheet for the target with id `target_id` at `step`; empty at 100 %, where the page
/// is left exactly as its site styled it.
pub fn zoom_css(target_id: &str, step: FontStep) -> String {
    if step == FontStep::DEFAULT {
        return String::new();
    }
    ZOOM_CSS_TEMPLATE
        .replace("{id}", &css_identifier(target_id))
        .replace("{scale}", &step.scale_css())
}

/// `id` written as a CSS identifier, as CSSOM's `CSS.escape()` serializes one, so that any id
/// an HTML page may use (`1st`, `a.b`, `新闻正文`) selects exactly that element.
pub fn css_identifier(id: &str) -> String {
    let mut out = String::with_capacity(id.len() + 4);
    let chars: Vec<char> = id.chars().collect();
    for (index, &c) in chars.iter().enumerate() {
        let code = c as u32;
        let leading_digit = c.is_ascii_digit() && (index == 0 || (index == 1 && chars[0] == '-'));
        if c == '\0' {
            out.push('\u{FFFD}');
        } else if (0x01..=0x1F).contains(&code) || code == 0x7F || leading_digit {
            push_code_point(&mut out, code);
        } else if index == 0 && c == '-' && chars.len() == 1 {
            out.push_str("\\-");
        } else if code >= 0x80 || c == '-' || c == '_' || c.is_ascii_alphanumeric() {
            out.push(c);
        } else {
            out.push('\\');
            out.push(c);
        }
    }
    out
}

/// `\` and the code point in lowercase hex, then the space that ends the escape.
fn push_code_point(out: &mut String, code: u32) {
    out.push('\\');
    let mut started = false;
    for shift in (0..8).rev() {
        let digit = (code >> (shift * 4)) & 0xF;
        if digit != 0 || started || shift == 0 {
            started = true;
            out.push(char::from_digit(digit, 16).expect("a nibble is a hex digit"));
        }
    }
    out.push(' ');
}
