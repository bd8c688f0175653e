// The compiler's errors and the build's checks: what a translator's mistake looks like, with
// the file and line it names.

use ftl_compile::check::{check, Part, Problem, ProblemKind, Selection, Source};
use ftl_compile::SyntaxKind;
use ftl_format::reference::FluentBundleNumbers;
use ftl_format::{Bundle, Resource};
use std::rc::Rc;

const BASE: &str = "\
hello = Hello
count = { $n ->
    [one] One thing
   *[other] { $n } things
}
named = { $g ->
    [male] He
   *[other] They
}
button = Button
    .title = Press
-brand = Widget
";

fn base() -> Source<'static> {
    Source {
        path: "en-US.ftl",
        text: BASE,
    }
}

fn problems_of(translation: &str) -> Vec<Problem> {
    check(
        &base(),
        &[Source {
            path: "xx.ftl",
            text: translation,
        }],
    )
}

fn kinds(problems: &[Problem]) -> Vec<(usize, ProblemKind)> {
    problems.iter().map(|p| (p.line, p.kind.clone())).collect()
}

const GOOD: &str = "\
hello = Hallo
count = { $n ->
   *[other] { $n } Dinge
}
named = { $g ->
    [female] Sie
   *[other] Sie
}
button = Knopf
    .title = Drücken
";

#[test]
fn a_faithful_translation_has_no_problem() {
    assert_eq!(problems_of(GOOD), vec![]);
}

#[test]
fn compile_names_the_line_of_a_syntax_error_and_keeps_the_other_entries() {
    let (bytes, errors) = ftl_compile::compile("a = ok\n\nb = { $\nc = fine\n");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].line, 3);
    assert_eq!(errors[0].to_string(), "line 3: Expected one of \"a-zA-Z\"");
    let resource = Rc::new(Resource::new(bytes.into()).unwrap());
    assert_eq!(resource.message_ids().collect::<Vec<_>>(), ["a", "c"]);
    let numbers = FluentBundleNumbers::default();
    let resources = [resource];
    let bundle = Bundle {
        locale: "en",
        resources: &resources,
        numbers: &numbers,
    };
    assert_eq!(
        bundle.format("c", None, &[], &mut Vec::new()).as_deref(),
        Some("fine")
    );
}

#[test]
fn a_syntax_error_fails_the_check_with_file_and_line() {
    let problems = problems_of(&GOOD.replace("button = Knopf", "button = { Knopf"));
    // The line where the parser stopped (it looked for the closing brace there); the entry it
    // dropped is then missing, which alone would be a warning.
    assert_eq!(
        kinds(&problems),
        [
            (
                10,
                ProblemKind::Syntax(SyntaxKind::Parser(
                    fluent_syntax::parser::ErrorKind::ExpectedToken('}')
                ))
            ),
            (
                0,
                ProblemKind::Missing {
                    id: "button".into()
                }
            ),
        ]
    );
    assert_eq!(
        problems[0].to_string(),
        "xx.ftl:10: Expected a token starting with \"}\""
    );
    assert!(!problems[0].is_warning());
}

#[test]
fn a_missing_message_is_only_a_warning() {
    let problems = problems_of(&GOOD.replace("hello = Hallo\n", ""));
    assert_eq!(
        kinds(&problems),
        [(0, ProblemKind::Missing { id: "hello".into() })]
    );
    assert!(problems[0].is_warning());
    assert_eq!(
        problems[0].to_string(),
        "xx.ftl: \"hello\" is missing; the base locale's text is shown"
    );
}

#[test]
fn a_message_the_base_lacks_is_an_error() {
    let problems = problems_of(&format!("{GOOD}helo = Hallo\n"));
    assert_eq!(
        kinds(&problems),
        [(11, ProblemKind::NotInBase { id: "helo".into() })]
    );
}

#[test]
fn other_variables_than_the_base_are_an_error() {
    let problems = problems_of(&GOOD.replace("{ $n } Dinge", "{ $count } Dinge"));
    assert_eq!(
        kinds(&problems),
        [(
            2,
            ProblemKind::Differs {
                id: "count".into(),
                part: Part::Variables,
                base: vec!["n".into()],
                here: vec!["count".into(), "n".into()]
            }
        )]
    );
}

#[test]
fn other_attributes_than_the_base_are_an_error() {
    let problems = problems_of(&GOOD.replace(".title", ".label"));
    assert_eq!(
        kinds(&problems),
        [(
            9,
            ProblemKind::Differs {
                id: "button".into(),
                part: Part::Attributes,
                base: vec!["title".into()],
                here: vec!["label".into()]
            }
        )]
    );
}

#[test]
fn a_plural_selection_where_the_base_selects_by_name_is_an_error() {
    let problems = problems_of(&GOOD.replace("[female] Sie", "[one] Sie"));
    assert_eq!(
        kinds(&problems),
        [(
            5,
            ProblemKind::SelectionDiffers {
                id: "named".into(),
                variable: "g".into(),
                here: Selection::Plural,
                elsewhere: Selection::Named
            }
        )]
    );
}

/// `[on]` for `[one]`: a name among plural categories is a typo, never a match.
#[test]
fn a_select_mixing_categories_and_names_is_an_error() {
    let problems = problems_of(&GOOD.replace(
        "   *[other] { $n } Dinge",
        "    [one] Ein Ding\n    [on] Eins\n   *[other] { $n } Dinge",
    ));
    assert_eq!(
        kinds(&problems),
        [(
            2,
            ProblemKind::MixedKeys {
                id: "count".into(),
                variable: "n".into()
            }
        )]
    );
}

#[test]
fn references_to_nothing_are_errors() {
    let problems = problems_of(&format!(
        "{}hello = {{ -brand }} {{ hallo }} {{ button.label }} {{ -brand.gender ->\n   *[other] x\n}}\n-brand = Gerät\n",
        GOOD.replace("hello = Hallo\n", "")
    ));
    let references: Vec<String> = problems
        .iter()
        .filter_map(|p| match &p.kind {
            ProblemKind::UnknownReference { reference, .. } => Some(reference.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        references,
        ["hallo", "button.label", "-brand.gender"],
        "{problems:?}"
    );
    // Terms are each locale's own: the base's -brand is not asked of the translation.
    assert_eq!(problems.len(), 3, "{problems:?}");
}

#[test]
fn a_function_call_is_an_error() {
    let problems = problems_of(&GOOD.replace("{ $n } Dinge", "{ NUMBER($n) } Dinge"));
    assert_eq!(
        kinds(&problems),
        [(
            2,
            ProblemKind::Function {
                id: "count".into(),
                name: "NUMBER".into()
            }
        )]
    );
}

#[test]
fn a_duplicated_id_is_an_error_at_its_second_definition() {
    let problems = problems_of(&format!("{GOOD}hello = Nochmal\n"));
    assert_eq!(
        kinds(&problems),
        [(11, ProblemKind::Duplicate { id: "hello".into() })]
    );
}

/// The base itself is checked too (its own references, selections, duplicates).
#[test]
fn the_base_is_checked_on_its_own() {
    let base = Source {
        path: "en-US.ftl",
        text: "a = { b }\na = again\n",
    };
    let problems = check(&base, &[]);
    assert_eq!(
        kinds(&problems),
        [
            (2, ProblemKind::Duplicate { id: "a".into() }),
            (
                1,
                ProblemKind::UnknownReference {
                    id: "a".into(),
                    reference: "b".into()
                }
            ),
        ]
    );
}
