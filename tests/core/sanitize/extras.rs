//! What the walker adds to links and images, and the errors' wording.

use news_widget::sanitize::{attribute_kind, image_extras, link_extras, UrlRejected};

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
