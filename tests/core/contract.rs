// The public interface defined once: events, kinds and the font step as `src/contract/` names
// them (the loader's copy is `loader_block`'s), and options read by the rules of
// docs/interface.md#options.

use std::collections::HashMap;

use news_widget::contract::{
    Contrast, ErrorKind, Event, FontStep, LineSpacing, ListenState, OptionName, Source, Value,
};
use news_widget::options::{BadFeedKey, Change, OptionValues, Options};

/// Option values as a page would give them: property name → text.
struct Given(HashMap<&'static str, &'static str>, Vec<(String, String)>);

impl OptionValues for Given {
    fn text(&self, name: OptionName) -> Option<String> {
        self.0
            .get(name.property)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }
    fn number(&self, name: OptionName) -> Option<f64> {
        self.text(name)?.parse().ok()
    }
    fn feeds(&self) -> Vec<(String, String)> {
        self.1.clone()
    }
}

fn read(pairs: &[(&'static str, &'static str)]) -> Options {
    Options::read(
        &Given(pairs.iter().copied().collect(), Vec::new()),
        &mut Vec::new(),
    )
}

#[test]
fn defaults_are_ten_cards_auto_language_the_three_languages_and_ten_seconds() {
    let options = read(&[]);
    assert_eq!(options.page_size, 10);
    assert_eq!(options.lang, None);
    assert_eq!(options.languages, ["en-US", "zh-CN", "ko-KR"]);
    assert_eq!(options.timeout_ms, 10_000);
}

#[test]
fn lang_auto_is_no_lang() {
    assert_eq!(read(&[("lang", "AUTO")]).lang, None);
    assert_eq!(read(&[("lang", "ko")]).lang.as_deref(), Some("ko"));
}

#[test]
fn a_page_size_out_of_range_is_the_default() {
    assert_eq!(read(&[("pageSize", "0")]).page_size, 10);
    assert_eq!(read(&[("pageSize", "101")]).page_size, 10);
    assert_eq!(read(&[("pageSize", "lots")]).page_size, 10);
    assert_eq!(read(&[("pageSize", "100")]).page_size, 100);
}

#[test]
fn languages_are_split_on_commas_and_spaces() {
    assert_eq!(
        read(&[("languages", "zh, ko en")]).languages,
        ["zh", "ko", "en"]
    );
}

#[test]
fn a_timeout_in_seconds_allows_fractions() {
    assert_eq!(read(&[("timeout", "2.5")]).timeout_ms, 2_500);
}

#[test]
fn per_language_feeds_under_a_key_that_is_no_tag_are_skipped_and_reported() {
    let given = Given(
        HashMap::new(),
        vec![
            ("zh".into(), "/cn.xml".into()),
            ("not a tag".into(), "/x.xml".into()),
            ("ko".into(), String::new()),
        ],
    );
    let mut problems = Vec::new();
    let options = Options::read(&given, &mut problems);
    assert_eq!(options.feeds, [("zh".to_string(), "/cn.xml".to_string())]);
    assert_eq!(
        problems,
        [BadFeedKey {
            key: "not a tag".into()
        }]
    );
}

#[test]
fn a_megabyte_feed_key_is_reported_briefly_by_its_start() {
    let key = format!("zh_CN {}", "x".repeat(1 << 20));
    let given = Given(HashMap::new(), vec![(key.clone(), "/x.xml".into())]);
    let mut problems = Vec::new();
    Options::read(&given, &mut problems);
    assert_eq!(problems, [BadFeedKey { key }]);
    let message = problems[0].to_string();
    assert!(message.len() < 200, "{} bytes", message.len());
    assert!(message.starts_with("feeds option \"zh_CN xxx"), "{message}");
}

#[test]
fn the_same_options_again_change_nothing_another_lang_switches_others_remount() {
    let base = read(&[("feed", "/a.json")]);
    assert_eq!(base.change_to(&read(&[("feed", "/a.json")])), Change::None);
    assert_eq!(
        base.change_to(&read(&[("feed", "/a.json"), ("lang", "ko")])),
        Change::Language("ko".into())
    );
    assert_eq!(
        base.change_to(&read(&[("feed", "/b.json")])),
        Change::Remount
    );
    let korean = read(&[("feed", "/a.json"), ("lang", "ko")]);
    assert_eq!(
        korean.change_to(&read(&[("feed", "/a.json")])),
        Change::Remount,
        "back to auto negotiates afresh"
    );
}

#[test]
fn events_carry_the_details_of_contract_section_2() {
    assert_eq!(
        Event::Ready {
            source: Source::Kept
        }
        .detail(),
        [("source", Value::Text("kept".into()))]
    );
    assert_eq!(
        Event::FontSizeChange {
            step: FontStep::clamped(1)
        }
        .detail(),
        [
            ("step", Value::Number(1.0)),
            ("scale", Value::Number(1.125))
        ]
    );
    let error = Event::Error {
        kind: ErrorKind::Timeout,
        message: "m".into(),
        kept: true,
    };
    assert_eq!(error.name(), "news-widget:error");
    assert_eq!(
        error.detail(),
        [
            ("kind", Value::Text("timeout".into())),
            ("message", Value::Text("m".into())),
            ("kept", Value::Bool(true)),
        ]
    );
}

#[test]
fn error_kinds_have_their_contract_names() {
    let names: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(
        names,
        ["config", "load", "network", "timeout", "http", "feed", "locale", "crash"]
    );
}

#[test]
fn options_are_data_attributes_on_a_plain_element_and_bare_on_the_custom_elements() {
    use news_widget::contract::{attribute_prefix, TOOLBAR_ELEMENT, WIDGET_ELEMENT};
    assert_eq!(attribute_prefix("div"), "data-");
    assert_eq!(attribute_prefix("section"), "data-");
    assert_eq!(attribute_prefix(WIDGET_ELEMENT), "");
    assert_eq!(attribute_prefix(TOOLBAR_ELEMENT), "");
    assert_eq!(attribute_prefix("news-widgets"), "data-");
}

#[test]
fn line_spacing_and_contrast_events_carry_the_api_s_values() {
    let spacing = Event::LineSpacingChange {
        spacing: LineSpacing::OneAndHalf,
    };
    assert_eq!(spacing.name(), "news-widget:linespacingchange");
    assert_eq!(spacing.detail(), [("lineSpacing", Value::Number(1.5))]);
    let contrast = Event::ContrastChange {
        contrast: Contrast::LightOnDark,
    };
    assert_eq!(contrast.name(), "news-widget:contrastchange");
    assert_eq!(
        contrast.detail(),
        [("contrast", Value::Text("light-on-dark".into()))]
    );
}

#[test]
fn listen_events_name_the_state() {
    let names: Vec<(&str, Vec<(&str, Value)>)> = [
        ListenState::Reading,
        ListenState::Paused,
        ListenState::Stopped,
    ]
    .into_iter()
    .map(|state| {
        let event = Event::ListenChange { state };
        (event.name(), event.detail())
    })
    .collect();
    assert_eq!(
        names,
        [
            (
                "news-widget:listenchange",
                vec![("state", Value::Text("reading".into()))]
            ),
            (
                "news-widget:listenchange",
                vec![("state", Value::Text("paused".into()))]
            ),
            (
                "news-widget:listenchange",
                vec![("state", Value::Text("stopped".into()))]
            ),
        ]
    );
}

#[test]
fn line_spacings_are_the_api_s_numbers() {
    let numbers: Vec<(f64, &str)> = LineSpacing::ALL
        .iter()
        .map(|s| (s.number(), s.name()))
        .collect();
    assert_eq!(numbers, [(1.0, "1"), (1.5, "1.5"), (2.0, "2")]);
    assert_eq!(LineSpacing::default(), LineSpacing::Normal);
}

#[test]
fn an_api_line_spacing_is_the_nearest_one() {
    let nearest = |v: f64| LineSpacing::nearest(v);
    assert_eq!(nearest(1.0), Some(LineSpacing::Normal));
    assert_eq!(nearest(0.0), Some(LineSpacing::Normal));
    assert_eq!(nearest(1.2), Some(LineSpacing::Normal));
    assert_eq!(nearest(1.25), Some(LineSpacing::OneAndHalf));
    assert_eq!(nearest(1.5), Some(LineSpacing::OneAndHalf));
    assert_eq!(nearest(1.75), Some(LineSpacing::Double));
    assert_eq!(nearest(9.0), Some(LineSpacing::Double));
    assert_eq!(nearest(f64::NAN), None);
}

#[test]
fn wider_spacings_meet_wcag_1_4_12_and_grow_past_the_widget_s_own() {
    // The widget's own line heights: 1.6 for its text, 1.75 for an article's body.
    let mut last = 1.75;
    for spacing in [LineSpacing::OneAndHalf, LineSpacing::Double] {
        let line: f64 = spacing
            .line_height_css()
            .expect("a value")
            .parse()
            .expect("a number");
        let paragraph: f64 = spacing
            .paragraph_spacing_css()
            .expect("a value")
            .trim_end_matches("em")
            .parse()
            .expect("a number");
        assert!(line >= 1.5 && line > last, "{spacing:?}: {line}");
        assert!(
            paragraph >= 2.0 && paragraph >= line,
            "{spacing:?}: {paragraph}"
        );
        last = line;
    }
    assert_eq!(LineSpacing::Normal.line_height_css(), None);
    assert_eq!(LineSpacing::Normal.paragraph_spacing_css(), None);
}

#[test]
fn contrast_names_are_the_api_s_and_nothing_else_is_one() {
    let names: Vec<&str> = Contrast::ALL.iter().map(|c| c.name()).collect();
    assert_eq!(names, ["site", "dark-on-light", "light-on-dark"]);
    for contrast in Contrast::ALL {
        assert_eq!(Contrast::from_name(contrast.name()), Some(contrast));
    }
    assert_eq!(Contrast::from_name("high"), None);
    assert_eq!(Contrast::from_name("Dark-On-Light"), None);
    assert_eq!(Contrast::default(), Contrast::Site);
}

#[test]
fn a_script_s_font_step_clamps_at_any_size_and_nan_is_none() {
    assert_eq!(FontStep::from_number(f64::INFINITY), Some(FontStep::MAX));
    assert_eq!(
        FontStep::from_number(f64::NEG_INFINITY),
        Some(FontStep::MIN)
    );
    assert_eq!(FontStep::from_number(1e300), Some(FontStep::MAX));
    assert_eq!(FontStep::from_number(2.7), Some(FontStep::clamped(2)));
    assert_eq!(FontStep::from_number(-0.5), Some(FontStep::DEFAULT));
    assert_eq!(FontStep::from_number(f64::NAN), None);
}
