//! Size and depth limits, checked without recursion.

use dom_query::Document;

use crate::HtmlError;

/// Elements that never hold children, or whose end tag is implied by the next sibling: they do not
/// deepen the tree when left unclosed.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
    "colgroup", "rb", "rt", "rp", "html", "head", "body", "keygen", "basefont", "frame",
];
/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

/// Fast estimate of the nesting depth from the tags alone, refusing pages clearly deeper than `limit`
/// (with a margin of 2×, since unclosed tags make the estimate high). Linear in the input.
pub(crate) fn check_tag_depth(html: &str, limit: usize) -> Result<(), HtmlError> {
    let b = html.as_bytes();
    let hard = limit.saturating_mul(2).max(16);
    let mut depth: usize = 0;
    let mut i = 0;
    while let Some(off) = memchr_lt(&b[i..]) {
        i += off + 1;
        if i >= b.len() {
            break;
        }
        if b[i..].starts_with(b"!--") {
            match find(&b[i + 3..], b"-->") {
                Some(end) => i += 3 + end + 3,
                None => break,
            }
            continue;
        }
        let closing = b[i] == b'/';
        let start = if closing { i + 1 } else { i };
        let mut end = start;
        while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'-' || b[end] == b':') {
            end += 1;
        }
        if end == start || !b[start].is_ascii_alphabetic() {
            continue;
        }
        let name = &html[start..end];
        let nests = !NOT_NESTING.iter().any(|t| t.eq_ignore_ascii_case(name));
        if closing {
            if nests {
                depth = depth.saturating_sub(1);
            }
            i = end;
            continue;
        }
        if let Some(raw) = RAW_TEXT.iter().find(|t| t.eq_ignore_ascii_case(name)) {
            let closer = format!("</{raw}");
            match find_ci(&b[end..], closer.as_bytes()) {
                Some(off) => i = end + off + closer.len(),
                None => break,
            }
            continue;
        }
        if nests {
            depth += 1;
            if depth > hard {
                return Err(HtmlError::TooDeep { limit });
            }
        }
        i = end;
    }
    Ok(())
}

/// Exact check of the parsed tree's depth, iterating (first child / next sibling / parent), never recursing.
pub(crate) fn check_dom_depth(doc: &Document, limit: usize) -> Result<(), HtmlError> {
    let mut node = doc.root();
    let mut depth = 0usize;
    loop {
        if let Some(child) = node.first_child() {
            depth += 1;
            if depth > limit {
                return Err(HtmlError::TooDeep { limit });
            }
            node = child;
            continue;
        }
        loop {
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent() {
                Some(p) if depth > 0 => {
                    node = p;
                    depth -= 1;
                }
                _ => return Ok(()),
            }
        }
    }
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    memchr::memchr(b'<', b)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

/// Empties `<script>` (except JSON-LD, which the metadata reads) and `<style>` elements before parsing:
/// html5ever tokenises their content character by character, and on news pages they are often half the
/// bytes. Comments are skipped so that a commented-out `<script>` cannot swallow real content.
pub(crate) fn strip_scripts(html: &str) -> std::borrow::Cow<'_, str> {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `html` already copied to `out`
    let mut i = 0;
    while let Some(off) = memchr_lt(&b[i..]) {
        let lt = i + off;
        i = lt + 1;
        if b[i..].starts_with(b"!--") {
            match find(&b[i + 3..], b"-->") {
                Some(end) => {
                    i += 3 + end + 3;
                    continue;
                }
                None => break,
            }
        }
        let name = ["script", "style"]
            .into_iter()
            .find(|n| b.len() > i + n.len() && b[i..i + n.len()].eq_ignore_ascii_case(n.as_bytes()));
        let Some(name) = name else { continue };
        let after = i + name.len();
        if !(b[after].is_ascii_whitespace() || b[after] == b'>' || b[after] == b'/') {
            continue;
        }
        let Some(gt) = memchr::memchr(b'>', &b[after..]) else {
            break;
        };
        let content_start = after + gt + 1;
        let open_tag = &html[lt..content_start];
        let closer = if name == "script" { "</script" } else { "</style" };
        let Some(len) = find_ci(&b[content_start..], closer.as_bytes()) else {
            break;
        };
        let content_end = content_start + len;
        i = content_end;
        let keep = name == "script" && open_tag.to_ascii_lowercase().contains("ld+json");
        if keep || len == 0 {
            continue;
        }
        let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
        o.push_str(&html[copied..content_start]);
        copied = content_end;
    }
    match out {
        Some(mut o) => {
            o.push_str(&html[copied..]);
            std::borrow::Cow::Owned(o)
        }
        None => std::borrow::Cow::Borrowed(html),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_styles_are_emptied_but_json_ld_kept() {
        let html = r#"<p>a</p><SCRIPT src="x">var s = "<p>not text</p>";</script><!-- <script> --><p>b</p><style>p{}</style><script type="application/ld+json">{"a":1}</script>"#;
        assert_eq!(
            strip_scripts(html),
            r#"<p>a</p><SCRIPT src="x"></script><!-- <script> --><p>b</p><style></style><script type="application/ld+json">{"a":1}</script>"#
        );
        assert!(matches!(strip_scripts("<p>plain</p>"), std::borrow::Cow::Borrowed(_)));
        // unterminated: left alone, never panics
        assert_eq!(strip_scripts("<p>x</p><script>never closed"), "<p>x</p><script>never closed");
        assert_eq!(strip_scripts("<script"), "<script");
    }

    #[test]
    fn deep_divs_are_refused_by_the_tag_scan() {
        let html = "<div>".repeat(100_000);
        assert_eq!(check_tag_depth(&html, 512), Err(HtmlError::TooDeep { limit: 512 }));
    }

    #[test]
    fn unclosed_paragraphs_and_scripts_do_not_count() {
        let mut html = "<p>para ".repeat(5000);
        html.push_str("<script>if (a<b) { '<div><div><div>' }</script>");
        html.push_str(&"<div></div>".repeat(5000));
        assert_eq!(check_tag_depth(&html, 8), Ok(()));
    }

    #[test]
    fn dom_depth_counts_nesting() {
        let doc = Document::from(format!("{}x{}", "<span>".repeat(40), "</span>".repeat(40)).as_str());
        assert!(check_dom_depth(&doc, 100).is_ok());
        assert_eq!(check_dom_depth(&doc, 20), Err(HtmlError::TooDeep { limit: 20 }));
    }
}
