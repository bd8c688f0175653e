//! Fuzz targets for every pure entry point of news-widget that reads outside input, the seeds
//! each starts from (the repository's fixtures), and a deterministic mutator that runs them on
//! stable Rust. cargo-fuzz's libFuzzer targets (`fuzz_targets/`) call the same functions.

#[path = "../../tests/support/json_node.rs"]
mod json_node;
#[path = "../../tests/support/xml_node.rs"]
mod xml_node;

pub mod language_tags;
pub mod listen_wire;
pub mod mutate;
pub mod seeds;
pub mod targets;
