//! One queue for every machine of the page (each widget's and toolbar's `update`): an action is
//! carried out to the end, its effects included, before the next one starts. An action raised
//! while effects run (a host page's listener calling the API, a preference shared with the other
//! members, an answer the page already had) waits its turn, so no `update` ever runs inside
//! another's effects. Actions come from listeners and tasks; a member that is gone by its turn
//! (dropped) is skipped.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::dom::halt::halted;
use crate::machine::Machine;

/// A mounted member: its model, and how the effects of its `update` are carried out.
pub trait Carrier: 'static {
    type Model: Machine;

    fn model(&self) -> &RefCell<Self::Model>;

    /// Looks at the page before each update (the widget records where focus is).
    fn observe(&self, _model: &mut Self::Model) {}

    /// Carries out one update's effects, in order, with no borrow of the model held: focus and
    /// events reach the host page, whose listeners may call the API.
    fn carry_out(self: &Rc<Self>, effects: Vec<Effect<Self>>);
}

pub type Action<C> = <<C as Carrier>::Model as Machine>::Action;
pub type Effect<C> = <<C as Carrier>::Model as Machine>::Effect;

/// The actions waiting their turn, each with its member; `running` while the queue is run.
struct Queue {
    jobs: RefCell<Vec<Box<dyn FnOnce()>>>,
    running: Cell<bool>,
}

thread_local! {
    static QUEUE: Queue = const {
        Queue {
            jobs: RefCell::new(Vec::new()),
            running: Cell::new(false),
        }
    };
}

/// Queues `action` for `carrier`, and runs the queue unless it runs already. A halted instance
/// does nothing more: its requests' answers and the window's events still reach it
/// (`dom::halt`).
pub fn dispatch<C: Carrier>(carrier: &Rc<C>, action: Action<C>)
where
    Action<C>: 'static,
{
    if halted() {
        return;
    }
    let member = Rc::downgrade(carrier);
    enqueue(Box::new(move || {
        let Some(member) = member.upgrade() else {
            return;
        };
        let effects = {
            let mut model = member.model().borrow_mut();
            member.observe(&mut model);
            model.update(action)
        };
        member.carry_out(effects);
    }));
}

fn enqueue(job: Box<dyn FnOnce()>) {
    let run = QUEUE.with(|queue| {
        queue.jobs.borrow_mut().push(job);
        !queue.running.replace(true)
    });
    if !run {
        return;
    }
    // Each job runs with the queue unborrowed: it may queue more, which run after it, in order.
    while let Some(job) = QUEUE.with(|queue| {
        let mut jobs = queue.jobs.borrow_mut();
        (!jobs.is_empty()).then(|| jobs.remove(0))
    }) {
        job();
    }
    QUEUE.with(|queue| queue.running.set(false));
}
