//! Reading aloud in the browser, for a widget or a toolbar alike: it carries out the listen
//! machine's effects on `speechSynthesis` and the CSS Custom Highlight API (through
//! `js/speech.js`), reads the article's text and has the plan module cut it into utterances,
//! and answers with the plan, the synthesizer's, the device's and the page's actions (an
//! utterance's end or error, the voices, the wait for them, the page hidden or printed by the
//! browser) through the member's `answer`.
//!
//! It owns what it starts: the listeners (`voiceschanged`, `visibilitychange`, `beforeprint`)
//! and the wait for the voices go when it is dropped; an utterance's callback holds only a weak
//! way back, and `cancel` finishes every utterance at once. The member silences it on
//! `destroy()` through the machine (`silence`), before it is dropped.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, EventTarget};

use super::later;
use super::listen::Listener;
use crate::dom::page::tools;
use crate::listen::action::{Action, SpeechError, StopReason, Ticket};
use crate::listen::machine::{watch_ms, Effect, PLAN_WAIT_MS, VOICES_WAIT_MS};
use crate::listen::voice::Voice;
use crate::listen::wire::decode_plan;
use crate::reading_aids::{self, AidEffect, Aids};

#[wasm_bindgen(module = "/js/speech.js")]
extern "C" {
    /// `speechSynthesis`, or nothing where the browser has none.
    fn synth() -> Option<EventTarget>;

    /// `speechSynthesis.getVoices()`, five values a voice: its `voiceURI`, `name`, `lang`,
    /// `localService` and `default` (one array, not a getter a field: less glue).
    fn voices() -> Array;
    /// Whether `pause()` drops the utterance (Android).
    #[wasm_bindgen(js_name = pauseCancels)]
    fn pause_cancels_here() -> bool;

    /// Speaks with the voice whose `voiceURI` is `uri`; `done` is called once, with the error's
    /// name or nothing (ended).
    fn speak(text: &str, lang: &str, uri: &str, rate: f32, watch_ms: u32, done: &JsValue);
    /// `cancel()`: every utterance of ours is done, as interrupted.
    #[wasm_bindgen(js_name = cancel)]
    fn cancel_all();
    #[wasm_bindgen(js_name = pause)]
    fn pause_synth();
    #[wasm_bindgen(js_name = resume)]
    fn resume_synth();
    /// `setTimeout`: its number.
    fn after(ms: u32, then: &Function) -> i32;

    /// The text of `roots` as runs: the text nodes, and the runs as the plan module's `plan`
    /// reads them (`listen::wire`), in one array.
    #[wasm_bindgen(js_name = textRuns)]
    fn text_runs(roots: &Array) -> Array;

    /// Highlights `spans` ([node, start, end] in threes) of `nodes`: the highlight, or
    /// undefined.
    fn highlight(nodes: &Array, spans: &[u32]) -> JsValue;
    /// A silent utterance in the reader's press of Listen (once, for this glue): WebKit speaks
    /// only once a page has spoken from a user's gesture, and the plan comes later.
    fn unlock();
    fn unhighlight(mark: &JsValue);
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: i32);
}

/// A timeout that is cleared when dropped.
struct Timer {
    id: i32,
    _then: Closure<dyn FnMut(JsValue)>,
}

impl Timer {
    fn new(ms: u32, then: impl FnOnce() + 'static) -> Timer {
        let then = later::once(Box::new(|_| then()));
        Timer {
            id: after(ms, then.as_ref().unchecked_ref()),
            _then: then,
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        clear_timeout(self.id);
    }
}

/// Where the listen machine's actions go: the member's queue.
pub type Answer = Rc<dyn Fn(Action)>;

pub struct Speech {
    answer: Answer,
    /// The text nodes of the article being read (the plan's runs).
    nodes: RefCell<Array>,
    /// The stretches highlighted ([node, start, end] in threes) and the highlight.
    spans: RefCell<Vec<u32>>,
    mark: RefCell<JsValue>,
    voices_wait: RefCell<Option<Timer>>,
    /// The deadline (`PLAN_WAIT_MS`) of the plan with this ticket: cleared by its answer, and
    /// replaced by a later Listen's; dropping the speech clears it.
    plan_wait: Rc<RefCell<Option<(Ticket, Timer)>>>,
    _listeners: Vec<Listener>,
}

impl Speech {
    /// Reading aloud for a member of `doc`; `None` where the browser cannot speak (there is no
    /// control then).
    pub fn new(doc: &Document, answer: Answer) -> Option<Speech> {
        let synth = synth()?;
        let on =
            |target: &EventTarget, kind: &'static str, when: fn(&Document) -> Option<Action>| {
                let (answer, doc) = (Rc::clone(&answer), doc.clone());
                Listener::new(target, kind, move |_| {
                    if let Some(action) = when(&doc) {
                        answer(action);
                    }
                })
            };
        let mut listeners = vec![
            on(&synth, "voiceschanged", |_| {
                Some(Action::VoicesChanged(device_voices()))
            }),
            on(doc, "visibilitychange", |doc| {
                doc.hidden()
                    .then_some(Action::Interrupted(StopReason::PageHidden))
            }),
        ];
        if let Some(window) = doc.default_view() {
            // The browser's own Print of the page.
            listeners.push(on(&window, "beforeprint", |_| {
                Some(Action::Interrupted(StopReason::Print))
            }));
        }
        Some(Speech {
            answer,
            nodes: RefCell::new(Array::new()),
            spans: RefCell::new(Vec::new()),
            mark: RefCell::new(JsValue::UNDEFINED),
            voices_wait: RefCell::new(None),
            plan_wait: Rc::new(RefCell::new(None)),
            _listeners: listeners,
        })
    }

    /// The voices the device lists already (Chrome lists them only after a `voiceschanged`).
    pub fn voices_now(&self) {
        let voices = device_voices();
        if !voices.is_empty() {
            (self.answer)(Action::VoicesChanged(voices));
        }
    }

    /// The text of `roots` (the title, then the body), whose nodes the highlight's stretches
    /// name from now on, planned in `lang` by the plan module: `Planned` or `PlanFailed` with
    /// `ticket` comes back (through `answer`, so not to a member that is gone), the latter
    /// also after `PLAN_WAIT_MS` without an answer.
    pub fn plan(&self, roots: &[Element], lang: String, ticket: Ticket) {
        unlock();
        let found = text_runs(&roots.iter().collect());
        *self.nodes.borrow_mut() = found.get(0).into();
        let answer = Rc::clone(&self.answer);
        let promise = match tools::call("plan", &found.get(1)) {
            Some(Ok(promise)) => promise,
            Some(Err(thrown)) => return answer(planned(ticket, Err(why(&thrown)))),
            None => {
                let detail =
                    "the module was started without the loader, which runs the plan module";
                return answer(planned(ticket, Err(detail.into())));
            }
        };
        let late = Rc::clone(&self.answer);
        let timer = Timer::new(PLAN_WAIT_MS, move || {
            late(planned(
                ticket,
                Err("no answer from the plan module in time".into()),
            ))
        });
        *self.plan_wait.borrow_mut() = Some((ticket, timer));
        let wait = Rc::clone(&self.plan_wait);
        later::after(promise, move |reply| {
            // Answered: its deadline goes (not a later Listen's), before the answer is acted on.
            let mut deadline = wait.borrow_mut();
            if deadline.as_ref().is_some_and(|(t, _)| *t == ticket) {
                *deadline = None;
            }
            drop(deadline);
            answer(planned(
                ticket,
                match reply.dyn_ref::<Uint8Array>() {
                    Some(bytes) => decode_plan(&bytes.to_vec(), &lang).map_err(|e| {
                        ["the plan module's answer does not read: ", e.name()].concat()
                    }),
                    None => Err(why(&reply)),
                },
            ))
        });
    }

    /// The article was drawn again while it is read (the same text in new nodes): the nodes
    /// are found again, and the sentence highlighted again. `pending`: reading has started but
    /// nothing is highlighted yet (the plan or the voices are on their way): the nodes are
    /// found again all the same, since the plan's stretches name the text nodes by their
    /// order, and the old ones are gone from the page.
    #[cfg(feature = "widget")]
    pub fn rebind(&self, roots: &[Element], pending: bool) {
        if self.spans.borrow().is_empty() && !pending {
            return;
        }
        *self.nodes.borrow_mut() = text_runs(&roots.iter().collect()).get(0).into();
        if !self.spans.borrow().is_empty() {
            let mark = highlight(&self.nodes.borrow(), &self.spans.borrow());
            *self.mark.borrow_mut() = mark;
        }
    }

    /// Carries out one of the machine's effects on the synthesizer or the highlight (the
    /// member carries out the others).
    pub fn carry_out(&self, effect: Effect) {
        match effect {
            Effect::Cancel => cancel_all(),
            Effect::Speak {
                ticket,
                text,
                lang,
                voice,
                rate,
                cost,
            } => {
                let answer = Rc::clone(&self.answer);
                let done = later::once(Box::new(move |error: JsValue| {
                    answer(match error.as_string() {
                        None => Action::Ended(ticket),
                        Some(name) => Action::Failed(ticket, SpeechError::from_name(&name)),
                    })
                }))
                .into_js_value();
                speak(
                    &text,
                    &lang,
                    &voice,
                    rate.value(),
                    watch_ms(cost, rate),
                    &done,
                );
            }
            Effect::Pause => pause_synth(),
            Effect::Resume => resume_synth(),
            Effect::Highlight(ranges) => {
                // A loop, not `flat_map(…).collect()`: the iterator adapters cost 0.1-0.2 KB gzip.
                let mut spans = Vec::with_capacity(ranges.len() * 3);
                for r in &ranges {
                    spans.extend_from_slice(&[r.run as u32, r.start, r.end]);
                }
                let mark = highlight(&self.nodes.borrow(), &spans);
                *self.spans.borrow_mut() = spans;
                *self.mark.borrow_mut() = mark;
            }
            Effect::ClearHighlight => {
                self.spans.borrow_mut().clear();
                let mark = self.mark.replace(JsValue::UNDEFINED);
                unhighlight(&mark);
            }
            Effect::AwaitVoices => {
                let answer = Rc::clone(&self.answer);
                let timer = Timer::new(VOICES_WAIT_MS, move || answer(Action::VoicesTimedOut));
                *self.voices_wait.borrow_mut() = Some(timer);
            }
            // The member's: its article, its controls, its words, its page, its site.
            Effect::Plan(_)
            | Effect::Claim
            | Effect::Show
            | Effect::Announce(_)
            | Effect::Emit(_)
            | Effect::ShareRate(_) => {}
        }
    }
}

/// The plan's answer as the machine's action; why there is none goes to the console (the
/// reader hears that reading could not start).
fn planned(ticket: Ticket, plan: Result<Vec<crate::listen::plan::Utterance>, String>) -> Action {
    match plan {
        Ok(utterances) => Action::Planned(ticket, utterances),
        Err(why) => {
            crate::dom::warn(&["no reading plan: ", &why].concat());
            Action::PlanFailed(ticket)
        }
    }
}

/// What the loader's runner said: a trapped instance's text, or the download's `Error`.
fn why(reply: &JsValue) -> String {
    match reply.dyn_ref::<js_sys::Error>() {
        Some(error) => [
            "the plan module could not be fetched: ",
            &String::from(error.message()),
        ]
        .concat(),
        None => reply.as_string().unwrap_or_default(),
    }
}

fn device_voices() -> Vec<Voice> {
    let flat = voices();
    let text = |i: u32| flat.get(i).as_string().unwrap_or_default();
    let mut voices = Vec::with_capacity(flat.length() as usize / 5);
    for i in (0..flat.length() / 5).map(|v| v * 5) {
        voices.push(Voice {
            uri: text(i),
            name: text(i + 1),
            lang: text(i + 2),
            local: flat.get(i + 3).is_truthy(),
            default: flat.get(i + 4).is_truthy(),
        });
    }
    voices
}

/// Whether the browser can read aloud (`Speech::new` is something).
#[cfg(feature = "toolbar")]
pub fn available() -> bool {
    synth().is_some()
}

/// Whether the platform's `pause()` drops the utterance instead (Android's voices): then
/// resuming speaks the sentence again.
pub fn pause_cancels() -> bool {
    pause_cancels_here()
}

/// `destroy()`: reading aloud stops at once, through the machine, with no one told (the member
/// is going), before its speech is dropped.
pub fn silence(aids: &mut Aids, speech: Option<&Speech>) {
    let effects = reading_aids::stop(aids, StopReason::Destroy);
    for effect in effects {
        if let (AidEffect::Speech(effect), Some(speech)) = (effect, speech) {
            speech.carry_out(effect);
        }
    }
}
