//! The `convoy` binary driven as a user drives it: gazetteer commands, `places`, `near`, and
//! what happens on bad input (a clear message naming the file, never a panic).

mod common;
use common::{convoy, stderr, stdout};

use std::path::{Path, PathBuf};
use std::process::Output;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", stderr(o));
    serde_json::from_slice(&o.stdout).expect("valid JSON on stdout")
}

#[test]
fn gazetteer_validate_passes_on_the_shipped_files() {
    let o = convoy(&["gazetteer", "validate"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let text = stdout(&o);
    assert!(text.trim_end().ends_with("ok"), "{text}");
    // The two al-Waleed crossings share a name and are listed as marked homonyms.
    assert!(text.contains("al_waleed_crossing_anbar"), "{text}");
}

#[test]
fn gazetteer_show_and_list() {
    let o = convoy(&["gazetteer", "show", "قاعدة عين الأسد", "--format", "json"]);
    let rows = json(&o);
    assert_eq!(rows[0]["id"], "ain_al_asad_airbase");
    let o = convoy(&["gazetteer", "show", "Ain al-Asad"]);
    assert!(
        stdout(&o).starts_with("ain_al_asad_airbase"),
        "{}",
        stdout(&o)
    );
    let o = convoy(&[
        "gazetteer",
        "list",
        "--kind",
        "crossing",
        "--country",
        "SY",
        "--format",
        "json",
    ]);
    let rows = json(&o);
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty());
    assert!(rows
        .iter()
        .all(|r| r["kind"] == "crossing" && r["country"] == "SY"));
    let o = convoy(&["gazetteer", "show", "Ain al-Asadd"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean"), "{}", stderr(&o));
}

#[test]
fn places_json_has_the_contract_fields() {
    let seed = seeds().join("004_cec0cb9a2edc8622.txt");
    let rows = json(&convoy(&[
        "places",
        seed.to_str().unwrap(),
        "--format",
        "json",
    ]));
    let first = &rows[0];
    for key in [
        "doc",
        "start",
        "end",
        "surface",
        "id",
        "candidates",
        "kind",
        "lat",
        "lon",
    ] {
        assert!(!first[key].is_null(), "missing {key} in {first}");
    }
    // Byte offsets point at the surface in the original file.
    let text = std::fs::read_to_string(&seed).unwrap();
    for r in rows.as_array().unwrap() {
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], r["surface"].as_str().unwrap());
    }
}

#[test]
fn places_reads_a_directory_in_name_order_and_writes_csv() {
    let o = convoy(&["places", seeds().to_str().unwrap(), "--format", "csv"]);
    assert!(o.status.success());
    let text = stdout(&o);
    let docs: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    let mut sorted = docs.clone();
    sorted.sort();
    assert_eq!(docs, sorted);
    assert!(text.starts_with("doc,start,end,surface,id,"));
}

#[test]
fn a_missing_file_is_named_and_the_rest_still_run() {
    let seed = seeds().join("002_95157b79699af474.txt");
    let o = convoy(&[
        "places",
        "no/such/article.txt",
        seed.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no/such/article.txt"), "{}", stderr(&o));
    assert!(stdout(&o).contains("qayyarah_airfield_west"));
}

#[test]
fn windows_1256_is_decoded_and_an_empty_file_has_no_places() {
    let dir = tempfile::tempdir().unwrap();
    let arabic = "انسحبت القوات الأمريكية من قاعدة عين الأسد في محافظة الأنبار";
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(arabic);
    let cp1256 = dir.path().join("cp1256.txt");
    std::fs::write(&cp1256, &bytes).unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let o = convoy(&["places", cp1256.to_str().unwrap(), "--format", "json"]);
    let rows = json(&o);
    let ids: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["ain_al_asad_airbase", "anbar_governorate"]);
    assert!(stderr(&o).contains("decoded from windows-1256"));
    let rows = json(&convoy(&[
        "places",
        empty.to_str().unwrap(),
        "--format",
        "json",
    ]));
    assert_eq!(rows.as_array().unwrap().len(), 0);
}

#[test]
fn binary_input_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("image.txt");
    std::fs::write(&bin, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let o = convoy(&["places", bin.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("image.txt: looks like a binary file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_malformed_gazetteer_names_the_feature_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.geojson");
    std::fs::write(
        &bad,
        r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[40,35]},"properties":{"id":"x_base","name_en":"X","name_ar":"اكس","kind":"fort","country":"SY","precision_m":500,"source":"t"}}]}"#,
    )
    .unwrap();
    let o = convoy(&["--gazetteer", bad.to_str().unwrap(), "gazetteer", "list"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("bad.geojson: feature 1 (id \"x_base\"): field `kind`: unknown kind \"fort\""),
        "{err}"
    );
    let o = convoy(&["gazetteer", "validate", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn near_lists_places_by_geodesic_distance() {
    let rows = json(&convoy(&[
        "near",
        "al_tanf_garrison",
        "--k",
        "5",
        "--format",
        "json",
    ]));
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r["id"] != "al_tanf_garrison"));
    let d: Vec<f64> = rows
        .iter()
        .map(|r| r["distance_km"].as_f64().unwrap())
        .collect();
    assert!(d.windows(2).all(|w| w[0] <= w[1]));
    let waleed = rows
        .iter()
        .find(|r| r["id"] == "al_waleed_crossing_anbar")
        .expect("the al-Waleed crossing is among the five nearest");
    // GeographicLib 2.1 (Python, Karney): 28.054 km from the garrison, bearing 106.3°.
    assert!((waleed["distance_km"].as_f64().unwrap() - 28.054).abs() < 0.002);
    assert_eq!(waleed["compass"], "ESE");
}

#[test]
fn near_within_a_radius_with_kinds() {
    let rows = json(&convoy(&[
        "near",
        "33.4343,38.9073",
        "--within",
        "50km",
        "--kind",
        "base,airbase",
        "--format",
        "json",
    ]));
    let ids: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    // Nearest first: Tower 22 (23 km) and the al-Tanf garrison (28 km); the crossing itself is
    // not a base.
    assert_eq!(ids, ["tower_22", "al_tanf_garrison"]);
}

#[test]
fn near_rejects_bad_values_clearly() {
    for (args, needle) in [
        (vec!["near", "x", "--within", "50 miles"], "needs a unit"),
        (vec!["near", "x", "--within", "-3km"], "zero or more"),
        (vec!["near", "91,200"], "latitude must be within"),
        (vec!["near", "Tanff al-Qasr"], "no place is called"),
        (vec!["near", "معبر الوليد"], "could mean several places"),
    ] {
        let o = convoy(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(needle), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn near_geojson_is_a_feature_collection() {
    let o = convoy(&["near", "harir_airbase", "--k", "3", "--format", "geojson"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let fc: geojson::FeatureCollection = stdout(&o).parse().expect("GeoJSON");
    assert_eq!(fc.features.len(), 3);
}

/// A one-place gazetteer file in the curated format, with the given id.
fn added_place(dir: &std::path::Path, id: &str) -> std::path::PathBuf {
    let path = dir.join(format!("{id}.geojson"));
    let feature = serde_json::json!({
        "type": "FeatureCollection",
        "features": [{
            "type": "Feature",
            "id": id,
            "geometry": {"type": "Point", "coordinates": [40.1234, 35.4321]},
            "properties": {
                "id": id, "name_en": "Camp Zulu", "name_ar": "معسكر زولو",
                "aliases_ar": ["معسكر زولو"], "aliases_en": ["Camp Zulu"],
                "kind": "base", "country": "SY", "admin1": "Deir ez-Zor", "precision_m": 1000,
                "source": "a test", "notes": "", "homonyms": []
            }
        }]
    });
    std::fs::write(&path, feature.to_string()).unwrap();
    path
}

#[test]
fn f13_places_adds_to_the_embedded_gazetteer_without_replacing_it() {
    let dir = tempfile::tempdir().unwrap();
    let zulu = added_place(dir.path(), "camp_zulu_base");
    let p = zulu.to_str().unwrap();
    let o = convoy(&["--places", p, "gazetteer", "show", "camp_zulu_base"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Camp Zulu"), "{}", stdout(&o));
    // The embedded places are all still there.
    let o = convoy(&["--places", p, "gazetteer", "show", "ain_al_asad_airbase"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // And the article's mention of it resolves.
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "انسحب رتل من معسكر زولو إلى قاعدة عين الأسد.").unwrap();
    let o = convoy(&[
        "places",
        article.to_str().unwrap(),
        "--places",
        p,
        "--format",
        "csv",
    ]);
    assert!(stdout(&o).contains("camp_zulu_base"), "{}", stdout(&o));
    let o = convoy(&["places", article.to_str().unwrap(), "--format", "csv"]);
    assert!(!stdout(&o).contains("camp_zulu_base"), "{}", stdout(&o));
}

#[test]
fn f13_added_places_that_clash_or_are_bad_are_errors_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let clash = added_place(dir.path(), "ain_al_asad_airbase");
    let o = convoy(&["--places", clash.to_str().unwrap(), "gazetteer", "list"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains(clash.to_str().unwrap()), "{e}");
    assert!(
        e.contains("ain_al_asad_airbase") && e.contains("embedded gazetteer"),
        "{e}"
    );
    let zulu = added_place(dir.path(), "camp_zulu_base");
    let z = zulu.to_str().unwrap();
    let o = convoy(&["--places", z, "--places", z, "gazetteer", "list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("already has a place with this id"),
        "{}",
        stderr(&o)
    );
    let bad = dir.path().join("bad.geojson");
    std::fs::write(&bad, "{\"type\":\"FeatureCollection\",\"features\":[{}]}").unwrap();
    let o = convoy(&["--places", bad.to_str().unwrap(), "gazetteer", "list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(bad.to_str().unwrap()), "{}", stderr(&o));
    let o = convoy(&["--places", "/nonexistent.geojson", "gazetteer", "list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("/nonexistent.geojson"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn f12_a_bad_gazetteer_is_named_on_stderr_when_used() {
    let dir = tempfile::tempdir().unwrap();
    let good = added_place(dir.path(), "camp_zulu_base");
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "انسحب رتل من معسكر زولو إلى قاعدة عين الأسد.").unwrap();
    let places = |file: &std::path::Path| {
        let (a, f) = (article.to_str().unwrap(), file.to_str().unwrap());
        convoy(&["places", a, "--places", f, "--format", "csv"])
    };
    let o = places(&good);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    // Longitude and latitude swapped: the point lies far outside Syria.
    let swapped = dir.path().join("swapped.geojson");
    let text = std::fs::read_to_string(&good).unwrap();
    std::fs::write(
        &swapped,
        text.replace("[40.1234,35.4321]", "[35.4321,40.1234]"),
    )
    .unwrap();
    let o = places(&swapped);
    assert!(o.status.success(), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(
        e.contains("warning") && e.contains(swapped.to_str().unwrap()),
        "{e}"
    );
    assert!(
        e.contains("camp_zulu_base") && e.contains("outside SY"),
        "{e}"
    );
}

/// The shipped curated gazetteer with place `id` moved by `(dx, dy)` degrees (or its lon/lat
/// swapped when `swap`), written into `dir`.
fn gazetteer_moved(dir: &Path, id: &str, swap: bool, (dx, dy): (f64, f64)) -> PathBuf {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteer/places.geojson");
    let mut g: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(shipped).unwrap()).unwrap();
    let features = g["features"].as_array_mut().unwrap();
    let f = features.iter_mut().find(|f| f["id"] == id).unwrap();
    let at = &mut f["geometry"]["coordinates"];
    let (x, y) = (at[0].as_f64().unwrap(), at[1].as_f64().unwrap());
    *at = match swap {
        true => serde_json::json!([y, x]),
        false => serde_json::json!([x + dx, y + dy]),
    };
    let path = dir.join(format!("{id}.geojson"));
    std::fs::write(&path, g.to_string()).unwrap();
    path
}

#[test]
fn f13_validate_finds_aleppo_swapped_and_a_base_moved_a_degree() {
    let dir = tempfile::tempdir().unwrap();
    for (id, swap, by, found) in [
        ("aleppo_city", true, (0.0, 0.0), "outside SY's border"),
        ("al_tanf_garrison", false, (1.0, 0.0), "outside SY's border"),
        // Within its country: only its governorate tells.
        (
            "al_shaddadi_base",
            false,
            (0.0, -1.0),
            "lies 63 km outside the border of Hasakah (SY)",
        ),
    ] {
        let file = gazetteer_moved(dir.path(), id, swap, by);
        let o = convoy(&["gazetteer", "validate", file.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{id}: {}", stderr(&o));
        let errors: Vec<String> = stdout(&o)
            .lines()
            .filter(|l| l.starts_with("error: "))
            .map(str::to_owned)
            .collect();
        let [error] = errors.as_slice() else {
            panic!("{id}: {errors:?}")
        };
        assert!(
            error.starts_with(&format!("error: {id} (")) && error.contains(found),
            "{error}"
        );
    }
}
