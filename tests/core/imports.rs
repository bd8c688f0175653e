//! No import circle in `src/`: no file imports, directly or through others, a file that imports
//! it, and the contract (`src/contract/`) imports nothing of the crate.
//!
//! A file's imports are the `crate::…` and `super::…` paths in its code (in `use` trees and
//! anywhere else; comments and string literals left out), each taken to the file of the deepest
//! module it names. A parent's `mod` items and its relative paths to its own children are its
//! table of contents, not imports; a child's `super::` path to its parent is one.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A module path from the crate root (`["dom", "net", "fetch"]`).
type ModPath = Vec<String>;

/// Every file to its imports (paths relative to `src/`).
type Graph = BTreeMap<PathBuf, BTreeSet<PathBuf>>;

/// Every `.rs` file under `dir`, as (path relative to `root`, text).
fn source_files(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, String)>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            source_files(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).expect("a source file is UTF-8");
            out.push((
                path.strip_prefix(root).expect("under src").to_path_buf(),
                text,
            ));
        }
    }
}

fn crate_sources() -> Vec<(PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&src, &src, &mut files);
    files
}

/// The module a file (relative to `src/`) is: `a/b.rs` and `a/b/mod.rs` are `a::b`.
fn module_of(file: &Path) -> ModPath {
    let mut module: ModPath = file
        .with_extension("")
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
        module.pop();
    }
    module
}

/// Every file's imports.
fn import_graph(sources: &[(PathBuf, String)]) -> Graph {
    let files: BTreeMap<ModPath, PathBuf> = sources
        .iter()
        .map(|(file, _)| (module_of(file), file.clone()))
        .collect();
    sources
        .iter()
        .map(|(file, text)| {
            let imports = named_modules(&code_only(text), &module_of(file))
                .iter()
                .filter_map(|path| file_of(&files, path))
                .filter(|target| target != file)
                .collect();
            (file.clone(), imports)
        })
        .collect()
}

/// A circle of imports, as the files it runs through (the first one again at the end).
fn circle(graph: &Graph) -> Option<Vec<PathBuf>> {
    /// Depth first; `path` is the way from the start to `file`.
    fn visit(
        graph: &Graph,
        file: &PathBuf,
        path: &mut Vec<PathBuf>,
        done: &mut BTreeSet<PathBuf>,
    ) -> Option<Vec<PathBuf>> {
        if let Some(at) = path.iter().position(|f| f == file) {
            let mut found = path[at..].to_vec();
            found.push(file.clone());
            return Some(found);
        }
        if done.contains(file) {
            return None;
        }
        path.push(file.clone());
        for next in graph.get(file).into_iter().flatten() {
            if let Some(found) = visit(graph, next, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(file.clone());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|file| visit(graph, file, &mut Vec::new(), &mut done))
}

fn shown(files: &[PathBuf]) -> String {
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    names.join(" -> ")
}

#[test]
fn no_import_circle_in_src() {
    let graph = import_graph(&crate_sources());
    assert!(
        graph.values().any(|imports| !imports.is_empty()),
        "no imports read at all: the reader below is broken"
    );
    if let Some(found) = circle(&graph) {
        panic!("src/ files import each other: {}", shown(&found));
    }
}

#[test]
fn the_contract_imports_nothing_of_the_crate() {
    let graph = import_graph(&crate_sources());
    let contract = Path::new("contract");
    let files: Vec<_> = graph.keys().filter(|f| f.starts_with(contract)).collect();
    assert!(files.len() >= 2, "the contract's files: {files:?}");
    for file in files {
        let outside: Vec<_> = graph[file]
            .iter()
            .filter(|target| !target.starts_with(contract))
            .cloned()
            .collect();
        assert!(
            outside.is_empty(),
            "{} imports {}",
            file.display(),
            shown(&outside)
        );
    }
}

/// The reader on a small crate of its own: the paths that are imports and those that are not.
#[test]
fn circles_are_found_through_crate_and_super_paths_and_only_through_them() {
    let crate_of = |files: &[(&str, &str)]| -> Graph {
        let sources: Vec<(PathBuf, String)> = files
            .iter()
            .map(|(file, text)| (PathBuf::from(file), text.to_string()))
            .collect();
        import_graph(&sources)
    };
    let base = [
        ("lib.rs", "pub mod a;\npub mod z;\n"),
        // A parent names its children by relative paths: its table of contents.
        (
            "a/mod.rs",
            "mod b;\nmod c;\npub use b::Thing;\nfn f() { c::g() }\n",
        ),
        ("z.rs", "pub fn z() {}\n"),
    ];
    let with = |b: &'static str, c: &'static str| {
        let mut files = base.to_vec();
        files.push(("a/b.rs", b));
        files.push(("a/c.rs", c));
        crate_of(&files)
    };
    let quiet = with(
        "// use super::c; in a comment\npub struct Thing;\nconst S: &str = \"crate::a::c\";\nfn t<'a>(_: &'a str) -> char { '\"' }\n",
        "use super::b::{self, Thing};\nuse crate::z;\npub fn g() {}\n",
    );
    assert_eq!(circle(&quiet), None, "{quiet:?}");
    assert_eq!(
        quiet[Path::new("a/c.rs")],
        BTreeSet::from([PathBuf::from("a/b.rs"), PathBuf::from("z.rs")])
    );
    // Comments, strings and characters name nothing; lifetimes do not end a string.
    assert_eq!(quiet[Path::new("a/b.rs")], BTreeSet::new());
    let grouped = with("use super::{c::g, Thing as _};\n", "use super::b::Thing;\n");
    assert_eq!(
        circle(&grouped).map(|c| shown(&c)),
        Some("a/b.rs -> a/c.rs -> a/b.rs".to_string())
    );
    let inline = with(
        "pub fn t() { crate::a::c::g() }\n",
        "mod tests { use super::super::b; }\n",
    );
    assert!(circle(&inline).is_some(), "{inline:?}");
    // The child's `super::` path to its parent is an import.
    let through_parent = crate_of(&[
        ("lib.rs", "pub mod a;\npub mod z;\n"),
        ("a/mod.rs", "mod b;\nuse crate::z::Z;\n"),
        ("a/b.rs", "use super::Y;\n"),
        ("z.rs", "use crate::a::b::X;\n"),
    ]);
    assert_eq!(
        circle(&through_parent).map(|c| shown(&c)),
        Some("a/b.rs -> a/mod.rs -> z.rs -> a/b.rs".to_string())
    );
}

/// The code without comments, string and character literals (each replaced by a space), so
/// that a path written in a doc comment or a message is not an import.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            loop {
                if at(i) == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if at(i) == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else if i >= chars.len() {
                    break;
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r'
            && (at(i + 1) == '"' || (at(i + 1) == '#' && !is_ident(at(i.wrapping_sub(1)))))
        {
            // A raw string: r"…" or r#"…"#.
            let mut hashes = 0;
            let mut j = i + 1;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            if at(j) != '"' {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            while j < chars.len() && !(chars[j] == '"' && (1..=hashes).all(|k| at(j + k) == '#')) {
                j += 1;
            }
            i = j + 1 + hashes;
            out.push(' ');
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push(' ');
        } else if c == '\'' {
            // A character literal ('x', '\n', '\''), or else a lifetime or label ('a, 'static).
            if at(i + 1) == '\\' {
                let mut j = i + 3;
                while j < chars.len() && chars[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
                out.push(' ');
            } else if at(i + 2) == '\'' {
                i += 3;
                out.push(' ');
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The code as tokens: identifiers, `::`, and single punctuation characters.
fn tokens(code: &str) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_ident(c) {
            let start = i;
            while i < chars.len() && is_ident(chars[i]) {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push("::".to_string());
            i += 2;
        } else {
            if !c.is_whitespace() {
                out.push(c.to_string());
            }
            i += 1;
        }
    }
    out
}

/// Reads a path or use tree at `tokens[*at]` into `paths` (each path as written, `self` kept),
/// with `prefix` before it.
fn read_tree(tokens: &[String], at: &mut usize, prefix: &[String], paths: &mut Vec<Vec<String>>) {
    let mut path = prefix.to_vec();
    loop {
        match tokens.get(*at).map(String::as_str) {
            Some("{") => {
                *at += 1;
                while !matches!(tokens.get(*at).map(String::as_str), Some("}") | None) {
                    read_tree(tokens, at, &path, paths);
                    if tokens.get(*at).map(String::as_str) == Some(",") {
                        *at += 1;
                    }
                }
                *at += 1;
                return;
            }
            Some(word) if word.chars().all(is_ident) => {
                path.push(word.to_string());
                *at += 1;
                if tokens.get(*at).map(String::as_str) == Some("::") {
                    *at += 1;
                    continue;
                }
                // `as name` renames the last item; it names no other module.
                if tokens.get(*at).map(String::as_str) == Some("as") {
                    *at += 2;
                }
                break;
            }
            // `*`, or the end of the path.
            _ => {
                if tokens.get(*at).map(String::as_str) == Some("*") {
                    *at += 1;
                }
                break;
            }
        }
    }
    paths.push(path);
}

/// The modules a file's code names through `crate::` and `super::`, as absolute module paths.
/// `module` is the file's own; an inline `mod name { … }` is entered for `super::` inside it.
fn named_modules(code: &str, module: &ModPath) -> Vec<ModPath> {
    let tokens = tokens(code);
    let mut found = Vec::new();
    // The inline modules we are in, with the brace depth at which each closes.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i].as_str();
        let starts_path = (token == "crate" || token == "super")
            && tokens.get(i + 1).map(String::as_str) == Some("::")
            && (i == 0 || tokens[i - 1] != "::");
        if token == "mod"
            && tokens.get(i + 2).map(String::as_str) == Some("{")
            && tokens.get(i + 1).is_some_and(|t| t.chars().all(is_ident))
        {
            inline.push((tokens[i + 1].clone(), depth + 1));
            i += 2;
        } else if token == "{" {
            depth += 1;
            i += 1;
        } else if token == "}" {
            if inline.last().is_some_and(|(_, d)| *d == depth) {
                inline.pop();
            }
            depth = depth.saturating_sub(1);
            i += 1;
        } else if starts_path {
            let mut paths = Vec::new();
            read_tree(&tokens, &mut i, &[], &mut paths);
            let here: ModPath = module
                .iter()
                .cloned()
                .chain(inline.iter().map(|(name, _)| name.clone()))
                .collect();
            for path in paths {
                let mut absolute = if path[0] == "crate" {
                    Vec::new()
                } else {
                    here.clone()
                };
                for segment in &path {
                    match segment.as_str() {
                        "crate" | "self" => {}
                        "super" => {
                            absolute.pop();
                        }
                        name => absolute.push(name.to_string()),
                    }
                }
                found.push(absolute);
            }
        } else {
            i += 1;
        }
    }
    found
}

/// The file (relative to `src`) of the deepest module `path` names; `None` outside the crate.
fn file_of(files: &BTreeMap<ModPath, PathBuf>, path: &ModPath) -> Option<PathBuf> {
    (0..=path.len())
        .rev()
        .find_map(|n| files.get(&path[..n].to_vec()).cloned())
}
