//! Reader for PolNeAR (brat standoff): `text/<stem>.txt` and
//! `attributions/<stem>_<annotator>.ann`, with `Source` / `Cue` / `Content` text-bound
//! annotations (char offsets, `;`-separated fragments) linked by `E` lines. Where a text has
//! several annotation files, the first in sorted order is used. Offsets are converted to
//! byte spans of the text.

use std::collections::HashMap;
use std::path::Path;

use dossier_doc::Span;

use crate::AttrError;

/// One annotated attribution; each role may have several fragments (byte spans).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldAttr {
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
    pub content: Vec<Span>,
}

#[derive(Clone, Debug)]
pub struct GoldDoc {
    pub name: String,
    pub text: String,
    pub attrs: Vec<GoldAttr>,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> AttrError + '_ {
    move |source| AttrError::Io { path: path.display().to_string(), source }
}

/// All documents of a split directory, in file-name order.
pub fn read_split(dir: &Path) -> Result<Vec<GoldDoc>, AttrError> {
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let mut anns: HashMap<String, String> = HashMap::new();
    let mut names: Vec<String> = std::fs::read_dir(&ann_dir)
        .map_err(io(&ann_dir))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ann"))
        .collect();
    names.sort();
    for n in names {
        let stem = n.trim_end_matches(".ann");
        let stem = stem.rsplit_once('_').map_or(stem, |(s, _)| s).to_string();
        anns.entry(stem).or_insert(n);
    }
    let mut texts: Vec<String> = std::fs::read_dir(&text_dir)
        .map_err(io(&text_dir))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    texts.sort();
    let mut out = Vec::new();
    for t in texts {
        let stem = t.trim_end_matches(".txt").to_string();
        let Some(ann_name) = anns.get(&stem) else { continue };
        let tp = text_dir.join(&t);
        let text = std::fs::read_to_string(&tp).map_err(io(&tp))?;
        let ap = ann_dir.join(ann_name);
        let ann = std::fs::read_to_string(&ap).map_err(io(&ap))?;
        let attrs = parse_ann(&text, &ann).map_err(|(line, message)| AttrError::Format {
            path: ap.display().to_string(),
            line,
            message,
        })?;
        out.push(GoldDoc { name: stem, text, attrs });
    }
    Ok(out)
}

/// Parse one `.ann` file against its text. Errors carry (line number, message).
pub fn parse_ann(text: &str, ann: &str) -> Result<Vec<GoldAttr>, (usize, String)> {
    // Byte offset of each char index (and of the end).
    let mut byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_of.push(text.len());
    let mut spans: HashMap<&str, (&str, Vec<Span>)> = HashMap::new();
    let mut events = Vec::new();
    for (i, line) in ann.lines().enumerate() {
        let ln = i + 1;
        let mut f = line.split('\t');
        let (Some(id), Some(body)) = (f.next(), f.next()) else { continue };
        if id.starts_with('T') {
            let (role, offs) = body.split_once(' ').ok_or((ln, "no offsets".to_string()))?;
            if !matches!(role, "Source" | "Cue" | "Content") {
                continue;
            }
            let mut frags = Vec::new();
            for part in offs.split(';') {
                let (a, b) = part.trim().split_once(' ').ok_or((ln, format!("bad offsets {part:?}")))?;
                let a: usize = a.parse().map_err(|_| (ln, format!("bad offset {a:?}")))?;
                let b: usize = b.parse().map_err(|_| (ln, format!("bad offset {b:?}")))?;
                if a > b || b >= byte_of.len() {
                    return Err((ln, format!("offsets {a}..{b} outside the text")));
                }
                let s = Span::new(byte_of[a], byte_of[b]).trim(text);
                if !s.is_empty() {
                    frags.push(s);
                }
            }
            spans.insert(id, (role, frags));
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let mut out = Vec::new();
    for body in events {
        let mut a = GoldAttr::default();
        for arg in body.split_whitespace().skip(1) {
            let Some((_, tid)) = arg.split_once(':') else { continue };
            let Some((role, frags)) = spans.get(tid) else { continue };
            let slot = match *role {
                "Source" => &mut a.source,
                "Cue" => &mut a.cue,
                _ => &mut a.content,
            };
            slot.extend(frags.iter().copied());
        }
        if !a.cue.is_empty() {
            out.push(a);
        }
    }
    out.sort_by_key(|a| a.cue[0]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_fragments_and_converts_char_offsets() {
        let text = "Zoë said: “it rains” and more.";
        let ann = "T1\tSource 0 3\tZoë\nT2\tCue 4 8\tsaid\nT3\tContent 10 12;13 20\t“i rains”\n\
                   T4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        let a = parse_ann(text, ann).unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].source[0].of(text), "Zoë");
        assert_eq!(a[0].cue[0].of(text), "said");
        assert_eq!(a[0].content.iter().map(|s| s.of(text)).collect::<Vec<_>>(), ["“i", "rains”"]);
        assert!(parse_ann(text, "T1\tCue 5 900\tx\n").is_err());
    }
}
