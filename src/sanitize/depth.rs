//! Markup nested beyond reason, flattened before the browser's HTML parser sees it. Chromium's
//! parser takes time in the square of the depth of open elements (100,000 nested `<div>`s in an
//! article hold the page for half a minute), and the walker keeps `MAX_DEPTH` levels only.

use crate::feed::tag_end;
use crate::work;

/// The depth, counted from the tags as written, past which start tags (and their end tags) are
/// dropped, their text kept. Well above `MAX_DEPTH`, below which the walker keeps the structure.
pub const MAX_MARKUP_DEPTH: usize = 256;

/// Elements that never hold others: no end tag to wait for.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose end tag may be left out (the next sibling closes them): they do not deepen
/// the tree as their tags count it, so `<p>` without `</p>` is not nesting.
const OPTIONAL_END: &[&str] = &[
    "body", "caption", "colgroup", "dd", "dt", "head", "html", "li", "optgroup", "option", "p",
    "rb", "rp", "rt", "tbody", "td", "tfoot", "th", "thead", "tr",
];

/// `html` with the start tags that would nest deeper than `MAX_MARKUP_DEPTH` removed, with their
/// end tags; `None` when it nests no deeper (the common case: nothing is copied). One pass.
pub fn bound_nesting(html: &str) -> Option<String> {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    // Copied up to here (when `out` exists).
    let mut copied = 0;
    let (mut depth, mut dropped) = (0usize, 0usize);
    let mut at = 0;
    while let Some(lt) = work::find_char(&html[at..], '<') {
        let start = at + lt;
        let name_from = start + 1 + usize::from(b.get(start + 1) == Some(&b'/'));
        if html[start..].starts_with("<!--") {
            match work::find(&html[start + 4..], "-->") {
                Some(end) => at = start + 4 + end + 3,
                None => break,
            }
            continue;
        }
        if !b.get(name_from).is_some_and(u8::is_ascii_alphabetic) {
            at = start + 1;
            continue;
        }
        let name_end = b[name_from..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric() && *c != b'-')
            .map_or(b.len(), |n| name_from + n);
        let Some(end) = tag_end(b, name_end) else {
            // An unterminated tag swallows the rest, as in the browser.
            break;
        };
        let name = &html[name_from..name_end];
        let nests = !VOID
            .iter()
            .chain(OPTIONAL_END)
            .any(|n| n.eq_ignore_ascii_case(name))
            && !b[..end].ends_with(b"/>");
        let drop = match (name_from > start + 1, nests) {
            (_, false) => false,
            // An end tag: one of a dropped start tag's goes with it.
            (true, true) if dropped > 0 => {
                dropped -= 1;
                true
            }
            (true, true) => {
                depth = depth.saturating_sub(1);
                false
            }
            (false, true) if depth == MAX_MARKUP_DEPTH => {
                dropped += 1;
                true
            }
            (false, true) => {
                depth += 1;
                false
            }
        };
        if drop {
            let out = out.get_or_insert_with(|| String::with_capacity(html.len()));
            out.push_str(&html[copied..start]);
            copied = end;
        }
        at = end;
    }
    let mut out = out?;
    out.push_str(&html[copied..]);
    Some(out)
}
