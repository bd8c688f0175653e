//! The project's fixture files, read by the native tests.

use std::path::Path;

/// The loader, whose generated block and pre-paint stylesheet the tests compare with Rust's.
pub const LOADER_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/js/news-widget.js");

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// A feed of the project's own (`tests/fixtures/feeds/`).
pub fn feed(name: &str) -> String {
    read(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/feeds")
            .join(name),
    )
}

/// A feed as a real CMS writes it (`tests/fixtures/feeds/real/`).
pub fn real_feed(name: &str) -> String {
    read(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/feeds/real")
            .join(name),
    )
}
