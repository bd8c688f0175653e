//! The feed readers and the feed model, natively: JSON Feed, RSS and Atom read liberally into one
//! model, charsets, dates, titles, repairs, long feeds by pages, one feed per language; the
//! shapes mature readers accept, nesting no walk follows with a call per level, and linear work
//! on every path that reads outside input.

#[path = "../support/mod.rs"]
mod support;

mod charset;
mod dates;
mod deferred;
mod depth;
mod json;
mod linear;
mod long_tags;
mod model;
mod pair;
mod present;
mod repair;
mod shapes;
mod titles;
mod xml;
