//! Titles as feeds write them, repaired to plain text in one pass over the title (per level of
//! escaping): whatever a hostile title holds, the work grows with its length, never with the
//! square of it.

use super::text::{
    collapse_whitespace, decode_entities, is_one_of, name_end, skip_markup, BLOCK_ELEMENTS,
    HIDDEN_ELEMENTS,
};
use crate::work;

/// What `repair_title` changed, for the console warning that names the item (a repair is never
/// silent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TitleRepairs {
    pub markup_removed: bool,
    pub entities_decoded: bool,
    pub double_escaped: bool,
}

impl TitleRepairs {
    pub fn any(&self) -> bool {
        self.markup_removed || self.entities_decoded || self.double_escaped
    }
}

/// The plain text of a title: tags removed, entities decoded (a double-escaped `&amp;amp;` or
/// `&amp;#8211;` decoded fully), whitespace collapsed. A title without markup or entities comes
/// back unchanged with no repairs: `AT&T`, `5 < 6`, `Q & A`, `a<b` must stay as they are. Only
/// complete tags of HTML elements count as markup, so `Vec<int>` is text too. Collapsing
/// whitespace is not a repair: line breaks inside an XML element are not the feed's mistake.
pub fn repair_title(raw: &str) -> (String, TitleRepairs) {
    let (mut text, mut repairs) = title_pass(raw);
    // WordPress escapes titles that already hold references (`&amp;amp;`, `&amp;#8211;`), and
    // CDATA around escaped HTML escapes its tags twice: whatever a further pass still finds was
    // escaped once too often. Bounded: a title is not a puzzle.
    for _ in 0..3 {
        work::add(text.len());
        if !text.contains(['&', '<']) {
            break;
        }
        let (again, found) = title_pass(&text);
        if !found.any() {
            break;
        }
        repairs.markup_removed |= found.markup_removed;
        repairs.entities_decoded |= found.entities_decoded;
        repairs.double_escaped = true;
        text = again;
    }
    (collapse_whitespace(&text), repairs)
}

/// One level of HTML: markup removed, references decoded.
fn title_pass(raw: &str) -> (String, TitleRepairs) {
    let mut repairs = TitleRepairs::default();
    let mut text = String::with_capacity(raw.len());
    let mut scan = Scan::new(raw);
    let mut rest = raw;
    while let Some(lt) = work::find_char(rest, '<') {
        repairs.entities_decoded |= decode_entities(&rest[..lt], &mut text);
        rest = &rest[lt..];
        match scan.markup(rest, &mut text) {
            Some(after) => {
                repairs.markup_removed = true;
                rest = after;
            }
            None => {
                text.push('<');
                rest = &rest[1..];
            }
        }
    }
    repairs.entities_decoded |= decode_entities(rest, &mut text);
    (text, repairs)
}

/// What one pass has learnt about the title's unclosed constructs, so that no `<` rescans the
/// rest of the title for a close that an earlier one already failed to find.
struct Scan<'a> {
    raw: &'a str,
    /// Where a tag whose name ends at a position ends, built when first needed.
    tag_ends: Option<TagEnds>,
    /// From this offset on, no comment is closed: `-->` does not occur after it.
    unclosed_comments_from: usize,
}

impl<'a> Scan<'a> {
    fn new(raw: &'a str) -> Scan<'a> {
        Scan {
            raw,
            tag_ends: None,
            unclosed_comments_from: usize::MAX,
        }
    }

    /// `s`, a suffix of the title, starts with '<'. What follows the markup when `s` starts with
    /// a complete comment or tag of an HTML element; `None` when the '<' is text.
    fn markup<'s>(&mut self, s: &'s str, text: &mut String) -> Option<&'s str> {
        let offset = self.raw.len() - s.len();
        if let Some(comment) = s.strip_prefix("<!--") {
            if offset >= self.unclosed_comments_from {
                return None;
            }
            let end = work::find(comment, "-->");
            if end.is_none() {
                self.unclosed_comments_from = offset;
            }
            return end.map(|end| &comment[end + 3..]);
        }
        let b = s.as_bytes();
        let start = if b.get(1) == Some(&b'/') { 2 } else { 1 };
        let end = name_end(b, start);
        let name = &s[start..end];
        let known = [BLOCK_ELEMENTS, HIDDEN_ELEMENTS, INLINE_ELEMENTS]
            .iter()
            .any(|list| is_one_of(name, list));
        let closes_name = b
            .get(end)
            .is_some_and(|&c| c == b'>' || c == b'/' || c.is_ascii_whitespace());
        if !known || !closes_name {
            return None;
        }
        let raw = self.raw.as_bytes();
        self.tag_ends
            .get_or_insert_with(|| TagEnds::new(raw))
            .end(offset + end)?;
        skip_markup(s, text)
    }
}

/// Elements that titles carry inline, besides the block and hidden ones.
#[rustfmt::skip]
const INLINE_ELEMENTS: &[&str] = &[
    "a", "abbr", "b", "big", "cite", "code", "del", "dfn", "em", "font", "i", "img", "ins", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
    "var", "wbr",
];

/// For every position of a text, where a tag's attributes starting there end: just past the
/// `>` that closes it, quoted values (`title="a>b"`) skipped, as `text::tag_end` scans. Built
/// in one pass from the end, so that each answer is a look-up.
struct TagEnds {
    /// Per position: the end when the scan arrives there outside a quote, after anything but
    /// `=` (`[0]`) or right after `=` (`[1]`, where a quote opens a value). `NONE`: no end.
    from: Vec<[u32; 2]>,
}

impl TagEnds {
    const NONE: u32 = u32::MAX;

    fn new(b: &[u8]) -> TagEnds {
        work::add(b.len());
        // Past 2 GB nothing is a tag (no title is that long, and positions fit 31 bits).
        let mut from = vec![[TagEnds::NONE; 2]; if b.len() < 1 << 31 { b.len() + 1 } else { 1 }];
        let (mut next_double, mut next_single) = (TagEnds::NONE, TagEnds::NONE);
        for i in (0..from.len() - 1).rev() {
            let c = b[i];
            for after_equals in [false, true] {
                from[i][usize::from(after_equals)] = if c == b'>' {
                    i as u32 + 1
                } else if after_equals && (c == b'"' || c == b'\'') {
                    let close = if c == b'"' { next_double } else { next_single };
                    match close {
                        TagEnds::NONE => TagEnds::NONE,
                        close => from[close as usize + 1][0],
                    }
                } else {
                    let next = if c.is_ascii_whitespace() {
                        after_equals
                    } else {
                        c == b'='
                    };
                    from[i + 1][usize::from(next)]
                };
            }
            match c {
                b'"' => next_double = i as u32,
                b'\'' => next_single = i as u32,
                _ => {}
            }
        }
        TagEnds { from }
    }

    /// Where a tag whose attributes start at `at` ends; `None` when it does not.
    fn end(&self, at: usize) -> Option<usize> {
        work::add(1);
        let end = self.from.get(at)?[0];
        (end != TagEnds::NONE).then_some(end as usize)
    }
}
