//! In headless Chromium, alone in its test binary (a fresh module, whose memory only grows):
//! how much the wasm memory grows while a widget shows the first cards of a 10,000-item feed
//! (about 5.9 MB). A count of bytes, not a clock. The feed is made and served from JS, so that
//! making it does not grow the wasm memory itself.
#![cfg(target_arch = "wasm32")]

mod support;

use js_sys::{Function, WebAssembly};
use news_widget::dom::mount;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn wasm_memory_bytes() -> f64 {
    let memory: WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    js_sys::Reflect::get(&memory.buffer(), &"byteLength".into())
        .unwrap()
        .as_f64()
        .unwrap()
}

/// A blob: URL serving a JSON Feed of `n` items with two translations each, as the benchmark's.
fn long_feed_url(n: u32) -> String {
    let make = Function::new_with_args(
        "n",
        "const items = [];
         for (let i = 0; i < n; i++) items.push({
           id: `item-${i}`, url: `https://city.example/news/${i}`,
           title: `City news ${i}`, summary: `Summary of item ${i}.`,
           content_html: `<p>Paragraph one of item ${i}.</p><p>Paragraph <a href=\"/x\">two</a>.</p>`,
           date_published: new Date(Date.UTC(2024, 0, 1) + i * 60000).toISOString(),
           _news_widget: { translations: {
             'zh-CN': { title: `友好城市新闻 ${i}`, summary: `第 ${i} 条新闻摘要。`, content_html: `<p>第 ${i} 条。</p>` },
             ko: { title: `자매도시 소식 ${i}`, summary: `${i}번째 소식 요약.`, content_html: `<p>${i}번째.</p>` } } } });
         const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'City', language: 'en', items };
         return URL.createObjectURL(new Blob([JSON.stringify(feed)], { type: 'application/json' }));",
    );
    make.call1(&wasm_bindgen::JsValue::NULL, &n.into())
        .unwrap()
        .as_string()
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_first_cards_of_a_ten_thousand_item_feed_grow_the_wasm_memory_by_little() {
    clear_storage();
    let url = long_feed_url(10_000);
    let host = host();
    let before = wasm_memory_bytes();
    let _handle = mount(
        host.clone().into(),
        options(&[("feed", &url), ("lang", "en"), ("pageSize", "20")]),
        None,
    )
    .unwrap();
    wait_for(&host, "[part~=card]").await;
    let grown = wasm_memory_bytes() - before;
    // The feed's 5.9 MB never pass through wasm memory: only the items' keys, the first cards
    // and the widget itself (about 1 MB in this debug build).
    assert!(grown < 3.0e6, "the wasm memory grew by {grown} bytes");
}
