//! Golden fixtures in tests/golden: expected sentence splits and quotations. Each case is
//! also run shifted by a prefix, to catch code that assumes absolute offsets.

use dossier_segment::{Segmentation, Segmenter};

struct Case {
    name: String,
    input: String,
    expected: Vec<String>,
}

fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
}

fn cases(src: &str) -> Vec<Case> {
    let mut out = Vec::new();
    for block in src.split("\n### ").skip(1) {
        let (name, body) = block.split_once('\n').expect("case has a body");
        let (input, expected) =
            body.split_once("\n---\n").or_else(|| body.split_once("\n---")).expect("case has ---");
        out.push(Case {
            name: name.trim().to_string(),
            input: unescape(input),
            expected: expected.lines().filter(|l| !l.trim().is_empty()).map(unescape).collect(),
        });
    }
    assert!(!out.is_empty());
    out
}

const PREFIX: &str = "Préambule — «x».\n\n";

fn check_spans(text: &str, seg: &Segmentation) {
    for s in seg.sentences.iter().chain(&seg.paragraphs).chain(seg.tokens.iter().map(|t| &t.span)) {
        assert!(s.start < s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    }
}

#[test]
fn golden_sentences() {
    let seg = Segmenter::new();
    let mut failures = Vec::new();
    for case in cases(include_str!("golden/sentences.txt")) {
        let got = seg.segment(&case.input);
        check_spans(&case.input, &got);
        let texts: Vec<String> = got.sentences.iter().map(|s| s.of(&case.input).to_string()).collect();
        if texts != case.expected {
            failures.push(format!("{}:\n  expected {:?}\n  got      {:?}", case.name, case.expected, texts));
            continue;
        }
        // Shifted by a prefix: the same sentences, offsets moved by exactly its length.
        let shifted = format!("{PREFIX}{}", case.input);
        let got2 = seg.segment(&shifted);
        let tail: Vec<_> =
            got2.sentences.iter().filter(|s| s.start >= PREFIX.len()).map(|s| s.shift(0)).collect();
        let want: Vec<_> = got.sentences.iter().map(|s| s.shift(PREFIX.len())).collect();
        assert_eq!(tail, want, "{}: shifted", case.name);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn describe(text: &str, seg: &Segmentation) -> Vec<String> {
    let mut out = Vec::new();
    for q in &seg.quotes {
        let tag = if q.closed { "closed" } else { "open" };
        out.push(format!("{tag}: {}", q.span.of(text)));
        out.push(format!("inner: {}", q.inner.iter().map(|f| f.of(text)).collect::<Vec<_>>().join(" | ")));
    }
    out
}

#[test]
fn golden_quotes() {
    let seg = Segmenter::new();
    let mut failures = Vec::new();
    for case in cases(include_str!("golden/quotes.txt")) {
        let got = seg.segment(&case.input);
        check_spans(&case.input, &got);
        let all = describe(&case.input, &got);
        // "inner:" lines are optional in the fixture: compare those given.
        let mut want = case.expected.iter().peekable();
        let mut ok = true;
        let mut got_cmp = Vec::new();
        let mut i = 0;
        while i < all.len() {
            let head = &all[i];
            let inner = &all[i + 1];
            got_cmp.push(head.clone());
            if want.peek() == Some(&head) {
                want.next();
                if want.peek().is_some_and(|w| w.starts_with("inner:")) {
                    got_cmp.push(inner.clone());
                    ok &= want.next() == Some(inner);
                }
            } else {
                ok = false;
            }
            i += 2;
        }
        if !ok || want.next().is_some() {
            failures.push(format!("{}:\n  expected {:?}\n  got      {:?}", case.name, case.expected, all));
            continue;
        }
        let shifted = format!("{PREFIX}{}", case.input);
        let got2 = seg.segment(&shifted);
        let spans2: Vec<_> =
            got2.quotes.iter().filter(|q| q.span.start >= PREFIX.len()).map(|q| q.span).collect();
        let want2: Vec<_> = got.quotes.iter().map(|q| q.span.shift(PREFIX.len())).collect();
        assert_eq!(spans2, want2, "{}: shifted", case.name);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
