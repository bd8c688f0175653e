//! Atom 0.3's `mode="base64"` text constructs, which feed readers (feedparser, gofeed) decode.

/// Base64 (RFC 4648, whitespace ignored, padding optional) decoded as UTF-8 text; `None` when
/// it is not base64 of UTF-8.
pub(super) fn base64_text(encoded: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(encoded.len() / 4 * 3);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in encoded.bytes().filter(|c| !c.is_ascii_whitespace()) {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    String::from_utf8(bytes).ok()
}
