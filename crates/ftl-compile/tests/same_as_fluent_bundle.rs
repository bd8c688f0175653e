// The compiled form formatted by ftl-format against fluent-bundle formatting the same source
// (isolation off, no functions, as the widget configured it): the same text and the same errors
// for every message and attribute, over every construct Fluent has, with plural rules and
// number strings from fluent-bundle itself (`ftl_format::reference`).

use std::rc::Rc;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast;
use ftl_format::reference::FluentBundleNumbers;
use ftl_format::{Arg, Bundle, Resource};

/// Every construct of Fluent's syntax and every way a reference can fail (also formatted in
/// Chromium by the widget's tests/dom_messages.rs).
const EVERYTHING: &str = include_str!("everything.ftl");

/// Argument sets: none; plural edges; strings where numbers are expected; long strings.
fn argument_sets() -> Vec<Vec<(&'static str, Arg<'static>)>> {
    let mut sets = vec![Vec::new()];
    for n in [
        0.0, 1.0, 2.0, 3.0, 5.0, 11.0, 21.0, 100.0, 101.0, 1.5, 0.5, -1.0, 1000.0,
    ] {
        sets.push(vec![("n", Arg::Num(n)), ("name", Arg::from("Ana"))]);
    }
    for g in ["male", "female", "x", "1", "one"] {
        sets.push(vec![("g", Arg::from(g)), ("n", Arg::from(g))]);
    }
    sets.push(vec![
        ("name", Arg::from("名前".repeat(500))),
        ("case", Arg::from("genitive")),
    ]);
    sets
}

fn fluent_value(arg: &Arg<'_>) -> FluentValue<'static> {
    match arg {
        Arg::Str(s) => FluentValue::from(s.to_string()),
        Arg::Num(n) => FluentValue::from(*n),
    }
}

/// Every (message, attribute) of `source`, attributes by name.
fn parts(source: &str) -> Vec<(String, Option<String>)> {
    let resource = fluent_syntax::parser::parse_runtime(source).unwrap_or_else(|(r, _)| r);
    let mut parts = Vec::new();
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry {
            parts.push((m.id.name.to_string(), None));
            for a in &m.attributes {
                parts.push((m.id.name.to_string(), Some(a.id.name.to_string())));
            }
        }
    }
    parts.push(("not-there".to_string(), None));
    parts
}

fn same_as_fluent_bundle(locale: &str, sources: &[&str]) {
    let mut reference = FluentBundle::new(vec![locale.parse().expect("a valid tag")]);
    reference.set_use_isolating(false);
    let mut compiled = Vec::new();
    for source in sources {
        reference.add_resource_overriding(
            FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r),
        );
        let (bytes, _) = ftl_compile::compile(source);
        compiled.push(Rc::new(
            Resource::new(bytes.into()).expect("this compiler's own form"),
        ));
    }
    let numbers = FluentBundleNumbers::default();
    let bundle = Bundle {
        locale,
        resources: &compiled,
        numbers: &numbers,
    };
    let mut differences = Vec::new();
    let mut compared = 0;
    for args in argument_sets() {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in &args {
            fluent_args.set(*name, fluent_value(value));
        }
        for source in sources {
            for (id, attribute) in parts(source) {
                let message = reference.get_message(&id);
                let pattern = match &attribute {
                    None => message.and_then(|m| m.value()),
                    Some(name) => message
                        .and_then(|m| m.get_attribute(name))
                        .map(|a| a.value()),
                };
                let mut errors = Vec::new();
                let expected = pattern.map(|p| {
                    let text = reference.format_pattern(
                        p,
                        (!args.is_empty()).then_some(&fluent_args),
                        &mut errors,
                    );
                    (
                        text.into_owned(),
                        errors.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
                    )
                });
                let mut our_errors = Vec::new();
                let ours = bundle
                    .format(&id, attribute.as_deref(), &args, &mut our_errors)
                    .map(|text| {
                        let errors: Vec<String> = our_errors
                            .iter()
                            .map(|e| format!("Resolver error: {e}"))
                            .collect();
                        (text, errors)
                    });
                compared += 1;
                if ours != expected {
                    differences.push(format!(
                        "{locale} {id}{} with {args:?}:\n  fluent-bundle {expected:?}\n  compiled      {ours:?}",
                        attribute.as_ref().map(|a| format!(".{a}")).unwrap_or_default()
                    ));
                }
            }
        }
    }
    assert!(compared > 100, "compared only {compared}");
    assert!(
        differences.is_empty(),
        "{} differences:\n{}",
        differences.len(),
        differences.join("\n")
    );
}

#[test]
fn every_construct_formats_as_fluent_bundle_formats_it_in_english() {
    same_as_fluent_bundle("en-US", &[EVERYTHING]);
}

/// Polish has few and many, Arabic zero and two, French puts 0 in one; Korean and Chinese
/// have only other.
#[test]
fn plural_categories_follow_the_locale_as_in_fluent_bundle() {
    for locale in ["pl", "ar", "fr", "ko-KR", "zh-CN", "ja"] {
        same_as_fluent_bundle(locale, &[EVERYTHING]);
    }
}

/// A resource added later overrides entries of the same name, across kinds, as fluent-bundle's
/// `add_resource_overriding`; references resolve to the newest definition.
#[test]
fn a_later_resource_overrides_as_in_fluent_bundle() {
    let later = "simple = Reworded\n-brand = Gadget\nshadowed = back to a message\nvar = Hey { $name } ({ simple })\n";
    same_as_fluent_bundle("en-US", &[EVERYTHING, later]);
}
