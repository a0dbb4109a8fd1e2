//! Quotations: straight and curly double quotes, single quotes (usually inside double ones),
//! guillemets, quotes that run over several paragraphs, and unbalanced marks.
//!
//! Each mark is classified by what is on its left and right (space or punctuation vs a
//! word char): `"` with space on the left opens, with space on the right closes. An
//! apostrophe between letters (don't, Putin’s) or before an elided number or word ('90s,
//! 'n', ’em) is not a quote mark. Marks are matched with a stack per paragraph:
//!
//! - a closing mark closes the nearest open quote of its kind; single marks left open
//!   inside it were apostrophes after all and are dropped;
//! - a quote still open at the end of a paragraph continues when the next paragraph starts
//!   with an opening mark of the same kind (the news convention for a quotation of several
//!   paragraphs: one [`Quote`] with one `inner` fragment per paragraph);
//! - otherwise a double quote or guillemet still open ends with its paragraph,
//!   `closed = false`; it never swallows the rest of the document. A single mark still open
//!   is dropped (it was far more likely an apostrophe than a quote).

use dossier_doc::Span;

use crate::Quote;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Double,
    Single,
    Guillemet,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight `"` between two word chars: closes an open quote, else ignored.
    Either,
}

#[derive(Debug)]
struct Open {
    kind: Kind,
    /// Start of the first opening mark (the quote's start).
    start: usize,
    /// End of the latest opening mark: the current fragment starts here.
    frag_start: usize,
    frags: Vec<Span>,
}

/// Quotations of `text` and the byte offsets of their closing marks (sorted).
pub(crate) fn quotes(text: &str, paragraphs: &[Span], out: &mut Vec<Quote>, closers: &mut Vec<usize>) {
    let b = text.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    // Set when the quote continued from the paragraph before: its reopening mark is at this
    // offset and is consumed, not opened again.
    let mut reopen_at: Option<usize> = None;
    for (pi, para) in paragraphs.iter().enumerate() {
        let mut i = para.start;
        // Next « or » lead byte (0xC2), looked up again only once passed.
        let mut next_c2 = para.start;
        let mut c2_at: Option<usize> = None;
        while i < para.end {
            // Jump to the next byte that can start a quote mark: " ' and the lead bytes of
            // the curly marks (0xE2) and guillemets (0xC2).
            if next_c2 <= i {
                c2_at = memchr::memchr(0xC2, &b[i..para.end]).map(|k| i + k);
                next_c2 = c2_at.map_or(para.end, |k| k + 1);
            }
            let m3 = memchr::memchr3(b'"', b'\'', 0xE2, &b[i..para.end]).map(|k| i + k);
            i = match (m3, c2_at) {
                (Some(a), Some(c)) => a.min(c),
                (Some(a), None) => a,
                (None, Some(c)) => c,
                (None, None) => break,
            };
            if c2_at == Some(i) {
                next_c2 = i; // look the next one up after this mark
            }
            let Some(ch) = text[i..].chars().next() else {
                break;
            };
            let l = ch.len_utf8();
            let Some((kind, role)) = classify(text, *para, i, ch) else {
                i += l;
                continue;
            };
            if reopen_at == Some(i) {
                reopen_at = None;
                if let Some(o) = stack.last_mut() {
                    o.frag_start = i + l;
                }
                i += l;
                continue;
            }
            let top_open = stack.iter().rposition(|o| o.kind == kind);
            match (role, top_open) {
                (Role::Close, Some(j)) | (Role::Either, Some(j)) => {
                    // Inner quotes left open: single marks were apostrophes; others end here.
                    while stack.len() > j + 1 {
                        if let Some(o) = stack.pop() {
                            if o.kind != Kind::Single {
                                emit_unclosed(text, o, i, out);
                            }
                        }
                    }
                    if let Some(mut o) = stack.pop() {
                        push_frag(text, &mut o.frags, o.frag_start, i);
                        closers.push(i);
                        out.push(Quote { span: Span::new(o.start, i + l), inner: o.frags, closed: true });
                    }
                }
                (Role::Open, _) => {
                    if kind == Kind::Double
                        && top_open.is_some()
                        && ch == '"'
                        && !has_closer_ahead(b, i + 1, para.end)
                    {
                        // A straight opener-looking mark with a quote open and none after it:
                        // it closes that quote (`"Yes, "he said` typed carelessly).
                        let j = top_open.unwrap_or(0);
                        while stack.len() > j + 1 {
                            stack.pop();
                        }
                        if let Some(mut o) = stack.pop() {
                            push_frag(text, &mut o.frags, o.frag_start, i);
                            closers.push(i);
                            out.push(Quote { span: Span::new(o.start, i + l), inner: o.frags, closed: true });
                        }
                    } else {
                        stack.push(Open { kind, start: i, frag_start: i + l, frags: Vec::new() });
                    }
                }
                _ => {}
            }
            i += l;
        }
        // End of paragraph: continue the outermost quote or end what is open.
        if stack.is_empty() {
            continue;
        }
        let next_mark = paragraphs.get(pi + 1).and_then(|np| {
            let ch = text[np.start..np.end].chars().next()?;
            let (k, r) = classify(text, *np, np.start, ch)?;
            (r == Role::Open).then_some((k, np.start))
        });
        let mut rest: Vec<Open> = std::mem::take(&mut stack);
        let outer = rest.remove(0);
        for o in rest.into_iter().rev() {
            if o.kind != Kind::Single {
                emit_unclosed(text, o, para.end, out);
            }
        }
        match next_mark {
            Some((k, at)) if k == outer.kind => {
                let mut o = outer;
                push_frag(text, &mut o.frags, o.frag_start, para.end);
                stack.push(o);
                reopen_at = Some(at);
            }
            _ => {
                if outer.kind != Kind::Single {
                    emit_unclosed(text, outer, para.end, out);
                }
            }
        }
    }
    // Left open after the last paragraph (only when it was continued into nothing).
    for o in stack.drain(..) {
        let end = o.frag_start.max(o.frags.last().map_or(0, |f| f.end));
        emit_unclosed(text, o, end, out);
    }
    out.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    closers.sort_unstable();
}

fn has_closer_ahead(b: &[u8], from: usize, end: usize) -> bool {
    b[from.min(end)..end].contains(&b'"')
}

fn push_frag(text: &str, frags: &mut Vec<Span>, start: usize, end: usize) {
    let f = Span::new(start, end.max(start)).trim(text);
    if !f.is_empty() {
        frags.push(f);
    }
}

fn emit_unclosed(text: &str, mut o: Open, end: usize, out: &mut Vec<Quote>) {
    push_frag(text, &mut o.frags, o.frag_start, end);
    let end = Span::new(o.start, end.max(o.start)).trim(text).end.max(o.frag_start);
    out.push(Quote { span: Span::new(o.start, end), inner: o.frags, closed: false });
}

/// Whether the char at `i` (in paragraph `para`) counts as space on that side of a mark.
fn spaceish(c: Option<char>, left: bool) -> bool {
    match c {
        None => true,
        Some(c) if c.is_whitespace() => true,
        Some(c) if left => {
            matches!(c, '(' | '[' | '{' | '-' | '–' | '—' | '/' | '“' | '‘' | '«' | '"' | '\'')
        }
        Some(c) => matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '…'
                | '-'
                | '–'
                | '—'
                | '”'
                | '’'
                | '»'
                | '"'
                | '\''
        ),
    }
}

fn classify(text: &str, para: Span, i: usize, ch: char) -> Option<(Kind, Role)> {
    let before = text[para.start..i].chars().next_back();
    let after_at = i + ch.len_utf8();
    let after = text[after_at..para.end].chars().next();
    let ls = spaceish(before, true);
    let rs = spaceish(after, false);
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    match ch {
        '"' => match (ls, rs) {
            (true, false) => Some((Kind::Double, Role::Open)),
            (false, true) => Some((Kind::Double, Role::Close)),
            (false, false) => Some((Kind::Double, Role::Either)),
            (true, true) => {
                // `""` or `" ` after an opening bracket: treat by position in the paragraph.
                if after.is_none() || after.is_some_and(char::is_whitespace) {
                    (before.is_some() && !before.is_some_and(char::is_whitespace))
                        .then_some((Kind::Double, Role::Close))
                } else {
                    Some((Kind::Double, Role::Open))
                }
            }
        },
        '“' | '„' => Some((Kind::Double, Role::Open)),
        '”' => Some((Kind::Double, Role::Close)),
        '«' => Some((Kind::Guillemet, Role::Open)),
        '»' => Some((Kind::Guillemet, Role::Close)),
        '‘' | '\'' | '’' => {
            if letter(before) && letter(after) {
                return None; // don't, Putin’s, O'Brien
            }
            if ls && !rs {
                if elided(&text[after_at..para.end]) || ch == '’' {
                    return None; // '90s, 'n', ’em; ’ never opens
                }
                return Some((Kind::Single, Role::Open));
            }
            if !ls && rs && ch != '‘' {
                return Some((Kind::Single, Role::Close));
            }
            None
        }
        _ => None,
    }
}

/// Text after an apostrophe that makes it an elision mark, not a quote: '90s, 'n', 'em.
fn elided(rest: &str) -> bool {
    let b = rest.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 2 && !b.get(2).is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    let w: &str = {
        let n = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
        &rest[..n]
    };
    let after = rest[w.len()..].chars().next();
    match w {
        "n" => after.is_some_and(|c| c == '\'' || c == '’'),
        "em" | "til" | "cause" | "bout" | "tis" | "Tis" => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paragraph::paragraphs;

    fn run(text: &str) -> Vec<(String, Vec<String>, bool)> {
        let mut ps = Vec::new();
        paragraphs(text, &mut ps);
        let (mut qs, mut cl) = (Vec::new(), Vec::new());
        quotes(text, &ps, &mut qs, &mut cl);
        for q in &qs {
            assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            for f in &q.inner {
                assert!(q.span.contains(f));
            }
        }
        qs.iter()
            .map(|q| {
                (
                    q.span.of(text).to_string(),
                    q.inner.iter().map(|f| f.of(text).to_string()).collect(),
                    q.closed,
                )
            })
            .collect()
    }

    fn spans(text: &str) -> Vec<String> {
        run(text).into_iter().map(|q| q.0).collect()
    }

    #[test]
    fn straight_and_curly_doubles() {
        assert_eq!(spans(r#"He said, "Go home." Then he left."#), [r#""Go home.""#]);
        assert_eq!(spans("“We will not stop,” she said, “ever.”"), ["“We will not stop,”", "“ever.”"]);
        let q = run(r#""Is it?" he asked."#);
        assert_eq!(q[0].1, ["Is it?"]);
        assert!(q[0].2);
    }

    #[test]
    fn singles_inside_doubles_and_apostrophes() {
        assert_eq!(
            spans(r#""They told me 'leave now' and I didn't," he said."#),
            [r#""They told me 'leave now' and I didn't,""#, "'leave now'"]
        );
        assert_eq!(
            spans("“Putin’s men said ‘no’ in the ’90s,” she said."),
            ["“Putin’s men said ‘no’ in the ’90s,”", "‘no’"]
        );
        assert_eq!(spans("It's rock 'n' roll from the '90s, the Smiths' song."), Vec::<String>::new());
    }

    #[test]
    fn guillemets() {
        assert_eq!(spans("Il a dit « non » hier."), ["« non »"]);
    }

    #[test]
    fn quote_over_several_paragraphs() {
        let t = "She said: “The first part.\n\n“The second part.\n\n“The end.” Then silence.\n\nNext.";
        let q = run(t);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].1, ["The first part.", "The second part.", "The end."]);
        assert!(q[0].2);
        assert!(q[0].0.starts_with("“The first") && q[0].0.ends_with("end.”"));
    }

    #[test]
    fn unclosed_quote_ends_with_its_paragraph() {
        let t = "He said “this never closes.\nA new paragraph with “a real quote” here.";
        let q = run(t);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0], ("“this never closes.".to_string(), vec!["this never closes.".to_string()], false));
        assert_eq!(q[1].0, "“a real quote”");
        assert!(q[1].2);
    }

    #[test]
    fn stray_closers_are_ignored() {
        assert_eq!(spans("He is 6'2\" tall and said ” oops."), Vec::<String>::new());
    }
}
