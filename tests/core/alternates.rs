//! The reader toolbar's language links from a page's hreflang alternates, natively.
use news_widget::toolbar::alternates::{language_links, LanguageLink, PageAlternate};

const ZH: &str = "https://city.example/news/article.html";
const KO: &str = "https://city.example/news/article-ko.html";
const EN: &str = "https://city.example/news/article-en.html";

fn alt(hreflang: &str, href: &str) -> PageAlternate {
    PageAlternate {
        hreflang: hreflang.to_string(),
        href: href.to_string(),
    }
}

/// (tag, href, current) of each link, in order.
fn summary(links: &[LanguageLink]) -> Vec<(&str, &str, bool)> {
    links
        .iter()
        .map(|l| (l.tag.as_str(), l.href.as_str(), l.current))
        .collect()
}

#[test]
fn no_alternates_means_no_language_control() {
    assert!(language_links(&[], Some("zh-CN"), ZH).is_empty());
}

#[test]
fn only_a_self_reference_means_no_language_control() {
    assert!(language_links(&[alt("zh-CN", ZH)], Some("zh-CN"), ZH).is_empty());
}

#[test]
fn the_page_itself_is_added_and_marked_when_it_lists_only_the_others() {
    let links = language_links(&[alt("ko", KO), alt("en", EN)], Some("zh-CN"), ZH);
    assert_eq!(
        summary(&links),
        [(("en"), EN, false), ("zh-CN", ZH, true), ("ko", KO, false)]
    );
}

#[test]
fn a_self_reference_is_marked_by_its_url() {
    let links = language_links(
        &[alt("ko", KO), alt("zh-Hans", ZH), alt("en", EN)],
        Some("zh-CN"),
        &format!("{ZH}#top"),
    );
    assert_eq!(
        summary(&links),
        [("en", EN, false), ("zh-Hans", ZH, true), ("ko", KO, false)]
    );
}

#[test]
fn the_current_version_is_found_by_language_when_the_url_differs() {
    // The page was reached with a query string; its alternate names the plain URL.
    let links = language_links(
        &[alt("en", EN), alt("ko-KR", KO)],
        Some("ko"),
        &format!("{KO}?from=home"),
    );
    assert_eq!(summary(&links), [("en", EN, false), ("ko-KR", KO, true)]);
}

#[test]
fn links_are_ordered_english_chinese_korean_whatever_the_head_order() {
    let links = language_links(
        &[alt("ko", KO), alt("zh", ZH), alt("en", EN)],
        Some("en"),
        EN,
    );
    let tags: Vec<&str> = links.iter().map(|l| l.tag.as_str()).collect();
    assert_eq!(tags, ["en", "zh", "ko"]);
}

#[test]
fn other_languages_follow_in_page_order() {
    let links = language_links(
        &[alt("ru", "/ru"), alt("ja", "/ja"), alt("en", EN)],
        Some("en"),
        EN,
    );
    let tags: Vec<&str> = links.iter().map(|l| l.tag.as_str()).collect();
    assert_eq!(tags, ["en", "ru", "ja"]);
}

#[test]
fn built_in_languages_are_named_by_their_endonyms() {
    let links = language_links(&[alt("ko", KO), alt("en-GB", EN)], Some("zh-CN"), ZH);
    let names: Vec<Option<&str>> = links.iter().map(|l| l.endonym).collect();
    assert_eq!(names, [Some("English"), Some("中文"), Some("한국어")]);
}

#[test]
fn traditional_chinese_is_left_for_intl_to_name() {
    let links = language_links(&[alt("zh-TW", "/tw")], Some("zh-CN"), ZH);
    let tw = links
        .iter()
        .find(|l| l.tag == "zh-TW")
        .expect("the zh-TW link");
    assert_eq!(tw.endonym, None);
}

#[test]
fn a_traditional_page_is_not_the_simplified_alternate() {
    let links = language_links(&[alt("zh-CN", ZH), alt("en", EN)], Some("zh-TW"), "/tw");
    assert_eq!(
        summary(&links),
        [
            ("en", EN, false),
            ("zh-CN", ZH, false),
            ("zh-TW", "/tw", true)
        ]
    );
}

#[test]
fn x_default_is_not_a_language() {
    let links = language_links(&[alt("x-default", EN), alt("ko", KO)], Some("zh-CN"), ZH);
    assert_eq!(summary(&links), [("zh-CN", ZH, true), ("ko", KO, false)]);
}

#[test]
fn invalid_tags_and_empty_hrefs_are_skipped() {
    let links = language_links(
        &[alt("not a tag!", "/x"), alt("en", " "), alt("ko", KO)],
        Some("zh-CN"),
        ZH,
    );
    assert_eq!(summary(&links), [("zh-CN", ZH, true), ("ko", KO, false)]);
}

#[test]
fn a_language_listed_twice_is_offered_once() {
    let links = language_links(&[alt("ko", KO), alt("ko", "/other-ko")], Some("zh"), ZH);
    assert_eq!(summary(&links), [("zh", ZH, true), ("ko", KO, false)]);
}

#[test]
fn a_page_without_lang_offers_its_alternates_unmarked() {
    let links = language_links(&[alt("ko", KO), alt("en", EN)], None, ZH);
    assert_eq!(summary(&links), [("en", EN, false), ("ko", KO, false)]);
}
