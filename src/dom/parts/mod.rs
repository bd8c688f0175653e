//! What the widget and the reader toolbar are both built from: the render context, elements,
//! the font and language controls and the reader's aids' (`aid_controls`), owned listeners,
//! announcements and host events, `Intl`, the sanitizing walker, printing and the printed copy
//! of a toolbar's article (`page_copy`), reading aloud (`speech`).

#[cfg(feature = "page")]
pub(crate) mod aid_controls;
#[cfg(any(feature = "widget", feature = "print"))]
pub(crate) mod clean;
#[cfg(feature = "page")]
pub(crate) mod controls;
#[cfg(feature = "page")]
pub(crate) mod ctx;
// The print module's copy uses the date format and the element builder, nothing else of them.
#[cfg(any(feature = "page", feature = "print"))]
#[cfg_attr(not(feature = "page"), allow(dead_code))]
pub(crate) mod intl;
#[cfg(feature = "page")]
pub(crate) mod later;
#[cfg(feature = "page")]
pub(crate) mod listen;
#[cfg(any(feature = "page", feature = "print"))]
#[cfg_attr(not(feature = "page"), allow(dead_code))]
pub(crate) mod node;
#[cfg(feature = "page")]
pub(crate) mod notify;
#[cfg(any(feature = "toolbar", feature = "print"))]
pub(crate) mod page_copy;
#[cfg(any(feature = "page", feature = "print"))]
pub(crate) mod print;
#[cfg(feature = "page")]
pub(crate) mod runtime;
#[cfg(feature = "page")]
pub(crate) mod speech;
