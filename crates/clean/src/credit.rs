//! Credit lines, bylines and datelines: whole lines that say who wrote or sent the story.

use std::sync::LazyLock;

use dossier_doc::Span;
use memchr::memmem::Finder;

use crate::lexicon::Lexicon;
use crate::util::{leading_name, outlet_name, plausible_person, plausible_role, plausible_role_or_place};
use crate::{BoilerplateKind, OriginKind};

/// What one whole line turned out to be.
#[derive(Clone, Debug, Default)]
pub(crate) struct LineHit {
    pub kind: Option<BoilerplateKind>,
    /// (outlet, origin kind, evidence)
    pub origins: Vec<(String, OriginKind, Span)>,
    pub authors: Vec<String>,
}

/// Where a line sits, for rules that only hold near the top or the end.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Position {
    /// Among the last three non-empty lines.
    pub tail: bool,
    /// The very last non-empty line.
    pub last: bool,
}

/// Split a list of names or outlets: "A, B and C", "A; B", "A & B", "A | B".
fn split_list(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for a in s.split([',', ';', '|', '•', '&']) {
        for b in a.split(" and ") {
            let b = b.trim();
            if !b.is_empty() {
                out.push(b);
            }
        }
    }
    out
}

/// "Jane Doe, Reuters" / "Jane Doe and John Roe | CNN" / "Jane Doe in Kyiv" / "JANE DOE,
/// Staff Writer". The first part must be names; later parts known outlets, roles or places.
fn read_byline(lex: &Lexicon, rest: &str) -> Option<(Vec<String>, Vec<String>)> {
    if rest.len() > 120 {
        return None;
    }
    let rest = rest.trim().trim_end_matches('.');
    // separators between the names and what follows
    // (part, whether a comma came before it): names go on over commas only
    let mut parts: Vec<(&str, bool)> = Vec::new();
    let mut cur = rest;
    let mut comma = true;
    loop {
        let cut = [",", "|", "•", "·", " - ", " — ", " – ", " for ", " at ", " in ", "/", ";"]
            .iter()
            .filter_map(|sep| cur.find(sep).map(|i| (i, sep.len(), *sep == ",")))
            .min();
        match cut {
            Some((i, l, is_comma)) => {
                parts.push((&cur[..i], comma));
                comma = is_comma;
                cur = &cur[i + l..];
            }
            None => {
                parts.push((cur, comma));
                break;
            }
        }
    }
    let mut authors = Vec::new();
    let mut outlets = Vec::new();
    let mut names_done = false;
    for (n, &(part, after_comma)) in parts.iter().enumerate() {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if let Some(o) = lex.known_outlet(part) {
            if n == 0 {
                return None; // "By Reuters" names no author; read as a plain credit elsewhere
            }
            outlets.push(o.to_string());
            names_done = true;
            continue;
        }
        if !after_comma {
            names_done = true;
        }
        if !names_done {
            let names: Vec<&str> = part
                .split(" and ")
                .flat_map(|p| p.split(" & "))
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            if !names.is_empty()
                && names.iter().all(|p| plausible_person(p))
                && (n == 0 || !plausible_role(part))
            {
                authors.extend(names.iter().map(|p| p.to_string()));
                continue;
            }
            if n == 0 {
                return None;
            }
        }
        names_done = true;
        if !plausible_role_or_place(part) {
            return None;
        }
    }
    (!authors.is_empty()).then_some((authors, outlets))
}

/// Names credited in a "Reporting by A and B in Kyiv; Editing by C" trailer, per role.
fn read_trailer(rest: &str) -> Vec<String> {
    let mut authors = Vec::new();
    for part in rest.trim_matches(['(', ')', '.', ' ']).split(';') {
        let p = part.trim();
        let lower = p.to_lowercase();
        let Some(names) = ["reporting by ", "writing by ", "additional reporting by "]
            .iter()
            .find_map(|pre| lower.starts_with(pre).then(|| &p[pre.len()..]))
        else {
            continue;
        };
        if lower.starts_with("additional") {
            continue;
        }
        let names = names.split(" in ").next().unwrap_or("");
        for n in split_list(names) {
            if plausible_person(n) {
                authors.push(n.trim_end_matches('.').to_string());
            }
        }
    }
    authors
}

fn group<'t>(caps: &regex::Captures<'t>, name: &str) -> Option<(&'t str, usize)> {
    caps.name(name).map(|m| (m.as_str(), m.start()))
}

/// Classify one trimmed line as a credit line (with its outlets and authors).
pub(crate) fn classify(lex: &Lexicon, text: &str, span: Span, pos: Position) -> Option<LineHit> {
    let line = span.of(text);
    // most lines are prose: one pass of the pattern set rules them out
    let alone = pos.tail && line.len() <= 60;
    static CONTRIBUTED: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b" contributed "));
    let contributed = CONTRIBUTED.find(line.as_bytes()).is_some();
    if !alone && !contributed && !lex.credit_set.is_match(line) {
        return None;
    }
    let r = &lex.credits;
    let cl = |origins: Vec<(String, OriginKind, Span)>, authors: Vec<String>| LineHit {
        kind: Some(BoilerplateKind::Credit),
        origins,
        authors,
    };
    let credit_origins =
        |names: Vec<String>| names.into_iter().map(|n| (n, OriginKind::CreditLine, span)).collect::<Vec<_>>();

    if let Some(re) = &r.trailer {
        if re.is_match(line) {
            return Some(cl(vec![], read_trailer(line)));
        }
    }
    for re in [&r.written_by, &r.byline].into_iter().flatten() {
        if let Some(c) = re.captures(line) {
            let (rest, _) = group(&c, "rest")?;
            if let Some((authors, outlets)) = read_byline(lex, rest) {
                return Some(cl(credit_origins(outlets), authors));
            }
            // "By Reuters" / "Written by AP"
            if let Some(o) = lex.known_outlet(rest) {
                return Some(cl(credit_origins(vec![o.to_string()]), vec![]));
            }
            return None; // a sentence starting with "By"
        }
    }
    if let Some(c) = r.source.as_ref().and_then(|re| re.captures(line)) {
        let (rest, _) = group(&c, "rest")?;
        let names: Option<Vec<String>> = split_list(rest).into_iter().map(|p| outlet_name(lex, p)).collect();
        return match names {
            Some(n) if !n.is_empty() => Some(cl(credit_origins(n), vec![])),
            _ => None,
        };
    }
    if let Some(c) = r.source_bare.as_ref().and_then(|re| re.captures(line)) {
        let (rest, _) = group(&c, "rest")?;
        let shouted = line.starts_with("SOURCE");
        if line.len() <= 60 {
            let names: Option<Vec<String>> = split_list(rest)
                .into_iter()
                .map(|p| if shouted { outlet_name(lex, p) } else { lex.known_outlet(p).map(str::to_string) })
                .collect();
            if let Some(n) = names.filter(|n| !n.is_empty()) {
                return Some(cl(credit_origins(n), vec![]));
            }
        }
    }
    if let Some(c) = r.appeared.as_ref().and_then(|re| re.captures(line)) {
        let (rest, _) = group(&c, "rest")?;
        let name = leading_name(rest);
        let outlets = outlet_name(lex, name).into_iter().collect();
        return Some(cl(credit_origins(outlets), vec![]));
    }
    if let Some(c) = r.contributed.as_ref().and_then(|re| re.captures(line)) {
        let (rest, _) = group(&c, "rest")?;
        let parts = split_list(rest);
        let mut outlets = Vec::new();
        for p in &parts {
            if let Some(o) = lex.known_outlet(p) {
                outlets.push(o.to_string());
            } else if !plausible_person(p) {
                return None;
            }
        }
        return Some(cl(credit_origins(outlets), vec![]));
    }
    if let Some(c) = r.copyright.as_ref().and_then(|re| re.captures(line)) {
        let (rest, _) = group(&c, "rest")?;
        let symbol = line.starts_with('©') || line.starts_with("(c)") || line.starts_with("(C)");
        let has_year = line.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
        let name = leading_name(rest);
        let outlet = outlet_name(lex, name);
        if symbol || has_year || (outlet.is_some() && line.len() <= 100) {
            let origins = outlet.map(|o| vec![(o, OriginKind::Other, span)]).unwrap_or_default();
            return Some(LineHit { kind: Some(BoilerplateKind::Other), origins, authors: vec![] });
        }
        return None;
    }
    if let Some(c) = r.dash.as_ref().and_then(|re| re.captures(line)) {
        let (rest, _) = group(&c, "rest")?;
        if let Some(o) = lex.known_outlet(rest) {
            return Some(cl(credit_origins(vec![o.to_string()]), vec![]));
        }
        if pos.last && rest.split_whitespace().count() <= 3 {
            if let Some(o) = outlet_name(lex, rest) {
                return Some(cl(credit_origins(vec![o]), vec![]));
            }
        }
        return None;
    }
    if pos.tail && line.len() <= 60 {
        if let Some(o) = lex.known_outlet(line) {
            return Some(cl(credit_origins(vec![o.to_string()]), vec![]));
        }
    }
    None
}

/// A dateline at the start of `span` ("WASHINGTON, March 3 (Reuters) -"): its span, and the
/// agency it names with the evidence span "(Reuters) -".
pub(crate) fn dateline(lex: &Lexicon, text: &str, span: Span) -> Option<(Span, Option<(String, Span)>)> {
    let re = lex.credits.dateline.as_ref()?;
    let line = span.of(text);
    // the dateline ends at the first dash (or colon) followed by a space: cut there
    let bytes = line.as_bytes();
    let cut = line
        .char_indices()
        .take_while(|&(i, _)| i < 160)
        .find(|&(i, c)| {
            matches!(c, '—' | '–' | '-' | ':')
                && matches!(bytes.get(i + c.len_utf8()), Some(b' ' | b'\t' | b'-'))
        })
        .map(|(i, c)| i + c.len_utf8())?;
    // a dateline names its place in capitals or an agency in brackets: check cheaply first
    let first_word = line[..cut].split([' ', ',', '(']).next().unwrap_or("");
    let shouting = first_word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !first_word.chars().any(char::is_lowercase);
    if !shouting && !line[..cut].contains('(') {
        return None;
    }
    // room for a doubled dash and the space after it
    let head = &line[..floor_boundary(line, cut + 3)];
    // find with the DFA, then read the parts by hand (no capture engine on the hot path)
    let whole = re.find(head)?;
    let m = whole.as_str();
    let body = m.trim_end();
    let dash_start = body
        .char_indices()
        .rev()
        .take_while(|&(_, c)| matches!(c, '—' | '–' | '-' | ':'))
        .last()
        .map(|(i, _)| i)?;
    let dash = (dash_start, body.len(), &body[dash_start..]);
    let agency = match (m[..dash_start].rfind('('), m[..dash_start].rfind(')')) {
        (Some(a), Some(b)) if a < b && m[b + 1..dash_start].trim().is_empty() => Some((a + 1, &m[a + 1..b])),
        _ => None,
    };
    let place_end = m[..dash_start].find([',', '(']).unwrap_or(dash_start);
    let place = m[..place_end].trim();
    let caps = place.chars().any(char::is_alphabetic)
        && place.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if !caps && agency.is_none() {
        return None;
    }
    if dash.2 == ":" && !caps {
        return None;
    }
    let dl = Span::new(span.start, span.start + whole.end()).trim(text);
    let origin = agency.and_then(|(a_start, a)| {
        let name = outlet_name(lex, a)?;
        // evidence: "(Reuters) -" = from the opening bracket to the end of the dash
        let ev = Span::new(span.start + a_start - 1, span.start + dash.1);
        Some((name, ev))
    });
    Some((dl, origin))
}

/// The largest char boundary of `s` not past `at`.
pub(crate) fn floor_boundary(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    let mut i = at;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
