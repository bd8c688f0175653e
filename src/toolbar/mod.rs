//! The reader toolbar's pure parts: its state machine (`state`), the stylesheets for the article
//! (`text_zoom` scales it, `reading_style` spaces its lines and sets its contrast), the language
//! control's links from the page's hreflang alternates (`alternates`), and what the loader needs
//! to hold the bar's place before the wasm arrives (`placeholder`).

pub mod alternates;
pub mod placeholder;
pub mod reading_style;
pub mod state;
pub mod text_zoom;
