//! The `article` option.

use super::{on_loaded, ready};
use crate::support::model::{model_with, options};
use news_widget::contract::{Event, Source};
use news_widget::options::Options;
use news_widget::state::{update, Action, Effect, Warning};

// ---- the article option --------------------------------------------------------------------------

#[test]
fn the_article_option_opens_without_taking_focus() {
    let mut model = model_with(Options {
        article: Some("b".into()),
        ..options()
    });
    update(&mut model, Action::Start);
    let effects = on_loaded(&mut model, &["a", "b"], 1);
    assert_eq!(
        effects,
        vec![
            Effect::Render,
            Effect::Emit(Event::Open { id: "b".into() }),
            ready(Source::Network),
        ]
    );
}

#[test]
fn an_article_option_the_feed_lacks_shows_the_list_with_a_notice() {
    let mut model = model_with(Options {
        article: Some("zz".into()),
        ..options()
    });
    update(&mut model, Action::Start);
    let effects = on_loaded(&mut model, &["a"], 1);
    assert!(model.not_found);
    assert_eq!(
        effects[0],
        Effect::Warn(Warning::ArticleNotFound { id: "zz".into() })
    );
}
