//! A compiled resource and the index of its entries, read once when it is loaded.

use std::borrow::Cow;
use std::ops::Range;

use crate::form::{self, Reader};

/// One compiled `.ftl` resource: its bytes (static for the built-in ones, owned for one
/// compiled at run time) and where each entry's parts are.
pub struct Resource {
    bytes: Cow<'static, [u8]>,
    entries: Vec<Entry>,
}

struct Entry {
    id: Range<usize>,
    term: bool,
    value: Option<Range<usize>>,
    /// The attribute list (its count first).
    attributes: usize,
}

/// A message or term of a resource, as the formatter uses it.
#[derive(Clone, Copy)]
pub(crate) struct EntryRef<'a> {
    pub(crate) term: bool,
    pub(crate) value: Option<&'a [u8]>,
    attributes: &'a [u8],
}

impl<'a> EntryRef<'a> {
    pub(crate) fn attribute(&self, name: &str) -> Option<&'a [u8]> {
        let mut r = Reader::new(self.attributes);
        for _ in 0..r.varint()? {
            let found = r.string()? == name;
            let pattern = r.slice()?;
            if found {
                return Some(pattern);
            }
        }
        None
    }
}

/// The compiled form was made for another layout (a build mismatch, never a translator's
/// error: those are reported when compiling). Its text is the widget's (src/i18n.rs), which
/// writes it without `core::fmt`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrongVersion {
    pub found: Option<u8>,
}

impl Resource {
    /// Reads the entries' index. Entries after a malformed one are dropped (the compiler never
    /// writes one). One signature for both kinds of bytes: one copy in the wasm.
    pub fn new(bytes: Cow<'static, [u8]>) -> Result<Resource, WrongVersion> {
        let mut r = Reader::new(&bytes);
        let version = r.byte();
        if version != Some(form::VERSION) {
            return Err(WrongVersion { found: version });
        }
        let mut entries = Vec::new();
        while !r.at_end() {
            match read_entry(&mut r) {
                Some(entry) => entries.push(entry),
                None => break,
            }
        }
        Ok(Resource { bytes, entries })
    }

    /// The entry named `id`, message or term: like fluent-bundle, one name space for both, and
    /// the last definition wins.
    pub(crate) fn entry(&self, id: &str) -> Option<EntryRef<'_>> {
        let entry = self
            .entries
            .iter()
            .rev()
            .find(|e| self.bytes.get(e.id.clone()) == Some(id.as_bytes()))?;
        Some(EntryRef {
            term: entry.term,
            value: entry.value.clone().and_then(|v| self.bytes.get(v)),
            attributes: self.bytes.get(entry.attributes..)?,
        })
    }

    /// The ids of the messages (not terms), in order.
    pub fn message_ids(&self) -> impl Iterator<Item = &str> {
        self.entries
            .iter()
            .filter(|e| !e.term)
            .filter_map(|e| core::str::from_utf8(self.bytes.get(e.id.clone())?).ok())
    }
}

fn read_entry(r: &mut Reader<'_>) -> Option<Entry> {
    let flags = r.byte()?;
    let id = r.range()?;
    let value = if flags & form::HAS_VALUE != 0 {
        Some(r.range()?)
    } else {
        None
    };
    let attributes = r.pos;
    for _ in 0..r.varint()? {
        r.slice()?;
        r.slice()?;
    }
    Some(Entry {
        id,
        term: flags & form::TERM != 0,
        value,
        attributes,
    })
}
