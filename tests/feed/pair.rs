// Specification of one feed per language: which feed a UI language reads, and which item of
// another language's feed is the same article.

use news_widget::feed::pair::{counterpart, feed_for_locale};
use news_widget::feed::{Alternate, Body, Feed, Item, Version};

fn feeds() -> Vec<(String, String)> {
    [
        ("zh", "/cn/rss.xml"),
        ("ko", "/kr/rss.xml"),
        ("en", "/en/rss.xml"),
    ]
    .iter()
    .map(|(t, u)| (t.to_string(), u.to_string()))
    .collect()
}

#[test]
fn exact_language_gets_its_feed() {
    assert_eq!(feed_for_locale(&feeds(), None, "ko"), Some("/kr/rss.xml"));
}

#[test]
fn region_variant_gets_the_language_feed() {
    assert_eq!(
        feed_for_locale(&feeds(), None, "ko-KR"),
        Some("/kr/rss.xml")
    );
    assert_eq!(
        feed_for_locale(&feeds(), None, "zh-CN"),
        Some("/cn/rss.xml")
    );
}

#[test]
fn traditional_chinese_prefers_its_own_feed_over_simplified() {
    let mut feeds = feeds();
    feeds.push(("zh-Hant".into(), "/tw/rss.xml".into()));
    assert_eq!(feed_for_locale(&feeds, None, "zh-TW"), Some("/tw/rss.xml"));
    assert_eq!(
        feed_for_locale(&feeds, None, "zh-Hans"),
        Some("/cn/rss.xml")
    );
}

#[test]
fn other_language_falls_back_to_the_feed_option() {
    assert_eq!(
        feed_for_locale(&feeds(), Some("/all.json"), "ja"),
        Some("/all.json")
    );
}

#[test]
fn other_language_without_a_feed_option_has_none_here() {
    assert_eq!(feed_for_locale(&feeds(), None, "ja"), None);
}

fn item(id: &str, url: &str, alternates: &[(&str, &str)]) -> Item {
    Item {
        id: id.into(),
        image: None,
        image_in_body: false,
        published: None,
        modified: None,
        versions: vec![Version {
            lang: None,
            title: id.into(),
            summary: None,
            body: Body::Empty,
            url: Some(url.into()),
            source: None,
            image_alt: None,
            base: None,
        }],
        alternates: alternates
            .iter()
            .map(|(l, u)| Alternate {
                lang: l.to_string(),
                url: u.to_string(),
            })
            .collect(),
    }
}

fn feed(items: Vec<Item>) -> Feed {
    Feed {
        title: None,
        home_page_url: None,
        language: None,
        items: items.into(),
    }
}

#[test]
fn same_guid_pairs() {
    let zh = item("news-1", "https://c.example/zh/1", &[]);
    let ko = feed(vec![
        item("news-2", "https://c.example/ko/2", &[]),
        item("news-1", "https://c.example/ko/1", &[]),
    ]);
    assert_eq!(
        counterpart(&zh, &ko).map(|i| i.versions[0].url.as_deref()),
        Some(Some("https://c.example/ko/1"))
    );
}

#[test]
fn alternate_link_of_the_open_item_pairs() {
    let zh = item(
        "zh-1",
        "https://c.example/zh/1",
        &[("ko", "https://c.example/ko/1")],
    );
    let ko = feed(vec![item("ko-1", "https://c.example/ko/1", &[])]);
    assert_eq!(counterpart(&zh, &ko).map(|i| i.id.as_str()), Some("ko-1"));
}

#[test]
fn alternate_link_of_the_other_item_pairs() {
    let zh = item("zh-1", "https://c.example/zh/1", &[]);
    let ko = feed(vec![item(
        "ko-1",
        "https://c.example/ko/1",
        &[("zh", "https://c.example/zh/1")],
    )]);
    assert_eq!(counterpart(&zh, &ko).map(|i| i.id.as_str()), Some("ko-1"));
}

#[test]
fn unrelated_items_do_not_pair() {
    let zh = item("zh-1", "https://c.example/zh/1", &[]);
    let ko = feed(vec![item("ko-9", "https://c.example/ko/9", &[])]);
    assert!(counterpart(&zh, &ko).is_none());
}
