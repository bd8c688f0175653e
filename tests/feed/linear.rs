// Every path that reads outside input does work in proportion to its length: each test feeds a
// path a pathological input (the shape that made an earlier version rescan the rest of it) of
// 64 KB and 128 KB, then 512 KB and 1 MB, and counts the bytes the path looked at
// (`news_widget::work`, counted natively only). Doubling the input may at most double the
// count, and no byte may be looked at more than a few dozen times. A count, not a clock.

use news_widget::feed::charset::{decide_charset, encoding_for_label, sniff_syntax, Utf8Check};
use news_widget::feed::repair::repair_xml;
use news_widget::feed::{
    build_deferred_json_feed, build_json_feed, item_nodes, read_header, read_item, BuildOptions,
};
use news_widget::feed::{
    decode_entities_in, html_to_text, parse_written_date, repair_title, summarize, DateContext,
    Timestamp,
};
use news_widget::sanitize::bound_nesting;
use news_widget::work;

use crate::support::json_node::Node;

/// How often one input byte may be looked at, at most.
const PER_BYTE: u64 = 64;

/// Runs `read` on `unit` repeated to each size and checks the counts. `read` gets the text.
fn linear(path: &str, unit: &str, read: impl Fn(&str)) {
    linear_by(
        &format!("{path} on {unit:?}"),
        |bytes| unit.repeat(bytes / unit.len()),
        read,
    );
}

/// Runs `read` on the text `make` writes for each size (in bytes) and checks the counts.
fn linear_by(what: &str, make: impl Fn(usize) -> String, read: impl Fn(&str)) {
    for (small, large) in [(64 << 10, 128 << 10), (512 << 10, 1 << 20)] {
        let count = |bytes: usize| {
            let text = make(bytes);
            work::take();
            read(&text);
            (work::take(), text.len() as u64)
        };
        let (a, a_len) = count(small);
        let (b, b_len) = count(large);
        assert!(a > 0, "{what}: nothing was counted");
        // The last repetition may end differently: a little slack on top of doubling.
        assert!(
            b <= a * 2 + a / 64 + 64,
            "{what}: {a} bytes looked at for {a_len}, {b} for {b_len}: faster than linear"
        );
        assert!(
            b <= b_len * PER_BYTE,
            "{what}: {b} bytes looked at for {b_len}"
        );
    }
}

#[test]
fn title_repair_is_linear() {
    for unit in [
        "<b ",
        "<!--",
        "<b x=\"",
        "<b x='<i ",
        "&amp;",
        "&amp;amp;lt;b ",
        "<br",
        "</b ",
        "<span title=\"a>b\" ",
        "<script>",
        "&#x",
        "a < b ",
    ] {
        linear("repair_title", unit, |t| {
            repair_title(t);
        });
    }
}

#[test]
fn html_to_text_is_linear() {
    for unit in [
        "<b ",
        "<!--",
        "<script>x</scriptx ",
        "<p>a</p>",
        "<!x",
        "&#128;",
        "</p ",
    ] {
        linear("html_to_text", unit, |t| {
            html_to_text(t);
        });
    }
}

#[test]
fn entity_decoding_is_linear() {
    for unit in ["&#x", "&amp", "&#1234567890123;", "&", "&nbsp;"] {
        linear("decode_entities_in", unit, |t| {
            decode_entities_in(t);
        });
    }
}

#[test]
fn xml_repair_is_linear() {
    for unit in [
        "<",
        "<a:",
        "<a:b ",
        "xmlns:",
        "xmlns:a",
        "&",
        "&nbsp;",
        "<![CDATA[",
        "]]>",
        "\u{1}",
        "<x:y/><z:w>",
    ] {
        linear("repair_xml", unit, |t| {
            repair_xml(&format!("<rss>{t}</rss>"));
        });
    }
    // Many different undeclared prefixes, each used once.
    let mut distinct = String::from("<rss>");
    let mut big = String::from("<rss>");
    for i in 0..60_000 {
        let tag = format!("<p{i}:x/>");
        if i < 30_000 {
            distinct.push_str(&tag);
        }
        big.push_str(&tag);
    }
    work::take();
    repair_xml(&distinct);
    let a = work::take();
    repair_xml(&big);
    let b = work::take();
    assert!(
        b <= a * 2 + a / 4,
        "{a} for 30,000 prefixes, {b} for 60,000"
    );
}

#[test]
fn dates_are_read_in_linear_time() {
    for unit in [
        "2",
        " ",
        "(",
        "Mon, ",
        "2024-05-28T10:00:00.1",
        "+",
        "\u{3000}",
    ] {
        linear("parse_written_date", unit, |t| {
            parse_written_date(t, DateContext::default());
            parse_written_date(&format!("1 Jan 2024 {t}"), DateContext { chinese: true });
            parse_written_date(&format!("2024-05-28T10:00:00.{t}"), DateContext::default());
            Timestamp::parse(t);
            Timestamp::parse(&format!("2024-05-28T10:00:00.{t}"));
        });
    }
}

#[test]
fn charsets_are_read_in_linear_time() {
    for unit in [
        " ",
        "?",
        "encoding",
        "<?xml encoding=\"",
        ";charset=",
        "\0",
        "é",
    ] {
        linear("decide_charset", unit, |t| {
            let head = format!("<?xml version=\"1.0\" {t}?>");
            decide_charset(
                head.as_bytes(),
                Some(&format!("text/xml;{t}")),
                encoding_for_label,
                || Utf8Check::of(t.as_bytes()),
            );
            sniff_syntax(t.as_bytes());
            encoding_for_label(t);
        });
    }
}

#[test]
fn summaries_are_linear() {
    for unit in ["a ", "中", "\u{200D}", "🇰", " "] {
        linear("summarize", unit, |t| {
            summarize(t, 140);
        });
    }
}

#[test]
fn bounding_the_nesting_of_article_markup_is_linear() {
    for unit in ["<div>", "<div x=\"", "</div>", "<!--", "<p>", "<div/>", "<"] {
        linear("bound_nesting", unit, |t| {
            bound_nesting(t);
        });
    }
}

/// Ids that FNV-1a (32 bits), a hash anyone can compute, sends to the first `WINDOW` slots of
/// any table of up to 2^16 slots, so that a set probing from there finds each id after all
/// those before it. Found by meeting in the middle: `item-` and three characters forward from
/// the hash's start, two characters backward from each slot (each step is a multiplication by
/// an odd number, which the low 16 bits can undo).
fn fnv_colliding_ids(count: usize) -> Vec<String> {
    const WINDOW: u32 = 64;
    const MASK: u32 = 0xffff;
    const P: u32 = 0x0100_0193;
    let step = |h: u32, b: u8| (h ^ u32::from(b)).wrapping_mul(P);
    // P's inverse modulo 2^32 (Newton's iteration doubles the correct bits each time).
    let p_inv = (0..5).fold(P, |x: u32, _| {
        x.wrapping_mul(2u32.wrapping_sub(P.wrapping_mul(x)))
    });
    let alphabet: Vec<u8> = (b'a'..=b'z').chain(b'0'..=b'9').collect();
    let start = b"item-".iter().fold(0x811c_9dc5, |h, &b| step(h, b));
    let mut forward: Vec<Vec<[u8; 3]>> = vec![Vec::new(); MASK as usize + 1];
    for &a in &alphabet {
        for &b in &alphabet {
            for &c in &alphabet {
                let h = step(step(step(start, a), b), c);
                forward[(h & MASK) as usize].push([a, b, c]);
            }
        }
    }
    let mut ids = Vec::with_capacity(count);
    for slot in 0..WINDOW {
        for &d1 in &alphabet {
            for &d2 in &alphabet {
                let before_d2 = (slot.wrapping_mul(p_inv) & MASK) ^ u32::from(d2);
                let before_d1 = (before_d2.wrapping_mul(p_inv) & MASK) ^ u32::from(d1);
                for abc in &forward[before_d1 as usize] {
                    let id = [b"item-".as_slice(), abc, &[d1, d2]].concat();
                    let hash = id.iter().fold(0x811c_9dc5, |h, &b| step(h, b));
                    assert!(hash & MASK < WINDOW, "the ids collide");
                    ids.push(String::from_utf8(id).expect("ASCII"));
                    if ids.len() == count {
                        return ids;
                    }
                }
            }
        }
    }
    panic!("only {} ids for {count}", ids.len());
}

#[test]
fn finding_repeated_ids_is_linear_whatever_ids_a_feed_chooses() {
    let ids = fnv_colliding_ids(1 << 15);
    // One item per 32 bytes; every sixteenth repeats the one before it.
    let feed = |bytes: usize| {
        let items: Vec<String> = (0..bytes / 32)
            .map(|i| {
                format!(
                    r#"{{"id":"{}","title":"t"}}"#,
                    ids[i - usize::from(i % 16 == 15)]
                )
            })
            .collect();
        format!(r#"{{"version":"1.1","items":[{}]}}"#, items.join(","))
    };
    linear_by("the duplicate-id set", feed, |text| {
        let value: serde_json::Value = serde_json::from_str(text).expect("JSON");
        let root = Node(&value);
        let options = BuildOptions::default();
        let items = item_nodes(&root).map(|nodes| nodes.iter().map(read_item).collect());
        let whole = build_json_feed(read_header(&root), items, &options).expect("a feed");
        assert_eq!(
            whole.feed.items.len(),
            value["items"].as_array().unwrap().len() * 15 / 16
        );
        let root: &'static Node<'static> = Box::leak(Box::new(Node(Box::leak(Box::new(value)))));
        build_deferred_json_feed(read_header(root), item_nodes(root), &options).expect("a feed");
    });
}
