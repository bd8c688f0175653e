//! Summaries, and text from HTML.

use super::{item, item_in, outcome, version};
use news_widget::feed::{html_to_text, summarize};

// --- Summaries -------------------------------------------------------------------------------

#[test]
fn summary_prefers_explicit_summary() {
    let outcome = outcome("valid.json");
    let road = item(&outcome, "road-works-2024-05");
    assert_eq!(
        road.summary(version(road, "zh-CN")),
        "6月3日至14日夜间，港湾路将重铺路面。22:00至次日05:00期间部分车道封闭。"
    );
}

#[test]
fn summary_is_derived_from_html_body() {
    let outcome = outcome("valid.json");
    let recycling = item(&outcome, "recycling-guide");
    assert_eq!(
        recycling.summary(&recycling.versions[0]),
        "Glass and cans are now collected on Tuesdays, paper on Fridays."
    );
}

#[test]
fn summary_is_derived_from_text_body_and_cut() {
    let outcome = outcome("valid.json");
    let library = item(&outcome, "library-summer-hours");
    let summary = library.summary(&library.versions[0]);
    assert_eq!(
        summary,
        "From 1 July to 31 August the Central Library opens from 09:00 to 21:00 on weekdays and \
         from 10:00 to 18:00 at weekends. The children's…"
    );
    assert!(summary.chars().count() <= 140);
}

#[test]
fn summary_of_empty_body_without_summary_is_empty() {
    let item = item_in(&[Some("ko")]);
    assert_eq!(item.summary(&item.versions[0]), "");
}

#[test]
fn summarize_short_text_is_unchanged() {
    assert_eq!(summarize("Short notice.", 140), "Short notice.");
}

#[test]
fn summarize_text_of_exactly_the_limit_is_unchanged() {
    assert_eq!(summarize("abcde", 5), "abcde");
}

#[test]
fn summarize_collapses_whitespace() {
    assert_eq!(
        summarize("  Road\n\n works\t ahead ", 140),
        "Road works ahead"
    );
}

#[test]
fn summarize_latin_cuts_on_word_boundary() {
    // 24 columns would end in "reope"; the last space is within the last quarter.
    assert_eq!(
        summarize("The ferry terminal reopens on Monday after repairs", 25),
        "The ferry terminal…"
    );
}

#[test]
fn summarize_latin_cut_at_word_end_keeps_the_word() {
    assert_eq!(
        summarize("The ferry terminal reopens on Monday after repairs", 30),
        "The ferry terminal reopens on…"
    );
}

#[test]
fn summarize_long_unspaced_word_is_cut_inside() {
    assert_eq!(
        summarize("See https://www.seaview.example/news/road-works", 20),
        "See https://www.sea…"
    );
}

#[test]
fn summarize_cjk_counts_double_width() {
    assert_eq!(summarize("港湾路自六月三日起重铺路面", 9), "港湾路自…");
}

#[test]
fn summarize_korean_cuts_on_space() {
    // Hangul takes two columns: 23 columns end in "야", one syllable into the next word.
    assert_eq!(
        summarize("하버로 재포장 공사가 야간에 진행됩니다", 24),
        "하버로 재포장 공사가…"
    );
}

#[test]
fn summarize_does_not_split_zwj_emoji_sequence() {
    let family = "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}";
    assert_eq!(summarize(&format!("ab{family}cd"), 4), "ab…");
}

#[test]
fn summarize_keeps_whole_zwj_sequence_when_it_fits() {
    let family = "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}";
    assert_eq!(
        summarize(&format!("ab{family}cd"), 5),
        format!("ab{family}…")
    );
}

#[test]
fn summarize_does_not_split_combining_mark() {
    assert_eq!(summarize("abcd\u{301}efgh", 5), "abcd\u{301}…");
}

#[test]
fn summarize_does_not_split_flag_pair() {
    // Korea, China, United States: each flag is two regional indicators.
    let flags = "\u{1F1F0}\u{1F1F7}\u{1F1E8}\u{1F1F3}\u{1F1FA}\u{1F1F8}";
    assert_eq!(summarize(flags, 4), "\u{1F1F0}\u{1F1F7}…");
}

#[test]
fn summarize_does_not_split_emoji_modifier() {
    let wave = "\u{1F44B}\u{1F3FD}";
    assert_eq!(summarize(&format!("a{wave}{wave}"), 4), format!("a{wave}…"));
}

#[test]
fn html_to_text_drops_script_and_style_contents() {
    assert_eq!(
        html_to_text(
            "<style>p { color: red }</style><p>Visible</p><SCRIPT type=\"x\">alert('</p>')</script >text"
        ),
        "Visible text"
    );
}

#[test]
fn html_to_text_decodes_entities() {
    assert_eq!(
        html_to_text(
            "Fish &amp; chips &lt;3 &quot;hot&quot; &#39;n&apos; &#x1F41F;&nbsp;&#169; &bogus;"
        ),
        "Fish & chips <3 \"hot\" 'n' \u{1F41F} © &bogus;"
    );
}

#[test]
fn html_to_text_separates_block_elements() {
    assert_eq!(
        html_to_text("<h2>Title</h2><p>One</p><p>Two<br>Three</p>"),
        "Title One Two Three"
    );
}

#[test]
fn html_to_text_keeps_inline_words_together() {
    assert_eq!(html_to_text("un<b>believ</b><i>able</i>"), "unbelievable");
}

#[test]
fn html_to_text_ignores_gt_inside_quoted_attributes() {
    assert_eq!(
        html_to_text(r#"<a title="a > b" href='x>y'>link</a>"#),
        "link"
    );
}

#[test]
fn html_to_text_keeps_lone_less_than() {
    assert_eq!(html_to_text("1 < 2 and 3 <4"), "1 < 2 and 3 <4");
}

#[test]
fn html_to_text_drops_comments() {
    assert_eq!(html_to_text("a<!-- <p>hidden</p> -->b"), "ab");
}

#[test]
fn html_to_text_drops_unterminated_tag() {
    assert_eq!(html_to_text("text <img src=\"x"), "text");
}
