//! Dates and language names through the browser's `Intl`, so the wasm ships no locale data.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
#[cfg(any(feature = "widget", feature = "print"))]
use {crate::feed::Timestamp, js_sys::Date, std::cell::RefCell};

#[cfg(feature = "widget")]
use crate::feed::WrittenDate;

#[cfg(any(feature = "widget", feature = "print"))]
thread_local! {
    /// The date format of each UI locale, made once per page: making an `Intl.DateTimeFormat`
    /// costs more than formatting every date of a page with it (the first one, on a phone, a
    /// large part of the first cards' time).
    static DATE_FORMATS: RefCell<Vec<(String, Function)>> = const { RefCell::new(Vec::new()) };
}

/// Formats publication dates as the reader's language writes them (dateStyle long):
/// "May 28, 2024", "2024年5月28日", "2024년 5월 28일". Made when a date is first shown. (A
/// toolbar's module has none: its one date, on the printed article, is the print module's.)
#[cfg(any(feature = "widget", feature = "print"))]
pub struct DateFormatter {
    locale: String,
}

#[cfg(any(feature = "widget", feature = "print"))]
impl DateFormatter {
    pub fn new(locale: &str) -> DateFormatter {
        DateFormatter {
            locale: locale.to_owned(),
        }
    }

    fn function(&self) -> Function {
        DATE_FORMATS.with(|formats| {
            let mut formats = formats.borrow_mut();
            if let Some((_, format)) = formats.iter().find(|(l, _)| *l == self.locale) {
                return format.clone();
            }
            let options = Object::new();
            let _ = Reflect::set(&options, &"dateStyle".into(), &"long".into());
            // The date shown is the publisher's calendar date as written in the feed, so it is
            // formatted in UTC from that date, never shifted by the reader's time zone.
            let _ = Reflect::set(&options, &"timeZone".into(), &"UTC".into());
            let locales = Array::of1(&JsValue::from_str(&self.locale));
            let format = js_sys::Intl::DateTimeFormat::new(&locales, &options).format();
            formats.push((self.locale.clone(), format.clone()));
            format
        })
    }

    pub fn format(&self, when: &Timestamp) -> String {
        let date = Date::new(&JsValue::from_f64(when.calendar_date_ms() as f64));
        self.function()
            .call1(&JsValue::NULL, &date)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| when.iso_date())
    }
}

/// The name of a language in that language ("日本語" for `ja`), for languages that are not
/// built in and were added at run time.
pub fn endonym(tag: &str) -> Option<String> {
    language_name(tag, tag)
}

/// The name of the language `tag` in the language `in_locale` ("Chinese", "중국어" for `zh`).
pub fn language_name(tag: &str, in_locale: &str) -> Option<String> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let ctor: Function = Reflect::get(&intl, &"DisplayNames".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = Object::new();
    Reflect::set(&options, &"type".into(), &"language".into()).ok()?;
    let args = Array::of2(&Array::of1(&JsValue::from_str(in_locale)), &options);
    let names = Reflect::construct(&ctor, &args).ok()?;
    let of: Function = Reflect::get(&names, &"of".into()).ok()?.dyn_into().ok()?;
    of.call1(&names, &JsValue::from_str(tag)).ok()?.as_string()
}

/// When something happened, as the reader's language writes a date and time, in the reader's
/// time zone ("May 28, 2024, 3:05 PM", "2024年5月28日 15:05", "2024. 5. 28. 오후 3:05"): when the
/// news on screen was last updated.
#[cfg(feature = "widget")]
pub fn moment(locale: &str, epoch_ms: u64) -> String {
    let options = Object::new();
    let _ = Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = Reflect::set(&options, &"timeStyle".into(), &"short".into());
    let locales = Array::of1(&JsValue::from_str(locale));
    let dtf = js_sys::Intl::DateTimeFormat::new(&locales, &options);
    let date = Date::new(&JsValue::from_f64(epoch_ms as f64));
    dtf.format()
        .call1(&JsValue::NULL, &date)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The offset (minutes east of UTC) of the IANA `zone` at a wall-clock time written there, for
/// feed times without an offset (the `timezone` option). `None` for a zone `Intl` does not know.
#[cfg(feature = "widget")]
pub fn zone_offset_minutes(zone: &str, written: &WrittenDate) -> Option<i32> {
    let (dtf, format_to_parts) = zone_format(zone)?;
    let offset_at = |epoch_ms: i64| -> Option<i32> {
        let date = Date::new(&JsValue::from_f64(epoch_ms as f64));
        let parts: Array = format_to_parts.call1(&dtf, &date).ok()?.dyn_into().ok()?;
        parts.iter().find_map(|part| {
            let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
            if kind != "timeZoneName" {
                return None;
            }
            parse_gmt_offset(&Reflect::get(&part, &"value".into()).ok()?.as_string()?)
        })
    };
    // The wall time read as UTC, corrected once by the offset there: right except within the
    // hour of a daylight-saving change.
    let as_utc = written.timestamp(0).epoch_ms;
    let first = offset_at(as_utc)?;
    offset_at(as_utc - i64::from(first) * 60_000).or(Some(first))
}

#[cfg(feature = "widget")]
thread_local! {
    /// The offset format of each zone asked for (`None`: a zone `Intl` does not know), made once
    /// per page: a feed's every zone-less date asks.
    static ZONE_FORMATS: RefCell<Vec<(String, Option<ZoneFormat>)>> =
        const { RefCell::new(Vec::new()) };
}

/// Whether `Intl` knows the zone (said on the console, once a page, where it does not).
#[cfg(feature = "widget")]
pub fn zone_known(zone: &str) -> bool {
    zone_format(zone).is_some()
}

/// An `Intl.DateTimeFormat` that names a zone's offset, and its `formatToParts`.
#[cfg(feature = "widget")]
type ZoneFormat = (JsValue, Function);

#[cfg(feature = "widget")]
fn zone_format(zone: &str) -> Option<ZoneFormat> {
    let known = ZONE_FORMATS.with(|formats| {
        formats
            .borrow()
            .iter()
            .find(|(z, _)| z == zone)
            .map(|(_, format)| format.clone())
    });
    if let Some(format) = known {
        return format;
    }
    let made = make_zone_format(zone);
    if made.is_none() {
        // Once a page and zone (the formats are kept): a misspelt option read every zone-less
        // date as UTC without a word.
        crate::dom::warn(
            &[
                "timezone \"",
                zone,
                "\" is no time zone the browser knows (an IANA name, such as Asia/Shanghai): \
                 dates written without an offset are read as UTC",
            ]
            .concat(),
        );
    }
    ZONE_FORMATS.with(|formats| formats.borrow_mut().push((zone.to_owned(), made.clone())));
    made
}

#[cfg(feature = "widget")]
fn make_zone_format(zone: &str) -> Option<ZoneFormat> {
    let options = Object::new();
    Reflect::set(&options, &"timeZone".into(), &JsValue::from_str(zone)).ok()?;
    Reflect::set(&options, &"timeZoneName".into(), &"longOffset".into()).ok()?;
    // Constructed through Reflect so that an unknown zone is an error here, not a trap.
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let ctor: Function = Reflect::get(&intl, &"DateTimeFormat".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let args = Array::of2(&Array::of1(&JsValue::from_str("en-US")), &options);
    let dtf = Reflect::construct(&ctor, &args).ok()?;
    let format_to_parts: Function = Reflect::get(&dtf, &"formatToParts".into())
        .ok()?
        .dyn_into()
        .ok()?;
    Some((dtf, format_to_parts))
}

/// `GMT+08:00`, `GMT-3`, `GMT` → minutes east of UTC.
#[cfg(feature = "widget")]
fn parse_gmt_offset(text: &str) -> Option<i32> {
    let rest = text
        .trim()
        .strip_prefix("GMT")
        .or_else(|| text.trim().strip_prefix("UTC"))?;
    if rest.is_empty() {
        return Some(0);
    }
    let (sign, rest) = match rest.as_bytes().first()? {
        b'+' => (1, &rest[1..]),
        b'-' | 0xE2 => (-1, rest.trim_start_matches(['-', '\u{2212}'])),
        _ => return None,
    };
    let (hours, minutes) = rest.split_once(':').unwrap_or((rest, "0"));
    Some(sign * (number(hours)? * 60 + number(minutes)?))
}

/// A run of ASCII digits (without `str::parse`, whose generic code the wasm need not carry).
#[cfg(feature = "widget")]
fn number(digits: &str) -> Option<i32> {
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    digits.bytes().try_fold(0, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + i32::from(b - b'0'))
    })
}
