//! Prints the layers events are built from, for a text file: `dump FILE [YYYY-MM-DD]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: dump FILE [DATE]");
    let published = args.next().and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let text = std::fs::read_to_string(path).expect("readable file");
    let p = dossier_events::prepare::prepare(&text, published);
    let entities = p.entity_refs();
    let input = p.input(&text, &entities);
    let ex = dossier_events::EventExtractor::global();
    let events = ex.extract(&input);
    for (i, e) in events.iter().enumerate() {
        println!(
            "EVENT v{i} {} {:?} mentions={:?} time={:?} loc={:?} counts={:?} attr={:?} parts={:?}",
            e.kind,
            e.trigger.of(&text),
            e.mentions.iter().map(|m| m.of(&text)).collect::<Vec<_>>(),
            e.time.as_ref().map(|t| (t.value.clone(), t.relation.as_str(), t.anchor_event)),
            e.location.map(|l| (l.span.of(&text), l.entity)),
            e.counts
                .iter()
                .map(|c| (c.what.as_str(), c.value, c.qualifier.as_str(), c.max, c.span.of(&text)))
                .collect::<Vec<_>>(),
            e.attribution,
            e.participants.iter().map(|p| (p.role.as_str(), p.span.of(&text))).collect::<Vec<_>>(),
        );
    }
    for t in ex.timeline(&input, &events) {
        println!(
            "TL {} {} ev={:?} attr={:?} {}",
            t.value,
            t.relation.as_str(),
            t.event,
            t.attribution,
            t.summary
        );
    }
    if std::env::var_os("DUMP_LAYERS").is_none() {
        return;
    }
    if std::env::var_os("DUMP_POS").is_some() {
        for (t, tag) in p.seg.tokens.iter().zip(&p.pos) {
            print!("{}/{} ", t.span.of(&text), tag.map(|g| format!("{g:?}")).unwrap_or_default());
        }
        println!();
    }
    for m in &p.mentions {
        println!("ENT {:?} {} {:?} #{}", m.0.of(&text), m.1, m.2, m.3);
    }
    for t in &p.timexes {
        println!(
            "TIMEX {:?} {} {} anchor={:?} mod={:?}",
            t.span.of(&text),
            t.kind,
            t.value,
            t.anchor.map(|a| a.of(&text)),
            t.mod_
        );
    }
    for a in &p.attributions {
        println!(
            "ATTR cue={:?} src={:?} stance={} content={:?}",
            a.cue.of(&text),
            a.source.map(|s| s.of(&text)),
            a.stance.as_str(),
            a.content.iter().map(|c| c.of(&text)).collect::<Vec<_>>()
        );
    }
}
