//! Counts of people joined to a figure: one person named with a role noun before "and"
//! ("the captain and two deckhands" = 3), two groups summed ("12 officers and 20 fans were
//! hurt" = 32, with both groups as its parts), and the one who is "with N other" people over a
//! time between the verb and "with". Our own sentences.

mod common;

use common::{counts_of, has};
use dossier_events::{prepare::prepare, EventExtractor};

#[test]
fn a_role_noun_and_a_figure_count_together() {
    let c = counts_of("Police arrested the barge's skipper and three deckhands on Friday after the spill.");
    assert!(has(&c, "arrested", 4, "exact"), "{c:?}");
    let c = counts_of("The bomb killed a guard and four villagers near the market on Sunday.");
    assert!(has(&c, "killed", 5, "exact"), "{c:?}");
}

#[test]
fn no_person_is_added_for_a_thing_or_a_group() {
    // "crew" is a group, not one person; "a school" is no person.
    let c = counts_of("Police arrested the crew and three passengers on Friday after the spill.");
    assert!(!c.iter().any(|(w, v, _)| w == "arrested" && *v == 4), "{c:?}");
    let c =
        counts_of("After the flood on Monday, troops evacuated a school and 200 residents from the valley.");
    assert!(!c.iter().any(|(w, v, _)| w == "evacuated" && *v == 201), "{c:?}");
    // A figure before "and" is no person: the two figures are summed, no one is added.
    let c = counts_of("Gunmen killed 12 soldiers and two civilians in the raid on Tuesday.");
    assert!(has(&c, "killed", 14, "exact"), "{c:?}");
    assert!(!c.iter().any(|(w, v, _)| w == "killed" && (*v == 3 || *v == 15)), "{c:?}");
}

#[test]
fn with_other_people_over_a_date() {
    let c = counts_of(
        "Amira Haddad, a student leader, was detained on May 3 with at least 20 other protesters when police cleared the square.",
    );
    assert!(has(&c, "detained", 21, "at_least"), "{c:?}");
}

#[test]
fn shifted_by_a_prefix_the_count_is_the_same() {
    let base = "Police arrested the barge's skipper and three deckhands on Friday after the spill.";
    let shifted = format!("Weather. Calm seas were reported. {base}");
    assert_eq!(counts_of(base), counts_of(&shifted));
}

/// The arrest events of `text` with their counts.
fn arrests(text: &str) -> Vec<Vec<(String, u64)>> {
    let p = prepare(text, chrono::NaiveDate::from_ymd_opt(2025, 6, 14));
    let ents = p.entity_refs();
    let events = EventExtractor::global().extract(&p.input(text, &ents));
    events
        .iter()
        .filter(|e| e.kind == dossier_events::EventType::Arrest)
        .map(|e| e.counts.iter().map(|c| (c.what.clone(), c.value)).collect())
        .collect()
}

#[test]
fn captured_people_is_an_arrest_and_a_captured_place_is_none() {
    let a = arrests("Troops captured three smugglers near the river crossing on Saturday, the army said.");
    assert_eq!(a, vec![vec![("arrested".to_owned(), 3)]]);
    let a = arrests("Rebels captured the town of Dalo on Saturday after a week of fighting.");
    assert!(a.is_empty(), "{a:?}");
    let a = arrests("The guerrillas captured two hills and a bridge overnight.");
    assert!(a.is_empty(), "{a:?}");
}

#[test]
fn an_apposition_naming_the_people_is_stepped_over() {
    let c = counts_of(
        "A bus crashed into a gorge on Monday, killing four people. Three travellers, a nurse and her two sons, were pulled alive from the wreck.",
    );
    assert!(has(&c, "rescued", 3, "exact"), "{c:?}");
    let c = counts_of("Two guards, both former soldiers, were wounded in the attack on the depot on Friday.");
    assert!(has(&c, "injured", 2, "exact"), "{c:?}");
    // A clause between the commas is no apposition: its verb ends the search.
    let c = counts_of(
        "Police said 40 residents, who live near the depot, lost power after the attack on Friday.",
    );
    assert!(c.is_empty(), "{c:?}");
}

/// (what, value, qualifier, max, [(part value, part qualifier, part text)]) of every count.
type Summed = (String, u64, &'static str, Option<u64>, Vec<(u64, &'static str, String)>);

fn summed_counts(text: &str) -> Vec<Summed> {
    let p = prepare(text, chrono::NaiveDate::from_ymd_opt(2025, 6, 14));
    let ents = p.entity_refs();
    let events = EventExtractor::global().extract(&p.input(text, &ents));
    events
        .iter()
        .flat_map(|e| {
            e.counts.iter().map(|c| {
                let parts = c
                    .parts
                    .iter()
                    .map(|g| (g.value, g.qualifier.as_str(), g.span.of(text).to_owned()))
                    .collect();
                (c.what.clone(), c.value, c.qualifier.as_str(), c.max, parts)
            })
        })
        .collect()
}

fn parts_of(c: &[Summed], what: &str) -> Vec<(u64, &'static str, String)> {
    c.iter().find(|s| s.0 == what).map(|s| s.4.clone()).unwrap_or_default()
}

#[test]
fn two_figures_joined_by_and_are_one_summed_count() {
    // "N officers and M fans were hurt": one outcome of two groups is one count, their sum; a
    // range adds its bounds, and the weaker qualifier wins (testdata/gold/README.md).
    let c = summed_counts(
        "Police said 12 officers and between 20 and 30 supporters were hurt in the clashes on Saturday.",
    );
    let injured: Vec<_> = c.iter().filter(|s| s.0 == "injured").collect();
    assert_eq!(injured.len(), 1, "{c:?}");
    assert_eq!((injured[0].1, injured[0].2, injured[0].3), (32, "range", Some(42)), "{c:?}");
    assert_eq!(
        parts_of(&c, "injured"),
        vec![
            (12, "exact", "12 officers".to_owned()),
            (20, "range", "between 20 and 30 supporters".to_owned())
        ]
    );
    let c = summed_counts(
        "Nine police officers and at least 14 protesters were injured in the clashes on Saturday.",
    );
    assert!(c.iter().any(|s| s.0 == "injured" && s.1 == 23 && s.2 == "at_least" && s.3.is_none()), "{c:?}");
    assert_eq!(c.iter().filter(|s| s.0 == "injured").count(), 1, "{c:?}");
    // The verb before both groups counts both.
    let c = counts_of("Gunmen killed 12 soldiers and two civilians in the raid on Tuesday.");
    assert_eq!(c, vec![("killed".to_owned(), 14, "exact")]);
}

#[test]
fn one_person_and_a_figure_are_one_summed_count() {
    // A singular noun phrase of one person counts 1, before the figure or after it.
    let c =
        summed_counts("A woman and two children were killed when the roof of the school fell in on Monday.");
    assert!(c.iter().any(|s| s.0 == "killed" && s.1 == 3 && s.2 == "exact"), "{c:?}");
    assert_eq!(
        parts_of(&c, "killed"),
        vec![(1, "exact", "A woman".to_owned()), (2, "exact", "two children".to_owned())]
    );
    let c = summed_counts("At least 40 inmates and a prison guard were wounded in the riot on Sunday.");
    assert!(c.iter().any(|s| s.0 == "injured" && s.1 == 41 && s.2 == "at_least"), "{c:?}");
    assert_eq!(parts_of(&c, "injured").last().map(|p| p.2.as_str()), Some("a prison guard"));
    let c = summed_counts(
        "Shots rang out at the rally on Friday. An aide and three onlookers, one of them a 10-year-old boy, were wounded.",
    );
    assert!(c.iter().any(|s| s.0 == "injured" && s.1 == 4), "{c:?}");
}

#[test]
fn no_one_is_added_for_a_thing_a_group_or_another_clause() {
    // "The crew" is a group, "a school" a thing, and "and" after a verb joins clauses.
    let c = counts_of("The crew and two passengers were killed when the boat sank on Monday.");
    assert_eq!(c, vec![("killed".to_owned(), 2, "exact")]);
    let c = counts_of("The storm flattened a school and two children were killed in the village on Monday.");
    assert_eq!(c, vec![("killed".to_owned(), 2, "exact")]);
    let c = counts_of("The driver was arrested and two passengers were hurt after the crash on Monday.");
    assert!(has(&c, "injured", 2, "exact"), "{c:?}");
    assert!(!c.iter().any(|(w, v, _)| w == "injured" && *v == 3), "{c:?}");
    // With "other(s)" the one named is added once, not twice.
    let c = counts_of("A student leader and four other activists were detained on Friday.");
    assert!(has(&c, "detained", 5, "exact"), "{c:?}");
}

#[test]
fn a_summed_count_is_the_same_shifted_by_a_prefix() {
    let base = "A woman and two children were killed when the roof of the school fell in on Monday.";
    let shifted = format!("Rain fell. Roads were closed. {base}");
    assert_eq!(summed_counts(base), summed_counts(&shifted));
}

#[test]
fn a_figure_after_and_with_its_own_word_is_not_joined() {
    // The second figure has a word of its own: the first keeps the first word.
    let c = counts_of("Four guards were killed and between 30 and 40 villagers were wounded near the border post on Sunday.");
    assert!(has(&c, "killed", 4, "exact"), "{c:?}");
    assert!(!c.iter().any(|(w, v, _)| w == "killed" && *v == 30), "{c:?}");
    assert!(!c.iter().any(|(w, v, _)| w == "injured" && *v == 4), "{c:?}");
}

#[test]
fn a_phrase_of_the_counted_noun_is_stepped_over() {
    // A preposition and a determiner after the counted noun open a phrase of it.
    let c = counts_of(
        "A fire gutted a sawmill near Brasov on Monday. Nine workers from the early shift were still missing on Tuesday.",
    );
    assert!(has(&c, "missing", 9, "exact"), "{c:?}");
    let c =
        counts_of("A bomb exploded at a bus stop in Varna on Friday. Six people at the stop were injured.");
    assert!(has(&c, "injured", 6, "exact"), "{c:?}");
    // A preposition with no determiner after it opens no such phrase here.
    let c = counts_of(
        "A bomb exploded at a bus stop in Varna on Friday. Six people in Varna said they were injured.",
    );
    assert!(!has(&c, "injured", 6, "exact"), "{c:?}");
}

#[test]
fn the_role_noun_before_a_counting_verb_s_figure_is_a_part() {
    let c =
        summed_counts("Police arrested the barge's skipper and three deckhands on Friday after the spill.");
    assert_eq!(
        parts_of(&c, "arrested"),
        vec![(1, "exact", "the barge's skipper".to_owned()), (3, "exact", "three deckhands".to_owned())]
    );
}

#[test]
fn a_sum_takes_the_weaker_qualifier() {
    use dossier_events::Qualifier::*;
    assert_eq!(Exact.sum(Exact), Exact);
    assert_eq!(Exact.sum(AtLeast), AtLeast);
    assert_eq!(About.sum(Exact), About);
    assert_eq!(AtLeast.sum(AtLeast), AtLeast);
    assert_eq!(AtLeast.sum(AtMost), About);
    assert_eq!(Range.sum(Exact), Range);
    assert_eq!(AtMost.sum(Range), Range);
}

#[test]
fn two_people_as_a_counting_verb_s_object_are_two() {
    let c = summed_counts(
        "Police detained the bakery's owner and its night manager on Friday after the explosion, prosecutors said.",
    );
    assert!(c.iter().any(|s| s.0 == "detained" && s.1 == 2 && s.2 == "exact"), "{c:?}");
    assert_eq!(
        parts_of(&c, "detained"),
        vec![(1, "exact", "the bakery's owner".to_owned()), (1, "exact", "its night manager".to_owned())]
    );
    // An "of" phrase after the first person is stepped over.
    let c = counts_of(
        "Police arrested the chief engineer of Dravo Lifts and a mechanic on Monday after the lift fell.",
    );
    assert!(has(&c, "arrested", 2, "exact"), "{c:?}");
    // A person and a thing, or one person alone, is no count of two.
    let c = counts_of("Police arrested the owner and his car was seized on Monday after the crash.");
    assert!(!c.iter().any(|(w, v, _)| w == "arrested" && *v == 2), "{c:?}");
    let c = counts_of("Police arrested the bakery's owner and seized its books on Monday.");
    assert!(!c.iter().any(|(w, _, _)| w == "arrested"), "{c:?}");
}

#[test]
fn a_relative_clause_between_the_groups_and_the_verb_is_stepped_over() {
    let c = counts_of(
        "The pier gave way on Sunday. Eleven tourists and four boatmen who tried to pull them out were injured.",
    );
    assert!(has(&c, "injured", 15, "exact"), "{c:?}");
    let c =
        counts_of("The mine flooded on Monday. Nine miners who were trapped below were rescued on Tuesday.");
    assert!(has(&c, "rescued", 9, "exact"), "{c:?}");
}

#[test]
fn people_treated_in_hospital_count_on_a_death_with_no_disaster() {
    let c = counts_of(
        "Four people have died after eating at a village feast on Saturday. \
         More than 90 guests and 12 cooks were treated in hospitals in the region.",
    );
    assert!(has(&c, "injured", 103, "at_least"), "{c:?}");
}

#[test]
fn two_plural_nouns_of_one_group_are_one_group() {
    let c = counts_of(
        "Four people have died after eating at a village feast on Saturday. \
         More than 90 guests and 12 waiters and cooks were treated in hospitals in the region.",
    );
    assert!(has(&c, "injured", 103, "at_least"), "{c:?}");
}

#[test]
fn a_participle_before_the_counted_noun_is_its_adjective() {
    let c = counts_of(
        "Soldiers stormed a camp near the river on Sunday. Three suspected smugglers were killed in the raid.",
    );
    assert!(has(&c, "killed", 3, "exact"), "{c:?}");
}
