// The UI language a widget or toolbar negotiates when it mounts: the page's setting alone when
// it names one, else the reader's requests in order, among the locales with resources and the
// languages a `locales` template may bring.

use news_widget::i18n::built_in_locales;
use news_widget::ui_language::{negotiate, with_offered};

fn requests(tags: &[&str]) -> Vec<String> {
    tags.iter().map(|t| t.to_string()).collect()
}

fn negotiated(option: Option<&str>, asked: &[&str], offered: &[&str]) -> String {
    let candidates = with_offered(&built_in_locales(), &requests(offered));
    negotiate(option, &requests(asked), &candidates).to_string()
}

#[test]
fn the_first_request_with_a_locale_wins() {
    assert_eq!(negotiated(None, &["fr", "ko", "zh"], &[]), "ko-KR");
}

#[test]
fn the_page_s_setting_stands_alone() {
    assert_eq!(negotiated(Some("zh"), &["ko"], &[]), "zh-CN");
    assert_eq!(
        negotiated(Some("fr"), &["ko"], &[]),
        "en-US",
        "a setting the widget cannot speak is English, not the reader's requests"
    );
}

#[test]
fn a_language_the_locales_template_may_bring_counts() {
    assert_eq!(negotiated(None, &["ja", "ko"], &["ja"]), "ja");
    assert_eq!(negotiated(None, &["ja", "ko"], &[]), "ko-KR");
}

#[test]
fn nothing_matching_is_english() {
    assert_eq!(negotiated(None, &[], &[]), "en-US");
    assert_eq!(negotiated(None, &["not a tag!"], &[]), "en-US");
}
