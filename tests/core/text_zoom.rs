//! The reader toolbar's stylesheet for an existing article, natively: what it says at each step,
//! how ids become selectors, and that the loader's pre-paint copy is the same text.
use news_widget::contract::FontStep;
use news_widget::toolbar::text_zoom::{css_identifier, zoom_css, ZOOM_CSS_TEMPLATE};

/// The loader's generated block, and its pre-paint stylesheet that uses the block's scales.
const LOADER: &str = include_str!("../../js/loader/contract.js");
const LOADER_EARLY_STYLE: &str = include_str!("../../js/loader/early-style.js");

/// The string literal assigned to `var NAME = …;` in the loader's block (one line, double quotes).
fn loader_literal(name: &str) -> String {
    let start = LOADER
        .find(&format!("var {name} = "))
        .unwrap_or_else(|| panic!("the loader defines {name}"));
    let line = LOADER[start..].lines().next().expect("a line");
    let value = line
        .trim_start_matches(&format!("var {name} = "))
        .trim_end_matches(';');
    serde_json::from_str::<serde_json::Value>(value)
        .unwrap_or_else(|e| panic!("{name} is a JSON-compatible literal ({e}): {value}"))
        .to_string()
}

#[test]
fn default_step_leaves_the_page_alone() {
    assert_eq!(zoom_css("zoom", FontStep::DEFAULT), "");
}

#[test]
fn two_hundred_percent_zooms_the_target_by_two() {
    let css = zoom_css("zoom", FontStep::MAX);
    assert!(css.starts_with("#zoom{zoom:2!important;"), "{css}");
}

#[test]
fn eighty_seven_and_a_half_percent_zooms_below_one() {
    assert!(zoom_css("zoom", FontStep::MIN).contains("zoom:0.875!important"));
}

#[test]
fn every_rule_is_scoped_to_the_target() {
    let css = zoom_css("article-content", FontStep::clamped(2));
    for rule in css.split('}').filter(|r| !r.is_empty()) {
        assert!(
            rule.starts_with("#article-content"),
            "unscoped rule: {rule}"
        );
    }
}

#[test]
fn wide_content_is_held_to_the_column_while_scaled() {
    let css = zoom_css("zoom", FontStep::clamped(4));
    assert!(css.contains(
        ":is(img,video,canvas,svg,iframe,object,embed,table,pre){max-width:100%!important}"
    ));
    assert!(css.contains(":is(img,video,canvas){height:auto!important}"));
}

#[test]
fn no_placeholder_is_left_unfilled() {
    let css = zoom_css("zoom", FontStep::clamped(1));
    assert!(!css.contains("{id}"), "{css}");
    assert!(!css.contains("{scale}"), "{css}");
}

#[test]
fn plain_ids_are_written_as_they_are() {
    assert_eq!(css_identifier("article-content"), "article-content");
    assert_eq!(css_identifier("zoom_2"), "zoom_2");
}

#[test]
fn a_leading_digit_is_escaped_as_a_code_point() {
    assert_eq!(css_identifier("1st"), "\\31 st");
}

#[test]
fn a_digit_after_a_leading_hyphen_is_escaped() {
    assert_eq!(css_identifier("-2x"), "-\\32 x");
}

#[test]
fn a_lone_hyphen_is_escaped() {
    assert_eq!(css_identifier("-"), "\\-");
}

#[test]
fn punctuation_is_escaped_with_a_backslash() {
    assert_eq!(css_identifier("a.b:c"), "a\\.b\\:c");
    assert_eq!(css_identifier("x y"), "x\\ y");
    assert_eq!(css_identifier("q\"}"), "q\\\"\\}");
}

#[test]
fn control_characters_are_escaped_as_code_points() {
    assert_eq!(css_identifier("a\nb"), "a\\a b");
}

#[test]
fn non_ascii_ids_pass_through() {
    assert_eq!(css_identifier("新闻正文"), "新闻正文");
}

#[test]
fn the_loader_applies_the_same_stylesheet_before_the_wasm_arrives() {
    assert_eq!(
        loader_literal("ZOOM_CSS"),
        serde_json::Value::from(ZOOM_CSS_TEMPLATE).to_string()
    );
}

#[test]
fn the_loader_knows_the_same_scales_as_the_font_steps() {
    let scales: Vec<String> = (FontStep::MIN.value()..=FontStep::MAX.value())
        .map(|s| FontStep::clamped(s).scale_css())
        .collect();
    assert_eq!(
        loader_literal("SCALES"),
        serde_json::to_string(&scales).expect("strings serialize")
    );
}

#[test]
fn the_loader_puts_100_percent_where_the_font_step_says() {
    // SCALES[0] is the smallest step's, whose value the block gives.
    assert_eq!(
        loader_literal("MIN_STEP"),
        FontStep::MIN.value().to_string()
    );
    assert!(LOADER_EARLY_STYLE.contains("SCALES[step - MIN_STEP]"));
}
