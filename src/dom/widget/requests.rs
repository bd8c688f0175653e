//! The widget's requests: the feed (or the loader's early request, taken over), the lookup of
//! its kept copy and the reading of it, and the run-time Fluent resources (shared with the page
//! through the site). Each answer comes back as an `Action`, and `update` decides what it leads
//! to (which shows first, whether the kept copy is read, whether a resource is asked for again);
//! a request whose guard is dropped is aborted.

use std::rc::{Rc, Weak};

use js_sys::Uint8Array;
use web_sys::AbortController;

use super::{absolute, Widget};
use crate::contract::{ErrorKind, Event};
use crate::dom::net::cache;
use crate::dom::net::fetch::{self, now_ms, FetchOptions};
use crate::dom::net::{js, read};
use crate::dom::page::resources::{self, Resource};
use crate::dom::parts::{later, notify};
use crate::dom::warn;
use crate::explain::Explain;
use crate::lang::LanguageIdentifier;
use crate::load_error::LoadError;
use crate::refresh::Failure;
use crate::state::{Action, LoadId};

/// A feed request's guard: dropping it (a newer load, destroy) aborts the request.
pub(super) struct FeedRequest {
    controller: AbortController,
}

impl Drop for FeedRequest {
    fn drop(&mut self) {
        self.controller.abort();
    }
}

/// The kept copy a load's lookup found, until `update` says to read it.
pub(super) struct FoundKept {
    load: LoadId,
    kept: cache::Kept,
}

/// A digest of a feed's bytes (FNV-1a, with the length): the same bytes are the same feed.
/// Read in 64 KB pieces through one buffer: wasm memory never shrinks, so a copy of a whole
/// 10,000-item feed would stay with the page for good.
fn digest(bytes: &Uint8Array) -> u64 {
    const PIECE: u32 = 64 * 1024;
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(bytes.length());
    let mut buffer = vec![0; PIECE as usize];
    let mut at = 0;
    while at < bytes.length() {
        let end = bytes.length().min(at + PIECE);
        let piece = &mut buffer[..(end - at) as usize];
        bytes.subarray(at, end).copy_to(piece);
        for &byte in piece.iter() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        at = end;
    }
    hash
}

/// The widget, if it still exists.
fn alive(weak: &Weak<Widget>) -> Option<Rc<Widget>> {
    weak.upgrade()
}

impl Widget {
    pub(super) fn fetch_feed(
        self: &Rc<Self>,
        load: LoadId,
        url: String,
        revalidate: bool,
        kept_first: bool,
        adopt: bool,
    ) {
        // An earlier request's answer no longer counts: it goes, and so does the loader's early
        // request unless this one takes it over.
        drop(self.feed_request.borrow_mut().take());
        let early = self.early.borrow_mut().take();
        self.kept.borrow_mut().clear();
        let weak = Rc::downgrade(self);
        if url.is_empty() {
            // Reported from a later task, like a real load, so that listeners added once
            // mount() resolved still hear it.
            later::after(js::next_task(), move |_| {
                if let Some(w) = alive(&weak) {
                    w.dispatch(Action::FeedFailed {
                        load,
                        error: LoadError::NoFeedUrl,
                        now_ms: now_ms(),
                    });
                }
            });
            return;
        }
        // The request is aborted through its own controller, which the guard holds: no listener
        // links it to another signal, so a destroyed widget leaves none behind, even with the
        // request still on its way (its future then ends on the abort).
        let how = FetchOptions {
            timeout_ms: self.timeout_ms,
            revalidate,
        };
        let feed = match early.filter(|_| adopt) {
            Some(early) => fetch::adopt(early, how),
            None => fetch::start(&url, how),
        };
        let Some(controller) = feed.controller() else {
            return;
        };
        *self.feed_request.borrow_mut() = Some(FeedRequest { controller });
        if kept_first {
            self.look_up_kept(load, &url);
        }
        read::read_feed(feed, self.read.clone(), move |result| {
            let Some(w) = alive(&weak) else {
                return;
            };
            w.dispatch(match result {
                Ok((outcome, bytes)) => Action::FeedLoaded {
                    load,
                    outcome,
                    digest: digest(&bytes),
                    now_ms: now_ms(),
                },
                Err(error) => Action::FeedFailed {
                    load,
                    error,
                    now_ms: now_ms(),
                },
            });
        });
    }

    /// Looks for the kept copy of `url` while the feed is on its way; what the lookup found
    /// waits here, unread, for `update`'s `ReadKept`.
    fn look_up_kept(self: &Rc<Self>, load: LoadId, url: &str) {
        let url = url.to_owned();
        let weak = Rc::downgrade(self);
        later::after(cache::lookup(&url), move |found| {
            let kept = cache::read(found, &url);
            let Some(w) = alive(&weak) else {
                return;
            };
            let fetched_at_ms = kept.as_ref().map(|k| k.fetched_at_ms);
            w.kept
                .borrow_mut()
                .extend(kept.map(|kept| FoundKept { load, kept }));
            w.dispatch(Action::KeptLookedUp {
                load,
                fetched_at_ms,
                now_ms: now_ms(),
            });
        });
    }

    /// Reads the kept copy `load`'s lookup found: `KeptFound`, or nothing after all when it
    /// cannot be read.
    pub(super) fn read_kept(self: &Rc<Self>, load: LoadId) {
        let found = {
            let mut kept = self.kept.borrow_mut();
            let found = kept.iter().position(|f| f.load == load);
            let found = found.map(|at| kept.swap_remove(at));
            kept.clear();
            found
        };
        let read = found.and_then(|found| {
            let outcome = read::read_fetched(&found.kept.fetched, &self.read).ok()?;
            Some((found.kept, outcome))
        });
        self.dispatch(match read {
            Some((kept, outcome)) => Action::KeptFound {
                load,
                outcome,
                fetched_at_ms: kept.fetched_at_ms,
                digest: digest(&kept.fetched.bytes),
            },
            None => Action::KeptLookedUp {
                load,
                fetched_at_ms: None,
                now_ms: now_ms(),
            },
        });
    }

    pub(super) fn fetch_locale(self: &Rc<Self>, locale: LanguageIdentifier, url: &str) {
        let Some(url) = absolute(url, &self.doc) else {
            self.dispatch(Action::LocaleLoaded {
                locale,
                failure: Some(Failure::NoFeedUrl),
            });
            return;
        };
        let request = match resources::resource(&url, &locale, self.timeout_ms) {
            // The page has it already: no wait, but its errors are still reported from a later
            // task, as a fetched one's are.
            Ok(resource) => return self.resource_arrived(locale, resource, true),
            Err(request) => request,
        };
        let held = Rc::downgrade(&request);
        let weak = Rc::downgrade(self);
        let timeout_ms = self.timeout_ms;
        request.when_done(move || {
            let Some(w) = alive(&weak) else {
                return;
            };
            w.locale_requests
                .borrow_mut()
                .retain(|r| !Weak::ptr_eq(&Rc::downgrade(r), &held));
            w.resource_arrived(locale, resources::resource_result(&url, timeout_ms), false);
        });
        self.locale_requests.borrow_mut().push(request);
    }

    /// A run-time resource for `locale` is in. `known`: the page had it already, and this is
    /// still inside the call that asked for it (`mount()`, `setLanguage()`): its error event
    /// waits for a later task, so that listeners added once that call returned still hear it.
    fn resource_arrived(
        self: &Rc<Self>,
        locale: LanguageIdentifier,
        resource: Resource,
        known: bool,
    ) {
        let failure = match resource {
            Resource::Compiled(compiled, errors) => {
                for error in &errors {
                    warn(&error.explain());
                }
                if let Some(first) = errors.first() {
                    let event = Event::Error {
                        kind: ErrorKind::Locale,
                        message: first.explain(),
                        kept: false,
                    };
                    if known {
                        let weak = Rc::downgrade(self);
                        later::after(js::next_task(), move |_| {
                            if let Some(w) = alive(&weak) {
                                notify::emit(&w.host, &event);
                            }
                        });
                    } else {
                        notify::emit(&self.host, &event);
                    }
                }
                self.catalog
                    .borrow_mut()
                    .add_compiled(locale.clone(), compiled);
                // The words on screen may be this locale's: they come from the new resource
                // from the next render on.
                let ui = self.model.borrow().languages.ui.clone();
                *self.l10n.borrow_mut() = self.catalog.borrow().localizer(&ui);
                None
            }
            // A site without a resource for a built-in language is normal; said quietly.
            Resource::Failed(error) => {
                warn(
                    &[
                        "no extra Fluent resource for ",
                        locale.as_str(),
                        ": ",
                        &error.explain(),
                    ]
                    .concat(),
                );
                Some(error.failure())
            }
        };
        self.dispatch(Action::LocaleLoaded { locale, failure });
    }
}
