//! In headless Chromium: dates on cards and in the meta line come from the browser's Intl in
//! the UI language, matching the shared Intl expectations (dateStyle long) where present.
#![cfg(target_arch = "wasm32")]

mod support;

use news_widget::dom::mount;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The instant the shared expectations were computed for, as a feed date.
const FEED: &str = r#"{"version":"https://jsonfeed.org/version/1.1","title":"t","language":"en","items":[
  {"id":"x","title":"Anniversary","date_published":"2024-05-28T14:05:09Z","authors":[{"name":"CCFAO"}],
   "content_html":"<p>Body.</p>",
   "_news_widget":{"translations":{"zh-CN":{"title":"周年"},"ko":{"title":"기념"}}}}]}"#;

async fn card_date(lang: &str) -> String {
    clear_storage();
    let host = host();
    let handle = mount(
        host.clone().into(),
        options(&[("feed", &feed_url(FEED)), ("lang", lang)]),
        None,
    )
    .unwrap();
    let time = wait_for(&host, "[part~=card] time").await;
    let text = time.text_content().unwrap();
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2024-05-28")
    );
    handle.destroy();
    host.remove();
    text
}

#[wasm_bindgen_test]
async fn chinese_date_is_written_2024年5月28日() {
    assert_eq!(card_date("zh-CN").await, "2024年5月28日");
}

#[wasm_bindgen_test]
async fn korean_date_is_written_2024년_5월_28일() {
    assert_eq!(card_date("ko").await, "2024년 5월 28일");
}

#[wasm_bindgen_test]
async fn english_date_is_written_may_28_2024() {
    assert_eq!(card_date("en").await, "May 28, 2024");
}

#[wasm_bindgen_test]
async fn a_date_keeps_the_publishers_calendar_day_whatever_the_offset() {
    // 23:30 at +09:00 is 14:30 UTC the same day, but 00:30 at +09:00 is the previous day in
    // UTC: the reader must still see the 29th, the day the publisher wrote.
    clear_storage();
    let feed = FEED.replace("2024-05-28T14:05:09Z", "2024-05-29T00:30:00+09:00");
    let host = host();
    let handle = mount(
        host.clone().into(),
        options(&[("feed", &feed_url(&feed)), ("lang", "en")]),
        None,
    )
    .unwrap();
    let time = wait_for(&host, "[part~=card] time").await;
    assert_eq!(time.text_content().unwrap(), "May 29, 2024");
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn article_meta_line_dates_follow_a_language_switch() {
    clear_storage();
    let host = host();
    let handle = mount(
        host.clone().into(),
        options(&[("feed", &feed_url(FEED)), ("lang", "en")]),
        None,
    )
    .unwrap();
    wait_for(&host, "[part~=card]").await;
    assert!(handle.open("x".into()));
    handle.set_language("ko".into(), None);
    let meta = wait_for(&host, "[part~=meta]").await;
    assert_eq!(
        meta.text_content().unwrap(),
        "수정일: 2024년 5월 28일 출처: CCFAO"
    );
    handle.destroy();
    host.remove();
}

/// The shared Intl expectations, where this checkout has `../shared/corpora` (build.rs sets
/// `nw_corpora`): without them these tests are built ignored, and the runner lists each as
/// "ignored, skipped: …" rather than passing it.
mod corpus {
    use super::*;

    #[cfg(nw_corpora)]
    const INTL: Option<&str> = Some(include_str!(concat!(
        env!("NW_CORPORA"),
        "/intl-expectations.json"
    )));
    #[cfg(not(nw_corpora))]
    const INTL: Option<&str> = None;

    fn expected(locale: &str) -> String {
        let intl = INTL.expect("these tests are ignored without the corpus");
        let json: serde_json::Value = serde_json::from_str(intl).expect("the corpus is JSON");
        json["intl"]["date_time_format"][locale]["dateStyle=long"]
            .as_str()
            .expect("a dateStyle=long expectation")
            .to_string()
    }

    #[wasm_bindgen_test]
    #[cfg_attr(
        not(nw_corpora),
        ignore = "skipped: ../shared/corpora/intl-expectations.json not found at build time"
    )]
    async fn chinese_card_date_matches_the_intl_corpus() {
        assert_eq!(card_date("zh-CN").await, expected("zh-CN"));
    }

    #[wasm_bindgen_test]
    #[cfg_attr(
        not(nw_corpora),
        ignore = "skipped: ../shared/corpora/intl-expectations.json not found at build time"
    )]
    async fn korean_card_date_matches_the_intl_corpus() {
        assert_eq!(card_date("ko-KR").await, expected("ko-KR"));
    }

    #[wasm_bindgen_test]
    #[cfg_attr(
        not(nw_corpora),
        ignore = "skipped: ../shared/corpora/intl-expectations.json not found at build time"
    )]
    async fn english_card_date_matches_the_intl_corpus() {
        assert_eq!(card_date("en-US").await, expected("en-US"));
    }
}
