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
fn bases_of_a_force_that_underwent_attacks_are_attacked_where_they_are() {
    // The bases are the subject of تعرضت: an attack in each place, no presence told apart.
    let (g, x, _) = trips(
        "وتعرضت قواعد التحالف في سوريا والعراق لعشرات الهجمات بالطائرات المسيرة خلال الشهرين الماضيين.",
    );
    assert_eq!(events(&g, &x, EventType::Attack), ["syria", "iraq"]);
    assert!(events(&g, &x, EventType::Presence).is_empty());
}

#[test]
fn a_war_named_beside_an_attack_is_not_where_it_struck() {
    let (g, x, _) = trips(
        "وتعرضت القوات الأمريكية في العراق لهجمات متكررة منذ بدء الحرب في أوكرانيا العام الماضي.",
    );
    assert_eq!(events(&g, &x, EventType::Attack), ["iraq"]);
}

#[test]
fn a_relative_clause_between_the_base_and_the_attack_is_passed() {
    let (g, x, _) = trips(
        "وتعرضت قاعدة حرير، التي تقع على مسافة ساعة من مدينة أربيل، لقصف بطائرة مسيرة مساء أمس.",
    );
    assert_eq!(events(&g, &x, EventType::Attack), ["harir_airbase"]);
}

#[test]
fn soldiers_killed_at_a_place_tell_an_attack_there() {
    let (g, x, _) =
        trips("وأسفر أحد تلك الهجمات عن مقتل جندي أمريكي في قاعدة عين الأسد بمحافظة الأنبار.");
    assert_eq!(events(&g, &x, EventType::Attack), ["ain_al_asad_airbase"]);
}

#[test]
fn officials_and_rescue_crews_going_to_a_place_are_no_arrival() {
    let (g, x, t) = trips(
        "وبعد القصف توجه محافظ الأنبار إلى قاعدة عين الأسد، فيما وصلت سيارات الإسعاف إلى القاعدة.",
    );
    assert!(t.is_empty(), "{t:?}");
    assert!(events(&g, &x, EventType::Arrival).is_empty());
}

#[test]
fn whether_they_return_tells_no_return() {
    let (g, x, _) = trips(
        "وقال المسؤول إن القوات الروسية غادرت قاعدة حميميم، ولا يعرف أحد إن كانت ستعود إليها.",
    );
    assert!(events(&g, &x, EventType::Arrival).is_empty());
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

#[test]
fn prisoners_or_families_moved_are_no_troop_movement() {
    let (_, _, t) = trips("نقلت القوات الأمريكية 150 معتقلاً من سجن في محافظة الحسكة إلى العراق.");
    assert!(t.is_empty(), "{t:?}");
    let (_, _, t) = trips(
        "أعادت الحكومة مئات العائلات من مخيم الهول إلى نينوى. وغادرت الحافلات المخيم صباحاً متجهة إلى معبر الوليد.",
    );
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn en_route_the_destination_is_the_place_gone_on_to() {
    let (_, _, t) = trips(
        "غادرت القوات الأمريكية قاعدة الشدادي، وبلغت إقليم كردستان العراق، وهي في الطريق نحو محافظة الأنبار.",
    );
    assert_eq!(
        t,
        ["al_shaddadi_base > [kurdistan_region_iraq] > anbar_governorate"]
    );
}

#[test]
fn where_the_force_was_stationed_is_where_it_left_from() {
    let (g, x, t) = trips("قررت روما سحب الجنود الذين كانوا يرابطون في أربيل إلى الكويت.");
    assert_eq!(t, ["erbil_city > [] > kuwait"]);
    assert_eq!(events(&g, &x, EventType::Presence), ["erbil_city"]);
}

#[test]
fn the_base_gone_to_is_located_by_a_relative_clause() {
    let (_, _, t) = trips(
        "خرجت الدورية من مطار أربيل، ثم اتجهت المدرعات نحو القاعدة التي تتمركز فيها بمدينة دهوك.",
    );
    assert_eq!(t, ["erbil_intl_airport > [] > duhok_city"]);
}

#[test]
fn a_base_emptied_leaves_the_site_the_sentence_is_about() {
    let (g, x, _) = trips(
        "تعرض مطار حرير، الذي استخدم في السابق قاعدة للتحالف قبل أن يُخلى قبل شهر، لهجوم بطائرة مسيرة.",
    );
    assert_eq!(events(&g, &x, EventType::Withdrawal), ["harir_airbase"]);
}

#[test]
fn a_date_between_commas_does_not_hide_the_object() {
    let (g, x, _) = trips("بلغت قوات أمريكية، أمس الأحد، قاعدة حرير في محافظة أربيل.");
    assert_eq!(events(&g, &x, EventType::Arrival), ["harir_airbase"]);
}

#[test]
fn the_crossing_facing_another_locates_it_and_is_no_origin() {
    let (g, x, t) =
        trips("وصلت قوات أمريكية إلى قاعدة التنف، التي يقابلها من الجهة العراقية معبر الوليد.");
    assert!(t.is_empty(), "{t:?}");
    assert_eq!(events(&g, &x, EventType::Arrival), ["al_tanf_garrison"]);
}

#[test]
fn crossing_the_border_with_a_country_goes_into_it_and_the_trip_goes_on() {
    let (_, _, t) = trips(
        "خرج رتل أمريكي من قاعدة الشدادي وسلك الطريق نحو مدينة الحسكة. وقالت مصادر إن الرتل سيجتاز الحدود مع العراق خلال ساعات.",
    );
    assert_eq!(t, ["al_shaddadi_base > [al_hasakah_city] > iraq"]);
}

#[test]
fn a_headline_with_fewer_waypoints_restates_the_trip() {
    let (_, _, t) = trips(
        "رتل أمريكي يتحرك من الأردن نحو قاعدة عين الأسد\n\nانطلق رتل أمريكي من الأراضي الأردنية وعبر معبر الوليد، وهو الآن في طريقه نحو قاعدة عين الأسد.",
    );
    assert_eq!(
        t,
        ["jordan > [al_waleed_crossing_anbar] > ain_al_asad_airbase"]
    );
}

#[test]
fn a_base_left_and_returned_to_in_one_clause_is_left() {
    let (g, x, t) = trips(
        "وعادت قاعدة بلد إلى السيطرة العراقية، بالتزامن مع مغادرة آخر من كان متبقيا فيها من الجنود.",
    );
    assert!(t.is_empty(), "{t:?}");
    assert_eq!(events(&g, &x, EventType::Withdrawal), ["balad_airbase"]);
}

#[test]
fn places_reached_on_the_way_are_arrivals() {
    let (g, x, _) = trips(
        "انطلق الرتل من الأراضي الأردنية، وبلغ قاعدة التنف، وهو الآن في طريقه نحو قاعدة عين الأسد.",
    );
    assert_eq!(events(&g, &x, EventType::Arrival), ["al_tanf_garrison"]);
}

#[test]
fn presence_without_a_verb_and_attacks_on_a_list() {
    let (g, x, _) = trips("وتوجه الرتل نحو قاعدتي التحالف في تل بيدر وقسرك بريف الحسكة.");
    let at = events(&g, &x, EventType::Presence);
    assert!(at.contains(&"qasrak_base".to_owned()), "{at:?}");
    let (g, x, _) =
        trips("وقالت الوزارة إن القوات الأمريكية في العراق وسوريا تعرضت لأكثر من 150 هجوما.");
    assert_eq!(events(&g, &x, EventType::Attack), ["iraq", "syria"]);
    let (g, x, _) = trips("وأعلنت القيادة أن صاروخين سقطا داخل قاعدة حرير.");
    assert_eq!(events(&g, &x, EventType::Attack), ["harir_airbase"]);
}

#[test]
fn part_of_the_forces_kept_in_a_place_is_a_presence() {
    let (g, x, _) = trips("واشنطن تبحث إبقاء جزء من قواتها في شمال شرق سوريا.");
    assert_eq!(events(&g, &x, EventType::Presence), ["northeast_syria"]);
}

#[test]
fn to_it_refers_to_the_place_left_earlier_in_the_sentence() {
    let (g, x, t) = trips("انسحبت القوات الأمريكية من العراق عام 2011، ثم عادت إليه عام 2014.");
    assert!(t.is_empty(), "{t:?}");
    assert_eq!(events(&g, &x, EventType::Arrival), ["iraq"]);
}

#[test]
fn a_noun_refers_to_the_place_named_with_it() {
    let (g, x, _) = trips(
        "سلم التحالف معسكر التاجي للقوات العراقية بعد نقل مستشاريه إلى مطار بغداد الدولي. وكانت صواريخ قد استهدفت المعسكر الشهر الماضي.",
    );
    assert_eq!(events(&g, &x, EventType::Attack), ["camp_taji"]);
}

#[test]
fn forces_spread_between_bases_are_present_at_each() {
    let (g, x, _) =
        trips("وسيبقى 2500 جندي أمريكي في العراق، موزعين بين قاعدة عين الأسد وقاعدة حرير.");
    let at = events(&g, &x, EventType::Presence);
    assert!(at.contains(&"ain_al_asad_airbase".to_owned()), "{at:?}");
    assert!(at.contains(&"harir_airbase".to_owned()), "{at:?}");
}

#[test]
fn to_that_is_no_destination() {
    let (g, x, _) = trips("وأشار البيان إلى أن القوات الأمريكية في سوريا تعرضت لهجمات عدة.");
    assert_eq!(events(&g, &x, EventType::Attack), ["syria"]);
}

#[test]
fn to_after_speech_or_an_aim_is_no_destination() {
    let (_, _, t) =
        trips("وغادر الجنود الألمان قاعدة التاجي، استناداً إلى بيان أشار إلى الوضع الأمني في العراق.");
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn what_a_force_had_is_put_where_in_names() {
    let (_, _, t) = trips(
        "سحبت القوة معداتها من قاعدة التنف، ونقلت ما بحوزتها من معدات وآليات في قاعدة عين الأسد.",
    );
    assert_eq!(t, ["al_tanf_garrison > [] > ain_al_asad_airbase"]);
}

#[test]
fn a_comma_before_a_finite_verb_starts_the_next_clause() {
    let (g, x, t) = trips(
        "وبالتزامن مع الانسحاب من مدينة منبج، دخل رتل أمريكي الأراضي العراقية آتياً من قاعدة الشدادي.",
    );
    assert_eq!(t, ["al_shaddadi_base > [] > iraq"]);
    assert_eq!(events(&g, &x, EventType::Withdrawal), ["manbij_city"]);
}

#[test]
fn a_planned_trip_is_no_restatement_of_one_done() {
    let (_, _, t) = trips(
        "غادرت القوات الأمريكية قاعدة الشدادي اليوم متجهة إلى أربيل. وقال الوزير إن ألف جندي سحبوا من شمال سوريا يُنتظر أن يُنقلوا إلى غرب العراق.",
    );
    assert_eq!(t.len(), 2, "{t:?}");
}

#[test]
fn a_participle_after_a_comma_stays_in_its_clause() {
    let (_, _, t) = trips(
        "وغادر رتل من 18 عربة مدرعة قاعدة التنف، متجهاً إلى قاعدة الشدادي، برفقة عربات تابعة لقوات سوريا الديمقراطية.",
    );
    assert_eq!(t, ["al_tanf_garrison > [] > al_shaddadi_base"]);
}

#[test]
fn a_dual_refers_to_both_sites_named_before() {
    let (g, x, _) = trips(
        "تتمركز القوات الأمريكية في حقل العمر وحقل كونيكو. وقالت مصادر إن القوات انسحبت من الموقعين فجر اليوم.",
    );
    let left = events(&g, &x, EventType::Withdrawal);
    assert_eq!(left, ["al_omar_oilfield", "conoco_gas_field"]);
}

#[test]
fn a_road_linking_two_towns_makes_neither_a_waypoint() {
    let (_, _, t) = trips(
        "انسحب رتل من قاعدة عين الأسد عبر الطريق الدولي الرابط بين الرطبة والرمادي متجهاً إلى الأراضي الأردنية.",
    );
    assert_eq!(t, ["ain_al_asad_airbase > [] > jordan"]);
}

#[test]
fn supported_by_a_country_is_no_origin() {
    let (g, x, t) = trips("انسحبت الفصائل المدعومة من تركيا من مدينة منبج.");
    assert!(t.is_empty(), "{t:?}");
    assert_eq!(events(&g, &x, EventType::Withdrawal), ["manbij_city"]);
}

#[test]
fn settling_in_a_place_ends_the_trip() {
    let (_, _, t) = trips("وصلت القوة من قاعدة حرير عبر معبر فيشخابور واستقرت في مدينة دهوك.");
    assert_eq!(t, ["harir_airbase > [semalka_crossing] > duhok_city"]);
}

#[test]
fn entering_a_country_through_a_crossing() {
    let (_, _, t) =
        trips("خرج الرتل المنسحب من قاعدة الشدادي فجراً، داخلاً الأراضي العراقية عبر معبر الوليد.");
    assert_eq!(t, ["al_shaddadi_base > [al_waleed_crossing_ne] > iraq"]);
}

#[test]
fn the_most_specific_end_a_role_names() {
    let (_, _, t) =
        trips("نقلت القوات معداتها من قاعدة التنف إلى القواعد الأمريكية في إقليم كردستان العراق.");
    assert_eq!(t, ["al_tanf_garrison > [] > kurdistan_region_iraq"]);
    let (_, _, t) = trips("انسحبت القوات من قاعدة التنف باتجاه قاعدة البرج 22 في الأردن.");
    assert_eq!(t, ["al_tanf_garrison > [] > tower_22"]);
}

#[test]
fn forces_spread_over_a_list_of_places_are_present_at_each() {
    let (g, x, _) = trips("تنتشر القوات الأمريكية في الحسكة والرقة ودير الزور.");
    assert_eq!(events(&g, &x, EventType::Presence).len(), 3);
}

#[test]
fn an_unknown_site_stands_at_the_known_place_that_locates_it() {
    let (g, x, t) = trips("انسحبت القوات من قاعدة كوبرا في مدينة دهوك متجهة إلى مطار أربيل.");
    assert_eq!(t, ["duhok_city > [] > erbil_intl_airport"]);
    let m = &x.movements[0];
    let site = m.origin.site.expect("the unknown base is kept");
    assert_eq!(x.unresolved[site as usize].surface, "كوبرا");
    assert_eq!(m.origin.precision(&g).as_int(), 2);
    assert_eq!(m.destination.site, None);
}

#[test]
fn a_message_sent_is_no_movement() {
    let (g, x, t) = trips("أرسلت وزارة الدفاع رسالة إلى واشنطن بشأن الانسحاب.");
    assert!(t.is_empty(), "{t:?}");
    assert!(events(&g, &x, EventType::Arrival).is_empty());
}

#[test]
fn a_presence_is_of_forces() {
    let (g, x, _) = trips("ولا تزال الأوضاع متوترة في مدينة الحسكة.");
    assert!(events(&g, &x, EventType::Presence).is_empty());
    let (g, x, _) = trips("ولا تزال القوات الأمريكية في مدينة الحسكة.");
    assert_eq!(events(&g, &x, EventType::Presence), ["al_hasakah_city"]);
}

#[test]
fn words_attributed_to_sources_somewhere_are_no_trip() {
    let (_, _, t) =
        trips("ونسبت الوكالة إلى مصادر محلية في ريف اليعربية قولها إن رتلاً خرج من قاعدة الشدادي.");
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn leaving_a_base_again_later_is_another_withdrawal() {
    let (g, x, t) = trips(
        "انسحبت القوات الأمريكية من قاعدة التنف إلى الأردن. ولم تكن المرة الأولى، إذ غادرتها القوات الشهر الماضي ثم رجعت إليها.",
    );
    assert_eq!(t, ["al_tanf_garrison > [] > jordan"]);
    assert_eq!(events(&g, &x, EventType::Withdrawal), ["al_tanf_garrison"]);
}

#[test]
fn a_demand_for_withdrawal_does_not_empty_the_base_named_before() {
    let (g, x, _) = trips(
        "تعرضت قاعدة حرير لهجوم صاروخي، أعقبه تصويت البرلمان على قرار يطالب بخروج القوات الأجنبية.",
    );
    assert!(events(&g, &x, EventType::Withdrawal).is_empty());
}

#[test]
fn a_handover_names_the_receiver_and_an_attack_the_site() {
    let (g, x, _) = trips("سلّمت قوات التحالف قاعدة حرير إلى القوات العراقية أمس.");
    let handover = x
        .events
        .iter()
        .find(|e| e.event_type == EventType::Handover)
        .expect("a handover");
    assert_eq!(g.place(handover.place.place).id.as_str(), "harir_airbase");
    assert_eq!(handover.counterpart.as_deref(), Some("Iraqi forces"));
    let (g, x, _) = trips("استهدفت طائرة مسيرة قاعدة عين الأسد فجر اليوم.");
    assert_eq!(events(&g, &x, EventType::Attack), ["ain_al_asad_airbase"]);
}

#[test]
fn a_trip_goes_on_in_the_next_clause() {
    let (_, _, t) =
        trips("دخل رتل أمريكي مدينة الحسكة قادماً من قاعدة الشدادي، ثم انطلق إلى مطار القامشلي.");
    assert_eq!(
        t,
        ["al_shaddadi_base > [al_hasakah_city] > qamishli_airport"]
    );
}

#[test]
fn other_units_told_at_the_same_time_leave_from_the_same_origin() {
    let (_, _, t) = trips(
        "ستنتقل بعض الوحدات من قاعدة حرير إلى مطار أربيل، فيما ستعود وحدات أخرى إلى الولايات المتحدة.",
    );
    assert_eq!(
        t,
        [
            "harir_airbase > [] > erbil_intl_airport",
            "harir_airbase > [] > united_states"
        ]
    );
}

#[test]
fn a_return_to_where_the_trip_began_is_a_trip_of_its_own() {
    let (_, _, t) =
        trips("ستنقل الوزارة ما تبقى من عناصرها في بغداد إلى الكويت، على أن تعود إلى العراق لاحقاً.");
    assert_eq!(t, ["baghdad_city > [] > kuwait"]);
}

#[test]
fn a_message_that_arrived_is_no_trip() {
    let (_, _, t) =
        trips("وقال إن الانسحاب من العراق مستمر، مضيفاً: لقد وصلت رسالة من واشنطن إلى الحكومة.");
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn soldiers_who_were_serving_somewhere_left_from_there() {
    let (_, _, t) = trips("ونُقل العسكريون الثلاثة الذين كانوا يخدمون في بغداد إلى الكويت.");
    assert_eq!(t, ["baghdad_city > [] > kuwait"]);
}

/// The actor of each movement, in order.
fn actors(x: &Extraction) -> Vec<Option<&str>> {
    x.movements
        .iter()
        .map(|m| m.actor.as_ref().map(|a| &*a.name))
        .collect()
}

#[test]
fn every_person_and_tense_of_a_motion_verb_reads_as_motion() {
    for text in [
        "سار رتل من قاعدة التنف إلى الأردن.",
        "يسير رتل من قاعدة التنف إلى الأردن.",
        "يسلكون الطريق من قاعدة التنف نحو الأردن.",
        "تمر الشاحنات من قاعدة التنف إلى الأردن كل أسبوع.",
    ] {
        let (_, _, t) = trips(text);
        assert_eq!(t, ["al_tanf_garrison > [] > jordan"], "{text}");
    }
}

#[test]
fn what_a_force_moves_takes_its_nationality_as_actor() {
    let (_, x, t) = trips("خرجت عربات أمريكية من قاعدة التنف باتجاه الأردن.");
    assert_eq!(t, ["al_tanf_garrison > [] > jordan"]);
    assert_eq!(actors(&x), [Some("United States")]);
    let (_, x, _) = trips("نقلت الطائرات معدات بريطانية من قاعدة حرير إلى الكويت.");
    assert_eq!(actors(&x), [Some("United Kingdom")]);
}

#[test]
fn belonging_to_a_force_names_the_actor_not_a_receiver() {
    let (_, x, t) = trips("غادرت شاحنات تابعة للقوات الفرنسية قاعدة حرير نحو أربيل.");
    assert_eq!(t, ["harir_airbase > [] > erbil_city"]);
    assert_eq!(actors(&x), [Some("France")]);
}

#[test]
fn a_plural_nationality_in_the_subject_case_names_the_actor() {
    let (_, x, _) = trips("انسحب الجنود الفرنسيون من قاعدة حرير إلى أربيل.");
    assert_eq!(actors(&x), [Some("France")]);
}

#[test]
fn pushing_into_an_area_is_going_to_it() {
    let (_, _, t) = trips("توغلت دورية أمريكية في ريف الحسكة قادمة من قاعدة الشدادي.");
    assert_eq!(t, ["al_shaddadi_base > [] > al_hasakah_city"]);
}

#[test]
fn the_nationality_of_a_receiver_is_not_the_actor() {
    let (_, x, _) = trips(
        "أعلنت القوات البريطانية سحب جنودها من قاعدة حرير وتسليم المعدات إلى القوات العراقية.",
    );
    assert!(
        actors(&x).iter().all(|a| *a != Some("Iraq")),
        "{:?}",
        actors(&x)
    );
    let e: Vec<_> = x
        .events
        .iter()
        .map(|e| e.actor.as_ref().map(|a| &*a.name))
        .collect();
    assert!(e.iter().all(|a| *a != Some("Iraq")), "{e:?}");
}

#[test]
fn a_country_before_what_it_moves_is_the_subject_not_an_end() {
    let (_, x, t) = trips("سحبت فرنسا عشرين شاحنة من قاعدة حرير إلى الكويت.");
    assert_eq!(t, ["harir_airbase > [] > kuwait"]);
    assert_eq!(actors(&x), [Some("France")]);
}

#[test]
fn ending_a_presence_is_leaving_but_ending_a_visit_is_not() {
    let (g, x, _) = trips("أنهت القوات الإسبانية وجودها في قاعدة عين الأسد.");
    assert_eq!(
        events(&g, &x, EventType::Withdrawal),
        ["ain_al_asad_airbase"]
    );
    let (g, x, _) = trips("أنهى وزير الدفاع الإسباني زيارته إلى قاعدة عين الأسد.");
    assert!(events(&g, &x, EventType::Withdrawal).is_empty());
}

#[test]
fn a_month_and_year_without_a_day_dates_the_trip() {
    let (_, x, _) = trips("انسحبت القوات الأمريكية في كانون الأول 2018 من قاعدة التنف إلى الأردن.");
    let m = &x.movements[0];
    assert_eq!(m.date, None, "no day is stated");
    assert_eq!(m.date_text.as_deref(), Some("كانون الأول 2018"));
}

#[test]
fn the_giver_of_a_base_may_be_named_after_the_handover() {
    let (_, x, _) =
        trips("جرى تسليم قاعدة حرير إلى قوات البيشمركة بعد انسحاب القوات الفرنسية منها.");
    let handover = x
        .events
        .iter()
        .find(|e| e.event_type == EventType::Handover);
    let giver = handover.and_then(|e| e.actor.as_ref()).map(|a| &*a.name);
    assert_eq!(giver, Some("France"));
}

#[test]
fn a_second_destination_told_as_the_next_leg_makes_the_first_a_waypoint() {
    for text in [
        "تحرك رتل من قاعدة التنف إلى معبر الوليد ثم إلى قاعدة عين الأسد.",
        "تحرك رتل من قاعدة التنف إلى معبر الوليد ومنه إلى قاعدة عين الأسد.",
    ] {
        let (_, _, t) = trips(text);
        assert_eq!(
            t,
            ["al_tanf_garrison > [al_waleed_crossing_anbar] > ain_al_asad_airbase"],
            "{text}"
        );
    }
    // Two places gone to at once stay two trips.
    let (_, _, t) = trips("نقل الجيش جنوده من قاعدة عين الأسد إلى أربيل والكويت.");
    assert_eq!(t.len(), 2);
}

#[test]
fn a_number_word_in_the_genitive_counts() {
    let (_, x, _) = trips("أكد المصدر خروج نحو ألفي جندي من قاعدة حرير باتجاه الكويت.");
    let n = x.movements[0].personnel.as_ref().and_then(|c| c.n);
    assert_eq!(n, Some(2000));
}

#[test]
fn a_capital_as_subject_stands_for_its_government() {
    let (_, x, t) = trips("وكانت واشنطن قد سحبت معظم قواتها من قاعدة التنف إلى الأردن.");
    assert_eq!(t, ["al_tanf_garrison > [] > jordan"]);
    assert_eq!(actors(&x), [Some("United States")]);
}

#[test]
fn keeping_troops_somewhere_is_presence_there() {
    let (g, x, _) = trips("تحتفظ فرنسا بنحو 600 جندي في قاعدة حرير.");
    assert_eq!(events(&g, &x, EventType::Presence), ["harir_airbase"]);
}

#[test]
fn a_base_name_written_with_the_article_is_the_base_and_no_presence() {
    let (g, x, t) = trips("انسحب رتل أمريكي يضم نحو 50 آلية من قاعدة الشدادي باتجاه قاعدة القسرك.");
    assert_eq!(t, ["al_shaddadi_base > [] > qasrak_base"]);
    assert!(events(&g, &x, EventType::Presence).is_empty());
}

#[test]
fn restoring_a_placing_is_a_redeployment_in_the_place_from_the_place_left() {
    // The subject stands between the verb of restoring and the noun of placing.
    let (_, _, t) =
        trips("أعادت القوات الفرنسية انتشارها في قاعدة حرير بعد انسحابها من مطار أربيل.");
    assert_eq!(t, ["erbil_intl_airport > [] > harir_airbase"]);
    let (g, x, t) = trips("وأعاد الجيش الأمريكي تموضعه في قاعدة عين الأسد.");
    assert!(t.is_empty());
    assert_eq!(
        events(&g, &x, EventType::Redeployment),
        ["ain_al_asad_airbase"]
    );
    // Restoring anything else is no redeployment.
    let (g, x, t) = trips("أعادت القوات العراقية فتح الطريق قرب قاعدة عين الأسد.");
    assert!(t.is_empty());
    assert!(events(&g, &x, EventType::Redeployment).is_empty());
}

#[test]
fn a_force_described_as_withdrawn_from_a_place_and_settled_in_a_base_went_there() {
    let (_, _, t) = trips("استقرت القوات الأمريكية المنسحبة من مدينة منبج في قاعدة خراب الجير.");
    assert_eq!(t, ["manbij_city > [] > kharab_al_jir_airfield"]);
    // A base after the place left is where the force went, not what locates that place.
    let (_, _, t) = trips("أعادت واشنطن نشر جنودها المنسحبين من قاعدة التنف في قاعدة البرج 22.");
    assert_eq!(t, ["al_tanf_garrison > [] > tower_22"]);
}

#[test]
fn a_foreign_governments_office_speaks_for_its_forces() {
    let (_, x, _) = trips("أعلنت وزارة الدفاع الهولندية سحب جنودها من قاعدة حرير إلى الكويت.");
    assert_eq!(actors(&x), [Some("Netherlands")]);
    // A force named beats the office that announces it.
    let (_, x, _) =
        trips("قالت الحكومة الإسبانية إن القوات الأمريكية انسحبت من قاعدة التاجي إلى الكويت.");
    assert_eq!(actors(&x), [Some("United States")]);
    // A host government announces others' moves: its nationality names no actor.
    let (_, x, _) = trips("قالت وزارة الدفاع العراقية إن رتلا انسحب من قاعدة التاجي إلى الكويت.");
    assert_eq!(actors(&x), [None]);
}

#[test]
fn aircraft_take_their_nationality_as_actor() {
    let (_, x, _) = trips("نقلت مروحيات بريطانية جنودا من قاعدة التاجي إلى قاعدة عين الأسد.");
    assert_eq!(actors(&x), [Some("United Kingdom")]);
}

#[test]
fn the_leader_of_a_force_is_no_place() {
    let (_, x, t) = trips("انسحبت قوات التحالف بقيادة واشنطن من قاعدة التاجي إلى قاعدة عين الأسد.");
    assert_eq!(t, ["camp_taji > [] > ain_al_asad_airbase"]);
    assert_eq!(actors(&x), [Some("International coalition")]);
}

#[test]
fn a_verbal_noun_with_a_pronoun_reads_as_the_noun() {
    let (_, _, t) = trips("ونقلت الطائرات الجنود إلى الكويت بعد مغادرتهم قاعدة عين الأسد.");
    assert_eq!(t, ["ain_al_asad_airbase > [] > kuwait"]);
}

#[test]
fn on_its_way_from_one_place_to_another_is_a_trip_under_way() {
    let (_, x, t) = trips("وكان الرتل الأمريكي في طريقه من قاعدة حرير إلى مطار أربيل الدولي.");
    assert_eq!(t, ["harir_airbase > [] > erbil_intl_airport"]);
    assert_eq!(x.movements[0].status, super::Status::InProgress);
    let (_, _, t) = trips("تحركت قافلة عسكرية أمريكية من مدينة الرقة تجاه مدينة الطبقة.");
    assert_eq!(t, ["raqqa_city > [] > tabqa_city"]);
}

#[test]
fn a_base_left_in_a_place_is_the_origin_even_past_a_date() {
    let (g, x, t) = trips(
        "أخلت القوات الأمريكية أمس قاعدتها في بلدة عين عيسى، ونقلت جنودها ومعداتها إلى مطار الطبقة.",
    );
    assert_eq!(t, ["ayn_issa_town > [] > tabqa_airbase"]);
    assert!(events(&g, &x, EventType::Presence).is_empty());
}

#[test]
fn what_a_convoy_crosses_is_a_waypoint() {
    let (_, _, t) = trips(
        "وقال شهود إن 40 شاحنة أمريكية عبرت معبر سيمالكا، قادمة من قاعدة حرير، باتجاه مدينة الحسكة.",
    );
    assert_eq!(t, ["harir_airbase > [semalka_crossing] > al_hasakah_city"]);
}

#[test]
fn from_around_a_place_and_settled_in_another_is_a_trip() {
    let (_, _, t) = trips("انسحبت قوة أمريكية من محيط مدينة منبج، وتمركزت في بلدة صرين.");
    assert_eq!(t, ["manbij_city > [] > sarrin_town"]);
}

#[test]
fn an_official_or_a_thing_that_travels_is_no_trip() {
    for text in [
        "غادر السفير الأمريكي بغداد متوجها إلى عمان.",
        "وصل وزير الدفاع البريطاني إلى قاعدة عين الأسد في زيارة مفاجئة.",
        "عاد الهدوء إلى مدينة الحسكة بعد أيام من التوتر.",
        "انتقلت المعارك من ريف الحسكة إلى ريف دير الزور.",
    ] {
        let (_, x, t) = trips(text);
        assert!(t.is_empty() && x.events.is_empty(), "{text}: {t:?}");
    }
    // A minister announcing a withdrawal is the forces' trip all the same.
    let (_, _, t) = trips("أعلن وزير الدفاع الإيطالي سحب قوات بلاده من قاعدة حرير إلى الكويت.");
    assert_eq!(t, ["harir_airbase > [] > kuwait"]);
}

#[test]
fn two_convoys_take_the_dual_nationality() {
    let (_, x, _) = trips("خرج رتلان عسكريان أمريكيان من قاعدة الشدادي نحو العراق.");
    assert_eq!(actors(&x), [Some("United States")]);
}

#[test]
fn a_headline_from_a_citys_countryside_restates_the_trip_from_a_base_in_it() {
    let (_, _, t) = trips(
        "رتل أمريكي يغادر ريف الرقة الشمالي نحو الأراضي العراقية\n\nخرج اليوم من قاعدة جلبيا شمالي ريف الرقة رتل أمريكي يضم عشرات الآليات، وسلك الطريق نحو الأراضي العراقية.",
    );
    assert_eq!(t, ["jalabiya_base > [] > iraq"]);
}

#[test]
fn a_leg_from_a_crossing_to_where_a_trip_goes_is_that_trip_passing_it() {
    let (_, _, t) = trips(
        "وصلت القوات الأمريكية المنسحبة من شمال سوريا مساء الاثنين إلى مطار أربيل. وكانت القوات قد دخلت إقليم كردستان من معبر سيمالكا، لتكمل بعد ذلك طريقها صوب أربيل.",
    );
    assert_eq!(
        t,
        ["northern_syria > [semalka_crossing] > erbil_intl_airport"]
    );
}

#[test]
fn before_heading_on_is_the_next_leg_of_the_same_trip() {
    let (_, _, t) = trips(
        "غادر رتل أمريكي قاعدة تل بيدر، وسلك الطريق باتجاه مدينة القامشلي، قبل أن يتجه شرقا نحو بلدة المالكية.",
    );
    assert_eq!(t, ["tell_baydar_base > [qamishli_city] > al_malikiyah"]);
}

#[test]
fn an_origin_told_again_nearer_its_destination_is_one_trip() {
    let (_, _, t) = trips(
        "بدأت القوات الأمريكية اليوم سحب معداتها من قاعدة تل بيدر. وقالت مصادر إن رتلا غادر القاعدة فجرا، وسلك الطريق باتجاه مدينة القامشلي، ثم وصل إلى معبر الوليد.",
    );
    assert_eq!(
        t,
        ["tell_baydar_base > [qamishli_city] > al_waleed_crossing_ne"]
    );
}

#[test]
fn forces_said_to_stay_somewhere_after_the_trip_are_no_origin() {
    let (_, _, t) = trips(
        "وقالت وزارة الدفاع الألمانية إنها نقلت 35 جنديا من معسكر التاجي إلى الأردن، مشيرة إلى أن الجنود المتمركزين في أربيل سيبقون في مواقعهم.",
    );
    assert_eq!(t, ["camp_taji > [] > jordan"]);
}

#[test]
fn a_nations_own_name_is_an_actor_and_its_office_speaks_before_a_later_name() {
    let (_, x, _) = trips(
        "قررت الحكومة السلوفاكية سحب جنودها من بغداد إلى الكويت، فيما أعلنت رومانيا نقل عسكرييها إلى إقليم كردستان.",
    );
    assert_eq!(actors(&x), [Some("Slovakia")]);
    let (_, x, _) = trips("وأعلنت المجر سحب جنودها من قاعدة حرير إلى الكويت.");
    assert_eq!(actors(&x), [Some("Hungary")]);
}

#[test]
fn a_start_told_before_the_subject_and_a_date_is_under_way_and_an_agreed_condition_planned() {
    let (_, x, _) =
        trips("بدأت القوات الأمريكية صباح اليوم الخميس سحب معداتها من قاعدة حرير إلى الكويت.");
    assert_eq!(x.movements[0].status, super::Status::InProgress);
    let (_, x, _) = trips("وستسلم القوات القاعدة، على أن تنقل قواتها من قاعدة حرير إلى أربيل.");
    assert_eq!(x.movements[0].status, super::Status::Planned);
}

#[test]
fn from_there_to_the_bases_in_a_region_is_the_next_leg() {
    let (_, _, t) = trips(
        "وخرج رتل للتحالف من قاعدة قسرك. وبحسب المصادر، فإن الرتل اتجه نحو معبر الوليد، ومنه إلى قواعد التحالف في إقليم كردستان العراق.",
    );
    assert_eq!(
        t,
        ["qasrak_base > [al_waleed_crossing_ne] > kurdistan_region_iraq"]
    );
}

#[test]
fn a_headline_to_a_city_restates_the_trip_to_a_base_in_its_governorate() {
    let (_, _, t) = trips(
        "انسحاب أمريكي من قاعدة عين الأسد نحو أربيل\n\nوقال المصدر إن عشرات الآليات الأمريكية خرجت من قاعدة عين الأسد متوجهة نحو قاعدة حرير في أربيل.",
    );
    assert_eq!(t, ["ain_al_asad_airbase > [] > harir_airbase"]);
}

#[test]
fn a_trip_asked_for_or_threatened_is_not_told() {
    for text in [
        "دعا البرلمان العراقي إلى سحب القوات الأجنبية من قاعدة عين الأسد إلى بلدانها.",
        "تطالب دمشق بانسحاب القوات الأمريكية من قاعدة التنف.",
        "هددت الفصائل باستهداف القوات الأمريكية إذا لم تنسحب من قاعدة حرير.",
    ] {
        let (_, x, t) = trips(text);
        assert!(t.is_empty() && x.events.is_empty(), "{text}: {t:?}");
    }
}

#[test]
fn a_trip_said_not_to_happen_is_denied_and_one_considered_is_planned() {
    let (_, x, _) = trips("لم تنسحب القوات الأمريكية من قاعدة حرير حتى الآن.");
    assert!(x.events.iter().all(|e| e.status == super::Status::Denied));
    assert!(!x.events.is_empty());
    let (_, x, _) = trips("وقال مسؤول إن واشنطن لا تنوي سحب قواتها من قاعدة حرير إلى الكويت.");
    assert_eq!(x.movements[0].status, super::Status::Denied);
    let (_, x, _) =
        trips("تدرس الإدارة الأمريكية خيارات من بينها نقل القوات من قاعدة حرير إلى الكويت.");
    assert_eq!(x.movements[0].status, super::Status::Planned);
}

#[test]
fn forces_that_remain_or_are_found_somewhere_named_first_are_a_presence_there() {
    for (text, place) in [
        ("وما زال في العراق قرابة 2500 جندي أمريكي.", "iraq"),
        ("وسيظل في العراق 150 جنديا أمريكيا لحماية السفارة.", "iraq"),
        (
            "وتوجد قوات أمريكية في قاعدة التنف منذ سنوات.",
            "al_tanf_garrison",
        ),
    ] {
        let (g, x, _) = trips(text);
        assert_eq!(events(&g, &x, EventType::Presence), [place], "{text}");
    }
}

#[test]
fn there_refers_to_unnamed_bases_named_just_before_it_not_an_earlier_base() {
    let (g, x, _) = trips(
        "انسحب التحالف من قاعدة كركوك الجوية، وليس لذلك علاقة بالهجمات التي تعرضت لها قواعد عسكرية عدة يوجد فيها قوات من التحالف.",
    );
    assert!(events(&g, &x, EventType::Presence).is_empty());
    let (g, x, _) = trips("استهدفت الصواريخ قاعدة عين الأسد التي توجد فيها قوات أمريكية.");
    assert_eq!(events(&g, &x, EventType::Presence), ["ain_al_asad_airbase"]);
}

#[test]
fn bases_left_together_each_go_where_the_trip_goes() {
    let (_, _, t) = trips("أخلت القوات الأمريكية قاعدتي تل بيدر وقسرك، ونقلت عناصرها إلى العراق.");
    assert_eq!(
        t,
        ["tell_baydar_base > [] > iraq", "qasrak_base > [] > iraq"]
    );
}

#[test]
fn leaving_told_after_a_handover_leaves_the_base_handed_over() {
    let (_, _, t) = trips(
        "سلمت القوات الأمريكية قاعدة القيارة الجوية إلى الجيش العراقي قبل أن تغادر إلى الكويت.",
    );
    assert_eq!(t, ["qayyarah_airfield_west > [] > kuwait"]);
    let (g, x, _) = trips("وأعيد انتشار القوات المنسحبة في قاعدة حرير.");
    assert_eq!(events(&g, &x, EventType::Redeployment), ["harir_airbase"]);
}

#[test]
fn a_name_in_a_relative_clause_takes_no_role_from_before_it_and_a_place_reached_past_an_aside_is_the_destination(
) {
    let (_, _, t) = trips(
        "بلغت القوات الأمريكية المنسحبة من شمال سوريا، مساء الاثنين، مدينة أربيل، وذلك في أعقاب الاتفاق الذي توصلت إليه تركيا مع الأكراد.",
    );
    assert_eq!(t, ["northern_syria > [] > erbil_city"]);
}

#[test]
fn a_site_of_the_city_gone_to_told_next_refines_the_trip() {
    let (_, _, t) = trips(
        "وصلت القوات المنسحبة من قاعدة حرير إلى مدينة أربيل. ثم توجهت القوات إلى مطار أربيل الدولي.",
    );
    assert_eq!(t, ["harir_airbase > [] > erbil_intl_airport"]);
}

#[test]
fn where_the_sources_speak_from_is_no_end_of_the_trip_they_report() {
    let (_, _, t) = trips(
        "وقال شهود عيان من بلدة تل تمر إن رتلاً أمريكياً خرج من قاعدة الشدادي نحو الأراضي العراقية.",
    );
    assert_eq!(t, ["al_shaddadi_base > [] > iraq"]);
    let (g, x, t) = trips("وأفاد مراسل الوكالة في القامشلي بأن 40 شاحنة وصلت إلى قاعدة رميلان.");
    assert!(t.is_empty(), "{t:?}");
    assert_eq!(
        events(&g, &x, EventType::Arrival),
        ["kharab_al_jir_airfield"]
    );
}

#[test]
fn a_report_that_names_no_place_happens_where_its_sources_are() {
    let (g, x, _) =
        trips("وذكر مصدر عسكري في محافظة دير الزور أن القوات الأمريكية أعادت انتشارها في المنطقة.");
    assert_eq!(
        events(&g, &x, EventType::Redeployment),
        ["deir_ez_zor_governorate"]
    );
}

#[test]
fn a_name_in_a_relative_clause_that_places_an_unnamed_base_takes_its_role() {
    let (_, _, t) =
        trips("وخرج الرتل من القاعدة التي أنشأها التحالف في حقل العمر، متجهاً نحو الأراضي العراقية.");
    assert_eq!(t, ["al_omar_oilfield > [] > iraq"]);
}

#[test]
fn moving_a_part_of_the_forces_is_a_transfer_not_reported_speech() {
    let (_, _, t) = trips("وأعلنت هولندا نقل عدد من جنودها المنتشرين في العراق إلى الكويت.");
    assert_eq!(t, ["iraq > [] > kuwait"]);
    let (_, _, t) = trips("ونقلت الوكالة عن مصادر أن الرتل دخل قاعدة حرير.");
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn a_base_left_beside_another_is_left_too() {
    let (_, _, t) = trips(
        "أخلت القوات الفرنسية قاعدة قسرك إلى جانب قاعدة تل بيدر، ونقلت عتادها إلى إقليم كردستان.",
    );
    assert_eq!(
        t,
        [
            "qasrak_base > [] > kurdistan_region_iraq",
            "tell_baydar_base > [] > kurdistan_region_iraq"
        ]
    );
}

#[test]
fn destinations_listed_on_the_way_are_each_a_destination() {
    let (_, _, t) = trips("وغادر الجنود الأستراليون العراق في طريقهم إلى الكويت والأردن.");
    assert_eq!(t, ["iraq > [] > kuwait", "iraq > [] > jordan"]);
}

#[test]
fn aircraft_take_off_stop_over_and_land() {
    let (_, _, t) = trips(
        "أقلعت طائرتا نقل من مطار أربيل، وهبطتا في قاعدة عين الأسد بعد أن توقفتا لساعة في قاعدة حرير.",
    );
    assert_eq!(
        t,
        ["erbil_intl_airport > [harir_airbase] > ain_al_asad_airbase"]
    );
    let (_, _, t) = trips("وحطت مروحية في قاعدة الشدادي قادمة من حقل كونيكو.");
    assert_eq!(t, ["conoco_gas_field > [] > al_shaddadi_base"]);
}

#[test]
fn forces_to_be_stationed_again_somewhere_are_a_planned_redeployment() {
    let (g, x, _) = trips("وقال المسؤول إن الجنود سيعاد تمركزهم في قاعدة حرير.");
    assert_eq!(events(&g, &x, EventType::Redeployment), ["harir_airbase"]);
    assert_eq!(x.events[0].status, super::Status::Planned);
}

#[test]
fn the_destination_can_be_named_as_a_noun() {
    let (_, _, t) = trips("غادر الرتل قاعدة التنف صباحاً. وكانت وجهته قاعدة عين الأسد.");
    assert_eq!(t, ["al_tanf_garrison > [] > ain_al_asad_airbase"]);
    let (_, x, t) = trips("وتختلف وجهة نظر بغداد بشأن قاعدة حرير.");
    assert!(t.is_empty() && x.events.is_empty(), "{t:?} {:?}", x.events);
}

#[test]
fn prisoners_moved_are_no_troop_movement_however_they_are_counted() {
    let (g, x, t) = trips(
        "نقلت القوات الأمريكية أمس نحو 200 من معتقلي التنظيم من مدينة الحسكة إلى الأراضي العراقية.",
    );
    assert!(t.is_empty(), "{t:?}");
    assert!(events(&g, &x, EventType::Arrival).is_empty());
}

#[test]
fn the_same_base_is_one_named_before_this_sentence() {
    let (_, _, t) = trips(
        "ودخل رتل أمريكي من العراق واتجه إلى قاعدته في حقل العمر. وبعد يومين، خرجت شاحنات من حقل كونيكو متجهة إلى القاعدة نفسها.",
    );
    assert_eq!(
        t,
        [
            "iraq > [] > al_omar_oilfield",
            "conoco_gas_field > [] > al_omar_oilfield"
        ]
    );
}

#[test]
fn the_city_refers_to_the_last_city_named_and_a_place_passed_is_a_waypoint() {
    let (_, _, t) = trips(
        "أنهت القوات الأمريكية وجودها في مدينة منبج. وخرج رتل من المدينة ظهراً، ومرّ بمدينة عين العرب، قبل أن يكمل طريقه نحو محافظة الحسكة.",
    );
    assert_eq!(t, ["manbij_city > [kobani_town] > hasakah_governorate"]);
}

#[test]
fn legs_told_one_after_another_pass_each_end_on_the_way_to_the_last() {
    let (_, _, t) = trips(
        "غادر الرتل قاعدة عين الأسد فجراً. وسلك طريق المرور السريع نحو بغداد ومنها إلى كركوك، قبل أن يتابع سيره صوب قاعدة حرير.",
    );
    assert_eq!(
        t,
        ["ain_al_asad_airbase > [baghdad_city,kirkuk_city] > harir_airbase"]
    );
}

#[test]
fn what_is_moved_right_after_a_handover_goes_from_the_site_handed_over() {
    let (_, _, t) = trips(
        "وسلّمت القوات الإسبانية معسكر بسماية إلى القوات العراقية، ونقلت جنودها إلى قاعدة عين الأسد.",
    );
    assert_eq!(t, ["besmaya_base > [] > ain_al_asad_airbase"]);
}

#[test]
fn back_to_its_base_is_back_to_where_the_trip_set_out_from() {
    let (_, _, t) = trips(
        "سيّرت القوات الروسية دورية انطلقت من مطار القامشلي نحو بلدة عامودا، ثم عادت إلى قاعدتها.",
    );
    assert_eq!(
        t,
        [
            "qamishli_airport > [] > amuda_town",
            "amuda_town > [] > qamishli_airport"
        ]
    );
}

#[test]
fn a_companys_staff_withdrawn_are_no_troop_movement_past_a_date_aside() {
    let (_, _, t) =
        trips("وكانت شركة نفطية أجنبية قد سحبت، في آذار 2020، موظفيها من حقل العمر إلى أربيل.");
    assert!(t.is_empty(), "{t:?}");
    let (_, _, t) = trips("وانسحبت، في آذار 2020، القوات الأمريكية من حقل العمر إلى أربيل.");
    assert_eq!(t, ["al_omar_oilfield > [] > erbil_city"]);
}

#[test]
fn an_attack_told_by_what_a_base_underwent_is_at_that_base() {
    // The base after the verb of undergoing, with a time between it and the attack word.
    let (g, x, _) = trips("وتعرضت قاعدة حرير منذ مطلع العام الجاري لعدة هجمات بالطائرات المسيرة.");
    assert_eq!(events(&g, &x, EventType::Attack), ["harir_airbase"]);
    // Before the verb "شهد", with a month between it and a dual attack word.
    let (g, x, _) = trips("وكان معسكر التاجي قد شهد في أيار الماضي هجومين بالقذائف.");
    assert_eq!(events(&g, &x, EventType::Attack), ["camp_taji"]);
    // "القاعدة" before the verb refers to the base named in the sentence before.
    let (g, x, _) = trips(
        "زار قائد القوات البرية قاعدة عين الأسد أمس. وكانت القاعدة قد تعرضت في العاشر من نيسان لهجوم صاروخي.",
    );
    assert_eq!(events(&g, &x, EventType::Attack), ["ain_al_asad_airbase"]);
    // Positions the text does not name: no attack at the crossing the soldiers came through.
    let (g, x, _) =
        trips("ودخل عشرات الجنود الأراضي العراقية عبر منفذ القائم بعد تعرض مقراتهم لقصف عنيف.");
    assert!(events(&g, &x, EventType::Attack).is_empty());
}

#[test]
fn strikes_on_a_list_of_towns_hit_each_and_a_drone_downed_over_a_base_hit_it() {
    let (g, x, _) =
        trips("وشنت مقاتلات مجهولة غارات على مخازن أسلحة في مدينة الرقة وبلدتي الميادين والبوكمال.");
    assert_eq!(
        events(&g, &x, EventType::Attack),
        ["raqqa_city", "al_mayadin_town", "abu_kamal_town"]
    );
    let (g, x, _) = trips("وقال مصدر إن طائرة مسيرة أسقطت فجر اليوم فوق قاعدة عين الأسد.");
    assert_eq!(events(&g, &x, EventType::Attack), ["ain_al_asad_airbase"]);
    // Over a region, a downed drone names no target.
    let (g, x, _) = trips("أسقطت الدفاعات الجوية طائرة مسيرة فوق شمال شرق سوريا.");
    assert!(events(&g, &x, EventType::Attack).is_empty());
}

#[test]
fn neutralising_fighters_and_clearing_an_area_are_attacks_there() {
    let (g, x, _) = trips("وأعلن الجيش تحييد أربعة مسلحين في ريف منبج.");
    assert_eq!(events(&g, &x, EventType::Attack), ["manbij_city"]);
    let (g, x, _) = trips("وبدأ الجيش عملية واسعة لتطهير بادية الرقة من الخلايا النائمة.");
    assert!(!events(&g, &x, EventType::Attack).is_empty());
}

#[test]
fn the_seat_of_an_office_is_no_place_of_the_attack() {
    let (g, x, _) = trips(
        "وأصيب جنديان في هجوم على دورية للتحالف، بحسب ما أعلنته مديرية الأمن في محافظة الحسكة.",
    );
    assert!(events(&g, &x, EventType::Attack).is_empty());
}

#[test]
fn every_site_a_handover_names_was_handed_over() {
    let (g, x, _) = trips(
        "وتعد قاعدة حرير آخر موقع يسلمه التحالف هذا العام، بعد قاعدة بلد ومعسكر التاجي، إضافة إلى قاعدة القيارة.",
    );
    let handed = events(&g, &x, EventType::Handover);
    for site in ["balad_airbase", "camp_taji", "qayyarah_airfield_west"] {
        assert!(handed.contains(&site.to_owned()), "{site}: {handed:?}");
    }
}

#[test]
fn where_forces_are_is_the_place_before_where() {
    let (g, x, _) =
        trips("ونقلت المعدات إلى قاعدة حرير، حيث يتمركز مستشارو التحالف في إقليم كردستان العراق.");
    assert_eq!(events(&g, &x, EventType::Presence), ["harir_airbase"]);
}

#[test]
fn gathering_deploying_and_raising_a_flag_are_presence() {
    let (g, x, _) = trips("وستتجمع القوات المتبقية في قاعدتين أبرزهما عين الأسد وقاعدة حرير.");
    assert_eq!(
        events(&g, &x, EventType::Presence),
        ["ain_al_asad_airbase", "harir_airbase"]
    );
    assert!(x.events.iter().all(|e| e.status == super::Status::Planned));
    let (g, x, _) = trips("ونشرت روسيا مروحيات قتالية في مطار القامشلي.");
    assert_eq!(events(&g, &x, EventType::Presence), ["qamishli_airport"]);
    // Publishing is no deploying.
    let (g, x, _) = trips("ونشرت الوكالة تقريرا عن القوات في مطار القامشلي.");
    assert!(events(&g, &x, EventType::Presence).is_empty());
    let (g, x, _) = trips("ورفعت القوات الروسية علمها فوق مبنى في مطار الطبقة.");
    assert_eq!(events(&g, &x, EventType::Presence), ["tabqa_airbase"]);
}

#[test]
fn a_place_of_the_purpose_is_not_where_forces_are() {
    let (g, x, _) = trips("ويحتفظ التحالف بقوات في أربيل لدعم العمليات الجارية في سوريا.");
    assert_eq!(events(&g, &x, EventType::Presence), ["erbil_city"]);
}

#[test]
fn negations_past_an_auxiliary_or_an_adverb_deny() {
    let denied = |text: &str| {
        let (_, x, _) = trips(text);
        assert!(!x.events.is_empty() || !x.movements.is_empty(), "{text}");
        x.events.iter().all(|e| e.status == super::Status::Denied)
            && x.movements
                .iter()
                .all(|m| m.status == super::Status::Denied)
    };
    assert!(denied(
        "وقال المسؤول إنه لم يتم حتى الآن سحب أي جندي من قاعدة التنف."
    ));
    assert!(denied(
        "وأكد الوزير أن بلاده لا تنوي على الإطلاق سحب قواتها من العراق."
    ));
    assert!(denied("مسؤول محلي ينفي إنشاء قاعدة أمريكية جديدة في الرقة"));
}

#[test]
fn what_a_step_prepares_for_is_planned() {
    let (_, x, _) =
        trips("غادر رتل أمريكي قاعدة عين الأسد أمس، تمهيداً لتسليم القاعدة إلى القوات العراقية.");
    let handover = x
        .events
        .iter()
        .find(|e| e.event_type == EventType::Handover);
    assert_eq!(handover.map(|e| e.status), Some(super::Status::Planned));
}

#[test]
fn an_aim_or_a_belonging_is_no_movement() {
    let (g, x, t) =
        trips("وتهدف الهجمات إلى الضغط على الحكومة للإسراع بجدولة انسحاب القوات الأجنبية من العراق.");
    assert!(t.is_empty(), "{t:?}");
    assert!(events(&g, &x, EventType::Withdrawal).is_empty());
    let (g, x, _) = trips(
        "وأوضح المتحدث أن المروحيات تعود إلى القوة الجوية العراقية، وكانت تنفذ طلعات فوق الأنبار.",
    );
    assert!(events(&g, &x, EventType::Arrival).is_empty());
}

#[test]
fn a_convoy_made_of_counted_vehicles_takes_no_origin_from_that_of() {
    // "قافلة من 40 شاحنة": of what the convoy is made; the crossing after it is crossed, and
    // the place it came from is the origin.
    let (_, _, t) =
        trips("اجتاز رتل من 35 صهريجاً معبر الوليد قادماً من مدينة الحسكة متجهاً إلى قاعدة حرير.");
    assert_eq!(
        t,
        ["al_hasakah_city > [al_waleed_crossing_ne] > harir_airbase"]
    );
}

#[test]
fn a_place_left_and_a_place_come_from_before_it_make_one_trip_through_the_first() {
    // "دخلت X من معبر A قادمة من B": B → A → X.
    let (_, _, t) = trips("دخل رتل للتحالف الأراضي العراقية من معبر ربيعة قادماً من مدينة القامشلي.");
    assert_eq!(t, ["qamishli_city > [yarubiyah_rabia_crossing] > iraq"]);
}

#[test]
fn a_patrol_sent_from_one_place_to_another_is_a_trip() {
    let (_, _, t) = trips("سيّرت الشرطة العسكرية الروسية دورية من مطار القامشلي إلى بلدة عامودا.");
    assert_eq!(t, ["qamishli_airport > [] > amuda_town"]);
}

#[test]
fn crossing_in_the_present_tense_passes_the_place() {
    let (g, x, t) = trips("وشوهد رتل أمريكي يعبر بلدة تل تمر قادماً من قاعدة قسرك باتجاه الحسكة.");
    assert_eq!(
        t,
        ["qasrak_base > [tal_tamr_town] > al_hasakah_city"],
        "{:?}",
        events(&g, &x, EventType::Arrival)
    );
    // Expressing (تعبر عن) is no crossing.
    let (_, x, _) = trips("وتعبر الحكومة عن قلقها من الوضع في مدينة منبج.");
    assert!(x.movements.is_empty() && x.events.is_empty(), "{x:?}");
}

#[test]
fn a_return_to_a_base_left_before_is_an_arrival_there() {
    // "بعد ... من انسحابها منها": the base was left before; the news is the return to it.
    let (g, x, t) = trips("عادت قوات أمريكية إلى قاعدة قسرك بعد شهرين من انسحابها منها.");
    assert!(t.is_empty(), "{t:?}");
    assert_eq!(events(&g, &x, EventType::Arrival), ["qasrak_base"]);
}

#[test]
fn what_a_place_was_turned_into_is_no_destination() {
    // "حوّله ... إلى قاعدة في Y": Y locates the base the airfield became.
    let (_, _, t) = trips(
        "انطلق الرتل من مطار الطبقة الذي حوّله الجيش الروسي إلى قاعدة عسكرية في ريف الرقة، قبل أن يتجه نحو حلب.",
    );
    assert_eq!(t, ["tabqa_airbase > [] > aleppo_city"]);
}

#[test]
fn a_way_told_in_a_clause_of_its_own_is_the_trips_way() {
    let (_, _, t) = trips(
        "خرج رتل أمريكي من قاعدة تل بيدر، وسلك الطريق المؤدي إلى معبر الوليد، قبل أن يدخل الأراضي العراقية.",
    );
    assert_eq!(t, ["tell_baydar_base > [al_waleed_crossing_ne] > iraq"]);
}

#[test]
fn an_escort_is_not_who_moves() {
    let (_, x, _) = trips(
        "غادر رتل للقوات الأمريكية قاعدة الشدادي باتجاه الحسكة بحماية عربات تابعة للجيش التركي.",
    );
    let actor = x.movements[0].actor.as_ref().map(|a| &*a.name);
    assert_eq!(actor, Some("United States"));
}

#[test]
fn a_convoy_brought_in_later_is_another_trip_not_the_next_leg() {
    // "أدخلت رتلاً" brings in a convoy of its own: not where the first one went on to.
    let (_, _, t) = trips(
        "انطلق الرتل الأمريكي من قاعدة قسرك باتجاه أربيل. وفي وقت سابق، أدخلت القوات رتلاً من 20 شاحنة توجه إلى قاعدة الشدادي.",
    );
    assert_eq!(t, ["qasrak_base > [] > erbil_city"]);
}

#[test]
fn a_civilian_who_tells_the_news_is_not_who_moved() {
    // The residents speak; who moved is told after "إن".
    let (g, x, t) = trips(
        "غادرت القوات الأمريكية قاعدة تل بيدر، وقال أحد سكان القرية إن الأمريكيين خرجوا بعشرات الآليات باتجاه الحسكة.",
    );
    assert_eq!(
        t,
        ["tell_baydar_base > [] > al_hasakah_city"],
        "{:?}",
        events(&g, &x, EventType::Arrival)
    );
}

#[test]
fn two_places_a_base_lies_between_are_no_ends() {
    let (g, x, t) = trips("وصل رتل للتحالف إلى قاعدة قسرك الواقعة بين مدينتي الحسكة وتل تمر.");
    assert!(t.is_empty(), "{t:?}");
    assert_eq!(events(&g, &x, EventType::Arrival), ["qasrak_base"]);
}

#[test]
fn two_aircraft_take_off_and_land() {
    let (_, _, t) = trips("أقلعت طائرتا شحن من مطار القامشلي، ثم هبطتا في قاعدة حميميم.");
    assert_eq!(t, ["qamishli_airport > [] > hmeimim_airbase"]);
}

#[test]
fn the_place_a_where_clause_names_inside_the_destination_ends_the_trip() {
    // "إلى X، حيث ... في Y": Y, inside X, is where the trip ends.
    let (_, _, t) =
        trips("انطلقت الشاحنات من قاعدة عين الأسد نحو الكويت، حيث ستُفرغ حمولتها في معسكر عريفجان.");
    assert_eq!(t, ["ain_al_asad_airbase > [] > camp_arifjan"]);
}

#[test]
fn those_leaving_the_two_places_go_where_the_clause_says() {
    // "منهما": the two places named last (not the one that locates them); "إلى المطار ذاته"
    // is where they went, not where they left.
    let (_, _, t) = trips(
        "انسحبت القوات الروسية إلى مطار القامشلي. ثم أخلت نقطتيها في عامودا والدرباسية بريف الحسكة، وتوجهت العناصر المنسحبة منهما إلى المطار ذاته.",
    );
    assert!(
        t.contains(&"amuda_town > [] > qamishli_airport".to_owned()),
        "{t:?}"
    );
    assert!(
        t.contains(&"darbasiyah_town > [] > qamishli_airport".to_owned()),
        "{t:?}"
    );
    assert!(!t.iter().any(|x| x.starts_with("al_hasakah_city")), "{t:?}");
}

#[test]
fn taking_off_after_landing_leaves_where_it_landed() {
    let (g, x, t) = trips("حطت في قاعدة حرير طائرة شحن أمريكية، وأقلعت بعد ساعات باتجاه الكويت.");
    assert_eq!(t, ["harir_airbase > [] > kuwait"]);
    assert_eq!(events(&g, &x, EventType::Arrival), ["harir_airbase"]);
}

#[test]
fn going_on_ones_way_is_the_next_leg() {
    // "قبل أن يكمل طريقه إلى": the trip told over two sentences goes on, past where it stopped.
    let (_, _, t) = trips(
        "انطلق رتل روسي من مدينة منبج. وتوقف الرتل في بلدة عين عيسى، قبل أن يكمل طريقه إلى مطار القامشلي.",
    );
    assert_eq!(t, ["manbij_city > [ayn_issa_town] > qamishli_airport"]);
}

#[test]
fn forces_said_to_be_stationed_in_the_base_leave_it() {
    // "التي كانت متمركزة في القاعدة ... تم نقلها إلى X": the base named before is the origin.
    let (_, _, t) = trips(
        "سلّمت القوات الأمريكية قاعدة التاجي للجيش العراقي. وقال مصدر إن القوات التي كانت متمركزة في القاعدة تم نقلها إلى قاعدة حرير.",
    );
    assert_eq!(t, ["camp_taji > [] > harir_airbase"]);
}

#[test]
fn a_part_moved_later_goes_from_where_the_trip_set_out() {
    // "قسم من المعدات" is another part of what left, not a next leg.
    let (_, x, t) = trips(
        "نقلت القوات الأمريكية معداتها من قاعدة تل بيدر إلى قاعدة الشدادي. وجرى شحن قسم من المعدات إلى الأراضي العراقية، فيما بقيت المباني بعهدة الجيش السوري.",
    );
    assert_eq!(
        t,
        [
            "tell_baydar_base > [] > al_shaddadi_base",
            "tell_baydar_base > [] > iraq"
        ]
    );
    let actors: Vec<_> = x
        .movements
        .iter()
        .map(|m| m.actor.as_ref().map(|a| &*a.name))
        .collect();
    assert_eq!(actors, [Some("United States"); 2]);
}

#[test]
fn the_two_bases_are_those_named_not_the_towns_that_locate_them() {
    let (_, _, t) = trips(
        "ستتسلم القوات العراقية قاعدتي القيارة جنوب الموصل وكي وان في كركوك، على أن تنتقل القوات المنسحبة منهما إلى قاعدة حرير.",
    );
    assert_eq!(
        t,
        [
            "qayyarah_airfield_west > [] > harir_airbase",
            "k1_airbase > [] > harir_airbase"
        ]
    );
}

#[test]
fn what_is_brought_in_comes_to_where_the_one_who_brings_it_is() {
    // "استقدمتها من Y": brought from Y to the place the clause before names.
    let (_, _, t) =
        trips("عززت القوات التركية وجودها في مدينة الباب بتعزيزات استقدمتها من ولاية كلس.");
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t, ["gn_307864 > [] > gn_174018"], "Kilis to al-Bab");
}

#[test]
fn a_place_noun_listed_after_a_base_takes_its_role_from_the_name_that_places_it() {
    // "إخلاء قاعدة X ومقر قيادة التحالف في Y": Y is left as X is.
    let (_, _, t) = trips(
        "بدأت القوات إخلاء قاعدة التاجي شمال بغداد ومقر قيادة القوات الأمريكية في قاعدة بلد الجوية، على أن ينتقل الجنود إلى قاعدة حرير.",
    );
    assert_eq!(
        t,
        [
            "camp_taji > [] > harir_airbase",
            "balad_airbase > [] > harir_airbase"
        ]
    );
}

#[test]
fn leaving_the_land_the_trip_began_in_is_a_step_of_that_trip() {
    // "ليخرج من الأراضي السورية عبر المعبر ذاته": not a trip from Syria, the same trip going
    // on through the crossing named before.
    let (_, _, t) = trips(
        "دخل رتل أمريكي من معبر الوليد. وخرج رتل آخر من قاعدة تل بيدر، واجتاز مدينة القامشلي، ليخرج لاحقاً من الأراضي السورية عبر المعبر ذاته باتجاه أربيل.",
    );
    assert!(
        t.contains(
            &"tell_baydar_base > [qamishli_city,al_waleed_crossing_ne] > erbil_city".to_owned()
        ),
        "{t:?}"
    );
}

#[test]
fn a_convoy_brought_in_later_does_not_refine_an_earlier_trip() {
    let (_, _, t) = trips(
        "أدخلت القوات الأمريكية رتلاً إلى الأراضي السورية قادماً من إقليم كردستان. وكانت قد أدخلت الأسبوع الماضي رتلاً من 30 شاحنة إلى قاعدة الشدادي.",
    );
    assert_eq!(t, ["kurdistan_region_iraq > [] > syria"]);
}

#[test]
fn the_same_base_after_a_trip_is_where_that_trip_ended() {
    // The last base named is a waypoint; "القاعدة ذاتها" is where the trip told before went.
    let (_, _, t) = trips(
        "دخل رتل أمريكي من معبر الوليد، ثم توجه إلى قاعدة الشدادي، ومنها إلى حقل العمر. ونقلت مروحيات في اليوم نفسه جنوداً من قاعدة تل بيدر إلى القاعدة ذاتها.",
    );
    assert!(
        t.contains(&"tell_baydar_base > [] > al_omar_oilfield".to_owned()),
        "{t:?}"
    );
}

#[test]
fn what_is_moved_in_a_clause_joined_to_a_trip_goes_from_where_it_set_out() {
    // "إلى داخل الحقل": the field named before; "ونقلت" goes from the base left.
    let (_, _, t) = trips(
        "أعادت القوات الأمريكية تموضعها في ريف دير الزور، إذ انسحبت من قاعدة القرية الخضراء المجاورة لحقل العمر، ونقلت آلياتها إلى داخل الحقل.",
    );
    assert_eq!(t, ["green_village > [] > al_omar_oilfield"]);
}

#[test]
fn a_civilian_quoted_after_a_colon_is_not_who_moved() {
    // "القاعدة" is the base an adjective and "في" placed ("القاعدة الأمريكية في حقل X"); the
    // civilian speaks, the aircraft move.
    let (_, _, t) = trips(
        "انطلق الرتل من القاعدة الأمريكية في حقل كونيكو. وقال أحد العاملين المدنيين: \"أقلعت مروحيتان من داخل القاعدة، ويقال إنهما حطتا في قاعدة قسرك\".",
    );
    assert!(
        t.contains(&"conoco_gas_field > [] > qasrak_base".to_owned()),
        "{t:?}"
    );
}

#[test]
fn legs_told_one_after_another_pair_their_own_ends() {
    // Two legs in one clause: two trips, not every origin to every destination.
    let (_, _, t) = trips(
        "نقلت القوات الأمريكية معدات من حقل العمر إلى مدينة الشدادي، ومن حقل كونيكو إلى قاعدة قسرك.",
    );
    assert_eq!(
        t,
        [
            "al_omar_oilfield > [] > al_shaddadi_town",
            "conoco_gas_field > [] > qasrak_base"
        ]
    );
    // A leg from where the one before ended goes on: one trip through it.
    let (_, _, t) = trips("توجه الرتل من قاعدة الشدادي إلى قاعدة قسرك، ومن قسرك إلى معبر الوليد.");
    assert_eq!(
        t,
        ["al_shaddadi_base > [qasrak_base] > al_waleed_crossing_ne"]
    );
}

#[test]
fn going_home_goes_to_the_country_of_who_moves() {
    let (_, _, t) = trips("سحبت تركيا قواتها من قاعدة حرير إلى أراضيها.");
    assert_eq!(t, ["harir_airbase > [] > turkey"]);
    let (_, _, t) = trips("غادر الجنود الإيطاليون قاعدة حرير عائدين إلى أرض الوطن.");
    assert_eq!(t, ["harir_airbase > [] > italy"]);
    // A coalition has no country to go home to.
    let (_, _, t) = trips("انسحب التحالف الدولي من قاعدة حرير إلى بلاده.");
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn two_aircraft_or_vehicles_of_a_nation_name_the_actor() {
    // A dual noun with its dual nationality adjective.
    let (_, x, _) = trips("هبطت طائرتان روسيتان في مطار القامشلي قادمتين من قاعدة حميميم.");
    assert_eq!(actors(&x), [Some("Russia")]);
    let (_, x, _) = trips("انسحبت دبابتان تركيتان من قاعدة حرير إلى أربيل.");
    assert_eq!(actors(&x), [Some("Turkey")]);
}

#[test]
fn a_large_part_of_the_equipment_moved_is_a_transfer_not_reported_speech() {
    // An adjective between the part (جزءاً، عدداً) and its "من".
    let (_, _, t) = trips("نقل التحالف جزءاً كبيراً من المعدات من معسكر التاجي إلى معسكر عريفجان.");
    assert_eq!(t, ["camp_taji > [] > camp_arifjan"]);
    let (_, _, t) = trips("ونقلت القوات عدداً كبيراً من الآليات من معسكر التاجي إلى معسكر عريفجان.");
    assert_eq!(t, ["camp_taji > [] > camp_arifjan"]);
}

#[test]
fn civilians_who_see_a_landing_are_witnesses_not_who_moved() {
    let (_, _, t) = trips(
        "رصد سكان هبوط طائرتي شحن في مطار القامشلي. وقالت مصادر محلية إنهما نقلتا معدات من المطار إلى قاعدة حميميم.",
    );
    assert_eq!(t, ["qamishli_airport > [] > hmeimim_airbase"]);
}

#[test]
fn joining_others_goes_where_they_are() {
    let (_, _, t) = trips(
        "أخلى الأميركيون مقارهم في معسكر فيكتوري، وغادر قسم منهم إلى الكويت، فيما التحق آخرون بزملائهم في أربيل.",
    );
    assert_eq!(
        t,
        [
            "camp_victory > [] > kuwait",
            "camp_victory > [] > erbil_city"
        ]
    );
    let (_, _, t) =
        trips("انسحب جنود أمريكيون من قاعدة حرير وانضموا إلى القوات المتمركزة في أربيل.");
    assert_eq!(t, ["harir_airbase > [] > erbil_city"]);
    // Nor is a country joining an alliance.
    let (_, x, _) = trips("وفي نوفمبر الماضي انضمت سوريا إلى التحالف الدولي.");
    assert!(x.events.iter().all(|e| e.event_type != EventType::Arrival));
    // Damage that befell a base is no one joining anyone there.
    let (_, x, t) = trips("لحقت أضرار مادية بقاعدة حرير جراء القصف.");
    assert!(t.is_empty() && x.events.iter().all(|e| e.event_type != EventType::Arrival));
}

#[test]
fn going_on_after_an_arrival_sets_out_from_where_it_arrived() {
    // An arrival with no place left from, then going on in a result clause.
    let (_, _, t) = trips(
        "وصل الرتل إلى مطار خراب الجير عصر اليوم، ليتابع طريقه في وقت لاحق نحو قاعدة الشدادي.",
    );
    assert_eq!(t, ["kharab_al_jir_airfield > [] > al_shaddadi_base"]);
    // A trip told whole goes on through where it arrived.
    let (_, _, t) = trips(
        "انطلق الرتل من قاعدة حرير ووصل إلى مطار خراب الجير، ليتابع طريقه نحو قاعدة الشدادي.",
    );
    assert_eq!(
        t,
        ["harir_airbase > [kharab_al_jir_airfield] > al_shaddadi_base"]
    );
    // A part of it that goes on, past its count, goes from where the convoy arrived.
    let (_, _, t) = trips("دخل رتل أمريكي من معبر الوليد إلى مطار خراب الجير، ليتابع جزء منه قوامه نحو 20 شاحنة طريقه نحو قاعدة الشدادي.");
    assert_eq!(
        t,
        [
            "al_waleed_crossing_ne > [] > kharab_al_jir_airfield",
            "kharab_al_jir_airfield > [] > al_shaddadi_base"
        ]
    );
    // "تابع" with no way after it is "added".
    let (_, x, t) = trips("وصل الرتل إلى مطار خراب الجير، وتابع المصدر أنه ضم عشرين شاحنة.");
    assert!(t.is_empty() && x.events.len() == 1, "{t:?}");
}

#[test]
fn a_part_going_on_in_the_next_sentence_sets_out_from_where_the_trip_ended() {
    let (_, _, t) = trips(
        "دخل رتل أمريكي من معبر الوليد إلى مطار خراب الجير. ثم تابع جزء منه طريقه نحو قاعدة الشدادي.",
    );
    assert_eq!(
        t,
        [
            "al_waleed_crossing_ne > [] > kharab_al_jir_airfield",
            "kharab_al_jir_airfield > [] > al_shaddadi_base"
        ]
    );
    // The whole convoy going on passes where it arrived.
    let (_, _, t) = trips(
        "دخل رتل أمريكي من معبر الوليد إلى مطار خراب الجير. ثم تابع الرتل طريقه نحو قاعدة الشدادي.",
    );
    assert_eq!(
        t,
        ["al_waleed_crossing_ne > [kharab_al_jir_airfield] > al_shaddadi_base"]
    );
}

#[test]
fn taking_up_positions_after_leaving_is_where_the_force_went() {
    let (_, _, t) = trips("انسحبت كتيبة من قاعدة حرير، واتخذت مواقعها في مدينة أربيل.");
    assert_eq!(t, ["harir_airbase > [] > erbil_city"]);
    // With no comma between the clauses, the place is not a locator of the base left.
    let (_, _, t) = trips("انسحبت كتيبة من قاعدة حرير وتمركزت في مدينة أربيل.");
    assert_eq!(t, ["harir_airbase > [] > erbil_city"]);
}

#[test]
fn a_place_named_after_an_arrival_in_another_clause_is_not_where_it_came_from() {
    let (_, _, t) =
        trips("وصل الرتل إلى مطار خراب الجير، وأضاف المصدر أن الهدوء يسود في قاعدة الشدادي.");
    assert!(t.is_empty(), "{t:?}");
    // Said before the verb, it is where the return set out.
    let (_, _, t) = trips("بعد سنوات في قاعدة الشدادي، عادت القوات إلى مطار خراب الجير.");
    assert_eq!(t, ["al_shaddadi_base > [] > kharab_al_jir_airfield"]);
}

#[test]
fn a_name_after_then_continues_the_list_of_waypoints_or_legs() {
    let (_, _, t) = trips(
        "انطلقت الأرتال من قاعدة عين الأسد، ومرت بمدينة حديثة ثم بيجي، قبل أن تصل إلى قاعدة حرير.",
    );
    assert_eq!(
        t,
        ["ain_al_asad_airbase > [haditha_town,baiji_town] > harir_airbase"]
    );
    let (_, _, t) = trips("انسحب رتل من قاعدة الشدادي إلى معبر الوليد ثم أربيل.");
    assert_eq!(
        t,
        ["al_shaddadi_base > [al_waleed_crossing_ne] > erbil_city"]
    );
}

#[test]
fn an_area_of_a_place_gone_to_is_near_that_place() {
    // "ل" + name after countryside, a direction or a word of facing names an area of it.
    let (_, _, t) = trips("انسحبت القوات من قاعدة حرير إلى الريف الشمالي لمدينة أربيل.");
    assert_eq!(t, ["harir_airbase > [] > erbil_city"]);
    let (_, _, t) =
        trips("ستنقل القيادة سرية آلية من الرويشد باتجاه المنطقة المقابلة لمخيم الركبان.");
    assert_eq!(t, ["ruwaished_town > [] > rukban_camp"]);
    // After "في" and a base, the area still locates the base.
    let (_, _, t) = trips("انسحبت القوات من قاعدة حرير في الريف الشمالي لمدينة أربيل إلى الكويت.");
    assert_eq!(t, ["harir_airbase > [] > kuwait"]);
}
