//! What the widget and the reader toolbar are both built from: the render context, elements,
//! the font and language controls and the reader's aids' (`aid_controls`), owned listeners,
//! announcements and host events, `Intl`, the sanitizing walker, printing, reading aloud
//! (`speech`).

pub(crate) mod aid_controls;
pub(crate) mod clean;
pub(crate) mod controls;
pub(crate) mod ctx;
pub(crate) mod intl;
pub(crate) mod later;
pub(crate) mod listen;
pub(crate) mod node;
pub(crate) mod notify;
pub(crate) mod print;
pub(crate) mod runtime;
pub(crate) mod speech;
