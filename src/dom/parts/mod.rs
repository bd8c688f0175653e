//! What the widget and the reader toolbar are both built from: the render context, elements,
//! the font and language controls and the reader's aids' (`aid_controls`), owned listeners,
//! announcements and host events, `Intl`, the sanitizing walker, printing, reading aloud
//! (`speech`).

#[cfg(feature = "page")]
pub(crate) mod aid_controls;
#[cfg(any(feature = "widget", feature = "print"))]
pub(crate) mod clean;
#[cfg(feature = "page")]
pub(crate) mod controls;
#[cfg(feature = "page")]
pub(crate) mod ctx;
#[cfg(feature = "page")]
pub(crate) mod intl;
#[cfg(feature = "page")]
pub(crate) mod later;
#[cfg(feature = "page")]
pub(crate) mod listen;
#[cfg(feature = "page")]
pub(crate) mod node;
#[cfg(feature = "page")]
pub(crate) mod notify;
#[cfg(feature = "page")]
pub(crate) mod print;
#[cfg(feature = "page")]
pub(crate) mod runtime;
#[cfg(feature = "page")]
pub(crate) mod speech;
