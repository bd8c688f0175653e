//! The feed readers and the feed model, natively: JSON Feed, RSS and Atom read liberally into one
//! model, charsets, dates, titles, repairs, long feeds by pages, one feed per language.

#[path = "../support/mod.rs"]
mod support;

mod charset;
mod dates;
mod deferred;
mod json;
mod model;
mod pair;
mod present;
mod repair;
mod titles;
mod xml;
