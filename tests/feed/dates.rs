// Specification of liberal date reading (`parse_written_date`): the RFC 822, RFC 3339, W3C-DTF
// and local Chinese and Korean forms feeds really use, the grammar each one matched, and the
// instant each one stands for once the publisher's offset is known.

use news_widget::feed::{parse_written_date, DateContext, DateForm, Timestamp};

const CHINESE: DateContext = DateContext { chinese: true };

/// Every field of a parsed date in one line, so that a failing row shows all of them:
/// `2024-05-28 10:00:00.000 +08:00`, or `none` for the offset.
fn read(input: &str, context: DateContext) -> Option<(String, DateForm)> {
    let d = parse_written_date(input, context)?;
    let offset = match d.offset_minutes {
        Some(m) => format!(
            "{}{:02}:{:02}",
            if m < 0 { '-' } else { '+' },
            m.abs() / 60,
            m.abs() % 60
        ),
        None => "none".to_owned(),
    };
    let fields = format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:03} {offset}",
        d.year, d.month, d.day, d.hour, d.minute, d.second, d.millis
    );
    Some((fields, d.form))
}

/// One #[test] per row, so a failing row names itself and does not hide the others.
macro_rules! reads {
    (@context) => { DateContext::default() };
    (@context $context:ident) => { $context };
    ($($name:ident: $input:literal $(in $context:ident)? => $expected:literal $form:ident;)*) => {$(
        #[test]
        fn $name() {
            assert_eq!(
                read($input, reads!(@context $($context)?)),
                Some(($expected.to_owned(), DateForm::$form)),
                "reading {:?}", $input
            );
        }
    )*};
}

macro_rules! rejects {
    ($($name:ident: $input:literal;)*) => {$(
        #[test]
        fn $name() {
            assert_eq!(read($input, DateContext::default()), None, "reading {:?}", $input);
        }
    )*};
}

// --- RFC 3339 and ISO 8601 -------------------------------------------------------------------

reads! {
    rfc3339_with_offset: "2024-05-28T10:00:00+08:00" => "2024-05-28 10:00:00.000 +08:00" Rfc3339;
    rfc3339_with_z: "2024-05-28T10:00:00Z" => "2024-05-28 10:00:00.000 +00:00" Rfc3339;
    rfc3339_lowercase_t_and_z: "2024-05-28t10:00:00z" => "2024-05-28 10:00:00.000 +00:00" Rfc3339;
    rfc3339_space_for_t: "2024-05-28 10:00:00+09:00" => "2024-05-28 10:00:00.000 +09:00" Rfc3339;
    rfc3339_negative_offset: "2024-05-28T23:30:00-05:00" => "2024-05-28 23:30:00.000 -05:00" Rfc3339;
    rfc3339_milliseconds: "2024-05-28T14:05:09.123Z" => "2024-05-28 14:05:09.123 +00:00" Rfc3339;
    rfc3339_short_fraction: "2024-05-28T14:05:09.5Z" => "2024-05-28 14:05:09.500 +00:00" Rfc3339;
    rfc3339_long_fraction_keeps_milliseconds: "2024-05-28T14:05:09.123456789Z" => "2024-05-28 14:05:09.123 +00:00" Rfc3339;
    rfc3339_leap_second: "2016-12-31T23:59:60Z" => "2016-12-31 23:59:60.000 +00:00" Rfc3339;
    rfc3339_surrounding_whitespace_is_trimmed: "  2024-05-28T10:00:00Z\n" => "2024-05-28 10:00:00.000 +00:00" Rfc3339;
    iso_offset_without_colon: "2024-05-28T10:00:00+0800" => "2024-05-28 10:00:00.000 +08:00" Local;
    iso_offset_hours_only: "2024-05-28T10:00:00+08" => "2024-05-28 10:00:00.000 +08:00" Local;
    iso_space_before_offset: "2024-05-28T10:00:00 +08:00" => "2024-05-28 10:00:00.000 +08:00" Local;
    iso_without_zone_is_local_time: "2024-05-01T10:00:00" => "2024-05-01 10:00:00.000 none" Local;
    w3c_year: "2024" => "2024-01-01 00:00:00.000 none" W3cDtf;
    w3c_year_and_month: "2024-05" => "2024-05-01 00:00:00.000 none" W3cDtf;
    w3c_date: "2024-05-28" => "2024-05-28 00:00:00.000 none" W3cDtf;
    w3c_minutes_with_offset: "2024-05-28T10:00+09:00" => "2024-05-28 10:00:00.000 +09:00" W3cDtf;
    w3c_minutes_with_z: "2024-05-28T10:00Z" => "2024-05-28 10:00:00.000 +00:00" W3cDtf;
}

// --- RFC 822, 1123, 2822 ---------------------------------------------------------------------

reads! {
    rfc822_gmt: "Tue, 10 Jun 2003 04:00:00 GMT" => "2003-06-10 04:00:00.000 +00:00" Rfc822;
    rfc822_numeric_zone: "Tue, 10 Jun 2003 04:00:00 +0000" => "2003-06-10 04:00:00.000 +00:00" Rfc822;
    rfc822_without_day_name: "10 Jun 2003 04:00:00 +0000" => "2003-06-10 04:00:00.000 +00:00" Rfc822;
    rfc822_wrong_day_name_is_ignored: "Mon, 10 Jun 2003 04:00:00 GMT" => "2003-06-10 04:00:00.000 +00:00" Rfc822;
    rfc822_full_day_and_month_names: "Tuesday, 10 June 2003 04:00:00 GMT" => "2003-06-10 04:00:00.000 +00:00" Rfc822;
    rfc822_four_letter_abbreviations: "Thurs, 12 Sept 2024 08:15:00 GMT" => "2024-09-12 08:15:00.000 +00:00" Rfc822;
    rfc822_lowercase_names: "tue, 10 jun 2003 04:00:00 gmt" => "2003-06-10 04:00:00.000 +00:00" Rfc822;
    rfc822_uppercase_names: "TUE, 10 JUN 2003 04:00:00 GMT" => "2003-06-10 04:00:00.000 +00:00" Rfc822;
    rfc822_two_digit_year_below_50_is_20xx: "Tue, 10 Jun 03 04:00:00 GMT" => "2003-06-10 04:00:00.000 +00:00" Rfc822;
    rfc822_two_digit_year_from_50_is_19xx: "Thu, 10 Jun 99 04:00:00 GMT" => "1999-06-10 04:00:00.000 +00:00" Rfc822;
    rfc822_three_digit_year_counts_from_1900: "Tue, 10 Jun 103 04:00:00 GMT" => "2003-06-10 04:00:00.000 +00:00" Rfc822;
    rfc822_single_digit_day: "Wed, 1 May 2024 10:00:00 +0900" => "2024-05-01 10:00:00.000 +09:00" Rfc822;
    rfc822_without_seconds: "Tue, 10 Jun 2003 04:00 GMT" => "2003-06-10 04:00:00.000 +00:00" Rfc822;
    rfc822_dashes_between_fields: "Tue, 10-Jun-2003 04:00:00 GMT" => "2003-06-10 04:00:00.000 +00:00" Rfc822;
    rfc822_extra_spaces: "Tue,  10 Jun 2003   04:00:00  GMT" => "2003-06-10 04:00:00.000 +00:00" Rfc822;
    rfc822_without_comma: "Tue 10 Jun 2003 04:00:00 GMT" => "2003-06-10 04:00:00.000 +00:00" Rfc822;
    rfc822_date_only: "Tue, 10 Jun 2003" => "2003-06-10 00:00:00.000 none" Rfc822;
    rfc822_without_zone_has_no_offset: "Wed, 01 May 2024 10:00:00" => "2024-05-01 10:00:00.000 none" Rfc822;
    rfc822_offset_with_colon: "Wed, 01 May 2024 10:00:00 +09:00" => "2024-05-01 10:00:00.000 +09:00" Rfc822;
    rfc822_negative_offset: "Wed, 01 May 2024 10:00:00 -0430" => "2024-05-01 10:00:00.000 -04:30" Rfc822;
    rfc822_minus_zero_is_utc: "Wed, 01 May 2024 10:00:00 -0000" => "2024-05-01 10:00:00.000 +00:00" Rfc822;
    rfc822_comment_after_zone: "Tue, 10 Jun 2003 04:00:00 +0000 (UTC)" => "2003-06-10 04:00:00.000 +00:00" Rfc822;
    rfc822_gmt_with_hours: "Wed, 01 May 2024 10:00:00 GMT+8" => "2024-05-01 10:00:00.000 +08:00" Rfc822;
    rfc822_gmt_with_offset: "Wed, 01 May 2024 10:00:00 GMT+09:00" => "2024-05-01 10:00:00.000 +09:00" Rfc822;
}

// --- Zone names --------------------------------------------------------------------------------

reads! {
    zone_ut: "Tue, 10 Jun 2003 04:00:00 UT" => "2003-06-10 04:00:00.000 +00:00" Rfc822;
    zone_utc: "Tue, 10 Jun 2003 04:00:00 UTC" => "2003-06-10 04:00:00.000 +00:00" Rfc822;
    zone_z: "Tue, 10 Jun 2003 04:00:00 Z" => "2003-06-10 04:00:00.000 +00:00" Rfc822;
    zone_est: "Tue, 10 Jun 2003 04:00:00 EST" => "2003-06-10 04:00:00.000 -05:00" Rfc822;
    zone_edt: "Tue, 10 Jun 2003 04:00:00 EDT" => "2003-06-10 04:00:00.000 -04:00" Rfc822;
    zone_cst_is_us_central_by_default: "Tue, 10 Jun 2003 04:00:00 CST" => "2003-06-10 04:00:00.000 -06:00" Rfc822;
    zone_cst_is_china_in_a_chinese_feed: "Tue, 10 Jun 2003 04:00:00 CST" in CHINESE => "2003-06-10 04:00:00.000 +08:00" Rfc822;
    zone_cdt: "Tue, 10 Jun 2003 04:00:00 CDT" => "2003-06-10 04:00:00.000 -05:00" Rfc822;
    zone_cdt_in_a_chinese_feed_stays_us_central: "Tue, 10 Jun 2003 04:00:00 CDT" in CHINESE => "2003-06-10 04:00:00.000 -05:00" Rfc822;
    zone_mst: "Tue, 10 Jun 2003 04:00:00 MST" => "2003-06-10 04:00:00.000 -07:00" Rfc822;
    zone_mdt: "Tue, 10 Jun 2003 04:00:00 MDT" => "2003-06-10 04:00:00.000 -06:00" Rfc822;
    zone_pst: "Tue, 10 Jun 2003 04:00:00 PST" => "2003-06-10 04:00:00.000 -08:00" Rfc822;
    zone_pdt: "Tue, 10 Jun 2003 04:00:00 PDT" => "2003-06-10 04:00:00.000 -07:00" Rfc822;
    zone_kst: "Wed, 01 May 2024 10:00:00 KST" => "2024-05-01 10:00:00.000 +09:00" Rfc822;
    zone_jst: "Wed, 01 May 2024 10:00:00 JST" => "2024-05-01 10:00:00.000 +09:00" Rfc822;
    zone_lowercase_kst: "Wed, 01 May 2024 10:00:00 kst" => "2024-05-01 10:00:00.000 +09:00" Rfc822;
    // RFC 2822 section 4.3: RFC 822 had the military letters' signs backwards, so they mean UTC.
    zone_military_letter_is_utc: "Tue, 10 Jun 2003 04:00:00 A" => "2003-06-10 04:00:00.000 +00:00" Rfc822;
    zone_beijing_time: "Wed, 01 May 2024 10:00:00 Beijing time" => "2024-05-01 10:00:00.000 +08:00" Rfc822;
    zone_beijing_time_in_chinese: "2024-05-01 10:00:00 北京时间" => "2024-05-01 10:00:00.000 +08:00" Local;
    zone_name_after_local_time: "2024-05-01 10:00:00 KST" => "2024-05-01 10:00:00.000 +09:00" Local;
}

// --- Local forms of Chinese and Korean sites ---------------------------------------------------

reads! {
    local_date_and_time: "2024-05-01 10:00:00" => "2024-05-01 10:00:00.000 none" Local;
    local_date_and_minutes: "2024-05-01 10:00" => "2024-05-01 10:00:00.000 none" Local;
    local_unpadded: "2024-5-1" => "2024-05-01 00:00:00.000 none" Local;
    local_dots: "2024.05.01" => "2024-05-01 00:00:00.000 none" Local;
    local_dots_with_trailing_dot: "2024.05.01." => "2024-05-01 00:00:00.000 none" Local;
    local_korean_spaced_dots: "2024. 5. 1." => "2024-05-01 00:00:00.000 none" Local;
    local_korean_spaced_dots_with_afternoon: "2024. 5. 1. 오후 3:05:09" => "2024-05-01 15:05:09.000 none" Local;
    local_dots_with_time: "2024.05.01 10:00" => "2024-05-01 10:00:00.000 none" Local;
    local_slashes: "2024/05/01" => "2024-05-01 00:00:00.000 none" Local;
    local_slashes_unpadded_with_time: "2024/5/1 10:00:00" => "2024-05-01 10:00:00.000 none" Local;
    local_slashes_with_offset: "2024/05/01 10:00 +0900" => "2024-05-01 10:00:00.000 +09:00" Local;
    local_chinese_date: "2024年5月1日" => "2024-05-01 00:00:00.000 none" Local;
    local_chinese_padded_date_and_time: "2024年05月01日 10:00" => "2024-05-01 10:00:00.000 none" Local;
    local_chinese_hour_and_minute_units: "2024年5月1日 10时30分" => "2024-05-01 10:30:00.000 none" Local;
    local_chinese_units_with_seconds: "2024年5月1日 10时30分15秒" => "2024-05-01 10:30:15.000 none" Local;
    local_chinese_hour_unit_only: "2024年5月1日 10点" => "2024-05-01 10:00:00.000 none" Local;
    local_chinese_afternoon: "2024年5月1日 下午3:05" => "2024-05-01 15:05:00.000 none" Local;
    local_chinese_ideographic_space: "2024年5月1日\u{3000}10:00" => "2024-05-01 10:00:00.000 none" Local;
    local_chinese_date_run_into_time: "2024年5月1日10:00" => "2024-05-01 10:00:00.000 none" Local;
    local_korean_date: "2024년 5월 1일" => "2024-05-01 00:00:00.000 none" Local;
    local_korean_afternoon: "2024년 5월 1일 오후 3:05" => "2024-05-01 15:05:00.000 none" Local;
    local_korean_morning: "2024년 5월 1일 오전 9:30" => "2024-05-01 09:30:00.000 none" Local;
    local_korean_twelve_in_the_afternoon_is_noon: "2024년 5월 1일 오후 12:10" => "2024-05-01 12:10:00.000 none" Local;
    local_korean_twelve_in_the_morning_is_midnight: "2024년 5월 1일 오전 12:10" => "2024-05-01 00:10:00.000 none" Local;
    local_korean_hour_and_minute_units: "2024년 5월 1일 15시 5분" => "2024-05-01 15:05:00.000 none" Local;
    local_english_pm_after_time: "2024-05-01 3:05 PM" => "2024-05-01 15:05:00.000 none" Local;
    local_english_am_after_time: "2024-05-01 12:30 am" => "2024-05-01 00:30:00.000 none" Local;
    local_compact_digits: "20240501" => "2024-05-01 00:00:00.000 none" Local;
}

// --- Rejected ----------------------------------------------------------------------------------

rejects! {
    reject_february_30: "2024-02-30";
    reject_february_29_in_a_common_year: "2023-02-29";
    reject_april_31_in_chinese: "2024年4月31日";
    reject_month_13: "2024-13-01";
    reject_month_0: "2024/0/10";
    reject_day_0: "2024.05.00";
    reject_hour_25: "2024-05-01 25:00";
    reject_minute_60: "2024-05-01 10:60";
    reject_second_61: "2024-05-01T10:00:61Z";
    reject_offset_hours_24: "2024-05-01T10:00:00+24:00";
    reject_afternoon_hour_13: "2024년 5월 1일 오후 13:00";
    reject_empty: "";
    reject_whitespace_only: "   ";
    reject_garbage: "not a date";
    reject_yesterday: "yesterday";
    reject_time_only: "10:00";
    reject_day_name_only: "Tuesday";
    reject_unknown_month: "Tue, 10 Foo 2003 04:00:00 GMT";
    reject_unknown_zone: "Tue, 10 Jun 2003 04:00:00 XYZ";
    reject_military_j: "Tue, 10 Jun 2003 04:00:00 J";
    reject_trailing_garbage: "2024-05-28T10:00:00Z!";
    reject_unclosed_comment: "Tue, 10 Jun 2003 04:00:00 GMT (UTC";
    reject_partial_date_with_time: "2024-05 10:00";
    reject_five_digit_year: "12024-05-01";
    // Month first or day first cannot be told apart: 5/1 is May 1st in the US, 5 January elsewhere.
    reject_us_month_first: "5/1/2024";
    reject_fraction_without_digits: "2024-05-28T10:00:00.Z";
}

// --- Instants ----------------------------------------------------------------------------------

fn parsed(input: &str, context: DateContext) -> news_widget::feed::WrittenDate {
    parse_written_date(input, context).unwrap_or_else(|| panic!("{input} should parse"))
}

fn rfc3339(input: &str) -> Timestamp {
    Timestamp::parse(input).unwrap_or_else(|| panic!("{input} should parse"))
}

#[test]
fn zone_less_time_is_taken_in_the_fallback_offset() {
    let t = parsed("2024-05-28 14:38:10", DateContext::default()).timestamp(540);
    assert_eq!(t, rfc3339("2024-05-28T14:38:10+09:00"));
}

#[test]
fn zone_less_time_without_fallback_is_utc() {
    let t = parsed("2024-05-28 14:38:10", DateContext::default()).timestamp(0);
    assert_eq!(t, rfc3339("2024-05-28T14:38:10Z"));
}

#[test]
fn explicit_offset_ignores_the_fallback() {
    let t = parsed("Tue, 10 Jun 2003 04:00:00 GMT", DateContext::default()).timestamp(540);
    assert_eq!(t, rfc3339("2003-06-10T04:00:00Z"));
}

#[test]
fn fallback_keeps_the_written_calendar_date() {
    // 00:30 in Seoul on 1 June is still 31 May in UTC; the card says 1 June.
    let t = parsed("2024.06.01 00:30", DateContext::default()).timestamp(540);
    assert_eq!((t.year, t.month, t.day), (2024, 6, 1));
    assert_eq!(t.epoch_ms, 1_717_169_400_000);
}

#[test]
fn date_only_is_midnight_in_the_fallback_offset() {
    let t = parsed("2024년 5월 28일", DateContext::default()).timestamp(540);
    assert_eq!(t, rfc3339("2024-05-28T00:00:00+09:00"));
}

#[test]
fn milliseconds_count_in_the_instant() {
    let t = parsed("2024-05-28T14:05:09.123Z", DateContext::default()).timestamp(0);
    assert_eq!(t.epoch_ms, 1_716_905_109_123);
}

#[test]
fn rfc3339_instant_agrees_with_the_strict_parser() {
    let input = "2024-05-28T23:30:00.250-05:00";
    assert_eq!(
        parsed(input, DateContext::default()).timestamp(540),
        rfc3339(input)
    );
}

#[test]
fn cst_in_a_chinese_feed_is_eight_hours_ahead_of_utc() {
    let t = parsed("Wed, 01 May 2024 10:00:00 CST", CHINESE).timestamp(0);
    assert_eq!(t, rfc3339("2024-05-01T02:00:00Z"));
}

#[test]
fn cst_elsewhere_is_six_hours_behind_utc() {
    let t = parsed("Wed, 01 May 2024 10:00:00 CST", DateContext::default()).timestamp(0);
    assert_eq!(t, rfc3339("2024-05-01T16:00:00Z"));
}
