//! The speed of reading aloud: 0.75× to 1.5× in quarter steps, site-wide and remembered like the
//! font step (`crate::prefs` stores it). Quarter steps because a reader hears a quarter's
//! difference and four choices fit one control; slower than 0.75× most voices slur, faster than
//! 1.5× older readers (who ask for this feature) lose the thread.

/// Speeds in per mille, so that no float formatting is shipped.
const PER_MILLE: [u16; 4] = [750, 1000, 1250, 1500];
/// Index of 1×.
const NORMAL: u8 = 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rate(u8);

impl Default for Rate {
    fn default() -> Rate {
        Rate::NORMAL
    }
}

impl Rate {
    pub const SLOWEST: Rate = Rate(0);
    pub const NORMAL: Rate = Rate(NORMAL);
    pub const FASTEST: Rate = Rate(PER_MILLE.len() as u8 - 1);

    /// Every speed, slowest first: the choices of the speed control.
    pub fn all() -> impl Iterator<Item = Rate> {
        (0..PER_MILLE.len() as u8).map(Rate)
    }

    pub fn per_mille(self) -> u16 {
        PER_MILLE[self.0 as usize]
    }

    /// `SpeechSynthesisUtterance.rate`.
    pub fn value(self) -> f32 {
        self.per_mille() as f32 / 1000.0
    }

    /// As people and storage write it: "0.75", "1", "1.25", "1.5".
    pub fn text(self) -> &'static str {
        ["0.75", "1", "1.25", "1.5"][self.0 as usize]
    }

    pub fn from_text(text: &str) -> Option<Rate> {
        Rate::all().find(|r| r.text() == text)
    }
}
