//! The reading plan's bytes between a page's module and the plan module: plans and runs cross
//! over unchanged, and bytes that are not one are refused, whatever their length, counts or
//! version.
use news_widget::listen::plan::{plan, Run, SourceRange, Utterance};
use news_widget::listen::wire::{
    decode_plan, decode_runs, encode_plan, encode_runs, WireError, VERSION,
};

/// `VERSION` before `bytes`.
fn versioned(bytes: &[u8]) -> Vec<u8> {
    [&[VERSION][..], bytes].concat()
}

fn runs() -> Vec<Run> {
    vec![
        Run::new("长春与蔚山结为友好城市三十周年。", true),
        Run::new("两市代表在", true),
        Run::new("蔚山", false),
        Run::new("举行了纪念活动，😀 签署了新的协议。", false),
        Run::new("", true),
        Run::new("울산시는 오늘 발표했습니다. Dr. Kim agreed!", true),
    ]
}

#[test]
fn a_plan_crosses_over_as_it_was_made_with_the_askers_language() {
    let planned = plan("zh-CN", &runs());
    assert!(planned.len() >= 4, "{planned:?}");
    assert_eq!(
        decode_plan(&encode_plan(&planned), "zh-CN"),
        Ok(planned.clone())
    );
    // The plan module plans without a language: the page's module gives its own.
    let unnamed = plan("", &runs());
    assert_eq!(decode_plan(&encode_plan(&unnamed), "zh-CN"), Ok(planned));
    assert_eq!(decode_plan(&encode_plan(&[]), "ko"), Ok(Vec::new()));
}

#[test]
fn runs_cross_over_as_the_page_wrote_them() {
    assert_eq!(decode_runs(&encode_runs(&runs())), Ok(runs()));
    assert_eq!(decode_runs(&[VERSION]), Ok(Vec::new()));
    // As js/speech.js writes them: the version, then a flag byte, a little-endian length, UTF-8.
    let written = [
        &[VERSION, 1, 6, 0, 0, 0][..],
        "蔚山".as_bytes(),
        &[0, 1, 0, 0, 0, b'x'],
    ]
    .concat();
    assert_eq!(
        decode_runs(&written),
        Ok(vec![Run::new("蔚山", true), Run::new("x", false)])
    );
}

#[test]
fn a_plan_cut_short_anywhere_is_refused() {
    let bytes = encode_plan(&plan("zh-CN", &runs()));
    assert_eq!(decode_plan(&[], "zh-CN"), Err(WireError::Version));
    for len in 1..bytes.len() {
        assert_eq!(
            decode_plan(&bytes[..len], "zh-CN"),
            Err(WireError::Truncated),
            "cut at {len}"
        );
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(decode_plan(&longer, "zh-CN"), Err(WireError::Trailing));
}

#[test]
fn forged_counts_reserve_nothing_and_are_refused() {
    for count in [u32::MAX, 1 << 28, 2] {
        let mut bytes = versioned(&count.to_le_bytes());
        bytes.extend_from_slice(&[0; 12]);
        assert_eq!(
            decode_plan(&bytes, "en"),
            Err(WireError::Truncated),
            "{count}"
        );
    }
    // One utterance whose text claims more bytes than there are, and one with too many stretches.
    let text_too_long = versioned(&[1, 0, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 0]);
    assert_eq!(decode_plan(&text_too_long, "en"), Err(WireError::Truncated));
    let stretches = versioned(&[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 1, 2, 3]);
    assert_eq!(decode_plan(&stretches, "en"), Err(WireError::Truncated));
}

#[test]
fn text_that_is_not_utf8_is_refused() {
    let plan_bytes = versioned(&[1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0xC3, 0x28, 0, 0, 0, 0]);
    assert_eq!(decode_plan(&plan_bytes, "en"), Err(WireError::NotText));
    let run_bytes = versioned(&[1, 1, 0, 0, 0, 0xFF]);
    assert_eq!(decode_runs(&run_bytes), Err(WireError::NotText));
    let cut = versioned(&[1, 3, 0, 0]);
    assert_eq!(decode_runs(&cut), Err(WireError::Truncated));
}

#[test]
fn another_versions_bytes_are_refused_both_ways() {
    for other in [0, VERSION + 1, 255] {
        let mut plan_bytes = encode_plan(&plan("en", &runs()));
        plan_bytes[0] = other;
        assert_eq!(decode_plan(&plan_bytes, "en"), Err(WireError::Version));
        let mut run_bytes = encode_runs(&runs());
        run_bytes[0] = other;
        assert_eq!(decode_runs(&run_bytes), Err(WireError::Version));
    }
    assert_eq!(decode_runs(&[]), Err(WireError::Version));
}

#[test]
fn stretches_keep_their_numbers_whole() {
    let far = Utterance {
        text: "x".into(),
        lang: "en".into(),
        cost: u32::MAX,
        ranges: vec![SourceRange {
            run: 70_000,
            start: u32::MAX - 1,
            end: u32::MAX,
        }],
    };
    assert_eq!(
        decode_plan(&encode_plan(std::slice::from_ref(&far)), "en"),
        Ok(vec![far])
    );
}
