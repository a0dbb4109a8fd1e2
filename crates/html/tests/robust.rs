//! Never panics, whatever the input; and the readability evaluation runs when its data is present.
use dossier_html::{extract, extract_str, HtmlOptions};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = extract(&bytes, None, &HtmlOptions::default());
        let _ = extract(&bytes, Some("utf-8"), &HtmlOptions::default());
    }

    #[test]
    fn never_panics_on_tag_soup(parts in proptest::collection::vec(
        prop_oneof![
            Just("<div>".to_string()), Just("</div>".to_string()), Just("<p>".to_string()),
            Just("<script>".to_string()), Just("</script>".to_string()), Just("<!--".to_string()),
            Just("-->".to_string()), Just("<br>".to_string()), Just("<meta charset=latin1>".to_string()),
            Just("<time datetime='2024-02-30'>".to_string()), Just("<style".to_string()),
            "[a-zA-Z éü日本 .,<>/=\"']{0,40}",
        ], 0..80)) {
        let html = parts.concat();
        let _ = extract_str(&html, &HtmlOptions::default());
        let _ = extract(html.as_bytes(), Some("windows-1252"), &HtmlOptions { max_depth: 8, ..Default::default() });
    }
}

#[test]
fn readability_eval_sanity_when_data_present() {
    let dir = std::path::Path::new("/work/shared/data/readability-test-pages");
    if !dir.is_dir() {
        eprintln!("skipped: {} absent", dir.display());
        return;
    }
    let report = dossier_html::eval::readability(dir).expect("eval runs");
    assert!(report.pages.len() > 100);
    assert!(report.macro_f1 > 0.9, "{report}");
    assert!(report.title.value() > 0.9, "{report}");
}
