// Specification of title repair (`repair_title`): titles as real feeds write them, HTML-escaped,
// double-escaped or with markup, become plain text, and every change is reported; titles that
// merely contain `&` or `<` come back untouched. Also the entity decoding behind it.

use news_widget::feed::{decode_entities_in, html_to_text, repair_title, TitleRepairs};

/// One #[test] per row: the repaired text and exactly the repairs flagged (none when the list
/// is empty).
macro_rules! repairs {
    ($($name:ident: $raw:literal => $expected:literal, [$($flag:ident),*];)*) => {$(
        #[test]
        fn $name() {
            #[allow(unused_mut)]
            let mut flags = TitleRepairs::default();
            $(flags.$flag = true;)*
            assert_eq!(
                repair_title($raw),
                ($expected.to_owned(), flags),
                "repairing {:?}", $raw
            );
        }
    )*};
}

// --- Left as they are --------------------------------------------------------------------------

repairs! {
    plain_title_is_unchanged: "City council meets on Monday" => "City council meets on Monday", [];
    chinese_title_is_unchanged: "市政府发布2024年防汛通知" => "市政府发布2024年防汛通知", [];
    korean_title_is_unchanged: "시청 공지사항: 도로 공사 안내" => "시청 공지사항: 도로 공사 안내", [];
    bare_ampersand_in_a_word_is_text: "AT&T" => "AT&T", [];
    less_than_between_spaces_is_text: "5 < 6" => "5 < 6", [];
    ampersand_between_spaces_is_text: "Q & A" => "Q & A", [];
    less_than_before_a_letter_is_text: "a<b" => "a<b", [];
    greater_than_is_text: "a > b" => "a > b", [];
    ampersand_without_semicolon_is_text: "R&D budget &copy 2024" => "R&D budget &copy 2024", [];
    unknown_entity_is_text: "Tom &foo; Jerry" => "Tom &foo; Jerry", [];
    unknown_element_is_text: "Vec<int> explained" => "Vec<int> explained", [];
    unterminated_tag_is_text: "Results <b class" => "Results <b class", [];
    unterminated_comment_is_text: "a <!-- b" => "a <!-- b", [];
    less_than_and_ampersand_together_are_text: "1<2 & 3>2" => "1<2 & 3>2", [];
}

// --- Entities ----------------------------------------------------------------------------------

repairs! {
    numeric_reference_is_decoded: "A &#8211; B" => "A – B", [entities_decoded];
    hex_reference_is_decoded: "A &#x2013; B" => "A – B", [entities_decoded];
    named_reference_is_decoded: "A &ndash; B" => "A – B", [entities_decoded];
    escaped_ampersand_is_decoded: "Q&amp;A" => "Q&A", [entities_decoded];
    escaped_ampersand_in_a_word_is_decoded_once: "AT&amp;T" => "AT&T", [entities_decoded];
    curly_quotes_are_decoded: "&ldquo;Open&rdquo; day at &lsquo;City Hall&rsquo;" => "“Open” day at ‘City Hall’", [entities_decoded];
    latin1_letters_are_decoded: "Caf&eacute; &Uuml;ber Stra&szlig;e" => "Café Über Straße", [entities_decoded];
    nbsp_counts_as_a_space: "A&nbsp;&nbsp;B" => "A B", [entities_decoded];
    windows_1252_code_point_is_the_dash_it_meant: "A &#150; B" => "A – B", [entities_decoded];
}

// --- Double escaping ---------------------------------------------------------------------------

repairs! {
    double_escaped_ampersand: "A &amp;amp; B" => "A & B", [entities_decoded, double_escaped];
    double_escaped_numeric_reference: "A &amp;#8211; B" => "A – B", [entities_decoded, double_escaped];
    double_escaped_named_reference: "Caf&amp;eacute;" => "Café", [entities_decoded, double_escaped];
    triple_escaped_ampersand: "A &amp;amp;amp; B" => "A & B", [entities_decoded, double_escaped];
    escaped_markup_inside_cdata: "&lt;b&gt;Big&lt;/b&gt; news" => "Big news", [markup_removed, entities_decoded, double_escaped];
    escaped_less_than_stays_text: "5 &lt; 6" => "5 < 6", [entities_decoded];
    escaped_unknown_element_stays_text: "Vec&lt;int&gt;" => "Vec<int>", [entities_decoded];
}

// --- Markup ------------------------------------------------------------------------------------

repairs! {
    inline_tags_are_removed: "<b>Big</b> news" => "Big news", [markup_removed];
    uppercase_tags_are_removed: "<B>Big</B> news" => "Big news", [markup_removed];
    tags_and_entities: "<em>Caf&eacute;</em> opens" => "Café opens", [markup_removed, entities_decoded];
    block_elements_separate_words: "<p>One</p><p>Two</p>" => "One Two", [markup_removed];
    self_closing_break_separates_words: "Line<br/>break" => "Line break", [markup_removed];
    link_with_entity_in_attribute: "<a href=\"/x?a=1&amp;b=2\">Read</a> more" => "Read more", [markup_removed];
    image_is_removed: "<img src=\"icon.png\" alt=\"\"> Notice" => "Notice", [markup_removed];
    comment_is_removed: "A<!-- draft -->B" => "AB", [markup_removed];
    script_is_removed_with_its_contents: "News<script>alert(1)</script>" => "News", [markup_removed];
    whitespace_left_by_markup_is_collapsed: "  <span> Road </span>\n works " => "Road works", [markup_removed];
}

// --- Whitespace ----------------------------------------------------------------------------------

#[test]
fn whitespace_is_collapsed_without_counting_as_a_repair() {
    let (text, repairs) = repair_title("\n    Road works\n    on Main Street\n");
    assert_eq!(text, "Road works on Main Street");
    assert!(!repairs.any());
}

// --- TitleRepairs::any ---------------------------------------------------------------------------

#[test]
fn no_repairs_is_not_any() {
    assert!(!TitleRepairs::default().any());
}

#[test]
fn markup_removed_is_a_repair() {
    let repairs = TitleRepairs {
        markup_removed: true,
        ..TitleRepairs::default()
    };
    assert!(repairs.any());
}

#[test]
fn entities_decoded_is_a_repair() {
    let repairs = TitleRepairs {
        entities_decoded: true,
        ..TitleRepairs::default()
    };
    assert!(repairs.any());
}

#[test]
fn double_escaped_is_a_repair() {
    let repairs = TitleRepairs {
        double_escaped: true,
        ..TitleRepairs::default()
    };
    assert!(repairs.any());
}

// --- The entity table ----------------------------------------------------------------------------

macro_rules! decodes {
    ($($name:ident: $input:literal => $expected:literal;)*) => {$(
        #[test]
        fn $name() {
            assert_eq!(decode_entities_in($input), $expected, "decoding {:?}", $input);
        }
    )*};
}

decodes! {
    // Both ends and the middle of the sorted table, and names differing only in case.
    entity_first_in_table: "&AElig;" => "Æ";
    entity_last_in_table: "&zwnj;" => "\u{200C}";
    entity_middle_of_table: "&lsaquo;x&rsaquo;" => "‹x›";
    entity_dagger_and_double_dagger: "&dagger;&Dagger;" => "†‡";
    entity_prime_and_double_prime: "&prime;&Prime;" => "′″";
    entity_typographic: "&sbquo;&bdquo;&bull;&hellip;&permil;&oline;&euro;&trade;" => "‚„•…‰‾€™";
    entity_arrows: "&larr;&uarr;&rarr;&darr;&harr;" => "←↑→↓↔";
    entity_math: "&times;&divide;&minus;&plusmn;&deg;" => "×÷−±°";
    entity_guillemets_and_middle_dot: "&laquo;a&middot;b&raquo;" => "«a·b»";
    entity_latin1_start_and_end: "&iexcl;&yuml;" => "¡ÿ";
    entity_fractions_and_superscripts: "&frac12;&sup2;" => "½²";
    entity_xml_five: "&amp;&lt;&gt;&quot;&apos;" => "&<>\"'";
    entity_names_are_case_sensitive: "&Eacute;&eacute;" => "Éé";
    entity_without_semicolon_is_text: "&amp &eacute" => "&amp &eacute";
    entity_unknown_is_text: "&bogus; &;" => "&bogus; &;";
    entity_prefix_of_a_name_is_text: "&sup; &frac1; &no;" => "&sup; &frac1; &no;";
    entity_longest_names_and_longer: "&thinsp;&Oslash;&thinspx;" => "\u{2009}Ø&thinspx;";
    entity_name_and_its_prefix: "&not;&micro;&para;&part;" => "¬µ¶&part;";
    entity_decoding_is_one_level: "&amp;amp;" => "&amp;";
    entity_tags_are_not_stripped: "<b>&amp;</b>" => "<b>&</b>";
    numeric_windows_1252_range: "&#128;&#147;&#148;&#153;" => "€“”™";
    numeric_windows_1252_hole_stays: "&#129;" => "\u{81}";
    numeric_zero_is_replacement: "&#0;" => "\u{FFFD}";
    numeric_surrogate_is_replacement: "&#xD800;" => "\u{FFFD}";
    numeric_beyond_unicode_is_replacement: "&#x110000;" => "\u{FFFD}";
}

#[test]
fn html_to_text_uses_the_full_table() {
    assert_eq!(
        html_to_text("<p>Stra&szlig;e &ndash; &euro;5 &times; 2</p>"),
        "Straße – €5 × 2"
    );
}
