//! A check of Fluent source before `fluent-syntax` parses it, for the two ways a resource can
//! trap the wasm module that parses it (a panic under `panic = "abort"`, or a stack overflow).
//! Every parse of this crate goes through it: the build's, and a site's resource at run time.
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
//!   past `MAX_NESTING`, an empty comment line is put before it (the lines reported stay the
//!   source's); where one entry alone has more, it is reported and its levels past the limit
//!   made `?`.

use std::borrow::Cow;

use crate::{Lines, SyntaxError, SyntaxKind};

/// Levels of placeables and call arguments the parser may be asked to follow: translations use
/// three at most (a select expression in a placeable in a variant).
pub const MAX_NESTING: usize = 64;

/// The source as the parser may read it, and how its lines map back to the source's.
pub struct Guarded<'a> {
    pub text: Cow<'a, str>,
    /// Where an empty comment line was put in `text` (byte offsets, ascending).
    inserted: Vec<usize>,
}

impl Guarded<'_> {
    /// The source's 1-based line of byte `offset` of `text`, with `lines` made from `text`.
    pub(crate) fn line_of(&self, lines: &Lines, offset: usize) -> usize {
        lines.line_of(offset) - self.inserted.partition_point(|&at| at < offset)
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
pub fn defuse(source: &str, mut report: impl FnMut(SyntaxError)) -> Guarded<'_> {
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
            report(SyntaxError {
                line: first + 1,
                kind: SyntaxKind::TooDeep,
            });
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
        return Guarded {
            text: Cow::Borrowed(source),
            inserted: Vec::new(),
        };
    }
    // In order already: by line, and along each line.
    let mut out = String::with_capacity(source.len() + edits.len() * 2);
    let mut inserted = Vec::new();
    let mut copied = 0;
    for edit in edits {
        out.push_str(&source[copied..edit.at]);
        if edit.len == 0 {
            inserted.push(out.len());
            out.push_str("#\n");
        } else {
            out.push('?');
        }
        copied = edit.at + edit.len;
    }
    out.push_str(&source[copied..]);
    Guarded {
        text: Cow::Owned(out),
        inserted,
    }
}

/// The edits of one line (at `at` in the source): levels past those `allowed` (when the entry
/// is too deep), and the `\u`/`\U` escapes that the parser would panic on.
fn scan_line(
    line: &str,
    number: usize,
    at: usize,
    allowed: &mut Option<usize>,
    edits: &mut Vec<Edit>,
    report: &mut impl FnMut(SyntaxError),
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
                report(SyntaxError {
                    line: number,
                    kind: SyntaxKind::BadEscape {
                        escape: line[u - 1..after].to_owned(),
                        found,
                    },
                });
                edits.push(Edit {
                    at: at + after,
                    len: found.len_utf8(),
                });
            }
        }
    }
}
