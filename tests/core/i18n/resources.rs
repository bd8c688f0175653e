//! The built-in resources: the build's checks, and formatting as fluent-bundle formatted them.

use crate::support::differential;
use ftl_compile::check::{check, Source};
use ftl_format::reference::FluentBundleNumbers;
use news_widget::i18n::FALLBACK;
use std::rc::Rc;

// ---- 1. the built-in resources ----------------------------------------------------------------

/// The build fails on the checks' errors and only warns of a missing translation; the widget's
/// own resources have neither. Each file is held to the base locale's file of the same name.
#[test]
fn built_in_resources_pass_the_builds_checks_without_a_warning() {
    assert_eq!(differential::BUILT_IN_FILES[0].0, FALLBACK);
    for (index, name) in differential::FILE_NAMES.iter().enumerate() {
        let paths: Vec<String> = differential::BUILT_IN_FILES
            .iter()
            .map(|(tag, _)| format!("locales/{tag}/{name}"))
            .collect();
        let source = |i: usize| Source {
            path: &paths[i],
            text: differential::BUILT_IN_FILES[i].1[index],
        };
        let problems = check(&source(0), &[source(1), source(2)]);
        let problems: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(problems, Vec::<String>::new(), "{name}");
    }
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
