//! The public interface's names and rules, defined once (CONTRACT §1–§2, §5): the options with
//! their attribute and property names and defaults, how option values are read, the events with
//! their details, the kinds of errors, and the version. The DOM layer reads options and raises
//! events through these; the loader's copy (`js/contract.gen.js`) is generated from here and a
//! native test (`tests/contract.rs`) fails when it is stale.

use std::fmt;

use crate::lang;
use crate::prefs::FontStep;
use crate::refresh;

/// The widget's version, as `NewsWidget.version` reports it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// An option's names: the attribute (`data-` prefixed on a plain element, bare on the custom
/// element) and the property of the options object given to `NewsWidget.mount`.
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

/// The widget's options (CONTRACT §1), in the order the README lists them.
pub const WIDGET_OPTIONS: [OptionName; 8] = [
    FEED, LANG, PAGE_SIZE, ARTICLE, LOCALES, LANGUAGES, TIMEZONE, TIMEOUT,
];

/// The article toolbar's target, `for="id of the article"` (CONTRACT §5).
pub const FOR: OptionName = option("for", "for");
pub const TOOLBAR_OPTIONS: [OptionName; 2] = [FOR, LANG];

/// The `lang` value that means "negotiate": the saved choice, the page, the browser.
pub const AUTO: &str = "auto";
pub const DEFAULT_PAGE_SIZE: usize = 10;
pub const MAX_PAGE_SIZE: usize = 100;

/// Where option values come from: the element's attributes and the options object of the JS
/// call (which wins). Implemented by the DOM layer; plain data in tests.
pub trait OptionValues {
    /// The option as text (a JS number written as a whole number), trimmed; `None` when unset
    /// or empty.
    fn text(&self, name: OptionName) -> Option<String>;
    /// A number option: a JS number, or text that reads as one.
    fn number(&self, name: OptionName) -> Option<f64>;
    /// The per-language feeds as (key, URL), in the order they were given.
    fn feeds(&self) -> Vec<(String, String)>;
}

/// The widget's options, read and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub feed: Option<String>,
    /// `None` for `auto`.
    pub lang: Option<String>,
    pub page_size: usize,
    pub article: Option<String>,
    pub locales: Option<String>,
    /// Languages offered in the language control; defaults to the built-in three.
    pub languages: Vec<String>,
    /// One feed per language (`feed-<lang>`): (tag, URL).
    pub feeds: Vec<(String, String)>,
    /// IANA zone for feed times written without an offset.
    pub timezone: Option<String>,
    /// How long a feed or locale request may take (the `timeout` option, default 10 s).
    pub timeout_ms: u32,
}

/// A per-language feed whose key is no language tag; it is skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadFeedKey {
    pub key: String,
}

impl fmt::Display for BadFeedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "feeds option \"{}\" is not a language tag; ignored",
            self.key
        )
    }
}

impl Options {
    /// Reads the options; what cannot be used falls back to its default, and a per-language
    /// feed under a key that is no language tag is skipped and reported in `problems`.
    pub fn read(values: &impl OptionValues, problems: &mut Vec<BadFeedKey>) -> Options {
        let page_size = values
            .text(PAGE_SIZE)
            .and_then(|s| s.parse::<usize>().ok())
            .filter(|n| (1..=MAX_PAGE_SIZE).contains(n))
            .unwrap_or(DEFAULT_PAGE_SIZE);
        let languages = values
            .text(LANGUAGES)
            .map(|list| {
                list.split([',', ' '])
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .filter(|list| !list.is_empty())
            .unwrap_or_else(|| {
                crate::i18n::BUILT_IN
                    .iter()
                    .map(|b| b.tag.to_string())
                    .collect()
            });
        let feeds = values
            .feeds()
            .into_iter()
            .filter(|(key, url)| {
                let tag = lang::parse_tag(key).is_ok();
                if !tag {
                    problems.push(BadFeedKey { key: key.clone() });
                }
                tag && !url.is_empty()
            })
            .collect();
        Options {
            feed: values.text(FEED),
            lang: read_lang(values),
            page_size,
            article: values.text(ARTICLE),
            locales: values.text(LOCALES),
            languages,
            feeds,
            timezone: values.text(TIMEZONE),
            timeout_ms: refresh::timeout_ms(values.number(TIMEOUT)),
        }
    }
}

/// The `lang` option: `None` for `auto` or unset.
pub fn read_lang(values: &impl OptionValues) -> Option<String> {
    values.text(LANG).filter(|l| !l.eq_ignore_ascii_case(AUTO))
}

/// How two option sets of one element differ, for `mount()` on an element already mounted.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// The same options: the mounted widget stays as it is.
    None,
    /// Only `lang`, to a language: the widget switches (the site's setting, not saved as the
    /// reader's choice).
    Language(String),
    /// Anything else (`lang` back to `auto` included) changes what the widget is: it is
    /// mounted afresh.
    Remount,
}

impl Options {
    pub fn change_to(&self, new: &Options) -> Change {
        if self == new {
            return Change::None;
        }
        let same_but_lang = Options {
            lang: new.lang.clone(),
            ..self.clone()
        };
        match &new.lang {
            Some(tag) if &same_but_lang == new => Change::Language(tag.clone()),
            _ => Change::Remount,
        }
    }
}

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

/// A value in an event's `detail`.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Bool(bool),
}

/// The events on the host element (CONTRACT §2), bubbling and composed.
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

impl Event {
    pub fn name(&self) -> &'static str {
        match self {
            Event::Ready { .. } => EVENT_READY,
            Event::Open { .. } => EVENT_OPEN,
            Event::LanguageChange { .. } => EVENT_LANGUAGE_CHANGE,
            Event::FontSizeChange { .. } => EVENT_FONT_SIZE_CHANGE,
            Event::Error { .. } => EVENT_ERROR,
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
}

impl fmt::Display for MountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MountError::NoDocument => f.write_str("the element is not in a document"),
            MountError::HostTaken => f.write_str(
                "this element already has a shadow root of its own, or a toolbar; destroy() it first",
            ),
            MountError::NoTarget => f.write_str("the toolbar needs for=\"id of the article\""),
            MountError::TargetNotFound { id } => {
                write!(f, "no element with id \"{id}\" for the toolbar")
            }
            MountError::Dom { detail } => write!(f, "the browser refused: {detail}"),
        }
    }
}

/// The constants the loader (`js/news-widget.js`) needs before the wasm has arrived, as the
/// JavaScript of its generated block: the version, the attributes it watches on the custom
/// elements, the feed attribute (its early request), the error event and kinds it raises when
/// the wasm cannot start or has trapped, and what it needs to scale an article before the first paint. Only the
/// native test that keeps the loader's copy current calls this; it never ships in the .wasm.
pub fn loader_constants() -> String {
    fn quoted(text: &str) -> String {
        let mut out = String::from("\"");
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                _ => out.push(c),
            }
        }
        out.push('"');
        out
    }
    fn list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
        let items: Vec<String> = items.into_iter().map(quoted).collect();
        format!("[{}]", items.join(", "))
    }
    let scales: Vec<String> = (FontStep::MIN.value()..=FontStep::MAX.value())
        .map(|s| FontStep::clamped(s).scale_css())
        .collect();
    let lines = [
        ("VERSION", quoted(VERSION)),
        (
            "WIDGET_ATTRIBUTES",
            list(WIDGET_OPTIONS.iter().map(|o| o.attribute)),
        ),
        (
            "TOOLBAR_ATTRIBUTES",
            list(TOOLBAR_OPTIONS.iter().map(|o| o.attribute)),
        ),
        ("FEED_ATTRIBUTE", quoted(FEED.attribute)),
        ("FEED_PROPERTY", quoted(FEED.property)),
        ("FEEDS_PREFIX", quoted(FEEDS.attribute)),
        ("FEEDS_PROPERTY", quoted(FEEDS.property)),
        ("FOR_ATTRIBUTE", quoted(FOR.attribute)),
        ("ERROR_EVENT", quoted(EVENT_ERROR)),
        ("LOAD_ERROR", quoted(ErrorKind::Load.name())),
        ("CONFIG_ERROR", quoted(ErrorKind::Config.name())),
        ("CRASH_ERROR", quoted(ErrorKind::Crash.name())),
        ("FONT_STEP_KEY", quoted(crate::prefs::FONT_STEP_KEY)),
        ("SCALES", list(scales.iter().map(String::as_str))),
        ("ZOOM_CSS", quoted(crate::text_zoom::ZOOM_CSS_TEMPLATE)),
    ];
    let mut out = String::from(LOADER_BLOCK_START);
    out.push('\n');
    for (name, value) in lines {
        out.push_str(&format!("  var {name} = {value};\n"));
    }
    out.push_str(LOADER_BLOCK_END);
    out
}

/// The lines that open and close the generated block in the loader.
pub const LOADER_BLOCK_START: &str = "  // <contract> generated from src/contract.rs: edit there, then `UPDATE_CONTRACT=1 cargo test --test contract`";
pub const LOADER_BLOCK_END: &str = "  // </contract>";
