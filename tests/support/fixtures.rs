//! The project's fixture files, read by the native tests.

use std::path::Path;

/// The loader's source, one module per file (scripts/build.sh bundles them into
/// dist/news-widget.js), and the file of its generated block, which the tests compare with Rust's.
pub const LOADER_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/js/loader");
pub const LOADER_CONTRACT_PATH: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/js/loader/contract.js");

/// Every file of the loader's source, by path, with its text.
pub fn loader_sources() -> Vec<(std::path::PathBuf, String)> {
    let mut paths: Vec<_> = std::fs::read_dir(LOADER_DIR)
        .unwrap_or_else(|e| panic!("{LOADER_DIR}: {e}"))
        .map(|entry| entry.expect("a readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "js"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| (path.clone(), read(&path)))
        .collect()
}

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
