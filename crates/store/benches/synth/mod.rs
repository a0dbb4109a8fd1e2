//! A seeded generator of synthetic news records from the team's own text
//! (testdata/articles/*.txt and examples/), shared by the ingest benchmark and the
//! `gen_corpus` example.
//!
//! An *original* takes the headline of one article and about 3 KB of paragraphs drawn from
//! all of them, then makes them its own: capitalized names (not at a sentence start) become
//! fresh names built from syllables (consistently within the document), every digit is
//! redrawn, and about one content word in eight is swapped for another word of the pool. Two
//! originals therefore share little beyond function words, as unrelated articles do.
//!
//! A *copy* (about `copy_rate` of the records) republishes a recent original under another
//! outlet, zero to three days later, with one to three edits: truncation, two paragraphs
//! swapped, a credit line naming the original outlet, an added author bio, or a light
//! rewrite (about one word in ten).

// Each user (the bench, the example) reads a different part of it.
#![allow(dead_code)]

use std::collections::HashMap;

const SOURCES: [&str; 12] = [
    include_str!("../../../../testdata/articles/01-harbor-fire.txt"),
    include_str!("../../../../testdata/articles/02-council-budget.txt"),
    include_str!("../../../../testdata/articles/03-vaccine-trial.txt"),
    include_str!("../../../../testdata/articles/04-election-recount.txt"),
    include_str!("../../../../testdata/articles/05-tech-outage.txt"),
    include_str!("../../../../testdata/articles/06-drought-farmers.txt"),
    include_str!("../../../../testdata/articles/07-court-ruling.txt"),
    include_str!("../../../../testdata/articles/08-mountain-rescue.txt"),
    include_str!("../../../../testdata/articles/09-trade-talks.txt"),
    include_str!("../../../../testdata/articles/10-museum-theft.txt"),
    include_str!("../../../../examples/01-harbour-strike.txt"),
    include_str!("../../../../examples/02-reservoir-leak.md"),
];
const OUTLETS: &str = include_str!("outlets.txt");
const SYLLABLES: &str = include_str!("syllables.txt");

/// Target body size of an original, in bytes.
const TARGET_BYTES: usize = 3_000;
/// Originals a copy may be taken from (the most recent ones).
const RECENT: usize = 2_000;

fn data_lines(s: &str) -> Vec<&str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// xorshift64*, seeded through splitmix64 (no dependency, stable across platforms).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

/// One synthetic record (the JSONL fields of CONTRACT.md).
#[derive(Clone, Debug)]
pub struct SynthDoc {
    pub id: String,
    pub outlet: String,
    /// YYYY-MM-DD
    pub published: String,
    pub title: String,
    pub text: String,
    /// The id of the original this record copies.
    pub copy_of: Option<String>,
}

impl SynthDoc {
    pub fn to_json(&self) -> String {
        let s = |x: &str| serde_json::Value::String(x.to_string()).to_string();
        format!(
            "{{\"id\":{},\"outlet\":{},\"published\":{},\"title\":{},\"text\":{}}}",
            s(&self.id),
            s(&self.outlet),
            s(&self.published),
            s(&self.title),
            s(&self.text)
        )
    }
}

struct Original {
    id: String,
    outlet: String,
    day: usize,
    title: String,
    paragraphs: Vec<String>,
}

pub struct Synth {
    rng: Rng,
    titles: Vec<String>,
    paragraphs: Vec<String>,
    vocab: Vec<String>,
    outlets: Vec<String>,
    syllables: Vec<String>,
    copy_rate: f64,
    recent: Vec<Original>,
    next_recent: usize,
    count: usize,
}

impl Synth {
    /// `copy_rate`: the share of records that copy an earlier original (0.2 is about what a
    /// news crawl shows once exact duplicates are removed).
    pub fn new(seed: u64, copy_rate: f64) -> Synth {
        let mut titles = Vec::new();
        let mut paragraphs = Vec::new();
        let mut vocab: Vec<String> = Vec::new();
        for src in SOURCES {
            let mut lines = src.lines().map(|l| l.trim().trim_start_matches("# ")).filter(|l| !l.is_empty());
            if let Some(t) = lines.next() {
                titles.push(t.to_string());
            }
            for p in lines {
                // Bylines and short list items are kept too: they are part of news text.
                paragraphs.push(p.to_string());
                for w in p.split_whitespace() {
                    if w.len() >= 4 && w.chars().all(|c| c.is_ascii_lowercase()) {
                        vocab.push(w.to_string());
                    }
                }
            }
        }
        vocab.sort();
        vocab.dedup();
        Synth {
            rng: Rng::new(seed),
            titles,
            paragraphs,
            vocab,
            outlets: data_lines(OUTLETS).into_iter().map(String::from).collect(),
            syllables: data_lines(SYLLABLES).into_iter().map(String::from).collect(),
            copy_rate,
            recent: Vec::new(),
            next_recent: 0,
            count: 0,
        }
    }

    fn fresh_name(&mut self) -> String {
        let n = 2 + self.rng.below(2);
        let mut s = String::new();
        for _ in 0..n {
            let i = self.rng.below(self.syllables.len());
            s.push_str(&self.syllables[i]);
        }
        let mut c = s.chars();
        match c.next() {
            Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
            None => s,
        }
    }

    /// Rewrites one paragraph: names through `names`, digits redrawn, `swap` of the content
    /// words replaced by pool words.
    fn mutate(&mut self, p: &str, names: &mut HashMap<String, String>, swap: f64, redraw: bool) -> String {
        let mut out = String::with_capacity(p.len() + 16);
        let mut sentence_start = true;
        for (i, tok) in p.split(' ').enumerate() {
            if i > 0 {
                out.push(' ');
            }
            let core_start = tok.find(|c: char| c.is_alphanumeric()).unwrap_or(tok.len());
            let core_end = tok
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_alphanumeric())
                .map_or(core_start, |(e, c)| e + c.len_utf8())
                .max(core_start);
            let (pre, core, post) = (&tok[..core_start], &tok[core_start..core_end], &tok[core_end..]);
            out.push_str(pre);
            let first_upper = core.chars().next().is_some_and(|c| c.is_ascii_uppercase());
            if redraw
                && core.len() >= 3
                && first_upper
                && !sentence_start
                && core.chars().skip(1).all(|c| c.is_ascii_lowercase())
            {
                let name = match names.get(core) {
                    Some(n) => n.clone(),
                    None => {
                        let n = self.fresh_name();
                        names.insert(core.to_string(), n.clone());
                        n
                    }
                };
                out.push_str(&name);
            } else if core.len() >= 4 && core.chars().all(|c| c.is_ascii_lowercase()) && self.rng.chance(swap)
            {
                let w = self.rng.below(self.vocab.len());
                out.push_str(&self.vocab[w]);
            } else if redraw && core.bytes().any(|b| b.is_ascii_digit()) {
                for c in core.chars() {
                    if c.is_ascii_digit() {
                        let d = self.rng.below(10) as u8;
                        out.push((b'0' + d) as char);
                    } else {
                        out.push(c);
                    }
                }
            } else {
                out.push_str(core);
            }
            out.push_str(post);
            sentence_start = post.ends_with(['.', '!', '?', ':']) || post.ends_with(".\"") || core.is_empty();
        }
        out
    }

    fn original(&mut self, id: String) -> Original {
        let mut names = HashMap::new();
        let t = self.rng.below(self.titles.len());
        let title = self.titles[t].clone();
        let title = self.mutate(&title, &mut names, 0.15, true);
        let mut paragraphs = Vec::new();
        let mut size = 0;
        while size < TARGET_BYTES {
            let i = self.rng.below(self.paragraphs.len());
            let p = self.paragraphs[i].clone();
            let p = self.mutate(&p, &mut names, 0.12, true);
            size += p.len() + 2;
            paragraphs.push(p);
        }
        let outlet = self.outlets[self.rng.below(self.outlets.len())].clone();
        let day = self.rng.below(366);
        Original { id, outlet, day, title, paragraphs }
    }

    fn copy(&mut self, id: String, o: usize) -> SynthDoc {
        let (oid, ooutlet, oday, title, mut paras) = {
            let o = &self.recent[o];
            (o.id.clone(), o.outlet.clone(), o.day, o.title.clone(), o.paragraphs.clone())
        };
        let mut outlet = ooutlet.clone();
        while outlet == ooutlet {
            outlet = self.outlets[self.rng.below(self.outlets.len())].clone();
        }
        let edits = 1 + self.rng.below(3);
        for _ in 0..edits {
            match self.rng.below(5) {
                0 if paras.len() > 4 => {
                    let keep = paras.len() * (60 + self.rng.below(31)) / 100;
                    paras.truncate(keep.max(3));
                }
                1 if paras.len() > 3 => {
                    let a = 1 + self.rng.below(paras.len() - 1);
                    let b = 1 + self.rng.below(paras.len() - 1);
                    paras.swap(a, b);
                }
                2 => paras.push(format!("Source: {ooutlet}")),
                3 => {
                    let who = self.fresh_name();
                    paras.push(format!("{who} is a staff reporter for {outlet}."));
                }
                _ => {
                    let mut names = HashMap::new();
                    paras = paras.iter().map(|p| self.mutate(p, &mut names, 0.1, false)).collect();
                }
            }
        }
        let day = (oday + self.rng.below(4)).min(365);
        SynthDoc {
            id,
            outlet,
            published: date_2024(day),
            text: format!("{title}\n\n{}", paras.join("\n\n")),
            title,
            copy_of: Some(oid),
        }
    }

    /// The next record.
    pub fn next_doc(&mut self) -> SynthDoc {
        let id = format!("syn-{:07}", self.count);
        self.count += 1;
        if !self.recent.is_empty() && self.rng.chance(self.copy_rate) {
            let o = self.rng.below(self.recent.len());
            return self.copy(id, o);
        }
        let o = self.original(id);
        let doc = SynthDoc {
            id: o.id.clone(),
            outlet: o.outlet.clone(),
            published: date_2024(o.day),
            title: o.title.clone(),
            text: format!("{}\n\n{}", o.title, o.paragraphs.join("\n\n")),
            copy_of: None,
        };
        if self.recent.len() < RECENT {
            self.recent.push(o);
        } else {
            self.recent[self.next_recent] = o;
            self.next_recent = (self.next_recent + 1) % RECENT;
        }
        doc
    }
}

/// Day `d` (0-based) of 2024 as YYYY-MM-DD.
pub fn date_2024(d: usize) -> String {
    const MONTHS: [usize; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut d = d.min(365);
    for (m, len) in MONTHS.iter().enumerate() {
        if d < *len {
            return format!("2024-{:02}-{:02}", m + 1, d + 1);
        }
        d -= len;
    }
    "2024-12-31".into()
}
