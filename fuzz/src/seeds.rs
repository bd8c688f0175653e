//! What each target starts from: the repository's fixtures for that input, and a few inputs
//! written here for what no fixture holds.

use std::fs;
use std::path::Path;

/// Every file under `dir` (not recursing) whose name ends with one of `endings`.
fn files(dir: &Path, endings: &[&str]) -> Vec<Vec<u8>> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| endings.iter().any(|end| p.to_string_lossy().ends_with(end)))
        .collect();
    // Sorted, so that a run is the same on every machine.
    paths.sort();
    paths.iter().filter_map(|p| fs::read(p).ok()).collect()
}

fn lines(list: &[&str]) -> Vec<Vec<u8>> {
    list.iter().map(|s| s.as_bytes().to_vec()).collect()
}

/// The seeds of `target`, read from the repository at `root`.
pub fn seeds(root: &Path, target: &str) -> Vec<Vec<u8>> {
    let feeds = root.join("tests/fixtures/feeds");
    let real = feeds.join("real");
    let mut seeds = match target {
        "feed_json" => [files(&feeds, &[".json"]), files(&real, &[".json"])].concat(),
        "feed_xml" | "xml_repair" => files(&real, &[".xml"]),
        "charset" => [files(&real, &[".xml", ".json"])]
            .concat()
            .into_iter()
            .map(|mut body| {
                body.truncate(2048);
                [b"application/rss+xml; charset=iso-8859-1\n".to_vec(), body].concat()
            })
            .collect(),
        "dates" => lines(&[
            "2024-05-28T10:00:00+08:00",
            "2024-05-28t10:00:00.123456z",
            "Tue, 10 Jun 2003 04:00:00 GMT",
            "10-Jun-03 4:00 CST",
            "2024年5月1日 10时30分",
            "2024년 5월 1일 오후 3:05",
            "2024.05.01. 10:00 (KST)",
            "Sun Nov  6 08:49:37 1994",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "20240501",
            "2024-05-28 10:00 北京时间",
            "1 June 2003 10:00 Beijing Time",
        ]),
        "titles" => lines(&[
            "AT&amp;amp;T &lt;b&gt;bold&lt;/b&gt;",
            "<b>Bold</b> &ndash; <!-- c --> <span title=\"a>b\">x</span>",
            "5 < 6 & Vec<int>",
            "<script>x</script><p>para</p>&#128;&#x1F600;",
            "🇰🇷 가나다 中文 e\u{301}",
        ]),
        "sanitizer" => [
            files(&root.join("tests/fixtures/pages"), &[".html"]),
            lines(&[
                "javascript:alert(1)",
                "data:image/png;base64,iVBORw0KGgo=",
                " java\tscript:x",
                "img\nsrc\nhttps://example.org/a.png",
                "ol\nstart\n 42 ",
                "x:script\nlang\nzh-Hant-TW",
            ]),
        ]
        .concat(),
        "ftl" => {
            let mut ftl = Vec::new();
            for tag in ["en-US", "zh-CN", "ko-KR"] {
                for file in ["common.ftl", "widget.ftl", "toolbar.ftl"] {
                    if let Ok(text) = fs::read(root.join("locales").join(tag).join(file)) {
                        ftl.push(text);
                    }
                }
            }
            ftl.extend(files(&root.join("../shared/corpora/fluent"), &[".ftl"]));
            ftl.extend(lines(&[
                "a = { \"\\u4E2D\" } { $n -> [one] one *[other] { $n } }",
                "-term = T\nb = { -term } { b.attr }\n    .attr = A",
            ]));
            ftl
        }
        "retry_after" => lines(&[
            "\u{3}120",
            "\u{0}Sun, 06 Nov 1994 08:49:37 GMT",
            "\u{1}Sunday, 06-Nov-94 08:49:37 GMT",
            "\u{2}Sun Nov  6 08:49:37 1994",
            "\u{0}99999999999999999999999",
        ]),
        "kept_entries" => lines(&[
            "1700000000000 1234 https://a.example/f.json https://a.example/f.json application/json\n\
             1600000000000 99999999 https://b.example/x https://b.example/y text/xml; charset=gbk\n\
             x y z",
        ]),
        "listen_plan" => lines(&[
            "市政府今日发布通知。\t请市民注意：明天（周二）起，地铁2号线延长运营至23:30！\n详情见官网",
            "서울시는 오늘 발표했습니다. 자세한 내용은\n홈페이지를 참고하세요?\t다음 소식",
            "The city said on Monday (3 June) that Line 2 will run until 11:30 p.m. Dr. Kim... agreed!\t\t— Reuters",
            "----\t( )\n\u{200b}e\u{301} 🇰🇷 \u{1F600}. Ok.",
        ]),
        "lang_tag" => {
            // Long ones of many variants, descending (the worst order to keep sorted), around
            // the bound and far over it.
            let variants = |count: u32| -> String {
                (0..count).rev().map(|n| format!("-v{n:04}")).collect()
            };
            let mut tags = lines(&[
                "zh-Hant-TW\nzh_hk\nEN-us\nko-KR-1996-fonipa-1996\nsr-Latn-RS-valencia",
                "ZH-hans-sg-FONIPA\nund\nund-Hant\nyue-HK\nes-419\n x-bad \nzh-中国",
                "ja\nfr-CA\nde_AT_1901\nabcdefgh-Cyrl\nen-US-u-ca-gregory",
            ]);
            tags.push(format!("en{}", variants(42)).into_bytes());
            tags.push(format!("zh-Hant-TW{}\nko", variants(41)).into_bytes());
            tags.push(format!("en{}", variants(2000)).into_bytes());
            tags
        }
        "listen_wire" => {
            let runs = [
                news_widget::listen::plan::Run::new("市政府今日发布通知。请市民注意！", true),
                news_widget::listen::plan::Run::new("Dr. Kim agreed. 자세한 내용은 홈페이지", false),
            ];
            let planned = news_widget::listen::plan::plan("zh-CN", &runs);
            vec![
                news_widget::listen::wire::encode_runs(&runs),
                news_widget::listen::wire::encode_plan(&planned),
            ]
        }
        "state" => vec![
            (0u8..=255).collect(),
            vec![0, 0, 16, 0, 1, 1, 4, 0, 9, 1, 18, 1, 17, 0, 5, 0, 15, 1, 3, 0],
        ],
        _ => Vec::new(),
    };
    // Inputs that once failed (fuzz/regressions/<target>/): every pass replays them.
    seeds.extend(files(&root.join("fuzz/regressions").join(target), &[""]));
    if seeds.is_empty() {
        seeds.push(Vec::new());
    }
    seeds
}
