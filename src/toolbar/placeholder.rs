//! What the loader needs to hold the reader toolbar's place before the wasm has arrived, so that
//! the article does not move when the bar appears: the bar's words in each built-in language and
//! the rules of the toolbar's stylesheet that lay the bar out. The loader builds an invisible bar
//! of the same elements from them (`js/loader/placeholder.js`, `holdPlace`), in the host's own shadow
//! root, which therefore wraps and scales as the real one will; the toolbar's mount replaces it
//! in the same task. Written into the loader's generated block by `tests/core/loader_block.rs`;
//! never in the .wasm.

use std::rc::Rc;

use ftl_format::{Category, Number};

use crate::i18n::{Arg, Catalog, Numbers, BUILT_IN};
use crate::listen::rate::Rate;

/// The toolbar's stylesheet, as build.rs minified it, in the order its module adopts it
/// (src/dom/page/style.rs), but for the article's rules and the print layout: no bar in them.
fn toolbar_css() -> String {
    [
        include_str!(concat!(env!("OUT_DIR"), "/common.css")),
        include_str!(concat!(env!("OUT_DIR"), "/toolbar.css")),
        include_str!(concat!(env!("OUT_DIR"), "/common-conditions.css")),
    ]
    .concat()
}

/// The rules that size the bar, by their selectors as the minified sheet writes them: the host,
/// the root's font and its language's font stack, the bar, its groups, labels, buttons, "More
/// tools" and what it hides, and language links, in every condition that sizes them differently
/// (a narrow bar, forced colors, whose current link has a thicker border).
const BAR_SELECTORS: [&str; 21] = [
    ":host",
    ".nw",
    ".nw *,.nw *::before,.nw *::after",
    ".nw:lang(zh)",
    ".nw:lang(ko)",
    ":lang(zh)",
    ":lang(ko)",
    ":lang(en)",
    ".nw button",
    ".nw select",
    ".toolbar",
    ".toolbar .group",
    ".toolbar .label",
    ".nw.page-toolbar",
    ".page-toolbar .toolbar",
    ".toolbar .rest",
    ".nw .more-toggle",
    ".more-toggle::after",
    ".toolbar:not(.open) .rest:not(:focus-within)",
    ".languages a",
    ".languages a[aria-current=\"page\"]",
];

/// The conditional blocks kept (with only their bar rules inside).
const BAR_CONDITIONS: [&str; 3] = [
    "@container (max-width: 36em)",
    "@container (max-width: 28em)",
    "@media (forced-colors: active)",
];

/// Properties that paint and never size: left out of the placeholder, which is not seen.
const PAINT: [&str; 7] = [
    "color",
    "background",
    "border-color",
    "border-radius",
    "cursor",
    "text-decoration",
    "forced-color-adjust",
];

/// The bar's selectors that no rule of the toolbar's stylesheet has any longer (renamed there,
/// or moved to a file the toolbar's module lacks): the placeholder would miss their rules.
pub fn unknown_selectors() -> Vec<&'static str> {
    let mut preludes = Vec::new();
    let css = toolbar_css();
    let mut rest = css.as_str();
    while let Some(open) = rest.find('{') {
        // A block's last rule ends at `}` before the next prelude; at-rules open a block.
        let prelude = rest[..open].trim_start_matches('}');
        preludes.push(prelude.to_owned());
        rest = &rest[open + 1..];
        if let Some(close) = rest.find('}') {
            if !prelude.starts_with('@') {
                rest = &rest[close + 1..];
            }
        }
    }
    BAR_SELECTORS
        .into_iter()
        .filter(|s| !preludes.iter().any(|p| p == s))
        .collect()
}

/// The bar's rules of the toolbar's stylesheet, in their order, with only what sizes it: no
/// painting property, and no custom property that nothing kept reads.
pub fn bar_css() -> String {
    let mut css = keep_rules(&toolbar_css(), false);
    // Until nothing more goes: a custom property may be read only by another that goes.
    loop {
        let pruned = without_unread_properties(&css);
        if pruned == css {
            return css;
        }
        css = pruned;
    }
}

/// `sizing` without the custom properties that nothing in it reads.
fn without_unread_properties(sizing: &str) -> String {
    let mut out = String::new();
    let mut rest = sizing;
    // Each declaration ends at `;` or at its block's `}`; custom properties no one reads go.
    while let Some(end) = rest.find([';', '}', '{']) {
        let (piece, mark) = (&rest[..end], &rest[end..=end]);
        let unread = piece.split_once(':').is_some_and(|(name, _)| {
            name.starts_with("--") && !sizing.contains(&format!("var({name}"))
        });
        if !unread {
            out.push_str(piece);
            out.push_str(mark);
        } else if mark == "}" {
            out.push('}');
        }
        rest = &rest[end + 1..];
    }
    out.replace(";}", "}")
}

/// The rules of `css` (minified: no comments, no strings with braces) whose selector list is
/// one of the bar's, at-rule blocks of the bar's conditions with their kept rules inside.
fn keep_rules(css: &str, nested: bool) -> String {
    let mut out = String::new();
    let mut rest = css;
    while let Some(open) = rest.find('{') {
        let prelude = &rest[..open];
        // The block's end: its matching brace.
        let mut depth = 0;
        let mut close = open;
        for (i, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => continue,
            }
            if depth == 0 {
                close = open + i;
                break;
            }
        }
        let body = &rest[open + 1..close];
        if prelude.starts_with('@') {
            let inner = keep_rules(body, true);
            if !nested && BAR_CONDITIONS.contains(&prelude) && !inner.is_empty() {
                out.push_str(&format!("{prelude}{{{inner}}}"));
            }
        } else if BAR_SELECTORS.contains(&prelude) {
            let sizing: Vec<&str> = body
                .split(';')
                .filter(|d| !d.split_once(':').is_some_and(|(p, _)| PAINT.contains(&p)))
                .collect();
            if !sizing.is_empty() {
                out.push_str(&format!("{prelude}{{{}}}", sizing.join(";")));
            }
        }
        rest = &rest[close + 1..];
    }
    out
}

/// The bar's visible words in each built-in language, in the order the loader uses them: the
/// font group's label, Print, Print preview, the language group's label, the language's own name
/// (for its link), "More tools"; then the line spacing's label and its three choices, the contrast's label and
/// its three choices, and, where the browser can read aloud, Read aloud's label, Listen and the
/// speeds (the options of its `<select>`).
pub fn bar_words() -> Vec<(&'static str, Vec<String>)> {
    let catalog = Catalog::built_in(Rc::new(PlainNumbers));
    BUILT_IN
        .iter()
        .map(|built| {
            let localizer = catalog.localizer(&built.tag.parse().expect("built-in tags are valid"));
            let word_with = |id: &str, args: &[(&str, Arg<'_>)]| {
                let mut errors = Vec::new();
                let text = localizer.format(id, args, &mut errors).text;
                assert!(errors.is_empty(), "{}: {id}: {errors:?}", built.tag);
                text
            };
            let word = |id: &str| word_with(id, &[]);
            let mut words = vec![
                word("fonts-label"),
                word("print"),
                word("print-preview"),
                word("language-label"),
                built.endonym.to_string(),
                word("toolbar-more"),
            ];
            words.extend(
                [
                    "line-spacing-label",
                    "line-spacing-normal",
                    "line-spacing-one-and-half",
                    "line-spacing-double",
                    "contrast-label",
                    "contrast-site",
                    "contrast-dark-on-light",
                    "contrast-light-on-dark",
                    "listen-label",
                    "listen",
                ]
                .map(word),
            );
            words.extend(Rate::all().map(|rate| {
                let value = Arg::Num(f64::from(rate.per_mille()) / 1000.0);
                word_with("listen-rate-value", &[("rate", value)])
            }));
            (built.tag, words)
        })
        .collect()
}

/// The bar's only numbers are the speeds, which the three built-in languages write as plain
/// decimals (`Intl.NumberFormat` in the page: 0.75, 1, 1.25, 1.5); no word selects on one.
struct PlainNumbers;

impl Numbers for PlainNumbers {
    fn parse(&self, literal: &str) -> f64 {
        unreachable!("the bar's words have no number literal ({literal})")
    }
    fn category(&self, _: &str, _: Number) -> Category {
        unreachable!("the bar's words select on no number")
    }
    fn format(&self, _: &str, number: Number) -> String {
        number.value.to_string()
    }
}
