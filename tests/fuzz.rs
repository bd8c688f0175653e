// The bounded, deterministic pass of every fuzz target (fuzz/src/targets.rs): each target's
// seeds, then mutated inputs from a fixed seed, so that every run tries the same inputs. The
// long runs are `make fuzz` (cargo-fuzz on the pinned nightly, or the same mutator for longer).

#[path = "support/json_node.rs"]
mod json_node;
#[path = "../fuzz/src/language_tags.rs"]
mod language_tags;
#[path = "../fuzz/src/listen_wire.rs"]
mod listen_wire;
#[path = "../fuzz/src/mutate.rs"]
mod mutate;
#[path = "../fuzz/src/seeds.rs"]
mod seeds;
#[path = "../fuzz/src/targets.rs"]
mod targets;
#[path = "support/xml_node.rs"]
mod xml_node;

use std::path::Path;

/// Mutated inputs per target: the whole pass stays within a few tens of seconds in a debug
/// build on a shared machine.
const ITERATIONS: u64 = 300;

#[test]
fn every_fuzz_target_survives_its_seeds_and_a_fixed_set_of_mutations() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_eq!(targets::TARGETS.len(), 14);
    for (name, target) in targets::TARGETS {
        eprintln!("fuzz target {name}");
        let seeds = seeds::seeds(root, name);
        mutate::run(name, *target, &seeds, ITERATIONS, 20, None);
    }
}
