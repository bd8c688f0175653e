//! The reader's choices as the public interface names them: the font step with its range and
//! scales, the line spacings and the contrast schemes (re-exported by `contract`).

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
