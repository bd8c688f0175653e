//! Attributes: which are allowed, and how their values are cleaned.

use super::clean;
use news_widget::sanitize::{attribute_kind, AttrKind, UrlUse};

// ---- attributes: which are allowed ----

#[test]
fn onclick_attribute_is_dropped() {
    assert_eq!(attribute_kind("p", "onclick"), None);
}

#[test]
fn onerror_on_img_is_dropped() {
    assert_eq!(attribute_kind("img", "onerror"), None);
}

#[test]
fn uppercase_event_handler_is_dropped() {
    assert_eq!(attribute_kind("a", "ONMOUSEOVER"), None);
}

#[test]
fn style_attribute_is_dropped() {
    assert_eq!(attribute_kind("span", "style"), None);
}

#[test]
fn class_attribute_is_dropped() {
    assert_eq!(attribute_kind("div", "class"), None);
}

#[test]
fn id_attribute_is_dropped() {
    assert_eq!(attribute_kind("div", "id"), None);
}

#[test]
fn name_attribute_is_dropped() {
    assert_eq!(attribute_kind("a", "name"), None);
}

#[test]
fn srcset_is_dropped() {
    assert_eq!(attribute_kind("img", "srcset"), None);
}

#[test]
fn xmlns_attribute_is_dropped() {
    assert_eq!(attribute_kind("a", "xmlns"), None);
}

#[test]
fn xlink_href_attribute_is_dropped() {
    assert_eq!(attribute_kind("a", "xlink:href"), None);
}

#[test]
fn formaction_is_dropped() {
    assert_eq!(attribute_kind("a", "formaction"), None);
}

#[test]
fn href_is_not_allowed_on_span() {
    assert_eq!(attribute_kind("span", "href"), None);
}

#[test]
fn src_on_non_output_element_is_dropped() {
    assert_eq!(attribute_kind("iframe", "src"), None);
}

#[test]
fn global_attribute_on_non_output_element_is_dropped() {
    assert_eq!(attribute_kind("script", "lang"), None);
}

#[test]
fn a_href_is_a_link_url() {
    assert_eq!(
        attribute_kind("a", "href"),
        Some(AttrKind::Url(UrlUse::Link))
    );
}

#[test]
fn img_src_is_an_image_url() {
    assert_eq!(
        attribute_kind("img", "src"),
        Some(AttrKind::Url(UrlUse::Image))
    );
}

#[test]
fn blockquote_cite_is_a_citation_url() {
    assert_eq!(
        attribute_kind("blockquote", "cite"),
        Some(AttrKind::Url(UrlUse::Citation))
    );
}

#[test]
fn title_is_global_text() {
    assert_eq!(attribute_kind("td", "title"), Some(AttrKind::Text));
}

#[test]
fn attribute_name_is_case_insensitive() {
    assert_eq!(attribute_kind("IMG", "ALT"), Some(AttrKind::Text));
}

// ---- attributes: value cleaning ----

#[test]
fn colspan_in_range_kept() {
    assert_eq!(clean("td", "colspan", "3"), Some("3".to_string()));
}

#[test]
fn colspan_out_of_range_dropped() {
    assert_eq!(clean("td", "colspan", "101"), None);
}

#[test]
fn colspan_zero_dropped() {
    assert_eq!(clean("th", "colspan", "0"), None);
}

#[test]
fn rowspan_huge_number_dropped() {
    assert_eq!(clean("td", "rowspan", "99999999999999999999"), None);
}

#[test]
fn negative_integer_dropped() {
    assert_eq!(clean("img", "width", "-5"), None);
}

#[test]
fn integer_with_units_dropped() {
    assert_eq!(clean("img", "width", "100px"), None);
}

#[test]
fn integer_is_normalized() {
    assert_eq!(clean("img", "height", " 0240 "), Some("240".to_string()));
}

#[test]
fn ol_start_zero_allowed() {
    assert_eq!(clean("ol", "start", "0"), Some("0".to_string()));
}

#[test]
fn ol_type_upper_a_kept_as_upper() {
    assert_eq!(clean("ol", "type", "A"), Some("A".to_string()));
}

#[test]
fn ol_type_lower_i_kept_as_lower() {
    assert_eq!(clean("ol", "type", "i"), Some("i".to_string()));
}

#[test]
fn ol_type_unknown_dropped() {
    assert_eq!(clean("ol", "type", "disc"), None);
}

#[test]
fn ol_reversed_empty_boolean_kept() {
    assert_eq!(clean("ol", "reversed", ""), Some(String::new()));
}

#[test]
fn ol_reversed_named_boolean_normalized() {
    assert_eq!(
        clean("ol", "reversed", "REVERSED"),
        Some("reversed".to_string())
    );
}

#[test]
fn ol_reversed_other_value_dropped() {
    assert_eq!(clean("ol", "reversed", "no"), None);
}

#[test]
fn th_scope_colgroup_kept() {
    assert_eq!(
        clean("th", "scope", "colgroup"),
        Some("colgroup".to_string())
    );
}

#[test]
fn th_scope_mixed_case_normalized() {
    assert_eq!(clean("th", "scope", "Row"), Some("row".to_string()));
}

#[test]
fn th_scope_bogus_dropped() {
    assert_eq!(clean("th", "scope", "everything"), None);
}

#[test]
fn scope_not_allowed_on_td() {
    assert_eq!(attribute_kind("td", "scope"), None);
}

#[test]
fn lang_attribute_validated() {
    assert_eq!(
        clean("p", "lang", "zh-Hant-TW"),
        Some("zh-Hant-TW".to_string())
    );
}

#[test]
fn lang_two_letter_kept() {
    assert_eq!(clean("span", "lang", "ko"), Some("ko".to_string()));
}

#[test]
fn lang_with_quote_and_space_dropped() {
    assert_eq!(clean("p", "lang", "en\" onload=\"x"), None);
}

#[test]
fn lang_with_empty_subtag_dropped() {
    assert_eq!(clean("p", "lang", "en--us"), None);
}

#[test]
fn lang_with_leading_hyphen_dropped() {
    assert_eq!(clean("p", "lang", "-en"), None);
}

#[test]
fn lang_with_numeric_primary_subtag_dropped() {
    assert_eq!(clean("p", "lang", "12"), None);
}

#[test]
fn lang_empty_dropped() {
    assert_eq!(clean("p", "lang", ""), None);
}

#[test]
fn lang_too_long_dropped() {
    assert_eq!(
        clean("p", "lang", "en-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd"),
        None
    );
}

#[test]
fn hreflang_validated() {
    assert_eq!(clean("a", "hreflang", "en-US"), Some("en-US".to_string()));
}

#[test]
fn hreflang_with_underscore_dropped() {
    assert_eq!(clean("a", "hreflang", "en_US"), None);
}

#[test]
fn dir_value_lowercased() {
    assert_eq!(clean("p", "dir", "RTL"), Some("rtl".to_string()));
}

#[test]
fn dir_auto_kept() {
    assert_eq!(clean("bdi", "dir", "auto"), Some("auto".to_string()));
}

#[test]
fn dir_bogus_dropped() {
    assert_eq!(clean("p", "dir", "sideways"), None);
}

#[test]
fn text_control_characters_stripped() {
    assert_eq!(
        clean("img", "alt", "a\u{0}b\u{7f}c\u{85}d"),
        Some("abcd".to_string())
    );
}

#[test]
fn text_newlines_become_spaces() {
    assert_eq!(
        clean("abbr", "title", "line\none\ttab"),
        Some("line one tab".to_string())
    );
}

#[test]
fn text_capped_at_500_chars() {
    let long = "가".repeat(600);
    let cleaned = clean("img", "alt", &long).unwrap_or_default();
    assert_eq!(cleaned.chars().count(), 500);
}

#[test]
fn empty_alt_is_kept() {
    assert_eq!(clean("img", "alt", ""), Some(String::new()));
}

#[test]
fn url_attribute_cleaned_through_check_url() {
    assert_eq!(
        clean("a", "href", " https://city.example/news\n"),
        Some("https://city.example/news".to_string())
    );
}

#[test]
fn url_attribute_javascript_dropped() {
    assert_eq!(clean("a", "href", "javascript:alert(1)"), None);
}
