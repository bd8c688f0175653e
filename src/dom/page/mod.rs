//! What a page holds once, and its JavaScript API: the widgets and toolbars mounted on it, the
//! reader's preferences, the shared resources and stylesheet, each host's shadow root, and what
//! the page says of languages.

#[cfg(feature = "widget")]
pub(crate) mod compiler;
#[cfg(feature = "widget")]
pub(crate) mod embed;
#[cfg(feature = "toolbar")]
pub(crate) mod embed_toolbar;
pub(crate) mod js_options;
pub(crate) mod languages;
#[cfg(feature = "widget")]
pub(crate) mod resources;
pub(crate) mod shadow;
pub(crate) mod site;
pub(crate) mod slot;
pub(crate) mod storage;
pub(crate) mod style;
pub(crate) mod tools;
