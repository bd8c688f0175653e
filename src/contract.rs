//! The public interface's names and rules, defined once (docs/interface.md): the options with
//! their attribute and property names and defaults, the font step with its range and scales, the
//! line spacings and contrast schemes, the events with their details, the kinds of errors, and
//! the version. The rest of the crate
//! imports these and this imports nothing of it: `options` reads option values by these names,
//! the DOM layer raises events through them, and a native test writes the loader's copy
//! (`tests/core/loader_block.rs`, which fails when it is stale).

use std::fmt;

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

/// Scales in per mille, so that no float formatting is shipped: 87.5 % … 200 %.
const SCALES_PER_MILLE: [u16; 7] = [875, 1000, 1125, 1250, 1500, 1750, 2000];
/// Index of 100 % in `SCALES_PER_MILLE`.
const DEFAULT_INDEX: i8 = 1;
/// A font-size step relative to the default: 0 is 100 %, -1 is 87.5 %, 5 is 200 %.
/// Signed so that the public `setFontStep(step)` reads naturally (`+1` = one step larger).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct FontStep(i8);

impl FontStep {
    pub const MIN: FontStep = FontStep(-DEFAULT_INDEX);
    pub const MAX: FontStep = FontStep(SCALES_PER_MILLE.len() as i8 - 1 - DEFAULT_INDEX);
    pub const DEFAULT: FontStep = FontStep(0);

    /// Any integer, clamped into the supported range: an API caller asking for step 9 gets 200 %.
    pub fn clamped(step: i32) -> FontStep {
        FontStep(step.clamp(Self::MIN.0 as i32, Self::MAX.0 as i32) as i8)
    }

    /// A script's number (`setFontStep`), clamped like `clamped`: ±Infinity to the ends, a
    /// fraction cut towards 0 (2.7 is step 2); NaN is no step at all.
    pub fn from_number(step: f64) -> Option<FontStep> {
        // `as` saturates: ±Infinity becomes i32's ends, which `clamped` brings in.
        (!step.is_nan()).then(|| FontStep::clamped(step as i32))
    }

    pub fn value(self) -> i32 {
        self.0 as i32
    }

    pub fn larger(self) -> FontStep {
        Self::clamped(self.value() + 1)
    }

    pub fn smaller(self) -> FontStep {
        Self::clamped(self.value() - 1)
    }

    pub fn is_max(self) -> bool {
        self == Self::MAX
    }

    pub fn is_min(self) -> bool {
        self == Self::MIN
    }

    pub fn per_mille(self) -> u16 {
        SCALES_PER_MILLE[(self.0 + DEFAULT_INDEX) as usize]
    }

    /// The scale as a CSS number, e.g. "1.125".
    pub fn scale_css(self) -> String {
        decimal(self.per_mille() as u32, 1000)
    }

    /// The scale in percent for people, e.g. "112.5" or "200".
    pub fn percent_text(self) -> String {
        decimal(self.per_mille() as u32, 10)
    }
}

/// The reader's line spacing (`setLineSpacing(1 | 1.5 | 2)`, `lineSpacing`), site-wide like the
/// font step. The numbers are lines, as a word processor's "1.5 lines" and "double" (1.5倍行距,
/// 2배): one line of single spacing is 1.2 times the font size (CSS `normal` for most faces,
/// and a word processor's single line), so 1.5 lines is a line height of 1.8 and double one of
/// 2.4, with paragraphs 2 font sizes (WCAG 1.4.12's value) or one line apart, whichever is
/// more. Both are above WCAG 1.4.12's 1.5 and above the widget's own 1.6 and 1.75, so each
/// step looks wider than the last; `Normal` is the design's own (the widget's, or the site's
/// on the toolbar's article). A spacing is not an option of the element: it is the reader's,
/// as the font step is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LineSpacing {
    #[default]
    Normal,
    OneAndHalf,
    Double,
}

impl LineSpacing {
    pub const ALL: [LineSpacing; 3] = [
        LineSpacing::Normal,
        LineSpacing::OneAndHalf,
        LineSpacing::Double,
    ];

    /// The spacing an API number asks for: the nearest of 1, 1.5 and 2 (`setLineSpacing(1.75)`
    /// is double, `setLineSpacing(3)` too); `None` for a number that is none (NaN).
    pub fn nearest(value: f64) -> Option<LineSpacing> {
        if value.is_nan() {
            None
        } else if value < 1.25 {
            Some(LineSpacing::Normal)
        } else if value < 1.75 {
            Some(LineSpacing::OneAndHalf)
        } else {
            Some(LineSpacing::Double)
        }
    }

    /// The number of `lineSpacing` and of the event's detail.
    pub fn number(self) -> f64 {
        match self {
            LineSpacing::Normal => 1.0,
            LineSpacing::OneAndHalf => 1.5,
            LineSpacing::Double => 2.0,
        }
    }

    /// The same number as text: the stored value and the widget root's `data-line-spacing`.
    pub const fn name(self) -> &'static str {
        match self {
            LineSpacing::Normal => "1",
            LineSpacing::OneAndHalf => "1.5",
            LineSpacing::Double => "2",
        }
    }

    pub fn from_name(name: &str) -> Option<LineSpacing> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The CSS line height, unitless; `None` for the design's own.
    pub fn line_height_css(self) -> Option<&'static str> {
        match self {
            LineSpacing::Normal => None,
            LineSpacing::OneAndHalf => Some("1.8"),
            LineSpacing::Double => Some("2.4"),
        }
    }

    /// The space after a paragraph, in em; `None` for the design's own.
    pub fn paragraph_spacing_css(self) -> Option<&'static str> {
        match self {
            LineSpacing::Normal => None,
            LineSpacing::OneAndHalf => Some("2em"),
            LineSpacing::Double => Some("2.4em"),
        }
    }
}

/// The reader's colours (`setContrast(name)`, `contrast`), site-wide like the font step: the
/// site's (its theme of the widget, or the article page as it is), or one of two schemes of at
/// least 7:1 (WCAG 1.4.6) for text, links, controls and the focus ring. The system's
/// `forced-colors` win over both, and paper is black on white whatever the choice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Contrast {
    #[default]
    Site,
    DarkOnLight,
    LightOnDark,
}

impl Contrast {
    pub const ALL: [Contrast; 3] = [Contrast::Site, Contrast::DarkOnLight, Contrast::LightOnDark];

    /// The name of `setContrast`, `contrast`, the event's detail, the stored value and the
    /// widget root's `data-contrast`.
    pub const fn name(self) -> &'static str {
        match self {
            Contrast::Site => "site",
            Contrast::DarkOnLight => "dark-on-light",
            Contrast::LightOnDark => "light-on-dark",
        }
    }

    /// `None` for a name that is none of the three: `setContrast("high")` is the page's
    /// mistake, not a choice.
    pub fn from_name(name: &str) -> Option<Contrast> {
        Self::ALL.into_iter().find(|c| c.name() == name)
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

/// `value / divisor` written in decimal without trailing zeros, by integer arithmetic: not with
/// `to_string()`, which links `core::fmt` into the page's modules, and not with
/// `decimal::push_decimal`, since the contract imports nothing of the crate.
fn decimal(value: u32, divisor: u32) -> String {
    let digit = |n: u32| char::from(b'0' + n as u8);
    let mut out = String::new();
    let mut unit = divisor;
    while value / unit >= 10 {
        unit *= 10;
    }
    let mut rest = value;
    loop {
        out.push(digit(rest / unit));
        rest %= unit;
        if unit == divisor {
            break;
        }
        unit /= 10;
    }
    if rest != 0 {
        out.push('.');
        while rest != 0 {
            unit /= 10;
            out.push(digit(rest / unit));
            rest %= unit;
        }
    }
    out
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
