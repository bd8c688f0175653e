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
        "a = { \"\\u4E2D\" } { \"\\U01F600\" } { \"\\\\u中\" }\n",
        "# { \"\\u中\" } in a comment\n",
        "a = { \"\\u00\" }\n",
    ] {
        let mut reported = Vec::new();
        assert_eq!(defuse(source.to_owned(), |e| reported.push(e)), source);
        assert!(reported.is_empty(), "{source}: {reported:?}");
    }
}

#[test]
fn the_escape_is_caught_in_text_too_where_the_parser_context_is_unknown() {
    // Found by cargo-fuzz: after a broken entry, a `"` that starts text for one reading starts
    // a string for the parser. The check no longer follows the context.
    let data = b"a = {4 \"u\\E2D\" } { $n -> [onef o\xbe\xbe\n\
        font-larger = \xea\xb8\x80\"\\u5\xed\x95\x9c x { \"\\u5E\xbe\xbe\" }\n";
    let source = String::from_utf8_lossy(data).into_owned();
    let mut reported = Vec::new();
    let safe = defuse(source, |e| reported.push(e));
    let _ = fluent_syntax::parser::parse(safe.as_str());
    assert_eq!(reported.len(), 2, "{reported:?}");
    let mut reported = Vec::new();
    defuse("a = \\u中 is text\n".to_owned(), |e| reported.push(e));
    assert_eq!(reported.len(), 1);
}

#[test]
fn an_entry_continued_over_lines_that_start_like_entries_cannot_nest_deep() {
    // Inside a placeable the parser reads on over line starts; the count does not reset there.
    let deep = format!("a = {{\n{}1", "F(\n".repeat(10_000));
    let mut reported = Vec::new();
    let safe = defuse(deep, |e| reported.push(e));
    let _ = fluent_syntax::parser::parse(safe.as_str());
    let mut errors = Vec::new();
    parse_resource(
        &en(),
        format!("b = {{\n{}\"x\"", "{\n".repeat(10_000)),
        &mut errors,
    );
    assert!(
        errors
            .iter()
            .any(|e| e.to_string().contains("nested deeper")),
        "{errors:?}"
    );
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
                if detail.contains("line 2") && detail.contains("nested deeper than 64"))),
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
