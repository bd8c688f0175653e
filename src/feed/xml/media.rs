//! The image an RSS item or Atom entry names: image types and file names, and the Media RSS
//! elements (`media:thumbnail`, `media:content`, `media:group`).

use super::{present, XmlElement};

pub(super) fn is_image_type(t: &str) -> bool {
    t.trim().to_ascii_lowercase().starts_with("image/")
}

pub(super) fn looks_like_image(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let ext = path.rsplit('.').next().unwrap_or_default();
    ["jpg", "jpeg", "png", "gif", "webp", "avif", "svg"]
        .iter()
        .any(|e| ext.eq_ignore_ascii_case(e))
}

/// The image a Media RSS element names: `media:thumbnail`, an image `media:content`, or either
/// inside a `media:group`. Groups do not nest: one inside another is not looked into, so the
/// reading never follows the input's depth.
pub(super) fn media_image<E: XmlElement>(el: &E) -> Option<String> {
    if el.local_name() != "group" {
        return media_leaf(el);
    }
    let children = el.children();
    let thumbnail = children
        .iter()
        .filter(|c| c.local_name() == "thumbnail")
        .find_map(media_leaf);
    thumbnail.or_else(|| children.iter().find_map(media_leaf))
}

/// The image of a `media:thumbnail` or of an image `media:content`.
fn media_leaf<E: XmlElement>(el: &E) -> Option<String> {
    let url = || el.attribute("url").and_then(present);
    match el.local_name().as_str() {
        "thumbnail" => url(),
        "content" => {
            let image = match (el.attribute("medium"), el.attribute("type")) {
                (Some(m), _) => m.trim() == "image",
                (None, Some(t)) => is_image_type(&t),
                (None, None) => url().is_some_and(|u| looks_like_image(&u)),
            };
            if image {
                url()
            } else {
                None
            }
        }
        _ => None,
    }
}
