//! Language negotiation, one test per row.

use super::lang;
use news_widget::i18n::built_in_locales;
use news_widget::lang::negotiate_locale;
use news_widget::lang::LanguageIdentifier;

// ---- 3. negotiation --------------------------------------------------------------------------

fn negotiated(requested: &[&str], available: &[LanguageIdentifier]) -> String {
    negotiate_locale(requested, available).to_string()
}

/// The built-in locales plus a Traditional Chinese resource, as a site could load at run time.
fn with_traditional() -> Vec<LanguageIdentifier> {
    let mut available = built_in_locales();
    available.push(lang("zh-TW"));
    available
}

/// One #[test] per row, so a failing row names itself and does not hide the others.
macro_rules! negotiation {
    ($($name:ident: $requested:expr, $available:expr => $expected:literal;)*) => {$(
        #[test]
        fn $name() {
            let requested: &[&str] = &$requested;
            assert_eq!(negotiated(requested, &$available), $expected, "requested {requested:?}");
        }
    )*};
}

negotiation! {
    bare_zh_is_simplified: ["zh"], built_in_locales() => "zh-CN";
    zh_cn_is_itself: ["zh-CN"], built_in_locales() => "zh-CN";
    singapore_chinese_is_simplified: ["zh-SG"], built_in_locales() => "zh-CN";
    zh_hans_is_simplified: ["zh-Hans"], built_in_locales() => "zh-CN";
    zh_hans_cn_is_simplified: ["zh-Hans-CN"], built_in_locales() => "zh-CN";
    // Traditional requests without a Traditional resource: Simplified is closer than English.
    taiwan_chinese_gets_simplified_without_traditional: ["zh-TW"], built_in_locales() => "zh-CN";
    hong_kong_chinese_gets_simplified_without_traditional: ["zh-HK"], built_in_locales() => "zh-CN";
    macau_chinese_gets_simplified_without_traditional: ["zh-MO"], built_in_locales() => "zh-CN";
    zh_hant_gets_simplified_without_traditional: ["zh-Hant"], built_in_locales() => "zh-CN";
    zh_hant_tw_gets_simplified_without_traditional: ["zh-Hant-TW"], built_in_locales() => "zh-CN";
    bare_ko_is_korean: ["ko"], built_in_locales() => "ko-KR";
    ko_kr_is_itself: ["ko-KR"], built_in_locales() => "ko-KR";
    // ko-KR is the only Korean; the last step, with the region dropped, takes any region to it.
    north_korean_korean_gets_ko_kr: ["ko-KP"], built_in_locales() => "ko-KR";
    bare_en_is_us_english: ["en"], built_in_locales() => "en-US";
    british_english_gets_us_english: ["en-GB"], built_in_locales() => "en-US";
    en_us_is_itself: ["en-US"], built_in_locales() => "en-US";
    french_falls_back_to_english: ["fr"], built_in_locales() => "en-US";
    japanese_falls_back_to_english: ["ja"], built_in_locales() => "en-US";
    empty_tag_falls_back_to_english: [""], built_in_locales() => "en-US";
    garbage_tag_falls_back_to_english: ["not a tag!!"], built_in_locales() => "en-US";
    no_request_at_all_falls_back_to_english: [], built_in_locales() => "en-US";
    // Order matters: the first request that matches anything wins, unmatched ones are skipped.
    unmatched_first_request_yields_to_korean: ["fr", "ko"], built_in_locales() => "ko-KR";
    first_matching_request_wins_over_later: ["ko", "zh"], built_in_locales() => "ko-KR";
    unknown_language_then_taiwan_chinese: ["xx", "zh-TW"], built_in_locales() => "zh-CN";
    invalid_tag_is_skipped_not_fatal: ["not a tag!!", "ko"], built_in_locales() => "ko-KR";
    // Tags are case-insensitive in BCP 47; the tag reader canonicalizes the case.
    mixed_case_tag_is_canonicalized: ["ZH-cn"], built_in_locales() => "zh-CN";
    // Not BCP 47, but the tag reader splits on '_' as well as '-' (POSIX/Java-style tags
    // as some CMSs write them), so "ko_KR" reads as ko-KR rather than being rejected.
    underscore_separator_is_accepted: ["ko_KR"], built_in_locales() => "ko-KR";
    surrounding_whitespace_is_ignored: [" ko-KR "], built_in_locales() => "ko-KR";
    // With a Traditional resource: Traditional requests get it, Simplified ones do not.
    taiwan_chinese_gets_traditional_when_available: ["zh-TW"], with_traditional() => "zh-TW";
    hong_kong_chinese_gets_closest_traditional: ["zh-HK"], with_traditional() => "zh-TW";
    zh_hant_gets_traditional_when_available: ["zh-Hant"], with_traditional() => "zh-TW";
    zh_hant_hk_gets_traditional_when_available: ["zh-Hant-HK"], with_traditional() => "zh-TW";
    zh_cn_stays_simplified_when_traditional_available: ["zh-CN"], with_traditional() => "zh-CN";
    bare_zh_stays_simplified_when_traditional_available: ["zh"], with_traditional() => "zh-CN";
    zh_hans_tw_is_simplified_script_despite_region: ["zh-Hans-TW"], with_traditional() => "zh-CN";
}

#[test]
fn a_choice_of_a_built_in_language_resolves_to_its_built_in_tag() {
    let available = news_widget::i18n::built_in_locales();
    let ko = news_widget::lang::parse_tag("ko").unwrap();
    assert_eq!(
        news_widget::lang::resolve_choice(&ko, &available).to_string(),
        "ko-KR"
    );
    let tw = news_widget::lang::parse_tag("zh-TW").unwrap();
    assert_eq!(
        news_widget::lang::resolve_choice(&tw, &available).to_string(),
        "zh-CN"
    );
}

#[test]
fn a_choice_of_a_language_still_to_load_keeps_its_tag() {
    let available = news_widget::i18n::built_in_locales();
    let ja = news_widget::lang::parse_tag("ja").unwrap();
    assert_eq!(
        news_widget::lang::resolve_choice(&ja, &available).to_string(),
        "ja"
    );
}
