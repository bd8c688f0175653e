//! The reader toolbar's pure parts: its state machine (`state`), the stylesheet that scales the
//! article (`text_zoom`) and the language control's links from the page's hreflang alternates
//! (`alternates`).

pub mod alternates;
pub mod state;
pub mod text_zoom;
