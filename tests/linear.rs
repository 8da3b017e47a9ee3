//! One article's cost in proportion to its length (issue 16, item 7): evidence and context cut
//! to a bounded window of a long sentence, with offsets that still slice the file to exactly
//! what is written, and the output in proportion to the input. Structure only, no timings:
//! scripts/bench/pathological.sh measures the time.

mod common;
use common::{convoy, stderr};

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The most bytes of evidence or context written for one feature (`MAX_EXCERPT_BYTES`).
const CAP: usize = 1000;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn features(dir: &Path, name: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(dir.join(name)).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    v["features"].as_array().unwrap().clone()
}

/// The embedded gazetteer's Arabic names, from `convoy gazetteer list`.
fn names() -> Vec<String> {
    places().into_iter().map(|(name, _)| name).collect()
}

/// The embedded gazetteer's Arabic names with their kinds.
fn places() -> Vec<(String, String)> {
    let o = convoy(&["gazetteer", "list", "--no-geonames", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let field = |k: &str| p[k].as_str().unwrap().to_owned();
            (field("name_ar"), field("kind"))
        })
        .collect()
}

/// Extracts `text` as one article and returns the output directory (inside `dir`) and the
/// article's bytes.
fn extract(dir: &Path, text: &str) -> (PathBuf, Vec<u8>) {
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("a.txt"), text).unwrap();
    let out = dir.join("out");
    let o = convoy(&["extract", s(&input), "-o", s(&out), "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    (out, text.as_bytes().to_vec())
}

/// Checks every feature's evidence: at most the cap, exactly the file's bytes at its offsets,
/// and marked cut when, and only when, it is shorter than its sentence (which here is longer
/// than the cap). Returns how many features were checked.
fn evidence_is_capped_and_sliced(out: &Path, file: &[u8], name: &str) -> usize {
    let fs = features(out, name);
    for f in &fs {
        let p = &f["properties"];
        let evidence = p["evidence"].as_str().unwrap();
        let (start, end) = (
            p["evidence_start"].as_u64().unwrap() as usize,
            p["evidence_end"].as_u64().unwrap() as usize,
        );
        assert!(evidence.len() <= CAP, "{} bytes", evidence.len());
        assert!(!evidence.is_empty());
        assert_eq!(&file[start..end], evidence.as_bytes(), "{}", p["id"]);
        assert_eq!(p["evidence_cut"], Value::Bool(true), "{}", p["id"]);
        assert!(!evidence.starts_with(' ') && !evidence.ends_with(' '));
    }
    fs.len()
}

#[test]
fn f07_evidence_from_a_100000_name_sentence_is_capped_and_its_offsets_slice_the_file() {
    let names = names();
    let list: Vec<&str> = (0..100_000)
        .map(|i| names[i % names.len()].as_str())
        .collect();
    let text = format!(
        "انسحبت القوات الأمريكية من {} إلى الأراضي العراقية.\n",
        list.join(" و")
    );
    let dir = tempfile::tempdir().unwrap();
    let (out, file) = extract(dir.path(), &text);
    // The withdrawals from the places listed first (the far end, hundreds of thousands of words
    // on, is too far from the verb to be read with it).
    let n = evidence_is_capped_and_sliced(&out, &file, "events.geojson");
    assert!(n > 0, "the withdrawal is still read");
    evidence_is_capped_and_sliced(&out, &file, "movements.geojson");
    // Each feature costs its properties and geometry, not the 2 MB sentence.
    let size = std::fs::metadata(out.join("events.geojson")).unwrap().len() as usize;
    assert!(size / n < 3 * CAP, "{size} bytes for {n} events");
    // The window holds the verb the events rest on.
    for e in features(&out, "events.geojson") {
        let evidence = e["properties"]["evidence"].as_str().unwrap();
        assert!(
            evidence.starts_with("انسحبت القوات الأمريكية من"),
            "{evidence}"
        );
    }
    // The mark of the cut is in the contract's tables.
    let contract = std::fs::read_to_string(root().join("docs/output-contract.md")).unwrap();
    assert!(contract.contains("\n| evidence_cut |"));
}

#[test]
fn f07_a_text_without_full_stops_is_read_and_cut_in_windows() {
    // The seeds run together with every full stop made a comma: one sentence of ~300 KB.
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(root().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    let joined: String = seeds
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap().replace('\n', " "))
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['.', '؟', '!'], "،");
    let text = joined.repeat(10);
    let dir = tempfile::tempdir().unwrap();
    let (out, file) = extract(dir.path(), &text);
    let movements = evidence_is_capped_and_sliced(&out, &file, "movements.geojson");
    let events = evidence_is_capped_and_sliced(&out, &file, "events.geojson");
    assert!(
        movements > 0 && events > 0,
        "{movements} movements, {events} events"
    );
    let size = std::fs::metadata(out.join("movements.geojson"))
        .unwrap()
        .len() as usize;
    assert!(size / movements < 4 * CAP, "{size} bytes for {movements}");
}

#[test]
fn f07_unresolved_context_is_a_window_around_the_name() {
    let list: Vec<String> = (0..3000).map(|i| format!("قاعدة زرنوخ{i}")).collect();
    let text = format!("انسحبت القوات من {}.\n", list.join(" و"));
    let dir = tempfile::tempdir().unwrap();
    let (out, _) = extract(dir.path(), &text);
    let csv = std::fs::read_to_string(out.join("unresolved.csv")).unwrap();
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let mut n = 0;
    for row in rows.records() {
        let row = row.unwrap();
        let (surface, context) = (&row[3], &row[4]);
        assert!(context.len() <= CAP, "{} bytes", context.len());
        assert!(context.contains(surface), "{surface} not in its context");
        n += 1;
    }
    assert!(n >= 3000, "{n} names reported");
}

/// Whether a gazetteer kind is an area that a place named inside it stands for.
fn broad(kind: Option<&str>) -> bool {
    matches!(kind, Some("country" | "region" | "governorate"))
}

/// The Arabic names of the embedded gazetteer's places that are not areas.
fn site_names() -> Vec<String> {
    (places().into_iter())
        .filter(|(_, kind)| !broad(Some(kind)))
        .map(|(name, _)| name)
        .collect()
}

#[test]
fn f07_a_frame_listing_many_places_makes_a_bounded_number_of_trips() {
    // Forty sites and towns as origins and forty others as destinations, in one clause: 1,600
    // trips if every pair were one.
    let places = site_names();
    assert!(places.len() >= 80);
    let text = format!(
        "انسحبت القوات الأمريكية من {} إلى {}.\n",
        places[..40].join(" و"),
        places[40..80].join(" و")
    );
    let dir = tempfile::tempdir().unwrap();
    let (out, _) = extract(dir.path(), &text);
    let n = features(&out, "movements.geojson").len();
    // At most 32 origins times 32 destinations (extract's MAX_ENDS).
    assert!(n > 100 && n <= 32 * 32, "{n} movements");
}

#[test]
fn f07_places_past_the_cap_of_one_frame_are_told_not_lost_silently() {
    let places = site_names();
    // 40 names of origins and 35 of destinations: some past the 32 kept of each.
    let head = "خبر.\n";
    let text = format!(
        "{head}انسحبت القوات الأمريكية من {} إلى {}.\n",
        places[..40].join(" و"),
        places[40..75].join(" و")
    );
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("long.txt");
    let run = |text: &str| {
        std::fs::write(&article, text).unwrap();
        let out = dir.path().join("out");
        let o = convoy(&["extract", s(&article), "-o", s(&out), "-q"]);
        assert!(o.status.success(), "{}", stderr(&o));
        o
    };
    let o = run(&text);
    // How many places past 32 each side names, as `places` finds them: distinct, and not a
    // country or region (a place named inside it stands for it).
    let rows = convoy(&["places", s(&article), "--format", "json"]);
    let rows: Value = serde_json::from_slice(&rows.stdout).unwrap();
    let to = text.find(" إلى ").unwrap();
    let side = |origins: bool| {
        let mut ids: Vec<&str> = (rows.as_array().unwrap().iter())
            .filter(|r| (r["start"].as_u64().unwrap() < to as u64) == origins)
            .filter(|r| {
                !matches!(
                    r["kind"].as_str(),
                    Some("country" | "region" | "governorate")
                )
            })
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        ids.sort();
        ids.dedup();
        ids.len().saturating_sub(32)
    };
    let past = side(true) + side(false);
    assert!(past >= 5, "{past}");
    assert_eq!(
        stderr(&o).lines().next().unwrap(),
        format!(
            "convoy: {}: a trip told at byte {} names more than 32 places as origins or as \
             destinations; {past} past the first 32 of each are left out of the movements",
            article.display(),
            head.len()
        )
    );
    // A list within the cap: not a word.
    let text = format!(
        "انسحبت القوات الأمريكية من {} إلى {}.\n",
        places[..32].join(" و"),
        places[40..72].join(" و")
    );
    let o = run(&text);
    assert!(!stderr(&o).contains("left out"), "{}", stderr(&o));
}

#[test]
fn f07_sentences_of_normal_length_are_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = convoy(&["extract", s(&root().join("seeds")), "-o", s(&out), "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for name in ["movements.geojson", "events.geojson"] {
        for f in features(&out, name) {
            let p = &f["properties"];
            assert!(p.get("evidence_cut").is_none(), "{}", p["id"]);
            assert!(p["evidence"].as_str().unwrap().len() < CAP);
        }
    }
}
