//! Dates and language names through the browser's `Intl`, so the wasm ships no locale data.

use js_sys::{Array, Date, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::feed::Timestamp;

/// Formats publication dates as the reader's language writes them (dateStyle long):
/// "May 28, 2024", "2024年5月28日", "2024년 5월 28일".
pub struct DateFormatter {
    format: Option<Function>,
}

impl DateFormatter {
    pub fn new(locale: &str) -> DateFormatter {
        let options = Object::new();
        let _ = Reflect::set(&options, &"dateStyle".into(), &"long".into());
        // The date shown is the publisher's calendar date as written in the feed, so it is
        // formatted in UTC from that date, never shifted by the reader's time zone.
        let _ = Reflect::set(&options, &"timeZone".into(), &"UTC".into());
        let locales = Array::of1(&JsValue::from_str(locale));
        let dtf = js_sys::Intl::DateTimeFormat::new(&locales, &options);
        DateFormatter {
            format: Some(dtf.format()),
        }
    }

    pub fn format(&self, when: &Timestamp) -> String {
        let date = Date::new(&JsValue::from_f64(when.calendar_date_ms() as f64));
        self.format
            .as_ref()
            .and_then(|f| f.call1(&JsValue::NULL, &date).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| when.iso_date())
    }
}

/// The name of a language in that language ("日本語" for `ja`), for languages that are not
/// built in and were added at run time.
pub fn endonym(tag: &str) -> Option<String> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let ctor: Function = Reflect::get(&intl, &"DisplayNames".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = Object::new();
    Reflect::set(&options, &"type".into(), &"language".into()).ok()?;
    let args = Array::of2(&Array::of1(&JsValue::from_str(tag)), &options);
    let names = Reflect::construct(&ctor, &args).ok()?;
    let of: Function = Reflect::get(&names, &"of".into()).ok()?.dyn_into().ok()?;
    of.call1(&names, &JsValue::from_str(tag)).ok()?.as_string()
}
