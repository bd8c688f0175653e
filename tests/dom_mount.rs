//! In headless Chromium: mounting on a host element, cards in the shadow root, states, destroy.
#![cfg(target_arch = "wasm32")]

mod support;

use news_widget::dom::mount;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn mount_renders_cards_in_an_open_shadow_root() {
    clear_storage();
    let host = host();
    let handle = mount(
        host.clone().into(),
        options(&[("feed", &feed_url(SMALL_FEED)), ("lang", "en")]),
        None,
    )
    .unwrap();
    wait_for(&host, "[part~=card]").await;
    let cards = all(&host, "[part~=card]");
    assert_eq!(cards.len(), 3);
    let titles: Vec<String> = all(&host, "[part~=card-title]")
        .iter()
        .map(|t| t.text_content().unwrap())
        .collect();
    // Newest first by date_published.
    assert_eq!(
        titles,
        [
            "Sister cities meet",
            "Office hours change",
            "Festival opens"
        ]
    );
    assert_eq!(
        one(&host, "h2").unwrap().text_content().unwrap(),
        "Latest news"
    );
    // Nothing was written into the light DOM.
    assert_eq!(host.child_element_count(), 0);
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn page_size_limits_cards_and_more_adds_the_next_page() {
    clear_storage();
    let host = host();
    let handle = mount(
        host.clone().into(),
        options(&[
            ("feed", &feed_url(SMALL_FEED)),
            ("lang", "en"),
            ("pageSize", "2"),
        ]),
        None,
    )
    .unwrap();
    wait_for(&host, "[part~=card]").await;
    assert_eq!(all(&host, "[part~=card]").len(), 2);
    click(&one(&host, "[part~=more]").unwrap());
    assert_eq!(all(&host, "[part~=card]").len(), 3);
    assert!(
        one(&host, "[part~=more]").is_none(),
        "no More once everything is shown"
    );
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn a_missing_feed_shows_a_localized_error_with_retry() {
    clear_storage();
    let host = host();
    let handle = mount(
        host.clone().into(),
        options(&[("feed", "/no-such-feed.json"), ("lang", "ko")]),
        None,
    )
    .unwrap();
    let error = wait_for(&host, "[part~=error]").await;
    assert!(error
        .text_content()
        .unwrap()
        .contains("소식 서버에서 오류가 발생했습니다(404)"));
    assert_eq!(
        one(&host, "[part~=retry]").unwrap().text_content().unwrap(),
        "다시 시도"
    );
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn a_feed_that_is_not_json_is_an_error_state_not_a_blank_box() {
    clear_storage();
    let host = host();
    let handle = mount(
        host.clone().into(),
        options(&[("feed", &feed_url("<rss>")), ("lang", "en")]),
        None,
    )
    .unwrap();
    let error = wait_for(&host, "[part~=error]").await;
    assert_eq!(
        error
            .query_selector("p")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "The news feed could not be read."
    );
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn an_empty_feed_says_there_is_no_news() {
    clear_storage();
    let host = host();
    let empty = r#"{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[]}"#;
    let handle = mount(
        host.clone().into(),
        options(&[("feed", &feed_url(empty)), ("lang", "zh-CN")]),
        None,
    )
    .unwrap();
    let message = wait_for(&host, "[data-kind=empty]").await;
    assert_eq!(message.text_content().unwrap(), "暂无新闻。");
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn destroy_empties_the_shadow_root_and_allows_a_new_mount() {
    clear_storage();
    let host = host();
    let url = feed_url(SMALL_FEED);
    let handle = mount(host.clone().into(), options(&[("feed", &url)]), None).unwrap();
    wait_for(&host, "[part~=card]").await;
    handle.destroy();
    // Only the slot that shows the host's own content again.
    assert_eq!(shadow(&host).inner_html(), "<slot></slot>");
    let again = mount(host.clone().into(), options(&[("feed", &url)]), None).unwrap();
    wait_for(&host, "[part~=card]").await;
    again.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn mounting_twice_on_one_element_keeps_one_widget_and_one_handle_slot() {
    clear_storage();
    let host = host();
    let url = feed_url(SMALL_FEED);
    let handle = mount(host.clone().into(), options(&[("feed", &url)]), None).unwrap();
    wait_for(&host, "[part~=card]").await;
    let root = one(&host, ".nw").unwrap();
    // The same options: the widget on the element is the one returned, untouched.
    let again = mount(host.clone().into(), options(&[("feed", &url)]), None).unwrap();
    assert_eq!(
        all(&host, ".nw").len(),
        1,
        "still one widget in the shadow root"
    );
    assert!(
        one(&host, ".nw").unwrap() == root,
        "and the same one, not mounted afresh"
    );
    // Another language only: the same widget switches.
    let switched = mount(
        host.clone().into(),
        options(&[("feed", &url), ("lang", "ko")]),
        None,
    )
    .unwrap();
    assert!(
        one(&host, ".nw").unwrap() == root,
        "a lang change does not remount"
    );
    assert_eq!(switched.language(), "ko-KR");
    assert_eq!(
        handle.language(),
        "ko-KR",
        "every handle speaks for the one widget"
    );
    // Other options: mounted afresh in the same shadow root.
    let other = feed_url(SMALL_FEED);
    mount(host.clone().into(), options(&[("feed", &other)]), None).unwrap();
    assert_eq!(all(&host, ".nw").len(), 1);
    assert!(
        one(&host, ".nw").unwrap() != root,
        "other options mount afresh"
    );
    // Any of the handles destroys it.
    again.destroy();
    assert!(one(&host, ".nw").is_none());
    assert_eq!(
        handle.font_step(),
        0,
        "a destroyed widget's handle answers, quietly"
    );
    host.remove();
}
