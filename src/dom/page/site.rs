//! What is site-wide on a page, owned once: the widgets and toolbars mounted (members, which
//! subscribe through a guard, and of which one at a time reads aloud), the reader's stored
//! preferences with the one `storage` listener that hears other tabs, and the built-in Fluent
//! resources, read once. The run-time resources are in `resources`, the stylesheet in `style`.
//!
//! A page may run two of the page's modules (an article page's toolbar module, and the widget's
//! module for a widget added later): a preference set in one is told to the other by an event
//! on the window ([`SHARED_EVENT`]), which each module hears as it hears another tab's `storage`
//! event, and ignores while it is the one telling; so is a member starting to read aloud, as
//! the synthesizer is one for the page.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, Element};

use super::storage;
use crate::contract::FontStep;
use crate::contract::{Contrast, LineSpacing};
use crate::dom::parts::listen::Listener;
use crate::dom::parts::speech::Speech;
use crate::i18n::{self, Catalog};
use crate::listen::action::{Action as SpeechAction, StopReason};
use crate::listen::rate::Rate;
use crate::prefs::{CONTRAST_KEY, FONT_STEP_KEY, LANGUAGE_KEY, LINE_SPACING_KEY, LISTEN_RATE_KEY};
use crate::reading_aids::{AidAction, AidEffect, Aids, Shared};

/// A widget or toolbar, as the site tells it about preferences set elsewhere.
pub trait Member {
    fn host(&self) -> Element;
    /// The font step changed elsewhere on the site (another member, another tab).
    fn font_shared(self: Rc<Self>, step: FontStep);
    /// The reader chose a language elsewhere on the site.
    fn language_shared(self: Rc<Self>, tag: &str);
    /// A reader's aid changed elsewhere on the site, or another member started to read.
    fn aid(self: Rc<Self>, action: AidAction);
}

/// A member's place in the site; dropping it leaves.
#[must_use = "dropping a Membership leaves the site at once; keep it in its member"]
pub struct Membership {
    id: u32,
}

impl Drop for Membership {
    fn drop(&mut self) {
        with_site(|site| site.leave(self.id));
    }
}

struct Site {
    next_id: Cell<u32>,
    members: RefCell<Vec<(u32, Weak<dyn Member>)>>,
    /// The `storage` and [`SHARED_EVENT`] listeners, heard while there are members; dropped
    /// with the last one.
    listeners: RefCell<Vec<Listener>>,
    /// While this module tells the page's others of a preference (its own listener hears it).
    telling: Cell<bool>,
    built_in: RefCell<Option<Catalog>>,
}

thread_local! {
    static SITE: Site = const {
        Site {
            next_id: Cell::new(0),
            members: RefCell::new(Vec::new()),
            listeners: RefCell::new(Vec::new()),
            telling: Cell::new(false),
            built_in: RefCell::new(None),
        }
    };
}

fn with_site<R>(f: impl FnOnce(&Site) -> R) -> R {
    SITE.with(f)
}

impl Site {
    fn leave(&self, id: u32) {
        let empty = {
            let mut members = self.members.borrow_mut();
            members.retain(|(i, m)| *i != id && m.strong_count() > 0);
            members.is_empty()
        };
        if empty {
            // Dropped outside the borrow: removing a listener calls into the browser only.
            let listeners = std::mem::take(&mut *self.listeners.borrow_mut());
            drop(listeners);
        }
    }

    fn members_except(&self, except: Option<u32>) -> Vec<Rc<dyn Member>> {
        self.members
            .borrow()
            .iter()
            .filter(|(id, _)| Some(*id) != except)
            .filter_map(|(_, m)| m.upgrade())
            .collect()
    }
}

/// The event on the window by which one of the page's modules tells the others of a preference
/// the reader set (its detail: the storage key and the stored value).
pub const SHARED_EVENT: &str = "news-widget:shared";

/// The key of that event's detail by which a module tells the others that one of its members
/// started to read aloud (never stored).
const CLAIM: &str = "news-widget:listen-claim";

/// Joins the site; the listeners start with the first member.
pub fn join(member: Weak<dyn Member>) -> Membership {
    let id = with_site(|site| {
        let id = site.next_id.get().wrapping_add(1);
        site.next_id.set(id);
        site.members.borrow_mut().push((id, member));
        id
    });
    let listening = with_site(|site| !site.listeners.borrow().is_empty());
    if !listening {
        if let Some(window) = web_sys::window() {
            let listeners = vec![
                Listener::new(&window, "storage", on_storage),
                Listener::new(&window, SHARED_EVENT, on_shared),
            ];
            with_site(|site| *site.listeners.borrow_mut() = listeners);
        }
    }
    Membership { id }
}

/// Whether a widget or toolbar is mounted on `host`.
pub fn is_member(host: &Element) -> bool {
    with_site(|site| site.members_except(None))
        .iter()
        .any(|m| &m.host() == host)
}

/// Another tab changed a site-wide preference.
fn on_storage(event: web_sys::Event) {
    if let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() {
        shared(event.key().as_deref(), event.new_value());
    }
}

/// Another of the page's modules set a preference (see [`tell_modules`]).
fn on_shared(event: web_sys::Event) {
    if with_site(|site| site.telling.get()) {
        return;
    }
    let Some(detail) = event.dyn_ref::<CustomEvent>().map(CustomEvent::detail) else {
        return;
    };
    let detail: Array = detail.unchecked_into();
    shared(
        detail.get(0).as_string().as_deref(),
        detail.get(1).as_string(),
    );
}

/// A site-wide preference set elsewhere (the stored `key` now holds `value`): every member
/// follows. Heard by a halted instance too, which does nothing (see `halt`).
fn shared(key: Option<&str>, value: Option<String>) {
    if crate::dom::halt::halted() {
        return;
    }
    let members = with_site(|site| site.members_except(None));
    match key {
        Some(FONT_STEP_KEY) => {
            let step = value
                .map(|v| FontStep::parse_stored(&v))
                .unwrap_or_default();
            for member in members {
                member.font_shared(step);
            }
        }
        Some(LANGUAGE_KEY) => {
            if let Some(tag) = value {
                for member in members {
                    member.language_shared(&tag);
                }
            }
        }
        Some(CLAIM) => {
            for member in members {
                member.aid(AidAction::Speech(SpeechAction::Interrupted(
                    StopReason::OtherInstance,
                )));
            }
        }
        Some(key) => {
            let value = value.unwrap_or_default();
            if let Some(shared) = Shared::from_stored(key, &value) {
                for member in members {
                    member.aid(AidAction::Shared(shared));
                }
            }
        }
        None => {}
    }
}

/// Tells the page's other modules that the reader set `key` to `value` (this one's listener
/// hears it too, and is told to let it pass).
fn tell_modules(key: &str, value: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = CustomEventInit::new();
    init.set_detail(&Array::of2(
        &JsValue::from_str(key),
        &JsValue::from_str(value),
    ));
    let Ok(event) = CustomEvent::new_with_event_init_dict(SHARED_EVENT, &init) else {
        return;
    };
    with_site(|site| site.telling.set(true));
    let _ = window.dispatch_event(&event);
    with_site(|site| site.telling.set(false));
}

/// The reader's font step, as stored for the site.
pub fn font_step() -> FontStep {
    storage::read(FONT_STEP_KEY)
        .map(|s| FontStep::parse_stored(&s))
        .unwrap_or_default()
}

/// The reader's aids as stored for the site; `pause_cancels` from the platform.
pub fn aids(pause_cancels: bool) -> Aids {
    let stored = |key| storage::read(key).unwrap_or_default();
    Aids::new(
        Rate::parse_stored(&stored(LISTEN_RATE_KEY)),
        LineSpacing::parse_stored(&stored(LINE_SPACING_KEY)),
        Contrast::parse_stored(&stored(CONTRAST_KEY)),
        pause_cancels,
    )
}

/// The aids' effects a widget and a toolbar carry out alike: the synthesizer's and the
/// highlight's (on the member's `speech`, where the browser can speak), `from` starting to read
/// (a claim: every other member stops, the synthesizer being one for the page) and a choice to
/// share. Any other effect comes back, for the member.
pub fn aid_effect(
    effect: AidEffect,
    speech: Option<&Speech>,
    from: Option<&Membership>,
) -> Option<AidEffect> {
    match (effect, from) {
        (AidEffect::Speech(effect), _) => {
            if let Some(speech) = speech {
                speech.carry_out(effect);
            }
        }
        (AidEffect::Claim, Some(from)) => claim(from),
        (AidEffect::Share(shared), Some(from)) => share(shared, from),
        (AidEffect::Claim | AidEffect::Share(_), None) => {}
        (effect, _) => return Some(effect),
    }
    None
}

/// The reader set an aid on `from`: saved, and every other member follows.
pub fn share(shared: Shared, from: &Membership) {
    storage::write(shared.key(), shared.stored());
    for member in with_site(|site| site.members_except(Some(from.id))) {
        member.aid(AidAction::Shared(shared));
    }
    tell_modules(shared.key(), shared.stored());
}

/// `from` reads aloud now: every other member stops (the synthesizer is one for the page).
pub fn claim(from: &Membership) {
    for member in with_site(|site| site.members_except(Some(from.id))) {
        member.aid(AidAction::Speech(SpeechAction::Interrupted(
            StopReason::OtherInstance,
        )));
    }
    tell_modules(CLAIM, "");
}

/// The reader's saved language choice.
#[cfg(feature = "widget")]
pub fn saved_language() -> Option<String> {
    storage::read(LANGUAGE_KEY)
}

/// The reader set the font step on `from`: saved, and every other member follows.
pub fn share_font(step: FontStep, from: &Membership) {
    storage::write(FONT_STEP_KEY, &step.to_stored());
    for member in with_site(|site| site.members_except(Some(from.id))) {
        member.font_shared(step);
    }
    tell_modules(FONT_STEP_KEY, &step.to_stored());
}

/// The reader chose a language on `from`: saved, and every other member hears it.
#[cfg(feature = "widget")]
pub fn share_language(tag: &str, from: &Membership) {
    storage::write(LANGUAGE_KEY, tag);
    for member in with_site(|site| site.members_except(Some(from.id))) {
        member.language_shared(tag);
    }
    tell_modules(LANGUAGE_KEY, tag);
}

/// The built-in resources, read once per page; each widget's catalog starts as a copy (the
/// resources themselves are shared).
pub fn built_in_catalog() -> Catalog {
    with_site(|site| {
        site.built_in
            .borrow_mut()
            .get_or_insert_with(|| Catalog::built_in(i18n::intl::numbers()))
            .clone()
    })
}
