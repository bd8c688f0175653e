//! The human texts of the widget's typed errors and warnings: console lines, `validateFeed`'s
//! messages, the `message` of error events. Built by pushing pieces onto a `String` instead of
//! through `Display`: `core::fmt`'s machinery (`write`, `Formatter`, padding, the integer and
//! `Debug` impls it drags in) was linked into every page's module for these texts alone
//! (docs/benchmarks.md#size). scripts/build.sh refuses a page module that links it again.

/// A value with a human text.
pub trait Explain {
    /// Appends the text to `out`.
    fn explain_to(&self, out: &mut String);

    /// The text.
    fn explain(&self) -> String
    where
        Self: Sized,
    {
        explained(self)
    }
}

/// One copy of `explain` for every type: a copy per type was 95 bytes each, eight of them in
/// the widget's module.
fn explained(value: &dyn Explain) -> String {
    let mut out = String::new();
    value.explain_to(&mut out);
    out
}

/// `Display` written with the `Explain` text, for tests and the tools module (which format
/// these types with `{}`); a page's module never calls it, so it is not linked there.
macro_rules! display_by_explain {
    ($($type:ty),+ $(,)?) => {
        $(impl std::fmt::Display for $type {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&$crate::explain::Explain::explain(self))
            }
        })+
    };
}
pub(crate) use display_by_explain;
