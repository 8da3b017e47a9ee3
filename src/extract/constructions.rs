//! The constructions reporters use, each as a sentence of our own and the structure convoy
//! must read from it.

use super::{extract, EventType, Extraction};
use crate::{Document, Gazetteer};

/// Reads `text` and lists its trips as "origin > vias > destination" by gazetteer id.
fn trips(text: &str) -> (Gazetteer, Extraction, Vec<String>) {
    let g = Gazetteer::embedded().unwrap();
    let x = extract(&g, &Document::from_text("t.txt", text), None);
    let id = |p| g.place(p).id.as_str().to_owned();
    let list = x
        .movements
        .iter()
        .map(|m| {
            let via: Vec<String> = m.via.iter().map(|v| id(v.place)).collect();
            format!(
                "{} > [{}] > {}",
                id(m.origin.place),
                via.join(","),
                id(m.destination.place)
            )
        })
        .collect();
    (g, x, list)
}

fn events(g: &Gazetteer, x: &Extraction, kind: EventType) -> Vec<String> {
    x.events
        .iter()
        .filter(|e| e.event_type == kind)
        .map(|e| g.place(e.place.place).id.as_str().to_owned())
        .collect()
}

#[test]
fn a_participle_gives_the_destination() {
    let (_, _, t) = trips("انسحب رتل أمريكي من قاعدة الشدادي فجر اليوم، متجهاً إلى معبر الوليد.");
    assert_eq!(t, ["al_shaddadi_base > [] > al_waleed_crossing_ne"]);
}

#[test]
fn a_coming_from_clause_before_the_verb_gives_the_origin() {
    let (_, _, t) = trips(
        "انفجرت عبوة ناسفة على رتل للتحالف، وقال المصدر إن الرتل، القادم من قاعدة عين الأسد، كان متجهاً صوب قاعدة حرير.",
    );
    assert_eq!(t, ["ain_al_asad_airbase > [] > harir_airbase"]);
}

#[test]
fn origin_and_destination_in_two_sentences_are_one_trip() {
    let (_, _, t) =
        trips("خرج الرتل من قاعدة التنف مع ساعات الفجر. ووصل بعد ساعات إلى الأراضي الأردنية.");
    assert_eq!(t, ["al_tanf_garrison > [] > jordan"]);
}

#[test]
fn origins_told_after_the_arrival_join_it() {
    let (_, _, t) = trips(
        "بلغت قوات أمريكية قاعدة حرير أمس. وجاء قسم منها من قاعدة عين الأسد، فيما انطلق قسم آخر من قاعدة التنف.",
    );
    assert_eq!(
        t,
        [
            "ain_al_asad_airbase > [] > harir_airbase",
            "al_tanf_garrison > [] > harir_airbase"
        ]
    );
}

#[test]
fn one_origin_can_lead_to_several_destinations_told_next() {
    let (_, _, t) = trips(
        "قررت الحكومة سحب الجنود الإيطاليين المتمركزين في أربيل. وعاد 100 منهم إلى إيطاليا، وتوجه 70 إلى الأردن.",
    );
    assert_eq!(t, ["erbil_city > [] > italy", "erbil_city > [] > jordan"]);
}

#[test]
fn a_later_more_specific_destination_refines_the_trip() {
    let (_, _, t) = trips(
        "أدخل التحالف الدولي رتلاً من إقليم كردستان العراق إلى شمال شرق سوريا. وتوجه الرتل بعد ذلك نحو قاعدة قسرك.",
    );
    assert_eq!(t, ["kurdistan_region_iraq > [] > qasrak_base"]);
}

#[test]
fn a_headline_that_restates_the_trip_is_not_drawn_again() {
    let (_, _, t) = trips(
        "رتل أمريكي يغادر سوريا نحو العراق\n\nانسحب رتل أمريكي من قاعدة الشدادي إلى مطار أربيل.",
    );
    assert_eq!(t, ["al_shaddadi_base > [] > erbil_intl_airport"]);
}

#[test]
fn the_place_of_the_base_gone_to_is_the_destination() {
    let (_, _, t) = trips("غادرت القوة قاعدة عين الأسد وعادت إلى مقرها الأصلي في معسكر عريفجان.");
    assert_eq!(t, ["ain_al_asad_airbase > [] > camp_arifjan"]);
}

#[test]
fn leaving_then_returning_to_the_same_base_is_no_trip() {
    let (g, x, t) = trips("غادرت القوات قاعدة التنف الشهر الماضي ثم رجعت إليها.");
    assert!(t.is_empty(), "{t:?}");
    assert_eq!(events(&g, &x, EventType::Withdrawal), ["al_tanf_garrison"]);
    assert_eq!(events(&g, &x, EventType::Arrival), ["al_tanf_garrison"]);
}

#[test]
fn a_number_that_amounts_to_is_no_arrival() {
    let (g, x, _) = trips("وتضم قوات التحالف التي يبلغ عدد أفرادها في العراق 2500 عسكري مستشارين.");
    assert!(events(&g, &x, EventType::Arrival).is_empty());
}
