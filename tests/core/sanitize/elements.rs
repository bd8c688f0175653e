//! Elements: dropped with their content, kept (possibly renamed), unwrapped.

use news_widget::sanitize::{element_action, ElementAction, MAX_DEPTH};

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
