// Conformance of the Fluent parser we ship (fluent-syntax) against the Fluent spec's own syntax
// fixtures: which constructs it reads exactly as the reference parser does, and where it differs.
//
// The corpus lives outside the crate (`../shared/corpora/fluent/syntax-fixtures`, see that
// directory's README for provenance and licence) and is read at run time. A checkout without it
// (build.rs sets `nw_corpora` only where `../shared/corpora` is) builds these tests ignored, so
// `cargo test` lists each as "ignored, skipped: …" instead of passing it; the files are never
// copied in here.
//
// Comparison: fluent-syntax's AST is converted to the spec's ESTree-like JSON by `to_spec_json`
// below (the crate's own `serde` feature serializes a different shape: no `type` on Resource,
// Identifier, Pattern or SelectExpression, comments as line arrays, no Junk `annotations`).
// Two normalizations, both representational:
// - the spec fixtures carry no spans and always have `"annotations": []` on Junk; fluent-syntax
//   models neither, so every Junk is emitted with an empty annotation list;
// - adjacent TextElements are joined into one (fluent-syntax yields one per source line of a
//   multiline value, the spec one per run of text; the concatenated text is what is compared).
// Everything else (Junk content, comment text, text values including line ends, literal values,
// the order and kind of entries, null vs absent parts) must be equal.

use std::path::{Path, PathBuf};

use fluent_syntax::ast;
use fluent_syntax::parser;
use serde_json::{json, Value};

/// Fixtures where fluent-syntax 0.12 is known to disagree with the reference parser. Each one
/// is asserted to STILL differ, so that a fluent-syntax upgrade which fixes it fails this test
/// and the entry gets removed (and the fixture starts guarding the fix). Skipping them instead
/// would hide both regressions and fixes.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[
    // The spec's line ends are LF and CRLF only, so these files are one message whose value runs
    // to the end of the file, bare CRs included, and only blanks (space, LF, CRLF) are trimmed
    // from its end. fluent-syntax trims any trailing ' ', '\r', '\n' (`matches_fluent_ws`).
    (
        "cr_multikey",
        "bare CR at the end of the value is trimmed; the spec keeps it",
    ),
    (
        "cr_multilinevalue",
        "bare CR at the end of the value is trimmed; the spec keeps it",
    ),
];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/fluent/syntax-fixtures")
}

/// The fixture's source and expected JSON. The tests that call this are ignored where the corpora
/// are absent, so a missing file here is a broken corpus.
fn load(name: &str) -> (String, Value) {
    let dir = corpus_dir();
    // Read bytes and convert without touching line endings: crlf.ftl and cr_*.ftl depend on them.
    let ftl = std::fs::read(dir.join(format!("{name}.ftl"))).unwrap_or_else(|e| {
        panic!(
            "{name}.ftl is listed but unreadable in {}: {e}",
            dir.display()
        )
    });
    let ftl = String::from_utf8(ftl).unwrap_or_else(|e| panic!("{name}.ftl is not UTF-8: {e}"));
    let expected = std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap_or_else(|e| {
        panic!(
            "{name}.json is listed but unreadable in {}: {e}",
            dir.display()
        )
    });
    let expected = serde_json::from_str(&expected).unwrap_or_else(|e| panic!("{name}.json: {e}"));
    (ftl, expected)
}

fn parse(source: &str) -> ast::Resource<&str> {
    // Fixtures with Junk make `parse` return Err; the partial resource holds the Junk entries,
    // which is exactly what the spec's JSON records.
    parser::parse(source).unwrap_or_else(|(resource, _errors)| resource)
}

// ---- fluent-syntax AST → spec JSON ---------------------------------------------------------

fn to_spec_json(resource: &ast::Resource<&str>) -> Value {
    json!({
        "type": "Resource",
        "body": resource.body.iter().map(entry).collect::<Vec<_>>(),
    })
}

fn entry(entry: &ast::Entry<&str>) -> Value {
    match entry {
        ast::Entry::Message(m) => json!({
            "type": "Message",
            "id": identifier(&m.id),
            "value": m.value.as_ref().map(pattern),
            "attributes": m.attributes.iter().map(attribute).collect::<Vec<_>>(),
            "comment": m.comment.as_ref().map(|c| comment("Comment", c)),
        }),
        ast::Entry::Term(t) => json!({
            "type": "Term",
            "id": identifier(&t.id),
            "value": pattern(&t.value),
            "attributes": t.attributes.iter().map(attribute).collect::<Vec<_>>(),
            "comment": t.comment.as_ref().map(|c| comment("Comment", c)),
        }),
        ast::Entry::Comment(c) => comment("Comment", c),
        ast::Entry::GroupComment(c) => comment("GroupComment", c),
        ast::Entry::ResourceComment(c) => comment("ResourceComment", c),
        // Annotations: see the file header.
        ast::Entry::Junk { content } => json!({
            "type": "Junk",
            "annotations": [],
            "content": content,
        }),
    }
}

/// fluent-syntax keeps a comment as its lines; the spec joins them with "\n".
fn comment(kind: &str, c: &ast::Comment<&str>) -> Value {
    json!({ "type": kind, "content": c.content.join("\n") })
}

fn identifier(id: &ast::Identifier<&str>) -> Value {
    json!({ "type": "Identifier", "name": id.name })
}

fn attribute(a: &ast::Attribute<&str>) -> Value {
    json!({ "type": "Attribute", "id": identifier(&a.id), "value": pattern(&a.value) })
}

fn pattern(p: &ast::Pattern<&str>) -> Value {
    let mut elements: Vec<Value> = Vec::new();
    for e in &p.elements {
        match e {
            ast::PatternElement::TextElement { value } => {
                // fluent-syntax borrows text from the source, so a multiline value (whose
                // indentation is stripped) comes out as one TextElement per line; the spec has
                // one element for the run. Joining adjacent runs is the same text.
                if let Some(Value::String(last)) = elements
                    .last_mut()
                    .filter(|last| last["type"] == "TextElement")
                    .and_then(|last| last.get_mut("value"))
                {
                    last.push_str(value);
                } else {
                    elements.push(json!({ "type": "TextElement", "value": value }));
                }
            }
            ast::PatternElement::Placeable { expression: x } => elements.push(placeable(x)),
        }
    }
    json!({ "type": "Pattern", "elements": elements })
}

fn placeable(x: &ast::Expression<&str>) -> Value {
    json!({ "type": "Placeable", "expression": expression(x) })
}

fn expression(x: &ast::Expression<&str>) -> Value {
    match x {
        ast::Expression::Select { selector, variants } => json!({
            "type": "SelectExpression",
            "selector": inline(selector),
            "variants": variants.iter().map(variant).collect::<Vec<_>>(),
        }),
        ast::Expression::Inline(i) => inline(i),
    }
}

fn variant(v: &ast::Variant<&str>) -> Value {
    let key = match &v.key {
        ast::VariantKey::Identifier { name } => json!({ "type": "Identifier", "name": name }),
        ast::VariantKey::NumberLiteral { value } => {
            json!({ "type": "NumberLiteral", "value": value })
        }
    };
    json!({ "type": "Variant", "key": key, "value": pattern(&v.value), "default": v.default })
}

fn inline(i: &ast::InlineExpression<&str>) -> Value {
    match i {
        ast::InlineExpression::StringLiteral { value } => {
            json!({ "type": "StringLiteral", "value": value })
        }
        ast::InlineExpression::NumberLiteral { value } => {
            json!({ "type": "NumberLiteral", "value": value })
        }
        ast::InlineExpression::FunctionReference { id, arguments } => json!({
            "type": "FunctionReference",
            "id": identifier(id),
            "arguments": call_arguments(arguments),
        }),
        ast::InlineExpression::MessageReference { id, attribute } => json!({
            "type": "MessageReference",
            "id": identifier(id),
            "attribute": attribute.as_ref().map(identifier),
        }),
        ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => json!({
            "type": "TermReference",
            "id": identifier(id),
            "attribute": attribute.as_ref().map(identifier),
            "arguments": arguments.as_ref().map(call_arguments),
        }),
        ast::InlineExpression::VariableReference { id } => json!({
            "type": "VariableReference",
            "id": identifier(id),
        }),
        ast::InlineExpression::Placeable { expression: x } => placeable(x),
    }
}

fn call_arguments(args: &ast::CallArguments<&str>) -> Value {
    json!({
        "type": "CallArguments",
        "positional": args.positional.iter().map(inline).collect::<Vec<_>>(),
        "named": args
            .named
            .iter()
            .map(|n| json!({ "type": "NamedArgument", "name": identifier(&n.name), "value": inline(&n.value) }))
            .collect::<Vec<_>>(),
    })
}

// ---- comparison ----------------------------------------------------------------------------

/// The first place where two JSON trees differ, as a path plus both sides, so a failure says
/// what broke instead of dumping two 300-line documents.
fn first_difference(path: &str, actual: &Value, expected: &Value) -> Option<String> {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => {
            let mut keys: Vec<&String> = a.keys().chain(e.keys()).collect();
            keys.sort();
            keys.dedup();
            keys.into_iter().find_map(|k| match (a.get(k), e.get(k)) {
                (Some(av), Some(ev)) => first_difference(&format!("{path}.{k}"), av, ev),
                (av, ev) => Some(format!("{path}.{k}: fluent-syntax {av:?}, spec {ev:?}")),
            })
        }
        (Value::Array(a), Value::Array(e)) => a
            .iter()
            .zip(e)
            .enumerate()
            .find_map(|(i, (av, ev))| first_difference(&format!("{path}[{i}]"), av, ev))
            .or_else(|| {
                (a.len() != e.len()).then(|| {
                    format!(
                        "{path}: fluent-syntax has {} items, spec has {}",
                        a.len(),
                        e.len()
                    )
                })
            }),
        _ if actual == expected => None,
        _ => Some(format!("{path}: fluent-syntax {actual}, spec {expected}")),
    }
}

fn check(name: &str) {
    let (source, expected) = load(name);
    let actual = to_spec_json(&parse(&source));
    let difference = first_difference("$", &actual, &expected);
    match (
        KNOWN_DIFFERENCES.iter().find(|(n, _)| *n == name),
        difference,
    ) {
        (None, None) => {}
        (None, Some(diff)) => panic!(
            "{name}.ftl: fluent-syntax's AST differs from the spec's {name}.json at {diff}\n\
             (if this is a parser limitation rather than a regression, add it to KNOWN_DIFFERENCES)"
        ),
        (Some((_, reason)), Some(diff)) => {
            println!("{name}: known difference ({reason}); first at {diff}");
        }
        (Some((_, reason)), None) => panic!(
            "{name}.ftl now matches the spec exactly; remove it from KNOWN_DIFFERENCES \
             (it was listed as: {reason})"
        ),
    }
}

macro_rules! fixtures {
    ($($name:ident),* $(,)?) => {
        const FIXTURES: &[&str] = &[$(stringify!($name)),*];
        $(
            #[test]
            #[cfg_attr(not(nw_corpora), ignore = "skipped: ../shared/corpora not found at build time")]
            fn $name() {
                check(stringify!($name));
            }
        )*
    };
}

fixtures!(
    any_char,
    astral,
    call_expressions,
    callee_expressions,
    comments,
    cr_err_literal,
    cr_err_selector,
    cr_multikey,
    cr_multilinevalue,
    crlf,
    eof_comment,
    eof_empty,
    eof_id,
    eof_id_equals,
    eof_junk,
    eof_value,
    escaped_characters,
    junk,
    leading_dots,
    literal_expressions,
    member_expressions,
    messages,
    mixed_entries,
    multiline_values,
    numbers,
    obsolete,
    placeables,
    reference_expressions,
    select_expressions,
    select_indent,
    sparse_entries,
    special_chars,
    tab,
    term_parameters,
    terms,
    variables,
    variant_keys,
    whitespace_in_value,
    zero_length,
);

/// A fixture added to (or removed from) the corpus must show up here, or it would silently go
/// untested.
#[test]
#[cfg_attr(
    not(nw_corpora),
    ignore = "skipped: ../shared/corpora not found at build time"
)]
fn fixture_list_matches_the_corpus() {
    let dir = corpus_dir();
    let read = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the corpus at {} is unreadable: {e}", dir.display()));
    let mut on_disk: Vec<String> = read
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".ftl"))
                .map(str::to_owned)
        })
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = FIXTURES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(
        listed,
        on_disk,
        "the fixtures! list and {} disagree",
        dir.display()
    );
}

/// A typo in KNOWN_DIFFERENCES would otherwise never be checked against anything.
#[test]
fn known_differences_name_listed_fixtures() {
    let unknown: Vec<&str> = KNOWN_DIFFERENCES
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| !FIXTURES.contains(n))
        .collect();
    assert!(
        unknown.is_empty(),
        "KNOWN_DIFFERENCES names fixtures that are not listed: {unknown:?}"
    );
}
