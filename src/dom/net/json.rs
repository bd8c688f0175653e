//! `JSON.parse`'s tree as the pure JSON Feed reader walks it (`feed::JsonNode`): fields are read
//! where they are, so nothing of the feed is copied into the wasm but the strings it uses.

use std::cell::RefCell;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::feed::{JsonKind, JsonNode};

thread_local! {
    /// The field names asked for, made JS strings once: a feed of 10,000 items asks for each
    /// name 10,000 times, and making a JS string from Rust text is a copy and a decode.
    static NAMES: RefCell<Vec<(&'static str, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// `name` as a JS string, made once per page. The reader asks only for its own literal names
/// (JSON Feed's fields), so the table stays as small as their list.
fn field_name(name: &'static str) -> JsValue {
    NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some((_, value)) = names.iter().find(|(n, _)| std::ptr::eq(*n, name)) {
            return value.clone();
        }
        let value = JsValue::from_str(name);
        names.push((name, value.clone()));
        value
    })
}

/// A value `JSON.parse` returned, or a part of one.
pub struct JsJson(pub JsValue);

impl JsonNode for JsJson {
    fn kind(&self) -> JsonKind {
        let value = &self.0;
        if let Some(text) = value.as_string() {
            JsonKind::String(text)
        } else if let Some(number) = value.as_f64() {
            JsonKind::Number(number)
        } else if value.as_bool().is_some() {
            JsonKind::Bool
        } else if Array::is_array(value) {
            JsonKind::Array
        } else if value.is_object() {
            JsonKind::Object
        } else {
            // null; `JSON.parse` makes nothing else.
            JsonKind::Null
        }
    }

    fn field(&self, name: &'static str) -> Option<JsJson> {
        if !self.0.is_object() || Array::is_array(&self.0) {
            return None;
        }
        // The names asked for are JSON Feed's, none of which an object inherits.
        Reflect::get(&self.0, &field_name(name))
            .ok()
            .filter(|value| !value.is_undefined())
            .map(JsJson)
    }

    fn elements(&self) -> Vec<JsJson> {
        if Array::is_array(&self.0) {
            Array::from(&self.0).iter().map(JsJson).collect()
        } else {
            Vec::new()
        }
    }

    fn fields(&self) -> Vec<(String, JsJson)> {
        let Some(object) = self.0.dyn_ref::<Object>() else {
            return Vec::new();
        };
        Object::entries(object)
            .iter()
            .filter_map(|pair| {
                let pair = Array::from(&pair);
                Some((pair.get(0).as_string()?, JsJson(pair.get(1))))
            })
            .collect()
    }
}
