//! What the live region says, for the widget and the reader toolbar alike: each announcement
//! and the Fluent message (its id and arguments) that words it.

use crate::contract::FontStep;
use crate::i18n::Arg;
use crate::listen::machine::Announcement as Reading;

/// A message for the live region.
#[derive(Clone, Debug, PartialEq)]
pub enum Announcement {
    /// The font step changed (or was asked for at its end).
    FontSize(FontStep),
    /// The UI language changed: the DOM layer names it by its endonym.
    Language(String),
    /// One more page of cards.
    MoreShown(usize),
    PreviewOn,
    PreviewOff,
    /// A refresh brought new articles.
    NewArticles(usize),
    /// The article's copy for Print or Print preview could not be made: the print module did
    /// not load (a toolbar's page without the sanitizing walker).
    PrintNotLoaded,
    /// Reading aloud fell silent (paused, stopped, finished, failed, no voice): the DOM layer
    /// names the language of a missing voice in the UI's language.
    Reading(Reading),
}

impl Announcement {
    /// The Fluent message and its arguments (the language's name is added by the DOM layer).
    pub fn message(&self) -> (&'static str, Vec<(&'static str, Arg<'static>)>) {
        let count = |n: usize| Arg::from(n as u32);
        match self {
            Announcement::FontSize(step) => (
                "font-size-changed",
                vec![("percent", Arg::from(step.percent_text()))],
            ),
            Announcement::Language(_) => ("language-changed", Vec::new()),
            Announcement::MoreShown(n) => ("more-announce", vec![("count", count(*n))]),
            Announcement::PreviewOn => ("print-preview-on", Vec::new()),
            Announcement::PreviewOff => ("print-preview-off", Vec::new()),
            Announcement::PrintNotLoaded => (crate::toolbar::PRINT_NOT_LOADED, Vec::new()),
            Announcement::NewArticles(n) => ("news-updated", vec![("count", count(*n))]),
            Announcement::Reading(said) => (said.message(), Vec::new()),
        }
    }
}
