//! Where a text read aloud is cut: at the ends of sentences in each script, then, for a sentence
//! too long to speak in one utterance, at its commas, at its spaces, or at a length.
//!
//! **Why a length at all.** Chrome's desktop voices stop without an `end` event after about 15 s
//! of one utterance. An utterance is held to an estimated 9 s at 1×, which is 12 s at the
//! slowest speed (0.75×): 3 s short of the cut-off for a voice a fifth slower than the estimate.
//! The estimate charges each character the time a voice takes for it at 1× (Mandarin news
//! voices read 4 to 5 characters a second, Korean ones 5 to 6 syllables, English ones about
//! 160 words a minute, some 13 letters a second): a Han character 250 ms, a Hangul syllable
//! 200 ms, a kana 150 ms, a digit 250 ms (numbers are read as words), any other letter 75 ms,
//! a comma's pause 250 ms. So an utterance holds at most 36 Han characters, 45 Hangul syllables
//! (about 55 characters with the spaces), 60 kana or 120 Latin letters (about 140 characters);
//! a text mixing scripts is charged for each.
//!
//! **Sentence ends.** `。！？；` and the other full-width stops end a sentence wherever they
//! are; `.`, `．`, `!`, `?` and `…` (`...`, `……`) where a space, the end of the block, or (but
//! for `.`) a CJK character follows, so that `3.5`, `３．５`, `www.gov.cn` and `U.S.A` stay
//! whole. Closing quotes
//! and brackets after the stop stay with its sentence (`“……。”`). A period is no end after an
//! abbreviation of a short list (`Mr.`, `Dr.`, `No.`, `Jan.`, `etc.`) or a single letter
//! (`J. K.`, `e.g.`, `U.S.`), nor where the next word starts in lower case (`e.g. a`). These
//! are heuristics: a missed end leaves a sentence that is cut at its commas if long, and a
//! wrong one costs a pause, never a word.

use std::ops::Range;

/// The longest an utterance may be at 1×, in estimated milliseconds (above).
pub const BUDGET_MS: u32 = 9_000;

/// Stops that end a sentence wherever they stand.
const FULL_WIDTH_STOPS: &[char] = &['。', '！', '？', '；', '｡', '‼', '⁇', '⁈', '⁉'];
/// Stops that end a sentence only before a space or the end of the block (or, but for the
/// periods, a CJK character). The full-width period is one: it is also the decimal point of
/// full-width digits (`３．５`).
const LATIN_STOPS: &[char] = &['.', '!', '?', '…', '．'];
/// Closing quotes and brackets that stay with the sentence or clause before them.
const CLOSERS: &[char] = &[
    '”', '’', '」', '』', '）', '》', '〉', '】', '〕', '］', '｝', '"', '\'', ')', ']', '}', '»',
    '›', '＂', '＇',
];
/// Pauses within a sentence where a long one may be cut: after the comma.
const FULL_WIDTH_COMMAS: &[char] = &['，', '、', '；', '：'];
/// Latin commas count only before a space, so that `1,000` and `10:30` stay whole.
const LATIN_COMMAS: &[char] = &[',', ';', ':'];
/// Words a period follows without ending the sentence (lower case).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "no", "fig", "vol", "gov",
    "sen", "rep", "inc", "ltd", "co", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

/// The estimated time a voice takes for `c` at 1×, in milliseconds.
pub fn cost(c: char) -> u32 {
    match c as u32 {
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF => 250,
        0xAC00..=0xD7A3 => 200,
        0x3040..=0x30FF => 150,
        0xFF10..=0xFF19 => 250,
        _ if c.is_ascii_digit() => 250,
        _ if is_letter(c) => 75,
        _ if is_comma(c) => 250,
        _ => 0,
    }
}

pub fn cost_of(text: &[char]) -> u32 {
    text.iter().map(|&c| cost(c)).sum()
}

/// A letter or digit of any script, near enough for an estimate and for telling a piece with
/// something to say from one of punctuation alone: ASCII letters and digits, and anything
/// beyond Latin-1 that is neither a space nor in a block of punctuation and symbols. (Not
/// `char::is_alphanumeric`: its Unicode tables would cost the widget kilobytes.)
pub fn is_letter(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (matches!(c as u32, 0xC0..=0x1FFF | 0x2070..=0x2FFF | 0x3040..=0xFEFF | 0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A | 0xFF66..=0x10FFFF)
            && !c.is_whitespace()
            && !matches!(c as u32, 0xD7 | 0xF7 | 0x2190..=0x2BFF | 0xFE10..=0xFE6F))
}

/// Han, kana or a Hangul syllable: scripts written without spaces between sentences.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF)
}

fn is_comma(c: char) -> bool {
    FULL_WIDTH_COMMAS.contains(&c) || LATIN_COMMAS.contains(&c)
}

/// The sentences of a block, as ranges of `text` (whose whitespace is already one space at
/// most between words), in order and covering all of it.
pub fn sentences(text: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        if !FULL_WIDTH_STOPS.contains(&c) && !LATIN_STOPS.contains(&c) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < text.len()
            && (FULL_WIDTH_STOPS.contains(&text[end])
                || LATIN_STOPS.contains(&text[end])
                || CLOSERS.contains(&text[end]))
        {
            end += 1;
        }
        if ends_sentence(text, i, end) {
            out.push(start..end);
            start = end;
        }
        i = end;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Whether the stops and closers `text[stop..end]` end a sentence.
fn ends_sentence(text: &[char], stop: usize, end: usize) -> bool {
    let stops = &text[stop..end];
    if stops.iter().any(|c| FULL_WIDTH_STOPS.contains(c)) {
        return true;
    }
    let Some(&next) = text.get(end) else {
        return true;
    };
    if !next.is_whitespace() {
        // `U.S.政府`: an ASCII period before Han is an abbreviation's more often than an end.
        return is_wide(next) && stops.iter().any(|&c| c != '.');
    }
    if stops.iter().any(|&c| c == '!' || c == '?') {
        return true;
    }
    let next_word_lower = text[end..]
        .iter()
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| c.is_ascii_lowercase());
    if next_word_lower {
        return false;
    }
    // One period: the word before it may be an abbreviation or an initial.
    if stops == ['.'] {
        let word_start = text[..stop]
            .iter()
            .rposition(|c| !c.is_ascii_alphabetic())
            .map_or(0, |p| p + 1);
        let word: String = text[word_start..stop]
            .iter()
            .map(|c| c.to_ascii_lowercase())
            .collect();
        // `2C.` or `4K.` is a number with its unit, not an initial.
        let whole_word = word_start == 0 || !is_letter(text[word_start - 1]);
        if whole_word && (word.len() == 1 || ABBREVIATIONS.contains(&word.as_str())) {
            return false;
        }
    }
    true
}

/// `range` of `text` cut into pieces of at most `BUDGET_MS` each: at commas where it has them,
/// else at spaces, else anywhere. Clauses next to each other are joined again while they fit,
/// so that a long sentence is read in as few utterances (and pauses) as it needs; a cut at a
/// space or within a word, which no reader would make, falls near the middle (pieces of about
/// equal length) rather than leaving a word or two for the last.
pub fn pieces(text: &[char], range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    fit(text, range, Cut::Comma, &mut out);
    out
}

/// How a piece too long to speak is cut, most natural first.
#[derive(Clone, Copy)]
enum Cut {
    Comma,
    Space,
    Anywhere,
}

fn fit(text: &[char], range: Range<usize>, cut: Cut, out: &mut Vec<Range<usize>>) {
    let total = cost_of(&text[range.clone()]);
    if total <= BUDGET_MS {
        out.push(range);
        return;
    }
    let (parts, finer) = match cut {
        Cut::Comma => (after(text, range, is_clause_end), Some(Cut::Space)),
        Cut::Space => (after(text, range, |t, i| t[i] == ' '), Some(Cut::Anywhere)),
        Cut::Anywhere => (
            after(text, range, |t, i| {
                !t.get(i + 1).is_some_and(|&c| is_attached(c))
            }),
            None,
        ),
    };
    let limit = match cut {
        Cut::Comma => BUDGET_MS,
        Cut::Space | Cut::Anywhere => {
            let largest = parts.iter().map(|p| cost_of(&text[p.clone()])).max();
            balanced(total, largest.unwrap_or(0))
        }
    };
    let mut settle = |piece: Range<usize>| match finer {
        Some(finer) => fit(text, piece, finer, out),
        None => out.push(piece),
    };
    let mut current: Option<Range<usize>> = None;
    for part in parts {
        current = match current {
            Some(joined) if cost_of(&text[joined.start..part.end]) <= limit => {
                Some(joined.start..part.end)
            }
            Some(full) => {
                settle(full);
                Some(part)
            }
            None => Some(part),
        };
    }
    if let Some(last) = current {
        settle(last);
    }
}

/// The most a piece may hold so that `total`, in parts of at most `largest`, is cut into as
/// few pieces as the budget allows, of about equal length: the mean piece plus one part. (Each
/// piece but the last then holds more than the mean, so there are no more pieces than needed.)
fn balanced(total: u32, largest: u32) -> u32 {
    let mean = total.div_ceil(total.div_ceil(BUDGET_MS));
    BUDGET_MS.min(mean + largest)
}

/// Whether a clause ends after `text[i]`: a comma (a Latin one before a space), with the
/// closers that follow it.
fn is_clause_end(text: &[char], i: usize) -> bool {
    let next = text.get(i + 1).copied();
    if next.is_some_and(|n| CLOSERS.contains(&n)) {
        return false;
    }
    let comma = text[..=i]
        .iter()
        .rev()
        .find(|c| !CLOSERS.contains(c))
        .copied();
    match comma {
        Some(c) if FULL_WIDTH_COMMAS.contains(&c) => true,
        Some(c) if LATIN_COMMAS.contains(&c) => next.map_or(true, |n| n == ' '),
        _ => false,
    }
}

/// `range` cut after each index where `ends` holds.
fn after(
    text: &[char],
    range: Range<usize>,
    ends: impl Fn(&[char], usize) -> bool,
) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut start = range.start;
    for i in range.clone() {
        if ends(text, i) && i + 1 < range.end {
            parts.push(start..i + 1);
            start = i + 1;
        }
    }
    parts.push(start..range.end);
    parts
}

/// A combining mark, a joiner or a variation selector: never cut off from what it is part of.
fn is_attached(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x200D | 0xFE00..=0xFE0F)
}
