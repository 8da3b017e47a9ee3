//! `convoy map` at corpus scale (issue 14, item 4): every article's map is written, the same
//! bytes whatever the number of threads.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

/// The seed articles copied under `n` distinct names into `dir`.
fn corpus(dir: &Path, copies: usize) -> BTreeSet<String> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut stems = BTreeSet::new();
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
            for k in 0..copies {
                let stem = format!("{k:03}_{name}");
                std::fs::copy(&path, dir.join(format!("{stem}.txt"))).unwrap();
                stems.insert(stem);
            }
        }
    }
    stems
}

/// Runs `convoy map CORPUS -o OUT` on `threads` threads.
fn map(corpus: &Path, out: &Path, threads: usize) {
    let o = Command::new(env!("CARGO_BIN_EXE_convoy"))
        .args(["map", corpus.to_str().unwrap(), "-o", out.to_str().unwrap()])
        .env("RAYON_NUM_THREADS", threads.to_string())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", common::stderr(&o));
}

fn pngs(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".png"))
        .collect()
}

#[test]
fn every_article_map_is_written_the_same_on_one_thread_or_two() {
    let tmp = tempfile::tempdir().unwrap();
    let (articles, one, two) = (
        tmp.path().join("articles"),
        tmp.path().join("one"),
        tmp.path().join("two"),
    );
    std::fs::create_dir(&articles).unwrap();
    let stems = corpus(&articles, 4);
    assert_eq!(stems.len(), 20);
    map(&articles, &one, 1);
    map(&articles, &two, 2);
    let mut expected: BTreeSet<String> = stems.iter().map(|s| format!("{s}.png")).collect();
    expected.insert("overview.png".into());
    assert_eq!(pngs(&one), expected);
    assert_eq!(pngs(&two), expected);
    for name in &expected {
        let a = std::fs::read(one.join(name)).unwrap();
        let b = std::fs::read(two.join(name)).unwrap();
        assert!(a.starts_with(b"\x89PNG\r\n\x1a\n"), "{name} is not a PNG");
        assert!(a == b, "{name} differs between one thread and two");
    }
    // No temporary file is left behind.
    let left: Vec<String> = std::fs::read_dir(&two)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// A movements file of `counts[k]` copies of trip `k` (from Ain al-Asad, Baghdad, Erbil …
/// to Kuwait, 40 vehicles each, ids `r<k>-001`…).
fn trips(counts: &[usize]) -> String {
    let starts = [
        [42.44, 33.79],
        [44.36, 33.31],
        [43.96, 36.24],
        [40.14, 32.82],
    ];
    let mut features = Vec::new();
    for (k, &n) in counts.iter().enumerate() {
        let [x, y] = starts[k];
        for i in 1..=n {
            let id = format!("r{k}-{i:03}");
            features.push(format!(
                r#"{{"type":"Feature","id":"{id}","geometry":{{"type":"LineString","coordinates":[[{x},{y}],[47.98,29.37]]}},
                "properties":{{"id":"{id}","doc":"{id}.txt","actor":"United States","origin":"start{k}",
                "destination":"kuwait_city","via":[],"vehicles":40,"status":"reported","event_date":"2020-01-08"}}}}"#
            ));
        }
    }
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    )
}

/// The widest stroke in the SVG element with `data-feature-id` `id` drawn in `colour`, in px.
fn stroke_width(doc: &roxmltree::Document, id: &str, colour: &str) -> Option<f64> {
    let g = doc
        .descendants()
        .find(|n| n.attribute("data-feature-id") == Some(id))?;
    g.descendants()
        .filter(|n| {
            n.attribute("stroke")
                .is_some_and(|s| s.eq_ignore_ascii_case(colour))
        })
        .filter_map(|n| {
            let w: f64 = n.attribute("stroke-width")?.parse().ok()?;
            // Plotters draws at 8× inside a scale(0.125) group.
            Some(w / 8.0)
        })
        .reduce(f64::max)
}

#[test]
fn identical_trips_draw_one_flow_as_wide_as_their_number() {
    use convoy::render::{render_svg, MapOptions, Scene};
    let counts = [1, 2, 20, 200];
    let data = Scene::from_geojson_str("movements.geojson", &trips(&counts)).unwrap();
    let svg = render_svg(&data, &MapOptions::default()).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let flows: Vec<_> = doc
        .descendants()
        .filter(|e| e.attribute("class") == Some("flow"))
        .collect();
    // The route travelled once is a movement of its own; each repeated one is one element
    // listing its trips, with their vehicles added up.
    assert_eq!(flows.len(), 3);
    assert!(svg.contains("class=\"movement\" data-feature-id=\"r0-001\""));
    let mut widths = vec![stroke_width(&doc, "r0-001", "#1f77b4").unwrap()];
    for (k, &n) in counts.iter().enumerate().skip(1) {
        let first = format!("r{k}-001");
        let f = flows
            .iter()
            .find(|f| f.attribute("data-feature-id") == Some(first.as_str()))
            .unwrap();
        assert_eq!(f.attribute("data-count"), Some(n.to_string().as_str()));
        let ids: Vec<&str> = f
            .attribute("data-feature-ids")
            .unwrap()
            .split(' ')
            .collect();
        assert_eq!(ids.len(), n);
        assert_eq!(ids[n - 1], format!("r{k}-{n:03}"));
        assert_eq!(
            f.attribute("data-vehicles"),
            Some((40 * n).to_string().as_str())
        );
        for id in &ids[1..] {
            assert!(
                !svg.contains(&format!("data-feature-id=\"{id}\"")),
                "{id} drawn apart"
            );
        }
        widths.push(stroke_width(&doc, &first, "#1f77b4").unwrap());
    }
    assert!(
        widths.windows(2).all(|w| w[0] < w[1]),
        "widths grow with the trips: {widths:?}"
    );
}
