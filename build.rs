//! Three build steps: the stylesheets are minified into OUT_DIR, one file each (each role's module
//! includes the ones it uses: src/dom/page/style.rs), and the built-in Fluent resources checked
//! and compiled there (both ship inside the wasm, on every page of a city's site), and the
//! browser tests learn where the shared test corpora are (beside the checkout), when this
//! machine has them: wasm tests cannot read files at run time, so they embed the corpus at
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

/// The built-in messages, by the role that shows them: `common.ftl` (both the widget and the
/// reader toolbar), `widget.ftl` (the widget alone) and `toolbar.ftl` (the toolbar alone), the
/// same three files in every `locales/<tag>/`.
const FILES: [&str; 3] = ["common.ftl", "widget.ftl", "toolbar.ftl"];

/// `locales/<tag>/*.ftl` becomes `OUT_DIR/<tag>.ftlc`, the compiled form that src/i18n.rs
/// includes: the files of the role being built (Cargo's features: `common.ftl` and the role's
/// own; both roles' for the core module; all for a build of neither, which shows none), once
/// every file passes the checks of `ftl_compile::check` against the base locale's file of the
/// same name and no message is in two files of a locale: a problem fails the build naming its
/// file and line; a message a translation lacks is a warning (the English text is shown for
/// it). A message a translator puts in another file than English has it is an error there
/// (not in the base's file) and a warning where it belongs.
fn compile_locales(out_dir: &Path) {
    println!("cargo:rerun-if-changed=locales");
    let widget = std::env::var_os("CARGO_FEATURE_WIDGET").is_some();
    let toolbar = std::env::var_os("CARGO_FEATURE_TOOLBAR").is_some();
    let in_role = |file: &str| match file {
        "widget.ftl" => widget || !toolbar,
        "toolbar.ftl" => toolbar || !widget,
        _ => true,
    };
    // Per locale: its tag and, per file of FILES, its path and text.
    let mut locales: Vec<(String, Vec<(String, String)>)> = Vec::new();
    let dirs = std::fs::read_dir("locales").expect("the Fluent resources are part of the crate");
    for entry in dirs {
        let dir = entry.expect("locales/ is readable").path();
        if !dir.is_dir() {
            continue;
        }
        let tag = dir
            .file_name()
            .and_then(|n| n.to_str())
            .expect("locale folders are tags")
            .to_string();
        let files = FILES
            .iter()
            .map(|file| {
                let path = dir.join(file);
                println!("cargo:rerun-if-changed={}", path.display());
                let text = std::fs::read_to_string(&path).unwrap_or_else(|_| {
                    eprintln!(
                        "news-widget: {} is missing: every locale has {FILES:?}",
                        path.display()
                    );
                    std::process::exit(1)
                });
                (path.display().to_string(), text)
            })
            .collect();
        locales.push((tag, files));
    }
    locales.sort();
    let base = locales
        .iter()
        .position(|(tag, _)| tag == BASE_LOCALE)
        .expect("locales/en-US/ exists");
    let mut problems = Vec::new();
    for index in 0..FILES.len() {
        fn source(
            (_, files): &(String, Vec<(String, String)>),
            index: usize,
        ) -> ftl_compile::check::Source<'_> {
            let (path, text) = &files[index];
            ftl_compile::check::Source { path, text }
        }
        let translations: Vec<_> = locales
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != base)
            .map(|(_, locale)| source(locale, index))
            .collect();
        problems.extend(
            ftl_compile::check::check(&source(&locales[base], index), &translations)
                .iter()
                .map(|p| (p.is_warning(), p.to_string())),
        );
    }
    for (_, files) in &locales {
        problems.extend(in_two_files(files).into_iter().map(|p| (false, p)));
    }
    let (warnings, errors): (Vec<_>, Vec<_>) = problems.iter().partition(|(warning, _)| *warning);
    for (_, warning) in warnings {
        println!("cargo:warning={warning}");
    }
    if !errors.is_empty() {
        for (_, error) in &errors {
            eprintln!("{error}");
        }
        eprintln!("news-widget: the built-in Fluent resources have errors (above)");
        std::process::exit(1);
    }
    for (tag, files) in &locales {
        let text: Vec<&str> = FILES
            .iter()
            .zip(files)
            .filter(|(file, _)| in_role(file))
            .map(|(_, (_, text))| text.as_str())
            .collect();
        let (compiled, errors) = ftl_compile::compile(&text.join("\n"));
        assert!(errors.is_empty(), "checked above: {errors:?}");
        std::fs::write(out_dir.join(format!("{tag}.ftlc")), compiled).expect("OUT_DIR is writable");
    }
}

/// The messages and terms of a locale defined in more than one of its files, where each later
/// one is: the files are compiled together, and a message belongs to one role. An entry starts a
/// line with its identifier (`-` first for a term) and `=`; the checks have parsed each file.
fn in_two_files(files: &[(String, String)]) -> Vec<String> {
    let mut seen: Vec<(&str, &str)> = Vec::new();
    let mut problems = Vec::new();
    for (path, text) in files {
        for (number, line) in text.lines().enumerate() {
            let Some((id, _)) = line.split_once('=') else {
                continue;
            };
            let id = id.trim_end();
            let name = id.strip_prefix('-').unwrap_or(id);
            let is_entry = name.starts_with(|c: char| c.is_ascii_alphabetic())
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !is_entry {
                continue;
            }
            if let Some((_, first)) = seen.iter().find(|(seen_id, _)| *seen_id == id) {
                problems.push(format!(
                    "{path}:{}: \"{id}\" is also in {first}: a message goes in one file",
                    number + 1
                ));
            } else {
                seen.push((id, path));
            }
        }
    }
    problems
}
