//! The shadow root a widget or toolbar lives in: claimed on its host at mount, left empty (with
//! a slot that shows the host's own content again) when it goes, and the few elements both
//! build in it.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, ShadowRoot};

use super::site;
use super::style;
use crate::contract::MountError;

impl From<JsValue> for MountError {
    fn from(error: JsValue) -> MountError {
        let detail = error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| error.as_string())
            .unwrap_or_default();
        MountError::Dom { detail }
    }
}

/// The host's shadow root, ready for a new tree with the widget's stylesheet: a new one, or the
/// one an earlier widget or toolbar left (it cannot be removed from its host).
pub fn claim(host: &Element, doc: &Document) -> Result<ShadowRoot, MountError> {
    if site::is_member(host) {
        return Err(MountError::HostTaken);
    }
    let shadow = match host.shadow_root() {
        Some(existing) if is_vacated(&existing) => {
            existing.set_text_content(None);
            existing
        }
        Some(_) => return Err(MountError::HostTaken),
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    style::adopt(&shadow, doc)?;
    Ok(shadow)
}

/// Whether a shadow root is empty or holds only the slot that `vacate` leaves.
fn is_vacated(shadow: &ShadowRoot) -> bool {
    match shadow.child_element_count() {
        0 => true,
        1 => shadow
            .first_element_child()
            .is_some_and(|c| c.local_name() == "slot"),
        _ => false,
    }
}

/// Empties the shadow root and its styles; the host's own children (the site's fallback link,
/// say) show again through a slot, as before mount.
pub fn vacate(shadow: &ShadowRoot, doc: &Document) {
    shadow.set_text_content(None);
    style::release(shadow);
    if let Ok(slot) = doc.create_element("slot") {
        let _ = shadow.append_child(&slot);
    }
}

pub fn element(doc: &Document, tag: &str) -> Result<Element, MountError> {
    Ok(doc.create_element(tag)?)
}

/// The polite live region that screen readers speak.
pub fn live_region(doc: &Document) -> Result<Element, MountError> {
    let live = element(doc, "div")?;
    live.set_class_name("sr-only");
    let _ = live.set_attribute("role", "status");
    let _ = live.set_attribute("aria-live", "polite");
    Ok(live)
}
