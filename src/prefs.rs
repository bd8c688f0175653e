//! The reader's preferences as plain values: where both are stored, and how the font step is
//! written to and read back from storage. No DOM here; `dom::page::storage` persists. The step
//! itself (its range and scales) is the public interface's, `contract::FontStep`; what a
//! command does to it is `font`'s.

use crate::contract::FontStep;

/// Storage key of the font step (site-wide, shared by every instance on the origin).
pub const FONT_STEP_KEY: &str = "news-widget:font-step";
/// Storage key of the reader's explicit language choice.
pub const LANGUAGE_KEY: &str = "news-widget:language";

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
        self.value().to_string()
    }
}
