//! Golden fixtures: every `tests/fixtures/NAME.txt` has `NAME.expected.json` with the title,
//! dateline, boilerplate, origin and authors the cleaner must find — exactly, so a false
//! positive fails as surely as a miss. Every span is checked as `text[start..end]`, and each
//! case runs again shifted by a prefix line of body text.

use std::path::{Path, PathBuf};

use dossier_clean::{Cleaned, Cleaner};
use serde::Deserialize;

#[derive(Debug, Deserialize, PartialEq)]
struct Expected {
    title: Option<String>,
    dateline: Option<String>,
    #[serde(default)]
    published: Option<String>,
    boilerplate: Vec<Bp>,
    origin: Vec<Or>,
    authors: Vec<String>,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Bp {
    kind: String,
    text: String,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Or {
    outlet: String,
    kind: String,
    evidence: String,
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures folder")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

/// The observable result as the expected-file shape, checking every span on the way.
fn observe(text: &str, c: &Cleaned) -> Expected {
    let s = |sp: dossier_doc::Span| {
        assert!(sp.start <= sp.end && sp.end <= text.len(), "span {sp:?} out of range");
        assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
        sp.of(text).to_string()
    };
    Expected {
        title: c.title.map(s),
        dateline: c.dateline.map(s),
        published: c.published.map(s),
        boilerplate: c
            .boilerplate
            .iter()
            .map(|b| Bp { kind: b.kind.as_str().to_string(), text: s(b.span) })
            .collect(),
        origin: c
            .origin
            .iter()
            .map(|o| Or {
                outlet: o.outlet.clone(),
                kind: o.kind.as_str().to_string(),
                evidence: s(o.evidence),
            })
            .collect(),
        authors: c.authors.clone(),
    }
}

/// Body = text minus boilerplate: trimmed, ordered, disjoint from boilerplate, and covering
/// every non-space byte that no boilerplate covers.
fn check_body(text: &str, c: &Cleaned) {
    let mut covered = vec![false; text.len()];
    for b in &c.body {
        assert!(!b.is_empty());
        assert_eq!(b.of(text), b.of(text).trim(), "body span not trimmed");
        for x in &c.boilerplate {
            assert!(!b.overlaps(&x.span), "body {b:?} overlaps boilerplate {x:?}");
        }
        covered[b.range()].iter_mut().for_each(|x| *x = true);
    }
    for w in c.body.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
    for x in &c.boilerplate {
        covered[x.span.range()].iter_mut().for_each(|x| *x = true);
    }
    for (i, ch) in text.char_indices() {
        assert!(covered[i] || ch.is_whitespace(), "byte {i} ({ch:?}) lost");
    }
}

#[test]
fn golden_fixtures() {
    let cleaner = Cleaner::new();
    let all = fixtures();
    assert!(all.len() >= 12, "expected at least 12 fixtures");
    let mut failures = Vec::new();
    for path in all {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let exp_path = path.with_file_name(name.trim_end_matches(".txt").to_string() + ".expected.json");
        let expected: Expected = serde_json::from_str(
            &std::fs::read_to_string(&exp_path).unwrap_or_else(|_| panic!("missing {}", exp_path.display())),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", exp_path.display()));
        let got = cleaner.clean(&text);
        check_body(&text, &got);
        let seen = observe(&text, &got);
        if seen != expected {
            failures.push(format!("{name}:\n  expected {expected:?}\n  got      {seen:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The same documents behind a prefix: byte spans move by the prefix length; everything else
/// is unchanged when the prefix is plain body text and the title is not at stake.
#[test]
fn shifted_by_a_prefix_keeps_spans_aligned() {
    let cleaner = Cleaner::new();
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        // A blank-line-separated prefix: in most fixtures it becomes the title-less first
        // paragraph, so compare only what does not depend on being the first line.
        let prefix = "Ünïcode prefix paragraph — written to shift every offset.\n\n";
        let shifted = format!("{prefix}{text}");
        let a = cleaner.clean(&text);
        let b = cleaner.clean(&shifted);
        check_body(&shifted, &b);
        let observed = observe(&shifted, &b);
        let tail_kinds = ["credit", "share", "other", "navigation", "author_bio"];
        // every credit/share/... line found before is still found, at the shifted place
        for x in &a.boilerplate {
            if x.kind.as_str() == "repeated_headline" || Some(x.span) == a.dateline {
                continue;
            }
            assert!(
                b.boilerplate.iter().any(|y| y.kind == x.kind && y.span == x.span.shift(prefix.len())),
                "{}: {:?} {:?} not found shifted",
                path.display(),
                x.kind,
                x.span.of(&text)
            );
            assert!(tail_kinds.contains(&x.kind.as_str()));
        }
        for o in &a.origin {
            if o.kind.as_str() == "dateline" {
                continue;
            }
            assert!(
                b.origin.iter().any(|p| p.outlet == o.outlet && p.evidence == o.evidence.shift(prefix.len())),
                "{}: origin {:?} not found shifted",
                path.display(),
                o.outlet
            );
        }
        let _ = observed;
    }
}

/// Prefixing with nothing but blank lines keeps the whole result, shifted.
#[test]
fn blank_prefix_shifts_everything() {
    let cleaner = Cleaner::new();
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        let prefix = "\n \n";
        let shifted = format!("{prefix}{text}");
        let a = cleaner.clean(&text);
        let b = cleaner.clean(&shifted);
        let by = prefix.len();
        assert_eq!(b.title, a.title.map(|s| s.shift(by)), "{}", path.display());
        assert_eq!(b.dateline, a.dateline.map(|s| s.shift(by)));
        assert_eq!(b.published, a.published.map(|s| s.shift(by)));
        let bp: Vec<_> = a.boilerplate.iter().map(|x| (x.kind, x.span.shift(by))).collect();
        let bq: Vec<_> = b.boilerplate.iter().map(|x| (x.kind, x.span)).collect();
        assert_eq!(bp, bq, "{}", path.display());
        let op: Vec<_> = a.origin.iter().map(|o| (o.outlet.clone(), o.evidence.shift(by))).collect();
        let oq: Vec<_> = b.origin.iter().map(|o| (o.outlet.clone(), o.evidence)).collect();
        assert_eq!(op, oq);
        assert_eq!(a.body.iter().map(|s| s.shift(by)).collect::<Vec<_>>(), b.body);
        assert_eq!(a.authors, b.authors);
    }
}

/// The motivating article (read only when present; nothing of it is committed).
#[test]
fn seed_article_when_present() {
    let path = Path::new("/work/shared/seed/article.txt");
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {} not present", path.display());
        return;
    };
    let c = Cleaner::new().clean(&text);
    check_body(&text, &c);
    let first_line = text.lines().next().unwrap().trim();
    assert_eq!(c.title.map(|s| s.of(&text)), Some(first_line));

    // the trailing paragraph is the author's bio
    let last = text.trim_end().lines().last().unwrap().trim();
    assert!(c.boilerplate.iter().any(|b| b.kind.as_str() == "author_bio" && b.span.of(&text) == last));

    // "Source :Skai" is a credit line naming Skai
    let src = c.boilerplate.iter().find(|b| b.kind.as_str() == "credit").expect("a credit line");
    assert!(src.span.of(&text).starts_with("Source"));
    assert!(c
        .origin
        .iter()
        .any(|o| o.outlet == "Skai" && o.kind.as_str() == "credit_line" && o.evidence == src.span));

    // the lede's second sentence repeats the title
    let lede = text.lines().nth(1).unwrap();
    let rep =
        c.boilerplate.iter().find(|b| b.kind.as_str() == "repeated_headline").expect("a repeated headline");
    let lede_start = text.find(lede).unwrap();
    assert!(rep.span.start > lede_start && rep.span.end <= lede_start + lede.len());
    assert!(lede[..rep.span.start - lede_start].trim_end().ends_with('.'));

    // CNN asked for comment
    assert!(c.origin.iter().any(|o| o.outlet == "CNN" && o.kind.as_str() == "comment_request"));
    assert_eq!(c.boilerplate.len(), 3, "{:?}", c.boilerplate);
}
