//! Properties that must hold on any input: no panic, spans on char boundaries and inside
//! the text, sentences ordered and disjoint, tokens inside their sentences, and the same
//! result (offsets shifted exactly) when the text is preceded by a prefix.

use dossier_segment::{Segmentation, Segmenter};
use proptest::prelude::*;

fn check(text: &str, seg: &Segmentation) {
    let ok = |s: &dossier_doc::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for p in &seg.paragraphs {
        assert!(ok(p) && !p.is_empty());
    }
    let mut prev_end = 0;
    for t in &seg.tokens {
        assert!(ok(&t.span) && !t.span.is_empty(), "token {:?}", t);
        assert!(t.span.start >= prev_end, "tokens ordered and disjoint");
        prev_end = t.span.end;
    }
    assert_eq!(seg.sentences.len(), seg.sentence_tokens.len());
    let mut prev = 0;
    for (s, r) in seg.sentences.iter().zip(&seg.sentence_tokens) {
        assert!(ok(s) && !s.is_empty());
        assert!(s.start >= prev, "sentences ordered and disjoint");
        prev = s.end;
        assert!(!r.is_empty() && r.end <= seg.tokens.len());
        for t in &seg.tokens[r.clone()] {
            assert!(s.contains(&t.span), "token inside its sentence");
        }
        assert_eq!(seg.tokens[r.start].span.start, s.start);
        assert_eq!(seg.tokens[r.end - 1].span.end, s.end);
        assert!(seg.paragraphs.iter().any(|p| p.contains(s)), "sentence inside a paragraph");
    }
    for q in &seg.quotes {
        assert!(ok(&q.span) && !q.span.is_empty());
        for f in &q.inner {
            assert!(ok(f) && q.span.contains(f));
        }
    }
}

fn shifted_equal(text: &str, prefix: &str, seg: &Segmenter) {
    let a = seg.segment(text);
    let full = format!("{prefix}{text}");
    let b = seg.segment(&full);
    check(&full, &b);
    let n = prefix.len();
    let sa: Vec<_> = a.sentences.iter().map(|s| s.shift(n)).collect();
    let sb: Vec<_> = b.sentences.iter().copied().filter(|s| s.start >= n).collect();
    assert_eq!(sa, sb, "sentences shift with the prefix");
    let ta: Vec<_> = a.tokens.iter().map(|t| (t.span.shift(n), t.kind)).collect();
    let tb: Vec<_> = b.tokens.iter().filter(|t| t.span.start >= n).map(|t| (t.span, t.kind)).collect();
    assert_eq!(ta, tb, "tokens shift with the prefix");
    let qa: Vec<_> = a.quotes.iter().map(|q| (q.span.shift(n), q.closed)).collect();
    let qb: Vec<_> = b.quotes.iter().filter(|q| q.span.start >= n).map(|q| (q.span, q.closed)).collect();
    assert_eq!(qa, qb, "quotes shift with the prefix");
}

/// Text made of the pieces the segmenter cares about, to reach its branches often.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "Mr.",
        "U.S.",
        "Inc.",
        "Sept.",
        "a.m.",
        "J.",
        "e.g.",
        "No.",
        "5",
        "3.5",
        "1,000",
        "$",
        "%",
        "said",
        "The",
        "he",
        "don't",
        "Putin’s",
        "'90s",
        "rock 'n' roll",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "(",
        ")",
        ".",
        "...",
        "…",
        "?",
        "!",
        ",",
        ":",
        "-",
        "—",
        "\n",
        "\n\n",
        " ",
        "  ",
        "- ",
        "1. ",
        "https://x.example/a.b",
        "a@b.example",
        "@who",
        "#tag",
        ":)",
        "é",
        "\u{301}",
        "\u{a0}",
        "\t",
        "\r\n",
        "ISIS-K",
        "anti-war",
        "cannot",
        "日本",
    ]);
    prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn never_panics_on_arbitrary_strings(text in any::<String>()) {
        let seg = Segmenter::new();
        let out = seg.segment(&text);
        check(&text, &out);
    }

    #[test]
    fn invariants_on_news_like_text(text in newsish()) {
        let seg = Segmenter::new();
        let out = seg.segment(&text);
        check(&text, &out);
    }

    #[test]
    fn shifting_by_a_prefix_shifts_every_span(text in newsish()) {
        // The prefix ends with a paragraph break so it cannot change the first paragraph.
        shifted_equal(&text, "Avant-propos « é ».\n\n", &Segmenter::new());
    }
}

#[test]
fn shared_articles_hold_the_invariants() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/articles");
    let seg = Segmenter::new();
    let mut n = 0;
    for e in std::fs::read_dir(dir).expect("testdata/articles").flatten() {
        if e.path().extension().is_some_and(|x| x == "txt") {
            let text = std::fs::read_to_string(e.path()).expect("readable");
            let out = seg.segment(&text);
            check(&text, &out);
            shifted_equal(&text, "Prefix line.\n\n", &seg);
            assert!(out.sentences.len() > 15);
            n += 1;
        }
    }
    assert!(n >= 10);
}
