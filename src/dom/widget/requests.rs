//! The widget's requests: the feed (with the kept copy looked for meanwhile, and the loader's
//! early request adopted) and the run-time Fluent resources (shared with the page through the
//! site). Each answer comes back as an `Action`; a request whose guard is dropped is aborted.

use std::rc::{Rc, Weak};

use js_sys::Uint8Array;
use unic_langid::LanguageIdentifier;
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortController;

use super::super::fetch::{self, now_ms, FetchOptions};
use super::super::load::{self, LoadError};
use super::super::notify;
use super::super::site::{self, Resource};
use super::super::{kept, warn};
use super::{absolute, Widget};
use crate::contract::{ErrorKind, Event};
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
    ) {
        // An earlier request's answer no longer counts: it goes.
        drop(self.feed_request.borrow_mut().take());
        let weak = Rc::downgrade(self);
        if url.is_empty() {
            // Reported from a later task, like a real load, so that listeners added once
            // mount() resolved still hear it.
            wasm_bindgen_futures::spawn_local(async move {
                load::next_task().await;
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
        // The loader's early request, when it asked for this very feed on the first load.
        let early = self.early.borrow_mut().take();
        let feed = match early.filter(|e| !revalidate && e.url == url) {
            Some(early) => fetch::adopt(early, how),
            None => fetch::start(&url, how),
        };
        let Some(controller) = feed.controller() else {
            return;
        };
        *self.feed_request.borrow_mut() = Some(FeedRequest { controller });
        let mut lookup = kept_first.then(|| kept::lookup(&url));
        let read = self.read.clone();
        wasm_bindgen_futures::spawn_local(async move {
            // Whichever comes first: the kept copy shows while the feed (body included) is on its
            // way; a feed complete first is not held back by the lookup.
            if let Some(found) = &lookup {
                let mut contenders = js_sys::Array::of2(found, feed.answer());
                loop {
                    match JsFuture::from(js_sys::Promise::race(&contenders)).await {
                        // No kept copy.
                        Ok(first) if first.is_undefined() => lookup = None,
                        Ok(first) if kept::is_kept(&first) => {
                            lookup = None;
                            show_kept(&weak, load, &first, &url, &read);
                        }
                        // A server error that keeps the news (a busy server, whose retry may be
                        // seconds away): the kept copy shows meanwhile.
                        Ok(first) if fetch::erred_keeping_news(&first) => {
                            contenders = js_sys::Array::of1(found);
                            continue;
                        }
                        // The feed arrived (or failed) first: the lookup stays for a fallback.
                        _ => {}
                    }
                    break;
                }
            }
            let result = load::read_feed(feed, &read).await;
            // A failure that keeps news falls back to the kept copy, if there is one.
            if let (Some(found), Err(error)) = (lookup, &result) {
                if error.failure().keeps_news() {
                    let found = JsFuture::from(found).await.unwrap_or_default();
                    show_kept(&weak, load, &found, &url, &read);
                }
            }
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

    pub(super) fn fetch_locale(self: &Rc<Self>, locale: LanguageIdentifier, url: &str) {
        let Some(url) = absolute(url, &self.doc) else {
            self.dispatch(Action::LocaleLoaded {
                locale,
                loaded: false,
                retryable: false,
            });
            return;
        };
        let request = match site::resource(&url, &locale, self.timeout_ms) {
            // The page has it already: no wait, but its errors are still reported from a later
            // task, as a fetched one's are.
            Ok(resource) => return self.resource_arrived(locale, resource, true),
            Err(request) => request,
        };
        let done = request.done();
        let held = Rc::downgrade(&request);
        self.locale_requests.borrow_mut().push(request);
        let weak = Rc::downgrade(self);
        let timeout_ms = self.timeout_ms;
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(done).await;
            let Some(w) = alive(&weak) else {
                return;
            };
            w.locale_requests
                .borrow_mut()
                .retain(|r| !Weak::ptr_eq(&Rc::downgrade(r), &held));
            w.resource_arrived(locale, site::resource_result(&url, timeout_ms), false);
        });
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
        let loaded = match resource {
            Resource::Parsed(parsed, errors) => {
                for error in &errors {
                    warn(&error.to_string());
                }
                if let Some(first) = errors.first() {
                    let event = Event::Error {
                        kind: ErrorKind::Locale,
                        message: first.to_string(),
                        kept: false,
                    };
                    if known {
                        let weak = Rc::downgrade(self);
                        wasm_bindgen_futures::spawn_local(async move {
                            load::next_task().await;
                            if let Some(w) = alive(&weak) {
                                notify::emit(&w.host, &event);
                            }
                        });
                    } else {
                        notify::emit(&self.host, &event);
                    }
                }
                self.catalog.borrow_mut().add_parsed(locale.clone(), parsed);
                // The words on screen may be this locale's: they come from the new resource
                // from the next render on.
                let ui = self.model.borrow().languages.ui.clone();
                *self.l10n.borrow_mut() = self.catalog.borrow().localizer(&ui);
                Ok(())
            }
            // A site without a resource for a built-in language is normal; said quietly.
            Resource::Failed(error) => {
                warn(&format!("no extra Fluent resource for {locale}: {error}"));
                Err(matches!(error, LoadError::Network { .. }))
            }
        };
        self.dispatch(Action::LocaleLoaded {
            locale,
            loaded: loaded.is_ok(),
            retryable: loaded.err().unwrap_or(false),
        });
    }
}

/// Reads what a kept-copy lookup found (nothing, or a copy young enough) and hands it to the
/// widget, if there is still one.
fn show_kept(
    weak: &Weak<Widget>,
    load: LoadId,
    found: &wasm_bindgen::JsValue,
    url: &str,
    read: &load::ReadOptions,
) {
    let Some(copy) = kept::read(found, url) else {
        return;
    };
    let Ok(outcome) = load::read_fetched(&copy.fetched, read) else {
        return;
    };
    if let Some(w) = alive(weak) {
        w.dispatch(Action::KeptFound {
            load,
            outcome,
            fetched_at_ms: copy.fetched_at_ms,
            digest: digest(&copy.fetched.bytes),
        });
    }
}
