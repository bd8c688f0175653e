//! Styles an existing article (the reader toolbar's target) for the reader: one constructed
//! stylesheet, adopted by the target's document, holding `crate::toolbar::reading_style`'s rules
//! for that target (the font step's zoom, the line spacing, the contrast scheme, the highlight of
//! the sentence read aloud). Not an element, not an attribute: the target and its children are
//! never written to, and dropping the `TargetStyle` takes the sheet out again. A constructed
//! sheet is what a strict `style-src 'self'` allows (an inline `<style>` or `style` attribute it
//! refuses).

use std::cell::Cell;

use js_sys::Array;
use wasm_bindgen::JsValue;
use web_sys::{CssStyleSheet, Document};

use crate::contract::{Contrast, FontStep, LineSpacing};
use crate::toolbar::reading_style::target_css;

#[must_use = "dropping the TargetStyle puts the article back as its site styled it"]
pub struct TargetStyle {
    doc: Document,
    sheet: CssStyleSheet,
    target_id: String,
    step: Cell<FontStep>,
    spacing: Cell<LineSpacing>,
    contrast: Cell<Contrast>,
}

impl TargetStyle {
    /// Adopts a sheet for the element with id `target_id` in `doc`, styled as the reader chose.
    pub fn new(
        doc: &Document,
        target_id: &str,
        step: FontStep,
        spacing: LineSpacing,
        contrast: Contrast,
    ) -> Result<TargetStyle, JsValue> {
        let sheet = CssStyleSheet::new()?;
        let style = TargetStyle {
            doc: doc.clone(),
            sheet,
            target_id: target_id.to_string(),
            step: Cell::new(step),
            spacing: Cell::new(spacing),
            contrast: Cell::new(contrast),
        };
        style.sheet.replace_sync(&style.css())?;
        let adopted: Array = doc.adopted_style_sheets().iter().collect();
        adopted.push(&style.sheet);
        doc.set_adopted_style_sheets(&adopted);
        Ok(style)
    }

    fn css(&self) -> String {
        target_css(
            &self.target_id,
            self.step.get(),
            self.spacing.get(),
            self.contrast.get(),
        )
    }

    fn apply(&self) {
        // The text is built from an escaped identifier, numbers and colours: it always parses.
        let _ = self.sheet.replace_sync(&self.css());
    }

    pub fn set_step(&self, step: FontStep) {
        self.step.set(step);
        self.apply();
    }

    pub fn set_spacing(&self, spacing: LineSpacing) {
        self.spacing.set(spacing);
        self.apply();
    }

    pub fn set_contrast(&self, contrast: Contrast) {
        self.contrast.set(contrast);
        self.apply();
    }
}

impl Drop for TargetStyle {
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
