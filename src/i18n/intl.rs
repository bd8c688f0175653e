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
    /// The `Intl.PluralRules` and the `Intl.NumberFormat` (by `Ask`), made on first use;
    /// `Some(None)`: the browser refused the locale or options (then "other", and JavaScript's
    /// own number string).
    made: [Option<Option<Method>>; 2],
}

/// What the formatter asks: which `Intl` object, and its method.
#[derive(Clone, Copy)]
enum Ask {
    Category = 0,
    Format = 1,
}

impl Ask {
    fn constructor_and_method(self) -> (&'static str, &'static str) {
        match self {
            Ask::Category => ("PluralRules", "select"),
            Ask::Format => ("NumberFormat", "format"),
        }
    }
}

thread_local! {
    static MADE: RefCell<Vec<Made>> = const { RefCell::new(Vec::new()) };
}

/// A method and the object it is called on.
#[derive(Clone)]
struct Method(JsValue, Function);

/// `new Intl[constructor](locale, options)` and its method; `None` if the browser throws (an
/// unknown option value, a tag it refuses).
fn make(locale: &str, fraction_digits: Option<u32>, ask: Ask) -> Option<Method> {
    let (constructor, method) = ask.constructor_and_method();
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

/// The browser's answer for `number` in `locale`, through the object made once for them.
fn ask(locale: &str, number: Number, ask: Ask) -> Option<String> {
    let method = MADE.with(|made| {
        let mut made = made.borrow_mut();
        let position = made
            .iter()
            .position(|m| m.locale == locale && m.fraction_digits == number.fraction_digits)
            .unwrap_or_else(|| {
                made.push(Made {
                    locale: locale.to_string(),
                    fraction_digits: number.fraction_digits,
                    made: [None, None],
                });
                made.len() - 1
            });
        made[position].made[ask as usize]
            .get_or_insert_with(|| make(locale, number.fraction_digits, ask))
            .clone()
    })?;
    method
        .1
        .call1(&method.0, &number.value.into())
        .ok()?
        .as_string()
}

impl Numbers for BrowserNumbers {
    /// JavaScript's `parseFloat` (correctly rounded), so that the wasm has no float parsing.
    fn parse(&self, literal: &str) -> f64 {
        js_sys::Number::parse_float(literal)
    }

    fn category(&self, locale: &str, number: Number) -> Category {
        ask(locale, number, Ask::Category)
            .and_then(|name| Category::from_name(&name))
            .unwrap_or(Category::Other)
    }

    fn format(&self, locale: &str, number: Number) -> String {
        ask(locale, number, Ask::Format)
            .or_else(|| {
                js_sys::Number::from(number.value)
                    .to_string_with_radix(10)
                    .ok()
                    .map(String::from)
            })
            .unwrap_or_default()
    }
}
