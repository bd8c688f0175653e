//! The crate's own rules, natively.

mod imports;
