//! What every item of a feed is read with: the page's options (its zone for times written
//! without one), the channel's language and source, and how the feed's dates read (`CST` in a
//! Chinese feed; which forms are the format's own and which a repair).

use std::rc::Rc;

use super::date::{parse_written_date, DateContext, DateForm, WrittenDate};
use super::xml::Channel;
use super::{DateZone, FeedFormat, ItemError, Timestamp};

/// What the page tells about reading a feed, beyond the feed itself. Owned, as the items of a
/// long feed are decoded after the feed was read (`Items`).
#[derive(Clone, Default)]
pub struct BuildOptions {
    /// The `timezone` option: an IANA zone for times written without an offset.
    pub timezone: Option<String>,
    /// The offset in minutes east of UTC of `timezone` at a written local time (the DOM layer
    /// asks `Intl`); without it such times count as UTC, which moves no written date.
    pub zone_offset: Option<ZoneOffset>,
    /// The key under which item ids are hashed to find those that repeat: drawn where the
    /// feed's publisher cannot know it (the DOM layer draws one for each feed), so that no
    /// feed can choose ids that all hash alike. Zero by default (native tests).
    pub id_key: [u64; 2],
}

/// Minutes east of UTC of the page's zone at a written local time.
pub type ZoneOffset = Rc<dyn Fn(&WrittenDate) -> i32>;

/// What every item of a feed is read with.
pub(super) struct ItemContext {
    pub(super) format: FeedFormat,
    pub(super) language: Option<String>,
    pub(super) source: Option<String>,
    pub(super) dates: DateContext,
    pub(super) options: BuildOptions,
}

impl ItemContext {
    pub(super) fn new(
        format: FeedFormat,
        channel: &Channel,
        options: &BuildOptions,
    ) -> ItemContext {
        let chinese = channel
            .language
            .as_deref()
            .is_some_and(|l| l.eq_ignore_ascii_case("zh") || l.starts_with("zh-"))
            || options.timezone.as_deref().is_some_and(chinese_zone);
        ItemContext {
            format,
            language: channel.language.clone(),
            source: channel.source.clone(),
            dates: DateContext { chinese },
            options: options.clone(),
        }
    }
}

/// Zones whose `CST` is China Standard Time (+08:00), not US Central.
fn chinese_zone(zone: &str) -> bool {
    [
        "Asia/Shanghai",
        "Asia/Chongqing",
        "Asia/Harbin",
        "Asia/Urumqi",
        "Asia/Hong_Kong",
        "Asia/Macau",
        "Asia/Taipei",
        "PRC",
    ]
    .iter()
    .any(|z| z.eq_ignore_ascii_case(zone.trim()))
}

/// A date in any form docs/feeds.md#dates lists. One outside the format's own grammar is a
/// repair; one that cannot be read at all leaves the item undated (shown last), never skipped.
pub(super) fn item_date(
    id: &str,
    field: &'static str,
    value: Option<String>,
    context: &ItemContext,
    warnings: &mut Vec<ItemError>,
) -> Option<Timestamp> {
    let value = present(value)?;
    let Some(written) = parse_written_date(&value, context.dates) else {
        warnings.push(ItemError::BadDate {
            id: id.to_owned(),
            field,
            value,
        });
        return None;
    };
    if !context.format.native_date_form(written.form) {
        warnings.push(ItemError::DateRepaired {
            id: id.to_owned(),
            field,
            value,
            zone: match (written.offset_minutes, &context.options.zone_offset) {
                (Some(_), _) => DateZone::Written,
                (None, Some(_)) => DateZone::Publisher,
                (None, None) => DateZone::Utc,
            },
        });
    }
    let fallback = match (written.offset_minutes, &context.options.zone_offset) {
        (None, Some(zone_offset)) => zone_offset(&written),
        _ => 0,
    };
    Some(written.timestamp(fallback))
}

impl FeedFormat {
    /// Whether the format's own date grammar allows this form (otherwise reading it is a repair).
    fn native_date_form(self, form: DateForm) -> bool {
        match self {
            FeedFormat::JsonFeed | FeedFormat::Atom => form == DateForm::Rfc3339,
            FeedFormat::Rss1 => matches!(form, DateForm::Rfc3339 | DateForm::W3cDtf),
            FeedFormat::Rss2 | FeedFormat::Rss09 => {
                matches!(
                    form,
                    DateForm::Rfc822 | DateForm::Rfc3339 | DateForm::W3cDtf
                )
            }
        }
    }
}

/// Trimmed, with blank meaning absent: CMSs often write `""` for "not set".
pub(super) fn present(s: Option<String>) -> Option<String> {
    let s = s?;
    let t = s.trim();
    match t.len() {
        0 => None,
        n if n == s.len() => Some(s),
        _ => Some(t.to_owned()),
    }
}
