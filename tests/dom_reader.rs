//! In headless Chromium: the reader's font-size controls (A+ A A-, keyboard, API) — what they do to
//! the computed text size, their disabled ends, persistence, blocked storage and instance sync.
#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Reflect};
use news_widget::dom::{mount, WidgetHandle};
use support::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CustomEvent, Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const STEP_KEY: &str = "news-widget:font-step";

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn mount_small(host: &HtmlElement) -> WidgetHandle {
    mount(
        host.clone().into(),
        options(&[("feed", &feed_url(SMALL_FEED)), ("lang", "en")]),
        None,
    )
    .unwrap()
}

/// A mounted widget with article "a" open.
async fn mount_with_article(host: &HtmlElement) -> WidgetHandle {
    let handle = mount_small(host);
    wait_for(host, "[part~=card]").await;
    assert!(handle.open("a".into()), "article a exists in SMALL_FEED");
    wait_for(host, "[part~=article-body] p").await;
    handle
}

fn body_px(host: &Element) -> f64 {
    computed_font_px(&one(host, "[part~=article-body] p").expect("a body paragraph"))
}

fn root_px(host: &Element) -> f64 {
    computed_font_px(&one(host, ".nw").expect("the widget root"))
}

fn button(host: &Element, part: &str) -> Element {
    one(host, &format!("[part~={part}]")).unwrap_or_else(|| panic!("no [part~={part}] button"))
}

fn press(host: &Element, part: &str) {
    click(&button(host, part));
}

fn is_disabled(host: &Element, part: &str) -> bool {
    let b = button(host, part);
    b.get_attribute("aria-disabled").as_deref() == Some("true") || b.has_attribute("disabled")
}

fn assert_px(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() < 0.05,
        "{what}: expected {expected}px, got {actual}px"
    );
}

/// A `keydown` as a reader's key press would arrive: bubbling and crossing the shadow boundary.
/// Built through the JS constructor (the crate's web-sys features do not include its init dict).
fn key_down(target: &Element, key: &str) {
    let window = web_sys::window().unwrap();
    let ctor: Function = Reflect::get(&window, &"KeyboardEvent".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    let init = Object::new();
    Reflect::set(&init, &"key".into(), &key.into()).unwrap();
    Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    Reflect::set(&init, &"composed".into(), &true.into()).unwrap();
    Reflect::set(&init, &"cancelable".into(), &true.into()).unwrap();
    let event: web_sys::Event = Reflect::construct(&ctor, &Array::of2(&"keydown".into(), &init))
        .unwrap()
        .dyn_into()
        .unwrap();
    target.dispatch_event(&event).unwrap();
}

fn end(handle: WidgetHandle, host: HtmlElement) {
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn font_buttons_scale_the_article_body_by_the_expected_ratio() {
    clear_storage();
    let host = host();
    let handle = mount_with_article(&host).await;
    let base = body_px(&host);
    assert_px(
        base,
        16.0,
        "article body at 100 % with the default 16px base",
    );

    press(&host, "font-larger");
    assert_eq!(handle.font_step(), 1);
    assert_px(body_px(&host), base * 1.125, "A+ once");
    press(&host, "font-larger");
    assert_eq!(handle.font_step(), 2);
    assert_px(body_px(&host), base * 1.25, "A+ twice");
    press(&host, "font-reset");
    assert_eq!(handle.font_step(), 0);
    assert_px(body_px(&host), base, "A back to the default");
    press(&host, "font-smaller");
    assert_eq!(handle.font_step(), -1);
    assert_px(body_px(&host), base * 0.875, "A- from the default");
    press(&host, "font-reset");
    assert_px(body_px(&host), base, "A from 87.5 %");
    // The article title scales with the body.
    let title = one(&host, "[part~=article-title]").unwrap();
    let title_default = computed_font_px(&title);
    press(&host, "font-larger");
    assert_px(
        computed_font_px(&title),
        title_default * 1.125,
        "article title after A+",
    );
    end(handle, host);
}

#[wasm_bindgen_test]
async fn font_buttons_scale_the_card_titles() {
    clear_storage();
    let host = host();
    let handle = mount_small(&host);
    wait_for(&host, "[part~=card]").await;
    let title = || computed_font_px(&one(&host, "[part~=card-title]").unwrap());
    let summary = || computed_font_px(&one(&host, "[part~=card-summary]").unwrap());
    let (title_default, summary_default) = (title(), summary());
    assert!(
        title_default > summary_default,
        "a card title is larger than its summary"
    );
    press(&host, "font-larger");
    assert_px(title(), title_default * 1.125, "card title after A+");
    assert_px(summary(), summary_default * 1.125, "card summary after A+");
    press(&host, "font-smaller");
    press(&host, "font-smaller");
    assert_px(title(), title_default * 0.875, "card title at 87.5 %");
    end(handle, host);
}

#[wasm_bindgen_test]
async fn the_host_pages_root_font_size_does_not_change_the_text_size() {
    clear_storage();
    let host = host();
    let handle = mount_with_article(&host).await;
    let html: HtmlElement = document().document_element().unwrap().dyn_into().unwrap();
    let before = html.style().get_property_value("font-size").unwrap();
    let plain = body_px(&host);
    let plain_root = root_px(&host);
    press(&host, "font-larger");
    let plain_larger = body_px(&host);
    press(&host, "font-reset");

    let mut seen = Vec::new();
    for root_size in ["10px", "62.5%", "24px"] {
        html.style().set_property("font-size", root_size).unwrap();
        seen.push((root_size, body_px(&host), root_px(&host)));
        press(&host, "font-larger");
        seen.push((root_size, body_px(&host) / 1.125, root_px(&host) / 1.125));
        press(&host, "font-reset");
    }
    html.style().set_property("font-size", &before).unwrap();

    for (root_size, body, root) in seen {
        assert_px(
            body,
            plain,
            &format!("article body with html font-size {root_size}"),
        );
        assert_px(
            root,
            plain_root,
            &format!("widget root with html font-size {root_size}"),
        );
    }
    assert_px(plain_larger, plain * 1.125, "A+ without a host root size");
    end(handle, host);
}

#[wasm_bindgen_test]
async fn each_font_button_is_disabled_at_its_end() {
    clear_storage();
    let host = host();
    let handle = mount_with_article(&host).await;
    // At 100 %: only A is disabled.
    assert!(is_disabled(&host, "font-reset"), "A at 100 %");
    assert!(!is_disabled(&host, "font-larger"), "A+ at 100 %");
    assert!(!is_disabled(&host, "font-smaller"), "A- at 100 %");

    for _ in 0..5 {
        press(&host, "font-larger");
    }
    assert_eq!(handle.font_step(), 5);
    assert_px(body_px(&host), 32.0, "200 % of 16px");
    assert!(is_disabled(&host, "font-larger"), "A+ at 200 %");
    assert!(!is_disabled(&host, "font-reset"), "A at 200 %");
    assert!(!is_disabled(&host, "font-smaller"), "A- at 200 %");
    // A disabled button does nothing, and keeps its focus.
    let larger: HtmlElement = button(&host, "font-larger").dyn_into().unwrap();
    larger.focus().unwrap();
    press(&host, "font-larger");
    assert_eq!(handle.font_step(), 5, "A+ at 200 % stays at 200 %");
    assert_eq!(
        shadow(&host).active_element().as_ref(),
        Some(larger.unchecked_ref::<Element>()),
        "focus kept on A+"
    );

    for _ in 0..6 {
        press(&host, "font-smaller");
    }
    assert_eq!(handle.font_step(), -1);
    assert_px(body_px(&host), 14.0, "87.5 % of 16px");
    assert!(is_disabled(&host, "font-smaller"), "A- at 87.5 %");
    assert!(!is_disabled(&host, "font-larger"), "A+ at 87.5 %");
    assert!(!is_disabled(&host, "font-reset"), "A at 87.5 %");
    press(&host, "font-smaller");
    assert_eq!(handle.font_step(), -1, "A- at 87.5 % stays at 87.5 %");
    end(handle, host);
}

/// Replaces `window.localStorage` with a getter that throws as a sandboxed frame's does, and
/// gives back a function that puts the original back.
fn block_local_storage() -> impl FnOnce() {
    let window: JsValue = web_sys::window().unwrap().into();
    let window_obj: Object = window.clone().unchecked_into();
    let key = JsValue::from_str("localStorage");
    let original = Object::get_own_property_descriptor(&window_obj, &key);
    // A plain JS getter (as a sandboxed iframe's browser would throw), no wasm closure to keep.
    let thrower = Function::new_no_args("throw new DOMException('blocked', 'SecurityError');");
    let descriptor = Object::new();
    Reflect::set(&descriptor, &"configurable".into(), &true.into()).unwrap();
    Reflect::set(&descriptor, &"get".into(), &thrower).unwrap();
    Object::define_property(&window_obj, &key, &descriptor);
    move || {
        if original.is_undefined() {
            Reflect::delete_property(&window_obj, &key).unwrap();
        } else {
            Object::define_property(&window_obj, &key, original.unchecked_ref());
        }
    }
}

#[wasm_bindgen_test]
async fn blocked_local_storage_keeps_the_font_step_in_memory() {
    clear_storage();
    let restore = block_local_storage();
    assert!(
        web_sys::window().unwrap().local_storage().is_err(),
        "the stub makes localStorage throw"
    );

    let first = host();
    let handle = mount_small(&first);
    wait_for(&first, "[part~=card]").await;
    // The in-memory store outlives tests on this page: start from a known step through the API.
    handle.set_font_step(0.into());
    press(&first, "font-larger");
    assert_eq!(handle.font_step(), 1);
    assert_px(root_px(&first), 18.0, "A+ applied with storage blocked");
    handle.destroy();
    first.remove();

    let second = host();
    let again = mount_small(&second);
    assert_eq!(
        again.font_step(),
        1,
        "a widget mounted later starts at the remembered step"
    );
    assert_px(root_px(&second), 18.0, "and already shows it");
    wait_for(&second, "[part~=card]").await;
    again.destroy();
    second.remove();

    restore();
    let storage = local_storage();
    assert_eq!(
        storage.get_item(STEP_KEY).unwrap(),
        None,
        "nothing reached the blocked storage"
    );
}

/// Each fontsizechange heard: (which host, step, scale, bubbles, composed).
type Heard = Rc<RefCell<Vec<(String, f64, f64, bool, bool)>>>;

#[wasm_bindgen_test]
async fn two_instances_follow_one_font_step_and_both_hosts_hear_fontsizechange() {
    clear_storage();
    let (one_host, two_host) = (host(), host());
    let first = mount_small(&one_host);
    let second = mount_small(&two_host);
    wait_for(&one_host, "[part~=card]").await;
    wait_for(&two_host, "[part~=card]").await;

    let heard: Heard = Rc::new(RefCell::new(Vec::new()));
    let listener = {
        let heard = heard.clone();
        Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            let event: CustomEvent = event.dyn_into().unwrap();
            let detail = event.detail();
            let step = Reflect::get(&detail, &"step".into())
                .unwrap()
                .as_f64()
                .unwrap_or(f64::NAN);
            let scale = Reflect::get(&detail, &"scale".into())
                .unwrap()
                .as_f64()
                .unwrap_or(f64::NAN);
            let target = event.current_target().unwrap().unchecked_into::<Element>();
            let which = target.get_attribute("data-which").unwrap_or_default();
            heard
                .borrow_mut()
                .push((which, step, scale, event.bubbles(), event.composed()));
        })
    };
    one_host.set_attribute("data-which", "first").unwrap();
    two_host.set_attribute("data-which", "second").unwrap();
    let callback: &Function = listener.as_ref().unchecked_ref();
    one_host
        .add_event_listener_with_callback("news-widget:fontsizechange", callback)
        .unwrap();
    two_host
        .add_event_listener_with_callback("news-widget:fontsizechange", callback)
        .unwrap();

    let second_default = root_px(&two_host);
    press(&one_host, "font-larger");
    assert_eq!(first.font_step(), 1);
    assert_eq!(second.font_step(), 1, "the second instance follows");
    assert_px(
        root_px(&two_host),
        second_default * 1.125,
        "the second instance's text grows",
    );
    assert!(
        !is_disabled(&two_host, "font-reset"),
        "the second instance's A is enabled again"
    );

    {
        let heard = heard.borrow();
        for which in ["first", "second"] {
            let event = heard
                .iter()
                .find(|e| e.0 == which)
                .unwrap_or_else(|| panic!("no fontsizechange on the {which} host: {heard:?}"));
            assert_eq!(event.1, 1.0, "detail.step on the {which} host");
            assert!(
                (event.2 - 1.125).abs() < 1e-9,
                "detail.scale on the {which} host: {}",
                event.2
            );
            assert!(
                event.3 && event.4,
                "bubbles and composed on the {which} host"
            );
        }
    }

    // And back the other way, through the second instance.
    press(&two_host, "font-smaller");
    assert_eq!(first.font_step(), 0);
    assert_px(
        root_px(&one_host),
        second_default,
        "the first instance follows the second",
    );

    one_host
        .remove_event_listener_with_callback("news-widget:fontsizechange", callback)
        .unwrap();
    two_host
        .remove_event_listener_with_callback("news-widget:fontsizechange", callback)
        .unwrap();
    end(first, one_host);
    end(second, two_host);
}

#[wasm_bindgen_test]
async fn plus_minus_and_zero_keys_inside_the_widget_change_the_step() {
    clear_storage();
    let host = host();
    let handle = mount_with_article(&host).await;
    let base = body_px(&host);
    let target = one(&host, "[part~=article-body] p").unwrap();

    key_down(&target, "+");
    assert_eq!(handle.font_step(), 1, "+ is one step larger");
    assert_px(body_px(&host), base * 1.125, "after +");
    key_down(&button(&host, "font-smaller"), "+");
    assert_eq!(handle.font_step(), 2, "+ on a toolbar button");
    key_down(&target, "0");
    assert_eq!(handle.font_step(), 0, "0 resets");
    assert_px(body_px(&host), base, "after 0");
    key_down(&target, "-");
    assert_eq!(handle.font_step(), -1, "- is one step smaller");
    assert_px(body_px(&host), base * 0.875, "after -");
    key_down(&target, "-");
    assert_eq!(handle.font_step(), -1, "- at 87.5 % stays");
    end(handle, host);
}

#[wasm_bindgen_test]
async fn a_stored_step_is_applied_before_the_first_render() {
    clear_storage();
    local_storage().set_item(STEP_KEY, "3").unwrap();
    let host = host();
    let handle = mount_small(&host);
    // No await between mount and these reads: this is what the first frame paints.
    assert_eq!(handle.font_step(), 3);
    assert_px(
        root_px(&host),
        24.0,
        "150 % of 16px on the root right after mount",
    );
    wait_for(&host, "[part~=card]").await;
    assert_px(root_px(&host), 24.0, "still 150 % once the cards are there");
    assert!(!is_disabled(&host, "font-reset"), "A is enabled at 150 %");
    end(handle, host);
    clear_storage();
}

#[wasm_bindgen_test]
async fn a_garbage_stored_step_means_the_default_size() {
    for garbage in ["huge", "12", "-7", "1.5", ""] {
        clear_storage();
        local_storage().set_item(STEP_KEY, garbage).unwrap();
        let host = host();
        let handle = mount_small(&host);
        assert_eq!(handle.font_step(), 0, "stored {garbage:?}");
        assert_px(
            root_px(&host),
            16.0,
            &format!("root size with stored {garbage:?}"),
        );
        wait_for(&host, "[part~=card]").await;
        assert!(
            is_disabled(&host, "font-reset"),
            "A disabled at the default, stored {garbage:?}"
        );
        end(handle, host);
    }
    clear_storage();
}
