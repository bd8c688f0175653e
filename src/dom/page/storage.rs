//! Site-wide preference storage: `localStorage` where the browser allows it, memory where it
//! does not (it throws in sandboxed iframes, some private modes and with cookies blocked).

use std::cell::RefCell;

use web_sys::Storage;

thread_local! {
    /// The in-memory copy: the only store when `localStorage` is blocked, and what keeps
    /// instances on one page in agreement then.
    static MEMORY: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

fn local_storage() -> Option<Storage> {
    // Both the getter and its absence are normal outcomes: `Err` is the browser's refusal.
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn read(key: &str) -> Option<String> {
    if let Some(storage) = local_storage() {
        if let Ok(value) = storage.get_item(key) {
            return value;
        }
    }
    MEMORY.with(|m| {
        m.borrow()
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    })
}

pub fn write(key: &str, value: &str) {
    MEMORY.with(|m| {
        let mut memory = m.borrow_mut();
        match memory.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1 = value.to_string(),
            None => memory.push((key.to_string(), value.to_string())),
        }
    });
    if let Some(storage) = local_storage() {
        // A full quota or a refusal leaves the memory copy as the record for this page; the
        // stale stored value goes, so that `read` does not prefer it over the memory copy.
        if storage.set_item(key, value).is_err() {
            let _ = storage.remove_item(key);
        }
    }
}
