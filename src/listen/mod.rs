//! Reading an article aloud with the browser's speech synthesis, without the DOM: the reading
//! plan (`plan`: the article's text cut into utterances by `sentence`'s rules, each with its
//! places in the DOM's text for the highlight), the voice that reads it (`voice`), the speed
//! (`rate`) and the state machine (`machine`: `Listening`, `update` -> `Effect`s, of the
//! `Action`s in `action`).
//! The DOM layer carries out the effects with `speechSynthesis` and the CSS Custom Highlight
//! API. The plan is made in the plan module, fetched for the first Listen, and crosses over as
//! bytes (`wire`): the page's modules carry the machine, not the sentence rules.

pub mod action;
pub mod machine;
pub mod plan;
pub mod rate;
pub mod sentence;
pub mod voice;
pub mod wire;
