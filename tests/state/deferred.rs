// Specification of the state machine over a long feed read by pages (`Items::deferred`): an item
// whose fields turn out unreadable when it is first decoded is not there for the reader. It is
// neither opened (by the API or the `article` option) nor focused, and More counts only the cards
// it shows.

use std::rc::Rc;

use crate::support::model::{item, model_with, options, outcome_of};
use news_widget::command::Command;
use news_widget::contract::{Event, Source};
use news_widget::feed::{Decode, FeedOutcome, Item, ItemError, ItemKey, Items};
use news_widget::options::Options;
use news_widget::state::{update, Action, Announcement, Effect, Focus, Model, View, Warning};

/// A long feed's items as the deferred reader holds them: `ids` in display order; the items at
/// the positions `unreadable` fail to decode.
struct Pages {
    ids: Vec<String>,
    unreadable: Vec<usize>,
}

impl Decode for Pages {
    fn decode(&self, index: usize, _warnings: &mut Vec<ItemError>) -> Result<Item, ItemError> {
        if self.unreadable.contains(&index) {
            return Err(ItemError::Undecodable {
                index,
                detail: "title is a number".into(),
            });
        }
        Ok(item(&self.ids[index]))
    }
}

/// A deferred feed of `ids`, the positions in `unreadable` failing.
fn deferred(ids: &[&str], unreadable: &[usize]) -> FeedOutcome {
    let keys = ids
        .iter()
        .enumerate()
        .map(|(index, id)| ItemKey {
            id: id.to_string(),
            published: None,
            index,
        })
        .collect();
    let source = Pages {
        ids: ids.iter().map(|s| s.to_string()).collect(),
        unreadable: unreadable.to_vec(),
    };
    outcome_of(Items::deferred(keys, Rc::new(source)))
}

fn answer(model: &Model, outcome: FeedOutcome) -> Action {
    Action::FeedLoaded {
        load: model.load_id,
        outcome,
        digest: 1,
        now_ms: 1_000,
    }
}

/// A widget showing a long feed of `ids` whose `unreadable` positions fail to decode.
fn showing(ids: &[&str], unreadable: &[usize]) -> Model {
    let mut model = model_with(options());
    update(&mut model, Action::Start);
    let action = answer(&model, deferred(ids, unreadable));
    update(&mut model, action);
    model
}

#[test]
fn open_from_the_api_of_an_unreadable_item_does_nothing() {
    let mut model = showing(&["a", "b", "c"], &[1]);
    let effects = update(&mut model, Action::OpenFromApi { id: "b".into() });
    assert_eq!(effects, vec![], "no render, no news-widget:open");
    assert_eq!(model.view, View::List, "open(\"b\") must answer false");
}

#[test]
fn the_article_option_naming_an_unreadable_item_shows_the_not_found_notice() {
    let mut model = model_with(Options {
        article: Some("b".into()),
        ..options()
    });
    update(&mut model, Action::Start);
    let action = answer(&model, deferred(&["a", "b", "c"], &[1]));
    let effects = update(&mut model, action);
    assert!(model.not_found, "the not-found notice shows");
    assert_eq!(model.view, View::List);
    assert!(effects.contains(&Effect::Warn(Warning::ArticleNotFound { id: "b".into() })));
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::Emit(Event::Open { .. }))),
        "no news-widget:open for an article that is not shown: {effects:?}"
    );
    assert!(effects.contains(&Effect::Emit(Event::Ready {
        source: Source::Network
    })));
}

#[test]
fn more_fills_its_page_past_unreadable_items_and_counts_what_it_shows() {
    // Page size 2: the next page is c (unreadable), then d and e.
    let mut model = showing(&["a", "b", "c", "d", "e", "f"], &[2]);
    let effects = update(
        &mut model,
        Action::Command {
            command: Command::More,
            value: None,
        },
    );
    assert!(
        effects.contains(&Effect::Focus(Focus::Card("d".into()))),
        "focus goes to a card that is there: {effects:?}"
    );
    assert!(
        effects.contains(&Effect::AppendCards { from: 2, to: 5 }),
        "the page reaches past c to its second card: {effects:?}"
    );
    assert!(
        effects.contains(&Effect::Announce(Announcement::MoreShown(2))),
        "two more cards are shown: {effects:?}"
    );
}

#[test]
fn a_first_page_of_unreadable_items_is_filled_from_the_items_after_it() {
    // A feed whose newest items a CMS broke: the first page is not empty.
    let model = showing(&["a", "b", "c", "d", "e"], &[0, 1]);
    assert_eq!(model.shown, 4, "places a to d: the cards c and d");
    let model = showing(&["a", "b"], &[0, 1]);
    assert_eq!(model.shown, 2, "to the end, where nothing more is readable");
    // A feed broken throughout is not decoded whole for one page: two pages further at most.
    let ids: Vec<String> = (0..100).map(|i| format!("i{i}")).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let broken: Vec<usize> = (0..100).collect();
    let model = showing(&ids, &broken);
    assert_eq!(model.shown, 6, "page size 2: three pages' places");
}

#[test]
fn back_from_a_card_on_a_page_that_reached_past_its_size_adds_no_cards() {
    // Page size 2: the first page is a (unreadable), b, c.
    let mut model = showing(&["a", "b", "c", "d", "e", "f"], &[0]);
    assert_eq!(model.shown, 3);
    update(&mut model, Action::OpenFromApi { id: "c".into() });
    update(
        &mut model,
        Action::Command {
            command: Command::Back,
            value: None,
        },
    );
    assert_eq!(model.shown, 3, "the cards shown before, no more");
}

#[test]
fn retry_focuses_the_first_readable_card() {
    let mut model = model_with(options());
    update(&mut model, Action::Start);
    // Focus is on the loading message (Retry was pressed).
    model.focus = Some(Focus::Loading);
    let action = answer(&model, deferred(&["a", "b", "c"], &[0]));
    let effects = update(&mut model, action);
    assert!(
        effects.contains(&Effect::Focus(Focus::Card("b".into()))),
        "focus goes to the first card on screen: {effects:?}"
    );
}
