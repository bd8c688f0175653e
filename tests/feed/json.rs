// The JSON Feed reader (`feed::read_header`, `read_items`, `read_item`): what each field accepts,
// and the mismatch that names where a badly typed value is.

use crate::support::json_node::Node;
use news_widget::feed::{read_header, read_item, read_items, JsonMismatch, RawItem};
use serde_json::{json, Value};

fn item(value: Value) -> Result<RawItem, JsonMismatch> {
    read_item(&Node(&value))
}

fn mismatch(value: Value) -> String {
    item(value).expect_err("a mismatch").to_string()
}

#[test]
fn absent_and_null_fields_are_none() {
    let raw = item(json!({"id": "a", "title": null})).unwrap();
    assert_eq!(raw.id.as_deref(), Some("a"));
    assert_eq!(raw.title, None);
    assert_eq!(raw.url, None);
    assert!(raw.extension.is_none());
}

#[test]
fn whole_number_ids_become_strings() {
    assert_eq!(item(json!({"id": 42})).unwrap().id.as_deref(), Some("42"));
    assert_eq!(item(json!({"id": -7})).unwrap().id.as_deref(), Some("-7"));
    // Written as a float but whole: JS has no other numbers.
    assert_eq!(item(json!({"id": 3.0})).unwrap().id.as_deref(), Some("3"));
}

#[test]
fn fractional_and_boolean_ids_are_mismatches() {
    assert_eq!(
        mismatch(json!({"id": 1.5})),
        "invalid type: a number with a fraction, expected a string or a whole number at \"id\""
    );
    assert_eq!(
        mismatch(json!({"id": true})),
        "invalid type: a boolean, expected a string at \"id\""
    );
}

#[test]
fn a_number_where_a_string_belongs_names_the_field() {
    assert_eq!(
        mismatch(json!({"id": "a", "title": 7})),
        "invalid type: a number, expected a string at \"title\""
    );
}

#[test]
fn nested_mismatches_name_their_path() {
    assert_eq!(
        mismatch(json!({"authors": [{"name": "A"}, {"name": ["B"]}]})),
        "invalid type: an array, expected a string at \"authors.1.name\""
    );
    assert_eq!(
        mismatch(json!({"_news_widget": {"translations": {"ko": {"title": {}}}}})),
        "invalid type: an object, expected a string at \"_news_widget.translations.ko.title\""
    );
    assert_eq!(
        mismatch(json!({"authors": "Ann"})),
        "invalid type: a string, expected an array at \"authors\""
    );
}

#[test]
fn an_item_that_is_not_an_object_is_a_mismatch() {
    assert_eq!(
        mismatch(json!("just text")),
        "invalid type: a string, expected an object"
    );
    assert_eq!(
        mismatch(json!(null)),
        "invalid type: null, expected an object"
    );
}

#[test]
fn translations_are_read_in_document_order_with_their_fields() {
    let raw = item(
        json!({"_news_widget": {"image_alt": "alt", "translations": {
            "zh-CN": {"title": "中", "source": "长春市外办", "image_alt": "图"},
            "ko": {"title": "한", "url": "https://example.kr/1"},
            "en": {"content_text": "Text"}
        }}}),
    )
    .unwrap();
    let extension = raw.extension.unwrap();
    assert_eq!(extension.image_alt.as_deref(), Some("alt"));
    let pairs = extension.translations.unwrap().0;
    let tags: Vec<_> = pairs.iter().map(|(tag, _)| tag.as_str()).collect();
    assert_eq!(tags, ["zh-CN", "ko", "en"]);
    assert_eq!(pairs[0].1.source.as_deref(), Some("长春市外办"));
    assert_eq!(pairs[0].1.image_alt.as_deref(), Some("图"));
    assert_eq!(pairs[1].1.url.as_deref(), Some("https://example.kr/1"));
    assert_eq!(pairs[2].1.content_text.as_deref(), Some("Text"));
}

#[test]
fn a_null_translation_is_a_mismatch() {
    assert_eq!(
        mismatch(json!({"_news_widget": {"translations": {"ko": null}}})),
        "invalid type: null, expected an object at \"_news_widget.translations.ko\""
    );
}

#[test]
fn json_feed_1_0_author_and_1_1_authors_are_both_read() {
    let raw = item(json!({"author": {"name": "One"}, "authors": [{"name": "Two"}, {}]})).unwrap();
    assert_eq!(raw.author.unwrap().name.as_deref(), Some("One"));
    let names: Vec<_> = raw.authors.unwrap().into_iter().map(|a| a.name).collect();
    assert_eq!(names, [Some("Two".to_owned()), None]);
}

#[test]
fn the_header_must_be_an_object() {
    let root = json!([{"version": "https://jsonfeed.org/version/1.1"}]);
    assert_eq!(
        read_header(&Node(&root)).unwrap_err().to_string(),
        "invalid type: an array, expected an object"
    );
}

#[test]
fn the_header_reads_its_fields_and_unknown_ones_are_ignored() {
    let root = json!({"version": "v", "title": "T", "home_page_url": "https://h", "language": "ko",
                      "icon": 5, "authors": [{"name": "CCFAO"}]});
    let header = read_header(&Node(&root)).unwrap();
    assert_eq!(header.version.as_deref(), Some("v"));
    assert_eq!(header.title.as_deref(), Some("T"));
    assert_eq!(header.home_page_url.as_deref(), Some("https://h"));
    assert_eq!(header.language.as_deref(), Some("ko"));
    assert_eq!(header.authors.unwrap()[0].name.as_deref(), Some("CCFAO"));
}

#[test]
fn items_are_read_one_by_one_and_only_from_an_array() {
    let root = json!({"items": [{"id": "a"}, {"id": 1.5}, 7]});
    let items = read_items(&Node(&root)).unwrap();
    assert_eq!(items.len(), 3);
    assert!(items[0].is_ok());
    assert!(items[1].is_err());
    assert!(items[2].is_err());
    assert!(read_items(&Node(&json!({"items": {"a": 1}}))).is_none());
    assert!(read_items(&Node(&json!({}))).is_none());
}
