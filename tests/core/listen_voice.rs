//! Which voice reads an article, natively: the language first, Chinese by spoken variety and
//! script, then region, device over server, the default; none rather than a wrong one.
use news_widget::listen::voice::{choose, Voice};

fn voice(name: &str, lang: &str, local: bool) -> Voice {
    Voice {
        uri: format!("uri:{name}"),
        name: name.into(),
        lang: lang.into(),
        local,
        default: false,
    }
}

fn chosen<'a>(article: &str, voices: &'a [Voice]) -> Option<&'a str> {
    choose(article, voices).map(|i| voices[i].name.as_str())
}

/// Chrome on Windows, English UI: Microsoft's voices on the device, Google's on its server.
fn windows_chrome() -> Vec<Voice> {
    let mut voices = vec![
        voice("Microsoft David", "en-US", true),
        voice("Microsoft Huihui", "zh-CN", true),
        voice("Microsoft Heami", "ko-KR", true),
        voice("Google US English", "en-US", false),
        voice("Google UK English Female", "en-GB", false),
        voice("Google 普通话（中国大陆）", "zh-CN", false),
        voice("Google 粤語（香港）", "zh-HK", false),
        voice("Google 國語（臺灣）", "zh-TW", false),
        voice("Google 한국의", "ko-KR", false),
    ];
    voices[0].default = true;
    voices
}

#[test]
fn simplified_chinese_gets_a_mainland_voice_on_the_device() {
    assert_eq!(chosen("zh-CN", &windows_chrome()), Some("Microsoft Huihui"));
    assert_eq!(chosen("zh", &windows_chrome()), Some("Microsoft Huihui"));
    assert_eq!(
        chosen("zh-Hans", &windows_chrome()),
        Some("Microsoft Huihui")
    );
}

#[test]
fn traditional_chinese_gets_the_taiwan_voice() {
    assert_eq!(
        chosen("zh-TW", &windows_chrome()),
        Some("Google 國語（臺灣）")
    );
    assert_eq!(
        chosen("zh-Hant", &windows_chrome()),
        Some("Google 國語（臺灣）")
    );
}

#[test]
fn hong_kong_chinese_gets_the_cantonese_voice() {
    assert_eq!(
        chosen("zh-HK", &windows_chrome()),
        Some("Google 粤語（香港）")
    );
    assert_eq!(
        chosen("yue", &windows_chrome()),
        Some("Google 粤語（香港）")
    );
}

#[test]
fn hong_kong_chinese_falls_back_to_mandarin_in_traditional_script() {
    let voices = [
        voice("Huihui", "zh-CN", true),
        voice("Yating", "zh-TW", true),
    ];
    assert_eq!(chosen("zh-HK", &voices), Some("Yating"));
}

#[test]
fn a_cantonese_voice_never_reads_mandarin_text() {
    let voices = [voice("Sinji", "zh-HK", true), voice("Aaron", "en-US", true)];
    assert_eq!(chosen("zh-CN", &voices), None);
    assert_eq!(chosen("zh-TW", &voices), None);
}

#[test]
fn a_traditional_mandarin_voice_reads_simplified_when_it_is_the_only_one() {
    let voices = [
        voice("Meijia", "zh-TW", true),
        voice("Aaron", "en-US", true),
    ];
    assert_eq!(chosen("zh-CN", &voices), Some("Meijia"));
}

#[test]
fn simplified_script_wins_over_traditional_for_a_simplified_article() {
    let voices = [
        voice("Meijia", "zh-TW", true),
        voice("Singapore", "zh-SG", true),
    ];
    assert_eq!(chosen("zh-CN", &voices), Some("Singapore"));
}

#[test]
fn android_and_linux_tag_forms_are_read() {
    let voices = [
        voice("android", "cmn_CN", false),
        voice("espeak", "cmn-Hans-CN", true),
        voice("korean", "ko_KR", false),
    ];
    assert_eq!(chosen("zh-CN", &voices), Some("espeak"));
    assert_eq!(chosen("ko-KR", &voices), Some("korean"));
}

#[test]
fn korean_gets_a_korean_voice_on_the_device() {
    assert_eq!(chosen("ko", &windows_chrome()), Some("Microsoft Heami"));
}

#[test]
fn an_exact_tag_wins_over_a_voice_on_the_device() {
    assert_eq!(
        chosen("en-GB", &windows_chrome()),
        Some("Google UK English Female")
    );
}

#[test]
fn english_without_a_region_prefers_the_us_and_the_device() {
    assert_eq!(chosen("en", &windows_chrome()), Some("Microsoft David"));
}

#[test]
fn the_default_voice_breaks_a_tie() {
    let mut voices = vec![voice("A", "ko-KR", true), voice("B", "ko-KR", true)];
    assert_eq!(chosen("ko", &voices), Some("A"), "else the list's order");
    voices[1].default = true;
    assert_eq!(chosen("ko", &voices), Some("B"));
}

#[test]
fn no_voice_for_the_language_is_none_not_an_english_one() {
    let voices = [
        voice("Aaron", "en-US", true),
        voice("Samantha", "en-US", true),
    ];
    assert_eq!(chosen("zh-CN", &voices), None);
    assert_eq!(chosen("ko", &voices), None);
    assert_eq!(chosen("ko", &[]), None);
}

#[test]
fn a_voice_without_a_language_reads_nothing() {
    assert_eq!(chosen("en", &[voice("mystery", "", true)]), None);
    assert_eq!(chosen("", &[voice("mystery", "", true)]), None);
}
