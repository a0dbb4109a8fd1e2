//! What an author's bio says is no finding of the article: no times, attributions or events
//! come from it, while the article before it is read as usual and the author stays an entity.

use dossier_doc::contract::{OkRecord, Record};
use dossier_ingest::RawDoc;
use dossier_pipeline::{Pipeline, PipelineOptions};

fn analyze(text: &str) -> OkRecord {
    let pipeline = Pipeline::new(PipelineOptions::default()).expect("shipped models load");
    match pipeline.run(Ok(RawDoc::text("t", text))) {
        Record::Ok(r) => *r,
        Record::Error(e) => panic!("error record: {}", e.error),
    }
}

#[test]
fn a_trailing_author_bio_yields_no_times_attributions_or_events() {
    let text = "Ferry services to the outer islands were suspended on Monday after a storm damaged \
                two piers, the harbour authority said.\n\n\
                The authority warned that repairs could take three weeks.\n\n\
                Lena Marsh is a freelance writer who covers transport and public safety. With more \
                than a decade in regional newsrooms, she said she brings a close eye to stories \
                about how public money is spent.\n";
    let r = analyze(text);
    let chars: Vec<char> = r.text.chars().collect();
    let bio = r.boilerplate.iter().find(|b| b.kind == "author_bio").expect("the bio is found");
    let inside = |s: &dossier_doc::contract::JSpan| bio.span.start <= s.start && s.end <= bio.span.end;
    assert_eq!(chars[bio.span.start..bio.span.end].iter().collect::<String>(), bio.span.text);
    // The article is read: its attributions and times are there.
    assert!(r.attributions.iter().any(|a| a.cue.text == "said" && !inside(&a.cue)), "{:?}", r.attributions);
    assert!(r.attributions.iter().any(|a| a.cue.text == "warned"));
    assert!(r.timexes.iter().any(|t| t.span.text == "three weeks"));
    // The bio is not.
    assert!(r.timexes.iter().all(|t| !inside(&t.span)), "{:?}", r.timexes);
    assert!(r.attributions.iter().all(|a| !inside(&a.cue)), "{:?}", r.attributions);
    assert!(r.events.iter().all(|e| !inside(&e.trigger)));
    // Every parent is an attribution of the record.
    assert!(r
        .attributions
        .iter()
        .all(|a| a.parent.as_ref().is_none_or(|p| r.attributions.iter().any(|b| &b.id == p))));
    // The author is still an entity.
    assert!(r.entities.iter().any(|e| e.name == "Lena Marsh"), "{:?}", r.entities);
}
