//! The widget's own language tags and negotiation (src/lang/) against what they replaced,
//! unic-langid 0.9 and fluent-langneg 0.13 (`oracle`): thousands of generated tags read and
//! written the same (`tags`), and generated request lists negotiated the same over the locale
//! sets the widget negotiates among (`negotiation`). The generators are here. Tags over the
//! widget's bound on length, which unic-langid does not have, are tested on their own (`bound`).

mod bound;
mod negotiation;
mod oracle;
mod tags;

/// Collects the differences between the two sides, and how many answers were compared, so that a
/// run that compared nothing fails as surely as one that found a difference.
#[derive(Default)]
pub struct Differences {
    compared: usize,
    found: Vec<String>,
}

impl Differences {
    pub fn check<T: PartialEq + std::fmt::Debug>(&mut self, what: &str, ours: T, reference: T) {
        self.compared += 1;
        if ours != reference {
            self.found
                .push(format!("{what}: ours {ours:?}, reference {reference:?}"));
        }
    }

    pub fn assert_none(&self, at_least: usize) {
        assert!(
            self.found.is_empty(),
            "{} of {} answers differ, the first:\n{}",
            self.found.len(),
            self.compared,
            self.found[..self.found.len().min(25)].join("\n")
        );
        assert!(
            self.compared >= at_least,
            "only {} answers compared, expected at least {at_least}",
            self.compared
        );
    }
}

/// Every tag of `languages` × `scripts` × `regions` (an empty part left out), written with `-`
/// and with `_`.
pub fn combinations(languages: &[&str], scripts: &[&str], regions: &[&str]) -> Vec<String> {
    let mut tags = Vec::new();
    for language in languages {
        for script in scripts {
            for region in regions {
                let parts: Vec<&str> = [*language, *script, *region]
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .collect();
                tags.push(parts.join("-"));
                tags.push(parts.join("_"));
            }
        }
    }
    tags
}

/// Tags that unic-langid rejects or reads in a way easy to get wrong: empty parts, subtags out of
/// order or of the wrong length, extensions and private use, non-ASCII, surrounding space.
pub const MALFORMED: [&str; 24] = [
    "",
    " ",
    "not a tag!!",
    "x-bad_tag",
    "zh-",
    "-CN",
    "zh--CN",
    "zh-CN-",
    "e",
    "toolonglanguage",
    "zh-Hanss",
    "ko-KOR",
    "en-US-Latn",
    "en-u-ca-gregory",
    "zh-Hant-TW-x-private",
    "i-klingon",
    "中文",
    "zh-中国",
    "ko\0",
    " ko-KR ",
    "\tzh_TW\n",
    "en-US-US",
    "und",
    "UND-Latn",
];

/// A small deterministic generator (xorshift), so that a failure repeats.
pub struct Random(u64);

impl Random {
    pub fn new(seed: u64) -> Self {
        Random(seed)
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

/// A valid tag of exactly `length` bytes (at least 7): `en` and distinct all-digit variants of
/// four to eight digits, ascending, so that it reads back as written.
pub fn long_tag(length: usize) -> String {
    let mut tag = String::from("en");
    let mut number = 0;
    while tag.len() < length {
        let left = length - tag.len();
        // Each variant takes 5 to 9 bytes with its `-`; the last one takes what is left.
        let take = match left {
            14.. => 9,
            10..=13 => 5,
            _ => left,
        };
        number += 1;
        tag.push_str(&format!("-{number:0width$}", width = take - 1));
    }
    tag
}
