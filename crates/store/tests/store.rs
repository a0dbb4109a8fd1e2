//! The same checks for every Store implementation.

mod common;

use dossier_link::ClaimFilter;
use dossier_store::{MemStore, Prepared, SqliteStore, Store};

fn load(store: &mut impl Store) {
    let batch: Vec<Prepared> = common::corpus().into_iter().map(Prepared::from_record).collect();
    let out = store.put(&batch).unwrap();
    assert_eq!((out.added, out.existing, out.errors_added), (5, 0, 1));
    // Idempotent: the same batch again adds nothing.
    let again = store.put(&batch).unwrap();
    assert_eq!((again.added, again.existing, again.errors_added, again.errors_existing), (0, 5, 0, 1));
}

fn key_of(store: &impl Store, input: &str) -> String {
    store.resolve(input).unwrap().unwrap_or_else(|| panic!("{input} not stored"))
}

fn check(store: &mut impl Store) {
    load(store);
    let stats = store.stats().unwrap();
    assert_eq!(stats.documents, 5);
    assert_eq!(stats.errors, 1);
    assert_eq!(stats.attributions, 3);
    assert_eq!(stats.clusters, 1, "original, copy and truncated copy form one group");

    let orig = key_of(store, "orig.txt");
    let copy = key_of(store, "copy.txt");
    let trunc = key_of(store, "trunc.txt");
    let p = store.provenance("copy.txt").unwrap().unwrap();
    assert_eq!(p.id, copy);
    assert_eq!(p.origin.id.as_deref(), Some(orig.as_str()));
    assert_eq!(p.origin.outlet.as_deref(), Some("Harbour Wire"));
    assert_eq!(p.cluster, [orig.clone(), copy.clone(), trunc.clone()]);
    assert_eq!(p.copied_from.as_deref(), Some(orig.as_str()));
    assert_eq!(p.origin.evidence[0].kind, "credit_line");
    let po = store.provenance(&orig[..8]).unwrap().unwrap();
    assert_eq!(po.copied_from, None);
    let lib = store.provenance("lib.txt").unwrap().unwrap();
    assert_eq!(lib.cluster.len(), 1);
    assert!(store.provenance("nope").unwrap().is_none());

    let claims = store.claims(&ClaimFilter::default()).unwrap();
    let freeze = claims.iter().find(|c| c.source == "Mara Quist").expect("Quist's claim");
    assert_eq!(freeze.documents, [orig.clone(), copy.clone()]);
    assert_eq!(freeze.outlets, ["Harbour Wire", "Island Daily"]);
    assert_eq!(freeze.independent_outlets, 1, "a syndicated copy is not independent corroboration");
    assert_eq!(freeze.first_seen.as_deref(), Some("2024-03-04"));
    assert_eq!(freeze.contradicted_by.len(), 1);
    assert_eq!(freeze.contradicted_by[0].source, "Bluewake");
    let by = store.claims(&ClaimFilter { by: Some("bluewake".into()), ..Default::default() }).unwrap();
    assert_eq!(by.len(), 1);
    let about = store.claims(&ClaimFilter { about: Some("library".into()), ..Default::default() }).unwrap();
    assert!(about.is_empty());

    let quist =
        store.claims(&ClaimFilter { about: Some("ferry fares".into()), ..Default::default() }).unwrap();
    assert_eq!(quist.len(), 1, "{quist:?}");
    assert_eq!(quist[0], *freeze);
    let first = store.claims(&ClaimFilter { limit: Some(1), ..Default::default() }).unwrap();
    assert_eq!(first, claims[..1]);
    assert!(store
        .claims(&ClaimFilter { by: Some("nobody here".into()), ..Default::default() })
        .unwrap()
        .is_empty());

    let entities = store.entities(None).unwrap();
    assert_eq!(store.entities(Some(1)).unwrap(), entities[..1]);
    assert_eq!(entities[0].name, "Mara Quist");
    assert_eq!(entities[0].documents, 3, "merged through the alias Quist");
    assert!(entities[0].aliases.contains(&"Councillor Mara Quist".to_string()));

    let tl = store.timeline(None).unwrap();
    assert_eq!(tl.len(), 2);
    assert_eq!(tl[0].value, "2024-03-01");
    assert!(tl[0].event.is_some());
    let tl = store.timeline(Some("QUIST")).unwrap();
    assert_eq!(tl.len(), 1);
    assert_eq!(tl[0].document, orig);

    let hits = store.search("library evening", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].title.as_deref(), Some("Library extends opening hours"));
    assert!(hits[0].snippet.to_lowercase().contains("librar"), "{}", hits[0].snippet);
    assert!(store.search("ferry", 10).unwrap().len() >= 3);
    assert!(store.search("  \"*( ", 10).unwrap().is_empty(), "query syntax is never passed through");
    let d = store.document(&orig).unwrap().unwrap();
    assert_eq!(d.input_id, "orig.txt");
}

#[test]
fn mem_store() {
    check(&mut MemStore::new());
}

#[test]
fn sqlite_store_in_memory() {
    check(&mut SqliteStore::open_in_memory().unwrap());
}

#[test]
fn sqlite_store_on_disk_reopens_with_the_same_content() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.db");
    let digest = {
        let mut s = SqliteStore::open(&path).unwrap();
        check(&mut s);
        s.digest().unwrap()
    };
    let s = SqliteStore::open_existing(&path).unwrap();
    assert_eq!(s.digest().unwrap(), digest);
    assert_eq!(s.stats().unwrap().documents, 5);
}

#[test]
fn batches_in_any_split_give_the_same_store() {
    let prepared: Vec<Prepared> = common::corpus().into_iter().map(Prepared::from_record).collect();
    let mut one = SqliteStore::open_in_memory().unwrap();
    one.put(&prepared).unwrap();
    let mut split = SqliteStore::open_in_memory().unwrap();
    for p in prepared.chunks(2) {
        split.put(p).unwrap();
    }
    assert_eq!(one.digest().unwrap(), split.digest().unwrap());
}

/// Many documents quoting one busy source (more claim groups than the SQLite store reads from
/// the database each time, so its in-memory seed cache is used), plus denials by another
/// source: both stores give the same claims and entities, in one batch or many, and a
/// reopened store (cold cache) continues the same way.
#[test]
fn a_busy_source_gives_the_same_claims_in_every_store() {
    const TOPICS: [&str; 8] = ["ferry", "budget", "bridge", "school", "library", "harbour", "clinic", "tram"];
    const VERBS: [&str; 6] = ["opens", "closes", "grows", "shrinks", "moves", "waits"];
    let mut records = Vec::new();
    for i in 0..120 {
        let t = TOPICS[i % TOPICS.len()];
        let v = VERBS[(i / TOPICS.len()) % VERBS.len()];
        let n = i / (TOPICS.len() * VERBS.len());
        let content = format!("the {t} {v} in week {n} alpha{i}");
        let denial = format!("the {t} {v} in week {n}");
        let text = format!("Item {i}\n\nMayor Ada Brook said {content}. The union denied {denial}.");
        let attrs = [
            common::Attr { source: "Ada Brook", cue: "said", content: &content, stance: "asserts" },
            common::Attr { source: "union", cue: "denied", content: &denial, stance: "denies" },
        ];
        records.push(common::record(
            &format!("busy{i}.txt"),
            ["North Post", "South Post", "East Post"][i % 3],
            &format!("2024-0{}-1{}", 1 + i % 9, i % 10),
            &text,
            None,
            &[("Ada Brook", "PER", &["Mayor Ada Brook", "Ada Brook"])],
            &attrs,
            &[],
        ));
    }
    let prepared: Vec<Prepared> = records.into_iter().map(Prepared::from_record).collect();
    let mut mem = MemStore::new();
    mem.put(&prepared).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("busy.db");
    {
        let mut one = SqliteStore::open(&path).unwrap();
        one.put(&prepared[..70]).unwrap();
    }
    let mut sq = SqliteStore::open(&path).unwrap();
    for chunk in prepared[70..].chunks(7) {
        sq.put(chunk).unwrap();
    }
    let mut single = SqliteStore::open_in_memory().unwrap();
    single.put(&prepared).unwrap();
    let all = ClaimFilter::default();
    let expected = mem.claims(&all).unwrap();
    assert!(expected.iter().filter(|c| c.source == "Ada Brook").count() > 40, "{}", expected.len());
    assert!(expected.iter().any(|c| !c.contradicted_by.is_empty()));
    assert_eq!(sq.claims(&all).unwrap(), expected);
    assert_eq!(single.claims(&all).unwrap(), expected);
    assert_eq!(sq.digest().unwrap(), single.digest().unwrap());
    for f in [
        ClaimFilter { by: Some("brook".into()), limit: Some(5), ..Default::default() },
        ClaimFilter { about: Some("library week".into()), ..Default::default() },
        ClaimFilter { by: Some("union".into()), about: Some("tram".into()), ..Default::default() },
        // Many matches, few wanted (the store walks the output order) and the opposite.
        ClaimFilter { about: Some("week".into()), limit: Some(3), ..Default::default() },
        ClaimFilter { about: Some("alpha7".into()), limit: Some(1), ..Default::default() },
    ] {
        assert_eq!(sq.claims(&f).unwrap(), mem.claims(&f).unwrap(), "{f:?}");
    }
    assert_eq!(sq.entities(None).unwrap(), mem.entities(None).unwrap());
    assert_eq!(sq.stats().unwrap(), mem.stats().unwrap());
}

/// A claim's independence changes when a later batch brings the original of one of its
/// documents (the copy then counts with its origin's outlet), and its display name follows the
/// most frequent spelling: the SQLite store keeps both up to date at ingest and answers as
/// the in-memory store does, in one batch or several.
#[test]
fn independence_and_spellings_follow_later_batches() {
    use common::{record, Attr, ORIGINAL};
    let quote = "ferry fares would stay frozen for a second year";
    let copy = format!("{ORIGINAL}\n\nSubscribe to our newsletter for more island news.");
    let pier = format!(
        "Pier notes\n\nMARA QUIST said {quote} at the pier meeting, where fishermen asked about \
         moorings, lighting on the breakwater and the winter schedule of the night crossing."
    );
    let hall = format!(
        "Hall debate\n\nAt a crowded town hall, where teachers wanted a new gym and parents a safer \
         crossing near the school, MARA QUIST said {quote} before the vote on the library budget."
    );
    let recs = vec![
        // A copy of ORIGINAL quoting Quist, seen before its original.
        record(
            "copy.txt",
            "Island Daily",
            "2024-03-05",
            &copy,
            None,
            &[("Mara Quist", "PER", &["Councillor Mara Quist"])],
            &[Attr { source: "Councillor Mara Quist", cue: "said", content: quote, stance: "asserts" }],
            &[],
        ),
        record(
            "pier.txt",
            "Harbour Wire",
            "2024-03-08",
            &pier,
            None,
            &[],
            &[Attr { source: "MARA QUIST", cue: "said", content: quote, stance: "asserts" }],
            &[],
        ),
        // The original (earlier, by Harbour Wire): the copy now counts as Harbour Wire.
        record("orig.txt", "Harbour Wire", "2024-03-04", ORIGINAL, None, &[], &[], &[]),
        record(
            "hall.txt",
            "Coast Notes",
            "2024-03-09",
            &hall,
            None,
            &[],
            &[Attr { source: "MARA QUIST", cue: "said", content: quote, stance: "asserts" }],
            &[],
        ),
    ];
    let prepared: Vec<Prepared> = recs.into_iter().map(Prepared::from_record).collect();
    let mut mem = MemStore::new();
    let mut one = SqliteStore::open_in_memory().unwrap();
    let mut split = SqliteStore::open_in_memory().unwrap();
    let all = ClaimFilter::default();
    for (i, p) in prepared.iter().enumerate() {
        mem.put(std::slice::from_ref(p)).unwrap();
        split.put(std::slice::from_ref(p)).unwrap();
        assert_eq!(split.claims(&all).unwrap(), mem.claims(&all).unwrap(), "after {} documents", i + 1);
    }
    one.put(&prepared).unwrap();
    let claims = mem.claims(&all).unwrap();
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(claims[0].independent_outlets, 2, "the copy counts with its origin, Harbour Wire");
    assert_eq!(claims[0].source, "MARA QUIST");
    assert_eq!(one.claims(&all).unwrap(), claims);
    assert_eq!(one.digest().unwrap(), split.digest().unwrap());
}

/// The ingest command hands the store to a writer thread: it must stay `Send` (per-store
/// caches hold `Arc`, not `Rc`).
#[test]
fn the_sqlite_store_can_move_to_another_thread() {
    fn send<T: Send>() {}
    send::<SqliteStore>();
    send::<MemStore>();
}

/// A speaker the sentence does not repeat ("… said A, saying B") has no source span but ends
/// the chain: the claim is still that speaker's. With neither, the claim is unsaid.
#[test]
fn a_claim_without_a_source_span_takes_the_last_name_of_its_chain() {
    use dossier_doc::contract::Record;
    let mut rec = common::record(
        "a.txt",
        "Harbour Wire",
        "2024-03-04",
        common::DENIAL,
        None,
        &[("Bluewake", "ORG", &["Bluewake"])],
        &[common::Attr { source: "Bluewake", cue: "saying", content: "its costs", stance: "asserts" }],
        &[],
    );
    let Record::Ok(r) = &mut rec else { unreachable!() };
    r.attributions[0].source = None;
    let source = |rec: Record| match Prepared::from_record(rec) {
        Prepared::Doc(d) => d.attributions[0].source.clone(),
        Prepared::Error { message, .. } => panic!("{message}"),
    };
    assert_eq!(source(rec.clone()).as_deref(), Some("Bluewake"));
    let Record::Ok(r) = &mut rec else { unreachable!() };
    r.attributions[0].chain.clear();
    assert_eq!(source(rec), None);
}
