//! The reading plan, natively: sentences in each script, long ones cut, nothing over the budget,
//! and the places each utterance came from, in UTF-16 as the DOM's ranges count.
use std::path::Path;

use news_widget::listen::plan::{plan, Run, SourceRange, Utterance};
use news_widget::listen::sentence::{cost_of, BUDGET_MS};

fn block(text: &str) -> Vec<Run> {
    vec![Run::new(text, true)]
}

fn texts(utterances: &[Utterance]) -> Vec<&str> {
    utterances.iter().map(|u| u.text.as_str()).collect()
}

fn said(lang: &str, text: &str) -> Vec<String> {
    texts(&plan(lang, &block(text)))
        .into_iter()
        .map(String::from)
        .collect()
}

fn assert_within_budget(utterances: &[Utterance]) {
    for u in utterances {
        let chars: Vec<char> = u.text.chars().collect();
        assert!(
            cost_of(&chars) <= BUDGET_MS,
            "over budget ({} ms): {}",
            cost_of(&chars),
            u.text
        );
    }
}

#[test]
fn chinese_sentences_end_at_full_width_stops() {
    assert_eq!(
        said(
            "zh-CN",
            "市政府今天召开新闻发布会。会议介绍了有关情况！你知道吗？我们继续；完了……再见"
        ),
        [
            "市政府今天召开新闻发布会。",
            "会议介绍了有关情况！",
            "你知道吗？",
            "我们继续；",
            "完了……",
            "再见"
        ]
    );
}

#[test]
fn closing_quotes_and_brackets_stay_with_their_sentence() {
    assert_eq!(
        said("zh-CN", "他说：“我们会继续努力。”随后离开了会场。（完）"),
        ["他说：“我们会继续努力。”", "随后离开了会场。", "（完）"]
    );
    assert_eq!(
        said("en", "He said, \"Stop.\" Then he left."),
        ["He said, \"Stop.\"", "Then he left."]
    );
}

#[test]
fn stacked_stops_are_one_end() {
    assert_eq!(said("zh-CN", "真的吗？！是的。"), ["真的吗？！", "是的。"]);
    assert_eq!(
        said("en", "Really?! Yes... Fine."),
        ["Really?!", "Yes...", "Fine."]
    );
}

#[test]
fn latin_stops_end_a_sentence_before_a_space_or_the_end() {
    assert_eq!(
        said(
            "en",
            "The budget grew by 3.5 percent. See www.gov.cn for more! Is it final? Yes."
        ),
        [
            "The budget grew by 3.5 percent.",
            "See www.gov.cn for more!",
            "Is it final?",
            "Yes."
        ]
    );
}

#[test]
fn abbreviations_and_initials_do_not_end_a_sentence() {
    assert_eq!(
        said(
            "en",
            "Mr. Smith met Dr. Lee and J. K. Rowling in the U.S. Army hall. They talked."
        ),
        [
            "Mr. Smith met Dr. Lee and J. K. Rowling in the U.S. Army hall.",
            "They talked."
        ]
    );
}

#[test]
fn a_number_with_its_unit_is_no_initial() {
    assert_eq!(
        said("en", "Keep warming under 2C. Many agree."),
        ["Keep warming under 2C.", "Many agree."]
    );
}

#[test]
fn a_period_before_a_lower_case_word_is_no_end() {
    assert_eq!(
        said("en", "Bring tools, e.g. hammers and saws. Then start."),
        ["Bring tools, e.g. hammers and saws.", "Then start."]
    );
}

#[test]
fn korean_sentences_end_at_latin_stops() {
    assert_eq!(
        said(
            "ko",
            "시장은 오늘 새 계획을 발표했다. 내용은 무엇인가? 놀랍다!"
        ),
        [
            "시장은 오늘 새 계획을 발표했다.",
            "내용은 무엇인가?",
            "놀랍다!"
        ]
    );
}

#[test]
fn a_latin_question_mark_before_a_han_character_ends_the_sentence() {
    assert_eq!(
        said("zh-CN", "你好!我们开始吧?好的"),
        ["你好!", "我们开始吧?", "好的"]
    );
}

#[test]
fn a_full_width_period_ends_a_sentence_but_not_a_full_width_number() {
    assert_eq!(
        said("zh-CN", "增长３．５％．下一项"),
        ["增长３．５％．", "下一项"]
    );
}

#[test]
fn blocks_are_never_joined_into_one_sentence() {
    let runs = [
        Run::new("Weekly briefing", true),
        Run::new("The council met", true),
        Run::new("on Monday", true),
    ];
    assert_eq!(
        texts(&plan("en", &runs)),
        ["Weekly briefing", "The council met", "on Monday"]
    );
}

#[test]
fn whitespace_is_read_as_the_page_shows_it() {
    assert_eq!(
        said(
            "en",
            "\n    The  council\n\tmet.\u{a0} It\u{3000}adjourned.  "
        ),
        ["The council met.", "It adjourned."]
    );
}

#[test]
fn nothing_to_say_is_left_out() {
    assert!(plan("en", &block(" — * — ")).is_empty());
    assert!(plan("en", &[]).is_empty());
    assert!(plan("zh-CN", &block("　　")).is_empty());
    assert!(plan("zh-CN", &block("「」……。——《》")).is_empty());
    assert!(plan("ko", &block("※ → ★")).is_empty());
}

#[test]
fn every_utterance_has_the_article_s_language() {
    let utterances = plan("ko-KR", &block("하나. 둘."));
    assert!(utterances.iter().all(|u| u.lang == "ko-KR"));
}

#[test]
fn a_long_chinese_sentence_is_cut_after_commas_and_packed() {
    let sentence = "为进一步提升城市治理水平，市政府决定在全市范围内开展老旧小区改造工程，\
                    涉及居民约十二万户，预计总投资超过八十亿元，工程将于明年年底前全部完成。";
    let utterances = plan("zh-CN", &block(sentence));
    assert_within_budget(&utterances);
    assert!(utterances.len() > 1, "{:?}", texts(&utterances));
    for u in &utterances[..utterances.len() - 1] {
        assert!(u.text.ends_with('，'), "cut after a comma: {}", u.text);
    }
    assert_eq!(texts(&utterances).concat(), sentence);
    // Packed: two neighbours never fit together.
    for pair in utterances.windows(2) {
        let joined: Vec<char> = format!("{}{}", pair[0].text, pair[1].text)
            .chars()
            .collect();
        assert!(cost_of(&joined) > BUDGET_MS, "could be one: {joined:?}");
    }
}

#[test]
fn thirty_six_han_characters_are_one_utterance_thirty_seven_are_two_halves() {
    let han = |n| "政".repeat(n);
    assert_eq!(said("zh-CN", &han(36)), [han(36)]);
    assert_eq!(said("zh-CN", &han(37)), [han(19), han(18)]);
    assert_eq!(said("zh-CN", &han(73)), [han(25), han(25), han(23)]);
}

#[test]
fn a_long_english_sentence_without_commas_is_cut_between_words() {
    let words: Vec<String> = (0..60).map(|i| format!("word{i}")).collect();
    let sentence = format!("{}.", words.join(" "));
    let utterances = plan("en", &block(&sentence));
    assert_within_budget(&utterances);
    assert!(utterances.len() > 1);
    let rejoined: Vec<&str> = utterances.iter().flat_map(|u| u.text.split(' ')).collect();
    assert_eq!(rejoined.join(" "), sentence, "no word is cut");
}

#[test]
fn a_latin_comma_counts_only_before_a_space() {
    let long = format!("{} 1,000,000 and 10:30{}", "a".repeat(100), " b".repeat(20));
    for u in plan("en", &block(&long)) {
        assert!(
            !u.text.ends_with("1,") && !u.text.ends_with("10:"),
            "{}",
            u.text
        );
    }
}

#[test]
fn a_word_longer_than_the_budget_is_cut_at_the_budget() {
    let url = format!("https://example.gov/{}", "a".repeat(300));
    let utterances = plan("en", &block(&url));
    assert_within_budget(&utterances);
    assert_eq!(texts(&utterances).concat(), url);
}

#[test]
fn a_hard_cut_never_separates_a_combining_mark() {
    let text = "e\u{301}".repeat(200);
    for u in plan("en", &block(&text)) {
        assert!(!u.text.starts_with('\u{301}'), "{:?}", &u.text[..4]);
    }
}

#[test]
fn ranges_follow_the_runs_an_utterance_spans() {
    let runs = [
        Run::new("Hello ", true),
        Run::new("world", false),
        Run::new(". Next one.", false),
    ];
    let utterances = plan("en", &runs);
    assert_eq!(texts(&utterances), ["Hello world.", "Next one."]);
    assert_eq!(
        utterances[0].ranges,
        [
            SourceRange {
                run: 0,
                start: 0,
                end: 6
            },
            SourceRange {
                run: 1,
                start: 0,
                end: 5
            },
            SourceRange {
                run: 2,
                start: 0,
                end: 1
            },
        ]
    );
    assert_eq!(
        utterances[1].ranges,
        [SourceRange {
            run: 2,
            start: 2,
            end: 11
        }]
    );
}

#[test]
fn ranges_count_utf16_code_units() {
    // 𠮷 is outside the BMP: two UTF-16 code units, as the DOM's offsets count it.
    let runs = [Run::new("𠮷野家开业。新店在𠮷祥路。", true)];
    let utterances = plan("zh-CN", &runs);
    assert_eq!(texts(&utterances), ["𠮷野家开业。", "新店在𠮷祥路。"]);
    assert_eq!(
        utterances[0].ranges,
        [SourceRange {
            run: 0,
            start: 0,
            end: 7
        }]
    );
    assert_eq!(
        utterances[1].ranges,
        [SourceRange {
            run: 0,
            start: 7,
            end: 15
        }]
    );
}

#[test]
fn ranges_leave_out_the_whitespace_around_an_utterance() {
    let runs = [Run::new("\n  First.\n  Second.\n", true)];
    let utterances = plan("en", &runs);
    assert_eq!(
        utterances[0].ranges,
        [SourceRange {
            run: 0,
            start: 3,
            end: 9
        }]
    );
    assert_eq!(
        utterances[1].ranges,
        [SourceRange {
            run: 0,
            start: 12,
            end: 19
        }]
    );
}

#[test]
fn ranges_span_collapsed_whitespace_inside_an_utterance() {
    let runs = [Run::new("One\n   two.", true)];
    assert_eq!(
        plan("en", &runs)[0].ranges,
        [SourceRange {
            run: 0,
            start: 0,
            end: 11
        }]
    );
}

/// The shared corpus of news sentences (English, Korean, Traditional Chinese), if present.
fn corpus() -> Option<serde_json::Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora/articles/pud-news-excerpts.en-ko-zhHant.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("skipped: corpus not found at {}", path.display());
        return None;
    };
    Some(serde_json::from_str(&text).expect("the corpus is JSON"))
}

/// Each of the corpus's paragraphs is one sentence of real news: run together in one block,
/// they are cut back at their ends (and, where one is over the budget, within it), in each of
/// the three languages.
fn corpus_sentences_are_found_again(lang: &str, joiner: &str) {
    let Some(corpus) = corpus() else { return };
    let articles = corpus["articles"].as_array().expect("articles");
    let mut checked = 0;
    for article in articles {
        let sentences: Vec<&str> = article[lang]["paragraphs"]
            .as_array()
            .expect("paragraphs")
            .iter()
            .map(|p| p.as_str().expect("text").trim())
            .collect();
        let utterances = plan(lang, &block(&sentences.join(joiner)));
        assert_within_budget(&utterances);
        let mut spoken = utterances.iter().map(|u| u.text.as_str());
        let mut spoken_before = 0;
        for sentence in &sentences {
            let mut rebuilt = String::new();
            let mut used = 0;
            while rebuilt.chars().filter(|c| !c.is_whitespace()).count()
                < sentence.chars().filter(|c| !c.is_whitespace()).count()
            {
                let Some(next) = spoken.next() else { break };
                rebuilt.push_str(next);
                used += 1;
            }
            let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            assert_eq!(
                squeeze(&rebuilt),
                squeeze(sentence),
                "{lang} in {}",
                article["doc_id"]
            );
            // A sentence within the budget is cut only at its stops (some of the corpus's
            // "sentences" are two).
            let chars: Vec<char> = sentence.chars().collect();
            if cost_of(&chars) <= BUDGET_MS {
                for u in &utterances[spoken_before..spoken_before + used] {
                    let last = u.text.chars().last().expect("not empty");
                    assert!(
                        u.text.len() == sentence.len() || "。！？；….!?”’\"')）」』".contains(last),
                        "cut without need: {} in {sentence}",
                        u.text
                    );
                }
            }
            spoken_before += used;
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked} sentences");
}

#[test]
fn english_news_sentences_are_found_again() {
    corpus_sentences_are_found_again("en", " ");
}

#[test]
fn korean_news_sentences_are_found_again() {
    corpus_sentences_are_found_again("ko", " ");
}

#[test]
fn chinese_news_sentences_are_found_again() {
    corpus_sentences_are_found_again("zh-Hant", "");
}
