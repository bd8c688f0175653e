//! The reading plan: an article's text, as the DOM layer finds it, cut into utterances
//! (`sentence`'s rules), each with the places in the DOM's text it came from, so that the
//! sentence being read can be highlighted (a `Range` per text node, for the CSS Custom
//! Highlight API) without changing the article.
//!
//! The DOM layer hands over the article as **runs**: the text of each text node it reads
//! (the title's, then the body's), in document order, each marked where it starts a new block
//! (a heading, a paragraph, a list item, a cell, after a `<br>`): no sentence runs across
//! blocks, so a title without a full stop is read as one. Whitespace is read as the page shows
//! it (a run of it is one space, none at a block's edges), and an utterance's places are in
//! UTF-16 code units, the offsets of the DOM's `Range`.

use super::sentence::{cost_of, is_letter, pieces, sentences};

/// The text of one text node of the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    /// The node starts a block: the text before it is another sentence.
    pub starts_block: bool,
}

impl Run {
    pub fn new(text: impl Into<String>, starts_block: bool) -> Run {
        Run {
            text: text.into(),
            starts_block,
        }
    }
}

/// A stretch of one run, in UTF-16 code units: `Range.setStart(node, start)`,
/// `Range.setEnd(node, end)` on the run's text node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceRange {
    pub run: usize,
    pub start: u32,
    pub end: u32,
}

/// One `SpeechSynthesisUtterance`: its text, its language, and where it is in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Utterance {
    pub text: String,
    pub lang: String,
    /// Its estimated time at 1×, in milliseconds (`sentence::cost_of`): how long the DOM layer
    /// waits for a voice that never says it has ended.
    pub cost: u32,
    /// One stretch per run the utterance touches, in order.
    pub ranges: Vec<SourceRange>,
}

/// A character of a block and where it came from: the whitespace it stands for, or itself.
#[derive(Clone, Copy)]
struct Placed {
    c: char,
    run: usize,
    at: u32,
}

/// The utterances that read `runs` in the language `lang` (the article's), in order. Pieces
/// with nothing to say (a rule of dashes, a lone bracket) are left out.
pub fn plan(lang: &str, runs: &[Run]) -> Vec<Utterance> {
    let mut out = Vec::new();
    for block in blocks(runs) {
        let chars: Vec<char> = block.iter().map(|p| p.c).collect();
        for sentence in sentences(&chars) {
            for piece in pieces(&chars, sentence) {
                let Some(piece) = trimmed(&chars, piece.start, piece.end) else {
                    continue;
                };
                if !chars[piece.clone()].iter().any(|&c| is_letter(c)) {
                    continue;
                }
                out.push(Utterance {
                    text: chars[piece.clone()].iter().collect(),
                    lang: lang.to_string(),
                    cost: cost_of(&chars[piece.clone()]),
                    ranges: source_ranges(&block[piece]),
                });
            }
        }
    }
    out
}

/// The runs as blocks of characters, each whitespace run one space standing at its first
/// character, none at a block's start (the end's is trimmed with each piece).
fn blocks(runs: &[Run]) -> Vec<Vec<Placed>> {
    let mut blocks = Vec::new();
    let mut block: Vec<Placed> = Vec::new();
    for (index, run) in runs.iter().enumerate() {
        if run.starts_block && !block.is_empty() {
            blocks.push(std::mem::take(&mut block));
        }
        let mut at = 0;
        for c in run.text.chars() {
            if !c.is_whitespace() {
                block.push(Placed { c, run: index, at });
            } else if block.last().is_some_and(|p| p.c != ' ') {
                block.push(Placed {
                    c: ' ',
                    run: index,
                    at,
                });
            }
            at += c.len_utf16() as u32;
        }
    }
    if !block.is_empty() {
        blocks.push(block);
    }
    blocks
}

fn trimmed(chars: &[char], mut start: usize, mut end: usize) -> Option<std::ops::Range<usize>> {
    while start < end && chars[start] == ' ' {
        start += 1;
    }
    while end > start && chars[end - 1] == ' ' {
        end -= 1;
    }
    (start < end).then_some(start..end)
}

/// One stretch per run: the characters of a piece are consecutive in each run they touch.
fn source_ranges(piece: &[Placed]) -> Vec<SourceRange> {
    let mut ranges: Vec<SourceRange> = Vec::new();
    for p in piece {
        let end = p.at + p.c.len_utf16() as u32;
        match ranges.last_mut() {
            Some(last) if last.run == p.run => last.end = end,
            _ => ranges.push(SourceRange {
                run: p.run,
                start: p.at,
                end,
            }),
        }
    }
    ranges
}
