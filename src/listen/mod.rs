//! Reading an article aloud with the browser's speech synthesis, without the DOM: the reading
//! plan (`plan`: the article's text cut into utterances by `sentence`'s rules, each with its
//! places in the DOM's text for the highlight) and the voice that reads it (`voice`).

pub mod plan;
pub mod sentence;
pub mod voice;
