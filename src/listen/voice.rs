//! Which of the device's voices reads an article: one that speaks the article's language, or
//! none, so that the control can say "no voice for Chinese" rather than have an English voice
//! spell Chinese out.
//!
//! A voice fits when it speaks the article's language; for Chinese, the spoken variety counts:
//! Mandarin voices (`zh-CN`, `zh-TW`, `zh-SG`, `cmn-*`) read any Chinese article, Cantonese
//! ones (`zh-HK`, `zh-MO`, `yue-*`: what the platforms' Hong Kong voices speak) only a Hong
//! Kong or Macao article, which prefers them. Among the voices that fit: the article's exact
//! tag first, then its region (for a tag without one, the usual one: Simplified Chinese
//! `CN`, Traditional `TW`, Korean `KR`, English `US`), then its script (Simplified or
//! Traditional), then a voice on the device over one on a server (it reads offline, sends
//! nothing away and has no length limit), then the browser's default, then the list's order.

use crate::lang::is_traditional;

/// A `SpeechSynthesisVoice`, as the DOM layer copies it out of `speechSynthesis.getVoices()`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voice {
    /// `voiceURI`: what finds the voice again among `getVoices()`.
    pub uri: String,
    pub name: String,
    pub lang: String,
    /// `localService`.
    pub local: bool,
    pub default: bool,
}

/// A tag (BCP 47, or with `_` as Android writes it) reduced to what matters for a voice, with
/// `cmn` and `yue` read as Chinese.
struct Spoken<'a> {
    language: &'a str,
    region: Option<&'a str>,
    /// Chinese in Traditional characters (by script, or by region where none is written).
    traditional: bool,
    cantonese: bool,
}

impl<'a> Spoken<'a> {
    fn of(tag: &'a str) -> Spoken<'a> {
        let mut parts = tag.split(['-', '_']);
        let mut language = parts.next().unwrap_or_default();
        let (mut script, mut region) = (None, None);
        for part in parts {
            let letters = part.bytes().all(|b| b.is_ascii_alphabetic());
            if part.len() == 4 && letters && script.is_none() {
                script = Some(part);
            } else if region.is_none()
                && ((part.len() == 2 && letters)
                    || (part.len() == 3 && part.bytes().all(|b| b.is_ascii_digit())))
            {
                region = Some(part);
            }
        }
        let yue = language.eq_ignore_ascii_case("yue");
        if yue || language.eq_ignore_ascii_case("cmn") {
            language = "zh";
        }
        let chinese = language.eq_ignore_ascii_case("zh");
        let hong_kong =
            region.is_some_and(|r| r.eq_ignore_ascii_case("HK") || r.eq_ignore_ascii_case("MO"));
        Spoken {
            language,
            region,
            traditional: chinese && is_traditional(script, region),
            cantonese: yue || (chinese && hong_kong),
        }
    }

    /// The region a tag without one means: where the language is read most.
    fn region_or_usual(&self) -> Option<&'a str> {
        if self.region.is_some() {
            return self.region;
        }
        let usual = [("zh", "CN"), ("ko", "KR"), ("en", "US"), ("ja", "JP")];
        let (_, region) = usual
            .into_iter()
            .find(|(l, _)| self.language.eq_ignore_ascii_case(l))?;
        Some(if self.traditional { "TW" } else { region })
    }
}

/// The voice that reads an article in `article_lang`, as an index into `voices`; `None` when
/// no voice of the device speaks that language.
pub fn choose(article_lang: &str, voices: &[Voice]) -> Option<usize> {
    let article = Spoken::of(article_lang);
    if article.language.is_empty() {
        return None;
    }
    let article_region = article.region_or_usual();
    let mut best: Option<(usize, [bool; 6])> = None;
    for (index, voice) in voices.iter().enumerate() {
        let spoken = Spoken::of(&voice.lang);
        if !spoken.language.eq_ignore_ascii_case(article.language) {
            continue;
        }
        if spoken.cantonese && !article.cantonese {
            continue;
        }
        let rank = [
            voice
                .lang
                .replace('_', "-")
                .eq_ignore_ascii_case(article_lang),
            spoken.cantonese == article.cantonese,
            matches!((spoken.region, article_region), (Some(a), Some(b)) if a.eq_ignore_ascii_case(b)),
            spoken.traditional == article.traditional,
            voice.local,
            voice.default,
        ];
        if best.map_or(true, |(_, top)| rank > top) {
            best = Some((index, rank));
        }
    }
    best.map(|(index, _)| index)
}
