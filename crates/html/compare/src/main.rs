//! Runs several extractors through `dossier_html::eval::readability_with` and prints their reports.
use std::path::PathBuf;

use dossier_html::eval::{readability, readability_with, Candidate};

fn utf8(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "/work/shared/data/readability-test-pages".into()),
    );
    let only = std::env::args().nth(2);
    let want = |n: &str| only.as_deref().is_none_or(|o| o == n);
    if want("dossier-html") {
        print(readability(&dir));
    }
    if want("dom_smoothie") {
        print(readability_with(&dir, "dom_smoothie 0.19 (text_content)", |b| {
            let mut r = dom_smoothie::Readability::new(utf8(b), None, None).map_err(|e| e.to_string())?;
            let a = r.parse().map_err(|e| e.to_string())?;
            Ok(Candidate {
                text: a.text_content.to_string(),
                title: Some(a.title),
                byline: a.byline,
                published: a.published_time.as_deref().and_then(dossier_html::date::parse_date),
                ..Default::default()
            })
        }));
    }
    if want("rs-trafilatura") {
        print(readability_with(&dir, "rs-trafilatura 0.2", |b| {
            let r = rs_trafilatura::extract_bytes(b).map_err(|e| e.to_string())?;
            Ok(Candidate {
                text: r.content_text,
                title: r.metadata.title.clone(),
                byline: r.metadata.author.clone(),
                published: r.metadata.date.map(|d| d.date_naive()),
                ..Default::default()
            })
        }));
    }
    if want("trafilatura") {
        let opts = trafilatura::Options::default();
        print(readability_with(&dir, "trafilatura(-rs) 0.6", |b| {
            let r = trafilatura::extract(&utf8(b), &opts).map_err(|e| e.to_string())?;
            let s = |v: String| (!v.is_empty()).then_some(v);
            Ok(Candidate {
                text: r.content_text,
                title: s(r.metadata.title),
                byline: s(r.metadata.author),
                published: r.metadata.date,
                ..Default::default()
            })
        }));
    }
    let base = url::Url::parse("http://fakehost/test/page.html").expect("url");
    if want("readability") {
        print(readability_with(&dir, "readability (kumabook) 0.3", |b| {
            let p = readability::extractor::extract(&mut &b[..], &base).map_err(|e| e.to_string())?;
            Ok(Candidate { text: p.text, title: Some(p.title), ..Default::default() })
        }));
    }
    if want("llm_readability") {
        print(readability_with(&dir, "llm_readability 0.0.17", |b| {
            let p = llm_readability::extractor::extract(&mut &b[..], &base).map_err(|e| e.to_string())?;
            Ok(Candidate { text: p.text, title: None, ..Default::default() })
        }));
    }
}

fn print(r: dossier_html::eval::Result<dossier_html::eval::HtmlReport>) {
    match r {
        Ok(r) => println!("{r}\n"),
        Err(e) => eprintln!("error: {e}"),
    }
}
