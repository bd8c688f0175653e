//! In headless Chromium: the compiled messages formatted with the browser's `Intl` (plural
//! categories from `Intl.PluralRules`, numbers from `Intl.NumberFormat`), as the widget ships
//! them, say word for word what fluent-bundle said before they were compiled: every message and
//! attribute of every built-in locale, and of a site's run-time resource with every construct
//! of Fluent, with arguments at the plural edges, long strings and missing arguments.
#![cfg(target_arch = "wasm32")]

#[path = "support/differential.rs"]
mod differential;

use news_widget::i18n::intl::numbers;
use news_widget::i18n::{Arg, Catalog};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn built_in_messages_read_as_fluent_bundle_wrote_them() {
    for (locale, _) in differential::BUILT_IN_SOURCES {
        let report = differential::compare(numbers(), locale, &[], &differential::argument_sets());
        report.assert_same(400);
    }
}

/// The `locales` option's path: compiled in the page, formatted over the built-in English.
#[wasm_bindgen_test]
fn a_sites_resource_with_every_construct_reads_as_fluent_bundle_wrote_it() {
    for locale in ["en-US", "ja", "ko-KR"] {
        let report = differential::compare(
            numbers(),
            locale,
            &[(locale, differential::EVERYTHING)],
            &differential::argument_sets(),
        );
        report.assert_same(500);
    }
}

/// Where the browser's categories are richer than English's: Polish few/many, Arabic zero/two,
/// French 0 as one, at every plural edge (the run-time resource selects on `$n`). The decimal
/// literals are left out: their separator is the locale's (below).
#[wasm_bindgen_test]
fn plural_categories_of_other_languages_match_fluent_bundles() {
    let without_decimals: String = differential::EVERYTHING
        .lines()
        .filter(|line| !line.starts_with("num-literal"))
        .map(|line| format!("{line}\n"))
        .collect();
    for locale in ["pl", "ar", "fr", "ru", "cy"] {
        let report = differential::compare(
            numbers(),
            locale,
            &[(locale, &without_decimals)],
            &differential::argument_sets(),
        );
        report.assert_same(500);
    }
}

/// Where the browser's words differ on purpose, as @fluent/bundle's (the JavaScript reference)
/// do: a number is written as its locale writes it, four digits and more grouped, decimals with
/// the locale's separator (fluent-bundle wrote "10000" and "1.50" everywhere).
#[wasm_bindgen_test]
fn numbers_are_written_as_the_locale_writes_them() {
    let mut catalog = Catalog::built_in(numbers());
    let shown = |catalog: &Catalog, locale: &str| {
        let args = [("shown", Arg::from(20)), ("total", Arg::from(10000))];
        catalog
            .localizer(&locale.parse().unwrap())
            .format("cards-shown", &args, &mut Vec::new())
            .text
    };
    assert_eq!(shown(&catalog, "en-US"), "Showing 20 of 10,000 articles");
    assert_eq!(shown(&catalog, "zh-CN"), "共 10,000 篇，已显示 20 篇");
    assert_eq!(shown(&catalog, "ko-KR"), "전체 10,000건 중 20건 표시");
    let mut errors = Vec::new();
    catalog.add_source(
        "pl".parse().unwrap(),
        "pl.ftl",
        "n = { 1.50 }\n",
        &mut errors,
    );
    let text = catalog
        .localizer(&"pl".parse().unwrap())
        .format("n", &[], &mut errors)
        .text;
    assert_eq!((text.as_str(), errors), ("1,50", vec![]));
}
