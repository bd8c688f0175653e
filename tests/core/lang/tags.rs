//! Reading and writing tags: the same tags accepted, the same canonical form written, the same
//! parts, the same kind of error, the same equality as unic-langid; except that ours refuses a
//! tag longer than `MAX_TAG_LENGTH` bytes, which unic-langid reads (see `bound`).

use news_widget::lang::{LanguageIdentifier, TagError, MAX_TAG_LENGTH};
use unic_langid::parser::ParserError;
use unic_langid::LanguageIdentifierError;

use super::{combinations, long_tag, Differences, Random, MALFORMED};

type Reference = unic_langid::LanguageIdentifier;

/// What a side makes of a tag: its canonical form and parts, or the kind of error.
#[derive(Debug, PartialEq)]
enum Read {
    Tag {
        text: String,
        language: String,
        script: Option<String>,
        region: Option<String>,
        variants: String,
    },
    Error(TagError),
}

fn ours(tag: &str) -> Read {
    match tag.parse::<LanguageIdentifier>() {
        Ok(id) => Read::Tag {
            text: id.to_string(),
            language: id.language().to_string(),
            script: id.script().map(str::to_string),
            region: id.region().map(str::to_string),
            variants: id.variants().to_string(),
        },
        Err(error) => Read::Error(error),
    }
}

fn reference(tag: &str) -> Read {
    match tag.parse::<Reference>() {
        Ok(id) => Read::Tag {
            text: id.to_string(),
            language: id.language.as_str().to_string(),
            script: id.script.map(|s| s.as_str().to_string()),
            region: id.region.map(|r| r.as_str().to_string()),
            variants: id.variants().map(|v| format!("-{v}")).collect(),
        },
        Err(LanguageIdentifierError::ParserError(ParserError::InvalidLanguage)) => {
            Read::Error(TagError::Language)
        }
        Err(LanguageIdentifierError::ParserError(ParserError::InvalidSubtag)) => {
            Read::Error(TagError::Subtag)
        }
        Err(error) => panic!("unic-langid gave an error of no kind: {error:?}"),
    }
}

/// Tags built from subtags of every kind, valid and not, in and out of order, in any case, with
/// either separator; and strings of tag characters and others at random.
fn generated() -> Vec<String> {
    let languages = [
        "zh",
        "ko",
        "en",
        "ja",
        "fr",
        "und",
        "yue",
        "EN",
        "Zh",
        "x",
        "abcd",
        "abcde",
        "abcdefgh",
        "abcdefghi",
        "",
        "e1",
        "中",
    ];
    let scripts = ["", "Hans", "Hant", "latn", "CYRL", "Lat", "Lat1", "Hanss"];
    let regions = ["", "CN", "tw", "Hk", "419", "42", "C1", "USA", "1234"];
    let variants = [
        "",
        "1996",
        "fonipa",
        "1996-fonipa",
        "FONIPA-1996-fonipa",
        "a1b2",
        "!abc",
        "1!!!",
        "1é",
        "abc",
        "toolongvariant",
        "valencia-x-private",
        "Latn",
        "US",
    ];
    let mut tags = Vec::new();
    for base in combinations(&languages, &scripts, &regions) {
        for variant in variants {
            let separator = if base.contains('_') { "_" } else { "-" };
            tags.push(if variant.is_empty() {
                base.clone()
            } else {
                format!("{base}{separator}{variant}")
            });
        }
        // Out of order: the region or script after what should follow it.
        let parts: Vec<&str> = base.split(['-', '_']).collect();
        tags.push(parts.iter().rev().copied().collect::<Vec<_>>().join("-"));
    }
    let alphabet = [
        "a", "z", "H", "N", "0", "9", "-", "_", "-", "_", "!", " ", "é", "\0", ".", "@",
    ];
    let mut random = Random::new(0x9e37_79b9_7f4a_7c15);
    for _ in 0..4000 {
        let length = random.below(14);
        tags.push((0..length).map(|_| random.pick(&alphabet)).collect());
    }
    tags.extend(MALFORMED.iter().map(|t| t.to_string()));
    // Around the bound, where the two sides part.
    tags.extend([MAX_TAG_LENGTH - 1, MAX_TAG_LENGTH, MAX_TAG_LENGTH + 1].map(long_tag));
    tags
}

#[test]
fn tags_read_and_write_as_unic_langid_does() {
    let mut differences = Differences::default();
    let mut accepted = 0;
    let mut over_the_bound = 0;
    let mut lettered = 0;
    for tag in generated() {
        let read = ours(&tag);
        accepted += usize::from(matches!(read, Read::Tag { .. }));
        if tag.len() > MAX_TAG_LENGTH {
            // unic-langid reads it; ours refuses it unread, on purpose.
            over_the_bound += 1;
            let what = format!("{tag:?} (over the bound)");
            differences.check(&what, read, Read::Error(TagError::TooLong));
        } else if has_lettered_variant(&tag) {
            // unic-langid reads it, and writes a form that reads back with a variant of four
            // letters as the script; ours refuses it, on purpose.
            lettered += 1;
            let what = format!("{tag:?} (a variant of four letters)");
            differences.check(&what, read, Read::Error(TagError::Subtag));
        } else {
            differences.check(&format!("{tag:?}"), read, reference(&tag));
        }
    }
    differences.assert_none(40_000);
    assert_eq!(over_the_bound, 1);
    assert!(
        lettered > 0,
        "no tag with a variant of four letters was generated"
    );
    // Most generated tags must read, or the comparison says little about what is written.
    assert!(accepted > 5_000, "only {accepted} tags were accepted");
}

/// Whether unic-langid reads `tag` and writes a form that reads back as another tag
/// (`und-haund-hant`, written `und-hant-haund`, whose `hant` is then the script).
fn has_lettered_variant(tag: &str) -> bool {
    tag.parse::<Reference>()
        .is_ok_and(|id| id.to_string().parse::<Reference>().ok() != Some(id))
}

#[test]
fn a_tag_is_written_in_a_form_that_reads_back_as_itself() {
    // Found by the fuzzer: a four-letter variant after a longer one was written first after
    // the language, where it reads as a script.
    for tag in ["und-haund-hant", "zh-wxyzab-Hant", "en-zzzzz-wxyz"] {
        assert_eq!(
            tag.parse::<LanguageIdentifier>(),
            Err(TagError::Subtag),
            "{tag}"
        );
    }
    // After a script or a region, or after a variant sorted before it, a script's four letters
    // out of order stay a variant, as before.
    for tag in [
        "de-1996",
        "de-1901-1996",
        "sl-rozaj-1994",
        "zh-Hant-TW",
        "und-haund",
        "zh-CN-Hans",
        "en-US-Latn",
        "zh-Hans-abcde-hant",
        "en-1996-abcd",
        "zh-abcde-Hant",
    ] {
        let read = tag.parse::<LanguageIdentifier>().unwrap();
        assert_eq!(
            read.to_string().parse::<LanguageIdentifier>(),
            Ok(read),
            "{tag}"
        );
    }
}

#[test]
fn tags_are_equal_when_unic_langid_says_they_are() {
    let mut differences = Differences::default();
    let tags: Vec<String> = generated()
        .into_iter()
        .filter(|t| t.parse::<Reference>().is_ok())
        .collect();
    // Each tag against its neighbours (which differ in one part or one case) and its own
    // upper- and lower-cased forms.
    for (i, a) in tags.iter().enumerate() {
        let others = tags[i + 1..]
            .iter()
            .take(8)
            .cloned()
            .chain([a.to_uppercase(), a.to_lowercase()]);
        for b in others {
            let (Ok(ours_a), Ok(ours_b), Ok(ref_a), Ok(ref_b)) = (
                a.parse::<LanguageIdentifier>(),
                b.parse::<LanguageIdentifier>(),
                a.parse::<Reference>(),
                b.parse::<Reference>(),
            ) else {
                continue;
            };
            differences.check(&format!("{a:?} == {b:?}"), ours_a == ours_b, ref_a == ref_b);
        }
    }
    differences.assert_none(70_000);
}

#[test]
fn right_to_left_languages_and_scripts_run_right_to_left_and_the_rest_decide_by_their_text() {
    use news_widget::lang::direction;
    for tag in [
        "ar",
        "he",
        "iw",
        "fa-IR",
        "ur_PK",
        "AR-eg",
        "ckb",
        "az-Arab",
        "pa-Arab-PK",
        "yi",
        // Dari, Western Punjabi, South Azerbaijani and Kashmiri by their own codes; Urdu's
        // Nastaliq, Mandaic and Samaritan by script.
        "prs-AF",
        "pnb",
        "azb",
        "ks",
        "nqo",
        "ur-Aran",
        "myz-Mand",
        "smp-Samr",
    ] {
        assert_eq!(direction(tag), "rtl", "{tag}");
    }
    for tag in [
        "en", "zh-CN", "ko", "ar-Latn", "uz-Cyrl", "ks-Deva", "", "x", "arabic",
    ] {
        assert_eq!(direction(tag), "auto", "{tag}");
    }
}
