// No source can trap the module that compiles it: an escape that fluent-syntax 0.12 panics on,
// or placeables nested deep enough to overflow its recursive parser, is a syntax error on its
// line and its entry is left out; the rest of the resource compiles. The build's check reads
// through the same guard.

use ftl_compile::check::{check, ProblemKind, Source};
use ftl_compile::guard::{defuse, MAX_NESTING};
use ftl_compile::{compile, SyntaxError, SyntaxKind};
use ftl_format::reference::FluentBundleNumbers;
use ftl_format::{Bundle, Resource};
use std::rc::Rc;

/// The messages of `source` as compiled, each formatted (its id alone where it is left out).
fn compiled(source: &str, ids: &[&str]) -> (Vec<String>, Vec<SyntaxError>) {
    let (bytes, errors) = compile(source);
    let resources = [Rc::new(Resource::new(bytes.into()).expect("its own form"))];
    let numbers = FluentBundleNumbers::default();
    let bundle = Bundle {
        locale: "en",
        resources: &resources,
        numbers: &numbers,
    };
    let texts = ids
        .iter()
        .map(|id| {
            bundle
                .format(id, None, &[], &mut Vec::new())
                .unwrap_or_else(|| id.to_string())
        })
        .collect();
    (texts, errors)
}

fn reported(source: &str) -> Vec<SyntaxError> {
    let mut found = Vec::new();
    let guarded = defuse(source, |e| found.push(e));
    // The parser now reads it without a panic.
    let _ = fluent_syntax::parser::parse(&*guarded.text);
    found
}

#[test]
fn a_u_escape_before_a_cjk_character_is_a_syntax_error_on_its_line() {
    let (texts, errors) = compiled(
        "ok = Fine\n\n# a comment\nbad = { \"\\u中\" }\nafter = Still read\n",
        &["ok", "bad", "after"],
    );
    assert_eq!(
        errors,
        [SyntaxError {
            line: 4,
            kind: SyntaxKind::BadEscape {
                escape: "\\u".into(),
                found: '中'
            }
        }],
        "one error for the entry: the parser's own on the defused escape is not repeated"
    );
    assert_eq!(
        errors[0].to_string(),
        "line 4: invalid escape \\u中 (a \\u escape needs hex digits)"
    );
    assert_eq!(
        texts,
        ["Fine", "bad", "Still read"],
        "the entry is left out"
    );
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
        assert_eq!(reported(source).len(), 1, "{source}");
    }
}

#[test]
fn text_and_valid_escapes_are_left_alone() {
    for source in [
        "a = { \"\\u4E2D\" } { \"\\U01F600\" } { \"\\\\u中\" }\n",
        "# { \"\\u中\" } in a comment\n",
        "a = { \"\\u00\" }\n",
    ] {
        let mut found = Vec::new();
        assert_eq!(defuse(source, |e| found.push(e)).text, source);
        assert!(found.is_empty(), "{source}: {found:?}");
    }
}

#[test]
fn the_escape_is_caught_in_text_too_where_the_parser_context_is_unknown() {
    // Found by cargo-fuzz: after a broken entry, a `"` that starts text for one reading starts
    // a string for the parser. The check does not follow the context.
    let data = b"a = {4 \"u\\E2D\" } { $n -> [onef o\xbe\xbe\n\
        font-larger = \xea\xb8\x80\"\\u5\xed\x95\x9c x { \"\\u5E\xbe\xbe\" }\n";
    let source = String::from_utf8_lossy(data);
    assert_eq!(reported(&source).len(), 2);
    assert_eq!(reported("a = \\u中 is text\n").len(), 1);
}

#[test]
fn an_entry_continued_over_lines_that_start_like_entries_cannot_nest_deep() {
    // Inside a placeable the parser reads on over line starts; the count does not reset there.
    reported(&format!("a = {{\n{}1", "F(\n".repeat(10_000)));
    let (_, errors) = compile(&format!("b = {{\n{}\"x\"", "{\n".repeat(10_000)));
    assert!(
        errors.iter().any(|e| e.kind == SyntaxKind::TooDeep),
        "{errors:?}"
    );
}

#[test]
fn placeables_and_calls_nested_ten_thousand_deep_are_a_syntax_error_not_a_stack_overflow() {
    let deep_placeables = format!("{}\"x\"{}", "{ ".repeat(10_000), " }".repeat(10_000));
    let deep_calls = format!("{{ {}1{} }}", "F(".repeat(10_000), ")".repeat(10_000));
    for deep in [deep_placeables, deep_calls] {
        let (texts, errors) = compiled(
            &format!("ok = Fine\nbad = {deep}\nafter = Read\n"),
            &["ok", "after"],
        );
        assert_eq!(
            errors,
            [SyntaxError {
                line: 2,
                kind: SyntaxKind::TooDeep
            }]
        );
        assert_eq!(
            errors[0].to_string(),
            format!("line 2: placeables or call arguments nested deeper than {MAX_NESTING}")
        );
        assert_eq!(texts, ["Fine", "Read"]);
    }
}

#[test]
fn lines_stay_the_sources_where_the_guard_puts_a_comment_line_before_an_entry() {
    // Twenty entries of five levels each: the guard cannot tell whether the parser is still
    // inside the previous one, so it ends that with a comment line every dozen entries.
    let mut source = String::new();
    for i in 0..20 {
        source.push_str(&format!("m{i} = {{ {{ {{ {{ {{ \"x\" }} }} }} }} }}\n"));
    }
    source.push_str("broken = { $\n");
    let mut found = Vec::new();
    let guarded = defuse(&source, |e| found.push(e));
    assert!(found.is_empty());
    assert!(
        guarded.text.len() > source.len(),
        "comment lines were put in"
    );
    let (texts, errors) = compiled(&source, &["m0", "m19"]);
    assert_eq!(texts, ["x", "x"]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0].line, 21,
        "the source's line, not the guarded text's"
    );
}

#[test]
fn nesting_that_translations_use_is_left_alone() {
    let source = "a = { $n ->\n    [one] { NUMBER($n, minimumFractionDigits: 1) } { \"{\" }\n   *[other] { { { -t(x: \"(\") } } }\n}\n";
    let mut found = Vec::new();
    assert_eq!(defuse(source, |e| found.push(e)).text, source);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn the_builds_check_reads_through_the_guard() {
    let base = "hello = Hello\n";
    let problems = check(
        &Source {
            path: "en-US.ftl",
            text: base,
        },
        &[Source {
            path: "xx.ftl",
            text: "hello = { \"\\u中\" }\n",
        }],
    );
    assert!(
        problems.iter().any(|p| p.path == "xx.ftl"
            && p.line == 1
            && matches!(p.kind, ProblemKind::Syntax(SyntaxKind::BadEscape { .. }))),
        "{problems:?}"
    );
}

/// A tripwire: the day fluent-syntax parses this without a panic (the fix in
/// docs/upstream/ was taken), this test fails and the guard can go.
#[test]
#[should_panic(expected = "char boundary")]
fn upstream_fluent_syntax_still_panics_on_the_escape() {
    let _ = fluent_syntax::parser::parse("a = { \"\\u中\" }");
}
