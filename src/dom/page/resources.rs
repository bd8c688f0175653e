//! The run-time Fluent resources of a page (the widget's `locales` option): each `.ftl` fetched
//! once and compiled once per page, in the tools module (`compiler`), and shared by the widgets
//! that name it. Only the widget's builds have it.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use web_sys::AbortController;

use super::compiler;
use crate::dom::net::fetch::{self, FetchOptions};
use crate::dom::net::read;
use crate::i18n::{self, I18nError};
use crate::lang::LanguageIdentifier;
use crate::load_error::LoadError;

/// A run-time resource on its way, shared by the widgets that asked for it; the last holder
/// dropping it aborts the request.
pub struct ResourceRequest {
    controller: Option<AbortController>,
    /// What to do once the result is in the page (`resource` then answers at once).
    waiting: RefCell<Vec<Box<dyn FnOnce()>>>,
}

impl ResourceRequest {
    /// Runs `then` once the result is in the page.
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

struct Resources {
    next_id: Cell<u32>,
    known: RefCell<Vec<(String, ResourceState)>>,
}

thread_local! {
    static RESOURCES: Resources = const {
        Resources {
            next_id: Cell::new(0),
            known: RefCell::new(Vec::new()),
        }
    };
}

fn with_resources<R>(f: impl FnOnce(&Resources) -> R) -> R {
    RESOURCES.with(f)
}

/// Where the page holds a resource: its URL and the timeout it is asked for within, so that a
/// request is shared only by widgets that would wait as long for it.
fn resource_key(url: &str, timeout_ms: u32) -> String {
    let mut key = crate::decimal::decimal(u64::from(timeout_ms));
    key.push(' ');
    key.push_str(url);
    key
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
    let number = with_resources(|r| {
        let n = r.next_id.get().wrapping_add(1);
        r.next_id.set(n);
        n
    });
    let locale = locale.clone();
    let file = url.to_string();
    // The resource is in: the page keeps it, and whoever waits for it hears.
    let finished = move |resource: Resource| {
        // Unless a newer request for the URL took its place (this one was abandoned first).
        let current = with_resources(|r| {
            r.known.borrow().iter().any(|(u, s)| {
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
    with_resources(
        |r| match r.known.borrow().iter().find(|(k, _)| k == key)?.1 {
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
    with_resources(|r| {
        let mut resources = r.known.borrow_mut();
        resources.retain(|(k, _)| k != key);
        resources.push((key.to_owned(), state));
    });
}
