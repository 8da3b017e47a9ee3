//! `convoy extract` driven as a user drives it: the seeds against a reviewed golden summary and
//! the issue's list of movements and events, the hand-written test articles against their
//! expectations, the contract's shape, determinism, and bad input.

mod common;
use common::convoy;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn extract(input: &Path, out: &Path) {
    let o = convoy(&[
        "extract",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn features(dir: &Path, name: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(dir.join(name)).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v["features"].as_array().unwrap().clone()
}

fn s(v: &Value) -> String {
    match v {
        Value::Null => "-".into(),
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(s).collect::<Vec<_>>().join(","),
        other => other.to_string(),
    }
}

/// One line per movement and event: what the golden file pins.
fn summary(dir: &Path) -> String {
    let mut out = String::new();
    for f in features(dir, "movements.geojson") {
        let p = &f["properties"];
        out.push_str(&format!(
            "{} {} {} | {} > [{}] > {} | vehicles {} {} | personnel {} {} | {} | {} p{}\n",
            s(&p["id"]),
            s(&p["event_type"]),
            s(&p["actor"]),
            s(&p["origin"]),
            s(&p["via"]),
            s(&p["destination"]),
            s(&p["vehicles"]),
            s(&p["vehicles_qualifier"]),
            s(&p["personnel"]),
            s(&p["personnel_qualifier"]),
            s(&p["status"]),
            s(&p["event_date"]),
            s(&p["time_precision"]),
        ));
    }
    for f in features(dir, "events.geojson") {
        let p = &f["properties"];
        out.push_str(&format!(
            "{} {} {} | {} | {} | {} | {} p{}\n",
            s(&p["id"]),
            s(&p["event_type"]),
            s(&p["place"]),
            s(&p["actor"]),
            s(&p["counterpart"]),
            s(&p["status"]),
            s(&p["event_date"]),
            s(&p["time_precision"]),
        ));
    }
    out
}

#[test]
fn seeds_match_the_reviewed_golden_summary() {
    let dir = tempfile::tempdir().unwrap();
    extract(&root().join("seeds"), dir.path());
    let got = summary(dir.path());
    let golden = root().join("tests/golden/seeds_extract.txt");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &got).unwrap();
    }
    let want = std::fs::read_to_string(&golden).unwrap();
    assert_eq!(got, want, "run with UPDATE_GOLDEN=1, then read the diff");
}

/// The movements and events the extraction issue lists for the seeds, as (doc prefix, origin,
/// via, destination) and (doc prefix, type, place, status).
#[test]
fn seeds_have_the_movements_and_events_the_issue_lists() {
    let dir = tempfile::tempdir().unwrap();
    extract(&root().join("seeds"), dir.path());
    let movements: Vec<(String, String, String, String, Value)> =
        features(dir.path(), "movements.geojson")
            .iter()
            .map(|f| {
                let p = &f["properties"];
                (
                    s(&p["doc"])[..3].to_owned(),
                    s(&p["origin"]),
                    s(&p["via"]),
                    s(&p["destination"]),
                    p.clone(),
                )
            })
            .collect();
    let find = |doc: &str, o: &str, via: &str, d: &str| {
        movements
            .iter()
            .find(|m| m.0 == doc && m.1 == o && m.2 == via && m.3 == d)
            .map(|m| m.4.clone())
            .unwrap_or_else(|| panic!("missing movement {doc}: {o} > [{via}] > {d}"))
    };
    let m = find("000", "kharab_al_jir_airfield", "", "al_suwaydiyah_village");
    assert_eq!(
        (m["vehicles"].as_u64(), s(&m["vehicles_qualifier"])),
        (Some(40), "about".into())
    );
    let m = find(
        "000",
        "al_shaddadi_town",
        "al_hol,al_waleed_crossing_ne",
        "iraq",
    );
    assert_eq!(m["vehicles"].as_u64(), Some(50));
    let m = find("000", "deir_ez_zor_city", "", "al_shaddadi_town");
    assert_eq!(
        m["geo_precision"].as_u64(),
        Some(2),
        "the countryside of Deir ez-Zor"
    );
    for origin in [
        "al_omar_oilfield",
        "conoco_gas_field",
        "kharab_al_jir_airfield",
    ] {
        let m = find("000", origin, "", "rmelan_town");
        assert_eq!(s(&m["event_type"]), "redeployment");
    }
    assert_eq!(s(&find("000", "iraq", "", "kuwait")["actor"]), "Spain");
    for d in ["jordan", "kuwait"] {
        let m = movements
            .iter()
            .find(|m| m.0 == "000" && m.1 == "iraq" && m.3 == d && s(&m.4["actor"]) == "Germany")
            .unwrap_or_else(|| panic!("German forces Iraq > {d}"));
        assert_eq!(s(&m.4["status"]), "planned");
    }
    let m = find("000", "baghdad_city", "", "kuwait");
    assert_eq!(
        (s(&m["actor"]), m["personnel"].as_u64()),
        ("Croatia".into(), Some(14))
    );
    let m = find("000", "iraq", "", "croatia");
    assert_eq!(m["personnel"].as_u64(), Some(7));
    let m = find("003", "imam_ali_airbase", "", "kuwait");
    assert_eq!(m["personnel"].as_u64(), Some(500));
    assert_eq!(s(&m["event_date"]), "2011-12-18");
    let m = find("004", "qasrak_base", "", "kurdistan_region_iraq");
    assert_eq!(s(&m["vehicles_qualifier"]), "dozens");
    let m = find(
        "004",
        "qasrak_base",
        "al_waleed_crossing_ne",
        "kurdistan_region_iraq",
    );
    assert_eq!(
        (m["vehicles"].as_u64(), s(&m["vehicles_qualifier"])),
        (Some(100), "at_least".into())
    );

    let events: BTreeSet<(String, String, String, String)> = features(dir.path(), "events.geojson")
        .iter()
        .map(|f| {
            let p = &f["properties"];
            (
                s(&p["doc"])[..3].to_owned(),
                s(&p["event_type"]),
                s(&p["place"]),
                s(&p["status"]),
            )
        })
        .collect();
    let has = |doc: &str, t: &str, place: &str, status: &str| {
        assert!(
            events.contains(&(doc.into(), t.into(), place.into(), status.into())),
            "missing event {doc}: {t} at {place} ({status})"
        );
    };
    has("000", "attack", "ain_al_asad_airbase", "reported");
    has("000", "withdrawal", "iraq", "planned"); // Slovenia
    has("001", "withdrawal", "ain_al_asad_airbase", "reported");
    has("001", "withdrawal", "harir_airbase", "in_progress");
    has("001", "attack", "ain_al_asad_airbase", "reported");
    has("001", "attack", "baghdad_intl_airport", "reported");
    has("002", "withdrawal", "qayyarah_airfield_west", "reported");
    has("002", "handover", "qayyarah_airfield_west", "reported");
    has("002", "attack", "us_embassy_baghdad", "reported");
    has("003", "withdrawal", "k1_airbase", "reported");
    has("003", "handover", "k1_airbase", "reported");
    has("003", "handover", "al_qaim_base", "reported");
    has("003", "attack", "k1_airbase", "reported");
    has("003", "withdrawal", "al_qaim_base", "reported");
    has("004", "presence", "kharab_al_jir_airfield", "reported");
    has("004", "handover", "al_shaddadi_base", "reported");
    has("004", "handover", "al_tanf_garrison", "reported");
    has("004", "withdrawal", "al_shaddadi_base", "reported");
    has("004", "withdrawal", "al_tanf_garrison", "reported");
    // The Kuwaiti government called the Arifjan story false.
    has("000", "withdrawal", "camp_arifjan", "denied");
}

#[test]
fn hand_written_articles_meet_their_expectations() {
    let dir = tempfile::tempdir().unwrap();
    let articles = root().join("tests/articles");
    extract(&articles, dir.path());
    let movements = features(dir.path(), "movements.geojson");
    let events = features(dir.path(), "events.geojson");
    let (mut m_want, mut m_found, mut e_want, mut e_found, mut extra) = (0, 0, 0, 0, 0);
    let mut misses = Vec::new();
    for entry in std::fs::read_dir(&articles).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(stem) = name.strip_suffix(".expected.json") else {
            continue;
        };
        let doc = format!("{stem}.txt");
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let counted =
            |x: &&Value| x["background"] != Value::Bool(true) && x["optional"] != Value::Bool(true);
        let mine_m: Vec<&Value> = movements
            .iter()
            .map(|f| &f["properties"])
            .filter(|p| p["doc"] == doc.as_str())
            .collect();
        let mine_e: Vec<&Value> = events
            .iter()
            .map(|f| &f["properties"])
            .filter(|p| p["doc"] == doc.as_str())
            .collect();
        for m in expected["movements"]
            .as_array()
            .unwrap()
            .iter()
            .filter(counted)
        {
            m_want += 1;
            if mine_m
                .iter()
                .any(|g| g["origin"] == m["origin"] && g["destination"] == m["destination"])
            {
                m_found += 1;
            } else {
                misses.push(format!("{doc}: {} > {}", m["origin"], m["destination"]));
            }
        }
        for e in expected["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(counted)
        {
            e_want += 1;
            if mine_e
                .iter()
                .any(|g| g["event_type"] == e["event_type"] && g["place"] == e["place"])
            {
                e_found += 1;
            } else {
                misses.push(format!("{doc}: {} at {}", e["event_type"], e["place"]));
            }
        }
        let all_m = expected["movements"].as_array().unwrap();
        let all_e = expected["events"].as_array().unwrap();
        extra += mine_m
            .iter()
            .filter(|g| {
                !all_m
                    .iter()
                    .any(|m| g["origin"] == m["origin"] && g["destination"] == m["destination"])
            })
            .count();
        extra += mine_e
            .iter()
            .filter(|g| {
                !all_e
                    .iter()
                    .any(|e| g["event_type"] == e["event_type"] && g["place"] == e["place"])
            })
            .count();
    }
    eprintln!(
        "movements {m_found}/{m_want}, events {e_found}/{e_want}, extra {extra}; missed:\n{}",
        misses.join("\n")
    );
    // Names after قرية/قاعدة/معبر that no entry has are reported for the user to add, and
    // nothing else is (ذيبان is a GeoNames place, so it is found, not unresolved; طريبيل is now
    // the curated trebil_crossing).
    let csv = std::fs::read_to_string(dir.path().join("unresolved.csv")).unwrap();
    let reported: BTreeSet<String> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(3).map(str::to_owned))
        .collect();
    for surface in ["تل علو", "قره قوزاق", "خراب عشق"] {
        assert!(
            reported.contains(surface),
            "{surface} not in unresolved.csv: {reported:?}"
        );
    }
    assert!(reported.len() <= 5, "{reported:?}");
    // A ratchet: the figures reached when these articles were written. Raise them as the rules
    // improve; a drop is a regression.
    assert!(
        m_want >= 20 && e_want >= 30,
        "the expectations were trimmed"
    );
    assert!(m_found * 100 >= m_want * 90, "movements {m_found}/{m_want}");
    assert!(e_found * 100 >= e_want * 90, "events {e_found}/{e_want}");
    assert!(
        extra <= 14,
        "{extra} movements or events the articles do not state"
    );
}

#[test]
fn output_follows_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    extract(&root().join("seeds"), dir.path());
    for name in ["movements.geojson", "events.geojson", "places.geojson"] {
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
        let fc: geojson::FeatureCollection = text.parse().unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!fc.features.is_empty(), "{name} is empty");
        for f in &fc.features {
            let id = match &f.id {
                Some(geojson::feature::Id::String(s)) => s.clone(),
                other => panic!("{name}: feature id {other:?}"),
            };
            let props = f.properties.as_ref().unwrap();
            assert_eq!(
                props["id"],
                id.as_str(),
                "{name}: id member equals the id property"
            );
            assert!(!props.contains_key("crs"));
        }
        // RFC 7946: no more than 6 decimals anywhere in the coordinates.
        let v: Value = serde_json::from_str(&text).unwrap();
        for f in v["features"].as_array().unwrap() {
            let coords = f["geometry"]["coordinates"].to_string();
            for n in coords.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-')) {
                if let Some((_, frac)) = n.split_once('.') {
                    assert!(frac.len() <= 6, "{name}: {n}");
                }
            }
        }
    }
    // Lines run origin → via → destination through the gazetteer points; a coarse end (a
    // country, a region) is drawn at its border or interior instead (tests/outputs.rs).
    let places: Vec<Value> = features(dir.path(), "places.geojson");
    let place = |id: &str| {
        places
            .iter()
            .find(|p| p["id"] == id)
            .unwrap_or_else(|| panic!("{id} not in places.geojson"))
    };
    let point = |id: &str| place(id)["geometry"]["coordinates"].clone();
    for f in features(dir.path(), "movements.geojson") {
        let p = &f["properties"];
        let coords = f["geometry"]["coordinates"].as_array().unwrap();
        if p["origin_coarse"] == false {
            assert_eq!(coords[0], point(p["origin"].as_str().unwrap()));
        }
        if p["destination_coarse"] == false {
            assert_eq!(
                coords[coords.len() - 1],
                point(p["destination"].as_str().unwrap())
            );
        }
        for via in p["via"].as_array().unwrap() {
            let via = via.as_str().unwrap();
            let kind = &place(via)["properties"]["kind"];
            if !["country", "governorate", "region"].contains(&kind.as_str().unwrap()) {
                assert!(coords.contains(&point(via)), "via {via} is a vertex");
            }
        }
        let (a, b) = (
            p["evidence_start"].as_u64().unwrap() as usize,
            p["evidence_end"].as_u64().unwrap() as usize,
        );
        let doc =
            std::fs::read_to_string(root().join("seeds").join(p["doc"].as_str().unwrap())).unwrap();
        assert_eq!(&doc[a..b], p["evidence"].as_str().unwrap());
        assert!(p["event_date"].is_null() || p["event_date"].as_str().unwrap().len() == 10);
    }
    let csv = std::fs::read_to_string(dir.path().join("unresolved.csv")).unwrap();
    assert!(csv.starts_with("doc,start,end,surface,context,locator\n"));
}

#[test]
fn the_same_input_gives_the_same_bytes_and_ids_survive_new_articles() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    extract(&root().join("seeds"), a.path());
    extract(&root().join("seeds"), b.path());
    for name in [
        "movements.geojson",
        "events.geojson",
        "places.geojson",
        "unresolved.csv",
        "movements.qml",
        "events.qml",
        "places.qml",
    ] {
        assert_eq!(
            std::fs::read(a.path().join(name)).unwrap(),
            std::fs::read(b.path().join(name)).unwrap(),
            "{name} differs between runs"
        );
    }
    // Add an unrelated article before the seeds in name order: the seeds' ids do not move.
    let input = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(root().join("seeds")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, input.path().join(p.file_name().unwrap())).unwrap();
    }
    std::fs::write(
        input.path().join("0000_extra.txt"),
        "انسحبت القوات الأمريكية من قاعدة التنف باتجاه الأراضي الأردنية.",
    )
    .unwrap();
    let c = tempfile::tempdir().unwrap();
    extract(input.path(), c.path());
    let ids = |dir: &Path| -> BTreeSet<String> {
        features(dir, "movements.geojson")
            .iter()
            .map(|f| s(&f["id"]))
            .filter(|id| !id.starts_with("0000_extra"))
            .collect()
    };
    assert_eq!(ids(a.path()), ids(c.path()));
}

#[test]
fn an_article_without_places_gives_empty_collections() {
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("empty.txt"), "لا شيء هنا عن أي مكان.").unwrap();
    let out = tempfile::tempdir().unwrap();
    extract(input.path(), out.path());
    for name in ["movements.geojson", "events.geojson", "places.geojson"] {
        let fc: geojson::FeatureCollection = std::fs::read_to_string(out.path().join(name))
            .unwrap()
            .parse()
            .unwrap();
        assert!(fc.features.is_empty());
    }
}

#[test]
fn an_unwritable_output_is_a_clear_error_and_nothing_is_half_written() {
    let out = tempfile::tempdir().unwrap();
    // A file where the output directory should be.
    let blocked = out.path().join("blocked");
    std::fs::write(&blocked, "keep me").unwrap();
    let o = convoy(&[
        "extract",
        root().join("seeds").to_str().unwrap(),
        "-o",
        blocked.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("blocked"), "{err}");
    assert_eq!(std::fs::read_to_string(&blocked).unwrap(), "keep me");
    // An existing output survives a run that fails on a bad manifest.
    let dir = tempfile::tempdir().unwrap();
    extract(&root().join("seeds"), dir.path());
    let before = std::fs::read(dir.path().join("movements.geojson")).unwrap();
    let input = tempfile::tempdir().unwrap();
    std::fs::copy(
        root().join("seeds/000_943bcec6441ca9da.txt"),
        input.path().join("a.txt"),
    )
    .unwrap();
    std::fs::write(
        input.path().join("manifest.csv"),
        "file,date\na.txt,yesterday\n",
    )
    .unwrap();
    let o = convoy(&[
        "extract",
        input.path().to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("manifest.csv: line 2: column `date`"));
    assert_eq!(
        std::fs::read(dir.path().join("movements.geojson")).unwrap(),
        before
    );
    // The four files, and no temporary file beside the set's lock and record.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != ".convoy.lock" && n != ".convoy-set")
        .collect();
    assert_eq!(leftovers.len(), 7, "{leftovers:?}");
}

#[test]
fn geojsonseq_streams_every_feature() {
    let o = convoy(&[
        "extract",
        root()
            .join("seeds/004_cec0cb9a2edc8622.txt")
            .to_str()
            .unwrap(),
        "--format",
        "geojsonseq",
    ]);
    assert!(o.status.success());
    let text = String::from_utf8(o.stdout).unwrap();
    let records: Vec<&str> = text.split('\u{1e}').filter(|r| !r.is_empty()).collect();
    assert!(records.len() > 5);
    for r in records {
        assert!(r.ends_with('\n'));
        let f: geojson::Feature = r.trim_end().parse().unwrap();
        assert!(f.id.is_some());
    }
}

#[test]
fn each_article_is_dated_by_the_manifest_of_its_own_directory() {
    // Articles of two directories, given interleaved: each directory's manifest dates its own.
    let input = tempfile::tempdir().unwrap();
    let (a, b) = (input.path().join("a"), input.path().join("b"));
    let text = "انسحبت القوات الأمريكية اليوم من قاعدة عين الأسد غرب العراق.";
    for (dir, file) in [(&a, "x.txt"), (&a, "y.txt"), (&b, "z.txt")] {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join(file), text).unwrap();
    }
    std::fs::write(
        a.join("manifest.csv"),
        "file,date\nx.txt,2024-01-10\ny.txt,2024-01-11\n",
    )
    .unwrap();
    std::fs::write(b.join("manifest.csv"), "file,date\nz.txt,2024-03-05\n").unwrap();
    let out = tempfile::tempdir().unwrap();
    let arg = |p: PathBuf| p.to_str().unwrap().to_owned();
    let o = convoy(&[
        "extract",
        &arg(a.join("x.txt")),
        &arg(b.join("z.txt")),
        &arg(a.join("y.txt")),
        "-o",
        out.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let dated: Vec<(String, String)> = features(out.path(), "events.geojson")
        .iter()
        .map(|f| {
            (
                s(&f["properties"]["doc"]),
                s(&f["properties"]["event_date"]),
            )
        })
        .collect();
    assert_eq!(
        dated,
        [
            // Read in file-name order, whatever order they were given in.
            ("x.txt".to_owned(), "2024-01-10".to_owned()),
            ("y.txt".to_owned(), "2024-01-11".to_owned()),
            ("z.txt".to_owned(), "2024-03-05".to_owned()),
        ]
    );
}

#[test]
fn an_article_no_manifest_dates_is_dated_by_its_dateline() {
    // A headline, a dateline, then a report of "yesterday": the day before the dateline.
    let input = tempfile::tempdir().unwrap();
    std::fs::write(
        input.path().join("a.txt"),
        "انسحاب أمريكي من عين الأسد\n\nالخميس 2021/01/28\n\n\
         انسحبت القوات الأمريكية أمس من قاعدة عين الأسد غرب العراق.",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    extract(input.path(), out.path());
    let events = features(out.path(), "events.geojson");
    assert!(!events.is_empty());
    for e in &events {
        let p = &e["properties"];
        assert_eq!(s(&p["article_date"]), "2021-01-28");
        assert_eq!(s(&p["event_date"]), "2021-01-27", "{p}");
        assert_eq!(p["time_precision"], 1);
    }
}

#[test]
fn an_unknown_site_keeps_its_name_and_its_locator() {
    let (articles, out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    std::fs::write(
        articles.path().join("a.txt"),
        "انسحبت القوات الأمريكية من قاعدة كوبرا في مدينة دهوك متجهة إلى مطار أربيل.",
    )
    .unwrap();
    extract(articles.path(), out.path());
    let m = &features(out.path(), "movements.geojson")[0]["properties"];
    assert_eq!(m["origin"], "duhok_city");
    assert_eq!(m["origin_site_name"], "كوبرا");
    assert!(m["destination_site_name"].is_null());
    assert_eq!(m["geo_precision"], 2);
    let csv = std::fs::read_to_string(out.path().join("unresolved.csv")).unwrap();
    let row = csv.lines().nth(1).unwrap();
    assert!(
        row.starts_with("a.txt,") && row.ends_with(",duhok_city"),
        "{row}"
    );
}
