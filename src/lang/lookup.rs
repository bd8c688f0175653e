//! Which available locale answers one request: the `Lookup` negotiation of fluent-langneg 0.13
//! (which the widget called before it had its own), step for step and with the same likely
//! subtags, so that every request keeps the locale it had. Its tests hold the two to the same
//! answers.

use super::tag::{LanguageIdentifier, UNDETERMINED};

/// A tag's parts as lookup compares and rewrites them; `None` is a part the tag lacks (for the
/// language: `und`).
#[derive(Clone, Copy)]
struct Parts<'a> {
    language: Option<&'a str>,
    script: Option<&'a str>,
    region: Option<&'a str>,
    variants: Option<&'a str>,
}

impl<'a> Parts<'a> {
    fn of(tag: &'a LanguageIdentifier) -> Self {
        Parts {
            language: Some(tag.language()).filter(|l| *l != UNDETERMINED),
            script: tag.script(),
            region: tag.region(),
            variants: Some(tag.variants()).filter(|v| !v.is_empty()),
        }
    }

    /// Whether this available locale, as a range (a part it lacks matches any), covers
    /// `request`, whose missing parts match anything too when `request_as_range`.
    fn covers(&self, request: &Parts, request_as_range: bool) -> bool {
        let part = |own: Option<&str>, asked: Option<&str>| {
            own.is_none() || (request_as_range && asked.is_none()) || own == asked
        };
        part(self.language, request.language)
            && part(self.script, request.script)
            && part(self.region, request.region)
            && part(self.variants, request.variants)
    }

    /// fluent-langneg's likely subtags as it uses them without its `cldr` feature (the widget
    /// never enabled it): a few whole tags get a script and a region, and a few languages get
    /// their own code as region (`de` → `de-DE`, also over a region the tag had, `cs` → `cs-CS`).
    /// False when nothing applies.
    fn maximize(&mut self) -> bool {
        if self.script.is_none() && self.variants.is_none() {
            if let Some((_, _, script, region)) = LIKELY
                .iter()
                .find(|(l, r, _, _)| self.language == Some(*l) && self.region == *r)
            {
                self.script = Some(script);
                self.region = Some(region);
                return true;
            }
        }
        let own = self.language.and_then(|language| {
            OWN_REGION
                .iter()
                .find(|region| region.eq_ignore_ascii_case(language))
        });
        if let Some(region) = own {
            self.region = Some(region);
        }
        own.is_some()
    }
}

/// Tags (language, region) that fluent-langneg extends to a script and region. Its two Chinese
/// entries (`zh-GB`, `zh-US` → `zh-Hant`) are left out: a Chinese request never reaches lookup
/// as either, since `normalize_request` turns it into `zh-CN` or a Traditional locale that is
/// available (found in the first step). The others stay: a site's locales may be any language.
const LIKELY: [(&str, Option<&str>, &str, &str); 5] = [
    ("en", None, "Latn", "US"),
    ("fr", None, "Latn", "FR"),
    ("sr", None, "Cyrl", "SR"),
    ("sr", Some("RU"), "Latn", "SR"),
    ("az", Some("IR"), "Arab", "IR"),
];

/// Languages whose likely region is their own code, upper-cased.
const OWN_REGION: [&str; 15] = [
    "AZ", "BG", "CS", "DE", "ES", "FI", "FR", "HU", "IT", "LT", "LV", "NL", "PL", "RO", "RU",
];

/// The first of `available` that answers `request`, trying ever looser matches in turn: the
/// same tag; an available locale that is a range over it (`en` for `en-US`); the same after
/// adding likely subtags to the request; both as ranges without the request's variants; the
/// likely subtags of the request's language and script; and both as ranges without its region.
/// A request for `und` is answered only by the first two.
pub fn lookup<'a>(
    request: &LanguageIdentifier,
    available: &'a [LanguageIdentifier],
) -> Option<&'a LanguageIdentifier> {
    if let Some(same) = available.iter().find(|a| *a == request) {
        return Some(same);
    }
    let find = |request: &Parts, as_range: bool| {
        available
            .iter()
            .find(|a| Parts::of(a).covers(request, as_range))
    };
    let mut request = Parts::of(request);
    let mut found = find(&request, false);
    if found.is_none() && request.language.is_some() {
        if request.maximize() {
            found = find(&request, false);
        }
        if found.is_none() {
            request.variants = None;
            found = find(&request, true);
        }
        if found.is_none() {
            request.region = None;
            if request.maximize() {
                found = find(&request, false);
            }
        }
        if found.is_none() {
            request.region = None;
            found = find(&request, true);
        }
    }
    found
}
