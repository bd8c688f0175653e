// Specification of the i18n core: the three built-in Fluent resources pass the build's checks
// and format as fluent-bundle formatted them, every message formats, runtime resources behave,
// and language negotiation is pinned.

use std::rc::Rc;

use ftl_compile::check::{check, Source};
use ftl_format::reference::FluentBundleNumbers;
use news_widget::i18n::{
    built_in_locales, compile_source, runtime_resource, Arg, Catalog, Compilation, I18nError,
    Message, SourceError, BUILT_IN, FALLBACK,
};
use news_widget::lang::negotiate_locale;
use unic_langid::LanguageIdentifier;

// ---- helpers ---------------------------------------------------------------------------------

use crate::support::differential;

fn lang(tag: &str) -> LanguageIdentifier {
    tag.parse()
        .unwrap_or_else(|e| panic!("{tag:?} should be a valid tag in the test: {e:?}"))
}

/// One value per variable any message uses, of the type the widget passes for it.
fn sample_args() -> Vec<(&'static str, Arg<'static>)> {
    vec![
        ("count", Arg::from(3)),
        ("shown", Arg::from(10)),
        ("total", Arg::from(42)),
        ("percent", Arg::from("125")),
        ("language", Arg::from("English")),
        ("status", Arg::from("503")),
        ("when", Arg::from("May 28, 2024, 3:05 PM")),
        ("rate", Arg::from("1.25")),
    ]
}

/// The built-in catalog with fluent-bundle's own plural rules and number strings (the widget
/// asks the browser's `Intl`; tests/dom_messages.rs checks that it gives the same).
fn built_in_catalog() -> Catalog {
    Catalog::built_in(Rc::new(FluentBundleNumbers::default()))
}

fn format(
    catalog: &Catalog,
    locale: &str,
    id: &str,
    args: &[(&str, Arg<'_>)],
) -> (Message, Vec<I18nError>) {
    let mut errors = Vec::new();
    let message = catalog
        .localizer(&lang(locale))
        .format(id, args, &mut errors);
    (message, errors)
}

/// The ids of the English resource (the widget's contract).
fn english_ids() -> Vec<String> {
    let resource = news_widget::i18n::Compiled::new(BUILT_IN[0].compiled.into()).expect("built in");
    resource.message_ids().map(str::to_string).collect()
}

/// Formats every English id in `locale`; collects every problem so one bad message does not
/// hide the next.
fn assert_every_message_formats(locale: &str) {
    let catalog = built_in_catalog();
    let args = sample_args();
    let ids = english_ids();
    assert!(ids.len() > 30, "read the English ids: {ids:?}");
    let problems: Vec<String> = ids
        .into_iter()
        .filter_map(|id| {
            let (message, errors) = format(&catalog, locale, &id, &args);
            let problem = if !errors.is_empty() {
                format!("{id}: errors {errors:?}")
            } else if message.text.trim().is_empty() {
                format!("{id}: empty text")
            } else if message.text == id {
                format!("{id}: formatted as its own id")
            } else if message.locale != lang(locale) {
                format!("{id}: came from {} instead of {locale}", message.locale)
            } else {
                return None;
            };
            Some(problem)
        })
        .collect();
    assert!(
        problems.is_empty(),
        "{locale} messages that do not format cleanly:\n{}",
        problems.join("\n")
    );
}

// ---- 1. the built-in resources ----------------------------------------------------------------

/// The build fails on the checks' errors and only warns of a missing translation; the widget's
/// own resources have neither.
#[test]
fn built_in_resources_pass_the_builds_checks_without_a_warning() {
    let path = |tag: &str| format!("locales/{tag}/news-widget.ftl");
    let paths: Vec<String> = differential::BUILT_IN_SOURCES
        .iter()
        .map(|(t, _)| path(t))
        .collect();
    let source = |i: usize| Source {
        path: &paths[i],
        text: differential::BUILT_IN_SOURCES[i].1,
    };
    assert_eq!(differential::BUILT_IN_SOURCES[0].0, FALLBACK);
    let problems = check(&source(0), &[source(1), source(2)]);
    let problems: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems, Vec::<String>::new());
}

/// Every message of every built-in locale, compiled and formatted by the widget's path, says
/// what fluent-bundle said with the same arguments (natively; in Chromium with the browser's
/// `Intl` in tests/dom_messages.rs).
#[test]
fn built_in_messages_format_as_fluent_bundle_formatted_them() {
    for (locale, _) in differential::BUILT_IN_SOURCES {
        let report = differential::compare(
            Rc::new(FluentBundleNumbers::default()),
            locale,
            &[],
            &differential::argument_sets(),
        );
        report.assert_same(400);
    }
}

/// A site's resource with every construct Fluent has, added at run time as the `locales` option
/// adds it, over the built-in English.
#[test]
fn runtime_resources_format_as_fluent_bundle_formatted_them() {
    for (locale, runtime) in [("en-US", "en-US"), ("ja", "ja")] {
        let report = differential::compare(
            Rc::new(FluentBundleNumbers::default()),
            locale,
            &[(runtime, differential::EVERYTHING)],
            &differential::argument_sets(),
        );
        report.assert_same(500);
    }
}

// ---- 2. formatting ---------------------------------------------------------------------------

#[test]
fn every_en_us_message_formats_with_sample_args() {
    assert_every_message_formats("en-US");
}

#[test]
fn every_zh_cn_message_formats_with_sample_args() {
    assert_every_message_formats("zh-CN");
}

#[test]
fn every_ko_kr_message_formats_with_sample_args() {
    assert_every_message_formats("ko-KR");
}

#[test]
fn english_plural_one_article() {
    let args = [("shown", Arg::from(1)), ("total", Arg::from(1))];
    let (message, errors) = format(&built_in_catalog(), "en-US", "cards-shown", &args);
    assert_eq!(errors, vec![]);
    assert_eq!(message.text, "Showing 1 of 1 article");
}

#[test]
fn english_plural_other() {
    let args = [("shown", Arg::from(10)), ("total", Arg::from(25))];
    let (message, errors) = format(&built_in_catalog(), "en-US", "cards-shown", &args);
    assert_eq!(errors, vec![]);
    assert_eq!(message.text, "Showing 10 of 25 articles");
}

#[test]
fn english_more_announce_one_is_spelled_out() {
    let (message, errors) = format(
        &built_in_catalog(),
        "en-US",
        "more-announce",
        &[("count", Arg::from(1))],
    );
    assert_eq!(errors, vec![]);
    assert_eq!(message.text, "One more article shown.");
}

#[test]
fn english_news_updated_one_is_spelled_out() {
    let (message, errors) = format(
        &built_in_catalog(),
        "en-US",
        "news-updated",
        &[("count", Arg::from(1))],
    );
    assert_eq!(errors, vec![]);
    assert_eq!(message.text, "One new article.");
}

#[test]
fn english_news_updated_other_counts() {
    let (message, errors) = format(
        &built_in_catalog(),
        "en-US",
        "news-updated",
        &[("count", Arg::from(2))],
    );
    assert_eq!(errors, vec![]);
    assert_eq!(message.text, "2 new articles.");
}

#[test]
fn korean_news_updated_counts() {
    let (message, errors) = format(
        &built_in_catalog(),
        "ko-KR",
        "news-updated",
        &[("count", Arg::from(2))],
    );
    assert_eq!(errors, vec![]);
    assert_eq!(message.text, "새 기사 2건이 있습니다.");
}

#[test]
fn chinese_kept_notice_says_when_it_was_updated() {
    let (message, errors) = format(
        &built_in_catalog(),
        "zh-CN",
        "kept-notice",
        &[("when", Arg::from("2024年5月28日 15:05"))],
    );
    assert_eq!(errors, vec![]);
    assert_eq!(
        message.text,
        "最后更新于 2024年5月28日 15:05。新闻暂时无法刷新。"
    );
}

#[test]
fn korean_font_size_message() {
    let (message, errors) = format(
        &built_in_catalog(),
        "ko-KR",
        "font-size-changed",
        &[("percent", Arg::from("125"))],
    );
    assert_eq!(errors, vec![]);
    assert_eq!(message.text, "글자 크기 125%");
}

#[test]
fn chinese_labels_use_fullwidth_colon() {
    let catalog = built_in_catalog();
    let (fonts, fonts_errors) = format(&catalog, "zh-CN", "fonts-label", &[]);
    let (source, source_errors) = format(&catalog, "zh-CN", "meta-source-label", &[]);
    assert_eq!((fonts_errors, source_errors), (vec![], vec![]));
    assert_eq!(
        (fonts.text.as_str(), source.text.as_str()),
        ("字体：", "来源：")
    );
}

/// A runtime language with a partial resource: what it has is used, the rest is English and is
/// marked as such (the DOM puts `lang="en-US"` on it).
#[test]
fn missing_japanese_message_falls_back_to_english_with_locale_marked() {
    let mut catalog = built_in_catalog();
    let mut errors = Vec::new();
    catalog.add_source(lang("ja"), "ja.ftl", "more = もっと見る\n", &mut errors);
    assert_eq!(errors, vec![]);

    let (own, own_errors) = format(&catalog, "ja", "more", &[]);
    assert_eq!(
        (own.text.as_str(), own.locale.to_string(), own_errors),
        ("もっと見る", "ja".to_string(), vec![])
    );

    let (fallback, fallback_errors) = format(&catalog, "ja", "back", &[]);
    assert_eq!(fallback.text, "Back to the news list");
    assert_eq!(fallback.locale, lang("en-US"));
    assert_eq!(
        fallback_errors,
        vec![I18nError::MissingMessage {
            id: "back".into(),
            locale: "ja".into()
        }]
    );
}

#[test]
fn runtime_resource_rewords_a_message() {
    let mut catalog = built_in_catalog();
    let mut errors = Vec::new();
    catalog.add_source(lang("en-US"), "en.ftl", "more = Show more\n", &mut errors);
    assert_eq!(errors, vec![]);
    let (message, errors) = format(&catalog, "en-US", "more", &[]);
    assert_eq!((message.text.as_str(), errors), ("Show more", vec![]));
    // Only the reworded id changes.
    assert_eq!(
        format(&catalog, "en-US", "back", &[]).0.text,
        "Back to the news list"
    );
}

#[test]
fn runtime_resource_with_syntax_errors_keeps_good_messages() {
    let mut catalog = built_in_catalog();
    let mut errors = Vec::new();
    catalog.add_source(
        lang("ko-KR"),
        "https://city.example/l10n/ko-KR.ftl",
        "retry = 다시 해 보기\n\noops = { $\n",
        &mut errors,
    );
    // The file and the line are named, as the parser's message.
    assert_eq!(
        errors,
        vec![I18nError::Syntax {
            locale: "ko-KR".into(),
            file: "https://city.example/l10n/ko-KR.ftl".into(),
            line: 3,
            detail: "Expected one of \"a-zA-Z\"".into(),
        }]
    );
    assert_eq!(
        errors[0].to_string(),
        "Fluent resource for ko-KR has errors: https://city.example/l10n/ko-KR.ftl:3: Expected one of \"a-zA-Z\""
    );
    let (message, format_errors) = format(&catalog, "ko-KR", "retry", &[]);
    assert_eq!(
        (message.text.as_str(), format_errors),
        ("다시 해 보기", vec![])
    );
}

/// A site's resource crosses from the tools module (the compiler) to the widget's as bytes: the
/// form and the errors arrive as they left, and anything else is refused.
#[test]
fn a_compilation_crosses_between_the_modules_as_bytes() {
    let compilation = compile_source("more = もっと\n\noops = { $\nback = 戻る\n");
    assert_eq!(
        compilation.errors,
        vec![SourceError {
            line: 3,
            detail: "Expected one of \"a-zA-Z\"".into()
        }]
    );
    let bytes = compilation.encode();
    assert_eq!(Compilation::decode(&bytes), Some(compilation));
    for cut in 0..bytes.len() {
        assert_eq!(Compilation::decode(&bytes[..cut]), None, "cut at {cut}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(Compilation::decode(&longer), None, "a byte past the end");
}

/// An answer that does not read (a truncated copy, another version's form) is reported as the
/// resource not compiled, and none of it applies: the built-in words stay.
#[test]
fn a_compilers_answer_that_does_not_read_is_reported_and_applies_nothing() {
    let ko = lang("ko-KR");
    let file = "https://city.example/l10n/ko-KR.ftl";
    let other_version = Compilation {
        form: vec![99, 0, 4, b'm', b'o', b'r', b'e'],
        errors: Vec::new(),
    }
    .encode();
    for (bytes, detail) in [
        (&b"\x07"[..], "the compiler's answer does not read"),
        (
            &other_version[..],
            "compiled Fluent form version Some(99), expected 1",
        ),
    ] {
        let mut errors = Vec::new();
        let resource = runtime_resource(&ko, file, bytes, &mut errors);
        assert_eq!(resource.message_ids().count(), 0);
        assert_eq!(
            errors,
            vec![I18nError::Compiler {
                locale: "ko-KR".into(),
                file: file.into(),
                detail: detail.into(),
            }]
        );
        let mut catalog = built_in_catalog();
        catalog.add_compiled(ko.clone(), resource);
        assert_eq!(format(&catalog, "ko-KR", "more", &[]).0.text, "더 보기");
    }
    let mut errors = Vec::new();
    runtime_resource(&ko, file, b"\x07", &mut errors);
    assert_eq!(
        errors[0].to_string(),
        "Fluent resource for ko-KR was not compiled: https://city.example/l10n/ko-KR.ftl: the compiler's answer does not read"
    );
}

#[test]
fn unknown_id_yields_id_and_error_never_panics() {
    let catalog = built_in_catalog();
    for locale in ["en-US", "zh-CN", "ko-KR", "fr"] {
        let (message, errors) = format(&catalog, locale, "no-such-message", &sample_args());
        assert_eq!(message.text, "no-such-message", "in {locale}");
        assert_eq!(
            errors,
            vec![I18nError::MissingMessage {
                id: "no-such-message".into(),
                locale: FALLBACK.into()
            }],
            "in {locale}"
        );
    }
}

/// See the module comment of `i18n`: U+2068/U+2069 would leak into aria-labels and print.
#[test]
fn isolation_marks_are_off() {
    let catalog = built_in_catalog();
    let args = sample_args();
    let marked: Vec<String> = ["en-US", "zh-CN", "ko-KR"]
        .iter()
        .flat_map(|locale| {
            [
                "language-changed",
                "cards-shown",
                "font-size-changed",
                "error-http",
            ]
            .map(|id| (locale, id, format(&catalog, locale, id, &args).0.text))
        })
        .filter(|(_, _, text)| text.contains(['\u{2068}', '\u{2069}']))
        .map(|(locale, id, text)| format!("{locale} {id}: {text:?}"))
        .collect();
    assert!(marked.is_empty(), "bidi isolation marks in: {marked:?}");
}

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
    // ko-KR is the only Korean; likely-subtags matching (ko → ko-Kore-KR) takes any region to it.
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
    // Tags are case-insensitive in BCP 47; unic-langid canonicalizes the case.
    mixed_case_tag_is_canonicalized: ["ZH-cn"], built_in_locales() => "zh-CN";
    // Not BCP 47, but unic-langid's parser splits on '_' as well as '-' (POSIX/Java-style tags
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
