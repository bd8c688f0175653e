//! The public interface's names and rules, defined once (docs/interface.md): the options with
//! their attribute and property names and defaults, the font step with its range and scales, the
//! line spacings and contrast schemes, the events with their details, the kinds of errors, and
//! the version. The rest of the crate
//! imports these and this imports nothing of it: `options` reads option values by these names,
//! the DOM layer raises events through them, and a native test writes the loader's copy
//! (`tests/core/loader_block.rs`, which fails when it is stale).

use std::fmt;

mod choices;
pub use choices::{Contrast, FontStep, LineSpacing};

/// The widget's version, as `NewsWidget.version` reports it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The custom elements: `<news-widget>` and `<news-widget-toolbar>`.
pub const WIDGET_ELEMENT: &str = "news-widget";
pub const TOOLBAR_ELEMENT: &str = "news-widget-toolbar";
/// What an option's attribute is prefixed with on a plain element (`data-feed`); the custom
/// elements take the bare name (`feed`).
pub const DATA_PREFIX: &str = "data-";

/// The prefix of an option's attribute on the element named `local_name`.
pub fn attribute_prefix(local_name: &str) -> &'static str {
    if local_name == WIDGET_ELEMENT || local_name == TOOLBAR_ELEMENT {
        ""
    } else {
        DATA_PREFIX
    }
}

/// An option's names: the attribute (with `attribute_prefix`) and the property of the options
/// object given to `NewsWidget.mount`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptionName {
    pub attribute: &'static str,
    pub property: &'static str,
}

const fn option(attribute: &'static str, property: &'static str) -> OptionName {
    OptionName {
        attribute,
        property,
    }
}

pub const FEED: OptionName = option("feed", "feed");
pub const LANG: OptionName = option("lang", "lang");
pub const PAGE_SIZE: OptionName = option("page-size", "pageSize");
pub const ARTICLE: OptionName = option("article", "article");
pub const LOCALES: OptionName = option("locales", "locales");
pub const LANGUAGES: OptionName = option("languages", "languages");
pub const TIMEZONE: OptionName = option("timezone", "timezone");
pub const TIMEOUT: OptionName = option("timeout", "timeout");
/// The object of per-language feeds (`{ zh: "/cn/rss.xml" }`); as attributes, `feed-<lang>`.
pub const FEEDS: OptionName = option("feed-", "feeds");

/// The widget's options (docs/interface.md#options).
pub const WIDGET_OPTIONS: [OptionName; 8] = [
    FEED, LANG, PAGE_SIZE, ARTICLE, LOCALES, LANGUAGES, TIMEZONE, TIMEOUT,
];

/// The article toolbar's target, `for="id of the article"` (docs/toolbar.md#toolbar-options).
pub const FOR: OptionName = option("for", "for");
pub const TOOLBAR_OPTIONS: [OptionName; 2] = [FOR, LANG];

/// The `lang` value that means "negotiate": the saved choice, the page, the browser.
pub const AUTO: &str = "auto";
pub const DEFAULT_PAGE_SIZE: usize = 10;
pub const MAX_PAGE_SIZE: usize = 100;
/// The `timeout` option's default, in seconds (docs/interface.md#options).
pub const DEFAULT_TIMEOUT_SECONDS: f64 = 10.0;
/// The longest timeout the option accepts, in seconds.
pub const MAX_TIMEOUT_SECONDS: f64 = 600.0;

/// What kind of trouble an `Error` thrown to JS or a `news-widget:error` event reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The page's markup or options are wrong: the site must fix them.
    Config,
    /// The widget could not start (the wasm, or the browser refused a DOM call).
    Load,
    Network,
    Timeout,
    Http,
    /// The answer is not a feed the widget can read.
    Feed,
    /// A run-time Fluent resource has errors.
    Locale,
    /// The module stopped on an error of its own (a trap): every widget and toolbar of the page
    /// shows Retry, which starts it afresh. Raised by the loader, never by the module.
    Crash,
}

impl ErrorKind {
    pub const ALL: [ErrorKind; 8] = [
        ErrorKind::Config,
        ErrorKind::Load,
        ErrorKind::Network,
        ErrorKind::Timeout,
        ErrorKind::Http,
        ErrorKind::Feed,
        ErrorKind::Locale,
        ErrorKind::Crash,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Config => "config",
            ErrorKind::Load => "load",
            ErrorKind::Network => "network",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Http => "http",
            ErrorKind::Feed => "feed",
            ErrorKind::Locale => "locale",
            ErrorKind::Crash => "crash",
        }
    }
}

/// Where the list on screen came from, for `news-widget:ready`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Source {
    #[default]
    Network,
    Kept,
}

impl Source {
    pub fn name(self) -> &'static str {
        match self {
            Source::Network => "network",
            Source::Kept => "kept",
        }
    }
}

/// Where reading aloud is, for `news-widget:listenchange`: a page may pause its own media or
/// carousel while the article is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListenState {
    Reading,
    Paused,
    Stopped,
}

impl ListenState {
    pub fn name(self) -> &'static str {
        match self {
            ListenState::Reading => "reading",
            ListenState::Paused => "paused",
            ListenState::Stopped => "stopped",
        }
    }
}

/// A value in an event's `detail`.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Bool(bool),
}

/// The events on the host element (docs/interface.md#events), bubbling and composed.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The first list (or error state) is on screen.
    Ready {
        source: Source,
    },
    Open {
        id: String,
    },
    LanguageChange {
        language: String,
    },
    FontSizeChange {
        step: FontStep,
    },
    LineSpacingChange {
        spacing: LineSpacing,
    },
    ContrastChange {
        contrast: Contrast,
    },
    /// Reading aloud started, paused, resumed (`Reading` again) or stopped, for whatever reason.
    ListenChange {
        state: ListenState,
    },
    /// `message` is in the reader's language; `kept`: the news on screen stayed.
    Error {
        kind: ErrorKind,
        message: String,
        kept: bool,
    },
}

pub const EVENT_READY: &str = "news-widget:ready";
pub const EVENT_OPEN: &str = "news-widget:open";
pub const EVENT_LANGUAGE_CHANGE: &str = "news-widget:languagechange";
pub const EVENT_FONT_SIZE_CHANGE: &str = "news-widget:fontsizechange";
pub const EVENT_ERROR: &str = "news-widget:error";
pub const EVENT_LINE_SPACING_CHANGE: &str = "news-widget:linespacingchange";
pub const EVENT_CONTRAST_CHANGE: &str = "news-widget:contrastchange";
pub const EVENT_LISTEN_CHANGE: &str = "news-widget:listenchange";

impl Event {
    pub fn name(&self) -> &'static str {
        match self {
            Event::Ready { .. } => EVENT_READY,
            Event::Open { .. } => EVENT_OPEN,
            Event::LanguageChange { .. } => EVENT_LANGUAGE_CHANGE,
            Event::FontSizeChange { .. } => EVENT_FONT_SIZE_CHANGE,
            Event::Error { .. } => EVENT_ERROR,
            Event::LineSpacingChange { .. } => EVENT_LINE_SPACING_CHANGE,
            Event::ContrastChange { .. } => EVENT_CONTRAST_CHANGE,
            Event::ListenChange { .. } => EVENT_LISTEN_CHANGE,
        }
    }

    /// The fields of `event.detail`.
    pub fn detail(&self) -> Vec<(&'static str, Value)> {
        match self {
            Event::Ready { source } => vec![("source", Value::Text(source.name().into()))],
            Event::Open { id } => vec![("id", Value::Text(id.clone()))],
            Event::LanguageChange { language } => {
                vec![("language", Value::Text(language.clone()))]
            }
            Event::FontSizeChange { step } => vec![
                ("step", Value::Number(step.value() as f64)),
                ("scale", Value::Number(step.per_mille() as f64 / 1000.0)),
            ],
            Event::LineSpacingChange { spacing } => {
                vec![("lineSpacing", Value::Number(spacing.number()))]
            }
            Event::ContrastChange { contrast } => {
                vec![("contrast", Value::Text(contrast.name().into()))]
            }
            Event::ListenChange { state } => vec![("state", Value::Text(state.name().into()))],
            Event::Error {
                kind,
                message,
                kept,
            } => {
                let mut detail = vec![
                    ("kind", Value::Text(kind.name().into())),
                    ("message", Value::Text(message.clone())),
                ];
                if *kept {
                    detail.push(("kept", Value::Bool(true)));
                }
                detail
            }
        }
    }
}

/// Why `mount` or `mountToolbar` threw (an `Error` whose `kind` is `kind()`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MountError {
    /// The element is not in a document.
    NoDocument,
    /// The element holds a shadow root of its own (or, for a toolbar, a widget already).
    HostTaken,
    /// A toolbar without `for`: it does not know which element is the article.
    NoTarget,
    /// `for` names an id that no element of the page has.
    TargetNotFound { id: String },
    /// The browser refused a DOM call.
    Dom { detail: String },
}

impl MountError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            MountError::Dom { .. } => ErrorKind::Load,
            _ => ErrorKind::Config,
        }
    }

    /// Appends the text (what `Display` writes) to `out`, which the page's modules do without
    /// `core::fmt` (src/explain.rs says why; the contract imports nothing of the crate, so this
    /// is not an `Explain` impl).
    pub fn write_to(&self, out: &mut String) {
        match self {
            MountError::NoDocument => out.push_str("the element is not in a document"),
            MountError::HostTaken => out.push_str(
                "this element already has a shadow root of its own, or a toolbar; destroy() it first",
            ),
            MountError::NoTarget => out.push_str("the toolbar needs for=\"id of the article\""),
            MountError::TargetNotFound { id } => {
                out.extend(["no element with id \"", id, "\" for the toolbar"]);
            }
            MountError::Dom { detail } => out.extend(["the browser refused: ", detail]),
        }
    }
}

impl fmt::Display for MountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        self.write_to(&mut text);
        f.write_str(&text)
    }
}
