//! `convoy eval` driven as a user drives it: the dev, own and own2 corpora held to their baselines
//! (ratchets), and annotations with defects reported by file and field while the rest is scored.

mod common;
use common::{convoy, stderr};

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The figures the baseline holds, as `convoy eval --format json` names them.
const FIGURES: [&str; 5] = [
    "places_f1",
    "movements_p",
    "movements_r",
    "movements_f1",
    "events_r",
];

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

/// `convoy eval DIR --format json`'s figures; `code` is the exit code expected.
fn eval_json(dir: &Path, code: i32) -> (Value, String) {
    let o = convoy(&["eval", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(code), "{}", stderr(&o));
    let v = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
    (v, stderr(&o))
}

#[test]
fn the_dev_corpus_scores_no_lower_than_its_baseline() {
    holds_to_baseline("dev", "baseline.json");
}

#[test]
fn the_own_corpus_scores_no_lower_than_its_baseline() {
    holds_to_baseline("own", "baseline-own.json");
}

#[test]
fn the_second_own_corpus_scores_no_lower_than_its_baseline() {
    holds_to_baseline("own2", "baseline-own2.json");
}

/// Scores `tests/corpus/DIR` and fails on any figure below `tests/corpus/BASELINE` (a ratchet);
/// with `CONVOY_RAISE_BASELINE` set and none below, writes today's figures to it.
fn holds_to_baseline(dir: &str, baseline: &str) {
    let (now, warnings) = eval_json(&corpus().join(dir), 0);
    assert_eq!(warnings, "", "the {dir} annotations have no defects");
    let path = corpus().join(baseline);
    let baseline: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let dropped: Vec<String> = FIGURES
        .iter()
        .filter(|f| now[**f].as_f64().unwrap() < baseline[**f].as_f64().unwrap() - 1e-9)
        .map(|f| format!("{f} {} < baseline {}", now[*f], baseline[*f]))
        .collect();
    if dropped.is_empty() && std::env::var_os("CONVOY_RAISE_BASELINE").is_some() {
        let raised: serde_json::Map<String, Value> = FIGURES
            .iter()
            .map(|f| (f.to_string(), now[*f].clone()))
            .collect();
        let text = serde_json::to_string_pretty(&raised).unwrap() + "\n";
        std::fs::write(&path, text).unwrap();
    }
    assert!(
        dropped.is_empty(),
        "convoy eval tests/corpus/{dir} scores lower than {}: {}.\n\
         The baseline is a ratchet: it may only go up. When extraction improves, raise it with\n\
         `CONVOY_RAISE_BASELINE=1 cargo test --release --test eval` (it writes today's figures\n\
         when none is below the baseline) and commit it.",
        path.display(),
        dropped.join(", ")
    );
}

#[test]
fn verbose_tables_end_with_the_summary_line() {
    let dev = corpus().join("dev");
    let o = convoy(&["eval", dev.to_str().unwrap(), "--verbose"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("301_alain_russian_convoy_qamishli: places "));
    let last = lines.last().unwrap();
    assert!(last.starts_with("places P ") && last.contains(" lines); events R "));
    let (json, _) = eval_json(&dev, 0);
    let c = &json["counts"];
    let lines_part = format!(
        "({}/{}, {}/{} lines)",
        c["mv_hit"], c["mv_n"], c["mv_used"], c["mv_out"]
    );
    let events_part = format!("({}/{})", c["ev_hit"], c["ev_n"]);
    assert!(
        last.contains(&lines_part) && last.ends_with(&events_part),
        "{last}"
    );
}

/// A directory with copies of the dev articles `stems`, each annotation changed by `edit`.
fn corpus_copy(stems: &[&str], edit: impl Fn(&str, String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for stem in stems {
        let from = corpus().join("dev").join(stem);
        let txt = from.with_extension("txt");
        std::fs::copy(&txt, dir.path().join(format!("{stem}.txt"))).unwrap();
        let json = std::fs::read_to_string(from.with_extension("json")).unwrap();
        std::fs::write(dir.path().join(format!("{stem}.json")), edit(stem, json)).unwrap();
    }
    dir
}

const GOOD: &str = "301_alain_russian_convoy_qamishli";
const MOVES: &str = "304_almaalomah_shaddadi_to_harir";
const EVENTS: &str = "305_radioalnas_omar_conoco";

/// The annotation with its first movement's origin renamed and an event's evidence changed.
fn with_entry_defects(stem: &str, json: String) -> String {
    let mut v: Value = serde_json::from_str(&json).unwrap();
    if stem == MOVES {
        v["movements"][0]["origin"] = "Foo".into();
    }
    if stem == EVENTS {
        v["events"][1]["evidence_ar"] = "نص لم يرد في المقال".into();
    }
    serde_json::to_string(&v).unwrap()
}

#[test]
fn entries_naming_unknown_places_are_left_out_and_the_rest_scored() {
    let stems = [GOOD, MOVES, EVENTS];
    let dir = corpus_copy(&stems, with_entry_defects);
    let (bad, warnings) = eval_json(dir.path(), 0);
    let d = dir.path().display();
    assert_eq!(
        warnings,
        format!(
            "convoy: {d}/{MOVES}.json: movements[0].origin: \"Foo\" is not a place of this \
             article; movements[0] is not scored\n\
             convoy: {d}/{EVENTS}.json: events[1].evidence_ar: not found verbatim in \
             {EVENTS}.txt\n"
        )
    );
    // The same articles annotated well: one movement more, the same events.
    let (good, _) = eval_json(corpus_copy(&stems, |_, j| j).path(), 0);
    let count = |v: &Value, k: &str| v["counts"][k].as_u64().unwrap();
    assert_eq!(count(&bad, "mv_n") + 1, count(&good, "mv_n"));
    assert_eq!(count(&bad, "ev_n"), count(&good, "ev_n"));
    assert_eq!(count(&bad, "pl_n"), count(&good, "pl_n"));
}

#[test]
fn an_annotation_that_is_not_json_skips_its_article_and_exits_1() {
    let stems = [GOOD, MOVES];
    let broken = corpus_copy(&stems, |stem, json| {
        if stem == MOVES {
            json.replacen('}', "", 1)
        } else {
            json
        }
    });
    let (bad, warnings) = eval_json(broken.path(), 1);
    let prefix = format!(
        "convoy: {}/{MOVES}.json: not valid JSON: ",
        broken.path().display()
    );
    assert!(warnings.starts_with(&prefix), "{warnings}");
    assert!(warnings.trim_end().ends_with("; the article is not scored"));
    // What is scored is the good article alone.
    let (alone, _) = eval_json(corpus_copy(&[GOOD], |_, j| j).path(), 0);
    assert_eq!(bad, alone);
}

#[test]
fn an_annotation_without_its_article_is_noted() {
    let dir = corpus_copy(&[GOOD], |_, j| j);
    std::fs::write(dir.path().join("stray.json"), "{}").unwrap();
    let (_, warnings) = eval_json(dir.path(), 0);
    assert_eq!(
        warnings,
        format!(
            "convoy: {}/stray.json: no stray.txt beside it to score\n",
            dir.path().display()
        )
    );
}

#[test]
fn countries_can_come_from_a_file_and_a_bad_one_is_fatal() {
    let dir = corpus_copy(&[MOVES], |_, j| j);
    let d = dir.path().to_str().unwrap();
    // A world with one square country, Syria: every other country is unknown.
    let countries = dir.path().join("countries.geojson");
    std::fs::write(
        &countries,
        r#"{"type":"FeatureCollection","features":[{"type":"Feature",
            "properties":{"iso2":"SY"},"geometry":{"type":"Polygon",
            "coordinates":[[[35,32],[43,32],[43,38],[35,38],[35,32]]]}}]}"#,
    )
    .unwrap();
    let c = countries.to_str().unwrap();
    let o = convoy(&["eval", d, "--countries", c, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stderr(&o).contains(
            "places[5].country: no country polygon has the code \"TR\"; places[5] is not scored"
        ),
        "{}",
        stderr(&o)
    );
    std::fs::write(&countries, "[").unwrap();
    let o = convoy(&["eval", d, "--countries", c]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with(&format!("convoy: {c}: line 1 column 1")));
    let o = convoy(&["eval", "no/such/dir"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "convoy: no/such/dir: not a directory of annotated articles\n"
    );
}
