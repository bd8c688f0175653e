//! Formatting: every message with sample arguments, plurals, runtime resources, fallback, errors.

use super::{assert_every_message_formats, built_in_catalog, format, lang, sample_args};
use news_widget::i18n::{
    compile_source, runtime_resource, Arg, Compilation, I18nError, SourceError, FALLBACK,
};

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
    let empty = Compilation {
        form: Vec::new(),
        errors: Vec::new(),
    }
    .encode();
    for (bytes, detail) in [
        (&b"\x07"[..], "the compiler's answer does not read"),
        (
            &empty[..],
            "compiled Fluent form empty, this release reads version 1 (serve the files of one release together)",
        ),
        (
            &other_version[..],
            "compiled Fluent form version 99, this release reads version 1 (serve the files of one release together)",
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
fn a_site_resource_that_fluent_syntax_would_trap_on_is_a_syntax_error_with_file_and_line() {
    let mut catalog = built_in_catalog();
    let mut errors = Vec::new();
    let deep = format!("{}1{}", "{ ".repeat(10_000), " }".repeat(10_000));
    let source = format!("retry = Again\nbad = {{ \"\\u中\" }}\ndeep = {deep}\nmore = More\n");
    catalog.add_source(lang("en-US"), "/l10n/en.ftl", &source, &mut errors);
    let lines: Vec<_> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        lines,
        [
            "Fluent resource for en-US has errors: /l10n/en.ftl:2: invalid escape \\u中 (a \\u escape needs hex digits)",
            "Fluent resource for en-US has errors: /l10n/en.ftl:3: placeables or call arguments nested deeper than 64",
        ]
    );
    assert_eq!(format(&catalog, "en-US", "retry", &[]).0.text, "Again");
    assert_eq!(format(&catalog, "en-US", "more", &[]).0.text, "More");
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
