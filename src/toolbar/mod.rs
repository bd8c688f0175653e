//! The reader toolbar's pure parts: the stylesheet that scales the article (`text_zoom`), the
//! language control's links from the page's hreflang alternates (`alternates`), and what the
//! loader needs to hold the bar's place before the wasm arrives (`placeholder`).

pub mod alternates;
pub mod placeholder;
pub mod text_zoom;
