//! The compiled form's layout, written by ftl-compile (`Writer`) and read by the formatter
//! (`Reader`), in this one place.
//!
//! Numbers are unsigned LEB128 (`varint`); a string is its byte length then its UTF-8 bytes; a
//! pattern is its byte length then its elements, so that a reader can step over one unread.
//!
//! ```text
//! resource   = VERSION entry*
//! entry      = flags:u8 (TERM | HAS_VALUE) id:string [value:pattern]
//!              attributes:varint (name:string pattern)*
//! pattern    = length:varint element*
//! element    = TEXT string | expression          (an expression here is a placeable)
//! expression = STRING string                     (unescaped)
//!            | NUMBER literal:string            (as written: -?[0-9]+(.[0-9]+)?)
//!            | VARIABLE name:string
//!            | MESSAGE id:string | MESSAGE_ATTRIBUTE id:string name:string
//!            | TERM id:string arguments | TERM_ATTRIBUTE id:string name:string arguments
//!            | FUNCTION name:string arguments
//!            | SELECT selector:expression variants:varint default:varint (key pattern)*
//!            | PLACEABLE expression              ({ { … } }, a placeable inside one)
//! arguments  = positional:varint expression* named:varint (name:string expression)*
//! key        = KEY_NAME string | KEY_NUMBER literal:string
//! ```
//!
//! Number literals stay text: their value is read when formatting, by the `Numbers` (the
//! browser's `parseFloat` in the widget), so that no float parsing ships in the wasm.

use std::ops::Range;

/// The first byte of every resource: a resource compiled for another layout is refused.
pub const VERSION: u8 = 1;

pub const TERM: u8 = 1;
pub const HAS_VALUE: u8 = 2;

pub const TEXT: u8 = 0;
pub const STRING: u8 = 1;
pub const NUMBER: u8 = 2;
pub const VARIABLE: u8 = 3;
pub const MESSAGE: u8 = 4;
pub const MESSAGE_ATTRIBUTE: u8 = 5;
pub const TERM_REFERENCE: u8 = 6;
pub const TERM_ATTRIBUTE: u8 = 7;
pub const FUNCTION: u8 = 8;
pub const SELECT: u8 = 9;
pub const PLACEABLE: u8 = 10;

pub const KEY_NAME: u8 = 0;
pub const KEY_NUMBER: u8 = 1;

/// Reads the form. Every read is checked: a short or malformed form reads as `None`, never as
/// a panic (the formatter then stops where it is).
#[derive(Clone)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pub(crate) pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }

    /// A reader of the same bytes from `pos`.
    pub fn at(&self, pos: usize) -> Reader<'a> {
        Reader {
            bytes: self.bytes,
            pos,
        }
    }

    pub fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    pub fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    pub fn varint(&mut self) -> Option<u32> {
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            value |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    /// Where the next length-prefixed run of bytes is (a pattern, or a string's bytes).
    pub fn range(&mut self) -> Option<Range<usize>> {
        let len = self.varint()? as usize;
        let start = self.pos;
        let end = start
            .checked_add(len)
            .filter(|&end| end <= self.bytes.len())?;
        self.pos = end;
        Some(start..end)
    }

    /// The next length-prefixed run of bytes.
    pub fn slice(&mut self) -> Option<&'a [u8]> {
        let range = self.range()?;
        self.bytes.get(range)
    }

    pub fn string(&mut self) -> Option<&'a str> {
        core::str::from_utf8(self.slice()?).ok()
    }
}

/// Writes the form; ftl-compile drives it in the order the layout above gives.
#[derive(Default)]
pub struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    pub fn new() -> Writer {
        Writer::default()
    }

    pub fn byte(&mut self, b: u8) {
        self.bytes.push(b);
    }

    pub fn varint(&mut self, mut value: u32) {
        loop {
            let low = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    /// `varint` for a count or length, which the layout holds in 32 bits.
    pub fn count(&mut self, n: usize) {
        self.varint(u32::try_from(n).unwrap_or(u32::MAX));
    }

    pub fn slice(&mut self, bytes: &[u8]) {
        self.count(bytes.len());
        self.bytes.extend_from_slice(bytes);
    }

    pub fn string(&mut self, s: &str) {
        self.slice(s.as_bytes());
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}
