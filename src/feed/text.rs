//! Text: HTML to plain text, titles repaired as feeds escape them, entity decoding, and
//! width-aware summaries for cards.

use crate::work;

/// The visible text of an HTML fragment: tags stripped, script and style contents dropped,
/// entities decoded, whitespace collapsed. For summaries only: never for building markup.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = work::find_char(rest, '<') {
        decode_entities(&rest[..lt], &mut text);
        rest = &rest[lt..];
        match skip_markup(rest, &mut text) {
            Some(after) => rest = after,
            None => {
                text.push('<');
                rest = &rest[1..];
            }
        }
    }
    decode_entities(rest, &mut text);
    collapse_whitespace(&text)
}

/// Elements after whose edges text does not run on: "<p>a</p><p>b</p>" reads "a b".
#[rustfmt::skip]
pub(super) const BLOCK_ELEMENTS: &[&str] = &[
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
];
/// Elements whose contents are never shown as text.
pub(super) const HIDDEN_ELEMENTS: &[&str] = &["script", "style", "template"];

/// `s` starts with '<'. Returns what follows the markup, or `None` when the '<' is plain text.
pub(super) fn skip_markup<'a>(s: &'a str, text: &mut String) -> Option<&'a str> {
    let b = s.as_bytes();
    if let Some(comment) = s.strip_prefix("<!--") {
        return Some(work::find(comment, "-->").map_or("", |end| &comment[end + 3..]));
    }
    match b.get(1)? {
        b'!' | b'?' => return Some(tag_end(b, 2).map_or("", |end| &s[end..])),
        b'/' if b.get(2).is_some_and(u8::is_ascii_alphabetic) => {
            let name_end = name_end(b, 2);
            if is_one_of(&s[2..name_end], BLOCK_ELEMENTS) {
                text.push(' ');
            }
            return Some(tag_end(b, name_end).map_or("", |end| &s[end..]));
        }
        c if c.is_ascii_alphabetic() => {}
        _ => return None,
    }
    let name_end = name_end(b, 1);
    let name = &s[1..name_end];
    // An unterminated tag swallows the rest, as in a browser.
    let Some(end) = tag_end(b, name_end) else {
        return Some("");
    };
    if is_one_of(name, BLOCK_ELEMENTS) {
        text.push(' ');
    }
    // As in a browser, `<script/>` still opens an element whose contents run to `</script>`.
    if is_one_of(name, HIDDEN_ELEMENTS) {
        let mut from = end;
        loop {
            let Some(at) = find_ignore_case(&b[from..], b"</", name.as_bytes()) else {
                return Some("");
            };
            let after = from + at + 2 + name.len();
            if !b.get(after).is_some_and(u8::is_ascii_alphanumeric) {
                return Some(tag_end(b, after).map_or("", |end| &s[end..]));
            }
            from = after;
        }
    }
    Some(&s[end..])
}

pub(super) fn name_end(b: &[u8], from: usize) -> usize {
    let end = b[from..]
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || *c == b'-'))
        .map_or(b.len(), |n| from + n);
    work::add(end + 1 - from);
    end
}

pub(super) fn is_one_of(name: &str, list: &[&str]) -> bool {
    list.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Index just past the '>' closing a tag, skipping quoted attribute values (`title="a>b"`), as
/// the browser's tokenizer reads them (a quote opens a value only after `=`).
pub(crate) fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let end = scan_tag(b, from);
    work::add(end.unwrap_or(b.len()).saturating_sub(from));
    end
}

fn scan_tag(b: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    let mut after_equals = false;
    for (i, &c) in b.iter().enumerate().skip(from) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => continue,
            None if c == b'>' => return Some(i + 1),
            None if after_equals && (c == b'"' || c == b'\'') => {
                quote = Some(c);
                continue;
            }
            None => {}
        }
        if !c.is_ascii_whitespace() {
            after_equals = c == b'=';
        }
    }
    None
}

/// Position of `prefix` + `name` (ASCII case-insensitive) in `hay`.
fn find_ignore_case(hay: &[u8], prefix: &[u8], name: &[u8]) -> Option<usize> {
    let n = prefix.len() + name.len();
    let found = hay
        .windows(n)
        .position(|w| w.starts_with(prefix) && w[prefix.len()..].eq_ignore_ascii_case(name));
    work::add(found.map_or(hay.len(), |at| at + n));
    found
}

/// The text of `s` with character references decoded; `&` that starts none stays as it is.
pub fn decode_entities_in(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    decode_entities(s, &mut out);
    out
}

/// Appends `s` with references decoded to `out`; whether there was any.
pub(super) fn decode_entities(s: &str, out: &mut String) -> bool {
    let mut decoded = false;
    let mut rest = s;
    while let Some(amp) = work::find_char(rest, '&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match decode_entity(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
                decoded = true;
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    decoded
}

/// `s` starts with '&'. The character and the length of the reference, if it is one we know.
fn decode_entity(s: &str) -> Option<(char, usize)> {
    // Long enough for "&#x10FFFF;" and every name below.
    work::add(s.len().min(12));
    let semi = s.bytes().take(12).position(|b| b == b';')?;
    let name = &s[1..semi];
    let c = if let Some(num) = name.strip_prefix('#') {
        let (digits, radix) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (num, 10),
        };
        if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
            return None;
        }
        u32::from_str_radix(digits, radix)
            .ok()
            // As in browsers: old CMSs write Windows-1252 code points (`&#150;` for a dash).
            .map(|n| match n {
                0x80..=0x9F => u32::from(WINDOWS_1252_C1[n as usize - 0x80]),
                n => n,
            })
            .and_then(char::from_u32)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{FFFD}')
    } else {
        named_entity(name)?
    };
    Some((c, semi + 1))
}

/// The character an HTML named reference stands for (`ndash`), among those feeds use.
pub(super) fn named_entity(name: &str) -> Option<char> {
    let at = ENTITY_NAMES
        .binary_search_by(|slot| {
            let len = slot.iter().position(|&b| b == 0).unwrap_or(ENTITY_NAME_MAX);
            slot[..len].cmp(name.as_bytes())
        })
        .ok()?;
    char::from_u32(u32::from(ENTITY_CHARS[at]))
}

/// What `&#128;`..`&#159;` stand for: the Windows-1252 characters (the five holes stay).
#[rustfmt::skip]
const WINDOWS_1252_C1: [u16; 32] = [
    0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039,
    0x152, 0x8D, 0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC,
    0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178,
];

/// The named references feeds use: XML's five, HTML 4's Latin-1 set and its typographic
/// characters. Sorted by name in byte order, for the binary search in `named_entity`. Read at
/// compile time only: the wasm carries it packed as `ENTITY_NAMES` and `ENTITY_CHARS`, without
/// a pointer per name.
#[rustfmt::skip]
const ENTITIES: &[(&str, char)] = &[
    ("AElig", 'Æ'), ("Aacute", 'Á'), ("Acirc", 'Â'), ("Agrave", 'À'), ("Aring", 'Å'),
    ("Atilde", 'Ã'), ("Auml", 'Ä'), ("Ccedil", 'Ç'), ("Dagger", '‡'), ("ETH", 'Ð'), ("Eacute", 'É'),
    ("Ecirc", 'Ê'), ("Egrave", 'È'), ("Euml", 'Ë'), ("Iacute", 'Í'), ("Icirc", 'Î'),
    ("Igrave", 'Ì'), ("Iuml", 'Ï'), ("Ntilde", 'Ñ'), ("OElig", 'Œ'), ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'), ("Ograve", 'Ò'), ("Oslash", 'Ø'), ("Otilde", 'Õ'), ("Ouml", 'Ö'),
    ("Prime", '″'), ("Scaron", 'Š'), ("THORN", 'Þ'), ("Uacute", 'Ú'), ("Ucirc", 'Û'),
    ("Ugrave", 'Ù'), ("Uuml", 'Ü'), ("Yacute", 'Ý'), ("Yuml", 'Ÿ'), ("aacute", 'á'), ("acirc", 'â'),
    ("acute", '´'), ("aelig", 'æ'), ("agrave", 'à'), ("amp", '&'), ("apos", '\''),
    ("aring", 'å'), ("atilde", 'ã'), ("auml", 'ä'), ("bdquo", '„'), ("brvbar", '¦'), ("bull", '•'),
    ("ccedil", 'ç'), ("cedil", '¸'), ("cent", '¢'), ("circ", 'ˆ'), ("copy", '©'), ("curren", '¤'),
    ("dagger", '†'), ("darr", '↓'), ("deg", '°'), ("divide", '÷'), ("eacute", 'é'), ("ecirc", 'ê'),
    ("egrave", 'è'), ("emsp", '\u{2003}'), ("ensp", '\u{2002}'), ("eth", 'ð'), ("euml", 'ë'),
    ("euro", '€'), ("fnof", 'ƒ'), ("frac12", '½'), ("frac14", '¼'), ("frac34", '¾'), ("gt", '>'),
    ("harr", '↔'), ("hellip", '…'), ("iacute", 'í'), ("icirc", 'î'), ("iexcl", '¡'),
    ("igrave", 'ì'), ("iquest", '¿'), ("iuml", 'ï'), ("laquo", '«'), ("larr", '←'), ("ldquo", '“'),
    ("lrm", '\u{200E}'), ("lsaquo", '‹'), ("lsquo", '‘'), ("lt", '<'), ("macr", '¯'),
    ("mdash", '—'), ("micro", 'µ'), ("middot", '·'), ("minus", '−'), ("nbsp", '\u{A0}'),
    ("ndash", '–'), ("not", '¬'), ("ntilde", 'ñ'), ("oacute", 'ó'), ("ocirc", 'ô'), ("oelig", 'œ'),
    ("ograve", 'ò'), ("oline", '‾'), ("ordf", 'ª'), ("ordm", 'º'), ("oslash", 'ø'), ("otilde", 'õ'),
    ("ouml", 'ö'), ("para", '¶'), ("permil", '‰'), ("plusmn", '±'), ("pound", '£'), ("prime", '′'),
    ("quot", '"'), ("raquo", '»'), ("rarr", '→'), ("rdquo", '”'), ("reg", '®'), ("rlm", '\u{200F}'),
    ("rsaquo", '›'), ("rsquo", '’'), ("sbquo", '‚'), ("scaron", 'š'), ("sect", '§'),
    ("shy", '\u{AD}'), ("sup1", '¹'), ("sup2", '²'), ("sup3", '³'), ("szlig", 'ß'),
    ("thinsp", '\u{2009}'), ("thorn", 'þ'), ("tilde", '˜'), ("times", '×'), ("trade", '™'),
    ("uacute", 'ú'), ("uarr", '↑'), ("ucirc", 'û'), ("ugrave", 'ù'), ("uml", '¨'), ("uuml", 'ü'),
    ("yacute", 'ý'), ("yen", '¥'), ("yuml", 'ÿ'), ("zwj", '\u{200D}'), ("zwnj", '\u{200C}'),
];

/// The longest name in `ENTITIES`.
const ENTITY_NAME_MAX: usize = 6;

/// The names of `ENTITIES`, NUL-padded, in its order.
const ENTITY_NAMES: [[u8; ENTITY_NAME_MAX]; ENTITIES.len()] = {
    let mut names = [[0; ENTITY_NAME_MAX]; ENTITIES.len()];
    let mut i = 0;
    while i < ENTITIES.len() {
        let name = ENTITIES[i].0.as_bytes();
        assert!(
            !name.is_empty() && name.len() <= ENTITY_NAME_MAX,
            "ENTITY_NAME_MAX is the longest name"
        );
        // Checked when compiling: an unsorted table would make some names silently undecodable.
        assert!(
            i == 0 || precedes(ENTITIES[i - 1].0.as_bytes(), name),
            "ENTITIES must be sorted by name"
        );
        let mut j = 0;
        while j < name.len() {
            names[i][j] = name[j];
            j += 1;
        }
        i += 1;
    }
    names
};

/// The characters of `ENTITIES`, in its order: all in the Basic Multilingual Plane.
const ENTITY_CHARS: [u16; ENTITIES.len()] = {
    let mut chars = [0; ENTITIES.len()];
    let mut i = 0;
    while i < ENTITIES.len() {
        let c = ENTITIES[i].1 as u32;
        assert!(c <= 0xFFFF, "ENTITY_CHARS holds BMP characters only");
        chars[i] = c as u16;
        i += 1;
    }
    chars
};

const fn precedes(a: &[u8], b: &[u8]) -> bool {
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
}

/// Whether `s` has a character a reader would see: a title of white space and Unicode's
/// default-ignorable characters alone (zero-width spaces and joiners, direction marks, soft
/// hyphens, variation selectors, Hangul fillers, tags) is as good as none (its card would have
/// no name and nothing to press).
pub(crate) fn has_visible(s: &str) -> bool {
    s.chars().any(|c| {
        !c.is_whitespace()
            && !matches!(c, '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}' | '\u{1160}'
                | '\u{17B4}' | '\u{17B5}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}'
                | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}')
    })
}

/// `s` with each run of white space made one space, trimmed. A JSON string may hold any
/// control character (`"\u0007"`), which a reader would see as a box: C1's are what a CMS that
/// took Windows-1252 for Latin-1 wrote (`don\u0092t`), read as the browser reads `&#146;`; the
/// rest are dropped, as the XML repair drops them.
pub(crate) fn collapse_whitespace(s: &str) -> String {
    work::add(s.len());
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{80}'..='\u{9F}' => {
                char::from_u32(u32::from(WINDOWS_1252_C1[c as usize - 0x80])).unwrap_or(c)
            }
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if !c.is_control() {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// `text` with whitespace collapsed, cut to at most `max_columns` columns including the "…"
/// added when it is cut. CJK, Hangul and fullwidth characters take two columns. The cut never
/// splits a user-perceived character and, in spaced scripts, prefers a word boundary.
pub fn summarize(text: &str, max_columns: usize) -> String {
    let text = collapse_whitespace(text);
    if fit(&text, max_columns).0 == text.len() {
        return text;
    }
    let (cut, width) = fit(&text, max_columns.saturating_sub(1));
    let mut kept = &text[..cut];
    if !text[cut..].starts_with(' ') {
        if let Some(space) = kept.rfind(' ') {
            // Only worth it when little is lost; long unspaced runs are cut where they are.
            if fit(&kept[..space], usize::MAX).1 * 4 >= width * 3 {
                kept = &kept[..space];
            }
        }
    }
    let mut out = String::with_capacity(kept.len() + 3);
    out.push_str(kept.trim_end());
    out.push('…');
    out
}

/// The longest prefix of `text` that ends on a character boundary and takes at most `budget`
/// columns: its length in bytes and its width.
fn fit(text: &str, budget: usize) -> (usize, usize) {
    let (at, used) = fit_uncounted(text, budget);
    work::add(at + 1);
    (at, used)
}

fn fit_uncounted(text: &str, budget: usize) -> (usize, usize) {
    let mut used = 0;
    let mut prev = None;
    let mut indicators_before = 0;
    for (i, c) in text.char_indices() {
        // A user-perceived character is as wide as its first code point: a ZWJ family or a
        // flag is one emoji, an accented letter one letter.
        if !prev.is_some_and(|p| joins_previous(p, c, indicators_before)) {
            if used + columns(c) > budget {
                return (i, used);
            }
            used += columns(c);
        }
        indicators_before = if is_regional_indicator(c) {
            indicators_before + 1
        } else {
            0
        };
        prev = Some(c);
    }
    (text.len(), used)
}

/// Whether `c` belongs to the same user-perceived character as `prev`.
fn joins_previous(prev: char, c: char, indicators_before: usize) -> bool {
    prev == '\u{200D}' || extends(c) || (is_regional_indicator(c) && indicators_before % 2 == 1)
}

fn extends(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1160}'..='\u{11FF}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{D7B0}'..='\u{D7FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

fn is_regional_indicator(c: char) -> bool {
    matches!(c, '\u{1F1E6}'..='\u{1F1FF}')
}

/// Display columns of a character that starts a user-perceived character: 2 for East Asian
/// wide and fullwidth characters and emoji, 1 otherwise.
fn columns(c: char) -> usize {
    let wide = matches!(c,
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{303E}'
        | '\u{3041}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{A000}'..='\u{A4CF}'
        | '\u{A960}'..='\u{A97F}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{1F1E6}'..='\u{1F1FF}'
        | '\u{1F300}'..='\u{1F64F}'
        | '\u{1F680}'..='\u{1F6FF}'
        | '\u{1F900}'..='\u{1F9FF}'
        | '\u{1FA70}'..='\u{1FAFF}'
        | '\u{20000}'..='\u{3FFFD}');
    if wide {
        2
    } else {
        1
    }
}
