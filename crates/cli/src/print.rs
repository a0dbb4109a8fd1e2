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
    writeln!(w, "  published  {}", r.published.as_deref().unwrap_or("unknown"))?;
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
    for warning in &r.warnings {
        writeln!(w, "  warning    {warning}")?;
    }
    Ok(())
}
