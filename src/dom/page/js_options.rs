//! What a mount's options are read from, for the widget and the toolbar alike: the JS options
//! object and the element's attributes, by the names `crate::contract` defines; and the `Error`
//! with a `kind` that the loader's callers catch.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::contract::{self, Contrast, ErrorKind, FontStep, LineSpacing, MountError, OptionName};
use crate::decimal::decimal;
use crate::dom::warn;
use crate::listen::action::Action as Speech;
use crate::options::OptionValues;
use crate::reading_aids::AidAction;

/// An `Error` with a `kind`, as the loader's callers catch it.
pub(crate) fn js_error(kind: ErrorKind, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    let _ = Reflect::set(&error, &"kind".into(), &JsValue::from_str(kind.name()));
    error.into()
}

impl From<MountError> for JsValue {
    fn from(error: MountError) -> JsValue {
        let mut message = String::from("news-widget: ");
        error.write_to(&mut message);
        js_error(error.kind(), &message)
    }
}

/// A property of a JS object as option text: a string trimmed (empty is unset), or a whole
/// number written out (`pageSize: 5`) without float printing.
pub(crate) fn property_text(object: &JsValue, name: &str) -> Option<String> {
    let value = Reflect::get(object, &JsValue::from_str(name)).ok()?;
    if let Some(s) = value.as_string() {
        let s = s.trim();
        return (!s.is_empty()).then(|| s.to_string());
    }
    value
        .as_f64()
        .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n < 1e9)
        .map(|n| decimal(n as u64))
}

/// Option values of a mount: the options object of the JS call, else the element's attributes
/// (`data-` prefixed on a plain element, bare on the custom elements).
pub(crate) struct JsOptions<'a> {
    pub element: &'a Element,
    pub object: &'a JsValue,
}

impl JsOptions<'_> {
    fn prefix(&self) -> &'static str {
        contract::attribute_prefix(&self.element.local_name())
    }

    fn attribute(&self, name: &str) -> Option<String> {
        let value = self
            .element
            .get_attribute(&[self.prefix(), name].concat())?;
        let value = value.trim();
        (!value.is_empty()).then(|| value.to_string())
    }
}

impl OptionValues for JsOptions<'_> {
    fn text(&self, name: OptionName) -> Option<String> {
        property_text(self.object, name.property).or_else(|| self.attribute(name.attribute))
    }

    /// A number, or text as JavaScript's unary `+` reads it (no float parsing in the wasm).
    fn number(&self, name: OptionName) -> Option<f64> {
        let value = Reflect::get(self.object, &JsValue::from_str(name.property)).ok();
        value
            .and_then(|v| v.as_f64())
            .or_else(|| Some(JsValue::from_str(&self.text(name)?).unchecked_into_f64()))
    }

    /// `feed-<lang>` attributes in their order, then the `feeds` object's own keys (a key given
    /// both ways takes the object's URL).
    fn feeds(&self) -> Vec<(String, String)> {
        let mut feeds: Vec<(String, String)> = Vec::new();
        let prefix = [self.prefix(), contract::FEEDS.attribute].concat();
        let attributes = self.element.attributes();
        for index in 0..attributes.length() {
            let Some(attr) = attributes.item(index) else {
                continue;
            };
            if let Some(key) = attr.name().strip_prefix(&prefix) {
                feeds.push((key.to_string(), attr.value().trim().to_string()));
            }
        }
        let object = Reflect::get(self.object, &JsValue::from_str(contract::FEEDS.property))
            .ok()
            .filter(JsValue::is_object);
        let keys = object.as_ref().and_then(|o| Reflect::own_keys(o).ok());
        for key in keys.iter().flat_map(|k| k.iter()) {
            let (Some(object), Some(key)) = (&object, key.as_string()) else {
                continue;
            };
            let url = property_text(object, &key).unwrap_or_default();
            match feeds.iter_mut().find(|(k, _)| *k == key) {
                Some(entry) => entry.1 = url,
                None => feeds.push((key, url)),
            }
        }
        feeds
    }
}

/// What `setLineSpacing(n)` asks for: the nearest of 1, 1.5 and 2; what is not a number is
/// the page's mistake, said, and changes nothing (`null` is not 1: the reader's spacing is
/// site-wide).
pub(crate) fn spacing_action(value: &JsValue) -> Option<AidAction> {
    let spacing = number_arg(value).and_then(LineSpacing::nearest);
    if spacing.is_none() {
        warn("setLineSpacing(value): the value is a number (1, 1.5 or 2)");
    }
    spacing.map(AidAction::SetSpacing)
}

#[wasm_bindgen]
extern "C" {
    /// JavaScript's `Number(value)`.
    #[wasm_bindgen(js_name = Number)]
    fn to_number(value: &JsValue) -> f64;
}

/// A number, or a string that holds one (a `<select>`'s value, a `data-` attribute):
/// `setFontStep("2")` is what a site's own control sends. Read by JavaScript's `Number`, not
/// Rust's `parse`, whose float reading would add about 15 KB to every page's module; the
/// empty string, which `Number` reads as 0, is no number.
fn number_arg(value: &JsValue) -> Option<f64> {
    value.as_f64().or_else(|| {
        let text = value.as_string()?;
        let n = to_number(value);
        (!text.trim().is_empty() && !n.is_nan()).then_some(n)
    })
}

/// What `setContrast(name)` asks for; a name that is none of the three is the page's mistake,
/// said on the console.
pub(crate) fn contrast_action(name: &str) -> Option<AidAction> {
    let contrast = Contrast::from_name(name);
    if contrast.is_none() {
        warn(
            &[
                "setContrast(\"",
                name,
                "\"): the schemes are \"site\", \"dark-on-light\" and \"light-on-dark\"",
            ]
            .concat(),
        );
    }
    contrast.map(AidAction::SetContrast)
}

/// `setFontStep(step)`: a number, however large, or a string that holds one; anything else
/// (`"abc"`, NaN, null) is the page's mistake, said on the console, and changes nothing (a
/// reader's step is site-wide).
pub(crate) fn font_step_arg(step: &JsValue) -> Option<FontStep> {
    let found = number_arg(step).and_then(FontStep::from_number);
    if found.is_none() {
        warn("setFontStep(step): the step is a number (-1 to 5)");
    }
    found
}

/// A method's string argument (a language tag, a scheme's name, an article's id): anything
/// else (null, a number, an object) is the page's mistake, said on the console, and changes
/// nothing.
pub(crate) fn text_arg(value: &JsValue, method: &str) -> Option<String> {
    let text = value.as_string();
    if text.is_none() {
        warn(&[method, ": the argument is a string"].concat());
    }
    text
}

/// `stopListening()`.
pub(crate) const STOP: AidAction = AidAction::Speech(Speech::Stop);
