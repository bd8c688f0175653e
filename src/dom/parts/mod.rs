//! What the widget and the reader toolbar are both built from: the render context, elements,
//! the font and language controls, owned listeners, announcements and host events, `Intl`, the
//! sanitizing walker, printing.

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
