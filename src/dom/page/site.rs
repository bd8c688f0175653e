//! What is site-wide on a page, owned once: the widgets and toolbars mounted (members, which
//! subscribe through a guard, and of which one at a time reads aloud), the reader's stored
//! preferences with the one `storage` listener that hears other tabs, and the Fluent resources
//! (the built-in ones read once, each run-time `.ftl` fetched and compiled once per page, in the
//! tools module: `compiler`). The stylesheet is shared in `style`.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use unic_langid::LanguageIdentifier;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, Element};

use super::compiler;
use super::storage;
use crate::contract::FontStep;
use crate::contract::{Contrast, LineSpacing};
use crate::dom::net::fetch::{self, FetchOptions};
use crate::dom::net::read;
use crate::dom::parts::listen::Listener;
use crate::dom::parts::speech::Speech;
use crate::i18n::{self, Catalog, I18nError};
use crate::listen::action::{Action as SpeechAction, StopReason};
use crate::listen::rate::Rate;
use crate::load_error::LoadError;
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

/// A run-time resource on its way, shared by the widgets that asked for it; the last holder
/// dropping it aborts the request.
pub struct ResourceRequest {
    controller: Option<AbortController>,
    /// What to do once the result is in the site (`resource` then answers at once).
    waiting: RefCell<Vec<Box<dyn FnOnce()>>>,
}

impl ResourceRequest {
    /// Runs `then` once the result is in the site.
    pub fn when_done(&self, then: impl FnOnce() + 'static) {
        self.waiting.borrow_mut().push(Box::new(then));
    }
}

impl Drop for ResourceRequest {
    fn drop(&mut self) {
        if let Some(controller) = &self.controller {
            controller.abort();
        }
    }
}

/// A run-time resource as the page has it.
#[derive(Clone)]
pub enum Resource {
    /// Compiled, with the syntax errors of its bad entries (each widget that uses it reports
    /// them).
    Compiled(Rc<i18n::Compiled>, Vec<I18nError>),
    Failed(LoadError),
}

enum ResourceState {
    /// The request with this number, while someone holds it.
    Loading(u32, Weak<ResourceRequest>),
    Done(Resource),
}

struct Site {
    next_id: Cell<u32>,
    members: RefCell<Vec<(u32, Weak<dyn Member>)>>,
    /// Heard while there are members; dropped with the last one.
    storage_listener: RefCell<Option<Listener>>,
    built_in: RefCell<Option<Catalog>>,
    resources: RefCell<Vec<(String, ResourceState)>>,
}

thread_local! {
    static SITE: Site = const {
        Site {
            next_id: Cell::new(0),
            members: RefCell::new(Vec::new()),
            storage_listener: RefCell::new(None),
            built_in: RefCell::new(None),
            resources: RefCell::new(Vec::new()),
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
            let listener = self.storage_listener.borrow_mut().take();
            drop(listener);
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

/// Joins the site; the storage listener starts with the first member.
pub fn join(member: Weak<dyn Member>) -> Membership {
    let id = with_site(|site| {
        let id = site.next_id.get().wrapping_add(1);
        site.next_id.set(id);
        site.members.borrow_mut().push((id, member));
        id
    });
    let listening = with_site(|site| site.storage_listener.borrow().is_some());
    if !listening {
        if let Some(window) = web_sys::window() {
            let listener = Listener::new(&window, "storage", on_storage);
            with_site(|site| *site.storage_listener.borrow_mut() = Some(listener));
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

/// Another tab changed a site-wide preference (heard by a halted instance too: it does
/// nothing, see `halt`).
fn on_storage(event: web_sys::Event) {
    let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
        return;
    };
    if crate::dom::halt::halted() {
        return;
    }
    let members = with_site(|site| site.members_except(None));
    match event.key().as_deref() {
        Some(FONT_STEP_KEY) => {
            let step = event
                .new_value()
                .map(|v| FontStep::parse_stored(&v))
                .unwrap_or_default();
            for member in members {
                member.font_shared(step);
            }
        }
        Some(LANGUAGE_KEY) => {
            if let Some(tag) = event.new_value() {
                for member in members {
                    member.language_shared(&tag);
                }
            }
        }
        Some(key) => {
            let value = event.new_value().unwrap_or_default();
            if let Some(shared) = Shared::from_stored(key, &value) {
                for member in members {
                    member.aid(AidAction::Shared(shared));
                }
            }
        }
        None => {}
    }
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
}

/// `from` reads aloud now: every other member stops (the synthesizer is one for the page).
pub fn claim(from: &Membership) {
    for member in with_site(|site| site.members_except(Some(from.id))) {
        member.aid(AidAction::Speech(SpeechAction::Interrupted(
            StopReason::OtherInstance,
        )));
    }
}

/// The reader's saved language choice.
pub fn saved_language() -> Option<String> {
    storage::read(LANGUAGE_KEY)
}

/// The reader set the font step on `from`: saved, and every other member follows.
pub fn share_font(step: FontStep, from: &Membership) {
    storage::write(FONT_STEP_KEY, &step.to_stored());
    for member in with_site(|site| site.members_except(Some(from.id))) {
        member.font_shared(step);
    }
}

/// The reader chose a language on `from`: saved, and every other member hears it.
pub fn share_language(tag: &str, from: &Membership) {
    storage::write(LANGUAGE_KEY, tag);
    for member in with_site(|site| site.members_except(Some(from.id))) {
        member.language_shared(tag);
    }
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

/// Where the page holds a resource: its URL and the timeout it is asked for within, so that a
/// request is shared only by widgets that would wait as long for it.
fn resource_key(url: &str, timeout_ms: u32) -> String {
    format!("{timeout_ms} {url}")
}

/// The run-time resource at `url` (absolute) for `locale`: what the page has already, or the
/// request that everyone who asks for it within the same `timeout_ms` shares (started now). A
/// request that never completed (offline, aborted, timed out) is tried again.
pub fn resource(
    url: &str,
    locale: &LanguageIdentifier,
    timeout_ms: u32,
) -> Result<Resource, Rc<ResourceRequest>> {
    let key = resource_key(url, timeout_ms);
    if let Some(state) = resource_state(&key) {
        match state {
            Known::Done(Resource::Failed(error)) if error.failure().may_ask_again() => {}
            Known::Done(resource) => return Ok(resource),
            Known::Loading(request) => return Err(request),
        }
    }
    // Aborted through the request's own controller (no listener linking it to another).
    let how = FetchOptions {
        timeout_ms,
        revalidate: false,
    };
    let pending = fetch::start(url, how);
    let request = Rc::new(ResourceRequest {
        controller: pending.controller(),
        waiting: RefCell::new(Vec::new()),
    });
    let held = Rc::downgrade(&request);
    let number = with_site(|site| {
        let n = site.next_id.get().wrapping_add(1);
        site.next_id.set(n);
        n
    });
    let locale = locale.clone();
    let file = url.to_string();
    // The resource is in: the page keeps it, and whoever waits for it hears.
    let finished = move |resource: Resource| {
        // Unless a newer request for the URL took its place (this one was abandoned first).
        let current = with_site(|site| {
            site.resources.borrow().iter().any(|(u, s)| {
                *u == key && matches!(s, ResourceState::Loading(n, _) if *n == number)
            })
        });
        if current {
            set_state(&key, ResourceState::Done(resource));
        }
        // Taken out first: a waiter may drop the last other hold on the request.
        let waiting = held
            .upgrade()
            .map(|r| std::mem::take(&mut *r.waiting.borrow_mut()));
        for then in waiting.into_iter().flatten() {
            then();
        }
    };
    read::text_of(pending, move |text| match text {
        Ok(text) => compiler::compile(&locale, &file, &text, move |compiled| {
            finished(match compiled {
                Ok((compiled, errors)) => Resource::Compiled(compiled, errors),
                Err(error) => Resource::Failed(error),
            });
        }),
        Err(error) => finished(Resource::Failed(error)),
    });
    let key = resource_key(url, timeout_ms);
    set_state(
        &key,
        ResourceState::Loading(number, Rc::downgrade(&request)),
    );
    Err(request)
}

pub enum Known {
    Loading(Rc<ResourceRequest>),
    Done(Resource),
}

/// What the page knows of a resource (by `resource_key`): a result, a request still held by
/// someone, or nothing.
fn resource_state(key: &str) -> Option<Known> {
    with_site(
        |site| match site.resources.borrow().iter().find(|(k, _)| k == key)?.1 {
            ResourceState::Done(ref resource) => Some(Known::Done(resource.clone())),
            ResourceState::Loading(_, ref request) => request.upgrade().map(Known::Loading),
        },
    )
}

/// The result of a shared request (of `url` within `timeout_ms`) once its `done` promise
/// settled.
pub fn resource_result(url: &str, timeout_ms: u32) -> Resource {
    match resource_state(&resource_key(url, timeout_ms)) {
        Some(Known::Done(resource)) => resource,
        _ => Resource::Failed(LoadError::Network {
            detail: "the request was abandoned".into(),
        }),
    }
}

fn set_state(key: &str, state: ResourceState) {
    with_site(|site| {
        let mut resources = site.resources.borrow_mut();
        resources.retain(|(k, _)| k != key);
        resources.push((key.to_owned(), state));
    });
}
