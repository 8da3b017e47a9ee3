//! Contract files read one feature at a time (issue 16, item 9): `render` of a file of many
//! features and `near --along` a file of many movements give whole, ordered answers; --along
//! writes nothing for a broken file and waits for a run replacing the file's output set.
//! Structure only: the time and memory figures are scripts/bench/render-million.sh and along.sh.

mod common;
use common::{convoy, stderr, stdout};

use std::io::{BufRead, Write};
use std::path::Path;
use std::process::{Command, Stdio};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// al-Tanf garrison and al-Waleed crossing (27.9 km apart), and Ain al-Asad.
const TANF: [f64; 2] = [38.6178, 33.5058];
const WALEED: [f64; 2] = [38.9073, 33.4343];
const ASAD: [f64; 2] = [42.4412, 33.7856];

fn movement(id: &str, from: (&str, [f64; 2]), to: (&str, [f64; 2])) -> String {
    format!(
        r#"{{"type":"Feature","id":"{id}","geometry":{{"type":"LineString","coordinates":[{:?},{:?}]}},
        "properties":{{"id":"{id}","doc":"{id}.txt","actor":"United States","origin":"{}",
        "origin_name":"{}","destination":"{}","destination_name":"{}","via":[],"vehicles":10,
        "status":"completed","event_date":"2020-01-08","evidence":"انسحب رتل من القاعدة"}}}}"#,
        from.1, to.1, from.0, from.0, to.0, to.0
    )
}

fn event(id: &str) -> String {
    format!(
        r#"{{"type":"Feature","id":"{id}","geometry":{{"type":"Point","coordinates":{ASAD:?}}},
        "properties":{{"id":"{id}","doc":"{id}.txt","event_type":"attack","place":"ain_al_asad_airbase",
        "place_name":"Ain al-Asad Air Base","actor":null,"status":"reported","event_date":"2020-01-09"}}}}"#
    )
}

/// Writes a FeatureCollection of `features` to `path`, a feature at a time.
fn write_collection(path: &Path, features: impl Iterator<Item = String>) {
    let mut w = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    write!(w, r#"{{"type":"FeatureCollection","features":["#).unwrap();
    for (i, f) in features.enumerate() {
        write!(w, "{}{f}", if i == 0 { "" } else { ",\n" }).unwrap();
    }
    writeln!(w, "]}}").unwrap();
}

/// `n` movements from al-Tanf to al-Waleed (even) and from al-Waleed to al-Tanf (odd).
fn movements(n: usize) -> impl Iterator<Item = String> {
    (0..n).map(|i| match i % 2 {
        0 => movement(&format!("m{i}"), ("tanf", TANF), ("waleed", WALEED)),
        _ => movement(&format!("m{i}"), ("waleed", WALEED), ("tanf", TANF)),
    })
}

#[test]
fn f09_render_of_many_features_draws_them_all_as_flows() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("many.geojson");
    // 30,000 movements along two routes, 30,000 events at one place, and the first movement
    // again (a repeated id is kept once).
    let features = movements(30_000)
        .chain((0..30_000).map(|i| event(&format!("e{i}"))))
        .chain(movements(1));
    write_collection(&file, features);
    let svg = dir.path().join("many.svg");
    let o = convoy(&["render", s(&file), "-o", s(&svg)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = std::fs::read_to_string(&svg).unwrap();
    // Each route is one flow counting its trips.
    let mut counts: Vec<&str> = svg
        .split("data-count=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    counts.sort();
    assert!(counts.contains(&"15000"), "{counts:?}");
    assert_eq!(
        counts.iter().filter(|c| **c == "15000").count(),
        2,
        "{counts:?}"
    );
    assert!(svg.contains("30000"), "the events' count is missing");
    let png = dir.path().join("many.png");
    let o = convoy(&["render", s(&file), "-o", s(&png)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&png)
        .unwrap()
        .starts_with(b"\x89PNG\r\n\x1a\n"));
}

#[test]
fn f09_along_answers_each_movement_of_a_large_file_in_file_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("movements.geojson");
    write_collection(&file, movements(5_000));
    let near = |format: &str| {
        convoy(&[
            "near",
            "--along",
            s(&file),
            "--within",
            "2km",
            "--kind",
            "base,crossing",
            "--format",
            format,
        ])
    };
    let o = near("csv");
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let rows: Vec<Vec<&str>> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    // Every movement passes both ends: two rows each, the origin first, movements in order.
    assert_eq!(rows.len(), 10_000, "{}", &out[..500.min(out.len())]);
    for (i, pair) in rows.chunks(2).enumerate() {
        assert_eq!(
            (pair[0][0], pair[1][0]),
            (&*format!("m{i}"), &*format!("m{i}"))
        );
        let ends = (pair[0][4], pair[1][4]);
        match i % 2 {
            0 => assert_eq!(
                ends,
                ("al_tanf_garrison", "al_waleed_crossing_anbar"),
                "m{i}"
            ),
            _ => assert_eq!(
                ends,
                ("al_waleed_crossing_anbar", "al_tanf_garrison"),
                "m{i}"
            ),
        }
    }
    let o = near("geojson");
    assert!(o.status.success(), "{}", stderr(&o));
    let fc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(fc["features"].as_array().unwrap().len(), 10_000);
}

#[test]
fn f09_along_a_broken_file_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("movements.geojson");
    write_collection(&file, movements(100));
    let mut bytes = std::fs::read(&file).unwrap();
    bytes.truncate(bytes.len() - 10);
    std::fs::write(&file, bytes).unwrap();
    let o = convoy(&[
        "near",
        "--along",
        s(&file),
        "--within",
        "2km",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("movements.geojson: file: not a GeoJSON FeatureCollection"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn f09_along_waits_for_a_run_replacing_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("movements.geojson");
    write_collection(&file, movements(2));
    // A run committing into the directory holds its lock.
    let lock = std::fs::File::create(dir.path().join(".convoy.lock")).unwrap();
    lock.lock().unwrap();
    let mut waiting = Command::new(env!("CARGO_BIN_EXE_convoy"))
        .args([
            "near",
            "--along",
            s(&file),
            "--within",
            "2km",
            "--kind",
            "base,crossing",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = std::io::BufReader::new(waiting.stderr.take().unwrap());
    let mut first = String::new();
    err.read_line(&mut first).unwrap();
    assert!(
        first.contains("another convoy run is replacing its files; waiting"),
        "{first}"
    );
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(
        waiting.try_wait().unwrap().is_none(),
        "it read while the set was replaced"
    );
    lock.unlock().unwrap();
    let o = waiting.wait_with_output().unwrap();
    assert!(o.status.success());
    assert_eq!(
        stdout(&o)
            .lines()
            .skip(1)
            .filter(|l| l.starts_with("m0 ") || l.starts_with("m1 "))
            .count(),
        4,
        "{}",
        stdout(&o)
    );
}
