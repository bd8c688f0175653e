//! The built-in messages by role: each role's module carries `common.ftl` and its own file only
//! (build.rs), so a role must never ask for a message of the other's file, which it would show
//! as its bare id. The code of each role (what its module is built from, by Cargo's features)
//! names message ids as string literals, as the commands of its buttons (whose `data-action`
//! names the button's message: `Command::FontLarger` is "font-larger", and an aid's group label
//! is its command's name and `-label`), and through the announcements its machine makes; every
//! id named so must be in the role's files. Each file's every message must also be named by the
//! code of the role it is filed under (both roles' for `common.ftl`), so that a message the
//! toolbar alone shows is not carried by the widget, and so that an id named in a way this test
//! does not see fails here instead of passing unnoticed.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::support::differential::{BUILT_IN_FILES, FILE_NAMES};
use news_widget::command::Command;
use news_widget::contract::{Contrast, FontStep, LineSpacing};
use news_widget::listen::rate::Rate;
use news_widget::reading_aids::Aids;
use news_widget::toolbar::state::{update, Action, Effect, Model};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    Widget,
    Toolbar,
}

impl Role {
    /// Its Cargo feature, and the one the other role's code is gated by.
    fn features(self) -> (&'static str, &'static str) {
        match self {
            Role::Widget => ("widget", "toolbar"),
            Role::Toolbar => ("toolbar", "widget"),
        }
    }

    /// The files of `locales/<tag>/` its module carries.
    fn files(self) -> [&'static str; 2] {
        match self {
            Role::Widget => ["common.ftl", "widget.ftl"],
            Role::Toolbar => ["common.ftl", "toolbar.ftl"],
        }
    }

    /// The pure core (no Cargo feature) that is the other role's alone, and so never runs in
    /// this role's module though it is compiled there; each with why.
    fn not_its_code(self) -> &'static [&'static str] {
        match self {
            Role::Widget => &[
                // The reader toolbar's model, its article's stylesheets and the loader's
                // placeholder of its bar.
                "src/toolbar",
            ],
            Role::Toolbar => &[
                // The widget's machine, its load errors and its announcements (the toolbar's
                // are those its own machine makes: below).
                "src/state",
                "src/load_error.rs",
                "src/announcement.rs",
                // Attribute names (`loading` of an image), which no message of the toolbar's
                // is.
                "src/sanitize",
            ],
        }
    }
}

/// The table of every command's `data-action`, some of which are message ids too ("back"):
/// the buttons' messages are seen where the code draws them (`Command::Back`), not here.
const NAMES_NO_MESSAGE: &str = "src/command.rs";

/// Every message id of a locale's file `name`.
fn ids_of(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|line| line.split_once(" ="))
        .map(|(id, _)| id)
        .filter(|id| id.starts_with(|c: char| c.is_ascii_lowercase()))
        .map(str::to_string)
        .collect()
}

/// The ids of file `name` in every built-in locale (each locale has the base's, which the
/// build's checks hold it to).
fn file_ids(name: &str) -> BTreeSet<String> {
    let index = FILE_NAMES
        .iter()
        .position(|n| *n == name)
        .expect("a file name");
    BUILT_IN_FILES
        .iter()
        .flat_map(|(_, files)| ids_of(files[index]))
        .collect()
}

fn role_ids(role: Role) -> BTreeSet<String> {
    role.files().iter().flat_map(|f| file_ids(f)).collect()
}

fn all_ids() -> BTreeSet<String> {
    FILE_NAMES.iter().flat_map(|f| file_ids(f)).collect()
}

/// The lines of `text` that the role's module is built from: without comment lines, tests, and
/// items gated on the other role's feature (or on `test-trap`, never shipped).
fn role_lines(text: &str, role: Role) -> Vec<&str> {
    let (_, other) = role.features();
    let gated = [
        format!("#[cfg(feature = \"{other}\")]"),
        "#[cfg(feature = \"test-trap\")]".to_string(),
        "#[cfg(test)]".to_string(),
    ];
    let mut kept = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if trimmed.starts_with("//") {
            continue;
        }
        if !gated.iter().any(|g| trimmed == g) {
            kept.push(line);
            continue;
        }
        // The gated item: up to its `;` or its block's end, attributes before it included.
        let mut depth = 0i32;
        for item in lines.by_ref() {
            let trimmed = item.trim();
            depth += trimmed.matches('{').count() as i32 - trimmed.matches('}').count() as i32;
            if trimmed.starts_with("#[") && depth == 0 {
                continue;
            }
            if depth <= 0
                && (trimmed.ends_with(';') || trimmed.ends_with('}') || trimmed.ends_with(','))
            {
                break;
            }
        }
    }
    kept
}

/// The modules a file declares under `#[cfg(feature = …)]` of the other role (or test-trap):
/// not part of this role's module.
fn gated_modules(text: &str, role: Role) -> Vec<String> {
    let (_, other) = role.features();
    let mut gated = Vec::new();
    let mut lines = text.lines().map(str::trim).peekable();
    while let Some(line) = lines.next() {
        let is_gate = line == format!("#[cfg(feature = \"{other}\")]")
            || line == "#[cfg(feature = \"test-trap\")]";
        if !is_gate {
            continue;
        }
        if let Some(next) = lines.peek() {
            if let Some(name) = next
                .trim_end_matches(';')
                .split_whitespace()
                .skip_while(|w| *w != "mod")
                .nth(1)
            {
                gated.push(name.to_string());
            }
        }
    }
    gated
}

/// Every `.rs` file under `dir` that is part of the role's module (a module's folder is
/// skipped when the file that declares it gates it on the other role), with its role lines.
fn role_sources(root: &Path, role: Role) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    let mut pending = vec![root.join("src")];
    let excluded: Vec<PathBuf> = role
        .not_its_code()
        .iter()
        .chain(&[NAMES_NO_MESSAGE])
        .map(|p| root.join(p))
        .collect();
    // (declaring file's folder, module name) gated on the other role.
    let mut gated: Vec<PathBuf> = Vec::new();
    while let Some(dir) = pending.pop() {
        let mut entries: Vec<PathBuf> = fs::read_dir(&dir)
            .expect("src/ is readable")
            .map(|e| e.expect("an entry").path())
            .collect();
        entries.sort();
        // Declarations first: a folder's modules are declared in `mod.rs`/`lib.rs` or in the
        // file named as the folder.
        for path in &entries {
            if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(path).expect("a source file");
                let folder = match path.file_stem().and_then(|s| s.to_str()) {
                    Some("mod" | "lib") => dir.clone(),
                    Some(stem) => dir.join(stem),
                    None => continue,
                };
                for name in gated_modules(&text, role) {
                    gated.push(folder.join(&name));
                }
            }
        }
        for path in entries {
            let module = path.with_extension("");
            if excluded.iter().any(|e| path.starts_with(e)) || gated.contains(&module) {
                continue;
            }
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).expect("a source file");
                let kept = role_lines(&text, role).join("\n");
                found.push((path, kept));
            }
        }
    }
    found
}

/// `FontLarger` as its `data-action`, "font-larger".
fn kebab(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_uppercase() && !out.is_empty() {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// The message ids the role's code names, each with the file that names it.
fn named_ids(role: Role) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ids = all_ids();
    let mut named = Vec::new();
    for (path, text) in role_sources(root, role) {
        let file = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .display()
            .to_string();
        // String literals.
        for piece in text.split('"').skip(1).step_by(2) {
            if ids.contains(piece) {
                named.push((piece.to_string(), file.clone()));
            }
        }
        // Commands: `Command::X` names X's button, whose message is its action's name, and an
        // aid's group its label.
        for (at, _) in text.match_indices("Command::") {
            let rest = &text[at + "Command::".len()..];
            let name: String = rest
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            let action = kebab(&name);
            let Some(command) = Command::from_action(&action) else {
                continue;
            };
            assert_eq!(
                format!("{command:?}"),
                name,
                "{action} is Command::{name}'s action"
            );
            for id in [action.clone(), format!("{action}-label")] {
                if ids.contains(&id) {
                    named.push((id, file.clone()));
                }
            }
        }
    }
    named
}

/// What the toolbar's machine announces, from every font step, for every command (with every
/// value its controls send), key and font change.
fn toolbar_announcements() -> BTreeSet<String> {
    let mut actions: Vec<Action> = Vec::new();
    let values: Vec<String> = LineSpacing::ALL
        .iter()
        .map(|s| s.name().to_string())
        .chain(Contrast::ALL.iter().map(|c| c.name().to_string()))
        .chain(Rate::all().map(|r| r.text().to_string()))
        .collect();
    for command in Command::all() {
        actions.push(Action::Command(command, None));
        for value in &values {
            actions.push(Action::Command(command, Some(value.clone())));
        }
    }
    for key in ["+", "=", "-", "_", "0", "Escape", "a"] {
        actions.push(Action::Key(key.to_string()));
    }
    let steps: Vec<FontStep> = (FontStep::MIN.value()..=FontStep::MAX.value())
        .map(FontStep::clamped)
        .collect();
    for &step in &steps {
        actions.push(Action::SetFont(step));
        actions.push(Action::FontShared(step));
    }
    actions.push(Action::PreviewClosed);
    let mut said = BTreeSet::new();
    for &step in &steps {
        for action in &actions {
            let mut model = Model::new(
                step,
                Aids::new(
                    Rate::NORMAL,
                    LineSpacing::default(),
                    Contrast::default(),
                    false,
                ),
            );
            let mut effects = update(&mut model, action.clone());
            // A copy asked for, answered both ways.
            if let Some((ticket, _)) = model.copying {
                for answer in [Action::Copied(ticket), Action::CopyFailed(ticket)] {
                    effects.extend(update(&mut model.clone(), answer));
                }
            }
            for effect in effects {
                if let Effect::Announce(announcement) = effect {
                    said.insert(announcement.message().0.to_string());
                }
            }
        }
    }
    said
}

#[test]
fn each_role_names_only_messages_its_module_carries() {
    for role in [Role::Widget, Role::Toolbar] {
        let carried = role_ids(role);
        let mut named = named_ids(role);
        if role == Role::Toolbar {
            let said = toolbar_announcements();
            assert!(!said.is_empty(), "the toolbar announces font steps");
            named.extend(
                said.into_iter()
                    .map(|id| (id, "toolbar::state::update".to_string())),
            );
        }
        let lacking: Vec<_> = named
            .iter()
            .filter(|(id, _)| !carried.contains(id))
            .collect();
        assert!(
            lacking.is_empty(),
            "{role:?} names messages its module lacks (put them in common.ftl or {:?}): {lacking:?}",
            role.files()[1]
        );
    }
}

#[test]
fn each_file_holds_messages_its_roles_name() {
    let widget: BTreeSet<String> = named_ids(Role::Widget)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let mut toolbar: BTreeSet<String> = named_ids(Role::Toolbar)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    toolbar.extend(toolbar_announcements());
    for (file, wanted_by) in [
        (
            "common.ftl",
            vec![("the widget", &widget), ("the toolbar", &toolbar)],
        ),
        ("widget.ftl", vec![("the widget", &widget)]),
        ("toolbar.ftl", vec![("the toolbar", &toolbar)]),
    ] {
        let ids = file_ids(file);
        assert!(!ids.is_empty(), "{file} has messages");
        for id in ids {
            for (role, named) in &wanted_by {
                assert!(
                    named.contains(&id),
                    "{file}: \"{id}\" is not named by {role}'s code (move it to the file of the \
                     role that shows it, or teach this test how the code names it)"
                );
            }
        }
    }
}
