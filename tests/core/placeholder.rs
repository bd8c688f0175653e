//! What the loader holds a toolbar's place with before the wasm arrives: every rule it copies from
//! the widget's stylesheet is still there (a renamed selector would leave the placeholder
//! shorter than the bar), only sizing is copied, and the words are the bar's, the reader's aids'
//! included.

use news_widget::toolbar::placeholder::{bar_css, bar_words, unknown_selectors};

#[test]
fn every_rule_the_placeholder_copies_is_in_the_widgets_stylesheet() {
    assert_eq!(unknown_selectors(), Vec::<&str>::new());
}

#[test]
fn the_placeholder_copies_what_sizes_the_bar_and_nothing_that_only_paints() {
    let css = bar_css();
    for sizing in [
        ".toolbar{display:flex;flex-wrap:wrap",
        "@container (max-width: 36em){.nw button{min-width:2.2em",
        "@container (max-width: 28em){.nw .more-toggle{display:inline-block}.toolbar:not(.open) .rest:not(:focus-within){display:none}}",
        ".nw .more-toggle{display:none}",
        "@media (forced-colors: active){.languages a[aria-current=\"page\"]{border:2px solid Highlight}}",
        "border:1px solid var(--nw-line)",
        "--nw-line:var(--news-widget-border,#c9ccd1)",
    ] {
        assert!(css.contains(sizing), "{sizing} in {css}");
    }
    for painting in ["color:", "background:", "cursor:", "--nw-accent:", ".card"] {
        assert!(!css.contains(painting), "{painting} in {css}");
    }
}

#[test]
fn the_placeholders_words_are_the_bars_in_each_language() {
    let words = bar_words();
    let tags: Vec<&str> = words.iter().map(|(tag, _)| *tag).collect();
    assert_eq!(tags, ["en-US", "zh-CN", "ko-KR"]);
    assert_eq!(
        words[1].1,
        [
            "字体：",
            "打印",
            "打印预览",
            "语言",
            "中文",
            "更多工具",
            "行距：",
            "标准",
            "1.5倍",
            "2倍",
            "高对比度：",
            "原网页配色",
            "白底黑字",
            "黑底白字",
            "语音朗读：",
            "听全文",
            "0.75倍",
            "1倍",
            "1.25倍",
            "1.5倍",
        ]
        .map(String::from)
    );
}
