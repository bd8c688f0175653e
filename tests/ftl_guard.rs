// A site's run-time Fluent resource cannot trap the module: an escape that fluent-syntax 0.12
// panics on is reported with its line and its entry skipped, the rest of the resource applies.

use news_widget::ftl_guard::defuse;
use news_widget::i18n::{parse_resource, Catalog, I18nError};
use unic_langid::LanguageIdentifier;

fn en() -> LanguageIdentifier {
    "en-US".parse().expect("a tag")
}

fn parsed(source: &str) -> (Catalog, Vec<I18nError>) {
    let mut errors = Vec::new();
    let mut catalog = Catalog::built_in(&mut errors);
    let resource = parse_resource(&en(), source.to_owned(), &mut errors);
    catalog.add_parsed(en(), resource);
    (catalog, errors)
}

fn format(catalog: &Catalog, id: &str) -> String {
    catalog
        .localizer(&en())
        .format(id, &[], &mut Vec::new())
        .text
}

#[test]
fn a_u_escape_before_a_cjk_character_is_a_syntax_error_on_its_line() {
    let (catalog, errors) =
        parsed("ok = Fine\n\n# a comment\nbad = { \"\\u中\" }\nafter = Still read\n");
    assert!(
        errors
            .iter()
            .any(|e| matches!(e, I18nError::Syntax { detail, .. }
            if detail.contains("line 4") && detail.contains("\\u中"))),
        "{errors:?}"
    );
    assert_eq!(format(&catalog, "ok"), "Fine");
    assert_eq!(format(&catalog, "after"), "Still read");
    assert_eq!(format(&catalog, "bad"), "bad", "the entry is skipped");
}

#[test]
fn every_shape_of_the_escape_is_caught() {
    for source in [
        "a = { \"\\U12한\" }",
        "a = { \"x\\u00é\" }",
        "a = { FUNC(\"\\u中\") }",
        "a =\n    { $n ->\n        [one] { \"\\uA中\" }\n       *[other] x\n    }",
        "a = { \"\\\\\" } { \"\\u中\" }",
    ] {
        let mut reported = Vec::new();
        let safe = defuse(source.to_owned(), |e| reported.push(e));
        assert_eq!(reported.len(), 1, "{source}");
        // The parser now reads it without a panic.
        let _ = fluent_syntax::parser::parse(safe.as_str());
    }
}

#[test]
fn text_and_valid_escapes_are_left_alone() {
    for source in [
        "a = \\u中 is text outside a placeable\n",
        "a = { \"\\u4E2D\" } { \"\\U01F600\" } { \"\\\\u中\" }\n",
        "# { \"\\u中\" } in a comment\n",
        "a = { \"\\u00\" }\n",
    ] {
        let mut reported = Vec::new();
        assert_eq!(defuse(source.to_owned(), |e| reported.push(e)), source);
        assert!(reported.is_empty(), "{source}: {reported:?}");
    }
}

/// A tripwire: the day fluent-syntax parses this without a panic (the fix in
/// docs/upstream/ was taken), this test fails and the guard can go.
#[test]
#[should_panic(expected = "char boundary")]
fn upstream_fluent_syntax_still_panics_on_the_escape() {
    let _ = fluent_syntax::parser::parse("a = { \"\\u中\" }");
}

#[test]
fn placeables_and_calls_nested_ten_thousand_deep_are_a_syntax_error_not_a_stack_overflow() {
    let deep_placeables = format!("{}\"x\"{}", "{ ".repeat(10_000), " }".repeat(10_000));
    let deep_calls = format!("{{ {}1{} }}", "F(".repeat(10_000), ")".repeat(10_000));
    for deep in [deep_placeables, deep_calls] {
        let (catalog, errors) = parsed(&format!("ok = Fine\nbad = {deep}\nafter = Read\n"));
        assert!(
            errors
                .iter()
                .any(|e| matches!(e, I18nError::Syntax { detail, .. }
                if detail.contains("line 2") && detail.contains("nested deeper than 32"))),
            "{errors:?}"
        );
        assert_eq!(format(&catalog, "ok"), "Fine");
        assert_eq!(format(&catalog, "after"), "Read");
    }
}

#[test]
fn nesting_that_translations_use_is_left_alone() {
    let source = "a = { $n ->\n    [one] { NUMBER($n, minimumFractionDigits: 1) } { \"{\" }\n   *[other] { { { -t(x: \"(\") } } }\n}\n";
    let mut reported = Vec::new();
    assert_eq!(defuse(source.to_owned(), |e| reported.push(e)), source);
    assert!(reported.is_empty(), "{reported:?}");
}
