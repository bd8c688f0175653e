//! The reader's preferences as plain values: where both are stored, how the font step is
//! written to and read back from storage, and the step a font command or shortcut leads to. No
//! DOM here; `dom::page::storage` persists. The step itself (its range and scales) is the public
//! interface's: `contract::FontStep`.

use crate::command::{key_command, Command, KeyCommand};
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

    /// The step a font command leads to; `None` for a command that is not about the font.
    pub fn after(self, command: Command) -> Option<FontStep> {
        match command {
            Command::FontLarger => Some(self.larger()),
            Command::FontSmaller => Some(self.smaller()),
            Command::FontReset => Some(Self::DEFAULT),
            _ => None,
        }
    }

    /// The step a key of the font shortcuts (`crate::command`'s table: `+` or `=` one larger,
    /// `-` or `_` one smaller, `0` the default) leads to; `None` for any other key.
    pub fn after_key(self, key: &str) -> Option<FontStep> {
        match key_command(key)? {
            KeyCommand::Font(command) => self.after(command),
            KeyCommand::Escape => None,
        }
    }

    pub fn to_stored(self) -> String {
        self.value().to_string()
    }
}
