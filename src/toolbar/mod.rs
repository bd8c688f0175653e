//! The reader toolbar's pure parts: its state machine (`state`), the stylesheets for the article
//! (`text_zoom` scales it, `reading_style` spaces its lines and sets its contrast), the language
//! control's links from the page's hreflang alternates (`alternates`), and what the loader needs
//! to hold the bar's place before the wasm arrives (`placeholder`).

pub mod alternates;
pub mod placeholder;
pub mod reading_style;
pub mod state;
pub mod text_zoom;

/// The message the toolbar says when the article's copy for Print could not be made (in the
/// toolbar's file alone: the widget's module has the walker and never waits for one).
pub const PRINT_NOT_LOADED: &str = "print-not-loaded";
