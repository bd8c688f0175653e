//! What a reader's control or key asks for, named once: the `data-action` of every button the
//! widget and the article toolbar draw, and the one table of keyboard shortcuts, which gives both
//! the handling of a key and the `aria-keyshortcuts` a button announces.

/// A control's command. Its `data-action` name is written by the renderer and read back here,
/// so an unknown name is a control this build does not draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// A card's title: opens the article named by the control's `data-id`.
    Open,
    Back,
    More,
    Retry,
    FontLarger,
    FontSmaller,
    FontReset,
    /// A language button: the language in the control's `data-lang`.
    Language,
    Print,
    Preview,
    /// The reader toolbar's print preview dialog: Close.
    ClosePreview,
    /// Listen, Pause or Resume: one control, whose label says which.
    Listen,
    ListenStop,
    /// The speed control: the speed in its value.
    ListenRate,
    /// A line spacing button: the spacing in the control's `data-value`.
    LineSpacing,
    /// A contrast button: the scheme in the control's `data-value`.
    Contrast,
    /// "More tools" on a narrow widget or toolbar: shows or hides the rest of its bar.
    Tools,
}

const NAMES: [(Command, &str); 17] = [
    (Command::Open, "open"),
    (Command::Back, "back"),
    (Command::More, "more"),
    (Command::Retry, "retry"),
    (Command::FontLarger, "font-larger"),
    (Command::FontSmaller, "font-smaller"),
    (Command::FontReset, "font-reset"),
    (Command::Language, "language"),
    (Command::Print, "print"),
    (Command::Preview, "preview"),
    (Command::ClosePreview, "close-preview"),
    (Command::Listen, "listen"),
    (Command::ListenStop, "listen-stop"),
    (Command::ListenRate, "listen-rate"),
    (Command::LineSpacing, "line-spacing"),
    (Command::Contrast, "contrast"),
    (Command::Tools, "tools"),
];

impl Command {
    /// The `data-action` value (also the control's focus key and, for the font buttons, its
    /// shadow part and message id).
    pub fn action(self) -> &'static str {
        NAMES
            .iter()
            .find(|(c, _)| *c == self)
            .map_or("", |(_, name)| name)
    }

    /// Every command, in the order of their names' table.
    pub fn all() -> impl Iterator<Item = Command> {
        NAMES.iter().map(|(c, _)| *c)
    }

    pub fn from_action(name: &str) -> Option<Command> {
        NAMES.iter().find(|(_, n)| *n == name).map(|(c, _)| *c)
    }

    /// The attribute of a control that names what its command acts on: a card's article id, a
    /// language button's tag, a line spacing's or contrast scheme's name. (The speed control's
    /// is its value, read when it changes.)
    pub fn value_attribute(self) -> Option<&'static str> {
        match self {
            Command::Open => Some("data-id"),
            Command::Language => Some("data-lang"),
            Command::LineSpacing | Command::Contrast => Some("data-value"),
            _ => None,
        }
    }
}

/// A keyboard shortcut: the key (`KeyboardEvent.key`), what it does, and whether it is the one
/// `aria-keyshortcuts` names (the others are the same key shifted or unshifted).
struct Shortcut {
    key: &'static str,
    does: KeyCommand,
    announced: bool,
}

/// What a shortcut key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyCommand {
    Font(Command),
    /// Escape: out of the print preview, else back from the article to the list.
    Escape,
}

const SHORTCUTS: [Shortcut; 6] = [
    Shortcut {
        key: "+",
        does: KeyCommand::Font(Command::FontLarger),
        announced: true,
    },
    // `=` is `+` unshifted on most layouts.
    Shortcut {
        key: "=",
        does: KeyCommand::Font(Command::FontLarger),
        announced: false,
    },
    Shortcut {
        key: "-",
        does: KeyCommand::Font(Command::FontSmaller),
        announced: true,
    },
    Shortcut {
        key: "_",
        does: KeyCommand::Font(Command::FontSmaller),
        announced: false,
    },
    Shortcut {
        key: "0",
        does: KeyCommand::Font(Command::FontReset),
        announced: true,
    },
    Shortcut {
        key: "Escape",
        does: KeyCommand::Escape,
        announced: false,
    },
];

/// What a key (with no Ctrl, Meta or Alt) does, if it is a shortcut.
pub fn key_command(key: &str) -> Option<KeyCommand> {
    SHORTCUTS.iter().find(|s| s.key == key).map(|s| s.does)
}

/// The `aria-keyshortcuts` of a control: the announced key that does its command.
pub fn key_shortcut(command: Command) -> Option<&'static str> {
    SHORTCUTS
        .iter()
        .find(|s| s.announced && s.does == KeyCommand::Font(command))
        .map(|s| s.key)
}
