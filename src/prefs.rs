//! The reader's preferences as plain values: the font-size step and its arithmetic, and how both
//! preferences are written to and read back from storage. No DOM here; `dom::page::storage` persists.

use crate::command::{key_command, Command, KeyCommand};

/// Storage key of the font step (site-wide, shared by every instance on the origin).
pub const FONT_STEP_KEY: &str = "news-widget:font-step";
/// Storage key of the reader's explicit language choice.
pub const LANGUAGE_KEY: &str = "news-widget:language";

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

    /// Reads a stored value; anything that is not a whole number in range is garbage from an
    /// older version or another script, and means the default.
    pub fn parse_stored(stored: &str) -> FontStep {
        match stored.trim().parse::<i32>() {
            Ok(n) if (Self::MIN.0 as i32..=Self::MAX.0 as i32).contains(&n) => FontStep(n as i8),
            _ => Self::DEFAULT,
        }
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

/// `value / divisor` written in decimal without trailing zeros, by integer arithmetic.
fn decimal(value: u32, divisor: u32) -> String {
    let mut out = (value / divisor).to_string();
    let mut rest = value % divisor;
    if rest != 0 {
        out.push('.');
        let mut unit = divisor;
        while rest != 0 {
            unit /= 10;
            out.push(char::from(b'0' + (rest / unit) as u8));
            rest %= unit;
        }
    }
    out
}
