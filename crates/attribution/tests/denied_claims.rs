//! A claim of responsibility that its subject or a negation denies ("No group has claimed
//! responsibility", "has not claimed responsibility") is no `claims_responsibility`; a real
//! one beside it keeps the stance. Our own sentences.

use dossier_attribution::{analyze, Stance};

fn claimers(text: &str) -> Vec<String> {
    analyze(text)
        .iter()
        .filter(|h| h.stance == Stance::ClaimsResponsibility)
        .map(|h| h.source.map_or("-".into(), |s| s.of(text).to_owned()))
        .collect()
}

#[test]
fn a_negative_subject_claims_nothing() {
    let text = "A roadside bomb killed two soldiers near Kesra on Monday. No group has claimed responsibility for the attack.";
    assert_eq!(claimers(text), Vec::<String>::new());
    let text =
        "A roadside bomb killed two soldiers near Kesra on Monday. Nobody has claimed responsibility so far.";
    assert_eq!(claimers(text), Vec::<String>::new());
}

#[test]
fn a_negated_claim_is_none_and_a_real_one_stays() {
    let text = "The Velm Front has not claimed responsibility for the blast, officials said. \
                On Tuesday the Ardo Brigade claimed responsibility for the attack in a message online.";
    assert_eq!(claimers(text), vec!["the Ardo Brigade".to_owned()]);
}
