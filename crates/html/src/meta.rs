//! Page metadata read from the full document (before readability trims it) and merged with what
//! readability found (title, byline, site name, language).
//!
//! Title: readability's choice (JSON-LD headline, `og:title` / `twitter:title` / `dc:title` meta, else the
//! `<title>` with its separator heuristics, else `<h1>`), then a site suffix or prefix (" | Site",
//! " - Site", "Site: ") is removed when it names the outlet (`og:site_name`, JSON-LD publisher) or the
//! host: removing every text after a separator would cut real titles ("Friday Facts #282 - 0.17 in sight").

use dom_query::Document;
use dom_smoothie::Article;

use crate::{date, Extracted};

/// Metadata found in the full document.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub canonical_url: Option<String>,
    pub published: Option<(chrono::NaiveDate, &'static str)>,
    pub lang: Option<String>,
    pub h1: Option<String>,
    pub og_site_name: Option<String>,
    pub host: Option<String>,
}

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

fn origin(url: &str) -> Option<&str> {
    let rest = url.find("://").map(|i| i + 3)?;
    let end = url[rest..].find('/').map_or(url.len(), |i| rest + i);
    Some(&url[..end])
}

fn host(url: &str) -> Option<String> {
    let o = origin(url)?;
    let h = &o[o.find("://")? + 3..];
    let h = h.rsplit('@').next()?.split(':').next()?;
    Some(h.trim_start_matches("www.").to_ascii_lowercase())
}

/// Resolves `href` against `base` for the two common cases (absolute, root-relative).
fn resolve(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    if href.starts_with("http://") || href.starts_with("https://") {
        return Some(href.to_string());
    }
    if let Some(rest) = href.strip_prefix("//") {
        return Some(format!("https://{rest}"));
    }
    if href.starts_with('/') {
        return Some(format!("{}{}", origin(base?)?, href));
    }
    None
}

/// Reads canonical URL, publication date, language and title candidates from the full document.
pub fn read(doc: &Document, url: Option<&str>) -> Found {
    let canonical_url =
        doc.select(r#"link[rel="canonical"]"#).attr("href").and_then(|h| resolve(&h, url)).or_else(|| {
            doc.select(r#"meta[property="og:url"]"#).attr("content").and_then(|h| resolve(&h, url))
        });
    let mut urls: Vec<&str> = Vec::new();
    if let Some(u) = url {
        urls.push(u);
    }
    if let Some(c) = canonical_url.as_deref() {
        urls.push(c);
    }
    let published = date::find(doc, &urls);
    let lang = doc.select("html").attr("lang").and_then(|l| clean(&l)).or_else(|| {
        doc.select(r#"meta[http-equiv="content-language"]"#).attr("content").and_then(|l| clean(&l))
    });
    let h1 = doc.select("h1").nodes().first().and_then(|n| clean(&n.text()));
    let og_site_name = doc.select(r#"meta[property="og:site_name"]"#).attr("content").and_then(|s| clean(&s));
    Found {
        host: url.or(canonical_url.as_deref()).and_then(host),
        canonical_url,
        published,
        lang,
        h1,
        og_site_name,
    }
}

const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / "];

fn squash(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Whether `part` names the site: equal to the outlet, or to the host without its TLD.
fn names_site(part: &str, outlet: Option<&str>, host: Option<&str>) -> bool {
    let p = squash(part);
    if p.is_empty() {
        return false;
    }
    if outlet.is_some_and(|o| squash(o) == p) {
        return true;
    }
    host.is_some_and(|h| {
        let h = h.strip_prefix("www.").unwrap_or(h);
        let core = h.split('.').next().unwrap_or(h);
        squash(core) == p || squash(h) == p
    })
}

/// Removes a leading or trailing part of the title that names the site.
pub fn clean_title(title: &str, outlet: Option<&str>, host: Option<&str>) -> String {
    let mut t = title.trim().to_string();
    for sep in SEPARATORS {
        if let Some(i) = t.rfind(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            if !head.trim().is_empty() && names_site(tail, outlet, host) {
                t = head.trim().to_string();
                break;
            }
        }
        if let Some(i) = t.find(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            if !tail.trim().is_empty() && names_site(head, outlet, host) {
                t = tail.trim().to_string();
                break;
            }
        }
    }
    t
}

/// Combines the document metadata with readability's article.
pub fn merge(found: Found, article: &Article) -> Extracted {
    let outlet = article.site_name.as_deref().and_then(clean).or_else(|| found.og_site_name.clone());
    let title = clean(&article.title)
        .or_else(|| found.h1.clone())
        .map(|t| clean_title(&t, outlet.as_deref(), found.host.as_deref()))
        .filter(|t| !t.is_empty());
    let byline = article
        .byline
        .as_deref()
        .and_then(clean)
        .filter(|b| !b.starts_with("http://") && !b.starts_with("https://"));
    let lang = article.lang.as_deref().and_then(clean).or(found.lang);
    Extracted {
        text: String::new(),
        title,
        byline,
        outlet,
        canonical_url: found.canonical_url,
        published: found.published.map(|p| p.0),
        published_source: found.published.map(|p| p.1),
        lang,
        warnings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffixes_go_only_when_they_name_the_site() {
        assert_eq!(
            clean_title("Flood warning issued | The Daily Example", Some("The Daily Example"), None),
            "Flood warning issued"
        );
        assert_eq!(
            clean_title("Flood warning issued - Example News", None, Some("examplenews.com")),
            "Flood warning issued"
        );
        assert_eq!(
            clean_title("Example: Council votes - Part 2", Some("Example"), None),
            "Example: Council votes - Part 2"
        );
        assert_eq!(clean_title("Release 0.17 - in sight", Some("Factory"), None), "Release 0.17 - in sight");
    }
}
