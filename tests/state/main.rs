//! The widget's state machine, natively: whole scenarios driven through `update`, each step's
//! effects pinned.

#[path = "../support/mod.rs"]
mod support;

mod aids;
mod answers;
mod deferred;
mod scenarios;
