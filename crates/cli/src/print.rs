//! Output formats: JSON array, JSON lines, and a text summary for people.

use std::io::{self, Write};

use dossier_doc::contract::{OkRecord, Record};

use crate::args::Format;

pub struct Printer {
    format: Format,
    first: bool,
}

impl Printer {
    pub fn new(format: Format) -> Printer {
        Printer { format, first: true }
    }

    pub fn begin(&mut self, w: &mut impl Write) -> io::Result<()> {
        if self.format == Format::Json {
            w.write_all(b"[")?;
        }
        Ok(())
    }

    pub fn record(&mut self, w: &mut impl Write, rec: &Record) -> io::Result<()> {
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut *w, rec)?;
                w.write_all(b"\n")?;
            }
            Format::Json => {
                if !self.first {
                    w.write_all(b",")?;
                }
                w.write_all(b"\n")?;
                serde_json::to_writer(&mut *w, rec)?;
            }
            Format::Text => {
                if !self.first {
                    w.write_all(b"\n")?;
                }
                summary(w, rec)?;
            }
        }
        self.first = false;
        Ok(())
    }

    pub fn end(&mut self, w: &mut impl Write) -> io::Result<()> {
        if self.format == Format::Json {
            w.write_all(if self.first { b"]\n" } else { b"\n]\n" })?;
        }
        Ok(())
    }
}

/// Shortens `s` to at most `max` chars, on one line.
pub fn clip(s: &str, max: usize) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= max {
        return one;
    }
    let cut: String = one.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

fn summary(w: &mut impl Write, rec: &Record) -> io::Result<()> {
    match rec {
        Record::Error(e) => writeln!(w, "✗ {}\n  error: {}", e.id, e.error),
        Record::Ok(r) => ok_summary(w, r),
    }
}

fn ok_summary(w: &mut impl Write, r: &OkRecord) -> io::Result<()> {
    writeln!(w, "━━ {} ━━", r.id)?;
    writeln!(w, "  title      {}", r.title.as_deref().map_or("—".into(), |t| clip(t, 100)))?;
    let outlet = r.outlet.clone().unwrap_or_else(|| "—".into());
    writeln!(w, "  outlet     {outlet}")?;
    for o in &r.origin {
        writeln!(
            w,
            "  origin     {} ({}: “{}”)",
            o.outlet,
            o.kind.replace('_', " "),
            clip(&o.evidence.text, 60)
        )?;
    }
    let source = r.published_source.as_deref().map(|s| format!(" (from {s})")).unwrap_or_default();
    writeln!(w, "  published  {}{source}", r.published.as_deref().unwrap_or("unknown"))?;
    if let Some(u) = &r.url {
        writeln!(w, "  url        {u}")?;
    }
    let body_chars: usize = r.body.iter().map(|s| s.end - s.start).sum();
    writeln!(
        w,
        "  text       {} chars, {} in the body; {} sentences, {} quotations",
        r.text.chars().count(),
        body_chars,
        r.sentences.len(),
        r.quotes.len()
    )?;
    if r.boilerplate.is_empty() {
        writeln!(w, "  boilerplate none")?;
    } else {
        writeln!(w, "  boilerplate")?;
        for b in &r.boilerplate {
            writeln!(w, "    {:<18} “{}”", b.kind, clip(&b.span.text, 70))?;
        }
    }
    if !r.authors.is_empty() {
        writeln!(w, "  authors    {}", r.authors.join(", "))?;
    }
    if !r.entities.is_empty() {
        let mut ents: Vec<_> = r.entities.iter().collect();
        ents.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
        writeln!(w, "  entities   {}", r.entities.len())?;
        for e in ents.iter().take(12) {
            let kind = e.kind.as_deref().map(|k| format!("/{k}")).unwrap_or_default();
            writeln!(
                w,
                "    {:<32} {:<10} ×{}",
                clip(&e.name, 32),
                format!("{}{kind}", e.label),
                e.mentions.len()
            )?;
        }
        if ents.len() > 12 {
            writeln!(w, "    … and {} more", ents.len() - 12)?;
        }
    }
    if !r.timexes.is_empty() {
        writeln!(w, "  times      {}", r.timexes.len())?;
        for t in &r.timexes {
            let anchor = t
                .anchor
                .as_ref()
                .map(|a| format!("  (relative to “{}”)", clip(&a.text, 40)))
                .unwrap_or_default();
            writeln!(
                w,
                "    {:<32} {:<9} {}{anchor}",
                format!("“{}”", clip(&t.span.text, 30)),
                t.kind,
                t.value
            )?;
        }
    }
    if !r.attributions.is_empty() {
        writeln!(w, "  who said what  {}", r.attributions.len())?;
        for a in &r.attributions {
            let who = match (&a.source, a.chain.last()) {
                (_, Some(_)) if a.chain.len() > 1 => a.chain.join(" → "),
                (Some(s), _) => clip(&s.span.text, 40),
                (None, Some(name)) => name.clone(),
                (None, None) => "(unsaid)".into(),
            };
            let what = a.content.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" … ");
            let mut tags = vec![a.kind.as_str()];
            if a.stance != "asserts" {
                tags.push(&a.stance);
            }
            if a.evidence != "stated" {
                tags.push(&a.evidence);
            }
            writeln!(w, "    {who} — {}: “{}” [{}]", a.cue.text, clip(&what, 90), tags.join(", "))?;
        }
    }
    if !r.events.is_empty() {
        writeln!(w, "  events     {}", r.events.len())?;
        for v in &r.events {
            let when = v
                .time
                .as_ref()
                .and_then(|t| t.value.as_ref().map(|x| dated(&t.relation, x)))
                .unwrap_or_else(|| "-".into());
            let place = v.location.as_ref().map(|l| format!(" at {}", clip(&l.text, 30))).unwrap_or_default();
            let counts: Vec<String> = v.counts.iter().map(count_text).collect();
            let counts = if counts.is_empty() { String::new() } else { format!(": {}", counts.join(", ")) };
            let extra =
                if v.mentions.len() > 1 { format!("  ×{}", v.mentions.len()) } else { String::new() };
            writeln!(
                w,
                "    {:<22} {:<20} “{}”{place}{counts}{extra}",
                when,
                v.kind,
                clip(&v.trigger.text, 30)
            )?;
        }
    }
    if !r.timeline.is_empty() {
        writeln!(w, "  timeline")?;
        for t in &r.timeline {
            writeln!(w, "    {}", timeline_line(&t.relation, &t.value, &t.summary))?;
        }
    }
    for warning in &r.warnings {
        writeln!(w, "  warning    {warning}")?;
    }
    Ok(())
}

/// "at least 143 killed".
pub fn count_text(c: &dossier_doc::contract::Count) -> String {
    let n = match (c.qualifier.as_str(), c.max) {
        ("range", Some(max)) => format!("{}–{max}", c.value),
        ("at_least", _) => format!("at least {}", c.value),
        ("at_most", _) => format!("at most {}", c.value),
        ("about", _) => format!("about {}", c.value),
        _ => c.value.to_string(),
    };
    format!("{n} {}", c.what)
}

/// One timeline entry for people: "before 2024-03-22  warning: …".
pub fn timeline_line(relation: &str, value: &str, summary: &str) -> String {
    format!("{:<22} {}", dated(relation, value), clip(summary, 100))
}

/// A time for people: "2024-03-22", "before 2024-03-22".
pub fn dated(relation: &str, value: &str) -> String {
    if relation == "on" {
        value.to_string()
    } else {
        format!("{relation} {value}")
    }
}
