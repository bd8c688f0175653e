//! The stable fuzzer: `mutate [--seconds N] [--seed S] [--write-corpus DIR] [target...]` runs
//! every target (or those named) for N seconds in all, in turns, with new random seeds each
//! turn; an input that panics is kept in fuzz/artifacts/<target>/. `--write-corpus` writes
//! the seeds as cargo-fuzz's starting corpus instead.

use std::path::Path;
use std::time::{Duration, Instant};

use news_widget_fuzz::mutate::run;
use news_widget_fuzz::seeds::seeds;
use news_widget_fuzz::targets::TARGETS;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut args = std::env::args().skip(1);
    let (mut seconds, mut seed, mut corpus, mut names) = (60u64, 1u64, None, Vec::new());
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seconds" => seconds = args.next().and_then(|s| s.parse().ok()).unwrap_or(60),
            "--seed" => seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(1),
            "--write-corpus" => corpus = args.next(),
            name => names.push(name.to_owned()),
        }
    }
    let chosen: Vec<_> = TARGETS
        .iter()
        .filter(|(name, _)| names.is_empty() || names.iter().any(|n| n == name))
        .collect();
    if let Some(dir) = corpus {
        for (name, _) in &chosen {
            let dir = Path::new(&dir).join(name);
            std::fs::create_dir_all(&dir).expect("the corpus folder is writable");
            for (i, input) in seeds(&root, name).iter().enumerate() {
                std::fs::write(dir.join(format!("seed-{i:03}")), input).expect("writable");
            }
        }
        return;
    }
    let artifacts = root.join("fuzz/artifacts");
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut runs = 0u64;
    while Instant::now() < deadline {
        for (name, target) in &chosen {
            run(
                name,
                *target,
                &seeds(&root, name),
                200,
                seed,
                Some(&artifacts),
            );
            runs += 200;
        }
        seed += 1;
    }
    println!("{} targets, {runs} mutated inputs, no panic", chosen.len());
}
