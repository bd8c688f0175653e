// Specification of the XML text repairs tried before a malformed feed is given up: one named
// test per mistake that real CMSs make.

use news_widget::feed::repair::{error_line, parser_message, repair_xml, XmlRepair};

fn repaired(text: &str) -> (String, Vec<XmlRepair>) {
    repair_xml(text).unwrap_or_else(|| panic!("expected a repair of {text:?}"))
}

#[test]
fn well_formed_text_needs_no_repair() {
    assert_eq!(
        repair_xml("<rss><channel><title>A &amp; B &#8211; &lt;</title></channel></rss>"),
        None
    );
}

#[test]
fn bare_ampersand_is_escaped() {
    let (text, repairs) = repaired("<title>Arts & Crafts</title>");
    assert_eq!(text, "<title>Arts &amp; Crafts</title>");
    assert_eq!(repairs, [XmlRepair::BareAmpersand]);
}

#[test]
fn ampersand_in_a_query_string_is_escaped() {
    let (text, _) = repaired("<link>https://x.example/?a=1&b=2</link>");
    assert_eq!(text, "<link>https://x.example/?a=1&amp;b=2</link>");
}

#[test]
fn html_named_entity_becomes_a_character_reference() {
    let (text, repairs) = repaired("<title>A&nbsp;B&ndash;C</title>");
    assert_eq!(text, "<title>A&#160;B&#8211;C</title>");
    assert_eq!(repairs, [XmlRepair::HtmlEntity]);
}

#[test]
fn unknown_entity_name_is_escaped_as_text() {
    let (text, repairs) = repaired("<title>&bogus; x</title>");
    assert_eq!(text, "<title>&amp;bogus; x</title>");
    assert_eq!(repairs, [XmlRepair::BareAmpersand]);
}

#[test]
fn ampersand_inside_cdata_is_left_alone() {
    let (text, _) = repaired("<a>&</a><b><![CDATA[x & y]]></b>");
    assert_eq!(text, "<a>&amp;</a><b><![CDATA[x & y]]></b>");
}

#[test]
fn control_characters_are_dropped_but_tabs_and_newlines_kept() {
    let (text, repairs) = repaired("<t>a\u{1}b\tc\n\u{8}</t>");
    assert_eq!(text, "<t>ab\tc\n</t>");
    assert_eq!(repairs, [XmlRepair::ControlCharacter]);
}

#[test]
fn undeclared_known_prefix_is_declared_on_the_root() {
    let (text, repairs) = repaired(
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><item><media:thumbnail url=\"x\"/></item></channel></rss>",
    );
    assert!(text.contains("<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\">"));
    assert_eq!(repairs, [XmlRepair::UndeclaredPrefix]);
}

#[test]
fn undeclared_unknown_prefix_gets_a_placeholder_namespace() {
    let (text, _) = repaired("<rss><foo:bar>1</foo:bar></rss>");
    assert!(
        text.starts_with("<rss xmlns:foo=\"urn:x-undeclared:foo\">"),
        "{text}"
    );
}

#[test]
fn declared_prefix_is_not_declared_again() {
    assert_eq!(
        repair_xml(
            "<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>x</dc:creator></rss>"
        ),
        None
    );
}

#[test]
fn repairs_are_reported_once_each() {
    let (_, repairs) = repaired("<rss><t>a & b & c&nbsp;</t><dc:x/></rss>");
    assert_eq!(
        repairs,
        [
            XmlRepair::BareAmpersand,
            XmlRepair::HtmlEntity,
            XmlRepair::UndeclaredPrefix
        ]
    );
}

#[test]
fn chromium_parse_error_names_its_line() {
    assert_eq!(
        error_line("error on line 12 at column 3: Extra content at the end of the document"),
        Some(12)
    );
}

#[test]
fn chromium_parse_error_text_gives_the_parsers_words_alone() {
    // The element's text as Chromium writes it: its two headings and the error run together.
    let text = "This page contains the following errors:error on line 5 at column 18: \
                Opening and ending tag mismatch: channel line 0 and bBelow is a rendering of \
                the page up to the first error.";
    assert_eq!(
        parser_message(text),
        "error on line 5 at column 18: Opening and ending tag mismatch: channel line 0 and b"
    );
    assert_eq!(error_line(text), Some(5));
}

#[test]
fn firefox_parse_error_text_gives_its_first_line() {
    let text = "XML Parsing Error: mismatched tag. Expected: </b>.\nLocation: https://x/feed.xml\n\
                Line Number 5, Column 18:";
    assert_eq!(
        parser_message(text),
        "XML Parsing Error: mismatched tag. Expected: </b>."
    );
}

#[test]
fn parse_error_without_a_line_has_none() {
    assert_eq!(error_line("no root element"), None);
}

#[test]
fn control_characters_inside_cdata_are_dropped_too() {
    let (text, repairs) = repaired("<d><![CDATA[\u{1}<b>x</b> & y]]></d>");
    assert_eq!(text, "<d><![CDATA[<b>x</b> & y]]></d>");
    assert_eq!(repairs, [XmlRepair::ControlCharacter]);
}

#[test]
fn firefox_parse_error_names_its_line() {
    assert_eq!(
        error_line("XML Parsing Error: not well-formed\nLocation: https://x/feed.xml\nLine Number 7, Column 12:"),
        Some(7)
    );
}

#[test]
fn a_parser_message_naming_a_line_past_u32_is_no_line_and_no_overflow() {
    assert_eq!(
        error_line("error on line 4294967295 at column 1"),
        Some(u32::MAX)
    );
    assert_eq!(error_line("error on line 4294967296 at column 1"), None);
    assert_eq!(
        error_line("Line Number 99999999999999999999, Column 3"),
        None
    );
}
