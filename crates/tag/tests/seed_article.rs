//! The motivating article (read from the shared folder, never copied here): the people,
//! organisations and places it names come out with the right labels. Skipped when absent.

use dossier_tag::{EntityLabel, Ner, Tagger};

#[test]
fn seed_article_entities_have_the_right_labels() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/article.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("seed article absent: skipped");
        return;
    };
    let seg = dossier_segment::Segmenter::new().segment(&text);
    let sentences: Vec<Vec<&str>> = seg
        .sentence_tokens
        .iter()
        .map(|r| seg.tokens[r.clone()].iter().map(|t| &text[t.span.start..t.span.end]).collect())
        .collect();
    let sentence_tokens: Vec<&[dossier_segment::Token]> =
        seg.sentence_tokens.iter().map(|r| &seg.tokens[r.clone()]).collect();
    let (pos, spans) = Ner::global().unwrap().tag_with_pos(Tagger::global().unwrap(), &sentences);
    assert_eq!(pos.len(), sentences.len());
    // Entity text is the original text from the first token's start to the last token's end.
    let found: Vec<(String, EntityLabel)> = sentence_tokens
        .iter()
        .zip(&spans)
        .flat_map(|(toks, sp)| {
            sp.iter().map(|e| (text[toks[e.start].span.start..toks[e.end - 1].span.end].to_string(), e.label))
        })
        .collect();
    use EntityLabel::*;
    let want = [
        ("Vladimir Putin", Per),
        ("Mikhail Khodorkovsky", Per),
        ("Adrienne Watson", Per),
        ("Dossier Center", Org),
        ("CNN", Org),
        ("ISIS-K", Org),
        ("National Security Council", Org),
        ("US Embassy", Org),
        ("Skai", Org),
        ("Moscow", Loc),
        ("Ukraine", Loc),
        ("Tajikistan", Loc),
        ("London", Loc),
        ("Washington", Loc),
    ];
    let mut missing = Vec::new();
    for (name, label) in want {
        // The name was found, and most of its mentions carry the label (an entity's type in
        // `dossier analyze` is its mentions' vote; a name used as a modifier, "the X report",
        // may be tagged MISC on its own).
        let labels: Vec<EntityLabel> = found.iter().filter(|(s, _)| s == name).map(|(_, l)| *l).collect();
        let right = labels.iter().filter(|l| **l == label).count();
        if labels.is_empty() || 2 * right <= labels.len() {
            missing.push(format!("{name}: want {label}, got {labels:?}"));
        }
    }
    assert!(missing.is_empty(), "{missing:#?}\nall found: {found:?}");
}
