// Tests for the article-HTML sanitizer policy: one behaviour per test, so a failure names
// exactly which rule broke and never hides the others. One module per part of the policy
// (`elements`, `attributes`, `urls`, `resolved`, `extras`); the helpers they share are here.

use news_widget::sanitize::{attribute_kind, clean_attribute, CheckedUrl, UrlRejected};

pub fn clean(tag: &str, attr: &str, value: &str) -> Option<String> {
    let kind = attribute_kind(tag, attr)?;
    clean_attribute(&kind, value)
}

pub fn forbidden(scheme: &str) -> Result<CheckedUrl, UrlRejected> {
    Err(UrlRejected::ForbiddenScheme {
        scheme: scheme.to_string(),
    })
}

mod attributes;
mod elements;
mod extras;
mod resolved;
mod urls;
