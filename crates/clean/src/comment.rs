//! "X's request for comment": the outlet that asked for comment wrote (or first ran) the story.

use dossier_doc::Span;

use crate::lexicon::Lexicon;
use crate::util::outlet_name;

/// The capitalised words that end `before` (just before "'s"), at most five, with the byte
/// offset where they start.
fn name_before(before: &str) -> Option<(usize, &str)> {
    let mut start = before.len();
    let mut count = 0;
    loop {
        let head = &before[..start];
        let ws = head.rfind(char::is_whitespace);
        let w_start = ws.map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
        let w = &head[w_start..];
        let capital = w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let clean = w.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '&' | '/'));
        if w.is_empty() || !clean || !(capital || (count > 0 && matches!(w, "of" | "the" | "and"))) {
            break;
        }
        start = w_start;
        count += 1;
        // names run over single spaces only, never over a line break
        match ws {
            Some(i) if count < 5 && head[i..].starts_with(' ') => start = i,
            _ => break,
        }
    }
    // `start` may sit on the space before the first word
    let name = before[start..].trim_start();
    let start = before.len() - name.len();
    if count == 0 || name.is_empty() {
        return None;
    }
    let mut trimmed = name;
    for pre in ["of ", "and ", "the ", "The "] {
        trimmed = trimmed.strip_prefix(pre).unwrap_or(trimmed);
    }
    let start = start + (name.len() - trimmed.len());
    Some((start, trimmed))
}

/// The capitalised words that open `after` ("Reuters on Monday" → "Reuters").
fn name_after(after: &str) -> Option<&str> {
    let mut end = 0;
    for w in after.split(' ') {
        let bare = w.trim_end_matches([',', '.', ';', ':', ')']);
        let capital = bare.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let connector = end > 0 && matches!(bare, "of" | "and");
        if bare.is_empty() || !(capital || connector) {
            break;
        }
        end += usize::from(end > 0) + bare.len();
        if bare.len() != w.len() {
            break;
        }
    }
    let name = after[..end].trim_end_matches(" of").trim_end_matches(" and");
    (!name.is_empty()).then_some(name)
}

/// Every request for comment in `text` that names who asked: (outlet, evidence).
pub(crate) fn comment_requests(lex: &Lexicon, text: &str) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    for m in lex.comment.find_iter(text) {
        let b = text.as_bytes();
        if (m.start() > 0 && b[m.start() - 1].is_ascii_alphanumeric())
            || (m.end() < b.len() && b[m.end()].is_ascii_alphanumeric())
        {
            continue;
        }
        let before = &text[..m.start()];
        // "CNN's request" / "CNN’s request" / "Reuters' request"
        let possessive =
            ["'s ", "’s ", "' ", "’ "].iter().find(|p| before.ends_with(**p)).map(|p| before.len() - p.len());
        if let Some(at) = possessive {
            let lo = at.saturating_sub(80);
            let lo = (lo..=at).find(|&i| text.is_char_boundary(i)).unwrap_or(at);
            if let Some((start, name)) = name_before(&text[lo..at]) {
                if let Some(o) = outlet_name(lex, name) {
                    out.push((o, Span::new(lo + start, m.end())));
                    continue;
                }
            }
        }
        // "a request for comment from Reuters" / "… by the Harbor Ledger"
        let after = &text[m.end()..];
        for pre in [" from ", " by "] {
            if let Some(rest) = after.strip_prefix(pre) {
                let rest_t = rest.strip_prefix("the ").unwrap_or(rest);
                if let Some(name) = name_after(rest_t) {
                    if let Some(o) = outlet_name(lex, name) {
                        let end = m.end() + pre.len() + (rest.len() - rest_t.len()) + name.len();
                        out.push((o, Span::new(m.start(), end)));
                    }
                }
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::LEXICON;

    #[test]
    fn possessive_and_from() {
        let t = "The port did not respond to CNN’s request for comment. Officials ignored \
                 a request for comment from the Harbor Ledger on Monday. She told Reuters \
                 nothing. He declined the ministry's request for comment.";
        let got: Vec<(String, &str)> =
            comment_requests(&LEXICON, t).into_iter().map(|(o, s)| (o, s.of(t))).collect();
        assert_eq!(
            got,
            vec![
                ("CNN".to_string(), "CNN’s request for comment"),
                ("Harbor Ledger".to_string(), "request for comment from the Harbor Ledger"),
            ]
        );
    }
}
