//! Dates as feeds write them, reduced to an instant for sorting and the calendar date the
//! publisher meant.

use super::Timestamp;

mod written;

pub use written::{parse_written_date, DateContext, DateForm, WrittenDate};

impl Timestamp {
    /// RFC 3339 (`2024-05-28T10:00:00+08:00`, with `Z`, fractions, lowercase `t`/`z` or a space
    /// for `T`), or a bare date, taken as midnight UTC.
    pub fn parse(s: &str) -> Option<Timestamp> {
        // One pass at most: the trim, then each byte read once.
        crate::work::add(s.len());
        let b = s.trim().as_bytes();
        let year = digits(b, 0, 4)?;
        let month = digits(b, 5, 2)?;
        let day = digits(b, 8, 2)?;
        if b[4] != b'-' || b[7] != b'-' || !(1..=12).contains(&month) {
            return None;
        }
        if day < 1 || day > days_in_month(year, month) {
            return None;
        }
        let mut ms = days_from_civil(year as i64, month, day) * 86_400_000;
        let date = |epoch_ms| Timestamp {
            epoch_ms,
            year: year as i32,
            month: month as u8,
            day: day as u8,
        };
        if b.len() == 10 {
            return Some(date(ms));
        }

        if !matches!(b[10], b'T' | b't' | b' ')
            || b.get(13) != Some(&b':')
            || b.get(16) != Some(&b':')
        {
            return None;
        }
        let (hour, minute, second) = (digits(b, 11, 2)?, digits(b, 14, 2)?, digits(b, 17, 2)?);
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        ms += (hour as i64 * 3600 + minute as i64 * 60 + second as i64) * 1000;

        let mut i = 19;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            let mut fraction = 0;
            while let Some(d) = b.get(i).filter(|d| d.is_ascii_digit()) {
                // Milliseconds are all that sorting needs; further digits are read and ignored.
                if i - start < 3 {
                    fraction = fraction * 10 + i64::from(d - b'0');
                }
                i += 1;
            }
            if i == start {
                return None;
            }
            for _ in (i - start)..3 {
                fraction *= 10;
            }
            ms += fraction;
        }

        let offset_minutes = match b.get(i)? {
            b'Z' | b'z' => {
                i += 1;
                0
            }
            sign @ (b'+' | b'-') => {
                let (h, m) = (digits(b, i + 1, 2)?, digits(b, i + 4, 2)?);
                if b.get(i + 3) != Some(&b':') || h > 23 || m > 59 {
                    return None;
                }
                let minutes = (h * 60 + m) as i64;
                i += 6;
                if *sign == b'-' {
                    -minutes
                } else {
                    minutes
                }
            }
            _ => return None,
        };
        if i != b.len() {
            return None;
        }
        Some(date(ms - offset_minutes * 60_000))
    }

    /// Midnight UTC of the written calendar date, for formatting that date in UTC.
    pub fn calendar_date_ms(&self) -> i64 {
        days_from_civil(self.year as i64, self.month as u32, self.day as u32) * 86_400_000
    }

    /// The written calendar date as `YYYY-MM-DD`.
    pub fn iso_date(&self) -> String {
        let mut s = String::with_capacity(10);
        for (value, width) in [
            (self.year as u32, 4),
            (self.month as u32, 2),
            (self.day as u32, 2),
        ] {
            if !s.is_empty() {
                s.push('-');
            }
            for place in (0..width).rev() {
                let digit = value / 10u32.pow(place) % 10;
                s.push(char::from(b'0' + digit as u8));
            }
        }
        s
    }
}

/// `n` ASCII digits at `at` as a number.
fn digits(b: &[u8], at: usize, n: usize) -> Option<u32> {
    b.get(at..at + n)?.iter().try_fold(0, |acc, &d| {
        d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
    })
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y.rem_euclid(400);
    let shifted_month = (month as i64 + 9) % 12; // March = 0
    let day_of_year = (153 * shifted_month + 2) / 5 + day as i64 - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}
