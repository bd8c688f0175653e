//! Dates as feeds really write them: RFC 822, W3C-DTF and the local forms of Chinese and Korean
//! sites, read into the fields as written so that the builder can apply the publisher's offset.

use super::{days_from_civil, days_in_month, digits};
use crate::feed::Timestamp;
use crate::work;

/// Which grammar a date string matched: the builder warns when a format's own grammar was not
/// used (an Atom date that is not RFC 3339, an RSS date that is not RFC 822).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    /// What `Timestamp::parse` reads with a time: `2024-05-28T10:00:00+08:00`, `Z`, fractions.
    Rfc3339,
    /// `Tue, 10 Jun 2003 04:00:00 GMT`, with any day name or none, two-digit years, named zones.
    Rfc822,
    /// The ISO 8601 subset W3C-DTF allows short of RFC 3339: `2024`, `2024-05`, `2024-05-28`,
    /// `2024-05-28T10:00+09:00`.
    W3cDtf,
    /// Any other year-first form: `2024-5-1`, `2024.05.01.`, `2024/5/1 10:00`, `2024年5月1日`,
    /// `2024년 5월 1일 오후 3:05`, and ISO times without an offset or with `+0800`.
    Local,
}

/// A date as written: wall-clock fields plus the offset, when the string gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrittenDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    pub millis: u16,
    pub offset_minutes: Option<i32>,
    pub form: DateForm,
}

/// What the feed tells about reading its dates: a Chinese feed's `CST` is China Standard Time
/// (+08:00), not US Central (-06:00).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DateContext {
    pub chinese: bool,
}

impl WrittenDate {
    /// The instant for sorting, with `fallback_offset_minutes` used when the string carried no
    /// offset (the publisher's `timezone`; 0 when unknown). The calendar date stays as written.
    pub fn timestamp(&self, fallback_offset_minutes: i32) -> Timestamp {
        let days = days_from_civil(self.year as i64, self.month as u32, self.day as u32);
        let seconds = days * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second);
        let offset = self.offset_minutes.unwrap_or(fallback_offset_minutes);
        Timestamp {
            epoch_ms: seconds * 1000 + i64::from(self.millis) - i64::from(offset) * 60_000,
            year: self.year,
            month: self.month,
            day: self.day,
        }
    }
}

/// Reads the date forms feeds use (see `DateForm`); `None` for anything else, including
/// impossible dates such as 2024-02-30. Month, day and zone names are case-insensitive.
pub fn parse_written_date(s: &str, context: DateContext) -> Option<WrittenDate> {
    work::add(s.len());
    let mut c = Cursor(s.trim());
    let (year, month, day, shape) = if c.digit_run() >= 4 {
        year_first(&mut c)?
    } else {
        day_first(&mut c)?
    };
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let t_separator = matches!(c.0.as_bytes(), [b'T' | b't', d, ..] if d.is_ascii_digit());
    if t_separator {
        c.0 = &c.0[1..];
    }
    let clock = clock(&mut c)?;
    let (offset_minutes, strict_zone) = zone(&mut c, context)?;
    let timed = clock.is_some();
    let t = clock.unwrap_or_default();
    let form = match shape {
        Shape::Partial if timed || offset_minutes.is_some() => return None,
        Shape::Rfc822 => DateForm::Rfc822,
        Shape::Partial => DateForm::W3cDtf,
        Shape::Iso if !timed && offset_minutes.is_none() => DateForm::W3cDtf,
        Shape::Iso if t.plain && strict_zone && t.seconds => DateForm::Rfc3339,
        Shape::Iso if t.plain && strict_zone && t_separator => DateForm::W3cDtf,
        _ => DateForm::Local,
    };
    Some(WrittenDate {
        year: year as i32,
        month: month as u8,
        day: day as u8,
        hour: t.hour as u8,
        minute: t.minute as u8,
        second: t.second as u8,
        millis: t.millis as u16,
        offset_minutes,
        form,
    })
}

/// How the date part was written, which with the time and zone decides the `DateForm`.
enum Shape {
    Rfc822,
    /// `2024` or `2024-05`: nothing may follow.
    Partial,
    /// `2024-05-28`, zero-padded.
    Iso,
    Other,
}

#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];
#[rustfmt::skip]
const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Zone names feeds use and their offsets in minutes. `CST` is US Central unless the feed is
/// Chinese; single military letters are handled apart.
#[rustfmt::skip]
const ZONES: &[(&str, i32)] = &[
    ("gmt", 0), ("ut", 0), ("utc", 0), ("est", -300), ("edt", -240), ("cst", -360), ("cdt", -300),
    ("mst", -420), ("mdt", -360), ("pst", -480), ("pdt", -420), ("kst", 540), ("jst", 540),
    ("hkt", 480), ("beijing", 480),
];

/// Year first: ISO 8601 and W3C-DTF, `2024/5/1`, `2024.05.01.`, `2024年5月1日`, `2024년 5월 1일`,
/// `20240501`.
fn year_first(c: &mut Cursor) -> Option<(u32, u32, u32, Shape)> {
    if let Some(n) = c.number(8, 8) {
        return Some((n / 10_000, n / 100 % 100, n % 100, Shape::Other));
    }
    let year = c.number(4, 4)?;
    // (after the year, after the month, after the day): the last one is optional.
    const SEPARATORS: [(&str, &str, &str); 5] = [
        ("-", "-", ""),
        ("/", "/", ""),
        (".", ".", "."),
        ("年", "月", "日"),
        ("년", "월", "일"),
    ];
    let Some(&(_, after_month, after_day)) = SEPARATORS.iter().find(|(s, _, _)| c.eat(s)) else {
        return Some((year, 1, 1, Shape::Partial));
    };
    c.space();
    let before = c.0.len();
    let month = c.number(1, 2)?;
    let padded = before - c.0.len() == 2;
    if !c.eat(after_month) {
        return (after_month == "-" && padded).then_some((year, month, 1, Shape::Partial));
    }
    c.space();
    let before = c.0.len();
    let day = c.number(1, 2)?;
    let iso = after_month == "-" && padded && before - c.0.len() == 2;
    c.eat(after_day);
    Some((
        year,
        month,
        day,
        if iso { Shape::Iso } else { Shape::Other },
    ))
}

/// RFC 822 and its successors' date part: `Tue, 10 Jun 2003`, `10-Jun-03`, `Tuesday, 1 June 2003`.
fn day_first(c: &mut Cursor) -> Option<(u32, u32, u32, Shape)> {
    if c.0.starts_with(|ch: char| ch.is_ascii_alphabetic()) {
        // Checked to be a day name, not to be the right one: templates often get it wrong.
        name_index(c.word(), &DAYS)?;
        c.eat(",");
        c.space();
    }
    let day = c.number(1, 2)?;
    let gap = |c: &mut Cursor| c.eat("-") | c.space();
    if !gap(c) {
        return None;
    }
    let month = name_index(c.word(), &MONTHS)? + 1;
    if !gap(c) {
        return None;
    }
    let before = c.0.len();
    let year = c.number(2, 4)?;
    // RFC 2822 section 4.3: two-digit years below 50 are 20xx, three-digit ones count from 1900.
    let year = match before - c.0.len() {
        2 if year < 50 => 2000 + year,
        2 | 3 => 1900 + year,
        _ => year,
    };
    Some((year, month, day, Shape::Rfc822))
}

/// Index of the name that `word` abbreviates (three letters at least: `Jun`, `Sept`, `Thurs`).
fn name_index(word: &str, names: &[&str]) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    let position = names.iter().position(|n| {
        n.as_bytes()
            .get(..word.len())
            .is_some_and(|prefix| prefix.eq_ignore_ascii_case(word.as_bytes()))
    })?;
    Some(position as u32)
}

#[derive(Default)]
struct Clock {
    hour: u32,
    minute: u32,
    second: u32,
    millis: u32,
    /// Whether seconds were written.
    seconds: bool,
    /// `hh:mm[:ss[.f]]` with neither CJK unit characters nor a half of the day.
    plain: bool,
}

/// The time of day, if one follows: `10:00`, `10:00:00.123`, `10时30分`, `10시 30분`,
/// `오후 3:05`, `3:05 PM`. The outer `None` means garbage.
fn clock(c: &mut Cursor) -> Option<Option<Clock>> {
    let start = c.0;
    c.space();
    // Korean and Chinese sites put the half of the day before the time, English ones after.
    let mut pm = if c.eat_any(&["오전", "上午"]) {
        Some(false)
    } else if c.eat_any(&["오후", "下午"]) {
        Some(true)
    } else {
        None
    };
    c.space();
    let Some(hour) = c.number(1, 2) else {
        // Rewound so that the zone sees the space before it.
        c.0 = start;
        return pm.is_none().then_some(None);
    };
    let mut t = Clock {
        hour,
        plain: pm.is_none(),
        ..Clock::default()
    };
    if c.eat(":") {
        t.minute = c.number(2, 2)?;
        if c.eat(":") {
            t.second = c.number(2, 2)?;
            t.seconds = true;
            if c.eat(".") {
                let n = c.digit_run();
                if n == 0 {
                    return None;
                }
                // Milliseconds are all that sorting needs; further digits are read and ignored.
                let kept = n.min(3);
                t.millis = digits(c.0.as_bytes(), 0, kept)? * [100, 10, 1][kept - 1];
                c.0 = &c.0[n..];
            }
        }
    } else if c.eat_any(&["时", "時", "点", "點", "시"]) {
        t.plain = false;
        c.space();
        if let Some(minute) = c.number(1, 2) {
            t.minute = minute;
            if !c.eat_any(&["分", "분"]) {
                return None;
            }
            c.space();
            if let Some(second) = c.number(1, 2) {
                t.second = second;
                t.seconds = true;
                if !c.eat_any(&["秒", "초"]) {
                    return None;
                }
            }
        }
    } else {
        return None;
    }
    let before_half = c.0;
    c.space();
    match c.word() {
        w if w.eq_ignore_ascii_case("am") => pm = Some(false),
        w if w.eq_ignore_ascii_case("pm") => pm = Some(true),
        _ => c.0 = before_half,
    }
    if let Some(pm) = pm {
        if t.hour > 12 {
            return None;
        }
        t.hour = t.hour % 12 + if pm { 12 } else { 0 };
        t.plain = false;
    }
    (t.hour <= 23 && t.minute <= 59 && t.second <= 60).then_some(Some(t))
}

/// The zone to the end of the string, then an optional RFC 2822 comment such as `(UTC)`: the
/// offset, if any, and whether it was written as RFC 3339 wants (`Z` or `+08:00`, unspaced).
/// `None` means garbage.
fn zone(c: &mut Cursor, context: DateContext) -> Option<(Option<i32>, bool)> {
    let spaced = c.space();
    let zone = if c.done() || c.0.starts_with('(') {
        (None, false)
    } else if c.0.starts_with(['+', '-']) {
        let (minutes, rfc3339) = numeric_offset(c)?;
        (Some(minutes), rfc3339 && !spaced)
    } else if c.eat("北京时间") {
        (Some(480), false)
    } else {
        let name = c.word();
        let minutes = if context.chinese && name.eq_ignore_ascii_case("cst") {
            480
        } else if name.len() == 1 && !name.eq_ignore_ascii_case("j") {
            // RFC 2822 section 4.3: RFC 822 got the military zones' signs wrong, so all of them
            // (`Z` included) are read as UTC.
            0
        } else {
            ZONES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name))?.1
        };
        let minutes = if name.eq_ignore_ascii_case("beijing") {
            let before = c.0;
            c.space();
            if !c.word().eq_ignore_ascii_case("time") {
                c.0 = before;
            }
            minutes
        } else if minutes == 0 && name.len() > 1 && c.0.starts_with(['+', '-']) {
            // `GMT+8`, `UTC+09:00`.
            numeric_offset(c)?.0
        } else {
            minutes
        };
        (Some(minutes), !spaced && name.eq_ignore_ascii_case("z"))
    };
    c.space();
    if c.eat("(") {
        let close = work::find_char(c.0, ')')?;
        c.0 = &c.0[close + 1..];
        c.space();
    }
    c.done().then_some(zone)
}

/// `+08`, `+0800` or `+08:00` (or with `-`) in minutes, and whether it was the `+08:00` form.
fn numeric_offset(c: &mut Cursor) -> Option<(i32, bool)> {
    let negative = c.eat("-");
    if !negative && !c.eat("+") {
        return None;
    }
    let (hours, minutes, rfc3339) = match c.number(4, 4) {
        Some(hhmm) => (hhmm / 100, hhmm % 100, false),
        None => {
            let before = c.0.len();
            let hours = c.number(1, 2)?;
            let two_digits = before - c.0.len() == 2;
            match c.eat(":") {
                true => (hours, c.number(2, 2)?, two_digits),
                false => (hours, 0, false),
            }
        }
    };
    if hours > 23 || minutes > 59 {
        return None;
    }
    let total = (hours * 60 + minutes) as i32;
    Some((if negative { -total } else { total }, rfc3339))
}

/// The unread rest of a date string.
struct Cursor<'a>(&'a str);

impl<'a> Cursor<'a> {
    fn eat(&mut self, prefix: &str) -> bool {
        work::add(prefix.len());
        match self.0.strip_prefix(prefix) {
            Some(rest) => {
                self.0 = rest;
                true
            }
            None => false,
        }
    }

    fn eat_any(&mut self, prefixes: &[&str]) -> bool {
        prefixes.iter().any(|p| self.eat(p))
    }

    /// Skips whitespace (the ideographic space included); whether there was any.
    fn space(&mut self) -> bool {
        let rest = self.0.trim_start();
        let skipped = rest.len() != self.0.len();
        work::add(self.0.len() - rest.len() + 1);
        self.0 = rest;
        skipped
    }

    /// A run of ASCII letters, possibly empty.
    fn word(&mut self) -> &'a str {
        let n = self.0.bytes().take_while(u8::is_ascii_alphabetic).count();
        work::add(n + 1);
        let (word, rest) = self.0.split_at(n);
        self.0 = rest;
        word
    }

    /// A run of `min..=max` ASCII digits as a number; nothing is consumed when the run is
    /// shorter or longer.
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let n = self.digit_run();
        if n < min || n > max {
            return None;
        }
        let value = digits(self.0.as_bytes(), 0, n)?;
        self.0 = &self.0[n..];
        Some(value)
    }

    /// How many ASCII digits the rest starts with.
    fn digit_run(&self) -> usize {
        let n = self.0.bytes().take_while(u8::is_ascii_digit).count();
        work::add(n + 1);
        n
    }

    fn done(&self) -> bool {
        self.0.is_empty()
    }
}
