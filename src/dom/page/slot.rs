//! Where a mounted widget or toolbar is kept for its handles: one slot per host element, shared
//! by every handle `mount` returned for it. Taking the thing out of the slot drops it, which is
//! what destroys it; a slot whose handles are all gone (collected by the JS engine) goes too.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use web_sys::Element;

pub struct Slot<T> {
    host: Element,
    inner: RefCell<Option<Rc<T>>>,
}

impl<T> Slot<T> {
    pub fn new(host: Element, thing: Rc<T>) -> Rc<Slot<T>> {
        Rc::new(Slot {
            host,
            inner: RefCell::new(Some(thing)),
        })
    }

    /// The thing, unless it was destroyed.
    pub fn get(&self) -> Option<Rc<T>> {
        self.inner.borrow().clone()
    }

    /// Takes the thing out; dropping what is returned destroys it (outside the borrow, as its
    /// teardown reaches the page).
    pub fn take(&self) -> Option<Rc<T>> {
        self.inner.borrow_mut().take()
    }

    pub fn put(&self, thing: Rc<T>) {
        let old = self.inner.borrow_mut().replace(thing);
        drop(old);
    }
}

/// The slots of one kind of thing on the page.
pub struct Slots<T>(RefCell<Vec<Weak<Slot<T>>>>);

impl<T> Default for Slots<T> {
    fn default() -> Self {
        Slots(RefCell::new(Vec::new()))
    }
}

impl<T> Slots<T> {
    /// The slot of `host`, if something is mounted there.
    pub fn find(&self, host: &Element) -> Option<Rc<Slot<T>>> {
        self.0
            .borrow()
            .iter()
            .filter_map(Weak::upgrade)
            .find(|slot| &slot.host == host && slot.inner.borrow().is_some())
    }

    pub fn add(&self, slot: &Rc<Slot<T>>) {
        let mut slots = self.0.borrow_mut();
        slots.retain(|s| s.upgrade().is_some_and(|s| s.inner.borrow().is_some()));
        slots.push(Rc::downgrade(slot));
    }
}
