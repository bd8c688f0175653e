//! Helpers shared by the browser tests: a feed served from a blob: URL, a fresh host element,
//! waiting for the widget to settle, and reading its shadow tree.
#![allow(dead_code)]

use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, Document, Element, HtmlElement, ShadowRoot, Url};

pub fn document() -> Document {
    web_sys::window()
        .expect("a browser window")
        .document()
        .expect("a document")
}

/// A `blob:` URL serving `json` as a feed, so the widget's real fetch path is exercised.
pub fn feed_url(json: &str) -> String {
    let parts = Array::of1(&JsValue::from_str(json));
    let bag = BlobPropertyBag::new();
    bag.set_type("application/json");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &bag).expect("a blob");
    Url::create_object_url_with_blob(&blob).expect("a blob URL")
}

/// A new, empty host element appended to the body.
pub fn host() -> HtmlElement {
    let doc = document();
    let el: HtmlElement = doc.create_element("div").unwrap().dyn_into().unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

pub fn options(pairs: &[(&str, &str)]) -> JsValue {
    let object = js_sys::Object::new();
    for (k, v) in pairs {
        Reflect::set(&object, &JsValue::from_str(k), &JsValue::from_str(v)).unwrap();
    }
    object.into()
}

pub async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

pub fn shadow(host: &Element) -> ShadowRoot {
    host.shadow_root()
        .expect("the widget attached an open shadow root")
}

pub fn all(host: &Element, selector: &str) -> Vec<Element> {
    let list = shadow(host).query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

pub fn one(host: &Element, selector: &str) -> Option<Element> {
    shadow(host).query_selector(selector).unwrap()
}

/// Polls until `selector` matches in the widget's shadow root (feeds load asynchronously).
pub async fn wait_for(host: &Element, selector: &str) -> Element {
    for _ in 0..200 {
        if let Some(root) = host.shadow_root() {
            if let Ok(Some(found)) = root.query_selector(selector) {
                return found;
            }
        }
        sleep(25).await;
    }
    panic!("timed out waiting for {selector}");
}

pub fn click(el: &Element) {
    el.dyn_ref::<HtmlElement>()
        .expect("an HTML element")
        .click();
}

pub fn computed_font_px(el: &Element) -> f64 {
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(el)
        .unwrap()
        .unwrap();
    let value = style.get_property_value("font-size").unwrap();
    value.trim_end_matches("px").parse().unwrap()
}

pub fn clear_storage() {
    if let Ok(Some(storage)) = web_sys::window().unwrap().local_storage() {
        storage.clear().unwrap();
    }
}

pub const SMALL_FEED: &str = r#"{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Test City News",
  "language": "en",
  "items": [
    {"id": "a", "title": "Sister cities meet", "date_published": "2024-05-27T10:00:00+08:00",
     "date_modified": "2024-05-28T09:00:00+08:00", "authors": [{"name": "CCFAO"}],
     "summary": "Thirty years of friendship.",
     "content_html": "<p>First paragraph.</p><p>Second <a href=\"/x\">link</a>.</p>",
     "url": "https://city.example/news/a",
     "_news_widget": {"translations": {
        "zh-CN": {"title": "友好城市会面", "summary": "三十年友谊。", "content_html": "<p>第一段。</p>", "source": "长春市外办"},
        "ko": {"title": "자매도시 회동", "summary": "30년 우정.", "content_html": "<p>첫 문단.</p>", "source": "창춘시 외사판공실"}}}},
    {"id": "b", "title": "Festival opens", "date_published": "2024-01-08T10:00:00+08:00",
     "authors": [{"name": "CCFAO"}], "content_text": "Ice and snow.\n\nSecond paragraph.",
     "_news_widget": {"translations": {"zh-CN": {"title": "冰雪节开幕", "content_html": "<p>冰雪。</p>"}}}},
    {"id": "c", "title": "Office hours change", "date_published": "2024-02-26T10:00:00+08:00",
     "authors": [{"name": "CCFAO"}], "content_html": "<p>Hours.</p>",
     "_news_widget": {"translations": {
        "zh-CN": {"title": "办公时间调整", "content_html": "<p>时间。</p>"},
        "ko": {"title": "업무 시간 변경", "content_html": "<p>시간.</p>"}}}}
  ]
}"#;
