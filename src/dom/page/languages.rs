//! What the page says of languages, for the UI language a widget or toolbar negotiates: its
//! `<html lang>`, and the browser's languages.

use web_sys::Document;

/// The languages the page asks for, best first: its `<html lang>`, then the browser's (a
/// widget on `auto` puts the reader's saved choice before them; the toolbar does not).
pub fn page_languages(doc: &Document) -> Vec<String> {
    let mut requested: Vec<String> = html_lang(doc).into_iter().collect();
    if let Some(window) = doc.default_view() {
        for tag in window.navigator().languages().iter() {
            requested.extend(tag.as_string());
        }
    }
    requested
}

/// The page's `<html lang>`, when it names one.
pub fn html_lang(doc: &Document) -> Option<String> {
    doc.document_element()
        .and_then(|e| e.get_attribute("lang"))
        .filter(|l| !l.trim().is_empty())
}
