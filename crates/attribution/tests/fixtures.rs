//! Fixture articles (written for these tests) with their attributions drawn under the text
//! as insta snapshots: `^` source, `~` cue, `-` content. Each case also runs shifted by a
//! prefix, and a few phenomena are asserted outright.

use dossier_attribution::draw::draw;
use dossier_attribution::{analyze, AttributionHit, Evidence, Kind, Stance};
use dossier_doc::Span;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).expect("fixture")
}

fn check_spans(text: &str, hits: &[AttributionHit]) {
    for h in hits {
        for s in
            h.source.iter().chain(h.source_resolved.iter()).chain([&h.cue]).chain(&h.content).chain(&h.chain)
        {
            assert!(s.start <= s.end && s.end <= text.len(), "{s:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        if let Some(p) = h.parent {
            assert!(p < hits.len());
        }
    }
}

fn run(name: &str) -> (String, Vec<AttributionHit>) {
    let text = fixture(name);
    let hits = analyze(&text);
    check_spans(&text, &hits);
    // Shifted by a prefix: the same hits, offsets moved.
    let prefix = "Préambule — «x».\n\n";
    let shifted = format!("{prefix}{text}");
    let hits2 = analyze(&shifted);
    let moved: Vec<(Span, Option<Span>)> =
        hits.iter().map(|h| (h.cue.shift(prefix.len()), h.source.map(|s| s.shift(prefix.len())))).collect();
    let got: Vec<(Span, Option<Span>)> =
        hits2.iter().filter(|h| h.cue.start >= prefix.len()).map(|h| (h.cue, h.source)).collect();
    assert_eq!(moved, got, "{name}: hits change when the text is shifted");
    (text, hits)
}

fn find<'a>(text: &str, hits: &'a [AttributionHit], cue: &str, near: &str) -> &'a AttributionHit {
    let at = text.find(near).unwrap_or_else(|| panic!("fixture lacks {near:?}"));
    hits.iter()
        .filter(|h| h.cue.of(text).contains(cue))
        .min_by_key(|h| h.cue.start.abs_diff(at))
        .unwrap_or_else(|| panic!("no hit with cue {cue:?} near {near:?}:\n{}", draw(text, hits)))
}

#[test]
fn port_strike() {
    let (text, hits) = run("01-port-strike.txt");
    insta::assert_snapshot!("01-port-strike", draw(&text, &hits));
    // Quote with the speaker after the verb; quote split around "she said".
    let h = find(&text, &hits, "said", "said Marta");
    assert_eq!(h.kind, Kind::Direct);
    assert!(h.source.unwrap().of(&text).contains("Marta Lindqvist"));
    // Cues without content.
    assert_eq!(find(&text, &hits, "declined to comment", "declined").stance, Stance::NoComment);
    assert_eq!(find(&text, &hits, "has not responded", "has not responded").stance, Stance::NoComment);
    // Nesting: memos cited by a group.
    let h = find(&text, &hits, "According to", "According to internal");
    assert!(h.source.unwrap().of(&text).contains("memos"), "{}", draw(&text, &hits));
    let p = h.parent.expect("the memos are nested in the group's attribution");
    assert!(hits[p].source.unwrap().of(&text).contains("watchdog group"));
    let chain: Vec<&str> = h.chain.iter().map(|s| s.of(&text)).collect();
    assert!(chain[0].contains("watchdog group") && chain.last().unwrap().contains("memos"), "{chain:?}");
    // Verbless layout: quote, dash, name.
    let h = find(&text, &hits, "—", "— Tomas");
    assert!(h.source.unwrap().of(&text).starts_with("Tomas Berg"));
    // "told X that": X enters the chain before the source.
    let h = find(&text, &hits, "told", "told the Halden");
    let chain: Vec<&str> = h.chain.iter().map(|s| s.of(&text)).collect();
    assert!(chain.iter().any(|c| c.contains("Halden Courier")), "{chain:?}");
}

#[test]
fn ministry_leak() {
    let (text, hits) = run("02-ministry-leak.txt");
    insta::assert_snapshot!("02-ministry-leak", draw(&text, &hits));
    // "the report said, citing logs": the logs are nested in the report's attribution.
    let h = find(&text, &hits, "citing", "citing engineering");
    assert!(h.parent.is_some());
    assert!(h.source.unwrap().of(&text).contains("engineering logs"));
    assert_eq!(find(&text, &hits, "denied", "denied that").stance, Stance::Denies);
    assert_eq!(find(&text, &hits, "dismissed", "dismissed the audit").stance, Stance::Dismisses);
    assert_eq!(find(&text, &hits, "claimed", "claimed, without").evidence, Evidence::Unsupported);
    // "he added" resolves to the minister.
    let h = find(&text, &hits, "added", "He added");
    assert!(h.source_resolved.is_some_and(|r| r.of(&text).contains("Anker")), "{}", draw(&text, &hits));
    // Quote running over two paragraphs: one attribution with two content fragments.
    let h = find(&text, &hits, "said", "Holm said");
    assert!(h.content.len() >= 2, "{}", draw(&text, &hits));
}

#[test]
fn cyber_attack() {
    let (text, hits) = run("03-cyber-attack.txt");
    insta::assert_snapshot!("03-cyber-attack", draw(&text, &hits));
    assert_eq!(
        find(&text, &hits, "claimed responsibility", "claimed responsibility").stance,
        Stance::ClaimsResponsibility
    );
    assert_eq!(
        find(&text, &hits, "did not immediately respond", "did not immediately").stance,
        Stance::NoComment
    );
    assert_eq!(find(&text, &hits, "warned", "She warned").stance, Stance::Warns);
    let h = find(&text, &hits, "citing", "citing an initial");
    assert!(h.parent.is_some() && h.source.unwrap().of(&text).contains("forensic review"));
    let h = find(&text, &hits, "citing", "citing messages");
    assert!(h.parent.is_some());
    // Speaker inside a split quote.
    let h = find(&text, &hits, "wrote", "the group wrote");
    assert_eq!(h.kind, Kind::Direct);
}

#[test]
fn relative_pronoun_source_resolves_to_the_name_before_the_comma() {
    // "who" is the speaker in the first paragraph; in the others the relative clause is part
    // of the subject noun phrase (a source of its own, as in PolNeAR), which names the speaker.
    let text = "The council voted on Monday. The plan was drafted by Mayor Lena Ortiz, who \
                said the vote was rushed.\n\nHarold Quint, who chairs the finance committee, \
                claimed without evidence that the figures were wrong.\n\nNora Vale, who has long \
                opposed the plan, said the figures were sound.";
    let hits = dossier_attribution::analyze(text);
    let show: Vec<String> = hits
        .iter()
        .map(|h| {
            let t = |s: Option<dossier_doc::Span>| s.map_or("-", |s| &text[s.range()]);
            format!("{} | {} | {}", t(h.source), t(h.source_resolved), &text[h.cue.range()])
        })
        .collect();
    let rel = hits
        .iter()
        .find(|h| h.source.is_some_and(|s| &text[s.range()] == "who"))
        .unwrap_or_else(|| panic!("no relative-pronoun source: {show:#?}"));
    assert_eq!(rel.source_resolved.map(|s| &text[s.range()]), Some("Mayor Lena Ortiz"), "{show:#?}");
    let claim = hits
        .iter()
        .find(|h| text[h.cue.range()].starts_with("claimed"))
        .unwrap_or_else(|| panic!("no claim: {show:#?}"));
    let who = claim.source_resolved.or(claim.source).map(|s| &text[s.range()]);
    assert!(who.is_some_and(|w| w.starts_with("Harold Quint")), "{show:#?}");
    let vale = hits
        .iter()
        .find(|h| h.cue.start > text.find("Nora").unwrap_or(0))
        .unwrap_or_else(|| panic!("no hit for Nora Vale: {show:#?}"));
    let who = vale.source_resolved.or(vale.source).map(|s| &text[s.range()]);
    assert!(who.is_some_and(|w| w.starts_with("Nora Vale")), "{show:#?}");
}

#[test]
fn radio_transcript() {
    let (text, hits) = run("04-radio-transcript.txt");
    insta::assert_snapshot!("04-radio-transcript", draw(&text, &hits));
    // Each speaker turn is an attribution of its own: label = source, colon = cue, the
    // rest of the paragraph = content (without the turn's opening quote mark).
    let turns: Vec<(&str, &str)> = hits
        .iter()
        .filter(|h| h.cue.of(&text) == ":" && h.parent.is_none())
        .map(|h| (h.source.map_or("", |s| s.of(&text)), h.content.first().map_or("", |s| s.of(&text))))
        .collect();
    assert_eq!(
        turns,
        vec![
            ("OKAFOR", "Why keep a ferry that runs half empty after ten o'clock?"),
            (
                "MOREAU",
                "Because the nurses on the islands finish their shifts at eleven. Without the boat they \
                 sleep at the hospital."
            ),
            ("OKAFOR", "The budget office says the route loses four million a year."),
            (
                "MOREAU",
                "It loses money, yes. So does every road we pave, and nobody asks a road to turn a profit."
            ),
        ],
        "{}",
        draw(&text, &hits)
    );
    // A note label is no speaker.
    assert!(hits.iter().all(|h| h.source.is_none_or(|s| s.of(&text) != "UPDATE")), "{}", draw(&text, &hits));
}

#[test]
fn coordinated_cues() {
    let (text, hits) = run("05-coordinated-cues.txt");
    insta::assert_snapshot!("05-coordinated-cues", draw(&text, &hits));
    let content = |h: &AttributionHit| h.content.iter().map(|s| s.of(&text)).collect::<Vec<_>>();
    // "X said A and warned B": two attributions side by side, the first content stops
    // before "and", and the second speaks for the first's source.
    let said = find(&text, &hits, "said", "said the old river");
    assert_eq!(
        content(said),
        vec!["the old river bridge would stay closed until May"],
        "{}",
        draw(&text, &hits)
    );
    let warned = find(&text, &hits, "warned", "warned commuters");
    assert_eq!(warned.parent, None, "{}", draw(&text, &hits));
    assert_eq!(warned.source, None);
    assert_eq!(warned.source_resolved.map(|s| s.of(&text)), Some("The mayor of Tarnfield"));
    // ", and they warned …": the same with a pronoun subject of its own.
    let residents = find(&text, &hits, "said", "said the detour");
    assert_eq!(
        content(residents),
        vec!["the detour added an hour to their commute"],
        "{}",
        draw(&text, &hits)
    );
    let they = find(&text, &hits, "warned", "warned that shops");
    assert_eq!(they.parent, None, "{}", draw(&text, &hits));
    assert_eq!(they.source.map(|s| s.of(&text)), Some("they"));
    // "X told reporters: “A,” adding B": the quotation ends the first content, marks kept.
    let director = find(&text, &hits, "told", "told reporters");
    assert_eq!(
        content(director),
        vec!["\"Our crews found the cracks before anyone else did,\""],
        "{}",
        draw(&text, &hits)
    );
    assert_eq!(find(&text, &hits, "adding", "adding that").parent, None, "{}", draw(&text, &hits));
    // Inside a quotation the words are the speaker's: nothing is cut.
    let told = find(&text, &hits, "told", "told the council");
    assert!(
        content(told).iter().any(|c| c.contains("in March and said they needed work")),
        "{}",
        draw(&text, &hits)
    );
}

#[test]
fn continued_quotes() {
    let (text, hits) = run("06-continued-quotes.txt");
    insta::assert_snapshot!("06-continued-quotes", draw(&text, &hits));
    let content = |h: &AttributionHit| h.content.iter().map(|s| s.of(&text)).collect::<Vec<_>>();
    // A quotation paragraph after a quoted speaker's paragraph goes on with their words.
    let said = find(&text, &hits, "said", "said Ilse");
    assert!(
        content(said).contains(&"\"The trees will recover, but this year's crop is gone.\""),
        "{}",
        draw(&text, &hits)
    );
    // The same after reported speech.
    let assoc = find(&text, &hits, "said", "said the frost");
    assert!(
        content(assoc).contains(&"\"Nobody here has seen the apples freeze on the branch before.\""),
        "{}",
        draw(&text, &hits)
    );
    // A paragraph ending with a colon after a cue introduces the next quotation.
    let told = find(&text, &hits, "told", "told the county");
    assert!(
        content(told).contains(&"\"Every grower in the valley will need a loan to reach next spring.\""),
        "{}",
        draw(&text, &hits)
    );
    // No attribution before it: the last quotation stays unattributed.
    assert!(
        hits.iter().all(|h| !h.content.iter().any(|s| s.of(&text).contains("Prices will rise"))),
        "{}",
        draw(&text, &hits)
    );
}

#[test]
fn a_subject_taken_for_content_before_a_speech_verb_is_the_source() {
    // The model reads "The auditor's office" as a first content fragment; the rule makes it
    // the source (our own wire copy, examples/03-wire.jsonl).
    let text = "Opposition councillors questioned the figures on Monday. The auditor's office warned in \
                a report last week that the transit agency could run out of reserves by March 2026.";
    let hits = analyze(text);
    check_spans(text, &hits);
    let h = find(text, &hits, "warned", "warned");
    assert_eq!(h.source.map(|s| &text[s.range()]), Some("The auditor's office"), "{}", draw(text, &hits));
    assert!(h.content.iter().all(|c| !text[c.range()].contains("auditor")), "{}", draw(text, &hits));
    // A subordinate clause before the verb is no source.
    let text = "If the council rejected the plan, the mayor said, fares would rise.";
    let hits = analyze(text);
    assert!(
        hits.iter().all(|h| h.source.is_none_or(|s| !text[s.range()].starts_with("If"))),
        "{}",
        draw(text, &hits)
    );
}

#[test]
fn a_headline_closed_by_its_source_reports_the_clause_before() {
    // Headlines have no final stop: "…, documents show" / "…, officials say".
    for (text, source) in [
        ("Inspectors flagged leaks at the Harlow reservoir weeks before it failed, records show\n\nThe reservoir was drained.", "records"),
        ("Pilots had complained about the runway lights for months, union officials say\n\nThe airport stayed open.", "union officials"),
    ] {
        let hits = analyze(text);
        check_spans(text, &hits);
        let h = hits
            .iter()
            .find(|h| h.source.is_some_and(|s| s.of(text) == source))
            .unwrap_or_else(|| panic!("no hit by {source:?}:\n{}", draw(text, &hits)));
        let content: Vec<&str> = h.content.iter().map(|s| s.of(text)).collect();
        let clause = &text[..text.find(',').unwrap()];
        assert_eq!(content, vec![clause], "{}", draw(text, &hits));
    }
}

#[test]
fn a_possessive_owner_speaks_for_its_report_but_not_for_its_officials() {
    let text = "The Harbour Trust's annual report said the quays were unsafe.\n\nVarnia's interior \
                minister, Petra Lind, told reporters on Monday that the port would stay shut.";
    let hits = analyze(text);
    let who = |cue: &str| {
        let h = hits.iter().find(|h| text[h.cue.range()].starts_with(cue)).unwrap_or_else(|| panic!("{cue}"));
        h.source_resolved.or(h.source).map(|s| text[s.range()].to_string())
    };
    assert_eq!(who("said").as_deref(), Some("The Harbour Trust"));
    let told = who("told").expect("a source");
    assert!(told.contains("Petra Lind"), "{told}");
}

#[test]
fn datelines_and_passive_addressees() {
    let (text, hits) = run("07-datelines-and-addressees.txt");
    insta::assert_snapshot!("07-datelines-and-addressees", draw(&text, &hits));
    // A dateline is never part of a source or a content.
    for h in &hits {
        for s in h.source.iter().chain(&h.content) {
            let s = s.of(&text);
            assert!(!s.contains("KESTREL BAY") && !s.contains("EASTON FALLS"), "dateline in {s:?}");
        }
    }
    // The subject of a passive "were told / was asked / were warned" is spoken to, not speaking;
    // so is a headline's "Ferry crews told to stay".
    for (cue, near) in [("told", "were told to secure"), ("asked", "was asked"), ("warned", "were warned")] {
        let h = find(&text, &hits, cue, near);
        assert!(h.source.is_none(), "{cue}: {:?}", h.source.map(|s| s.of(&text)));
    }
    let headline = find(&text, &hits, "told", "crews told");
    assert!(headline.source.is_none() && headline.chain.is_empty(), "{:?}", headline.chain);
    // The agent of a "by" phrase is the source.
    for (cue, near, agent) in
        [("urged", "were urged", "the county sheriff"), ("told", "were told by", "state engineers")]
    {
        let h = find(&text, &hits, cue, near);
        assert_eq!(h.source.map(|s| s.of(&text)), Some(agent));
    }
    // Source edges as the corpus draws them: an apposition's closing comma is in, a participle
    // clause or an adverbial clause after a comma is out.
    for (near, source) in [
        ("Mara Quist", "Mara Quist, a ferry captain for 30 years,"),
        ("Dale Evers", "Harbor master Dale Evers"),
        ("Omar Twillet", "Omar Twillet, a lobsterman from the north end,"),
    ] {
        let h = find(&text, &hits, "said", near);
        assert_eq!(h.source.map(|s| s.of(&text)), Some(source));
    }
}

#[test]
fn a_content_after_an_addressee_starts_at_its_clause() {
    let (text, hits) = run("08-addressee-contents.txt");
    insta::assert_snapshot!("08-addressee-contents", draw(&text, &hits));
    // "told X on Wednesday that …", "told X how …", "asked X whether / if …", "told X she …":
    // the addressee is not part of what was said. ("reminded members about" is one cue.)
    for (near, opens) in [
        ("told reporters", "that the old mill bridge"),
        ("told the Riverside", "how the repair vote"),
        ("asked the council", "whether it would pay"),
        ("asked the mayor", "if the ferry would run"),
        ("told the planning", "she had never seen"),
    ] {
        let h = find(&text, &hits, near.split(' ').next().unwrap_or(near), near);
        let first = h.content.first().map(|q| q.of(&text)).unwrap_or("");
        assert!(first.starts_with(opens), "{near}: content {first:?}");
    }
}

#[test]
fn a_content_inside_a_quotation_starts_where_the_quotation_does() {
    let (text, hits) = run("09-quotation-starts.txt");
    insta::assert_snapshot!("09-quotation-starts", draw(&text, &hits));
    // "“A. B,” she said": the content is the whole quotation with its opening mark, not its
    // last sentence.
    for (cue, near, opens) in [
        ("said", "said Kurt", "“The pumps failed"),
        ("said", "Albers said", "“I have lived"),
        ("said", "she said", "“We lost two"),
    ] {
        let h = find(&text, &hits, cue, near);
        let first = h.content.first().map(|q| q.of(&text)).unwrap_or("");
        assert!(first.starts_with(opens), "{near}: content {first:?}");
    }
}
