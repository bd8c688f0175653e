//! One function per entry point that reads outside input. Each takes any bytes and must return
//! without a panic (a panic is a trap in the widget), whatever the bytes.

use std::rc::Rc;

use news_widget::command::Command;
use news_widget::contract::{Contrast, FontStep, LineSpacing};
use news_widget::feed::charset::{
    decide_charset, encoding_for_label, sniff_syntax, vendor_label, Utf8Check,
};
use news_widget::feed::repair::{error_line, repair_xml};
use news_widget::feed::xml::read_xml_feed;
use news_widget::feed::{
    build_json_feed, build_xml_feed, decode_entities_in, html_to_text, item_nodes,
    parse_written_date, read_header, read_item, repair_title, summarize, BuildOptions, DateContext,
    Feed, FeedOutcome, Items, Timestamp, WrittenDate,
};
use news_widget::i18n::{compile_source, Catalog, Compilation, I18nError};
use news_widget::keep::{EntryMeta, KEEP_POLICY};
use news_widget::lang::LanguageIdentifier;
use news_widget::listen::action::{Action as Speech, StopReason};
use news_widget::listen::plan::{plan, Run};
use news_widget::listen::voice::Voice;
use news_widget::load_error::LoadError;
use news_widget::options::Options;
use news_widget::reading_aids::{AidAction, Aids};
use news_widget::refresh::Failure;
use news_widget::retry::{http_date_in_gmt, parse_retry_after, retry_wait};
use news_widget::sanitize::{
    attribute_kind, bound_nesting, check_url, clean_attribute, element_action,
    resolved_scheme_allowed, UrlUse,
};
use news_widget::state::{update, Action, Model, Sources};

use ftl_format::reference::FluentBundleNumbers;
use ftl_format::Resource;

use crate::json_node::Node as JsonNode;
use crate::language_tags::lang_tag;
use crate::listen_wire::listen_wire;
use crate::xml_node::{resolve, Node as XmlNode};

/// A fuzz target: any bytes in, no panic out.
pub type Target = fn(&[u8]);

/// Every target by name, as `make fuzz` and the bounded pass in `make test` run them.
pub const TARGETS: &[(&str, Target)] = &[
    ("feed_json", feed_json),
    ("feed_xml", feed_xml),
    ("xml_repair", xml_repair),
    ("dates", dates),
    ("charset", charset),
    ("titles", titles),
    ("sanitizer", sanitizer),
    ("ftl", ftl),
    ("retry_after", retry_after),
    ("kept_entries", kept_entries),
    ("state", state),
    ("listen_plan", listen_plan),
    ("listen_wire", listen_wire),
    ("lang_tag", lang_tag),
];

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Everything a reader sees of a built feed: each item's versions, summaries and dates.
fn show(outcome: &FeedOutcome) {
    let feed = &outcome.feed;
    for item in feed.items.iter() {
        for locale in ["en-US", "zh-CN", "ko-KR", "zh-TW"] {
            let (version, _) = item.version_for(locale);
            item.summary(version);
        }
        if let Some(date) = item.published {
            date.iso_date();
            date.calendar_date_ms();
        }
    }
    for warning in &outcome.warnings {
        warning.to_string();
    }
    for note in &outcome.notes {
        note.to_string();
    }
}

/// A zone offset as the page's `timezone` would give one, from the written date itself.
fn options() -> BuildOptions {
    BuildOptions {
        timezone: Some("Asia/Shanghai".to_owned()),
        zone_offset: Some(Rc::new(|d: &WrittenDate| i32::from(d.hour) * 60 - 720)),
        id_key: [1, 2],
    }
}

/// A JSON Feed, read as the widget reads `JSON.parse`'s tree.
pub fn feed_json(data: &[u8]) {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let root = JsonNode(&value);
    for options in [BuildOptions::default(), options()] {
        let items = item_nodes(&root).map(|nodes| nodes.iter().map(read_item).collect());
        if let Ok(outcome) = build_json_feed(read_header(&root), items, &options) {
            show(&outcome);
        }
    }
}

/// RSS, Atom or RDF, walked over roxmltree's tree as the widget walks `DOMParser`'s.
pub fn feed_xml(data: &[u8]) {
    let source = text(data);
    walk_xml(&source);
}

fn walk_xml(source: &str) {
    let parsing = roxmltree::ParsingOptions {
        allow_dtd: true,
        nodes_limit: 1 << 20,
        ..roxmltree::ParsingOptions::default()
    };
    let Ok(doc) = roxmltree::Document::parse_with_options(source, parsing) else {
        return;
    };
    let root = XmlNode::root(&doc, source);
    let Ok(xml) = read_xml_feed(&root, "https://example.org/feeds/feed.xml", &resolve) else {
        return;
    };
    if let Ok(outcome) = build_xml_feed(xml, &options()) {
        show(&outcome);
    }
}

/// The repair of XML that is not well-formed, then the walk of what it made.
pub fn xml_repair(data: &[u8]) {
    let source = text(data);
    error_line(&source);
    if let Some((repaired, repairs)) = repair_xml(&source) {
        for repair in repairs {
            repair.describe();
        }
        walk_xml(&repaired);
    }
}

/// Dates in every form feeds write.
pub fn dates(data: &[u8]) {
    let source = text(data);
    for chinese in [false, true] {
        if let Some(date) = parse_written_date(&source, DateContext { chinese }) {
            for offset in [0, -720, 840, i32::MAX / 60_000] {
                date.timestamp(offset).iso_date();
            }
        }
    }
    if let Some(t) = Timestamp::parse(&source) {
        t.iso_date();
        t.calendar_date_ms();
    }
}

/// The charset of a feed's bytes: the first line is the HTTP `Content-Type`, the rest the body.
pub fn charset(data: &[u8]) {
    let (header, body) = match data.iter().position(|&b| b == b'\n') {
        Some(at) => (
            Some(String::from_utf8_lossy(&data[..at]).into_owned()),
            &data[at + 1..],
        ),
        None => (None, data),
    };
    sniff_syntax(body);
    let head = &body[..body.len().min(1024)];
    let decision = decide_charset(head, header.as_deref(), encoding_for_label, || {
        Utf8Check::of(body)
    });
    decision.source.name();
    if let Some(header) = &header {
        vendor_label(header);
        encoding_for_label(header);
    }
}

/// Titles, summaries and the text of HTML bodies.
pub fn titles(data: &[u8]) {
    let source = text(data);
    let (title, repairs) = repair_title(&source);
    repairs.any();
    decode_entities_in(&source);
    let plain = html_to_text(&source);
    let columns = data.first().map_or(140, |&b| usize::from(b));
    summarize(&plain, columns);
    summarize(&title, 80);
}

/// The sanitizer's policy: element and attribute decisions, attribute values, URLs, and the
/// bound on nesting applied before the browser parses an article.
pub fn sanitizer(data: &[u8]) {
    let source = text(data);
    bound_nesting(&source);
    for use_ in [UrlUse::Link, UrlUse::Image, UrlUse::Citation] {
        if let Ok(url) = check_url(&source, use_) {
            assert!(!url.value.is_empty());
        }
        resolved_scheme_allowed(&source, use_);
    }
    let mut parts = source.splitn(3, '\n');
    let (tag, attribute, value) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    element_action(tag);
    for output in ["a", "img", "ol", "td", "th", "span", tag] {
        if let Some(kind) = attribute_kind(output, attribute) {
            clean_attribute(&kind, value);
        }
    }
}

/// A run-time Fluent resource, compiled as the tools module compiles a site's
/// (`i18n::compile_source`: `ftl_compile::compile`, the guard first), its answer read back as
/// the widget's module reads it, and every message of it formatted.
pub fn ftl(data: &[u8]) {
    let source = text(data);
    let locale: LanguageIdentifier = "en-US".parse().expect("a tag");
    let mut catalog = Catalog::built_in(Rc::new(FluentBundleNumbers::default()));
    let mut errors = Vec::new();
    catalog.add_source(locale.clone(), "fuzz.ftl", &source, &mut errors);
    let compilation = compile_source(&source);
    assert_eq!(
        Compilation::decode(&compilation.encode()).as_ref(),
        Some(&compilation),
        "the answer crosses between the modules unchanged"
    );
    let resource =
        Resource::new(compilation.form.into()).expect("the compiler writes its own form");
    let localizer = catalog.localizer(&locale);
    let args = [
        ("count", 3.into()),
        ("percent", "150".into()),
        ("status", "503".into()),
        ("language", "한국어".into()),
    ];
    let mut format_errors = Vec::new();
    for id in resource.message_ids() {
        localizer.format(id, &args, &mut format_errors);
    }
    for error in &errors {
        assert!(matches!(error, I18nError::Syntax { line, .. } if *line >= 1));
        error.to_string();
    }
}

/// `Retry-After` as a busy server sends it; the first byte picks the status. The browser reads
/// the HTTP dates (`Date.parse`): here its answer is each extreme, or none.
pub fn retry_after(data: &[u8]) {
    let source = text(data);
    let status = [503, 429, 500, 408][usize::from(data.first().copied().unwrap_or(0) % 4)];
    let answers = [None, Some(0), Some(1_700_000_000_000), Some(u64::MAX)];
    if let Some(gmt) = http_date_in_gmt(&source) {
        assert!(gmt.ends_with("GMT"));
    }
    for now in [0, 1_700_000_000_000, u64::MAX] {
        for answer in answers {
            let date = |_: &str| answer;
            parse_retry_after(&source, now, date);
            if let Some(wait) =
                retry_wait(status, Some(&source), now, now.saturating_add(10_000), date)
            {
                assert!(wait < 10_000);
            }
        }
    }
}

/// Kept entries' headers as the store gives them back, one a line, and the bound applied.
pub fn kept_entries(data: &[u8]) {
    let source = text(data);
    let entries: Vec<_> = source
        .lines()
        .filter_map(EntryMeta::read)
        .map(|meta| {
            let written = meta.write();
            assert_eq!(
                EntryMeta::read(&written).map(|m| m.entry()),
                Some(meta.entry())
            );
            meta.entry()
        })
        .collect();
    for now in [0, 1_700_000_000_000, u64::MAX] {
        let evicted = KEEP_POLICY.evictions(&entries, now);
        assert!(evicted.len() <= entries.len());
    }
}

/// The widget's state machine fed a script of actions, one per byte (with the next as its
/// argument), as readers, pages and networks could order them.
pub fn state(data: &[u8]) {
    let tags = ["en-US", "zh-CN", "ko-KR", "ja", "zh-TW", "x-bad_tag", ""];
    let built_in: Vec<LanguageIdentifier> = ["en-US", "zh-CN", "ko-KR"]
        .iter()
        .map(|t| t.parse().expect("a tag"))
        .collect();
    let options = Options {
        feed: Some("https://city.example/news.json".into()),
        lang: None,
        page_size: 2,
        article: Some("b".into()),
        locales: Some("https://city.example/locales/{locale}.ftl".into()),
        languages: vec!["en-US".into(), "zh-CN".into(), "ko-KR".into(), "ja".into()],
        feeds: vec![("ko".into(), "https://city.example/ko.json".into())],
        timezone: None,
        timeout_ms: 10_000,
    };
    let sources = Sources {
        default: options.feed.clone(),
        by_language: options.feeds.clone(),
    };
    let mut model = Model::new(
        options,
        sources,
        built_in[0].clone(),
        built_in.clone(),
        FontStep::DEFAULT,
        Aids::default(),
    );
    let outcome = |n: u8| {
        let ids = ["a", "b", "c", "d", "e"];
        let json = format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{}]}}"#,
            ids[..usize::from(n % 5) + 1]
                .iter()
                .map(|id| format!(r#"{{"id":"{id}","title":"T {id}","content_text":"x"}}"#))
                .collect::<Vec<_>>()
                .join(",")
        );
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        let root = JsonNode(&value);
        let items = item_nodes(&root).map(|nodes| nodes.iter().map(read_item).collect());
        build_json_feed(read_header(&root), items, &BuildOptions::default()).expect("a feed")
    };
    let mut script = data.iter().copied();
    while let (Some(op), arg) = (script.next(), script.next().unwrap_or(0)) {
        let load = model.load_id.wrapping_sub(u32::from(arg % 2));
        let tag = tags[usize::from(arg) % tags.len()].to_owned();
        let action = match op % 25 {
            0 => Action::Start,
            1 => Action::Command {
                command: Command::Open,
                value: Some(["a", "b", "z"][usize::from(arg % 3)].into()),
            },
            2 => Action::OpenFromApi { id: "c".into() },
            3 => Action::Back,
            4 => Action::Command {
                command: Command::More,
                value: None,
            },
            5 => Action::Reload,
            6 => Action::Online,
            7 => Action::SetFont(FontStep::clamped(i32::from(arg as i8))),
            8 => Action::FontShared(FontStep::clamped(i32::from(arg as i8))),
            9 => Action::ChooseLanguage {
                tag,
                remember: arg % 2 == 0,
                announce: arg % 3 == 0,
            },
            10 => Action::LanguageShared(tag),
            11 => Action::LanguageOption(tag),
            12 => Action::Key(
                ["ArrowDown", "Escape", "+", "-", "0", "p", "End"][usize::from(arg % 7)].into(),
            ),
            13 => Action::Print,
            14 => Action::Command {
                command: [
                    Command::Retry,
                    Command::FontLarger,
                    Command::FontSmaller,
                    Command::FontReset,
                    Command::Language,
                    Command::Print,
                    Command::Preview,
                    Command::ClosePreview,
                    Command::Back,
                ][usize::from(arg % 9)],
                value: (arg % 2 == 0).then_some(tag),
            },
            15 => Action::KeptFound {
                load,
                outcome: outcome(arg),
                fetched_at_ms: u64::from(arg) * 1000,
                digest: u64::from(arg % 3),
            },
            16 => Action::FeedLoaded {
                load,
                outcome: outcome(arg),
                digest: u64::from(arg % 3),
                now_ms: u64::from(arg) * 1000,
            },
            17 => Action::FeedFailed {
                load,
                error: [
                    LoadError::Http { status: 503 },
                    LoadError::Timeout { ms: 10 },
                    LoadError::Network { detail: "x".into() },
                    LoadError::NoFeedUrl,
                ][usize::from(arg % 4)]
                .clone(),
                now_ms: 5,
            },
            18 => Action::KeptLookedUp {
                load,
                fetched_at_ms: (arg % 2 == 0).then_some(u64::from(arg) * 1000),
                now_ms: u64::from(arg) * 1000,
            },
            // The reader's aids: reading aloud with the device's answers, and the choices.
            19 => Action::Aid(AidAction::Listen),
            // The plan module's plan, or its failure.
            20 => Action::Aid(AidAction::Speech(match arg % 3 {
                0 => Speech::PlanFailed(u32::from(arg % 4)),
                _ => Speech::Planned(
                    u32::from(arg % 4),
                    plan(
                        &tag,
                        &[
                            Run::new(format!("{tag}。 Sentence {arg}, and more."), true),
                            Run::new("시작합니다.", arg % 2 == 0),
                        ],
                    ),
                ),
            })),
            21 => Action::Aid(AidAction::Speech(match arg % 8 {
                0 => Speech::Pause,
                1 => Speech::Resume,
                2 => Speech::Stop,
                3 => Speech::VoicesTimedOut,
                4 => Speech::VoicesChanged(vec![Voice {
                    uri: tag.clone(),
                    name: tag.clone(),
                    lang: tag.clone(),
                    local: arg % 2 == 0,
                    default: arg % 3 == 0,
                }]),
                5 => Speech::Interrupted(StopReason::Back),
                6 => Speech::Interrupted(StopReason::OtherInstance),
                _ => Speech::Interrupted(StopReason::PageHidden),
            })),
            22 => Action::Aid(AidAction::SetSpacing(
                LineSpacing::ALL[usize::from(arg) % LineSpacing::ALL.len()],
            )),
            23 => Action::Aid(AidAction::SetContrast(
                Contrast::ALL[usize::from(arg) % Contrast::ALL.len()],
            )),
            _ => Action::LocaleLoaded {
                locale: built_in[usize::from(arg % 3)].clone(),
                failure: [
                    None,
                    Some(Failure::Network),
                    Some(Failure::Http(404)),
                    Some(Failure::Feed),
                ][usize::from(arg % 4)],
            },
        };
        for effect in update(&mut model, action) {
            let _ = format!("{effect:?}");
        }
        model.open_item();
    }
    let _: Option<&Rc<Feed>> = model.feed();
    let _ = Items::default().len();
}

/// The reading plan of an article's text (a feed's), cut into runs where the bytes say: a
/// newline starts a run, a tab a run that starts a block. Every utterance's ranges stay
/// inside its runs, in UTF-16 units.
pub fn listen_plan(data: &[u8]) {
    let source = text(data);
    let mut runs = vec![Run::new("", true)];
    for c in source.chars() {
        match c {
            '\n' => runs.push(Run::new("", false)),
            '\t' => runs.push(Run::new("", true)),
            c => runs.last_mut().expect("one run at least").text.push(c),
        }
    }
    for lang in ["zh-CN", "ko-KR", "en-US", ""] {
        for utterance in plan(lang, &runs) {
            for range in utterance.ranges {
                let units = runs[range.run].text.encode_utf16().count();
                assert!(range.start <= range.end && range.end as usize <= units);
            }
        }
    }
}
