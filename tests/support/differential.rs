//! The widget's compiled messages against fluent-bundle as the widget used it before they were
//! compiled (isolation off, no functions, per-message fallback to English): every message and
//! attribute of a locale's resources, with arguments at the plural edges, long strings, strings
//! where numbers go, and missing arguments, must give the same text, the same locale and the
//! same errors. tests/core/i18n/ runs it natively (fluent-bundle's own plural rules and number
//! strings), tests/dom_messages.rs in Chromium (the browser's `Intl`, as the widget ships).
#![allow(dead_code)]

use std::rc::Rc;

use fluent_bundle::{FluentArgs, FluentBundle, FluentError, FluentResource, FluentValue};
use fluent_syntax::ast;
use news_widget::i18n::{Arg, Catalog, I18nError, Numbers, FALLBACK};

/// A built-in locale's files as translators write them (comments and all), by role: the
/// messages both roles show, the widget's, the toolbar's.
macro_rules! built_in_files {
    ($tag:literal) => {
        (
            $tag,
            [
                include_str!(concat!("../../locales/", $tag, "/common.ftl")),
                include_str!(concat!("../../locales/", $tag, "/widget.ftl")),
                include_str!(concat!("../../locales/", $tag, "/toolbar.ftl")),
            ],
        )
    };
}

/// The file names of [`BUILT_IN_FILES`], in their order.
pub const FILE_NAMES: [&str; 3] = ["common.ftl", "widget.ftl", "toolbar.ftl"];

/// Each built-in locale's `locales/<tag>/` files, in the order of [`FILE_NAMES`].
pub const BUILT_IN_FILES: [(&str, [&str; 3]); 3] = [
    built_in_files!("en-US"),
    built_in_files!("zh-CN"),
    built_in_files!("ko-KR"),
];

/// A built-in locale's files as one resource, as the module of both roles (and the native
/// tests, built with both) compiles them.
macro_rules! built_in_source {
    ($tag:literal) => {
        (
            $tag,
            concat!(
                include_str!(concat!("../../locales/", $tag, "/common.ftl")),
                "\n",
                include_str!(concat!("../../locales/", $tag, "/widget.ftl")),
                "\n",
                include_str!(concat!("../../locales/", $tag, "/toolbar.ftl")),
            ),
        )
    };
}

/// The built-in resources as translators write them (comments and all), each locale's files
/// as one text.
pub const BUILT_IN_SOURCES: [(&str, &str); 3] = [
    built_in_source!("en-US"),
    built_in_source!("zh-CN"),
    built_in_source!("ko-KR"),
];

/// Every construct of Fluent (terms, references, attributes, selects on strings and numbers,
/// cycles, 100+ placeables, calls to functions that do not exist), as a site could load it.
pub const EVERYTHING: &str = include_str!("../../crates/ftl-compile/tests/everything.ftl");

/// The plural edges of the locales we know of (one/other in English; 11 and 21 where Slavic
/// and Celtic rules split; 100).
pub const PLURAL_EDGES: [f64; 7] = [0.0, 1.0, 2.0, 5.0, 11.0, 21.0, 100.0];

const NUMBERS: [&str; 4] = ["count", "shown", "total", "n"];
const STRINGS: [&str; 6] = ["percent", "language", "status", "when", "name", "g"];

/// Argument sets: none at all; every number at each plural edge; long strings (with braces,
/// other scripts and bidi text, which must come through as they are); numbers given as strings;
/// half the arguments missing.
pub fn argument_sets() -> Vec<Vec<(&'static str, Arg<'static>)>> {
    let mut sets = vec![Vec::new()];
    for n in PLURAL_EDGES {
        let mut set: Vec<(&str, Arg)> = NUMBERS.iter().map(|k| (*k, Arg::Num(n))).collect();
        set.extend(STRINGS.iter().map(|k| (*k, Arg::from("125"))));
        sets.push(set);
    }
    let long = "{ $count } 长文本 긴 글 שלום \u{202e}end ".repeat(400);
    let mut set: Vec<(&str, Arg)> = STRINGS
        .iter()
        .map(|k| (*k, Arg::from(long.clone())))
        .collect();
    set.extend(NUMBERS.iter().map(|k| (*k, Arg::Num(1.0))));
    sets.push(set);
    sets.push(NUMBERS.iter().map(|k| (*k, Arg::from("1"))).collect());
    sets.push(vec![("count", Arg::Num(21.0)), ("total", Arg::Num(2.0))]);
    sets
}

/// A tag as fluent-bundle takes it (unic-langid's) or as the widget does (its own).
fn tag<T: std::str::FromStr>(locale: &str) -> T {
    let parsed = locale.parse();
    parsed.ok().expect("a valid tag")
}

/// Every (message, attribute) of `sources`, and one id that no resource has.
fn parts(sources: &[&str]) -> Vec<(String, Option<String>)> {
    let mut parts = Vec::new();
    for source in sources {
        let resource = fluent_syntax::parser::parse_runtime(*source).unwrap_or_else(|(r, _)| r);
        for entry in &resource.body {
            if let ast::Entry::Message(m) = entry {
                parts.push((m.id.name.to_string(), None));
                for a in &m.attributes {
                    parts.push((m.id.name.to_string(), Some(a.id.name.to_string())));
                }
            }
        }
    }
    parts.push(("no-such-message".to_string(), None));
    parts
}

/// The widget's localizer as it was: fluent-bundle bundles for the locale then English.
struct Reference {
    chain: Vec<(String, FluentBundle<FluentResource>)>,
}

impl Reference {
    fn new(locale: &str, runtime: &[(&str, &str)]) -> Reference {
        let mut chain = Vec::new();
        for wanted in [locale, FALLBACK] {
            if chain.iter().any(|(l, _)| l == wanted) {
                continue;
            }
            let sources: Vec<&str> = BUILT_IN_SOURCES
                .iter()
                .chain(runtime)
                .filter(|(l, _)| *l == wanted)
                .map(|(_, s)| *s)
                .collect();
            if sources.is_empty() {
                continue;
            }
            let mut bundle = FluentBundle::new(vec![tag(wanted)]);
            bundle.set_use_isolating(false);
            for source in sources {
                let resource =
                    FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
                bundle.add_resource_overriding(resource);
            }
            chain.push((wanted.to_string(), bundle));
        }
        Reference { chain }
    }

    fn format(
        &self,
        id: &str,
        attribute: Option<&str>,
        args: &[(&str, Arg<'_>)],
    ) -> (String, String, Vec<String>) {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Str(s) => FluentValue::from(s.to_string()),
                Arg::Num(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        let ui = &self.chain[0].0;
        let mut errors = Vec::new();
        for (position, (locale, bundle)) in self.chain.iter().enumerate() {
            let message = bundle.get_message(id);
            let pattern = match attribute {
                None => message.and_then(|m| m.value()),
                Some(name) => message
                    .and_then(|m| m.get_attribute(name))
                    .map(|a| a.value()),
            };
            let Some(pattern) = pattern else { continue };
            if position > 0 {
                errors.push(format!(
                    "message \"{id}\" is missing in {ui}; using {FALLBACK}"
                ));
            }
            let mut format_errors: Vec<FluentError> = Vec::new();
            let args = (!args.is_empty()).then_some(&fluent_args);
            let text = bundle.format_pattern(pattern, args, &mut format_errors);
            for error in format_errors {
                let FluentError::ResolverError(error) = error else {
                    panic!("formatting reports resolver errors only: {error}")
                };
                errors.push(format!(
                    "message \"{id}\" in {locale} did not format cleanly: {error}"
                ));
            }
            return (text.into_owned(), locale.clone(), errors);
        }
        errors.push(format!(
            "message \"{id}\" is missing in {FALLBACK}; using {FALLBACK}"
        ));
        (id.to_string(), ui.clone(), errors)
    }
}

/// How many (locale, part, arguments) were compared, and each difference found.
pub struct Report {
    pub compared: usize,
    pub differences: Vec<String>,
}

impl Report {
    /// At least `at_least` comparisons, and no difference.
    pub fn assert_same(&self, at_least: usize) {
        assert!(self.compared >= at_least, "compared only {}", self.compared);
        assert!(
            self.differences.is_empty(),
            "{} differences:\n{}",
            self.differences.len(),
            self.differences.join("\n")
        );
    }
}

/// Compares every part of `locale`'s resources (built in, plus `runtime` sources added as the
/// `locales` option adds them) for every argument set.
pub fn compare(
    numbers: Rc<dyn Numbers>,
    locale: &str,
    runtime: &[(&str, &str)],
    argument_sets: &[Vec<(&'static str, Arg<'static>)>],
) -> Report {
    let mut catalog = Catalog::built_in(numbers);
    for (l, source) in runtime {
        let mut errors = Vec::new();
        catalog.add_source(tag(l), "runtime.ftl", source, &mut errors);
    }
    let localizer = catalog.localizer(&tag(locale));
    let reference = Reference::new(locale, runtime);
    let sources: Vec<&str> = BUILT_IN_SOURCES
        .iter()
        .chain(runtime)
        .filter(|(l, _)| *l == locale || *l == FALLBACK)
        .map(|(_, s)| *s)
        .collect();
    let mut report = Report {
        compared: 0,
        differences: Vec::new(),
    };
    for args in argument_sets {
        for (id, attribute) in parts(&sources) {
            let expected = reference.format(&id, attribute.as_deref(), args);
            let mut errors: Vec<I18nError> = Vec::new();
            let message = localizer.format_part(&id, attribute.as_deref(), args, &mut errors);
            let ours = (
                message.text,
                message.locale.to_string(),
                errors.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
            );
            report.compared += 1;
            if ours != expected {
                let part = match &attribute {
                    Some(a) => format!("{id}.{a}"),
                    None => id.clone(),
                };
                let args: String = format!("{args:?}").chars().take(300).collect();
                report.differences.push(format!(
                    "{locale} {part} with {args}:\n  fluent-bundle {expected:?}\n  compiled      {ours:?}"
                ));
            }
        }
    }
    report
}
