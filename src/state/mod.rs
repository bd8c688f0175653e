//! The widget's state machine, without the DOM: a `Model` of what one widget shows and waits
//! for, the `Action`s that can happen to it (what the reader asked for with a control or a key,
//! what the page asked for through the API, and every answer of the outside world: a feed, the
//! kept copy, a run-time resource, a preference changed elsewhere), and `update`, the one place
//! where the model changes, which answers with the `Effect`s the DOM layer carries out (render,
//! fetch, focus, announce, emit, share).
//!
//! `update` lives in three parts: `reader` (what the reader and the API ask for), `language`
//! (choices, run-time resources) and `loading` (feed requests, the race of the kept copy with
//! the network, and what their answers show).

use std::rc::Rc;

use crate::command::Command;
use crate::contract::{Event, FontStep, Source};
use crate::explain::{display_by_explain, Explain};
use crate::feed::{pair::feed_for_locale, Feed, FeedNote, FeedOutcome, Item, ItemError};
use crate::font::FontEffect;
use crate::lang::{self, InvalidTag, LanguageIdentifier};
use crate::listen::action::StopReason;
use crate::load_error::LoadError;
use crate::machine::Machine;
use crate::options::Options;
use crate::reading_aids::{self, AidAction, AidEffect, Aids};
use crate::refresh::Failure;

pub use crate::announcement::Announcement;

mod focus;
mod language;
mod loading;
mod reader;

pub use focus::Focus;
pub use language::language_choices;
pub use loading::Trigger;
pub use reader::handles_key;

/// Identifies one feed request: an answer for an older one is stale and changes nothing.
pub type LoadId = u32;

/// The feed, as far as the widget has it.
#[derive(Clone, Debug)]
pub enum Load {
    Loading,
    Failed(LoadError),
    Ready(Rc<Feed>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    List,
    Article(String),
}

/// Which feed a widget reads: the `feed` option, or one feed per language (`feed-<lang>`)
/// chosen by the UI language. URLs are absolute (the DOM layer resolves them).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sources {
    pub default: Option<String>,
    pub by_language: Vec<(String, String)>,
}

impl Sources {
    /// The feed URL for a UI in `locale`; empty when the widget was given none.
    pub fn url_for(&self, locale: &str) -> String {
        feed_for_locale(&self.by_language, self.default.as_deref(), locale)
            // Per-language feeds only, and none for this language: the first one is the list.
            .or_else(|| self.by_language.first().map(|(_, url)| url.as_str()))
            .unwrap_or_default()
            .to_owned()
    }

    pub fn per_language(&self) -> bool {
        !self.by_language.is_empty()
    }
}

/// How fresh the news on screen is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Freshness {
    pub source: Source,
    /// When the news on screen was fetched (ms since the epoch).
    pub fetched_at_ms: u64,
    /// A digest of its bytes: a fresh feed with the same bytes changes nothing on screen.
    pub digest: Option<u64>,
    /// The last refresh failed and the news on screen stayed: the notice shows, with Retry.
    pub failed: bool,
}

/// The kept copy of the feed a load asks for, as far as it is known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum KeptCopy {
    /// Not looked for: news is on screen, or the load has settled.
    #[default]
    NotAsked,
    /// Looked for; no answer yet.
    Asked,
    /// Found young enough, and being read.
    Reading,
    /// None, too old, or unreadable.
    Missing,
}

/// The languages of one widget: what the UI speaks, what the reader asked for, and which
/// locales it has resources for.
#[derive(Clone, Debug)]
pub struct Languages {
    /// The locale the UI speaks now.
    pub ui: LanguageIdentifier,
    /// The locale asked for; it may be one whose run-time resource is still on its way (the
    /// UI then speaks the best of what it has).
    pub wanted: LanguageIdentifier,
    /// Locales with resources: the built-in ones and those loaded through `locales`.
    pub available: Vec<LanguageIdentifier>,
    /// Locales whose run-time resource was asked for and not (yet) failed.
    pub requested: Vec<LanguageIdentifier>,
    /// A switch waiting for its resource is announced when it lands.
    pub announce_pending: bool,
}

/// Everything one widget shows and waits for.
#[derive(Clone, Debug)]
pub struct Model {
    pub options: Options,
    pub sources: Sources,
    pub load: Load,
    pub view: View,
    /// Cards on the list.
    pub shown: usize,
    pub preview: bool,
    /// On a narrow widget, the controls behind "More tools" are shown.
    pub tools_open: bool,
    pub font: FontStep,
    /// Reading aloud, the line spacing and the contrast scheme.
    pub aids: Aids,
    pub languages: Languages,
    /// The `article` option named an id the feed does not have.
    pub not_found: bool,
    /// The `article` option is still to be opened after the first load.
    pub pending_article: Option<String>,
    /// The open article, kept from the previous language's feed when the new one has no
    /// translation of it (it stays, with the untranslated notice).
    pub held: Option<Rc<Item>>,
    /// The URL of the feed shown or loading: the base for its items' relative URLs.
    pub feed_url: String,
    /// Each language's feed once read, when the widget has several (switching back costs no
    /// request).
    pub language_feeds: Vec<(String, Rc<Feed>)>,
    pub freshness: Freshness,
    /// The feed request whose answer counts, and what started it.
    pub load_id: LoadId,
    pub trigger: Trigger,
    /// The kept copy of the loading feed.
    pub kept: KeptCopy,
    /// A failure that keeps the news, waiting for the kept copy to show first (and the time of
    /// its answer).
    pub failure_waiting: Option<(LoadError, u64)>,
    /// The URL of the loader's early request, until the first load takes it over (the same
    /// URL) or lets it go.
    pub early: Option<String>,
    /// Answers that wait for the first run-time resource, so that a site's rewording is on
    /// the very first cards; replayed when it lands.
    pub deferred: Vec<Action>,
    /// The run-time resource the first answers wait for.
    pub awaiting_locale: Option<LanguageIdentifier>,
    pub ready_sent: bool,
    /// Where focus is in the widget now, as the DOM layer reports it before each action.
    pub focus: Option<Focus>,
}

impl Model {
    /// The state at mount: loading, in the negotiated locale, at the stored font step and
    /// with the stored aids. `sources` holds the absolute URLs of the feed options; `available`
    /// the locales with resources.
    pub fn new(
        options: Options,
        sources: Sources,
        locale: LanguageIdentifier,
        available: Vec<LanguageIdentifier>,
        font: FontStep,
        aids: Aids,
    ) -> Model {
        let feed_url = sources.url_for(locale.as_str());
        Model {
            shown: options.page_size,
            pending_article: options.article.clone(),
            options,
            sources,
            load: Load::Loading,
            view: View::List,
            preview: false,
            tools_open: false,
            font,
            aids,
            languages: Languages {
                // A locale still to load speaks the best of what is there meanwhile.
                ui: lang::effective_locale(&locale, &available),
                wanted: locale,
                available,
                requested: Vec::new(),
                announce_pending: false,
            },
            not_found: false,
            held: None,
            feed_url,
            language_feeds: Vec::new(),
            freshness: Freshness::default(),
            load_id: 0,
            trigger: Trigger::Mount,
            kept: KeptCopy::NotAsked,
            failure_waiting: None,
            early: None,
            deferred: Vec::new(),
            awaiting_locale: None,
            ready_sent: false,
            focus: None,
        }
    }

    pub fn feed(&self) -> Option<&Rc<Feed>> {
        match &self.load {
            Load::Ready(feed) => Some(feed),
            _ => None,
        }
    }

    /// The article open now, from the feed or held from another language's.
    pub fn open_item(&self) -> Option<&Item> {
        let View::Article(id) = &self.view else {
            return None;
        };
        self.feed()?
            .items
            .find(id)
            .or_else(|| self.held.as_deref().filter(|h| &h.id == id))
    }

    /// The locale a run-time resource would come from, and its URL (before the DOM layer
    /// resolves it against the page), when the `locales` option offers one.
    pub fn locale_url(&self, locale: &LanguageIdentifier) -> Option<String> {
        let template = self.options.locales.as_ref()?;
        Some(template.replace("{locale}", locale.as_str()))
    }
}

/// Something that happened to the widget.
#[derive(Clone, Debug)]
pub enum Action {
    /// Mounted: the first load starts.
    Start,
    /// The reader pressed a control: its command, and the value it names (a card's article id,
    /// a language button's tag).
    Command {
        command: Command,
        value: Option<String>,
    },
    /// `open(id)` from the API: focus moves only if it was in the widget already.
    OpenFromApi { id: String },
    /// `close()`.
    Back,
    /// `reload()`.
    Reload,
    /// The browser is back online.
    Online,
    /// The API set the font step: it is shared with the whole site.
    SetFont(FontStep),
    /// Another widget, a toolbar or another tab set it: this one follows, quietly.
    FontShared(FontStep),
    /// A language choice. `remember`: the reader's (saved, shared with the site); otherwise
    /// the site's setting for this widget. `announce`: say it in the live region.
    ChooseLanguage {
        tag: String,
        remember: bool,
        announce: bool,
    },
    /// Another widget or tab saved the reader's choice: widgets on `auto` follow.
    LanguageShared(String),
    /// The site set this widget's `lang` option anew (the `lang` attribute of `<news-widget>`):
    /// it switches, and nothing is saved as the reader's choice.
    LanguageOption(String),
    /// A key with no Ctrl, Meta or Alt.
    Key(String),
    /// `print()`.
    Print,
    /// Reading aloud, the line spacing and the contrast scheme: the API, the synthesizer, the
    /// page and the site (`crate::reading_aids`).
    Aid(AidAction),
    /// The lookup of the kept copy answered: when the copy it found was fetched, or nothing
    /// (`None`: no copy, or one that cannot be read); `now_ms`, when it answered.
    KeptLookedUp {
        load: LoadId,
        fetched_at_ms: Option<u64>,
        now_ms: u64,
    },
    /// The kept copy of the feed from an earlier visit, read (after `Effect::ReadKept`).
    KeptFound {
        load: LoadId,
        outcome: FeedOutcome,
        fetched_at_ms: u64,
        digest: u64,
    },
    FeedLoaded {
        load: LoadId,
        outcome: FeedOutcome,
        digest: u64,
        now_ms: u64,
    },
    FeedFailed {
        load: LoadId,
        error: LoadError,
        now_ms: u64,
    },
    /// A run-time Fluent resource arrived (`failure`: `None`), or could not be had.
    LocaleLoaded {
        locale: LanguageIdentifier,
        failure: Option<Failure>,
    },
}

/// Something for the console: a repaired or skipped item, a problem with the page's options.
#[derive(Clone, Debug, PartialEq)]
pub enum Warning {
    Note { url: String, note: FeedNote },
    Item(ItemError),
    ArticleNotFound { id: String },
    InvalidTag(InvalidTag),
}

impl Explain for Warning {
    fn explain_to(&self, out: &mut String) {
        match self {
            Warning::Note { url, note } => {
                out.extend(["feed ", url, ": "]);
                note.explain_to(out);
            }
            Warning::Item(error) => error.explain_to(out),
            Warning::ArticleNotFound { id } => {
                out.extend(["article \"", id, "\" is not in the feed"]);
            }
            Warning::InvalidTag(error) => error.explain_to(out),
        }
    }
}

display_by_explain!(Warning);

/// What the DOM layer does after an update, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Rebuild the view from the model, focus staying where it was.
    Render,
    /// Append the cards `from..to` to the list and replace its footer (one more page).
    AppendCards {
        from: usize,
        to: usize,
    },
    /// The font step changed: the scale and the A+ A A- buttons' state, without a render.
    ShowFont(FontStep),
    /// The UI speaks another locale now: the localizer and the root's `lang`.
    Speak(LanguageIdentifier),
    Focus(Focus),
    Announce(Announcement),
    Emit(Event),
    /// A load failed: the console says why (naming the feed) and `news-widget:error` tells the
    /// page, its message the error's in the UI's language (`kept`: the news on screen stayed).
    LoadFailed {
        error: LoadError,
        kept: bool,
    },
    /// Ask for the feed at `url` (empty: there is none; the failure is reported from a later
    /// task). `revalidate`: past the HTTP cache's freshness (Retry, reload). `kept_first`: look
    /// for the kept copy meanwhile (its answer is `KeptLookedUp`). `adopt`: take over the
    /// loader's early request, which asked for this URL; without it, that request is let go.
    /// Any earlier feed request is abandoned.
    FetchFeed {
        load: LoadId,
        url: String,
        revalidate: bool,
        kept_first: bool,
        adopt: bool,
    },
    /// Read the kept copy the lookup found: `KeptFound`, or `KeptLookedUp` with nothing.
    ReadKept {
        load: LoadId,
    },
    /// Ask for the run-time Fluent resource of `locale` at `url`.
    FetchLocale {
        locale: LanguageIdentifier,
        url: String,
    },
    /// The reader set the font step: save it and tell the rest of the site.
    ShareFont(FontStep),
    /// The reader chose a language: save it and tell the rest of the site.
    ShareLanguage(String),
    /// Print the open article.
    Print,
    /// Remove a print frame left from an earlier print.
    ClosePrint,
    /// What the reader's aids do (but announce and emit, which are the effects above).
    Aid(AidEffect),
    Warn(Warning),
}

/// The one place where the model changes.
pub fn update(model: &mut Model, action: Action) -> Vec<Effect> {
    let mut effects = Vec::new();
    step(model, action, &mut effects);
    effects
}

impl Machine for Model {
    type Action = Action;
    type Effect = Effect;

    fn update(&mut self, action: Action) -> Vec<Effect> {
        update(self, action)
    }
}

impl From<FontEffect> for Effect {
    fn from(effect: FontEffect) -> Effect {
        match effect {
            FontEffect::Show(step) => Effect::ShowFont(step),
            FontEffect::Announce(announcement) => Effect::Announce(announcement),
            FontEffect::Emit(event) => Effect::Emit(event),
            FontEffect::Share(step) => Effect::ShareFont(step),
        }
    }
}

impl From<AidEffect> for Effect {
    fn from(effect: AidEffect) -> Effect {
        match effect {
            AidEffect::Announce(announcement) => Effect::Announce(announcement),
            AidEffect::Emit(event) => Effect::Emit(event),
            effect => Effect::Aid(effect),
        }
    }
}

/// The reader's aids' effects among the widget's.
fn aided(out: &mut Vec<Effect>, effects: Vec<AidEffect>) {
    out.extend(effects.into_iter().map(Effect::from));
}

/// Reading aloud stops for `reason`, before what follows.
fn stop_reading(model: &mut Model, reason: StopReason, out: &mut Vec<Effect>) {
    aided(out, reading_aids::stop(&mut model.aids, reason));
}

fn step(model: &mut Model, action: Action, out: &mut Vec<Effect>) {
    match action {
        Action::Start => loading::start(model, Trigger::Mount, out),
        Action::Reload
        | Action::Command {
            command: Command::Retry,
            ..
        } => loading::start(model, Trigger::Reload, out),
        // A language button: the reader's choice, saved and announced.
        Action::Command {
            command: Command::Language,
            value: Some(tag),
        } => language::choose(model, &tag, true, true, out),
        Action::Online => loading::online(model, out),
        Action::KeptLookedUp { .. }
        | Action::KeptFound { .. }
        | Action::FeedLoaded { .. }
        | Action::FeedFailed { .. } => {
            if model.awaiting_locale.is_some() {
                model.deferred.push(action);
            } else {
                loading::answer(model, action, out);
            }
        }
        Action::ChooseLanguage {
            tag,
            remember,
            announce,
        } => language::choose(model, &tag, remember, announce, out),
        Action::LanguageOption(tag) => {
            model.options.lang = Some(tag.clone());
            language::choose(model, &tag, false, false, out);
        }
        Action::LanguageShared(tag) => {
            if model.options.lang.is_none() {
                language::choose(model, &tag, false, false, out);
            }
        }
        Action::LocaleLoaded { locale, failure } => {
            language::locale_loaded(model, locale, failure, out);
            // The first answers waited for it.
            for deferred in std::mem::take(&mut model.deferred) {
                step(model, deferred, out);
            }
        }
        other => reader::act(model, other, out),
    }
}
