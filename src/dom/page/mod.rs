//! What a page holds once, and its JavaScript API: the widgets and toolbars mounted on it, the
//! reader's preferences, the shared resources and stylesheet, each host's shadow root, and what
//! the page says of languages.

pub(crate) mod compiler;
pub(crate) mod embed;
pub(crate) mod embed_toolbar;
pub(crate) mod languages;
pub(crate) mod shadow;
pub(crate) mod site;
pub(crate) mod slot;
pub(crate) mod storage;
pub(crate) mod style;
