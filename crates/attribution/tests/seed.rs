//! The "done when" list on the seed article (skipped when /work/shared is absent).

use dossier_attribution::{analyze, AttributionHit, Evidence, Stance};

const SEED: &str = "/work/shared/seed/article.txt";

fn hit<'a>(
    text: &str,
    hits: &'a [AttributionHit],
    pred: impl Fn(&AttributionHit) -> bool,
) -> Option<&'a AttributionHit> {
    let _ = text;
    hits.iter().find(|h| pred(h))
}

#[test]
fn seed_article_done_when() {
    let Ok(text) = std::fs::read_to_string(SEED) else {
        eprintln!("skipping: {SEED} not present");
        return;
    };
    let hits = analyze(&text);
    let t = |s: &dossier_doc::Span| s.of(&text).to_string();
    let dump: String = hits
        .iter()
        .enumerate()
        .map(|(i, h)| {
            format!(
                "#{i} src={:?} res={:?} cue={:?} content={:?} parent={:?} chain={:?} {:?} {:?}\n",
                h.source.map(|s| t(&s)),
                h.source_resolved.map(|s| t(&s)),
                t(&h.cue),
                h.content.iter().map(t).collect::<Vec<_>>(),
                h.parent,
                h.chain.iter().map(t).collect::<Vec<_>>(),
                h.stance,
                h.evidence
            )
        })
        .collect();
    let has = |s: &Option<dossier_doc::Span>, w: &str| s.is_some_and(|s| s.of(&text).contains(w));
    let mut failures = Vec::new();
    let mut expect = |ok: bool, what: &str| {
        if !ok {
            failures.push(what.to_string());
        }
    };
    expect(
        hit(&text, &hits, |h| h.cue.of(&text).contains("suggested") && h.evidence == Evidence::Unsupported)
            .is_some(),
        "Putin's claim about Ukraine is unsupported",
    );
    expect(
        hit(&text, &hits, |h| has(&h.source, "Ukraine") && h.stance == Stance::Denies).is_some(),
        "Ukraine's reply denies",
    );
    expect(
        hit(&text, &hits, |h| has(&h.source, "Kremlin") && h.stance == Stance::NoComment).is_some(),
        "the Kremlin's silence is no_comment",
    );
    expect(
        hit(&text, &hits, |h| has(&h.source, "ISIS") && h.stance == Stance::ClaimsResponsibility).is_some(),
        "ISIS claims responsibility",
    );
    let chain_has = |h: &AttributionHit, first: &str, last: &str| {
        h.chain.len() >= 2
            && h.chain[0].of(&text).contains(first)
            && h.chain.last().is_some_and(|s| s.of(&text).contains(last))
    };
    expect(
        hits.iter().any(|h| chain_has(h, "Dossier Center", "Russian security service")),
        "the report quote's chain runs from the Dossier Center through the Russian security service",
    );
    let headline_end = text.find('\n').unwrap_or(text.len());
    expect(
        hits.iter().any(|h| h.cue.start < headline_end && chain_has(h, "organization", "documents")),
        "the headline's chain runs from the group to the documents",
    );
    expect(
        hits.iter().any(|h| h.cue.of(&text) == "added" && has(&h.source_resolved, "Dossier Center")),
        "\"he added\" resolves to the Dossier Center",
    );
    expect(
        hits.iter().any(|h| {
            has(&h.source, "Adrienne Watson")
                && h.content.iter().any(|c| c.of(&text).contains("obligation to warn"))
        }),
        "Adrienne Watson is the source of the \"obligation to warn\" statement",
    );
    assert!(failures.is_empty(), "failed: {failures:#?}\n{dump}");
}
