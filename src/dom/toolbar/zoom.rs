//! Scales an existing article (the reader toolbar's target) by the reader's font step: one
//! constructed stylesheet, adopted by the target's document, holding
//! `crate::toolbar::text_zoom`'s rules for that target. Not an element, not an attribute: the target and its children are never
//! written to, and dropping the `TargetZoom` takes the sheet out again. A constructed sheet is
//! what a strict `style-src 'self'` allows (an inline `<style>` or `style` attribute it refuses).

use js_sys::Array;
use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, Document};

use crate::contract::FontStep;
use crate::toolbar::text_zoom::zoom_css;

#[must_use = "dropping the TargetZoom puts the article back at its site's size"]
pub struct TargetZoom {
    doc: Document,
    sheet: CssStyleSheet,
    target_id: String,
}

impl TargetZoom {
    /// Adopts an (empty) sheet for the element with id `target_id` in `doc`, then sizes it.
    pub fn new(doc: &Document, target_id: &str, step: FontStep) -> Result<TargetZoom, JsValue> {
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(&zoom_css(target_id, step))?;
        let adopted: Array = doc.adopted_style_sheets().iter().collect();
        adopted.push(&sheet);
        doc.set_adopted_style_sheets(&adopted);
        Ok(TargetZoom {
            doc: doc.clone(),
            sheet,
            target_id: target_id.to_string(),
        })
    }

    pub fn apply(&self, step: FontStep) {
        // The text is built from an escaped identifier and a number: it always parses.
        let _ = self.sheet.replace_sync(&zoom_css(&self.target_id, step));
    }
}

impl Drop for TargetZoom {
    fn drop(&mut self) {
        let sheet: &JsValue = self.sheet.as_ref();
        let kept: Array = self
            .doc
            .adopted_style_sheets()
            .iter()
            .filter(|s| s != sheet)
            .collect();
        self.doc.set_adopted_style_sheets(&kept);
    }
}
