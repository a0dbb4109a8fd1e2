//! People treated in hospital are injured, and a tally with a relative clause ("the number of
//! people who have died … rose to 31") reaches its figure. Our own sentences.

mod common;

use common::{counts_of, has};

#[test]
fn people_treated_in_hospital_are_injured() {
    let c = counts_of("A gas explosion tore through a bakery in Sliven on Friday. At least 12 people were treated in hospital.");
    assert!(has(&c, "injured", 12, "at_least"), "{c:?}");
    let c = counts_of(
        "Floods swept through the valley on Monday, killing three people, and nine were treated at a hospital in Ruse for cuts.",
    );
    assert!(has(&c, "injured", 9, "exact"), "{c:?}");
    assert!(has(&c, "killed", 3, "exact"), "{c:?}");
    let c = counts_of("A tram derailed in the old town on Sunday. Four passengers were hospitalised.");
    assert!(has(&c, "injured", 4, "exact"), "{c:?}");
}

#[test]
fn treated_at_the_scene_is_no_injury_count() {
    let c = counts_of(
        "A tram derailed in the old town on Sunday. Four passengers were treated at the scene for shock.",
    );
    assert!(!c.iter().any(|(w, _, _)| w == "injured"), "{c:?}");
}

#[test]
fn a_tally_with_a_relative_clause_reaches_its_figure() {
    let c = counts_of(
        "Dozens fell ill after a village feast in Vratsa on Saturday. The number of people who have died after the feast rose to 14 on Monday, officials said.",
    );
    assert!(has(&c, "killed", 14, "exact"), "{c:?}");
    // Without a relative clause, a word four tokens from the tally is none of it.
    let c = counts_of(
        "Dozens fell ill after a village feast in Vratsa on Saturday. The number of guests from abroad killed rose to 14 on Monday, officials said.",
    );
    assert!(!has(&c, "killed", 14, "exact"), "{c:?}");
}
