//! Which time dates which event, on the team's own sentences.

use chrono::NaiveDate;
use dossier_events::{prepare::prepare, EventExtractor, EventHit, EventType};

/// The events of `text`, published on Tuesday 2025-03-11.
fn events_of(text: &str) -> Vec<EventHit> {
    let p = prepare(text, NaiveDate::from_ymd_opt(2025, 3, 11));
    let ents = p.entity_refs();
    EventExtractor::global().extract(&p.input(text, &ents))
}

fn time_of(text: &str, kind: EventType) -> Option<String> {
    let events = events_of(text);
    let e = events.iter().find(|e| e.kind == kind)?;
    e.time.as_ref().and_then(|t| t.value.clone())
}

#[test]
fn a_time_right_after_the_trigger_dates_it_over_one_in_an_apposition() {
    let text = "The Harbor Liberation Army, a militia that few had heard of before this month, claimed \
                responsibility on Sunday in a message posted online.";
    assert_eq!(time_of(text, EventType::ClaimResponsibility).as_deref(), Some("2025-03-09"));
}

#[test]
fn a_declined_comment_is_dated_in_the_past() {
    let text =
        "Gunmen attacked a bus depot in Varna on Friday. The transport agency declined to comment on Monday.";
    assert_eq!(time_of(text, EventType::Attack).as_deref(), Some("2025-03-07"));
    let p = prepare(text, NaiveDate::from_ymd_opt(2025, 3, 11));
    assert!(p.timexes.iter().any(|t| t.value == "2025-03-10"), "{:?}", p.timexes);
}

#[test]
fn a_toll_update_dates_the_figure_not_the_collapse() {
    // Published Tuesday 2025-03-11: the toll rose on Monday, the roof fell on Saturday.
    let text = "The death toll from the collapse of a warehouse roof in Brasov climbed to 14 on Monday, \
                rescuers said. The roof caved in on Saturday during a storm.";
    assert_eq!(time_of(text, EventType::Disaster).as_deref(), Some("2025-03-08"));
}

#[test]
fn a_toll_revised_on_a_day_dates_the_figure_not_the_fire() {
    // The update's verb comes before the toll: "on Monday revised / raised the toll to …".
    for verb in ["revised", "raised", "updated"] {
        let text = format!(
            "Officials on Monday {verb} the death toll from a fire at a hostel in Varna to 23. \
             The fire broke out on Saturday night in a kitchen on the ground floor."
        );
        assert_eq!(time_of(&text, EventType::Disaster).as_deref(), Some("2025-03-08"), "{verb}");
    }
}

#[test]
fn a_time_a_few_words_after_the_trigger_is_its_own() {
    // The attributed content may end before the time; the arrest still owns it.
    let text = "The prosecutor said officers had detained nine people at the depot on Sunday.";
    assert_eq!(time_of(text, EventType::Arrest).as_deref(), Some("2025-03-09"));
    let text = "In a statement released Monday, the agency said the depot would stay shut.";
    assert_eq!(time_of(text, EventType::Statement).as_deref(), Some("2025-03-10"));
    // The phrase opens what was announced: it still dates the announcement.
    let text = "The airline grounded its fleet on Monday and kept all flights suspended until Friday. \
                The transport minister announced the same day a review of how pilots decide whether to fly.";
    assert_eq!(time_of(text, EventType::Statement).as_deref(), Some("2025-03-10"));
}

#[test]
fn a_back_reference_does_not_take_the_time_of_another_verb() {
    let text = "A grenade exploded outside the depot in Varna on Saturday, killing two guards. \
                A militia claimed responsibility for the attack in a video posted on Monday.";
    assert_eq!(time_of(text, EventType::Attack).as_deref(), Some("2025-03-08"));
}

#[test]
fn coordinated_predicates_share_their_time() {
    let text = "Twelve people were arrested and dozens hurt on Saturday night in Varna.";
    assert_eq!(time_of(text, EventType::Arrest).as_deref(), Some("2025-03-08"));
    let text = "The minister visited the depot on Monday and announced a new inquiry.";
    assert_eq!(time_of(text, EventType::Meeting).as_deref(), Some("2025-03-10"));
    assert_eq!(time_of(text, EventType::Statement).as_deref(), Some("2025-03-10"));
    // The phrase opens what was announced: it still dates the announcement.
    let text = "The airline grounded its fleet on Monday and kept all flights suspended until Friday. \
                The transport minister announced the same day a review of how pilots decide whether to fly.";
    assert_eq!(time_of(text, EventType::Statement).as_deref(), Some("2025-03-10"));
}

#[test]
fn an_indefinite_mention_dated_years_ago_is_another_happening() {
    let text = "Landslides buried homes in the hills near Kandy, police said. \
                In 2016, a landslide in a neighbouring district killed more than 100 people.";
    let events = events_of(text);
    let disasters: Vec<_> = events.iter().filter(|e| e.kind == EventType::Disaster).collect();
    assert_eq!(disasters.len(), 2, "{disasters:?}");
    assert_eq!(disasters[0].trigger.of(text), "Landslides", "a plural noun trigger");
    assert_eq!(disasters[1].time.as_ref().and_then(|t| t.value.as_deref()), Some("2016"));
}

#[test]
fn the_headline_happening_is_the_one_the_lead_introduces() {
    let text = "Coastal states agree on joint patrols at Lome summit\n\n\
                Leaders of five coastal states agreed at a summit in Lome on Thursday to share radar data.";
    let events = events_of(text);
    let meetings: Vec<_> = events.iter().filter(|e| e.kind == EventType::Meeting).collect();
    assert_eq!(meetings.len(), 1, "{meetings:?}");
    assert_eq!(meetings[0].time.as_ref().and_then(|t| t.value.as_deref()), Some("2025-03-06"));
}

#[test]
fn speech_in_a_dated_report_takes_its_date() {
    let text = "In the report, released on Monday, the institute warned that piracy had doubled.";
    assert_eq!(time_of(text, EventType::Warning).as_deref(), Some("2025-03-10"));
}

#[test]
fn a_claim_takes_the_time_after_its_back_reference() {
    let text = "A militia claimed responsibility for the ambush on Sunday in a message posted online.";
    assert_eq!(time_of(text, EventType::ClaimResponsibility).as_deref(), Some("2025-03-09"));
}

#[test]
fn a_back_reference_with_its_own_date_outranks_a_casualty() {
    // The segmenter may keep "6 a.m. Over 50 …" in one sentence; the blast's own date wins.
    let text =
        "The blast on March 4 tore through a storage hall shortly after 6 a.m. Over 50 workers were injured.";
    assert_eq!(time_of(text, EventType::Disaster).as_deref(), Some("2025-03-04"));
}

#[test]
fn the_blast_of_a_bombing_is_the_attack() {
    let text = "A suicide bomber attacked a mosque in Quetta on Monday, killing 12 people. \
                Officials had warned the police hours before the blast that a bomber had entered the city.";
    let events = events_of(text);
    assert!(!events.iter().any(|e| e.kind == EventType::Disaster), "{events:?}");
    let warning = events.iter().find(|e| e.kind == EventType::Warning).expect("a warning");
    assert_eq!(warning.time.as_ref().and_then(|t| t.value.as_deref()), Some("2025-03-10"));
}

#[test]
fn a_date_before_the_noun_dates_the_back_reference() {
    let text = "Voters in Lilongwe queued for hours in the presidential election. \
                The president was declared the winner of the March 4 ballot with 52 percent.";
    assert_eq!(time_of(text, EventType::Election).as_deref(), Some("2025-03-04"));
}

#[test]
fn a_dated_bare_plural_is_a_happening() {
    let text = "The minister discussed the case with her counterpart during talks in Riga on Monday.";
    assert_eq!(time_of(text, EventType::Meeting).as_deref(), Some("2025-03-10"));
    // Undated, a bare plural stays generic.
    let text = "The minister said talks were the only way out.";
    let events = events_of(text);
    assert!(!events.iter().any(|e| e.kind == EventType::Meeting), "{events:?}");
}

#[test]
fn a_finer_date_of_the_same_happening_wins() {
    let text = "A court in Varna jailed two men for a shooting at a bakery in 2024 that left a guard dead. \
                The judges found that the men had fired shots into the bakery on 3 March 2024.";
    assert_eq!(time_of(text, EventType::Attack).as_deref(), Some("2024-03-03"));
}

#[test]
fn a_day_inside_a_season_or_week_told_later_dates_the_happening() {
    // The lead gives the season, a back-reference later the day inside it.
    let text = "A court in Varna jailed a man for a knife attack on a tram last summer.                 The judges found that he had stabbed two passengers during the attack on 9 August 2024.";
    assert_eq!(time_of(text, EventType::Attack).as_deref(), Some("2024-08-09"));
    // A day outside the season is another matter: the season stays.
    let text = "A court in Varna jailed a man for a knife attack on a tram last summer.                 The judges said the attack on 9 October 2024 had been planned for weeks.";
    assert_ne!(time_of(text, EventType::Attack).as_deref(), Some("2024-10-09"));
}

#[test]
fn a_measure_joined_to_its_unit_is_no_count_and_a_custody_death_is_its_own_event() {
    let text = "A bomb killed seven people at a bus depot in Varna on 4 May 2024. \
                A fifth suspect, a 30-year-old driver, died in police custody in March.";
    assert_eq!(time_of(text, EventType::Attack).as_deref(), Some("2024-05-04"));
    assert_eq!(time_of(text, EventType::Death).as_deref(), Some("2025-03"));
}

#[test]
fn a_reporting_participle_speaks_at_the_time_of_its_clause() {
    let text = "The ministry denied the account on Monday, saying in a statement that officers had \
                acted lawfully.";
    assert_eq!(time_of(text, EventType::Statement).as_deref(), Some("2025-03-10"));
    // The phrase opens what was announced: it still dates the announcement.
    let text = "The airline grounded its fleet on Monday and kept all flights suspended until Friday. \
                The transport minister announced the same day a review of how pilots decide whether to fly.";
    assert_eq!(time_of(text, EventType::Statement).as_deref(), Some("2025-03-10"));
}

#[test]
fn an_earlier_happening_compared_to_in_the_same_sentence_is_another_event() {
    let text = "Officials on Monday raised the death toll from a weekend fire at a hostel in Varna to 23. \
                The fire was the deadliest in the country since a blaze at a textile mill killed 14 workers \
                in 2019.";
    let events = events_of(text);
    let fires: Vec<_> = events.iter().filter(|e| e.kind == EventType::Disaster).collect();
    assert_eq!(fires.len(), 2, "{fires:?}");
    assert!(fires[0].time.as_ref().and_then(|t| t.value.as_deref()) != Some("2019"), "{fires:?}");
    assert_eq!(fires[1].time.as_ref().and_then(|t| t.value.as_deref()), Some("2019"));
}

#[test]
fn a_place_after_at_does_not_make_a_happening_a_toll_update() {
    let text = "A court jailed three men over a shooting at a cafe in Varna last year. \
                The men had opened fire on diners at the cafe late on 4 May 2024, killing two.";
    assert_eq!(time_of(text, EventType::Attack).as_deref(), Some("2024-05-04"));
}

#[test]
fn a_date_the_reporting_verb_took_does_not_refine_the_happening() {
    let text = "Police in Varna said yesterday that 12 traders had been detained this month for selling \
                fake medicine.";
    assert_eq!(time_of(text, EventType::Arrest).as_deref(), Some("2025-03"));
}

#[test]
fn the_headline_verb_happening_is_the_one_the_text_reports() {
    let text = "Fan dies after derby in Varna; dozens arrested\n\n\
                Police said 41 people had been arrested on Saturday night after fans tore down fences.";
    let events = events_of(text);
    let arrests: Vec<_> = events.iter().filter(|e| e.kind == EventType::Arrest).collect();
    assert_eq!(arrests.len(), 1, "{arrests:?}");
    assert_eq!(arrests[0].time.as_ref().and_then(|t| t.value.as_deref()), Some("2025-03-08"));
}

#[test]
fn a_time_after_a_verb_is_not_taken_by_a_noun_in_the_phrase_after_it() {
    // Published Tuesday 2025-03-11.
    let text = "A supporter died in hospital on Sunday from injuries suffered at the stadium in Varna.";
    assert_eq!(time_of(text, EventType::Death).as_deref(), Some("2025-03-09"));
}

#[test]
fn a_time_closing_its_clause_dates_the_clause_before_the_comma() {
    // Published Tuesday 2025-03-11.
    let text = "The minister met the union's negotiator in Varna on Monday, as a strike by dockers kept \
                ships in port for a tenth day.";
    assert_eq!(time_of(text, EventType::Meeting).as_deref(), Some("2025-03-10"));
    assert_eq!(time_of(text, EventType::Protest), None);
}

#[test]
fn a_happening_named_after_another_takes_its_date_as_after() {
    let text = "The ministers met in Varna on Monday. The ministry said in a statement after the talks \
                that no deal was reached.";
    let events = events_of(text);
    let st = events.iter().find(|e| e.kind == EventType::Statement).expect("a statement");
    let t = st.time.as_ref().expect("a time");
    assert_eq!((t.value.as_deref(), t.relation.as_str()), (Some("2025-03-10"), "after"), "{events:?}");
}

/// The timeline of `text`, published on Tuesday 2025-03-11, as (cue text, value) for the
/// attribution items.
fn attribution_times(text: &str) -> Vec<(String, String)> {
    let p = prepare(text, NaiveDate::from_ymd_opt(2025, 3, 11));
    let ents = p.entity_refs();
    let input = p.input(text, &ents);
    let ex = EventExtractor::global();
    let events = ex.extract(&input);
    ex.timeline(&input, &events)
        .iter()
        .filter_map(|t| {
            let a = &p.attributions[t.attribution?];
            Some((text[a.cue.range()].to_string(), t.value.clone()))
        })
        .collect()
}

#[test]
fn a_time_of_day_alone_does_not_date_the_event_on_the_publication_day() {
    // "noon" is put on the publication date by the time stage; the shooting is Friday's.
    let text = "Gunmen stormed a bus depot in Varna on Friday. They opened fire on the drivers shortly \
                after noon, witnesses said.";
    let events = events_of(text);
    let attacks: Vec<_> = events.iter().filter(|e| e.kind == EventType::Attack).collect();
    assert_eq!(attacks.len(), 1, "{attacks:?}");
    assert_eq!(attacks[0].time.as_ref().and_then(|t| t.value.as_deref()), Some("2025-03-07"));
}

#[test]
fn a_continuation_shares_the_time_of_the_statement_it_continues() {
    let text = "The mayor of Varna, Elena Petrova, said on Monday that the depot would reopen within a \
                week. She added that private guards would be hired for the night shifts.";
    let times = attribution_times(text);
    assert!(times.contains(&("said".to_string(), "2025-03-10".to_string())), "{times:?}");
    assert!(times.contains(&("added".to_string(), "2025-03-10".to_string())), "{times:?}");
    // Another speaker's addition has no time of its own.
    let text = "The mayor of Varna, Elena Petrova, said on Monday that the depot would reopen within a \
                week. The drivers' union added that its members would not return.";
    let times = attribution_times(text);
    assert!(times.iter().all(|(cue, _)| cue != "added"), "{times:?}");
}

#[test]
fn the_same_speaker_in_the_next_sentence_goes_on_with_the_dated_statement() {
    let text = "The mayor of Varna, Elena Petrova, said on Monday that the depot would reopen within a                 week. She said private guards would be hired for the night shifts.";
    let times = attribution_times(text);
    assert_eq!(times.iter().filter(|(_, v)| v == "2025-03-10").count(), 2, "{times:?}");
    // Two sentences on, a plain "said" is no longer the same statement.
    let text = "The mayor of Varna, Elena Petrova, said on Monday that the depot would reopen within a                 week. The drivers have been on strike since January. Their pay has not risen in years.                 She said private guards would be hired for the night shifts.";
    let times = attribution_times(text);
    assert_eq!(times.iter().filter(|(_, v)| v == "2025-03-10").count(), 1, "{times:?}");
}

#[test]
fn the_speaker_of_a_dated_statement_speaks_at_its_date() {
    let text = "In a statement on Sunday, a police spokesman in Varna said six men had been questioned.                 Two of them were released, he added.";
    let times = attribution_times(text);
    assert!(times.contains(&("said".to_string(), "2025-03-09".to_string())), "{times:?}");
    assert!(times.contains(&("added".to_string(), "2025-03-09".to_string())), "{times:?}");
}

#[test]
fn a_same_day_phrase_repeats_the_date_told_before_it() {
    let text = "Gunmen stormed a bus depot in Varna on Friday, killing two guards. The interior minister \
                visited the depot the same day. Police detained four suspects the next day.";
    assert_eq!(time_of(text, EventType::Meeting).as_deref(), Some("2025-03-07"));
    assert_eq!(time_of(text, EventType::Arrest).as_deref(), Some("2025-03-08"));
    // With no date told before it, the phrase dates nothing.
    let text = "The interior minister visited the depot the same day.";
    assert_eq!(time_of(text, EventType::Meeting), None);
}

#[test]
fn a_clause_told_of_an_old_date_is_another_happening() {
    let text = "A landslide buried a road above Varna on Monday, killing nine drivers. It was the worst \
                landslide in the region since 2019, when a landslide near the dam killed 30 people.";
    let events = events_of(text);
    let slides: Vec<_> = events.iter().filter(|e| e.kind == EventType::Disaster).collect();
    assert_eq!(slides.len(), 2, "{slides:?}");
    let value = |e: &EventHit| e.time.as_ref().and_then(|t| t.value.clone());
    assert_eq!(value(slides[0]).as_deref(), Some("2025-03-10"));
    assert_eq!(value(slides[1]).as_deref(), Some("2019"));
    assert_eq!(slides[1].time.as_ref().map(|t| t.relation), Some(dossier_events::Relation::During));
}

#[test]
fn a_back_reference_with_an_old_date_of_its_own_is_another_happening() {
    let text = "Voters in Varna went to the polls on Sunday in an election for a new city council. \
                In the 2021 election the ruling party won 38 of the 51 seats.";
    let events = events_of(text);
    let votes: Vec<_> = events.iter().filter(|e| e.kind == EventType::Election).collect();
    assert_eq!(votes.len(), 2, "{votes:?}");
    let values: Vec<_> = votes.iter().map(|e| e.time.as_ref().and_then(|t| t.value.clone())).collect();
    assert!(values.contains(&Some("2021".to_string())), "{values:?}");
}

#[test]
fn a_casualty_paragraphs_later_belongs_to_the_story_attack() {
    let text = "A bomb exploded at a market in Varna on Friday, killing six people. Police sealed off \
                the streets around the square. The mayor called for calm and cancelled a concert. \
                Shop owners said the market would stay closed. More than 20 people were wounded.";
    let events = events_of(text);
    assert!(events.iter().all(|e| e.kind != EventType::Injury), "{events:?}");
    let attack = events.iter().find(|e| e.kind == EventType::Attack).expect("attack");
    assert!(attack.counts.iter().any(|c| c.what == "injured" && c.value == 21), "{:?}", attack.counts);
}

#[test]
fn a_noun_that_renames_the_one_before_it_is_the_same_happening() {
    let text = "A bomb exploded at a market in Varna on Friday, killing six people. The last attack in \
                the city, a car bombing at a bus station in 2019, killed 12 people.";
    let events = events_of(text);
    let attacks: Vec<_> = events.iter().filter(|e| e.kind == EventType::Attack).collect();
    assert_eq!(attacks.len(), 2, "{attacks:?}");
    let old = attacks[1];
    assert_eq!(old.mentions.len(), 3, "attack, bombing, killed: {:?}", old.mentions);
    assert_eq!(old.time.as_ref().and_then(|t| t.value.as_deref()), Some("2019"));
}

/// The `what` counts of the first event of `kind`, as (what, value, qualifier).
fn counts_of(text: &str, kind: EventType) -> Vec<(String, u64, String)> {
    let events = events_of(text);
    let Some(e) = events.iter().find(|e| e.kind == kind) else { return Vec::new() };
    e.counts.iter().map(|c| (c.what.clone(), c.value, format!("{:?}", c.qualifier).to_lowercase())).collect()
}

#[test]
fn a_number_of_people_killed_that_rose_is_the_toll_and_an_earlier_figure_does_not_replace_it() {
    let text = "The number of people killed by Sunday's landslide above the village of Ostra rose to \
                nine on Tuesday, the regional rescue service said. Officials had put the toll at five \
                on the first night.";
    let counts = counts_of(text, EventType::Disaster);
    assert!(counts.iter().any(|c| c.0 == "killed" && c.1 == 9), "{counts:?}");
    assert!(!counts.iter().any(|c| c.0 == "killed" && c.1 == 5), "{counts:?}");
    // The same with the earlier figure told by a marker word, and in the other order.
    let text = "The number of people killed in Sunday's landslide in Ostra rose to nine. The toll was \
                initially put at five.";
    let counts = counts_of(text, EventType::Disaster);
    assert!(counts.iter().any(|c| c.0 == "killed" && c.1 == 9), "{counts:?}");
}

#[test]
fn the_figure_a_toll_is_raised_from_is_not_the_toll() {
    let text = "At least 31 people died after a ferry sank off Kos on Saturday, the coast guard said, \
                raising the toll from the 22 bodies found on Sunday.";
    let counts = counts_of(text, EventType::Disaster);
    assert!(counts.iter().any(|c| c.0 == "killed" && c.1 == 31), "{counts:?}");
    assert!(!counts.iter().any(|c| c.1 == 22), "{counts:?}");
}

#[test]
fn a_count_reaches_its_word_over_an_of_phrase_and_an_aside() {
    let text = "A bus caught fire on a bridge in Ruse on Monday. Up to 12 people, including two \
                drivers, were hurt, the hospital said.";
    let counts = counts_of(text, EventType::Disaster);
    assert!(counts.iter().any(|c| c.0 == "injured" && c.1 == 12), "{counts:?}");
    let text = "Police said three senior officials of the port authority had been arrested on Friday.";
    let counts = counts_of(text, EventType::Arrest);
    assert!(counts.iter().any(|c| c.0 == "arrested" && c.1 == 3), "{counts:?}");
}

#[test]
fn drowned_is_a_death_count() {
    let text = "A fishing boat capsized off Sozopol on Friday. Eleven people drowned, the navy said.";
    let counts = counts_of(text, EventType::Disaster);
    assert!(counts.iter().any(|c| c.0 == "killed" && c.1 == 11), "{counts:?}");
}

#[test]
fn a_word_before_a_possessive_date_does_not_relate_it() {
    let text = "Six people were killed by Sunday's explosion at a chemical plant in Pleven, officials said.";
    let events = events_of(text);
    let e = events.iter().find(|e| e.kind == EventType::Disaster).expect("disaster");
    let t = e.time.as_ref().expect("time");
    assert_eq!(t.value.as_deref(), Some("2025-03-09"));
    assert_eq!(format!("{:?}", t.relation).to_lowercase(), "on", "{t:?}");
}

#[test]
fn hours_later_is_the_day_told_before() {
    let text = "A fire broke out at a warehouse in Burgas on Friday. The owner, speaking at a news \
                conference hours later, denied that the building had been unsafe.";
    let events = events_of(text);
    let d = events.iter().find(|e| e.kind == EventType::Denial).expect("denial");
    assert_eq!(d.time.as_ref().and_then(|t| t.value.as_deref()), Some("2025-03-07"), "{events:?}");
}

fn place_of(text: &str, kind: EventType) -> Option<String> {
    let events = events_of(text);
    let e = events.iter().find(|e| e.kind == kind)?;
    e.location.as_ref().map(|l| text[l.span.range()].to_string())
}

#[test]
fn a_place_after_an_indefinite_article_and_a_visited_place_are_places() {
    let text =
        "Four workers were killed on Monday by an explosion at a paint warehouse in the port of Varna.";
    assert_eq!(place_of(text, EventType::Disaster).as_deref(), Some("paint warehouse"));
    let text = "The prime minister visited Burgas on Wednesday and promised help to the families.";
    assert_eq!(place_of(text, EventType::Meeting).as_deref(), Some("Burgas"));
    // A named shop is a place of its own, nearer than the district.
    let text = "A gunman opened fire at the Sunrise Tavern in the Mbare district on Friday, killing two men.";
    assert_eq!(place_of(text, EventType::Attack).as_deref(), Some("Sunrise Tavern"));
    // What a visit visits may be a bare place noun.
    let text = "The interior minister toured the site on Tuesday and met rescue workers.";
    assert_eq!(place_of(text, EventType::Meeting).as_deref(), Some("site"));
}

#[test]
fn a_march_through_a_named_place_is_there_but_not_through_a_common_noun() {
    let text = "Thousands of teachers marched through Plovdiv on Saturday to demand higher pay.";
    assert_eq!(place_of(text, EventType::Protest).as_deref(), Some("Plovdiv"));
    let text = "About 200 residents marched through the rain on Sunday to protest the closure.";
    assert_eq!(place_of(text, EventType::Protest), None);
}

#[test]
fn a_kind_of_settlement_takes_the_name_after_of() {
    let text = "Gunmen attacked a police post near the village of Dakoro on Sunday, killing four officers.";
    assert_eq!(place_of(text, EventType::Attack).as_deref(), Some("village of Dakoro"));
    // A hyphenated name, which the segmenter splits.
    let text = "Hundreds of fishermen protested on the island of Ko-lan on Friday.";
    assert_eq!(place_of(text, EventType::Protest).as_deref(), Some("island of Ko-lan"));
    // A named place's part after its possessor.
    let text = "Heavy rain triggered landslides in Peru's Huancavelica region on Monday, killing six people.";
    assert_eq!(place_of(text, EventType::Disaster).as_deref(), Some("Peru's Huancavelica region"));
    // "of" after another noun is no name of a place.
    let text = "Hundreds of fishermen protested in the capital on Friday over the price of Diesel.";
    assert_ne!(place_of(text, EventType::Protest).as_deref(), Some("price of Diesel"));
}

#[test]
fn a_headline_place_does_not_run_over_the_trigger_and_yields_to_the_body() {
    let text = "Varna Port Blast Toll Rises To Six\n\nSix people have died after an explosion at a \
                grain warehouse in Varna on Monday, officials said.";
    let place = place_of(text, EventType::Disaster);
    assert_eq!(place.as_deref(), Some("grain warehouse"), "{place:?}");
}

#[test]
fn seven_others_wounded_is_a_figure_unless_one_of_its_kind_came_first() {
    let text = "A gunman opened fire in a cafe in Varna on Friday, killing one waiter and wounding seven \
                others.";
    let counts = counts_of(text, EventType::Attack);
    assert!(counts.iter().any(|c| c.0 == "injured" && c.1 == 7), "{counts:?}");
    // "three others died later" adds to a figure of its kind: it does not replace it.
    let text = "A gunman opened fire in a cafe in Varna on Friday, killing two waiters. Three others \
                died later in hospital.";
    let counts = counts_of(text, EventType::Attack);
    assert!(counts.iter().any(|c| c.0 == "killed" && c.1 == 2), "{counts:?}");
    assert!(!counts.iter().any(|c| c.1 == 3), "{counts:?}");
}

#[test]
fn a_part_of_the_wounded_is_no_figure_and_an_aside_with_most_is_stepped_over() {
    let text = "Gunmen ambushed a convoy near Varna on Saturday. Five soldiers died at the scene and two \
                of the wounded died in hospital on Sunday. Between 10 and 12 others were wounded.";
    let counts = counts_of(text, EventType::Attack);
    assert!(!counts.iter().any(|c| c.0 == "injured" && c.1 == 2), "{counts:?}");
    assert!(counts.iter().any(|c| c.0 == "injured" && c.1 == 10), "{counts:?}");
    let text = "Gunmen attacked a village near Varna on Saturday. At least 12 people, most of them \
                children, are missing.";
    let counts = counts_of(text, EventType::Attack);
    assert!(counts.iter().any(|c| c.0 == "missing" && c.1 == 12), "{counts:?}");
}

#[test]
fn people_who_fled_are_displaced_and_a_lake_that_burst_is_a_disaster() {
    let text = "A glacial lake burst above the village of Ostra in July, and more than 400 people fled \
                their homes.";
    let events = events_of(text);
    assert!(events.iter().any(|e| e.kind == EventType::Disaster), "{events:?}");
    let counts = counts_of(text, EventType::Disaster);
    assert!(counts.iter().any(|c| c.0 == "displaced" && c.1 == 401), "{counts:?}");
}

#[test]
fn a_day_in_apposition_with_days_after_or_before_another_happening_dates_it() {
    // Published Tuesday 2025-03-11: the vote was on Sunday, the summit on Friday.
    let text = "The electoral office announced the results on Tuesday, two days after the vote.";
    assert_eq!(time_of(text, EventType::Election).as_deref(), Some("2025-03-09"));
    let text = "The agency warned on Wednesday, two days before the summit, that fish stocks were low.";
    assert_eq!(time_of(text, EventType::Meeting).as_deref(), Some("2025-03-07"));
    // Without the day in apposition nothing is worked out.
    let text = "The electoral office announced the results two days after the vote.";
    assert_ne!(time_of(text, EventType::Election).as_deref(), Some("2025-03-09"));
}

#[test]
fn a_rejection_takes_the_day_at_the_end_of_its_short_object() {
    let text = "The head of the electoral office rejected the claim at a news conference on Monday, \
                saying every sheet had been signed.";
    assert_eq!(time_of(text, EventType::Denial).as_deref(), Some("2025-03-10"));
}

#[test]
fn the_one_named_with_n_others_is_counted_with_them() {
    let text = "Police in Varna detained a port official and four other people on Monday.";
    let counts = counts_of(text, EventType::Arrest);
    assert!(counts.iter().any(|c| c.0 == "detained" && c.1 == 5), "{counts:?}");
    // A clause joined by ", and" adds no one: the 30 to 40 are all the missing.
    let text = "The number of people killed by the landslide near Varna rose to nine on Monday, and \
                between 30 and 40 others were still missing.";
    let counts = counts_of(text, EventType::Disaster);
    assert!(counts.iter().any(|c| c.0 == "missing" && c.1 == 30), "{counts:?}");
    // A possessive between the number and its noun is stepped over.
    let text = "Police in Varna said more than 40 of the party's members had been arrested since the vote.";
    let counts = counts_of(text, EventType::Arrest);
    assert!(counts.iter().any(|c| c.0 == "arrested" && c.1 == 41), "{counts:?}");
}

#[test]
fn a_meeting_planned_with_would_is_an_event_but_an_attack_that_would_kill_is_not() {
    let text =
        "The two ministers said in a statement on Friday that they would meet again in Tallinn in May.";
    let events = events_of(text);
    let meet = events.iter().find(|e| e.kind == EventType::Meeting).expect("the planned meeting");
    assert_eq!(meet.time.as_ref().and_then(|t| t.value.as_deref()), Some("2025-05"), "{events:?}");
    assert_eq!(place_of(text, EventType::Meeting).as_deref(), Some("Tallinn"));
    // A possibility stays one.
    let text = "Experts warned on Friday that militants would attack the port if the talks failed.";
    assert!(events_of(text).iter().all(|e| e.kind != EventType::Attack), "{:?}", events_of(text));
}

#[test]
fn a_happening_in_a_when_clause_takes_the_day_of_the_clause_before() {
    let text = "Union organiser Dara Pell was detained on Friday with a dozen other strikers when police \
                broke up a protest outside the shipyard in Ruse.";
    assert_eq!(time_of(text, EventType::Arrest).as_deref(), Some("2025-03-07"));
    assert_eq!(time_of(text, EventType::Protest).as_deref(), Some("2025-03-07"));
    // The day must come before "when": a day told after it belongs to the later clause.
    let text = "Police broke up a protest outside the shipyard when the night shift ended, and detained \
                a dozen strikers on the gate road.";
    assert_eq!(time_of(text, EventType::Protest), None);
}

#[test]
fn an_undated_happening_since_a_dated_one_is_after_it() {
    let text = "The general election was held on March 2. More than 40 members of the opposition have \
                been arrested since the vote, the party said.";
    let events = events_of(text);
    let arrest = events.iter().find(|e| e.kind == EventType::Arrest).expect("an arrest");
    let time = arrest.time.as_ref().expect("a time");
    assert_eq!(time.value.as_deref(), Some("2025-03-02"));
    assert_eq!(time.relation, dossier_events::Relation::After);
}

#[test]
fn a_day_count_from_a_named_happening_beats_a_dateline_day() {
    // The dateline's day is in the lead's sentence, but the apposition names the arrest's day.
    let text = "VARNA, March 11 (Team Wire) — A rebel commander died in a prison cell in Varna on Sunday, \
                three days after his arrest at a checkpoint, and his lawyer said on Monday that he had \
                been beaten.";
    assert_eq!(time_of(text, EventType::Death).as_deref(), Some("2025-03-09"));
    assert_eq!(time_of(text, EventType::Arrest).as_deref(), Some("2025-03-06"));
}

#[test]
fn a_happening_the_lead_sums_up_is_the_one_the_body_tells_with_a_day() {
    let lead = "Dockers vow to keep strike going after clashes\n\nCONSTANTA, March 11 (Team Wire) — Dock \
                workers in Constanta vowed on Tuesday to keep up their walkout, after a rally outside the \
                port offices ended in clashes that left at least six people hurt.\n\n";
    let body = "About 800 dockers and their families marched to the port authority on Sunday. Two \
                officers were injured on Sunday when police used pepper spray to push them back from the \
                gates, the port police said.";
    let text = format!("{lead}{body}");
    let events = events_of(&text);
    let hurt = events.iter().find(|e| e.kind == EventType::Injury).expect("the lead's injuries");
    assert!(text[hurt.trigger.range()].starts_with("hurt"), "{:?}", &text[hurt.trigger.range()]);
    assert_eq!(hurt.time.as_ref().and_then(|t| t.value.as_deref()), Some("2025-03-09"));
    // Two injuries told with days in the body: which one the lead sums up is not known.
    let text =
        format!("{lead}{body} Two more people were hurt on Monday when a car drove into the picket line.");
    let events = events_of(&text);
    let hurt = events.iter().find(|e| e.kind == EventType::Injury).expect("the lead's injuries");
    assert_ne!(hurt.time.as_ref().and_then(|t| t.value.as_deref()), Some("2025-03-09"));
}

#[test]
fn a_verb_denied_by_a_negation_tells_no_happening() {
    let text = "Police detained the ferry's captain on Sunday. He has not yet been charged.";
    let arrests = events_of(text).into_iter().filter(|e| e.kind == EventType::Arrest).count();
    assert_eq!(arrests, 1);
    // A negation of another verb before the trigger does not deny it.
    let text =
        "The governor, who has not resigned, denied on Monday that her office had paid the contractor.";
    assert!(events_of(text).iter().any(|e| e.kind == EventType::Denial));
}

#[test]
fn people_forced_from_their_homes_are_displaced() {
    let text = "A landslide buried part of the village of Ostra on Sunday, killing four people and \
                forcing about 300 from their homes.";
    let counts = counts_of(text, EventType::Disaster);
    assert!(counts.contains(&("displaced".to_string(), 300, "about".to_string())), "{counts:?}");
    assert!(counts.iter().any(|c| c.0 == "killed" && c.1 == 4), "{counts:?}");
    // With a noun and an auxiliary between the number and the phrase.
    let text = "Floods swept through the Struma valley on Monday. Some 40 families were forced from \
                their homes, the regional governor said.";
    let counts = counts_of(text, EventType::Disaster);
    assert!(counts.iter().any(|c| c.0 == "displaced" && c.1 == 40), "{counts:?}");
}

#[test]
fn people_pulled_alive_from_the_rubble_are_rescued() {
    let text = "An earthquake shook the town of Kardzhali on Monday. Rescuers pulled six people alive \
                from the rubble of a collapsed school, the fire service said.";
    let counts = counts_of(text, EventType::Disaster);
    assert!(counts.iter().any(|c| c.0 == "rescued" && c.1 == 6), "{counts:?}");
    let text = "An earthquake shook the town of Kardzhali on Monday. Three miners were found alive in \
                a shaft on Tuesday.";
    let counts = counts_of(text, EventType::Disaster);
    assert!(counts.iter().any(|c| c.0 == "rescued" && c.1 == 3), "{counts:?}");
}

/// The timeline items of the attributions of `text` (published Tuesday 2025-03-11): (cue,
/// value, relation).
fn attribution_items(text: &str) -> Vec<(String, String, String)> {
    let p = prepare(text, NaiveDate::from_ymd_opt(2025, 3, 11));
    let ents = p.entity_refs();
    let input = p.input(text, &ents);
    let ex = EventExtractor::global();
    let events = ex.extract(&input);
    ex.timeline(&input, &events)
        .iter()
        .filter_map(|t| {
            let a = &p.attributions[t.attribution?];
            Some((
                text[a.cue.range()].to_string(),
                t.value.clone(),
                format!("{:?}", t.relation).to_lowercase(),
            ))
        })
        .collect()
}

#[test]
fn a_statement_hours_after_the_verdict_is_after_the_day_the_ruling_is_told() {
    let text = "A court in Varna on Monday sentenced two men to ten years in prison for setting fire to \
                a bus depot in 2023. Their lawyer, Ivan Petrov, said hours after the verdict that both \
                men would appeal.";
    let items = attribution_items(text);
    assert!(
        items.contains(&("said".to_string(), "2025-03-10".to_string(), "after".to_string())),
        "{items:?}"
    );
    // A ruling told only after the statement does not date it.
    let text = "Their lawyer, Ivan Petrov, said hours after the verdict that both men would appeal. \
                A court in Varna on Monday sentenced two men to ten years in prison for setting fire \
                to a bus depot in 2023.";
    let items = attribution_items(text);
    assert!(items.iter().all(|(cue, _, _)| cue != "said"), "{items:?}");
    // Nor does an anchor that names no ruling.
    let text = "A court in Varna on Monday sentenced two men to ten years in prison for setting fire to \
                a bus depot in 2023. Their lawyer, Ivan Petrov, said hours after the announcement that \
                both men would appeal.";
    let items = attribution_items(text);
    assert!(items.iter().all(|(cue, _, _)| cue != "said"), "{items:?}");
}

#[test]
fn a_count_reaches_its_word_over_an_of_phrase_with_a_number_in_it() {
    // "two" counts the villages, not the evacuated; "About 150" reaches "evacuated" over them.
    let text = "A gas tank blast hit a plant near Ruse on Monday. About 150 residents of two nearby \
                villages were evacuated overnight, the governor said.";
    let counts = counts_of(text, EventType::Disaster);
    assert!(counts.contains(&("evacuated".to_string(), 150, "about".to_string())), "{counts:?}");
    assert!(!counts.iter().any(|c| c.1 == 2), "{counts:?}");
    // A round word, with the phrase's noun after an adjective.
    let text = "A fire broke out at a textile mill in Ruse on Monday. Hundreds of residents of nearby \
                blocks were evacuated while firefighters fought the flames.";
    let counts = counts_of(text, EventType::Disaster);
    assert!(counts.iter().any(|c| c.0 == "evacuated" && c.1 == 200), "{counts:?}");
    // The number of a group's "of" phrase is the count when no number comes before the group.
    let text = "Police broke up a march in Ruse on Monday. A group of 30 protesters were detained.";
    let counts = counts_of(text, EventType::Arrest);
    assert!(counts.iter().any(|c| c.0 == "detained" && c.1 == 30), "{counts:?}");
}

#[test]
fn the_day_of_a_sentencing_does_not_date_the_attack_it_punishes() {
    // "on Monday" is the sentencing's; the attack is the one of 2019, told more exactly later.
    let text = "A court in Varna on Monday sentenced two men to 15 years in prison for an attack on a \
                bar in 2019. The court found that one of them threw a grenade through the door of the \
                Sirius bar on June 8, 2019.";
    assert_eq!(time_of(text, EventType::Attack).as_deref(), Some("2019-06-08"));
    // Without the later sentence, the attack keeps its year, not the sentencing's day; told
    // with no date of its own, it has none.
    let text = "A court in Varna on Monday sentenced two men to 15 years in prison for an attack on a \
                bar in 2019.";
    assert_eq!(time_of(text, EventType::Attack).as_deref(), Some("2019"));
    let text = "A court in Varna on Monday convicted two men over an attack on a bar.";
    assert_eq!(time_of(text, EventType::Attack), None);
}

#[test]
fn a_cue_placed_after_a_dated_happening_is_after_its_date() {
    let text = "Delegates from six ports met in Varna on Monday. The harbour master, Ivan Petrov, told \
                reporters after the meeting that night patrols would begin in April.";
    let items = attribution_items(text);
    assert!(
        items.contains(&("told".to_string(), "2025-03-10".to_string(), "after".to_string())),
        "{items:?}"
    );
    // A placing word far from the cue places nothing.
    let text = "Delegates from six ports met in Varna on Monday. The harbour master, Ivan Petrov, told \
                reporters that night patrols would begin in April after the meeting.";
    let items = attribution_items(text);
    assert!(items.iter().all(|(cue, _, _)| cue != "told"), "{items:?}");
}

/// The timeline entries of the attributions of `text` whose cue is `cue`, published 2025-03-11.
fn cue_dates(text: &str, cue: &str) -> Vec<(String, &'static str)> {
    let p = prepare(text, NaiveDate::from_ymd_opt(2025, 3, 11));
    let ents = p.entity_refs();
    let input = p.input(text, &ents);
    let ex = EventExtractor::global();
    let events = ex.extract(&input);
    ex.timeline(&input, &events)
        .into_iter()
        .filter(|t| t.attribution.is_some_and(|a| p.attributions[a].cue.of(text) == cue))
        .map(|t| (t.value, t.relation.as_str()))
        .collect()
}

#[test]
fn a_cue_said_afterwards_is_after_the_happening_told_before_it() {
    let text = "The minister met union leaders at the port on Monday and said afterwards that the talks \
                had been useful.";
    assert_eq!(cue_dates(text, "said"), vec![("2025-03-10".to_owned(), "after")]);
    let text = "The mayor met residents of the flooded district on Sunday. She said afterwards that the \
                pumps had failed.";
    assert_eq!(cue_dates(text, "said"), vec![("2025-03-09".to_owned(), "after")]);
    // Without "afterwards" the second sentence's cue has no time of its own.
    let text = "The mayor met residents of the flooded district on Sunday. She said that the pumps had \
                failed.";
    assert!(cue_dates(text, "said").iter().all(|(_, r)| *r != "after"), "{:?}", cue_dates(text, "said"));
}

#[test]
fn a_speaker_of_a_toll_update_speaks_on_its_date() {
    let text = "The number of people killed by the storm that hit the coast on Saturday rose to 31 on \
                Monday, the civil defence agency said.";
    assert_eq!(cue_dates(text, "said"), vec![("2025-03-10".to_owned(), "on")]);
    // A written-out figure and another clause between: the date of the update whatever the time
    // stage makes of it.
    let text = "The number of people killed by the storm rose to thirty-one on Monday, and about 200 \
                others were still missing, the civil defence agency said.";
    let p = prepare(text, NaiveDate::from_ymd_opt(2025, 3, 11));
    let monday = p.timexes.iter().find(|t| t.span.of(text) == "Monday").expect("Monday").value.clone();
    assert_eq!(cue_dates(text, "said"), vec![(monday, "on")]);
    let text = "Officials on Monday revised the death toll from the hostel fire to 23 and said the owner \
                had been detained.";
    assert_eq!(cue_dates(text, "said"), vec![("2025-03-10".to_owned(), "on")]);
    // No toll: the storm's Saturday is not when the agency spoke.
    let text = "The storm hit the coast on Saturday, the civil defence agency said.";
    assert_eq!(cue_dates(text, "said"), vec![]);
}

#[test]
fn the_same_day_repeats_a_day_told_not_a_bound() {
    let text = "The airline grounded its fleet on Monday and kept all flights suspended until Friday. \
                The transport minister announced the same day a review of the safety rules.";
    assert_eq!(time_of(text, EventType::Statement).as_deref(), Some("2025-03-10"));
    // The phrase opens what was announced: it still dates the announcement.
    let text = "The airline grounded its fleet on Monday and kept all flights suspended until Friday. \
                The transport minister announced the same day a review of how pilots decide whether to fly.";
    assert_eq!(time_of(text, EventType::Statement).as_deref(), Some("2025-03-10"));
}

/// The events of `text` (published on Tuesday 2025-03-11) with `dateline` marked as the
/// dateline, as the pipeline's cleaner marks it.
fn events_with_dateline(text: &str, dateline: &str) -> Vec<EventHit> {
    let mut p = prepare(text, NaiveDate::from_ymd_opt(2025, 3, 11));
    let at = text.find(dateline).expect("the dateline is in the text");
    p.dateline = Some(dossier_doc::Span::new(at, at + dateline.len()));
    let ents = p.entity_refs();
    EventExtractor::global().extract(&p.input(text, &ents))
}

#[test]
fn a_dateline_day_is_no_day_of_the_happening_the_lead_sums_up() {
    // The lead's arrest takes its day from the body, not from the day the story was filed; an
    // older arrest told with a month ("last month") is no rival for it.
    let dateline = "GALATI, March 11 (Team Wire) —";
    let text = format!(
        "Police hold harbour official in fuel probe\n\n{dateline} Police have detained a harbour official and \
         three other people on suspicion of smuggling fuel.\n\nThe official was taken into custody on Sunday \
         after officers searched his office. Last month, prosecutors charged a customs clerk at the port \
         with taking bribes."
    );
    let lead_arrest = |events: &[EventHit]| {
        let e = events
            .iter()
            .find(|e| e.kind == EventType::Arrest && text[e.trigger.range()].starts_with("detained"))
            .expect("the lead's arrest");
        e.time.as_ref().and_then(|t| t.value.clone())
    };
    assert_eq!(lead_arrest(&events_with_dateline(&text, dateline)).as_deref(), Some("2025-03-09"));
    // Without the dateline marked, its day dates the lead's arrest.
    assert_eq!(lead_arrest(&events_of(&text)).as_deref(), Some("2025-03-11"));
}

#[test]
fn a_generic_plural_dated_long_ago_neither_dates_nor_takes_the_story() {
    // Published Tuesday 2025-03-11: the car bomb went off on Sunday; "bombings since 2019" is a
    // generic past, and "the bombing" later refers to Sunday's, not to it.
    let text = "A car bomb that exploded outside the grain market in Tarvel on Sunday killed nine people, \
                officials said on Tuesday. The province has seen sporadic bombings by armed groups since 2019. \
                Police detained four men in a village nearby hours after the bombing.";
    let events = events_of(text);
    let attacks: Vec<_> = events.iter().filter(|e| e.kind == EventType::Attack).collect();
    let main =
        attacks.iter().find(|e| e.mentions.iter().any(|m| m.of(text) == "car bomb")).expect("car bomb");
    assert_eq!(main.time.as_ref().and_then(|t| t.value.as_deref()), Some("2025-03-09"), "{events:?}");
    assert!(main.mentions.iter().any(|m| m.of(text) == "bombing"), "{events:?}");
    assert!(!main.mentions.iter().any(|m| m.of(text) == "bombings"), "{events:?}");
    let arrest = events.iter().find(|e| e.kind == EventType::Arrest).expect("arrest");
    let t = arrest.time.as_ref().expect("dated arrest");
    assert_eq!((t.value.as_deref(), t.relation.as_str()), (Some("2025-03-09"), "after"), "{events:?}");
}

#[test]
fn an_indefinite_noun_phrase_trigger_dated_long_ago_is_another_happening() {
    // "a roadside bomb" is a noun phrase like "a bombing": dated two years back, it is not the
    // story's attack.
    let text = "Gunmen attacked a checkpoint near Osrava on Sunday, killing three police officers. \
                In May 2023, a roadside bomb killed two soldiers on the same road.";
    let events = events_of(text);
    let attacks: Vec<_> = events.iter().filter(|e| e.kind == EventType::Attack).collect();
    assert_eq!(attacks.len(), 2, "{events:?}");
    let old =
        attacks.iter().find(|e| e.mentions.iter().any(|m| m.of(text) == "roadside bomb")).expect("bomb");
    assert_eq!(old.time.as_ref().and_then(|t| t.value.as_deref()), Some("2023-05"), "{events:?}");
    assert_eq!(attacks[0].time.as_ref().and_then(|t| t.value.as_deref()), Some("2025-03-09"), "{events:?}");
}

#[test]
fn a_riot_is_an_attack_that_anchors_hours_after_but_riot_police_are_none() {
    let text =
        "A riot between rival gangs broke out at the prison in Teruna on Sunday, killing six inmates. \
                Riot police retook the wing on Monday. Guards were detained hours after the riot began.";
    let events = events_of(text);
    let riot = events.iter().find(|e| e.kind == EventType::Attack).expect("riot");
    assert_eq!(riot.time.as_ref().and_then(|t| t.value.as_deref()), Some("2025-03-09"), "{events:?}");
    assert!(riot.mentions.iter().all(|m| m.of(text) != "Riot"), "{events:?}");
    assert!(riot.counts.iter().any(|c| c.what == "killed" && c.value == 6), "{events:?}");
    let arrest = events.iter().find(|e| e.kind == EventType::Arrest).expect("arrest");
    let t = arrest.time.as_ref().expect("dated arrest");
    assert_eq!((t.value.as_deref(), t.relation.as_str()), (Some("2025-03-09"), "after"), "{events:?}");
}

#[test]
fn drone_strikes_are_attacks_not_walkouts() {
    let text = "A rights group said it had documented 12 drone strikes on villages in the province in 2024.";
    let events = events_of(text);
    assert!(events.iter().any(|e| e.kind == EventType::Attack), "{events:?}");
    assert!(!events.iter().any(|e| e.kind == EventType::Protest), "{events:?}");
}

#[test]
fn a_no_confidence_vote_is_no_denied_vote() {
    // "no-" is part of the modifier: the lead's vote is the headline's, dated Thursday.
    let text = "Latvian cabinet survives no-confidence vote\n\n\
                The Latvian cabinet survived a no-confidence vote in parliament on Thursday by two votes.";
    let events = events_of(text);
    let votes: Vec<_> = events.iter().filter(|e| e.kind == EventType::Election).collect();
    let first = votes.first().expect("vote");
    assert_eq!(first.mentions.len(), 2, "{events:?}");
    assert_eq!(first.time.as_ref().and_then(|t| t.value.as_deref()), Some("2025-03-06"), "{events:?}");
}
