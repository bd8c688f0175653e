//! The reader toolbar's line-spacing and contrast sheets for an existing article, natively:
//! what they say for each choice, and that they select the target and nothing else of the page.
use news_widget::contract::{Contrast, LineSpacing};
use news_widget::toolbar::reading_style::{contrast_css, palette, spacing_css};
use news_widget::toolbar::text_zoom::css_identifier;

use crate::support::css::{rules, Rule};

/// Ids a CMS may give its article: plain, with a leading digit, a dot, Han characters, and the
/// templates' own placeholders.
const IDS: [&str; 6] = [
    "article-content",
    "1st",
    "a.b",
    "新闻正文",
    "x{line}",
    "{id}",
];

fn every_sheet(id: &str) -> Vec<String> {
    let mut sheets: Vec<String> = LineSpacing::ALL
        .iter()
        .map(|&s| spacing_css(id, s))
        .collect();
    sheets.extend(Contrast::ALL.iter().map(|&c| contrast_css(id, c)));
    sheets
}

/// Whether a selector's first compound is the target's id alone: the target itself or an
/// element inside it.
fn selects_only_the_target(selector: &str, id: &str) -> bool {
    let own = format!("#{}", css_identifier(id));
    selector == own
        || selector
            .strip_prefix(&own)
            .is_some_and(|rest| rest.starts_with(' '))
}

#[test]
fn every_rule_selects_the_target_or_what_is_inside_it() {
    for id in IDS {
        for sheet in every_sheet(id) {
            for rule in rules(&sheet) {
                for selector in &rule.selectors {
                    assert!(
                        selects_only_the_target(selector, id),
                        "{selector} in {sheet}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_site_s_own_choices_leave_the_page_alone() {
    assert_eq!(spacing_css("a", LineSpacing::Normal), "");
    assert_eq!(contrast_css("a", Contrast::Site), "");
}

#[test]
fn no_placeholder_is_left_unfilled() {
    for sheet in every_sheet("article") {
        for placeholder in [
            "{id}",
            "{line}",
            "{paragraph}",
            "{text}",
            "{background}",
            "{link}",
            "{focus}",
        ] {
            assert!(!sheet.contains(placeholder), "{placeholder} in {sheet}");
        }
    }
}

fn declarations(sheet: &str, selector: &str) -> Vec<(String, String)> {
    rules(sheet)
        .into_iter()
        .filter(|r| r.selectors.iter().any(|s| s == selector))
        .flat_map(|r| r.declarations)
        .collect()
}

#[test]
fn one_and_a_half_lines_set_every_line_height_in_the_target_and_the_paragraph_spacing() {
    let sheet = spacing_css("article", LineSpacing::OneAndHalf);
    assert_eq!(
        declarations(&sheet, "#article *"),
        [(
            "line-height".to_string(),
            "max(1.8,var(--nw-body,0))!important".to_string()
        )]
    );
    assert_eq!(
        declarations(&sheet, "#article"),
        declarations(&sheet, "#article *")
    );
    assert_eq!(
        declarations(&sheet, "#article p"),
        [("margin-block-end".to_string(), "2em!important".to_string())]
    );
}

#[test]
fn double_spacing_is_two_point_four() {
    let sheet = spacing_css("article", LineSpacing::Double);
    assert!(
        sheet.contains("line-height:max(2.4,var(--nw-body,0))!important"),
        "{sheet}"
    );
    assert!(
        sheet.contains("margin-block-end:2.4em!important"),
        "{sheet}"
    );
}

#[test]
fn lines_are_never_closer_than_the_article_s_own() {
    // The article's own line heights, its paragraphs' and its headings', are the floor of the
    // reader's choice: a Chinese government page's `line-height: 1.875` stays under 1.5 lines
    // (1.8). Without them (the loader could not measure), the choice alone.
    let sheet = spacing_css("article", LineSpacing::OneAndHalf);
    assert_eq!(
        declarations(&sheet, "#article :is(h1,h2,h3,h4,h5,h6)"),
        [(
            "line-height".to_string(),
            "max(1.3,1.8*.625,var(--nw-heading,0))!important".to_string()
        )]
    );
    for rule in rules(&sheet) {
        for (property, value) in &rule.declarations {
            if property == "line-height" {
                assert!(
                    value.contains("var(--nw-body,0)") || value.contains("var(--nw-heading,0)"),
                    "{value}"
                );
            }
        }
    }
}

fn contrast_rules(contrast: Contrast) -> Vec<Rule> {
    rules(&contrast_css("article", contrast))
}

#[test]
fn a_scheme_is_for_the_screen_only_so_paper_stays_black_on_white() {
    for contrast in [Contrast::DarkOnLight, Contrast::LightOnDark] {
        for rule in contrast_rules(contrast) {
            assert_eq!(rule.at, ["@media screen"], "{rule:?}");
        }
    }
}

#[test]
fn a_scheme_colours_the_target_and_clears_backgrounds_inside_it() {
    let colours = palette(Contrast::LightOnDark).expect("a scheme");
    let sheet = contrast_css("article", Contrast::LightOnDark);
    let own = declarations(&sheet, "#article");
    assert!(own.contains(&("color".into(), format!("{}!important", colours.text))));
    assert!(own.contains(&(
        "background-color".into(),
        format!("{}!important", colours.background)
    )));
    let inside = declarations(&sheet, "#article *");
    assert!(inside.contains(&("background-color".into(), "transparent!important".into())));
    assert!(inside.contains(&("border-color".into(), format!("{}!important", colours.line))));
}

#[test]
fn links_have_the_scheme_s_link_colour_and_an_underline() {
    let colours = palette(Contrast::DarkOnLight).expect("a scheme");
    let sheet = contrast_css("article", Contrast::DarkOnLight);
    assert_eq!(
        declarations(&sheet, "#article a"),
        [
            ("color".to_string(), format!("{}!important", colours.link)),
            (
                "text-decoration-line".to_string(),
                "underline!important".to_string()
            ),
        ]
    );
}

#[test]
fn a_scheme_never_opts_out_of_forced_colours() {
    for contrast in Contrast::ALL {
        assert!(!contrast_css("a", contrast).contains("forced-color-adjust"));
    }
}
