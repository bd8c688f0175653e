//! A widget's model as the state tests start it: one feed, the three built-in languages, two
//! cards a page, an English-speaking browser.

use news_widget::contract::FontStep;
use news_widget::options::Options;
use news_widget::state::{negotiate, Model, Sources};
use unic_langid::LanguageIdentifier;

pub const FEED: &str = "https://city.example/news.json";

pub fn tag(tag: &str) -> LanguageIdentifier {
    tag.parse().unwrap()
}

pub fn built_in() -> Vec<LanguageIdentifier> {
    vec![tag("en-US"), tag("zh-CN"), tag("ko-KR")]
}

pub fn options() -> Options {
    Options {
        feed: Some(FEED.into()),
        lang: None,
        page_size: 2,
        article: None,
        locales: None,
        languages: vec!["en-US".into(), "zh-CN".into(), "ko-KR".into()],
        feeds: Vec::new(),
        timezone: None,
        timeout_ms: 10_000,
    }
}

pub fn model_with(options: Options) -> Model {
    let sources = Sources {
        default: options.feed.clone(),
        by_language: options.feeds.clone(),
    };
    let locale = negotiate(&options, &["en-US".to_string()], &built_in());
    Model::new(options, sources, locale, built_in(), FontStep::DEFAULT)
}
