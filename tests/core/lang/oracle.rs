//! The reference: the widget's language functions as they were written over unic-langid and
//! fluent-langneg 0.13 before it had tags and negotiation of its own (the Chinese-script rule and
//! normalization as they stood, the lookup called through `negotiate_languages`).

use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use unic_langid::LanguageIdentifier;

pub fn parse_tag(tag: &str) -> Option<LanguageIdentifier> {
    tag.trim().parse().ok()
}

fn is_traditional(script: Option<&str>, region: Option<&str>) -> bool {
    match script {
        Some(script) => script.eq_ignore_ascii_case("Hant"),
        None => {
            region.is_some_and(|r| ["TW", "HK", "MO"].iter().any(|t| r.eq_ignore_ascii_case(t)))
        }
    }
}

pub fn is_traditional_chinese(id: &LanguageIdentifier) -> bool {
    id.language.as_str() == "zh"
        && is_traditional(
            id.script.as_ref().map(|s| s.as_str()),
            id.region.as_ref().map(|r| r.as_str()),
        )
}

pub fn same_language(a: &LanguageIdentifier, b: &LanguageIdentifier) -> bool {
    a.language == b.language
        && (a.language.as_str() != "zh" || is_traditional_chinese(a) == is_traditional_chinese(b))
}

pub fn normalize_request(
    tag: &LanguageIdentifier,
    available: &[LanguageIdentifier],
) -> LanguageIdentifier {
    if tag.language.as_str() != "zh" {
        return tag.clone();
    }
    if is_traditional_chinese(tag) {
        let traditional = || available.iter().filter(|a| is_traditional_chinese(a));
        if let Some(found) = traditional()
            .find(|a| a.region == tag.region || tag.region.is_none())
            .or_else(|| traditional().next())
        {
            return found.clone();
        }
    }
    "zh-CN".parse().expect("zh-CN is a valid tag")
}

pub fn negotiate_locale(
    requested: &[&str],
    available: &[LanguageIdentifier],
) -> LanguageIdentifier {
    let requested: Vec<LanguageIdentifier> =
        requested.iter().filter_map(|t| parse_tag(t)).collect();
    negotiate(&requested, available)
}

fn negotiate(
    requested: &[LanguageIdentifier],
    available: &[LanguageIdentifier],
) -> LanguageIdentifier {
    for request in requested {
        let request = normalize_request(request, available);
        let found = negotiate_languages(
            std::slice::from_ref(&request),
            available,
            None,
            NegotiationStrategy::Lookup,
        );
        if let Some(first) = found.first() {
            return (*first).clone();
        }
    }
    "en-US".parse().expect("en-US is a valid tag")
}

pub fn resolve_choice(
    tag: &LanguageIdentifier,
    available: &[LanguageIdentifier],
) -> LanguageIdentifier {
    let normalized = normalize_request(tag, available);
    if available.iter().any(|a| a.language == normalized.language) {
        negotiate(std::slice::from_ref(&normalized), available)
    } else {
        normalized
    }
}

pub fn effective_locale(
    wanted: &LanguageIdentifier,
    available: &[LanguageIdentifier],
) -> LanguageIdentifier {
    if available.contains(wanted) {
        wanted.clone()
    } else {
        negotiate(std::slice::from_ref(wanted), available)
    }
}
