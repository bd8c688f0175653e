// Specification of an item as a reader in one language sees it: the version, whether it is
// marked as another language with the untranslated notice, which body, and the picture's base.

use news_widget::feed::{Body, Item, Version};

fn version(lang: Option<&str>, title: &str, body: Body) -> Version {
    Version {
        lang: lang.map(str::to_string),
        title: title.into(),
        summary: None,
        body,
        url: None,
        source: None,
        image_alt: None,
        base: None,
    }
}

fn item(versions: Vec<Version>) -> Item {
    Item {
        id: "a".into(),
        image: None,
        image_in_body: false,
        published: None,
        modified: None,
        versions,
        alternates: Vec::new(),
    }
}

fn bilingual() -> Item {
    item(vec![
        version(Some("zh-CN"), "长春", Body::Html("<p>正文</p>".into())),
        version(Some("ko"), "창춘", Body::Html("<p>본문</p>".into())),
    ])
}

#[test]
fn the_reader_s_language_is_shown_without_a_lang_or_notice() {
    let item = bilingual();
    let shown = item.present("ko-KR");
    assert_eq!(shown.version.title, "창춘");
    assert_eq!(shown.lang, None);
    assert!(!shown.untranslated);
}

#[test]
fn another_language_is_marked_with_its_lang_and_the_notice() {
    let item = bilingual();
    let shown = item.present("en-US");
    assert_eq!(shown.version.title, "长春");
    assert_eq!(shown.lang, Some("zh-CN"));
    assert!(shown.untranslated);
}

#[test]
fn a_translation_without_a_body_shows_the_original_s_marked_with_its_language() {
    let item = item(vec![
        version(Some("zh-CN"), "长春", Body::Html("<p>正文</p>".into())),
        version(Some("en"), "Changchun", Body::Empty),
    ]);
    let shown = item.present("en-US");
    assert_eq!(shown.version.title, "Changchun");
    assert_eq!(shown.lang, None);
    assert_eq!(shown.body, &Body::Html("<p>正文</p>".into()));
    assert_eq!(shown.body_lang, Some("zh-CN"));
    assert!(
        shown.untranslated,
        "the body is not in the reader's language"
    );
}

#[test]
fn a_feed_that_never_says_its_language_is_the_page_s() {
    let item = item(vec![version(None, "News", Body::Text("Text".into()))]);
    let shown = item.present("ko-KR");
    assert_eq!(shown.lang, None);
    assert!(!shown.untranslated);
}

#[test]
fn the_picture_resolves_against_the_original_s_body_base() {
    let mut original = version(Some("zh-CN"), "长春", Body::Text("x".into()));
    original.base = Some("https://city.example/cn/".into());
    let item = item(vec![original, version(Some("ko"), "창춘", Body::Empty)]);
    assert_eq!(
        item.present("ko").image_base,
        Some("https://city.example/cn/")
    );
}

#[test]
fn a_picture_taken_from_the_body_is_in_the_article_once_where_that_body_is_shown() {
    let mut item = item(vec![
        version(
            Some("zh-CN"),
            "长春",
            Body::Html("<p><img src=a.jpg>正文</p>".into()),
        ),
        version(Some("ko"), "창춘", Body::Html("<p>본문</p>".into())),
        version(Some("en"), "Changchun", Body::Empty),
    ]);
    item.image = Some("a.jpg".into());
    item.image_in_body = true;
    assert!(
        item.present("zh-CN").image_in_body,
        "the original's body has it"
    );
    assert!(
        item.present("en").image_in_body,
        "a translation showing the original's body"
    );
    assert!(
        !item.present("ko").image_in_body,
        "a translation with its own body does not"
    );
    item.image_in_body = false;
    assert!(
        !item.present("zh-CN").image_in_body,
        "a picture the feed named"
    );
}

#[test]
fn a_body_resolves_against_the_version_whose_body_it_is() {
    let mut original = version(Some("zh-CN"), "长春", Body::Html("<p>正文</p>".into()));
    original.url = Some("https://example.org/zh/1.html".into());
    let mut english = version(Some("en"), "Changchun", Body::Empty);
    english.url = Some("https://example.org/en/1.html".into());
    let mut korean = version(Some("ko"), "창춘", Body::Html("<p>본문</p>".into()));
    korean.url = Some("https://example.org/ko/1.html".into());
    let item = item(vec![original, english, korean]);
    let url = |locale| item.present(locale).body_version.url.clone();
    assert_eq!(
        url("en").as_deref(),
        Some("https://example.org/zh/1.html"),
        "the original's body"
    );
    assert_eq!(
        url("ko").as_deref(),
        Some("https://example.org/ko/1.html"),
        "its own"
    );
    assert_eq!(
        url("zh-CN").as_deref(),
        Some("https://example.org/zh/1.html")
    );
}
