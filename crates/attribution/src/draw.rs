//! Attributions drawn under their text, one block per hit: `^` source, `~` cue, `-` content
//! (the fixture snapshots' format; also used to review a candidate model).

use dossier_doc::Span;

use crate::AttributionHit;

/// Every hit with its kind, stance, evidence, parent and chain, and the text it spans with
/// its roles marked underneath.
pub fn draw(text: &str, hits: &[AttributionHit]) -> String {
    let mut out = String::new();
    for (i, h) in hits.iter().enumerate() {
        let mut all: Vec<Span> = vec![h.cue];
        all.extend(h.source);
        all.extend(h.content.iter().copied());
        let lo = all.iter().map(|s| s.start).min().unwrap_or(0);
        let hi = all.iter().map(|s| s.end).max().unwrap_or(0);
        let chain: Vec<&str> = h.chain.iter().map(|s| s.of(text)).collect();
        out.push_str(&format!(
            "#{i} {} {} {} parent={} chain={:?}{}\n",
            h.kind.as_str(),
            h.stance.as_str(),
            h.evidence.as_str(),
            h.parent.map_or("-".to_string(), |p| p.to_string()),
            chain,
            h.source_resolved.map_or(String::new(), |r| format!(" resolved={:?}", r.of(text))),
        ));
        let mut line = String::new();
        let mut marks = String::new();
        for (b, ch) in text[lo..hi].char_indices() {
            let at = lo + b;
            line.push(if ch == '\n' { '⏎' } else { ch });
            let inside = |s: &Span| s.start <= at && at < s.end;
            marks.push(if inside(&h.cue) {
                '~'
            } else if h.source.as_ref().is_some_and(inside) {
                '^'
            } else if h.content.iter().any(inside) {
                '-'
            } else {
                ' '
            });
        }
        out.push_str(&format!("  {line}\n  {}\n", marks.trim_end()));
    }
    out
}
