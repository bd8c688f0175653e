//! Tells the browser tests where the shared test corpora are (`../shared/corpora`), when this
//! checkout has them: wasm tests cannot read files at run time, so they embed the corpus at
//! compile time behind `cfg(nw_corpora)` and say they skipped where it is absent.
use std::path::Path;

fn main() {
    println!("cargo:rustc-check-cfg=cfg(nw_corpora)");
    println!("cargo:rerun-if-changed=build.rs");
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let corpora = Path::new(&manifest).join("../shared/corpora");
    if corpora.join("intl-expectations.json").is_file() {
        if let Ok(path) = corpora.canonicalize() {
            println!("cargo:rustc-cfg=nw_corpora");
            println!("cargo:rustc-env=NW_CORPORA={}", path.display());
        }
    }
}
