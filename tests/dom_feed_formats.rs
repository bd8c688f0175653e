//! In headless Chromium: the project's real-world feed fixtures, given as bytes (legacy
//! encodings included), read through `validateFeed`'s path: TextDecoder with the decided
//! charset, DOMParser, the XML walker and the builder. Each checks the format, the charset, the
//! item count and the first item's exact title and date.
#![cfg(target_arch = "wasm32")]

mod support;

use js_sys::{Array, Reflect, Uint8Array};
use news_widget::dom::validate_feed;
use support::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/feeds/real/",
            $name
        ))
    };
}

fn get(report: &JsValue, key: &str) -> JsValue {
    Reflect::get(report, &JsValue::from_str(key)).unwrap()
}

fn text(report: &JsValue, key: &str) -> String {
    get(report, key).as_string().unwrap_or_default()
}

fn count(report: &JsValue, key: &str) -> u32 {
    get(report, key).as_f64().unwrap_or(-1.0) as u32
}

fn first(report: &JsValue, key: &str) -> String {
    let first = Array::from(&get(report, "first")).get(0);
    Reflect::get(&first, &JsValue::from_str(key))
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

fn strings(report: &JsValue, key: &str) -> Vec<String> {
    Array::from(&get(report, key))
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}

fn read(bytes: &[u8], content_type: Option<&str>) -> JsValue {
    let mut pairs = vec![("url", "https://feeds.example.org/news/feed.xml")];
    if let Some(ct) = content_type {
        pairs.push(("contentType", ct));
    }
    validate_feed(Uint8Array::from(bytes).into(), options(&pairs))
        .unwrap_or_else(|e| panic!("the fixture should read: {e:?}"))
}

fn read_error(bytes: &[u8]) -> (String, String) {
    let error = validate_feed(
        Uint8Array::from(bytes).into(),
        options(&[("url", "https://feeds.example.org/feed.xml")]),
    )
    .expect_err("the fixture should not read");
    (
        Reflect::get(&error, &"kind".into())
            .unwrap()
            .as_string()
            .unwrap_or_default(),
        Reflect::get(&error, &"message".into())
            .unwrap()
            .as_string()
            .unwrap_or_default(),
    )
}

#[wasm_bindgen_test]
fn gb2312_portal_declared_in_the_xml() {
    let report = read(fixture!("china-portal-gb2312.xml"), Some("text/xml"));
    assert_eq!(text(&report, "format"), "RSS 2.0");
    assert_eq!(text(&report, "charset"), "gbk");
    assert_eq!(text(&report, "charsetSource"), "XML declaration");
    assert_eq!(count(&report, "items"), 3);
    assert_eq!(
        first(&report, "title"),
        "王子联出席长春市与蔚山广域市缔结友好城市30周年活动"
    );
    assert_eq!(first(&report, "date"), "2024-05-28");
}

#[wasm_bindgen_test]
fn gb2312_named_by_the_http_header() {
    let report = read(
        fixture!("china-portal-gb2312.xml"),
        Some("application/rss+xml; charset=GB2312"),
    );
    assert_eq!(text(&report, "charset"), "gbk");
    assert_eq!(text(&report, "charsetSource"), "HTTP header");
}

#[wasm_bindgen_test]
fn euc_kr_board_with_local_times() {
    let report = read(fixture!("korea-board-euckr.xml"), None);
    assert_eq!(text(&report, "charset"), "euc-kr");
    assert_eq!(count(&report, "items"), 3);
    assert_eq!(
        first(&report, "title"),
        "울산-창춘 자매결연 30주년 기념행사 개최"
    );
    assert_eq!(first(&report, "date"), "2024-05-27");
    assert!(strings(&report, "repairs")
        .iter()
        .any(|r| r.contains("2024-05-27 14:30:00")));
}

#[wasm_bindgen_test]
fn windows_1251_portal() {
    let report = read(
        fixture!("russia-portal-cp1251.xml"),
        Some("application/rss+xml"),
    );
    assert_eq!(text(&report, "charset"), "windows-1251");
    assert_eq!(count(&report, "items"), 2);
    assert_eq!(
        first(&report, "title"),
        "Делегация города-побратима посетила мэрию"
    );
    assert_eq!(first(&report, "date"), "2024-05-27");
}

#[wasm_bindgen_test]
fn utf8_bytes_declared_latin1_are_read_as_utf8() {
    let report = read(
        fixture!("rss1-rdf.xml"),
        Some("application/xml; charset=iso-8859-1"),
    );
    assert_eq!(text(&report, "charset"), "utf-8");
    assert_eq!(text(&report, "charsetSource"), "UTF-8 bytes");
    assert_eq!(first(&report, "title"), "姉妹都市との交流展");
    assert_eq!(strings(&report, "notes").len(), 1);
}

#[wasm_bindgen_test]
fn wordpress_json_feed_is_repaired() {
    let report = read(
        fixture!("wordpress-jsonfeed.json"),
        Some("application/json"),
    );
    assert_eq!(text(&report, "format"), "JSON Feed");
    assert_eq!(count(&report, "items"), 3);
    assert_eq!(count(&report, "skipped"), 0);
    assert_eq!(
        first(&report, "title"),
        "Sister-city delegation visits Riverton – 30 years of friendship"
    );
    assert_eq!(first(&report, "date"), "2024-05-28");
}

#[wasm_bindgen_test]
fn truncated_feed_keeps_what_it_holds() {
    let report = read(fixture!("truncated.xml"), None);
    assert_eq!(count(&report, "items"), 3);
    assert_eq!(first(&report, "title"), "First complete item");
    assert!(strings(&report, "notes")
        .iter()
        .any(|n| n.contains("breaks off at line")));
}

#[wasm_bindgen_test]
fn undeclared_prefix_is_declared() {
    let report = read(fixture!("undeclared-prefix.xml"), None);
    assert_eq!(count(&report, "items"), 1);
    assert_eq!(first(&report, "title"), "Park reopens");
}

#[wasm_bindgen_test]
fn bare_ampersand_and_html_entities_are_repaired() {
    let report = read(fixture!("bare-ampersand.xml"), None);
    assert_eq!(
        first(&report, "title").replace('\u{a0}', " "),
        "Arts & Crafts fair – this weekend"
    );
}

#[wasm_bindgen_test]
fn blank_lines_and_byte_order_marks_before_the_document_are_dropped() {
    // A PHP template's line breaks and an included file's byte order mark before `<?xml` or
    // `{`: the browser's parsers refuse the whole document.
    let feed = "\n\n\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <rss version=\"2.0\"><channel><title>City</title>\
        <item><title>Park reopens</title><link>https://x.example/1</link></item>\
        </channel></rss>";
    let report = read(feed.as_bytes(), None);
    assert_eq!(count(&report, "items"), 1);
    assert_eq!(first(&report, "title"), "Park reopens");
    let json = "\r\n\u{FEFF}\u{FEFF}{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"City\",\
        \"items\": [{\"id\": \"1\", \"title\": \"Park reopens\", \"content_text\": \"Open.\"}]}";
    let report = read(json.as_bytes(), None);
    assert_eq!(first(&report, "title"), "Park reopens");
    // A later mistake is named at its line in the feed as served, blank lines counted.
    let feed = "\n\n<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>A & B</title>\
        <item><title>Park reopens</title><link>https://x.example/1</link></item></channel></rss>";
    let report = read(feed.as_bytes(), None);
    assert!(
        strings(&report, "notes")
            .iter()
            .any(|n| n.contains("(line 4)")),
        "{:?}",
        strings(&report, "notes")
    );
}

#[wasm_bindgen_test]
fn a_korean_site_moved_to_utf8_under_its_old_euc_kr_declaration_reads_as_utf8() {
    let feed = "<?xml version=\"1.0\" encoding=\"EUC-KR\"?><rss version=\"2.0\"><channel>\
        <title>울산광역시</title><item><title>울산과 장춘, 자매결연 30주년</title>\
        <link>https://x.example/1</link></item></channel></rss>";
    let report = read(feed.as_bytes(), None);
    assert_eq!(first(&report, "title"), "울산과 장춘, 자매결연 30주년");
    assert_eq!(text(&report, "charset"), "utf-8");
    assert!(strings(&report, "notes")
        .iter()
        .any(|n| n.contains("declared charset \"EUC-KR\", but the bytes are utf-8")));
}

#[wasm_bindgen_test]
fn gbk_bytes_under_a_utf8_declaration_are_said() {
    let mut feed = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>\
        <title>City</title><item><title>"
        .to_vec();
    // 长春 in GBK.
    feed.extend_from_slice(b"\xB3\xA4\xB4\xBA");
    feed.extend_from_slice(b"</title><link>https://x.example/1</link></item></channel></rss>");
    let report = read(&feed, None);
    assert_eq!(count(&report, "items"), 1);
    assert!(
        strings(&report, "notes")
            .iter()
            .any(|n| n.contains("some bytes are not utf-8")),
        "{:?}",
        strings(&report, "notes")
    );
    // Well-formed UTF-8 says nothing of the kind, even where it holds U+FFFD itself (an old
    // conversion's).
    let report = read(
        "<rss version=\"2.0\"><channel><title>长春</title><item><title>长春 \u{FFFD}</title>\
            <link>https://x.example/1</link></item></channel></rss>"
            .as_bytes(),
        None,
    );
    assert!(strings(&report, "notes").is_empty());
}

#[wasm_bindgen_test]
fn illegally_nested_items_are_all_read() {
    let report = read(fixture!("nested-item.xml"), None);
    assert_eq!(count(&report, "items"), 3);
}

#[wasm_bindgen_test]
fn atom_with_xhtml_content() {
    let report = read(fixture!("atom-xhtml.xml"), Some("application/atom+xml"));
    assert_eq!(text(&report, "format"), "Atom 1.0");
    assert_eq!(count(&report, "items"), 2);
    assert_eq!(first(&report, "title"), "Ulsan & Changchun mark 30 years");
    assert_eq!(first(&report, "date"), "2024-05-28");
}

#[wasm_bindgen_test]
fn media_groups() {
    let report = read(fixture!("media-group.xml"), None);
    assert_eq!(count(&report, "items"), 2);
    assert_eq!(first(&report, "title"), "Mayor's address, May 2024");
}

#[wasm_bindgen_test]
fn unreadable_xml_names_its_line() {
    let (kind, message) = read_error(fixture!("unreadable.xml"));
    assert_eq!(kind, "feed");
    assert!(message.contains("at line 5"), "{message}");
}

#[wasm_bindgen_test]
fn a_web_page_is_not_a_feed() {
    let (kind, message) = read_error(fixture!("html-page.xml"));
    assert_eq!(kind, "feed");
    assert!(message.contains("<html>"), "{message}");
}

#[wasm_bindgen_test]
fn text_source_is_read_too() {
    let report = validate_feed(
        JsValue::from_str(
            r#"<rss version="2.0"><channel><item><title>A &amp;amp; B</title><link>https://x.example/1</link></item></channel></rss>"#,
        ),
        options(&[]),
    )
    .unwrap();
    assert_eq!(first(&report, "title"), "A & B");
}

#[wasm_bindgen_test]
fn an_item_nested_a_hundred_thousand_levels_deep_does_not_trap() {
    let levels = 100_000;
    let text = format!(
        "<rss version=\"2.0\"><channel><item><title>First</title><extra>{}<item><title>Deep\
         </title></item>{}</extra></item><item><title>Last</title></item></channel></rss>",
        "<x>".repeat(levels),
        "</x>".repeat(levels)
    );
    let report = validate_feed(JsValue::from_str(&text), options(&[])).expect("a feed");
    web_sys::console::log_1(&report);
    assert_eq!(first(&report, "title"), "First");
    assert!(count(&report, "items") >= 1, "{}", count(&report, "items"));
}

#[wasm_bindgen_test]
fn a_json_feed_nested_a_hundred_thousand_levels_deep_does_not_trap() {
    let levels = 100_000;
    let text = format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "items": [{{"id": "1",
        "title": "Deep", "content_text": "x", "_news_widget": {{"translations": {{"ko": {{
        "title": "깊은", "extra": {}0{}}}}}}}}}, {{"id": "2", "title": {}"x"{}}}]}}"#,
        "[".repeat(levels),
        "]".repeat(levels),
        "{\"a\":".repeat(levels),
        "}".repeat(levels)
    );
    let report = validate_feed(JsValue::from_str(&text), options(&[])).expect("a feed");
    assert_eq!(
        count(&report, "items"),
        1,
        "the deep item is read, the other skipped"
    );
    assert_eq!(first(&report, "title"), "Deep");
}
