//! A language tag read as a Unicode language identifier (UTS #35 `unicode_language_id`, the part
//! of BCP 47 a UI locale uses): language, script, region, variants. It reads and writes what
//! unic-langid 0.9 did when the widget used it (its tests hold the two to the same answers), so
//! that saved choices, `lang` options and `hreflang` values keep their meaning.

use std::fmt;
use std::str::FromStr;

/// The language of the root locale; to negotiation it matches any language.
pub const UNDETERMINED: &str = "und";

/// The longest tag read, in bytes; longer ones are refused before any other work. Tags come
/// from strangers (feeds, pages, `hreflang`), and reading a long run of variants costs time
/// that grows with its square. Real tags are a few dozen bytes (RFC 5646 asks a reader to
/// take at least 35 characters); 255 is far above them and keeps the worst case to some forty
/// variants. unic-langid has no such bound: here only, a longer tag is `TagError::TooLong`.
pub const MAX_TAG_LENGTH: usize = 255;

/// Why a tag does not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagError {
    /// The first subtag is not 2–3 or 5–8 ASCII letters.
    Language,
    /// A later subtag is neither script, region nor variant, or comes out of that order.
    Subtag,
    /// The tag is longer than `MAX_TAG_LENGTH` bytes (a bound unic-langid does not have).
    TooLong,
}

impl fmt::Display for TagError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TagError::Language => "the language subtag is invalid",
            TagError::Subtag => "a subtag is invalid",
            TagError::TooLong => "the tag is too long",
        })
    }
}

impl std::error::Error for TagError {}

/// A tag in its canonical form: `language[-Script][-REGION][-variant...]`, language and
/// variants lower case, script title case, region upper case, variants sorted and each once.
/// Two tags are equal when their canonical forms are.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LanguageIdentifier {
    /// The canonical form, as `Display` writes it; the parts are slices of it.
    text: String,
    /// Length of the language subtag.
    language: u8,
    /// Whether a script subtag (always 4 letters) follows the language.
    script: bool,
    /// Length of the region subtag, 0 when there is none.
    region: u8,
}

impl LanguageIdentifier {
    /// The language subtag, `und` for none.
    pub fn language(&self) -> &str {
        &self.text[..self.language as usize]
    }

    pub fn script(&self) -> Option<&str> {
        let start = self.language as usize + 1;
        self.script.then(|| &self.text[start..start + 4])
    }

    pub fn region(&self) -> Option<&str> {
        let start = self.variants_start() - self.region as usize;
        (self.region > 0).then(|| &self.text[start..start + self.region as usize])
    }

    /// The variants as written, each after a `-` (`-1996-fonipa`); empty when there are none.
    pub fn variants(&self) -> &str {
        &self.text[self.variants_start()..]
    }

    fn variants_start(&self) -> usize {
        let mut end = self.language as usize;
        if self.script {
            end += 5;
        }
        if self.region > 0 {
            end += 1 + self.region as usize;
        }
        end
    }
}

impl FromStr for LanguageIdentifier {
    type Err = TagError;

    /// Subtags are separated by `-` or, as POSIX locales write them, `_`. After the language
    /// each kind may come only once and in order (script, region, variants), which also decides
    /// what an ambiguous subtag is: four letters right after the language are a script, later
    /// a variant.
    fn from_str(source: &str) -> Result<Self, TagError> {
        if source.len() > MAX_TAG_LENGTH {
            return Err(TagError::TooLong);
        }
        let mut subtags = source.split(['-', '_']);
        let language = subtags.next().unwrap_or_default();
        if !matches!(language.len(), 2 | 3 | 5..=8) || !is_all(language, u8::is_ascii_alphabetic) {
            return Err(TagError::Language);
        }
        let mut text = language.to_ascii_lowercase();
        let mut script = false;
        let mut region = 0;
        let mut variants: Vec<String> = Vec::new();
        // What may still come: 0 = script, region or variant; 1 = region or variant; 2 = variant.
        // Numbers, not an enum: the enum made the release .wasm 4-5 bytes larger.
        let mut next = 0;
        for subtag in subtags {
            if next == 0 && subtag.len() == 4 && is_all(subtag, u8::is_ascii_alphabetic) {
                text.push('-');
                for (i, c) in subtag.chars().enumerate() {
                    text.push(if i == 0 {
                        c.to_ascii_uppercase()
                    } else {
                        c.to_ascii_lowercase()
                    });
                }
                script = true;
                next = 1;
            } else if next < 2 && is_region(subtag) {
                text.push('-');
                text.push_str(&subtag.to_ascii_uppercase());
                region = subtag.len() as u8;
                next = 2;
            } else if is_variant(subtag) {
                // Kept sorted and each once as they come: cheaper in the .wasm than a sort.
                let variant = subtag.to_ascii_lowercase();
                if let Err(at) = variants.binary_search(&variant) {
                    variants.insert(at, variant);
                }
                next = 2;
            } else {
                return Err(TagError::Subtag);
            }
        }
        // A variant of four letters written first after the language, as the sorted order may
        // put it, would read back as the script (`und-haund-hant` written `und-hant-haund`:
        // Traditional Chinese), and the tag would not be itself from one reading to the next.
        // unic-langid reads it so; ours refuses it. After a script or a region it stays one.
        if !script
            && region == 0
            && variants
                .first()
                .is_some_and(|v| v.len() == 4 && is_all(v, u8::is_ascii_alphabetic))
        {
            return Err(TagError::Subtag);
        }
        for variant in variants {
            text.push('-');
            text.push_str(&variant);
        }
        Ok(LanguageIdentifier {
            text,
            language: language.len() as u8,
            script,
            region,
        })
    }
}

impl LanguageIdentifier {
    /// The canonical form, as `Display` writes it: what a page's module passes on (to the DOM,
    /// to `Intl`, into messages) without going through `core::fmt`.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for LanguageIdentifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

fn is_all(subtag: &str, test: fn(&u8) -> bool) -> bool {
    subtag.bytes().all(|b| test(&b))
}

/// Two letters, or three digits (a UN M.49 area such as `419`).
fn is_region(subtag: &str) -> bool {
    match subtag.len() {
        2 => is_all(subtag, u8::is_ascii_alphabetic),
        3 => is_all(subtag, u8::is_ascii_digit),
        _ => false,
    }
}

/// Five to eight letters or digits, or four that start with a digit. Four-character variants
/// are checked as unic-langid checks them: ASCII, and a digit first or letters and digits
/// after the first (so even `!abc` passes, as it did there).
fn is_variant(subtag: &str) -> bool {
    match subtag.len() {
        5..=8 => is_all(subtag, u8::is_ascii_alphanumeric),
        4 => {
            let bytes = subtag.as_bytes();
            bytes.iter().all(|b| (1..0x80).contains(b))
                && (bytes[0].is_ascii_digit() || bytes[1..].iter().all(u8::is_ascii_alphanumeric))
        }
        _ => false,
    }
}
