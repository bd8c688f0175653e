//! Schemes of URLs the browser resolved.

use news_widget::sanitize::{resolved_scheme_allowed, UrlUse};

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
