//! Repairs of feed text that is not well-formed XML, tried before giving up on it: the mistakes
//! real CMSs make (a bare `&`, HTML entities XML does not know, control characters, a namespace
//! prefix used without its declaration).

use super::text::named_entity;
use crate::decimal::push_decimal;
use crate::work;

/// Namespaces that feeds use under their conventional prefixes, for declaring a forgotten one.
const KNOWN_PREFIXES: &[(&str, &str)] = &[
    ("atom", "http://www.w3.org/2005/Atom"),
    ("content", "http://purl.org/rss/1.0/modules/content/"),
    ("dc", "http://purl.org/dc/elements/1.1/"),
    ("dcterms", "http://purl.org/dc/terms/"),
    ("media", "http://search.yahoo.com/mrss/"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("slash", "http://purl.org/rss/1.0/modules/slash/"),
    ("sy", "http://purl.org/rss/1.0/modules/syndication/"),
    ("wfw", "http://wellformedweb.org/CommentAPI/"),
    ("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
];

/// What a repair changed, for the warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XmlRepair {
    BareAmpersand,
    HtmlEntity,
    ControlCharacter,
    UndeclaredPrefix,
}

impl XmlRepair {
    pub fn describe(self) -> &'static str {
        match self {
            XmlRepair::BareAmpersand => "bare '&' escaped",
            XmlRepair::HtmlEntity => "HTML entities written as characters",
            XmlRepair::ControlCharacter => "control characters dropped",
            XmlRepair::UndeclaredPrefix => "undeclared namespace prefixes declared",
        }
    }
}

/// The text with every repair applied, and which ones changed something; `None` when nothing
/// needed repair (so a reparse would fail the same way).
pub fn repair_xml(text: &str) -> Option<(String, Vec<XmlRepair>)> {
    let mut repairs = Vec::new();
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    // CDATA sections are copied as they are: `&` is legal inside them.
    while !rest.is_empty() {
        let (plain, cdata, after) = match work::find(rest, "<![CDATA[") {
            Some(start) => {
                let end = work::find(&rest[start..], "]]>").map_or(rest.len(), |e| start + e + 3);
                (&rest[..start], &rest[start..end], &rest[end..])
            }
            None => (rest, "", ""),
        };
        repair_plain(plain, &mut out, &mut repairs);
        // Control characters are illegal in CDATA too.
        work::add(cdata.len());
        for c in cdata.chars() {
            if is_illegal(c) {
                note(&mut repairs, XmlRepair::ControlCharacter);
            } else {
                out.push(c);
            }
        }
        rest = after;
    }
    if let Some(declared) = declare_prefixes(&out) {
        out = declared;
        repairs.push(XmlRepair::UndeclaredPrefix);
    }
    (!repairs.is_empty()).then_some((out, repairs))
}

fn note(repairs: &mut Vec<XmlRepair>, repair: XmlRepair) {
    if !repairs.contains(&repair) {
        repairs.push(repair);
    }
}

fn repair_plain(s: &str, out: &mut String, repairs: &mut Vec<XmlRepair>) {
    work::add(s.len());
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '&' => {
                let reference = &s[i..];
                match entity_len(reference) {
                    Some((len, xml_known)) => {
                        let name = &reference[1..len - 1];
                        if xml_known {
                            out.push_str(&reference[..len]);
                        } else if let Some(c) = named_entity(name) {
                            out.push_str("&#");
                            push_decimal(out, u64::from(c));
                            out.push(';');
                            note(repairs, XmlRepair::HtmlEntity);
                        } else {
                            out.push_str("&amp;");
                            out.push_str(&reference[1..len]);
                            note(repairs, XmlRepair::BareAmpersand);
                        }
                        for _ in 1..reference[..len].chars().count() {
                            chars.next();
                        }
                    }
                    None => {
                        out.push_str("&amp;");
                        note(repairs, XmlRepair::BareAmpersand);
                    }
                }
            }
            c if is_illegal(c) => note(repairs, XmlRepair::ControlCharacter),
            c => out.push(c),
        }
    }
}

/// Characters XML 1.0 forbids anywhere: C0 controls but tab and line ends, and U+FFFE/FFFF.
fn is_illegal(c: char) -> bool {
    ((c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// `s` starts with '&'. The length of a well-formed reference (`&name;`, `&#10;`, `&#x1F;`)
/// and whether XML itself knows it.
fn entity_len(s: &str) -> Option<(usize, bool)> {
    work::add(s.len().min(40));
    let semi = s.bytes().take(40).position(|b| b == b';')?;
    let name = &s[1..semi];
    if let Some(num) = name.strip_prefix('#') {
        let ok = match num.strip_prefix(['x', 'X']) {
            Some(hex) => !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()),
            None => !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()),
        };
        return ok.then_some((semi + 1, true));
    }
    let valid = name
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
    if !valid {
        return None;
    }
    let xml = matches!(name, "amp" | "lt" | "gt" | "quot" | "apos");
    Some((semi + 1, xml))
}

/// Declarations added to the root element for prefixes used but never declared; `None` when
/// every prefix in use is declared. One pass over the text for the names in use and one for the
/// declarations, then sorted lists: stray `<`s and many prefixes cost no rescans.
fn declare_prefixes(text: &str) -> Option<String> {
    let root_start = root_start(text)?;
    let root_end = root_start + work::find_char(&text[root_start..], '>')?;
    let mut used: Vec<&str> = Vec::new();
    let mut at = 0;
    while let Some(lt) = work::find_char(&text[at..], '<') {
        at += lt + 1;
        let rest = &text[at..];
        let rest_trim = rest.strip_prefix('/').unwrap_or(rest);
        // A name ends at the next `<` too, so that no scan runs past the next tag.
        let name_len = rest_trim
            .find(|c: char| c.is_whitespace() || matches!(c, '>' | '/' | '<'))
            .unwrap_or(rest_trim.len());
        work::add(name_len + 1);
        let Some((prefix, _)) = rest_trim[..name_len].split_once(':') else {
            continue;
        };
        // Only what can be declared: a name, not markup gone wrong.
        let declarable = !prefix.is_empty()
            && !prefix.starts_with(['!', '?'])
            && !prefix.contains(['=', '"', '\'', '&'])
            && prefix != "xml"
            && prefix != "xmlns";
        if declarable {
            used.push(prefix);
        }
    }
    let mut declared: Vec<&str> = Vec::new();
    let mut from = 0;
    while let Some(found) = work::find(&text[from..], "xmlns:") {
        from += found + 6;
        // The name runs to the `=`; a name cannot hold `:`, so no scan runs past the next
        // declaration.
        let rest = &text[from..];
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '=' | ':' | '<' | '>' | '"' | '\''))
            .unwrap_or(rest.len());
        work::add(end + 1);
        if rest[end..].starts_with('=') {
            declared.push(&rest[..end]);
        }
    }
    declared.sort_unstable();
    used.sort_unstable();
    // Each prefix that no declaration names, once, declared in the order of the names.
    let mut missing: Vec<&str> = Vec::new();
    for prefix in used {
        if missing.last() != Some(&prefix) && declared.binary_search(&prefix).is_err() {
            missing.push(prefix);
        }
    }
    work::add(missing.len() + declared.len());
    if missing.is_empty() {
        return None;
    }
    let insert_at = if text[..root_end].ends_with('/') {
        root_end - 1
    } else {
        root_end
    };
    let mut out = String::with_capacity(text.len() + missing.len() * 48);
    out.push_str(&text[..insert_at]);
    for prefix in missing {
        out.push_str(" xmlns:");
        out.push_str(prefix);
        out.push_str("=\"");
        match KNOWN_PREFIXES.iter().find(|(p, _)| *p == prefix) {
            Some((_, uri)) => out.push_str(uri),
            None => {
                out.push_str("urn:x-undeclared:");
                out.push_str(prefix);
            }
        }
        out.push('"');
    }
    out.push_str(&text[insert_at..]);
    Some(out)
}

/// Where the root element's start tag begins: the first `<` that opens an element, after the
/// declaration, comments and a doctype.
fn root_start(text: &str) -> Option<usize> {
    let mut from = 0;
    loop {
        let at = from + work::find_char(&text[from..], '<')?;
        let next = text[at + 1..].chars().next()?;
        if next == '?' || next == '!' {
            from = at + 1;
            continue;
        }
        return Some(at);
    }
}

/// The parser's own words in the text of a browser's `parsererror`: Chromium's element holds
/// them between two headings of its own ("This page contains the following errors:" and "Below
/// is a rendering of the page up to the first error."), run together in its text; Firefox's
/// holds them first, then where and the line.
pub fn parser_message(text: &str) -> &str {
    let words = text.split_once("errors:").map_or(text, |(_, words)| words);
    let words = words
        .split("Below is a rendering")
        .next()
        .unwrap_or_default();
    words.trim().lines().next().unwrap_or_default().trim_end()
}

/// The line that a browser's parser error message names: Chromium's "error on line 12 at
/// column 3", Firefox's "Line Number 12, Column 3".
pub fn error_line(message: &str) -> Option<u32> {
    let lower = message.to_ascii_lowercase();
    let at = lower.find("line ")? + 5;
    let rest = lower[at..].strip_prefix("number ").unwrap_or(&lower[at..]);
    let digits = rest.bytes().take_while(u8::is_ascii_digit);
    // A line past u32 (a message can name any number) is no line we can point to.
    digits.fold(None, |n: Option<Option<u32>>, d| {
        Some(
            n.unwrap_or(Some(0))
                .and_then(|n| n.checked_mul(10)?.checked_add(u32::from(d - b'0'))),
        )
    })?
}
