//! The widget's clicks and keys, each turned into the change it asks for.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

use super::{View, Widget};
use crate::prefs::FontStep;

impl Widget {
    pub(super) fn on_click(self: &Rc<Self>, event: &Event) {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let Ok(Some(control)) = target.closest("[data-action]") else {
            return;
        };
        if control.get_attribute("aria-disabled").as_deref() == Some("true") {
            return;
        }
        let action = control.get_attribute("data-action").unwrap_or_default();
        match action.as_str() {
            "open" => {
                if let Some(id) = control.get_attribute("data-id") {
                    self.open_with(&id, true);
                }
            }
            "back" => self.close(),
            "more" => self.more(),
            "retry" => self.reload(),
            "font-larger" => self.set_font(self.font().larger()),
            "font-smaller" => self.set_font(self.font().smaller()),
            "font-reset" => self.set_font(FontStep::DEFAULT),
            "language" => {
                if let Some(tag) = control.get_attribute("data-lang") {
                    self.choose_language(&tag);
                }
            }
            "print" => {
                self.print();
            }
            "preview" => self.toggle_preview(),
            _ => {}
        }
    }

    pub(super) fn on_key(self: &Rc<Self>, event: &Event) {
        let Some(key) = crate::dom::listen::shortcut_key(event) else {
            return;
        };
        let in_article = matches!(self.state.borrow().view, View::Article(_));
        let handled = match key.as_str() {
            "Escape" if self.state.borrow().preview => {
                self.toggle_preview();
                true
            }
            "Escape" if in_article => {
                self.close();
                true
            }
            other => match self.font().after_key(other) {
                Some(step) => {
                    self.set_font(step);
                    true
                }
                None => false,
            },
        };
        if handled {
            event.prevent_default();
        }
    }

    // -----------------------------------------------------------------------------------------
    // Loading.
}
