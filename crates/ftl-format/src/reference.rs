//! fluent-bundle's own answers to the formatter's questions, for native tests: the plural
//! category its plural rules give (it negotiates them with English as the default, as it did
//! in the widget) and the string it writes for a number (no locale formatting). The widget's
//! differential test in Chromium holds the browser's `Intl` to the same strings.

use std::cell::RefCell;

use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

use crate::{Category, Number, Numbers};

const PROBE: &str = "category = { $n ->\n    [zero] zero\n    [one] one\n    [two] two\n    [few] few\n    [many] many\n   *[other] other\n}\nnumber = { $n }\n";

/// fluent-bundle as the source of plural categories and number strings.
#[derive(Default)]
pub struct FluentBundleNumbers {
    bundles: RefCell<Vec<(String, FluentBundle<FluentResource>)>>,
}

impl FluentBundleNumbers {
    fn ask(&self, locale: &str, id: &str, number: Number) -> String {
        let mut bundles = self.bundles.borrow_mut();
        let position = match bundles.iter().position(|(l, _)| l == locale) {
            Some(position) => position,
            None => {
                let tag = locale.parse().unwrap_or_default();
                let mut bundle = FluentBundle::new(vec![tag]);
                bundle.set_use_isolating(false);
                let resource = FluentResource::try_new(PROBE.to_string())
                    .expect("the probe resource is valid Fluent");
                bundle
                    .add_resource(resource)
                    .expect("the probe resource has no duplicate ids");
                bundles.push((locale.to_string(), bundle));
                bundles.len() - 1
            }
        };
        let bundle = &bundles[position].1;
        let mut args = FluentArgs::new();
        let options = FluentNumberOptions {
            minimum_fraction_digits: number.fraction_digits.map(|d| d as usize),
            ..Default::default()
        };
        args.set(
            "n",
            FluentValue::Number(FluentNumber::new(number.value, options)),
        );
        let pattern = bundle
            .get_message(id)
            .and_then(|m| m.value())
            .expect("the probe has both messages");
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned()
    }
}

impl Numbers for FluentBundleNumbers {
    /// As fluent-bundle's `FluentNumber::from_str`.
    fn parse(&self, literal: &str) -> f64 {
        literal.parse().unwrap_or(f64::NAN)
    }

    fn category(&self, locale: &str, number: Number) -> Category {
        let name = self.ask(locale, "category", number);
        Category::from_name(&name).unwrap_or(Category::Other)
    }

    fn format(&self, locale: &str, number: Number) -> String {
        self.ask(locale, "number", number)
    }
}
