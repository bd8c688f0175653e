// Specification of the XML walker (RSS 2.0/0.9x, RSS 1.0, Atom) and of building what it reads,
// driven natively over the fixtures in tests/fixtures/feeds/real. In the browser the same walker
// reads the tree DOMParser built; here roxmltree builds it. The fixtures in legacy encodings
// and the malformed ones are read in the browser tests (tests/dom_feed_formats.rs, e2e).

use news_widget::feed::xml::read_xml_feed;
use news_widget::feed::{
    build_xml_feed, Body, BuildOptions, DateZone, FeedError, FeedFormat, FeedOutcome, ItemError,
};

use crate::support::fixtures::real_feed as fixture;
use crate::support::xml_node::{resolve, Node};

const FEED_URL: &str = "https://example.org/feeds/feed.xml";

fn read_with(name: &str, options: &BuildOptions) -> Result<FeedOutcome, FeedError> {
    let text = fixture(name);
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let root = Node::root(&doc, &text);
    let xml = read_xml_feed(&root, FEED_URL, &resolve)
        .map_err(|e| FeedError::NotAFeed { root: e.root })?;
    build_xml_feed(xml, options)
}

/// Reads feed text given inline (a case too small for a fixture file).
pub fn read_text(text: &str, options: &BuildOptions) -> Result<FeedOutcome, FeedError> {
    let doc = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    let root = Node::root(&doc, text);
    let xml = read_xml_feed(&root, FEED_URL, &resolve)
        .map_err(|e| FeedError::NotAFeed { root: e.root })?;
    build_xml_feed(xml, options)
}

fn read(name: &str) -> FeedOutcome {
    read_with(name, &BuildOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn titles(outcome: &FeedOutcome) -> Vec<&str> {
    outcome
        .feed
        .items
        .iter()
        .map(|i| i.versions[0].title.as_str())
        .collect()
}

fn dates(outcome: &FeedOutcome) -> Vec<String> {
    outcome
        .feed
        .items
        .iter()
        .map(|i| i.published.map(|t| t.iso_date()).unwrap_or_default())
        .collect()
}

fn html(body: &Body) -> &str {
    match body {
        Body::Html(h) => h,
        other => panic!("expected an HTML body, got {other:?}"),
    }
}

// --- WordPress RSS 2.0 -------------------------------------------------------------------------

#[test]
fn wordpress_rss_is_rss2_with_three_items() {
    let outcome = read("wordpress-rss2.xml");
    assert_eq!(outcome.format, FeedFormat::Rss2);
    assert_eq!(outcome.feed.items.len(), 3);
}

#[test]
fn wordpress_rss_first_title_has_its_dash_decoded() {
    let outcome = read("wordpress-rss2.xml");
    assert_eq!(
        titles(&outcome)[0],
        "Sister-city delegation visits Riverton – 30 years of friendship"
    );
}

#[test]
fn wordpress_rss_double_escaped_ampersand_is_repaired_with_a_warning() {
    let outcome = read("wordpress-rss2.xml");
    assert_eq!(
        titles(&outcome)[1],
        "Road works on Main Street & Bridge Road"
    );
    assert!(outcome.warnings.iter().any(|w| matches!(
        w,
        ItemError::TitleRepaired { id, repairs } if id.ends_with("?p=4298") && repairs.entities_decoded
    )));
}

#[test]
fn wordpress_rss_body_is_content_encoded_and_summary_the_description() {
    let outcome = read("wordpress-rss2.xml");
    let v = &outcome.feed.items[0].versions[0];
    assert!(html(&v.body).contains("signed a new exchange agreement"));
    assert!(v
        .summary
        .as_deref()
        .unwrap()
        .starts_with("A delegation from our sister city arrived"));
}

#[test]
fn wordpress_rss_source_is_dc_creator_and_id_the_guid() {
    let outcome = read("wordpress-rss2.xml");
    let item = &outcome.feed.items[0];
    assert_eq!(item.id, "https://riverton.example.org/?p=4312");
    assert_eq!(item.versions[0].source.as_deref(), Some("Press Office"));
    assert_eq!(
        item.versions[0].url.as_deref(),
        Some("https://riverton.example.org/2024/05/28/sister-city-delegation/")
    );
}

#[test]
fn wordpress_rss_card_image_is_the_bodys_first_image() {
    let outcome = read("wordpress-rss2.xml");
    assert_eq!(
        outcome.feed.items[0].image.as_deref(),
        Some("https://riverton.example.org/wp-content/uploads/2024/05/delegation-1024x683.jpg")
    );
}

#[test]
fn wordpress_rss_dates_are_rfc822_without_repair() {
    let outcome = read("wordpress-rss2.xml");
    assert_eq!(dates(&outcome), ["2024-05-28", "2024-05-20", "2024-05-02"]);
    assert!(!outcome
        .warnings
        .iter()
        .any(|w| matches!(w, ItemError::DateRepaired { .. })));
}

#[test]
fn wordpress_rss_language_and_channel() {
    let outcome = read("wordpress-rss2.xml");
    assert_eq!(outcome.feed.language.as_deref(), Some("en-US"));
    assert_eq!(
        outcome.feed.title.as_deref(),
        Some("Riverton City Council – News")
    );
}

// --- Drupal RSS 2.0 with xml:base --------------------------------------------------------------

#[test]
fn drupal_relative_links_resolve_through_xml_base() {
    let outcome = read("drupal-rss2.xml");
    let v = &outcome.feed.items[0].versions[0];
    assert_eq!(
        v.url.as_deref(),
        Some("https://harbour.example.gov/news/2024/05/new-ferry-timetable")
    );
    assert_eq!(v.base.as_deref(), Some("https://harbour.example.gov/"));
}

#[test]
fn an_rss_date_is_named_as_a_date_not_as_json_feed_s_field() {
    let text = r#"<rss version="2.0"><channel><title>t</title>
        <item><guid>a</guid><title>a</title><pubDate>someday</pubDate></item></channel></rss>"#;
    let outcome = read_text(text, &BuildOptions::default()).unwrap();
    assert_eq!(
        outcome.warnings,
        [ItemError::BadDate {
            id: "a".into(),
            field: "date",
            value: "someday".into()
        }]
    );
}

#[test]
fn a_link_that_is_no_web_page_is_not_the_body_s_base() {
    // A `javascript:` link (refused when the card is shown) was the base of the body's relative
    // URLs, which all became `javascript:` ones, and the sanitizer dropped them.
    let text = r#"<rss version="2.0"><channel><title>t</title><link>https://x.example/</link>
        <item><title>a</title><link>javascript:alert(1)</link>
        <description>&lt;img src="/p.png"&gt;</description></item>
        <item><title>b</title><link>HTTPS://x.example/news/b</link>
        <description>b</description></item></channel></rss>"#;
    let outcome = read_text(text, &BuildOptions::default()).unwrap();
    assert_eq!(
        outcome.feed.items[0].versions[0].base.as_deref(),
        Some(FEED_URL),
        "the feed's address instead"
    );
    assert_eq!(
        outcome.feed.items[1].versions[0].base.as_deref(),
        Some("HTTPS://x.example/news/b")
    );
}

#[test]
fn drupal_escaped_html_description_is_the_body() {
    let outcome = read("drupal-rss2.xml");
    let v = &outcome.feed.items[0].versions[0];
    assert!(html(&v.body).starts_with("<p>The summer timetable starts on 1 June.</p>"));
    assert_eq!(
        outcome.feed.items[0].image.as_deref(),
        Some("/sites/default/files/2024-05/ferry.jpg"),
        "kept relative: it resolves against the body's base when rendered"
    );
}

#[test]
fn drupal_guid_that_is_not_a_url_is_still_the_id() {
    let outcome = read("drupal-rss2.xml");
    assert_eq!(
        outcome.feed.items[0].id,
        "1187 at https://harbour.example.gov"
    );
    assert_eq!(
        titles(&outcome),
        ["New ferry timetable", "Harbour festival"]
    );
}

// --- Atom ----------------------------------------------------------------------------------------

#[test]
fn atom_is_detected_with_its_entries() {
    let outcome = read("atom-xhtml.xml");
    assert_eq!(outcome.format, FeedFormat::Atom);
    assert_eq!(outcome.feed.items.len(), 2);
    assert_eq!(outcome.feed.language.as_deref(), Some("en"));
}

#[test]
fn atom_html_title_is_plain_text_with_entities_decoded() {
    let outcome = read("atom-xhtml.xml");
    assert_eq!(titles(&outcome)[0], "Ulsan & Changchun mark 30 years");
}

#[test]
fn atom_xhtml_content_is_the_inner_markup_of_its_div() {
    let outcome = read("atom-xhtml.xml");
    let body = html(&outcome.feed.items[0].versions[0].body);
    assert!(body.starts_with("<p>The two cities celebrated <strong>thirty years</strong>"));
    assert!(!body.contains("<div"));
}

#[test]
fn atom_xml_base_nests_from_feed_to_entry_to_content() {
    let outcome = read("atom-xhtml.xml");
    let item = &outcome.feed.items[0];
    assert_eq!(
        item.versions[0].url.as_deref(),
        Some("https://sister.example.org/news/2024/ulsan-changchun-30")
    );
    assert_eq!(
        item.versions[0].base.as_deref(),
        Some("https://sister.example.org/news/2024/ulsan-changchun-30/")
    );
    assert_eq!(
        item.image.as_deref(),
        Some("https://sister.example.org/news/2024/img/anniversary.jpg")
    );
}

#[test]
fn atom_alternate_with_hreflang_is_kept_for_pairing() {
    let outcome = read("atom-xhtml.xml");
    let alternates = &outcome.feed.items[0].alternates;
    assert_eq!(alternates.len(), 1);
    assert_eq!(alternates[0].lang, "ko");
    assert_eq!(
        alternates[0].url,
        "https://sister.example.org/ko/news/2024/ulsan-changchun-30"
    );
}

#[test]
fn atom_published_and_updated_dates() {
    let outcome = read("atom-xhtml.xml");
    let item = &outcome.feed.items[0];
    assert_eq!(item.published.unwrap().iso_date(), "2024-05-28");
    assert_eq!(item.modified.unwrap().iso_date(), "2024-05-29");
    // An entry with only `updated` is dated by it, with no separate "Updated".
    let second = &outcome.feed.items[1];
    assert_eq!(second.published.unwrap().iso_date(), "2024-05-10");
    assert_eq!(second.modified, None);
}

#[test]
fn atom_under_an_https_namespace_is_still_atom() {
    let outcome = read("atom-https-namespace.xml");
    assert_eq!(outcome.format, FeedFormat::Atom);
    assert_eq!(titles(&outcome), ["Berth 4 closed for maintenance"]);
    assert_eq!(dates(&outcome), ["2024-05-01"]);
}

#[test]
fn atom_summary_without_content_is_the_body() {
    let outcome = read("atom-https-namespace.xml");
    let v = &outcome.feed.items[0].versions[0];
    assert_eq!(
        v.body,
        Body::Text("Berth 4 is closed until 15 May.".to_owned())
    );
}

// --- RSS 1.0 -----------------------------------------------------------------------------------

#[test]
fn rss1_items_beside_the_channel_are_read() {
    let outcome = read("rss1-rdf.xml");
    assert_eq!(outcome.format, FeedFormat::Rss1);
    assert_eq!(titles(&outcome), ["姉妹都市との交流展", "春の花まつり"]);
}

#[test]
fn rss1_dc_date_and_rdf_about_id() {
    let outcome = read("rss1-rdf.xml");
    assert_eq!(dates(&outcome), ["2024-05-26", "2024-04-01"]);
    assert_eq!(
        outcome.feed.items[0].id,
        "https://kanko.example.jp/news/1001"
    );
    assert_eq!(outcome.feed.language.as_deref(), Some("ja"));
    assert_eq!(
        outcome.feed.items[0].versions[0].source.as_deref(),
        Some("観光課")
    );
}

// --- Media RSS ---------------------------------------------------------------------------------

#[test]
fn media_group_thumbnail_is_the_card_image() {
    let outcome = read("media-group.xml");
    assert_eq!(
        outcome.feed.items[0].image.as_deref(),
        Some("https://tv.example.org/thumbs/address.jpg")
    );
}

#[test]
fn image_media_content_wins_over_an_audio_enclosure() {
    let outcome = read("media-group.xml");
    assert_eq!(
        outcome.feed.items[1].image.as_deref(),
        Some("https://tv.example.org/photos/gallery-1.jpg")
    );
}

// --- Odd shapes --------------------------------------------------------------------------------

#[test]
fn nested_and_stray_items_are_all_read() {
    let outcome = read("nested-item.xml");
    assert_eq!(
        titles(&outcome),
        ["Outer item", "Inner item", "Item after the channel"]
    );
    // The outer item's fields are its own, not the nested one's.
    assert_eq!(
        outcome.feed.items[0].versions[0].url.as_deref(),
        Some("https://nest.example.org/outer")
    );
}

#[test]
fn bare_channel_without_rss_is_read() {
    let outcome = read("bare-channel.xml");
    assert_eq!(outcome.format, FeedFormat::Rss2);
    assert_eq!(titles(&outcome), ["No rss element around me"]);
    assert_eq!(dates(&outcome), ["2024-05-28"]);
}

#[test]
fn an_xhtml_page_is_not_a_feed() {
    assert_eq!(
        read_with("html-page.xml", &BuildOptions::default()),
        Err(FeedError::NotAFeed {
            root: "html".to_owned()
        })
    );
}

#[test]
fn item_without_guid_or_link_gets_a_stable_hashed_id() {
    let text = r#"<rss version="2.0"><channel><title>t</title>
        <item><title>No id</title><pubDate>Tue, 28 May 2024 08:00:00 GMT</pubDate></item>
        </channel></rss>"#;
    let build = || read_text(text, &BuildOptions::default()).unwrap();
    let (first, second) = (build(), build());
    let id = &first.feed.items[0].id;
    assert!(id.starts_with("urn:news-widget:"), "{id}");
    assert_eq!(id, &second.feed.items[0].id, "the same on every read");
    assert!(first
        .warnings
        .iter()
        .any(|w| matches!(w, ItemError::IdRepaired { .. })));
}

#[test]
fn item_with_link_but_no_guid_takes_the_link_as_id() {
    let outcome = read("bare-channel.xml");
    assert_eq!(outcome.feed.items[0].id, "https://bare.example.org/1");
}

#[test]
fn item_with_neither_title_nor_body_is_skipped_and_a_feed_of_only_those_says_so() {
    let text = r#"<rss version="2.0"><channel><title>t</title>
        <item><link>https://x.example/1</link></item>
        <item><link>https://x.example/2</link></item>
        </channel></rss>"#;
    let result = read_text(text, &BuildOptions::default());
    assert!(
        matches!(result, Err(FeedError::NoReadableItems { skipped: 2, .. })),
        "{result:?}"
    );
}

#[test]
fn item_with_body_but_no_title_takes_its_first_words() {
    let text = r#"<rss version="2.0"><channel><title>t</title>
        <item><link>https://x.example/1</link><description>The water supply is interrupted on Friday.</description></item>
        </channel></rss>"#;
    let outcome = read_text(text, &BuildOptions::default()).unwrap();
    assert_eq!(
        titles(&outcome),
        ["The water supply is interrupted on Friday."]
    );
    assert!(outcome
        .warnings
        .iter()
        .any(|w| matches!(w, ItemError::TitleFromBody { .. })));
}

#[test]
fn posix_channel_language_is_repaired_with_a_note() {
    let text = r#"<rss version="2.0"><channel><title>t</title><language>zh_CN</language>
        <item><title>a</title><link>https://x.example/1</link></item></channel></rss>"#;
    let outcome = read_text(text, &BuildOptions::default()).unwrap();
    assert_eq!(outcome.feed.language.as_deref(), Some("zh-CN"));
    assert_eq!(outcome.notes.len(), 1);
}

#[test]
fn zone_less_local_dates_use_the_timezone_option_and_are_reported() {
    let text = r#"<rss version="2.0"><channel><title>t</title><language>ko</language>
        <item><title>a</title><link>https://x.example/a</link><pubDate>2024-05-27 00:30:00</pubDate></item>
        <item><title>b</title><link>https://x.example/b</link><pubDate>Sun, 26 May 2024 16:00:00 GMT</pubDate></item>
        </channel></rss>"#;
    let seoul = |_: &news_widget::feed::WrittenDate| 9 * 60;
    let options = BuildOptions {
        timezone: Some("Asia/Seoul".into()),
        zone_offset: Some(std::rc::Rc::new(seoul)),
        ..BuildOptions::default()
    };
    let outcome = read_text(text, &options).unwrap();
    // 00:30 in Seoul is 15:30 UTC the day before: after b (16:00 UTC) it is not, so b is first.
    assert_eq!(titles(&outcome), ["b", "a"]);
    // The date shown is the one written.
    assert_eq!(
        outcome.feed.items[1].published.unwrap().iso_date(),
        "2024-05-27"
    );
    assert!(outcome.warnings.iter().any(|w| matches!(
        w,
        ItemError::DateRepaired { id, zone: DateZone::Publisher, .. } if id == "https://x.example/a"
    )));
}

#[test]
fn chinese_feed_cst_is_china_standard_time() {
    let text = r#"<rss version="2.0"><channel><title>t</title><language>zh-cn</language>
        <item><title>a</title><link>https://x.example/a</link><pubDate>Sat, 25 May 2024 07:00:00 CST</pubDate></item>
        <item><title>b</title><link>https://x.example/b</link><pubDate>Fri, 24 May 2024 23:30:00 GMT</pubDate></item>
        </channel></rss>"#;
    let outcome = read_text(text, &BuildOptions::default()).unwrap();
    // 07:00 +08:00 is 23:00 UTC on the 24th: before b. As US Central it would be after.
    assert_eq!(titles(&outcome), ["b", "a"]);
}

#[test]
fn an_rss_summary_is_the_text_of_its_html_once_so_what_the_publisher_escaped_stays_and_is_not_warned_about(
) {
    let outcome = read_text(
        r#"<rss version="2.0"><channel><title>c</title><item><guid>e</guid><title>t</title>
        <description>Wrap it in &amp;lt;time&amp;gt; &amp;amp; it reads</description>
        <content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">&lt;p&gt;Body&lt;/p&gt;</content:encoded>
        </item></channel></rss>"#,
        &BuildOptions::default(),
    )
    .unwrap();
    let version = &outcome.feed.items.iter().next().unwrap().versions[0];
    assert_eq!(
        version.summary.as_deref(),
        Some("Wrap it in <time> & it reads")
    );
    assert_eq!(outcome.warnings, []);
}
