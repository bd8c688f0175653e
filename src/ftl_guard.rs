//! A check of Fluent source before `fluent-syntax` parses it. fluent-syntax 0.12 panics (it
//! slices its input inside a character) on a `\u` or `\U` escape in a string literal that has
//! fewer hex digits than it needs and then a non-ASCII character, as in `a = { "\u中" }`; under
//! `panic = "abort"` that traps the module that every widget and toolbar of the page shares.
//! Such an escape is a syntax error anyway: it is reported with its line, and the character
//! after it becomes `?`, so that the parser reports the entry and skips it instead.
//!
//! The parser also follows nested placeables and call arguments (`{ { { …`, `F(F(F(…`) with a
//! call per level, so a resource nested thousands deep overflows the stack (a trap as well).
//! Nesting past `MAX_NESTING` is reported the same way, its opening `{` or `(` made `?`.

/// Placeables and call arguments nested deeper than this are a syntax error: translations use
/// three levels at most (a select expression in a placeable in a variant).
pub const MAX_NESTING: usize = 32;

use std::fmt;

/// What the parser would have trapped on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trap {
    Escape(BadEscape),
    /// Placeables or call arguments nested past `MAX_NESTING`, on this (1-based) line.
    Nesting {
        line: usize,
    },
}

impl fmt::Display for Trap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Trap::Escape(escape) => escape.fmt(f),
            Trap::Nesting { line } => write!(
                f,
                "line {line}: placeables or call arguments nested deeper than {MAX_NESTING}"
            ),
        }
    }
}

/// An escape in a string literal that the parser would have panicked on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadEscape {
    /// 1-based line in the resource.
    pub line: usize,
    /// `\u` or `\U` and the hex digits before the character.
    pub escape: String,
    /// The character that is not a hex digit.
    pub found: char,
}

impl fmt::Display for BadEscape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}: invalid escape {}{} in a string literal (needs hex digits)",
            self.line, self.escape, self.found
        )
    }
}

/// `source` made safe for the parser, calling `report` for each escape that was not. Linear,
/// and without a copy when there is nothing to report (the common case).
pub fn defuse(source: String, mut report: impl FnMut(Trap)) -> String {
    let mut fixes: Vec<(usize, usize)> = Vec::new();
    // Placeables may span lines; string literals may not. `depth` counts open placeables and,
    // inside them, open call arguments.
    let mut depth = 0usize;
    for (index, line) in source.split('\n').enumerate() {
        let start = line.as_ptr() as usize - source.as_ptr() as usize;
        // Comments are not parsed for placeables.
        if line.starts_with('#') {
            continue;
        }
        let mut in_string = false;
        let mut nesting_reported = false;
        let mut chars = line.char_indices();
        while let Some((at, c)) = chars.next() {
            match c {
                '"' if in_string => in_string = false,
                '\\' if in_string => {
                    let Some((at, kind @ ('u' | 'U'))) = chars.next() else {
                        continue;
                    };
                    let needed = if kind == 'u' { 4 } else { 6 };
                    let digits = line[at + 1..]
                        .bytes()
                        .take(needed)
                        .take_while(u8::is_ascii_hexdigit)
                        .count();
                    let after = at + 1 + digits;
                    match line[after..].chars().next() {
                        Some(found) if digits < needed && !found.is_ascii() => {
                            report(Trap::Escape(BadEscape {
                                line: index + 1,
                                escape: line[at - 1..after].to_owned(),
                                found,
                            }));
                            fixes.push((start + after, found.len_utf8()));
                        }
                        _ => {}
                    }
                }
                '{' | '(' if !in_string && (c == '{' || depth > 0) => {
                    if depth < MAX_NESTING {
                        depth += 1;
                    } else {
                        if !nesting_reported {
                            report(Trap::Nesting { line: index + 1 });
                            nesting_reported = true;
                        }
                        fixes.push((start + at, 1));
                    }
                }
                '}' | ')' if !in_string => depth = depth.saturating_sub(1),
                '"' if depth > 0 => in_string = true,
                _ => {}
            }
        }
    }
    if fixes.is_empty() {
        return source;
    }
    let mut out = String::with_capacity(source.len());
    let mut copied = 0;
    for (at, len) in fixes {
        out.push_str(&source[copied..at]);
        out.push('?');
        copied = at + len;
    }
    out.push_str(&source[copied..]);
    out
}
