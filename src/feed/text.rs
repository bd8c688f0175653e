//! Text: HTML to plain text, entity decoding, and width-aware summaries for cards.

/// The visible text of an HTML fragment: tags stripped, script and style contents dropped,
/// entities decoded, whitespace collapsed. For summaries only: never for building markup.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
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
const BLOCK_ELEMENTS: &[&str] = &[
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
];
/// Elements whose contents are never shown as text.
const HIDDEN_ELEMENTS: &[&str] = &["script", "style", "template"];

/// `s` starts with '<'. Returns what follows the markup, or `None` when the '<' is plain text.
fn skip_markup<'a>(s: &'a str, text: &mut String) -> Option<&'a str> {
    let b = s.as_bytes();
    if let Some(comment) = s.strip_prefix("<!--") {
        return Some(comment.find("-->").map_or("", |end| &comment[end + 3..]));
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

fn name_end(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || *c == b'-'))
        .map_or(b.len(), |n| from + n)
}

fn is_one_of(name: &str, list: &[&str]) -> bool {
    list.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Index just past the '>' closing a tag, skipping quoted attribute values (`title="a>b"`).
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
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
    hay.windows(n)
        .position(|w| w.starts_with(prefix) && w[prefix.len()..].eq_ignore_ascii_case(name))
}

fn decode_entities(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match decode_entity(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// `s` starts with '&'. The character and the length of the reference, if it is one we know.
fn decode_entity(s: &str) -> Option<(char, usize)> {
    // Long enough for "&#x10FFFF;" and every name below.
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
            .and_then(char::from_u32)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{FFFD}')
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{A0}',
            "mdash" => '—',
            "ndash" => '–',
            "hellip" => '…',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "middot" => '·',
            "copy" => '©',
            _ => return None,
        }
    };
    Some((c, semi + 1))
}

fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
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
