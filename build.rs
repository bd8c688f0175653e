//! Two build steps: the widget's stylesheets are minified into OUT_DIR (they ship inside the
//! wasm, on every page of a city's site), and the browser tests learn where the shared test
//! corpora are (`../shared/corpora`), when this checkout has them: wasm tests cannot read files
//! at run time, so they embed the corpus at compile time behind `cfg(nw_corpora)`.
use std::path::Path;

/// Drops comments and folds white space; spaces before `:` are kept, as in `.a :lang(zh)` the
/// space is a descendant combinator. In a declaration the space after the property's `:` goes,
/// and so does a block's last `;`.
fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    let folded = out.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut tight = String::with_capacity(folded.len());
    // Where the current declaration starts: just after a block's `{` or a `;`; `None` in a
    // selector or an at-rule's prelude.
    let mut declaration = None;
    for c in folded.chars() {
        if matches!(c, '{' | '}' | ';' | ',') && tight.ends_with(' ') {
            tight.pop();
        }
        if c == ' ' && tight.ends_with(['{', '}', ';', ',']) {
            continue;
        }
        if c == ' '
            && tight.ends_with(':')
            && declaration.is_some_and(|start| {
                let name = &tight[start..tight.len() - 1];
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            })
        {
            continue;
        }
        if c == '}' && tight.ends_with(';') {
            tight.pop();
        }
        tight.push(c);
        declaration = match c {
            '{' | ';' => Some(tight.len()),
            '}' => None,
            _ => declaration,
        };
    }
    tight
}

fn main() {
    println!("cargo:rustc-check-cfg=cfg(nw_corpora)");
    println!("cargo:rerun-if-changed=build.rs");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    for name in ["widget.css", "print.css"] {
        let source = Path::new("src/dom").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let css = std::fs::read_to_string(&source).expect("the stylesheets are part of the crate");
        std::fs::write(Path::new(&out_dir).join(name), minify_css(&css))
            .expect("OUT_DIR is writable");
    }
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let corpora = Path::new(&manifest).join("../shared/corpora");
    if corpora.join("intl-expectations.json").is_file() {
        if let Ok(path) = corpora.canonicalize() {
            println!("cargo:rustc-cfg=nw_corpora");
            println!("cargo:rustc-env=NW_CORPORA={}", path.display());
        }
    }
}
