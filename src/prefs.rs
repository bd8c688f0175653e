//! The reader's preferences as plain values: where they are stored, and how each is written to
//! and read back from storage. No DOM here; `dom::page::storage` persists. The values themselves
//! are the public interface's (`contract::FontStep`, `LineSpacing`, `Contrast`) or reading
//! aloud's (`listen::rate::Rate`); what a command does to the font step is `font`'s.
//!
//! Every stored value is read tolerantly: anything but a value this build writes (garbage from
//! an older version, another script, a hand edit) means the default, never an error.

use crate::contract::{Contrast, FontStep, LineSpacing};
use crate::listen::rate::Rate;

/// Storage key of the font step (site-wide, shared by every instance on the origin).
pub const FONT_STEP_KEY: &str = "news-widget:font-step";
/// Storage key of the reader's explicit language choice.
pub const LANGUAGE_KEY: &str = "news-widget:language";
/// Storage key of the line spacing (site-wide, like the font step).
pub const LINE_SPACING_KEY: &str = "news-widget:line-spacing";
/// Storage key of the contrast scheme (site-wide, like the font step).
pub const CONTRAST_KEY: &str = "news-widget:contrast";
/// Storage key of the speed of reading aloud (site-wide, like the font step).
pub const LISTEN_RATE_KEY: &str = "news-widget:listen-rate";

impl FontStep {
    /// Reads a stored value; anything that is not a whole number in range is garbage from an
    /// older version or another script, and means the default.
    pub fn parse_stored(stored: &str) -> FontStep {
        match stored.trim().parse::<i32>() {
            Ok(n) if (Self::MIN.value()..=Self::MAX.value()).contains(&n) => Self::clamped(n),
            _ => Self::DEFAULT,
        }
    }

    pub fn to_stored(self) -> String {
        crate::decimal::signed_decimal(i64::from(self.value()))
    }
}

impl LineSpacing {
    /// Stored as its number (`"1.5"`); anything else means normal.
    pub fn parse_stored(stored: &str) -> LineSpacing {
        LineSpacing::from_name(stored.trim()).unwrap_or_default()
    }

    pub fn to_stored(self) -> &'static str {
        self.name()
    }
}

impl Contrast {
    /// Stored as its name (`"light-on-dark"`); anything else means the site's colours.
    pub fn parse_stored(stored: &str) -> Contrast {
        Contrast::from_name(stored.trim()).unwrap_or_default()
    }

    pub fn to_stored(self) -> &'static str {
        self.name()
    }
}

impl Rate {
    /// Stored as people write it (`"1.25"`); anything else means 1×.
    pub fn parse_stored(stored: &str) -> Rate {
        Rate::from_text(stored.trim()).unwrap_or_default()
    }

    pub fn to_stored(self) -> &'static str {
        self.text()
    }
}
