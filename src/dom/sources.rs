//! Which feed a widget reads: the `feed` option, or one feed per language (`feed-<lang>`,
//! CONTRACT §1) chosen by the UI language, with each language's feed kept once fetched so
//! that switching back costs no request.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::Document;

use crate::feed::pair::feed_for_locale;
use crate::feed::Feed;

pub struct FeedSources {
    /// Absolute URL of the `feed` option; empty when it was not given.
    default: String,
    /// (tag, absolute URL) of the `feed-<lang>` options.
    by_language: Vec<(String, String)>,
    kept: RefCell<Vec<(String, Rc<Feed>)>>,
}

fn absolute(url: &str, doc: &Document) -> Option<String> {
    let base = doc.base_uri().ok().flatten().unwrap_or_default();
    web_sys::Url::new_with_base(url, &base)
        .ok()
        .map(|u| u.href())
}

impl FeedSources {
    pub fn new(feed: Option<&str>, feeds: &[(String, String)], doc: &Document) -> FeedSources {
        FeedSources {
            default: feed.and_then(|f| absolute(f, doc)).unwrap_or_default(),
            by_language: feeds
                .iter()
                .filter_map(|(tag, url)| Some((tag.clone(), absolute(url, doc)?)))
                .collect(),
            kept: RefCell::new(Vec::new()),
        }
    }

    /// The feed URL for a UI in `locale`; empty when the widget was given none.
    pub fn url_for(&self, locale: &str) -> String {
        let default = (!self.default.is_empty()).then_some(self.default.as_str());
        feed_for_locale(&self.by_language, default, locale)
            // Per-language feeds only, and none for this language: the first one is the list.
            .or_else(|| self.by_language.first().map(|(_, url)| url.as_str()))
            .unwrap_or_default()
            .to_owned()
    }

    pub fn per_language(&self) -> bool {
        !self.by_language.is_empty()
    }

    /// The feed read from `url` earlier, when the widget has several.
    pub fn kept(&self, url: &str) -> Option<Rc<Feed>> {
        self.kept
            .borrow()
            .iter()
            .find(|(u, _)| u == url)
            .map(|(_, f)| Rc::clone(f))
    }

    pub fn keep(&self, url: &str, feed: &Rc<Feed>) {
        if !self.per_language() {
            return;
        }
        let mut kept = self.kept.borrow_mut();
        kept.retain(|(u, _)| u != url);
        kept.push((url.to_owned(), Rc::clone(feed)));
    }

    /// Forgets what was kept: `reload()` and Retry read every feed afresh.
    pub fn forget(&self) {
        self.kept.borrow_mut().clear();
    }
}
