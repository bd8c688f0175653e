// Article markup nested past `MAX_MARKUP_DEPTH` is flattened before the browser parses it (its
// parser takes time in the square of the nesting); everything else goes through unchanged.

use news_widget::sanitize::{bound_nesting, MAX_MARKUP_DEPTH};

#[test]
fn a_hundred_thousand_nested_divs_keep_max_markup_depth_levels_and_their_text() {
    let levels = 100_000;
    let html = format!(
        "{}deep{}",
        "<div class=\"a\">".repeat(levels),
        "</div>".repeat(levels)
    );
    let bounded = bound_nesting(&html).expect("nested too deep");
    assert_eq!(bounded.matches("<div").count(), MAX_MARKUP_DEPTH);
    assert_eq!(bounded.matches("</div>").count(), MAX_MARKUP_DEPTH);
    assert!(bounded.contains(">deep<"));
}

#[test]
fn ordinary_articles_are_left_alone() {
    let paragraphs = "<p>Unclosed paragraph<li>item<br><img src=x>".repeat(1000);
    let article = format!("<article><div><p>a <b>b</b></p>{paragraphs}</div></article>");
    assert_eq!(bound_nesting(&article), None);
    let nested = format!("{}x{}", "<div>".repeat(200), "</div>".repeat(200));
    assert_eq!(bound_nesting(&nested), None);
}

#[test]
fn siblings_after_a_too_deep_branch_keep_their_tags() {
    let deep = format!("{}x{}", "<span>".repeat(300), "</span>".repeat(300));
    let bounded = bound_nesting(&format!("{deep}<p><b>after</b></p>")).unwrap();
    assert!(
        bounded.ends_with("<p><b>after</b></p>"),
        "{}",
        &bounded[bounded.len() - 40..]
    );
}

#[test]
fn an_unterminated_tag_ends_the_bounding_as_it_ends_the_parse() {
    let deep = format!("{}<div x=\"{}", "<div>".repeat(300), "<div>".repeat(10));
    let bounded = bound_nesting(&deep).unwrap();
    assert!(bounded.ends_with(&"<div>".repeat(10)));
}
