//! For the native tests and the fuzz targets of the XML walker: roxmltree's tree seen as the
//! browser's DOM is seen (`dom::net::xml`), so that the same walker reads both.

use news_widget::feed::xml::XmlElement;

#[derive(Clone)]
pub struct Node<'a, 'input> {
    node: roxmltree::Node<'a, 'input>,
    source: &'input str,
}

impl<'a, 'input> Node<'a, 'input> {
    /// The document's root element.
    pub fn root(doc: &'a roxmltree::Document<'input>, source: &'input str) -> Self {
        Node {
            node: doc.root_element(),
            source,
        }
    }
}

impl XmlElement for Node<'_, '_> {
    fn namespace(&self) -> Option<String> {
        self.node.tag_name().namespace().map(str::to_owned)
    }
    fn local_name(&self) -> String {
        self.node.tag_name().name().to_owned()
    }
    fn attribute(&self, name: &str) -> Option<String> {
        self.node
            .attributes()
            .find(|a| a.namespace().is_none() && a.name() == name)
            .map(|a| a.value().to_owned())
    }
    fn attribute_in(&self, namespace: &str, local_name: &str) -> Option<String> {
        self.node
            .attribute((namespace, local_name))
            .map(str::to_owned)
    }
    fn children(&self) -> Vec<Self> {
        self.node
            .children()
            .filter(|c| c.is_element())
            .map(|node| Node {
                node,
                source: self.source,
            })
            .collect()
    }
    fn text(&self) -> String {
        self.node
            .descendants()
            .filter(|d| d.is_text())
            .filter_map(|d| d.text())
            .collect()
    }
    fn inner_markup(&self) -> String {
        match (self.node.first_child(), self.node.last_child()) {
            (Some(first), Some(last)) => {
                self.source[first.range().start..last.range().end].to_owned()
            }
            _ => String::new(),
        }
    }
}

/// What the browser's `new URL(url, base)` does, for the shapes the fixtures use.
pub fn resolve(url: &str, base: &str) -> Option<String> {
    // An absolute URL: a scheme (letters, then `:`) first, `javascript:` included.
    let scheme = url.split_once(':').map_or("", |(scheme, _)| scheme);
    if url.contains("://")
        || (!scheme.is_empty() && scheme.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        return Some(url.to_owned());
    }
    let scheme_end = base.find("://")? + 3;
    let origin_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |p| scheme_end + p);
    if let Some(rest) = url.strip_prefix("//") {
        return Some(format!("{}{rest}", &base[..scheme_end]));
    }
    if url.starts_with('/') {
        return Some(format!("{}{url}", &base[..origin_end]));
    }
    let path = &base[..base.find(['?', '#']).unwrap_or(base.len())];
    let dir_end = path.rfind('/').filter(|&p| p >= origin_end).map(|p| p + 1);
    match dir_end {
        Some(end) => Some(format!("{}{url}", &path[..end])),
        None => Some(format!("{path}/{url}")),
    }
}
