//! Negotiation: generated request lists over the locale sets the widget negotiates among give
//! the locale fluent-langneg gave, and so do a choice's resolution, the locale a UI settles on,
//! a Chinese request's normalization and the Chinese-script rule.

use news_widget::i18n::built_in_locales;
use news_widget::lang::{self, LanguageIdentifier};
use news_widget::ui_language::with_offered;

use super::{combinations, oracle, Differences, MALFORMED};

type Reference = unic_langid::LanguageIdentifier;

/// The locale sets negotiation runs over: the built-in ones; with Traditional Chinese resources
/// as a site's `locales` brings them; with a site's `languages` offered; a site with several
/// regions and scripts of one language (where likely subtags decide); sets without `zh-CN` or
/// in another order; ones with variants and with `und`; none at all.
fn available_sets() -> Vec<Vec<String>> {
    let built_in: Vec<String> = built_in_locales().iter().map(|l| l.to_string()).collect();
    let with = |extra: &[&str]| {
        let mut set = built_in.clone();
        set.extend(extra.iter().map(|t| t.to_string()));
        set
    };
    let offered: Vec<String> = ["ja", "fr-CA", "zh-TW", "sr-Latn", "de-AT", "ko-KP"]
        .iter()
        .map(|t| t.to_string())
        .collect();
    let offered = with_offered(&built_in_locales(), &offered)
        .iter()
        .map(|l| l.to_string())
        .collect();
    let set = |tags: &[&str]| tags.iter().map(|t| t.to_string()).collect::<Vec<_>>();
    vec![
        built_in.clone(),
        with(&["zh-TW"]),
        with(&["zh-Hant"]),
        with(&["zh-HK", "zh-Hant-TW", "zh-MO"]),
        offered,
        with(&[
            "en-GB",
            "de-AT",
            "de-DE",
            "fr-CA",
            "fr",
            "sr-Cyrl",
            "sr-Latn",
            "sr-Latn-SR",
            "az-Arab",
            "az-AZ",
            "ru-RU",
            "cs-CZ",
            "zh-Hant-HK",
            "ja-JP",
            "en-Latn-US",
        ]),
        set(&["ko-KR", "en-GB", "zh-Hans", "zh-Hant", "fr-FR", "de"]),
        set(&[
            "en-GB",
            "en-US",
            "ko-KR",
            "zh-CN",
            "fr-CA",
            "fr-Latn",
            "fr-FR",
            "de-AT",
            "de-DE",
            "sr-Latn",
            "sr-Cyrl-SR",
            "az-Latn-AZ",
            "az-Arab-AZ",
            "az-Arab-IR",
        ]),
        set(&["zh-Hant-TW", "zh-SG", "ko", "en", "sr-RU"]),
        set(&["de-1996", "en-US-fonipa", "ko-KR", "sr-Latn-fonipa"]),
        set(&["ko-KR", "und", "en-GB"]),
        // Each language fluent-langneg gives its own code as likely region, in another region
        // first and then in that one.
        OWN_REGION
            .iter()
            .flat_map(|l| [format!("{l}-CH"), format!("{l}-{}", l.to_uppercase())])
            .collect(),
        Vec::new(),
    ]
}

/// The languages whose likely region fluent-langneg takes to be their own code.
const OWN_REGION: [&str; 15] = [
    "az", "bg", "cs", "de", "es", "fi", "fr", "hu", "it", "lt", "lv", "nl", "pl", "ro", "ru",
];

/// Single tags to request: every combination of the languages, scripts and regions that decide
/// something (Chinese scripts and regions, the languages fluent-langneg has likely subtags for,
/// ones the widget does not have), in both separators and other cases, with and without a
/// variant; every language with a likely region; and malformed ones.
fn requests() -> Vec<String> {
    let languages = [
        "zh", "ko", "en", "ja", "fr", "sr", "az", "de", "cs", "und", "ZH", "En",
    ];
    let scripts = ["", "Hans", "Hant", "Latn", "Cyrl", "Arab", "hant"];
    let regions = [
        "", "CN", "TW", "HK", "MO", "SG", "KR", "KP", "US", "GB", "RU", "IR", "DE", "AT", "CA",
        "SR", "tw",
    ];
    let mut tags = combinations(&languages, &scripts, &regions);
    let with_variant: Vec<String> = tags
        .iter()
        .step_by(3)
        .enumerate()
        .map(|(i, t)| format!("{t}-{}", ["1996", "fonipa"][i % 2]))
        .collect();
    tags.extend(with_variant);
    tags.extend(combinations(&OWN_REGION, &["", "Latn"], &["", "CH", "AT"]));
    tags.extend(MALFORMED.iter().map(|t| t.to_string()));
    tags
}

/// Request lists: none; each tag alone; every pair of a smaller set (the first that matches
/// wins, unmatched ones are skipped); malformed tags ahead of valid ones; a few long lists.
fn request_lists() -> Vec<Vec<String>> {
    let mut lists = vec![Vec::new()];
    lists.extend(requests().into_iter().map(|t| vec![t]));
    let few = combinations(
        &["zh", "ko", "en", "ja", "fr", "sr", "de"],
        &["", "Hant", "Latn"],
        &["", "TW", "US", "GB", "AT"],
    );
    let few: Vec<&String> = few.iter().step_by(2).collect();
    for a in &few {
        for b in &few {
            lists.push(vec![a.to_string(), b.to_string()]);
        }
    }
    for bad in MALFORMED {
        for good in few.iter().step_by(5) {
            lists.push(vec![bad.to_string(), good.to_string()]);
        }
    }
    lists.push(vec!["xx".into(), "zh-TW".into(), "ko".into()]);
    lists.push(vec![
        "ja".into(),
        "fr-CA".into(),
        "de-CH".into(),
        "en-GB".into(),
    ]);
    lists.push(vec!["sr".into(), "az".into(), "cs".into(), "und".into()]);
    lists
}

fn ours(tags: &[String]) -> Vec<LanguageIdentifier> {
    tags.iter()
        .map(|t| t.parse().expect("a valid tag"))
        .collect()
}

fn reference(tags: &[String]) -> Vec<Reference> {
    tags.iter()
        .map(|t| t.parse().expect("a valid tag"))
        .collect()
}

#[test]
fn request_lists_negotiate_as_fluent_langneg_did() {
    let mut differences = Differences::default();
    let lists = request_lists();
    for set in available_sets() {
        let (available, available_ref) = (ours(&set), reference(&set));
        for list in &lists {
            let requested: Vec<&str> = list.iter().map(String::as_str).collect();
            differences.check(
                &format!("{requested:?} among {set:?}"),
                lang::negotiate_locale(&requested, &available).to_string(),
                oracle::negotiate_locale(&requested, &available_ref).to_string(),
            );
        }
    }
    differences.assert_none(150_000);
}

#[test]
fn choices_and_settled_locales_are_as_they_were() {
    let mut differences = Differences::default();
    for set in available_sets() {
        let (available, available_ref) = (ours(&set), reference(&set));
        for tag in requests() {
            let (Ok(id), Some(id_ref)) = (lang::parse_tag(&tag), oracle::parse_tag(&tag)) else {
                differences.check(
                    &format!("{tag:?} reads"),
                    lang::parse_tag(&tag).is_ok(),
                    oracle::parse_tag(&tag).is_some(),
                );
                continue;
            };
            let among = format!("{tag:?} among {set:?}");
            differences.check(
                &format!("resolve_choice {among}"),
                lang::resolve_choice(&id, &available).to_string(),
                oracle::resolve_choice(&id_ref, &available_ref).to_string(),
            );
            differences.check(
                &format!("effective_locale {among}"),
                lang::effective_locale(&id, &available).to_string(),
                oracle::effective_locale(&id_ref, &available_ref).to_string(),
            );
            differences.check(
                &format!("normalize_request {among}"),
                lang::normalize_request(&id, &available).to_string(),
                oracle::normalize_request(&id_ref, &available_ref).to_string(),
            );
        }
    }
    differences.assert_none(100_000);
}

#[test]
fn chinese_script_and_same_language_are_as_they_were() {
    let mut differences = Differences::default();
    let tags: Vec<String> = requests()
        .into_iter()
        .filter(|t| lang::parse_tag(t).is_ok())
        .map(|t| t.trim().to_string())
        .collect();
    for a in &tags {
        let (id, id_ref) = (
            ours(std::slice::from_ref(a)),
            reference(std::slice::from_ref(a)),
        );
        differences.check(
            &format!("is_traditional_chinese {a:?}"),
            lang::is_traditional_chinese(&id[0]),
            oracle::is_traditional_chinese(&id_ref[0]),
        );
        for b in tags.iter().step_by(41) {
            let (other, other_ref) = (
                ours(std::slice::from_ref(b)),
                reference(std::slice::from_ref(b)),
            );
            differences.check(
                &format!("same_language {a:?} {b:?}"),
                lang::same_language(&id[0], &other[0]),
                oracle::same_language(&id_ref[0], &other_ref[0]),
            );
        }
    }
    differences.assert_none(300_000);
}
