//! The shipped models: they load, tag sensibly, refuse corrupt files, never panic, and
//! (when the shared corpora are present) meet the regression gates.

use dossier_tag::{EntityLabel, ModelError, Ner, Spacing, Tagger};
use proptest::prelude::*;

const POS_BIN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/pos.bin");
const NER_BIN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/ner.bin");

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

#[test]
fn embedded_tagger_tags_a_fixture_sentence() {
    let t = Tagger::global().expect("embedded POS model loads");
    let w = words("The new mayor said on Tuesday that the council would vote again .");
    let tags = t.tag(&w);
    assert_eq!(tags.len(), w.len());
    let upos: Vec<&str> = tags.iter().map(|t| t.upos()).collect();
    assert_eq!(upos[0], "DET");
    assert_eq!(upos[2], "NOUN");
    assert_eq!(upos[3], "VERB");
    assert_eq!(tags[3].xpos(), "VBD");
    assert_eq!(upos[5], "PROPN");
    assert_eq!(upos[12], "PUNCT");
    assert!(t.tag(&[]).is_empty());
}

#[test]
fn embedded_ner_finds_people_places_and_organisations() {
    let t = Tagger::global().unwrap();
    let n = Ner::global().expect("embedded NER model loads");
    let doc = [
        words("Vladimir Putin spoke in Moscow on Friday , the Kremlin said ."),
        words("Officials at the World Health Organization in Geneva declined to comment ."),
    ];
    let spans = n.tag_document_with(t, &doc);
    let found: Vec<(String, EntityLabel)> = doc
        .iter()
        .zip(&spans)
        .flat_map(|(s, sp)| sp.iter().map(move |e| (s[e.start..e.end].join(" "), e.label)))
        .collect();
    for want in [
        ("Vladimir Putin", EntityLabel::Per),
        ("Moscow", EntityLabel::Loc),
        ("World Health Organization", EntityLabel::Org),
        ("Geneva", EntityLabel::Loc),
    ] {
        assert!(found.iter().any(|(s, l)| s == want.0 && *l == want.1), "missing {want:?} in {found:?}");
    }
}

/// Regression: the per-thread word-type cache must not change results between a cold and a
/// warm call, nor between documents sharing words.
#[test]
fn type_cache_gives_the_same_tags_cold_and_warm() {
    let t = Tagger::global().unwrap();
    let n = Ner::global().unwrap();
    let a = [
        words("The mayor of Riverton met officials from the Harbor Authority on Monday ."),
        words("Riverton officials said the authority would publish its figures ."),
    ];
    let b = [words("Officials in Geneva said the Harbor Authority had not replied .")];
    dossier_tag::clear_thread_cache();
    let cold_a = n.tag_with_pos(t, &a);
    let cold_b = n.tag_with_pos(t, &b);
    let warm_a = n.tag_with_pos(t, &a);
    let warm_b = n.tag_with_pos(t, &b);
    assert_eq!(cold_a, warm_a);
    assert_eq!(cold_b, warm_b);
    let pos_a: Vec<_> = a.iter().map(|s| t.tag(s)).collect();
    assert_eq!(warm_a.0, pos_a);
    assert_eq!(warm_a.1, n.tag_document(&a, &pos_a));
}

#[test]
fn corrupt_model_files_are_refused_with_clear_errors() {
    for path in [POS_BIN, NER_BIN] {
        let good = std::fs::read(path).unwrap();
        let load = |b: &[u8]| -> Result<(), ModelError> {
            if path == POS_BIN {
                Tagger::from_bytes(b).map(|_| ())
            } else {
                Ner::from_bytes(b).map(|_| ())
            }
        };
        load(&good).unwrap();
        let mut flipped = good.clone();
        let mid = flipped.len() / 2;
        flipped[mid] ^= 0x40;
        let e = load(&flipped).unwrap_err();
        assert!(matches!(e, ModelError::Checksum { .. }), "{e}");
        assert!(e.to_string().contains("corrupt"));
        let mut magic = good.clone();
        magic[0] = b'X';
        assert_eq!(load(&magic).unwrap_err(), ModelError::BadMagic);
        let mut version = good.clone();
        // A version this build does not read (POS reads formats 2 to 4).
        version[12] = version[12].wrapping_add(16);
        assert!(matches!(load(&version).unwrap_err(), ModelError::Version { .. }));
        assert_eq!(load(&good[..good.len() - 3]).unwrap_err(), ModelError::Truncated);
        assert!(matches!(load(&[]).unwrap_err(), ModelError::BadMagic));
    }
    // A POS file is not a NER file.
    let pos = std::fs::read(POS_BIN).unwrap();
    assert!(matches!(Ner::from_bytes(&pos).unwrap_err(), ModelError::WrongKind { .. }));
    assert!(matches!(Tagger::load(std::path::Path::new("/nonexistent/pos.bin")), Err(ModelError::Io { .. })));
}

#[test]
fn models_are_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Tagger>();
    assert_send_sync::<Ner>();
    let handles: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(|| {
                let t = Tagger::global().unwrap();
                t.tag(&["Rivers", "rise", "."]).len()
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), 3);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn never_panics_on_arbitrary_tokens(
        doc in proptest::collection::vec(proptest::collection::vec("\\PC{0,12}|[A-Z]{1,3}|\\PC{200,300}", 0..12), 0..4)
    ) {
        let t = Tagger::global().unwrap();
        let n = Ner::global().unwrap();
        let sents: Vec<Vec<&str>> = doc.iter().map(|s| s.iter().map(String::as_str).collect()).collect();
        let pos: Vec<_> = sents.iter().map(|s| t.tag(s)).collect();
        for (s, p) in sents.iter().zip(&pos) {
            prop_assert_eq!(s.len(), p.len());
        }
        // The cached path (per-document types, per-thread cache) agrees with the plain one.
        let (pos2, spans2) = n.tag_with_pos(t, &sents);
        prop_assert_eq!(&pos2, &pos);
        prop_assert_eq!(spans2, n.tag_document(&sents, &pos));
        // With spacing (made up; the last sentence's left unknown) the cached path agrees with
        // the plain one too.
        let spacing: Vec<Vec<Spacing>> = sents
            .iter()
            .enumerate()
            .take(sents.len().saturating_sub(1))
            .map(|(k, s)| Spacing::from_space_after(&(0..s.len()).map(|i| (i * 7 + k) % 3 == 0).collect::<Vec<_>>()))
            .collect();
        let (pos3, spans3) = n.tag_with_pos_spaced(t, &sents, &spacing);
        prop_assert_eq!(&pos3, &t.tag_document_spaced(&sents, &spacing));
        prop_assert_eq!(spans3, n.tag_document(&sents, &pos3));
        for (k, s) in sents.iter().enumerate() {
            let sp = spacing.get(k).map_or(&[][..], Vec::as_slice);
            prop_assert_eq!(&pos3[k], &t.tag_spaced(s, sp));
        }
        // Also with missing POS rows.
        let spans = n.tag_document(&sents, &pos[..pos.len() / 2]);
        prop_assert_eq!(spans.len(), sents.len());
        for (s, sp) in sents.iter().zip(&spans) {
            for e in sp {
                prop_assert!(e.start < e.end && e.end <= s.len());
            }
        }
    }
}

/// CI gate: the committed models on the shared corpora (skipped when absent).
#[test]
fn regression_gates_on_shared_data() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data");
    let dev = data.join("ud-english-ewt/en_ewt-ud-dev.conllu");
    let testa = data.join("conll2003/eng.testa");
    if !dev.exists() || !testa.exists() {
        eprintln!("shared data absent: regression gates skipped");
        return;
    }
    let pos = dossier_tag::eval_pos(&dev).unwrap();
    eprintln!("EWT dev: {pos}");
    assert!(pos.upos_accuracy() >= 0.950, "UPOS {:.4}", pos.upos_accuracy());
    let ner = dossier_tag::eval_ner(&testa).unwrap();
    eprintln!("CoNLL testa: {ner}");
    assert!(ner.f1() >= 0.910, "F1 {:.4}", ner.f1());
}
