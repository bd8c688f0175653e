//! One feed per language.

use super::{choose, fetches, loaded, on_loaded};
use crate::support::model::{model_with, options};
use news_widget::options::Options;
use news_widget::state::{update, Action, Effect, Focus, Load, Model, View};

// ---- one feed per language ------------------------------------------------------------------------

fn per_language() -> Model {
    let mut model = model_with(Options {
        feed: None,
        feeds: vec![
            ("en".into(), "https://city.example/en.xml".into()),
            ("ko".into(), "https://city.example/ko.xml".into()),
        ],
        ..options()
    });
    update(&mut model, Action::Start);
    let answer = loaded(&model, &["a"], 1);
    update(&mut model, answer);
    model
}

#[test]
fn another_language_brings_its_own_feed() {
    let mut model = per_language();
    let effects = update(&mut model, choose("ko"));
    assert!(effects.contains(&Effect::FetchFeed {
        load: 2,
        url: "https://city.example/ko.xml".into(),
        revalidate: true,
        kept_first: true,
        adopt: false,
    }));
    assert!(
        matches!(model.load, Load::Loading),
        "another list is another list"
    );
}

#[test]
fn switching_back_uses_the_feed_read_before() {
    let mut model = per_language();
    update(&mut model, choose("ko"));
    on_loaded(&mut model, &["k"], 2);
    let effects = update(&mut model, choose("en"));
    assert!(fetches(&effects).is_empty());
    assert_eq!(model.feed().unwrap().items[0].id, "a");
}

#[test]
fn an_open_article_stays_while_its_language_s_feed_loads() {
    let mut model = per_language();
    update(&mut model, Action::OpenFromApi { id: "a".into() });
    update(&mut model, choose("ko"));
    assert!(matches!(model.load, Load::Ready(_)));
    on_loaded(&mut model, &["k"], 2);
    assert_eq!(
        model.view,
        View::Article("a".into()),
        "held with its notice"
    );
    assert!(model.held.is_some());
    assert!(model.open_item().is_some());
}

#[test]
fn back_from_a_held_article_focuses_the_new_list_s_first_card() {
    let mut model = per_language();
    update(&mut model, Action::OpenFromApi { id: "a".into() });
    update(&mut model, choose("ko"));
    on_loaded(&mut model, &["k"], 2);
    let effects = update(&mut model, Action::Back);
    assert_eq!(model.view, View::List);
    assert!(model.held.is_none());
    assert!(
        effects.contains(&Effect::Focus(Focus::Card("k".into()))),
        "the held article has no card in the Korean list: {effects:?}"
    );
    assert!(!effects.contains(&Effect::Focus(Focus::Card("a".into()))));
}
