//! Near-duplicate benchmark: pairwise precision / recall of MinHash + LSH + verification +
//! union-find on a synthetic set built from the team's own articles (testdata/articles and
//! examples): for each original, copies with small edits, truncation, paragraph shuffles,
//! added bios / boilerplate, and rewrites changing ~20% of words; plus unrelated documents
//! (word salads over the whole vocabulary, and the other originals).
//!
//! Run: `cargo bench -p dossier-link --bench neardup`. Prints the figures and fails when
//! precision or recall falls under the floor below, so the benchmark cannot rot.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Instant;

use dossier_link::{DupThresholds, Signature, UnionFind};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn load_originals() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    for dir in ["testdata/articles", "examples"] {
        let Ok(rd) = std::fs::read_dir(root.join(dir)) else { continue };
        let mut paths: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            if ext == "txt" || ext == "md" {
                if let Ok(t) = std::fs::read_to_string(&p) {
                    out.push(t);
                }
            }
        }
    }
    out
}

fn paragraphs(t: &str) -> Vec<String> {
    t.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect()
}

fn rewrite(t: &str, share: f64, vocab: &[String], rng: &mut Rng) -> String {
    t.split(' ')
        .map(|w| {
            if (rng.below(1000) as f64) < share * 1000.0 {
                vocab[rng.below(vocab.len())].clone()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() {
    let originals = load_originals();
    assert!(originals.len() >= 5, "need the committed articles under testdata/articles");
    let vocab: Vec<String> =
        originals.iter().flat_map(|t| t.split_whitespace().map(str::to_string)).collect();
    let mut rng = Rng(0xD055_1E12);
    let bio = "About the author: she has covered city hall and the courts for a decade and teaches a night class in \
        reporting. Follow her on social media for updates.";
    let boiler =
        "Subscribe to our newsletter. Share this story. Copyright all rights reserved. Read more local news.";
    // (text, group, variant kind)
    let mut docs: Vec<(String, usize, &str)> = Vec::new();
    for (g, o) in originals.iter().enumerate() {
        let paras = paragraphs(o);
        docs.push((o.clone(), g, "original"));
        docs.push((rewrite(o, 0.03, &vocab, &mut rng), g, "small edits"));
        let keep = (paras.len() * 6 / 10).max(1);
        docs.push((paras[..keep].join("\n\n"), g, "truncated 60%"));
        let mut shuffled = paras.clone();
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, rng.below(i + 1));
        }
        docs.push((shuffled.join("\n\n"), g, "paragraphs shuffled"));
        docs.push((format!("{o}\n\n{bio}\n\n{boiler}"), g, "bio + boilerplate"));
        docs.push((rewrite(o, 0.20, &vocab, &mut rng), g, "20% words rewritten"));
    }
    let n_groups = originals.len();
    for i in 0..200 {
        let len = 150 + rng.below(300);
        let salad: Vec<&str> = (0..len).map(|_| vocab[rng.below(vocab.len())].as_str()).collect();
        docs.push((salad.join(" "), n_groups + i, "unrelated"));
    }
    let start = Instant::now();
    let sigs: Vec<Signature> = docs.iter().map(|d| Signature::of(&d.0)).collect();
    let th = DupThresholds::default();
    let mut bands: HashMap<i64, Vec<usize>> = HashMap::new();
    let mut uf = UnionFind::new(docs.len());
    let mut candidates = 0usize;
    for (i, s) in sigs.iter().enumerate() {
        let mut cands = HashSet::new();
        for k in s.band_keys() {
            let list = bands.entry(k).or_default();
            cands.extend(list.iter().copied());
            list.push(i);
        }
        candidates += cands.len();
        for c in cands {
            if th.verify(s, &sigs[c]).is_some() {
                uf.union(i, c);
            }
        }
    }
    let elapsed = start.elapsed();
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut missed: HashMap<&str, usize> = HashMap::new();
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            let truth = docs[i].1 == docs[j].1;
            let said = uf.find(i) == uf.find(j);
            match (truth, said) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => {
                    fn_ += 1;
                    *missed
                        .entry(if docs[i].2 == "original" { docs[j].2 } else { docs[i].2 })
                        .or_default() += 1;
                }
                _ => {}
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "near-duplicates: {} documents ({} originals × 6 variants + 200 unrelated), {} candidate pairs from LSH",
        docs.len(),
        n_groups,
        candidates
    );
    println!("pairwise precision {precision:.3}  recall {recall:.3}  (tp {tp}, fp {fp}, fn {fn_})");
    let mut m: Vec<_> = missed.into_iter().collect();
    m.sort();
    println!("missed pairs by variant: {m:?}");
    println!(
        "signatures + LSH + verification: {:.1} ms ({:.0} docs/s)",
        elapsed.as_secs_f64() * 1e3,
        docs.len() as f64 / elapsed.as_secs_f64()
    );
    assert!(precision >= 0.95, "precision fell to {precision:.3}");
    assert!(recall >= 0.85, "recall fell to {recall:.3}");
}
