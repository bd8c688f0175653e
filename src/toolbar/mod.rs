//! The reader toolbar's pure parts: its state machine (`state`), the stylesheets for the article
//! (`text_zoom` scales it, `reading_style` spaces its lines and sets its contrast) and the
//! language control's links from the page's hreflang alternates (`alternates`).

pub mod alternates;
pub mod reading_style;
pub mod state;
pub mod text_zoom;
