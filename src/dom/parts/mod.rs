//! What the widget and the reader toolbar are both built from: elements, owned listeners,
//! announcements and host events, `Intl`, the sanitizing walker, the font controls, printing.

pub(crate) mod clean;
pub(crate) mod font_controls;
pub(crate) mod intl;
pub(crate) mod listen;
pub(crate) mod node;
pub(crate) mod notify;
pub(crate) mod print;
