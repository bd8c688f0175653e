//! Where focus is in the widget, as the DOM layer reports it before each action, or where an
//! effect puts it: by the `data-key` of a control.

/// Where focus is (the `data-key` of the focused control), or should go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The loading message (focusable so that Retry keeps focus in the widget).
    Loading,
    Retry,
    ArticleTitle,
    /// A card's title button: `open:<id>`.
    Card(String),
    /// Any other control, by its key.
    Other(String),
}

impl Focus {
    pub fn key(&self) -> String {
        match self {
            Focus::Loading => "loading".into(),
            Focus::Retry => "retry".into(),
            Focus::ArticleTitle => "article-title".into(),
            Focus::Card(id) => ["open:", id].concat(),
            Focus::Other(key) => key.clone(),
        }
    }

    pub fn from_key(key: &str) -> Focus {
        match key {
            "loading" => Focus::Loading,
            "retry" => Focus::Retry,
            "article-title" => Focus::ArticleTitle,
            _ => match key.strip_prefix("open:") {
                Some(id) => Focus::Card(id.to_string()),
                None => Focus::Other(key.to_string()),
            },
        }
    }
}
