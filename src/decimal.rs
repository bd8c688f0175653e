//! Integers written in decimal, for the texts and values the page's modules build (console
//! lines, `validateFeed`'s messages, CSS values, kept-feed metadata). Written here rather than
//! with `to_string()` or `format!`: those go through `core::fmt` (its `write`, `Formatter` and
//! padding), which nothing else in a page's module needs; scripts/build.sh refuses a page
//! module that links it.

/// Appends `n` in decimal to `out`.
pub fn push_decimal(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[start..].iter().map(|&d| char::from(d)));
}

/// `n` in decimal.
pub fn decimal(n: u64) -> String {
    let mut out = String::new();
    push_decimal(&mut out, n);
    out
}

/// `n` in decimal, with a `-` when negative.
pub fn signed_decimal(n: i64) -> String {
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    push_decimal(&mut out, n.unsigned_abs());
    out
}
