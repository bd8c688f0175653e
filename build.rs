//! Three build steps: the stylesheets are minified into OUT_DIR, one file each (each role's module
//! includes the ones it uses: src/dom/page/style.rs), and the built-in Fluent resources checked
//! and compiled there (both ship inside the wasm, on every page of a city's site), and the
//! browser tests learn where the shared test corpora are (`../shared/corpora`), when this
//! checkout has them: wasm tests cannot read files at run time, so they embed the corpus at
//! compile time behind `cfg(nw_corpora)`.
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
    for name in [
        "common.css",
        "article.css",
        "widget.css",
        "toolbar.css",
        "common-conditions.css",
        "print.css",
    ] {
        let source = Path::new("src/dom").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let css = std::fs::read_to_string(&source).expect("the stylesheets are part of the crate");
        std::fs::write(Path::new(&out_dir).join(name), minify_css(&css))
            .expect("OUT_DIR is writable");
    }
    compile_locales(Path::new(&out_dir));
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let corpora = Path::new(&manifest).join("../shared/corpora");
    if corpora.join("intl-expectations.json").is_file() {
        if let Ok(path) = corpora.canonicalize() {
            println!("cargo:rustc-cfg=nw_corpora");
            println!("cargo:rustc-env=NW_CORPORA={}", path.display());
        }
    }
}

/// The locale every translation is held to, and whose text stands in for a missing message.
const BASE_LOCALE: &str = "en-US";

/// `locales/<tag>/news-widget.ftl` becomes `OUT_DIR/<tag>.ftlc`, the compiled form that
/// src/i18n.rs includes, once every resource passes the checks of `ftl_compile::check`: a
/// problem fails the build naming its file and line; a message a translation lacks is a
/// warning (the English text is shown for it).
fn compile_locales(out_dir: &Path) {
    println!("cargo:rerun-if-changed=locales");
    let mut sources = Vec::new();
    let locales = std::fs::read_dir("locales").expect("the Fluent resources are part of the crate");
    for entry in locales {
        let dir = entry.expect("locales/ is readable").path();
        let path = dir.join("news-widget.ftl");
        if !path.is_file() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let tag = dir
            .file_name()
            .and_then(|n| n.to_str())
            .expect("locale folders are tags")
            .to_string();
        let text = std::fs::read_to_string(&path).expect("the Fluent resources are UTF-8");
        sources.push((tag, path.display().to_string(), text));
    }
    sources.sort();
    let base = sources
        .iter()
        .find(|(tag, _, _)| tag == BASE_LOCALE)
        .expect("locales/en-US/news-widget.ftl exists");
    let translations: Vec<_> = sources
        .iter()
        .filter(|(tag, _, _)| tag != BASE_LOCALE)
        .map(source)
        .collect();
    let problems = ftl_compile::check::check(&source(base), &translations);
    let (warnings, errors): (Vec<_>, Vec<_>) = problems.iter().partition(|p| p.is_warning());
    for warning in warnings {
        println!("cargo:warning={warning}");
    }
    if !errors.is_empty() {
        for error in &errors {
            eprintln!("{error}");
        }
        eprintln!("news-widget: the built-in Fluent resources have errors (above)");
        std::process::exit(1);
    }
    for (tag, _, text) in &sources {
        let (compiled, errors) = ftl_compile::compile(text);
        assert!(errors.is_empty(), "checked above: {errors:?}");
        std::fs::write(out_dir.join(format!("{tag}.ftlc")), compiled).expect("OUT_DIR is writable");
    }
}

fn source((_, path, text): &(String, String, String)) -> ftl_compile::check::Source<'_> {
    ftl_compile::check::Source { path, text }
}
