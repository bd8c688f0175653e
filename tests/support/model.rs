//! A widget's model as the state tests start it: one feed, the three built-in languages, two
//! cards a page, an English-speaking browser; and the feeds its answers bring.

use news_widget::contract::FontStep;
use news_widget::feed::{Body, Feed, FeedFormat, FeedOutcome, Item, Items, Version};
use news_widget::lang::LanguageIdentifier;
use news_widget::options::Options;
use news_widget::reading_aids::Aids;
use news_widget::state::{Model, Sources};
use news_widget::ui_language::{negotiate, with_offered};

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

/// The options of a site that offers Japanese through run-time resources (`locales`), the UI
/// set to `lang` or negotiated.
pub fn with_site_locales(lang: Option<&str>) -> Options {
    Options {
        lang: lang.map(str::to_string),
        locales: Some("/l10n/{locale}.ftl".into()),
        languages: vec!["en-US".into(), "ja".into()],
        ..options()
    }
}

pub fn model_with(options: Options) -> Model {
    let sources = Sources {
        default: options.feed.clone(),
        by_language: options.feeds.clone(),
    };
    let offered = if options.locales.is_some() {
        options.languages.clone()
    } else {
        Vec::new()
    };
    let locale = negotiate(
        options.lang.as_deref(),
        &["en-US".to_string()],
        &with_offered(&built_in(), &offered),
    );
    Model::new(
        options,
        sources,
        locale,
        built_in(),
        FontStep::DEFAULT,
        Aids::default(),
    )
}

pub fn item(id: &str) -> Item {
    Item {
        id: id.into(),
        image: None,
        image_in_body: false,
        published: None,
        modified: None,
        versions: vec![Version {
            lang: None,
            title: format!("Title {id}"),
            summary: None,
            body: Body::Text("Body".into()),
            url: Some(format!("https://city.example/{id}.html")),
            source: None,
            image_alt: None,
            base: None,
        }],
        alternates: Vec::new(),
    }
}

/// A feed of these articles, as a read of it turns out.
pub fn outcome(ids: &[&str]) -> FeedOutcome {
    outcome_of(ids.iter().map(|id| item(id)).collect())
}

/// A JSON Feed of these items that read without warnings.
pub fn outcome_of(items: Items) -> FeedOutcome {
    FeedOutcome {
        format: FeedFormat::JsonFeed,
        feed: Feed {
            title: None,
            home_page_url: None,
            language: None,
            items,
        },
        warnings: Vec::new(),
        notes: Vec::new(),
    }
}
