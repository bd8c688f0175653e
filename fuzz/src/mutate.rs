//! A deterministic mutator: the same seed gives the same inputs on every machine, so that the
//! bounded pass of `make test` is repeatable and a finding can be replayed. No coverage
//! feedback (that is cargo-fuzz's part): mutations aimed at what breaks readers of text
//! (tokens of the formats, long repetitions, deep nesting, cut multi-byte characters).

use std::panic::{self, AssertUnwindSafe};

use crate::targets::Target;

/// Tokens that the formats give meaning to.
const TOKENS: &[&str] = &[
    "<",
    ">",
    "</",
    "/>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<?xml ",
    "?>",
    "&",
    "&amp;",
    "&#",
    "&#x",
    ";",
    "\"",
    "'",
    "=",
    "xmlns:",
    ":",
    "<item>",
    "</item>",
    "<entry>",
    "<title>",
    "</title>",
    "<b ",
    "<script>",
    "</script",
    "{",
    "}",
    "[",
    "]",
    ",",
    "\"id\":",
    "\"items\":",
    "\\u",
    "\\U",
    "{ \"",
    "\" }",
    "$",
    "->",
    "*[",
    "\n",
    "\n    ",
    "中",
    "한",
    "\u{301}",
    "\u{FFFF}",
    "\u{0}",
    "\u{1}",
    "99999999999999999999",
    "-",
    "+",
    ".",
    "T",
    "Z",
    "GMT",
    "(",
    ")",
    "%",
    "javascript:",
    "data:",
    "charset=",
    "encoding=",
    "年",
    "월",
    "오후",
];

/// xorshift64*: small, fast, and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// `input` changed in one of several ways, kept under `max_len` bytes.
pub fn mutate(input: &mut Vec<u8>, other: &[u8], rng: &mut Rng, max_len: usize) {
    let at = rng.below(input.len() + 1);
    match rng.below(9) {
        0 if !input.is_empty() => {
            let i = rng.below(input.len());
            input[i] ^= 1 << rng.below(8);
        }
        1 => input.insert(at, rng.next() as u8),
        2 if !input.is_empty() => {
            let len = rng.below(input.len() - at.min(input.len() - 1)).max(1);
            let start = at.min(input.len() - 1);
            input.drain(start..(start + len).min(input.len()));
        }
        3 | 4 => {
            let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
            input.splice(at..at, token.iter().copied());
        }
        5 if !input.is_empty() => {
            // A chunk repeated: long runs and deep nesting.
            let start = rng.below(input.len());
            let len = rng.below((input.len() - start).min(16)) + 1;
            let chunk = input[start..start + len].to_vec();
            let times = [2, 10, 100, 1000][rng.below(4)];
            for _ in 0..times {
                input.splice(start..start, chunk.iter().copied());
            }
        }
        6 if !other.is_empty() => {
            let start = rng.below(other.len());
            let len = rng.below(other.len() - start) + 1;
            input.splice(at..at, other[start..start + len].iter().copied());
        }
        7 => input.truncate(at),
        _ => {
            let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
            let times = [10, 100, 5000][rng.below(3)];
            for _ in 0..times {
                input.splice(at..at, token.iter().copied());
            }
        }
    }
    input.truncate(max_len);
}

/// Runs `target` on `iterations` mutated inputs drawn from `seeds` (each seed itself first).
/// On a panic the input is written to `artifacts` (when given) and the panic goes on.
pub fn run(
    name: &str,
    target: Target,
    seeds: &[Vec<u8>],
    iterations: u64,
    seed: u64,
    artifacts: Option<&std::path::Path>,
) {
    let mut rng = Rng::new(seed ^ name.len() as u64);
    let check = |input: &[u8]| {
        if let Err(panic) = panic::catch_unwind(AssertUnwindSafe(|| target(input))) {
            let hash = input.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
            if let Some(dir) = artifacts {
                let dir = dir.join(name);
                let _ = std::fs::create_dir_all(&dir);
                let path = dir.join(format!("crash-{hash:016x}"));
                let _ = std::fs::write(&path, input);
                eprintln!("{name}: input that panicked written to {}", path.display());
            }
            eprintln!(
                "{name}: panicked on {} bytes: {:?}",
                input.len(),
                String::from_utf8_lossy(&input[..input.len().min(400)])
            );
            panic::resume_unwind(panic);
        }
    };
    for input in seeds {
        check(input);
    }
    for _ in 0..iterations {
        let mut input = seeds[rng.below(seeds.len())].clone();
        let other = &seeds[rng.below(seeds.len())];
        for _ in 0..=rng.below(4) {
            mutate(&mut input, other, &mut rng, 1 << 20);
        }
        check(&input);
    }
}
