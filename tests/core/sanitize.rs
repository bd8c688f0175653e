// Tests for the article-HTML sanitizer policy: one behaviour per test, so a failure names
// exactly which rule broke and never hides the others.

use news_widget::sanitize::{
    attribute_kind, check_url, clean_attribute, element_action, image_extras, link_extras,
    resolved_scheme_allowed, AttrKind, CheckedUrl, ElementAction, UrlRejected, UrlUse, MAX_DEPTH,
};

fn clean(tag: &str, attr: &str, value: &str) -> Option<String> {
    let kind = attribute_kind(tag, attr)?;
    clean_attribute(&kind, value)
}

fn forbidden(scheme: &str) -> Result<CheckedUrl, UrlRejected> {
    Err(UrlRejected::ForbiddenScheme {
        scheme: scheme.to_string(),
    })
}

/// One named test per element case, so every broken rule shows up on its own.
macro_rules! element_case {
    ($name:ident, $tag:expr, $action:expr) => {
        #[test]
        fn $name() {
            assert_eq!(element_action($tag), $action);
        }
    };
}

// ---- elements: dropped with their content ----

element_case!(
    script_is_dropped_with_content,
    "script",
    ElementAction::Drop
);
element_case!(
    uppercase_script_is_dropped_with_content,
    "SCRIPT",
    ElementAction::Drop
);
element_case!(
    style_element_is_dropped_with_content,
    "style",
    ElementAction::Drop
);
element_case!(
    template_is_dropped_with_content,
    "template",
    ElementAction::Drop
);
element_case!(svg_is_dropped_whole, "svg", ElementAction::Drop);
element_case!(uppercase_svg_is_dropped_whole, "SVG", ElementAction::Drop);
element_case!(math_is_dropped_whole, "math", ElementAction::Drop);
element_case!(
    svg_prefixed_element_is_dropped,
    "svg:rect",
    ElementAction::Drop
);
element_case!(
    math_prefixed_element_is_dropped,
    "MATH:mi",
    ElementAction::Drop
);
element_case!(prefixed_script_is_dropped, "x:script", ElementAction::Drop);
element_case!(
    doubly_prefixed_script_is_dropped,
    "a:b:script",
    ElementAction::Drop
);
element_case!(
    iframe_is_dropped_with_content,
    "iframe",
    ElementAction::Drop
);
element_case!(
    frameset_is_dropped_with_content,
    "frameset",
    ElementAction::Drop
);
element_case!(
    object_is_dropped_with_content,
    "object",
    ElementAction::Drop
);
element_case!(embed_is_dropped, "embed", ElementAction::Drop);
element_case!(
    applet_is_dropped_with_content,
    "applet",
    ElementAction::Drop
);
element_case!(
    noscript_is_dropped_with_content,
    "noscript",
    ElementAction::Drop
);
element_case!(
    noembed_is_dropped_with_content,
    "noembed",
    ElementAction::Drop
);
element_case!(
    noframes_is_dropped_with_content,
    "noframes",
    ElementAction::Drop
);
element_case!(xmp_is_dropped_with_content, "xmp", ElementAction::Drop);
element_case!(
    plaintext_is_dropped_with_content,
    "plaintext",
    ElementAction::Drop
);
element_case!(head_is_dropped_with_content, "head", ElementAction::Drop);
element_case!(title_is_dropped_with_content, "title", ElementAction::Drop);
element_case!(base_is_dropped, "base", ElementAction::Drop);
element_case!(meta_is_dropped, "meta", ElementAction::Drop);
element_case!(link_element_is_dropped, "link", ElementAction::Drop);
element_case!(video_is_dropped_with_content, "video", ElementAction::Drop);
element_case!(audio_is_dropped_with_content, "audio", ElementAction::Drop);
element_case!(source_is_dropped, "source", ElementAction::Drop);
element_case!(track_is_dropped, "track", ElementAction::Drop);
element_case!(
    canvas_is_dropped_with_content,
    "canvas",
    ElementAction::Drop
);
element_case!(input_is_dropped, "input", ElementAction::Drop);
element_case!(
    button_is_dropped_with_content,
    "button",
    ElementAction::Drop
);
element_case!(
    textarea_is_dropped_with_content,
    "textarea",
    ElementAction::Drop
);
element_case!(
    select_is_dropped_with_content,
    "select",
    ElementAction::Drop
);
element_case!(
    option_is_dropped_with_content,
    "option",
    ElementAction::Drop
);
element_case!(
    dialog_is_dropped_with_content,
    "dialog",
    ElementAction::Drop
);
element_case!(slot_is_dropped, "slot", ElementAction::Drop);
element_case!(portal_is_dropped, "portal", ElementAction::Drop);
element_case!(param_is_dropped, "param", ElementAction::Drop);

// ---- elements: kept, possibly renamed ----

element_case!(paragraph_is_kept, "p", ElementAction::Keep("p"));
element_case!(uppercase_tag_name_is_matched, "P", ElementAction::Keep("p"));
element_case!(h1_becomes_h2, "h1", ElementAction::Keep("h2"));
element_case!(uppercase_h1_becomes_h2, "H1", ElementAction::Keep("h2"));
element_case!(h2_stays_h2, "h2", ElementAction::Keep("h2"));
element_case!(h3_stays_h3, "h3", ElementAction::Keep("h3"));
element_case!(h4_stays_h4, "h4", ElementAction::Keep("h4"));
element_case!(h5_becomes_h4, "h5", ElementAction::Keep("h4"));
element_case!(h6_becomes_h4, "h6", ElementAction::Keep("h4"));
element_case!(b_stays_b, "b", ElementAction::Keep("b"));
element_case!(strong_is_kept, "strong", ElementAction::Keep("strong"));
element_case!(strike_becomes_s, "strike", ElementAction::Keep("s"));
element_case!(tt_becomes_code, "tt", ElementAction::Keep("code"));
element_case!(div_is_kept, "div", ElementAction::Keep("div"));
element_case!(section_becomes_div, "section", ElementAction::Keep("div"));
element_case!(article_becomes_div, "article", ElementAction::Keep("div"));
element_case!(
    main_landmark_becomes_div,
    "main",
    ElementAction::Keep("div")
);
element_case!(nav_landmark_becomes_div, "nav", ElementAction::Keep("div"));
element_case!(img_is_kept, "img", ElementAction::Keep("img"));
element_case!(a_is_kept, "a", ElementAction::Keep("a"));
element_case!(br_is_kept, "br", ElementAction::Keep("br"));
element_case!(wbr_is_kept, "wbr", ElementAction::Keep("wbr"));
element_case!(
    blockquote_is_kept,
    "blockquote",
    ElementAction::Keep("blockquote")
);
element_case!(
    figcaption_is_kept,
    "figcaption",
    ElementAction::Keep("figcaption")
);
element_case!(table_is_kept, "table", ElementAction::Keep("table"));
element_case!(caption_is_kept, "caption", ElementAction::Keep("caption"));
element_case!(thead_is_kept, "thead", ElementAction::Keep("thead"));
element_case!(tbody_is_kept, "tbody", ElementAction::Keep("tbody"));
element_case!(tfoot_is_kept, "tfoot", ElementAction::Keep("tfoot"));
element_case!(tr_is_kept, "tr", ElementAction::Keep("tr"));
element_case!(th_is_kept, "th", ElementAction::Keep("th"));
element_case!(td_is_kept, "td", ElementAction::Keep("td"));
element_case!(
    colgroup_is_kept,
    "colgroup",
    ElementAction::Keep("colgroup")
);
element_case!(col_is_kept, "col", ElementAction::Keep("col"));
element_case!(time_is_kept, "time", ElementAction::Keep("time"));
element_case!(dl_is_kept, "dl", ElementAction::Keep("dl"));

// ---- elements: unwrapped (children kept) ----

element_case!(
    form_is_unwrapped_to_keep_article_text,
    "form",
    ElementAction::Unwrap
);
element_case!(unknown_element_is_unwrapped, "blink", ElementAction::Unwrap);
element_case!(font_is_unwrapped, "font", ElementAction::Unwrap);
element_case!(center_is_unwrapped, "center", ElementAction::Unwrap);
element_case!(
    custom_element_is_unwrapped,
    "my-widget",
    ElementAction::Unwrap
);
element_case!(body_wrapper_is_unwrapped, "BODY", ElementAction::Unwrap);
element_case!(html_wrapper_is_unwrapped, "html", ElementAction::Unwrap);
element_case!(empty_tag_name_is_unwrapped, "", ElementAction::Unwrap);
element_case!(
    prefixed_known_element_is_unwrapped_not_kept,
    "x:p",
    ElementAction::Unwrap
);
element_case!(
    picture_is_unwrapped_so_its_img_survives,
    "picture",
    ElementAction::Unwrap
);
element_case!(details_is_unwrapped, "details", ElementAction::Unwrap);

#[test]
fn max_depth_is_a_sane_bound() {
    assert!((16..=256).contains(&MAX_DEPTH));
}

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

// ---- URLs: links ----

#[test]
fn href_javascript_rejected() {
    assert_eq!(
        check_url("javascript:alert(1)", UrlUse::Link),
        forbidden("javascript")
    );
}

#[test]
fn href_javascript_with_tab_rejected() {
    assert_eq!(
        check_url("java\tscript:alert(1)", UrlUse::Link),
        forbidden("javascript")
    );
}

#[test]
fn href_javascript_with_newline_and_cr_rejected() {
    assert_eq!(
        check_url("jav\na\rscript:alert(1)", UrlUse::Link),
        forbidden("javascript")
    );
}

#[test]
fn href_leading_space_javascript_rejected() {
    assert_eq!(
        check_url(" javascript:alert(1)", UrlUse::Link),
        forbidden("javascript")
    );
}

#[test]
fn href_leading_c0_control_javascript_rejected() {
    assert_eq!(
        check_url("\u{1}\u{0} javascript:alert(1)", UrlUse::Link),
        forbidden("javascript")
    );
}

#[test]
fn href_uppercase_javascript_rejected() {
    assert_eq!(
        check_url("JaVaScRiPt:alert(1)", UrlUse::Link),
        forbidden("javascript")
    );
}

#[test]
fn vbscript_rejected() {
    assert_eq!(
        check_url("vbscript:msgbox(1)", UrlUse::Link),
        forbidden("vbscript")
    );
}

#[test]
fn link_data_html_rejected() {
    assert_eq!(
        check_url("data:text/html,<script>alert(1)</script>", UrlUse::Link),
        forbidden("data")
    );
}

#[test]
fn link_data_png_rejected() {
    assert_eq!(
        check_url("data:image/png;base64,iVBORw0KGgo=", UrlUse::Link),
        forbidden("data")
    );
}

#[test]
fn file_scheme_rejected() {
    assert_eq!(
        check_url("file:///etc/passwd", UrlUse::Link),
        forbidden("file")
    );
}

#[test]
fn blob_scheme_rejected() {
    assert_eq!(
        check_url("blob:https://city.example/uuid", UrlUse::Image),
        forbidden("blob")
    );
}

#[test]
fn about_blank_rejected() {
    assert_eq!(check_url("about:blank", UrlUse::Link), forbidden("about"));
}

#[test]
fn intent_scheme_rejected() {
    assert_eq!(
        check_url("intent://scan/#Intent;scheme=zxing;end", UrlUse::Link),
        forbidden("intent")
    );
}

#[test]
fn tel_scheme_rejected() {
    assert_eq!(check_url("tel:+82-2-120", UrlUse::Link), forbidden("tel"));
}

#[test]
fn href_https_allowed() {
    assert_eq!(
        check_url("https://city.example/a?b=c#d", UrlUse::Link),
        Ok(CheckedUrl {
            value: "https://city.example/a?b=c#d".to_string(),
            relative: false
        })
    );
}

#[test]
fn href_uppercase_http_allowed() {
    assert!(check_url("HTTP://city.example/", UrlUse::Link).is_ok());
}

#[test]
fn href_mailto_allowed() {
    assert_eq!(
        check_url("mailto:press@city.example", UrlUse::Link),
        Ok(CheckedUrl {
            value: "mailto:press@city.example".to_string(),
            relative: false
        })
    );
}

#[test]
fn mailto_not_allowed_for_images() {
    assert_eq!(
        check_url("mailto:press@city.example", UrlUse::Image),
        forbidden("mailto")
    );
}

#[test]
fn href_relative_allowed() {
    assert_eq!(
        check_url("../news/2024/05/parks.html", UrlUse::Link),
        Ok(CheckedUrl {
            value: "../news/2024/05/parks.html".to_string(),
            relative: true
        })
    );
}

#[test]
fn href_root_relative_allowed() {
    assert_eq!(
        check_url("/news?id=7", UrlUse::Link).map(|u| u.relative),
        Ok(true)
    );
}

#[test]
fn href_fragment_allowed() {
    assert_eq!(
        check_url("#section-2", UrlUse::Link).map(|u| u.relative),
        Ok(true)
    );
}

#[test]
fn protocol_relative_link_allowed() {
    assert_eq!(
        check_url("//cdn.city.example/a.pdf", UrlUse::Link),
        Ok(CheckedUrl {
            value: "//cdn.city.example/a.pdf".to_string(),
            relative: true
        })
    );
}

#[test]
fn colon_after_slash_is_a_relative_path() {
    assert_eq!(
        check_url("/wiki/Help:Contents", UrlUse::Link).map(|u| u.relative),
        Ok(true)
    );
}

#[test]
fn colon_in_query_is_relative() {
    assert_eq!(
        check_url("?next=javascript:alert(1)", UrlUse::Link).map(|u| u.relative),
        Ok(true)
    );
}

#[test]
fn percent_encoded_scheme_is_a_relative_path() {
    assert_eq!(
        check_url("%6Aavascript:alert(1)", UrlUse::Link).map(|u| u.relative),
        Ok(true)
    );
}

#[test]
fn leading_digit_is_not_a_scheme() {
    assert_eq!(
        check_url("1javascript:alert(1)", UrlUse::Link).map(|u| u.relative),
        Ok(true)
    );
}

#[test]
fn windows_drive_letter_is_a_forbidden_scheme() {
    assert_eq!(
        check_url("C:\\Users\\press\\photo.jpg", UrlUse::Image),
        forbidden("c")
    );
}

#[test]
fn url_whitespace_is_stripped_in_value() {
    assert_eq!(
        check_url("\n  https://city.example/\tparks \u{0}", UrlUse::Link).map(|u| u.value),
        Ok("https://city.example/parks".to_string())
    );
}

#[test]
fn inner_space_is_kept() {
    assert_eq!(
        check_url("/files/annual report.pdf", UrlUse::Link).map(|u| u.value),
        Ok("/files/annual report.pdf".to_string())
    );
}

#[test]
fn embedded_null_rejected() {
    assert_eq!(
        check_url("https://city.example/\u{0}x", UrlUse::Link),
        Err(UrlRejected::ControlCharacters)
    );
}

#[test]
fn embedded_escape_rejected() {
    assert_eq!(
        check_url("java\u{1b}script:alert(1)", UrlUse::Link),
        Err(UrlRejected::ControlCharacters)
    );
}

#[test]
fn c1_control_rejected() {
    assert_eq!(
        check_url("https://city.example/\u{85}", UrlUse::Link),
        Err(UrlRejected::ControlCharacters)
    );
}

#[test]
fn empty_url_rejected() {
    assert_eq!(check_url("", UrlUse::Link), Err(UrlRejected::Empty));
}

#[test]
fn whitespace_only_url_rejected() {
    assert_eq!(
        check_url(" \t\n\r ", UrlUse::Image),
        Err(UrlRejected::Empty)
    );
}

#[test]
fn overlong_url_rejected() {
    let url = format!("https://city.example/{}", "a".repeat(8192));
    assert_eq!(check_url(&url, UrlUse::Link), Err(UrlRejected::TooLong));
}

#[test]
fn url_at_length_cap_allowed() {
    let prefix = "https://city.example/";
    let url = format!("{prefix}{}", "a".repeat(8192 - prefix.len()));
    assert!(check_url(&url, UrlUse::Link).is_ok());
}

#[test]
fn length_cap_counts_after_whitespace_stripping() {
    let url = format!(
        "{}https://city.example/{}",
        " ".repeat(100),
        "\t".repeat(9000)
    );
    assert!(check_url(&url, UrlUse::Link).is_ok());
}

// ---- URLs: citations ----

#[test]
fn citation_https_allowed() {
    assert!(check_url("https://city.example/minutes", UrlUse::Citation).is_ok());
}

#[test]
fn citation_mailto_rejected() {
    assert_eq!(
        check_url("mailto:press@city.example", UrlUse::Citation),
        forbidden("mailto")
    );
}

#[test]
fn citation_javascript_rejected() {
    assert_eq!(
        check_url("javascript:alert(1)", UrlUse::Citation),
        forbidden("javascript")
    );
}

// ---- URLs: images ----

#[test]
fn img_https_allowed() {
    assert!(check_url("https://cdn.city.example/p.jpg", UrlUse::Image).is_ok());
}

#[test]
fn img_relative_allowed() {
    assert_eq!(
        check_url("images/p.jpg", UrlUse::Image).map(|u| u.relative),
        Ok(true)
    );
}

#[test]
fn img_data_png_allowed() {
    assert_eq!(
        check_url(
            "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==",
            UrlUse::Image
        ),
        Ok(CheckedUrl {
            value: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==".to_string(),
            relative: false
        })
    );
}

#[test]
fn img_data_jpeg_allowed() {
    assert!(check_url("data:image/jpeg;base64,/9j/4AAQ", UrlUse::Image).is_ok());
}

#[test]
fn img_data_gif_allowed() {
    assert!(check_url("data:image/gif;base64,R0lGODlh", UrlUse::Image).is_ok());
}

#[test]
fn img_data_webp_allowed() {
    assert!(check_url("data:image/webp;base64,UklGRg==", UrlUse::Image).is_ok());
}

#[test]
fn img_data_avif_allowed() {
    assert!(check_url("data:image/avif;base64,AAAAIGZ0eXA=", UrlUse::Image).is_ok());
}

#[test]
fn img_data_uppercase_media_type_allowed() {
    assert!(check_url("DATA:IMAGE/PNG;BASE64,AAAA", UrlUse::Image).is_ok());
}

#[test]
fn img_data_svg_rejected() {
    assert_eq!(
        check_url("data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=", UrlUse::Image),
        forbidden("data")
    );
}

#[test]
fn img_data_svg_percent_encoded_rejected() {
    assert_eq!(
        check_url("data:image/svg+xml,%3Csvg%3E", UrlUse::Image),
        forbidden("data")
    );
}

#[test]
fn img_data_html_rejected() {
    assert_eq!(
        check_url("data:text/html;base64,PHNjcmlwdD4=", UrlUse::Image),
        forbidden("data")
    );
}

#[test]
fn img_data_png_without_base64_rejected() {
    assert_eq!(
        check_url("data:image/png,rawbytes", UrlUse::Image),
        forbidden("data")
    );
}

#[test]
fn img_data_png_with_parameters_rejected() {
    assert_eq!(
        check_url("data:image/png;charset=utf-8;base64,AAAA", UrlUse::Image),
        forbidden("data")
    );
}

#[test]
fn img_data_png_with_bad_payload_rejected() {
    assert_eq!(
        check_url("data:image/png;base64,AA<script>", UrlUse::Image),
        forbidden("data")
    );
}

#[test]
fn img_data_png_with_empty_payload_rejected() {
    assert_eq!(
        check_url("data:image/png;base64,", UrlUse::Image),
        forbidden("data")
    );
}

#[test]
fn img_javascript_rejected() {
    assert_eq!(
        check_url("javascript:alert(1)", UrlUse::Image),
        forbidden("javascript")
    );
}

// ---- resolved schemes ----

#[test]
fn resolved_https_link_allowed() {
    assert!(resolved_scheme_allowed("https:", UrlUse::Link));
}

#[test]
fn resolved_https_image_allowed() {
    assert!(resolved_scheme_allowed("https:", UrlUse::Image));
}

#[test]
fn resolved_https_citation_allowed() {
    assert!(resolved_scheme_allowed("https:", UrlUse::Citation));
}

#[test]
fn resolved_http_allowed() {
    assert!(resolved_scheme_allowed("http:", UrlUse::Link));
}

#[test]
fn resolved_javascript_scheme_not_allowed() {
    assert!(!resolved_scheme_allowed("javascript:", UrlUse::Link));
}

#[test]
fn resolved_javascript_scheme_not_allowed_for_images() {
    assert!(!resolved_scheme_allowed("javascript:", UrlUse::Image));
}

#[test]
fn resolved_mailto_allowed_for_links() {
    assert!(resolved_scheme_allowed("mailto:", UrlUse::Link));
}

#[test]
fn resolved_mailto_not_allowed_for_images() {
    assert!(!resolved_scheme_allowed("mailto:", UrlUse::Image));
}

#[test]
fn resolved_mailto_not_allowed_for_citations() {
    assert!(!resolved_scheme_allowed("mailto:", UrlUse::Citation));
}

#[test]
fn resolved_data_allowed_for_images() {
    assert!(resolved_scheme_allowed("data:", UrlUse::Image));
}

#[test]
fn resolved_data_not_allowed_for_links() {
    assert!(!resolved_scheme_allowed("data:", UrlUse::Link));
}

#[test]
fn resolved_data_not_allowed_for_citations() {
    assert!(!resolved_scheme_allowed("data:", UrlUse::Citation));
}

#[test]
fn resolved_file_not_allowed() {
    assert!(!resolved_scheme_allowed("file:", UrlUse::Image));
}

#[test]
fn resolved_blob_not_allowed() {
    assert!(!resolved_scheme_allowed("blob:", UrlUse::Image));
}

#[test]
fn resolved_uppercase_https_allowed() {
    assert!(resolved_scheme_allowed("HTTPS:", UrlUse::Link));
}

#[test]
fn resolved_scheme_without_colon_not_allowed() {
    assert!(!resolved_scheme_allowed("https", UrlUse::Link));
}

#[test]
fn resolved_empty_scheme_not_allowed() {
    assert!(!resolved_scheme_allowed("", UrlUse::Link));
}

// ---- extras and errors ----

#[test]
fn link_extras_cut_opener_and_referrer() {
    assert!(link_extras().contains(&("rel", "noopener noreferrer")));
}

#[test]
fn link_extras_open_new_tab() {
    assert!(link_extras().contains(&("target", "_blank")));
}

#[test]
fn image_extras_load_lazily() {
    assert!(image_extras().contains(&("loading", "lazy")));
}

#[test]
fn image_extras_decode_async() {
    assert!(image_extras().contains(&("decoding", "async")));
}

#[test]
fn image_extras_leave_referrer_policy_to_browser_default() {
    assert!(!image_extras()
        .iter()
        .any(|(name, _)| *name == "referrerpolicy"));
}

// The walker sets these itself; the feed must not be able to set them (e.g. target="_self").
#[test]
fn feed_rel_attribute_is_dropped() {
    assert_eq!(attribute_kind("a", "rel"), None);
}

#[test]
fn feed_target_attribute_is_dropped() {
    assert_eq!(attribute_kind("a", "target"), None);
}

#[test]
fn feed_loading_attribute_is_dropped() {
    assert_eq!(attribute_kind("img", "loading"), None);
}

#[test]
fn url_rejected_display_names_the_scheme() {
    let err = UrlRejected::ForbiddenScheme {
        scheme: "javascript".to_string(),
    };
    assert_eq!(err.to_string(), "URL scheme not allowed: javascript");
}

#[test]
fn url_rejected_display_control_characters() {
    assert_eq!(
        UrlRejected::ControlCharacters.to_string(),
        "URL contains control characters"
    );
}

#[test]
fn url_rejected_display_empty() {
    assert_eq!(UrlRejected::Empty.to_string(), "URL is empty");
}

#[test]
fn url_rejected_display_too_long() {
    assert_eq!(UrlRejected::TooLong.to_string(), "URL is too long");
}
