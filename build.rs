//! Three build steps: the widget's stylesheets are minified into OUT_DIR and the built-in Fluent
//! resources copied there without their comments (both ship inside the wasm, on every page of
//! a city's site), and the browser tests learn where the shared test corpora are
//! (`../shared/corpora`), when this checkout has them: wasm tests cannot read files at run
//! time, so they embed the corpus at compile time behind `cfg(nw_corpora)`.
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

/// Drops the comment lines (`#`, `##`, `###` at the start of a line): they document the
/// resource for translators and mean nothing to the parser. A comment line directly followed by
/// an indented line stays, so that no line can become the continuation of a pattern above it.
fn strip_ftl_comments(ftl: &str) -> String {
    let lines: Vec<&str> = ftl.split_inclusive('\n').collect();
    let mut out = String::with_capacity(ftl.len());
    for (i, line) in lines.iter().enumerate() {
        let next_indented = lines
            .get(i + 1)
            .is_some_and(|next| next.starts_with([' ', '\t']));
        if !line.starts_with('#') || next_indented {
            out.push_str(line);
        }
    }
    out
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
    // `locales/<tag>/news-widget.ftl` becomes `OUT_DIR/<tag>.ftl`, which src/i18n.rs includes.
    println!("cargo:rerun-if-changed=locales");
    let locales = std::fs::read_dir("locales").expect("the Fluent resources are part of the crate");
    for entry in locales {
        let dir = entry.expect("locales/ is readable").path();
        let source = dir.join("news-widget.ftl");
        if !source.is_file() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", source.display());
        let tag = dir
            .file_name()
            .and_then(|n| n.to_str())
            .expect("locale folders are tags");
        let ftl = std::fs::read_to_string(&source).expect("the Fluent resources are UTF-8");
        std::fs::write(
            Path::new(&out_dir).join(format!("{tag}.ftl")),
            strip_ftl_comments(&ftl),
        )
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
