//! The bound on a tag's length: a tag longer than `MAX_TAG_LENGTH` bytes is refused before it is
//! read (reading many variants costs time that grows with their square), and a refused tag's
//! message shows only the start of it.

use std::error::Error;

use news_widget::lang::{self, LanguageIdentifier, TagError, MAX_TAG_LENGTH};

use super::long_tag;

#[test]
fn a_megabyte_tag_of_descending_variants_is_refused() {
    // Descending, so that keeping the variants sorted would move every one read before.
    let mut tag = String::from("en");
    let mut number = 99_999_999;
    while tag.len() < 1 << 20 {
        tag.push_str(&format!("-{number}"));
        number -= 1;
    }
    assert_eq!(tag.parse::<LanguageIdentifier>(), Err(TagError::TooLong));
    assert_eq!(
        lang::parse_tag(&tag).map_err(|e| e.error),
        Err(TagError::TooLong)
    );
}

#[test]
fn a_tag_of_the_bound_reads_and_one_byte_more_is_refused() {
    assert_eq!(MAX_TAG_LENGTH, 255);
    let longest = long_tag(MAX_TAG_LENGTH);
    assert_eq!(longest.len(), 255);
    let read: LanguageIdentifier = longest.parse().expect("a valid tag of 255 bytes reads");
    assert_eq!(read.to_string(), longest);

    let over = long_tag(MAX_TAG_LENGTH + 1);
    assert_eq!(over.len(), 256);
    assert!(
        over.parse::<unic_langid::LanguageIdentifier>().is_ok(),
        "otherwise valid"
    );
    assert_eq!(over.parse::<LanguageIdentifier>(), Err(TagError::TooLong));
    // Space around a tag does not count: `parse_tag` trims it first.
    assert_eq!(lang::parse_tag(&format!(" {longest}\n")), Ok(read));
}

#[test]
fn a_refused_tag_shows_only_its_start_and_says_why_through_its_source() {
    let short = lang::parse_tag("zh-中国").unwrap_err();
    assert_eq!(short.to_string(), "\"zh-中国\" is not a language tag");

    // Three bytes a character: the cut falls inside one and moves back to its start.
    let long = "中".repeat(1 << 20);
    let error = lang::parse_tag(&long).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("\"{}…\" is not a language tag", "中".repeat(13))
    );
    let ascii = lang::parse_tag(&"x".repeat(300)).unwrap_err();
    assert_eq!(
        ascii.to_string(),
        format!("\"{}…\" is not a language tag", "x".repeat(40))
    );

    let source = error.source().expect("the tag's error is the source");
    assert_eq!(source.downcast_ref::<TagError>(), Some(&TagError::TooLong));
    let source = short.source().and_then(|s| s.downcast_ref::<TagError>());
    assert_eq!(source, Some(&TagError::Subtag));
}

#[test]
fn a_shown_tag_is_trimmed_before_it_is_cut() {
    assert_eq!(lang::Shown(" \tzh_CN\n").to_string(), "zh_CN");
    let spaced = format!("{}{}", " ".repeat(39), "x".repeat(300));
    assert_eq!(
        lang::Shown(&spaced).to_string(),
        format!("{}…", "x".repeat(40))
    );
    let refused = lang::parse_tag(&spaced).unwrap_err();
    assert_eq!(
        refused.to_string(),
        format!("\"{}…\" is not a language tag", "x".repeat(40))
    );
}
