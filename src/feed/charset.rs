//! Which encoding to hand the browser's `TextDecoder` for a feed's bytes: byte order mark, HTTP
//! header, XML declaration, then a check that a feed declared in a legacy charset ("Latin-1",
//! EUC-KR) is not UTF-8 after all.

use crate::work;

/// What the payload looks like after a BOM and leading whitespace: `{`/`[` JSON, `<` XML, else
/// Unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Json,
    Xml,
    Unknown,
}

/// Where the decision came from; reported by validateFeed and in console warnings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharsetSource {
    ByteOrderMark,
    HttpHeader,
    XmlDeclaration,
    /// Valid UTF-8 overrode a declared legacy charset.
    Utf8Bytes,
    /// RFC 8259: JSON exchanged between systems is UTF-8, whatever the header says.
    JsonIsUtf8,
    Default,
}

impl CharsetSource {
    /// How `validateFeed` names it.
    pub fn name(self) -> &'static str {
        match self {
            CharsetSource::ByteOrderMark => "byte order mark",
            CharsetSource::HttpHeader => "HTTP header",
            CharsetSource::XmlDeclaration => "XML declaration",
            CharsetSource::Utf8Bytes => "UTF-8 bytes",
            CharsetSource::JsonIsUtf8 => "JSON is UTF-8",
            CharsetSource::Default => "default",
        }
    }
}

/// What the bytes hold as UTF-8, checked by the caller only when asked (it may be a whole-body
/// scan).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Utf8Check {
    ValidWithMultibyte,
    Ascii,
    Invalid,
}

impl Utf8Check {
    /// Checks `bytes`, which may be a prefix of the body ending inside a character.
    pub fn of(bytes: &[u8]) -> Utf8Check {
        work::add(bytes.len());
        let valid = match std::str::from_utf8(bytes) {
            Ok(_) => bytes,
            Err(e) if e.error_len().is_none() => &bytes[..e.valid_up_to()],
            Err(_) => return Utf8Check::Invalid,
        };
        if valid.is_ascii() {
            Utf8Check::Ascii
        } else {
            Utf8Check::ValidWithMultibyte
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CharsetDecision {
    /// A WHATWG Encoding Standard name, as `new TextDecoder(encoding)` takes it.
    pub encoding: String,
    pub source: CharsetSource,
    /// The label the feed declared (HTTP header, else XML declaration), when the decision is
    /// not the encoding it names.
    pub declared: Option<String>,
    /// A declared label that names no encoding, which was ignored.
    pub unknown_label: Option<String>,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn sniff_syntax(head: &[u8]) -> Syntax {
    let body = bom(head).map_or(head, |(_, len)| &head[len..]);
    match after_blanks(body).first() {
        Some(b'{' | b'[') => Syntax::Json,
        Some(b'<') => Syntax::Xml,
        _ => Syntax::Unknown,
    }
}

/// Decides the encoding of a feed from its first bytes (`head`, the whole XML declaration at
/// least) and the HTTP `Content-Type`. `encoding_of` names the encoding a label means, or
/// `None` for an unknown label: in the browser `TextDecoder` itself answers (its table ships
/// with it), natively [`encoding_for_label`]. `utf8` is called only when a single-byte or an East
/// Asian multibyte charset was declared, to see whether the bytes are UTF-8 all the same.
pub fn decide_charset(
    head: &[u8],
    http_content_type: Option<&str>,
    encoding_of: impl Fn(&str) -> Option<String>,
    utf8: impl FnOnce() -> Utf8Check,
) -> CharsetDecision {
    let mut unknown_label = None;
    // The first declared label that names an encoding: the HTTP header's, else the XML
    // declaration's.
    let mut declared = None;
    let labels = [
        (
            http_content_type.and_then(charset_parameter),
            CharsetSource::HttpHeader,
        ),
        (xml_declared_encoding(head), CharsetSource::XmlDeclaration),
    ];
    for (label, source) in labels {
        let Some(label) = label.map(clean).filter(|l| !l.is_empty()) else {
            continue;
        };
        match encoding_of(label) {
            Some(encoding) => {
                declared = Some((label, encoding, source));
                break;
            }
            None => {
                unknown_label.get_or_insert_with(|| label.to_owned());
            }
        }
    }
    // Text in UTF-16 has a NUL in its first two bytes; without one, a UTF-16 label is a
    // serializer's mistake (.NET writes `encoding="utf-16"` into UTF-8 output).
    let ascii_compatible = head.len() >= 2 && head[0] != 0 && head[1] != 0;

    let (mut encoding, mut source) = if let Some((encoding, _)) = bom(head) {
        (encoding, CharsetSource::ByteOrderMark)
    } else if sniff_syntax(head) == Syntax::Json {
        ("utf-8", CharsetSource::JsonIsUtf8)
    } else if let Some((_, encoding, source)) = &declared {
        if encoding.starts_with("utf-16") && ascii_compatible {
            ("utf-8", CharsetSource::Default)
        } else {
            (encoding.as_str(), *source)
        }
    } else if head.starts_with(b"<\0?\0") {
        ("utf-16le", CharsetSource::XmlDeclaration)
    } else if head.starts_with(b"\0<\0?") {
        ("utf-16be", CharsetSource::XmlDeclaration)
    } else {
        ("utf-8", CharsetSource::Default)
    };
    // A CMS that declares ISO-8859-1 by default while writing UTF-8 is common, and so is a
    // Korean or Chinese site moved to UTF-8 whose templates still say EUC-KR or GB2312; the
    // reverse, a feed's worth of Latin, Korean or Chinese text that happens to be valid
    // multibyte UTF-8, practically does not occur.
    if is_legacy(encoding) && utf8() == Utf8Check::ValidWithMultibyte {
        (encoding, source) = ("utf-8", CharsetSource::Utf8Bytes);
    }
    let encoding = encoding.to_owned();
    CharsetDecision {
        declared: declared
            .filter(|(_, named, _)| *named != encoding)
            .map(|(label, ..)| label.to_owned()),
        encoding,
        source,
        unknown_label,
    }
}

/// `head` after white space and UTF-8 byte order marks: a PHP template's blank lines, and the
/// BOM of each file it includes, may come before the document. NULs are skipped with the white
/// space, so that UTF-16 text reads the same with or without its BOM.
fn after_blanks(mut head: &[u8]) -> &[u8] {
    loop {
        let at = head
            .iter()
            .position(|b| !matches!(b, 0 | b'\t' | b'\n' | b'\r' | b' '))
            .unwrap_or(head.len());
        work::add(at + 1);
        match head[at..].strip_prefix(UTF8_BOM) {
            Some(rest) => head = rest,
            None => return &head[at..],
        }
    }
}

/// The encoding a byte order mark names, and the mark's length.
fn bom(head: &[u8]) -> Option<(&'static str, usize)> {
    if head.starts_with(UTF8_BOM) {
        Some(("utf-8", 3))
    } else if head.starts_with(b"\xFE\xFF") {
        Some(("utf-16be", 2))
    } else if head.starts_with(b"\xFF\xFE") {
        Some(("utf-16le", 2))
    } else {
        None
    }
}

/// The `charset` parameter of a `Content-Type` value, as written.
fn charset_parameter(content_type: &str) -> Option<&str> {
    work::add(content_type.len());
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim().eq_ignore_ascii_case("charset").then_some(value)
    })
}

/// The `encoding` pseudo-attribute of an XML declaration written in an ASCII-compatible
/// encoding, as written.
fn xml_declared_encoding(head: &[u8]) -> Option<&str> {
    let head = after_blanks(head);
    if !head.get(..5)?.eq_ignore_ascii_case(b"<?xml") {
        return None;
    }
    let end = head.windows(2).position(|w| w == b"?>");
    work::add(end.map_or(head.len(), |end| end + 2));
    let declaration = head.get(5..end?)?;
    let at = declaration
        .windows(8)
        .position(|w| w.eq_ignore_ascii_case(b"encoding"));
    work::add(at.map_or(declaration.len(), |at| at + 8));
    let at = at?;
    // What follows is read once, to the end of the declaration at most.
    work::add(declaration.len() - at);
    let value = declaration[at + 8..].trim_ascii_start();
    let value = value.strip_prefix(b"=")?.trim_ascii_start();
    let value = match value.split_first()? {
        (&quote @ (b'"' | b'\''), rest) => &rest[..rest.iter().position(|&b| b == quote)?],
        // Unquoted is invalid XML, but its meaning is plain.
        _ => {
            let end = value.iter().position(u8::is_ascii_whitespace);
            &value[..end.unwrap_or(value.len())]
        }
    };
    std::str::from_utf8(value).ok()
}

/// A label as the WHATWG Encoding Standard compares it, plus the quotes that headers and
/// attributes wrap it in.
fn clean(label: &str) -> &str {
    work::add(label.len());
    let label = label.trim_ascii();
    label
        .strip_prefix('"')
        .and_then(|l| l.strip_suffix('"'))
        .or_else(|| label.strip_prefix('\'').and_then(|l| l.strip_suffix('\'')))
        .map_or(label, str::trim_ascii)
}

/// Labels that servers send though the Encoding Standard lacks them (Windows code page names),
/// with the encoding they mean; `TextDecoder` does not know them.
pub fn vendor_label(label: &str) -> Option<&'static str> {
    match clean(label).to_ascii_lowercase().as_str() {
        "cp949" | "ms949" | "uhc" => Some("euc-kr"),
        "cp936" | "ms936" => Some("gbk"),
        _ => None,
    }
}

/// Whether each byte is one character, so that valid multibyte UTF-8 in it would be mojibake.
/// A single-byte charset, or one of the East Asian multibyte ones (GBK, GB18030, Big5, EUC-KR,
/// EUC-JP, Shift_JIS, ISO-2022-JP).
fn is_legacy(encoding: &str) -> bool {
    ["windows-", "iso-8859-", "koi8-", "gb", "euc-", "iso-2022-"]
        .iter()
        .any(|prefix| encoding.starts_with(prefix))
        || matches!(
            encoding,
            "ibm866" | "macintosh" | "x-mac-cyrillic" | "big5" | "shift_jis"
        )
}

/// The WHATWG Encoding Standard name for a label (case-insensitive, trimmed, quotes stripped),
/// or None when unknown: the table `TextDecoder` has built in, for native callers (the wasm
/// asks `TextDecoder` and does not carry this table). The standard's `replacement` labels (ISO-2022-KR, HZ) are unknown
/// here, as `TextDecoder` refuses them; `cp949` and `cp936`, which Korean and Chinese servers
/// send, are known although the standard omits them.
pub fn encoding_for_label(label: &str) -> Option<String> {
    let label = clean(label);
    // Each known label is compared once, no further than its own length.
    work::add(LABELS.iter().map(|(_, labels)| labels.len()).sum());
    LABELS
        .iter()
        .find(|(_, labels)| {
            labels
                .split(' ')
                .any(|known| known.eq_ignore_ascii_case(label))
        })
        .map(|&(name, _)| name.to_owned())
}

/// Each encoding's name and its labels, space-separated: one string per encoding keeps the
/// table small in wasm.
#[rustfmt::skip]
const LABELS: &[(&str, &str)] = &[
    ("utf-8", "utf-8 utf8 unicode-1-1-utf-8 unicode11utf8 unicode20utf8 x-unicode20utf8"),
    ("gbk", "gbk gb2312 chinese csgb2312 csiso58gb231280 gb_2312 gb_2312-80 iso-ir-58 x-gbk cp936"),
    ("gb18030", "gb18030"),
    ("big5", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"),
    ("euc-kr", "euc-kr cseuckr csksc56011987 iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 \
                ksc5601 ksc_5601 windows-949 cp949"),
    ("shift_jis", "shift_jis csshiftjis ms932 ms_kanji shift-jis sjis windows-31j x-sjis"),
    ("euc-jp", "euc-jp cseucpkdfmtjapanese x-euc-jp"),
    ("iso-2022-jp", "iso-2022-jp csiso2022jp"),
    ("windows-1252", "windows-1252 iso-8859-1 latin1 us-ascii ascii cp1252 ansi_x3.4-1968 cp819 \
                      csisolatin1 ibm819 iso-ir-100 iso8859-1 iso88591 iso_8859-1 \
                      iso_8859-1:1987 l1 x-cp1252"),
    ("windows-1250", "windows-1250 cp1250 x-cp1250"),
    ("windows-1251", "windows-1251 cp1251 x-cp1251"),
    ("windows-1253", "windows-1253 cp1253 x-cp1253"),
    ("windows-1254", "windows-1254 cp1254 x-cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 \
                      iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5"),
    ("windows-1255", "windows-1255 cp1255 x-cp1255"),
    ("windows-1256", "windows-1256 cp1256 x-cp1256"),
    ("windows-1257", "windows-1257 cp1257 x-cp1257"),
    ("windows-1258", "windows-1258 cp1258 x-cp1258"),
    ("windows-874", "windows-874 dos-874 iso-8859-11 iso8859-11 iso885911 tis-620"),
    ("iso-8859-2", "iso-8859-2 csisolatin2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 \
                    iso_8859-2:1987 l2 latin2"),
    ("iso-8859-3", "iso-8859-3 csisolatin3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 \
                    iso_8859-3:1988 l3 latin3"),
    ("iso-8859-4", "iso-8859-4 csisolatin4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 \
                    iso_8859-4:1988 l4 latin4"),
    ("iso-8859-5", "iso-8859-5 csisolatincyrillic cyrillic iso-ir-144 iso8859-5 iso88595 \
                    iso_8859-5 iso_8859-5:1988"),
    ("iso-8859-6", "iso-8859-6 arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 \
                    iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 \
                    iso_8859-6:1987"),
    ("iso-8859-7", "iso-8859-7 csisolatingreek ecma-118 elot_928 greek greek8 iso-ir-126 \
                    iso8859-7 iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek"),
    ("iso-8859-8", "iso-8859-8 csiso88598e csisolatinhebrew hebrew iso-8859-8-e iso-ir-138 \
                    iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual"),
    ("iso-8859-8-i", "iso-8859-8-i csiso88598i logical"),
    ("iso-8859-10", "iso-8859-10 csisolatin6 iso-ir-157 iso8859-10 iso885910 l6 latin6"),
    ("iso-8859-13", "iso-8859-13 iso8859-13 iso885913"),
    ("iso-8859-14", "iso-8859-14 iso8859-14 iso885914"),
    ("iso-8859-15", "iso-8859-15 csisolatin9 iso8859-15 iso885915 iso_8859-15 l9"),
    ("iso-8859-16", "iso-8859-16"),
    ("koi8-r", "koi8-r cskoi8r koi koi8 koi8_r"),
    ("koi8-u", "koi8-u koi8-ru"),
    ("ibm866", "ibm866 866 cp866 csibm866"),
    ("macintosh", "macintosh csmacintosh mac x-mac-roman"),
    ("x-mac-cyrillic", "x-mac-cyrillic x-mac-ukrainian"),
    ("utf-16le", "utf-16le utf-16 csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff"),
    ("utf-16be", "utf-16be unicodefffe"),
];
