//! After readability: drop the boilerplate it lets through, and render the article to plain text with
//! paragraph breaks (`"\n\n"` between blocks, `"\n"` for list items and line breaks).
//!
//! Everything here iterates with an explicit stack; the input is already depth-checked, but no function
//! recurses over the DOM.

use std::collections::HashMap;
use std::sync::LazyLock;

use dom_query::{Document, NodeRef};

/// A node is not dropped as boilerplate when it holds more than this share of the article's text:
/// a class like `post-comments-enabled` on the article wrapper must not erase the article.
pub const MAX_DROP_SHARE: f64 = 0.5;

/// Class or id names of more words than this are not read as boilerplate markers.
const MAX_NAME_WORDS: usize = 3;

struct Rules {
    /// class / id words → kind
    words: HashMap<&'static str, &'static str>,
    /// element names → kind
    tags: HashMap<&'static str, &'static str>,
}

static RULES: LazyLock<Rules> = LazyLock::new(|| {
    let mut words = HashMap::new();
    let mut tags = HashMap::new();
    for line in include_str!("../data/boilerplate.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(token), Some(kind)) = (cols.next(), cols.next()) else {
            continue;
        };
        match token.strip_prefix("tag:") {
            Some(tag) => tags.insert(tag, kind),
            None => words.insert(token, kind),
        };
    }
    Rules { words, tags }
});

/// The boilerplate kind of an element, from its name or its class / id words.
pub fn boilerplate_kind(node: &NodeRef) -> Option<&'static str> {
    let name = node.node_name()?;
    if let Some(kind) = RULES.tags.get(name.as_ref()) {
        return Some(kind);
    }
    for attr in ["class", "id"] {
        let Some(v) = node.attr(attr) else { continue };
        for name in v.split_whitespace() {
            let words: Vec<&str> = name.split(['-', '_']).filter(|w| !w.is_empty()).collect();
            // Long hyphenated names are slugs of headings ("sharing-with-a-single-developer"), not roles.
            if words.len() > MAX_NAME_WORDS {
                continue;
            }
            for word in words {
                let lower = word.to_ascii_lowercase();
                if let Some(kind) = RULES.words.get(lower.as_str()) {
                    return Some(kind);
                }
            }
        }
    }
    None
}

/// The attribute that carries a boilerplate mark through readability's rewriting.
pub const MARK: &str = "data-dossier-boilerplate";

/// Marks boilerplate elements and all their element descendants with [`MARK`] (the kind as value).
/// Elements holding more than [`MAX_DROP_SHARE`] of the page's text are not marked.
pub fn mark_boilerplate(doc: &Document) {
    let total = text_len(&doc.root()).max(1);
    let mut stack = vec![doc.root()];
    while let Some(node) = stack.pop() {
        if node.is_element() {
            if let Some(kind) =
                boilerplate_kind(&node).filter(|_| text_len(&node) as f64 / total as f64 <= MAX_DROP_SHARE)
            {
                node.set_attr(MARK, kind);
                for d in node.descendants().into_iter().filter(|d| d.is_element()) {
                    d.set_attr(MARK, kind);
                }
                continue;
            }
        }
        stack.extend(node.children_it(true));
    }
}

/// Text length of a subtree, iteratively.
fn text_len(node: &NodeRef) -> usize {
    node.descendants_it().filter(|n| n.is_text()).map(|n| n.text().trim().len()).sum()
}

/// Removes boilerplate elements from the article, keeping any that would take most of its text.
pub fn strip_boilerplate(doc: &Document) {
    let root = doc.root();
    let total = text_len(&root).max(1);
    let mut doomed = Vec::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if node.is_element() && (node.has_attr(MARK) || boilerplate_kind(&node).is_some()) {
            let share = text_len(&node) as f64 / total as f64;
            if share <= MAX_DROP_SHARE {
                doomed.push(node);
                continue;
            }
        }
        stack.extend(node.children_it(true));
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dl",
    "div",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "caption",
    "dd",
    "dt",
];
const LINE: &[&str] = &["li", "br", "tr"];
const CELL: &[&str] = &["td", "th"];

#[derive(Default)]
struct Writer {
    out: String,
    pending_break: u8,
    pending_space: bool,
}

impl Writer {
    fn brk(&mut self, n: u8) {
        self.pending_break = self.pending_break.max(n);
    }
    fn flush(&mut self) {
        if self.pending_break > 0 {
            if !self.out.is_empty() {
                let trimmed = self.out.trim_end_matches([' ', '\t']).len();
                self.out.truncate(trimmed);
                let have = self.out.len() - self.out.trim_end_matches('\n').len();
                for _ in have..self.pending_break as usize {
                    self.out.push('\n');
                }
            }
            self.pending_break = 0;
            self.pending_space = false;
        } else if self.pending_space {
            if !self.out.is_empty() && !self.out.ends_with(['\n', ' ']) {
                self.out.push(' ');
            }
            self.pending_space = false;
        }
    }
    fn text(&mut self, s: &str, pre: bool) {
        for c in s.chars() {
            if pre && c == '\n' {
                self.brk(1);
                self.flush();
                self.out.push('\n');
                continue;
            }
            if c.is_whitespace() && !pre {
                self.pending_space = true;
                continue;
            }
            if c == '\u{200b}' || c == '\u{feff}' {
                continue;
            }
            self.flush();
            self.out.push(c);
        }
    }
}

/// Renders an element tree to text: blocks separated by a blank line, list items and `<br>` by a newline,
/// whitespace collapsed outside `<pre>`.
pub fn render_node(root: NodeRef) -> String {
    enum Step<'a> {
        Enter(NodeRef<'a>),
        Exit(&'static str),
    }
    let mut w = Writer::default();
    let mut pre_depth = 0usize;
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Exit(kind) => match kind {
                "block" => w.brk(2),
                "line" => w.brk(1),
                "pre" => {
                    pre_depth = pre_depth.saturating_sub(1);
                    w.brk(2);
                }
                "cell" => w.pending_space = true,
                _ => {}
            },
            Step::Enter(node) => {
                if node.is_text() {
                    w.text(&node.text(), pre_depth > 0);
                    continue;
                }
                if !(node.is_element() || node.is_document() || node.is_fragment()) {
                    continue;
                }
                let kind = match node.node_name() {
                    Some(name) => {
                        let n = name.as_ref();
                        if n == "pre" {
                            pre_depth += 1;
                            w.brk(2);
                            "pre"
                        } else if n == "br" {
                            w.brk(1);
                            w.flush_break_only();
                            ""
                        } else if BLOCK.contains(&n) {
                            w.brk(2);
                            "block"
                        } else if LINE.contains(&n) {
                            w.brk(1);
                            "line"
                        } else if CELL.contains(&n) {
                            w.pending_space = true;
                            "cell"
                        } else {
                            ""
                        }
                    }
                    None => "",
                };
                stack.push(Step::Exit(kind));
                stack.extend(node.children_it(true).map(Step::Enter));
            }
        }
    }
    w.out.trim().to_string()
}

impl Writer {
    /// Consecutive `<br>`s make one line break each (two make a paragraph break), not one in total.
    fn flush_break_only(&mut self) {
        if self.pending_break == 1 && !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.truncate(self.out.trim_end_matches([' ', '\t']).len());
            self.out.push('\n');
            self.pending_break = 0;
            self.pending_space = false;
        }
    }
}

/// Cleans and renders readability's article HTML.
pub fn render(article_html: &str) -> String {
    let doc = Document::fragment(article_html);
    strip_boilerplate(&doc);
    render_node(doc.root())
}
