//! The page modules' own decimal writer (they link no `core::fmt`) against std's `Display`.

use news_widget::decimal::{decimal, push_decimal, signed_decimal};

#[test]
fn unsigned_matches_display_at_every_edge_and_across_a_sweep() {
    let edges = [
        0,
        1,
        9,
        10,
        11,
        99,
        100,
        101,
        999,
        1_000,
        u64::from(u32::MAX),
        u64::MAX - 1,
        u64::MAX,
    ];
    let powers = (0..20).flat_map(|e| {
        let p = 10u64.pow(e);
        [p - 1, p, p + 1]
    });
    let sweep = (0..20_000u64).chain((0..64).map(|s| 1u64 << s));
    for n in edges.into_iter().chain(powers).chain(sweep) {
        assert_eq!(decimal(n), n.to_string(), "{n}");
    }
}

#[test]
fn signed_matches_display_including_the_extremes() {
    for n in [
        i64::MIN,
        i64::MIN + 1,
        -1_000,
        -10,
        -9,
        -1,
        0,
        1,
        9,
        10,
        i64::MAX,
    ] {
        assert_eq!(signed_decimal(n), n.to_string(), "{n}");
    }
}

#[test]
fn push_appends_to_what_is_there() {
    let mut out = String::from("item ");
    push_decimal(&mut out, 42);
    out.push_str(" of ");
    push_decimal(&mut out, 0);
    assert_eq!(out, "item 42 of 0");
}
