//! The reading plan across the boundary between a page's module and the plan module, which
//! plans (`plan`) so that no page's module carries the sentence rules: the plan module is
//! fetched when a reader first points at, moves to or presses Listen.
//!
//! Both ways the bytes start with the form's version (`VERSION`: a page's module and a plan
//! module of different releases refuse each other's bytes instead of misreading them), then
//! little-endian `u32`s and UTF-8, each text after its length:
//! - the runs, as the page's glue writes them (`js/speech.js`): for each run, one
//!   byte that is 1 where it starts a block, then its text;
//! - the plan: the number of utterances, then for each its estimated cost (ms at 1×), its
//!   text, the number of its stretches and each stretch's run, start and end.
//!
//! The page's module reads a plan with the same care as anything else from outside it: a
//! short answer, or one whose counts and lengths do not add up, is an error, never a panic or
//! an allocation the bytes do not back. (Stretches that name no run, or run past one, are the
//! highlight's to refuse: `js/speech.js` draws none.)

use super::plan::{Run, SourceRange, Utterance};

/// The form of both ways' bytes: a change to either is a new version.
pub const VERSION: u8 = 1;

/// Why bytes are not a plan or runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WireError {
    /// Another version's form (or none): files of two releases.
    Version,
    /// They end inside a number or a text.
    Truncated,
    /// A text is not UTF-8.
    NotText,
    /// Bytes are left after the last item.
    Trailing,
}

impl WireError {
    /// For the console.
    pub fn name(self) -> &'static str {
        match self {
            WireError::Version => "another release's form",
            WireError::Truncated => "cut short",
            WireError::NotText => "a text not UTF-8",
            WireError::Trailing => "bytes after the end",
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn versioned(bytes: &'a [u8]) -> Result<Reader<'a>, WireError> {
        match bytes.split_first() {
            Some((&VERSION, rest)) => Ok(Reader { bytes: rest }),
            _ => Err(WireError::Version),
        }
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], WireError> {
        if len > self.bytes.len() {
            return Err(WireError::Truncated);
        }
        let (taken, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        Ok(taken)
    }

    fn u32(&mut self) -> Result<u32, WireError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn text(&mut self) -> Result<String, WireError> {
        let len = self.u32()? as usize;
        let bytes = self.take(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| WireError::NotText)
    }

    /// A count of items of at least `least` bytes each: never more than the bytes can hold, so
    /// that a forged count reserves nothing.
    fn count(&mut self, least: usize) -> Result<usize, WireError> {
        let n = self.u32()? as usize;
        if n > self.bytes.len() / least {
            return Err(WireError::Truncated);
        }
        Ok(n)
    }

    fn end(&self) -> Result<(), WireError> {
        match self.bytes.is_empty() {
            true => Ok(()),
            false => Err(WireError::Trailing),
        }
    }
}

fn put_u32(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
}

fn put_text(out: &mut Vec<u8>, text: &str) {
    put_u32(out, text.len());
    out.extend_from_slice(text.as_bytes());
}

/// The runs as the page's glue writes them (for tests and the fuzz target; the page writes them
/// in JavaScript).
pub fn encode_runs(runs: &[Run]) -> Vec<u8> {
    let mut out = vec![VERSION];
    for run in runs {
        out.push(u8::from(run.starts_block));
        put_text(&mut out, &run.text);
    }
    out
}

/// The runs the page's glue wrote.
pub fn decode_runs(bytes: &[u8]) -> Result<Vec<Run>, WireError> {
    let mut reader = Reader::versioned(bytes)?;
    let mut runs = Vec::new();
    while !reader.bytes.is_empty() {
        let starts_block = reader.take(1)?[0] != 0;
        runs.push(Run::new(reader.text()?, starts_block));
    }
    Ok(runs)
}

/// A plan for the page's module (the language is the page's to add: it asked in it).
pub fn encode_plan(utterances: &[Utterance]) -> Vec<u8> {
    let mut out = vec![VERSION];
    put_u32(&mut out, utterances.len());
    for u in utterances {
        put_u32(&mut out, u.cost as usize);
        put_text(&mut out, &u.text);
        put_u32(&mut out, u.ranges.len());
        for r in &u.ranges {
            for n in [r.run, r.start as usize, r.end as usize] {
                put_u32(&mut out, n);
            }
        }
    }
    out
}

/// The plan the plan module answered, its utterances in `lang`.
pub fn decode_plan(bytes: &[u8], lang: &str) -> Result<Vec<Utterance>, WireError> {
    let mut reader = Reader::versioned(bytes)?;
    // An utterance is at least 12 bytes: its cost, its text's length, its stretches' count.
    let n = reader.count(12)?;
    let mut utterances = Vec::with_capacity(n);
    for _ in 0..n {
        let cost = reader.u32()?;
        let text = reader.text()?;
        let stretches = reader.count(12)?;
        let mut ranges = Vec::with_capacity(stretches);
        for _ in 0..stretches {
            ranges.push(SourceRange {
                run: reader.u32()? as usize,
                start: reader.u32()?,
                end: reader.u32()?,
            });
        }
        utterances.push(Utterance {
            text,
            lang: lang.into(),
            cost,
            ranges,
        });
    }
    reader.end()?;
    Ok(utterances)
}
