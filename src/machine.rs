//! What the widget and the reader toolbar are both made of: a model that changes in one place,
//! `update`, which answers each action (what the reader asked for, or what the outside world
//! answered) with the effects the DOM layer carries out, in order. The DOM layer runs every
//! machine of a page through one queue (`dom::parts::runtime`).

pub trait Machine {
    type Action;
    type Effect;

    fn update(&mut self, action: Self::Action) -> Vec<Self::Effect>;
}
