//! Behaviour of `extract` on small pages written for these tests.
use chrono::NaiveDate;
use dossier_html::{extract, extract_str, HtmlError, HtmlOptions};

/// A plausible article body: long enough for readability to take it as the main text.
fn body_paragraphs() -> String {
    [
        "The harbour board met on Thursday evening to discuss the dredging plan for the eastern basin, which has silted up faster than the engineers had predicted when the quay was rebuilt.",
        "Members of the board said the cost of the work had doubled since the first estimate, and that the ferry operators would be asked to share part of the bill over the next five years.",
        "Fishermen who use the basin told the meeting that their boats had run aground twice this spring, and that the delay was costing them catches during the best weeks of the season.",
        "A decision on the contract is expected before the end of the month, once the regional environment office has finished its review of where the dredged sand can be dumped safely.",
    ]
    .iter()
    .map(|p| format!("<p>{p}</p>\n"))
    .collect()
}

fn page(head: &str, article_extra: &str, outside: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour board weighs dredging plan | Coast Weekly</title>{head}</head>
<body><nav class="menu"><a href="/">Home</a><a href="/news">News</a><a href="/sport">Sport</a></nav>
<article><h1>Harbour board weighs dredging plan</h1>
{body}{article_extra}</article>{outside}
<footer><a href="/about">About us</a> <a href="/jobs">Jobs</a></footer></body></html>"#,
        body = body_paragraphs()
    )
}

fn ex(html: &str) -> dossier_html::Extracted {
    extract_str(html, &HtmlOptions::default()).expect("extracts")
}

#[test]
fn keeps_paragraph_breaks_and_drops_navigation() {
    let e = ex(&page("", "", ""));
    assert_eq!(e.text.matches("\n\n").count(), 3, "{}", e.text);
    assert!(e.text.starts_with("The harbour board met"));
    assert!(!e.text.contains("Sport"));
    assert!(!e.text.contains("About us"));
}

#[test]
fn drops_share_newsletter_cookie_caption_related_comments() {
    let extra = r##"
<div class="share-tools"><a href="#">Share on Facebook</a><a href="#">Tweet this story</a></div>
<div class="newsletter-signup"><p>Sign up for the weekly digest of coast news delivered to your inbox.</p></div>
<div id="cookie-notice"><p>This site stores cookies on your device to remember preferences.</p></div>
<figure><img src="a.jpg"><figcaption>Dredgers at work near the ferry terminal. Photo: staff</figcaption></figure>
<div class="related-stories"><ul><li><a href="/1">Ferry fares rise again</a></li><li><a href="/2">New lighthouse keeper named</a></li></ul></div>
<div class="comments"><p>Reader one wrote: this has been going on for years and nobody listens.</p></div>
<script>document.write("tracking pixel text")</script>"##;
    let e = ex(&page("", extra, ""));
    for junk in [
        "Share on Facebook",
        "weekly digest",
        "cookies",
        "Dredgers at work",
        "Ferry fares",
        "Reader one",
        "tracking pixel",
    ] {
        assert!(!e.text.contains(junk), "{junk:?} left in {:?}", e.text);
    }
    assert!(e.text.contains("A decision on the contract"));
}

#[test]
fn keeps_inline_quotes_and_lists() {
    let extra = r#"<blockquote><p>We cannot keep dredging every single spring without a plan for the sand.</p></blockquote>
<p>The plan has three parts:</p><ul><li>deepen the eastern basin</li><li>move the sand offshore</li><li>monitor the seabed yearly</li></ul>"#;
    let e = ex(&page("", extra, ""));
    assert!(e.text.contains("We cannot keep dredging every single spring"));
    assert!(
        e.text.contains("deepen the eastern basin\nmove the sand offshore\nmonitor the seabed yearly"),
        "{:?}",
        e.text
    );
}

#[test]
fn metadata_from_meta_tags() {
    let head = r#"<meta property="og:title" content="Harbour board weighs dredging plan">
<meta property="og:site_name" content="Coast Weekly"><meta name="author" content="Rosa Maldini">
<meta property="article:published_time" content="2023-05-11T18:20:00+02:00">
<link rel="canonical" href="https://coast.example/news/dredging">"#;
    let e = ex(&page(head, "", ""));
    assert_eq!(e.title.as_deref(), Some("Harbour board weighs dredging plan"));
    assert_eq!(e.outlet.as_deref(), Some("Coast Weekly"));
    assert_eq!(e.byline.as_deref(), Some("Rosa Maldini"));
    assert_eq!(e.canonical_url.as_deref(), Some("https://coast.example/news/dredging"));
    assert_eq!(e.published, NaiveDate::from_ymd_opt(2023, 5, 11));
    assert_eq!(e.published_source, Some("meta:article:published_time"));
    assert_eq!(e.lang.as_deref(), Some("en"));
}

#[test]
fn title_suffix_naming_the_site_is_removed() {
    let head = r#"<meta property="og:site_name" content="Coast Weekly">"#;
    let e = ex(&page(head, "", ""));
    assert_eq!(e.title.as_deref(), Some("Harbour board weighs dredging plan"));
}

#[test]
fn json_ld_date_and_publisher_win() {
    let head = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
{"@type":"VideoObject","uploadDate":"2020-01-01","datePublished":"2020-01-01"},
{"@type":"NewsArticle","headline":"Harbour board weighs dredging plan","datePublished":"2023-05-10T07:00:00Z",
 "author":{"@type":"Person","name":"Rosa Maldini"},"publisher":{"@type":"Organization","name":"Coast Weekly"}}]}</script>
<meta property="article:published_time" content="2023-05-12">"#;
    let e = ex(&page(head, "", ""));
    assert_eq!(e.published, NaiveDate::from_ymd_opt(2023, 5, 10));
    assert_eq!(e.published_source, Some("json-ld"));
}

#[test]
fn time_element_url_and_visible_dateline_strategies() {
    let e = ex(&page(
        "",
        r#"<p>Posted <time datetime="2022-09-03T10:00" class="published-at">3 Sept</time></p>"#,
        "",
    ));
    assert_eq!(e.published, NaiveDate::from_ymd_opt(2022, 9, 3));
    assert_eq!(e.published_source, Some("time[datetime]:published"));

    let opts = HtmlOptions {
        url: Some("https://coast.example/2021/07/14/dredging-plan".into()),
        ..Default::default()
    };
    let e = extract_str(&page("", "", ""), &opts).unwrap();
    assert_eq!(e.published, NaiveDate::from_ymd_opt(2021, 7, 14));
    assert_eq!(e.published_source, Some("url"));

    let e = ex(&page("", r#"<p class="dateline">Port Ellis, 2 February 2019</p>"#, ""));
    assert_eq!(e.published, NaiveDate::from_ymd_opt(2019, 2, 2));
    assert_eq!(e.published_source, Some("text:date-element"));
}

#[test]
fn implausible_dates_are_rejected() {
    let head = r#"<meta property="article:published_time" content="1970-01-01T00:00:00Z">"#;
    let e = ex(&page(head, "", ""));
    assert_eq!(e.published, None);
}

#[test]
fn declared_latin1_is_decoded() {
    let html = page("", "<p>Caf\u{e9} owners on the quay say the noise is unbearable at night.</p>", "")
        .replace(r#"<meta charset="utf-8">"#, "");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&html);
    let e = extract(&bytes, Some("iso-8859-1"), &HtmlOptions::default()).unwrap();
    assert!(e.text.contains("Café owners"), "{:?}", e.text);
    // Undeclared: chardetng guesses it.
    let e = extract(&bytes, None, &HtmlOptions::default()).unwrap();
    assert!(e.text.contains("Café owners"));
}

#[test]
fn lying_meta_charset_is_overruled() {
    // Says latin-1, is UTF-8.
    let html = page("", "<p>Café owners on the quay say the noise is unbearable at night.</p>", "")
        .replace(r#"<meta charset="utf-8">"#, r#"<meta charset="iso-8859-1">"#);
    let e = extract(html.as_bytes(), None, &HtmlOptions::default()).unwrap();
    assert!(e.text.contains("Café owners"));
    assert!(e.warnings.iter().any(|w| w.contains("UTF-8")), "{:?}", e.warnings);
    // Says UTF-8, is windows-1252.
    let html = page("", "<p>Café owners on the quay say the noise is unbearable at night.</p>", "");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&html);
    let e = extract(&bytes, None, &HtmlOptions::default()).unwrap();
    assert!(e.text.contains("Café owners"), "{:?}", e.text);
    assert!(!e.warnings.is_empty());
}

#[test]
fn bom_wins_over_declarations() {
    let html = page("", "<p>Café owners on the quay say the noise is unbearable at night.</p>", "")
        .replace(r#"<meta charset="utf-8">"#, r#"<meta charset="windows-1252">"#);
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(html.as_bytes());
    let e = extract(&bytes, Some("windows-1252"), &HtmlOptions::default()).unwrap();
    assert!(e.text.contains("Café owners"));
    assert!(e.warnings.iter().any(|w| w.contains("byte order mark")));
    // UTF-16 with BOM
    let mut bytes = vec![0xFF, 0xFE];
    for u in page("", "", "").encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let e = extract(&bytes, None, &HtmlOptions::default()).unwrap();
    assert!(e.text.contains("harbour board met"));
}

#[test]
fn deeply_nested_divs_are_an_error_quickly() {
    let html = format!("<html><body>{}<p>deep</p></body></html>", "<div>".repeat(100_000));
    let start = std::time::Instant::now();
    assert_eq!(extract_str(&html, &HtmlOptions::default()), Err(HtmlError::TooDeep { limit: 512 }));
    // Not a timing assertion on speed, only a guard against the quadratic path (minutes, not ms).
    assert!(start.elapsed().as_secs() < 30);
}

#[test]
fn nesting_just_under_the_limit_is_fine() {
    let opts = HtmlOptions { max_depth: 200, ..Default::default() };
    let html =
        page("", &format!("{}<p>inner words here</p>{}", "<div>".repeat(150), "</div>".repeat(150)), "");
    assert!(extract_str(&html, &opts).is_ok());
}

#[test]
fn giant_page_is_a_size_error() {
    let html = "<p>word </p>".repeat(20 * 1024 * 1024 / 12 + 1);
    assert!(matches!(
        extract(html.as_bytes(), None, &HtmlOptions::default()),
        Err(HtmlError::TooLarge { .. })
    ));
    assert!(matches!(extract_str(&html, &HtmlOptions::default()), Err(HtmlError::TooLarge { .. })));
}

#[test]
fn empty_garbage_and_binary_inputs_are_errors() {
    let o = HtmlOptions::default();
    assert_eq!(extract(b"", None, &o), Err(HtmlError::Empty));
    assert_eq!(extract_str("  \n ", &o), Err(HtmlError::Empty));
    assert!(extract(b"<<<>>>&&&;;; <div <p </ >", None, &o).is_err());
    let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
    assert!(extract(&binary, None, &o).is_err());
    assert!(matches!(extract(&[0u8; 100], None, &o), Err(HtmlError::Binary { .. })));
}

#[test]
fn relative_url_option_does_not_fail() {
    let opts = HtmlOptions { url: Some("/news/2020/01/02/x".into()), ..Default::default() };
    let e = extract_str(&page("", "", ""), &opts).unwrap();
    assert_eq!(e.published, NaiveDate::from_ymd_opt(2020, 1, 2));
}
