//! A small element builder so rendering code reads like the markup it makes. Text always goes
//! through `textContent`; nothing here parses HTML.

use web_sys::{Document, Element, Node};

pub struct El(pub Element);

impl El {
    /// `createElement` only fails for invalid names; every name here is a literal.
    pub fn new(doc: &Document, tag: &str) -> El {
        El(doc
            .create_element(tag)
            .expect("literal tag names are valid"))
    }

    pub fn attr(self, name: &str, value: &str) -> El {
        // setAttribute fails only for invalid attribute names, all of which are literals here.
        let _ = self.0.set_attribute(name, value);
        self
    }

    pub fn attr_if(self, on: bool, name: &str, value: &str) -> El {
        if on {
            self.attr(name, value)
        } else {
            self
        }
    }

    pub fn class(self, value: &str) -> El {
        self.attr("class", value)
    }

    pub fn part(self, value: &str) -> El {
        self.attr("part", value)
    }

    /// Marks the element so focus can find it again after a re-render.
    pub fn key(self, value: &str) -> El {
        self.attr("data-key", value)
    }

    pub fn text(self, value: &str) -> El {
        self.0.set_text_content(Some(value));
        self
    }

    /// Marked with its language, where it is not the surrounding one.
    pub fn lang(self, value: Option<&str>) -> El {
        match value {
            Some(tag) => self.attr("lang", tag),
            None => self,
        }
    }

    /// A feed's text in another language than the UI's: marked with its language, and laid
    /// out in its direction (an Arabic or Hebrew title in a Chinese widget reads right to
    /// left, its full stop at its end). Only the widget's: the printed page's text is the
    /// page's own.
    #[cfg(feature = "widget")]
    pub fn text_lang(self, value: Option<&str>) -> El {
        match value {
            Some(tag) => self
                .attr("lang", tag)
                .attr("dir", crate::lang::direction(tag)),
            None => self,
        }
    }

    pub fn child(self, child: impl Into<Node>) -> El {
        let _ = self.0.append_child(&child.into());
        self
    }

    pub fn child_opt(self, child: Option<impl Into<Node>>) -> El {
        match child {
            Some(c) => self.child(c),
            None => self,
        }
    }

    pub fn done(self) -> Element {
        self.0
    }
}

impl From<El> for Node {
    fn from(el: El) -> Node {
        el.0.into()
    }
}
