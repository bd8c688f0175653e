//! URLs for links, citations and images.

use super::forbidden;
use news_widget::sanitize::{check_url, CheckedUrl, UrlRejected, UrlUse};

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
