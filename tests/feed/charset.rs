// Specification of the charset decision: which WHATWG encoding the browser's TextDecoder gets
// for a feed's bytes, from the byte order mark, the HTTP header, the XML declaration and, for
// a declared single-byte charset, a check of the bytes as UTF-8.

use news_widget::feed::charset::{
    decide_charset, encoding_for_label, sniff_syntax, CharsetDecision, CharsetSource, Syntax,
    Utf8Check,
};

/// One #[test] per row. Without `utf8 = …` the body is not UTF-8 (the declared charset's
/// bytes); with `utf8 = Never` the check panics: the decision must not scan the body unless a
/// legacy (single-byte or East Asian multibyte) charset was declared.
macro_rules! decides {
    (@utf8) => { || Utf8Check::Invalid };
    (@utf8 Never) => { || -> Utf8Check { panic!("the UTF-8 check must not run here") } };
    (@utf8 $check:ident) => { || Utf8Check::$check };
    (@label) => { None };
    (@label $label:literal) => { Some($label.to_owned()) };
    ($($name:ident: $head:literal, $http:expr $(, utf8 = $check:ident)?
        => $encoding:literal by $source:ident
        $(, declared $declared:literal)? $(, unknown $unknown:literal)?;)*) => {$(
        #[test]
        fn $name() {
            assert_eq!(
                decide_charset($head, $http, encoding_for_label, decides!(@utf8 $($check)?)),
                CharsetDecision {
                    encoding: $encoding.to_owned(),
                    source: CharsetSource::$source,
                    declared: decides!(@label $($declared)?),
                    unknown_label: decides!(@label $($unknown)?),
                }
            );
        }
    )*};
}

// --- Byte order marks --------------------------------------------------------------------------

decides! {
    utf8_bom: b"\xEF\xBB\xBF<?xml version=\"1.0\"?><rss/>", None, utf8 = Never => "utf-8" by ByteOrderMark;
    utf16le_bom: b"\xFF\xFE<\0?\0x\0m\0l\0", None, utf8 = Never => "utf-16le" by ByteOrderMark;
    utf16be_bom: b"\xFE\xFF\0<\0?\0x\0m\0l", None, utf8 = Never => "utf-16be" by ByteOrderMark;
    bom_beats_http_header: b"\xEF\xBB\xBF<rss/>", Some("text/xml; charset=gbk"), utf8 = Never
        => "utf-8" by ByteOrderMark, declared "gbk";
    bom_beats_xml_declaration: b"\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"GB2312\"?>", None, utf8 = Never
        => "utf-8" by ByteOrderMark, declared "GB2312";
    bom_agreeing_with_declaration_is_not_reported: b"\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>", None, utf8 = Never
        => "utf-8" by ByteOrderMark;
    utf16_bom_on_json: b"\xFF\xFE{\0\"\0", Some("application/json"), utf8 = Never
        => "utf-16le" by ByteOrderMark;
}

// --- HTTP header -------------------------------------------------------------------------------

decides! {
    http_header_beats_xml_declaration: b"<?xml version=\"1.0\" encoding=\"utf-8\"?>", Some("text/xml; charset=euc-kr")
        => "euc-kr" by HttpHeader;
    http_charset_in_double_quotes: b"<rss/>", Some("text/xml; charset=\"GB2312\"")
        => "gbk" by HttpHeader;
    http_charset_in_single_quotes: b"<rss/>", Some("text/xml;charset='gb2312'")
        => "gbk" by HttpHeader;
    http_spacing_and_case: b"<rss/>", Some("Text/XML ;  Charset = GB2312 ")
        => "gbk" by HttpHeader;
    http_charset_after_another_parameter: b"<rss/>", Some("application/rss+xml; version=2.0; charset=big5")
        => "big5" by HttpHeader;
    http_without_charset_leaves_it_to_the_declaration: b"<?xml version=\"1.0\" encoding=\"EUC-KR\"?>", Some("application/rss+xml")
        => "euc-kr" by XmlDeclaration;
    http_unknown_label_falls_back_to_declaration: b"<?xml version=\"1.0\" encoding=\"gbk\"?>", Some("text/xml; charset=x-klingon")
        => "gbk" by XmlDeclaration, unknown "x-klingon";
    http_unknown_label_without_declaration_is_utf8: b"<rss/>", Some("text/xml; charset=\"x-klingon\"")
        => "utf-8" by Default, unknown "x-klingon";
    http_empty_charset_counts_as_absent: b"<rss/>", Some("text/xml; charset=")
        => "utf-8" by Default;
}

// --- XML declaration ---------------------------------------------------------------------------

decides! {
    declared_gb2312_is_gbk: b"<?xml version=\"1.0\" encoding=\"GB2312\"?><rss/>", None
        => "gbk" by XmlDeclaration;
    declared_after_blank_lines: b"\r\n\r\n<?xml version=\"1.0\" encoding=\"EUC-KR\"?><rss/>", None
        => "euc-kr" by XmlDeclaration;
    declared_gb18030: b"<?xml version=\"1.0\" encoding=\"GB18030\"?>", None
        => "gb18030" by XmlDeclaration;
    declared_euc_kr: b"<?xml version=\"1.0\" encoding=\"EUC-KR\"?>", None
        => "euc-kr" by XmlDeclaration;
    declared_ks_c_5601: b"<?xml version=\"1.0\" encoding=\"ks_c_5601-1987\"?>", None
        => "euc-kr" by XmlDeclaration;
    declared_big5: b"<?xml version=\"1.0\" encoding=\"Big5\"?>", None
        => "big5" by XmlDeclaration;
    declared_shift_jis: b"<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>", None
        => "shift_jis" by XmlDeclaration;
    declared_windows_1251: b"<?xml version=\"1.0\" encoding=\"windows-1251\"?>", None, utf8 = Invalid
        => "windows-1251" by XmlDeclaration;
    declaration_in_single_quotes: b"<?xml version='1.0' encoding='euc-kr'?>", None
        => "euc-kr" by XmlDeclaration;
    declaration_with_spaces_around_equals: b"<?xml version=\"1.0\" encoding = \"gbk\" ?>", None
        => "gbk" by XmlDeclaration;
    declaration_over_several_lines: b"<?xml\n\tversion=\"1.0\"\n\tencoding=\"gbk\"\n?>", None
        => "gbk" by XmlDeclaration;
    declaration_after_leading_whitespace: b"\r\n  <?xml version=\"1.0\" encoding=\"big5\"?>", None
        => "big5" by XmlDeclaration;
    declaration_with_unquoted_value: b"<?xml version=\"1.0\" encoding=gbk ?>", None
        => "gbk" by XmlDeclaration;
    declaration_without_encoding_is_utf8: b"<?xml version=\"1.0\"?><rss/>", None
        => "utf-8" by Default;
    declaration_with_unknown_label_is_utf8: b"<?xml version=\"1.0\" encoding=\"x-klingon\"?>", None
        => "utf-8" by Default, unknown "x-klingon";
    encoding_attribute_outside_the_declaration_is_ignored: b"<?xml version=\"1.0\"?><rss encoding=\"gbk\">", None
        => "utf-8" by Default;
    utf16le_declaration_without_bom: b"<\0?\0x\0m\0l\0 \0", None
        => "utf-16le" by XmlDeclaration;
    utf16be_declaration_without_bom: b"\0<\0?\0x\0m\0l\0 ", None
        => "utf-16be" by XmlDeclaration;
    utf16_label_on_single_byte_text_is_utf8: b"<?xml version=\"1.0\" encoding=\"utf-16\"?>", None
        => "utf-8" by Default, declared "utf-16";
}

// --- JSON ----------------------------------------------------------------------------------------

decides! {
    json_is_utf8_whatever_the_header_says: b"{\"version\": \"https://jsonfeed.org/version/1.1\"}", Some("application/json; charset=gbk"), utf8 = Never
        => "utf-8" by JsonIsUtf8, declared "gbk";
    json_with_latin1_header_skips_the_check: b"{\"items\": []}", Some("application/json; charset=iso-8859-1"), utf8 = Never
        => "utf-8" by JsonIsUtf8, declared "iso-8859-1";
    json_without_header: b"  {\"items\": []}", None, utf8 = Never => "utf-8" by JsonIsUtf8;
    json_array: b"[]", Some("application/json; charset=utf-8"), utf8 = Never => "utf-8" by JsonIsUtf8;
    json_with_unknown_label_notes_it: b"{}", Some("application/json; charset=bogus"), utf8 = Never
        => "utf-8" by JsonIsUtf8, unknown "bogus";
}

// --- UTF-8 bytes under a legacy label -----------------------------------------------------------

decides! {
    declared_iso_8859_1_but_utf8_bytes: b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", None, utf8 = ValidWithMultibyte
        => "utf-8" by Utf8Bytes, declared "ISO-8859-1";
    http_latin1_but_utf8_bytes: b"<rss/>", Some("text/xml; charset=latin1"), utf8 = ValidWithMultibyte
        => "utf-8" by Utf8Bytes, declared "latin1";
    ascii_body_declared_latin1_stays_windows_1252: b"<?xml version=\"1.0\" encoding=\"latin1\"?>", None, utf8 = Ascii
        => "windows-1252" by XmlDeclaration;
    invalid_utf8_declared_latin1_stays_windows_1252: b"<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>", None, utf8 = Invalid
        => "windows-1252" by XmlDeclaration;
    declared_iso_8859_15_but_utf8_bytes: b"<?xml version=\"1.0\" encoding=\"iso-8859-15\"?>", None, utf8 = ValidWithMultibyte
        => "utf-8" by Utf8Bytes, declared "iso-8859-15";
    declared_windows_1250_but_utf8_bytes: b"<rss/>", Some("text/xml; charset=cp1250"), utf8 = ValidWithMultibyte
        => "utf-8" by Utf8Bytes, declared "cp1250";
    declared_koi8_r_but_utf8_bytes: b"<?xml version=\"1.0\" encoding=\"koi8-r\"?>", None, utf8 = ValidWithMultibyte
        => "utf-8" by Utf8Bytes, declared "koi8-r";
    // A Korean or Chinese site moved to UTF-8 whose template still declares the old charset.
    declared_gbk_but_utf8_bytes: b"<?xml version=\"1.0\" encoding=\"gb2312\"?>", None, utf8 = ValidWithMultibyte
        => "utf-8" by Utf8Bytes, declared "gb2312";
    declared_euc_kr_but_utf8_bytes: b"<rss/>", Some("text/xml; charset=euc-kr"), utf8 = ValidWithMultibyte
        => "utf-8" by Utf8Bytes, declared "euc-kr";
    declared_big5_but_utf8_bytes: b"<?xml version=\"1.0\" encoding=\"big5\"?>", None, utf8 = ValidWithMultibyte
        => "utf-8" by Utf8Bytes, declared "big5";
    declared_shift_jis_but_utf8_bytes: b"<rss/>", Some("text/xml; charset=Shift_JIS"), utf8 = ValidWithMultibyte
        => "utf-8" by Utf8Bytes, declared "Shift_JIS";
    gbk_bytes_stay_gbk: b"<?xml version=\"1.0\" encoding=\"gbk\"?>", None, utf8 = Invalid
        => "gbk" by XmlDeclaration;
    ascii_body_declared_euc_kr_stays_euc_kr: b"<rss/>", Some("text/xml; charset=euc-kr"), utf8 = Ascii
        => "euc-kr" by HttpHeader;
    // The rows below use the panicking check: UTF-8 and UTF-16 are never second-guessed.
    declared_utf8_never_runs_the_check: b"<?xml version=\"1.0\" encoding=\"utf-8\"?>", None, utf8 = Never
        => "utf-8" by XmlDeclaration;
    undeclared_never_runs_the_check: b"<rss/>", None, utf8 = Never => "utf-8" by Default;
}

#[test]
fn utf8_check_runs_once_for_a_single_byte_label() {
    let mut calls = 0;
    decide_charset(
        b"<rss/>",
        Some("text/xml; charset=iso-8859-1"),
        encoding_for_label,
        || {
            calls += 1;
            Utf8Check::Ascii
        },
    );
    assert_eq!(calls, 1);
}

// --- Labels ------------------------------------------------------------------------------------

macro_rules! label {
    ($($name:ident: $label:literal => $encoding:expr;)*) => {$(
        #[test]
        fn $name() {
            assert_eq!(encoding_for_label($label).as_deref(), $encoding, "label {:?}", $label);
        }
    )*};
}

label! {
    label_utf8: "utf8" => Some("utf-8");
    label_unicode_1_1_utf_8: "unicode-1-1-utf-8" => Some("utf-8");
    label_gb2312: "gb2312" => Some("gbk");
    label_gbk_uppercase: "GBK" => Some("gbk");
    label_chinese: "chinese" => Some("gbk");
    label_csgb2312: "csgb2312" => Some("gbk");
    label_x_gbk: "x-gbk" => Some("gbk");
    label_iso_ir_58: "iso-ir-58" => Some("gbk");
    label_gb_2312_80: "GB_2312-80" => Some("gbk");
    label_cp936: "cp936" => Some("gbk");
    label_gb18030: "gb18030" => Some("gb18030");
    label_big5: "big5" => Some("big5");
    label_big5_hkscs: "big5-hkscs" => Some("big5");
    label_cn_big5: "cn-big5" => Some("big5");
    label_x_x_big5: "x-x-big5" => Some("big5");
    label_euc_kr: "euc-kr" => Some("euc-kr");
    label_ks_c_5601_1987: "ks_c_5601-1987" => Some("euc-kr");
    label_korean: "korean" => Some("euc-kr");
    label_windows_949: "windows-949" => Some("euc-kr");
    label_cp949: "cp949" => Some("euc-kr");
    label_ksc5601: "ksc5601" => Some("euc-kr");
    label_csksc56011987: "csksc56011987" => Some("euc-kr");
    label_iso_ir_149: "iso-ir-149" => Some("euc-kr");
    label_shift_jis: "Shift_JIS" => Some("shift_jis");
    label_sjis: "sjis" => Some("shift_jis");
    label_ms_kanji: "ms_kanji" => Some("shift_jis");
    label_windows_31j: "windows-31j" => Some("shift_jis");
    label_x_sjis: "x-sjis" => Some("shift_jis");
    label_csshiftjis: "csshiftjis" => Some("shift_jis");
    label_euc_jp: "EUC-JP" => Some("euc-jp");
    label_iso_2022_jp: "iso-2022-jp" => Some("iso-2022-jp");
    label_windows_1250: "windows-1250" => Some("windows-1250");
    label_cp1251: "cp1251" => Some("windows-1251");
    label_x_cp1253: "x-cp1253" => Some("windows-1253");
    label_windows_1258: "windows-1258" => Some("windows-1258");
    label_iso_8859_1_is_windows_1252: "ISO-8859-1" => Some("windows-1252");
    label_latin1_is_windows_1252: "latin1" => Some("windows-1252");
    label_us_ascii_is_windows_1252: "us-ascii" => Some("windows-1252");
    label_ascii_is_windows_1252: "ascii" => Some("windows-1252");
    label_cp1252: "cp1252" => Some("windows-1252");
    label_iso_8859_9_is_windows_1254: "iso-8859-9" => Some("windows-1254");
    label_iso_8859_2: "iso-8859-2" => Some("iso-8859-2");
    label_latin2: "latin2" => Some("iso-8859-2");
    label_iso_8859_5: "iso-8859-5" => Some("iso-8859-5");
    label_iso_8859_15: "iso-8859-15" => Some("iso-8859-15");
    label_l9: "l9" => Some("iso-8859-15");
    label_iso_8859_16: "iso-8859-16" => Some("iso-8859-16");
    label_koi8_r: "koi8-r" => Some("koi8-r");
    label_koi8_u: "koi8-u" => Some("koi8-u");
    label_utf_16_is_little_endian: "utf-16" => Some("utf-16le");
    label_utf_16le: "utf-16le" => Some("utf-16le");
    label_utf_16be: "UTF-16BE" => Some("utf-16be");
    label_in_double_quotes: "\"gbk\"" => Some("gbk");
    label_in_single_quotes: "'euc-kr'" => Some("euc-kr");
    label_with_surrounding_whitespace: " \tbig5\r\n" => Some("big5");
    label_unknown: "x-klingon" => None;
    label_empty: "" => None;
    // TextDecoder throws on the standard's "replacement" encoding: the label is ignored instead.
    label_iso_2022_kr_is_unknown: "iso-2022-kr" => None;
    label_hz_gb_2312_is_unknown: "hz-gb-2312" => None;
    label_part_of_a_known_one_is_unknown: "gb" => None;
}

// --- Syntax --------------------------------------------------------------------------------------

macro_rules! syntax {
    ($($name:ident: $head:literal => $syntax:ident;)*) => {$(
        #[test]
        fn $name() {
            assert_eq!(sniff_syntax($head), Syntax::$syntax);
        }
    )*};
}

syntax! {
    syntax_json_object: b"{\"version\": 1}" => Json;
    syntax_json_array: b"[1]" => Json;
    syntax_json_after_whitespace: b" \r\n\t{" => Json;
    syntax_json_after_utf8_bom: b"\xEF\xBB\xBF{" => Json;
    syntax_xml_declaration: b"<?xml version=\"1.0\"?>" => Xml;
    syntax_xml_root_without_declaration: b"<rss version=\"2.0\">" => Xml;
    syntax_xml_after_whitespace_and_bom: b"\xEF\xBB\xBF\n <feed>" => Xml;
    syntax_xml_after_blank_lines_and_boms: b"\n\n\xEF\xBB\xBF\xEF\xBB\xBF<?xml" => Xml;
    syntax_json_after_blank_lines_and_a_bom: b"\n\xEF\xBB\xBF {" => Json;
    syntax_half_a_bom_is_unknown: b"\n\xEF\xBB<rss>" => Unknown;
    syntax_utf16le_xml_with_bom: b"\xFF\xFE<\0?\0" => Xml;
    syntax_utf16be_xml_without_bom: b"\0<\0?" => Xml;
    syntax_plain_text_is_unknown: b"Not Found" => Unknown;
    syntax_empty_is_unknown: b"" => Unknown;
    syntax_whitespace_only_is_unknown: b"  \n" => Unknown;
}

// --- Utf8Check::of -------------------------------------------------------------------------------

#[test]
fn utf8_check_of_ascii() {
    assert_eq!(Utf8Check::of(b"<rss>plain</rss>"), Utf8Check::Ascii);
}

#[test]
fn utf8_check_of_multibyte() {
    assert_eq!(
        Utf8Check::of("<title>시청 소식</title>".as_bytes()),
        Utf8Check::ValidWithMultibyte
    );
}

#[test]
fn utf8_check_of_latin1_bytes_is_invalid() {
    assert_eq!(Utf8Check::of(b"<title>caf\xE9</title>"), Utf8Check::Invalid);
}

#[test]
fn utf8_check_of_a_prefix_cut_inside_a_character() {
    let text = "시청".as_bytes();
    assert_eq!(Utf8Check::of(&text[..4]), Utf8Check::ValidWithMultibyte);
}

// --- Labels TextDecoder does not know ------------------------------------------------------------

#[test]
fn windows_code_page_949_means_euc_kr() {
    assert_eq!(
        news_widget::feed::charset::vendor_label("CP949"),
        Some("euc-kr")
    );
}

#[test]
fn windows_code_page_936_means_gbk() {
    assert_eq!(
        news_widget::feed::charset::vendor_label(" cp936 "),
        Some("gbk")
    );
}

#[test]
fn standard_labels_are_not_vendor_labels() {
    assert_eq!(news_widget::feed::charset::vendor_label("euc-kr"), None);
}
