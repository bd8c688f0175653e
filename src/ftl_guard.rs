//! A check of Fluent source before `fluent-syntax` parses it, for the two ways a resource can
//! trap the module that every widget and toolbar of the page shares (a panic under
//! `panic = "abort"`, or a stack overflow):
//!
//! - fluent-syntax 0.12 panics (it slices its input inside a character) on a `\u` or `\U`
//!   escape in a string literal that has fewer hex digits than it needs and then a non-ASCII
//!   character, as in `a = { "\u中" }`. Each such sequence, wherever it is (the check does not
//!   follow the parser's context, which after an error it cannot know), is reported with its
//!   line and the character made `?`: the parser reports the entry and skips it.
//! - The parser follows nested placeables and call arguments (`{ { { …`, `F(F(F(…`) with a
//!   call per level, and one entry may run over many lines. Every `{` and `(` counts as a level
//!   (more than the parser ever nests, never fewer) from the last point where the parser is
//!   surely back at the top: the start, or a comment line (inside an expression a `#` at the
//!   start of a line is an error, which ends the entry). Where an entry would bring the count
//!   past `MAX_NESTING`, an empty comment line is put before it; where one entry alone has more,
//!   it is reported and its levels past the limit made `?`.

use std::fmt;

/// Levels of placeables and call arguments the parser may be asked to follow: translations use
/// three at most (a select expression in a placeable in a variant).
pub const MAX_NESTING: usize = 64;

/// What the parser would have trapped on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trap {
    Escape(BadEscape),
    /// An entry, starting on this (1-based) line, nested past `MAX_NESTING`.
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

/// An escape that the parser would have panicked on in a string literal.
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
            "line {}: invalid escape {}{} (a \\u escape needs hex digits)",
            self.line, self.escape, self.found
        )
    }
}

/// A change to the source: the character at `at` (`len` bytes) becomes `?`, or (`len` 0) an
/// empty comment line is put before the line at `at`.
struct Edit {
    at: usize,
    len: usize,
}

/// `source` made safe for the parser, calling `report` for what was not. Linear, and without
/// a copy when nothing needs changing (the common case).
pub fn defuse(source: String, mut report: impl FnMut(Trap)) -> String {
    let mut edits: Vec<Edit> = Vec::new();
    let lines: Vec<&str> = source.split('\n').collect();
    let offset = |line: &str| line.as_ptr() as usize - source.as_ptr() as usize;
    // Levels counted since the parser was last surely at the top.
    let mut since = 0usize;
    let mut first = 0;
    while first < lines.len() {
        if lines[first].starts_with('#') {
            since = 0;
            first += 1;
            continue;
        }
        // One entry: its first line and the lines up to the next entry or comment.
        let end = (first + 1..lines.len())
            .find(|&i| {
                lines[i].starts_with(|c: char| c.is_ascii_alphabetic() || c == '-' || c == '#')
            })
            .unwrap_or(lines.len());
        let entry = &lines[first..end];
        let levels: usize = entry
            .iter()
            .map(|line| line.bytes().filter(|b| matches!(b, b'{' | b'(')).count())
            .sum();
        if since > 0 && since + levels > MAX_NESTING {
            edits.push(Edit {
                at: offset(entry[0]),
                len: 0,
            });
            since = 0;
        }
        // Past the limit, an entry's further levels become `?`.
        let mut allowed = if levels > MAX_NESTING {
            report(Trap::Nesting { line: first + 1 });
            Some(MAX_NESTING)
        } else {
            None
        };
        since += levels.min(MAX_NESTING);
        for (i, line) in entry.iter().enumerate() {
            scan_line(
                line,
                first + i + 1,
                offset(line),
                &mut allowed,
                &mut edits,
                &mut report,
            );
        }
        first = end;
    }
    if edits.is_empty() {
        return source;
    }
    // In order already: by line, and along each line.
    let mut out = String::with_capacity(source.len() + edits.len() * 2);
    let mut copied = 0;
    for edit in edits {
        out.push_str(&source[copied..edit.at]);
        out.push_str(if edit.len == 0 { "#\n" } else { "?" });
        copied = edit.at + edit.len;
    }
    out.push_str(&source[copied..]);
    out
}

/// The edits of one line (at `at` in the source): levels past those `allowed` (when the entry
/// is too deep), and the `\u`/`\U` escapes that the parser would panic on.
fn scan_line(
    line: &str,
    number: usize,
    at: usize,
    allowed: &mut Option<usize>,
    edits: &mut Vec<Edit>,
    report: &mut impl FnMut(Trap),
) {
    let mut chars = line.char_indices();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '{' | '(') {
            match allowed {
                Some(0) => edits.push(Edit { at: at + i, len: 1 }),
                Some(left) => *left -= 1,
                None => {}
            }
            continue;
        }
        if c != '\\' {
            continue;
        }
        // Only a backslash or the escape's letter is taken with it: a `{` after a backslash
        // still counts as a level (in text the backslash is a character like any other).
        let (u, kind) = match line[i + 1..].chars().next() {
            Some('\\') => {
                chars.next();
                continue;
            }
            Some(kind @ ('u' | 'U')) => {
                chars.next();
                (i + 1, kind)
            }
            _ => continue,
        };
        let needed = if kind == 'u' { 4 } else { 6 };
        let digits = line[u + 1..]
            .bytes()
            .take(needed)
            .take_while(u8::is_ascii_hexdigit)
            .count();
        let after = u + 1 + digits;
        if let Some(found) = line[after..].chars().next() {
            if digits < needed && !found.is_ascii() {
                report(Trap::Escape(BadEscape {
                    line: number,
                    escape: line[u - 1..after].to_owned(),
                    found,
                }));
                edits.push(Edit {
                    at: at + after,
                    len: found.len_utf8(),
                });
            }
        }
    }
}
