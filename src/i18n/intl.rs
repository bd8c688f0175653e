//! The browser's number rules for the formatter, as @fluent/bundle takes them in JavaScript:
//! plural categories from `Intl.PluralRules`, number strings from `Intl.NumberFormat`. Each is
//! made once per page per locale and fraction digits (making one costs more than using it).

use std::cell::RefCell;
use std::rc::Rc;

use ftl_format::{Category, Number, Numbers};
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The browser's `Intl` as the formatter's [`Numbers`].
pub struct BrowserNumbers;

/// The shared instance the widgets' catalogs hold.
pub fn numbers() -> Rc<dyn Numbers> {
    Rc::new(BrowserNumbers)
}

struct Made {
    locale: String,
    fraction_digits: Option<u32>,
    /// Made on first use; `Some(None)`: the browser refused the locale or options (then
    /// "other", and JavaScript's own number string).
    select: Option<Option<Method>>,
    format: Option<Option<Method>>,
}

thread_local! {
    static MADE: RefCell<Vec<Made>> = const { RefCell::new(Vec::new()) };
}

/// A method and the object it is called on.
#[derive(Clone)]
struct Method(JsValue, Function);

impl Method {
    fn call(&self, number: f64) -> Option<String> {
        self.1.call1(&self.0, &number.into()).ok()?.as_string()
    }
}

/// `new Intl[constructor](locale, options)` and its method `method`; `None` if the browser
/// throws (an unknown option value, a tag it refuses).
fn make(
    constructor: &str,
    locale: &str,
    fraction_digits: Option<u32>,
    method: &str,
) -> Option<Method> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let ctor: Function = Reflect::get(&intl, &constructor.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = Object::new();
    if let Some(digits) = fraction_digits {
        Reflect::set(&options, &"minimumFractionDigits".into(), &digits.into()).ok()?;
    }
    let args = Array::of2(&JsValue::from_str(locale), &options);
    let made = Reflect::construct(&ctor, &args).ok()?;
    let method: Function = Reflect::get(&made, &method.into()).ok()?.dyn_into().ok()?;
    Some(Method(made, method))
}

/// Calls `pick(made)` on the entry for `locale` and `number`'s digits, made on first use.
fn with_made<R>(locale: &str, number: Number, pick: impl FnOnce(&mut Made) -> R) -> R {
    MADE.with(|made| {
        let mut made = made.borrow_mut();
        let position = made
            .iter()
            .position(|m| m.locale == locale && m.fraction_digits == number.fraction_digits)
            .unwrap_or_else(|| {
                made.push(Made {
                    locale: locale.to_string(),
                    fraction_digits: number.fraction_digits,
                    select: None,
                    format: None,
                });
                made.len() - 1
            });
        pick(&mut made[position])
    })
}

impl Numbers for BrowserNumbers {
    fn category(&self, locale: &str, number: Number) -> Category {
        let select = with_made(locale, number, |m| {
            let digits = m.fraction_digits;
            m.select
                .get_or_insert_with(|| make("PluralRules", locale, digits, "select"))
                .clone()
        });
        select
            .and_then(|m| m.call(number.value))
            .and_then(|name| Category::from_name(&name))
            .unwrap_or(Category::Other)
    }

    fn format(&self, locale: &str, number: Number) -> String {
        let format = with_made(locale, number, |m| {
            let digits = m.fraction_digits;
            m.format
                .get_or_insert_with(|| make("NumberFormat", locale, digits, "format"))
                .clone()
        });
        format
            .and_then(|m| m.call(number.value))
            .or_else(|| {
                js_sys::Number::from(number.value)
                    .to_string_with_radix(10)
                    .ok()
                    .map(String::from)
            })
            .unwrap_or_default()
    }
}
