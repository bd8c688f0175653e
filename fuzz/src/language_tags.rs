//! The language-tag target: tags as feeds, pages and options write them, read, written back and
//! negotiated. Besides not panicking, what a tag reads as must hold what the widget relies on.

use news_widget::i18n::built_in_locales;
use news_widget::lang::{
    self, effective_locale, negotiate_locale, resolve_choice, LanguageIdentifier, TagError,
    MAX_TAG_LENGTH,
};

/// One tag a line. Each is read and, when it reads, written back and checked; then the lines
/// are negotiated as a reader's requests over the built-in locales, and over those with every
/// line that reads added (as a site's `locales` adds its own).
pub fn lang_tag(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let lines: Vec<&str> = text.lines().collect();
    let mut read = Vec::new();
    for line in &lines {
        if let Some(tag) = check_tag(line) {
            read.push(tag);
        }
    }
    let built_in = built_in_locales();
    let site: Vec<LanguageIdentifier> = built_in.iter().chain(&read).cloned().collect();
    for available in [&built_in, &site] {
        let negotiated = negotiate_locale(&lines, available);
        assert!(
            available.contains(&negotiated) || negotiated == lang::fallback(),
            "{lines:?} negotiated {negotiated} outside {available:?}"
        );
        for tag in &read {
            let settled = effective_locale(tag, available);
            assert!(
                available.contains(&settled) || settled == lang::fallback(),
                "{tag} settled on {settled} outside {available:?}"
            );
            // A choice of a language the widget has resolves to one of its locales; of another
            // language, to the tag itself (Chinese is always had: it resolves to `zh-CN`).
            let chosen = resolve_choice(tag, available);
            let had = available.iter().any(|a| a.language() == chosen.language());
            assert!(
                available.contains(&chosen)
                    || chosen == lang::fallback()
                    || (!had && chosen == *tag),
                "{tag} resolved to {chosen} over {available:?}"
            );
        }
    }
}

/// Reads one tag and checks what it read: the bound, the canonical form, the round trip, and
/// that case does not matter. A tag that does not read must say why in a short message.
fn check_tag(source: &str) -> Option<LanguageIdentifier> {
    let result = source.parse::<LanguageIdentifier>();
    if source.len() > MAX_TAG_LENGTH {
        assert_eq!(result, Err(TagError::TooLong), "{} bytes", source.len());
    }
    let tag = match result {
        Ok(tag) => tag,
        Err(_) => {
            // `parse_tag` trims first, so it may read what `parse` did not.
            if let Err(error) = lang::parse_tag(source) {
                assert!(error.to_string().len() < 100, "{error}");
            }
            return None;
        }
    };
    let written = tag.to_string();
    assert!(
        written.len() <= source.len(),
        "{source:?} grew to {written:?}"
    );
    assert!(is_canonical(&tag), "{source:?} written {written:?}");
    assert_eq!(written.parse::<LanguageIdentifier>().as_ref(), Ok(&tag));
    for other in [source.to_ascii_uppercase(), source.to_ascii_lowercase()] {
        assert_eq!(other.parse::<LanguageIdentifier>().as_ref(), Ok(&tag));
    }
    Some(tag)
}

/// Lower-case language, title-case script, upper-case region, lower-case variants sorted and
/// each once; the written form is those parts joined by `-`.
fn is_canonical(tag: &LanguageIdentifier) -> bool {
    let lower = |s: &str| !s.bytes().any(|b| b.is_ascii_uppercase());
    let upper = |s: &str| !s.bytes().any(|b| b.is_ascii_lowercase());
    let script = tag.script().unwrap_or("Xxxx");
    let variants: Vec<&str> = tag.variants().split('-').skip(1).collect();
    let mut parts = vec![tag.language()];
    parts.extend(tag.script());
    parts.extend(tag.region());
    parts.extend(&variants);
    lower(tag.language())
        && upper(&script[..1])
        && lower(&script[1..])
        && tag.region().map_or(true, upper)
        && variants.iter().all(|v| lower(v))
        && variants.windows(2).all(|w| w[0] < w[1])
        && tag.to_string() == parts.join("-")
}
