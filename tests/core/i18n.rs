// Specification of the i18n core: the three built-in Fluent resources stay in step with each
// other, every message formats, runtime resources behave, and language negotiation is pinned.

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::FluentValue;
use fluent_syntax::ast;
use news_widget::i18n::{built_in_locales, Catalog, I18nError, Message, BUILT_IN, FALLBACK};
use news_widget::lang::negotiate_locale;
use unic_langid::LanguageIdentifier;

// ---- helpers ---------------------------------------------------------------------------------

fn lang(tag: &str) -> LanguageIdentifier {
    tag.parse()
        .unwrap_or_else(|e| panic!("{tag:?} should be a valid tag in the test: {e:?}"))
}

fn source(tag: &str) -> &'static str {
    BUILT_IN
        .iter()
        .find(|b| b.tag == tag)
        .unwrap_or_else(|| panic!("{tag} is not a built-in locale"))
        .source
}

/// What a translation must keep from English: the variables it reads (a missing one is a lost
/// number, an extra one is an error at run time) and the attribute names the DOM asks for.
#[derive(Debug, Default)]
struct Shape {
    variables: BTreeSet<String>,
    attributes: BTreeSet<String>,
}

/// Every message (and term, as `-id`) of a built-in resource with its shape. Parse errors are
/// the business of the `*_parses_without_errors` tests; here the partial resource is used so
/// that one broken entry does not mask parity problems elsewhere.
fn shapes(tag: &str) -> BTreeMap<String, Shape> {
    shapes_of(source(tag))
}

fn shapes_of(source: &str) -> BTreeMap<String, Shape> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(partial, _)| partial);
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        let (id, value, attributes) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_string(), m.value.as_ref(), &m.attributes),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
            _ => continue,
        };
        let mut shape = Shape::default();
        if let Some(value) = value {
            pattern_variables(value, &mut shape.variables);
        }
        for attribute in attributes {
            shape.attributes.insert(attribute.id.name.to_string());
            pattern_variables(&attribute.value, &mut shape.variables);
        }
        out.insert(id, shape);
    }
    out
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            arguments_variables(arguments, out)
        }
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => arguments_variables(arguments, out),
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        // Literals hold no variables; a message reference's variables belong to that message,
        // which is checked on its own.
        ast::InlineExpression::TermReference {
            arguments: None, ..
        }
        | ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. }
        | ast::InlineExpression::MessageReference { .. } => {}
    }
}

fn arguments_variables(arguments: &ast::CallArguments<&str>, out: &mut BTreeSet<String>) {
    for positional in &arguments.positional {
        inline_variables(positional, out);
    }
    for named in &arguments.named {
        inline_variables(&named.value, out);
    }
}

fn assert_has_every_message(of: &str, locale: &str) {
    let theirs = shapes(locale);
    let missing: Vec<String> = shapes(of)
        .into_keys()
        .filter(|id| !theirs.contains_key(id))
        .collect();
    assert!(
        missing.is_empty(),
        "{locale} lacks these {of} messages: {missing:?}"
    );
}

/// Ids present in both resources whose `part` (variables or attributes) differ, with both sides.
fn assert_same(locale: &str, what: &str, part: fn(&Shape) -> &BTreeSet<String>) {
    let english = shapes(FALLBACK);
    let translated = shapes(locale);
    let differing: Vec<String> = english
        .iter()
        .filter_map(|(id, en)| {
            let tr = translated.get(id)?;
            (part(en) != part(tr))
                .then(|| format!("{id}: {FALLBACK} {:?}, {locale} {:?}", part(en), part(tr)))
        })
        .collect();
    assert!(
        differing.is_empty(),
        "{locale} messages with other {what} than {FALLBACK}:\n{}",
        differing.join("\n")
    );
}

fn parse_errors(tag: &str) -> Vec<String> {
    match fluent_syntax::parser::parse(source(tag)) {
        Ok(_) => Vec::new(),
        Err((_, errors)) => errors.iter().map(|e| format!("{e:?}")).collect(),
    }
}

/// One value per variable any message uses, of the type the widget passes for it.
fn sample_args() -> Vec<(&'static str, FluentValue<'static>)> {
    vec![
        ("count", FluentValue::from(3)),
        ("shown", FluentValue::from(10)),
        ("total", FluentValue::from(42)),
        ("percent", FluentValue::from("125")),
        ("language", FluentValue::from("English")),
        ("status", FluentValue::from("503")),
        ("when", FluentValue::from("May 28, 2024, 3:05 PM")),
        ("rate", FluentValue::from("1.25")),
    ]
}

fn built_in_catalog() -> Catalog {
    let mut errors = Vec::new();
    let catalog = Catalog::built_in(&mut errors);
    assert!(
        errors.is_empty(),
        "built-in catalog reported errors: {errors:?}"
    );
    catalog
}

fn format(
    catalog: &Catalog,
    locale: &str,
    id: &str,
    args: &[(&str, FluentValue<'_>)],
) -> (Message, Vec<I18nError>) {
    let mut errors = Vec::new();
    let message = catalog
        .localizer(&lang(locale))
        .format(id, args, &mut errors);
    (message, errors)
}

/// Formats every English id (the widget's contract) in `locale`; collects every problem so one
/// bad message does not hide the next.
fn assert_every_message_formats(locale: &str) {
    let catalog = built_in_catalog();
    let args = sample_args();
    let problems: Vec<String> = shapes(FALLBACK)
        .into_keys()
        .filter(|id| !id.starts_with('-'))
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

// ---- 1. parity of the built-in resources ----------------------------------------------------

#[test]
fn built_in_en_us_resource_parses_without_errors() {
    assert_eq!(parse_errors("en-US"), Vec::<String>::new());
}

#[test]
fn built_in_zh_cn_resource_parses_without_errors() {
    assert_eq!(parse_errors("zh-CN"), Vec::<String>::new());
}

#[test]
fn built_in_ko_kr_resource_parses_without_errors() {
    assert_eq!(parse_errors("ko-KR"), Vec::<String>::new());
}

#[test]
fn zh_cn_has_every_english_message() {
    assert_has_every_message("en-US", "zh-CN");
}

#[test]
fn ko_kr_has_every_english_message() {
    assert_has_every_message("en-US", "ko-KR");
}

/// An id only a translation has is dead text, or a renamed id that English lost.
#[test]
fn english_has_every_chinese_message() {
    assert_has_every_message("zh-CN", "en-US");
}

#[test]
fn english_has_every_korean_message() {
    assert_has_every_message("ko-KR", "en-US");
}

#[test]
fn zh_cn_messages_use_the_same_variables_as_english() {
    assert_same("zh-CN", "variables", |s| &s.variables);
}

#[test]
fn ko_kr_messages_use_the_same_variables_as_english() {
    assert_same("ko-KR", "variables", |s| &s.variables);
}

#[test]
fn zh_cn_messages_have_the_same_attributes_as_english() {
    assert_same("zh-CN", "attributes", |s| &s.attributes);
}

#[test]
fn ko_kr_messages_have_the_same_attributes_as_english() {
    assert_same("ko-KR", "attributes", |s| &s.attributes);
}

/// The catalog adds resources with overriding, so a duplicated id would silently drop one of
/// the two texts; the parity maps above would not see it either.
#[test]
fn built_in_resources_have_no_duplicate_ids() {
    let duplicates: Vec<String> = BUILT_IN
        .iter()
        .flat_map(|b| {
            let resource =
                fluent_syntax::parser::parse(b.source).unwrap_or_else(|(partial, _)| partial);
            let mut seen = BTreeSet::new();
            resource
                .body
                .iter()
                .filter_map(|e| match e {
                    ast::Entry::Message(m) => Some(m.id.name.to_string()),
                    ast::Entry::Term(t) => Some(format!("-{}", t.id.name)),
                    _ => None,
                })
                .filter(|id| !seen.insert(id.clone()))
                .map(|id| format!("{}: {id}", b.tag))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(duplicates.is_empty(), "duplicated ids: {duplicates:?}");
}

/// The parity tests are only as good as the walk: pin that it reaches selectors, variants,
/// nested placeables, call arguments and attributes (named arguments can only be literals) (today's resources use only a few of these).
#[test]
fn variable_walk_reaches_every_part_of_a_message() {
    let shapes = shapes_of(
        "m = { $sel ->\n    [a] { { $nested } }\n   *[b] { NUMBER($pos, $second, style: \"percent\") } { -t($termarg) }\n}\n    .title = { $attr }\n    .label = plain\n-t = T\n",
    );
    let m = &shapes["m"];
    assert_eq!(
        m.variables.iter().map(String::as_str).collect::<Vec<_>>(),
        ["attr", "nested", "pos", "second", "sel", "termarg"]
    );
    assert_eq!(
        m.attributes.iter().map(String::as_str).collect::<Vec<_>>(),
        ["label", "title"]
    );
    assert!(
        shapes.contains_key("-t"),
        "terms are collected as -id: {:?}",
        shapes.keys()
    );
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
    let args = [
        ("shown", FluentValue::from(1)),
        ("total", FluentValue::from(1)),
    ];
    let (message, errors) = format(&built_in_catalog(), "en-US", "cards-shown", &args);
    assert_eq!(errors, vec![]);
    assert_eq!(message.text, "Showing 1 of 1 article");
}

#[test]
fn english_plural_other() {
    let args = [
        ("shown", FluentValue::from(10)),
        ("total", FluentValue::from(25)),
    ];
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
        &[("count", FluentValue::from(1))],
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
        &[("count", FluentValue::from(1))],
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
        &[("count", FluentValue::from(2))],
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
        &[("count", FluentValue::from(2))],
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
        &[("when", FluentValue::from("2024年5月28日 15:05"))],
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
        &[("percent", FluentValue::from("125"))],
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
    catalog.add_source(lang("ja"), "more = もっと見る\n".to_string(), &mut errors);
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
    catalog.add_source(lang("en-US"), "more = Show more\n".to_string(), &mut errors);
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
        "oops = { $\nretry = 다시 해 보기\n".to_string(),
        &mut errors,
    );
    assert!(
        errors
            .iter()
            .any(|e| matches!(e, I18nError::Syntax { locale, .. } if locale == "ko-KR")),
        "expected a Syntax error for ko-KR, got {errors:?}"
    );
    let (message, format_errors) = format(&catalog, "ko-KR", "retry", &[]);
    assert_eq!(
        (message.text.as_str(), format_errors),
        ("다시 해 보기", vec![])
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
