//! For the native tests of the JSON Feed reader.

use news_widget::feed::{JsonKind, JsonNode};
use serde_json::Value;

/// serde_json's tree seen as the browser's `JSON.parse` tree is seen (`dom::json`): the same
/// reader walks both.
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
