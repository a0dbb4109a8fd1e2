//! Word clusters from unlabeled text: the exchange algorithm (Martin, Liermann & Ney 1998)
//! over class bigrams puts the frequent word types into `k` classes, then Brown-style
//! agglomerative merging (exact mutual-information loss) builds a binary tree over the
//! classes, whose root-to-leaf paths become the cluster paths. Deterministic.

use std::path::Path;

use crate::clusters::Clusters;
use crate::features::lower_key;
use crate::hash::IdMap;
use crate::TagError;

/// Split raw text into simple tokens: runs of letters/digits (keeping inner `'`, `-`, `.`
/// followed by a letter or digit) and single other characters.
pub fn simple_tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let b: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < b.len() {
        let (s, c) = b[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < b.len() {
                let cj = b[j].1;
                if cj.is_alphanumeric()
                    || ((cj == '\'' || cj == '-' || cj == '.' || cj == '’')
                        && j + 1 < b.len()
                        && b[j + 1].1.is_alphanumeric())
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let e = if j < b.len() { b[j].0 } else { text.len() };
            out.push(&text[s..e]);
            i = j;
        } else {
            let e = if i + 1 < b.len() { b[i + 1].0 } else { text.len() };
            out.push(&text[s..e]);
            i += 1;
        }
    }
    out
}

/// Sentences (as lowercase keys) of every unlabeled source under the shared data folder
/// that is present: EWT train forms, CoNLL-2003 train and testa tokens (labels ignored),
/// PolNeAR article text, TempEval-3 (TimeBank, AQUAINT) text with the markup removed.
pub fn unlabeled_corpus(data_dir: &Path) -> Result<Vec<Vec<u64>>, TagError> {
    let mut sents: Vec<Vec<u64>> = Vec::new();
    let ewt = data_dir.join("ud-english-ewt/en_ewt-ud-train.conllu");
    if ewt.exists() {
        for s in dossier_corpora::conllu::read(&ewt)? {
            sents.push(s.words.iter().map(|w| lower_key(&w.form)).collect());
        }
    }
    for f in ["conll2003/eng.train", "conll2003/eng.testa"] {
        let p = data_dir.join(f);
        if p.exists() {
            for d in dossier_corpora::conll2003::read(&p)? {
                for s in d.sentences {
                    sents.push(s.tokens.iter().map(|t| lower_key(t)).collect());
                }
            }
        }
    }
    let mut files = Vec::new();
    for dir in ["polnear/train/text", "polnear/dev/text", "tempeval3/TimeBank", "tempeval3/AQUAINT"] {
        let p = data_dir.join(dir);
        if let Ok(rd) = std::fs::read_dir(&p) {
            for e in rd.flatten() {
                files.push(e.path());
            }
        }
    }
    files.sort();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        let text = if f.extension().is_some_and(|e| e == "tml") { strip_markup(&text) } else { text };
        for line in text.lines() {
            let toks = simple_tokens(line);
            if !toks.is_empty() {
                sents.push(toks.iter().map(|t| lower_key(t)).collect());
            }
        }
    }
    Ok(sents)
}

fn strip_markup(xml: &str) -> String {
    let body = match (xml.find("<TEXT>"), xml.find("</TEXT>")) {
        (Some(a), Some(b)) if a < b => &xml[a + 6..b],
        _ => xml,
    };
    let mut out = String::with_capacity(body.len());
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[inline]
fn xlogx(x: f64) -> f64 {
    if x > 0.0 {
        x * x.ln()
    } else {
        0.0
    }
}

/// Learn clusters over word types seen at least `min_count` times.
pub fn learn(sents: &[Vec<u64>], k: usize, min_count: u32, iterations: usize) -> Clusters {
    // Vocabulary: id 0 is the boundary/rare token, then word types by frequency.
    let mut counts: IdMap<u32> = IdMap::default();
    for s in sents {
        for &w in s {
            *counts.entry(w).or_insert(0) += 1;
        }
    }
    let mut vocab: Vec<(u64, u32)> = counts.into_iter().filter(|&(_, c)| c >= min_count).collect();
    vocab.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let v = vocab.len() + 1;
    let k = k.min(v.saturating_sub(1)).max(2);
    let id: IdMap<u32> = vocab.iter().enumerate().map(|(i, &(w, _))| (w, i as u32 + 1)).collect();
    // Bigram adjacency lists.
    let mut bigrams: std::collections::HashMap<(u32, u32), u32> = Default::default();
    for s in sents {
        let mut prev = 0u32;
        for &w in s {
            let cur = id.get(&w).copied().unwrap_or(0);
            *bigrams.entry((prev, cur)).or_insert(0) += 1;
            prev = cur;
        }
        *bigrams.entry((prev, 0)).or_insert(0) += 1;
    }
    let mut bg: Vec<((u32, u32), u32)> = bigrams.into_iter().collect();
    bg.sort_unstable();
    let mut right: Vec<Vec<(u32, f64)>> = vec![Vec::new(); v];
    let mut left: Vec<Vec<(u32, f64)>> = vec![Vec::new(); v];
    for &((a, b), c) in &bg {
        right[a as usize].push((b, f64::from(c)));
        left[b as usize].push((a, f64::from(c)));
    }
    // Class of each word; word 0 (boundary/rare) is its own fixed class `k`.
    let kk = k + 1;
    let mut class: Vec<usize> = (0..v).map(|w| if w == 0 { k } else { (w - 1) % k }).collect();
    let mut m = vec![0f64; kk * kk];
    let mut nl = vec![0f64; kk];
    let mut nr = vec![0f64; kk];
    for &((a, b), c) in &bg {
        let (ca, cb) = (class[a as usize], class[b as usize]);
        m[ca * kk + cb] += f64::from(c);
        nl[ca] += f64::from(c);
        nr[cb] += f64::from(c);
    }
    let mut rbuf = vec![0f64; kk];
    let mut lbuf = vec![0f64; kk];
    let mut rtouched: Vec<usize> = Vec::new();
    let mut ltouched: Vec<usize> = Vec::new();
    for it in 0..iterations {
        let mut moved = 0usize;
        for w in 1..v {
            let a = class[w];
            // Context counts by class, excluding self-bigrams.
            rtouched.clear();
            ltouched.clear();
            let (mut wl, mut wr, mut self_bg) = (0f64, 0f64, 0f64);
            for &(d, c) in &right[w] {
                wl += c;
                if d as usize == w {
                    self_bg += c;
                    continue;
                }
                let cd = class[d as usize];
                if rbuf[cd] == 0.0 {
                    rtouched.push(cd);
                }
                rbuf[cd] += c;
            }
            for &(d, c) in &left[w] {
                wr += c;
                if d as usize == w {
                    continue;
                }
                let cd = class[d as usize];
                if lbuf[cd] == 0.0 {
                    ltouched.push(cd);
                }
                lbuf[cd] += c;
            }
            // Remove w from a.
            for &d in &rtouched {
                m[a * kk + d] -= rbuf[d];
            }
            for &c in &ltouched {
                m[c * kk + a] -= lbuf[c];
            }
            m[a * kk + a] -= self_bg;
            nl[a] -= wl;
            nr[a] -= wr;
            // Best class to add w to.
            let mut best = a;
            let mut best_gain = f64::NEG_INFINITY;
            for b in 0..k {
                let mut g = 0.0;
                for &d in &rtouched {
                    if d != b {
                        let x = m[b * kk + d];
                        g += xlogx(x + rbuf[d]) - xlogx(x);
                    }
                }
                for &c in &ltouched {
                    if c != b {
                        let x = m[c * kk + b];
                        g += xlogx(x + lbuf[c]) - xlogx(x);
                    }
                }
                let x = m[b * kk + b];
                g += xlogx(x + rbuf[b] + lbuf[b] + self_bg) - xlogx(x);
                g -= xlogx(nl[b] + wl) - xlogx(nl[b]);
                g -= xlogx(nr[b] + wr) - xlogx(nr[b]);
                if g > best_gain + 1e-9 {
                    best_gain = g;
                    best = b;
                }
            }
            if best != a {
                moved += 1;
            }
            class[w] = best;
            for &d in &rtouched {
                m[best * kk + d] += rbuf[d];
            }
            for &c in &ltouched {
                m[c * kk + best] += lbuf[c];
            }
            m[best * kk + best] += self_bg;
            nl[best] += wl;
            nr[best] += wr;
            for &d in &rtouched {
                rbuf[d] = 0.0;
            }
            for &c in &ltouched {
                lbuf[c] = 0.0;
            }
        }
        tracing::info!(iteration = it, moved, "exchange clustering");
        if moved == 0 {
            break;
        }
    }
    let paths = merge_tree(&m, kk, k);
    Clusters::from_paths(vocab.iter().enumerate().map(|(i, &(key, _))| {
        let (bits, len) = paths[class[i + 1]];
        (key, bits, len)
    }))
}

/// Agglomerative merging of the `k` classes (the boundary class `k` is left out) by least
/// loss of the class-bigram objective; returns (path bits, length) per class.
fn merge_tree(m0: &[f64], kk: usize, k: usize) -> Vec<(u32, u8)> {
    let mut m = m0.to_vec();
    let mut nl: Vec<f64> = (0..kk).map(|c| (0..kk).map(|d| m[c * kk + d]).sum()).collect();
    let mut nr: Vec<f64> = (0..kk).map(|d| (0..kk).map(|c| m[c * kk + d]).sum()).collect();
    let mut alive: Vec<usize> = (0..k).collect();
    // Tree nodes: leaves 0..k, internal nodes pushed as (left, right).
    let mut children: Vec<Option<(usize, usize)>> = vec![None; k];
    let mut node_of: Vec<usize> = (0..kk).collect();
    while alive.len() > 1 {
        let mut best = (f64::NEG_INFINITY, 0, 0);
        for (x, &i) in alive.iter().enumerate() {
            for &j in &alive[x + 1..] {
                let mut before = 0.0;
                let mut after = 0.0;
                for d in 0..kk {
                    if d == i || d == j {
                        continue;
                    }
                    before += xlogx(m[i * kk + d]) + xlogx(m[j * kk + d]);
                    before += xlogx(m[d * kk + i]) + xlogx(m[d * kk + j]);
                    after += xlogx(m[i * kk + d] + m[j * kk + d]);
                    after += xlogx(m[d * kk + i] + m[d * kk + j]);
                }
                let (ii, ij, ji, jj) = (m[i * kk + i], m[i * kk + j], m[j * kk + i], m[j * kk + j]);
                before += xlogx(ii) + xlogx(ij) + xlogx(ji) + xlogx(jj);
                after += xlogx(ii + ij + ji + jj);
                before -= xlogx(nl[i]) + xlogx(nl[j]) + xlogx(nr[i]) + xlogx(nr[j]);
                after -= xlogx(nl[i] + nl[j]) + xlogx(nr[i] + nr[j]);
                let gain = after - before;
                if gain > best.0 + 1e-12 {
                    best = (gain, i, j);
                }
            }
        }
        let (_, i, j) = best;
        // Merge j into i.
        for d in 0..kk {
            m[i * kk + d] += m[j * kk + d];
            m[j * kk + d] = 0.0;
        }
        for c in 0..kk {
            m[c * kk + i] += m[c * kk + j];
            m[c * kk + j] = 0.0;
        }
        nl[i] += nl[j];
        nr[i] += nr[j];
        nl[j] = 0.0;
        nr[j] = 0.0;
        children.push(Some((node_of[i], node_of[j])));
        node_of[i] = children.len() - 1;
        alive.retain(|&c| c != j);
    }
    let root = node_of[alive[0]];
    let mut paths = vec![(0u32, 0u8); kk];
    let mut stack = vec![(root, 0u32, 0u8)];
    while let Some((n, bits, len)) = stack.pop() {
        match children[n] {
            None => paths[n] = (bits, len),
            Some((l, r)) => {
                let nl = len.saturating_add(1).min(32);
                let bit = if len < 32 { 1u32 << len } else { 0 };
                stack.push((l, bits, nl));
                stack.push((r, bits | bit, nl));
            }
        }
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_tokens_split_punctuation() {
        assert_eq!(
            simple_tokens("Hello, U.S. world-wide (ok)."),
            vec!["Hello", ",", "U.S", ".", "world-wide", "(", "ok", ")", "."]
        );
        assert!(simple_tokens("  ").is_empty());
        assert_eq!(simple_tokens("é!"), vec!["é", "!"]);
    }

    #[test]
    fn clusters_group_words_in_like_contexts() {
        // Two word families that appear in distinct frames.
        let mut text = String::new();
        for i in 0..40 {
            let animal = ["cat", "dog", "cow", "pig"][i % 4];
            let city = ["paris", "rome", "oslo", "lima"][(i / 4) % 4];
            text.push_str(&format!("the {animal} sleeps .\nwe flew to {city} today .\n"));
        }
        let sents: Vec<Vec<u64>> =
            text.lines().map(|l| simple_tokens(l).iter().map(|t| lower_key(t)).collect()).collect();
        let c = learn(&sents, 4, 2, 10);
        let p = |w: &str| c.path(lower_key(w)).unwrap();
        let same = |a: &str, b: &str| c.atoms(lower_key(a))[3] == c.atoms(lower_key(b))[3];
        assert!(same("cat", "dog") && same("paris", "rome"));
        assert_ne!(p("cat"), p("paris"));
        let again = learn(&sents, 4, 2, 10);
        assert_eq!(again.fingerprint, c.fingerprint);
    }
}
