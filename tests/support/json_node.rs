//! For the native tests of the JSON Feed reader.

use std::cell::Cell;

use news_widget::feed::{JsonKind, JsonNode};
use serde_json::Value;

thread_local! {
    static FIELD_READS: Cell<usize> = const { Cell::new(0) };
}

/// How many fields were read since the last call (a reader must read few up front).
// Only some of the test crates that include this file count.
#[allow(dead_code)]
pub fn take_field_reads() -> usize {
    FIELD_READS.with(|n| n.replace(0))
}

/// serde_json's tree seen as the browser's `JSON.parse` tree is seen (`dom::net::json`): the same
/// reader walks both.
#[derive(Clone, Copy)]
pub struct Node<'a>(pub &'a Value);

impl JsonNode for Node<'_> {
    fn kind(&self) -> JsonKind {
        match self.0 {
            Value::Null => JsonKind::Null,
            Value::Bool(_) => JsonKind::Bool,
            Value::Number(n) => JsonKind::Number(n.as_f64().expect("serde_json numbers fit f64")),
            Value::String(s) => JsonKind::String(s.clone()),
            Value::Array(_) => JsonKind::Array,
            Value::Object(_) => JsonKind::Object,
        }
    }
    fn field(&self, name: &str) -> Option<Self> {
        FIELD_READS.with(|n| n.set(n.get() + 1));
        self.0.as_object()?.get(name).map(Node)
    }
    fn elements(&self) -> Vec<Self> {
        self.0
            .as_array()
            .map_or(Vec::new(), |a| a.iter().map(Node).collect())
    }
    fn fields(&self) -> Vec<(String, Self)> {
        self.0.as_object().map_or(Vec::new(), |o| {
            o.iter().map(|(k, v)| (k.clone(), Node(v))).collect()
        })
    }
}
