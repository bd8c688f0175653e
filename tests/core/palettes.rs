//! The reader's contrast schemes, natively: every colour pair a reader sees in the widget's
//! schemes (`src/dom/common.css`) and on a toolbar's article is at least 7:1 (WCAG 1.4.6's
//! enhanced contrast, computed by WCAG 2's relative luminance), the two are the same colours,
//! and print and forced colours are left black on white and to the system.
use std::collections::HashMap;

use news_widget::contract::Contrast;
use news_widget::toolbar::reading_style::palette;

use crate::support::css::rules;

/// Every rule of our shadow roots' stylesheets, in the core module's order.
fn sheet() -> String {
    [
        include_str!("../../src/dom/common.css"),
        include_str!("../../src/dom/article.css"),
        include_str!("../../src/dom/widget.css"),
        include_str!("../../src/dom/toolbar.css"),
        include_str!("../../src/dom/common-conditions.css"),
        include_str!("../../src/dom/print.css"),
    ]
    .join("\n")
}

/// `#rrggbb` as linear-light relative luminance.
fn luminance(hex: &str) -> f64 {
    let hex = hex.trim().trim_start_matches('#');
    assert_eq!(hex.len(), 6, "a palette colour is #rrggbb: {hex}");
    let channel = |i: usize| {
        let c = u8::from_str_radix(&hex[i..i + 2], 16).expect("hex digits") as f64 / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
}

fn ratio(a: &str, b: &str) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn the_ratio_is_wcag_s() {
    assert!((ratio("#000000", "#ffffff") - 21.0).abs() < 1e-9);
    assert!((ratio("#777777", "#ffffff") - 4.48).abs() < 0.01);
    assert_eq!(ratio("#123456", "#123456"), 1.0);
}

/// The custom properties a scheme's rule sets on the widget's root (outside any at-rule).
fn scheme(contrast: Contrast) -> HashMap<String, String> {
    let selector = format!(".nw[data-contrast=\"{}\"]", contrast.name());
    let found: Vec<_> = rules(&sheet())
        .into_iter()
        .filter(|r| r.at.is_empty() && r.selectors.contains(&selector))
        .collect();
    assert_eq!(found.len(), 1, "one rule for {selector}");
    found[0]
        .declarations
        .iter()
        .filter(|(name, _)| name.starts_with("--nw-"))
        .map(|(name, value)| (name.trim_start_matches("--nw-").to_string(), value.clone()))
        .collect()
}

/// What is drawn on what: text, secondary text, a control that is off, links and titles,
/// control borders and focus rings on the background and on a notice's tint; a pressed
/// button's text on the accent.
const PAIRS: [(&str, &str); 11] = [
    ("text", "bg"),
    ("muted", "bg"),
    ("off", "bg"),
    ("accent", "bg"),
    ("line", "bg"),
    ("focus", "bg"),
    ("on-accent", "accent"),
    ("text", "tint"),
    ("muted", "tint"),
    ("accent", "tint"),
    ("focus", "tint"),
];

fn assert_seven_to_one(contrast: Contrast) {
    let colours = scheme(contrast);
    for (fore, back) in PAIRS {
        let (f, b) = (&colours[fore], &colours[back]);
        let r = ratio(f, b);
        assert!(
            r >= 7.0,
            "{contrast:?}: {fore} {f} on {back} {b} is {r:.2}:1"
        );
    }
}

#[test]
fn dark_on_light_is_seven_to_one_for_every_pair() {
    assert_seven_to_one(Contrast::DarkOnLight);
}

#[test]
fn light_on_dark_is_seven_to_one_for_every_pair() {
    assert_seven_to_one(Contrast::LightOnDark);
}

#[test]
fn a_control_that_is_off_is_told_from_one_that_is_on_in_each_scheme() {
    for contrast in [Contrast::DarkOnLight, Contrast::LightOnDark] {
        let colours = scheme(contrast);
        let r = ratio(&colours["off"], &colours["text"]);
        assert!(r >= 2.0, "{contrast:?}: off is {r:.2}:1 from the text");
    }
}

#[test]
fn an_article_page_gets_the_widget_s_colours() {
    for contrast in [Contrast::DarkOnLight, Contrast::LightOnDark] {
        let widget = scheme(contrast);
        let page = palette(contrast).expect("a scheme");
        assert_eq!(
            [page.text, page.background, page.link, page.line, page.focus],
            [
                &widget["text"],
                &widget["bg"],
                &widget["accent"],
                &widget["line"],
                &widget["focus"]
            ],
            "{contrast:?}"
        );
    }
    assert_eq!(palette(Contrast::Site), None);
}

#[test]
fn paper_is_black_on_white_whatever_the_scheme() {
    let printed: Vec<_> = rules(&sheet())
        .into_iter()
        .filter(|r| r.at == ["@media print"])
        .filter(|r| r.selectors.iter().any(|s| s.contains("data-contrast")))
        .collect();
    for contrast in [Contrast::DarkOnLight, Contrast::LightOnDark] {
        let rule = printed
            .iter()
            .find(|r| r.selectors.iter().any(|s| s.contains(contrast.name())))
            .unwrap_or_else(|| panic!("a print rule for {contrast:?}"));
        let value = |name: &str| {
            rule.declarations
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(value("--nw-text"), Some("#000"));
        assert_eq!(value("--nw-bg"), Some("#fff"));
        assert_eq!(value("--nw-accent"), Some("#000"));
    }
}

#[test]
fn forced_colours_are_never_fought() {
    // The schemes set colours the browser forces; only the pressed controls opt out, to draw
    // themselves in the system's own Highlight colours.
    for rule in rules(&sheet()) {
        let opts_out = rule
            .declarations
            .iter()
            .any(|(name, value)| name == "forced-color-adjust" && value == "none");
        if opts_out {
            assert_eq!(rule.at, ["@media (forced-colors: active)"], "{rule:?}");
            assert!(
                rule.declarations
                    .iter()
                    .filter(|(name, _)| name == "color" || name == "background")
                    .all(|(_, value)| !value.contains("var(")),
                "system colours only: {rule:?}"
            );
        }
    }
}
