//! Choosing a version for the reader's language.

use super::{chosen, item, outcome};
use news_widget::feed::Match;

// --- Choosing a version for the reader's language --------------------------------------------

#[test]
fn version_for_exact_tag_ignores_case() {
    assert_eq!(
        chosen(&[Some("en"), Some("zh-CN")], "zh-cn"),
        ("zh-CN".to_owned(), Match::Exact)
    );
}

#[test]
fn version_for_zh_cn_ui_takes_zh_hans_version() {
    assert_eq!(
        chosen(&[Some("en"), Some("zh-Hans")], "zh-CN"),
        ("zh-Hans".to_owned(), Match::Exact)
    );
}

#[test]
fn version_for_zh_hans_ui_takes_zh_cn_version() {
    assert_eq!(
        chosen(&[Some("en"), Some("zh-CN")], "zh-Hans"),
        ("zh-CN".to_owned(), Match::Exact)
    );
}

#[test]
fn version_for_bare_zh_ui_takes_simplified() {
    assert_eq!(
        chosen(&[Some("zh-TW"), Some("zh-CN")], "zh"),
        ("zh-CN".to_owned(), Match::Exact)
    );
}

#[test]
fn version_for_zh_tw_ui_prefers_traditional_over_simplified() {
    assert_eq!(
        chosen(&[Some("zh-CN"), Some("zh-Hant")], "zh-TW"),
        ("zh-Hant".to_owned(), Match::Exact)
    );
}

#[test]
fn version_for_zh_hk_ui_takes_zh_tw_version() {
    assert_eq!(
        chosen(&[Some("en"), Some("zh-TW")], "zh-HK"),
        ("zh-TW".to_owned(), Match::Exact)
    );
}

#[test]
fn version_for_zh_cn_ui_falls_back_to_traditional_when_no_simplified() {
    assert_eq!(
        chosen(&[Some("en"), Some("zh-TW")], "zh-CN"),
        ("zh-TW".to_owned(), Match::Fallback)
    );
}

#[test]
fn version_for_ko_ui_takes_ko_kr_version() {
    assert_eq!(
        chosen(&[Some("en"), Some("ko-KR")], "ko"),
        ("ko-KR".to_owned(), Match::Exact)
    );
}

#[test]
fn version_for_ko_kr_ui_takes_ko_version() {
    assert_eq!(
        chosen(&[Some("en"), Some("ko")], "ko-KR"),
        ("ko".to_owned(), Match::Exact)
    );
}

#[test]
fn version_for_en_gb_ui_takes_en_us_version() {
    assert_eq!(
        chosen(&[Some("ko"), Some("en-US")], "en-GB"),
        ("en-US".to_owned(), Match::Exact)
    );
}

#[test]
fn version_for_missing_korean_falls_back_to_english() {
    let outcome = outcome("valid.json");
    let library = item(&outcome, "library-summer-hours");
    let (version, how) = library.version_for("ko");
    assert_eq!(
        (version.lang.as_deref(), how),
        (Some("en"), Match::Fallback)
    );
}

#[test]
fn version_for_korean_ui_finds_translation_of_korean_original() {
    let outcome = outcome("multilingual.json");
    let (version, how) = item(&outcome, "korean-original").version_for("ko-KR");
    assert_eq!(
        (version.title.as_str(), how),
        ("시민 정원 개장", Match::Exact)
    );
}

#[test]
fn version_for_missing_language_prefers_english_translation_over_original() {
    let outcome = outcome("multilingual.json");
    let (version, how) = item(&outcome, "traditional-chinese-original").version_for("ko");
    assert_eq!(
        (version.lang.as_deref(), how),
        (Some("en"), Match::Fallback)
    );
}

#[test]
fn version_for_without_english_falls_back_to_first_version() {
    let outcome = outcome("multilingual.json");
    let (version, how) = item(&outcome, "japanese-only").version_for("ko");
    assert_eq!(
        (version.lang.as_deref(), how),
        (Some("ja"), Match::Fallback)
    );
}

#[test]
fn version_for_unknown_language_never_matches_exactly() {
    assert_eq!(
        chosen(&[None], "en"),
        ("unknown".to_owned(), Match::Fallback)
    );
}

#[test]
fn version_for_prefers_english_over_unknown_original() {
    assert_eq!(
        chosen(&[None, Some("en")], "ko"),
        ("en".to_owned(), Match::Fallback)
    );
}
