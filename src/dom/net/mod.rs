//! A feed's way in: requests with a deadline and one retry, the kept copy in Cache Storage, the
//! bytes decoded and read by the browser's parsers into the pure feed model.

pub(crate) mod cache;
pub(crate) mod fetch;
pub(crate) mod js;
pub(crate) mod json;
pub(crate) mod read;
pub(crate) mod xml;
